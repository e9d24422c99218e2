/* test-ui.h — what the UI test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jj-reader-view.h"
#include "jj-window-private.h"
#include "test-files.h"

typedef gboolean (*JjTestPredicate) (gpointer data);

/* Runs the main context until @predicate holds; FALSE after 10 s. */
static inline gboolean
jj_test_wait_until (JjTestPredicate predicate,
                    gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static inline gboolean
jj_test_count_down (gpointer data)
{
  guint *left = data;

  return --(*left) == 0;
}

/* Runs @iterations iterations of the main context, to let frames pass. */
static inline void
jj_test_spin (guint iterations)
{
  jj_test_wait_until (jj_test_count_down, &iterations);
}

/* A range of the reader's text to wait for as its selection. */
typedef struct
{
  JjReaderView *view;
  guint         start;
  guint         end;
} JjTestSelection;

static inline gboolean
jj_test_selection_is (gpointer data)
{
  JjTestSelection *selection = data;
  guint start, end;

  return jj_reader_view_get_selection (selection->view, &start, &end) &&
         start == selection->start && end == selection->end;
}

/* Starts GTK and libadwaita for a test program. Recent files, the
 * library, reading positions and fallback sidecars go to folders of this
 * run, not to the account's: the folder holding them is returned, for
 * jj_test_ui_run(). Without a display, says so in TAP and returns NULL.
 */
static inline gboolean
jj_test_window_has_document (gpointer window)
{
  /* The marks come a little after the text, from a thread. */
  return _jj_window_get_document (window) != NULL && !_jj_window_get_marks_loading (window);
}

/* Opens @path in a new window, @width by @height when they are not 0 (the
 * size of a window is set before it is shown), and waits for its speech. */
static inline JjWindow *
jj_test_open_path (const char *path,
                   int         width,
                   int         height)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JjWindow *window = jj_window_new (NULL);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  jj_window_open (window, file);
  g_assert_true (jj_test_wait_until (jj_test_window_has_document, window));

  return window;
}

static inline char *
jj_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autofree char *data_home = NULL;
  g_autofree char *state_home = NULL;
  g_autofree char *cache_home = NULL;
  char *home;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return NULL;
    }

  home = g_dir_make_tmp ("jj-test-ui-XXXXXX", NULL);
  g_assert_nonnull (home);
  data_home = g_build_filename (home, "data", NULL);
  state_home = g_build_filename (home, "state", NULL);
  cache_home = g_build_filename (home, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  /* The library's database and the full-text index live in the cache:
   * never the user's own. */
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  return home;
}

/* Runs the tests, then removes the folders of the run. */
static inline int
jj_test_ui_run (char *home)
{
  int status = g_test_run ();

  jj_test_remove_tree (home);
  g_free (home);

  return status;
}
