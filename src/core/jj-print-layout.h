/* jj-print-layout.h — what a printed page shows of a document and its marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-outline.h"

G_BEGIN_DECLS

typedef enum
{
  JJ_PRINT_BLOCK_TITLE,
  JJ_PRINT_BLOCK_PARAGRAPH,
} JjPrintBlockKind;

typedef struct
{
  gsize start;        /* bytes into the block's text, end exclusive */
  gsize end;
  char  color[8];     /* #rrggbb for highlights, "" for bold spans */
  guint note;         /* number of the mark's note, 0 when it has none */
} JjPrintSpan;

typedef struct
{
  JjPrintBlockKind  kind;
  char             *text;
  GArray           *bold;        /* JjPrintSpan: heading text */
  GArray           *highlights;  /* JjPrintSpan: marked passages, by start */
  GPtrArray        *notes;       /* char *: notes of the marks ending here */
} JjPrintBlock;

GPtrArray *jj_print_layout_build      (const char   *text,
                                       gboolean      has_title,
                                       JjOutline    *outline,
                                       GListModel   *marks);
void       jj_print_block_free        (JjPrintBlock *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjPrintBlock, jj_print_block_free)

G_END_DECLS
