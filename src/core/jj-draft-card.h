/* jj-draft-card.h — a card of a draft: the writer's own text or a borrowed passage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  JJ_DRAFT_CARD_OWN,
  JJ_DRAFT_CARD_BORROWED,
} JjDraftCardKind;

#define JJ_TYPE_DRAFT_CARD (jj_draft_card_get_type ())
G_DECLARE_FINAL_TYPE (JjDraftCard, jj_draft_card, JJ, DRAFT_CARD, GObject)

JjDraftCard     *jj_draft_card_new_own            (const char  *text);
JjDraftCard     *jj_draft_card_new_borrowed       (const char  *quote,
                                                   const char  *document,
                                                   const char  *document_title,
                                                   const char  *mark_id,
                                                   const char  *section,
                                                   guint        start,
                                                   guint        end);
JjDraftCard     *jj_draft_card_copy               (JjDraftCard *self);
JjDraftCardKind  jj_draft_card_get_kind           (JjDraftCard *self);
const char      *jj_draft_card_get_text           (JjDraftCard *self);
void             jj_draft_card_set_text           (JjDraftCard *self,
                                                   const char  *text);
const char      *jj_draft_card_get_quote          (JjDraftCard *self);
const char      *jj_draft_card_get_document       (JjDraftCard *self);
const char      *jj_draft_card_get_document_title (JjDraftCard *self);
const char      *jj_draft_card_get_mark_id        (JjDraftCard *self);
const char      *jj_draft_card_get_section        (JjDraftCard *self);
guint            jj_draft_card_get_start          (JjDraftCard *self);
guint            jj_draft_card_get_end            (JjDraftCard *self);
double           jj_draft_card_get_changed        (JjDraftCard *self);

G_END_DECLS
