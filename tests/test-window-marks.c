/* test-window-marks.c — marking in the reader window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "jj-mark-kind.h"
#include "jj-mark-store.h"
#include "jj-sidecar.h"
#include "jj-window-private.h"
#include "test-slowdown.h"
#include "test-ui.h"
#include "test-xtest.h"

#define SAMPLE "civilized-city-speech.txt"

/* The kinds in the order of the number keys 1–6. */
static const char *kind_keys[] = { "borrow", "golden", "outline", "wording", "fact", "doubt" };

/* A folder of this test with a copy of the sample speech in it. */
typedef struct
{
  char *dir;
  char *path;
  char *sidecar;
} Speech;

static gboolean
speech_init (Speech *speech)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "samples", SAMPLE, NULL);
  g_autofree char *contents = NULL;

  memset (speech, 0, sizeof *speech);
  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));

  speech->dir = g_dir_make_tmp ("jj-window-marks-XXXXXX", NULL);
  g_assert_nonnull (speech->dir);
  speech->path = g_build_filename (speech->dir, "speech.txt", NULL);
  speech->sidecar = g_strconcat (speech->path, ".jiejian.xml", NULL);
  g_assert_true (g_file_set_contents (speech->path, contents, -1, NULL));

  return TRUE;
}

static void
speech_clear (Speech *speech)
{
  g_chmod (speech->dir, 0755);
  jj_test_remove_tree (speech->dir);
  g_clear_pointer (&speech->dir, g_free);
  g_clear_pointer (&speech->path, g_free);
  g_clear_pointer (&speech->sidecar, g_free);
}

static JjWindow *
open_path (const char *path)
{
  JjWindow *window = jj_test_open_path (path, 1000, 700);

  jj_test_spin (20);

  return window;
}

static guint
offset_of (JjWindow   *window,
           const char *phrase)
{
  const char *text = jj_document_get_text (window->document);
  const char *found = strstr (text, phrase);

  g_assert_nonnull (found);

  return g_utf8_pointer_to_offset (text, found);
}

static JjTestSelection
select_phrase (JjWindow   *window,
               const char *phrase)
{
  JjTestSelection range;

  range.view = window->reader_view;
  range.start = offset_of (window, phrase);
  range.end = range.start + g_utf8_strlen (phrase, -1);
  jj_reader_view_select_range (range.view, range.start, range.end);
  g_assert_true (jj_test_wait_until (jj_test_selection_is, &range));

  return range;
}

static guint
n_marks (JjWindow *window)
{
  return g_list_model_get_n_items (jj_mark_store_get_marks (window->marks));
}

/* The live mark of the store that quotes @quote, or NULL. */
static JjMark *
find_mark (JjWindow   *window,
           const char *quote)
{
  GListModel *model = jj_mark_store_get_marks (window->marks);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (model, i);

      if (g_strcmp0 (jj_mark_get_quote (mark), quote) == 0)
        return mark;
    }

  return NULL;
}

/* The live mark of the sidecar at @path that quotes @quote, or NULL. */
static JjMark *
sidecar_mark (const char *path,
              const char *quote)
{
  g_autoptr(GError) error = NULL;
  JjSidecar *sidecar = jj_sidecar_load (path, &error);
  JjMark *found = NULL;

  if (sidecar == NULL)
    return NULL;

  for (guint i = 0; i < sidecar->marks->len; i++)
    {
      JjMark *mark = g_ptr_array_index (sidecar->marks, i);

      if (!jj_mark_get_deleted (mark) && g_strcmp0 (jj_mark_get_quote (mark), quote) == 0)
        found = g_object_ref (mark);
    }
  jj_sidecar_free (sidecar);

  return found;
}

static gboolean
strv_equal (const char * const *tags,
            const char * const *expected)
{
  return tags != NULL && g_strv_equal (tags, expected);
}

/* Widgets ------------------------------------------------------------- */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static gpointer
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);

  return found->len > 0 ? found->pdata[0] : NULL;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];

  return NULL;
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];

  return NULL;
}

/* The reader's text view that shows @quote, with @iter at its start;
 * NULL when no row near the screen holds it. */
static GtkTextView *
reader_text_at (JjWindow    *window,
                const char  *quote,
                GtkTextIter *iter)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect (GTK_WIDGET (window->reader_view), GTK_TYPE_TEXT_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (views->pdata[i]);
      GtkTextIter start, end;

      if (!gtk_widget_has_css_class (views->pdata[i], "reader-text"))
        continue;
      gtk_text_buffer_get_start_iter (buffer, &start);
      if (gtk_text_iter_forward_search (&start, quote, 0, iter, &end, NULL))
        return views->pdata[i];
    }

  return NULL;
}

/* Whether the reader shows @quote with the tag @name over all of it. */
static gboolean
quote_has_tag (JjWindow   *window,
               const char *quote,
               const char *name)
{
  GtkTextIter iter;
  GtkTextView *view = reader_text_at (window, quote, &iter);
  GtkTextTag *tag;
  guint n = g_utf8_strlen (quote, -1);

  if (view == NULL)
    return FALSE;
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view)), name);
  g_assert_nonnull (tag);
  for (guint i = 0; i < n; i++, gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_has_tag (&iter, tag))
      return FALSE;

  return TRUE;
}

/* The shortcut the window's key bindings have for @keyval and @modifiers,
 * the one GTK runs when the key is pressed in the window, or NULL. */
static GtkShortcut *
find_binding (JjWindow        *window,
              guint            keyval,
              GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return shortcut;
        }
    }

  return NULL;
}

/* Runs the window's binding for the key; FALSE when there is none or its
 * action is disabled. */
static gboolean
press_binding (JjWindow        *window,
               guint            keyval,
               GdkModifierType  modifiers)
{
  GtkShortcut *shortcut = find_binding (window, keyval, modifiers);

  return shortcut != NULL &&
         gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                       GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                       GTK_WIDGET (window),
                                       gtk_shortcut_get_arguments (shortcut));
}

