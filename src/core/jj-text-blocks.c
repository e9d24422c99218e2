/* jj-text-blocks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-text-blocks.h"

/* A block starts at the start of the text, at every paragraph start listed
 * in @breaks (sorted display offsets, typically section headings), and
 * wherever the current block would grow past @max_chars: then it is cut at
 * the last paragraph boundary. A single paragraph longer than @max_chars
 * stays whole, since a block never splits a paragraph.
 */
GArray *
jj_text_blocks_split (const char  *text,
                      gsize        n_bytes,
                      const guint *breaks,
                      guint        n_breaks,
                      guint        max_chars)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (JjTextBlock));
  JjTextBlock current = { 0, 0, 0, 0 };
  const char *p = text;
  const char *end = text + n_bytes;
  guint offset = 0;
  guint next_break = 0;

  g_return_val_if_fail (text != NULL, blocks);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *para_end = nl ? nl : end;
      guint para_len = g_utf8_strlen (p, para_end - p);
      gboolean cut = FALSE;

      while (next_break < n_breaks && breaks[next_break] < offset)
        next_break++;
      if (next_break < n_breaks && breaks[next_break] == offset)
        cut = TRUE;
      if (current.end > current.start && (offset + para_len) - current.start > max_chars)
        cut = TRUE;

      if (cut && current.end > current.start)
        {
          g_array_append_val (blocks, current);
          current.start = offset;
          current.byte_start = p - text;
        }

      current.end = offset + para_len;
      current.byte_end = para_end - text;

      offset += para_len + (nl ? 1 : 0);
      p = nl ? nl + 1 : end;
    }

  if (current.end > current.start || blocks->len == 0)
    g_array_append_val (blocks, current);

  return blocks;
}

/* Returns the index of the block holding @offset; an offset on the
 * newline between two blocks belongs to the first.
 */
guint
jj_text_blocks_lookup (GArray *blocks,
                       guint   offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (blocks != NULL && blocks->len > 0, 0);

  hi = blocks->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (blocks, JjTextBlock, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}
