/* jj-text-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-library-query.h"
#include "jj-text-fold.h"

/* The fold of each code point of the Basic Multilingual Plane, filled as
 * code points are met: 0 not known yet, MULTIPLE when the fold is not one
 * code point (then it is looked up in `multiple`).
 */
#define MULTIPLE G_MAXUINT32

static guint32 bmp_table[0x10000];
static GMutex multiple_lock;
static GHashTable *multiple;

/* jj_library_query_fold() (compatibility normalization, case folding and
 * OpenCC's t2s) one code point at a time: calling OpenCC on every text
 * runs at 2 MB/s, this at over a hundred.
 */
static const char *
fold_slow (gunichar c)
{
  const char *folded;

  g_mutex_lock (&multiple_lock);
  if (multiple == NULL)
    multiple = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  folded = g_hash_table_lookup (multiple, GUINT_TO_POINTER (c));
  if (folded == NULL)
    {
      char one[8] = { 0 };
      char *result;

      g_unichar_to_utf8 (c, one);
      result = jj_library_query_fold (one);
      g_hash_table_insert (multiple, GUINT_TO_POINTER (c), result);
      folded = result;
    }
  g_mutex_unlock (&multiple_lock);

  return folded;
}

static inline guint32
fold_bmp (gunichar c)
{
  guint32 folded = g_atomic_int_get ((gint *)&bmp_table[c]);

  if (folded == 0)
    {
      const char *s = fold_slow (c);

      if (*s != '\0' && *g_utf8_next_char (s) == '\0')
        folded = g_utf8_get_char (s);
      else
        folded = MULTIPLE;
      g_atomic_int_set ((gint *)&bmp_table[c], folded);
    }
  return folded;
}

/* One bit per code point of the Basic Multilingual Plane: whether it is
 * a letter, digit or ideograph (g_unichar_isalnum()).
 */
static guint8 word_bmp[0x10000 / 8];

const guint8 *
jj_text_word_table (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (gunichar c = 0; c < 0x10000; c++)
        {
          if (g_unichar_isalnum (c))
            word_bmp[c >> 3] |= 1 << (c & 7);
        }
      g_once_init_leave (&done, 1);
    }
  return word_bmp;
}

typedef struct
{
  char  *data;
  gsize  len;
  gsize  size;
} Buffer;

static inline void
buffer_reserve (Buffer *b,
                gsize   n)
{
  if (b->len + n + 1 > b->size)
    {
      b->size = MAX (b->size * 2, b->len + n + 1);
      b->data = g_realloc (b->data, b->size);
    }
}

static inline void
buffer_append_unichar (Buffer   *b,
                       gunichar  c)
{
  guchar *out;

  buffer_reserve (b, 4);
  out = (guchar *)b->data + b->len;
  if (c < 0x80)
    {
      out[0] = c;
      b->len += 1;
    }
  else if (c < 0x800)
    {
      out[0] = 0xc0 | (c >> 6);
      out[1] = 0x80 | (c & 0x3f);
      b->len += 2;
    }
  else if (c < 0x10000)
    {
      out[0] = 0xe0 | (c >> 12);
      out[1] = 0x80 | ((c >> 6) & 0x3f);
      out[2] = 0x80 | (c & 0x3f);
      b->len += 3;
    }
  else
    {
      b->len += g_unichar_to_utf8 (c, (char *)out);
    }
}

/* @plain: whether each code point folds to one, and each letter, digit
 * or ideograph to itself (then offsets in the fold are offsets in @text,
 * and a word can be looked for in @text without folding it).
 */
