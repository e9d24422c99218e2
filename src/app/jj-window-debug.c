/* jj-window-debug.c — what the reader window tells about its marks when debugging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-mark-kind.h"
#include "jj-window-private.h"

/* With G_MESSAGES_DEBUG=Jiejian, every save of the marks is logged with the
 * ids it wrote, so that a test can check the sidecar against what the app
 * said it saved. JJ_DEBUG_AUTOMARK=N makes the window select a random
 * passage and mark it every N milliseconds, through the same selection and
 * "win.mark" action as a reader pressing 1 to 9: crash tests need marks
 * being added and saved continuously, with no one at the keyboard.
 */

#define AUTOMARK_KEY "jj-automark"
#define MAX_SELECT_TRIES 20

typedef struct
{
  JjWindow *window;
  GRand    *rand;
  guint     source;
  guint     length;        /* of the display text, in characters */
  guint     start;         /* the range asked for, while selecting */
  guint     tries;
  gboolean  selecting;
} Automark;

static void
automark_free (gpointer data)
{
  Automark *automark = data;

  g_clear_handle_id (&automark->source, g_source_remove);
  g_rand_free (automark->rand);
  g_free (automark);
}

static void
automark_select (Automark *automark)
{
  /* Near what is shown, as a reader marks what they read; now and then
   * anywhere, which scrolls. */
  guint position = MIN (jj_reader_view_get_position (automark->window->reader_view), automark->length - 1);
  guint start = g_rand_int_range (automark->rand, 0, 20) == 0
                ? (guint) g_rand_int_range (automark->rand, 0, automark->length)
                : (guint) g_rand_int_range (automark->rand, position, MIN (position + 400, automark->length));
  guint end = MIN (automark->length, start + (guint) g_rand_int_range (automark->rand, 1, 40));

  automark->start = start;
  automark->tries = 0;
  automark->selecting = TRUE;
  jj_reader_view_select_range (automark->window->reader_view, start, end);
}

static gboolean
automark_cb (gpointer user_data)
{
  Automark *automark = user_data;
  JjWindow *self = automark->window;
  guint start, end;

  if (self->marks == NULL || self->reader_view == NULL)
    return G_SOURCE_CONTINUE;

  /* A new mark waits for the last one to be saved: marks coming faster
   * than the save delay would put the debounced save off for ever. */
  if (jj_mark_store_get_dirty (self->marks))
    return G_SOURCE_CONTINUE;

  /* The view selects on its next frame, once the passage is laid out. */
  if (automark->selecting
      && jj_reader_view_get_selection (self->reader_view, &start, &end)
      && start == automark->start && end > start)
    {
      guint n_kinds = MIN (jj_mark_kind_get_n_kinds (), 9);
      const char *kind = jj_mark_kind_get_nth (g_rand_int_range (automark->rand, 0, n_kinds))->key;

      gtk_widget_activate_action (GTK_WIDGET (self), "win.mark", "s", kind);
      automark->selecting = FALSE;
    }

  if (!automark->selecting || ++automark->tries > MAX_SELECT_TRIES)
    automark_select (automark);

  return G_SOURCE_CONTINUE;
}

static void
marks_saved_cb (JjWindow *self)
{
  g_autoptr(GString) ids = NULL;
  GListModel *model;
  guint n;

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;

  model = jj_mark_store_get_marks (self->marks);
  n = g_list_model_get_n_items (model);
  ids = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, jj_mark_get_id (mark));
    }

  g_debug ("Saved marks: %u: %s", n, ids->str);
}

void
_jj_window_debug_marks_loaded (JjWindow *self)
{
  const char *every = g_getenv ("JJ_DEBUG_AUTOMARK");
  Automark *automark;
  guint64 interval;

  g_signal_connect_object (self->marks, "saved", G_CALLBACK (marks_saved_cb), self, G_CONNECT_SWAPPED);

  if (every == NULL || self->document == NULL
      || !g_ascii_string_to_unsigned (every, 10, 1, G_MAXUINT, &interval, NULL))
    return;

  automark = g_new0 (Automark, 1);
  automark->window = self;
  automark->rand = g_rand_new ();
  automark->length = g_utf8_strlen (jj_document_get_text (self->document), -1);
  if (automark->length == 0)
    {
      automark_free (automark);
      return;
    }
  automark->source = g_timeout_add ((guint) interval, automark_cb, automark);
  g_object_set_data_full (G_OBJECT (self), AUTOMARK_KEY, automark, automark_free);
  g_debug ("Marking a random passage every %u ms", (guint) interval);
}

void
_jj_window_debug_marks_closed (JjWindow *self)
{
  g_object_set_data (G_OBJECT (self), AUTOMARK_KEY, NULL);
}
