/* test-window.c — the reader window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <string.h>
#include <glib/gstdio.h>

#include "jj-mark-store.h"
#include "jj-outline.h"
#include "jj-window-private.h"
#include "test-ui.h"

static JjWindow *
open_sample_sized (const char *name,
                   int         width,
                   int         height)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "samples", name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  return jj_test_open_path (path, width, height);
}

static JjWindow *
open_sample (const char *name)
{
  return open_sample_sized (name, 0, 0);
}

static void
test_open_sample (void)
{
  JjWindow *window = open_sample ("civilized-city-speech.txt");
  JjOutlinePanel *panel;
  static const char *expected[] = {
    "全国文明城市建设工作培训会议讲话",
    "同志们：",
    "一、要牢牢把握新形势",
    "一是“新一轮”",
    "二是“新复检”",
    "三是“新面孔”",
    "二、要切实提高新认识",
    "一要坚持以群众为中心",
    "二要坚持以典范为目标",
    "三要坚持以问题为导向",
    "三、要严格落实新要求",
    "一方面，要吃透测评标准",
    "另一方面，要用好培训成果",
  };


  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "全国文明城市建设工作培训会议讲话");

  panel = _jj_window_get_outline_panel (window);
  g_assert_cmpuint (jj_outline_panel_get_n_rows (panel), ==, G_N_ELEMENTS (expected) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (jj_outline_entry_get_title (jj_outline_panel_get_row_entry (panel, i)), ==, expected[i]);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  JjReaderView *view;
  guint         target;
} PositionWait;

static gboolean
position_reached (gpointer data)
{
  PositionWait *wait = data;
  guint position = jj_reader_view_get_position (wait->view);

  /* The top line holds the heading: its first character or a little after. */
  return position >= wait->target && position < wait->target + 40;
}

static void
test_outline_scrolls_reader (void)
{
  /* Low enough that the last heading can come to the top. */
  JjWindow *window = open_sample_sized ("civilized-city-speech.txt", 900, 400);
  JjOutlinePanel *panel;
  JjOutlineEntry *entry;
  PositionWait wait;


  panel = _jj_window_get_outline_panel (window);
  /* Row 10 is “三、要严格落实新要求”, far below the first screen. */
  entry = jj_outline_panel_get_row_entry (panel, 10);
  g_assert_cmpstr (jj_outline_entry_get_title (entry), ==, "三、要严格落实新要求");

  jj_outline_panel_activate_row (panel, 10);
  wait.view = _jj_window_get_reader_view (window);
  wait.target = jj_outline_entry_get_start (entry);
  if (!jj_test_wait_until (position_reached, &wait))
    g_error ("reader at %u, heading at %u", jj_reader_view_get_position (wait.view), wait.target);

  gtk_window_destroy (GTK_WINDOW (window));
}

static JjWindow *
open_path (const char *path)
{
  return jj_test_open_path (path, 0, 0);
}

