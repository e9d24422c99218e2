/* jj-draft.h — a new speech being drafted: headings with cards under them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-draft-section.h"

G_BEGIN_DECLS

#define JJ_DRAFT_NAMESPACE "https://jiejian.org/ns/draft/1"
#define JJ_DRAFT_SUFFIX ".jiejian-draft.xml"

#define JJ_DRAFT_ERROR (jj_draft_error_quark ())

typedef enum
{
  JJ_DRAFT_ERROR_INVALID,
  JJ_DRAFT_ERROR_TOO_LARGE,
} JjDraftError;

typedef struct _JjDocument JjDocument;

#define JJ_TYPE_DRAFT (jj_draft_get_type ())
G_DECLARE_FINAL_TYPE (JjDraft, jj_draft, JJ, DRAFT, GObject)

GQuark          jj_draft_error_quark     (void);
JjDraft        *jj_draft_new             (const char      *title);
JjDraft        *jj_draft_new_skeleton    (const char      *title);
JjDraft        *jj_draft_new_from_outline (JjDocument     *document);
JjDraft        *jj_draft_load            (const char      *path,
                                          GError         **error);
JjDraft        *jj_draft_new_from_xml    (const char      *data,
                                          gsize            length,
                                          GError         **error);
char           *jj_draft_to_xml          (JjDraft         *self,
                                          gsize           *length);
gboolean        jj_draft_save            (JjDraft         *self,
                                          const char      *path,
                                          GError         **error);
char           *jj_draft_to_markdown     (JjDraft         *self);
char           *jj_draft_to_text         (JjDraft         *self);
GBytes         *jj_draft_to_docx         (JjDraft         *self,
                                          GError         **error);
const char     *jj_draft_get_title       (JjDraft         *self);
void            jj_draft_set_title       (JjDraft         *self,
                                          const char      *title);
GListModel     *jj_draft_get_sections    (JjDraft         *self);
guint           jj_draft_get_n_sections  (JjDraft         *self);
JjDraftSection *jj_draft_get_section     (JjDraft         *self,
                                          guint            position);
void            jj_draft_insert_section  (JjDraft         *self,
                                          guint            position,
                                          JjDraftSection  *section);
void            jj_draft_remove_section  (JjDraft         *self,
                                          guint            position);
gboolean        jj_draft_move_card       (JjDraft         *self,
                                          guint            from_section,
                                          guint            from_card,
                                          guint            to_section,
                                          guint            to_card);
gboolean        jj_draft_move_section    (JjDraft         *self,
                                          guint            from,
                                          guint            to);
gboolean        jj_draft_split_card      (JjDraft         *self,
                                          guint            section,
                                          guint            card,
                                          guint            offset);
gboolean        jj_draft_is_draft_name   (const char      *path);

G_END_DECLS
