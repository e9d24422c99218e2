/* jj-opencc-keys.h — the dictionary keys an OpenCC configuration matches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*JjOpenccKeyFunc) (const char *key,
                                 gsize       n_bytes,
                                 gpointer    user_data);

/* Calls @func for the key of every entry of every dictionary that the
 * OpenCC configuration @config_file segments or converts with. Returns
 * FALSE when the configuration cannot be loaded or does not segment by
 * maximal matching, the only kind whose matches are known to stay within
 * runs of key characters.
 */
gboolean  jj_opencc_foreach_key (const char      *config_file,
                                 JjOpenccKeyFunc  func,
                                 gpointer         user_data);

G_END_DECLS
