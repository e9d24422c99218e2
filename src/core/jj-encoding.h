/* jj-encoding.h — which Chinese encoding a text file is in, and decoding it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns the name of the encoding (an iconv name: "UTF-8", "UTF-16LE",
 * "UTF-16BE", "GB18030", "BIG5"), or NULL when @data looks binary.
 * @bom_len receives the length of a byte order mark to skip.
 */
const char *jj_encoding_detect  (const char  *data,
                                 gsize        n_bytes,
                                 gsize       *bom_len);

/* Decodes @data to UTF-8. Sequences invalid in @encoding are replaced with
 * U+FFFD; @n_invalid receives how many were.
 */
char       *jj_encoding_decode  (const char  *data,
                                 gsize        n_bytes,
                                 const char  *encoding,
                                 gsize       *out_n_bytes,
                                 guint       *n_invalid,
                                 GError     **error);

gboolean    jj_encoding_is_valid (const char *data,
                                  gsize       n_bytes,
                                  const char *encoding);

/* The bytes of @text that are no UTF-8 continuation bytes, counted
 * eight at a time: the text model counts characters at every step of
 * import.  jj_encoding_count_chars() is g_utf8_strlen (@text, @n_bytes)
 * on valid UTF-8, a NUL or a cut character at the end stopping it.
 */
guint       jj_encoding_count_starts (const char *text,
                                      gsize       n_bytes);
guint       jj_encoding_count_chars  (const char *text,
                                      gsize       n_bytes);

G_END_DECLS
