/* test-mark-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "jj-atomic-file.h"
#include "jj-mark-store.h"
#include "jj-sidecar.h"
#include "test-slowdown.h"
#include "test-files.h"

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
  char  *dir;
  char  *doc;
  char  *sidecar;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("jj-store-XXXXXX", NULL);
  f->doc = g_build_filename (f->dir, "speech.txt", NULL);
  f->sidecar = g_strconcat (f->doc, ".jiejian.xml", NULL);
  f->file = g_file_new_for_path (f->doc);
  g_assert_true (g_file_set_contents (f->doc, text, -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->dir, 0755);
  jj_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->doc);
  g_free (f->sidecar);
  g_object_unref (f->file);
}

static JjMarkStore *
open_store (Fixture    *f,
            const char *display_text)
{
  g_autoptr(GError) error = NULL;
  JjMarkStore *store = jj_mark_store_new (f->file);

  jj_mark_store_set_save_delay (store, 20);
  g_assert_true (jj_mark_store_load (store, display_text, NULL, &error));
  g_assert_no_error (error);

  return store;
}

static guint
n_marks (JjMarkStore *store)
{
  return g_list_model_get_n_items (jj_mark_store_get_marks (store));
}

static JjMark *
nth_mark (JjMarkStore *store,
          guint        i)
{
  g_autoptr(JjMark) mark = g_list_model_get_item (jj_mark_store_get_marks (store), i);

  return mark;
}

static void
save (JjMarkStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jj_mark_store_save (store, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JjMarkStore) store = open_store (f, text);
  g_autoptr(JjMarkStore) again = NULL;
  g_autoptr(GFile) sidecar = NULL;
  JjMark *mark;

  g_assert_cmpuint (n_marks (store), ==, 0);
  g_assert_false (jj_mark_store_get_fallback (store));
  g_assert_null (jj_mark_store_get_notice (store));
  sidecar = jj_mark_store_get_sidecar (store);
  g_assert_cmpstr (g_file_peek_path (sidecar), ==, f->sidecar);

  g_assert_null (jj_mark_store_add_range (store, 5, 5, "borrow", NULL));
  g_assert_null (jj_mark_store_add_range (store, 5, 5000, "borrow", NULL));
  mark = jj_mark_store_add_range (store, 70, 80, "golden", "一、充分认识");
  g_assert_nonnull (mark);
  jj_mark_set_note (mark, "好句");
  jj_mark_store_touch (store, mark);
  jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  g_assert_true (jj_mark_store_get_dirty (store));
  g_assert_cmpuint (jj_mark_get_start (nth_mark (store, 0)), ==, 5);
  save (store);
  g_assert_false (jj_mark_store_get_dirty (store));

  again = open_store (f, text);
  g_assert_cmpuint (n_marks (again), ==, 2);
  mark = nth_mark (again, 1);
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "golden");
  g_assert_cmpstr (jj_mark_get_note (mark), ==, "好句");
  g_assert_cmpstr (jj_mark_get_section (mark), ==, "一、充分认识");
  g_assert_cmpint (jj_mark_get_status (mark), ==, JJ_MARK_STATUS_PLACED);
  g_assert_false (jj_mark_store_get_dirty (again));
}

static void
on_saved (JjMarkStore *store,
          gboolean    *saved)
{
  *saved = TRUE;
}

static void
test_debounced_save (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JjMarkStore) store = open_store (f, text);
  gboolean saved = FALSE;
  gint64 deadline;

  g_signal_connect (store, "saved", G_CALLBACK (on_saved), &saved);
  jj_mark_store_set_save_delay (store, 200);
  jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  jj_mark_store_add_range (store, 15, 22, "borrow", NULL);
  g_assert_false (g_file_test (f->sidecar, G_FILE_TEST_EXISTS));

  deadline = g_get_monotonic_time () + jj_test_usec (5);
  while (!saved && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (saved);
  g_assert_true (g_file_test (f->sidecar, G_FILE_TEST_EXISTS));
  g_assert_false (jj_mark_store_get_dirty (store));

  /* flush saves at once */
  saved = FALSE;
  jj_mark_store_set_save_delay (store, 100000);
  jj_mark_store_add_range (store, 25, 29, "fact", NULL);
  jj_mark_store_flush (store);
  g_assert_true (saved);
  g_assert_false (jj_mark_store_get_dirty (store));
}

static void
test_saved_on_dispose (Fixture       *f,
                       gconstpointer  data)
{
  JjMarkStore *store = open_store (f, text);
  g_autoptr(JjMarkStore) again = NULL;

  jj_mark_store_set_save_delay (store, 100000);
  jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  g_assert_false (g_file_test (f->sidecar, G_FILE_TEST_EXISTS));
  g_object_unref (store);

  again = open_store (f, text);
  g_assert_cmpuint (n_marks (again), ==, 1);
}

static void
test_tombstones (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JjMarkStore) a = open_store (f, text);
  g_autoptr(JjMarkStore) b = NULL;
  g_autoptr(JjMarkStore) c = NULL;
  g_autofree char *id = NULL;
  JjMark *mark;

  mark = jj_mark_store_add_range (a, 5, 12, "borrow", NULL);
  id = g_strdup (jj_mark_get_id (mark));
  jj_mark_store_add_range (a, 15, 22, "borrow", NULL);
  save (a);

  b = open_store (f, text);
  g_assert_cmpuint (n_marks (b), ==, 2);

  jj_mark_store_remove (a, mark);
  g_assert_cmpuint (n_marks (a), ==, 1);
  save (a);

  /* b still has the mark, older than the deletion: it must not return. */
  jj_mark_store_add_range (b, 30, 35, "doubt", NULL);
  save (b);
  g_assert_cmpuint (n_marks (b), ==, 2);
  g_assert_true (jj_mark_get_deleted (jj_mark_store_lookup (b, id)));

  c = open_store (f, text);
  g_assert_cmpuint (n_marks (c), ==, 2);
  g_assert_true (jj_mark_get_deleted (jj_mark_store_lookup (c, id)));
}

