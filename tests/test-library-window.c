/* test-library-window.c — 素材库 under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "jj-hit-row.h"
#include "jj-library-window.h"
#include "jj-mark-store.h"
#include "jj-window.h"
#include "test-ui.h"

static const char *speeches[][2] = {
  { "甲.txt", "在全市安全生产会议上的讲话\n2019年3月1日\n同志们：\n一、要提高认识\n安全生产是底线。\n二、要压实责任\n责任重于泰山。" },
  { "乙.txt", "在文明城市创建动员会上的讲话\n同志们：\n一、要统一思想\n文明创建永无止境。\n二、要狠抓落实\n落实是关键。" },
};

static void
write_speech (const char *dir,
              const char *name,
              const char *text,
              const char *phrase,
              const char *kind)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JjMarkStore) store = NULL;
  g_autofree char *fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(GError) error = NULL;
  const char *found = strstr (text, phrase);
  guint start;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  store = jj_mark_store_new (file);
  g_assert_true (jj_mark_store_load (store, text, fingerprint, &error));
  g_assert_no_error (error);
  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  g_assert_nonnull (jj_mark_store_add_range (store, start, start + g_utf8_strlen (phrase, -1), kind, NULL));
  g_assert_true (jj_mark_store_save (store, &error));
  g_assert_no_error (error);
}

static gboolean
n_shown_is (JjLibraryWindow *window,
            guint            n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (jj_library_window_get_n_shown (window) != n)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static void
test_search (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-library-XXXXXX", NULL);
  g_autofree char *index_path = g_build_filename (dir, "index.xml", NULL);
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(JjLibrary) library = jj_library_new (index);
  JjLibraryWindow *window;

  write_speech (dir, speeches[0][0], speeches[0][1], "安全生产是底线", "golden");
  write_speech (dir, speeches[1][0], speeches[1][1], "文明创建永无止境", "borrow");

  jj_library_add_folder (library, folder);
  window = JJ_LIBRARY_WINDOW (jj_library_window_new (NULL, library));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (n_shown_is (window, 2));
  jj_library_window_set_search (window, "文明");
  g_assert_true (n_shown_is (window, 1));
  jj_library_window_set_search (window, "没有的话");
  g_assert_true (n_shown_is (window, 0));
  jj_library_window_set_search (window, "");
  g_assert_true (n_shown_is (window, 2));

  gtk_window_destroy (GTK_WINDOW (window));

  jj_test_remove_tree (dir);
}

/* A passage marked in another program (jiejian-cli mark, a colleague's
 * copy arriving through a sync) shows in the open 素材库 by itself, and
 * goes when its sidecar is deleted. */
