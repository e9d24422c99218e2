/* jj-library-window.h — 素材库: marked passages across every speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jj-library.h"
#include "jj-text-search-view.h"

G_BEGIN_DECLS

#define JJ_TYPE_LIBRARY_WINDOW (jj_library_window_get_type ())

G_DECLARE_FINAL_TYPE (JjLibraryWindow, jj_library_window, JJ, LIBRARY_WINDOW, AdwWindow)

GtkWidget *jj_library_window_new          (GtkApplication  *application,
                                           JjLibrary       *library);
guint      jj_library_window_get_n_shown  (JjLibraryWindow *self);
void       jj_library_window_set_search   (JjLibraryWindow *self,
                                           const char      *text);
void       jj_library_window_set_all_text (JjLibraryWindow *self,
                                           gboolean         all_text);
JjTextSearchView *
           jj_library_window_get_text_view (JjLibraryWindow *self);

G_END_DECLS
