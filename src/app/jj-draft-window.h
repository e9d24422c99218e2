/* jj-draft-window.h — the draft board: headings and the cards under them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jj-draft.h"

G_BEGIN_DECLS

#define JJ_TYPE_DRAFT_WINDOW (jj_draft_window_get_type ())
G_DECLARE_FINAL_TYPE (JjDraftWindow, jj_draft_window, JJ, DRAFT_WINDOW, AdwApplicationWindow)

JjDraftWindow *jj_draft_window_new        (GtkApplication  *application,
                                           JjDraft         *draft,
                                           const char      *path);
JjDraftWindow *jj_draft_window_open       (GtkApplication  *application,
                                           const char      *path,
                                           GError         **error);
JjDraft       *jj_draft_window_get_draft  (JjDraftWindow   *self);
const char    *jj_draft_window_get_path   (JjDraftWindow   *self);
gboolean       jj_draft_window_save_to    (JjDraftWindow   *self,
                                           const char      *path,
                                           GError         **error);
gboolean       jj_draft_window_export_to  (JjDraftWindow   *self,
                                           GFile           *file,
                                           const char      *format,
                                           GError         **error);
gboolean       jj_draft_window_move_card  (JjDraftWindow   *self,
                                           guint            from_section,
                                           guint            from_card,
                                           guint            to_section,
                                           guint            to_card);
void           jj_draft_window_set_current (JjDraftWindow  *self,
                                            guint           section,
                                            guint           card);
gboolean       jj_draft_window_get_current (JjDraftWindow  *self,
                                            guint          *section,
                                            guint          *card);
GtkWidget     *jj_draft_window_get_card_row (JjDraftWindow *self,
                                             guint          section,
                                             guint          card);
GdkContentProvider *jj_draft_window_mark_content (const char *speech,
                                                  const char *mark_id);
guint          jj_draft_window_get_current_section (JjDraftWindow *self);
GtkWidget     *jj_draft_window_get_heading (JjDraftWindow *self,
                                            guint          section);

G_END_DECLS
