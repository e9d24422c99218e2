/* test-library-text-index.c — the full-text index of a library's speeches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-library-text-index.h"
#include "test-files.h"

typedef struct
{
  guint    n_progress;
  guint    last_total;
  guint    n_done;
  gboolean ok[2];
} State;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  State *state = g_object_get_data (user_data, "state");

  state->n_progress++;
  state->last_total = total;
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  State *state = user_data;
  g_autoptr(GError) error = NULL;

  state->ok[state->n_done++] = jj_library_text_index_update_finish (JJ_TEXT_INDEX (object), result, &error);
  g_assert_no_error (error);
}

static void
write_speech (const char *dir,
              const char *name,
              const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* The speeches of the library's folders and those opened elsewhere are
 * indexed, by two updates at once that do not get in each other's way. */
static void
test_update (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-library-text-XXXXXX", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "folder", NULL);
  g_autofree char *elsewhere_path = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *opened_path = g_build_filename (elsewhere_path, "opened.txt", NULL);
  g_autofree char *library_path = g_build_filename (dir, "library.index", NULL);
  g_autofree char *index_path = g_build_filename (dir, "cache", "text-index.sqlite", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) opened = g_file_new_for_path (opened_path);
  g_autoptr(GFile) library_file = g_file_new_for_path (library_path);
  g_autoptr(GFile) index_file = g_file_new_for_path (index_path);
  g_autoptr(JjLibrary) library = jj_library_new (library_file);
  g_autoptr(JjTextIndex) index = jj_text_index_new (index_file);
  g_autoptr(GObject) target = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  State state = { 0 };

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (elsewhere_path, 0700), ==, 0);
  write_speech (folder_path, "一.txt", "在全市营商环境大会上的讲话\n要持续优化营商环境。\n");
  write_speech (folder_path, "二.txt", "在全县乡村振兴推进会上的讲话\n乡村振兴是大事。营商环境也要抓。\n");
  write_speech (elsewhere_path, "opened.txt", "在防汛工作会议上的讲话\n营商环境与防汛无关，但也提一句。\n");

  jj_library_add_folder (library, folder);
  jj_library_add_document (library, opened, NULL, "在防汛工作会议上的讲话");
  g_object_set_data (target, "state", &state);

  jj_library_text_index_update_async (index, library, NULL, progress_cb, target, updated_cb, &state);
  jj_library_text_index_update_async (index, library, NULL, progress_cb, target, updated_cb, &state);
  while (state.n_done < 2)
    g_main_context_iteration (NULL, TRUE);
  /* Progress queued before the end comes before it; let any left run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (state.ok[0]);
  g_assert_true (state.ok[1]);
  g_assert_cmpuint (state.n_progress, >, 0);
  g_assert_cmpuint (state.last_total, ==, 3);
  g_assert_cmpuint (jj_text_index_get_n_documents (index), ==, 3);

  hits = jj_text_index_search (index, "营商环境", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 4);

  jj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library-text-index/update", test_update);

  return g_test_run ();
}
