/* jj-wording.c
 *
 * A variant of a phrase keeps its beginning and its end and changes one
 * block in between: up to two characters replaced or left out (one in a
 * phrase of four characters, none in one of three), and up to two more
 * characters put in, all of them letters, digits or ideographs:
 * 以群众为中心 for 以人民为中心, 高水平发展 for 高质量发展, 以人民群众为中心.
 * So a variant holds the phrase's beginning up to the block and its end
 * after it: the candidates are the paragraphs holding, for one of the
 * few places the block can be, the pairs of characters of both parts.
 * A common phrase has tens of thousands of candidates: they are read
 * and compared in two threads, and jj_wording_compare_bounded() keeps
 * only the first hits of each wording (building each hit's strings and
 * context is then what costs most) while counting every occurrence.
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

  copy->n_hits = variant->n_hits;

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
 * How many characters of @phrase (folded or not) a variant may replace or
 * leave out: two from five characters on, one for four, none below (then
 * only insertions, and for one or two characters no variant at all).
 * Up to two more characters than it replaces may be put in.
 */
guint
jj_wording_max_errors (const char *phrase)
{
  glong n = g_utf8_strlen (phrase, -1);

  return n >= 5 ? 2 : n == 4 ? 1 : 0;
}

#define MAX_INSERTED 2

/* A wording found, and where its counts are. */
typedef struct
{
  JjWordingVariant *variant;
  GHashTable       *documents;      /* document id → index in variant->documents */
  gint64            last_document;
  guint             last_document_index;
  int               last_year;
  guint             last_year_index;
} Found;

static void
found_free (Found *found)
{
  g_clear_pointer (&found->variant, jj_wording_variant_free);
  g_hash_table_unref (found->documents);
  g_free (found);
}

static Found *
found_new (const char *text,
           guint       errors)
{
  Found *found = g_new0 (Found, 1);

  found->variant = variant_new (text, errors);
  found->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  found->last_year_index = G_MAXUINT;
  return found;
}

/* Counts one occurrence in @paragraph, whose date's year is @year. */
static void
count_occurrence (Found                      *found,
                  const JjTextIndexParagraph *paragraph,
                  int                         year)
{
  JjWordingVariant *variant = found->variant;

  variant->n_hits++;

  if (variant->documents->len == 0 || paragraph->document != found->last_document)
    {
      gpointer index;

      if (!g_hash_table_lookup_extended (found->documents, &paragraph->document, NULL, &index))
        {
          JjWordingDocumentCount count = { g_strdup (paragraph->path), g_strdup (paragraph->title),
                                           paragraph->date, 0 };

          g_array_append_val (variant->documents, count);
          index = GUINT_TO_POINTER (variant->documents->len - 1);
          g_hash_table_insert (found->documents, g_memdup2 (&paragraph->document, sizeof (gint64)), index);
        }
      found->last_document = paragraph->document;
      found->last_document_index = GPOINTER_TO_UINT (index);
    }
  g_array_index (variant->documents, JjWordingDocumentCount, found->last_document_index).count++;

  if (found->last_year_index == G_MAXUINT || year != found->last_year)
    {
      guint i;

      for (i = 0; i < variant->years->len; i++)
        {
          if (g_array_index (variant->years, JjWordingYearCount, i).year == year)
            break;
        }
      if (i == variant->years->len)
        {
          JjWordingYearCount count = { year, 0 };

          g_array_append_val (variant->years, count);
        }
      found->last_year = year;
      found->last_year_index = i;
    }
  g_array_index (variant->years, JjWordingYearCount, found->last_year_index).count++;
}

typedef struct
{
  gunichar   *pattern;
  guint       m;
  guint       block;     /* the most characters replaced or left out */
  gboolean    variants;  /* whether to look for variants at all */
  GHashTable *variants_found;  /* folded text → Found */
  guint       max_hits;  /* hits kept of each wording, 0 for all */
  const guint8 *words;
  gint64      last_date;
  int         last_year;
  char        first[8];  /* the first and last characters, in UTF-8 */
  char        last[8];
  gboolean    first_is_word;
  gboolean    last_is_word;
  gboolean    all_words;
} Compare;

/* Edit distance between two strings of a few characters. */
static guint
small_distance (const gunichar *a,
                guint           n_a,
                const gunichar *b,
                guint           n_b)
{
  guint d[8][8];

  for (guint i = 0; i <= n_a; i++)
    d[i][0] = i;
  for (guint j = 0; j <= n_b; j++)
    d[0][j] = j;
  for (guint i = 1; i <= n_a; i++)
    for (guint j = 1; j <= n_b; j++)
      {
        guint v = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);

        v = MIN (v, d[i - 1][j] + 1);
        d[i][j] = MIN (v, d[i][j - 1] + 1);
      }
  return d[n_a][n_b];
}

