/* jj-mark-session.c
 *
 * The one owner of an open document's marks: every change a user makes
 * goes through here, so that the section path, the author, the undo
 * history and the save are the same wherever the change comes from, and
 * whoever shows the marks only listens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-citation.h"
#include "jj-mark-session.h"

struct _JjMarkSession
{
  GObject        parent_instance;

  JjMarkStore   *store;
  JjMarkHistory *history;
  JjOutline     *outline;
  char          *author;      /* NULL: the store's default, the user's name */

  JjMark        *editing;     /* between begin_edit() and end_edit() */
  JjMark        *before;
};

G_DEFINE_FINAL_TYPE (JjMarkSession, jj_mark_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_LOADED,
  N_PROPS
};

enum {
  MARK_CHANGED,
  RELOADED,
  REWRITTEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
jj_mark_session_dispose (GObject *object)
{
  JjMarkSession *self = (JjMarkSession *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->outline);
  g_clear_object (&self->before);
  self->editing = NULL;

  G_OBJECT_CLASS (jj_mark_session_parent_class)->dispose (object);
}

static void
jj_mark_session_finalize (GObject *object)
{
  JjMarkSession *self = (JjMarkSession *)object;

  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (jj_mark_session_parent_class)->finalize (object);
}

static void
jj_mark_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JjMarkSession *self = JJ_MARK_SESSION (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jj_mark_session_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, jj_mark_session_get_can_redo (self));
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, jj_mark_session_get_loaded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_mark_session_class_init (JjMarkSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jj_mark_session_dispose;
  object_class->finalize = jj_mark_session_finalize;
  object_class->get_property = jj_mark_session_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A live mark's kind, tags, note, colour or place changed. */
  signals[MARK_CHANGED] =
    g_signal_new ("mark-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, JJ_TYPE_MARK);
  /* Marks changed on disk were merged, re-anchored as the report says. */
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, JJ_TYPE_ANCHOR_REPORT);
  /* The sidecar was deleted on disk and written again with this many marks. */
  signals[REWRITTEN] =
    g_signal_new ("rewritten", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
jj_mark_session_init (JjMarkSession *self)
{
}

static void
history_changed_cb (JjMarkSession *self,
                    GParamSpec    *pspec)
{
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[g_str_equal (pspec->name, "can-undo") ? PROP_CAN_UNDO : PROP_CAN_REDO]);
}

static void
store_reloaded_cb (JjMarkSession *self)
{
  g_signal_emit (self, signals[RELOADED], 0, jj_mark_store_get_report (self->store));
}

static void
store_rewritten_cb (JjMarkSession *self,
                    guint          n_marks)
{
  g_signal_emit (self, signals[REWRITTEN], 0, n_marks);
}

/**
 * jj_mark_session_new:
 * @outline: (nullable): the document's outline, for each mark's section
 * @author: (nullable): who marks, from the settings; NULL or empty for
 *   the user's name
 */
JjMarkSession *
jj_mark_session_new (GFile      *document_file,
                     JjOutline  *outline,
                     const char *author)
{
  JjMarkSession *self;

  g_return_val_if_fail (G_IS_FILE (document_file), NULL);
  g_return_val_if_fail (outline == NULL || JJ_IS_OUTLINE (outline), NULL);

  self = g_object_new (JJ_TYPE_MARK_SESSION, NULL);
  self->store = jj_mark_store_new (document_file);
  self->history = jj_mark_history_new (self->store);
  self->outline = outline != NULL ? g_object_ref (outline) : NULL;
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author) : NULL;

  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reloaded", G_CALLBACK (store_reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "rewritten", G_CALLBACK (store_rewritten_cb), self, G_CONNECT_SWAPPED);

  return self;
}

static void
fill_section (JjMarkSession *self,
              JjMark        *mark)
{
  g_autofree char *section = NULL;

  if (self->outline == NULL)
    return;

  section = jj_citation_dup_section (self->outline, jj_mark_get_start (mark));
  jj_mark_set_section (mark, section);
}

/* Marks found elsewhere in a changed text are in the section they are in now. */
static void
loaded (JjMarkSession *self)
{
  GListModel *marks = jj_mark_store_get_marks (self->store);

  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (marks, i);

      if (jj_mark_get_status (mark) == JJ_MARK_STATUS_MOVED)
        fill_section (self, mark);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

gboolean
jj_mark_session_load (JjMarkSession  *self,
                      const char     *display_text,
                      const char     *fingerprint,
                      GError        **error)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), FALSE);

  if (!jj_mark_store_load (self->store, display_text, fingerprint, error))
    return FALSE;

  loaded (self);

  return TRUE;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JjMarkSession *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!jj_mark_store_load_finish (JJ_MARK_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->store != NULL)
    loaded (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * jj_mark_session_load_async:
 *
 * Reads, parses and re-anchors the marks in a thread. Until it is done
 * the marks model is empty and nothing can be marked: jj_mark_session_add()
 * returns NULL (see #JjMarkSession:loaded).
 */
void
jj_mark_session_load_async (JjMarkSession       *self,
                            const char          *display_text,
                            const char          *fingerprint,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (JJ_IS_MARK_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jj_mark_session_load_async);
  jj_mark_store_load_async (self->store, display_text, fingerprint, NULL, load_cb, task);
}

gboolean
jj_mark_session_load_finish (JjMarkSession  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
jj_mark_session_get_loaded (JjMarkSession *self)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), FALSE);

  return self->store != NULL && jj_mark_store_get_loaded (self->store);
}

