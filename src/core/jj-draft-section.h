/* jj-draft-section.h — a heading of a draft and the cards under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-draft-card.h"

G_BEGIN_DECLS

#define JJ_TYPE_DRAFT_SECTION (jj_draft_section_get_type ())
G_DECLARE_FINAL_TYPE (JjDraftSection, jj_draft_section, JJ, DRAFT_SECTION, GObject)

JjDraftSection *jj_draft_section_new         (const char     *heading,
                                              guint           level);
JjDraftSection *jj_draft_section_copy        (JjDraftSection *self);
const char     *jj_draft_section_get_heading (JjDraftSection *self);
void            jj_draft_section_set_heading (JjDraftSection *self,
                                              const char     *heading);
guint           jj_draft_section_get_level   (JjDraftSection *self);
GListModel     *jj_draft_section_get_cards   (JjDraftSection *self);
guint           jj_draft_section_get_n_cards (JjDraftSection *self);
JjDraftCard    *jj_draft_section_get_card    (JjDraftSection *self,
                                              guint           position);
void            jj_draft_section_insert_card (JjDraftSection *self,
                                              guint           position,
                                              JjDraftCard    *card);
void            jj_draft_section_append_card (JjDraftSection *self,
                                              JjDraftCard    *card);
void            jj_draft_section_remove_card (JjDraftSection *self,
                                              guint           position);

G_END_DECLS