/* The length of the phrase or the best variant of it starting at @text,
 * which starts with the phrase's first character; 0 when none.
 */
static guint
match_at (Compare        *c,
          const gunichar *text,
          guint           n,
          guint          *errors)
{
  guint m = c->m;
  guint common = 0;
  guint best = 0;
  guint best_errors = G_MAXUINT;

  while (common < m && common < n && text[common] == c->pattern[common])
    common++;
  if (common == m)
    {
      *errors = 0;
      return m;
    }
  if (!c->variants)
    return 0;

  /* Keep pattern[0, i), replace pattern[i, j) with text[i, i + x), keep
   * pattern[j, m): the frame (first and last characters) stays.
   */
  for (guint i = 1; i <= common && i < m; i++)
    for (guint j = i; j <= MIN (i + c->block, m - 1); j++)
      for (guint x = 0; x <= (j - i) + MAX_INSERTED; x++)
        {
          guint suffix = m - j;
          guint e;

          if (i + x + suffix > n)
            break;
          if (x > 0 && !jj_text_word_in_table (c->words, text[i + x - 1]))
            break;
          if (x == j - i && memcmp (text + i, c->pattern + i, x * sizeof (gunichar)) == 0)
            continue;
          if (memcmp (text + i + x, c->pattern + j, suffix * sizeof (gunichar)) != 0)
            continue;
          e = small_distance (c->pattern + i, j - i, text + i, x);
          if (e > 0 && (e < best_errors || (e == best_errors && i + x + suffix < best)))
            {
              best = i + x + suffix;
              best_errors = e;
            }
        }

  *errors = best_errors;
  return best;
}

/* The characters of valid UTF-8 in [@from, @to): its bytes but those
 * continuing a character (10xxxxxx), eight bytes at a time.
 */
