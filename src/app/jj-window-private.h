/* jj-window-private.h — what tests see of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-outline-panel.h"
#include "jj-reader-view.h"
#include "jj-window.h"

G_BEGIN_DECLS

JjDocument     *_jj_window_get_document      (JjWindow *self);
JjOutlinePanel *_jj_window_get_outline_panel (JjWindow *self);
JjReaderView   *_jj_window_get_reader_view   (JjWindow *self);

G_END_DECLS
