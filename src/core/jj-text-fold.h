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

char *jj_text_fold_plain    (const char *text,
                             gssize      n_bytes,
                             gboolean   *plain);

const guint8 *jj_text_word_table (void);

/* Whether @c is a letter, digit or ideograph, with the table of
 * jj_text_word_table().
 */
static inline gboolean
jj_text_word_in_table (const guint8 *table,
                       gunichar      c)
{
  if (c < 0x10000)
    return (table[c >> 3] >> (c & 7)) & 1;
  return g_unichar_isalnum (c);
}

G_END_DECLS
