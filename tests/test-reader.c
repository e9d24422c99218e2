/* test-reader.c — reading by keyboard and a view that stays put, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <string.h>
#include <glib/gstdio.h>

#include "jj-mark-store.h"
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

static gboolean
has_document (gpointer data)
{
  return _jj_window_get_document (data) != NULL;
}

static JjWindow *
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JjWindow *window = jj_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  jj_window_open (window, file);
  g_assert_true (jj_test_wait_until (has_document, window));
  jj_test_spin (40);

  return window;
}

/* With JJ_TEST_SCREENS set, saves what @widget shows as NAME.png there. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("JJ_TEST_SCREENS");
  g_autoptr(GdkPaintable) paintable = NULL;
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
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
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
  double before = value (window);
  gint64 usec = press (window, keyval, modifiers);
  double delta;

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

  /* Fifteen pages down: far past the first block, the opening. */
  for (guint i = 0; i < 15; i++)
    check_key (window, "Page Down", GDK_KEY_Page_Down, 0, page / 2, page);
  jj_test_spin (20);
  position = jj_reader_view_get_position (window->reader_view);
  g_test_message ("after 15 pages the top line is at offset %u", position);
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

int
main (int   argc,
      char *argv[])
{
  char *home = jj_test_ui_init (&argc, &argv);

  if (home == NULL)
    return 0;

  g_test_add_func ("/reader/keys", test_keys);

  return jj_test_ui_run (home);
}