static char *
fold (const char  *text,
      gssize       n_bytes,
      GArray     **map,
      gboolean    *plain_out)
{
  const guchar *p;
  const guchar *end;
  const guint8 *words = jj_text_word_table ();
  Buffer out;
  GArray *result = NULL;
  guint offset = 0;
  guint n_map = 0;
  gboolean plain = TRUE;

  if (n_bytes < 0)
    n_bytes = strlen (text);
  p = (const guchar *)text;
  end = p + n_bytes;
  out.size = n_bytes + 1;
  out.data = g_malloc (out.size);
  out.len = 0;
  if (map != NULL)
    {
      /* Written in place, and cut to its length at the end. */
      result = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_bytes + 1);
      g_array_set_size (result, n_bytes + 1);
    }

  for (; p < end; offset++)
    {
      gunichar c = *p;
      guint32 folded;
      guint n_out = 1;

      if (c < 0x80)
        {
          buffer_reserve (&out, 1);
          out.data[out.len] = g_ascii_tolower (c);
          if (out.data[out.len++] != (char)c)
            plain = FALSE;
          p++;
        }
      else
        {
          if (c >= 0xe0 && c < 0xf0 && end - p >= 3
              && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80
              && (c = ((c & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f)) >= 0x800
              && (c < 0xd800 || c > 0xdfff))
            {
              p += 3;
            }
          else
            {
              c = g_utf8_get_char_validated ((const char *)p, end - p);
              if (c == (gunichar)-1 || c == (gunichar)-2)
                {
                  /* Not UTF-8: kept out of the folded text. */
                  p++;
                  plain = FALSE;
                  continue;
                }
              p = (const guchar *)g_utf8_next_char (p);
            }
          folded = c < 0x10000 ? fold_bmp (c) : MULTIPLE;
          if (folded != MULTIPLE)
            {
              buffer_append_unichar (&out, folded);
              if (plain && folded != c
                  && (jj_text_word_in_table (words, c) || jj_text_word_in_table (words, folded)))
                plain = FALSE;
            }
          else
            {
              const char *s = fold_slow (c);
              gsize n = strlen (s);

              buffer_reserve (&out, n);
              memcpy (out.data + out.len, s, n);
              out.len += n;
              n_out = g_utf8_strlen (s, -1);
              if (n_out != 1 || (g_utf8_get_char (s) != c && (jj_text_word_in_table (words, c)
                                                             || jj_text_word_in_table (words, g_utf8_get_char (s)))))
                plain = FALSE;
            }
        }

      if (result != NULL)
        {
          if (n_map + n_out + 1 > result->len)
            g_array_set_size (result, MAX (result->len * 2, n_map + n_out + 1));
          for (guint k = 0; k < n_out; k++)
            ((guint *)(gpointer)result->data)[n_map++] = offset;
        }
    }

  out.data[out.len] = '\0';
  if (map != NULL)
    {
      ((guint *)(gpointer)result->data)[n_map++] = offset;
      g_array_set_size (result, n_map);
      *map = result;
    }
  if (plain_out != NULL)
    *plain_out = plain;
  return out.data;
}

/**
 * jj_text_fold:
 *
 * The text as the library search compares it (jj_library_query_fold():
 * width, case and traditional characters folded), folded one code point
 * at a time so that each folded code point comes from one of @text.
 */
char *
jj_text_fold (const char *text,
              gssize      n_bytes)
{
  g_return_val_if_fail (text != NULL, NULL);

  return fold (text, n_bytes, NULL, NULL);
}

/**
 * jj_text_fold_with_map:
 * @map: (out): for each code point of the result, the offset in @text of
 *   the code point it came from, and one more entry: the length of @text
 *
 * jj_text_fold() with the offsets back into @text.
 */
char *
jj_text_fold_with_map (const char  *text,
                       gssize       n_bytes,
                       GArray     **map)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (map != NULL, NULL);

  return fold (text, n_bytes, map, NULL);
}

/**
 * jj_text_fold_plain:
 * @plain: (out): whether each code point of @text folds to one, and each
 *   letter, digit or ideograph to itself
 *
 * jj_text_fold() telling whether offsets in the fold are offsets in @text.
 */
char *
jj_text_fold_plain (const char *text,
                    gssize      n_bytes,
                    gboolean   *plain)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (plain != NULL, NULL);

  return fold (text, n_bytes, NULL, plain);
}
