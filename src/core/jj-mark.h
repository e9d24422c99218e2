/* jj-mark.h — a marked passage of a speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  JJ_MARK_STATUS_PLACED,
  JJ_MARK_STATUS_MOVED,
  JJ_MARK_STATUS_ORPHAN,
} JjMarkStatus;

#define JJ_MARK_CONTEXT_LENGTH 32

#define JJ_TYPE_MARK_STATUS (jj_mark_status_get_type ())
#define JJ_TYPE_MARK (jj_mark_get_type ())

GType jj_mark_status_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (JjMark, jj_mark, JJ, MARK, GObject)

JjMark              *jj_mark_new                (const char          *kind);
JjMark              *jj_mark_new_with_id        (const char          *id);
const char          *jj_mark_get_id             (JjMark              *self);
const char          *jj_mark_get_kind           (JjMark              *self);
void                 jj_mark_set_kind           (JjMark              *self,
                                                 const char          *kind);
const char          *jj_mark_get_color          (JjMark              *self);
gboolean             jj_mark_set_color          (JjMark              *self,
                                                 const char          *color);
char                *jj_mark_color_parse        (const char          *text);
const char          *jj_mark_get_own_color      (JjMark              *self);
const char * const  *jj_mark_get_tags           (JjMark              *self);
void                 jj_mark_set_tags           (JjMark              *self,
                                                 const char * const  *tags);
void                 jj_mark_add_tag            (JjMark              *self,
                                                 const char          *tag);
gboolean             jj_mark_has_tag            (JjMark              *self,
                                                 const char          *tag);
const char          *jj_mark_get_note           (JjMark              *self);
void                 jj_mark_set_note           (JjMark              *self,
                                                 const char          *note);
const char          *jj_mark_get_author         (JjMark              *self);
void                 jj_mark_set_author         (JjMark              *self,
                                                 const char          *author);
GDateTime           *jj_mark_get_created        (JjMark              *self);
void                 jj_mark_set_created        (JjMark              *self,
                                                 GDateTime           *created);
GDateTime           *jj_mark_get_modified       (JjMark              *self);
void                 jj_mark_set_modified       (JjMark              *self,
                                                 GDateTime           *modified);
guint                jj_mark_get_start          (JjMark              *self);
guint                jj_mark_get_end            (JjMark              *self);
void                 jj_mark_set_range          (JjMark              *self,
                                                 guint                start,
                                                 guint                end);
const char          *jj_mark_get_quote          (JjMark              *self);
void                 jj_mark_set_quote          (JjMark              *self,
                                                 const char          *quote);
const char          *jj_mark_get_prefix         (JjMark              *self);
const char          *jj_mark_get_suffix         (JjMark              *self);
void                 jj_mark_set_context        (JjMark              *self,
                                                 const char          *prefix,
                                                 const char          *suffix);
gboolean             jj_mark_set_target_from_text (JjMark            *self,
                                                 const char          *text,
                                                 guint                start,
                                                 guint                end);
const char          *jj_mark_get_section        (JjMark              *self);
void                 jj_mark_set_section        (JjMark              *self,
                                                 const char          *section);
JjMarkStatus         jj_mark_get_status         (JjMark              *self);
void                 jj_mark_set_status         (JjMark              *self,
                                                 JjMarkStatus         status);
const char          *jj_mark_status_to_string   (JjMarkStatus         status);
gboolean             jj_mark_get_deleted        (JjMark              *self);
void                 jj_mark_set_deleted        (JjMark              *self,
                                                 gboolean             deleted);
void                 jj_mark_touch              (JjMark              *self);
int                  jj_mark_compare_modified   (JjMark              *a,
                                                 JjMark              *b);
void                 jj_mark_update_from        (JjMark              *self,
                                                 JjMark              *other);

G_END_DECLS
