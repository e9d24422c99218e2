/* test-mark-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gstdio.h>

#include "jj-document.h"
#include "jj-mark-session.h"
#include "test-files.h"
#include "test-slowdown.h"

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
  char       *dir;
  char       *doc;
  char       *sidecar;
  GFile      *file;
  JjDocument *document;

  /* What the session under test told */
  guint       n_items_changed;
  guint       last_removed;
  guint       last_added;
  guint       n_mark_changed;
  guint       n_reloaded;
  guint       n_rewritten;
  guint       rewritten_marks;
  guint       n_can_undo;
  JjAnchorReport report;
  char       *last_note;   /* of the mark added last, when it was added */
} Fixture;

static void
load_document (Fixture    *f,
               const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->doc, contents, -1, NULL));
  g_clear_object (&f->document);
  f->document = jj_document_load (f->file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->document);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("jj-session-XXXXXX", NULL);
  f->doc = g_build_filename (f->dir, "speech.txt", NULL);
  f->sidecar = g_strconcat (f->doc, ".jiejian.xml", NULL);
  f->file = g_file_new_for_path (f->doc);
  load_document (f, text);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->document);
  g_clear_pointer (&f->last_note, g_free);
  jj_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->doc);
  g_free (f->sidecar);
  g_object_unref (f->file);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_items_changed++;
  f->last_removed = removed;
  f->last_added = added;
  g_clear_pointer (&f->last_note, g_free);
  if (added == 1)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (model, position);

      f->last_note = g_strdup (jj_mark_get_note (mark));
    }
}

static void
mark_changed_cb (JjMarkSession *session,
                 JjMark        *mark,
                 Fixture       *f)
{
  f->n_mark_changed++;
}

static void
reloaded_cb (JjMarkSession  *session,
             JjAnchorReport *report,
             Fixture        *f)
{
  f->n_reloaded++;
  f->report = *report;
}

static void
rewritten_cb (JjMarkSession *session,
              guint          n_marks,
              Fixture       *f)
{
  f->n_rewritten++;
  f->rewritten_marks = n_marks;
}

static void
can_undo_cb (JjMarkSession *session,
             GParamSpec    *pspec,
             Fixture       *f)
{
  f->n_can_undo++;
}

static JjMarkSession *
open_session (Fixture    *f,
              const char *author)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = jj_document_dup_fingerprint (f->document);
  JjMarkSession *session = jj_mark_session_new (f->file, jj_document_get_outline (f->document), author);

  jj_mark_store_set_save_delay (jj_mark_session_get_store (session), 20);
  g_assert_true (jj_mark_session_load (session, jj_document_get_text (f->document), fingerprint, &error));
  g_assert_no_error (error);

  return session;
}

static void
watch (Fixture       *f,
       JjMarkSession *session)
{
  g_signal_connect (jj_mark_session_get_marks (session), "items-changed", G_CALLBACK (items_changed_cb), f);
  g_signal_connect (session, "mark-changed", G_CALLBACK (mark_changed_cb), f);
  g_signal_connect (session, "reloaded", G_CALLBACK (reloaded_cb), f);
  g_signal_connect (session, "rewritten", G_CALLBACK (rewritten_cb), f);
  g_signal_connect (session, "notify::can-undo", G_CALLBACK (can_undo_cb), f);
}

static void
reset (Fixture *f)
{
  f->n_items_changed = f->last_removed = f->last_added = 0;
  f->n_mark_changed = f->n_reloaded = f->n_rewritten = f->n_can_undo = 0;
}