/**
 * jj_mark_session_get_store:
 *
 * Returns: (transfer none): the store, for where the sidecar is, its
 *   notices and its saves
 */
JjMarkStore *
jj_mark_session_get_store (JjMarkSession *self)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), NULL);

  return self->store;
}

/**
 * jj_mark_session_get_marks:
 *
 * Returns: (transfer none): the live marks in document order; a mark
 *   edited in place is removed and added again at its position
 */
GListModel *
jj_mark_session_get_marks (JjMarkSession *self)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), NULL);

  return jj_mark_store_get_marks (self->store);
}

const char *
jj_mark_session_get_author (JjMarkSession *self)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), NULL);

  return self->author;
}

const JjAnchorReport *
jj_mark_session_get_report (JjMarkSession *self)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), NULL);

  return jj_mark_store_get_report (self->store);
}

/**
 * jj_mark_session_add:
 * @tags: (nullable) (array zero-terminated=1):
 * @note: (nullable):
 * @color: (nullable): a colour of the mark's own, #rrggbb
 *
 * Marks the passage from @start to @end: its section comes from the
 * outline, its author from the session. One step of the history.
 *
 * Returns: (transfer none) (nullable): the new mark, or NULL when the
 *   marks are not loaded yet or the range is not inside the text
 */
JjMark *
jj_mark_session_add (JjMarkSession      *self,
                     guint               start,
                     guint               end,
                     const char         *kind,
                     const char * const *tags,
                     const char         *note,
                     const char         *color)
{
  g_autofree char *section = NULL;
  JjMark *mark;

  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!jj_mark_session_get_loaded (self))
    return NULL;

  if (self->outline != NULL)
    section = jj_citation_dup_section (self->outline, start);

  /* The fields are set before the mark is in the model: one change. */
  mark = jj_mark_store_add_range_full (self->store, start, end, kind, section,
                                       self->author, tags, note, color);
  if (mark == NULL)
    return NULL;

  jj_mark_history_added (self->history, mark);

  return mark;
}

/**
 * jj_mark_session_begin_edit:
 *
 * Changes to @mark's kind, tags, note and colour made until
 * jj_mark_session_end_edit() are one step of the history.
 */
void
jj_mark_session_begin_edit (JjMarkSession *self,
                            JjMark        *mark)
{
  g_return_if_fail (JJ_IS_MARK_SESSION (self));
  g_return_if_fail (JJ_IS_MARK (mark));
  g_return_if_fail (self->editing == NULL);

  self->editing = mark;
  self->before = jj_mark_history_begin_edit (self->history, mark);
}

void
jj_mark_session_end_edit (JjMarkSession *self,
                          JjMark        *mark)
{
  g_autoptr(JjMark) before = NULL;

  g_return_if_fail (JJ_IS_MARK_SESSION (self));
  g_return_if_fail (mark == self->editing);

  before = g_steal_pointer (&self->before);
  self->editing = NULL;
  jj_mark_store_touch (self->store, mark);
  jj_mark_history_end_edit (self->history, mark, before);
  g_signal_emit (self, signals[MARK_CHANGED], 0, mark);
}

/**
 * jj_mark_session_edit:
 * @kind: (nullable): NULL to keep it
 * @tags: (nullable) (array zero-terminated=1): NULL to keep them
 * @note: (nullable): NULL to keep it
 */
void
jj_mark_session_edit (JjMarkSession      *self,
                      JjMark             *mark,
                      const char         *kind,
                      const char * const *tags,
                      const char         *note)
{
  jj_mark_session_begin_edit (self, mark);
  if (kind != NULL)
    jj_mark_set_kind (mark, kind);
  if (tags != NULL)
    jj_mark_set_tags (mark, tags);
  if (note != NULL)
    jj_mark_set_note (mark, note);
  jj_mark_session_end_edit (self, mark);
}

