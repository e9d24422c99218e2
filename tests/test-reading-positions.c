/* test-reading-positions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "jj-reading-positions.h"

static void
test_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-positions-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state", "positions.ini", NULL);
  g_autoptr(GFile) doc = g_file_new_for_path ("/tmp/讲话稿.docx");
  g_autoptr(GFile) other = g_file_new_for_path ("/tmp/other.txt");
  g_autoptr(GError) error = NULL;
  guint offset = 0;

  {
    g_autoptr(JjReadingPositions) positions = jj_reading_positions_new (path);

    g_assert_false (jj_reading_positions_lookup (positions, doc, "abc", &offset));
    jj_reading_positions_remember (positions, doc, "abc", 1234);
    jj_reading_positions_remember (positions, other, "def", 7);
    g_assert_true (jj_reading_positions_save (positions, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(JjReadingPositions) positions = jj_reading_positions_new (path);

    g_assert_true (jj_reading_positions_lookup (positions, doc, "abc", &offset));
    g_assert_cmpuint (offset, ==, 1234);
    g_assert_true (jj_reading_positions_lookup (positions, other, "def", &offset));
    g_assert_cmpuint (offset, ==, 7);
    /* The document changed: its old position means nothing. */
    g_assert_false (jj_reading_positions_lookup (positions, doc, "changed", &offset));
  }

  g_unlink (path);
  {
    g_autofree char *state = g_path_get_dirname (path);
    g_rmdir (state);
  }
  g_rmdir (dir);
}

static void
test_bounded (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-positions-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "positions.ini", NULL);
  g_autoptr(JjReadingPositions) positions = jj_reading_positions_new (path);
  g_autoptr(GFile) first = g_file_new_for_path ("/doc/0.txt");
  g_autoptr(GFile) last = g_file_new_for_path ("/doc/599.txt");
  guint offset;

  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *name = g_strdup_printf ("/doc/%u.txt", i);
      g_autoptr(GFile) file = g_file_new_for_path (name);

      jj_reading_positions_remember (positions, file, "f", i);
    }

  g_assert_false (jj_reading_positions_lookup (positions, first, "f", &offset));
  g_assert_true (jj_reading_positions_lookup (positions, last, "f", &offset));
  g_assert_cmpuint (offset, ==, 599);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reading-positions/round-trip", test_round_trip);
  g_test_add_func ("/reading-positions/bounded", test_bounded);

  return g_test_run ();
}
