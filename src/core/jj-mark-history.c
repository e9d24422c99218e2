/* jj-mark-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-mark-history.h"

/* Every step goes through the store, so an undone or redone change is
 * saved like any other and other copies of the sidecar learn of it.
 */
#define MAX_STEPS 200

typedef enum
{
  STEP_ADD,
  STEP_REMOVE,
  STEP_EDIT,
} StepKind;

typedef struct
{
  StepKind  kind;
  JjMark   *mark;
  JjMark   *other;   /* STEP_EDIT: the fields on the other side of the step */
} Step;

struct _JjMarkHistory
{
  GObject      parent_instance;

  JjMarkStore *store;
  GQueue       undo;
  GQueue       redo;
};

G_DEFINE_FINAL_TYPE (JjMarkHistory, jj_mark_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  g_clear_object (&step->mark);
  g_clear_object (&step->other);
  g_free (step);
}

static JjMark *
snapshot (JjMark *mark)
{
  JjMark *copy = jj_mark_new_with_id (jj_mark_get_id (mark));

  jj_mark_set_kind (copy, jj_mark_get_kind (mark));
  jj_mark_set_color (copy, jj_mark_get_own_color (mark));
  jj_mark_set_tags (copy, jj_mark_get_tags (mark));
  jj_mark_set_note (copy, jj_mark_get_note (mark));

  return copy;
}

static void
apply_fields (JjMark *mark,
              JjMark *fields)
{
  jj_mark_set_kind (mark, jj_mark_get_kind (fields));
  jj_mark_set_color (mark, jj_mark_get_own_color (fields));
  jj_mark_set_tags (mark, jj_mark_get_tags (fields));
  jj_mark_set_note (mark, jj_mark_get_note (fields));
}

static void
notify_state (JjMarkHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push (JjMarkHistory *self,
      StepKind       kind,
      JjMark        *mark,
      JjMark        *other)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->mark = g_object_ref (mark);
  step->other = other ? g_object_ref (other) : NULL;

  g_queue_push_head (&self->undo, step);
  while (g_queue_get_length (&self->undo) > MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo));

  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  notify_state (self);
}

/* Applies @step backwards (undo) or forwards (redo). */
static void
apply (JjMarkHistory *self,
       Step          *step,
       gboolean       backwards)
{
  switch (step->kind)
    {
    case STEP_ADD:
      if (backwards)
        jj_mark_store_remove (self->store, step->mark);
      else
        jj_mark_store_restore (self->store, step->mark);
      break;

    case STEP_REMOVE:
      if (backwards)
        jj_mark_store_restore (self->store, step->mark);
      else
        jj_mark_store_remove (self->store, step->mark);
      break;

    case STEP_EDIT:
      {
        g_autoptr(JjMark) current = snapshot (step->mark);

        apply_fields (step->mark, step->other);
        g_set_object (&step->other, current);
        jj_mark_store_touch (self->store, step->mark);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static JjMark *
move_step (JjMarkHistory *self,
           GQueue        *from,
           GQueue        *to,
           gboolean       backwards)
{
  Step *step = g_queue_pop_head (from);

  if (step == NULL)
    return NULL;

  apply (self, step, backwards);
  g_queue_push_head (to, step);
  notify_state (self);

  return step->mark;
}

static void
jj_mark_history_finalize (GObject *object)
{
  JjMarkHistory *self = (JjMarkHistory *)object;

  g_queue_clear_full (&self->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jj_mark_history_parent_class)->finalize (object);
}

static void
jj_mark_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JjMarkHistory *self = JJ_MARK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jj_mark_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, jj_mark_history_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_mark_history_class_init (JjMarkHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_mark_history_finalize;
  object_class->get_property = jj_mark_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jj_mark_history_init (JjMarkHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

JjMarkHistory *
jj_mark_history_new (JjMarkStore *store)
{
  JjMarkHistory *self;

  g_return_val_if_fail (JJ_IS_MARK_STORE (store), NULL);

  self = g_object_new (JJ_TYPE_MARK_HISTORY, NULL);
  self->store = g_object_ref (store);

  return self;
}

void
jj_mark_history_added (JjMarkHistory *self,
                       JjMark        *mark)
{
  g_return_if_fail (JJ_IS_MARK_HISTORY (self));
  g_return_if_fail (JJ_IS_MARK (mark));

  push (self, STEP_ADD, mark, NULL);
}

void
jj_mark_history_removed (JjMarkHistory *self,
                         JjMark        *mark)
{
  g_return_if_fail (JJ_IS_MARK_HISTORY (self));
  g_return_if_fail (JJ_IS_MARK (mark));

  push (self, STEP_REMOVE, mark, NULL);
}

/* Returns the fields of @mark before an edit, for jj_mark_history_end_edit(). */
JjMark *
jj_mark_history_begin_edit (JjMarkHistory *self,
                            JjMark        *mark)
{
  g_return_val_if_fail (JJ_IS_MARK_HISTORY (self), NULL);
  g_return_val_if_fail (JJ_IS_MARK (mark), NULL);

  return snapshot (mark);
}

void
jj_mark_history_end_edit (JjMarkHistory *self,
                          JjMark        *mark,
                          JjMark        *before)
{
  g_return_if_fail (JJ_IS_MARK_HISTORY (self));
  g_return_if_fail (JJ_IS_MARK (mark));
  g_return_if_fail (JJ_IS_MARK (before));

  push (self, STEP_EDIT, mark, before);
}

gboolean
jj_mark_history_can_undo (JjMarkHistory *self)
{
  g_return_val_if_fail (JJ_IS_MARK_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
jj_mark_history_can_redo (JjMarkHistory *self)
{
  g_return_val_if_fail (JJ_IS_MARK_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

/* Returns the mark the undone step was about, or NULL. */
JjMark *
jj_mark_history_undo (JjMarkHistory *self)
{
  g_return_val_if_fail (JJ_IS_MARK_HISTORY (self), NULL);

  return move_step (self, &self->undo, &self->redo, TRUE);
}

JjMark *
jj_mark_history_redo (JjMarkHistory *self)
{
  g_return_val_if_fail (JJ_IS_MARK_HISTORY (self), NULL);

  return move_step (self, &self->redo, &self->undo, FALSE);
}

/* Returns: (transfer none) (nullable): the mark the next undo is about */
JjMark *
jj_mark_history_peek_undo (JjMarkHistory *self)
{
  Step *step;

  g_return_val_if_fail (JJ_IS_MARK_HISTORY (self), NULL);

  step = g_queue_peek_head (&self->undo);

  return step != NULL ? step->mark : NULL;
}

/* Returns: (transfer none) (nullable): the mark the next redo is about */
JjMark *
jj_mark_history_peek_redo (JjMarkHistory *self)
{
  Step *step;

  g_return_val_if_fail (JJ_IS_MARK_HISTORY (self), NULL);

  step = g_queue_peek_head (&self->redo);

  return step != NULL ? step->mark : NULL;
}
