/* jj-library-text-index.c
 *
 * The All Text search of the library window and Compare Wording share one
 * index per process: one SQLite connection, and one update at a time, so
 * two windows never index the same speeches twice or wait on each other's
 * write lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-library-text-index.h"

static GMutex update_lock;

static GQuark
opened_quark (void)
{
  return g_quark_from_static_string ("jj-library-text-index-opened");
}

/**
 * jj_library_text_index_get_default:
 *
 * Returns: (transfer none): the index in the user's cache folder, shared
 *   by everything in this process; jj_library_text_index_update_async()
 *   opens it.
 */
JjTextIndex *
jj_library_text_index_get_default (void)
{
  static JjTextIndex *index;

  if (g_once_init_enter (&index))
    {
      g_autoptr(GFile) file = jj_text_index_dup_default_file ();

      g_once_init_leave (&index, jj_text_index_new (file));
    }

  return index;
}

typedef struct
{
  char                    **documents;
  char                    **folders;
  JjTextIndexProgressFunc   progress;
  GObject                  *progress_target;
  GMainContext             *context;
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  g_strfreev (data->documents);
  g_strfreev (data->folders);
  g_clear_object (&data->progress_target);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct
{
  JjTextIndexProgressFunc  progress;
  GObject                 *target;
  guint                    done;
  guint                    total;
} Progress;

static gboolean
progress_dispatch (gpointer user_data)
{
  Progress *p = user_data;

  p->progress (p->done, p->total, p->target);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer user_data)
{
  Progress *p = user_data;

  g_object_unref (p->target);
  g_free (p);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  UpdateData *data = user_data;
  Progress *p;

  if (data->progress == NULL)
    return;

  p = g_new0 (Progress, 1);
  p->progress = data->progress;
  p->target = g_object_ref (data->progress_target);
  p->done = done;
  p->total = total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_dispatch, p, progress_free);
}

/**
 * jj_library_text_index_collect_paths:
 * @documents: the speeches the library knows by name
 * @folders: its folders, searched with their subfolders
 *
 * Returns: (transfer full): every speech of the library once: what its
 *   full-text index is brought up to date with.
 */
char **
jj_library_text_index_collect_paths (const char * const *documents,
                                     const char * const *folders,
                                     GCancellable       *cancellable)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      if (!g_hash_table_contains (seen, documents[i]))
        {
          char *path = g_strdup (documents[i]);

          g_hash_table_add (seen, path);
          g_ptr_array_add (paths, path);
        }
    }
  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (folders[i]);
      g_auto(GStrv) found = jj_text_index_collect_documents (folder, cancellable);

      for (guint k = 0; found[k] != NULL; k++)
        {
          if (!g_hash_table_contains (seen, found[k]))
            {
              char *path = g_strdup (found[k]);

              g_hash_table_add (seen, path);
              g_ptr_array_add (paths, path);
            }
        }
    }
  g_ptr_array_add (paths, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  JjTextIndex *index = source_object;
  UpdateData *data = task_data;
  g_auto(GStrv) paths = NULL;
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&update_lock);

  if (g_object_get_qdata (G_OBJECT (index), opened_quark ()) == NULL)
    {
      if (!jj_text_index_open (index, &error))
        {
          g_mutex_unlock (&update_lock);
          g_task_return_error (task, error);
          return;
        }
      g_object_set_qdata (G_OBJECT (index), opened_quark (), GINT_TO_POINTER (TRUE));
    }

  paths = jj_library_text_index_collect_paths ((const char * const *)data->documents,
                                               (const char * const *)data->folders, cancellable);
  ok = jj_text_index_update (index, (const char * const *)paths, cancellable,
                             progress_cb, data, &error);
  g_mutex_unlock (&update_lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * jj_library_text_index_update_async:
 * @index: an index, opened here the first time
 * @library: whose speeches, opened or in its folders, the index holds
 * @progress: (nullable): called in the caller's main context
 * @progress_target: (nullable): passed to @progress, kept alive until then
 *
 * Brings @index up to date with @library in a thread: finding the speeches
 * in its folders and indexing those that changed. One update runs at a
 * time; a second waits for the first.
 */
void
jj_library_text_index_update_async (JjTextIndex              *index,
                                    JjLibrary                *library,
                                    GCancellable             *cancellable,
                                    JjTextIndexProgressFunc   progress,
                                    GObject                  *progress_target,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  UpdateData *data;

  g_return_if_fail (JJ_IS_TEXT_INDEX (index));
  g_return_if_fail (JJ_IS_LIBRARY (library));
  g_return_if_fail (progress == NULL || G_IS_OBJECT (progress_target));

  data = g_new0 (UpdateData, 1);
  data->documents = jj_library_dup_document_paths (library);
  data->folders = jj_library_dup_folders (library);
  data->progress = progress;
  data->progress_target = progress_target != NULL ? g_object_ref (progress_target) : NULL;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (index, cancellable, callback, user_data);
  g_task_set_source_tag (task, jj_library_text_index_update_async);
  g_task_set_task_data (task, data, (GDestroyNotify)update_data_free);
  g_task_run_in_thread (task, update_thread);
}

gboolean
jj_library_text_index_update_finish (JjTextIndex   *index,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, index), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
