/* jj-library-watcher.c — tells when the library's folders change on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-library-watcher.h"
#include "jj-sidecar.h"
#include "jj-text-index.h"

/* A burst of events (a sidecar written through a temporary file and a
 * rename, a folder copied in) is one change; a folder written without a
 * pause still reports one every MAX_WAIT_MS. */
#define MAX_WAIT_MS 2000

struct _JjLibraryWatcher
{
  GObject     parent_instance;

  guint       delay_ms;
  GStrv       roots;
  GHashTable *monitors;   /* folder path → GFileMonitor */
  guint       timeout_id;
  gint64      first_event;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JjLibraryWatcher, jj_library_watcher, G_TYPE_OBJECT)

static void watch_tree (JjLibraryWatcher *self,
                        GFile            *folder);

static void
jj_library_watcher_dispose (GObject *object)
{
  JjLibraryWatcher *self = JJ_LIBRARY_WATCHER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->monitors != NULL)
    g_hash_table_remove_all (self->monitors);

  G_OBJECT_CLASS (jj_library_watcher_parent_class)->dispose (object);
}

static void
jj_library_watcher_finalize (GObject *object)
{
  JjLibraryWatcher *self = JJ_LIBRARY_WATCHER (object);

  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_strfreev (self->roots);

  G_OBJECT_CLASS (jj_library_watcher_parent_class)->finalize (object);
}

static void
jj_library_watcher_class_init (JjLibraryWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jj_library_watcher_dispose;
  object_class->finalize = jj_library_watcher_finalize;

  /**
   * JjLibraryWatcher::changed:
   *
   * A sidecar, a speech or a folder under the watched folders changed;
   * emitted once a burst of changes has been quiet for the delay.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cancel_monitor (gpointer data)
{
  GFileMonitor *monitor = data;

  g_signal_handlers_disconnect_matched (monitor, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                        g_object_get_data (G_OBJECT (monitor), "jj-watcher"));
  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
}

static void
jj_library_watcher_init (JjLibraryWatcher *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cancel_monitor);
}

/**
 * jj_library_watcher_new:
 * @delay_ms: how long a burst of changes must be quiet before #JjLibraryWatcher::changed
 *
 * Monitors are created in, and signals emitted from, the thread-default
 * main context of the caller.
 */
JjLibraryWatcher *
jj_library_watcher_new (guint delay_ms)
{
  JjLibraryWatcher *self = g_object_new (JJ_TYPE_LIBRARY_WATCHER, NULL);

  self->delay_ms = delay_ms;

  return self;
}

static gboolean
emit_changed_cb (gpointer user_data)
{
  JjLibraryWatcher *self = user_data;

  self->timeout_id = 0;
  self->first_event = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
schedule (JjLibraryWatcher *self)
{
  gint64 now = g_get_monotonic_time ();
  guint delay = self->delay_ms;

  if (self->first_event == 0)
    self->first_event = now;
  else if ((now - self->first_event) / 1000 + delay > MAX_WAIT_MS)
    delay = (guint) MAX (0, MAX_WAIT_MS - (now - self->first_event) / 1000);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay, emit_changed_cb, self);
}

/* Sidecars and speeches count; the temporary files a sidecar is written
 * through, hidden files and anything else (the library's own database
 * may live in a watched folder) do not. */
static gboolean
is_relevant_name (const char *name)
{
  if (name == NULL || name[0] == '.')
    return FALSE;

  return g_str_has_suffix (name, JJ_SIDECAR_SUFFIX) || jj_text_index_is_speech_name (name);
}

static gboolean
is_relevant (GFile *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  return is_relevant_name (name);
}

static void
unwatch_tree (JjLibraryWatcher *self,
              const char       *path)
{
  g_autofree char *prefix = g_strconcat (path, G_DIR_SEPARATOR_S, NULL);
  GHashTableIter iter;
  const char *watched;

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, (gpointer *)&watched, NULL))
    {
      if (g_str_equal (watched, path) || g_str_has_prefix (watched, prefix))
        g_hash_table_iter_remove (&iter);
    }
}

static gboolean
is_root (JjLibraryWatcher *self,
         const char       *path)
{
  return self->roots != NULL && g_strv_contains ((const char * const *)self->roots, path);
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    JjLibraryWatcher  *self)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *path = g_file_peek_path (file);
  gboolean relevant = FALSE;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      if (name != NULL && name[0] != '.'
          && g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          watch_tree (self, file);
          relevant = TRUE;
        }
      else
        relevant = is_relevant_name (name);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      /* A watched folder itself gone: its speeches are missing now. The
       * monitor of a root stays, to see it come back. */
      if (path != NULL && g_hash_table_contains (self->monitors, path))
        {
          if (!is_root (self, path))
            unwatch_tree (self, path);
          relevant = TRUE;
        }
      else
        relevant = is_relevant_name (name);
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      if (path != NULL && g_hash_table_contains (self->monitors, path) && !is_root (self, path))
        {
          unwatch_tree (self, path);
          if (other_file != NULL)
            watch_tree (self, other_file);
          relevant = TRUE;
        }
      else
        relevant = is_relevant_name (name) || is_relevant (other_file);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
      relevant = is_relevant_name (name);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }

  if (relevant)
    schedule (self);
}

static void
watch_folder (JjLibraryWatcher *self,
              GFile            *folder)
{
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;
  const char *path = g_file_peek_path (folder);

  if (path == NULL || g_hash_table_contains (self->monitors, path))
    return;

  monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", path, error->message);
      return;
    }
  g_object_set_data (G_OBJECT (monitor), "jj-watcher", self);
  g_signal_connect (monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  g_hash_table_insert (self->monitors, g_strdup (path), monitor);
}

/* Directory monitors see one level: each folder below gets its own, as
 * the library's scan goes down into every one. */
static void
watch_tree (JjLibraryWatcher *self,
            GFile            *folder)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  watch_folder (self, folder);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          NULL, NULL);
  if (enumerator == NULL)
    return;

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);

      if (name[0] != '.' && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) child = g_file_get_child (folder, name);

          watch_tree (self, child);
        }
    }
}

/**
 * jj_library_watcher_set_folders:
 * @folders: (nullable): the folders to watch, with every folder below them
 *
 * Does nothing when @folders are the ones watched already.
 */
void
jj_library_watcher_set_folders (JjLibraryWatcher   *self,
                                const char * const *folders)
{
  g_return_if_fail (JJ_IS_LIBRARY_WATCHER (self));

  if (self->roots != NULL && folders != NULL
      && g_strv_equal ((const char * const *)self->roots, folders))
    return;
  if (self->roots == NULL && (folders == NULL || folders[0] == NULL))
    return;

  g_hash_table_remove_all (self->monitors);
  g_clear_pointer (&self->roots, g_strfreev);
  if (folders == NULL)
    return;

  self->roots = g_strdupv ((char **)folders);
  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (folders[i]);

      watch_tree (self, folder);
    }
}

guint
jj_library_watcher_get_n_monitors (JjLibraryWatcher *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_WATCHER (self), 0);

  return g_hash_table_size (self->monitors);
}

/* Whether a change was seen and #JjLibraryWatcher::changed is yet to come. */
gboolean
jj_library_watcher_is_pending (JjLibraryWatcher *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY_WATCHER (self), FALSE);

  return self->timeout_id != 0;
}