static void
test_mark_and_reopen (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "samples",
                                                   "civilized-city-speech.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("jj-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.txt", NULL);
  g_autofree char *sidecar_path = g_strconcat (path, ".jiejian.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *quote = NULL;
  JjWindow *window;
  JjDocument *document;
  JjTestSelection wait;
  const char *text;
  const char *found;

  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  window = open_path (path);
  document = _jj_window_get_document (window);
  text = jj_document_get_text (document);
  found = strstr (text, "吃透测评标准");
  g_assert_nonnull (found);

  wait.view = _jj_window_get_reader_view (window);
  wait.start = g_utf8_pointer_to_offset (text, found);
  wait.end = wait.start + 6;
  jj_reader_view_select_range (wait.view, wait.start, wait.end);
  g_assert_true (jj_test_wait_until (jj_test_selection_is, &wait));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "golden"));
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_store_get_marks (_jj_window_get_marks (window))), ==, 1);
  g_assert_cmpuint (jj_marks_panel_get_n_shown (_jj_window_get_marks_panel (window)), ==, 1);

  /* Closing writes the sidecar at once, whatever the save delay. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_file_get_contents (sidecar_path, &sidecar, NULL, NULL));
  g_assert_nonnull (strstr (sidecar, "吃透测评标准"));
  g_assert_nonnull (strstr (sidecar, "golden"));
  g_assert_nonnull (strstr (sidecar, "三、要严格落实新要求"));

  window = open_path (path);
  {
    GListModel *marks = jj_mark_store_get_marks (_jj_window_get_marks (window));
    g_autoptr(JjMark) mark = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 1);
    mark = g_list_model_get_item (marks, 0);
    g_assert_cmpstr (jj_mark_get_quote (mark), ==, "吃透测评标准");
    g_assert_cmpuint (jj_mark_get_start (mark), ==, wait.start);
    g_assert_cmpint (jj_mark_get_status (mark), ==, JJ_MARK_STATUS_PLACED);
  }
  g_assert_cmpuint (jj_marks_panel_get_n_shown (_jj_window_get_marks_panel (window)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));

  jj_test_remove_tree (dir);
}

static void
test_original_characters (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JJ_SOURCE_ROOT"), "data", "samples",
                                            "civilized-city-speech.webpage.txt", NULL);
  JjWindow *window = open_path (path);
  JjOutlinePanel *panel = _jj_window_get_outline_panel (window);

  /* Traditional text is shown simplified by default… */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "全国文明城市建设工作培训会议讲话");
  g_assert_cmpstr (jj_outline_panel_get_row_title (panel, 2), ==, "一、要牢牢把握新形势");

  /* …and in its own characters on request; title and outline follow. */
  g_object_set (window, "show-original", TRUE, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "全國文明城市建設工作培訓會議講話");
  g_assert_cmpstr (jj_outline_panel_get_row_title (panel, 2), ==, "一、要牢牢把握新形勢");

  g_object_set (window, "show-original", FALSE, NULL);
  g_assert_cmpstr (jj_outline_panel_get_row_title (panel, 2), ==, "一、要牢牢把握新形势");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
selection_set (gpointer data)
{
  return jj_reader_view_get_selection (data, NULL, NULL);
}

static void
test_find (void)
{
  JjWindow *window = open_sample ("civilized-city-speech.txt");
  guint start, end, expected = 0;
  g_autofree char *selected = NULL;
  g_autofree char *count = NULL;
  g_autofree char *last = NULL;


  for (const char *p = strstr (jj_document_get_text (window->document), "文明"); p; p = strstr (p + 1, "文明"))
    expected++;
  g_assert_cmpuint (expected, >, 10);
  count = g_strdup_printf ("%u matches", expected);
  last = g_strdup_printf ("%u of %u", expected, expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "文明");
  /* GtkSearchEntry reports changes after a short delay. */
  while (window->matches == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (window->matches->len, ==, expected);
  g_assert_cmpstr (gtk_label_get_label (window->match_label), ==, count);

  /* Next selects the match, ready to be marked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (window->match_label), "1 of "));
  g_assert_true (jj_test_wait_until (selection_set, window->reader_view));
  g_assert_true (jj_reader_view_get_selection (window->reader_view, &start, &end));
  selected = jj_document_dup_range (window->document, start, end);
  g_assert_cmpstr (selected, ==, "文明");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL));
  g_assert_cmpstr (gtk_label_get_label (window->match_label), ==, last);

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "不存在的词语");
  while (window->matches == NULL || window->matches->len != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_label_get_label (window->match_label), ==, "No matches");

  gtk_window_destroy (GTK_WINDOW (window));
}

static JjWindow *
open_text (const char *dir,
           const char *text)
{
  g_autofree char *path = g_build_filename (dir, "speech.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JjWindow *window;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = jj_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  jj_window_open (window, file);
  g_assert_true (jj_test_wait_until (jj_test_window_has_document, window));

  return window;
}

/* The opening page follows the load to its end. */
static void
test_opening_progress (void)
{
  JjWindow *window = open_sample ("civilized-city-speech.txt");


  g_assert_cmpfloat (gtk_progress_bar_get_fraction (window->loading_progress), ==, 1.0);
  g_assert_cmpstr (gtk_label_get_label (window->loading_stage), ==, "Finding the outline");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "document");

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  char *uri;
} RecentWait;

static gboolean
recorded_in_recent_files (gpointer data)
{
  RecentWait *wait = data;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr(GBookmarkFile) list = g_bookmark_file_new ();

  return g_bookmark_file_load_from_file (list, path, NULL) &&
         g_bookmark_file_has_application (list, wait->uri, "jiejian", NULL);
}

static GtkWidget *
recent_row (JjWindow   *window,
            const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->recent_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_PREFERENCES_ROW (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return row;
    }

  return NULL;
}

static gboolean
lists_sample (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (((JjWindow *) data)->recent_list)) &&
         recent_row (data, "全国文明城市建设工作培训会议讲话") != NULL;
}

