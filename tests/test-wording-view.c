/* test-wording-view.c — 提法对比 under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "jj-document.h"
#include "jj-hit-row.h"
#include "jj-mark-store.h"
#include "jj-text-fold.h"
#include "jj-wording-view.h"
#include "test-ui.h"

/* Speeches of the development corpus that say 以人民为中心 and some of
 * its variants (以城市为中心, 以患者为中心, 以经济建设为中心). */
static const char *corpus_names[] = { "04.txt", "05.txt", "07.txt", "13.txt" };

static char *
make_library_folder (void)
{
  char *dir = g_dir_make_tmp ("jj-wording-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (corpus_names); i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "corpus-dev", "raw",
                                                       corpus_names[i], NULL);
      g_autofree char *target = g_build_filename (dir, corpus_names[i], NULL);
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &text, &length, NULL));
      g_assert_true (g_file_set_contents (target, text, length, NULL));
    }
  return dir;
}

/* Occurrences of @phrase in the display text of each speech, by a plain
 * scan, folded as the index folds. */
static GHashTable *
plain_counts (const char *dir,
              const char *phrase,
              guint      *total)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded_phrase = jj_text_fold (phrase, -1);

  *total = 0;
  for (guint i = 0; i < G_N_ELEMENTS (corpus_names); i++)
    {
      g_autofree char *path = g_build_filename (dir, corpus_names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(JjDocument) document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, NULL);
      g_autofree char *folded = NULL;
      guint n = 0;

      g_assert_nonnull (document);
      folded = jj_text_fold (jj_document_get_text (document), -1);
      for (const char *p = strstr (folded, folded_phrase); p != NULL; p = strstr (p + strlen (folded_phrase), folded_phrase))
        n++;
      if (n > 0)
        g_hash_table_insert (counts, g_steal_pointer (&path), GUINT_TO_POINTER (n));
      *total += n;
    }
  return counts;
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

static gboolean
compared (gpointer data)
{
  JjWordingView *view = data;

  return !jj_wording_view_is_busy (view) && jj_wording_view_get_n_variants (view) > 0;
}

static gboolean
wait_compared (JjWordingView *view)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!compared (view))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static const JjWordingVariant *
find_variant (JjWordingView *view,
              const char    *text,
              guint         *index)
{
  for (guint i = 0; i < jj_wording_view_get_n_variants (view); i++)
    {
      const JjWordingVariant *variant = jj_wording_view_get_variant (view, i);

      if (g_str_equal (variant->text, text))
        {
          *index = i;
          return variant;
        }
    }
  return NULL;
}

/* What the view shows of @text matches a plain scan: per speech, per
 * year and in all; the heading says the same numbers. */
static void
check_variant (JjWordingView *view,
               const char    *dir,
               const char    *text,
               guint          expected_errors)
{
  guint total, index = 0, by_year = 0;
  g_autoptr(GHashTable) counts = plain_counts (dir, text, &total);
  const JjWordingVariant *variant = find_variant (view, text, &index);
  g_autofree char *line = NULL;

  g_test_message ("%s: %u hits by a plain scan", text, total);
  g_assert_nonnull (variant);
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (variant->errors, ==, expected_errors);
  g_assert_cmpuint (variant->hits->len, ==, total);
  g_assert_cmpuint (variant->documents->len, ==, g_hash_table_size (counts));
  for (guint i = 0; i < variant->documents->len; i++)
    {
      const JjWordingDocumentCount *doc = &g_array_index (variant->documents, JjWordingDocumentCount, i);

      g_assert_cmpuint (doc->count, ==, GPOINTER_TO_UINT (g_hash_table_lookup (counts, doc->path)));
    }
  for (guint i = 0; i < variant->years->len; i++)
    by_year += g_array_index (variant->years, JjWordingYearCount, i).count;
  g_assert_cmpuint (by_year, ==, total);

  line = total == 1 ? g_strdup_printf ("%u hit in %u speech", total, g_hash_table_size (counts))
                    : g_strdup_printf ("%u hits in %u speech%s", total, g_hash_table_size (counts),
                                       g_hash_table_size (counts) == 1 ? "" : "es");
  g_assert_true (g_str_has_prefix (jj_wording_view_get_summary (view, index), line));

  /* Every hit has its row, up to the hundred shown. */
  g_assert_nonnull (jj_wording_view_get_hit_row (view, index, MIN (total, 100) - 1));
  g_assert_null (jj_wording_view_get_hit_row (view, index, MIN (total, 100)));
}

typedef struct
{
  char  *path;
  guint  start;
  guint  end;
} Opened;

static void
hit_activated_cb (JjWordingView *view,
                  const char    *path,
                  guint          start,
                  guint          end,
                  Opened        *opened)
{
  g_free (opened->path);
  opened->path = g_strdup (path);
  opened->start = start;
  opened->end = end;
}

typedef struct
{
  gboolean done;
  gboolean ok;
} Marked;

static void
marked_cb (JjHitRow   *row,
           gboolean    ok,
           const char *message,
           Marked     *marked)
{
  marked->done = TRUE;
  marked->ok = ok;
}

static gboolean
is_marked (gpointer data)
{
  return ((Marked *)data)->done;
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

static void
progress_text_cb (GtkProgressBar *bar,
                  GParamSpec     *pspec,
                  GPtrArray      *texts)
{
  if (gtk_progress_bar_get_text (bar) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_progress_bar_get_text (bar)));
}

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticks;

