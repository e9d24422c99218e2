/* bench-library-watcher.c — what watching a library's folders costs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-library-watcher [FOLDERS]: FOLDERS folders of 10 speeches and
 * their sidecars (200 unless given), in groups of 20; prints the time to
 * set up the monitors (on the caller's thread), to set the same folders
 * again, and from a sidecar written to the debounced signal.
 */

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "jj-library-watcher.h"

#define DELAY_MS 400

static guint n_changed;

static void
changed_cb (void)
{
  n_changed++;
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

static gint64
wait_changed (gint64 timeout_ms)
{
  gint64 start = g_get_monotonic_time ();

  n_changed = 0;
  while (n_changed == 0 && g_get_monotonic_time () - start < timeout_ms * 1000)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }

  return n_changed > 0 ? (g_get_monotonic_time () - start) / 1000 : -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("jj-bench-watcher-XXXXXX", NULL);
  g_autofree char *sidecar = NULL;
  g_autoptr(JjLibraryWatcher) watcher = jj_library_watcher_new (DELAY_MS);
  const char *roots[] = { dir, NULL };
  guint n_folders = argc > 1 ? (guint) atoi (argv[1]) : 200;
  gint64 start;

  for (guint i = 0; i < n_folders; i++)
    {
      g_autofree char *folder = g_strdup_printf ("%s/%u/%u", dir, i / 20, i);

      g_mkdir_with_parents (folder, 0700);
      for (guint j = 0; j < 10; j++)
        {
          g_autofree char *speech = g_strdup_printf ("%s/%u.txt", folder, j);
          g_autofree char *side = g_strdup_printf ("%s/%u.txt.jiejian.xml", folder, j);

          g_file_set_contents (speech, "同志们：", -1, NULL);
          g_file_set_contents (side, "<marks/>", -1, NULL);
        }
    }
  g_signal_connect (watcher, "changed", G_CALLBACK (changed_cb), NULL);

  start = g_get_monotonic_time ();
  jj_library_watcher_set_folders (watcher, roots);
  g_print ("%u speeches in %u folders: %u monitors set up in %.1f ms\n",
           n_folders * 10, n_folders, jj_library_watcher_get_n_monitors (watcher),
           (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  jj_library_watcher_set_folders (watcher, roots);
  g_print ("the same folders again: %.3f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  sidecar = g_strdup_printf ("%s/0/0/0.txt.jiejian.xml", dir);
  g_file_set_contents (sidecar, "<marks><mark/></marks>", -1, NULL);
  g_print ("a sidecar written: changed after %" G_GINT64_FORMAT " ms (delay %d ms)\n",
           wait_changed (5000), DELAY_MS);

  g_clear_object (&watcher);
  remove_tree (dir);

  return 0;
}
