/* jj-outline-panel.h — the outline sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jj-outline.h"

G_BEGIN_DECLS

#define JJ_TYPE_OUTLINE_PANEL (jj_outline_panel_get_type ())

G_DECLARE_FINAL_TYPE (JjOutlinePanel, jj_outline_panel, JJ, OUTLINE_PANEL, GtkWidget)

GtkWidget *jj_outline_panel_new              (void);
void       jj_outline_panel_set_outline      (JjOutlinePanel *self,
                                              JjOutline      *outline);
void       jj_outline_panel_set_text         (JjOutlinePanel *self,
                                              const char     *text);
const char *jj_outline_panel_get_row_title   (JjOutlinePanel *self,
                                              guint           row);
void       jj_outline_panel_set_mark_offsets (JjOutlinePanel *self,
                                              GArray         *offsets);
void       jj_outline_panel_set_position     (JjOutlinePanel *self,
                                              guint           offset);
guint      jj_outline_panel_get_n_rows       (JjOutlinePanel *self);
const char *jj_outline_panel_get_count_note  (JjOutlinePanel *self);
JjOutlineEntry *jj_outline_panel_get_row_entry (JjOutlinePanel *self,
                                              guint           row);
void       jj_outline_panel_activate_row     (JjOutlinePanel *self,
                                              guint           row);

G_END_DECLS
