/* test-reader.c — reading by keyboard and a view that stays put, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jj-mark-kind.h"
#include "jj-library-window.h"
#include "jj-mark-store.h"
#include "jj-preferences-window.h"
#include "jj-window-private.h"
#include "test-slowdown.h"
#include "test-ui.h"
#include "test-xtest.h"

static const char *numerals[] = { "一", "二", "三", "四", "五", "六" };
static const char *phrases[] = {
  "社区服务是连接群众的最后一公里，",
  "我们要把居民的急事难事放在心上，",
  "做到件件有着落、事事有回音。",
  "各街道要建立台账，逐项明确责任人和完成时限，",
  "定期向居民公开进展情况，",
  "接受群众监督，不断改进工作方法。",
  "志愿者队伍要持续壮大，",
  "把专业力量和热心居民组织起来，",
  "形成人人参与、人人尽力的良好局面。",
};

/* An invented speech: a title, a salutation and six sections of eight
 * paragraphs, long enough to need many screens. */
static char *
speech_text (void)
{
  GString *text = g_string_new ("关于推进社区服务工作的讲话\n同志们：\n");

  g_string_append (text, "今天召开这次会议，主要是总结经验、部署任务。下面，我讲六点意见。\n");
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    {
      g_string_append_printf (text, "%s、要抓好第%s项重点任务\n", numerals[i], numerals[i]);
      for (guint p = 0; p < 8; p++)
        {
          for (guint k = 0; k < 12; k++)
            g_string_append (text, phrases[(i + p + k) % G_N_ELEMENTS (phrases)]);
          g_string_append_printf (text, "这是第%u段。\n", i * 8 + p + 1);
        }
    }
  g_string_append (text, "同志们，让我们共同努力，把社区服务工作做得更好！");

  return g_string_free (text, FALSE);
}

typedef struct
{
  char *dir;
  char *path;
} Speech;

static void
speech_init (Speech *speech)
{
  g_autofree char *text = speech_text ();

  speech->dir = g_dir_make_tmp ("jj-reader-XXXXXX", NULL);
  g_assert_nonnull (speech->dir);
  speech->path = g_build_filename (speech->dir, "speech.txt", NULL);
  g_assert_true (g_file_set_contents (speech->path, text, -1, NULL));
}

static void
speech_clear (Speech *speech)
{
  jj_test_remove_tree (speech->dir);
  g_clear_pointer (&speech->dir, g_free);
  g_clear_pointer (&speech->path, g_free);
}

static JjWindow *
open_path (const char *path)
{
  JjWindow *window = jj_test_open_path (path, 1000, 700);

  jj_test_spin (40);

  return window;
}

/* With JJ_TEST_SCREENS set, saves what @widget shows as NAME.png there,
 * with @popover, when given, drawn over it where it pops up (a popover
 * is a surface of its own, not in the window's picture). */
static void
screenshot_with (GtkWidget  *widget,
                 GtkWidget  *popover,
                 const char *name)
{
  const char *dir = g_getenv ("JJ_TEST_SCREENS");
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  jj_test_spin (30);
  snapshot = gtk_snapshot_new ();
  {
    g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

    gdk_paintable_snapshot (paintable, snapshot, width, height);
  }
  if (popover != NULL && gtk_widget_get_mapped (popover))
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (popover);
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
      double wx, wy, px, py;

      /* The popup's place is given on its parent's surface; each
       * widget stands within its surface by its shadow's margins. */
      gtk_native_get_surface_transform (gtk_widget_get_native (widget), &wx, &wy);
      gtk_native_get_surface_transform (GTK_NATIVE (popover), &px, &py);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + px - wx,
                                                               gdk_popup_get_position_y (GDK_POPUP (surface)) + py - wy));
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (popover), gtk_widget_get_height (popover));
      gtk_snapshot_restore (snapshot);
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  screenshot_with (widget, NULL, name);
}

static GtkAdjustment *
vadjustment (JjWindow *window)
{
  GtkScrolledWindow *scroller = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->reader_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      scroller = GTK_SCROLLED_WINDOW (child);
  g_assert_nonnull (scroller);

  return gtk_scrolled_window_get_vadjustment (scroller);
}

typedef struct
{
  GtkAdjustment *adj;
  double         before;
} ValueWait;

static gboolean
value_changed (gpointer data)
{
  ValueWait *wait = data;

  return ABS (gtk_adjustment_get_value (wait->adj) - wait->before) >= 0.5;
}

static gboolean use_xtest = TRUE;

/* Presses the key, as a keyboard would when XTEST is there, and returns
 * how long the view took to scroll, in microseconds (or G_MAXINT64 when
 * it did not within 10 s). */
static gint64
press (JjWindow        *window,
       guint            keyval,
       GdkModifierType  modifiers)
{
  ValueWait wait = { vadjustment (window), gtk_adjustment_get_value (vadjustment (window)) };
  gint64 start = g_get_monotonic_time ();

  if (!use_xtest || !jj_xtest_key (GTK_WINDOW (window), keyval, modifiers))
    {
      use_xtest = FALSE;
      g_assert_true (jj_reader_view_scroll_key (window->reader_view, keyval, modifiers));
    }
  if (!jj_test_wait_until (value_changed, &wait))
    return G_MAXINT64;

  return g_get_monotonic_time () - start;
}

static double
value (JjWindow *window)
{
  return gtk_adjustment_get_value (vadjustment (window));
}

static double
bottom (JjWindow *window)
{
  GtkAdjustment *adj = vadjustment (window);

  return gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
}

typedef struct
{
  JjWindow *window;
  guint     steady;
} BottomWait;

static gboolean
at_bottom (gpointer data)
{
  BottomWait *wait = data;

  if (ABS (value (wait->window) - bottom (wait->window)) < 1)
    wait->steady++;
  else
    wait->steady = 0;

  return wait->steady >= 50;
}

typedef struct
{
  JjReaderView *view;
  guint         min;
} PositionWait;

static gboolean
position_past (gpointer data)
{
  PositionWait *wait = data;

  return jj_reader_view_get_position (wait->view) > wait->min;
}

