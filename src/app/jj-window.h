/* jj-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jj-application.h"

G_BEGIN_DECLS

#define JJ_TYPE_WINDOW (jj_window_get_type ())

G_DECLARE_FINAL_TYPE (JjWindow, jj_window, JJ, WINDOW, AdwApplicationWindow)

JjWindow *jj_window_new      (JjApplication *application);
void      jj_window_open     (JjWindow      *self,
                              GFile         *file);
GFile    *jj_window_get_file (JjWindow      *self);
void      jj_window_select   (JjWindow      *self,
                              guint          start,
                              guint          end);

G_END_DECLS
