/* jj-text-blocks.h — cutting display text into blocks a reader lays out one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint start;       /* display offsets, end exclusive; always whole paragraphs */
  guint end;
  gsize byte_start;  /* the same range in bytes of the UTF-8 text */
  gsize byte_end;
} JjTextBlock;

GArray *jj_text_blocks_split  (const char  *text,
                               gsize        n_bytes,
                               const guint *breaks,
                               guint        n_breaks,
                               guint        max_chars);
guint   jj_text_blocks_lookup (GArray      *blocks,
                               guint        offset);

G_END_DECLS
