/* jj-library-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <opencc/opencc.h>

#include "jj-library-query.h"
#include "jj-text-fold.h"

struct _JjLibraryQuery
{
  GObject         parent_instance;

  char           *text;
  char          **terms;  /* folded words of text; all must match */
  char           *kind;
  char           *tag;
  char           *author;
  char           *document;
  GDateTime      *since;
  GDateTime      *until;
  JjLibrarySort   sort;
};

G_DEFINE_FINAL_TYPE (JjLibraryQuery, jj_library_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_KIND,
  PROP_TAG,
  PROP_AUTHOR,
  PROP_DOCUMENT,
  PROP_SORT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
jj_library_query_finalize (GObject *object)
{
  JjLibraryQuery *self = (JjLibraryQuery *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->terms, g_strfreev);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->document, g_free);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);

  G_OBJECT_CLASS (jj_library_query_parent_class)->finalize (object);
}

static void
jj_library_query_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JjLibraryQuery *self = JJ_LIBRARY_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_DOCUMENT:
      g_value_set_string (value, self->document);
      break;
    case PROP_SORT:
      g_value_set_uint (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_library_query_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JjLibraryQuery *self = JJ_LIBRARY_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      jj_library_query_set_text (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      jj_library_query_set_kind (self, g_value_get_string (value));
      break;
    case PROP_TAG:
      jj_library_query_set_tag (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      jj_library_query_set_author (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT:
      jj_library_query_set_document (self, g_value_get_string (value));
      break;
    case PROP_SORT:
      jj_library_query_set_sort (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_library_query_class_init (JjLibraryQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_library_query_finalize;
  object_class->get_property = jj_library_query_get_property;
  object_class->set_property = jj_library_query_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_string ("document", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A JjLibrarySort */
  properties[PROP_SORT] =
    g_param_spec_uint ("sort", NULL, NULL,
                       JJ_LIBRARY_SORT_DATE, JJ_LIBRARY_SORT_KIND, JJ_LIBRARY_SORT_DATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after any criterion changed, so a view re-runs the query once. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jj_library_query_init (JjLibraryQuery *self)
{
}

JjLibraryQuery *
jj_library_query_new (void)
{
  return g_object_new (JJ_TYPE_LIBRARY_QUERY, NULL);
}

static gboolean
replace_criterion (JjLibraryQuery *self,
                   char          **field,
                   const char     *value,
                   guint           prop_id)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

const char *
jj_library_query_get_text (JjLibraryQuery *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (self), NULL);

  return self->text;
}

/* Words separated by white space must all occur; each is matched as a
 * substring, ignoring case, width and simplified/traditional forms.
 */
void
jj_library_query_set_text (JjLibraryQuery *self,
                           const char     *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_auto(GStrv) words = NULL;

  g_return_if_fail (JJ_IS_LIBRARY_QUERY (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_clear_pointer (&self->terms, g_strfreev);
  if (text != NULL)
    {
      folded = jj_text_fold (text, -1);
      words = g_strsplit_set (folded, " \t\n", -1);
      terms = g_ptr_array_new ();
      for (guint i = 0; words[i] != NULL; i++)
        {
          const char *word = words[i];

          /* #党建 finds what is tagged 党建, as 党建 does. */
          while (g_str_has_prefix (word, "#") || g_str_has_prefix (word, "＃"))
            word = g_utf8_next_char (word);
          if (word[0] != '\0')
            g_ptr_array_add (terms, g_strdup (word));
        }
      if (terms->len > 0)
        {
          g_ptr_array_add (terms, NULL);
          self->terms = (char **)g_ptr_array_free (g_steal_pointer (&terms), FALSE);
        }
    }

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
jj_library_query_get_kind (JjLibraryQuery *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (self), NULL);

  return self->kind;
}

void
jj_library_query_set_kind (JjLibraryQuery *self,
                           const char     *kind)
{
  g_return_if_fail (JJ_IS_LIBRARY_QUERY (self));

  replace_criterion (self, &self->kind, kind, PROP_KIND);
}

const char *
jj_library_query_get_tag (JjLibraryQuery *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (self), NULL);

  return self->tag;
}

void
jj_library_query_set_tag (JjLibraryQuery *self,
                          const char     *tag)
{
  g_return_if_fail (JJ_IS_LIBRARY_QUERY (self));

  replace_criterion (self, &self->tag, tag, PROP_TAG);
}

const char *
jj_library_query_get_author (JjLibraryQuery *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (self), NULL);

  return self->author;
}

/* Only the passages marked by @author (NULL: everyone's). */
void
jj_library_query_set_author (JjLibraryQuery *self,
                             const char     *author)
{
  g_return_if_fail (JJ_IS_LIBRARY_QUERY (self));

  replace_criterion (self, &self->author, author, PROP_AUTHOR);
}

const char *
jj_library_query_get_document (JjLibraryQuery *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (self), NULL);

  return self->document;
}

void
jj_library_query_set_document (JjLibraryQuery *self,
                               const char     *document_path)
{
  g_return_if_fail (JJ_IS_LIBRARY_QUERY (self));

  replace_criterion (self, &self->document, document_path, PROP_DOCUMENT);
}

/* Passages created at or after @since and before @until; either may be NULL. */
void
jj_library_query_set_date_range (JjLibraryQuery *self,
                                 GDateTime      *since,
                                 GDateTime      *until)
{
  g_return_if_fail (JJ_IS_LIBRARY_QUERY (self));

  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  if (since != NULL)
    self->since = g_date_time_ref (since);
  if (until != NULL)
    self->until = g_date_time_ref (until);
  g_signal_emit (self, signals[CHANGED], 0);
}

JjLibrarySort
jj_library_query_get_sort (JjLibraryQuery *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (self), JJ_LIBRARY_SORT_DATE);

  return self->sort;
}

void
jj_library_query_set_sort (JjLibraryQuery *self,
                           JjLibrarySort   sort)
{
  g_return_if_fail (JJ_IS_LIBRARY_QUERY (self));
  g_return_if_fail (sort <= JJ_LIBRARY_SORT_KIND);

  if (self->sort == sort)
    return;

  self->sort = sort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
jj_library_query_matches (JjLibraryQuery *self,
                          JjPassage      *passage)
{
  GDateTime *created;

  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (self), FALSE);
  g_return_val_if_fail (JJ_IS_PASSAGE (passage), FALSE);

  if (self->kind != NULL && !g_str_equal (self->kind, jj_passage_get_kind (passage)))
    return FALSE;
  if (self->tag != NULL && !jj_passage_has_tag (passage, self->tag))
    return FALSE;
  if (self->author != NULL && g_strcmp0 (self->author, jj_passage_get_author (passage)) != 0)
    return FALSE;
  if (self->document != NULL && !g_str_equal (self->document, jj_passage_get_document_path (passage)))
    return FALSE;

  /* Only then: a passage's date is made when first asked for. */
  if (self->since != NULL || self->until != NULL)
    {
      created = jj_passage_get_created (passage);
      if (self->since != NULL && (created == NULL || g_date_time_compare (created, self->since) < 0))
        return FALSE;
      if (self->until != NULL && (created == NULL || g_date_time_compare (created, self->until) >= 0))
        return FALSE;
    }

  if (self->terms != NULL)
    {
      const char *key = jj_library_query_ensure_search_key (passage);

      for (guint i = 0; self->terms[i] != NULL; i++)
        {
          if (strstr (key, self->terms[i]) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

static int
compare_elements (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GCompareFunc compare = user_data;

  return compare (*(JjPassage * const *)a, *(JjPassage * const *)b);
}

void
jj_library_query_sort (JjLibrarySort  sort,
                       GPtrArray     *passages)
{
  GCompareFunc compare;

  g_return_if_fail (passages != NULL);

  switch (sort)
    {
    case JJ_LIBRARY_SORT_DOCUMENT:
      compare = jj_passage_compare_by_document;
      break;
    case JJ_LIBRARY_SORT_KIND:
      compare = jj_passage_compare_by_kind;
      break;
    case JJ_LIBRARY_SORT_DATE:
    default:
      compare = jj_passage_compare_by_date;
      break;
    }

  g_ptr_array_sort_with_data (passages, compare_elements, compare);
}

/* Returns the matching passages (new references), in the query's order. */
GPtrArray *
jj_library_query_run (JjLibraryQuery  *self,
                      JjPassage      **passages,
                      guint            n_passages)
{
  GPtrArray *result;

  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (self), NULL);
  g_return_val_if_fail (passages != NULL || n_passages == 0, NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_passages; i++)
    {
      if (jj_library_query_matches (self, passages[i]))
        g_ptr_array_add (result, g_object_ref (passages[i]));
    }

  jj_library_query_sort (self->sort, result);

  return result;
}

static GMutex opencc_lock;
static opencc_t opencc_t2s = NULL;
static gboolean opencc_tried = FALSE;

static char *
to_simplified (const char *text)
{
  g_autofree char *result = NULL;

  g_mutex_lock (&opencc_lock);

  if (!opencc_tried)
    {
      opencc_tried = TRUE;
      opencc_t2s = opencc_open ("t2s.json");
      if (opencc_t2s == (opencc_t)-1)
        {
          g_warning ("Cannot load the OpenCC configuration t2s.json: searches will tell traditional from simplified characters");
          opencc_t2s = NULL;
        }
    }

  if (opencc_t2s != NULL)
    {
      char *converted = opencc_convert_utf8 (opencc_t2s, text, strlen (text));

      if (converted != NULL)
        {
          result = g_strdup (converted);
          opencc_convert_utf8_free (converted);
        }
    }

  g_mutex_unlock (&opencc_lock);

  if (result == NULL)
    result = g_strdup (text);

  return g_steal_pointer (&result);
}

/* The form text is compared in: compatibility-normalized (full-width
 * letters and digits become ASCII), case-folded, traditional characters
 * converted to simplified.
 */
char *
jj_library_query_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normalized, -1);

  return to_simplified (folded);
}

/* What a search looks in: title, quote and note, one per line. */
const char *
jj_library_query_ensure_search_key (JjPassage *passage)
{
  g_autofree char *joined = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (JJ_IS_PASSAGE (passage), NULL);

  if (jj_passage_get_search_key (passage) != NULL)
    return jj_passage_get_search_key (passage);

  /* What a row of the library shows and can highlight: the quote, the
   * note, the tags and the section. Not the speech's title, which every
   * passage of the speech shares (the speech filter chooses by it). */
  {
    const char * const *tags = jj_passage_get_tags (passage);
    g_autofree char *tag_line = tags != NULL ? g_strjoinv ("\n", (char **) tags) : NULL;

    joined = g_strjoin ("\n",
                        jj_passage_get_quote (passage),
                        jj_passage_get_note (passage),
                        tag_line != NULL ? tag_line : "",
                        jj_passage_get_section (passage),
                        NULL);
  }
  /* A code point at a time from a table, as the full-text index folds:
   * OpenCC over each passage took most of a cold start. */
  key = jj_text_fold (joined, -1);
  jj_passage_set_search_key (passage, key);

  return jj_passage_get_search_key (passage);
}

/**
 * jj_library_query_markup:
 *
 * @text escaped for Pango markup, the parts that match the query's search
 * words highlighted: why a passage was found.
 *
 * Returns: (transfer full): markup
 */
char *
jj_library_query_markup (JjLibraryQuery *self,
                         const char     *text)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autoptr(GArray) owner = g_array_new (FALSE, FALSE, sizeof (guint));  /* folded byte → char */
  g_autofree gboolean *hit = NULL;
  GString *markup;
  glong n_chars;
  guint index = 0;

  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  n_chars = g_utf8_strlen (text, -1);
  hit = g_new0 (gboolean, n_chars + 1);

  /* Folded a character at a time, to map a match back to the text. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      char one[8] = { 0 };
      g_autofree char *f = NULL;

      g_unichar_to_utf8 (g_utf8_get_char (p), one);
      f = jj_text_fold (one, -1);
      g_string_append (folded, f);
      for (gsize k = 0; f[k] != '\0'; k++)
        g_array_append_val (owner, index);
    }

  for (guint t = 0; self->terms != NULL && self->terms[t] != NULL; t++)
    {
      const char *term = self->terms[t];
      gsize len = strlen (term);

      for (const char *m = strstr (folded->str, term); m != NULL; m = strstr (m + 1, term))
        {
          gsize at = m - folded->str;

          for (gsize k = at; k < at + len && k < owner->len; k++)
            hit[g_array_index (owner, guint, k)] = TRUE;
        }
    }

  markup = g_string_new (NULL);
  index = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      g_autofree char *escaped = g_markup_escape_text (p, g_utf8_next_char (p) - p);

      if (hit[index] && (index == 0 || !hit[index - 1]))
        g_string_append (markup, "<b><span background=\"#f8e45c80\">");
      g_string_append (markup, escaped);
      if (hit[index] && !hit[index + 1])
        g_string_append (markup, "</span></b>");
    }

  return g_string_free (markup, FALSE);
}
