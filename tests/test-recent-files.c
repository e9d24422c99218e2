/* test-recent-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "jj-draft.h"
#include "jj-recent-files.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("jj-recent-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  /* The data folder may not exist yet on a new account. */
  fixture->path = g_build_filename (fixture->dir, "share", "recently-used.xbel", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *share = g_path_get_dirname (fixture->path);

  g_unlink (fixture->path);
  g_rmdir (share);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GBookmarkFile *
read_back (const char *path)
{
  g_autoptr(GBookmarkFile) list = g_bookmark_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_bookmark_file_load_from_file (list, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&list);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GFile) speech = g_file_new_for_path ("/srv/讲话稿/在全市工作会议上的讲话.txt");
  g_autofree char *uri = g_file_get_uri (speech);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBookmarkFile) list = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *title = NULL;
  unsigned int count = 0;
  GStatBuf st;

  g_assert_true (jj_recent_files_add (fixture->path, speech, "在全市工作会议上的讲话",
                                      "jiejian", "jiejian %u", 30, &error));
  g_assert_no_error (error);

  list = read_back (fixture->path);
  g_assert_cmpint (g_bookmark_file_get_size (list), ==, 1);
  title = g_bookmark_file_get_title (list, uri, &error);
  g_assert_cmpstr (title, ==, "在全市工作会议上的讲话");
  mime = g_bookmark_file_get_mime_type (list, uri, &error);
  g_assert_cmpstr (mime, ==, "text/plain");
  g_assert_true (g_bookmark_file_has_application (list, uri, "jiejian", NULL));
  g_assert_true (g_bookmark_file_get_application_info (list, uri, "jiejian", &exec, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
  /* GBookmarkFile expands %u to the document's URI. */
  g_assert_true (g_str_has_prefix (exec, "jiejian "));
  g_assert_nonnull (g_bookmark_file_get_visited_date_time (list, uri, NULL));
  g_assert_false (g_bookmark_file_get_is_private (list, uri, NULL));
  /* Marked as a speech opened, unlike files a save dialog records. */
  g_assert_true (g_bookmark_file_has_group (list, uri, JJ_RECENT_FILES_GROUP, NULL));

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A second visit is counted on the same entry. */
  g_assert_true (jj_recent_files_add (fixture->path, speech, "在全市工作会议上的讲话",
                                      "jiejian", "jiejian %u", 30, &error));
  g_clear_pointer (&list, g_bookmark_file_free);
  list = read_back (fixture->path);
  g_assert_cmpint (g_bookmark_file_get_size (list), ==, 1);
  g_assert_true (g_bookmark_file_get_application_info (list, uri, "jiejian", NULL, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 2);
}

/* Other applications' entries stay, old ones go as GTK drops them. */
static void
test_keeps_others_drops_old (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBookmarkFile) list = g_bookmark_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -40);
  g_autoptr(GDateTime) lately = g_date_time_add_days (now, -3);
  g_autoptr(GFile) speech = g_file_new_for_path ("/srv/speech.docx");
  g_autoptr(GError) error = NULL;
  g_autofree char *share = g_path_get_dirname (fixture->path);
  g_autofree char *mime = NULL;
  g_autofree char *uri = g_file_get_uri (speech);

  g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  g_bookmark_file_add_application (list, "file:///srv/old.pdf", "evince", "evince %u");
  g_bookmark_file_set_modified_date_time (list, "file:///srv/old.pdf", long_ago);
  g_bookmark_file_add_application (list, "file:///srv/new.pdf", "evince", "evince %u");
  g_bookmark_file_set_modified_date_time (list, "file:///srv/new.pdf", lately);
  g_assert_true (g_bookmark_file_to_file (list, fixture->path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_bookmark_file_free);

  g_assert_true (jj_recent_files_add (fixture->path, speech, NULL, "jiejian", "jiejian %u", 30, &error));
  g_assert_no_error (error);

  list = read_back (fixture->path);
  g_assert_false (g_bookmark_file_has_item (list, "file:///srv/old.pdf"));
  g_assert_true (g_bookmark_file_has_item (list, "file:///srv/new.pdf"));
  g_assert_true (g_bookmark_file_has_application (list, "file:///srv/new.pdf", "evince", NULL));
  g_assert_true (g_bookmark_file_has_item (list, uri));
  mime = g_bookmark_file_get_mime_type (list, uri, NULL);
  g_assert_cmpstr (mime, ==, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  /* A negative age keeps everything. */
  g_bookmark_file_set_modified_date_time (list, "file:///srv/new.pdf", long_ago);
  g_assert_true (g_bookmark_file_to_file (list, fixture->path, &error));
  g_assert_true (jj_recent_files_add (fixture->path, speech, NULL, "jiejian", "jiejian %u", -1, &error));
  g_clear_pointer (&list, g_bookmark_file_free);
  list = read_back (fixture->path);
  g_assert_true (g_bookmark_file_has_item (list, "file:///srv/new.pdf"));
}

/* A list that cannot be read is not replaced by one holding only us. */
static void
test_broken_list_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) speech = g_file_new_for_path ("/srv/speech.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *share = g_path_get_dirname (fixture->path);
  g_autofree char *contents = NULL;
  const char *broken = "<?xml version=\"1.0\"?>\n<xbel version=\"1.0\"><bookmark href=";

  g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, broken, -1, NULL));

  g_assert_false (jj_recent_files_add (fixture->path, speech, NULL, "jiejian", "jiejian %u", 30, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, broken);
  g_clear_error (&error);

  /* An empty file is an empty list. */
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  g_assert_true (jj_recent_files_add (fixture->path, speech, NULL, "jiejian", "jiejian %u", 30, &error));
  g_assert_no_error (error);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) speech = g_file_new_for_path ("/srv/speech.html");
  g_autofree char *uri = g_file_get_uri (speech);
  g_autoptr(GBookmarkFile) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  jj_recent_files_add_async (fixture->path, speech, "讲话", "jiejian", "jiejian %u", 30,
                             NULL, added_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (jj_recent_files_add_finish (result, &error));
  g_assert_no_error (error);

  list = read_back (fixture->path);
  g_assert_true (g_bookmark_file_has_application (list, uri, "jiejian", NULL));
}

