/* jj-mark-history.h — undo and redo of changes to marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-mark-store.h"

G_BEGIN_DECLS

#define JJ_TYPE_MARK_HISTORY (jj_mark_history_get_type ())

G_DECLARE_FINAL_TYPE (JjMarkHistory, jj_mark_history, JJ, MARK_HISTORY, GObject)

JjMarkHistory *jj_mark_history_new          (JjMarkStore   *store);
void           jj_mark_history_added        (JjMarkHistory *self,
                                             JjMark        *mark);
void           jj_mark_history_removed      (JjMarkHistory *self,
                                             JjMark        *mark);
JjMark        *jj_mark_history_begin_edit   (JjMarkHistory *self,
                                             JjMark        *mark);
void           jj_mark_history_end_edit     (JjMarkHistory *self,
                                             JjMark        *mark,
                                             JjMark        *before);
gboolean       jj_mark_history_can_undo     (JjMarkHistory *self);
gboolean       jj_mark_history_can_redo     (JjMarkHistory *self);
JjMark        *jj_mark_history_undo         (JjMarkHistory *self);
JjMark        *jj_mark_history_redo         (JjMarkHistory *self);
JjMark        *jj_mark_history_peek_undo    (JjMarkHistory *self);
JjMark        *jj_mark_history_peek_redo    (JjMarkHistory *self);

G_END_DECLS