static inline guint
count_chars (const char *from,
             const char *to)
{
  const guchar *u = (const guchar *)from;
  gsize n = to - from;
  guint continuing = 0;

  for (; n >= 8; n -= 8, u += 8)
    {
      guint64 w;
      guint64 high;

      memcpy (&w, u, 8);
      high = w & ~(w << 1) & G_GUINT64_CONSTANT (0x8080808080808080);
      continuing += ((high >> 7) * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56;
    }
  for (; n > 0; n--, u++)
    continuing += (*u & 0xc0) == 0x80;
  return (to - from) - continuing;
}

/* The character at *@p, *@p moved past it. */
static inline gunichar
next_char (const char **p)
{
  const guchar *u = (const guchar *)*p;

  if (u[0] < 0x80)
    {
      *p += 1;
      return u[0];
    }
  if ((u[0] & 0xf0) == 0xe0 && (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80)
    {
      *p += 3;
      return ((u[0] & 0x0f) << 12) | ((u[1] & 0x3f) << 6) | (u[2] & 0x3f);
    }
  *p = g_utf8_next_char (*p);
  return g_utf8_get_char ((const char *)u);
}

static gboolean
compare_paragraph (const JjTextIndexParagraph *paragraph,
                   gpointer                    user_data)
{
  Compare *c = user_data;
  g_autoptr(GArray) map = NULL;
  g_autofree char *owned = NULL;
  const char *text;
  const char *counted;
  const char *p;
  gsize first_bytes = strlen (c->first);
  guint offset = 0;
  guint window = c->m + c->block + MAX_INSERTED;
  gunichar chars[MAX_PHRASE + 8];
  const char *text_at = paragraph->text;   /* at text_offset characters */
  guint text_offset = 0;
  int year;

  /* In a plain paragraph a letter or ideograph is its own fold: most
   * candidates are turned away here, and when the phrase is all letters
   * and ideographs, the paragraph is compared as it is.
   */
  if (paragraph->plain
      && ((c->first_is_word && strstr (paragraph->text, c->first) == NULL)
          || (c->last_is_word && strstr (paragraph->text, c->last) == NULL)))
    return TRUE;
  if (paragraph->plain && c->all_words)
    text = paragraph->text;
  else
    text = jj_text_index_paragraph_fold (paragraph, &map, &owned);

  if (paragraph->date != 0 && paragraph->date != c->last_date)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (paragraph->date);

      c->last_year = date != NULL ? g_date_time_get_year (date) : 0;
      c->last_date = paragraph->date;
    }
  year = paragraph->date != 0 ? c->last_year : 0;

  counted = text;
  for (p = strstr (text, c->first); p != NULL;)
    {
      const char *q = p;
      guint n = 0;
      guint errors;
      guint length;
      char key[(MAX_PHRASE + 8) * 4 + 1];
      const char *end_bytes;
      JjWordingVariant *variant;
      Found *found;
      JjTextHit *hit;
      guint start, end;
      const char *hit_at;
      const char *hit_last;

      for (; n < window && *q != '\0'; n++)
        chars[n] = next_char (&q);
      length = match_at (c, chars, n, &errors);
      if (length == 0)
        {
          p = strstr (p + first_bytes, c->first);
          continue;
        }

      end_bytes = g_utf8_offset_to_pointer (p, length);
      memcpy (key, p, end_bytes - p);
      key[end_bytes - p] = '\0';
      found = g_hash_table_lookup (c->variants_found, key);
      if (found == NULL)
        {
          found = found_new (key, errors);
          g_hash_table_insert (c->variants_found, found->variant->text, found);
        }
      variant = found->variant;
      count_occurrence (found, paragraph, year);
      if (c->max_hits > 0 && variant->hits->len >= c->max_hits)
        {
          /* Counted, not kept: no need of its offsets. */
          p = strstr (end_bytes, c->first);
          continue;
        }

      offset += count_chars (counted, p);
      counted = p;
      start = map_offset (map, offset);
      end = map_offset (map, offset + length - 1) + 1;
      if (text == paragraph->text)
        {
          hit_at = p;
          hit_last = end_bytes;
        }
      else
        {
          /* Hits come in order: walk the text along with them. */
          hit_at = g_utf8_offset_to_pointer (text_at, start - text_offset);
          hit_last = g_utf8_offset_to_pointer (hit_at, end - start);
          text_at = hit_at;
          text_offset = start;
        }
      hit = g_new0 (JjTextHit, 1);
      hit->path = g_strdup (paragraph->path);
      hit->title = g_strdup (paragraph->title);
      hit->date = paragraph->date;
      hit->section = g_strdup (paragraph->section);
      hit->start = paragraph->start + start;
      hit->end = paragraph->start + end;
      hit->context = jj_text_index_dup_context_at (paragraph->text, hit_at, hit_last, end - start,
                                                   &hit->context_hit_start, &hit->context_hit_end);
      g_ptr_array_add (variant->hits, hit);

      p = end_bytes;
      offset += length;
      counted = p;
      p = strstr (p, c->first);
    }

  return TRUE;
}

/* The paragraphs that may hold the phrase or a variant, when the phrase
 * is letters, digits and ideographs only: the pairs of characters of the
 * part before the block and of the part after it, for each place of the
 * block. Each pair's paragraphs are read from the index once, and the
 * places are tried on a mask of the pairs each paragraph holds (a query
 * ORing the places would read each pair's list once per place).
 */
static GArray *
candidate_rows (JjTextIndex     *index,
                const gunichar  *pattern,
                guint            m,
                guint            block,
                GError         **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint pair_list[MAX_PHRASE];   /* the list of each pair, equal pairs sharing one */
  guint64 used = 0;
  g_autofree guint *next = NULL;

  for (guint k = 0; k + 1 < m; k++)
    {
      pair_list[k] = k;
      for (guint l = 0; l < k; l++)
        {
          if (pattern[l] == pattern[k] && pattern[l + 1] == pattern[k + 1])
            {
              pair_list[k] = pair_list[l];
              break;
            }
        }
    }

  for (guint i = 1; i < m; i++)
    for (guint j = i; j <= MIN (i + block, m - 1); j++)
      {
        guint64 term = 0;

        if (i >= 2)
          for (guint k = 0; k + 1 < i; k++)
            term |= G_GUINT64_CONSTANT (1) << pair_list[k];
        if (m - j >= 2)
          for (guint k = j; k + 1 < m; k++)
            term |= G_GUINT64_CONSTANT (1) << pair_list[k];
        if (term != 0)
          {
            g_array_append_val (terms, term);
            used |= term;
          }
      }

  /* The paragraphs of each pair used, by pair. */
  {
    g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) found = NULL;
    guint used_index = 0;

    for (guint k = 0; k + 1 < m; k++)
      {
        if ((used >> k) & 1)
          {
            char pair[16] = "\"";
            gsize n = 1;

            n += g_unichar_to_utf8 (pattern[k], pair + n);
            n += g_unichar_to_utf8 (pattern[k + 1], pair + n);
            pair[n++] = '"';
            g_ptr_array_add (phrases, g_strndup (pair, n));
          }
      }
    found = jj_text_index_match_rows_each (index, (const char * const *)phrases->pdata, phrases->len, error);
    if (found == NULL)
      return NULL;
    for (guint k = 0; k + 1 < m; k++)
      g_ptr_array_add (lists, (used >> k) & 1 ? g_array_ref (g_ptr_array_index (found, used_index++)) : NULL);
  }

  /* Walk the lists together, in increasing order of paragraph ids. */
  next = g_new0 (guint, m);
  for (;;)
    {
      gint64 row = G_MAXINT64;
      guint64 mask = 0;

      for (guint k = 0; k < lists->len; k++)
        {
          GArray *list = g_ptr_array_index (lists, k);

          if (list != NULL && next[k] < list->len && g_array_index (list, gint64, next[k]) < row)
            row = g_array_index (list, gint64, next[k]);
        }
      if (row == G_MAXINT64)
        break;
      for (guint k = 0; k < lists->len; k++)
        {
          GArray *list = g_ptr_array_index (lists, k);

          if (list != NULL && next[k] < list->len && g_array_index (list, gint64, next[k]) == row)
            {
              mask |= G_GUINT64_CONSTANT (1) << k;
              next[k]++;
            }
        }
      for (guint t = 0; t < terms->len; t++)
        {
          guint64 term = g_array_index (terms, guint64, t);

          if ((mask & term) == term)
            {
              g_array_append_val (rows, row);
              break;
            }
        }
    }

  return g_steal_pointer (&rows);
}