static void
check_key (JjWindow        *window,
           const char      *name,
           guint            keyval,
           GdkModifierType  modifiers,
           double           min_delta,
           double           max_delta)
{
  double before, delta;
  gint64 usec;

  /* The rows the last key brought in are laid out first: what is timed
   * is this key, pressed at a reader's pace. */
  jj_test_spin (60);
  before = value (window);
  usec = press (window, keyval, modifiers);

  if (usec == G_MAXINT64)
    g_error ("%s did not scroll the reader", name);
  jj_test_spin (5);
  delta = value (window) - before;
  g_test_message ("%s: %+.0f px in %.1f ms", name, delta, usec / 1000.0);
  if (usec > jj_test_usec (0.1))
    g_error ("%s took %.1f ms", name, usec / 1000.0);
  if (delta < min_delta || delta > max_delta)
    g_error ("%s scrolled %+.1f px, not within [%.0f, %.0f]", name, delta, min_delta, max_delta);
}

/* Page Down, Space, the arrows, Home and End move the whole document,
 * past the block of text that has the caret, each within 100 ms. */
static void
test_keys (void)
{
  Speech speech;
  JjWindow *window;
  double page, length;
  guint position;
  BottomWait wait;

  speech_init (&speech);
  window = open_path (speech.path);
  page = gtk_adjustment_get_page_size (vadjustment (window));
  g_assert_cmpfloat (page, >, 200);

  /* The caret in the opening, the focus in its text. */
  jj_reader_view_select_range (window->reader_view, 20, 20);
  jj_test_spin (300);
  gtk_adjustment_set_value (vadjustment (window), 0);
  jj_test_spin (20);
  g_assert_cmpfloat (value (window), <, 1);

  check_key (window, "Page Down", GDK_KEY_Page_Down, 0, page / 2, page);
  check_key (window, "Space", GDK_KEY_space, 0, page / 2, page);
  check_key (window, "Down", GDK_KEY_Down, 0, 10, 80);
  check_key (window, "Up", GDK_KEY_Up, 0, -80, -10);
  check_key (window, "Shift+Space", GDK_KEY_space, GDK_SHIFT_MASK, -page, -page / 2);
  check_key (window, "Page Up", GDK_KEY_Page_Up, 0, -page, -page / 2);
  g_assert_cmpfloat (value (window), <, 1);

  /* Ten pages down: far past the first block, the opening. */
  for (guint i = 0; i < 10; i++)
    check_key (window, "Page Down", GDK_KEY_Page_Down, 0, page / 2, page);
  jj_test_spin (20);
  position = jj_reader_view_get_position (window->reader_view);
  g_test_message ("after 10 pages the top line is at offset %u", position);
  g_assert_cmpuint (position, >, 3000);

  length = g_utf8_strlen (jj_document_get_text (window->document), -1);
  check_key (window, "Ctrl+Home", GDK_KEY_Home, GDK_CONTROL_MASK, -G_MAXDOUBLE, -page);
  g_assert_cmpfloat (value (window), <, 1);

  check_key (window, "Ctrl+End", GDK_KEY_End, GDK_CONTROL_MASK, page, G_MAXDOUBLE);
  wait.window = window;
  wait.steady = 0;
  g_assert_true (jj_test_wait_until (at_bottom, &wait));
  {
    /* The last screen shows the last paragraphs. */
    PositionWait past = { window->reader_view, length * 0.9 };

    screenshot (GTK_WIDGET (window), "reader-end");
    if (!jj_test_wait_until (position_past, &past))
      g_error ("Ctrl+End: top line at %u of %.0f", jj_reader_view_get_position (window->reader_view), length);
  }

  check_key (window, "Home", GDK_KEY_Home, 0, -G_MAXDOUBLE, -page);
  g_assert_cmpfloat (value (window), <, 1);
  check_key (window, "End", GDK_KEY_End, 0, page, G_MAXDOUBLE);
  wait.steady = 0;
  g_assert_true (jj_test_wait_until (at_bottom, &wait));

  gtk_window_destroy (GTK_WINDOW (window));
  speech_clear (&speech);
}

/* Marking ----------------------------------------------------------- */

static guint
offset_of (JjWindow   *window,
           const char *phrase)
{
  const char *text = jj_document_get_text (window->document);
  const char *found = strstr (text, phrase);

  g_assert_nonnull (found);

  return g_utf8_pointer_to_offset (text, found);
}

static gboolean
has_selection (gpointer data)
{
  return jj_reader_view_get_selection (data, NULL, NULL);
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

static guint
n_marks (JjWindow *window)
{
  return g_list_model_get_n_items (jj_mark_store_get_marks (window->marks));
}

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

static GtkWidget *
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

/* Where @offset is drawn, in the reader view's coordinates, and the text
 * view holding it. */
static GtkTextView *
locate (JjWindow     *window,
        guint         offset,
        GdkRectangle *rect)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  const char *text = jj_document_get_text (window->document);
  g_autofree char *after = g_utf8_substring (text, offset, offset + 6);

  collect (GTK_WIDGET (window->reader_view), GTK_TYPE_TEXT_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkTextView *view = views->pdata[i];
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter start, match, end;
      graphene_point_t p;

      if (!gtk_widget_has_css_class (GTK_WIDGET (view), "reader-text") || !gtk_widget_get_mapped (GTK_WIDGET (view)))
        continue;
      gtk_text_buffer_get_start_iter (buffer, &start);
      if (!gtk_text_iter_forward_search (&start, after, 0, &match, &end, NULL))
        continue;
      gtk_text_view_get_iter_location (view, &match, rect);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect->x, rect->y, &rect->x, &rect->y);
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (window->reader_view),
                                               &GRAPHENE_POINT_INIT (rect->x, rect->y), &p));
      rect->x = p.x;
      rect->y = p.y;
      return view;
    }

  return NULL;
}

static void
click_at (JjWindow *window,
          guint     offset)
{
  GdkRectangle rect;
  GtkTextView *view = locate (window, offset, &rect);
  graphene_point_t p;

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (window->reader_view), GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (rect.x + rect.width / 2.0,
                                                                 rect.y + rect.height / 2.0), &p));
  g_assert_true (jj_xtest_click (GTK_WIDGET (view), p.x, p.y));
}

/* The popover points at the highlight: at the line of @offset. */
static void
check_points_at (JjWindow *window,
                 guint     offset)
{
  GdkRectangle at, line;

  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (window->popover), &at));
  g_assert_nonnull (locate (window, offset, &line));
  g_test_message ("popover points at y %d, the highlight's line is at %d–%d", at.y, line.y, line.y + line.height);
  g_assert_cmpint (at.y, >=, line.y - 2);
  g_assert_cmpint (at.y + at.height, <=, line.y + line.height + 2);
}

static void
check_still (JjWindow   *window,
             double      expected,
             const char *action)
{
  /* Rows settle over several frames: give them time to move. */
  jj_test_spin (200);
  g_test_message ("%s: view at %.0f, was %.0f", action, value (window), expected);
  if (ABS (value (window) - expected) > 1)
    g_error ("%s moved the view from %.0f to %.0f", action, expected, value (window));
}