/* An opened speech goes into the desktop's recent files, under its title,
 * and the empty window offers it; choosing it opens it. */
static void
test_recent_documents (void)
{
  JjWindow *window = open_sample ("civilized-city-speech.txt");
  JjWindow *empty;
  RecentWait wait;
  GtkWidget *row;


  wait.uri = g_file_get_uri (jj_document_get_file (_jj_window_get_document (window)));
  g_assert_true (jj_test_wait_until (recorded_in_recent_files, &wait));
  gtk_window_destroy (GTK_WINDOW (window));

  /* A file exported from the app, recorded by GTK's save dialog as
   * the app's: not a speech to offer. */
  {
    g_autofree char *export_path = g_build_filename (g_get_user_data_dir (), "导出的素材.docx", NULL);
    g_autofree char *export_uri = NULL;
    GtkRecentManager *manager = gtk_recent_manager_get_default ();

    g_mkdir_with_parents (g_get_user_data_dir (), 0700);
    g_assert_true (g_file_set_contents (export_path, "x", 1, NULL));
    export_uri = g_filename_to_uri (export_path, NULL, NULL);
    GtkRecentData recent = { NULL, NULL, (char *) "application/octet-stream",
                             (char *) "jiejian", (char *) "jiejian %u", NULL, FALSE };

    /* As the dialog records it in the app: the app's name, no title. */
    g_assert_true (gtk_recent_manager_add_full (manager, export_uri, &recent));
    while (!gtk_recent_manager_has_item (manager, export_uri))
      g_main_context_iteration (NULL, TRUE);
  }

  empty = jj_window_new (NULL);
  gtk_window_present (GTK_WINDOW (empty));
  g_assert_true (jj_test_wait_until (lists_sample, empty));
  g_assert_null (recent_row (empty, "导出的素材.docx"));

  row = recent_row (empty, "全国文明城市建设工作培训会议讲话");
  g_signal_emit_by_name (empty->recent_list, "row-activated", row);
  g_assert_true (jj_test_wait_until (jj_test_window_has_document, empty));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (empty)), ==, "全国文明城市建设工作培训会议讲话");

  gtk_window_destroy (GTK_WINDOW (empty));
  g_free (wait.uri);
}

/* The outline says when the speech announces another number of parts
 * than it has, and nothing when they agree.
 */
