/* jj-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JJ_TYPE_PREFERENCES_WINDOW (jj_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (JjPreferencesWindow, jj_preferences_window, JJ, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *jj_preferences_window_new (GtkWindow *parent);

G_END_DECLS
