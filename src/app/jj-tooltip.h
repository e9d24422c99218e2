/* jj-tooltip.h — tooltips that keep short Chinese texts on one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void jj_tooltip_unwrap_tree    (GtkWidget  *root);
void jj_tooltip_set_text       (GtkTooltip *tooltip,
                                const char *text);
void jj_tooltip_for_cut_labels (GtkWidget  *root);

G_END_DECLS