static void
test_newest_wins (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JjMarkStore) a = open_store (f, text);
  g_autoptr(JjMarkStore) b = NULL;
  g_autoptr(JjMarkStore) c = NULL;
  JjMark *mark;
  g_autofree char *id = NULL;

  mark = jj_mark_store_add_range (a, 5, 12, "borrow", NULL);
  id = g_strdup (jj_mark_get_id (mark));
  save (a);
  b = open_store (f, text);

  jj_mark_set_note (jj_mark_store_lookup (b, id), "older");
  jj_mark_store_touch (b, jj_mark_store_lookup (b, id));
  g_usleep (2000);
  jj_mark_set_note (mark, "newer");
  jj_mark_store_touch (a, mark);
  save (a);
  save (b);

  g_assert_cmpstr (jj_mark_get_note (jj_mark_store_lookup (b, id)), ==, "newer");
  c = open_store (f, text);
  g_assert_cmpstr (jj_mark_get_note (jj_mark_store_lookup (c, id)), ==, "newer");
}

static void
on_reloaded (JjMarkStore *store,
             gboolean    *reloaded)
{
  *reloaded = TRUE;
}

static void
test_monitor (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JjMarkStore) a = open_store (f, text);
  g_autoptr(JjMarkStore) b = NULL;
  gboolean reloaded = FALSE;
  gint64 deadline;

  jj_mark_store_add_range (a, 5, 12, "borrow", NULL);
  save (a);
  b = open_store (f, text);
  g_signal_connect (a, "reloaded", G_CALLBACK (on_reloaded), &reloaded);

  jj_mark_store_add_range (b, 40, 50, "wording", NULL);
  save (b);

  deadline = g_get_monotonic_time () + jj_test_usec (5);
  while (!reloaded && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (reloaded);
  g_assert_cmpuint (n_marks (a), ==, 2);
}

