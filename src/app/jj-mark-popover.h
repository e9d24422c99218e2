/* jj-mark-popover.h — choose a mark's kind, tags and note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JJ_TYPE_MARK_POPOVER (jj_mark_popover_get_type ())

G_DECLARE_FINAL_TYPE (JjMarkPopover, jj_mark_popover, JJ, MARK_POPOVER, GtkPopover)

GtkWidget   *jj_mark_popover_new        (void);
void         jj_mark_popover_set_fields (JjMarkPopover       *self,
                                         gboolean             editing,
                                         const char          *kind,
                                         const char * const  *tags,
                                         const char          *note);
void         jj_mark_popover_set_known_tags (JjMarkPopover   *self,
                                         const char * const  *tags);
const char  *jj_mark_popover_get_kind   (JjMarkPopover       *self);
char       **jj_mark_popover_dup_tags   (JjMarkPopover       *self);
char        *jj_mark_popover_dup_note   (JjMarkPopover       *self);

G_END_DECLS