/* A draft goes in the group of drafts, apart from the speeches opened. */
static void
test_draft_group (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) draft = g_file_new_for_path ("/srv/草稿/新讲话" JJ_DRAFT_SUFFIX);
  g_autoptr(GFile) speech = g_file_new_for_path ("/srv/讲话稿/旧讲话.docx");
  g_autofree char *draft_uri = g_file_get_uri (draft);
  g_autofree char *speech_uri = g_file_get_uri (speech);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBookmarkFile) list = NULL;

  g_assert_true (jj_recent_files_add (fixture->path, draft, "新讲话", "jiejian", "jiejian %u", 30, &error));
  g_assert_true (jj_recent_files_add (fixture->path, speech, "旧讲话", "jiejian", "jiejian %u", 30, &error));
  g_assert_no_error (error);

  list = read_back (fixture->path);
  g_assert_true (g_bookmark_file_has_group (list, draft_uri, JJ_RECENT_DRAFTS_GROUP, NULL));
  g_assert_false (g_bookmark_file_has_group (list, draft_uri, JJ_RECENT_FILES_GROUP, NULL));
  g_assert_true (g_bookmark_file_has_group (list, speech_uri, JJ_RECENT_FILES_GROUP, NULL));
  g_assert_false (g_bookmark_file_has_group (list, speech_uri, JJ_RECENT_DRAFTS_GROUP, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/recent-files/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/recent-files/draft-group", Fixture, NULL, fixture_set_up, test_draft_group, fixture_tear_down);
  g_test_add ("/recent-files/keeps-others-drops-old", Fixture, NULL,
              fixture_set_up, test_keeps_others_drops_old, fixture_tear_down);
  g_test_add ("/recent-files/broken-list-kept", Fixture, NULL,
              fixture_set_up, test_broken_list_kept, fixture_tear_down);
  g_test_add ("/recent-files/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