static void
test_follows_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-library-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "2024", NULL);
  g_autofree char *index_path = g_build_filename (dir, "index.xml", NULL);
  g_autofree char *sidecar = NULL;
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(JjLibrary) library = jj_library_new (index);
  JjLibraryWindow *window;
  gint64 start;

  write_speech (dir, speeches[0][0], speeches[0][1], "安全生产是底线", "golden");
  jj_library_add_folder (library, folder);
  window = JJ_LIBRARY_WINDOW (jj_library_window_new (NULL, library));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (n_shown_is (window, 1));

  start = g_get_monotonic_time ();
  write_speech (dir, speeches[1][0], speeches[1][1], "文明创建永无止境", "borrow");
  g_assert_true (n_shown_is (window, 2));
  g_test_message ("a new sidecar shown after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  jj_library_window_set_search (window, "文明创建");
  g_assert_true (n_shown_is (window, 1));
  jj_library_window_set_search (window, "");
  g_assert_true (n_shown_is (window, 2));

  /* In a folder made after the window opened. */
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  write_speech (sub, speeches[0][0], speeches[0][1], "责任重于泰山", "golden");
  g_assert_true (n_shown_is (window, 3));

  start = g_get_monotonic_time ();
  sidecar = g_build_filename (dir, "乙.txt.jiejian.xml", NULL);
  g_assert_cmpint (g_unlink (sidecar), ==, 0);
  g_assert_true (n_shown_is (window, 2));
  g_test_message ("a deleted sidecar gone after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  jj_library_window_set_search (window, "文明创建");
  g_assert_true (n_shown_is (window, 0));

  gtk_window_destroy (GTK_WINDOW (window));

  jj_test_remove_tree (dir);
}

/* A speech whose sidecar cannot go beside it (here: its name is too long
 * for one more suffix) keeps it in the per-user folder, watched too. */
static void
test_follows_fallback (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-library-XXXXXX", NULL);
  g_autofree char *other = g_dir_make_tmp ("jj-opened-XXXXXX", NULL);
  g_autofree char *fallback = jj_mark_store_dup_fallback_folder ();
  g_autofree char *index_path = g_build_filename (dir, "index.xml", NULL);
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *long_path = NULL;
  g_autofree char *fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, speeches[1][1], -1);
  g_autofree char *sidecar = NULL;
  g_autoptr(GFile) long_file = NULL;
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(JjLibrary) library = jj_library_new (index);
  JjSidecarPlace place;
  JjLibraryWindow *window;

  for (guint i = 0; i < 75; i++)
    g_string_append (long_name, "讲");
  g_string_append (long_name, ".txt");
  long_path = g_build_filename (other, long_name->str, NULL);
  long_file = g_file_new_for_path (long_path);
  g_assert_true (g_file_set_contents (long_path, speeches[1][1], -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (fallback, 0700), ==, 0);

  write_speech (dir, speeches[0][0], speeches[0][1], "安全生产是底线", "golden");
  jj_library_add_folder (library, folder);
  jj_library_add_document (library, long_file, NULL, "长标题的讲话");
  window = JJ_LIBRARY_WINDOW (jj_library_window_new (NULL, library));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (n_shown_is (window, 1));

  write_speech (other, long_name->str, speeches[1][1], "落实是关键", "borrow");
  sidecar = jj_mark_store_locate_sidecar (long_file, fingerprint, &place);
  g_assert_cmpint (place, ==, JJ_SIDECAR_PLACE_LONG_NAME);
  g_assert_true (g_str_has_prefix (sidecar, fallback));
  g_assert_true (n_shown_is (window, 2));
  jj_library_window_set_search (window, "落实是关键");
  g_assert_true (n_shown_is (window, 1));

  g_assert_cmpint (g_unlink (sidecar), ==, 0);
  g_assert_true (n_shown_is (window, 0));

  gtk_window_destroy (GTK_WINDOW (window));

  jj_test_remove_tree (dir);
  jj_test_remove_tree (other);
}

typedef struct
{
  char  *path;
  guint  start;
  guint  end;
} Opened;

static void
hit_activated_cb (JjTextSearchView *view,
                  const char       *path,
                  guint             start,
                  guint             end,
                  Opened           *opened)
{
  g_free (opened->path);
  opened->path = g_strdup (path);
  opened->start = start;
  opened->end = end;
}

static gboolean
n_hits_is (JjTextSearchView *view,
           guint             n)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (jj_text_search_view_is_indexing (view) || jj_text_search_view_get_n_hits (view) != n)
    {
      if (g_get_monotonic_time () > deadline)
        {
          /* The status line: a label, then the sort switch. */
          GtkWidget *status = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (view)));

          g_test_message ("Full text: %s, %u hits", gtk_label_get_label (GTK_LABEL (status)),
                          jj_text_search_view_get_n_hits (view));
          return FALSE;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
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

static const char *
hit_path (JjTextSearchView *view,
          guint             n)
{
  GtkListBoxRow *row = jj_text_search_view_get_hit_row (view, n);

  g_assert_nonnull (row);
  return jj_hit_row_get_hit (JJ_HIT_ROW (row))->path;
}

static guint
hit_start (JjTextSearchView *view,
           guint             n)
{
  return jj_hit_row_get_hit (JJ_HIT_ROW (jj_text_search_view_get_hit_row (view, n)))->start;
}

static void
label_changed_cb (GtkLabel   *label,
                  GParamSpec *pspec,
                  GPtrArray  *said)
{
  g_ptr_array_add (said, g_strdup (gtk_label_get_label (label)));
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *message;
} Marked;

static void
marked_cb (JjHitRow   *row,
           gboolean    ok,
           const char *message,
           Marked     *marked)
{
  marked->done = TRUE;
  marked->ok = ok;
  g_free (marked->message);
  marked->message = g_strdup (message);
}

static gboolean
is_marked (gpointer data)
{
  return ((Marked *)data)->done;
}

static gboolean
window_has_one_mark (gpointer window)
{
  return g_list_model_get_n_items (jj_mark_store_get_marks (_jj_window_get_marks (window))) == 1;
}

/* The marks in the sidecar of @path quoting @quote, read as a new store. */
static guint
count_marks (const char *path,
             const char *quote)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GListModel *marks;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  jj_mark_store_set_read_only (store, TRUE);
  g_assert_true (jj_mark_store_load (store, text, NULL, &error));
  g_assert_no_error (error);
  marks = jj_mark_store_get_marks (store);
  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (marks, i);

      n += g_strcmp0 (jj_mark_get_quote (mark), quote) == 0;
    }
  return n;
}

