/* test-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <sqlite3.h>

#include "jj-library.h"
#include "jj-mark-store.h"
#include "jj-text-index.h"
#include "library-data.h"

/* A few hundred speeches for searching; fewer where the test changes them. */
#define N_DOCUMENTS 300
#define N_SMALL 20
#define N_MARKS 3

typedef struct
{
  char      *dir;     /* the folder of speeches */
  char      *outside; /* a folder the library does not scan */
  GFile     *index;
  JjLibrary *library;
  guint      n_documents;
} Fixture;

static JjLibrary *
open_library (Fixture *fixture)
{
  g_autoptr(JjLibrary) library = jj_library_new (fixture->index);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;

  jj_library_add_folder (library, folder);
  g_assert_true (jj_library_load (library, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&library);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("jj-library-XXXXXX", &error);
  g_autofree char *index = NULL;

  g_assert_no_error (error);
  fixture->dir = g_build_filename (root, "speeches", NULL);
  fixture->outside = g_build_filename (root, "elsewhere", NULL);
  g_mkdir_with_parents (fixture->outside, 0755);
  index = g_build_filename (root, "data", "jiejian", "library.index", NULL);
  fixture->index = g_file_new_for_path (index);

  fixture->n_documents = GPOINTER_TO_UINT (data);
  for (guint i = 0; i < fixture->n_documents; i++)
    library_data_write_document (fixture->dir, i, N_MARKS);

  fixture->library = open_library (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *root = g_path_get_dirname (fixture->dir);

  g_clear_object (&fixture->library);
  g_clear_object (&fixture->index);
  library_data_delete_recursively (root);
  g_free (fixture->dir);
  g_free (fixture->outside);
}

static guint
count (JjLibrary  *library,
       const char *text,
       const char *kind,
       const char *tag)
{
  g_autoptr(JjLibraryQuery) query = jj_library_query_new ();
  g_autoptr(GPtrArray) result = NULL;

  jj_library_query_set_text (query, text);
  jj_library_query_set_kind (query, kind);
  jj_library_query_set_tag (query, tag);
  result = jj_library_search (library, query);

  return result->len;
}

static JjPassage *
find_one (JjLibrary  *library,
          const char *text)
{
  g_autoptr(JjLibraryQuery) query = jj_library_query_new ();
  g_autoptr(GPtrArray) result = NULL;

  jj_library_query_set_text (query, text);
  result = jj_library_search (library, query);
  g_assert_cmpuint (result->len, ==, 1);

  return g_object_ref (g_ptr_array_index (result, 0));
}

static void
test_search_and_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  JjLibrary *library = fixture->library;
  g_autoptr(JjLibraryQuery) query = jj_library_query_new ();
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(JjPassage) passage = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *doc_path = NULL;
  guint with_phrase[LIBRARY_DATA_N_PHRASES] = { 0 };
  guint borrow = 0, rural = 0, borrow_rural_growth = 0;

  for (guint i = 0; i < N_DOCUMENTS; i++)
    for (guint j = 0; j < N_MARKS; j++)
      {
        gboolean is_borrow = g_str_equal (library_data_kind (i, j), "borrow");
        gboolean is_rural = g_str_equal (library_data_tag (i, j), "乡村");

        with_phrase[library_data_phrase (i, j)]++;
        borrow += is_borrow;
        rural += is_rural;
        borrow_rural_growth += is_borrow && is_rural && library_data_phrase (i, j) == 1;
      }

  g_assert_cmpuint (jj_library_get_n_documents (library), ==, N_DOCUMENTS);
  g_assert_cmpuint (jj_library_get_n_passages (library), ==, N_DOCUMENTS * N_MARKS);
  g_assert_cmpuint (g_list_model_get_n_items (jj_library_get_passages (library)), ==, N_DOCUMENTS * N_MARKS);

  /* Substring search, simplified and traditional alike. */
  g_assert_cmpuint (count (library, "高质量发展", NULL, NULL), ==, with_phrase[1]);
  g_assert_cmpuint (count (library, "高質量發展", NULL, NULL), ==, with_phrase[1]);
  g_assert_cmpuint (count (library, "人民至上", NULL, NULL), ==, with_phrase[3]);
  g_assert_cmpuint (with_phrase[3], >, 0);
  g_assert_cmpuint (count (library, "不存在的内容", NULL, NULL), ==, 0);

  /* One passage by its number; its fields came through from the sidecar. */
  passage = find_one (library, "第123篇第1段");
  doc_path = library_data_document_path (fixture->dir, 123);
  g_assert_cmpstr (jj_passage_get_document_path (passage), ==, doc_path);
  g_assert_cmpstr (jj_passage_get_document_title (passage), ==, "讲话0123");
  g_assert_cmpstr (jj_passage_get_section (passage), ==, "二、重点任务");
  g_assert_cmpstr (jj_passage_get_note (passage), ==, "备注123");
  g_assert_cmpstr (jj_passage_get_kind (passage), ==, library_data_kind (123, 1));
  g_assert_true (jj_passage_has_tag (passage, library_data_tag (123, 1)));
  g_assert_cmpuint (jj_passage_get_document_status (passage), ==, JJ_DOCUMENT_STATUS_PRESENT);

  /* Notes, sections and tags are searched too; titles are not (the
   * speech filter chooses by them). */
  g_assert_cmpuint (count (library, "备注123", NULL, NULL), ==, 1);
  g_assert_cmpuint (count (library, "讲话0123", NULL, NULL), ==, 0);
  g_assert_cmpuint (count (library, "备注123 重点任务", NULL, NULL), ==, 1);
  g_assert_cmpuint (count (library, "#乡村", NULL, NULL), ==, count (library, "乡村", NULL, NULL));
  g_assert_cmpuint (count (library, "#乡村", NULL, NULL), >=, count (library, NULL, NULL, "乡村"));
  g_assert_cmpuint (count (library, NULL, NULL, "乡村"), >, 0);

  /* Filters, alone and together. */
  g_assert_cmpuint (count (library, NULL, "borrow", NULL), ==, borrow);
  g_assert_cmpuint (count (library, NULL, NULL, "乡村"), ==, rural);
  g_assert_cmpuint (count (library, "高质量", "borrow", "乡村"), ==, borrow_rural_growth);

  jj_library_query_set_document (query, doc_path);
  result = jj_library_search (library, query);
  g_assert_cmpuint (result->len, ==, N_MARKS);
  g_clear_pointer (&result, g_ptr_array_unref);

  /* Sorted newest first by default: marks were created an hour apart. */
  jj_library_query_set_document (query, NULL);
  result = jj_library_search (library, query);
  g_assert_cmpuint (result->len, ==, N_DOCUMENTS * N_MARKS);
  g_assert_true (strstr (jj_passage_get_quote (g_ptr_array_index (result, 0)), "第299篇第2段") != NULL);

  tags = jj_library_dup_tags (library);
  g_assert_cmpuint (g_strv_length (tags), ==, G_N_ELEMENTS (library_data_tags));
}

static void
test_warm_index (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JjLibrary) again = NULL;
  g_autoptr(JjPassage) passage = NULL;
  g_autofree char *doc_path = library_data_document_path (fixture->dir, 12);
  g_autofree char *sidecar_path = g_strconcat (doc_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *title = NULL;

  g_assert_true (g_file_query_exists (fixture->index, NULL));

  /* The speech and its sidecar vanish: its passages stay searchable from
   * the index, shown as missing. */
  g_assert_cmpint (g_unlink (doc_path), ==, 0);
  g_assert_cmpint (g_unlink (sidecar_path), ==, 0);
  g_clear_object (&fixture->library);

  again = open_library (fixture);
  g_assert_cmpuint (jj_library_get_n_passages (again), ==, fixture->n_documents * N_MARKS);
  passage = find_one (again, "第12篇第0段");
  g_assert_cmpuint (jj_passage_get_document_status (passage), ==, JJ_DOCUMENT_STATUS_MISSING);
  g_assert_cmpuint (jj_library_get_document_status (again, doc_path), ==, JJ_DOCUMENT_STATUS_MISSING);
  title = jj_library_dup_document_title (again, doc_path);
  g_assert_cmpstr (title, ==, "讲话0012");
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (jj_library_load_finish (JJ_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JjLibrary) library = jj_library_new (fixture->index);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(JjPassage) passage = NULL;
  g_autofree char *opened_path = library_data_document_path (fixture->dir, 4);
  g_autoptr(GFile) opened = g_file_new_for_path (opened_path);

  /* A document opened while the library loads keeps its title. */
  jj_library_add_folder (library, folder);
  jj_library_load_async (library, NULL, on_loaded, loop);
  jj_library_add_document (library, opened, NULL, "第四篇讲话");
  g_main_loop_run (loop);

  g_assert_cmpuint (jj_library_get_n_documents (library), ==, fixture->n_documents);
  g_assert_cmpuint (jj_library_get_n_passages (library), ==, fixture->n_documents * N_MARKS);
  g_assert_cmpuint (g_list_model_get_n_items (jj_library_get_passages (library)), ==, fixture->n_documents * N_MARKS);
  passage = find_one (library, "第4篇第2段");
  g_assert_cmpstr (jj_passage_get_document_title (passage), ==, "第四篇讲话");
}

static void
test_rebuild_index (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JjLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index_path = g_file_get_path (fixture->index);

  /* A damaged index is rebuilt from the sidecars. */
  g_clear_object (&fixture->library);
  g_assert_true (g_file_set_contents (index_path, "not an index at all", -1, &error));
  g_assert_no_error (error);

  again = open_library (fixture);
  g_assert_cmpuint (jj_library_get_n_passages (again), ==, fixture->n_documents * N_MARKS);
  g_assert_cmpuint (count (again, "人才是第一资源", NULL, NULL), >, 0);
  g_clear_object (&again);

  /* So is one cut short. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (index_path, &contents, &length, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_file_set_contents (index_path, contents, length / 2, &error));
    g_assert_no_error (error);
    again = open_library (fixture);
    g_assert_cmpuint (jj_library_get_n_passages (again), ==, fixture->n_documents * N_MARKS);
  }
}

/* One byte flipped inside the index (a quote's character becomes another):
 * the index is rebuilt from the sidecars, never read with the damage. */
static void
test_index_byte_flip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *index_path = g_file_get_path (fixture->index);
  const char *quote = "人才是第一资源";
  g_autofree char *contents = NULL;
  g_autoptr(JjLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  guint before;
  gsize length;
  char *found = NULL;

  before = count (fixture->library, quote, NULL, NULL);
  g_assert_cmpuint (before, >, 0);
  g_assert_true (jj_library_save_index (fixture->library, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->library);
  g_assert_true (g_file_get_contents (index_path, &contents, &length, &error));
  g_assert_no_error (error);
  /* Every copy: the quote and what search looks in. */
  for (gsize i = 0; i + strlen (quote) <= length; i++)
    if (memcmp (contents + i, quote, strlen (quote)) == 0)
      {
        found = contents + i;
        found[2] ^= 0x01;  /* 人 (e4 ba ba) becomes 亻 (e4 ba bb) */
      }
  g_assert_nonnull (found);
  g_assert_true (g_file_set_contents (index_path, contents, length, &error));
  g_assert_no_error (error);

  again = open_library (fixture);
  g_assert_cmpuint (count (again, quote, NULL, NULL), ==, before);
  g_assert_cmpuint (count (again, "亻才是第一资源", NULL, NULL), ==, 0);
  g_assert_cmpuint (jj_library_get_n_passages (again), ==, fixture->n_documents * N_MARKS);
}

/* The database as another program would see it. */
static sqlite3 *
open_database (Fixture *fixture)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (g_file_peek_path (fixture->index), &db,
                                    SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql,
             const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
remove_database (Fixture *fixture)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (g_file_peek_path (fixture->index), suffixes[i], NULL);

      g_unlink (name);
    }
}

/* A speech whose marks were all removed (its sidecar deleted) leaves the
 * library and its database; a changed one is written again, and only it. */
static void
test_database_follows (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *gone_path = library_data_document_path (fixture->dir, 5);
  g_autofree char *gone_sidecar = g_strconcat (gone_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *changed_path = library_data_document_path (fixture->dir, 7);
  g_autofree char *changed_sidecar = g_strconcat (changed_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *kept_path = library_data_document_path (fixture->dir, 3);
  const char *id_sql = "SELECT id FROM library_documents WHERE path = ?1";
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JjLibrary) again = NULL;
  JjMark *mark;
  sqlite3 *db;
  gint64 kept_id;

  g_assert_true (jj_library_save_index (fixture->library, &error));
  g_assert_no_error (error);
  db = open_database (fixture);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_documents", NULL), ==, fixture->n_documents);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_passages", NULL), ==, fixture->n_documents * N_MARKS);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_documents WHERE path = ?1", gone_path), ==, 1);
  kept_id = query_int64 (db, id_sql, kept_path);
  sqlite3_close (db);

  g_assert_cmpint (g_unlink (gone_sidecar), ==, 0);
  sidecar = jj_sidecar_load (changed_sidecar, &error);
  g_assert_no_error (error);
  mark = jj_mark_new ("golden");
  jj_mark_set_range (mark, 0, 4);
  jj_mark_set_quote (mark, "新添的一句话");
  g_ptr_array_add (sidecar->marks, mark);
  g_assert_true (jj_sidecar_save (sidecar, changed_sidecar, &error));
  g_assert_no_error (error);

  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jj_library_get_n_documents (fixture->library), ==, fixture->n_documents - 1);
  g_assert_cmpint (jj_library_get_document_status (fixture->library, gone_path), ==, JJ_DOCUMENT_STATUS_MISSING);
  g_assert_null (jj_library_dup_document_title (fixture->library, gone_path));

  db = open_database (fixture);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_documents WHERE path = ?1", gone_path), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_documents", NULL), ==, fixture->n_documents - 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_passages", NULL), ==,
                   (fixture->n_documents - 1) * N_MARKS + 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_passages WHERE quote = ?1", "新添的一句话"), ==, 1);
  /* The speech that did not change was not written again. (The changed
   * one's new row may take its old rowid back when it was the last: its
   * new passage above shows it was written.) */
  g_assert_cmpint (query_int64 (db, id_sql, kept_path), ==, kept_id);
  sqlite3_close (db);

  g_clear_object (&fixture->library);
  again = open_library (fixture);
  g_assert_cmpuint (jj_library_get_n_passages (again), ==, (fixture->n_documents - 1) * N_MARKS + 1);
  g_assert_cmpuint (count (again, "新添的一句话", NULL, NULL), ==, 1);
  g_assert_cmpuint (count (again, "第5篇第", NULL, NULL), ==, 0);
}

