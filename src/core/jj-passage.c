/* jj-passage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-mark-kind.h"
#include "jj-passage-private.h"

struct _JjPassage
{
  GObject           parent_instance;

  char             *id;
  char             *quote;
  char             *kind;
  char            **tags;
  char             *note;
  char             *author;
  GDateTime        *created;      /* made from created_key when first asked */
  GDateTime        *modified;     /* made from modified_key when first asked */
  char             *document_title;
  char             *document_path;
  char             *section;
  char             *speaker;
  char             *speech_date;
  char             *search_key;
  gint64            created_key;  /* µs since 1970, for fast sorting; G_MININT64: none */
  gint64            modified_key;
  guint             start;
  guint             end;
  JjDocumentStatus  document_status;
};

G_DEFINE_FINAL_TYPE (JjPassage, jj_passage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_QUOTE,
  PROP_KIND,
  PROP_TAGS,
  PROP_NOTE,
  PROP_CREATED,
  PROP_DOCUMENT_TITLE,
  PROP_DOCUMENT_PATH,
  PROP_SECTION,
  PROP_DOCUMENT_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jj_passage_finalize (GObject *object)
{
  JjPassage *self = (JjPassage *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->document_title, g_free);
  g_clear_pointer (&self->document_path, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->speaker, g_free);
  g_clear_pointer (&self->speech_date, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (jj_passage_parent_class)->finalize (object);
}

static void
jj_passage_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JjPassage *self = JJ_PASSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, jj_passage_get_created (self));
      break;
    case PROP_DOCUMENT_TITLE:
      g_value_set_string (value, self->document_title);
      break;
    case PROP_DOCUMENT_PATH:
      g_value_set_string (value, self->document_path);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_DOCUMENT_STATUS:
      g_value_set_uint (value, self->document_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_passage_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JjPassage *self = JJ_PASSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;
    case PROP_QUOTE:
      jj_passage_set_quote (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      jj_passage_set_kind (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      jj_passage_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_NOTE:
      jj_passage_set_note (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      jj_passage_set_created (self, g_value_get_boxed (value));
      break;
    case PROP_DOCUMENT_TITLE:
      jj_passage_set_document_title (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT_PATH:
      jj_passage_set_document_path (self, g_value_get_string (value));
      break;
    case PROP_SECTION:
      jj_passage_set_section (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT_STATUS:
      jj_passage_set_document_status (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_passage_class_init (JjPassageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_passage_finalize;
  object_class->get_property = jj_passage_get_property;
  object_class->set_property = jj_passage_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_TITLE] =
    g_param_spec_string ("document-title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_PATH] =
    g_param_spec_string ("document-path", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A JjDocumentStatus */
  properties[PROP_DOCUMENT_STATUS] =
    g_param_spec_uint ("document-status", NULL, NULL,
                       JJ_DOCUMENT_STATUS_PRESENT, JJ_DOCUMENT_STATUS_MISSING,
                       JJ_DOCUMENT_STATUS_PRESENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jj_passage_init (JjPassage *self)
{
  self->created_key = G_MININT64;
  self->modified_key = G_MININT64;
}

static gint64
date_key (GDateTime *date)
{
  if (date == NULL)
    return G_MININT64;

  return g_date_time_to_unix (date) * G_USEC_PER_SEC + g_date_time_get_microsecond (date);
}

JjPassage *
jj_passage_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (JJ_TYPE_PASSAGE, "id", id, NULL);
}

/* The passage of a mark read from the sidecar of the document at
 * @document_path (either may be NULL when unknown).
 */
JjPassage *
jj_passage_new_from_mark (JjMark     *mark,
                          const char *document_path,
                          const char *document_title)
{
  JjPassage *self;

  g_return_val_if_fail (JJ_IS_MARK (mark), NULL);

  self = jj_passage_new (jj_mark_get_id (mark));
  self->kind = g_strdup (jj_mark_get_kind (mark));
  jj_passage_set_tags (self, jj_mark_get_tags (mark));
  self->note = g_strdup (jj_mark_get_note (mark));
  self->author = g_strdup (jj_mark_get_author (mark));
  if (jj_mark_get_created (mark) != NULL)
    self->created = g_date_time_ref (jj_mark_get_created (mark));
  self->created_key = date_key (self->created);
  if (jj_mark_get_modified (mark) != NULL)
    self->modified = g_date_time_ref (jj_mark_get_modified (mark));
  self->modified_key = date_key (self->modified);
  self->quote = g_strdup (jj_mark_get_quote (mark));
  self->section = g_strdup (jj_mark_get_section (mark));
  if (jj_mark_get_start (mark) <= jj_mark_get_end (mark))
    {
      self->start = jj_mark_get_start (mark);
      self->end = jj_mark_get_end (mark);
    }
  self->document_path = g_strdup (document_path);
  self->document_title = g_strdup (document_title);

  return self;
}

JjPassage *
_jj_passage_new_full (const char         *id,
                      const char         *kind,
                      const char * const *tags,
                      const char         *note,
                      const char         *author,
                      const char         *quote,
                      const char         *section,
                      const char         *search_key,
                      gint64              created,
                      gint64              modified,
                      guint               start,
                      guint               end,
                      const char         *document_path,
                      const char         *document_title,
                      JjDocumentStatus    status)
{
  JjPassage *self = g_object_new (JJ_TYPE_PASSAGE, NULL);

  self->id = g_strdup (id);
  self->kind = g_strdup (kind);
  if (tags != NULL && tags[0] != NULL)
    self->tags = g_strdupv ((char **)tags);
  self->note = g_strdup (note);
  self->author = g_strdup (author);
  self->quote = g_strdup (quote);
  self->section = g_strdup (section);
  self->search_key = g_strdup (search_key);
  /* The dates are made when asked for: most passages never are. */
  self->created_key = created;
  self->modified_key = modified;
  if (start <= end)
    {
      self->start = start;
      self->end = end;
    }
  self->document_path = g_strdup (document_path);
  self->document_title = g_strdup (document_title);
  self->document_status = MIN (status, JJ_DOCUMENT_STATUS_MISSING);

  return self;
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

#define EMPTY_IF_NULL(s) ((s) != NULL ? (s) : "")

const char *
jj_passage_get_id (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return self->id;
}

const char *
jj_passage_get_quote (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return EMPTY_IF_NULL (self->quote);
}

void
jj_passage_set_quote (JjPassage  *self,
                      const char *quote)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  if (replace_string (&self->quote, quote))
    {
      g_clear_pointer (&self->search_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
    }
}

const char *
jj_passage_get_kind (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return EMPTY_IF_NULL (self->kind);
}

void
jj_passage_set_kind (JjPassage  *self,
                     const char *kind)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  if (replace_string (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* Never NULL, so callers can iterate without checking. */
const char * const *
jj_passage_get_tags (JjPassage *self)
{
  static const char * const no_tags[] = { NULL };

  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return self->tags != NULL ? (const char * const *)self->tags : no_tags;
}

void
jj_passage_set_tags (JjPassage          *self,
                     const char * const *tags)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  if (self->tags == NULL && (tags == NULL || tags[0] == NULL))
    return;
  if (self->tags != NULL && tags != NULL && g_strv_equal ((const char * const *)self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = (tags != NULL && tags[0] != NULL) ? g_strdupv ((char **)tags) : NULL;
  g_clear_pointer (&self->search_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
jj_passage_has_tag (JjPassage  *self,
                    const char *tag)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  return self->tags != NULL && g_strv_contains ((const char * const *)self->tags, tag);
}

const char *
jj_passage_get_note (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return EMPTY_IF_NULL (self->note);
}

void
jj_passage_set_note (JjPassage  *self,
                     const char *note)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  if (replace_string (&self->note, note))
    {
      g_clear_pointer (&self->search_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }
}

const char *
jj_passage_get_author (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return EMPTY_IF_NULL (self->author);
}

void
jj_passage_set_author (JjPassage  *self,
                       const char *author)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  replace_string (&self->author, author);
}

static GDateTime *
date_from_key (gint64 key)
{
  static GDateTime *epoch;

  if (g_once_init_enter (&epoch))
    g_once_init_leave (&epoch, g_date_time_new_from_unix_utc (0));

  return g_date_time_add (epoch, key);
}

GDateTime *
jj_passage_get_created (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  if (g_atomic_pointer_get (&self->created) == NULL && self->created_key != G_MININT64)
    {
      GDateTime *date = date_from_key (self->created_key);

      /* The library's thread may write the passage while a row shows it. */
      if (!g_atomic_pointer_compare_and_exchange (&self->created, NULL, date))
        g_date_time_unref (date);
    }

  return self->created;
}

void
jj_passage_set_created (JjPassage *self,
                        GDateTime *created)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  if (created == NULL ? self->created_key == G_MININT64 : self->created == created)
    return;

  g_clear_pointer (&self->created, g_date_time_unref);
  if (created != NULL)
    self->created = g_date_time_ref (created);
  self->created_key = date_key (created);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

GDateTime *
jj_passage_get_modified (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  if (g_atomic_pointer_get (&self->modified) == NULL && self->modified_key != G_MININT64)
    {
      GDateTime *date = date_from_key (self->modified_key);

      /* The library's thread may write the passage while a row shows it. */
      if (!g_atomic_pointer_compare_and_exchange (&self->modified, NULL, date))
        g_date_time_unref (date);
    }

  return self->modified;
}

void
jj_passage_set_modified (JjPassage *self,
                         GDateTime *modified)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  if (modified == NULL ? self->modified_key == G_MININT64 : self->modified == modified)
    return;

  g_clear_pointer (&self->modified, g_date_time_unref);
  if (modified != NULL)
    self->modified = g_date_time_ref (modified);
  self->modified_key = date_key (modified);
}

const char *
jj_passage_get_document_title (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return EMPTY_IF_NULL (self->document_title);
}

void
jj_passage_set_document_title (JjPassage  *self,
                               const char *title)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  if (replace_string (&self->document_title, title))
    {
      g_clear_pointer (&self->search_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_TITLE]);
    }
}

const char *
jj_passage_get_document_path (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return EMPTY_IF_NULL (self->document_path);
}

void
jj_passage_set_document_path (JjPassage  *self,
                              const char *path)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  if (replace_string (&self->document_path, path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_PATH]);
}

const char *
jj_passage_get_section (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return EMPTY_IF_NULL (self->section);
}

void
jj_passage_set_section (JjPassage  *self,
                        const char *section)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  if (replace_string (&self->section, section))
    {
      g_clear_pointer (&self->search_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
    }
}

guint
jj_passage_get_start (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), 0);

  return self->start;
}

guint
jj_passage_get_end (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), 0);

  return self->end;
}

void
jj_passage_set_range (JjPassage *self,
                      guint      start,
                      guint      end)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));
  g_return_if_fail (start <= end);

  self->start = start;
  self->end = end;
}

JjDocumentStatus
jj_passage_get_document_status (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), JJ_DOCUMENT_STATUS_MISSING);

  return self->document_status;
}

void
jj_passage_set_document_status (JjPassage        *self,
                                JjDocumentStatus  status)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));
  g_return_if_fail (status <= JJ_DOCUMENT_STATUS_MISSING);

  if (self->document_status == status)
    return;

  self->document_status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_STATUS]);
}