/* Adds what was found in the paragraphs after those of @into. */
static void
merge_found (Compare    *into,
             GHashTable *from)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Found *b = value;
      Found *a = g_hash_table_lookup (into->variants_found, b->variant->text);
      JjWordingVariant *va, *vb = b->variant;
      GHashTableIter documents;
      gpointer id, index;

      if (a == NULL)
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (into->variants_found, b->variant->text, b);
          continue;
        }

      va = a->variant;
      va->n_hits += vb->n_hits;
      g_ptr_array_set_free_func (vb->hits, NULL);
      for (guint i = 0; i < vb->hits->len; i++)
        {
          JjTextHit *hit = g_ptr_array_index (vb->hits, i);

          if (into->max_hits == 0 || va->hits->len < into->max_hits)
            g_ptr_array_add (va->hits, hit);
          else
            jj_text_hit_free (hit);
        }
      g_ptr_array_set_size (vb->hits, 0);

      g_hash_table_iter_init (&documents, b->documents);
      while (g_hash_table_iter_next (&documents, &id, &index))
        {
          JjWordingDocumentCount *count = &g_array_index (vb->documents, JjWordingDocumentCount,
                                                          GPOINTER_TO_UINT (index));
          gpointer into_index;

          if (g_hash_table_lookup_extended (a->documents, id, NULL, &into_index))
            {
              g_array_index (va->documents, JjWordingDocumentCount, GPOINTER_TO_UINT (into_index)).count
                += count->count;
            }
          else
            {
              JjWordingDocumentCount copy = { g_strdup (count->path), g_strdup (count->title),
                                              count->date, count->count };

              g_array_append_val (va->documents, copy);
              g_hash_table_insert (a->documents, g_memdup2 (id, sizeof (gint64)),
                                   GUINT_TO_POINTER (va->documents->len - 1));
            }
        }

      for (guint y = 0; y < vb->years->len; y++)
        {
          JjWordingYearCount *count = &g_array_index (vb->years, JjWordingYearCount, y);
          guint i;

          for (i = 0; i < va->years->len; i++)
            {
              if (g_array_index (va->years, JjWordingYearCount, i).year == count->year)
                break;
            }
          if (i == va->years->len)
            g_array_append_val (va->years, *count);
          else
            g_array_index (va->years, JjWordingYearCount, i).count += count->count;
        }
    }
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

static int
compare_variants (gconstpointer a,
                  gconstpointer b)
{
  const JjWordingVariant *va = *(const JjWordingVariant * const *)a;
  const JjWordingVariant *vb = *(const JjWordingVariant * const *)b;

  if ((va->errors == 0) != (vb->errors == 0))
    return va->errors == 0 ? -1 : 1;
  if (va->n_hits != vb->n_hits)
    return va->n_hits > vb->n_hits ? -1 : 1;
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
  return jj_wording_compare_bounded (index, phrase, 0, error);
}

/**
 * jj_wording_compare_bounded:
 * @max_hits: the most hits kept of each wording, 0 for all
 *
 * jj_wording_compare() keeping only the first @max_hits hits of each
 * wording (in the order of jj_wording_compare()), which is what takes
 * time when a wording is common; every occurrence is still counted in
 * n_hits, documents and years.
 */
