/* jj-outline-entry-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-outline-entry.h"

G_BEGIN_DECLS

JjOutlineEntry *_jj_outline_entry_new_take (JjOutlineKind  kind,
                                            guint          level,
                                            char          *marker,
                                            char          *title,
                                            guint          start,
                                            guint          title_end,
                                            guint          end);
JjOutlineEntry *_jj_outline_entry_new_block (JjOutlineKind  kind,
                                             guint          level,
                                             char          *block,
                                             guint          start,
                                             guint          title_end,
                                             guint          end);
void _jj_outline_entry_set_children (JjOutlineEntry  *self,
                                     JjOutlineEntry **children,
                                     guint            n);
guint           _jj_outline_entry_get_n_children (JjOutlineEntry *self);
JjOutlineEntry *_jj_outline_entry_get_child      (JjOutlineEntry *self,
                                                  guint           i);
void _jj_outline_entry_set_end    (JjOutlineEntry *self,
                                   guint           end);
void _jj_outline_entry_add_child  (JjOutlineEntry *self,
                                   JjOutlineEntry *child);
void _jj_outline_entry_set_level  (JjOutlineEntry *self,
                                   guint           level);
void _jj_outline_entry_add_member (JjOutlineEntry *self,
                                   guint           start,
                                   guint           end);

G_END_DECLS
