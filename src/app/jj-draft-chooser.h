/* jj-draft-chooser.h — Send to Draft: which draft, under which heading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JJ_TYPE_DRAFT_CHOOSER (jj_draft_chooser_get_type ())
G_DECLARE_FINAL_TYPE (JjDraftChooser, jj_draft_chooser, JJ, DRAFT_CHOOSER, AdwWindow)

JjDraftChooser *jj_draft_chooser_new            (GtkApplication *application,
                                                 GtkWindow      *parent,
                                                 const char     *speech,
                                                 const char     *mark_id);
guint           jj_draft_chooser_get_n_drafts   (JjDraftChooser *self);
guint           jj_draft_chooser_get_n_sections (JjDraftChooser *self);
gboolean        jj_draft_chooser_select         (JjDraftChooser *self,
                                                 guint           draft,
                                                 guint           section);
gboolean        jj_draft_chooser_get_selected   (JjDraftChooser *self,
                                                 guint          *draft,
                                                 guint          *section);
GtkWidget      *jj_draft_chooser_send           (JjDraftChooser *self);

G_END_DECLS
