/* jj-file-lock.c
 *
 * The lock is taken on the folder that holds the file, not on the file:
 * a sidecar is replaced by a rename, so a lock on it would be a lock on
 * a file that is no longer there; the folder stays, and locking it
 * creates nothing in it (a read-only command writes nothing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jj-file-lock.h"

struct _JjFileLock
{
  int fd;        /* -1 when locks are not supported there */
};

/* JJ_LOCK_TIMEOUT_MS shortens the wait in tests. */
guint
jj_file_lock_get_default_timeout (void)
{
  const char *env = g_getenv ("JJ_LOCK_TIMEOUT_MS");
  guint64 value;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, 600000, &value, NULL))
    return (guint)value;

  return JJ_FILE_LOCK_DEFAULT_TIMEOUT;
}

static gboolean
lock_unsupported (int saved_errno)
{
  /* NFS without lockd, FUSE and some network file systems. EBADF: NFS
   * emulates flock() with byte-range locks, which need a writable fd. */
  return saved_errno == ENOLCK || saved_errno == EOPNOTSUPP || saved_errno == ENOTSUP ||
         saved_errno == EINVAL || saved_errno == EBADF || saved_errno == ENOSYS;
}

/**
 * jj_file_lock_acquire:
 * @path: a file; the folder holding it is locked
 * @timeout_ms: how long to wait for another holder, polling
 *
 * Takes the exclusive lock of the folder of @path. Where the folder
 * cannot be opened or its file system has no locks, a lock that is not
 * held is returned (see jj_file_lock_get_held()): the caller must then
 * check what it wrote. `JJ_TEST_NO_LOCK=1` makes every lock so, for the
 * tests of that path.
 *
 * Returns: (transfer full) (nullable): the lock, or %NULL with
 *   %G_IO_ERROR_BUSY when another holder kept it past @timeout_ms
 */
JjFileLock *
jj_file_lock_acquire (const char    *path,
                      guint          timeout_ms,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *dir = NULL;
  gint64 deadline;
  gulong pause = 1000;
  JjFileLock *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (JjFileLock, 1);
  self->fd = -1;

  if (g_strcmp0 (g_getenv ("JJ_TEST_NO_LOCK"), "1") == 0)
    return self;

  dir = g_path_get_dirname (path);
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return self;

  deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;
  for (;;)
    {
      int saved_errno;

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          self->fd = fd;
          return self;
        }

      saved_errno = errno;
      if (saved_errno == EINTR)
        continue;
      if (lock_unsupported (saved_errno))
        {
          close (fd);
          return self;
        }
      if (saved_errno != EWOULDBLOCK || g_get_monotonic_time () >= deadline ||
          g_cancellable_is_cancelled (cancellable))
        {
          g_autofree char *display = g_filename_display_name (dir);

          close (fd);
          g_free (self);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (saved_errno == EWOULDBLOCK)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                         _("Another program kept the folder “%s” locked longer than %.1f s; "
                           "the marks will be saved when it lets go."),
                         display, timeout_ms / 1000.0);
          else
            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                         _("The folder “%s” could not be locked: %s"), display, g_strerror (saved_errno));
          return NULL;
        }

      g_usleep (pause);
      pause = MIN (pause * 2, 20000);
    }
}

/* Whether the lock is really held; FALSE where locks are not supported. */
gboolean
jj_file_lock_get_held (JjFileLock *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->fd >= 0;
}

void
jj_file_lock_release (JjFileLock *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    {
      flock (self->fd, LOCK_UN);
      close (self->fd);
    }
  g_free (self);
}