/* How long the main loop went without running a 10 ms timer. */
static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  if (ticks->last != 0)
    ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static void
test_variants (void)
{
  g_autofree char *dir = make_library_folder ();
  g_autofree char *index_path = g_build_filename (dir, "library.index", NULL);
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(JjLibrary) library = jj_library_new (index);
  JjWordingView *view;
  Opened opened = { NULL, 0, 0 };
  Marked marked = { FALSE, FALSE };
  const JjWordingVariant *variant;
  guint n = 0;

  jj_library_add_folder (library, folder);
  view = jj_wording_view_new (NULL, library);
  g_signal_connect (view, "hit-activated", G_CALLBACK (hit_activated_cb), &opened);
  gtk_window_present (GTK_WINDOW (view));

  {
    g_autoptr(GPtrArray) bars = g_ptr_array_new ();
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
    Ticks ticks = { 0, 0 };
    guint timer;

    /* The first frame loads the fonts, in a fresh cache folder. */
    jj_test_spin (50);
    collect (GTK_WIDGET (view), GTK_TYPE_PROGRESS_BAR, bars);
    g_assert_cmpuint (bars->len, ==, 1);
    g_signal_connect (bars->pdata[0], "notify::text", G_CALLBACK (progress_text_cb), texts);
    timer = g_timeout_add (10, tick_cb, &ticks);

    jj_wording_view_set_phrase (view, "  以人民为中心 ");
    /* The window is busy at once, and says so, while threads work. */
    g_assert_true (jj_wording_view_is_busy (view));
    g_assert_true (wait_compared (view));
    g_assert_cmpstr (jj_wording_view_get_phrase (view), ==, "以人民为中心");
    g_source_remove (timer);
    g_signal_handlers_disconnect_by_func (bars->pdata[0], progress_text_cb, texts);

    /* The first indexing showed its progress, to the last speech. */
    g_assert_cmpuint (texts->len, >, 0);
    g_assert_cmpstr (texts->pdata[texts->len - 1], ==, "Indexing speeches: 4 of 4");
    g_test_message ("first indexing and comparison: the main loop waited at most %" G_GINT64_FORMAT " ms",
                    ticks.longest / 1000);
  }

  /* The phrase comes first, then its variants. */
  variant = jj_wording_view_get_variant (view, 0);
  g_assert_cmpstr (variant->text, ==, "以人民为中心");
  check_variant (view, dir, "以人民为中心", 0);
  check_variant (view, dir, "以城市为中心", 2);
  check_variant (view, dir, "以患者为中心", 2);
  g_assert_true (find_variant (view, "以经济建设为中心", &n) != NULL);
  screenshot (GTK_WIDGET (view), "wording-view");

  /* A line opens its speech at the hit. */
  g_assert_nonnull (find_variant (view, "以城市为中心", &n));
  gtk_widget_activate (GTK_WIDGET (jj_wording_view_get_hit_row (view, n, 0)));
  g_assert_nonnull (opened.path);
  g_assert_true (g_str_has_suffix (opened.path, "13.txt"));
  {
    g_autoptr(GFile) file = g_file_new_for_path (opened.path);
    g_autoptr(JjDocument) document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, NULL);
    g_autofree char *hit = g_utf8_substring (jj_document_get_text (document), opened.start, opened.end);

    g_assert_cmpstr (hit, ==, "以城市为中心");
  }

  /* And is marked from its row, in the speech's sidecar. */
  {
    JjHitRow *row = JJ_HIT_ROW (jj_wording_view_get_hit_row (view, n, 0));
    g_autoptr(GFile) file = g_file_new_for_path (opened.path);
    g_autoptr(JjDocument) document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, NULL);
    g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
    g_autoptr(JjMark) mark = NULL;
    g_autoptr(GError) error = NULL;

    g_signal_connect (row, "marked", G_CALLBACK (marked_cb), &marked);
    jj_hit_row_mark (row);
    g_assert_true (jj_test_wait_until (is_marked, &marked));
    g_assert_true (marked.ok);
    jj_mark_store_set_read_only (store, TRUE);
    g_assert_true (jj_mark_store_load (store, jj_document_get_text (document), NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (jj_mark_store_get_marks (store)), ==, 1);
    mark = g_list_model_get_item (jj_mark_store_get_marks (store), 0);
    g_assert_nonnull (strstr (jj_mark_get_quote (mark), "以城市为中心"));
    g_assert_cmpuint (jj_mark_get_start (mark), <=, opened.start);
    g_assert_cmpuint (jj_mark_get_end (mark), >=, opened.end);
  }

  /* Another phrase, typed: the list follows. */
  jj_wording_view_set_phrase (view, "营商环境");
  g_assert_true (wait_compared (view));
  g_assert_cmpstr (jj_wording_view_get_variant (view, 0)->text, ==, "营商环境");
  check_variant (view, dir, "营商环境", 0);

  gtk_window_destroy (GTK_WINDOW (view));
  g_free (opened.path);
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

  g_test_add_func ("/wording-view/variants", test_variants);

  status = jj_test_ui_run (home);
  jj_test_remove_tree (cache);
  return status;
}