void
jj_mark_session_set_kind (JjMarkSession *self,
                          JjMark        *mark,
                          const char    *kind)
{
  g_return_if_fail (kind != NULL);

  jj_mark_session_edit (self, mark, kind, NULL, NULL);
}

void
jj_mark_session_set_tags (JjMarkSession      *self,
                          JjMark             *mark,
                          const char * const *tags)
{
  const char * const none[] = { NULL };

  jj_mark_session_edit (self, mark, NULL, tags != NULL ? tags : none, NULL);
}

void
jj_mark_session_set_note (JjMarkSession *self,
                          JjMark        *mark,
                          const char    *note)
{
  jj_mark_session_edit (self, mark, NULL, NULL, note != NULL ? note : "");
}

/* Returns FALSE, changing nothing, when @color is no colour. */
gboolean
jj_mark_session_set_color (JjMarkSession *self,
                           JjMark        *mark,
                           const char    *color)
{
  g_autofree char *parsed = NULL;

  if (color != NULL && (parsed = jj_mark_color_parse (color)) == NULL)
    return FALSE;

  jj_mark_session_begin_edit (self, mark);
  jj_mark_set_color (mark, parsed);
  jj_mark_session_end_edit (self, mark);

  return TRUE;
}

/* Places @mark, an orphan, on a new passage, in that passage's section. */
gboolean
jj_mark_session_reattach (JjMarkSession *self,
                          JjMark        *mark,
                          guint          start,
                          guint          end)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), FALSE);

  if (!jj_mark_store_reattach (self->store, mark, start, end))
    return FALSE;

  fill_section (self, mark);
  jj_mark_store_touch (self->store, mark);
  g_signal_emit (self, signals[MARK_CHANGED], 0, mark);

  return TRUE;
}

void
jj_mark_session_delete (JjMarkSession *self,
                        JjMark        *mark)
{
  g_return_if_fail (JJ_IS_MARK_SESSION (self));
  g_return_if_fail (JJ_IS_MARK (mark));

  if (jj_mark_get_deleted (mark))
    return;

  jj_mark_store_remove (self->store, mark);
  jj_mark_history_removed (self->history, mark);
}

gboolean
jj_mark_session_get_can_undo (JjMarkSession *self)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), FALSE);

  return self->history != NULL && jj_mark_history_can_undo (self->history);
}

gboolean
jj_mark_session_get_can_redo (JjMarkSession *self)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), FALSE);

  return self->history != NULL && jj_mark_history_can_redo (self->history);
}

/* An added or deleted mark leaves or enters the model; an edited one
 * is changed in place. */
static JjMark *
step (JjMarkSession *self,
      gboolean       backwards)
{
  JjMark *mark = backwards ? jj_mark_history_peek_undo (self->history)
                           : jj_mark_history_peek_redo (self->history);
  gboolean was_deleted;

  if (mark == NULL)
    return NULL;

  was_deleted = jj_mark_get_deleted (mark);
  mark = backwards ? jj_mark_history_undo (self->history) : jj_mark_history_redo (self->history);
  if (jj_mark_get_deleted (mark) == was_deleted && !was_deleted)
    g_signal_emit (self, signals[MARK_CHANGED], 0, mark);

  return mark;
}

/**
 * jj_mark_session_undo:
 *
 * Returns: (transfer none) (nullable): the mark the undone step was
 *   about, or NULL when there was nothing to undo
 */
JjMark *
jj_mark_session_undo (JjMarkSession *self)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), NULL);

  return step (self, TRUE);
}

JjMark *
jj_mark_session_redo (JjMarkSession *self)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), NULL);

  return step (self, FALSE);
}

/**
 * jj_mark_session_reload:
 *
 * Merges the sidecar if it changed on disk ("reloaded"), or writes it
 * again if it was deleted ("rewritten").
 */
gboolean
jj_mark_session_reload (JjMarkSession  *self,
                        GError        **error)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), FALSE);

  return jj_mark_store_reload (self->store, error);
}

gboolean
jj_mark_session_save (JjMarkSession  *self,
                      GError        **error)
{
  g_return_val_if_fail (JJ_IS_MARK_SESSION (self), FALSE);

  return jj_mark_store_save (self->store, error);
}

/* Saves at once what is not saved yet; a failure is told by the store's
 * "save-failed". */
void
jj_mark_session_flush (JjMarkSession *self)
{
  g_return_if_fail (JJ_IS_MARK_SESSION (self));

  jj_mark_store_flush (self->store);
}
