/* jj-language.h — Chinese glyph forms in every UI language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void jj_language_prefer_chinese_glyphs (void);
void jj_language_speech_labels         (GtkWidget *root);

G_END_DECLS