static void
key (JjWindow        *window,
     guint            keyval,
     GdkModifierType  modifiers)
{
  g_assert_true (jj_xtest_key (GTK_WINDOW (window), keyval, modifiers));
  jj_test_spin (30);
}

/* Marking, editing, deleting and undoing, by keyboard and by clicks,
 * leave the view where it is; the popover points at the highlight. */
static void
test_view_stays (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Speech speech;
  JjWindow *window;
  guint start, end;
  double v;

  if (jj_xtest_display (GTK_WIDGET (gtk_window_new ())) == NULL)
    {
      g_test_skip ("no XTEST: real key presses and clicks are needed");
      return;
    }

  g_settings_set_uint (settings, "save-delay", 100);
  speech_init (&speech);
  window = open_path (speech.path);

  /* A phrase in the middle of the screen, deep in a section's block. */
  start = offset_of (window, "这是第21段");
  end = start + 6;
  jj_reader_view_select_range (window->reader_view, start, end);
  g_assert_true (jj_test_wait_until (has_selection, window->reader_view));
  jj_test_spin (300);
  gtk_adjustment_set_value (vadjustment (window), value (window) - 250);
  jj_test_spin (100);
  v = value (window);
  g_assert_true (jj_reader_view_get_selection (window->reader_view, NULL, NULL));

  /* A key marks the selection. */
  key (window, GDK_KEY_1, 0);
  g_assert_cmpuint (n_marks (window), ==, 1);
  check_still (window, v, "marking with 1");
  screenshot (GTK_WIDGET (window), "reader-marked");

  /* A click on the highlight opens its popover, pointing at it. */
  click_at (window, start + 2);
  g_assert_true (jj_test_wait_until (popover_shown, window));
  check_still (window, v, "clicking the highlight");
  check_points_at (window, start + 2);
  screenshot (GTK_WIDGET (window), "reader-popover");

  /* Saving an edit. */
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    collect (GTK_WIDGET (window->popover), GTK_TYPE_TEXT_VIEW, views);
    g_assert_cmpuint (views->len, ==, 1);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[0]), "一条笔记", -1);
  }
  g_assert_true (jj_xtest_click (find_button (GTK_WIDGET (window->popover), "_Save"), 5, 5));
  g_assert_true (jj_test_wait_until (popover_hidden, window));
  check_still (window, v, "saving the popover");

  /* Deleting from the popover. */
  click_at (window, start + 2);
  g_assert_true (jj_test_wait_until (popover_shown, window));
  check_still (window, v, "clicking the highlight again");
  g_assert_true (jj_xtest_click (find_button (GTK_WIDGET (window->popover), "_Delete"), 5, 5));
  g_assert_true (jj_test_wait_until (popover_hidden, window));
  g_assert_cmpuint (n_marks (window), ==, 0);
  check_still (window, v, "deleting");

  /* Undo and redo by keyboard. */
  key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_marks (window), ==, 1);
  check_still (window, v, "undo");
  key (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (n_marks (window), ==, 0);
  check_still (window, v, "redo");

  /* Ctrl+M, then Enter in the tags entry. */
  jj_reader_view_select_range (window->reader_view, start, end);
  g_assert_true (jj_test_wait_until (has_selection, window->reader_view));
  jj_test_spin (300);
  gtk_adjustment_set_value (vadjustment (window), value (window) - 250);
  jj_test_spin (100);
  v = value (window);
  key (window, GDK_KEY_m, GDK_CONTROL_MASK);
  g_assert_true (jj_test_wait_until (popover_shown, window));
  check_still (window, v, "Ctrl+M");
  check_points_at (window, start);
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    collect (GTK_WIDGET (window->popover), GTK_TYPE_ENTRY, entries);
    g_assert_cmpuint (entries->len, ==, 1);
    gtk_widget_grab_focus (entries->pdata[0]);
    gtk_editable_set_text (entries->pdata[0], "社区");
  }
  key (window, GDK_KEY_Return, 0);
  g_assert_true (jj_test_wait_until (popover_hidden, window));
  g_assert_cmpuint (n_marks (window), ==, 1);
  check_still (window, v, "Enter in the popover");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "save-delay");
  speech_clear (&speech);
}

/* Details ------------------------------------------------------------ */

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static GtkEditable *
dialog_row (AdwMessageDialog *dialog,
            const char       *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];

  g_error ("no row %s in the details dialog", title);
}

/* The details found at import fill the dialog; what the user corrects is
 * kept in the sidecar; a mark in the opening is cited as 开头. */
static void
test_details (void)
{
  static const char *text =
    "在全市社区服务工作会议上的讲话\n"
    "（2018年9月3日）\n"
    "市委副书记 王建平\n"
    "同志们：\n"
    "今天召开这次会议，主要任务是总结前一阶段的社区服务工作。\n"
    "一、提高认识\n"
    "要充分认识社区服务工作的重要性。\n";
  g_autofree char *dir = g_dir_make_tmp ("jj-details-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.txt", NULL);
  g_autofree char *sidecar = g_strconcat (path, ".jiejian.xml", NULL);
  g_autofree char *xml = NULL;
  AdwMessageDialog *dialog;
  JjSpeechInfo *kept;
  JjWindow *window;
  JjMark *mark;
  guint start;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = open_path (path);

  g_assert_nonnull (window->speech);
  g_assert_cmpstr (jj_speech_info_get_speaker (window->speech), ==, "王建平");
  g_assert_cmpstr (jj_speech_info_get_date (window->speech), ==, "2018-09-03");
  /* Nothing written for a speech only read. */
  g_assert_null (jj_mark_store_get_speech_info (window->marks));

  /* The first mark keeps them in the sidecar, its section the opening. */
  start = offset_of (window, "主要任务");
  jj_reader_view_select_range (window->reader_view, start, start + 4);
  g_assert_true (jj_test_wait_until (has_selection, window->reader_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "borrow"));
  g_assert_cmpuint (n_marks (window), ==, 1);
  mark = g_list_model_get_item (jj_mark_store_get_marks (window->marks), 0);
  g_assert_cmpstr (jj_mark_get_section (mark), ==, "开头");
  g_object_unref (mark);
  g_assert_nonnull (jj_mark_store_get_speech_info (window->marks));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.speech-details", NULL));
  g_assert_true (jj_test_wait_until (has_dialog, NULL));
  dialog = find_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (dialog_row (dialog, "Speaker")), ==, "王建平");
  g_assert_cmpstr (gtk_editable_get_text (dialog_row (dialog, "Date")), ==, "2018年9月3日");
  g_assert_cmpstr (gtk_editable_get_text (dialog_row (dialog, "Occasion")), ==, "全市社区服务工作会议");
  gtk_editable_set_text (dialog_row (dialog, "Speaker"), "李四");
  gtk_editable_set_text (dialog_row (dialog, "Date"), "2019-01-02");
  adw_message_dialog_response (dialog, "save");

  kept = jj_mark_store_get_speech_info (window->marks);
  g_assert_cmpstr (jj_speech_info_get_speaker (kept), ==, "李四");
  g_assert_cmpstr (jj_speech_info_get_date (kept), ==, "2019-01-02");
  jj_mark_store_flush (window->marks);
  g_assert_true (g_file_get_contents (sidecar, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "speaker=\"李四\""));
  g_assert_nonnull (strstr (xml, "date=\"2019-01-02\""));

  /* Not a date: said, and the date kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.speech-details", NULL));
  jj_test_spin (20);
  g_assert_true (jj_test_wait_until (has_dialog, NULL));
  dialog = find_dialog ();
  gtk_editable_set_text (dialog_row (dialog, "Date"), "2019年2月30日");
  adw_message_dialog_response (dialog, "save");
  g_assert_cmpstr (jj_speech_info_get_date (jj_mark_store_get_speech_info (window->marks)), ==, "2019-01-02");

  gtk_window_destroy (GTK_WINDOW (window));
  jj_test_remove_tree (dir);
}

/* Typesetting -------------------------------------------------------- */