/* A click on @widget (a button), as real as the display allows. */
static void
click_widget (JjWindow  *window,
              GtkWidget *widget)
{
  g_assert_true (gtk_widget_get_mapped (widget));
  /* A popover is placed on screen a few frames after it is mapped. */
  jj_test_spin (50);
  if (jj_xtest_click (widget,
                      gtk_widget_get_allocated_width (widget) / 2.0,
                      gtk_widget_get_allocated_height (widget) / 2.0))
    return;

  g_assert_true (gtk_widget_activate (widget));
}

/* A key press, as real as the display allows: through the X server, else
 * the shortcut of the window's key bindings. */
static void
press_key (JjWindow        *window,
           guint            keyval,
           GdkModifierType  modifiers)
{
  if (jj_xtest_key (GTK_WINDOW (window), keyval, modifiers))
    {
      jj_test_spin (30);
      return;
    }

  g_assert_nonnull (find_binding (window, keyval, modifiers));
  press_binding (window, keyval, modifiers);
}

static gboolean
has_n_marks (gpointer data)
{
  JjWindow *window = ((gpointer *) data)[0];

  return n_marks (window) == GPOINTER_TO_UINT (((gpointer *) data)[1]);
}

/* Tests --------------------------------------------------------------- */

/* Keys 1–6 give the six kinds, in the reader, the marks panel and the sidecar. */
static void
test_kinds (void)
{
  static const char *phrases[] = { "形势逼人", "挑战逼人", "使命逼人", "金字招牌", "惠民工程", "利民工程" };
  Speech speech;
  JjWindow *window;

  if (!speech_init (&speech))
    return;

  window = open_path (speech.path);
  g_assert_cmpuint (jj_mark_kind_get_n_kinds (), ==, G_N_ELEMENTS (kind_keys));

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      JjMark *mark;

      select_phrase (window, phrases[i]);
      g_assert_true (press_binding (window, GDK_KEY_1 + i, 0));
      g_assert_cmpuint (n_marks (window), ==, i + 1);
      mark = find_mark (window, phrases[i]);
      g_assert_nonnull (mark);
      g_assert_cmpstr (jj_mark_get_kind (mark), ==, kind_keys[i]);
      g_assert_cmpuint (jj_marks_panel_get_n_shown (window->marks_panel), ==, i + 1);
    }

  /* The keypad's keys do the same. */
  select_phrase (window, "暗访式");
  g_assert_true (press_binding (window, GDK_KEY_KP_4, 0));
  g_assert_cmpstr (jj_mark_get_kind (find_mark (window, "暗访式")), ==, "wording");

  jj_test_spin (10);
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      g_autofree char *tag = g_strconcat ("mark-", kind_keys[i], NULL);

      g_assert_true (quote_has_tag (window, phrases[i], tag));
    }

  /* A real key press of 4, sent through the X server. */
  select_phrase (window, "金字招牌");
  jj_mark_store_remove (window->marks, find_mark (window, "金字招牌"));
  g_assert_null (find_mark (window, "金字招牌"));
  if (jj_xtest_key (GTK_WINDOW (window), GDK_KEY_4, 0))
    {
      gpointer wait[2] = { window, GUINT_TO_POINTER (G_N_ELEMENTS (phrases) + 1) };

      g_assert_true (jj_test_wait_until (has_n_marks, wait));
    }
  else
    {
      g_test_message ("no XTEST: key 4 activated through the binding");
      g_assert_true (press_binding (window, GDK_KEY_4, 0));
    }
  g_assert_cmpuint (n_marks (window), ==, G_N_ELEMENTS (phrases) + 1);
  g_assert_cmpstr (jj_mark_get_kind (find_mark (window, "金字招牌")), ==, "wording");

  gtk_window_close (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      g_autoptr(JjMark) mark = sidecar_mark (speech.sidecar, phrases[i]);

      g_assert_nonnull (mark);
      g_assert_cmpstr (jj_mark_get_kind (mark), ==, kind_keys[i]);
    }

  speech_clear (&speech);
}

static gboolean
popover_shown (gpointer data)
{
  JjWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window->popover));
}

static gboolean
popover_hidden (gpointer data)
{
  return !popover_shown (data);
}

static GtkEntry *
popover_tags (JjWindow *window)
{
  GtkEntry *entry = find_widget (GTK_WIDGET (window->popover), GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);

  return entry;
}

static GtkTextBuffer *
popover_note (JjWindow *window)
{
  GtkTextView *view = find_widget (GTK_WIDGET (window->popover), GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);

  return gtk_text_view_get_buffer (view);
}

static char *
popover_note_text (JjWindow *window)
{
  GtkTextBuffer *buffer = popover_note (window);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The kind buttons of the popover, in the order of the kinds. */
static GtkToggleButton *
popover_kind_button (JjWindow *window,
                     guint     i)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (window->popover), GTK_TYPE_TOGGLE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, G_N_ELEMENTS (kind_keys));

  return buttons->pdata[i];
}

static void
click_popover_button (JjWindow   *window,
                      const char *label)
{
  GtkButton *button = find_button (GTK_WIDGET (window->popover), label);

  g_assert_nonnull (button);
  click_widget (window, GTK_WIDGET (button));
  g_assert_true (jj_test_wait_until (popover_hidden, window));
}

typedef struct
{
  const char *path;
  const char *quote;
  const char *note;
} SidecarWait;

static gboolean
sidecar_has_note (gpointer data)
{
  SidecarWait *wait = data;
  g_autoptr(JjMark) mark = sidecar_mark (wait->path, wait->quote);

  return mark != NULL && g_strcmp0 (jj_mark_get_note (mark), wait->note) == 0;
}

static GtkTreeView *
completion_list (GtkEntry *entry)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect (GTK_WIDGET (entry), GTK_TYPE_TREE_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (gtk_widget_get_mapped (views->pdata[i]))
      return views->pdata[i];

  return NULL;
}

static gboolean
completion_shown (gpointer data)
{
  return completion_list (data) != NULL;
}

/* The strings a completion list offers, joined by “|”. */
static char *
completion_offers (GtkTreeView *view)
{
  GtkTreeModel *model = gtk_tree_view_get_model (view);
  g_autoptr(GString) offers = g_string_new (NULL);
  GtkTreeIter iter;

  for (gboolean ok = gtk_tree_model_get_iter_first (model, &iter); ok; ok = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *tag = NULL;

      gtk_tree_model_get (model, &iter, 0, &tag, -1);
      g_string_append_printf (offers, "%s%s", offers->len ? "|" : "", tag);
    }

  return g_string_free (g_steal_pointer (&offers), FALSE);
}