static void
test_conflict_names (void)
{
  const char *side = "讲话.docx.jiejian.xml";

  g_assert_true (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian.sync-conflict-20240101-120000-ABCDEFG.xml"));
  g_assert_true (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian (Li's conflicted copy 2024-01-01).xml"));
  g_assert_true (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian (conflicted copy 2024-01-01 120000).xml"));
  g_assert_true (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian_conflict-20240101-120000.xml"));
  g_assert_true (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian (SFConflict li 2024-01-01-12-00-00).xml"));
  g_assert_false (jj_mark_store_is_conflict_copy (side, side));
  g_assert_false (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian.xml.bak"));
  g_assert_true (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian.xml.sync-conflict-20240101-120000-ABCDEFG.bak"));
  g_assert_true (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian.xml (Li's conflicted copy 2024-01-01).bak"));
  g_assert_false (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian.xml.old.bak"));
  g_assert_false (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian.xml.sync-conflict-20240101-120000-ABCDEFG.bak.tmp"));
  g_assert_false (jj_mark_store_is_conflict_copy (side, "讲话2.docx.jiejian.sync-conflict-1.xml"));
  g_assert_false (jj_mark_store_is_conflict_copy (side, "讲话.docx.jiejian.old.xml"));
}

static void
test_conflict_copies (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JjMarkStore) a = open_store (f, text);
  g_autoptr(JjMarkStore) b = NULL;
  g_autoptr(JjMarkStore) c = NULL;
  g_autofree char *copy1 = g_strconcat (f->doc, ".jiejian.sync-conflict-20260101-120000-ABCDEFG.xml", NULL);
  g_autofree char *copy2 = g_strconcat (f->doc, ".jiejian (conflicted copy 2026-01-01).xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *contents1 = NULL;

  jj_mark_store_add_range (a, 5, 12, "borrow", NULL);
  save (a);
  g_assert_true (g_file_get_contents (f->sidecar, &contents, NULL, NULL));

  /* Two other versions, each with a mark of its own. */
  jj_mark_store_add_range (a, 20, 25, "fact", NULL);
  save (a);
  g_assert_true (g_file_get_contents (f->sidecar, &contents1, NULL, NULL));
  g_clear_object (&a);
  g_assert_true (g_file_set_contents (f->sidecar, contents, -1, NULL));
  a = open_store (f, text);
  jj_mark_store_add_range (a, 30, 35, "doubt", NULL);
  save (a);
  g_clear_object (&a);
  g_assert_true (g_rename (f->sidecar, copy2) == 0);
  g_assert_true (g_file_set_contents (copy1, contents1, -1, NULL));
  g_assert_true (g_file_set_contents (f->sidecar, contents, -1, NULL));

  b = open_store (f, text);
  g_assert_cmpuint (n_marks (b), ==, 3);
  g_assert_true (jj_mark_store_get_dirty (b));
  g_assert_true (g_file_test (copy1, G_FILE_TEST_EXISTS));
  save (b);
  g_assert_false (g_file_test (copy1, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copy2, G_FILE_TEST_EXISTS));

  c = open_store (f, text);
  g_assert_cmpuint (n_marks (c), ==, 3);
}

static void
test_unreadable_set_aside (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JjMarkStore) a = open_store (f, text);
  g_autoptr(JjMarkStore) b = NULL;
  g_autofree char *backup = jj_atomic_file_dup_backup_path (f->sidecar);
  const char *garbage = "<jiejian xmlns=\"https://jiejian.org/ns/sidecar/1\" version=\"1\"><mark id=";
  GDir *d;
  const char *name;
  gboolean found_aside = FALSE;

  jj_mark_store_add_range (a, 5, 12, "borrow", NULL);
  save (a);
  jj_mark_store_add_range (a, 15, 20, "borrow", NULL);
  save (a);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (f->sidecar, garbage, -1, NULL));

  b = open_store (f, text);
  g_assert_nonnull (jj_mark_store_get_notice (b));
  g_test_message ("%s", jj_mark_store_get_notice (b));
  g_assert_nonnull (strstr (jj_mark_store_get_notice (b), "backup"));
  g_assert_cmpuint (n_marks (b), ==, 1);
  g_assert_false (g_file_test (f->sidecar, G_FILE_TEST_EXISTS));

  d = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".unreadable-") != NULL)
      {
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, garbage);
        found_aside = TRUE;
      }
  g_dir_close (d);
  g_assert_true (found_aside);

  save (b);
  g_assert_true (g_file_test (f->sidecar, G_FILE_TEST_EXISTS));
}

static void
test_damaged_while_open (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JjMarkStore) store = open_store (f, text);
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_aside = 0;

  jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  save (store);
  g_assert_true (g_file_set_contents (f->sidecar, "<jiejian>garbage", -1, NULL));

  jj_mark_store_add_range (store, 15, 20, "borrow", NULL);
  save (store);
  g_assert_nonnull (jj_mark_store_get_notice (store));

  d = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".unreadable-") != NULL)
      {
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, "<jiejian>garbage");
        n_aside++;
      }
  g_assert_cmpuint (n_aside, ==, 1);

  g_clear_object (&store);
  store = open_store (f, text);
  g_assert_cmpuint (n_marks (store), ==, 2);
}

static void
test_hostile_sidecar_kept (Fixture       *f,
                           gconstpointer  data)
{
  const char *xxe =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE jiejian [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
    "<jiejian xmlns=\"https://jiejian.org/ns/sidecar/1\" version=\"1\"><note>&x;</note></jiejian>";
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_aside = 0;

  g_assert_true (g_file_set_contents (f->sidecar, xxe, -1, NULL));
  store = open_store (f, text);
  g_assert_nonnull (jj_mark_store_get_notice (store));
  g_assert_cmpuint (n_marks (store), ==, 0);

  d = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".unreadable-") != NULL)
      n_aside++;
  g_assert_cmpuint (n_aside, ==, 1);
}

static void
test_reanchor_on_load (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JjMarkStore) a = open_store (f, text);
  g_autoptr(JjMarkStore) b = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *edited = NULL;
  JjMark *moved, *orphan;
  const char *p = strstr (text, "各级各部门");
  guint off = g_utf8_pointer_to_offset (text, p);

  jj_mark_store_add_range (a, 5, 12, "borrow", NULL);
  jj_mark_store_add_range (a, off, off + 12, "borrow", NULL);
  save (a);

  parts = g_strsplit (text, "各级各部门要切实履行职责，", 2);
  edited = g_strconcat ("开场白。\n", parts[0], "会后要抓好落实，", parts[1], NULL);
  b = open_store (f, edited);
  g_assert_cmpuint (n_marks (b), ==, 2);
  moved = nth_mark (b, 0);
  orphan = nth_mark (b, 1);
  g_assert_cmpint (jj_mark_get_status (moved), ==, JJ_MARK_STATUS_MOVED);
  g_assert_cmpuint (jj_mark_get_start (moved), ==, 10);
  g_assert_cmpint (jj_mark_get_status (orphan), ==, JJ_MARK_STATUS_ORPHAN);
  g_assert_cmpuint (jj_mark_store_get_n_orphans (b), ==, 1);
  g_assert_true (jj_mark_store_get_dirty (b));

  g_assert_true (jj_mark_store_reattach (b, orphan, 20, 25));
  g_assert_cmpint (jj_mark_get_status (orphan), ==, JJ_MARK_STATUS_PLACED);
  g_assert_cmpuint (jj_mark_store_get_n_orphans (b), ==, 0);
  save (b);
}

static void
test_orphans_kept (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JjMarkStore) a = open_store (f, text);
  g_autoptr(JjMarkStore) b = NULL;
  g_autoptr(JjMarkStore) c = NULL;

  jj_mark_store_add_range (a, 5, 12, "borrow", NULL);
  save (a);

  b = open_store (f, "完全不同的另一篇文字，没有任何相同之处。");
  g_assert_cmpuint (jj_mark_store_get_n_orphans (b), ==, 1);
  save (b);

  c = open_store (f, text);
  g_assert_cmpuint (n_marks (c), ==, 1);
  g_assert_cmpint (jj_mark_get_status (nth_mark (c, 0)), ==, JJ_MARK_STATUS_PLACED);
}