/* All text: a speech nobody marked is searched too, sorted by relevance
 * or date, and a hit opens and is marked from its row. */
static void
test_full_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-library-XXXXXX", NULL);
  g_autofree char *index_path = g_build_filename (dir, "index.xml", NULL);
  g_autofree char *unmarked = g_build_filename (dir, "丙.txt", NULL);
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(JjLibrary) library = jj_library_new (index);
  JjLibraryWindow *window;
  JjTextSearchView *view;
  g_autofree char *first = g_build_filename (dir, speeches[0][0], NULL);
  Opened opened = { NULL, 0, 0 };
  Marked marked = { FALSE, FALSE, NULL };
  g_autofree char *text = NULL;
  g_autofree char *hit = NULL;
  JjWindow *reader;
  JjHitRow *row;

  write_speech (dir, speeches[0][0], speeches[0][1], "安全生产是底线", "golden");
  write_speech (dir, speeches[1][0], speeches[1][1], "文明创建永无止境", "borrow");
  g_assert_true (g_file_set_contents (unmarked, "在防汛工作会议上的讲话\n2023年5月6日\n责任重如泰山，不能有丝毫松懈。", -1, NULL));

  jj_library_add_folder (library, folder);
  window = JJ_LIBRARY_WINDOW (jj_library_window_new (NULL, library));
  view = jj_library_window_get_text_view (window);
  g_signal_connect (view, "hit-activated", G_CALLBACK (hit_activated_cb), &opened);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (n_shown_is (window, 2));

  {
    GtkWidget *status = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (view)));
    g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
    gulong id = g_signal_connect (status, "notify::label", G_CALLBACK (label_changed_cb), said);

    jj_library_window_set_all_text (window, TRUE);
    jj_library_window_set_search (window, "泰山");
    g_assert_true (n_hits_is (view, 2));
    g_signal_handler_disconnect (status, id);

    /* The first indexing said how far it was, up to every speech. */
    g_assert_true (g_ptr_array_find_with_equal_func (said, "Indexing speeches: 3 of 3", g_str_equal, NULL));
  }

  /* Traditional characters find the simplified text. */
  jj_library_window_set_search (window, "責任");
  g_assert_true (n_hits_is (view, 3));

  /* By relevance the speech saying it twice comes first, by date the
   * newer one; within a speech the hits keep their order. */
  g_assert_cmpint (jj_text_search_view_get_sort (view), ==, JJ_TEXT_SEARCH_SORT_RELEVANCE);
  g_assert_cmpstr (hit_path (view, 0), ==, first);
  g_assert_cmpstr (hit_path (view, 1), ==, first);
  g_assert_cmpuint (hit_start (view, 0), <, hit_start (view, 1));
  g_assert_cmpstr (hit_path (view, 2), ==, unmarked);
  jj_text_search_view_set_sort (view, JJ_TEXT_SEARCH_SORT_DATE);
  g_assert_true (n_hits_is (view, 3));
  g_assert_cmpstr (hit_path (view, 0), ==, unmarked);
  g_assert_cmpstr (hit_path (view, 1), ==, first);
  g_assert_cmpstr (hit_path (view, 2), ==, first);
  screenshot (GTK_WIDGET (window), "library-all-text-by-date");
  g_assert_cmpuint (hit_start (view, 1), <, hit_start (view, 2));
  jj_text_search_view_set_sort (view, JJ_TEXT_SEARCH_SORT_RELEVANCE);
  g_assert_cmpstr (hit_path (view, 0), ==, first);

  jj_library_window_set_search (window, "丝毫松懈");
  g_assert_true (n_hits_is (view, 1));
  gtk_widget_activate (GTK_WIDGET (jj_text_search_view_get_hit_row (view, 0)));
  g_assert_cmpstr (opened.path, ==, unmarked);
  g_assert_true (g_file_get_contents (unmarked, &text, NULL, NULL));
  hit = g_utf8_substring (text, opened.start, opened.end);
  g_assert_cmpstr (hit, ==, "丝毫松懈");

  /* Marked from the result: the sentence goes into the speech's sidecar,
   * and a window showing the speech shows the mark. */
  reader = jj_test_open_path (unmarked, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_store_get_marks (_jj_window_get_marks (reader))), ==, 0);
  row = JJ_HIT_ROW (jj_text_search_view_get_hit_row (view, 0));
  g_signal_connect (row, "marked", G_CALLBACK (marked_cb), &marked);
  jj_hit_row_mark (row);
  g_assert_true (jj_test_wait_until (is_marked, &marked));
  g_assert_true (marked.ok);
  g_assert_nonnull (strstr (marked.message, "在防汛工作会议上的讲话"));
  g_assert_cmpuint (count_marks (unmarked, "责任重如泰山，不能有丝毫松懈。"), ==, 1);
  g_assert_true (jj_test_wait_until (window_has_one_mark, reader));
  {
    g_autoptr(JjMark) mark = g_list_model_get_item (jj_mark_store_get_marks (_jj_window_get_marks (reader)), 0);

    g_assert_cmpstr (jj_mark_get_quote (mark), ==, "责任重如泰山，不能有丝毫松懈。");
  }
  gtk_window_destroy (GTK_WINDOW (reader));

  /* Back to the marked passages. */
  jj_library_window_set_all_text (window, FALSE);
  jj_library_window_set_search (window, "");
  g_assert_true (n_shown_is (window, 2));

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (opened.path);
  g_free (marked.message);

  jj_test_remove_tree (dir);
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

