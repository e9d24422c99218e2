/* jj-draft-history.h — undo and redo of changes to a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-draft.h"

G_BEGIN_DECLS

#define JJ_TYPE_DRAFT_HISTORY (jj_draft_history_get_type ())

G_DECLARE_FINAL_TYPE (JjDraftHistory, jj_draft_history, JJ, DRAFT_HISTORY, GObject)

JjDraftHistory *jj_draft_history_new      (guint           limit);
void            jj_draft_history_push     (JjDraftHistory *self,
                                           char           *snapshot,
                                           gconstpointer   group);
void            jj_draft_history_record   (JjDraftHistory *self,
                                           JjDraft        *draft,
                                           gconstpointer   group);
gboolean        jj_draft_history_can_undo (JjDraftHistory *self);
gboolean        jj_draft_history_can_redo (JjDraftHistory *self);
JjDraft        *jj_draft_history_undo     (JjDraftHistory *self,
                                           JjDraft        *current,
                                           GError        **error);
JjDraft        *jj_draft_history_redo     (JjDraftHistory *self,
                                           JjDraft        *current,
                                           GError        **error);

G_END_DECLS
