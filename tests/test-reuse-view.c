/* test-reuse-view.c — 查重 in the app, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "jj-reuse-view.h"
#include "jj-text-index.h"
#include "test-ui.h"

/* Two speeches written for this test. */
static const char speech_a[] =
  "关于推进社区治理工作的讲话\n"
  "同志们：\n"
  "社区是城市治理的基本单元，做好社区工作关系群众切身利益，必须把服务群众作为第一要务。\n"
  "要把解决群众急难愁盼问题作为出发点和落脚点，持续用力、久久为功。";

static const char speech_b[] =
  "在全市教育工作会议上的讲话\n"
  "教育是国家发展的基础工程，必须坚持育人为本、德育为先，办好人民满意的教育。";

#define TAKEN_A "社区是城市治理的基本单元，做好社区工作关系群众切身利益"
#define TAKEN_B "教育是国家发展的基础工程，必须坚持育人为本、德育为先"
/* TAKEN_A2 with one character changed: 急难愁盼 → 急难愁苦 */
#define NEAR_A "要把解决群众急难愁苦问题作为出发点和落脚点，持续用力"
#define NEAR_A_SOURCE "要把解决群众急难愁盼问题作为出发点和落脚点，持续用力"

typedef struct
{
  char   *dir;
  char   *path_a;
  char   *path_b;
  GFile  *index_file;
  char   *draft;
} Fixture;

typedef struct
{
  char  *path;
  guint  start;
  guint  end;
  guint  count;
} Activation;

static guint
char_offset (const char *text,
             const char *needle)
{
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JjTextIndex) index = NULL;
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("jj-reuse-view-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path_a = g_build_filename (fixture->dir, "a.txt", NULL);
  fixture->path_b = g_build_filename (fixture->dir, "b.txt", NULL);
  db = g_build_filename (fixture->dir, "index.sqlite", NULL);
  fixture->index_file = g_file_new_for_path (db);

  index = jj_text_index_new (fixture->index_file);
  g_assert_true (jj_text_index_open (index, &error));
  g_assert_true (jj_text_index_add_text (index, fixture->path_a, "社区治理", 0, "a", 0, speech_a, NULL, &error));
  g_assert_true (jj_text_index_add_text (index, fixture->path_b, "教育工作", 0, "b", 0, speech_b, NULL, &error));
  g_assert_no_error (error);

  fixture->draft = g_strdup ("新时代的讲话\n"
                             "我们今天开会，研究下一步的安排。" TAKEN_A "。\n"
                             "这一段是完全新写的文字，没有从别处来。" TAKEN_B "。\n"
                             NEAR_A "。最后再说几句自己的话。");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jj_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path_a);
  g_free (fixture->path_b);
  g_object_unref (fixture->index_file);
  g_free (fixture->draft);
}

static gboolean
check_done (gpointer view)
{
  return !jj_reuse_view_is_checking (view);
}

static void
source_activated_cb (JjReuseView *view,
                     const char  *path,
                     guint        start,
                     guint        end,
                     Activation  *activation)
{
  g_free (activation->path);
  activation->path = g_strdup (path);
  activation->start = start;
  activation->end = end;
  activation->count++;
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
  int width, height;

  if (dir == NULL)
    return;

  jj_test_spin (30);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static GtkWindow *
show_view (JjReuseView *view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 900, 600);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  return window;
}

/* Whether the character at @offset of the shown draft wears a tag of the
 * kind @kind ("verbatim" or "near"); returns the tag's name. */