/* Lines 1.7 em apart for the default 1.7, paragraphs further apart,
 * justified Chinese text. */
static void
test_typesetting (void)
{
  Speech speech;
  JjWindow *window;
  GdkRectangle rect;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter iter, line_end;
  GtkTextTag *body;
  PangoLanguage *language = NULL;
  GtkJustification justification;
  int y0, y1, last_y, next_y, height;
  double font_px = 13.0 * 96.0 / 72.0;
  double spacing, gap;
  guint start;

  speech_init (&speech);
  window = open_path (speech.path);
  screenshot (GTK_WIDGET (window), "reader-typeset");

  start = offset_of (window, "这是第1段") ;
  view = locate (window, start, &rect);
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (view);

  /* Two lines of the first long paragraph of the section. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_get_chars_in_line (&iter) < 100)
    g_assert_true (gtk_text_iter_forward_line (&iter));
  gtk_text_view_get_line_yrange (view, &iter, &y0, &height);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  y0 = rect.y;
  g_assert_true (gtk_text_view_forward_display_line (view, &iter));
  gtk_text_view_get_iter_location (view, &iter, &rect);
  y1 = rect.y;
  spacing = (y1 - y0) / font_px;
  g_test_message ("line spacing %d px for a %.1f px font: %.2f em", y1 - y0, font_px, spacing);
  g_assert_cmpfloat (spacing, >=, 1.6);
  g_assert_cmpfloat (spacing, <=, 1.9);

  /* The paragraph's last line, then the next paragraph's first. */
  line_end = iter;
  gtk_text_iter_forward_to_line_end (&line_end);
  gtk_text_view_get_iter_location (view, &line_end, &rect);
  last_y = rect.y;
  gtk_text_iter_forward_line (&line_end);
  gtk_text_view_get_iter_location (view, &line_end, &rect);
  next_y = rect.y;
  gap = (next_y - last_y) - (y1 - y0);
  g_test_message ("paragraph gap %.0f px beyond the line spacing", gap);
  g_assert_cmpfloat (gap, >=, font_px / 2);

  body = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "body");
  g_assert_nonnull (body);
  g_object_get (body, "justification", &justification, NULL);
  g_assert_cmpint (justification, ==, GTK_JUSTIFY_FILL);
  {
    g_autofree char *lang = NULL;

    g_object_get (body, "language", &lang, NULL);
    language = pango_language_from_string (lang);
  }
  g_assert_true (language == pango_language_from_string ("zh-cn"));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_has_tag (&iter, body));

  gtk_window_destroy (GTK_WINDOW (window));
  speech_clear (&speech);
}

/* The outline sidebar is as wide as the reader drags it, and F9 still
 * hides and shows it. */
static void
test_outline_resizable (void)
{
  Speech speech;
  JjWindow *window;
  GtkWidget *panel;
  GtkWidget *paned;
  int before;

  speech_init (&speech);
  window = open_path (speech.path);
  panel = GTK_WIDGET (window->outline_panel);
  paned = gtk_widget_get_parent (panel);
  g_assert_true (GTK_IS_PANED (paned));
  g_assert_true (gtk_paned_get_start_child (GTK_PANED (paned)) == panel);
  g_assert_true (gtk_widget_get_visible (panel));

  jj_test_spin (20);
  before = gtk_widget_get_width (panel);
  gtk_paned_set_position (GTK_PANED (paned), before + 150);
  jj_test_spin (50);
  g_test_message ("outline %d px wide, then %d px", before, gtk_widget_get_width (panel));
  g_assert_cmpint (gtk_widget_get_width (panel), >=, before + 140);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_false (gtk_widget_get_visible (panel));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_true (gtk_widget_get_visible (panel));

  gtk_window_destroy (GTK_WINDOW (window));
  speech_clear (&speech);
}

/* Whether @action is enabled, as a button bound to it sees it. */
static gboolean
action_enabled (JjWindow   *window,
                const char *action)
{
  GtkWidget *probe = gtk_button_new ();
  GtkWidget *parent = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  g_assert_true (GTK_IS_BOX (parent));
  gtk_box_append (GTK_BOX (parent), probe);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_box_remove (GTK_BOX (parent), probe);

  return enabled;
}

/* Small things: an empty window's document actions are off, Ctrl+W
 * closes, a fresh mark is not left selected, 存疑 is no grey, the note
 * box has a label, a title-only file says so, Escape in the text closes
 * Find, which shows the first match while typing. */
