/* jj-converter.h — traditional to simplified Chinese, keeping offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  jj_converter_is_traditional (const char  *text,
                                       gssize       n_bytes);

/* The simplified text has exactly as many characters as @text, each line
 * converted as a whole where OpenCC keeps its length, character by
 * character where it does not. Returns NULL with @error set when OpenCC
 * cannot be loaded.
 */
char     *jj_converter_t2s            (const char  *text,
                                       gssize       n_bytes,
                                       gsize       *out_n_bytes,
                                       GError     **error);

G_END_DECLS