GPtrArray *
jj_wording_compare_bounded (JjTextIndex  *index,
                            const char   *phrase,
                            guint         max_hits,
                            GError      **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)jj_wording_variant_free);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GHashTable) variants = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autofree gunichar *pattern = NULL;
  glong m = 0;
  Compare compare;
  Found *exact;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (index), NULL);
  g_return_val_if_fail (phrase != NULL, NULL);

  stripped = g_strstrip (g_strdup (phrase));
  folded = jj_text_fold (stripped, -1);
  pattern = g_utf8_to_ucs4_fast (folded, -1, &m);
  if (m == 0)
    {
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_QUERY,
                   _("Search for at least one letter, digit or Chinese character."));
      return NULL;
    }
  if (m > MAX_PHRASE)
    {
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_QUERY,
                   _("Compare a phrase of at most %d characters."), MAX_PHRASE);
      return NULL;
    }

  compare.pattern = pattern;
  compare.m = m;
  compare.block = jj_wording_max_errors (folded);
  compare.variants = m >= 3;

  if (!compare.variants)
    {
      g_autofree char *whole = jj_text_index_match_for_phrase (folded);

      if (whole != NULL)
        g_string_append (match, whole);
    }
  else
    {
      g_autoptr(GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* For each place of the block: the pairs of the part before it and
       * of the part after it (the phrase itself has both).
       */
      for (guint i = 1; i < m; i++)
        for (guint j = i; j <= MIN (i + compare.block, (guint)m - 1); j++)
          {
            g_autofree char *head = i >= 2 ? g_ucs4_to_utf8 (pattern, i, NULL, NULL, NULL) : NULL;
            g_autofree char *tail = m - j >= 2 ? g_ucs4_to_utf8 (pattern + j, m - j, NULL, NULL, NULL) : NULL;
            g_autofree char *head_match = head != NULL ? jj_text_index_match_for_phrase (head) : NULL;
            g_autofree char *tail_match = tail != NULL ? jj_text_index_match_for_phrase (tail) : NULL;
            char *term;

            if (head_match != NULL && tail_match != NULL)
              term = g_strdup_printf ("(%s AND %s)", head_match, tail_match);
            else if (head_match != NULL || tail_match != NULL)
              term = g_strdup_printf ("(%s)", head_match != NULL ? head_match : tail_match);
            else
              continue;

            if (g_hash_table_add (terms, term))
              g_string_append_printf (match, "%s%s", match->len > 0 ? " OR " : "", term);
          }
    }
  if (match->len == 0)
    {
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_QUERY,
                   _("Search for at least one letter, digit or Chinese character."));
      return NULL;
    }

  variants = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)found_free);
  exact = found_new (folded, 0);
  g_hash_table_insert (variants, exact->variant->text, exact);

  compare.variants_found = variants;
  compare.max_hits = max_hits;
  compare.words = jj_text_word_table ();
  compare.last_date = 0;
  compare.last_year = 0;
  memset (compare.first, 0, sizeof compare.first);
  memset (compare.last, 0, sizeof compare.last);
  g_unichar_to_utf8 (pattern[0], compare.first);
  g_unichar_to_utf8 (pattern[m - 1], compare.last);
  compare.first_is_word = jj_text_is_word_char (pattern[0]);
  compare.last_is_word = jj_text_is_word_char (pattern[m - 1]);
  compare.all_words = TRUE;
  for (glong i = 0; i < m; i++)
    compare.all_words = compare.all_words && jj_text_is_word_char (pattern[i]);
  if (compare.variants && compare.all_words)
    {
      g_autoptr(GArray) rows = candidate_rows (index, pattern, m, compare.block, error);
      g_autoptr(GHashTable) second_found = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                  (GDestroyNotify)found_free);
      Compare second = compare;

      second.variants_found = second_found;
      if (rows == NULL
          || !jj_text_index_foreach_row_split (index, (const gint64 *)(gpointer)rows->data, rows->len,
                                               compare_paragraph, &compare, &second, error))
        return NULL;
      merge_found (&compare, second_found);
    }
  else if (!jj_text_index_foreach_match (index, match->str, compare_paragraph, &compare, error))
    {
      return NULL;
    }

  g_hash_table_iter_init (&iter, variants);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Found *found = value;

      g_array_sort (found->variant->documents, compare_document_counts);
      g_array_sort (found->variant->years, compare_year_counts);
      g_ptr_array_add (result, g_steal_pointer (&found->variant));
    }
  g_ptr_array_sort (result, compare_variants);

  return g_steal_pointer (&result);
}
