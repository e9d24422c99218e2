/* jj-wording.c
 *
 * A variant of a phrase starts and ends with the phrase's first and last
 * characters and differs from it by at most jj_wording_max_errors()
 * characters changed, inserted or left out: 以群众为中心 for 以人民为中心,
 * 高水平发展 for 高质量发展. Such a variant contains one of k + 1 disjoint
 * pieces of the phrase unchanged, so the paragraphs holding one of the
 * pieces are the candidates; each is aligned against the phrase from
 * every place it has the phrase's first character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jj-text-fold.h"
#include "jj-text-index-private.h"
#include "jj-wording.h"

#define MAX_PHRASE 64

G_DEFINE_BOXED_TYPE (JjWordingVariant, jj_wording_variant, jj_wording_variant_copy, jj_wording_variant_free)

static void
clear_document_count (gpointer data)
{
  JjWordingDocumentCount *count = data;

  g_free (count->path);
  g_free (count->title);
}

static JjWordingVariant *
variant_new (const char *text,
             guint       errors)
{
  JjWordingVariant *variant = g_new0 (JjWordingVariant, 1);

  variant->text = g_strdup (text);
  variant->errors = errors;
  variant->hits = g_ptr_array_new_with_free_func ((GDestroyNotify)jj_text_hit_free);
  variant->documents = g_array_new (FALSE, TRUE, sizeof (JjWordingDocumentCount));
  g_array_set_clear_func (variant->documents, clear_document_count);
  variant->years = g_array_new (FALSE, TRUE, sizeof (JjWordingYearCount));
  return variant;
}

JjWordingVariant *
jj_wording_variant_copy (const JjWordingVariant *variant)
{
  JjWordingVariant *copy = variant_new (variant->text, variant->errors);

  for (guint i = 0; i < variant->hits->len; i++)
    g_ptr_array_add (copy->hits, jj_text_hit_copy (g_ptr_array_index (variant->hits, i)));
  for (guint i = 0; i < variant->documents->len; i++)
    {
      JjWordingDocumentCount count = g_array_index (variant->documents, JjWordingDocumentCount, i);

      count.path = g_strdup (count.path);
      count.title = g_strdup (count.title);
      g_array_append_val (copy->documents, count);
    }
  g_array_append_vals (copy->years, variant->years->data, variant->years->len);
  return copy;
}

void
jj_wording_variant_free (JjWordingVariant *variant)
{
  if (variant == NULL)
    return;
  g_free (variant->text);
  g_ptr_array_unref (variant->hits);
  g_array_unref (variant->documents);
  g_array_unref (variant->years);
  g_free (variant);
}

/**
 * jj_wording_max_errors:
 *
 * How many characters a variant of @phrase (folded or not) may differ by:
 * two from five characters on, one for three or four, none below.
 */
guint
jj_wording_max_errors (const char *phrase)
{
  glong n = g_utf8_strlen (phrase, -1);

  return n >= 5 ? 2 : n >= 3 ? 1 : 0;
}

typedef struct
{
  gunichar   *pattern;
  guint       m;
  guint       k;
  guint      *table;     /* (m + 1) × (m + k + 1) */
  char        first[8];  /* the first and last characters, in UTF-8 */
  char        last[8];
  gboolean    first_is_word;
  gboolean    last_is_word;
  GHashTable *variants;  /* folded text → JjWordingVariant */
} Compare;

/* The end (exclusive) of the best alignment of the whole pattern with
 * text starting at @text[0] and ending with the pattern's last character,
 * 0 when none has at most k errors.
 */
