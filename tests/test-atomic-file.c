/* test-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include <gio/gio.h>

#include "jj-atomic-file.h"

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

/* Pieces of every size, more than the file's own buffer in all. */
static void
test_pieces (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "marks.xml", NULL);
  g_autofree char *backup = jj_atomic_file_dup_backup_path (path);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  JjAtomicFile *file;
  gsize length;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  file = jj_atomic_file_begin (path, TRUE, &error);
  g_assert_no_error (error);
  while (expected->len < 1500 * 1024)
    {
      guint n = g_rand_int_range (rand, 0, 70000);
      g_autofree char *piece = g_malloc (n);

      for (guint i = 0; i < n; i++)
        piece[i] = 'a' + g_rand_int_range (rand, 0, 26);
      g_string_append_len (expected, piece, n);
      g_assert_true (jj_atomic_file_append (file, piece, n, &error));
      g_assert_no_error (error);
    }

  /* Until the commit, the old file is what is there. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  g_assert_true (jj_atomic_file_commit (file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, expected->len);
  g_assert_true (memcmp (contents, expected->str, length) == 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (backup, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_abort (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "marks.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  JjAtomicFile *file;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  file = jj_atomic_file_begin (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (jj_atomic_file_append (file, "new", 3, &error));
  g_assert_cmpuint (count_entries (dir), ==, 2);
  jj_atomic_file_abort (file);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  /* No temporary file and no backup left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gone", "marks.xml", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (jj_atomic_file_write (path, "x", 1, TRUE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "marks.xml"));

  g_rmdir (dir);
}

static void
test_write_whole (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "marks.xml", NULL);
  g_autofree char *backup = jj_atomic_file_dup_backup_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  mode_t mask;

  /* A first version has nothing to back up. */
  g_assert_true (jj_atomic_file_write (path, "one", 3, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (jj_atomic_file_write (path, "two", 3, TRUE, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "two");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  mask = umask (022);
  umask (mask);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644 & ~mask);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (backup, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "one");

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

/* A replaced file keeps its mode, whatever the umask; a new one gets the
 * mode asked, narrowed by the umask, and so does its backup copy. */
static void
test_modes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "marks.xml", NULL);
  g_autofree char *backup = jj_atomic_file_dup_backup_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  mode_t mask = umask (022);

  g_assert_true (jj_atomic_file_write_full (path, "one", 3, TRUE, 0640, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (jj_atomic_file_write_full (path, "two", 3, TRUE, 0644, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* An existing file keeps even a mode the umask would narrow. */
  umask (077);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (jj_atomic_file_write (path, "three", 5, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  g_unlink (path);
  g_assert_true (jj_atomic_file_write_full (path, "four", 4, FALSE, 0644, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  umask (mask);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

/* A program that takes no lock (a sync tool) puts its version in place
 * between our reading and our rename: ours gives up, theirs stays. */
static void
test_checked (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.txt.jiejian.xml", NULL);
  g_autofree char *theirs = g_build_filename (dir, ".syncthing.tmp", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  JjAtomicFile *file;
  GStatBuf read_status, written, now;

  g_assert_true (g_file_set_contents (path, "ours as read", -1, NULL));
  g_assert_cmpint (g_lstat (path, &read_status), ==, 0);

  /* Replaced meanwhile: nothing is written. */
  file = jj_atomic_file_begin (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (jj_atomic_file_append (file, "ours", 4, &error));
  g_assert_true (g_file_set_contents (theirs, "theirs", -1, NULL));
  g_assert_cmpint (g_rename (theirs, path), ==, 0);
  g_assert_false (jj_atomic_file_commit_checked (file, &read_status, &written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "theirs");
  g_clear_pointer (&contents, g_free);

  /* Unchanged since read: written, and told what was written. */
  g_assert_cmpint (g_lstat (path, &read_status), ==, 0);
  file = jj_atomic_file_begin (path, FALSE, &error);
  g_assert_true (jj_atomic_file_append (file, "ours", 4, &error));
  g_assert_true (jj_atomic_file_commit_checked (file, &read_status, &written, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "ours");
  g_assert_cmpint (g_lstat (path, &now), ==, 0);
  g_assert_true (jj_atomic_file_same_status (&now, &written));

  /* Expected to be new, but one came meanwhile. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  file = jj_atomic_file_begin (path, FALSE, &error);
  g_assert_true (jj_atomic_file_append (file, "ours", 4, &error));
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  g_assert_false (jj_atomic_file_commit_checked (file, NULL, &written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atomic-file/pieces", test_pieces);
  g_test_add_func ("/atomic-file/abort", test_abort);
  g_test_add_func ("/atomic-file/missing-folder", test_missing_folder);
  g_test_add_func ("/atomic-file/write-whole", test_write_whole);
  g_test_add_func ("/atomic-file/modes", test_modes);
  g_test_add_func ("/atomic-file/checked", test_checked);

  return g_test_run ();
}
