/* jj-text-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-text-search.h"

/* Case-folding only matters for Latin text; Han characters have no case.
 * Both sides are folded character by character so offsets stay those of
 * @text. Matches do not overlap.
 */
GArray *
jj_text_search_find_all (const char *text,
                         gsize       n_bytes,
                         const char *needle,
                         guint       max_matches)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (JjTextRange));
  g_autofree gunichar *pattern = NULL;
  glong n_pattern = 0;
  const char *p;
  const char *end;
  guint offset = 0;

  g_return_val_if_fail (text != NULL, matches);

  if (needle == NULL || *needle == '\0')
    return matches;

  pattern = g_utf8_to_ucs4_fast (needle, -1, &n_pattern);
  for (glong i = 0; i < n_pattern; i++)
    pattern[i] = g_unichar_tolower (pattern[i]);

  end = text + n_bytes;
  for (p = text; p < end; p = g_utf8_next_char (p), offset++)
    {
      const char *q = p;
      glong i;

      if (g_unichar_tolower (g_utf8_get_char (p)) != pattern[0])
        continue;

      for (i = 0; i < n_pattern && q < end; i++, q = g_utf8_next_char (q))
        {
          if (g_unichar_tolower (g_utf8_get_char (q)) != pattern[i])
            break;
        }

      if (i == n_pattern)
        {
          JjTextRange range = { offset, offset + n_pattern };

          g_array_append_val (matches, range);
          if (max_matches > 0 && matches->len >= max_matches)
            break;

          /* Skip to the end of the match. */
          for (i = 1; i < n_pattern; i++)
            p = g_utf8_next_char (p);
          offset += n_pattern - 1;
        }
    }

  return matches;
}
