/* jj-text-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-library-query.h"
#include "jj-text-fold.h"

/**
 * jj_text_fold:
 *
 * The text as the library search compares it (jj_library_query_fold():
 * width, case and traditional characters folded).
 */
char *
jj_text_fold (const char *text,
              gssize      n_bytes)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (n_bytes < 0)
    return jj_library_query_fold (text);

  copy = g_strndup (text, n_bytes);
  return jj_library_query_fold (copy);
}

/**
 * jj_text_fold_with_map:
 * @map: (out): for each code point of the result, the offset in @text of
 *   the code point it came from, and one more entry: the length of @text
 *
 * Folding almost always keeps one code point for one (OpenCC's t2s maps
 * phrases to phrases of the same length); where it does not, as for ㈠
 * or ß, each code point is folded on its own so the offsets stay known.
 */
char *
jj_text_fold_with_map (const char  *text,
                       gssize       n_bytes,
                       GArray     **map)
{
  g_autofree char *folded = NULL;
  const char *end;
  glong n_text;
  glong n_folded;
  GString *out;
  GArray *result;
  guint offset = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (map != NULL, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);
  end = text + n_bytes;

  folded = jj_text_fold (text, n_bytes);
  n_text = g_utf8_strlen (text, n_bytes);
  n_folded = g_utf8_strlen (folded, -1);

  result = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_text + 1);
  if (n_folded == n_text)
    {
      for (guint i = 0; i <= (guint)n_text; i++)
        g_array_append_val (result, i);
      *map = result;
      return g_steal_pointer (&folded);
    }

  out = g_string_sized_new (n_bytes);
  for (const char *p = text; p < end; p = g_utf8_next_char (p), offset++)
    {
      g_autofree char *one = jj_text_fold (p, g_utf8_next_char (p) - p);

      g_string_append (out, one);
      for (glong k = g_utf8_strlen (one, -1); k > 0; k--)
        g_array_append_val (result, offset);
    }
  g_array_append_val (result, offset);

  *map = result;
  return g_string_free (out, FALSE);
}