static int
compare_passages (gconstpointer a,
                  gconstpointer b)
{
  JjPassage *pa = *(JjPassage * const *)a;
  JjPassage *pb = *(JjPassage * const *)b;
  int ret;

  if ((ret = strcmp (jj_passage_get_document_path (pa), jj_passage_get_document_path (pb))) != 0)
    return ret;
  return strcmp (jj_passage_get_id (pa), jj_passage_get_id (pb));
}

static GPtrArray *
sorted_passages (JjLibrary *library)
{
  GListModel *model = jj_library_get_passages (library);
  GPtrArray *passages = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (passages, g_list_model_get_item (model, i));
  g_ptr_array_sort (passages, compare_passages);

  return passages;
}

static void
assert_same_date (GDateTime *a,
                  GDateTime *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_true (g_date_time_equal (a, b));
}

/* What the database gives back is what the sidecars said, field by field:
 * several tags or none, an author, dates to the microsecond. */
static void
test_database_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *doc_path = library_data_document_path (fixture->dir, 2);
  g_autofree char *sidecar_path = g_strconcat (doc_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JjLibrary) again = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2023, 5, 6, 7, 8, 9.123456);
  g_autoptr(GDateTime) modified = g_date_time_add (created, 1500001);
  const char *three_tags[] = { "甲", "乙 丙", "#三", NULL };
  const char *no_tags[] = { NULL };
  JjMark *mark;
  guint n_checked = 0;

  sidecar = jj_sidecar_load (sidecar_path, &error);
  g_assert_no_error (error);
  mark = g_ptr_array_index (sidecar->marks, 0);
  jj_mark_set_tags (mark, three_tags);
  jj_mark_set_author (mark, "李四");
  jj_mark_set_created (mark, created);
  jj_mark_set_modified (mark, modified);
  mark = g_ptr_array_index (sidecar->marks, 1);
  jj_mark_set_tags (mark, no_tags);
  jj_mark_set_note (mark, "一条备注\n第二行");
  sidecar->speech = jj_speech_info_new ();
  jj_speech_info_set_speaker (sidecar->speech, "王建平");
  g_assert_true (jj_speech_info_set_date (sidecar->speech, "2018-09-03"));
  g_assert_true (jj_sidecar_save (sidecar, sidecar_path, &error));
  g_assert_no_error (error);

  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  before = sorted_passages (fixture->library);
  g_clear_object (&fixture->library);

  again = open_library (fixture);
  after = sorted_passages (again);
  g_assert_cmpuint (before->len, ==, fixture->n_documents * N_MARKS);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      JjPassage *a = g_ptr_array_index (before, i);
      JjPassage *b = g_ptr_array_index (after, i);

      g_assert_true (a != b);
      g_assert_cmpstr (jj_passage_get_id (a), ==, jj_passage_get_id (b));
      g_assert_cmpstr (jj_passage_get_kind (a), ==, jj_passage_get_kind (b));
      g_assert_true (g_strv_equal (jj_passage_get_tags (a), jj_passage_get_tags (b)));
      g_assert_cmpstr (jj_passage_get_note (a), ==, jj_passage_get_note (b));
      g_assert_cmpstr (jj_passage_get_author (a), ==, jj_passage_get_author (b));
      g_assert_cmpstr (jj_passage_get_quote (a), ==, jj_passage_get_quote (b));
      g_assert_cmpstr (jj_passage_get_section (a), ==, jj_passage_get_section (b));
      g_assert_cmpstr (jj_passage_get_search_key (a), ==, jj_passage_get_search_key (b));
      assert_same_date (jj_passage_get_created (a), jj_passage_get_created (b));
      assert_same_date (jj_passage_get_modified (a), jj_passage_get_modified (b));
      g_assert_cmpuint (jj_passage_get_start (a), ==, jj_passage_get_start (b));
      g_assert_cmpuint (jj_passage_get_end (a), ==, jj_passage_get_end (b));
      g_assert_cmpstr (jj_passage_get_document_path (a), ==, jj_passage_get_document_path (b));
      g_assert_cmpstr (jj_passage_get_document_title (a), ==, jj_passage_get_document_title (b));
      g_assert_cmpstr (jj_passage_get_speaker (a), ==, jj_passage_get_speaker (b));
      g_assert_cmpstr (jj_passage_get_speech_date (a), ==, jj_passage_get_speech_date (b));
      g_assert_cmpint (jj_passage_get_document_status (a), ==, jj_passage_get_document_status (b));
      if (g_strv_length ((char **)jj_passage_get_tags (a)) == 3)
        {
          g_assert_cmpstr (jj_passage_get_author (b), ==, "李四");
          g_assert_true (g_date_time_equal (jj_passage_get_modified (b), modified));
          g_assert_cmpint (g_date_time_get_microsecond (jj_passage_get_created (b)), ==, 123456);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, 1);

  /* A date range finds it by the date read back. */
  {
    g_autoptr(JjLibraryQuery) query = jj_library_query_new ();
    g_autoptr(GDateTime) since = g_date_time_new_utc (2023, 5, 6, 0, 0, 0);
    g_autoptr(GDateTime) until = g_date_time_new_utc (2023, 5, 7, 0, 0, 0);
    g_autoptr(GPtrArray) result = NULL;

    jj_library_query_set_date_range (query, since, until);
    result = jj_library_search (again, query);
    g_assert_cmpuint (result->len, ==, 1);
    g_assert_cmpstr (jj_passage_get_author (g_ptr_array_index (result, 0)), ==, "李四");
  }
}

