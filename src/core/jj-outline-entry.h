/* jj-outline-entry.h — one heading, enumerator, title, salutation, closing
 * or parallel series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  JJ_OUTLINE_KIND_TITLE,
  JJ_OUTLINE_KIND_SALUTATION,
  JJ_OUTLINE_KIND_HEADING,
  JJ_OUTLINE_KIND_ENUMERATOR,
  JJ_OUTLINE_KIND_CLOSING,
  JJ_OUTLINE_KIND_PARALLEL,
} JjOutlineKind;

#define JJ_TYPE_OUTLINE_KIND (jj_outline_kind_get_type ())
GType jj_outline_kind_get_type (void);

#define JJ_TYPE_OUTLINE_ENTRY (jj_outline_entry_get_type ())

G_DECLARE_FINAL_TYPE (JjOutlineEntry, jj_outline_entry, JJ, OUTLINE_ENTRY, GObject)

JjOutlineEntry *jj_outline_entry_new           (JjOutlineKind   kind,
                                                guint           level,
                                                const char     *marker,
                                                const char     *title,
                                                guint           start,
                                                guint           title_end,
                                                guint           end);
guint           jj_outline_entry_get_level     (JjOutlineEntry *self);
JjOutlineKind   jj_outline_entry_get_kind      (JjOutlineEntry *self);
const char     *jj_outline_entry_get_marker    (JjOutlineEntry *self);
const char     *jj_outline_entry_get_title     (JjOutlineEntry *self);
guint           jj_outline_entry_get_start     (JjOutlineEntry *self);
guint           jj_outline_entry_get_title_end (JjOutlineEntry *self);
guint           jj_outline_entry_get_end       (JjOutlineEntry *self);
GListModel     *jj_outline_entry_get_children  (JjOutlineEntry *self);
JjOutlineEntry *jj_outline_entry_get_parent    (JjOutlineEntry *self);
guint           jj_outline_entry_get_n_members (JjOutlineEntry *self);
gboolean        jj_outline_entry_get_member    (JjOutlineEntry *self,
                                                guint           i,
                                                guint          *start,
                                                guint          *end);
const char     *jj_outline_kind_to_string      (JjOutlineKind   kind);

G_END_DECLS