static GtkMenuButton *
export_button (JjLibraryWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (buttons->pdata[i]), "export_button") == 0 ||
        (gtk_menu_button_get_label (buttons->pdata[i]) != NULL &&
         g_str_has_prefix (gtk_menu_button_get_label (buttons->pdata[i]), "Export")))
      return buttons->pdata[i];

  g_error ("no export button");
}

static AdwStatusPage *
shown_status_page (JjLibraryWindow *window)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    if (gtk_widget_get_mapped (pages->pdata[i]))
      return pages->pdata[i];

  return NULL;
}

/* Whether a label of a row shows @text highlighted. */
static gboolean
highlighted (JjLibraryWindow *window,
             const char      *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *marked = g_strdup_printf ("\">%s</span></b>", text);

  collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_label_get_use_markup (labels->pdata[i]) &&
        strstr (gtk_label_get_label (labels->pdata[i]), marked) != NULL)
      return TRUE;

  return FALSE;
}

/* Tags are searched with or without #, what matched is highlighted, no
 * result is said as such, and export says what it exports. */
static void
test_search_details (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-library-XXXXXX", NULL);
  g_autofree char *index_path = g_build_filename (dir, "index.xml", NULL);
  g_autofree char *tagged = g_build_filename (dir, speeches[1][0], NULL);
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(JjLibrary) library = jj_library_new (index);
  JjLibraryWindow *window;
  GtkSelectionModel *model;
  AdwStatusPage *page;

  write_speech (dir, speeches[0][0], speeches[0][1], "安全生产是底线", "golden");
  write_speech (dir, speeches[1][0], speeches[1][1], "文明创建永无止境", "borrow");
  {
    g_autoptr(GFile) file = g_file_new_for_path (tagged);
    g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
    g_autoptr(GError) error = NULL;
    g_autofree char *fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, speeches[1][1], -1);
    g_autoptr(JjMark) mark = NULL;

    g_assert_true (jj_mark_store_load (store, speeches[1][1], fingerprint, &error));
    mark = g_list_model_get_item (jj_mark_store_get_marks (store), 0);
    jj_mark_set_tags (mark, (const char *[]) { "党建", NULL });
    jj_mark_store_touch (store, mark);
    g_assert_true (jj_mark_store_save (store, &error));
    g_assert_no_error (error);
  }

  jj_library_add_folder (library, folder);
  window = JJ_LIBRARY_WINDOW (jj_library_window_new (NULL, library));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (n_shown_is (window, 2));
  g_assert_cmpstr (gtk_menu_button_get_label (export_button (window)), ==, "Export 2 Passages");

  jj_library_window_set_search (window, "党建");
  g_assert_true (n_shown_is (window, 1));
  jj_library_window_set_search (window, "#党建");
  g_assert_true (n_shown_is (window, 1));
  jj_test_spin (20);
  g_assert_true (highlighted (window, "党建"));
  g_assert_cmpstr (gtk_menu_button_get_label (export_button (window)), ==, "Export 1 Passage");

  jj_library_window_set_search (window, "底线");
  g_assert_true (n_shown_is (window, 1));
  jj_test_spin (20);
  g_assert_true (highlighted (window, "底线"));

  /* Nothing found is not an empty library. */
  jj_library_window_set_search (window, "没有的话");
  g_assert_true (n_shown_is (window, 0));
  jj_test_spin (20);
  page = shown_status_page (window);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Passages Found");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "“没有的话”"));

  /* A passage selected (a double-click selects it): the button says so,
   * and a new search does not keep it. */
  jj_library_window_set_search (window, "");
  g_assert_true (n_shown_is (window, 2));
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    collect (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, views);
    model = NULL;
    /* The passages' list, not a drop-down's. */
    for (guint i = 0; i < views->len; i++)
      if (GTK_IS_MULTI_SELECTION (gtk_list_view_get_model (views->pdata[i])))
        model = gtk_list_view_get_model (views->pdata[i]);
    g_assert_nonnull (model);
  }
  gtk_selection_model_select_item (model, 0, TRUE);
  g_assert_cmpstr (gtk_menu_button_get_label (export_button (window)), ==, "Export 1 Selected Passage");
  jj_library_window_set_search (window, "文明");
  g_assert_true (n_shown_is (window, 1));
  jj_library_window_set_search (window, "");
  g_assert_true (n_shown_is (window, 2));
  g_assert_cmpstr (gtk_menu_button_get_label (export_button (window)), ==, "Export 2 Passages");

  gtk_window_destroy (GTK_WINDOW (window));
  jj_test_remove_tree (dir);
}

