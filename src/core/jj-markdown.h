/* jj-markdown.h — the readable text of a Markdown file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Heading marks, emphasis markers, quote marks and link targets are
 * removed; headings get a hint (JjParagraphHint) in @hints.
 */
char *jj_markdown_read (const char *text,
                        gsize       n_bytes,
                        GArray     *hints,
                        gsize      *out_n_bytes);

G_END_DECLS
