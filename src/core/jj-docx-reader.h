/* jj-docx-reader.h — the text of a Word (.docx) document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jj-zip.h"

G_BEGIN_DECLS

/* Paragraphs separated by '\n', automatic numbers rendered as Word shows
 * them; @hints (JjParagraphHint) receives one hint per paragraph.
 */
char *jj_docx_reader_read (JjZip    *zip,
                           GArray   *hints,
                           gsize    *n_bytes,
                           GError  **error);

/* The text of automatic number @value in the Word number format @format
 * ("decimal", "chineseCounting", "ideographTraditional"…).
 */
char *jj_docx_format_number (const char *format,
                             guint       value);

G_END_DECLS
