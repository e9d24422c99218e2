/* jj-text-fold.h — the folded form full-text search compares, with a map back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *jj_text_fold          (const char *text,
                             gssize      n_bytes);
char *jj_text_fold_with_map (const char *text,
                             gssize      n_bytes,
                             GArray    **map);

G_END_DECLS