static void
test_small_details (void)
{
  Speech speech;
  JjWindow *window;
  JjWindow *empty = jj_window_new (NULL);
  GdkRGBA doubt;
  guint start;

  /* Without a speech: nothing to print, find or mark. */
  gtk_window_present (GTK_WINDOW (empty));
  jj_test_spin (10);
  g_assert_false (action_enabled (empty, "win.print"));
  g_assert_false (action_enabled (empty, "win.find"));
  g_assert_false (action_enabled (empty, "win.mark-details"));
  g_assert_false (action_enabled (empty, "win.export-outline"));
  g_assert_false (action_enabled (empty, "win.toggle-marks"));
  g_assert_true (action_enabled (empty, "win.open"));

  /* Ctrl+W closes a reader window. */
  {
    GtkWidget *weak = GTK_WIDGET (empty);

    g_object_add_weak_pointer (G_OBJECT (empty), (gpointer *) &weak);
    if (!jj_xtest_key (GTK_WINDOW (empty), GDK_KEY_w, GDK_CONTROL_MASK))
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (empty), "window.close", NULL));
    for (guint i = 0; i < 500 && weak != NULL && gtk_widget_get_visible (weak); i++)
      jj_test_spin (2);
    g_assert_true (weak == NULL || !gtk_widget_get_visible (weak));
    if (weak != NULL)
      {
        g_object_remove_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
        gtk_window_destroy (GTK_WINDOW (weak));
      }
  }

  /* 存疑 is a colour of its own, not the grey of an unfocused selection. */
  g_assert_true (gdk_rgba_parse (&doubt, jj_mark_kind_get_color ("doubt")));
  g_assert_cmpfloat (MAX (MAX (doubt.red, doubt.green), doubt.blue) - MIN (MIN (doubt.red, doubt.green), doubt.blue), >, 0.2);

  speech_init (&speech);
  window = open_path (speech.path);
  g_assert_true (action_enabled (window, "win.print"));
  g_assert_true (action_enabled (window, "win.find"));

  /* A fresh mark shows its highlight, no selection over it. */
  start = offset_of (window, "这是第2段");
  jj_reader_view_select_range (window->reader_view, start, start + 6);
  g_assert_true (jj_test_wait_until (has_selection, window->reader_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "doubt"));
  g_assert_cmpuint (n_marks (window), ==, 1);
  g_assert_false (jj_reader_view_get_selection (window->reader_view, NULL, NULL));

  /* The note box is labelled. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;

    collect (GTK_WIDGET (window->popover), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      found |= g_strcmp0 (gtk_label_get_label (labels->pdata[i]), "Note") == 0;
    g_assert_true (found);
  }

  /* Find: the first match after the reading position is shown while
   * typing; Escape in the text closes the bar. */
  gtk_adjustment_set_value (vadjustment (window), 0);
  jj_test_spin (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "这是第40段");
  while (window->matches == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (window->matches->len, ==, 1);
  {
    guint match = g_array_index (window->matches, JjTextRange, 0).start;
    GdkRectangle rect;

    for (guint i = 0; i < 300 && (locate (window, match, &rect) == NULL || rect.y < 0 ||
                                  rect.y > gtk_widget_get_height (GTK_WIDGET (window->reader_view))); i++)
      jj_test_spin (2);
    g_assert_nonnull (locate (window, match, &rect));
    g_assert_cmpint (rect.y, >=, 0);
    g_assert_cmpint (rect.y, <, gtk_widget_get_height (GTK_WIDGET (window->reader_view)));
  }
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->search_entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window->search_entry)));
  jj_reader_view_select_range (window->reader_view, start, start);
  jj_test_spin (50);
  if (jj_xtest_key (GTK_WINDOW (window), GDK_KEY_Escape, 0))
    {
      jj_test_spin (30);
      g_assert_false (gtk_search_bar_get_search_mode (window->search_bar));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  speech_clear (&speech);

  /* A file with only a title: shown as the title, and said. */
  {
    g_autofree char *dir = g_dir_make_tmp ("jj-title-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "title.txt", NULL);
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean said = FALSE;

    g_assert_true (g_file_set_contents (path, "关于加强基层治理的讲话\n", -1, NULL));
    window = open_path (path);
    collect (GTK_WIDGET (window->toast_overlay), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      said |= g_strcmp0 (gtk_label_get_label (labels->pdata[i]),
                         "This file holds only a title: there is no text to read or mark.") == 0;
    g_assert_true (said);
    gtk_window_destroy (GTK_WINDOW (window));
    jj_test_remove_tree (dir);
  }
}

static void
collect_by_type_name (GtkWidget  *widget,
                      const char *type_name,
                      GPtrArray  *found)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_by_type_name (child, type_name, found);
}

/* The main menu gives Ctrl++ for Zoom In, not the keypad's key. */
static void
test_menu_accels (void)
{
  JjWindow *window = jj_window_new (NULL);
  g_autoptr(GPtrArray) menu_buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GtkMenuButton *menu = NULL;
  gboolean seen = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  jj_test_spin (20);
  collect (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, menu_buttons);
  for (guint i = 0; i < menu_buttons->len; i++)
    if (gtk_menu_button_get_primary (menu_buttons->pdata[i]))
      menu = menu_buttons->pdata[i];
  g_assert_nonnull (menu);
  gtk_menu_button_popup (menu);
  jj_test_spin (50);

  collect_by_type_name (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "GtkModelButton", items);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *accel = NULL;

      g_object_get (items->pdata[i], "text", &text, "accel", &accel, NULL);
      if (g_strcmp0 (text, "Zoom In") == 0)
        {
          g_test_message ("Zoom In: %s", accel);
          g_assert_cmpstr (accel, ==, "<Control>plus");
          seen = TRUE;
        }
      else if (g_strcmp0 (text, "Zoom Out") == 0)
        g_assert_cmpstr (accel, ==, "<Control>minus");
      else if (g_strcmp0 (text, "Reset Zoom") == 0)
        g_assert_cmpstr (accel, ==, "<Control>0");
    }
  g_assert_true (seen);

  gtk_menu_button_popdown (menu);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
offset_on_screen (JjWindow *window,
                  guint     offset)
{
  GdkRectangle rect;

  return locate (window, offset, &rect) != NULL && rect.y >= 0 &&
         rect.y + rect.height <= gtk_widget_get_height (GTK_WIDGET (window->reader_view));
}

typedef struct
{
  JjWindow *window;
  guint     offset;
} ScreenWait;

static gboolean
shows_offset (gpointer data)
{
  ScreenWait *wait = data;

  return offset_on_screen (wait->window, wait->offset);
}

static GtkWidget *
find_button_in (GtkWidget  *root,
                const char *label)
{
  return find_button (root, label);
}

/* Undo in the toast of a deleted mark brings the mark back into view. */
static void
test_toast_undo (void)
{
  Speech speech;
  JjWindow *window;
  ScreenWait wait;
  GtkWidget *undo;
  JjMark *mark;
  GdkRectangle rect = { 0, 0, 1, 1 };
  guint start;

  speech_init (&speech);
  window = open_path (speech.path);
  start = offset_of (window, "这是第3段");
  jj_reader_view_select_range (window->reader_view, start, start + 6);
  g_assert_true (jj_test_wait_until (has_selection, window->reader_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "golden"));
  mark = g_list_model_get_item (jj_mark_store_get_marks (window->marks), 0);
  g_object_unref (mark); /* the store keeps it */

  /* Deleted from its popover, then the reader goes far away. */
  g_signal_emit_by_name (window->reader_view, "highlight-activated", mark, &rect);
  g_assert_true (jj_test_wait_until (popover_shown, window));
  g_signal_emit_by_name (window->popover, "delete");
  g_assert_cmpuint (n_marks (window), ==, 0);
  jj_test_spin (50);
  g_assert_true (jj_reader_view_scroll_key (window->reader_view, GDK_KEY_End, GDK_CONTROL_MASK));
  jj_test_spin (300);
  g_assert_false (offset_on_screen (window, start));

  undo = find_button_in (GTK_WIDGET (window->toast_overlay), "_Undo");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_activate (undo));
  for (guint i = 0; i < 1000 && n_marks (window) != 1; i++)
    jj_test_spin (2);
  g_assert_cmpuint (n_marks (window), ==, 1);
  wait.window = window;
  wait.offset = start;
  g_assert_true (jj_test_wait_until (shows_offset, &wait));

  gtk_window_destroy (GTK_WINDOW (window));
  speech_clear (&speech);
}

