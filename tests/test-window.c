/* test-window.c — the reader window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "jj-window.h"

static gboolean
wait_for_title (GtkWindow  *window,
                const char *old_title)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_window_get_title (window), old_title) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

static void
test_open_sample (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  JjWindow *window;
  g_autofree char *initial_title = NULL;

  path = g_build_filename (g_getenv ("JJ_SHARED_DIR"), "samples", "civilized-city-speech.txt", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("sample speech not available");
      return;
    }

  window = jj_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  initial_title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));

  file = g_file_new_for_path (path);
  jj_window_open (window, file);

  g_assert_true (wait_for_title (GTK_WINDOW (window), initial_title));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "全国文明城市建设工作培训会议讲话");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/open-sample", test_open_sample);

  return g_test_run ();
}
