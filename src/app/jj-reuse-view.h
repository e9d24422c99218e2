/* jj-reuse-view.h — 查重 in the app: a draft with its borrowed stretches shown by source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jj-library.h"

G_BEGIN_DECLS

#define JJ_TYPE_REUSE_VIEW (jj_reuse_view_get_type ())
G_DECLARE_FINAL_TYPE (JjReuseView, jj_reuse_view, JJ, REUSE_VIEW, GtkBox)

GtkWidget     *jj_reuse_view_new                (void);
void           jj_reuse_view_set_index_file     (JjReuseView  *self,
                                                 GFile        *index_file);
void           jj_reuse_view_check_text         (JjReuseView  *self,
                                                 const char   *text,
                                                 JjLibrary    *library);
void           jj_reuse_view_check_file         (JjReuseView  *self,
                                                 GFile        *file,
                                                 JjLibrary    *library);
void           jj_reuse_view_warm_up            (GFile        *index_file,
                                                 GCancellable *cancellable);
gboolean       jj_reuse_view_is_checking        (JjReuseView  *self);
const char    *jj_reuse_view_get_status         (JjReuseView  *self);
guint          jj_reuse_view_get_n_stretches    (JjReuseView  *self);
double         jj_reuse_view_get_total_share    (JjReuseView  *self);
guint          jj_reuse_view_get_n_sources      (JjReuseView  *self);
GtkListBoxRow *jj_reuse_view_get_source_row     (JjReuseView  *self,
                                                 guint         n);
GtkTextView   *jj_reuse_view_get_text_view      (JjReuseView  *self);
gboolean       jj_reuse_view_activate_offset    (JjReuseView  *self,
                                                 guint         offset);

G_END_DECLS