static gboolean
tooltip_shown (gpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_by_type_name (data, "GtkTooltipWindow", found);
  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_get_mapped (found->pdata[i]))
      return TRUE;

  return FALSE;
}

/* A Chinese tooltip is laid out in one line when it fits, not wrapped
 * every few characters. */
static void
test_tooltip (void)
{
  JjWindow *window = jj_window_new (NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) tips = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *button = NULL;
  GtkWidget *shown;
  PangoLayout *layout;

  gtk_window_present (GTK_WINDOW (window));
  jj_test_spin (50);
  collect (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_tooltip_text (buttons->pdata[i]) != NULL && gtk_widget_get_mapped (buttons->pdata[i]))
      button = buttons->pdata[i];
  g_assert_nonnull (button);
  gtk_widget_set_tooltip_text (button, "打开讲话稿（Ctrl+O）");
  if (jj_xtest_display (button) == NULL)
    {
      g_test_skip ("no XTEST");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  jj_xtest_motion (button, gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0);
  g_assert_true (jj_test_wait_until (tooltip_shown, window));
  jj_test_spin (50);

  collect_by_type_name (GTK_WIDGET (window), "GtkTooltipWindow", tips);
  g_assert_cmpuint (tips->len, >=, 1);
  collect (tips->pdata[0], GTK_TYPE_LABEL, labels);
  shown = NULL;
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "打开讲话稿（Ctrl+O）") == 0)
      shown = labels->pdata[i];
  g_assert_nonnull (shown);
  layout = gtk_label_get_layout (GTK_LABEL (shown));
  g_test_message ("tooltip: %d lines, %d px wide", pango_layout_get_line_count (layout),
                  gtk_widget_get_width (shown));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
  g_assert_cmpint (gtk_widget_get_width (shown), >, 100);

  gtk_window_destroy (GTK_WINDOW (window));
}

struct find_label
{
  GtkWidget  *root;
  const char *prefix;
  GtkWidget  *found;
};

static gboolean
find_cut_label (gpointer data)
{
  struct find_label *find = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (find->root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), find->prefix) &&
        gtk_widget_get_mapped (labels->pdata[i]) &&
        pango_layout_is_ellipsized (gtk_label_get_layout (labels->pdata[i])))
      find->found = labels->pdata[i];

  return find->found != NULL;
}

/* The label of a shown tooltip with the text of @label, if any. */
static GtkWidget *
tooltip_label_for (JjWindow  *window,
                   GtkWidget *label)
{
  g_autoptr(GPtrArray) tips = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *shown = NULL;

  collect_by_type_name (GTK_WIDGET (window), "GtkTooltipWindow", tips);
  for (guint t = 0; t < tips->len; t++)
    if (gtk_widget_get_mapped (tips->pdata[t]))
      collect (tips->pdata[t], GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_text (labels->pdata[i]), gtk_label_get_text (GTK_LABEL (label))) == 0)
      shown = labels->pdata[i];

  return shown;
}

/* Hovers @label with the pointer; returns the label of the tooltip
 * showing its whole text. */
static GtkWidget *
hover_for_tooltip (JjWindow  *window,
                   GtkWidget *label)
{
  GtkWidget *shown = NULL;

  /* Again when a busy machine let the label move under the pointer. */
  for (guint attempt = 0; attempt < 3 && shown == NULL; attempt++)
    {
      gint64 deadline;

      jj_xtest_motion (GTK_WIDGET (window), 1, 1);
      jj_test_spin (100);
      jj_xtest_motion (label, gtk_widget_get_width (label) / 2.0, gtk_widget_get_height (label) / 2.0);
      deadline = g_get_monotonic_time () + 4 * G_USEC_PER_SEC;
      while ((shown = tooltip_label_for (window, label)) == NULL && g_get_monotonic_time () < deadline)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
    }
  g_assert_nonnull (shown);
  jj_test_spin (50);

  return shown;
}

/* The whole text of a list row's label cut by an ellipsis is its tooltip,
 * laid out as the buttons' tooltips are: a heading of the outline on one
 * line (GTK's own tooltip wrapped such text every 1–4 characters), a
 * quote of the marks panel in lines of many characters. */