static guint
offset_of (const char *haystack,
           const char *needle)
{
  const char *p = strstr (haystack, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (haystack, p);
}

static JjMark *
nth_mark (JjMarkSession *session,
          guint          i)
{
  g_autoptr(JjMark) mark = g_list_model_get_item (jj_mark_session_get_marks (session), i);

  return mark;
}

static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JjMarkSession) session = open_session (f, "测试者");
  const char * const tags[] = { "创建", NULL };
  guint start = offset_of (text, "创建文明城市是");
  JjMark *mark;

  watch (f, session);
  g_assert_false (jj_mark_session_get_can_undo (session));

  mark = jj_mark_session_add (session, start, start + 6, "golden", tags, "一条批注", "#3366cc");
  g_assert_nonnull (mark);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 0);
  g_assert_cmpuint (f->n_mark_changed, ==, 0);
  g_assert_cmpuint (f->n_can_undo, >=, 1);
  g_assert_true (jj_mark_session_get_can_undo (session));
  /* Everything was set before the mark was in the model. */
  g_assert_cmpstr (f->last_note, ==, "一条批注");
  g_assert_cmpstr (jj_mark_get_note (mark), ==, "一条批注");
  g_assert_cmpstr (jj_mark_get_own_color (mark), ==, "#3366cc");
  g_assert_true (jj_mark_has_tag (mark, "创建"));

  reset (f);
  jj_mark_session_set_note (session, mark, "改过的批注");
  g_assert_cmpuint (f->n_mark_changed, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 1);

  /* Several fields, one step of the history. */
  reset (f);
  jj_mark_session_begin_edit (session, mark);
  jj_mark_set_kind (mark, "wording");
  jj_mark_set_note (mark, "第三稿");
  jj_mark_session_end_edit (session, mark);
  g_assert_cmpuint (f->n_mark_changed, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 1);

  reset (f);
  g_assert_true (jj_mark_session_undo (session) == mark);
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "golden");
  g_assert_cmpstr (jj_mark_get_note (mark), ==, "改过的批注");
  g_assert_cmpuint (f->n_mark_changed, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_true (jj_mark_session_get_can_redo (session));

  reset (f);
  g_assert_true (jj_mark_session_redo (session) == mark);
  g_assert_cmpstr (jj_mark_get_note (mark), ==, "第三稿");
  g_assert_cmpuint (f->n_mark_changed, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 1);

  reset (f);
  jj_mark_session_delete (session, mark);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 0);
  g_assert_cmpuint (f->n_mark_changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_session_get_marks (session)), ==, 0);

  reset (f);
  g_assert_true (jj_mark_session_undo (session) == mark);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 1);
  g_assert_cmpuint (f->n_mark_changed, ==, 0);
  g_assert_false (jj_mark_get_deleted (mark));

  reset (f);
  g_assert_true (jj_mark_session_redo (session) == mark);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 1);
  g_assert_true (jj_mark_get_deleted (mark));

  /* Undoing the add after undoing the delete: gone again. */
  jj_mark_session_undo (session);
  reset (f);
  jj_mark_session_undo (session);
  jj_mark_session_undo (session);
  jj_mark_session_undo (session);
  g_assert_cmpuint (f->n_mark_changed, ==, 2);
  g_assert_cmpuint (f->last_removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_session_get_marks (session)), ==, 0);
  g_assert_false (jj_mark_session_get_can_undo (session));
  g_assert_null (jj_mark_session_undo (session));
  g_assert_cmpuint (f->n_items_changed, ==, 3);
}

