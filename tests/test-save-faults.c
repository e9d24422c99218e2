/* test-save-faults.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "jj-mark-store.h"
#include "jj-sidecar.h"

/* Saving marks when things go wrong: the process killed while the reader
 * saves on its own schedule, the disk full, the folder read-only. The
 * marks file that was there stays whole, and nothing is lost once the
 * fault is gone.
 */

/* Helpers run this program again; not /proc/self/exe, which is valgrind
 * itself under the valgrind test setup. */
static const char *self_exe;

static const char *text =
  "同志们：\n"
  "今天召开全市文明城市创建工作推进会，主要任务是总结前一阶段工作，部署下一步任务。\n"
  "一、充分认识创建工作的重要意义\n"
  "创建文明城市是提升城市品质的重要抓手，是惠及全体市民的民生工程。\n"
  "二、突出重点，扎实推进各项任务\n"
  "要坚持以人民为中心，把群众满意作为检验创建成效的根本标准。\n"
  "三、加强领导，确保创建工作取得实效\n"
  "各级各部门要切实履行职责，形成齐抓共管的工作格局。";

typedef struct
{
  char *dir;       /* a temporary folder, or a tmpfs mounted on it */
  char *doc;
  char *sidecar;
  gboolean mounted;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("jj-faults-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->doc = g_build_filename (f->dir, "speech.txt", NULL);
  f->sidecar = g_strconcat (f->doc, JJ_SIDECAR_SUFFIX, NULL);
}

static void
remove_files (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_dir_close (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->mounted)
    {
      mount ("tmpfs", f->dir, "tmpfs", MS_REMOUNT, NULL);
      umount (f->dir);
    }
  remove_files (f->dir);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->doc);
  g_free (f->sidecar);
}

/* A small tmpfs on the fixture's folder; needs root. Remounting ignores
 * the source and type, but valgrind wants them readable. */
static gboolean
mount_tmpfs (Fixture    *f,
             const char *options)
{
  if (mount ("tmpfs", f->dir, "tmpfs", 0, options) != 0)
    {
      g_autofree char *why = g_strdup_printf ("Cannot mount a tmpfs (%s)", g_strerror (errno));

      g_test_skip (why);
      return FALSE;
    }
  f->mounted = TRUE;
  return TRUE;
}

static void
write_doc (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (f->doc, text, -1, &error);
  g_assert_no_error (error);
}