static guint
align (Compare        *c,
       const gunichar *text,
       guint           n,
       guint          *errors)
{
  guint m = c->m;
  guint width = MIN (n, m + c->k);
  guint stride = width + 1;
  guint *d = c->table;
  guint best = 0;
  guint best_errors = c->k + 1;

  for (guint col = 0; col <= width; col++)
    d[col] = col;
  for (guint row = 1; row <= m; row++)
    {
      guint *prev = d + (row - 1) * stride;
      guint *cur = d + row * stride;

      cur[0] = row;
      for (guint col = 1; col <= width; col++)
        {
          guint cost = c->pattern[row - 1] == text[col - 1] ? 0 : 1;
          guint v = prev[col - 1] + cost;

          v = MIN (v, prev[col] + 1);
          v = MIN (v, cur[col - 1] + 1);
          cur[col] = v;
        }
    }

  for (guint col = 1; col <= width; col++)
    {
      guint e = d[m * stride + col];

      if (text[col - 1] != c->pattern[m - 1] || e > c->k)
        continue;
      if (e < best_errors
          || (e == best_errors && ABS ((int)col - (int)m) < ABS ((int)best - (int)m)))
        {
          best = col;
          best_errors = e;
        }
    }

  *errors = best_errors;
  return best;
}

static gboolean
compare_paragraph (const JjTextIndexParagraph *paragraph,
                   gpointer                    user_data)
{
  Compare *c = user_data;
  g_autoptr(GArray) map = NULL;
  g_autofree char *owned = NULL;
  const char *folded;
  glong n = 0;
  g_autofree gunichar *text = NULL;

  /* Most candidates hold a piece of the phrase but not its frame; in a
   * plain paragraph a letter or ideograph is its own fold.
   */
  if (paragraph->plain
      && ((c->first_is_word && strstr (paragraph->text, c->first) == NULL)
          || (c->last_is_word && strstr (paragraph->text, c->last) == NULL)))
    return TRUE;
  folded = jj_text_index_paragraph_fold (paragraph, &map, &owned);
  if (strstr (folded, c->first) == NULL || strstr (folded, c->last) == NULL)
    return TRUE;
  text = g_utf8_to_ucs4_fast (folded, -1, &n);

  for (glong i = 0; i < n;)
    {
      guint errors;
      guint length;
      g_autofree char *key = NULL;
      JjWordingVariant *variant;
      JjTextHit *hit;
      guint start, end;

      if (text[i] != c->pattern[0])
        {
          i++;
          continue;
        }
      length = align (c, text + i, n - i, &errors);
      if (length == 0)
        {
          i++;
          continue;
        }

      key = g_ucs4_to_utf8 (text + i, length, NULL, NULL, NULL);
      variant = g_hash_table_lookup (c->variants, key);
      if (variant == NULL)
        {
          variant = variant_new (key, errors);
          g_hash_table_insert (c->variants, variant->text, variant);
        }

      start = map_offset (map, i);
      end = map_offset (map, i + length - 1) + 1;
      hit = g_new0 (JjTextHit, 1);
      hit->path = g_strdup (paragraph->path);
      hit->title = g_strdup (paragraph->title);
      hit->date = paragraph->date;
      hit->section = g_strdup (paragraph->section);
      hit->start = paragraph->start + start;
      hit->end = paragraph->start + end;
      hit->context = jj_text_index_dup_context (paragraph->text, start, end,
                                                &hit->context_hit_start, &hit->context_hit_end);
      g_ptr_array_add (variant->hits, hit);

      i += length;
    }

  return TRUE;
}

static int
compare_document_counts (gconstpointer a,
                         gconstpointer b)
{
  const JjWordingDocumentCount *ca = a;
  const JjWordingDocumentCount *cb = b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;
  return strcmp (ca->path, cb->path);
}

static int
compare_year_counts (gconstpointer a,
                     gconstpointer b)
{
  return ((const JjWordingYearCount *)a)->year - ((const JjWordingYearCount *)b)->year;
}