static void
test_row_tooltip (void)
{
  static const char *heading = "一、提高认识，把社区服务摆在更加突出的位置，切实增强做好社区工作的责任感";
  g_autofree char *text = g_strconcat (
    "关于社区工作的讲话\n"
    "同志们：\n", heading, "\n"
    "今天召开这次会议，主要任务是总结前一阶段的社区服务工作，安排部署下一阶段的重点任务，"
    "社区服务是连接群众的最后一公里，我们要把居民的急事难事放在心上，做到件件有着落、事事有回音，"
    "各街道要建立台账，逐项明确责任人和完成时限，定期向居民公开进展情况，接受群众监督。\n"
    "二、突出重点\n"
    "要抓好党建引领。\n", NULL);
  g_autofree char *dir = g_dir_make_tmp ("jj-row-tooltip-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.txt", NULL);
  struct find_label find = { NULL, NULL, NULL };
  JjWindow *window;
  GtkWidget *shown;
  PangoLayout *layout;
  glong length;
  guint start, end;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = open_path (path);
  start = offset_of (window, "今天召开这次会议");
  end = offset_of (window, "接受群众监督") + 6;
  jj_reader_view_select_range (window->reader_view, start, end);
  g_assert_true (jj_test_wait_until (has_selection, window->reader_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "borrow"));
  g_assert_cmpuint (n_marks (window), ==, 1);
  if (jj_xtest_display (GTK_WIDGET (window)) == NULL)
    {
      g_test_skip ("no XTEST");
      gtk_window_destroy (GTK_WINDOW (window));
      jj_test_remove_tree (dir);
      return;
    }

  /* The outline's row of the long heading. */
  find.root = GTK_WIDGET (window->outline_panel);
  find.prefix = "一、提高认识";
  g_assert_true (jj_test_wait_until (find_cut_label, &find));
  shown = hover_for_tooltip (window, find.found);
  layout = gtk_label_get_layout (GTK_LABEL (shown));
  g_test_message ("outline row tooltip: %ld characters in %d lines, %d px wide", g_utf8_strlen (heading, -1),
                  pango_layout_get_line_count (layout), gtk_widget_get_width (shown));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
  g_assert_cmpint (gtk_widget_get_width (shown), >=, 300);

  /* The marks panel's row of the long passage. */
  adw_flap_set_reveal_flap (window->marks_flap, TRUE);
  for (guint i = 0; i < 2000 && adw_flap_get_reveal_progress (window->marks_flap) < 1.0; i++)
    jj_test_spin (2);
  jj_test_spin (100);
  find.root = GTK_WIDGET (window->marks_panel);
  find.prefix = "今天召开这次会议";
  find.found = NULL;
  g_assert_true (jj_test_wait_until (find_cut_label, &find));
  shown = hover_for_tooltip (window, find.found);
  layout = gtk_label_get_layout (GTK_LABEL (shown));
  length = g_utf8_strlen (gtk_label_get_text (GTK_LABEL (shown)), -1);
  g_test_message ("marks panel row tooltip: %ld characters in %d lines, %d px wide", length,
                  pango_layout_get_line_count (layout), gtk_widget_get_width (shown));
  g_assert_cmpint (pango_layout_get_line_count (layout), <=, length / 12 + 1);
  g_assert_cmpint (gtk_widget_get_width (shown), >=, 200);

  gtk_window_destroy (GTK_WINDOW (window));
  jj_test_remove_tree (dir);
}

/* Screenshots --------------------------------------------------------- */

/* Saves the reader, its popover, the marks panel and the library as
 * pictures: in JJ_TEST_SCREENS to look at (in zh_CN: LANGUAGE=zh_CN
 * LANG=zh_CN.UTF-8), otherwise in a folder of the test's, where each
 * must be a picture of the window's size. */