/* The folded text that searches run over (see jj_text_fold());
 * NULL until someone computes it, and reset when the text it covers changes.
 */
const char *
jj_passage_get_search_key (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return self->search_key;
}

void
jj_passage_set_search_key (JjPassage  *self,
                           const char *key)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  replace_string (&self->search_key, key);
}

static int
compare_position (JjPassage *a,
                  JjPassage *b)
{
  int ret;

  if ((ret = g_strcmp0 (a->document_path, b->document_path)) != 0)
    return ret;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;

  return g_strcmp0 (a->id, b->id);
}

static guint
kind_rank (const char *key)
{
  const JjMarkKind *kind = jj_mark_kind_lookup (key);

  /* Unknown kinds (from a newer version) go last, in no particular order. */
  if (kind == NULL)
    return G_MAXUINT;

  return (guint)(kind - jj_mark_kind_get_nth (0));
}

/* Newest first. */
gint
jj_passage_compare_by_date (gconstpointer a,
                            gconstpointer b)
{
  JjPassage *pa = (JjPassage *)a;
  JjPassage *pb = (JjPassage *)b;

  if (pa->created_key != pb->created_key)
    return pa->created_key < pb->created_key ? 1 : -1;

  return compare_position (pa, pb);
}

/* By document title, then in the order of the text. */
gint
jj_passage_compare_by_document (gconstpointer a,
                                gconstpointer b)
{
  JjPassage *pa = (JjPassage *)a;
  JjPassage *pb = (JjPassage *)b;
  int ret;

  if ((ret = g_strcmp0 (pa->document_title, pb->document_title)) != 0)
    return ret;

  return compare_position (pa, pb);
}

