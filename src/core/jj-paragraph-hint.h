/* jj-paragraph-hint.h — what structured formats say about a paragraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JJ_PARAGRAPH_BOLD          = 1 << 0, /* every non-space run is bold */
  JJ_PARAGRAPH_HEADING_STYLE = 1 << 1, /* a Heading N / 标题 N style */
  JJ_PARAGRAPH_NUMBERED      = 1 << 2, /* automatic numbering: the marker text was generated */
  JJ_PARAGRAPH_CENTERED      = 1 << 3,
} JjParagraphFlags;

typedef struct
{
  guint start;          /* display offsets of the paragraph, end exclusive */
  guint end;
  gint  outline_level;  /* 0-based outline level from style or w:outlineLvl, -1 when none */
  guint flags;          /* JjParagraphFlags */
} JjParagraphHint;

G_END_DECLS