static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *old_tmp = g_strconcat (f->sidecar, ".AbC123", NULL);
  g_autofree char *new_tmp = g_strconcat (f->sidecar, ".XyZ789", NULL);
  g_autofree char *other = g_strconcat (f->sidecar, ".notes", NULL);
  g_autoptr(JjMarkStore) store = NULL;
  struct utimbuf old = { 1000000000, 1000000000 };

  g_assert_true (g_file_set_contents (old_tmp, "<jiejian", -1, NULL));
  g_assert_true (g_file_set_contents (new_tmp, "<jiejian", -1, NULL));
  g_assert_true (g_file_set_contents (other, "x", -1, NULL));
  g_assert_cmpint (g_utime (old_tmp, &old), ==, 0);
  g_assert_cmpint (g_utime (other, &old), ==, 0);

  store = open_store (f, text);
  g_assert_false (g_file_test (old_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
test_fallback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JjMarkStore) a = NULL;
  g_autoptr(JjMarkStore) b = NULL;
  g_autoptr(GFile) sidecar = NULL;

  /* A folder that cannot be written: read-only, or (for root, whom
   * permissions do not stop) one that is gone.
   */
  if (geteuid () == 0)
    {
      g_autofree char *gone = g_build_filename (f->dir, "gone", "speech.txt", NULL);

      g_object_unref (f->file);
      f->file = g_file_new_for_path (gone);
    }
  else
    g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

  a = open_store (f, text);
  g_assert_true (jj_mark_store_get_fallback (a));
  g_assert_nonnull (jj_mark_store_get_notice (a));
  sidecar = jj_mark_store_get_sidecar (a);
  g_assert_true (g_str_has_prefix (g_file_peek_path (sidecar), g_get_user_data_dir ()));
  jj_mark_store_add_range (a, 5, 12, "borrow", NULL);
  save (a);
  g_assert_true (g_file_query_exists (sidecar, NULL));

  b = open_store (f, text);
  g_assert_true (jj_mark_store_get_fallback (b));
  g_assert_cmpuint (n_marks (b), ==, 1);

  g_file_delete (sidecar, NULL, NULL);
}

/* Helper processes */

static int
run_saver (const char *dir,
           gboolean    forever,
           guint       count)
{
  g_autofree char *doc = g_build_filename (dir, "speech.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (doc);
  g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
  g_autoptr(GError) error = NULL;
  guint len = g_utf8_strlen (text, -1);
  GRand *rand = g_rand_new ();

  if (!jj_mark_store_load (store, text, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; forever || i < count; i++)
    {
      guint start = g_rand_int_range (rand, 0, len - 10);
      JjMark *mark = jj_mark_store_add_range (store, start, start + g_rand_int_range (rand, 1, 10), "borrow", NULL);

      if (!jj_mark_store_save (store, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%s\n", jj_mark_get_id (mark));
      fflush (stdout);
    }

  g_rand_free (rand);

  return 0;
}

static GSubprocess *
spawn_helper (const char *mode,
              const char *dir)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                           self_exe, mode, dir, NULL);
  g_assert_no_error (error);

  return proc;
}

static void
collect_ids (const char *out,
             GHashTable *ids)
{
  const char *p = out;

  while (p != NULL && *p != '\0')
    {
      const char *nl = strchr (p, '\n');

      if (nl == NULL)
        break;
      g_hash_table_add (ids, g_strndup (p, nl - p));
      p = nl + 1;
    }
}

static char *
read_rest (GDataInputStream *in)
{
  GString *out = g_string_new (NULL);
  char *line;

  while ((line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, NULL)) != NULL)
    {
      g_string_append (out, line);
      g_string_append_c (out, '\n');
      g_free (line);
    }

  return g_string_free (out, FALSE);
}

static void
assert_sidecar_holds (const char *path,
                      GHashTable *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id;

  if (g_hash_table_size (ids) == 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  sidecar = jj_sidecar_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sidecar->n_malformed, ==, 0);
  for (guint i = 0; i < sidecar->marks->len; i++)
    g_hash_table_add (present, (gpointer)jj_mark_get_id (g_ptr_array_index (sidecar->marks, i)));

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_assert_true (g_hash_table_contains (present, id));
}

static void
test_crash_safety (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GRand *rand = g_rand_new_with_seed (7);
  gint64 until = g_get_monotonic_time () + 8 * G_USEC_PER_SEC;
  guint rounds = 0;

  while (rounds < 200 || (rounds < 1000 && g_get_monotonic_time () < until))
    {
      g_autoptr(GSubprocess) proc = spawn_helper ("--saver", f->dir);
      g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
      g_autofree char *first = NULL;
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;

      /* Killed at a random moment: every other time once it has saved
       * (then most often mid-write), else from its start.
       */
      if (rounds % 2 == 0)
        {
          first = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_nonnull (first);
          g_hash_table_add (ids, g_steal_pointer (&first));
        }
      g_usleep (g_rand_int_range (rand, 0, 15000));
      g_subprocess_send_signal (proc, SIGKILL);
      out = read_rest (in);
      g_subprocess_wait (proc, NULL, NULL);
      collect_ids (out, ids);
      assert_sidecar_holds (f->sidecar, ids);
      rounds++;

      if (g_get_monotonic_time () > until && rounds >= 200)
        break;
    }

  g_test_message ("%u kills, %u marks reported saved", rounds, g_hash_table_size (ids));
  g_assert_cmpuint (rounds, >=, 200);
  g_assert_cmpuint (g_hash_table_size (ids), >, 100);
  g_rand_free (rand);
}

static void
test_concurrent_union (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GSubprocess) one = spawn_helper ("--adder", f->dir);
  g_autoptr(GSubprocess) two = spawn_helper ("--adder", f->dir);
  g_autoptr(JjMarkStore) store = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id;

  g_subprocess_communicate_utf8 (one, NULL, NULL, &out1, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (two, NULL, NULL, &out2, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (one));
  g_assert_true (g_subprocess_get_successful (two));
  collect_ids (out1, ids);
  collect_ids (out2, ids);
  g_assert_cmpuint (g_hash_table_size (ids), ==, 80);

  store = open_store (f, text);
  g_assert_cmpuint (n_marks (store), ==, 80);
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_assert_nonnull (jj_mark_store_lookup (store, id));
}

static void
on_save_failed (JjMarkStore  *store,
                GError       *error,
                GError      **out)
{
  g_clear_error (out);
  *out = g_error_copy (error);
}

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticker;

static gboolean
tick_cb (gpointer user_data)
{
  Ticker *ticker = user_data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->last != 0)
    ticker->longest = MAX (ticker->longest, now - ticker->last);
  ticker->last = now;

  return G_SOURCE_CONTINUE;
}