static void
test_screenshots (void)
{
  static const char *text =
    "在全市社区服务工作会议上的讲话\n"
    "（2018年9月3日）\n"
    "市委副书记 王建平\n"
    "同志们：\n"
    "今天召开这次会议，主要任务是总结前一阶段的社区服务工作，安排部署下一阶段的重点任务。\n"
    "一、提高认识，把社区服务摆在更加突出的位置\n"
    "社区服务是连接群众的最后一公里，我们要把居民的急事难事放在心上，做到件件有着落、事事有回音。各街道要建立台账，逐项明确责任人和完成时限，定期向居民公开进展情况，接受群众监督，不断改进工作方法。\n"
    "二、突出重点，扎实推进各项任务\n"
    "一是抓好党建引领。要把党的组织建到楼栋，把党员力量沉到一线，形成人人参与、人人尽力的良好局面。\n"
    "二是抓好志愿服务。志愿者队伍要持续壮大，把专业力量和热心居民组织起来，全年服务时长要达到十万小时。\n"
    "三、加强领导，确保各项工作落到实处\n"
    "各级各部门要切实履行职责，形成齐抓共管的工作格局。\n"
    "要健全工作机制。街道和社区要定期研究社区服务工作，及时解决工作中遇到的困难和问题，"
    "把社区服务纳入年度考核，考核结果作为评先评优的重要依据。\n"
    "要加强队伍建设。通过公开招聘、定向培养等方式，选好配强社区工作者，"
    "落实待遇保障，让他们安心工作、用心服务。\n"
    "要营造良好氛围。充分利用各类媒体，宣传社区服务中的好经验、好做法，"
    "引导更多居民关心社区、参与社区、建设社区。\n"
    "同志们，社区服务工作责任重大、使命光荣。让我们以更加饱满的热情、更加务实的作风，"
    "扎实做好各项工作，为建设幸福和谐社区作出新的更大贡献。\n";
  static const char *marked[][3] = {
    { "把居民的急事难事放在心上", "golden", "" },
    { "把党的组织建到楼栋", "borrow", "党建" },
    { "全年服务时长要达到十万小时", "doubt", "" },
  };
  static const char *pictures[] = {
    "reader", "reader-marks-panel", "reader-with-popover-open", "popover", "library",
    "library-search", "library-no-results", "details", "preferences", "main-menu", "empty-window",
  };
  g_autofree char *own_screens = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  JjWindow *window;
  guint start;

  if (g_getenv ("JJ_TEST_SCREENS") == NULL)
    {
      own_screens = g_dir_make_tmp ("jj-screens-out-XXXXXX", NULL);
      g_setenv ("JJ_TEST_SCREENS", own_screens, TRUE);
    }

  dir = g_dir_make_tmp ("jj-screens-XXXXXX", NULL);
  path = g_build_filename (dir, "社区服务讲话.txt", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = open_path (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_paned_set_position (window->outline_paned, 340);
  /* The application's actions, for its buttons to look as in the app. */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) library = g_simple_action_new ("library", NULL);

    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (library));
    gtk_widget_insert_action_group (GTK_WIDGET (window), "app", G_ACTION_GROUP (group));
  }

  for (guint i = 0; i < G_N_ELEMENTS (marked); i++)
    {
      start = offset_of (window, marked[i][0]);
      jj_reader_view_select_range (window->reader_view, start, start + g_utf8_strlen (marked[i][0], -1));
      g_assert_true (jj_test_wait_until (has_selection, window->reader_view));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", marked[i][1]));
    }
  {
    GListModel *model = jj_mark_store_get_marks (window->marks);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(JjMark) mark = g_list_model_get_item (model, i);

        if (g_str_equal (jj_mark_get_quote (mark), marked[1][0]))
          {
            jj_mark_set_tags (mark, (const char *[]) { "党建", "基层", NULL });
            jj_mark_set_note (mark, "可用于党建引领部分");
            jj_mark_store_touch (window->marks, mark);
          }
      }
    /* As the popover does after an edit. */
    jj_marks_panel_refresh (window->marks_panel);
  }
  gtk_widget_set_visible (GTK_WIDGET (window->outline_panel), TRUE);
  /* No caret in the pictures. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  adw_flap_set_reveal_flap (window->marks_flap, TRUE);
  jj_test_spin (300);
  jj_reader_view_scroll_key (window->reader_view, GDK_KEY_Home, 0);
  jj_test_spin (300);
  screenshot (GTK_WIDGET (window), "reader-marks-panel");
  adw_flap_set_reveal_flap (window->marks_flap, FALSE);
  jj_test_spin (300);
  jj_reader_view_scroll_key (window->reader_view, GDK_KEY_Home, 0);
  jj_test_spin (300);
  screenshot (GTK_WIDGET (window), "reader");

  /* The passage in the upper half, for the popover to open below it
   * within the window. */
  gtk_adjustment_set_value (vadjustment (window), 420);
  jj_test_spin (300);
  start = offset_of (window, marked[1][0]);
  click_at (window, start + 3);
  g_assert_true (jj_test_wait_until (popover_shown, window));
  jj_test_spin (100);
  screenshot_with (GTK_WIDGET (window), GTK_WIDGET (window->popover), "reader-with-popover-open");
  screenshot (GTK_WIDGET (window->popover), "popover");
  gtk_popover_popdown (GTK_POPOVER (window->popover));
  jj_mark_store_flush (window->marks);

  /* The library of that folder, searching a tag. */
  {
    g_autofree char *index_path = g_build_filename (dir, "index", NULL);
    g_autoptr(GFile) index = g_file_new_for_path (index_path);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(JjLibrary) library = jj_library_new (index);
    GtkWidget *library_window;

    jj_library_add_folder (library, folder);
    library_window = jj_library_window_new (NULL, library);
    gtk_window_set_default_size (GTK_WINDOW (library_window), 1200, 800);
    gtk_window_present (GTK_WINDOW (library_window));
    for (guint i = 0; i < 500 && jj_library_window_get_n_shown (JJ_LIBRARY_WINDOW (library_window)) != 3; i++)
      jj_test_spin (2);
    jj_test_spin (100);
    screenshot (library_window, "library");
    jj_library_window_set_search (JJ_LIBRARY_WINDOW (library_window), "#党建");
    jj_test_spin (100);
    screenshot (library_window, "library-search");
    jj_library_window_set_search (JJ_LIBRARY_WINDOW (library_window), "没有这句话");
    jj_test_spin (100);
    screenshot (library_window, "library-no-results");
    gtk_window_destroy (GTK_WINDOW (library_window));
  }

  /* The speech details and the preferences, to read the UI's wording. */
  {
    g_autoptr(GPtrArray) toplevels = g_ptr_array_new ();
    GListModel *list = gtk_window_get_toplevels ();
    GtkWidget *preferences;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.speech-details", NULL));
    jj_test_spin (300);
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(GtkWidget) toplevel = g_list_model_get_item (list, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_mapped (toplevel))
          g_ptr_array_add (toplevels, toplevel);
      }
    g_assert_cmpuint (toplevels->len, ==, 1);
    screenshot (toplevels->pdata[0], "details");
    gtk_window_destroy (toplevels->pdata[0]);

    preferences = GTK_WIDGET (jj_preferences_window_new (GTK_WINDOW (window)));
    gtk_window_present (GTK_WINDOW (preferences));
    jj_test_spin (300);
    screenshot (preferences, "preferences");
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  /* The main menu and the window without a speech, for the same reason
   * (GtkShortcutsWindow warns of a label's negative width in tests). */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkMenuButton *menu = NULL;
    JjWindow *empty;

    collect (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (gtk_menu_button_get_menu_model (buttons->pdata[i]) != NULL && gtk_widget_get_mapped (buttons->pdata[i]))
        menu = buttons->pdata[i];
    g_assert_nonnull (menu);
    gtk_menu_button_popup (menu);
    jj_test_spin (300);
    screenshot_with (GTK_WIDGET (window), GTK_WIDGET (gtk_menu_button_get_popover (menu)), "main-menu");
    gtk_menu_button_popdown (menu);

    empty = jj_window_new (NULL);
    gtk_window_set_default_size (GTK_WINDOW (empty), 900, 600);
    gtk_window_present (GTK_WINDOW (empty));
    jj_test_spin (300);
    screenshot (GTK_WIDGET (empty), "empty-window");
    gtk_window_destroy (GTK_WINDOW (empty));
  }

  gtk_window_destroy (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    {
      g_autofree char *file = g_strconcat (pictures[i], ".png", NULL);
      g_autofree char *picture = g_build_filename (g_getenv ("JJ_TEST_SCREENS"), file, NULL);
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (picture, NULL);

      g_assert_nonnull (texture);
      g_assert_cmpint (gdk_texture_get_width (texture), >=, 200);
      g_assert_cmpint (gdk_texture_get_height (texture), >=, 100);
    }
  if (own_screens != NULL)
    {
      g_unsetenv ("JJ_TEST_SCREENS");
      jj_test_remove_tree (own_screens);
    }
  jj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  char *home = jj_test_ui_init (&argc, &argv);

  if (home == NULL)
    return 0;

  /* The build's translations, for screenshots in another language:
   * gtk_test_init() set the C locale. */
  if (g_getenv ("JJ_TEST_SCREENS") != NULL && g_getenv ("G_TEST_BUILDDIR") != NULL)
    {
      g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/reader/keys", test_keys);
  g_test_add_func ("/reader/view-stays", test_view_stays);
  g_test_add_func ("/reader/details", test_details);
  g_test_add_func ("/reader/typesetting", test_typesetting);
  g_test_add_func ("/reader/outline-resizable", test_outline_resizable);
  g_test_add_func ("/reader/small-details", test_small_details);
  g_test_add_func ("/reader/menu-accels", test_menu_accels);
  g_test_add_func ("/reader/toast-undo", test_toast_undo);
  g_test_add_func ("/reader/tooltip", test_tooltip);
  g_test_add_func ("/reader/row-tooltip", test_row_tooltip);
  g_test_add_func ("/reader/screenshots", test_screenshots);

  return jj_test_ui_run (home);
}
