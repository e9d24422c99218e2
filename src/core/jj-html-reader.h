/* jj-html-reader.h — the text of a saved web page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Block elements become paragraphs; scripts, styles and navigation are
 * dropped. The encoding comes from the page's meta charset, else from
 * the bytes; @encoding receives its name.
 */
char *jj_html_reader_read (const char  *data,
                           gsize        n_bytes,
                           GArray      *hints,
                           gsize       *out_n_bytes,
                           char       **encoding,
                           GError     **error);

G_END_DECLS
