/* test-library-watcher.c — the library's folders watched for changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "jj-library.h"
#include "jj-library-watcher.h"
#include "jj-mark-store.h"

#define DELAY_MS 300

typedef struct
{
  char             *dir;
  JjLibraryWatcher *watcher;
  guint             n_changed;
} Fixture;

static void
changed_cb (JjLibraryWatcher *watcher,
            Fixture          *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *folders[2] = { NULL, NULL };

  fixture->dir = g_dir_make_tmp ("jj-watcher-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  folders[0] = fixture->dir;
  fixture->watcher = jj_library_watcher_new (DELAY_MS);
  g_signal_connect (fixture->watcher, "changed", G_CALLBACK (changed_cb), fixture);
  jj_library_watcher_set_folders (fixture->watcher, folders);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->watcher);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Runs the main loop for @ms; returns how many changes were reported. */
static guint
settle (Fixture *fixture,
        guint    ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  fixture->n_changed = 0;
  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }

  return fixture->n_changed;
}

/* Waits for the first change, then as long again as the delay twice
 * over: a second one within that would be one too many. */
static guint
changes_after (Fixture *fixture,
               gint64  *latency_ms)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 5 * G_USEC_PER_SEC;

  fixture->n_changed = 0;
  while (fixture->n_changed == 0 && g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
  if (latency_ms != NULL)
    *latency_ms = (g_get_monotonic_time () - start) / 1000;
  if (fixture->n_changed == 0)
    return 0;

  {
    guint first = fixture->n_changed;

    return first + settle (fixture, 3 * DELAY_MS);
  }
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
test_sidecar (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (fixture->dir, "甲.txt.jiejian.xml", NULL);
  gint64 latency = 0;

  g_assert_cmpuint (jj_library_watcher_get_n_monitors (fixture->watcher), ==, 1);
  g_assert_cmpuint (settle (fixture, 100), ==, 0);

  write_file (sidecar, "<marks/>");
  g_assert_cmpuint (changes_after (fixture, &latency), ==, 1);
  g_assert_cmpint (latency, >=, DELAY_MS - 50);
  g_test_message ("written: reported after %" G_GINT64_FORMAT " ms", latency);

  write_file (sidecar, "<marks><mark/></marks>");
  g_assert_cmpuint (changes_after (fixture, &latency), ==, 1);
  g_test_message ("changed: reported after %" G_GINT64_FORMAT " ms", latency);

  g_assert_cmpint (g_unlink (sidecar), ==, 0);
  g_assert_cmpuint (changes_after (fixture, &latency), ==, 1);
  g_test_message ("deleted: reported after %" G_GINT64_FORMAT " ms", latency);
  g_assert_false (jj_library_watcher_is_pending (fixture->watcher));
}

static void
test_burst (Fixture       *fixture,
            gconstpointer  data)
{
  fixture->n_changed = 0;
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("speech-%u.docx.jiejian.xml", i % 5);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      write_file (path, i < 5 ? "<marks/>" : "<marks><mark/></marks>");
      if (i % 3 == 0)
        g_unlink (path);
      g_usleep (5000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  /* 20 writes 5 ms apart: still one burst, nothing reported yet. */
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_true (jj_library_watcher_is_pending (fixture->watcher));
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);
}

/* The library's database, a lock or a temporary file in a watched
 * folder is no change of the library: refreshing on it would loop. */
static void
test_other_files (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "library.db", NULL);
  g_autofree char *hidden = g_build_filename (fixture->dir, ".甲.txt.jiejian.xml.lock", NULL);
  g_autofree char *speech = g_build_filename (fixture->dir, "乙.txt", NULL);

  write_file (db, "SQLite");
  write_file (hidden, "");
  g_unlink (db);
  g_assert_cmpuint (settle (fixture, 3 * DELAY_MS), ==, 0);

  /* A speech is: its sidecar may point at a moved or missing file. */
  write_file (speech, "同志们：");
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);
}