/* Another program's SQLite file where the database goes: it is started
 * anew and nothing is lost. */
static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JjLibrary) again = NULL;
  g_autoptr(JjTextIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&fixture->library);
  remove_database (fixture);
  g_assert_cmpint (sqlite3_open (g_file_peek_path (fixture->index), &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA application_id = 305419896;"
                "CREATE TABLE library_documents (path TEXT, title TEXT);"
                "INSERT INTO library_documents VALUES ('/nowhere/phantom.txt', 'phantom');");
  sqlite3_close (db);

  again = open_library (fixture);
  g_assert_cmpuint (jj_library_get_n_documents (again), ==, fixture->n_documents);
  g_assert_cmpuint (jj_library_get_n_passages (again), ==, fixture->n_documents * N_MARKS);
  g_assert_null (jj_library_dup_document_title (again, "/nowhere/phantom.txt"));
  g_clear_object (&again);

  db = open_database (fixture);
  g_assert_cmpint (query_int64 (db, "PRAGMA application_id", NULL), !=, 305419896);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_passages", NULL), ==, fixture->n_documents * N_MARKS);
  sqlite3_close (db);

  /* The full-text index takes the file as its own. */
  index = jj_text_index_new (fixture->index);
  g_assert_true (jj_text_index_open (index, &error));
  g_assert_no_error (error);
  g_assert_false (jj_text_index_get_was_rebuilt (index));
}