/* Ctrl+M opens the popover by the selection: kind, tags with completion
 * from the tags used before, and a note; the store, the reader and the
 * sidecar (after the save delay) have them. */
static void
test_popover (void)
{
  static const char * const tags[] = { "测评", "标准", NULL };
  static const char * const tags2[] = { "典范", "测评", NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Speech speech;
  JjWindow *window;
  JjMark *mark;
  GtkEntry *entry;
  GtkTreeView *list;
  g_autofree char *offers = NULL;
  SidecarWait wait;

  if (!speech_init (&speech))
    return;

  g_settings_set_uint (settings, "save-delay", 200);
  window = open_path (speech.path);

  /* A mark without a note, to compare. */
  select_phrase (window, "参谋部");
  press_key (window, GDK_KEY_1, 0);
  g_assert_nonnull (find_mark (window, "参谋部"));

  select_phrase (window, "吃透测评标准");
  press_key (window, GDK_KEY_m, GDK_CONTROL_MASK);
  g_assert_true (jj_test_wait_until (popover_shown, window));
  g_assert_cmpuint (n_marks (window), ==, 1);
  /* A new mark: no Delete, and the button says what it does. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (GTK_WIDGET (window->popover), "_Delete"))));
  g_assert_nonnull (find_button (GTK_WIDGET (window->popover), "_Mark"));
  g_assert_true (gtk_toggle_button_get_active (popover_kind_button (window, 0)));

  entry = popover_tags (window);
  gtk_editable_set_text (GTK_EDITABLE (entry), "测评， 标准、");
  gtk_text_buffer_set_text (popover_note (window), "  逐条对照测评体系  ", -1);
  gtk_toggle_button_set_active (popover_kind_button (window, 4), TRUE);
  click_popover_button (window, "_Mark");

  g_assert_cmpuint (n_marks (window), ==, 2);
  mark = find_mark (window, "吃透测评标准");
  g_assert_nonnull (mark);
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "fact");
  g_assert_true (strv_equal (jj_mark_get_tags (mark), tags));
  g_assert_cmpstr (jj_mark_get_note (mark), ==, "逐条对照测评体系");

  /* The note's marker in the reader, on that mark only. */
  jj_test_spin (10);
  g_assert_true (quote_has_tag (window, "吃透测评标准", "mark-fact"));
  g_assert_true (quote_has_tag (window, "吃透测评标准", "note"));
  g_assert_true (quote_has_tag (window, "参谋部", "mark-borrow"));
  g_assert_false (quote_has_tag (window, "参谋部", "note"));

  /* Saved after the delay, the window still open. */
  wait.path = speech.sidecar;
  wait.quote = "吃透测评标准";
  wait.note = "逐条对照测评体系";
  g_assert_true (jj_test_wait_until (sidecar_has_note, &wait));

  /* The next popover offers the tags used before as the user types. */
  select_phrase (window, "典范城市");
  press_key (window, GDK_KEY_m, GDK_CONTROL_MASK);
  g_assert_true (jj_test_wait_until (popover_shown, window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_toggle_button_get_active (popover_kind_button (window, 0)));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "典范，测");
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  g_assert_true (jj_test_wait_until (completion_shown, entry));
  list = completion_list (entry);
  offers = completion_offers (list);
  g_assert_cmpstr (offers, ==, "测评");
  {
    GtkTreeModel *model = gtk_tree_view_get_model (list);
    GtkTreeIter iter;
    gboolean handled = FALSE;

    g_assert_true (gtk_tree_model_get_iter_first (model, &iter));
    g_signal_emit_by_name (gtk_entry_get_completion (entry), "match-selected", model, &iter, &handled);
    g_assert_true (handled);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "典范，测评，");
  click_popover_button (window, "_Mark");
  mark = find_mark (window, "典范城市");
  g_assert_nonnull (mark);
  g_assert_true (strv_equal (jj_mark_get_tags (mark), tags2));
  g_assert_cmpstr (jj_mark_get_note (mark), ==, "");
  g_assert_false (quote_has_tag (window, "典范城市", "note"));

  /* And closing writes it all. */
  gtk_window_close (GTK_WINDOW (window));
  {
    g_autoptr(JjMark) saved = sidecar_mark (speech.sidecar, "吃透测评标准");
    g_autoptr(JjMark) saved2 = sidecar_mark (speech.sidecar, "典范城市");

    g_assert_nonnull (saved);
    g_assert_cmpstr (jj_mark_get_kind (saved), ==, "fact");
    g_assert_true (strv_equal (jj_mark_get_tags (saved), tags));
    g_assert_cmpstr (jj_mark_get_note (saved), ==, "逐条对照测评体系");
    g_assert_nonnull (saved2);
    g_assert_true (strv_equal (jj_mark_get_tags (saved2), tags2));
  }

  g_settings_reset (settings, "save-delay");
  speech_clear (&speech);
}

/* Clicks the middle of @quote in the reader: through the X server when it
 * can, else by what the text view's click gesture runs on press and
 * release (the text view's own gestures do not run then). */
static void
click_quote (JjWindow   *window,
             const char *quote)
{
  GtkTextIter iter;
  GtkTextView *view = reader_text_at (window, quote, &iter);
  g_autoptr(GListModel) controllers = NULL;
  GdkRectangle rect;
  int x, y;

  g_assert_nonnull (view);
  gtk_text_iter_forward_chars (&iter, g_utf8_strlen (quote, -1) / 2);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);

  if (jj_xtest_click (GTK_WIDGET (view), x, y))
    return;

  g_test_message ("no XTEST: the click gesture's press and release are emitted");
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        {
          g_signal_emit_by_name (controller, "pressed", 1, (double) x, (double) y);
          g_signal_emit_by_name (controller, "released", 1, (double) x, (double) y);
          return;
        }
    }
  g_assert_not_reached ();
}

