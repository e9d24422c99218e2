/* test-text-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "jj-document.h"
#include "jj-text-index.h"
#include "jj-text-search.h"

#define N_SPEECHES 12

/* Invented sentences: 发展 and 改革 come often, also next to each other
 * (发展发展) and at the ends of runs, so every case of the tokenizer shows.
 */
static const char *sentences[] = {
  "我们要坚持以人民为中心的发展思想。",
  "推动高质量发展是当前的首要任务，",
  "深化改革，扩大开放，",
  "改革发展稳定的关系要处理好。",
  "发展发展再发展，关键在落实；",
  "各级干部要把高质量发展放在心上！",
  "全面深化改革取得新进展。",
  "城市建设要讲究实效，不搞形式主义。",
  "第二季度GDP增长5.2%，好于预期。",
  "改",
  "新时代新征程，发展是第一要务。",
  /* Pairs that begin alike and pairs again in one paragraph. */
  "发明发现都要发扬，发展发明再发现；",
};

static const char *headings[] = {
  "一、总体要求", "二、重点任务", "三、保障措施",
};

static char *
make_speech (guint i)
{
  GString *text = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (i + 1);

  g_string_append_printf (text, "在第%u次工作会议上的讲话\n%u年%u月%u日\n同志们：\n",
                          i + 1, 2018 + i % 6, 1 + i % 12, 1 + i % 28);
  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    {
      g_string_append_printf (text, "%s\n", headings[h]);
      for (guint p = 0; p < 4; p++)
        {
          guint n = g_rand_int_range (rand, 1, 6);

          for (guint s = 0; s < n; s++)
            g_string_append (text, sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
          g_string_append_c (text, '\n');
        }
    }
  g_string_append (text, "谢谢大家。\n");

  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

typedef struct
{
  char        *root;
  char        *dir;
  GFile       *index_file;
  GPtrArray   *paths;
  JjTextIndex *index;
} Fixture;

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
write_file_bytes (const char *path,
                  const char *bytes,
                  gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);
}

static JjTextIndex *
open_index (Fixture *fixture)
{
  g_autoptr(JjTextIndex) index = jj_text_index_new (fixture->index_file);
  g_autoptr(GError) error = NULL;

  g_assert_true (jj_text_index_open (index, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&index);
}

static void
update (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (fixture->paths, NULL);
  g_assert_true (jj_text_index_update (fixture->index, (const char * const *)fixture->paths->pdata,
                                       NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_remove_index (fixture->paths, fixture->paths->len - 1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *index_path = NULL;

  fixture->root = g_dir_make_tmp ("jj-text-index-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->dir = g_build_filename (fixture->root, "speeches", NULL);
  g_mkdir_with_parents (fixture->dir, 0755);
  index_path = g_build_filename (fixture->root, "cache", "jiejian", "text-index.sqlite", NULL);
  fixture->index_file = g_file_new_for_path (index_path);
  fixture->paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_SPEECHES; i++)
    {
      g_autofree char *name = g_strdup_printf ("speech-%02u.txt", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *text = make_speech (i);

      write_file (path, text);
      g_ptr_array_add (fixture->paths, g_steal_pointer (&path));
    }

  fixture->index = open_index (fixture);
  update (fixture);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->index);
  remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->dir);
  g_object_unref (fixture->index_file);
  g_ptr_array_unref (fixture->paths);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* "path:start:end" of every hit, sorted. */
static GPtrArray *
hit_keys (GPtrArray *hits)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < hits->len; i++)
    {
      JjTextHit *hit = g_ptr_array_index (hits, i);

      g_ptr_array_add (keys, g_strdup_printf ("%s:%06u:%06u", hit->path, hit->start, hit->end));
    }
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

/* What a plain scan of each speech's display text finds. */
static GPtrArray *
scan_keys (GPtrArray  *paths,
           const char *needle)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDocument) document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
      g_autoptr(GArray) ranges = NULL;

      g_assert_no_error (error);
      ranges = jj_text_search_find_all (jj_document_get_text (document),
                                        jj_document_get_n_bytes (document), needle, 0);
      for (guint r = 0; r < ranges->len; r++)
        {
          JjTextRange *range = &g_array_index (ranges, JjTextRange, r);

          g_ptr_array_add (keys, g_strdup_printf ("%s:%06u:%06u", path, range->start, range->end));
        }
    }
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
assert_same_keys (GPtrArray *a,
                  GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static GPtrArray *
search (JjTextIndex *index,
        const char  *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = jj_text_index_search (index, query, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static void
check_like_scan (Fixture    *fixture,
                 const char *query,
                 guint       min_hits)
{
  g_autoptr(GPtrArray) hits = search (fixture->index, query);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) expected = scan_keys (fixture->paths, query);

  for (guint i = 0; i < hits->len; i++)
    {
      JjTextHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *in_context = g_utf8_substring (hit->context, hit->context_hit_start,
                                                      hit->context_hit_end);

      g_assert_cmpstr (in_context, ==, query);
    }
  keys = hit_keys (hits);

  g_assert_cmpuint (expected->len, >=, min_hits);
  assert_same_keys (keys, expected);
}

static void
test_like_scan (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_cmpuint (jj_text_index_get_n_documents (fixture->index), ==, N_SPEECHES);

  check_like_scan (fixture, "发展", 50);
  check_like_scan (fixture, "改革", 20);
  check_like_scan (fixture, "高质量", 10);
  check_like_scan (fixture, "以人民为中心的发展思想", 5);
  check_like_scan (fixture, "改", 20);
  check_like_scan (fixture, "展", 50);
  check_like_scan (fixture, "GDP", 1);
  check_like_scan (fixture, "5.2%", 1);
  check_like_scan (fixture, "深化改革，扩大", 1);
  check_like_scan (fixture, "发现", 5);
  check_like_scan (fixture, "发扬", 5);
  check_like_scan (fixture, "明再发", 5);
  check_like_scan (fixture, "发明发现", 5);
}

static void
test_hit_fields (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (fixture->index, "谢谢大家");
  JjTextHit *hit;
  g_autoptr(GDateTime) date = NULL;

  g_assert_cmpuint (hits->len, ==, N_SPEECHES);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->context, ==, "谢谢大家。");
  g_assert_cmpuint (hit->context_hit_start, ==, 0);
  g_assert_cmpuint (hit->context_hit_end, ==, 4);
  g_assert_cmpstr (hit->section, ==, "三、保障措施");
  g_assert_true (g_str_has_prefix (hit->title, "在第"));
  date = g_date_time_new_from_unix_utc (hit->date);
  g_assert_cmpint (g_date_time_get_year (date), >=, 2018);
  g_assert_cmpint (g_date_time_get_year (date), <=, 2023);

  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_null (jj_text_index_search (fixture->index, "，。", 0, NULL));

  hits = search (fixture->index, "发展");
  g_assert_cmpuint (hits->len, >, 10);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = jj_text_index_search (fixture->index, "发展", 10, NULL);
  g_assert_cmpuint (hits->len, ==, 10);

  /* One character, with and without a limit: the same first hits. */
  {
    g_autoptr(GPtrArray) all = search (fixture->index, "改");
    g_autoptr(GPtrArray) first = jj_text_index_search (fixture->index, "改", 7, NULL);
    g_autoptr(GPtrArray) many = jj_text_index_search (fixture->index, "改", all->len + 5, NULL);

    g_assert_cmpuint (all->len, >, 7);
    g_assert_cmpuint (first->len, ==, 7);
    g_assert_cmpuint (many->len, ==, all->len);
    for (guint i = 0; i < first->len; i++)
      {
        JjTextHit *a = g_ptr_array_index (all, i);
        JjTextHit *b = g_ptr_array_index (first, i);

        g_assert_cmpstr (a->path, ==, b->path);
        g_assert_cmpuint (a->start, ==, b->start);
      }
  }
}

static void
test_traditional (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) simplified = search (fixture->index, "高质量发展");
  g_autoptr(GPtrArray) traditional = search (fixture->index, "高質量發展");
  g_autoptr(GPtrArray) reform = search (fixture->index, "改革发展");
  g_autoptr(GPtrArray) reform_traditional = search (fixture->index, "改革發展");
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) traditional_keys = NULL;
  g_autoptr(GPtrArray) wide = search (fixture->index, "ＧＤＰ");
  g_autoptr(GPtrArray) lower = search (fixture->index, "gdp");

  g_assert_cmpuint (simplified->len, >, 0);
  keys = hit_keys (simplified);
  traditional_keys = hit_keys (traditional);
  assert_same_keys (keys, traditional_keys);
  g_assert_cmpuint (reform->len, >, 0);
  g_assert_cmpuint (reform_traditional->len, ==, reform->len);
  g_assert_cmpuint (wide->len, >, 0);
  g_assert_cmpuint (wide->len, ==, lower->len);
}

static void
test_deleted_and_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *gone = g_ptr_array_index (fixture->paths, 3);
  const char *changed = g_ptr_array_index (fixture->paths, 5);
  g_autofree char *gone_copy = g_strdup (gone);
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *text = NULL;
  g_autofree char *new_text = NULL;
  guint title_length;

  g_assert_cmpint (g_remove (gone), ==, 0);
  g_file_get_contents (changed, &text, NULL, NULL);
  title_length = g_utf8_strlen (text, strchr (text, '\n') - text);
  new_text = g_strconcat (text, "坚持绿水青山就是金山银山的理念。\n", NULL);
  g_usleep (2000);
  write_file (changed, new_text);

  update (fixture);
  g_assert_cmpuint (jj_text_index_get_n_documents (fixture->index), ==, N_SPEECHES - 1);

  hits = search (fixture->index, "谢谢大家");
  g_assert_cmpuint (hits->len, ==, N_SPEECHES - 1);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (((JjTextHit *)g_ptr_array_index (hits, i))->path, !=, gone_copy);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->index, "金山银山");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((JjTextHit *)g_ptr_array_index (hits, 0))->path, ==, changed);
  g_assert_cmpuint (((JjTextHit *)g_ptr_array_index (hits, 0))->start, ==,
                    g_utf8_strlen (text, -1) + strlen ("坚持绿水青山就是") / 3);
  g_assert_cmpuint (title_length, >, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The other speeches are still found exactly as before. */
  g_ptr_array_remove_index (fixture->paths, 3);
  check_like_scan (fixture, "发展", 50);

  /* Out of the set given: taken out too. */
  g_ptr_array_set_size (fixture->paths, 2);
  update (fixture);
  g_assert_cmpuint (jj_text_index_get_n_documents (fixture->index), ==, 2);
  check_like_scan (fixture, "改革", 1);
}

