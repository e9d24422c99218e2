/* test-mark-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "jj-mark-history.h"

static const char *text = "全国会议讲话\n同志们：\n一、要把握新形势\n今年是新一轮创建工作的起始之年。";

typedef struct
{
  char        *dir;
  GFile       *document;
  JjMarkStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jj-history-XXXXXX", NULL);
  path = g_build_filename (f->dir, "speech.txt", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  f->document = g_file_new_for_path (path);
  f->store = jj_mark_store_new (f->document);
  jj_mark_store_set_save_delay (f->store, 0);
  g_assert_true (jj_mark_store_load (f->store, text, fingerprint, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_clear_object (&f->document);
  g_free (f->dir);
}

static guint
n_marks (Fixture *f)
{
  return g_list_model_get_n_items (jj_mark_store_get_marks (f->store));
}

/* What another process would read from the sidecar now. */
static guint
n_saved_marks (Fixture *f)
{
  g_autofree char *fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(JjMarkStore) other = jj_mark_store_new (f->document);
  g_autoptr(GError) error = NULL;

  jj_mark_store_flush (f->store);
  g_assert_true (jj_mark_store_load (other, text, fingerprint, &error));
  g_assert_no_error (error);

  return g_list_model_get_n_items (jj_mark_store_get_marks (other));
}

static void
test_undo_redo_add (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JjMarkHistory) history = jj_mark_history_new (f->store);
  JjMark *mark;

  g_assert_false (jj_mark_history_can_undo (history));
  mark = jj_mark_store_add_range (f->store, 13, 20, "borrow", "一、要把握新形势");
  jj_mark_history_added (history, mark);
  g_assert_true (jj_mark_history_can_undo (history));
  g_assert_cmpuint (n_saved_marks (f), ==, 1);

  g_assert_true (jj_mark_history_undo (history) == mark);
  g_assert_cmpuint (n_marks (f), ==, 0);
  g_assert_true (jj_mark_get_deleted (mark));
  g_assert_cmpuint (n_saved_marks (f), ==, 0);
  g_assert_true (jj_mark_history_can_redo (history));

  g_assert_true (jj_mark_history_redo (history) == mark);
  g_assert_cmpuint (n_marks (f), ==, 1);
  g_assert_false (jj_mark_get_deleted (mark));
  g_assert_cmpuint (n_saved_marks (f), ==, 1);
  g_assert_false (jj_mark_history_can_redo (history));
  g_assert_null (jj_mark_history_redo (history));
}

static void
test_undo_remove (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JjMarkHistory) history = jj_mark_history_new (f->store);
  JjMark *mark = jj_mark_store_add_range (f->store, 13, 20, "golden", NULL);

  jj_mark_store_remove (f->store, mark);
  jj_mark_history_removed (history, mark);
  g_assert_cmpuint (n_marks (f), ==, 0);

  jj_mark_history_undo (history);
  g_assert_cmpuint (n_marks (f), ==, 1);
  g_assert_cmpuint (n_saved_marks (f), ==, 1);
  {
    g_autoptr(JjMark) restored = g_list_model_get_item (jj_mark_store_get_marks (f->store), 0);

    g_assert_true (restored == mark);
    g_assert_cmpstr (jj_mark_get_kind (restored), ==, "golden");
  }
}

static void
test_undo_edit (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JjMarkHistory) history = jj_mark_history_new (f->store);
  JjMark *mark = jj_mark_store_add_range (f->store, 13, 20, "borrow", NULL);
  g_autoptr(JjMark) before = jj_mark_history_begin_edit (history, mark);
  const char *tags[] = { "开头", NULL };

  jj_mark_set_note (mark, "可用于开场");
  jj_mark_set_kind (mark, "wording");
  jj_mark_set_tags (mark, tags);
  jj_mark_store_touch (f->store, mark);
  jj_mark_history_end_edit (history, mark, before);

  jj_mark_history_undo (history);
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "borrow");
  g_assert_true (jj_mark_get_note (mark) == NULL || *jj_mark_get_note (mark) == '\0');
  g_assert_true (jj_mark_get_tags (mark) == NULL || jj_mark_get_tags (mark)[0] == NULL);

  jj_mark_history_redo (history);
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "wording");
  g_assert_cmpstr (jj_mark_get_note (mark), ==, "可用于开场");
  g_assert_true (jj_mark_has_tag (mark, "开头"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/mark-history/add", Fixture, NULL, fixture_set_up, test_undo_redo_add, fixture_tear_down);
  g_test_add ("/mark-history/remove", Fixture, NULL, fixture_set_up, test_undo_remove, fixture_tear_down);
  g_test_add ("/mark-history/edit", Fixture, NULL, fixture_set_up, test_undo_edit, fixture_tear_down);

  return g_test_run ();
}