static GtkButton *
toast_button (JjWindow   *window,
              const char *message)
{
  GtkLabel *label = find_label (GTK_WIDGET (window->toast_overlay), message);
  GtkWidget *toast;

  if (label == NULL)
    return NULL;
  /* The button of the toast that shows @message. */
  for (toast = GTK_WIDGET (label); toast != NULL; toast = gtk_widget_get_parent (toast))
    {
      GtkButton *button = find_button (toast, "_Undo");

      if (button != NULL)
        return button;
    }

  return NULL;
}

static gboolean
has_toast (gpointer data)
{
  return toast_button (data, "Mark deleted") != NULL;
}

/* Clicking a highlight opens its popover, filled, to edit or delete it;
 * delete offers Undo in a toast. */
static void
test_click_highlight (void)
{
  static const char * const tags[] = { "创建", NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Speech speech;
  JjWindow *window;
  JjMark *mark;
  GtkButton *undo;
  SidecarWait wait;
  g_autofree char *note = NULL;
  guint start;

  if (!speech_init (&speech))
    return;

  g_settings_set_uint (settings, "save-delay", 100);
  window = open_path (speech.path);
  select_phrase (window, "常态长效创建情况");
  press_key (window, GDK_KEY_3, 0);
  mark = find_mark (window, "常态长效创建情况");
  g_assert_nonnull (mark);
  jj_mark_set_tags (mark, tags);
  jj_mark_set_note (mark, "暗访");
  jj_mark_store_touch (window->marks, mark);
  start = jj_mark_get_start (mark);

  /* Clicking plain text opens nothing. */
  jj_reader_view_select_range (window->reader_view, start, start);
  click_quote (window, "重点检查各地");
  jj_test_spin (50);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->popover)));

  click_quote (window, "常态长效创建情况");
  g_assert_true (jj_test_wait_until (popover_shown, window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_button (GTK_WIDGET (window->popover), "_Delete"))));
  g_assert_true (gtk_toggle_button_get_active (popover_kind_button (window, 2)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (popover_tags (window))), ==, "创建");
  note = popover_note_text (window);
  g_assert_cmpstr (note, ==, "暗访");

  gtk_text_buffer_set_text (popover_note (window), "不打招呼", -1);
  gtk_toggle_button_set_active (popover_kind_button (window, 5), TRUE);
  click_popover_button (window, "_Save");
  g_assert_cmpuint (n_marks (window), ==, 1);
  g_assert_true (find_mark (window, "常态长效创建情况") == mark);
  g_assert_cmpstr (jj_mark_get_note (mark), ==, "不打招呼");
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "doubt");
  jj_test_spin (10);
  g_assert_true (quote_has_tag (window, "常态长效创建情况", "mark-doubt"));
  /* The edit is saved after the delay. */
  wait.path = speech.sidecar;
  wait.quote = "常态长效创建情况";
  wait.note = "不打招呼";
  g_assert_true (jj_test_wait_until (sidecar_has_note, &wait));

  /* Delete, then Undo in the toast. */
  click_quote (window, "常态长效创建情况");
  g_assert_true (jj_test_wait_until (popover_shown, window));
  click_popover_button (window, "_Delete");
  g_assert_cmpuint (n_marks (window), ==, 0);
  g_assert_null (find_mark (window, "常态长效创建情况"));
  jj_test_spin (10);
  g_assert_false (quote_has_tag (window, "常态长效创建情况", "mark-doubt"));
  g_assert_true (jj_test_wait_until (has_toast, window));
  undo = toast_button (window, "Mark deleted");
  click_widget (window, GTK_WIDGET (undo));
  {
    gpointer one[2] = { window, GUINT_TO_POINTER (1) };

    g_assert_true (jj_test_wait_until (has_n_marks, one));
  }
  jj_test_spin (10);
  mark = find_mark (window, "常态长效创建情况");
  g_assert_nonnull (mark);
  g_assert_cmpuint (jj_mark_get_start (mark), ==, start);
  g_assert_cmpstr (jj_mark_get_note (mark), ==, "不打招呼");
  g_assert_true (quote_has_tag (window, "常态长效创建情况", "mark-doubt"));

  gtk_window_close (GTK_WINDOW (window));
  {
    g_autoptr(JjMark) saved = sidecar_mark (speech.sidecar, "常态长效创建情况");

    g_assert_nonnull (saved);
    g_assert_cmpstr (jj_mark_get_note (saved), ==, "不打招呼");
  }
  g_settings_reset (settings, "save-delay");
  speech_clear (&speech);
}

/* Whether the window's actions are enabled, as a button bound to them
 * (a menu item, a header button) sees it. */
typedef struct
{
  GtkWidget *undo;
  GtkWidget *redo;
} HistoryProbe;

static void
probe_init (HistoryProbe *probe,
            JjWindow     *window)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  probe->undo = gtk_button_new ();
  probe->redo = gtk_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe->undo), "win.undo");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe->redo), "win.redo");
  gtk_box_append (GTK_BOX (box), probe->undo);
  gtk_box_append (GTK_BOX (box), probe->redo);
  gtk_box_append (GTK_BOX (find_widget (GTK_WIDGET (window->marks_panel), GTK_TYPE_BOX)), box);
}

static void
check_history (HistoryProbe *probe,
               gboolean      can_undo,
               gboolean      can_redo)
{
  g_assert_cmpint (gtk_widget_get_sensitive (probe->undo), ==, can_undo);
  g_assert_cmpint (gtk_widget_get_sensitive (probe->redo), ==, can_redo);
}

