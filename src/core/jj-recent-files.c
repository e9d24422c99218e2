/* jj-recent-files.c — recording a visit in the desktop's recent files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <glib/gstdio.h>

#include "jj-draft.h"
#include "jj-recent-files.h"

#define DEFAULT_MIME_TYPE "application/octet-stream"

static char *
guess_mime_type (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *content_type = g_content_type_guess (name, NULL, 0, NULL);
  char *mime_type = content_type ? g_content_type_get_mime_type (content_type) : NULL;

  return mime_type ? mime_type : g_strdup (DEFAULT_MIME_TYPE);
}

static GBookmarkFile *
read_list (const char  *path,
           GError     **error)
{
  g_autoptr(GBookmarkFile) list = g_bookmark_file_new ();
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (length > 0 && !g_bookmark_file_load_from_data (list, data, length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* As GtkRecentManager does before it writes: entries nobody has touched
 * for @max_age_days days go. */
static void
drop_old_entries (GBookmarkFile *list,
                  int            max_age_days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(GStrv) uris = NULL;

  if (max_age_days < 0)
    return;

  uris = g_bookmark_file_get_uris (list, NULL);
  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      GDateTime *modified = g_bookmark_file_get_modified_date_time (list, uris[i], NULL);

      if (modified != NULL &&
          g_date_time_difference (now, modified) > (GTimeSpan) max_age_days * G_TIME_SPAN_DAY)
        g_bookmark_file_remove_item (list, uris[i], NULL);
    }
}

gboolean
jj_recent_files_add (const char  *path,
                     GFile       *file,
                     const char  *title,
                     const char  *app_name,
                     const char  *app_exec,
                     int          max_age_days,
                     GError     **error)
{
  g_autoptr(GBookmarkFile) list = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (app_name != NULL && app_exec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  list = read_list (path, error);
  if (list == NULL)
    return FALSE;

  uri = g_file_get_uri (file);
  mime_type = guess_mime_type (file);
  now = g_date_time_new_now_utc ();

  drop_old_entries (list, max_age_days);
  if (title != NULL && *title != '\0')
    g_bookmark_file_set_title (list, uri, title);
  g_bookmark_file_set_mime_type (list, uri, mime_type);
  /* Counts the visit and stamps it, and the entry's modification time. */
  g_bookmark_file_add_application (list, uri, app_name, app_exec);
  g_bookmark_file_set_visited_date_time (list, uri, now);
  g_bookmark_file_set_is_private (list, uri, FALSE);
  /* What was opened as a speech or a draft, not a file a save dialog
   * recorded. */
  name = g_file_get_basename (file);
  g_bookmark_file_add_group (list, uri, name != NULL && jj_draft_is_draft_name (name)
                                          ? JJ_RECENT_DRAFTS_GROUP : JJ_RECENT_FILES_GROUP);

  data = g_bookmark_file_to_data (list, &length, error);
  if (data == NULL)
    return FALSE;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0600, error);
}

typedef struct
{
  char  *path;
  GFile *file;
  char  *title;
  char  *app_name;
  char  *app_exec;
  int    max_age_days;
} AddData;

static void
add_data_free (AddData *data)
{
  g_free (data->path);
  g_object_unref (data->file);
  g_free (data->title);
  g_free (data->app_name);
  g_free (data->app_exec);
  g_free (data);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddData *data = task_data;
  GError *error = NULL;

  if (jj_recent_files_add (data->path, data->file, data->title,
                           data->app_name, data->app_exec, data->max_age_days, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
jj_recent_files_add_async (const char          *path,
                           GFile               *file,
                           const char          *title,
                           const char          *app_name,
                           const char          *app_exec,
                           int                  max_age_days,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AddData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (app_name != NULL && app_exec != NULL);

  data = g_new0 (AddData, 1);
  data->path = g_strdup (path);
  data->file = g_object_ref (file);
  data->title = g_strdup (title);
  data->app_name = g_strdup (app_name);
  data->app_exec = g_strdup (app_exec);
  data->max_age_days = max_age_days;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jj_recent_files_add_async);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  g_task_run_in_thread (task, add_thread);
}

gboolean
jj_recent_files_add_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