static int
hold_folder_lock (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  return fd;
}

/* Another writer holds the folder past the bounded wait: the main loop
 * keeps running, the failure is reported, the mark stays dirty and is
 * saved once the folder is free.
 */
static void
test_lock_wait_off_main_loop (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JjMarkStore) store = open_store (f, text);
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) failure = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;
  Ticker ticker = { 0, 0 };
  gint64 deadline;
  guint ticks;
  JjMark *mark;
  int fd;

  /* Slower under valgrind and sanitizers: the wait and the longest pause
   * allowed grow together, the wait always twice the pause. */
  gint64 pause = jj_test_usec (0.3);
  g_autofree char *timeout = g_strdup_printf ("%" G_GINT64_FORMAT, 2 * pause / 1000);

  g_setenv ("JJ_LOCK_TIMEOUT_MS", timeout, TRUE);
  g_signal_connect (store, "saved", G_CALLBACK (on_saved), &saved);
  g_signal_connect (store, "save-failed", G_CALLBACK (on_save_failed), &failure);
  fd = hold_folder_lock (f->dir);
  ticks = g_timeout_add (10, tick_cb, &ticker);

  mark = jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  deadline = g_get_monotonic_time () + jj_test_usec (10);
  while (failure == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticks);
  tick_cb (&ticker);
  g_assert_nonnull (failure);
  g_assert_true (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_BUSY));
  g_assert_false (saved);
  g_assert_true (jj_mark_store_get_dirty (store));
  g_assert_false (g_file_test (f->sidecar, G_FILE_TEST_EXISTS));
  /* The wait did not stop the main loop's 10 ms ticks. */
  g_assert_cmpint (ticker.longest, <, pause);

  /* A synchronous save waits as long, then says why it failed. */
  g_assert_false (jj_mark_store_save (store, &error));
  g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY));

  flock (fd, LOCK_UN);
  close (fd);

  ticks = g_timeout_add (10, tick_cb, &ticker);
  deadline = g_get_monotonic_time () + jj_test_usec (10);
  while (!saved && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticks);
  g_assert_true (saved);
  g_assert_false (jj_mark_store_get_dirty (store));
  g_clear_error (&error);
  sidecar = jj_sidecar_load (f->sidecar, &error);
  g_assert_no_error (error);
  g_assert_nonnull (jj_sidecar_lookup (sidecar, jj_mark_get_id (mark)));

  g_unsetenv ("JJ_LOCK_TIMEOUT_MS");
}

typedef struct
{
  const char *sidecar;
  gboolean    saved;
  guint       between;   /* ticks with the file written and not yet said saved */
} UnlockedProbe;

static gboolean
unlocked_tick_cb (gpointer user_data)
{
  UnlockedProbe *probe = user_data;

  if (!probe->saved && g_file_test (probe->sidecar, G_FILE_TEST_EXISTS))
    probe->between++;

  return G_SOURCE_CONTINUE;
}

static void
on_unlocked_saved (JjMarkStore   *store,
                   UnlockedProbe *probe)
{
  probe->saved = TRUE;
}

/* Where locks are not supported, the app's save still never stops the
 * main loop: the file is read back after pauses that are timeouts, so the
 * loop runs between the write and the "saved" that follows the checks.
 */
static void
test_unlocked_off_main_loop (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  UnlockedProbe probe = { f->sidecar, FALSE, 0 };
  gint64 deadline;
  JjMark *first;
  JjMark *second;
  guint ticks;

  g_setenv ("JJ_TEST_NO_LOCK", "1", TRUE);
  store = open_store (f, text);
  g_signal_connect (store, "saved", G_CALLBACK (on_unlocked_saved), &probe);
  ticks = g_timeout_add (5, unlocked_tick_cb, &probe);

  first = jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  deadline = g_get_monotonic_time () + jj_test_usec (10);
  while (!probe.saved && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (probe.saved);
  g_assert_cmpuint (probe.between, >, 0);
  g_assert_false (jj_mark_store_get_dirty (store));

  /* A change while a write is checked is saved after it. */
  probe.saved = FALSE;
  second = jj_mark_store_add_range (store, 15, 22, "fact", NULL);
  deadline = g_get_monotonic_time () + jj_test_usec (10);
  while ((jj_mark_store_get_dirty (store) || !probe.saved) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticks);
  g_assert_false (jj_mark_store_get_dirty (store));

  sidecar = jj_sidecar_load (f->sidecar, &error);
  g_assert_no_error (error);
  g_assert_nonnull (jj_sidecar_lookup (sidecar, jj_mark_get_id (first)));
  g_assert_nonnull (jj_sidecar_lookup (sidecar, jj_mark_get_id (second)));
  g_clear_object (&store);
  g_unsetenv ("JJ_TEST_NO_LOCK");
}

/* The reload after a change on disk runs under the lock too. */
static void
test_reload_locked (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JjMarkStore) a = open_store (f, text);
  g_autoptr(JjMarkStore) b = open_store (f, text);
  g_autoptr(GError) error = NULL;
  int fd;

  jj_mark_store_add_range (a, 5, 12, "borrow", NULL);
  save (a);

  g_setenv ("JJ_LOCK_TIMEOUT_MS", "100", TRUE);
  fd = hold_folder_lock (f->dir);
  g_assert_false (jj_mark_store_reload (b, &error));
  g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY));
  g_assert_cmpuint (n_marks (b), ==, 0);
  flock (fd, LOCK_UN);
  close (fd);
  g_unsetenv ("JJ_LOCK_TIMEOUT_MS");

  g_clear_error (&error);
  g_assert_true (jj_mark_store_reload (b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_marks (b), ==, 1);
}