static JjMarkStore *
open_store (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->doc);
  g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
  g_autoptr(GError) error = NULL;

  jj_mark_store_load (store, text, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
add_marks (JjMarkStore *store,
           GPtrArray   *ids,
           guint        n)
{
  guint len = g_utf8_strlen (text, -1);

  for (guint i = 0; i < n; i++)
    {
      guint start = g_random_int_range (0, len - 12);
      JjMark *mark = jj_mark_store_add_range (store, start, start + g_random_int_range (1, 12),
                                              "borrow", NULL);

      g_ptr_array_add (ids, g_strdup (jj_mark_get_id (mark)));
    }
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_store_holds (Fixture   *f,
                    GPtrArray *ids)
{
  g_autoptr(JjMarkStore) store = open_store (f);

  for (guint i = 0; i < ids->len; i++)
    g_assert_nonnull (jj_mark_store_lookup (store, ids->pdata[i]));
}

/* The reader's way of saving: changes are saved by the store's own timer
 * in the main loop, and "saved" says which marks are safe. Prints the id
 * of each mark once a save that holds it has finished.
 */
typedef struct
{
  JjMarkStore *store;
  GPtrArray   *pending;
  guint        len;
  GRand       *rand;
} Saver;

static gboolean
add_cb (gpointer user_data)
{
  Saver *s = user_data;
  guint start = g_rand_int_range (s->rand, 0, s->len - 10);
  JjMark *mark = jj_mark_store_add_range (s->store, start, start + g_rand_int_range (s->rand, 1, 10),
                                          "golden", NULL);

  g_ptr_array_add (s->pending, g_strdup (jj_mark_get_id (mark)));
  return G_SOURCE_CONTINUE;
}

static void
saved_cb (JjMarkStore *store,
          Saver       *s)
{
  for (guint i = 0; i < s->pending->len; i++)
    printf ("%s\n", (const char *) s->pending->pdata[i]);
  fflush (stdout);
  g_ptr_array_set_size (s->pending, 0);
}

static int
run_timed_saver (const char *doc)
{
  g_autoptr(GFile) file = g_file_new_for_path (doc);
  g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Saver s = { store, g_ptr_array_new_with_free_func (g_free), g_utf8_strlen (text, -1), g_rand_new () };

  if (!jj_mark_store_load (store, text, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* Shorter than the reader's default of a second, for many saves; a
   * save waits for a pause in the changes, so marks come slower.
   */
  jj_mark_store_set_save_delay (store, 3);
  g_signal_connect (store, "saved", G_CALLBACK (saved_cb), &s);
  g_timeout_add (8, add_cb, &s);
  g_main_loop_run (loop);
  return 0;
}

static void
collect_ids (const char *out,
             GHashTable *ids,
             gboolean    last_line_complete)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);

  /* A line cut by the kill is not a report. */
  for (guint i = 0; i + 1 < n || (last_line_complete && i < n); i++)
    if (strlen (lines[i]) == 36)
      g_hash_table_add (ids, g_strdup (lines[i]));
}

static void
test_killed_while_saving (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GRand *rand = g_rand_new_with_seed (11);
  guint rounds = 0;
  gint64 t0 = g_get_monotonic_time ();

  write_doc (f);
  for (rounds = 0; rounds < 200; rounds++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JjSidecar) sidecar = NULL;
      g_autoptr(GDataInputStream) in = NULL;
      g_autofree char *first = NULL;
      g_autoptr(GBytes) rest = NULL;
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      GHashTableIter iter;
      gpointer id;
      gssize n;
      char buf[4096];

      proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                               self_exe, "--timed-saver", f->doc, NULL);
      g_assert_no_error (error);
      in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
      first = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (first);
      g_hash_table_add (ids, g_steal_pointer (&first));

      g_usleep (g_rand_int_range (rand, 0, 30000));
      g_subprocess_send_signal (proc, SIGKILL);
      while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, NULL, NULL)) > 0)
        g_byte_array_append (bytes, (guint8 *) buf, n);
      g_byte_array_append (bytes, (guint8 *) "", 1);
      g_subprocess_wait (proc, NULL, NULL);
      collect_ids ((const char *) bytes->data, ids, FALSE);

      sidecar = jj_sidecar_load (f->sidecar, &error);
      g_assert_no_error (error);
      g_assert_nonnull (sidecar);
      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          if (jj_sidecar_lookup (sidecar, id) == NULL)
            g_error ("Mark %s was reported saved but is not in the marks file after kill %u", (char *) id, rounds);
        }
    }

  g_test_message ("%u kills in %.1f s, %u marks reported saved, all in the marks file",
                  rounds, (g_get_monotonic_time () - t0) / 1e6, g_hash_table_size (ids));
  g_assert_cmpuint (g_hash_table_size (ids), >=, rounds);
  g_rand_free (rand);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *before = NULL;
  g_autofree char *block = g_malloc0 (4096);
  gsize before_length = 0;
  gboolean ok;
  int fd;

  if (!mount_tmpfs (f, "size=256k"))
    return;
  write_doc (f);
  store = open_store (f);
  add_marks (store, ids, 5);
  jj_mark_store_save (store, &error);
  g_assert_no_error (error);
  before = read_file (f->sidecar, &before_length);

  /* Fill the disk. */
  filler = g_build_filename (f->dir, "filler", NULL);
  fd = g_open (filler, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, 4096) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);

  add_marks (store, ids, 300);
  ok = jj_mark_store_save (store, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("disk full: %s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (jj_mark_store_get_dirty (store));
  g_clear_error (&error);
  {
    g_autofree char *after = NULL;
    gsize after_length = 0;

    after = read_file (f->sidecar, &after_length);
    g_assert_cmpmem (after, after_length, before, before_length);
  }

  /* Space returns: the next save has everything. */
  g_unlink (filler);
  jj_mark_store_save (store, &error);
  g_assert_no_error (error);
  g_assert_false (jj_mark_store_get_dirty (store));
  g_clear_object (&store);
  assert_store_holds (f, ids);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0, after_length = 0;
  gboolean ok;

  if (geteuid () == 0)
    {
      /* Permissions do not stop root: a read-only mount does. */
      if (!mount_tmpfs (f, "size=1m"))
        return;
    }
  write_doc (f);
  store = open_store (f);
  add_marks (store, ids, 3);
  jj_mark_store_save (store, &error);
  g_assert_no_error (error);
  before = read_file (f->sidecar, &before_length);

  if (f->mounted)
    g_assert_cmpint (mount ("tmpfs", f->dir, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
  else
    g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

  add_marks (store, ids, 2);
  ok = jj_mark_store_save (store, &error);
  /* Either refused with a message, or kept in the per-user location and
   * the user told so.
   */
  if (ok)
    {
      g_assert_true (jj_mark_store_get_fallback (store));
      g_assert_nonnull (jj_mark_store_get_notice (store));
      g_test_message ("read-only folder: %s", jj_mark_store_get_notice (store));
    }
  else
    {
      g_assert_nonnull (error);
      g_test_message ("read-only folder: %s", error->message);
    }
  g_clear_error (&error);
  after = read_file (f->sidecar, &after_length);
  g_assert_cmpmem (after, after_length, before, before_length);

  if (f->mounted)
    g_assert_cmpint (mount ("tmpfs", f->dir, "tmpfs", MS_REMOUNT, NULL), ==, 0);
  else
    g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);

  /* The folder is writable again: nothing is lost. */
  jj_mark_store_save (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_store_holds (f, ids);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  xmlInitParser ();
  self_exe = argv[0];
  if (argc == 3 && g_str_equal (argv[1], "--timed-saver"))
    return run_timed_saver (argv[2]);

  data_home = g_dir_make_tmp ("jj-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/save-faults/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("killed-while-saving", test_killed_while_saving);
  ADD ("disk-full", test_disk_full);
  ADD ("read-only-folder", test_read_only_folder);

#undef ADD

  ret = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", data_home);

    (void) !system (cmd);
  }
  return ret;
}