static char *
tag_at (JjReuseView *view,
        guint        offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (jj_reuse_view_get_text_view (view));
  GtkTextIter iter;
  GSList *tags;
  char *name = NULL;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  if (tags != NULL)
    g_object_get (tags->data, "name", &name, NULL);
  g_slist_free (tags);

  return name;
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  JjReuseView *view = JJ_REUSE_VIEW (jj_reuse_view_new ());
  GtkWindow *window = show_view (view);
  Activation activation = { 0 };
  guint a = char_offset (fixture->draft, TAKEN_A);
  guint b = char_offset (fixture->draft, TAKEN_B);
  guint near = char_offset (fixture->draft, NEAR_A);
  guint new_text = char_offset (fixture->draft, "完全新写");
  g_autofree char *tag_a = NULL;
  g_autofree char *tag_b = NULL;
  g_autofree char *tag_near = NULL;
  g_autofree char *tag_new = NULL;
  g_autofree char *shown = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkListBoxRow *row;
  double total;

  g_signal_connect (view, "source-activated", G_CALLBACK (source_activated_cb), &activation);
  /* A check asked for while the speeches are read ahead waits for them. */
  jj_reuse_view_warm_up (fixture->index_file, NULL);
  jj_reuse_view_set_index_file (view, fixture->index_file);
  jj_reuse_view_check_text (view, fixture->draft, NULL);
  g_assert_true (jj_reuse_view_is_checking (view));
  g_assert_true (jj_test_wait_until (check_done, view));

  /* The draft is shown as it is, its stretches tagged by source and kind. */
  buffer = gtk_text_view_get_buffer (jj_reuse_view_get_text_view (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, fixture->draft);
  g_assert_cmpuint (jj_reuse_view_get_n_stretches (view), ==, 3);
  g_assert_cmpuint (jj_reuse_view_get_n_sources (view), ==, 2);
  screenshot (GTK_WIDGET (window), "reuse-view");

  tag_a = tag_at (view, a + 2);
  tag_b = tag_at (view, b + 2);
  tag_near = tag_at (view, near + 2);
  tag_new = tag_at (view, new_text);
  g_assert_nonnull (tag_a);
  g_assert_nonnull (tag_b);
  g_assert_true (g_str_has_suffix (tag_a, "-verbatim"));
  g_assert_true (g_str_has_suffix (tag_b, "-verbatim"));
  g_assert_cmpstr (tag_a, !=, tag_b);
  g_assert_nonnull (tag_near);
  g_assert_true (g_str_has_suffix (tag_near, "-near"));
  /* The near stretch of speech a has speech a's colour. */
  g_assert_true (strncmp (tag_near, tag_a, strlen ("jj-reuse-0")) == 0);
  g_assert_null (tag_new);

  /* Shares: speech a gave more than b; the total is their sum. */
  total = jj_reuse_view_get_total_share (view);
  g_assert_cmpfloat (total, >, 0.5);
  g_assert_cmpfloat (total, <, 0.9);

  /* A click on a stretch opens its source there. */
  g_assert_true (jj_reuse_view_activate_offset (view, b + 3));
  g_assert_cmpuint (activation.count, ==, 1);
  g_assert_cmpstr (activation.path, ==, fixture->path_b);
  g_assert_cmpuint (activation.start, ==, char_offset (speech_b, TAKEN_B));
  g_assert_cmpuint (activation.end, ==, activation.start + g_utf8_strlen (TAKEN_B, -1));
  g_assert_false (jj_reuse_view_activate_offset (view, new_text));
  g_assert_cmpuint (activation.count, ==, 1);

  /* The near stretch opens at its place in the source too. */
  g_assert_true (jj_reuse_view_activate_offset (view, near + 1));
  g_assert_cmpstr (activation.path, ==, fixture->path_a);
  g_assert_cmpuint (activation.start, ==, char_offset (speech_a, NEAR_A_SOURCE));

  /* A source line opens the source at its first stretch. */
  row = jj_reuse_view_get_source_row (view, 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_assert_cmpuint (activation.count, ==, 3);
  g_assert_cmpstr (activation.path, ==, fixture->path_a);
  g_assert_cmpuint (activation.start, ==, char_offset (speech_a, TAKEN_A));

  /* The app keeps the speeches it read: speech b indexed anew without
   * the words taken from it is no source at the next check. */
  {
    g_autoptr(JjTextIndex) index = jj_text_index_new (fixture->index_file);
    g_autoptr(GError) error = NULL;

    g_assert_true (jj_text_index_open (index, &error));
    g_assert_true (jj_text_index_add_text (index, fixture->path_b, "教育工作", 0, "b2", 0,
                                           "在全市教育工作会议上的讲话\n办好人民满意的教育。", NULL, &error));
    g_assert_no_error (error);
  }
  jj_reuse_view_check_text (view, fixture->draft, NULL);
  g_assert_true (jj_test_wait_until (check_done, view));
  g_assert_cmpuint (jj_reuse_view_get_n_stretches (view), ==, 2);
  g_assert_cmpuint (jj_reuse_view_get_n_sources (view), ==, 1);
  g_assert_false (jj_reuse_view_activate_offset (view, b + 3));
  g_assert_true (jj_reuse_view_activate_offset (view, a + 3));
  g_assert_cmpstr (activation.path, ==, fixture->path_a);

  g_free (activation.path);
  gtk_window_destroy (window);
}

/* A .txt draft that is itself a speech of the index is not its own source. */
static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  JjReuseView *view = JJ_REUSE_VIEW (jj_reuse_view_new ());
  GtkWindow *window = show_view (view);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path_a);
  g_autoptr(GFile) missing = NULL;
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.docx", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path_a, speech_a, -1, &error);
  g_assert_no_error (error);

  jj_reuse_view_set_index_file (view, fixture->index_file);
  jj_reuse_view_check_file (view, file, NULL);
  g_assert_true (jj_test_wait_until (check_done, view));
  g_assert_cmpuint (jj_reuse_view_get_n_stretches (view), ==, 0);
  g_assert_cmpuint (jj_reuse_view_get_n_sources (view), ==, 0);
  g_assert_cmpfloat (jj_reuse_view_get_total_share (view), ==, 0);
  g_assert_nonnull (strstr (jj_reuse_view_get_status (view), "1"));

  /* A file that cannot be read says so, in a sentence. */
  missing = g_file_new_for_path (missing_path);
  jj_reuse_view_check_file (view, missing, NULL);
  g_assert_true (jj_test_wait_until (check_done, view));
  g_assert_true (g_str_has_prefix (jj_reuse_view_get_status (view), "The draft could not be checked: "));
  g_assert_cmpuint (jj_reuse_view_get_n_sources (view), ==, 0);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  char *home = jj_test_ui_init (&argc, &argv);

  if (home == NULL)
    return 0;

  g_test_add ("/reuse-view/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/reuse-view/file", Fixture, NULL, fixture_set_up, test_file, fixture_tear_down);

  return jj_test_ui_run (home);
}