/* A parallel series in the outline is marked as a whole */
static void
test_mark_series (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.txt", NULL);
  g_autofree char *sidecar = g_strconcat (path, ".jiejian.xml", NULL);
  const char *body =
    "一、回顾\n"
    "这五年，我们把稳增长放在首位，经济总量迈上新台阶。\n"
    "这五年，我们把改革推向深入，市场活力明显增强。\n"
    "这五年，我们把民生摆在心上，群众获得感不断提升。\n"
    "二、任务\n"
    "今年要抓好三件事。\n";
  JjOutlinePanel *panel;
  JjOutlineEntry *entry = NULL;
  GListModel *marks;
  g_autoptr(JjMark) mark = NULL;
  JjWindow *window;
  guint row, heading_row = G_MAXUINT;

  window = open_text (dir, body);
  panel = _jj_window_get_outline_panel (window);
  marks = jj_mark_store_get_marks (_jj_window_get_marks (window));
  for (row = 0; row < jj_outline_panel_get_n_rows (panel); row++)
    {
      JjOutlineEntry *e = jj_outline_panel_get_row_entry (panel, row);

      if (jj_outline_entry_get_kind (e) == JJ_OUTLINE_KIND_PARALLEL)
        {
          entry = e;
          break;
        }
      if (jj_outline_entry_get_kind (e) == JJ_OUTLINE_KIND_HEADING)
        heading_row = row;
    }
  g_assert_nonnull (entry);
  g_assert_cmpuint (heading_row, !=, G_MAXUINT);

  /* a heading is no series: nothing is marked */
  jj_outline_panel_activate_row (panel, heading_row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "outline.mark-series", "s", "golden"));
  g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 0);

  jj_outline_panel_activate_row (panel, row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "outline.mark-series", "s", "golden"));
  g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 1);
  mark = g_list_model_get_item (marks, 0);
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "golden");
  g_assert_cmpuint (jj_mark_get_start (mark), ==, jj_outline_entry_get_start (entry));
  g_assert_cmpuint (jj_mark_get_end (mark), ==, jj_outline_entry_get_end (entry));
  g_assert_true (g_str_has_prefix (jj_mark_get_quote (mark), "这五年，我们把稳增长"));
  g_assert_true (g_str_has_suffix (jj_mark_get_quote (mark), "群众获得感不断提升。"));
  g_assert_cmpuint (jj_marks_panel_get_n_shown (_jj_window_get_marks_panel (window)), ==, 1);

  /* the row of a member, below the series, marks the whole series too */
  g_assert_true (jj_outline_entry_get_parent (jj_outline_panel_get_row_entry (panel, row + 1)) == entry);
  jj_outline_panel_activate_row (panel, row + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "outline.mark-series", "s", "outline"));
  g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 2);
  /* The two marks cover the same text: their order in the store is not
   * the order they were made in. */
  g_clear_object (&mark);
  mark = g_list_model_get_item (marks, 0);
  if (g_str_equal (jj_mark_get_kind (mark), "golden"))
    {
      g_clear_object (&mark);
      mark = g_list_model_get_item (marks, 1);
    }
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "outline");
  g_assert_cmpuint (jj_mark_get_start (mark), ==, jj_outline_entry_get_start (entry));
  g_assert_cmpuint (jj_mark_get_end (mark), ==, jj_outline_entry_get_end (entry));

  gtk_window_close (GTK_WINDOW (window));
  g_unlink (sidecar);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_announced_count (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.txt", NULL);
  const char *body =
    "在全区安全生产工作会议上的讲话\n"
    "同志们：\n"
    "今天召开这次会议，主要是部署下一阶段的工作。下面，我讲三点意见。\n"
    "一、要提高思想认识\n"
    "安全生产事关群众生命财产安全，各级各部门必须高度重视。\n"
    "二、要压实工作责任\n"
    "要层层签订责任书，把责任落实到每一个岗位、每一个人。\n";
  g_autoptr(GString) three = g_string_new (body);
  JjWindow *window;
  const char *note;

  window = open_text (dir, body);
  note = jj_outline_panel_get_count_note (_jj_window_get_outline_panel (window));
  g_assert_nonnull (note);
  g_test_message ("%s", note);
  g_assert_nonnull (strstr (note, "3"));
  g_assert_nonnull (strstr (note, "2"));
  gtk_window_destroy (GTK_WINDOW (window));

  g_string_append (three, "三、要强化督查问责\n对工作不力的单位，要严肃追责问责。\n");
  window = open_text (dir, three->str);
  g_assert_null (jj_outline_panel_get_count_note (_jj_window_get_outline_panel (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (path);
  g_rmdir (dir);
}

static void
collect_text_views (GtkWidget *widget,
                    GPtrArray *views)
{
  if (GTK_IS_TEXT_VIEW (widget) && gtk_widget_has_css_class (widget, "reader-text"))
    g_ptr_array_add (views, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text_views (child, views);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Rows of the reader that hold text, and rows in all. */
static guint
count_filled_rows (JjWindow *window,
                   guint    *n_rows)
{
  GtkWidget *reader = GTK_WIDGET (_jj_window_get_reader_view (window));
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *list = find_list_view (reader);
  guint filled = 0;

  collect_text_views (reader, views);
  for (guint i = 0; i < views->len; i++)
    if (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (views->pdata[i])) > 0)
      filled++;

  *n_rows = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    (*n_rows)++;

  return filled;
}

/* A text of several MB: only the rows near the screen are laid out, and
 * scrolling far lays out what comes into view, with the right text.
 */
static void
test_large_document (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.txt", NULL);
  g_autoptr(GString) text = g_string_new ("测试文集\n");
  g_autoptr(GFile) file = NULL;
  g_autofree char *selected = NULL;
  JjWindow *window;
  JjReaderView *view;
  PositionWait wait;
  guint n_rows, filled, start, end, offset;
  const char *target;

  for (guint i = 0; i < 12000; i++)
    g_string_append_printf (text, "第%u段：坚持以人民为中心的发展思想，推动各项工作落地见效，把好事办实、把实事办好。\n", i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  window = jj_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (path);
  jj_window_open (window, file);
  g_assert_true (jj_test_wait_until (jj_test_window_has_document, window));
  jj_test_spin (200);

  filled = count_filled_rows (window, &n_rows);
  g_test_message ("%u of %u rows laid out", filled, n_rows);
  g_assert_cmpuint (n_rows, >=, 20);
  g_assert_cmpuint (filled, >=, 1);
  g_assert_cmpuint (filled, <=, 6);

  /* Near the end, in a block no row has held yet. */
  view = _jj_window_get_reader_view (window);
  target = strstr (jj_document_get_text (window->document), "第11900段");
  g_assert_nonnull (target);
  offset = g_utf8_pointer_to_offset (jj_document_get_text (window->document), target);
  jj_reader_view_select_range (view, offset, offset + 7);
  g_assert_true (jj_test_wait_until (selection_set, view));
  g_assert_true (jj_reader_view_get_selection (view, &start, &end));
  selected = jj_document_dup_range (window->document, start, end);
  g_assert_cmpstr (selected, ==, "第11900段");

  wait.view = view;
  wait.target = offset;
  if (!jj_test_wait_until (position_reached, &wait))
    g_error ("reader at %u, target at %u", jj_reader_view_get_position (view), offset);
  jj_test_spin (200);
  filled = count_filled_rows (window, &n_rows);
  g_test_message ("after the jump: %u of %u rows laid out", filled, n_rows);
  g_assert_cmpuint (filled, <=, 8);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static GtkTreeListRow *
outline_row (JjOutlinePanel *panel,
             guint           i)
{
  GtkWidget *list = find_list_view (GTK_WIDGET (panel));

  return g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))), i);
}

static guint
selected_outline_row (JjOutlinePanel *panel)
{
  GtkWidget *list = find_list_view (GTK_WIDGET (panel));

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

/* What the scroll-spy must select: the row of the deepest section holding
 * @offset among those shown, found by looking at every row.
 */
static guint
expected_outline_row (JjOutlinePanel *panel,
                      JjOutline      *outline,
                      guint           offset)
{
  guint n = jj_outline_panel_get_n_rows (panel);

  for (JjOutlineEntry *e = jj_outline_lookup (outline, offset); e; e = jj_outline_entry_get_parent (e))
    for (guint i = 0; i < n; i++)
      if (jj_outline_panel_get_row_entry (panel, i) == e)
        return i;

  return GTK_INVALID_LIST_POSITION;
}

/* An outline of thousands of entries opens collapsed; the scroll-spy
 * selects the row of the section being read, a collapsed one for what it
 * holds, an expanded one's child for its own text.
 */
static void
test_outline_scroll_spy (void)
{
  static const char *numbers[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
  g_autofree char *dir = g_dir_make_tmp ("jj-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sections.txt", NULL);
  g_autoptr(GString) text = g_string_new ("在全市工作会议上的讲话\n同志们：\n");
  JjOutlinePanel *panel;
  JjOutline *outline;
  JjWindow *window;
  guint n_entries, n_rows, checked = 0;
  gint64 t0, spent = 0;

  for (guint h = 0; h < 600; h++)
    {
      g_string_append_printf (text, "%s、要抓好第%u项重点工作\n", numbers[h % 10], h + 1);
      for (guint p = 0; p < 4; p++)
        g_string_append_printf (text, "%s是要强化责任担当，层层压实责任，确保各项任务落到实处。今年以来，全市经济运行总体平稳。\n",
                                numbers[p]);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  window = open_path (path);
  jj_test_spin (50);
  panel = _jj_window_get_outline_panel (window);
  outline = jj_document_get_outline (window->document);
  n_entries = jj_outline_get_n_entries (outline);
  n_rows = jj_outline_panel_get_n_rows (panel);
  g_test_message ("%u entries, %u rows", n_entries, n_rows);
  g_assert_cmpuint (n_entries, >, 2000);
  g_assert_cmpuint (n_rows, <, n_entries);

  /* a few sections open, one of them the last */
  for (guint i = 0; i < 3; i++)
    {
      guint row = i == 2 ? jj_outline_panel_get_n_rows (panel) - 1 : 40 + 100 * i;
      g_autoptr(GtkTreeListRow) tree_row = outline_row (panel, row);

      gtk_tree_list_row_set_expanded (tree_row, TRUE);
    }
  g_assert_cmpuint (jj_outline_panel_get_n_rows (panel), >, n_rows);

  for (guint i = 0; i < n_entries; i++)
    {
      JjOutlineEntry *entry = jj_outline_get_entry (outline, i);
      guint offsets[] = { jj_outline_entry_get_start (entry), jj_outline_entry_get_title_end (entry) + 3 };

      for (guint k = 0; k < G_N_ELEMENTS (offsets); k++)
        {
          guint expected = expected_outline_row (panel, outline, offsets[k]);

          t0 = g_get_monotonic_time ();
          jj_outline_panel_set_position (panel, offsets[k]);
          spent += g_get_monotonic_time () - t0;
          g_assert_cmpuint (selected_outline_row (panel), ==, expected);
          checked++;
        }
    }
  g_test_message ("%u positions, %.3f ms each", checked, spent / 1000.0 / checked);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* A panel not shown holds no rows, and follows the reading position once
 * it is shown.
 */
static void
test_outline_panel_lazy (void)
{
  static const char *numbers[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
  g_autoptr(GString) text = g_string_new ("在全市工作会议上的讲话\n同志们：\n");
  g_autoptr(JjOutline) outline = NULL;
  JjOutlinePanel *panel = JJ_OUTLINE_PANEL (jj_outline_panel_new ());
  GtkWidget *window;
  GtkWidget *list;
  JjOutlineEntry *target;
  guint expected;

  for (guint h = 0; h < 300; h++)
    {
      g_string_append_printf (text, "%s、要抓好第%u项重点工作\n", numbers[h % 10], h + 1);
      for (guint p = 0; p < 3; p++)
        g_string_append_printf (text, "%s是要强化责任担当，确保各项任务落到实处。\n", numbers[p]);
    }
  outline = jj_outline_detect (text->str, text->len, NULL, 0);
  g_assert_cmpuint (jj_outline_get_n_entries (outline), >, 1000);
  target = jj_outline_get_entry (outline, jj_outline_get_n_entries (outline) / 2);

  g_object_ref_sink (panel);
  jj_outline_panel_set_outline (panel, outline);
  jj_outline_panel_set_position (panel, jj_outline_entry_get_start (target));
  list = find_list_view (GTK_WIDGET (panel));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 0);
  g_assert_cmpuint (count_children (list), ==, 0);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));
  jj_test_spin (50);

  g_assert_cmpuint (count_children (list), >, 0);
  expected = expected_outline_row (panel, outline, jj_outline_entry_get_start (target));
  g_assert_cmpuint (expected, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (selected_outline_row (panel), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  char *home = jj_test_ui_init (&argc, &argv);

  if (home == NULL)
    return 0;

  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/outline-scrolls-reader", test_outline_scrolls_reader);
  g_test_add_func ("/window/mark-and-reopen", test_mark_and_reopen);
  g_test_add_func ("/window/original-characters", test_original_characters);
  g_test_add_func ("/window/find", test_find);
  g_test_add_func ("/window/large-document", test_large_document);
  g_test_add_func ("/window/outline-scroll-spy", test_outline_scroll_spy);
  g_test_add_func ("/window/outline-panel-lazy", test_outline_panel_lazy);
  g_test_add_func ("/window/announced-count", test_announced_count);
  g_test_add_func ("/window/mark-series", test_mark_series);
  g_test_add_func ("/window/recent-documents", test_recent_documents);
  g_test_add_func ("/window/opening-progress", test_opening_progress);

  return jj_test_ui_run (home);
}
