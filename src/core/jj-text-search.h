/* jj-text-search.h — find every occurrence of a phrase in display text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint start;  /* display offsets, end exclusive */
  guint end;
} JjTextRange;

GArray *jj_text_search_find_all (const char *text,
                                 gsize       n_bytes,
                                 const char *needle,
                                 guint       max_matches);

G_END_DECLS