static void
test_section_author_save (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JjMarkSession) session = open_session (f, "测试者");
  g_autoptr(JjMarkSession) again = NULL;
  g_autoptr(JjMarkSession) anonymous = NULL;
  g_autofree char *contents = NULL;
  guint start = offset_of (text, "要坚持以人民为中心");
  JjMark *mark;

  mark = jj_mark_session_add (session, start, start + 9, "borrow", NULL, NULL, NULL);
  g_assert_nonnull (mark);
  g_assert_nonnull (strstr (jj_mark_get_section (mark), "突出重点"));
  g_assert_cmpstr (jj_mark_get_author (mark), ==, "测试者");

  /* The debounced save happens without anyone asking. */
  {
    gint64 deadline = g_get_monotonic_time () + jj_test_usec (5);

    while (jj_mark_store_get_dirty (jj_mark_session_get_store (session)) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_false (jj_mark_store_get_dirty (jj_mark_session_get_store (session)));
  g_assert_true (g_file_get_contents (f->sidecar, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, jj_mark_get_id (mark)));
  g_assert_nonnull (strstr (contents, "测试者"));

  again = open_session (f, "另一位");
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_session_get_marks (again)), ==, 1);
  g_assert_cmpstr (jj_mark_get_author (nth_mark (again, 0)), ==, "测试者");
  g_assert_nonnull (strstr (jj_mark_get_section (nth_mark (again, 0)), "突出重点"));

  /* No name in the settings: the store's, the user's own. */
  anonymous = open_session (f, "");
  mark = jj_mark_session_add (anonymous, 5, 8, "borrow", NULL, NULL, NULL);
  g_assert_nonnull (jj_mark_get_author (mark));
  g_assert_cmpstr (jj_mark_get_author (mark), !=, "");
  g_assert_cmpstr (jj_mark_get_author (mark), !=, "测试者");
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_for (guint *counter)
{
  gint64 deadline = g_get_monotonic_time () + jj_test_usec (5);
  guint tick = g_timeout_add (50, tick_cb, NULL);

  while (*counter == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_cmpuint (*counter, >, 0);
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JjMarkSession) a = open_session (f, "甲");
  g_autoptr(JjMarkSession) b = NULL;
  g_autoptr(GError) error = NULL;

  jj_mark_session_add (a, 5, 12, "borrow", NULL, NULL, NULL);
  g_assert_true (jj_mark_session_save (a, &error));
  b = open_session (f, "乙");
  watch (f, a);

  jj_mark_session_add (b, 40, 50, "wording", NULL, NULL, NULL);
  g_assert_true (jj_mark_session_save (b, &error));
  g_assert_no_error (error);

  wait_for (&f->n_reloaded);
  g_assert_cmpuint (f->n_reloaded, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 1);
  g_assert_cmpuint (f->report.placed, ==, 1);
  g_assert_cmpuint (f->report.moved + f->report.changed + f->report.orphaned, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_session_get_marks (a)), ==, 2);
  /* Someone else's mark is no step of this session's history. */
  jj_mark_session_undo (a);
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_session_get_marks (a)), ==, 1);
  g_assert_false (jj_mark_session_get_can_undo (a));
}

static void
test_rewritten (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JjMarkSession) session = open_session (f, "甲");
  g_autoptr(JjMarkSession) again = NULL;
  g_autoptr(GError) error = NULL;
  JjMark *mark;

  mark = jj_mark_session_add (session, 5, 12, "borrow", NULL, NULL, NULL);
  jj_mark_session_add (session, 20, 30, "golden", NULL, NULL, NULL);
  g_assert_true (jj_mark_session_save (session, &error));
  watch (f, session);

  g_assert_cmpint (g_unlink (f->sidecar), ==, 0);
  wait_for (&f->n_rewritten);
  g_assert_cmpuint (f->n_rewritten, ==, 1);
  g_assert_cmpuint (f->rewritten_marks, ==, 2);
  g_assert_true (g_file_test (f->sidecar, G_FILE_TEST_IS_REGULAR));

  again = open_session (f, "乙");
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_session_get_marks (again)), ==, 2);
  g_assert_cmpstr (jj_mark_get_id (nth_mark (again, 0)), ==, jj_mark_get_id (mark));
}

