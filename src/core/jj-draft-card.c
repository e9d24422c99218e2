/* jj-draft-card.c — a card of a draft: the writer's own text or a borrowed passage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-draft-card.h"

/* Longer texts are compared on their first characters only: the share
 * changed is a hint for the writer, not a measure. */
#define MAX_COMPARED 4000

struct _JjDraftCard
{
  GObject          parent_instance;

  JjDraftCardKind  kind;
  char            *text;
  char            *quote;
  char            *document;
  char            *document_title;
  char            *mark_id;
  char            *section;
  guint            start;
  guint            end;
  double           changed;
};

G_DEFINE_FINAL_TYPE (JjDraftCard, jj_draft_card, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_CHANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jj_draft_card_finalize (GObject *object)
{
  JjDraftCard *self = JJ_DRAFT_CARD (object);

  g_free (self->text);
  g_free (self->quote);
  g_free (self->document);
  g_free (self->document_title);
  g_free (self->mark_id);
  g_free (self->section);

  G_OBJECT_CLASS (jj_draft_card_parent_class)->finalize (object);
}

static void
jj_draft_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JjDraftCard *self = JJ_DRAFT_CARD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_CHANGED:
      g_value_set_double (value, self->changed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_draft_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JjDraftCard *self = JJ_DRAFT_CARD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      jj_draft_card_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_draft_card_class_init (JjDraftCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_draft_card_finalize;
  object_class->get_property = jj_draft_card_get_property;
  object_class->set_property = jj_draft_card_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGED] =
    g_param_spec_double ("changed", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jj_draft_card_init (JjDraftCard *self)
{
  self->text = g_strdup ("");
}

/* The share of characters changed between the quote and the text: edit
 * distance over the longer of the two. */
static double
share_changed (const char *quote,
               const char *text)
{
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  g_autofree guint *row = NULL;
  glong na, nb;

  a = g_utf8_to_ucs4_fast (quote, -1, &na);
  b = g_utf8_to_ucs4_fast (text, -1, &nb);
  na = MIN (na, MAX_COMPARED);
  nb = MIN (nb, MAX_COMPARED);
  if (na == 0 && nb == 0)
    return 0.0;

  row = g_new (guint, nb + 1);
  for (glong j = 0; j <= nb; j++)
    row[j] = j;
  for (glong i = 1; i <= na; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= nb; j++)
        {
          guint above = row[j];
          guint best = diagonal + (a[i - 1] != b[j - 1]);

          best = MIN (best, above + 1);
          best = MIN (best, row[j - 1] + 1);
          diagonal = above;
          row[j] = best;
        }
    }

  return (double) row[nb] / MAX (na, nb);
}

JjDraftCard *
jj_draft_card_new_own (const char *text)
{
  JjDraftCard *self = g_object_new (JJ_TYPE_DRAFT_CARD, NULL);

  g_return_val_if_fail (text != NULL, self);

  self->kind = JJ_DRAFT_CARD_OWN;
  g_free (self->text);
  self->text = g_strdup (text);

  return self;
}

JjDraftCard *
jj_draft_card_new_borrowed (const char *quote,
                            const char *document,
                            const char *document_title,
                            const char *mark_id,
                            const char *section,
                            guint       start,
                            guint       end)
{
  JjDraftCard *self = g_object_new (JJ_TYPE_DRAFT_CARD, NULL);

  g_return_val_if_fail (quote != NULL, self);

  self->kind = JJ_DRAFT_CARD_BORROWED;
  g_free (self->text);
  self->text = g_strdup (quote);
  self->quote = g_strdup (quote);
  self->document = g_strdup (document);
  self->document_title = g_strdup (document_title);
  self->mark_id = g_strdup (mark_id);
  self->section = g_strdup (section);
  self->start = start;
  self->end = end;

  return self;
}

JjDraftCard *
jj_draft_card_copy (JjDraftCard *self)
{
  JjDraftCard *copy;

  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), NULL);

  if (self->kind == JJ_DRAFT_CARD_OWN)
    return jj_draft_card_new_own (self->text);

  copy = jj_draft_card_new_borrowed (self->quote, self->document, self->document_title,
                                     self->mark_id, self->section, self->start, self->end);
  jj_draft_card_set_text (copy, self->text);

  return copy;
}

JjDraftCardKind
jj_draft_card_get_kind (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), JJ_DRAFT_CARD_OWN);

  return self->kind;
}

const char *
jj_draft_card_get_text (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), NULL);

  return self->text;
}

void
jj_draft_card_set_text (JjDraftCard *self,
                        const char  *text)
{
  g_return_if_fail (JJ_IS_DRAFT_CARD (self));
  g_return_if_fail (text != NULL);

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->kind == JJ_DRAFT_CARD_BORROWED)
    self->changed = share_changed (self->quote, self->text);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED]);
}

const char *
jj_draft_card_get_quote (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), NULL);

  return self->quote;
}

const char *
jj_draft_card_get_document (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), NULL);

  return self->document;
}

const char *
jj_draft_card_get_document_title (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), NULL);

  return self->document_title;
}

const char *
jj_draft_card_get_mark_id (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), NULL);

  return self->mark_id;
}

const char *
jj_draft_card_get_section (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), NULL);

  return self->section;
}

guint
jj_draft_card_get_start (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), 0);

  return self->start;
}

guint
jj_draft_card_get_end (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), 0);

  return self->end;
}

/**
 * jj_draft_card_get_changed:
 *
 * Returns: for a borrowed card, the share of its quote the writer has
 *   changed (0 unchanged, 1 rewritten); 0 for the writer's own text.
 */
double
jj_draft_card_get_changed (JjDraftCard *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CARD (self), 0.0);

  return self->changed;
}