static void
check_rebuilt (Fixture *fixture)
{
  g_clear_object (&fixture->index);
  fixture->index = open_index (fixture);
  g_assert_true (jj_text_index_get_was_rebuilt (fixture->index));
  g_assert_cmpuint (jj_text_index_get_n_documents (fixture->index), ==, 0);

  update (fixture);
  g_assert_cmpuint (jj_text_index_get_n_documents (fixture->index), ==, N_SPEECHES);
  check_like_scan (fixture, "发展", 50);

  g_clear_object (&fixture->index);
  fixture->index = open_index (fixture);
  g_assert_false (jj_text_index_get_was_rebuilt (fixture->index));
  g_assert_cmpuint (jj_text_index_get_n_documents (fixture->index), ==, N_SPEECHES);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  const char *path = g_file_peek_path (fixture->index_file);
  g_autoptr(GPtrArray) before = search (fixture->index, "改革");
  g_autofree char *garbage = g_strnfill (8192, 'x');

  g_assert_cmpuint (before->len, >, 0);
  g_clear_object (&fixture->index);
  write_file (path, garbage);
  check_rebuilt (fixture);
}

/* Pages in the middle of the file overwritten: SQLite opens it but finds
 * it damaged later; the index starts anew and is filled again.
 */
static void
test_damaged_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *path = g_file_peek_path (fixture->index_file);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_clear_object (&fixture->index);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 12 * 4096);
  memset (contents + 2 * 4096, 0x5a, 8 * 4096);
  write_file_bytes (path, contents, length);

  fixture->index = open_index (fixture);
  update (fixture);
  hits = jj_text_index_search (fixture->index, "发展", 0, &error);
  if (hits == NULL)
    {
      g_assert_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DAMAGED);
      update (fixture);
    }
  g_assert_true (jj_text_index_get_was_rebuilt (fixture->index));
  g_assert_cmpuint (jj_text_index_get_n_documents (fixture->index), ==, N_SPEECHES);
  check_like_scan (fixture, "发展", 50);
}