/* In the order of the kinds (jj-mark-kind.h), newest first within a kind. */
gint
jj_passage_compare_by_kind (gconstpointer a,
                            gconstpointer b)
{
  JjPassage *pa = (JjPassage *)a;
  JjPassage *pb = (JjPassage *)b;
  guint ra = kind_rank (pa->kind);
  guint rb = kind_rank (pb->kind);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if (ra == G_MAXUINT)
    {
      int ret = g_strcmp0 (pa->kind, pb->kind);

      if (ret != 0)
        return ret;
    }

  return jj_passage_compare_by_date (a, b);
}

/* Who gave the speech, as citations name the speaker; "" when unknown. */
const char *
jj_passage_get_speaker (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return EMPTY_IF_NULL (self->speaker);
}

void
jj_passage_set_speaker (JjPassage  *self,
                        const char *speaker)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  replace_string (&self->speaker, speaker);
}

/* The day of the speech as YYYY-MM-DD, "" when unknown: not the day the
 * passage was marked. */
const char *
jj_passage_get_speech_date (JjPassage *self)
{
  g_return_val_if_fail (JJ_IS_PASSAGE (self), NULL);

  return EMPTY_IF_NULL (self->speech_date);
}

void
jj_passage_set_speech_date (JjPassage  *self,
                            const char *date)
{
  g_return_if_fail (JJ_IS_PASSAGE (self));

  replace_string (&self->speech_date, date);
}
