/* jj-draft-section.c — a heading of a draft and the cards under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-draft-section.h"

struct _JjDraftSection
{
  GObject     parent_instance;

  char       *heading;
  guint       level;
  GListStore *cards;
};

G_DEFINE_FINAL_TYPE (JjDraftSection, jj_draft_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HEADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jj_draft_section_finalize (GObject *object)
{
  JjDraftSection *self = JJ_DRAFT_SECTION (object);

  g_free (self->heading);
  g_object_unref (self->cards);

  G_OBJECT_CLASS (jj_draft_section_parent_class)->finalize (object);
}

static void
jj_draft_section_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JjDraftSection *self = JJ_DRAFT_SECTION (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_draft_section_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JjDraftSection *self = JJ_DRAFT_SECTION (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      jj_draft_section_set_heading (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_draft_section_class_init (JjDraftSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_draft_section_finalize;
  object_class->get_property = jj_draft_section_get_property;
  object_class->set_property = jj_draft_section_set_property;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jj_draft_section_init (JjDraftSection *self)
{
  self->heading = g_strdup ("");
  self->cards = g_list_store_new (JJ_TYPE_DRAFT_CARD);
}

/**
 * jj_draft_section_new:
 * @heading: the heading as the writer sees it, marker included (一、…)
 * @level: 1 for 一、, 2 for （一）, 3 below; 0 for what has no number
 *   (the salutation, the closing)
 */
JjDraftSection *
jj_draft_section_new (const char *heading,
                      guint       level)
{
  JjDraftSection *self = g_object_new (JJ_TYPE_DRAFT_SECTION, NULL);

  jj_draft_section_set_heading (self, heading != NULL ? heading : "");
  self->level = MIN (level, 9);

  return self;
}

JjDraftSection *
jj_draft_section_copy (JjDraftSection *self)
{
  JjDraftSection *copy;

  g_return_val_if_fail (JJ_IS_DRAFT_SECTION (self), NULL);

  copy = jj_draft_section_new (self->heading, self->level);
  for (guint i = 0; i < jj_draft_section_get_n_cards (self); i++)
    {
      g_autoptr(JjDraftCard) card = jj_draft_card_copy (jj_draft_section_get_card (self, i));

      g_list_store_append (copy->cards, card);
    }

  return copy;
}

const char *
jj_draft_section_get_heading (JjDraftSection *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_SECTION (self), NULL);

  return self->heading;
}

void
jj_draft_section_set_heading (JjDraftSection *self,
                              const char     *heading)
{
  g_return_if_fail (JJ_IS_DRAFT_SECTION (self));
  g_return_if_fail (heading != NULL);

  if (g_strcmp0 (self->heading, heading) == 0)
    return;
  g_free (self->heading);
  self->heading = g_strdup (heading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

guint
jj_draft_section_get_level (JjDraftSection *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_SECTION (self), 0);

  return self->level;
}

GListModel *
jj_draft_section_get_cards (JjDraftSection *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_SECTION (self), NULL);

  return G_LIST_MODEL (self->cards);
}

guint
jj_draft_section_get_n_cards (JjDraftSection *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_SECTION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->cards));
}

/* Returns: (transfer none) */
JjDraftCard *
jj_draft_section_get_card (JjDraftSection *self,
                           guint           position)
{
  JjDraftCard *card;

  g_return_val_if_fail (JJ_IS_DRAFT_SECTION (self), NULL);

  card = g_list_model_get_item (G_LIST_MODEL (self->cards), position);
  if (card != NULL)
    g_object_unref (card);  /* the store keeps its own reference */
  return card;
}

void
jj_draft_section_insert_card (JjDraftSection *self,
                              guint           position,
                              JjDraftCard    *card)
{
  g_return_if_fail (JJ_IS_DRAFT_SECTION (self));
  g_return_if_fail (JJ_IS_DRAFT_CARD (card));

  position = MIN (position, jj_draft_section_get_n_cards (self));
  g_list_store_insert (self->cards, position, card);
}

void
jj_draft_section_append_card (JjDraftSection *self,
                              JjDraftCard    *card)
{
  g_return_if_fail (JJ_IS_DRAFT_SECTION (self));
  g_return_if_fail (JJ_IS_DRAFT_CARD (card));

  g_list_store_append (self->cards, card);
}

void
jj_draft_section_remove_card (JjDraftSection *self,
                              guint           position)
{
  g_return_if_fail (JJ_IS_DRAFT_SECTION (self));
  g_return_if_fail (position < jj_draft_section_get_n_cards (self));

  g_list_store_remove (self->cards, position);
}