/* One function says where a document's sidecar is, and why. */
static void
test_locate (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *long_name = NULL;
  g_autofree char *long_doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *elsewhere = g_build_filename (f->dir, "other.xml", NULL);
  g_autoptr(GFile) long_file = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  JjSidecarPlace place;

  path = jj_mark_store_locate_sidecar (f->file, NULL, &place);
  g_assert_cmpstr (path, ==, f->sidecar);
  g_assert_cmpint (place, ==, JJ_SIDECAR_PLACE_BESIDE);
  g_clear_pointer (&path, g_free);

  /* A symbolic link beside the document is never the sidecar. */
  g_assert_true (g_file_set_contents (elsewhere, "<x/>", -1, NULL));
  g_assert_cmpint (symlink (elsewhere, f->sidecar), ==, 0);
  path = jj_mark_store_locate_sidecar (f->file, NULL, &place);
  g_assert_cmpint (place, ==, JJ_SIDECAR_PLACE_UNSAFE);
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_clear_pointer (&path, g_free);
  g_unlink (f->sidecar);

  /* 81 characters of three bytes and .txt: 247 bytes, no room for
   * NAME.jiejian.xml beside it. */
  for (guint i = 0; i < 81; i++)
    g_string_append (name, "讲");
  g_string_append (name, ".txt");
  long_doc = g_build_filename (f->dir, name->str, NULL);
  long_file = g_file_new_for_path (long_doc);
  path = jj_mark_store_locate_sidecar (long_file, NULL, &place);
  g_assert_cmpint (place, ==, JJ_SIDECAR_PLACE_LONG_NAME);
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_cmpuint (strlen (strrchr (path, '/') + 1), <, 100);
  g_clear_pointer (&path, g_free);

  /* One written in the per-user folder before is found there. */
  path = jj_mark_store_dup_fallback_path (f->file, "0123456789abcdef");
  {
    g_autofree char *folder = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  }
  g_assert_true (g_file_set_contents (path, "<x/>", -1, NULL));
  {
    g_autofree char *found = jj_mark_store_locate_sidecar (f->file, NULL, &place);

    g_assert_cmpstr (found, ==, path);
    g_assert_cmpint (place, ==, JJ_SIDECAR_PLACE_FALLBACK);
  }
  g_unlink (path);
  g_unlink (elsewhere);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, needle) != NULL;
}

/* Issue 16, item 1: a sidecar symlinked to another, private one is
 * neither merged nor written through, and nothing of it is written
 * beside the document; a conflict copy that is a link is left alone.
 */
