/* jj-mark-session.h — the marks of one open document, as a user changes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-mark-history.h"
#include "jj-mark-store.h"
#include "jj-outline.h"

G_BEGIN_DECLS

#define JJ_TYPE_MARK_SESSION (jj_mark_session_get_type ())

G_DECLARE_FINAL_TYPE (JjMarkSession, jj_mark_session, JJ, MARK_SESSION, GObject)

JjMarkSession *jj_mark_session_new          (GFile          *document_file,
                                             JjOutline      *outline,
                                             const char     *author);
gboolean       jj_mark_session_load         (JjMarkSession  *self,
                                             const char     *display_text,
                                             const char     *fingerprint,
                                             GError        **error);
void           jj_mark_session_load_async   (JjMarkSession       *self,
                                             const char          *display_text,
                                             const char          *fingerprint,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean       jj_mark_session_load_finish  (JjMarkSession  *self,
                                             GAsyncResult   *result,
                                             GError        **error);
gboolean       jj_mark_session_get_loaded   (JjMarkSession  *self);
JjMarkStore   *jj_mark_session_get_store    (JjMarkSession  *self);
GListModel    *jj_mark_session_get_marks    (JjMarkSession  *self);
const char    *jj_mark_session_get_author   (JjMarkSession  *self);
const JjAnchorReport *jj_mark_session_get_report (JjMarkSession *self);

JjMark        *jj_mark_session_add          (JjMarkSession      *self,
                                             guint               start,
                                             guint               end,
                                             const char         *kind,
                                             const char * const *tags,
                                             const char         *note,
                                             const char         *color);
void           jj_mark_session_begin_edit   (JjMarkSession  *self,
                                             JjMark         *mark);
void           jj_mark_session_end_edit     (JjMarkSession  *self,
                                             JjMark         *mark);
void           jj_mark_session_edit         (JjMarkSession      *self,
                                             JjMark             *mark,
                                             const char         *kind,
                                             const char * const *tags,
                                             const char         *note);
void           jj_mark_session_set_kind     (JjMarkSession  *self,
                                             JjMark         *mark,
                                             const char     *kind);
void           jj_mark_session_set_tags     (JjMarkSession      *self,
                                             JjMark             *mark,
                                             const char * const *tags);
void           jj_mark_session_set_note     (JjMarkSession  *self,
                                             JjMark         *mark,
                                             const char     *note);
gboolean       jj_mark_session_set_color    (JjMarkSession  *self,
                                             JjMark         *mark,
                                             const char     *color);
gboolean       jj_mark_session_reattach     (JjMarkSession  *self,
                                             JjMark         *mark,
                                             guint           start,
                                             guint           end);
void           jj_mark_session_delete       (JjMarkSession  *self,
                                             JjMark         *mark);
gboolean       jj_mark_session_get_can_undo (JjMarkSession  *self);
gboolean       jj_mark_session_get_can_redo (JjMarkSession  *self);
JjMark        *jj_mark_session_undo         (JjMarkSession  *self);
JjMark        *jj_mark_session_redo         (JjMarkSession  *self);
gboolean       jj_mark_session_reload       (JjMarkSession  *self,
                                             GError        **error);
gboolean       jj_mark_session_save         (JjMarkSession  *self,
                                             GError        **error);
void           jj_mark_session_flush        (JjMarkSession  *self);

G_END_DECLS