/* Ctrl+Z and Ctrl+Shift+Z undo and redo adding, editing and deleting. */
static void
test_undo_redo (void)
{
  Speech speech;
  JjWindow *window;
  HistoryProbe probe;
  JjMark *mark;

  if (!speech_init (&speech))
    return;

  window = open_path (speech.path);
  probe_init (&probe, window);
  check_history (&probe, FALSE, FALSE);
  /* Nothing to undo: the keys do nothing. */
  press_key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  check_history (&probe, FALSE, FALSE);

  /* Adding. */
  select_phrase (window, "文明发展无止境");
  press_key (window, GDK_KEY_2, 0);
  g_assert_cmpuint (n_marks (window), ==, 1);
  check_history (&probe, TRUE, FALSE);
  press_key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_marks (window), ==, 0);
  check_history (&probe, FALSE, TRUE);
  press_key (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (n_marks (window), ==, 1);
  check_history (&probe, TRUE, FALSE);
  mark = find_mark (window, "文明发展无止境");
  g_assert_nonnull (mark);
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "golden");

  /* Editing, in the popover. */
  click_quote (window, "文明发展无止境");
  g_assert_true (jj_test_wait_until (popover_shown, window));
  gtk_text_buffer_set_text (popover_note (window), "高度", -1);
  click_popover_button (window, "_Save");
  g_assert_cmpstr (jj_mark_get_note (find_mark (window, "文明发展无止境")), ==, "高度");
  /* The keys reach the window again once the popover is closed. */
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window->popover)));
  press_key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_marks (window), ==, 1);
  g_assert_cmpstr (jj_mark_get_note (find_mark (window, "文明发展无止境")), ==, "");
  check_history (&probe, TRUE, TRUE);
  press_key (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (jj_mark_get_note (find_mark (window, "文明发展无止境")), ==, "高度");
  check_history (&probe, TRUE, FALSE);

  /* Deleting, the edit undone first: what could be redone is gone. */
  press_key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  check_history (&probe, TRUE, TRUE);
  click_quote (window, "文明发展无止境");
  g_assert_true (jj_test_wait_until (popover_shown, window));
  click_popover_button (window, "_Delete");
  g_assert_cmpuint (n_marks (window), ==, 0);
  check_history (&probe, TRUE, FALSE);
  press_key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_marks (window), ==, 1);
  g_assert_cmpstr (jj_mark_get_note (find_mark (window, "文明发展无止境")), ==, "");
  check_history (&probe, TRUE, TRUE);
  press_key (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (n_marks (window), ==, 0);
  check_history (&probe, TRUE, FALSE);

  /* Back to the start, and no further. */
  for (guint i = 0; i < 4; i++)
    press_key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_marks (window), ==, 0);
  check_history (&probe, FALSE, TRUE);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (sidecar_mark (speech.sidecar, "文明发展无止境"));
  speech_clear (&speech);
}

/* The reader's text views that show text with the tag @name. */
static guint
count_tagged_views (JjWindow   *window,
                    const char *name)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  guint n = 0;

  collect (GTK_WIDGET (window->reader_view), GTK_TYPE_TEXT_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (views->pdata[i]);
      GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
      GtkTextIter iter;

      if (!gtk_widget_has_css_class (views->pdata[i], "reader-text") || tag == NULL)
        continue;
      gtk_text_buffer_get_start_iter (buffer, &iter);
      if (gtk_text_iter_has_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        n++;
    }

  return n;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
mark_placed (gpointer data)
{
  return jj_mark_get_status (data) == JJ_MARK_STATUS_PLACED;
}

/* A mark whose passage left the speech is listed apart and can be put on
 * the selection. */
static void
test_orphan (void)
{
  const char *clause = "紧盯群众反映强烈的集贸市场、老旧小区、文明出行、物业管理等问题，";
  Speech speech;
  JjWindow *window;
  JjMark *mark;
  GtkButton *reattach;
  g_autofree char *contents = NULL;
  g_autoptr(GString) changed = NULL;
  JjTestSelection range;

  if (!speech_init (&speech))
    return;

  window = open_path (speech.path);
  select_phrase (window, "集贸市场");
  press_key (window, GDK_KEY_5, 0);
  select_phrase (window, "典范城市");
  press_key (window, GDK_KEY_1, 0);
  g_assert_cmpuint (n_marks (window), ==, 2);
  g_assert_null (find_label (GTK_WIDGET (window->marks_panel), "Orphaned Marks"));
  gtk_window_close (GTK_WINDOW (window));

  /* The clause goes from the speech. */
  g_assert_true (g_file_get_contents (speech.path, &contents, NULL, NULL));
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, clause, "", 0), ==, 1);
  g_assert_true (g_file_set_contents (speech.path, changed->str, changed->len, NULL));

  window = open_path (speech.path);
  g_assert_cmpuint (n_marks (window), ==, 2);
  mark = find_mark (window, "集贸市场");
  g_assert_nonnull (mark);
  g_assert_cmpint (jj_mark_get_status (mark), ==, JJ_MARK_STATUS_ORPHAN);
  /* Earlier text went: the other mark moved with its passage. */
  g_assert_cmpint (jj_mark_get_status (find_mark (window, "典范城市")), ==, JJ_MARK_STATUS_MOVED);
  g_assert_cmpuint (jj_marks_panel_get_n_shown (window->marks_panel), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (window->marks_panel), "Orphaned Marks"));
  /* Only the orphan has the button. */
  reattach = find_button (GTK_WIDGET (window->marks_panel), "_Re-attach to Selection");
  g_assert_nonnull (reattach);
  g_assert_true (g_object_get_data (G_OBJECT (reattach), "mark") == mark);
  range = select_phrase (window, "惠民工程");
  jj_test_spin (10);
  /* Nothing in the reader is highlighted for the orphan. */
  g_assert_cmpuint (count_tagged_views (window, "mark-fact"), ==, 0);
  g_assert_cmpuint (count_tagged_views (window, "mark-borrow"), ==, 1);
  if (!adw_flap_get_reveal_flap (window->marks_flap))
    press_key (window, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_true (adw_flap_get_reveal_flap (window->marks_flap));
  g_assert_true (jj_test_wait_until (widget_mapped, reattach));
  click_widget (window, GTK_WIDGET (reattach));
  g_assert_true (jj_test_wait_until (mark_placed, mark));
  jj_test_spin (10);
  g_assert_cmpint (jj_mark_get_status (mark), ==, JJ_MARK_STATUS_PLACED);
  g_assert_cmpstr (jj_mark_get_quote (mark), ==, "惠民工程");
  g_assert_cmpuint (jj_mark_get_start (mark), ==, range.start);
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "fact");
  g_assert_null (find_label (GTK_WIDGET (window->marks_panel), "Orphaned Marks"));
  g_assert_null (find_button (GTK_WIDGET (window->marks_panel), "_Re-attach to Selection"));
  g_assert_true (quote_has_tag (window, "惠民工程", "mark-fact"));

  gtk_window_close (GTK_WINDOW (window));
  {
    g_autoptr(JjMark) saved = sidecar_mark (speech.sidecar, "惠民工程");

    g_assert_nonnull (saved);
    g_assert_cmpstr (jj_mark_get_kind (saved), ==, "fact");
    g_assert_cmpint (jj_mark_get_status (saved), ==, JJ_MARK_STATUS_PLACED);
  }
  speech_clear (&speech);
}

