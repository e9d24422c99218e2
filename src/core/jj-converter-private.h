/* jj-converter-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* jj_converter_t2s() as it was before it converted runs of characters
 * apart: each line in one OpenCC call. The tests compare the two.
 */
char     *jj_converter_t2s_whole_lines (const char  *text,
                                        gssize       n_bytes,
                                        gsize       *out_n_bytes,
                                        GError     **error);

G_END_DECLS