/* Tables of another version of the library, or a file of another version
 * of the text index, are made anew from the sidecars. */
static void
test_database_version (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JjLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (jj_library_save_index (fixture->library, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->library);
  db = open_database (fixture);
  exec_sql (db, "UPDATE library_meta SET value = 999 WHERE key = 'version';"
                "DROP TABLE library_passages;"
                "CREATE TABLE library_passages (document INTEGER, text TEXT);");
  sqlite3_close (db);

  again = open_library (fixture);
  g_assert_cmpuint (jj_library_get_n_passages (again), ==, fixture->n_documents * N_MARKS);
  g_assert_true (jj_library_save_index (again, &error));
  g_assert_no_error (error);
  g_clear_object (&again);

  db = open_database (fixture);
  g_assert_cmpint (query_int64 (db, "SELECT value FROM library_meta WHERE key = 'version'", NULL), !=, 999);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_passages", NULL), ==, fixture->n_documents * N_MARKS);
  exec_sql (db, "PRAGMA user_version = 999");
  sqlite3_close (db);

  again = open_library (fixture);
  g_assert_cmpuint (jj_library_get_n_passages (again), ==, fixture->n_documents * N_MARKS);
  g_clear_object (&again);
  db = open_database (fixture);
  g_assert_cmpint (query_int64 (db, "PRAGMA user_version", NULL), !=, 999);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_passages", NULL), ==, fixture->n_documents * N_MARKS);
  sqlite3_close (db);
}

/* A flipped byte in a document's path: never a phantom document. */
static void
test_path_byte_flip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *index_path = g_file_get_path (fixture->index);
  g_autofree char *contents = NULL;
  g_autoptr(JjLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  const char *name = "讲话0012";
  gsize length;
  guint n_found = 0;

  g_assert_true (jj_library_save_index (fixture->library, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->library);
  g_assert_true (g_file_get_contents (index_path, &contents, &length, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i + strlen (name) <= length; i++)
    if (memcmp (contents + i, name, strlen (name)) == 0)
      {
        contents[i + strlen (name) - 1] ^= 0x01;  /* 讲话0012 becomes 讲话0013 */
        n_found++;
      }
  g_assert_cmpuint (n_found, >, 0);
  g_assert_true (g_file_set_contents (index_path, contents, length, &error));
  g_assert_no_error (error);

  again = open_library (fixture);
  g_assert_cmpuint (jj_library_get_n_documents (again), ==, fixture->n_documents);
  g_assert_cmpuint (jj_library_get_n_passages (again), ==, fixture->n_documents * N_MARKS);
  paths = jj_library_dup_document_paths (again);
  for (guint i = 0; paths[i] != NULL; i++)
    g_assert_cmpint (jj_library_get_document_status (again, paths[i]), ==, JJ_DOCUMENT_STATUS_PRESENT);
}

/* The full-text index and the library share the file: neither undoes
 * the other. */
static void
test_shared_with_text_index (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(JjTextIndex) index = NULL;
  g_autoptr(JjLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (jj_library_save_index (fixture->library, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->library);

  index = jj_text_index_new (fixture->index);
  g_assert_true (jj_text_index_open (index, &error));
  g_assert_no_error (error);
  g_assert_false (jj_text_index_get_was_rebuilt (index));
  g_assert_true (jj_text_index_add_text (index, "/speeches/one.txt", "一篇讲话", 0, "f", 1,
                                         "琉璃瓦上的朝霞映照着锦绣河山。", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&index);

  db = open_database (fixture);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM library_passages", NULL), ==, fixture->n_documents * N_MARKS);
  sqlite3_close (db);

  again = open_library (fixture);
  g_assert_cmpuint (jj_library_get_n_passages (again), ==, fixture->n_documents * N_MARKS);
  g_assert_true (jj_library_save_index (again, &error));
  g_assert_no_error (error);

  index = jj_text_index_new (fixture->index);
  g_assert_true (jj_text_index_open (index, &error));
  g_assert_no_error (error);
  g_assert_false (jj_text_index_get_was_rebuilt (index));
  g_assert_cmpuint (jj_text_index_get_n_documents (index), ==, 1);
}

/* The GVariant index of older versions is removed; the database, in the
 * cache folder, is built from the sidecars. */
static void
test_old_index_removed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (g_get_user_data_dir (), "jiejian", "library.index", NULL);
  g_autofree char *old_dir = g_path_get_dirname (old_path);
  g_autoptr(GFile) default_file = jj_text_index_dup_default_file ();
  g_autoptr(JjLibrary) library = jj_library_new (NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_equal (jj_library_get_index_file (library), default_file));
  g_assert_cmpint (g_mkdir_with_parents (old_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (old_path, "an index of an older version", -1, &error));
  g_assert_no_error (error);

  jj_library_add_folder (library, folder);
  g_assert_true (jj_library_load (library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jj_library_get_n_passages (library), ==, fixture->n_documents * N_MARKS);
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (g_file_peek_path (default_file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&library);

  {
    g_autofree char *dir = g_path_get_dirname (g_file_peek_path (default_file));

    library_data_delete_recursively (dir);
  }
}

static void
count_changes (JjLibrary *library,
               guint     *changes)
{
  (*changes)++;
}

#define N_THREADED 12

typedef struct
{
  Fixture *fixture;
  GThread *main_thread;
  guint    changes_on_main;
  guint    changes_off_main;
} Threaded;

static void
store_changed (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Threaded   *threaded)
{
  if (g_thread_self () == threaded->main_thread)
    threaded->changes_on_main++;
  else
    threaded->changes_off_main++;
}

static gpointer
refresh_thread (gpointer data)
{
  Threaded *threaded = data;

  for (guint i = 0; i < N_THREADED; i++)
    {
      g_autoptr(GError) error = NULL;

      library_data_write_document (threaded->fixture->dir, N_SMALL + i, N_MARKS);
      g_assert_true (jj_library_refresh (threaded->fixture->library, NULL, &error));
      g_assert_no_error (error);
    }

  return NULL;
}

/* The 素材库 window refreshes in a thread while reader windows add the
 * speeches they save and read the library on the main thread: nothing
 * is lost, and the list store the widgets are bound to changes only on
 * the main thread. */
static void
test_refresh_in_thread (Fixture       *fixture,
                        gconstpointer  data)
{
  Threaded threaded = { fixture, g_thread_self (), 0, 0 };
  GListModel *passages = jj_library_get_passages (fixture->library);
  GThread *thread;

  g_signal_connect (passages, "items-changed", G_CALLBACK (store_changed), &threaded);
  thread = g_thread_new ("refresh", refresh_thread, &threaded);
  for (guint i = 0; i < N_THREADED; i++)
    {
      g_autofree char *path = library_data_document_path (fixture->outside, i);
      g_autofree char *sidecar_path = NULL;
      g_autoptr(GFile) document = NULL;
      g_autoptr(GFile) sidecar = NULL;
      g_auto(GStrv) tags = NULL;

      library_data_write_document (fixture->outside, i, N_MARKS);
      sidecar_path = g_strconcat (path, JJ_SIDECAR_SUFFIX, NULL);
      document = g_file_new_for_path (path);
      sidecar = g_file_new_for_path (sidecar_path);
      jj_library_add_document (fixture->library, document, sidecar, NULL);
      tags = jj_library_dup_tags (fixture->library);
      g_assert_nonnull (tags);
      g_assert_cmpuint (jj_library_get_n_documents (fixture->library), >=, N_SMALL);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_thread_join (thread);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (threaded.changes_off_main, ==, 0);
  g_assert_cmpuint (threaded.changes_on_main, >, 0);
  g_assert_cmpuint (jj_library_get_n_documents (fixture->library), ==, N_SMALL + 2 * N_THREADED);
  g_assert_cmpuint (jj_library_get_n_passages (fixture->library), ==, (N_SMALL + 2 * N_THREADED) * N_MARKS);
  g_assert_cmpuint (g_list_model_get_n_items (passages), ==, (N_SMALL + 2 * N_THREADED) * N_MARKS);
}

static void
test_sidecar_changed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *doc_path = library_data_document_path (fixture->dir, 7);
  g_autofree char *sidecar_path = g_strconcat (doc_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JjLibrary) again = NULL;
  JjMark *mark;
  guint changes = 0;

  g_signal_connect (fixture->library, "changed", G_CALLBACK (count_changes), &changes);

  /* A refresh with nothing changed changes nothing. */
  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 0);

  sidecar = jj_sidecar_load (sidecar_path, &error);
  g_assert_no_error (error);
  mark = jj_mark_new ("golden");
  jj_mark_set_range (mark, 0, 4);
  jj_mark_set_quote (mark, "新添的一句话");
  g_ptr_array_add (sidecar->marks, mark);
  /* And one removed. */
  jj_mark_set_deleted (g_ptr_array_index (sidecar->marks, 0), TRUE);
  g_assert_true (jj_sidecar_save (sidecar, sidecar_path, &error));
  g_assert_no_error (error);

  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (count (fixture->library, "新添的一句话", NULL, NULL), ==, 1);
  g_assert_cmpuint (count (fixture->library, "第7篇第0段", NULL, NULL), ==, 0);
  g_assert_cmpuint (jj_library_get_n_passages (fixture->library), ==, fixture->n_documents * N_MARKS);

  /* The index followed. */
  g_clear_object (&fixture->library);
  again = open_library (fixture);
  g_assert_cmpuint (count (again, "新添的一句话", NULL, NULL), ==, 1);
}

static void
test_moved_within_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *old_path = library_data_document_path (fixture->dir, 5);
  g_autofree char *old_sidecar = g_strconcat (old_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *new_dir = g_build_filename (fixture->dir, "归档", NULL);
  g_autofree char *new_path = g_build_filename (new_dir, "改名的讲话.txt", NULL);
  g_autofree char *new_sidecar = g_strconcat (new_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JjPassage) passage = NULL;

  /* The speech moves, sidecar and all, to another place in the folder:
   * the library finds it by the fingerprint of its text. */
  g_mkdir_with_parents (new_dir, 0755);
  g_assert_cmpint (g_rename (old_path, new_path), ==, 0);
  g_assert_cmpint (g_rename (old_sidecar, new_sidecar), ==, 0);

  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jj_library_get_n_documents (fixture->library), ==, fixture->n_documents);
  g_assert_cmpuint (jj_library_get_n_passages (fixture->library), ==, fixture->n_documents * N_MARKS);
  g_assert_cmpuint (jj_library_get_document_status (fixture->library, new_path), ==, JJ_DOCUMENT_STATUS_MOVED);
  g_assert_cmpstr (jj_library_get_moved_from (fixture->library, new_path), ==, old_path);
  passage = find_one (fixture->library, "第5篇第2段");
  g_assert_cmpstr (jj_passage_get_document_path (passage), ==, new_path);
  g_assert_cmpuint (jj_passage_get_document_status (passage), ==, JJ_DOCUMENT_STATUS_MOVED);
}

static void
test_relocate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *old_path = library_data_document_path (fixture->dir, 9);
  g_autofree char *old_sidecar = g_strconcat (old_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *new_path = g_build_filename (fixture->outside, "九.txt", NULL);
  g_autofree char *new_sidecar = g_strconcat (new_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/九.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(JjPassage) passage = NULL;
  g_autoptr(JjSidecar) sidecar = NULL;

  /* Only the speech moved, out of the library's folders. */
  g_assert_cmpint (g_rename (old_path, new_path), ==, 0);
  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jj_library_get_document_status (fixture->library, old_path), ==, JJ_DOCUMENT_STATUS_MISSING);
  g_assert_cmpuint (count (fixture->library, "第9篇第", NULL, NULL), ==, N_MARKS);

  g_assert_false (jj_library_relocate (fixture->library, old_path, nowhere, &error));
  g_assert_error (error, JJ_LIBRARY_ERROR, JJ_LIBRARY_ERROR_RELOCATE);
  g_clear_error (&error);
  g_assert_false (jj_library_relocate (fixture->library, "/not/known.txt", new_file, &error));
  g_assert_error (error, JJ_LIBRARY_ERROR, JJ_LIBRARY_ERROR_UNKNOWN_DOCUMENT);
  g_clear_error (&error);

  /* The user points to it: the sidecar follows. */
  g_assert_true (jj_library_relocate (fixture->library, old_path, new_file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (old_sidecar, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_sidecar, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (jj_library_get_document_status (fixture->library, new_path), ==, JJ_DOCUMENT_STATUS_PRESENT);
  passage = find_one (fixture->library, "第9篇第1段");
  g_assert_cmpstr (jj_passage_get_document_path (passage), ==, new_path);
  g_assert_cmpstr (jj_passage_get_document_title (passage), ==, "讲话0009");

  /* It stays there after a refresh, though outside the folders. */
  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->library, "第9篇第", NULL, NULL), ==, N_MARKS);
  g_clear_object (&passage);

  /* Speech and sidecar both lost, the speech found again: the sidecar is
   * written again from the index. */
  {
    g_autofree char *third_path = g_build_filename (fixture->outside, "九（找回）.txt", NULL);
    g_autofree char *third_sidecar = g_strconcat (third_path, JJ_SIDECAR_SUFFIX, NULL);
    g_autoptr(GFile) third = g_file_new_for_path (third_path);

    g_assert_cmpint (g_rename (new_path, third_path), ==, 0);
    g_assert_cmpint (g_unlink (new_sidecar), ==, 0);
    g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (jj_library_get_document_status (fixture->library, new_path), ==, JJ_DOCUMENT_STATUS_MISSING);
    g_assert_cmpuint (count (fixture->library, "第9篇第", NULL, NULL), ==, N_MARKS);

    g_assert_true (jj_library_relocate (fixture->library, new_path, third, &error));
    g_assert_no_error (error);
    sidecar = jj_sidecar_load (third_sidecar, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sidecar->marks->len, ==, N_MARKS);
    g_assert_nonnull (strstr (jj_mark_get_quote (g_ptr_array_index (sidecar->marks, 0)), "第9篇"));
    g_assert_cmpuint (count (fixture->library, "第9篇第", NULL, NULL), ==, N_MARKS);
  }
}

static void
test_folders (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doc_path = library_data_document_path (fixture->dir, 3);
  g_auto(GStrv) folders = jj_library_dup_folders (fixture->library);
  g_autoptr(JjPassage) passage = NULL;

  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, fixture->dir);

  /* A document the user opened stays when its folder goes, with the
   * title import gave it. */
  opened = g_file_new_for_path (doc_path);
  jj_library_add_document (fixture->library, opened, NULL, "关于第3项工作的讲话");
  jj_library_remove_folder (fixture->library, folder);
  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jj_library_get_n_documents (fixture->library), ==, 1);
  g_assert_cmpuint (jj_library_get_n_passages (fixture->library), ==, N_MARKS);
  passage = find_one (fixture->library, "第3篇第0段");
  g_assert_cmpstr (jj_passage_get_document_title (passage), ==, "关于第3项工作的讲话");
}

static void
test_sidecar_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *doc_path = library_data_document_path (fixture->dir, 11);
  g_autofree char *beside = g_strconcat (doc_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *elsewhere = g_build_filename (fixture->outside, "abc-123" JJ_SIDECAR_SUFFIX, NULL);
  g_autoptr(GFile) document = g_file_new_for_path (doc_path);
  g_autoptr(GFile) sidecar = g_file_new_for_path (elsewhere);
  g_autoptr(GError) error = NULL;
  g_autoptr(JjLibrary) again = NULL;

  /* Marks of a speech in a read-only folder are kept in the user's data
   * folder: the reader tells the library where. */
  g_assert_cmpint (g_rename (beside, elsewhere), ==, 0);
  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->library, "第11篇第", NULL, NULL), ==, 0);

  jj_library_add_document (fixture->library, document, sidecar, NULL);
  g_assert_cmpuint (count (fixture->library, "第11篇第", NULL, NULL), ==, N_MARKS);
  g_assert_true (jj_library_refresh (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->library, "第11篇第", NULL, NULL), ==, N_MARKS);

  /* The index remembers where. */
  g_clear_object (&fixture->library);
  again = open_library (fixture);
  g_assert_cmpuint (count (again, "第11篇第", NULL, NULL), ==, N_MARKS);
  g_assert_cmpuint (jj_library_get_document_status (again, doc_path), ==, JJ_DOCUMENT_STATUS_PRESENT);
}

/* Every quote and note is in the index: only its owner may read it. */
static void
test_index_private (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (g_file_peek_path (fixture->index));
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_true (jj_library_save_index (fixture->library, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (g_file_peek_path (fixture->index), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* The write-ahead log holds the latest quotes until it is merged. */
  {
    g_autofree char *wal = g_strconcat (g_file_peek_path (fixture->index), "-wal", NULL);
    g_autofree char *shm = g_strconcat (g_file_peek_path (fixture->index), "-shm", NULL);

    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (shm, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

/* A speech whose marks are in the per-user folder (its name leaves no
 * room for a sidecar beside it) is found there as the store finds it. */
static void
test_sidecar_located (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *text = "同志们：\n琉璃瓦上的朝霞映照着锦绣河山。";
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 81; i++)
    g_string_append (name, "讲");
  g_string_append (name, ".txt");
  path = g_build_filename (fixture->outside, name->str, NULL);
  g_assert_true (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  file = g_file_new_for_path (path);

  store = jj_mark_store_new (file);
  g_assert_true (jj_mark_store_load (store, text, NULL, &error));
  g_assert_no_error (error);
  jj_mark_store_add_range (store, 5, 9, "golden", NULL);
  g_assert_true (jj_mark_store_save (store, &error));
  g_assert_no_error (error);
  sidecar = jj_mark_store_get_sidecar (store);
  g_assert_true (jj_mark_store_get_fallback (store));

  /* Told nothing of where: the library looks where the store does. */
  jj_library_add_document (fixture->library, file, NULL, NULL);
  g_assert_cmpuint (count (fixture->library, "琉璃瓦上", NULL, NULL), ==, 1);

  g_file_delete (sidecar, NULL, NULL);
}

/* The speech's details in a sidecar name its passages' title, speaker and
 * date, also when read back from the index. */
static void
test_speech_details (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *doc_path = library_data_document_path (fixture->dir, 3);
  g_autofree char *sidecar_path = g_strconcat (doc_path, JJ_SIDECAR_SUFFIX, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JjSidecar) sidecar = jj_sidecar_load (sidecar_path, &error);
  g_autoptr(JjLibrary) again = NULL;
  g_autoptr(JjLibrary) warm = NULL;
  g_autoptr(JjPassage) passage = NULL;
  g_autoptr(JjPassage) from_index = NULL;

  g_assert_no_error (error);
  sidecar->speech = jj_speech_info_new ();
  jj_speech_info_set_title (sidecar->speech, "在全区工作会议上的讲话");
  jj_speech_info_set_speaker (sidecar->speech, "王建平");
  g_assert_true (jj_speech_info_set_date (sidecar->speech, "2018-09-03"));
  g_assert_true (jj_sidecar_save (sidecar, sidecar_path, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->library);

  again = open_library (fixture);
  passage = find_one (again, "第3篇第0段");
  g_assert_cmpstr (jj_passage_get_document_title (passage), ==, "在全区工作会议上的讲话");
  g_assert_cmpstr (jj_passage_get_speaker (passage), ==, "王建平");
  g_assert_cmpstr (jj_passage_get_speech_date (passage), ==, "2018-09-03");
  g_assert_true (jj_library_save_index (again, &error));
  g_assert_no_error (error);
  g_clear_object (&again);

  /* The sidecar unchanged: from the index. */
  warm = open_library (fixture);
  from_index = find_one (warm, "第3篇第0段");
  g_assert_cmpstr (jj_passage_get_speaker (from_index), ==, "王建平");
  g_assert_cmpstr (jj_passage_get_speech_date (from_index), ==, "2018-09-03");
  g_assert_cmpstr (jj_passage_get_document_title (from_index), ==, "在全区工作会议上的讲话");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("jj-data-XXXXXX", NULL);
  g_autofree char *cache_home = g_dir_make_tmp ("jj-cache-XXXXXX", NULL);
  int ret;

  /* The per-user sidecar and cache folders of the tests, not the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)

  ADD ("/library/search-and-filters", N_DOCUMENTS, test_search_and_filters);
  ADD ("/library/warm-index", N_SMALL, test_warm_index);
  ADD ("/library/load-async", N_SMALL, test_load_async);
  ADD ("/library/rebuild-index", N_SMALL, test_rebuild_index);
  ADD ("/library/index-byte-flip", N_SMALL, test_index_byte_flip);
  ADD ("/library/sidecar-changed", N_SMALL, test_sidecar_changed);
  ADD ("/library/refresh-in-thread", N_SMALL, test_refresh_in_thread);
  ADD ("/library/moved-within-folder", N_SMALL, test_moved_within_folder);
  ADD ("/library/relocate", N_SMALL, test_relocate);
  ADD ("/library/folders", N_SMALL, test_folders);
  ADD ("/library/sidecar-elsewhere", N_SMALL, test_sidecar_elsewhere);
  ADD ("/library/index-private", N_SMALL, test_index_private);
  ADD ("/library/sidecar-located", N_SMALL, test_sidecar_located);
  ADD ("/library/speech-details", N_SMALL, test_speech_details);
  ADD ("/library/database-follows", N_SMALL, test_database_follows);
  ADD ("/library/database-round-trip", N_SMALL, test_database_round_trip);
  ADD ("/library/foreign-database", N_SMALL, test_foreign_database);
  ADD ("/library/database-version", N_SMALL, test_database_version);
  ADD ("/library/path-byte-flip", N_SMALL, test_path_byte_flip);
  ADD ("/library/shared-with-text-index", N_SMALL, test_shared_with_text_index);
  ADD ("/library/old-index-removed", N_SMALL, test_old_index_removed);

  ret = g_test_run ();
  library_data_delete_recursively (data_home);
  library_data_delete_recursively (cache_home);

  return ret;
}
