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

static char *
fold (const char  *text,
      gssize       n_bytes,
      GArray     **map)
{
  const char *end;
  GString *out;
  GArray *result = NULL;
  guint offset = 0;

  if (n_bytes < 0)
    n_bytes = strlen (text);
  end = text + n_bytes;
  out = g_string_sized_new (n_bytes + 1);
  if (map != NULL)
    result = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_bytes + 1);

  for (const char *p = text; p < end; offset++)
    {
      gunichar c = (guchar)*p;
      guint32 folded;
      guint n_out = 1;

      if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (c));
          p++;
        }
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar)-1 || c == (gunichar)-2)
            {
              /* Not UTF-8: kept out of the folded text. */
              p++;
              continue;
            }
          p = g_utf8_next_char (p);
          folded = c < 0x10000 ? fold_bmp (c) : MULTIPLE;
          if (folded != MULTIPLE)
            {
              g_string_append_unichar (out, folded);
            }
          else
            {
              const char *s = fold_slow (c);

              g_string_append (out, s);
              n_out = g_utf8_strlen (s, -1);
            }
        }

      if (result != NULL)
        {
          for (guint k = 0; k < n_out; k++)
            g_array_append_val (result, offset);
        }
    }

  if (map != NULL)
    {
      g_array_append_val (result, offset);
      *map = result;
    }
  return g_string_free (out, FALSE);
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

  return fold (text, n_bytes, NULL);
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

  return fold (text, n_bytes, map);
}