static void
count_hits (JjWordingVariant *variant)
{
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < variant->hits->len; i++)
    {
      JjTextHit *hit = g_ptr_array_index (variant->hits, i);
      gpointer index;
      int year = 0;

      if (!g_hash_table_lookup_extended (documents, hit->path, NULL, &index))
        {
          JjWordingDocumentCount count = { g_strdup (hit->path), g_strdup (hit->title), hit->date, 0 };

          g_array_append_val (variant->documents, count);
          index = GUINT_TO_POINTER (variant->documents->len - 1);
          g_hash_table_insert (documents, hit->path, index);
        }
      g_array_index (variant->documents, JjWordingDocumentCount, GPOINTER_TO_UINT (index)).count++;

      if (hit->date != 0)
        {
          g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (hit->date);

          year = date != NULL ? g_date_time_get_year (date) : 0;
        }
      if (!g_hash_table_lookup_extended (years, GINT_TO_POINTER (year), NULL, &index))
        {
          JjWordingYearCount count = { year, 0 };

          g_array_append_val (variant->years, count);
          index = GUINT_TO_POINTER (variant->years->len - 1);
          g_hash_table_insert (years, GINT_TO_POINTER (year), index);
        }
      g_array_index (variant->years, JjWordingYearCount, GPOINTER_TO_UINT (index)).count++;
    }

  g_array_sort (variant->documents, compare_document_counts);
  g_array_sort (variant->years, compare_year_counts);
}

static int
compare_variants (gconstpointer a,
                  gconstpointer b)
{
  const JjWordingVariant *va = *(const JjWordingVariant * const *)a;
  const JjWordingVariant *vb = *(const JjWordingVariant * const *)b;

  if ((va->errors == 0) != (vb->errors == 0))
    return va->errors == 0 ? -1 : 1;
  if (va->hits->len != vb->hits->len)
    return va->hits->len > vb->hits->len ? -1 : 1;
  return strcmp (va->text, vb->text);
}

/**
 * jj_wording_compare:
 * @phrase: up to 64 characters
 *
 * Returns: (transfer full) (element-type JjWordingVariant): the phrase
 *   itself first (with no hits when it is not found), then its variants,
 *   the most frequent first
 */
GPtrArray *
jj_wording_compare (JjTextIndex  *index,
                    const char   *phrase,
                    GError      **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)jj_wording_variant_free);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GHashTable) variants = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autofree gunichar *pattern = NULL;
  g_autofree guint *table = NULL;
  glong m = 0;
  guint k;
  Compare compare;
  JjWordingVariant *exact;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (index), NULL);
  g_return_val_if_fail (phrase != NULL, NULL);

  stripped = g_strstrip (g_strdup (phrase));
  folded = jj_text_fold (stripped, -1);
  pattern = g_utf8_to_ucs4_fast (folded, -1, &m);
  if (m > MAX_PHRASE)
    {
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_QUERY,
                   _("Compare a phrase of at most %d characters."), MAX_PHRASE);
      return NULL;
    }

  k = jj_wording_max_errors (folded);
  for (guint piece = 0; piece <= k && m > 0; piece++)
    {
      guint from = piece * m / (k + 1);
      guint to = (piece + 1) * m / (k + 1);
      g_autofree char *text = g_ucs4_to_utf8 (pattern + from, to - from, NULL, NULL, NULL);
      g_autofree char *piece_match = text != NULL ? jj_text_index_match_for_phrase (text) : NULL;

      if (piece_match != NULL)
        g_string_append_printf (match, "%s(%s)", match->len > 0 ? " OR " : "", piece_match);
    }
  if (match->len == 0)
    {
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_QUERY,
                   _("Search for at least one letter, digit or Chinese character."));
      return NULL;
    }

  variants = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify)jj_wording_variant_free);
  exact = variant_new (folded, 0);
  g_hash_table_insert (variants, exact->text, exact);

  table = g_new (guint, (m + 1) * (m + k + 1));
  compare.pattern = pattern;
  compare.m = m;
  compare.k = k;
  compare.table = table;
  compare.variants = variants;
  memset (compare.first, 0, sizeof compare.first);
  memset (compare.last, 0, sizeof compare.last);
  g_unichar_to_utf8 (pattern[0], compare.first);
  g_unichar_to_utf8 (pattern[m - 1], compare.last);
  compare.first_is_word = jj_text_is_word_char (pattern[0]);
  compare.last_is_word = jj_text_is_word_char (pattern[m - 1]);
  if (!jj_text_index_foreach_match (index, match->str, compare_paragraph, &compare, error))
    return NULL;

  g_hash_table_iter_init (&iter, variants);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      count_hits (value);
      g_ptr_array_add (result, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (result, compare_variants);

  return g_steal_pointer (&result);
}
