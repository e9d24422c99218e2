/* jj-hit-row.h — one full-text hit in context, which opens and can be marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jj-text-index.h"

G_BEGIN_DECLS

#define JJ_TYPE_HIT_ROW (jj_hit_row_get_type ())

G_DECLARE_FINAL_TYPE (JjHitRow, jj_hit_row, JJ, HIT_ROW, GtkListBoxRow)

GtkWidget       *jj_hit_row_new     (const JjTextHit *hit);
const JjTextHit *jj_hit_row_get_hit (JjHitRow        *self);
void             jj_hit_row_mark    (JjHitRow        *self);
void             jj_hit_row_set_show_title (JjHitRow *self,
                                            gboolean  show_title);

G_END_DECLS