static gboolean
can_create_file (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, ".jj-write-probe", NULL);
  int fd = g_open (probe, O_CREAT | O_EXCL | O_WRONLY, 0644);

  if (fd < 0)
    return FALSE;
  close (fd);
  g_unlink (probe);

  return TRUE;
}

/* The superuser writes in any folder: the marks are then made and saved
 * as “nobody”, for whom the per-user folder is opened. */
#define NOBODY 65534

static gboolean
recorded_in_recent_files (gpointer data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr(GBookmarkFile) list = g_bookmark_file_new ();

  return g_bookmark_file_load_from_file (list, path, NULL) &&
         g_bookmark_file_has_item (list, data);
}

static gboolean
act_as_nobody (JjWindow *window)
{
  g_autofree char *uri = g_file_get_uri (jj_document_get_file (window->document));
  g_autofree char *recent = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *sidecars = g_build_filename (g_get_user_data_dir (), "jiejian", "sidecars", NULL);
  g_autofree char *jiejian = g_path_get_dirname (sidecars);
  g_autofree char *home = g_path_get_dirname (g_get_user_data_dir ());

  if (geteuid () != 0)
    return FALSE;

  g_assert_cmpint (g_mkdir_with_parents (sidecars, 0755), ==, 0);
  g_assert_cmpint (g_chmod (home, 0711), ==, 0);
  g_assert_cmpint (g_chmod (g_get_user_data_dir (), 0711), ==, 0);
  g_assert_cmpint (g_chmod (jiejian, 0711), ==, 0);
  if (chown (sidecars, NOBODY, NOBODY) != 0)
    return FALSE;
  /* GTK reads the recent files again when they change. */
  g_assert_true (jj_test_wait_until (recorded_in_recent_files, uri));
  g_assert_cmpint (g_chmod (recent, 0644), ==, 0);

  return seteuid (NOBODY) == 0;
}

static void
act_as_self (void)
{
  if (getuid () == 0)
    g_assert_cmpint (seteuid (0), ==, 0);
}

static gboolean
store_in_fallback (gpointer data)
{
  JjWindow *window = data;

  return jj_mark_store_get_fallback (window->marks) && !jj_mark_store_get_dirty (window->marks);
}

static gboolean
has_save_error (gpointer data)
{
  return ((JjWindow *) data)->save_error != NULL;
}

static gboolean
has_no_save_error (gpointer data)
{
  return ((JjWindow *) data)->save_error == NULL;
}

static AdwMessageDialog *
find_dialog (JjWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog (data) != NULL;
}

/* A speech in a folder that cannot be written: its marks go to the
 * per-user folder, and the header says so and where; a save that fails
 * there too is shown as well. */
static void
test_save_problem (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *fallback = NULL;
  g_autofree char *fallback_dir = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *failed_tooltip = NULL;
  g_autofree char *sidecars = g_build_filename (g_get_user_data_dir (), "jiejian", "sidecars", NULL);
  AdwMessageDialog *dialog;
  gboolean as_nobody = FALSE;
  gboolean fell_back, failed = FALSE, recovered = FALSE;
  Speech speech;
  JjWindow *window;

  if (!speech_init (&speech))
    return;

  g_settings_set_uint (settings, "save-delay", 100);
  window = open_path (speech.path);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->save_warning)));

  g_assert_cmpint (g_chmod (speech.dir, 0555), ==, 0);
  if (can_create_file (speech.dir))
    {
      as_nobody = act_as_nobody (window);
      if (!as_nobody || can_create_file (speech.dir))
        {
          act_as_self ();
          gtk_window_destroy (GTK_WINDOW (window));
          g_settings_reset (settings, "save-delay");
          speech_clear (&speech);
          g_test_skip ("a read-only folder can be written here (running as the superuser?)");
          return;
        }
      g_test_message ("marking as uid %d: the superuser writes in read-only folders", NOBODY);
    }

  /* Marking saves, after the delay, in the per-user folder. */
  select_phrase (window, "形势逼人");
  press_key (window, GDK_KEY_1, 0);
  fell_back = jj_test_wait_until (store_in_fallback, window);

  /* Then that folder cannot be written either. */
  if (fell_back)
    {
      fallback = g_file_get_path (jj_mark_store_get_sidecar (window->marks));
      fallback_dir = g_path_get_dirname (fallback);
      tooltip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (window->save_warning)));
      g_assert_cmpint (g_chmod (fallback_dir, 0555), ==, 0);
      select_phrase (window, "挑战逼人");
      press_key (window, GDK_KEY_2, 0);
      failed = jj_test_wait_until (has_save_error, window);
      failed_tooltip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (window->save_warning)));
      g_assert_cmpint (g_chmod (fallback_dir, 0755), ==, 0);
      select_phrase (window, "使命逼人");
      press_key (window, GDK_KEY_3, 0);
      recovered = jj_test_wait_until (has_no_save_error, window) && jj_test_wait_until (store_in_fallback, window);
    }
  act_as_self ();

  g_assert_true (fell_back);
  g_assert_true (g_str_has_prefix (fallback, sidecars));
  g_assert_false (g_file_test (speech.sidecar, G_FILE_TEST_EXISTS));
  {
    g_autoptr(JjMark) saved = sidecar_mark (fallback, "形势逼人");

    g_assert_nonnull (saved);
  }

  /* The toast and the header say where the marks went: the toast, one
   * line that would cut the path off, in a dialog from its button. */
  notice = g_strdup_printf ("The folder of the document cannot be written: marks are kept in “%s”.", fallback);
  g_assert_null (find_label (GTK_WIDGET (window->toast_overlay), notice));
  {
    GtkLabel *label = find_label (GTK_WIDGET (window->toast_overlay),
                                  "Something about the marks needs your attention");
    GtkWidget *toast;
    GtkButton *details = NULL;

    g_assert_nonnull (label);
    for (toast = GTK_WIDGET (label); toast != NULL && details == NULL; toast = gtk_widget_get_parent (toast))
      details = find_button (toast, "_Details");
    g_assert_nonnull (details);
    g_assert_true (gtk_widget_activate (GTK_WIDGET (details)));
    g_assert_true (jj_test_wait_until (has_dialog, window));
    g_assert_cmpstr (adw_message_dialog_get_body (find_dialog (window)), ==, notice);
    gtk_window_destroy (GTK_WINDOW (find_dialog (window)));
  }
  expected = g_strdup_printf ("The folder of this speech cannot be written: marks are kept in %s", fallback);
  g_assert_cmpstr (tooltip, ==, expected);

  g_assert_true (failed);
  g_test_message ("%s", failed_tooltip);
  g_assert_true (g_str_has_prefix (failed_tooltip, "The marks could not be saved: "));
  /* Said once, not once by the window and again by the store. */
  g_assert_null (strstr (failed_tooltip + strlen ("The marks could not be saved"), "could not be saved"));
  g_assert_true (recovered);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->save_warning)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->save_warning)), ==, expected);
  {
    g_autoptr(JjMark) saved = sidecar_mark (fallback, "使命逼人");
    g_autoptr(JjMark) saved2 = sidecar_mark (fallback, "挑战逼人");

    g_assert_nonnull (saved);
    g_assert_nonnull (saved2);
  }

  /* The header's button tells it in a dialog. */
  click_widget (window, GTK_WIDGET (window->save_warning));
  g_assert_true (jj_test_wait_until (has_dialog, window));
  dialog = find_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Marks Are Not Beside the Speech");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (g_file_test (speech.sidecar, G_FILE_TEST_EXISTS));
  g_unlink (fallback);
  g_settings_reset (settings, "save-delay");
  speech_clear (&speech);
}

