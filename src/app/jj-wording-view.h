/* jj-wording-view.h — 提法对比: a phrase and its close variants across every speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jj-library.h"
#include "jj-wording.h"

G_BEGIN_DECLS

#define JJ_TYPE_WORDING_VIEW (jj_wording_view_get_type ())

G_DECLARE_FINAL_TYPE (JjWordingView, jj_wording_view, JJ, WORDING_VIEW, AdwWindow)

JjWordingView          *jj_wording_view_new            (GtkApplication *application,
                                                        JjLibrary      *library);
JjWordingView          *jj_wording_view_show           (GtkWindow      *parent,
                                                        const char     *phrase);
void                    jj_wording_view_set_phrase     (JjWordingView  *self,
                                                        const char     *phrase);
const char             *jj_wording_view_get_phrase     (JjWordingView  *self);
gboolean                jj_wording_view_is_busy        (JjWordingView  *self);
guint                   jj_wording_view_get_n_variants (JjWordingView  *self);
const JjWordingVariant *jj_wording_view_get_variant    (JjWordingView  *self,
                                                        guint           n);
GtkListBoxRow          *jj_wording_view_get_hit_row    (JjWordingView  *self,
                                                        guint           variant,
                                                        guint           n);
const char             *jj_wording_view_get_summary    (JjWordingView  *self,
                                                        guint           variant);

G_END_DECLS
