/* jj-marks-panel.h — the marks of a document, grouped by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jj-mark.h"

G_BEGIN_DECLS

#define JJ_TYPE_MARKS_PANEL (jj_marks_panel_get_type ())

G_DECLARE_FINAL_TYPE (JjMarksPanel, jj_marks_panel, JJ, MARKS_PANEL, GtkWidget)

GtkWidget *jj_marks_panel_new        (void);
void       jj_marks_panel_set_marks  (JjMarksPanel *self,
                                      GListModel   *marks);
void       jj_marks_panel_refresh    (JjMarksPanel *self);
guint      jj_marks_panel_get_n_shown (JjMarksPanel *self);
void       jj_marks_panel_set_attention (JjMarksPanel *self,
                                         gboolean      attention);
void       jj_marks_panel_set_me     (JjMarksPanel *self,
                                      const char   *name);

G_END_DECLS