/* Folders below a watched one, present or made later, are watched too. */
static void
test_subfolders (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *deep = g_build_filename (fixture->dir, "2024", "三月", NULL);
  g_autofree char *later = g_build_filename (fixture->dir, "2025", NULL);
  g_autofree char *deep_sidecar = g_build_filename (deep, "丙.odt.jiejian.xml", NULL);
  g_autofree char *later_sidecar = g_build_filename (later, "丁.txt.jiejian.xml", NULL);
  g_autoptr(JjLibraryWatcher) watcher = jj_library_watcher_new (DELAY_MS);
  const char *folders[] = { fixture->dir, NULL };

  g_assert_cmpint (g_mkdir_with_parents (deep, 0700), ==, 0);
  settle (fixture, 3 * DELAY_MS);

  /* Set up anew: the tree is walked when the folders are set. */
  g_signal_handlers_disconnect_by_func (fixture->watcher, changed_cb, fixture);
  g_object_unref (fixture->watcher);
  fixture->watcher = g_steal_pointer (&watcher);
  g_signal_connect (fixture->watcher, "changed", G_CALLBACK (changed_cb), fixture);
  jj_library_watcher_set_folders (fixture->watcher, folders);
  g_assert_cmpuint (jj_library_watcher_get_n_monitors (fixture->watcher), ==, 3);

  write_file (deep_sidecar, "<marks/>");
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);

  g_assert_cmpint (g_mkdir (later, 0700), ==, 0);
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);
  g_assert_cmpuint (jj_library_watcher_get_n_monitors (fixture->watcher), ==, 4);
  write_file (later_sidecar, "<marks/>");
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);

  /* A folder below deleted: its monitors go. */
  g_unlink (deep_sidecar);
  g_assert_cmpint (g_rmdir (deep), ==, 0);
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);
  g_assert_cmpuint (jj_library_watcher_get_n_monitors (fixture->watcher), ==, 3);

  /* The same folders again: nothing is walked or dropped. */
  jj_library_watcher_set_folders (fixture->watcher, folders);
  g_assert_cmpuint (jj_library_watcher_get_n_monitors (fixture->watcher), ==, 3);

  jj_library_watcher_set_folders (fixture->watcher, NULL);
  g_assert_cmpuint (jj_library_watcher_get_n_monitors (fixture->watcher), ==, 0);
  g_unlink (later_sidecar);
  g_assert_cmpuint (settle (fixture, 3 * DELAY_MS), ==, 0);
}

static void
write_marked_speech (const char *dir,
                     const char *name,
                     const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
  g_autofree char *fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(GError) error = NULL;

  write_file (path, text);
  g_assert_true (jj_mark_store_load (store, text, fingerprint, &error));
  g_assert_no_error (error);
  g_assert_nonnull (jj_mark_store_add_range (store, 0, 4, "golden", NULL));
  g_assert_true (jj_mark_store_save (store, &error));
  g_assert_no_error (error);
}

/* What a refresh writes (the database, here in the watched folder) must
 * not be reported, or each refresh would start the next. */
static void
test_refresh_is_quiet (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *index_path = g_build_filename (fixture->dir, "library.db", NULL);
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(JjLibrary) library = jj_library_new (index);
  g_autoptr(GError) error = NULL;

  write_marked_speech (fixture->dir, "甲.txt", "同志们：安全生产是底线。");
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);

  jj_library_add_folder (library, folder);
  g_assert_true (jj_library_refresh (library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jj_library_get_n_passages (library), ==, 1);
  g_assert_true (g_file_test (index_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (settle (fixture, 3 * DELAY_MS), ==, 0);

  write_marked_speech (fixture->dir, "乙.txt", "同志们：落实是关键。");
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);
  g_assert_true (jj_library_refresh (library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jj_library_get_n_passages (library), ==, 2);
  g_assert_cmpuint (settle (fixture, 3 * DELAY_MS), ==, 0);
}

/* The watched folder itself deleted: every speech in it is missing. */
static void
test_root_deleted (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (fixture->dir, "甲.txt.jiejian.xml", NULL);

  write_file (sidecar, "<marks/>");
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);

  g_assert_cmpint (g_unlink (sidecar), ==, 0);
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_assert_cmpuint (changes_after (fixture, NULL), ==, 1);
  g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library-watcher/sidecar", Fixture, NULL, fixture_set_up, test_sidecar, fixture_tear_down);
  g_test_add ("/library-watcher/burst", Fixture, NULL, fixture_set_up, test_burst, fixture_tear_down);
  g_test_add ("/library-watcher/other-files", Fixture, NULL, fixture_set_up, test_other_files, fixture_tear_down);
  g_test_add ("/library-watcher/subfolders", Fixture, NULL, fixture_set_up, test_subfolders, fixture_tear_down);
  g_test_add ("/library-watcher/root-deleted", Fixture, NULL, fixture_set_up, test_root_deleted, fixture_tear_down);
  g_test_add ("/library-watcher/refresh-is-quiet", Fixture, NULL, fixture_set_up, test_refresh_is_quiet, fixture_tear_down);

  return g_test_run ();
}