/* A mark's own colour is the colour of its highlight, not its kind's. */
static void
test_own_color (void)
{
  Speech speech;
  JjWindow *window;
  JjMark *mark;
  GtkTextIter iter;
  GtkTextView *view;
  GtkTextTag *tag;
  GdkRGBA *rgba = NULL;

  if (!speech_init (&speech))
    return;

  window = open_path (speech.path);
  select_phrase (window, "形势逼人");
  g_assert_true (press_binding (window, GDK_KEY_1, 0));
  mark = find_mark (window, "形势逼人");
  g_assert_nonnull (mark);
  jj_test_spin (5);
  g_assert_true (quote_has_tag (window, "形势逼人", "mark-borrow"));

  g_assert_true (jj_mark_session_set_color (window->session, mark, "#12ab34"));
  jj_test_spin (5);
  g_assert_true (quote_has_tag (window, "形势逼人", "mark-color-#12ab34"));
  g_assert_false (quote_has_tag (window, "形势逼人", "mark-borrow"));

  view = reader_text_at (window, "形势逼人", &iter);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view)),
                                   "mark-color-#12ab34");
  g_object_get (tag, "background-rgba", &rgba, NULL);
  g_assert_cmpfloat_with_epsilon (rgba->red, 0x12 / 255.0, 0.01);
  g_assert_cmpfloat_with_epsilon (rgba->green, 0xab / 255.0, 0.01);
  g_assert_cmpfloat_with_epsilon (rgba->blue, 0x34 / 255.0, 0.01);
  gdk_rgba_free (rgba);

  /* Undone, the kind's colour is back. */
  g_assert_true (jj_mark_session_undo (window->session) == mark);
  jj_test_spin (5);
  g_assert_true (quote_has_tag (window, "形势逼人", "mark-borrow"));

  gtk_window_destroy (GTK_WINDOW (window));
  speech_clear (&speech);
}

typedef struct
{
  JjWindow *window;
  gint64    last;
  gint64    max_gap;    /* between ticks while the marks load */
  gint64    loading;    /* how long they were loading */
  gint64    started;
  guint     ticks;
} Ticker;

static gboolean
tick_cb (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->window->marks_loading)
    {
      if (ticker->started == 0)
        ticker->started = now;
      else
        ticker->max_gap = MAX (ticker->max_gap, now - ticker->last);
      ticker->loading = now - ticker->started;
      ticker->ticks++;
    }
  ticker->last = now;

  return G_SOURCE_CONTINUE;
}

/* A sidecar of @n marks whose quotes are nowhere in the speech (Hangul in
 * Chinese), each searched for exactly and then approximately on load. */
static void
write_orphans_sidecar (const char *path,
                       guint       n)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<jiejian xmlns=\"" JJ_SIDECAR_NAMESPACE "\" version=\"1\">\n"
                               "<document fingerprint=\"1111111111111111111111111111111111111111111111111111111111111111\" length=\"1\"/>\n");
  GRand *rand = g_rand_new_with_seed (5);

  for (guint i = 0; i < n; i++)
    {
      char quote[64] = { 0, }, context[64] = { 0, };
      gsize q = 0, c = 0;
      g_autofree char *id = g_uuid_string_random ();

      for (guint k = 0; k < 8; k++)
        q += g_unichar_to_utf8 (0xAC00 + g_rand_int_range (rand, 0, 2000), quote + q);
      for (guint k = 0; k < 6; k++)
        c += g_unichar_to_utf8 (0x4E00 + g_rand_int_range (rand, 0, 300), context + c);
      g_string_append_printf (xml,
                              "<mark id=\"%s\" kind=\"golden\" created=\"2026-01-01T00:00:00Z\" "
                              "modified=\"2026-01-01T00:00:00Z\"><target start=\"%u\" end=\"%u\">"
                              "<prefix>%s</prefix><quote>%s</quote><suffix>%s</suffix></target></mark>\n",
                              id, i % 1000, i % 1000 + 8, context, quote, context);
    }
  g_string_append (xml, "</jiejian>\n");
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));
  g_string_free (xml, TRUE);
}

