/* jj-draft-history.c — undo and redo of changes to a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-draft-history.h"

/* Each step keeps the whole draft as its XML before the change: a draft is
 * a few tens of kilobytes, and a snapshot cannot go out of step with the
 * model the way recorded operations can. */
struct _JjDraftHistory
{
  GObject        parent_instance;

  GPtrArray     *undo;
  GPtrArray     *redo;
  gconstpointer  group;
  guint          limit;
};

G_DEFINE_FINAL_TYPE (JjDraftHistory, jj_draft_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jj_draft_history_finalize (GObject *object)
{
  JjDraftHistory *self = JJ_DRAFT_HISTORY (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (jj_draft_history_parent_class)->finalize (object);
}

static void
jj_draft_history_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JjDraftHistory *self = JJ_DRAFT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jj_draft_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, jj_draft_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_draft_history_class_init (JjDraftHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_draft_history_finalize;
  object_class->get_property = jj_draft_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jj_draft_history_init (JjDraftHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_free);
  self->redo = g_ptr_array_new_with_free_func (g_free);
}

/**
 * jj_draft_history_new:
 * @limit: how many steps can be undone, at least 1
 */
JjDraftHistory *
jj_draft_history_new (guint limit)
{
  JjDraftHistory *self = g_object_new (JJ_TYPE_DRAFT_HISTORY, NULL);

  self->limit = MAX (limit, 1);

  return self;
}

static void
notify_both (JjDraftHistory *self,
             gboolean        could_undo,
             gboolean        could_redo)
{
  if (could_undo != jj_draft_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != jj_draft_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/**
 * jj_draft_history_push:
 * @snapshot: (transfer full): the draft's XML before a change
 * @group: (nullable): what the change edits; changes in a row to the same
 *   non-%NULL @group (typing in one card) are undone as one
 *
 * Records a step; what was undone can no longer be redone.
 */
void
jj_draft_history_push (JjDraftHistory *self,
                       char           *snapshot,
                       gconstpointer   group)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (JJ_IS_DRAFT_HISTORY (self));
  g_return_if_fail (snapshot != NULL);

  could_undo = jj_draft_history_can_undo (self);
  could_redo = jj_draft_history_can_redo (self);

  g_ptr_array_set_size (self->redo, 0);
  if (group != NULL && group == self->group && self->undo->len > 0)
    g_free (snapshot);
  else
    {
      g_ptr_array_add (self->undo, snapshot);
      if (self->undo->len > self->limit)
        g_ptr_array_remove_index (self->undo, 0);
    }
  self->group = group;

  notify_both (self, could_undo, could_redo);
}

/* Records @draft as it is before a change. */
void
jj_draft_history_record (JjDraftHistory *self,
                         JjDraft        *draft,
                         gconstpointer   group)
{
  g_return_if_fail (JJ_IS_DRAFT_HISTORY (self));
  g_return_if_fail (JJ_IS_DRAFT (draft));

  if (group != NULL && group == self->group && self->undo->len > 0)
    {
      g_ptr_array_set_size (self->redo, 0);
      return;
    }

  jj_draft_history_push (self, jj_draft_to_xml (draft, NULL), group);
}

gboolean
jj_draft_history_can_undo (JjDraftHistory *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
jj_draft_history_can_redo (JjDraftHistory *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

static JjDraft *
step (JjDraftHistory  *self,
      GPtrArray       *from,
      GPtrArray       *to,
      JjDraft         *current,
      GError         **error)
{
  gboolean could_undo = jj_draft_history_can_undo (self);
  gboolean could_redo = jj_draft_history_can_redo (self);
  const char *snapshot;
  JjDraft *draft;

  g_return_val_if_fail (JJ_IS_DRAFT (current), NULL);

  if (from->len == 0)
    return NULL;

  snapshot = g_ptr_array_index (from, from->len - 1);
  draft = jj_draft_new_from_xml (snapshot, strlen (snapshot), error);
  if (draft == NULL)
    return NULL;

  g_ptr_array_remove_index (from, from->len - 1);
  g_ptr_array_add (to, jj_draft_to_xml (current, NULL));
  self->group = NULL;
  notify_both (self, could_undo, could_redo);

  return draft;
}

/**
 * jj_draft_history_undo:
 * @current: the draft as it is, to come back to by redo
 *
 * Returns: (transfer full) (nullable): the draft before the last step, or
 *   %NULL when there is nothing to undo
 */
JjDraft *
jj_draft_history_undo (JjDraftHistory  *self,
                       JjDraft         *current,
                       GError         **error)
{
  g_return_val_if_fail (JJ_IS_DRAFT_HISTORY (self), NULL);

  return step (self, self->undo, self->redo, current, error);
}

/**
 * jj_draft_history_redo:
 *
 * Returns: (transfer full) (nullable): the draft as it was before the last
 *   undo, or %NULL when nothing was undone
 */
JjDraft *
jj_draft_history_redo (JjDraftHistory  *self,
                       JjDraft         *current,
                       GError         **error)
{
  g_return_val_if_fail (JJ_IS_DRAFT_HISTORY (self), NULL);

  return step (self, self->redo, self->undo, current, error);
}