static void
test_symlink_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *private_dir = g_build_filename (f->dir, "private", NULL);
  g_autofree char *secret_doc = g_build_filename (private_dir, "secret.txt", NULL);
  g_autofree char *secret = g_strconcat (secret_doc, ".jiejian.xml", NULL);
  g_autofree char *conflict = g_strconcat (f->doc, ".jiejian.sync-conflict-20260101-120000-ABCDEFG.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) secret_file = NULL;
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(GFile) sidecar = NULL;
  const char *name;
  GStatBuf st;
  GDir *d;

  g_assert_cmpint (g_mkdir (private_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (secret_doc, text, -1, NULL));
  secret_file = g_file_new_for_path (secret_doc);
  {
    g_autoptr(JjMarkStore) owner = jj_mark_store_new (secret_file);
    JjMark *mark;

    g_assert_true (jj_mark_store_load (owner, text, NULL, NULL));
    mark = jj_mark_store_add_range (owner, 5, 12, "borrow", NULL);
    jj_mark_set_note (mark, "PRIVATE-NOTE");
    save (owner);
  }
  g_assert_cmpint (g_chmod (secret, 0600), ==, 0);
  g_assert_true (g_file_get_contents (secret, &before, NULL, NULL));

  g_assert_cmpint (symlink (secret, f->sidecar), ==, 0);
  g_assert_cmpint (symlink (secret, conflict), ==, 0);

  store = open_store (f, text);
  g_assert_cmpuint (n_marks (store), ==, 0);
  g_assert_true (jj_mark_store_get_fallback (store));
  g_assert_nonnull (strstr (jj_mark_store_get_notice (store), "symbolic link"));
  jj_mark_store_add_range (store, 15, 22, "fact", NULL);
  save (store);
  sidecar = jj_mark_store_get_sidecar (store);
  g_assert_false (file_contains (g_file_peek_path (sidecar), "PRIVATE-NOTE"));
  g_clear_object (&store);

  /* Beside the document: the two links as they were, and nothing else
   * new but the private folder. */
  g_assert_cmpint (g_lstat (f->sidecar, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (conflict, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  d = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode))
        {
          g_assert_cmpstr (name, ==, "speech.txt");
          g_assert_false (file_contains (path, "PRIVATE-NOTE"));
        }
    }
  g_dir_close (d);
  g_assert_true (g_file_get_contents (secret, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_stat (secret, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_file_delete (sidecar, NULL, NULL);
}

/* A backup that is a link to a private sidecar: a damaged sidecar is
 * not restored from it, and a save replaces the link, never writes
 * through it. */
static void
test_backup_link_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *secret = g_build_filename (f->dir, "secret.xml", NULL);
  g_autofree char *backup = jj_atomic_file_dup_backup_path (f->sidecar);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JjMarkStore) store = NULL;
  GStatBuf st;

  store = open_store (f, text);
  jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  jj_mark_set_note (nth_mark (store, 0), "PRIVATE-NOTE");
  save (store);
  g_clear_object (&store);
  g_assert_cmpint (g_rename (f->sidecar, secret), ==, 0);
  g_unlink (backup);
  g_assert_true (g_file_get_contents (secret, &before, NULL, NULL));

  g_assert_cmpint (symlink (secret, backup), ==, 0);
  g_assert_true (g_file_set_contents (f->sidecar, "<jiejian", -1, NULL));
  store = open_store (f, text);
  g_assert_cmpuint (n_marks (store), ==, 0);
  jj_mark_store_add_range (store, 15, 22, "fact", NULL);
  save (store);
  /* The first save had nothing to back up; the second replaces the link. */
  jj_mark_store_add_range (store, 25, 29, "fact", NULL);
  save (store);
  g_clear_object (&store);

  g_assert_false (file_contains (f->sidecar, "PRIVATE-NOTE"));
  g_assert_cmpint (g_lstat (backup, &st), ==, 0);
  g_assert_false (S_ISLNK (st.st_mode));
  g_assert_false (file_contains (backup, "PRIVATE-NOTE"));
  g_assert_true (g_file_get_contents (secret, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static char *
snapshot (const char *dir)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  GDir *d = g_dir_open (dir, 0, NULL);

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      g_ptr_array_add (lines, g_strdup_printf ("%s %o %" G_GINT64_FORMAT " %ld.%09ld %" G_GUINT64_FORMAT,
                                               name, st.st_mode, (gint64)st.st_size,
                                               (long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
                                               (guint64)st.st_ino));
    }
  g_dir_close (d);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **)lines->pdata);
}

/* Issue 16, item 7: a store opened to be read writes, renames and
 * removes nothing, though marks moved, a conflict copy waits and an old
 * temporary file lies about; it does not save on dispose.
 */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *conflict_name = NULL;
  g_autofree char *stale = g_strconcat (f->sidecar, ".Ab12Cd", NULL);
  g_autofree char *edited = g_strconcat ("新的开场白。\n", text, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  JjMarkStore *store;
  struct utimbuf old = { 0, 0 };

  conflict_name = g_strconcat (f->doc, ".jiejian.sync-conflict-20260101-120000-ABCDEFG.xml", NULL);
  store = open_store (f, text);
  jj_mark_store_add_range (store, 70, 80, "golden", NULL);
  save (store);
  g_object_unref (store);
  g_assert_true (g_file_get_contents (f->sidecar, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (conflict_name, before, -1, NULL));
  g_assert_true (g_file_set_contents (stale, "x", -1, NULL));
  g_assert_cmpint (utime (stale, &old), ==, 0);
  g_clear_pointer (&before, g_free);
  before = snapshot (f->dir);

  store = jj_mark_store_new (f->file);
  jj_mark_store_set_read_only (store, TRUE);
  g_assert_true (jj_mark_store_load (store, edited, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_marks (store), ==, 1);
  g_assert_cmpint (jj_mark_get_status (nth_mark (store, 0)), ==, JJ_MARK_STATUS_MOVED);
  g_assert_true (jj_mark_store_get_dirty (store));
  g_assert_false (jj_mark_store_save (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_object_unref (store);

  after = snapshot (f->dir);
  g_assert_cmpstr (after, ==, before);

  /* A damaged sidecar is not set aside either. */
  g_assert_true (g_file_set_contents (f->sidecar, "<jiejian", -1, NULL));
  g_clear_pointer (&before, g_free);
  before = snapshot (f->dir);
  store = jj_mark_store_new (f->file);
  jj_mark_store_set_read_only (store, TRUE);
  g_clear_error (&error);
  g_assert_true (jj_mark_store_load (store, text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (jj_mark_store_get_notice (store));
  g_object_unref (store);
  g_clear_pointer (&after, g_free);
  after = snapshot (f->dir);
  g_assert_cmpstr (after, ==, before);
}

/* Issue 16, item 2: a new sidecar is no wider than its document, at
 * most 0644; an existing one keeps its mode. */
static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JjMarkStore) store = NULL;
  mode_t mask = umask (0);
  GStatBuf st;

  g_assert_cmpint (g_chmod (f->doc, 0640), ==, 0);
  store = open_store (f, text);
  jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  save (store);
  g_assert_cmpint (g_stat (f->sidecar, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  g_assert_cmpint (g_chmod (f->sidecar, 0600), ==, 0);
  g_assert_cmpint (g_chmod (f->doc, 0666), ==, 0);
  jj_mark_store_add_range (store, 15, 22, "borrow", NULL);
  save (store);
  g_assert_cmpint (g_stat (f->sidecar, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&store);

  g_unlink (f->sidecar);
  store = open_store (f, text);
  jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  save (store);
  g_assert_cmpint (g_stat (f->sidecar, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  umask (mask);
}

/* Issue 16, item 6: a name with no room for a sidecar beside it is
 * marked in the per-user folder, under a hashed name. */
static void
test_long_name (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(JjMarkStore) again = NULL;
  g_autoptr(GFile) sidecar = NULL;
  g_autofree char *doc = NULL;
  const char *entry;
  guint n_files = 0;
  GDir *d;

  for (guint i = 0; i < 83; i++)
    g_string_append (name, "讲");
  g_string_append (name, ".txt");
  g_assert_cmpuint (name->len, ==, 253);
  doc = g_build_filename (f->dir, name->str, NULL);
  /* Written in place: no room for a temporary name either. */
  g_assert_true (g_file_set_contents_full (doc, text, -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  g_object_unref (f->file);
  f->file = g_file_new_for_path (doc);

  store = open_store (f, text);
  g_assert_true (jj_mark_store_get_fallback (store));
  g_assert_nonnull (strstr (jj_mark_store_get_notice (store), "too long"));
  jj_mark_store_add_range (store, 5, 12, "borrow", NULL);
  save (store);
  sidecar = jj_mark_store_get_sidecar (store);
  g_assert_true (g_file_query_exists (sidecar, NULL));

  again = open_store (f, text);
  g_assert_cmpuint (n_marks (again), ==, 1);

  d = g_dir_open (f->dir, 0, NULL);
  while ((entry = g_dir_read_name (d)) != NULL)
    n_files++;
  g_dir_close (d);
  g_assert_cmpuint (n_files, ==, 2);
  g_file_delete (sidecar, NULL, NULL);
}

/* The speech's details go into the sidecar with the marks, and come back. */
static void
test_speech_info (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JjMarkStore) store = open_store (f, text);
  g_autoptr(JjMarkStore) again = NULL;
  g_autoptr(JjSpeechInfo) info = jj_speech_info_new ();

  g_assert_null (jj_mark_store_get_speech_info (store));
  jj_speech_info_set_speaker (info, "王建平");
  g_assert_true (jj_speech_info_set_date (info, "2018-09-03"));
  jj_mark_store_set_speech_info (store, info);
  g_assert_true (jj_mark_store_get_dirty (store));
  /* A copy is kept: later changes to @info are not. */
  jj_speech_info_set_speaker (info, "别人");
  save (store);
  g_assert_true (g_file_test (f->sidecar, G_FILE_TEST_EXISTS));

  again = open_store (f, text);
  g_assert_nonnull (jj_mark_store_get_speech_info (again));
  g_assert_cmpstr (jj_speech_info_get_speaker (jj_mark_store_get_speech_info (again)), ==, "王建平");
  g_assert_cmpstr (jj_speech_info_get_date (jj_mark_store_get_speech_info (again)), ==, "2018-09-03");

  /* Setting what is there already changes nothing. */
  g_assert_false (jj_mark_store_get_dirty (again));
  jj_mark_store_set_speech_info (again, jj_mark_store_get_speech_info (again));
  g_assert_false (jj_mark_store_get_dirty (again));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  xmlInitParser ();
  self_exe = argv[0];

  if (argc == 3 && g_str_equal (argv[1], "--saver"))
    return run_saver (argv[2], TRUE, 0);
  if (argc == 3 && g_str_equal (argv[1], "--adder"))
    return run_saver (argv[2], FALSE, 40);

  data_home = g_dir_make_tmp ("jj-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/mark-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("debounced-save", test_debounced_save);
  ADD ("saved-on-dispose", test_saved_on_dispose);
  ADD ("tombstones", test_tombstones);
  ADD ("newest-wins", test_newest_wins);
  ADD ("monitor", test_monitor);
  ADD ("conflict-copies", test_conflict_copies);
  ADD ("unreadable-set-aside", test_unreadable_set_aside);
  ADD ("hostile-sidecar-kept", test_hostile_sidecar_kept);
  ADD ("damaged-while-open", test_damaged_while_open);
  ADD ("reanchor-on-load", test_reanchor_on_load);
  ADD ("orphans-kept", test_orphans_kept);
  ADD ("stale-temporaries", test_stale_temporaries);
  ADD ("fallback", test_fallback);
  ADD ("crash-safety", test_crash_safety);
  ADD ("concurrent-union", test_concurrent_union);
  ADD ("lock-wait-off-main-loop", test_lock_wait_off_main_loop);
  ADD ("reload-locked", test_reload_locked);
  ADD ("unlocked-off-main-loop", test_unlocked_off_main_loop);
  ADD ("locate", test_locate);
  ADD ("symlink-refused", test_symlink_refused);
  ADD ("backup-link-refused", test_backup_link_refused);
  ADD ("read-only", test_read_only);
  ADD ("modes", test_modes);
  ADD ("long-name", test_long_name);
  ADD ("speech-info", test_speech_info);
  g_test_add_func ("/mark-store/conflict-names", test_conflict_names);

#undef ADD

  {
    int ret = g_test_run ();

    jj_test_remove_tree (data_home);
    return ret;
  }
}