/* One mark moves, one takes other wording, one loses its passage. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JjMarkSession) session = open_session (f, "甲");
  g_autoptr(JjMarkSession) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = g_string_new (text);
  guint moved_start = offset_of (text, "要坚持以人民为中心");
  guint changed_start = offset_of (text, "创建文明城市是提升城市品质");
  guint orphan_start = offset_of (text, "形成齐抓共管");
  guint kept_start = offset_of (text, "同志们");
  const JjAnchorReport *report;
  JjMark *moved, *changed, *orphan;

  jj_mark_session_add (session, kept_start, kept_start + 3, "borrow", NULL, NULL, NULL);
  jj_mark_session_add (session, moved_start, moved_start + 9, "borrow", NULL, NULL, NULL);
  jj_mark_session_add (session, changed_start, changed_start + 13, "golden", NULL, NULL, NULL);
  jj_mark_session_add (session, orphan_start, orphan_start + 10, "wording", NULL, NULL, NULL);
  g_assert_true (jj_mark_session_save (session, &error));
  g_clear_object (&session);

  /* A sentence after the greeting moves what follows; 提升 becomes 提高;
   * the last clause is gone. */
  g_string_replace (edited, "同志们：\n", "同志们：\n会议开始前，先通报一件事情。\n", 1);
  g_string_replace (edited, "提升城市品质", "提高城市品质", 1);
  g_string_replace (edited, "，形成齐抓共管的工作格局", "", 1);
  load_document (f, edited->str);

  after = open_session (f, "甲");
  report = jj_mark_session_get_report (after);
  g_assert_true (report->text_changed);
  g_assert_cmpuint (report->placed, ==, 1);
  g_assert_cmpuint (report->moved, ==, 1);
  g_assert_cmpuint (report->changed, ==, 1);
  g_assert_cmpuint (report->orphaned, ==, 1);

  changed = nth_mark (after, 1);
  g_assert_cmpstr (jj_mark_get_quote (changed), ==, "创建文明城市是提高城市品质");
  g_assert_cmpint (jj_mark_get_status (changed), ==, JJ_MARK_STATUS_MOVED);
  moved = nth_mark (after, 2);
  g_assert_cmpstr (jj_mark_get_quote (moved), ==, "要坚持以人民为中心");
  g_assert_cmpuint (jj_mark_get_start (moved), ==, offset_of (edited->str, "要坚持以人民为中心"));
  g_assert_cmpuint (jj_mark_get_start (moved), !=, moved_start);
  g_assert_nonnull (strstr (jj_mark_get_section (moved), "突出重点"));
  orphan = nth_mark (after, 3);
  g_assert_cmpint (jj_mark_get_status (orphan), ==, JJ_MARK_STATUS_ORPHAN);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (jj_mark_session_load_finish (JJ_MARK_SESSION (object), result, &error));
  g_assert_no_error (error);
  f->n_reloaded++;
}

static void
test_load_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JjMarkSession) first = open_session (f, "甲");
  g_autoptr(JjMarkSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = jj_document_dup_fingerprint (f->document);

  for (guint i = 0; i < 30; i++)
    jj_mark_session_add (first, i * 3, i * 3 + 2, "borrow", NULL, NULL, NULL);
  g_assert_true (jj_mark_session_save (first, &error));

  session = jj_mark_session_new (f->file, jj_document_get_outline (f->document), "乙");
  g_signal_connect (jj_mark_session_get_marks (session), "items-changed", G_CALLBACK (items_changed_cb), f);
  jj_mark_session_load_async (session, jj_document_get_text (f->document), fingerprint, NULL, loaded_cb, f);

  /* Nothing can be marked before the marks are there. */
  g_assert_false (jj_mark_session_get_loaded (session));
  g_assert_null (jj_mark_session_add (session, 1, 3, "borrow", NULL, NULL, NULL));

  wait_for (&f->n_reloaded);
  g_assert_true (jj_mark_session_get_loaded (session));
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 30);
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_session_get_marks (session)), ==, 30);
  g_assert_nonnull (jj_mark_session_add (session, 1, 3, "borrow", NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/mark-session/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("notifications", test_notifications);
  ADD ("section-author-save", test_section_author_save);
  ADD ("reload", test_reload);
  ADD ("rewritten", test_rewritten);
  ADD ("report", test_report);
  ADD ("load-async", test_load_async);

  return g_test_run ();
}
