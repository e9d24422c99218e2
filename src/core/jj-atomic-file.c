/* jj-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "jj-atomic-file.h"

char *
jj_atomic_file_dup_backup_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_strconcat (path, ".bak", NULL);
}

/* The backup is a second name for the previous version (a hard link),
 * made under a temporary name and renamed, so it is always complete.
 * File systems without hard links get a durable copy instead.
 */
static gboolean
make_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = jj_atomic_file_dup_backup_path (path);
  g_autofree char *tmp = g_strdup_printf ("%s.%u.tmp", backup, (guint)getpid ());
  g_autofree char *contents = NULL;
  gsize length;

  g_unlink (tmp);
  if (link (path, tmp) == 0)
    {
      if (g_rename (tmp, backup) == 0)
        return TRUE;
      g_unlink (tmp);
    }
  else if (errno == ENOENT)
    return TRUE;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  return g_file_set_contents_full (backup, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * jj_atomic_file_write:
 * @make_backup: keep the previous version as `PATH.bak`
 *
 * Writes @data to a temporary file in the folder of @path, flushes it to
 * disk and renames it over @path (g_file_set_contents_full() does these
 * steps), then flushes the folder so the rename itself is durable.
 */
gboolean
jj_atomic_file_write (const char  *path,
                      const char  *data,
                      gsize        length,
                      gboolean     backup,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (backup && !make_backup (path, error))
    return FALSE;

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, error))
    return FALSE;

  sync_folder (path);

  return TRUE;
}