static gboolean
has_document_only (gpointer data)
{
  return ((JjWindow *) data)->document != NULL;
}

static gboolean
marks_loaded (gpointer data)
{
  JjWindow *window = data;

  return window->document != NULL && !window->marks_loading;
}

/* Marks are read, parsed and placed in a thread: the window draws and
 * answers all the while, and nothing is marked before they are in. */
static void
test_load_off_main_loop (void)
{
  g_autoptr(GFile) file = NULL;
  Ticker ticker = { 0, };
  Speech speech;
  JjWindow *window;
  guint source;
  gint64 arrived;
  gint64 idle_gap = 0;
  gboolean refused = FALSE;

  if (!speech_init (&speech))
    return;

  write_orphans_sidecar (speech.sidecar, 12000);

  /* The main loop with nothing to do, for the machine's own pauses (other
   * programs share its processors). */
  {
    gint64 idle_end = g_get_monotonic_time () + G_USEC_PER_SEC;
    gint64 last = g_get_monotonic_time ();

    while (g_get_monotonic_time () < idle_end)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
        idle_gap = MAX (idle_gap, g_get_monotonic_time () - last);
        last = g_get_monotonic_time ();
      }
    g_test_message ("longest gap with nothing loading: %.3f s", idle_gap / (double) G_USEC_PER_SEC);
  }
  file = g_file_new_for_path (speech.path);
  window = JJ_WINDOW (jj_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  ticker.window = window;
  ticker.last = g_get_monotonic_time ();
  source = g_timeout_add (10, tick_cb, &ticker);
  jj_window_open (window, file);

  /* The speech is there before its marks. */
  g_assert_true (jj_test_wait_until (has_document_only, window));
  /* Laying the speech out for its first frame is no work of the marks. */
  jj_test_spin (3);
  ticker.max_gap = 0;
  ticker.last = g_get_monotonic_time ();
  if (window->marks_loading)
    {
      jj_reader_view_select_range (window->reader_view, 3, 9);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "borrow");
      refused = window->marks_loading && n_marks (window) == 0;
    }
  g_assert_true (jj_test_wait_until (marks_loaded, window));
  arrived = g_get_monotonic_time ();
  g_source_remove (source);
  jj_test_spin (2);
  g_test_message ("12,000 orphans loaded in a thread for %.3f s, %u ticks, longest gap %.3f s; "
                  "put in the model and the panel in %.3f s",
                  ticker.loading / (double) G_USEC_PER_SEC, ticker.ticks,
                  ticker.max_gap / (double) G_USEC_PER_SEC,
                  (g_get_monotonic_time () - arrived) / (double) G_USEC_PER_SEC);

  /* Long enough that a load on the main loop would have stopped it: the
   * loop went round all along. (How long its pauses may be depends on how
   * busy the machine is: they are logged above, not asserted.) */
  g_assert_cmpuint (ticker.ticks, >=, 5);
  g_assert_cmpint (ticker.max_gap, <, ticker.loading);
  g_assert_true (refused);
  g_assert_cmpuint (n_marks (window), ==, 12000);
  g_assert_cmpuint (jj_mark_store_get_n_orphans (window->marks), ==, 12000);

  /* Loaded, marking works and keeps every mark read. */
  select_phrase (window, "挑战逼人");
  g_assert_true (press_binding (window, GDK_KEY_1, 0));
  g_assert_cmpuint (n_marks (window), ==, 12001);

  gtk_window_destroy (GTK_WINDOW (window));
  speech_clear (&speech);
}

static gboolean
has_file (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
is_saved (gpointer data)
{
  return !jj_mark_store_get_dirty (((JjWindow *) data)->marks);
}

/* A sidecar deleted while the speech is open is written again from the
 * marks in memory, and the window says so. */
static void
test_sidecar_deleted (void)
{
  const char *toast = "The marks file was deleted; it was written again with the 2 marks held in memory";
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JjMark) first = NULL;
  Speech speech;
  JjWindow *window;

  if (!speech_init (&speech))
    return;

  g_settings_set_uint (settings, "save-delay", 50);
  window = open_path (speech.path);
  select_phrase (window, "形势逼人");
  g_assert_true (press_binding (window, GDK_KEY_1, 0));
  select_phrase (window, "挑战逼人");
  g_assert_true (press_binding (window, GDK_KEY_2, 0));
  g_assert_true (jj_test_wait_until (is_saved, window));
  g_assert_true (jj_test_wait_until (has_file, speech.sidecar));
  g_assert_null (find_label (GTK_WIDGET (window->toast_overlay), toast));

  g_assert_cmpint (g_unlink (speech.sidecar), ==, 0);
  g_assert_true (jj_test_wait_until (has_file, speech.sidecar));
  g_assert_true (jj_test_wait_until (is_saved, window));
  jj_test_spin (5);
  g_assert_nonnull (find_label (GTK_WIDGET (window->toast_overlay), toast));

  first = sidecar_mark (speech.sidecar, "形势逼人");
  g_assert_nonnull (first);
  {
    g_autoptr(JjMark) second = sidecar_mark (speech.sidecar, "挑战逼人");

    g_assert_nonnull (second);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "save-delay");
  speech_clear (&speech);
}

int
main (int   argc,
      char *argv[])
{
  char *home = jj_test_ui_init (&argc, &argv);

  if (home == NULL)
    return 0;

  g_test_add_func ("/window-marks/kinds", test_kinds);
  g_test_add_func ("/window-marks/popover", test_popover);
  g_test_add_func ("/window-marks/click-highlight", test_click_highlight);
  g_test_add_func ("/window-marks/undo-redo", test_undo_redo);
  g_test_add_func ("/window-marks/orphan", test_orphan);
  g_test_add_func ("/window-marks/save-problem", test_save_problem);
  g_test_add_func ("/window-marks/own-color", test_own_color);
  g_test_add_func ("/window-marks/load-off-main-loop", test_load_off_main_loop);
  g_test_add_func ("/window-marks/sidecar-deleted", test_sidecar_deleted);

  return jj_test_ui_run (home);
}