static void
write_speech_by (const char *dir,
                 const char *name,
                 const char *text,
                 const char *phrase,
                 const char *author)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
  g_autoptr(GError) error = NULL;
  guint start = g_utf8_pointer_to_offset (text, strstr (text, phrase));
  JjMark *mark;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (jj_mark_store_load (store, text, NULL, &error));
  g_assert_no_error (error);
  mark = jj_mark_store_add_range (store, start, start + g_utf8_strlen (phrase, -1), "golden", NULL);
  jj_mark_set_author (mark, author);
  jj_mark_store_touch (store, mark);
  g_assert_true (jj_mark_store_save (store, &error));
  g_assert_no_error (error);
}

static GtkDropDown *
author_dropdown (JjLibraryWindow *window)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  collect (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (dropdowns->pdata[i]);

      if (GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 0 &&
          g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "Everyone"))
        return dropdowns->pdata[i];
    }
  g_error ("no author filter");
}

/* A team's library: the passages of each writer, the user's own first. */
static void
test_authors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-library-XXXXXX", NULL);
  g_autofree char *index_path = g_build_filename (dir, "index.xml", NULL);
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(JjLibrary) library = jj_library_new (index);
  g_autoptr(GSettings) settings = g_settings_new ("org.jiejian.Jiejian");
  JjLibraryWindow *window;
  GtkDropDown *authors;
  GListModel *choices;

  g_settings_set_string (settings, "author", "王五");
  write_speech_by (dir, speeches[0][0], speeches[0][1], "安全生产是底线", "王五");
  write_speech_by (dir, speeches[1][0], speeches[1][1], "文明创建永无止境", "张三");
  write_speech_by (dir, "丙.txt", "在全县教育工作会议上的讲话\n同志们：\n教育是国之大计。", "教育是国之大计", "李四");

  jj_library_add_folder (library, folder);
  window = JJ_LIBRARY_WINDOW (jj_library_window_new (NULL, library));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (n_shown_is (window, 3));

  authors = author_dropdown (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (authors)));
  choices = gtk_drop_down_get_model (authors);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==, "My Marks");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 2), ==, "张三");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 3), ==, "李四");

  gtk_drop_down_set_selected (authors, 1);
  g_assert_true (n_shown_is (window, 1));
  jj_library_window_set_search (window, "安全");
  g_assert_true (n_shown_is (window, 1));
  jj_library_window_set_search (window, "文明");
  g_assert_true (n_shown_is (window, 0));
  jj_library_window_set_search (window, "");
  gtk_drop_down_set_selected (authors, 2);
  g_assert_true (n_shown_is (window, 1));
  gtk_drop_down_set_selected (authors, 0);
  g_assert_true (n_shown_is (window, 3));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "author");
  jj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The full-text index goes to the cache folder: one of the test's own. */
  g_autofree char *cache = g_dir_make_tmp ("jj-test-cache-XXXXXX", NULL);
  char *home;
  int status;

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  home = jj_test_ui_init (&argc, &argv);
  if (home == NULL)
    {
      jj_test_remove_tree (cache);
      return 0;
    }

  g_test_add_func ("/library-window/search", test_search);
  g_test_add_func ("/library-window/full-text", test_full_text);
  g_test_add_func ("/library-window/search-details", test_search_details);
  g_test_add_func ("/library-window/authors", test_authors);
  g_test_add_func ("/library-window/follows-disk", test_follows_disk);
  g_test_add_func ("/library-window/follows-fallback", test_follows_fallback);

  status = jj_test_ui_run (home);
  jj_test_remove_tree (cache);
  return status;
}