static void
test_foreign (Fixture       *fixture,
              gconstpointer  data)
{
  const char *path = g_file_peek_path (fixture->index_file);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *db = NULL;

  g_clear_object (&fixture->index);
  g_remove (path);
  g_remove (wal);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (id INTEGER, text TEXT);"
                                     "INSERT INTO notes VALUES (1, '发展');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  check_rebuilt (fixture);

  /* An index of another version of the schema. */
  g_clear_object (&fixture->index);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  check_rebuilt (fixture);
}

static void
test_modes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_get_parent (fixture->index_file);
  GStatBuf st;

  g_assert_cmpint (g_stat (g_file_peek_path (fixture->index_file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (g_file_peek_path (dir), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* An index placed in a folder that is not Jiejian's own (a user's folder,
 * /tmp) leaves that folder's mode alone; a folder it makes is 0700. */
static void
test_foreign_folder_mode (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *shared = g_build_filename (fixture->root, "shared", NULL);
  g_autofree char *made = g_build_filename (fixture->root, "made", "deeper", NULL);
  g_autofree char *in_shared = g_build_filename (shared, "index.sqlite", NULL);
  g_autofree char *in_made = g_build_filename (made, "index.sqlite", NULL);
  g_autoptr(GFile) shared_file = g_file_new_for_path (in_shared);
  g_autoptr(GFile) made_file = g_file_new_for_path (in_made);
  g_autoptr(JjTextIndex) shared_index = jj_text_index_new (shared_file);
  g_autoptr(JjTextIndex) made_index = jj_text_index_new (made_file);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (shared, 0755), ==, 0);
  g_assert_cmpint (g_chmod (shared, 01777), ==, 0);
  g_assert_true (jj_text_index_open (shared_index, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (shared, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 01777);
  g_assert_cmpint (g_stat (in_shared, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (jj_text_index_open (made_index, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (made, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

typedef struct
{
  guint         n_calls;
  guint         last_done;
  guint         total;
  GAsyncResult *result;
} AsyncState;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpuint (done, >=, state->last_done);
  state->n_calls++;
  state->last_done = done;
  state->total = total;
}

static void
on_updated (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  AsyncState state = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->index);
  g_remove (g_file_peek_path (fixture->index_file));
  fixture->index = open_index (fixture);
  g_assert_cmpuint (jj_text_index_get_n_documents (fixture->index), ==, 0);

  g_ptr_array_add (fixture->paths, NULL);
  jj_text_index_update_async (fixture->index, (const char * const *)fixture->paths->pdata, NULL,
                              on_progress, &state, on_updated, &state);
  g_ptr_array_remove_index (fixture->paths, fixture->paths->len - 1);
  /* Searching while the index is being filled: no wait, no crash. */
  while (state.result == NULL)
    {
      g_autoptr(GPtrArray) hits = jj_text_index_search (fixture->index, "改革", 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_true (jj_text_index_update_finish (fixture->index, state.result, &error));
  g_assert_no_error (error);
  g_object_unref (state.result);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (state.n_calls, >=, 2);
  g_assert_cmpuint (state.total, ==, N_SPEECHES);
  g_assert_cmpuint (state.last_done, ==, N_SPEECHES);
  check_like_scan (fixture, "改革", 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/text-index/like-scan", test_like_scan);
  ADD ("/text-index/hit-fields", test_hit_fields);
  ADD ("/text-index/traditional", test_traditional);
  ADD ("/text-index/deleted-and-changed", test_deleted_and_changed);
  ADD ("/text-index/corrupt", test_corrupt);
  ADD ("/text-index/damaged-pages", test_damaged_pages);
  ADD ("/text-index/foreign", test_foreign);
  ADD ("/text-index/modes", test_modes);
  ADD ("/text-index/foreign-folder-mode", test_foreign_folder_mode);
  ADD ("/text-index/async", test_async);
#undef ADD

  return g_test_run ();
}
