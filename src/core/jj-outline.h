/* jj-outline.h — the skeleton of a speech: title, salutation, headings, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-outline-entry.h"
#include "jj-paragraph-hint.h"

G_BEGIN_DECLS

#define JJ_TYPE_OUTLINE (jj_outline_get_type ())

G_DECLARE_FINAL_TYPE (JjOutline, jj_outline, JJ, OUTLINE, GObject)

/* Offsets are code points of the display text, end exclusive. @hints are
 * sorted by start; jj_outline_detect() works on paragraphed text and on
 * text without any line break, in one pass with bounded look-ahead.
 */

JjOutline      *jj_outline_detect              (const char            *text,
                                                gssize                 n_bytes,
                                                const JjParagraphHint *hints,
                                                guint                  n_hints);
guint           jj_outline_get_n_entries       (JjOutline             *self);
JjOutlineEntry *jj_outline_get_entry           (JjOutline             *self,
                                                guint                  i);
GListModel     *jj_outline_get_tree            (JjOutline             *self);
JjOutlineEntry *jj_outline_lookup              (JjOutline             *self,
                                                guint                  offset);
char           *jj_outline_dup_section_path    (JjOutline             *self,
                                                guint                  offset);
guint           jj_outline_get_length          (JjOutline             *self);
guint           jj_outline_get_announced_count (JjOutline             *self);
guint           jj_outline_get_n_sections      (JjOutline             *self);
gboolean        jj_outline_get_count_mismatch  (JjOutline             *self);

G_END_DECLS
