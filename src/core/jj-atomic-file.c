/* jj-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
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
  g_autoptr(GMappedFile) mapped = NULL;
  GStatBuf st;
  int fd;

  /* link() makes a second name for a symbolic link itself, never for
   * what it points to. */
  g_unlink (tmp);
  if (link (path, tmp) == 0)
    {
      if (g_rename (tmp, backup) == 0)
        return TRUE;
      g_unlink (tmp);
    }
  else if (errno == ENOENT)
    return TRUE;

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 && errno == ELOOP)
    return TRUE;
  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      if (fd >= 0)
        close (fd);
      return TRUE;
    }
  mapped = g_mapped_file_new_from_fd (fd, FALSE, error);
  close (fd);
  if (mapped == NULL)
    return FALSE;

  return g_file_set_contents_full (backup, g_mapped_file_get_contents (mapped),
                                   g_mapped_file_get_length (mapped),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   st.st_mode & 0777, error);
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

/* A file written in pieces under a temporary name in the same folder,
 * flushed to disk and renamed over the target: what
 * g_file_set_contents_full() does for a whole buffer, for writers that
 * produce their output as they go (a large sidecar then never exists
 * twice in memory).
 */
#define BUFFER_SIZE (256 * 1024)

struct _JjAtomicFile
{
  char     *path;
  char     *tmp;
  int       fd;
  gboolean  backup;
  gsize     used;
  char      buffer[BUFFER_SIZE];
};

/* @format has a %s for the file name and one for the reason. */
static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (format, display, g_strerror (saved_errno));
#pragma GCC diagnostic pop

  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), message);
}

/**
 * jj_atomic_file_begin:
 *
 * jj_atomic_file_begin_full() with 0644 for a new file.
 */
JjAtomicFile *
jj_atomic_file_begin (const char  *path,
                      gboolean     make_backup,
                      GError     **error)
{
  return jj_atomic_file_begin_full (path, make_backup, 0644, error);
}

/**
 * jj_atomic_file_begin_full:
 * @make_backup: keep the previous version as `PATH.bak` on commit
 * @mode: the permissions of @path if it does not exist yet
 *
 * Starts replacing @path. Write with jj_atomic_file_append(), then
 * jj_atomic_file_commit(); jj_atomic_file_abort() leaves @path as it was.
 * An existing regular file keeps its permissions: the temporary file
 * has them from its creation on, never wider for a moment.
 */
JjAtomicFile *
jj_atomic_file_begin_full (const char  *path,
                           gboolean     make_backup,
                           int          mode,
                           GError     **error)
{
  JjAtomicFile *self;
  gboolean keep = FALSE;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode))
    {
      mode = st.st_mode & 0777;
      keep = TRUE;
    }
  mode &= 0777;

  self = g_new (JjAtomicFile, 1);
  self->path = g_strdup (path);
  self->tmp = g_strconcat (path, ".XXXXXX", NULL);
  self->backup = make_backup;
  self->used = 0;
  /* A new file: @mode, narrowed by the umask. A replaced one: exactly
   * its mode, set while the temporary file is still empty and owner-only. */
  self->fd = g_mkstemp_full (self->tmp, O_RDWR | O_CLOEXEC, keep ? (mode & 0600) : mode);
  if (self->fd >= 0 && keep && fchmod (self->fd, mode) != 0)
    {
      set_errno_error (error, errno, _("Failed to create file “%s”: %s"), self->tmp);
      jj_atomic_file_abort (self);
      return NULL;
    }
  if (self->fd < 0)
    {
      set_errno_error (error, errno, _("Failed to create file “%s”: %s"), self->tmp);
      g_clear_pointer (&self->tmp, g_free);
      jj_atomic_file_abort (self);
      return NULL;
    }

  return self;
}

static gboolean
flush (JjAtomicFile  *self,
       GError       **error)
{
  const char *p = self->buffer;
  gsize left = self->used;

  while (left > 0)
    {
      gssize n = write (self->fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, _("Failed to write file “%s”: %s"), self->tmp);
          return FALSE;
        }
      p += n;
      left -= n;
    }
  self->used = 0;

  return TRUE;
}

gboolean
jj_atomic_file_append (JjAtomicFile  *self,
                       const char    *data,
                       gsize          length,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (length > 0)
    {
      gsize n = MIN (length, BUFFER_SIZE - self->used);

      memcpy (self->buffer + self->used, data, n);
      self->used += n;
      data += n;
      length -= n;
      if (self->used == BUFFER_SIZE && !flush (self, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * jj_atomic_file_commit:
 *
 * Flushes what was written to disk, keeps the previous version as a
 * backup if asked, and renames the new file over the old one. Frees
 * @self; on failure the old file is untouched.
 */
/* Whether two statuses are of the same file in the same state: another
 * writer either replaces a file (a new inode) or writes into it (a new
 * change time, which no program can set back). */
gboolean
jj_atomic_file_same_status (const GStatBuf *a,
                            const GStatBuf *b)
{
  return a->st_dev == b->st_dev &&
         a->st_ino == b->st_ino &&
         a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
         a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
         a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

static gboolean
commit (JjAtomicFile    *self,
        gboolean         check,
        const GStatBuf  *expected,
        GStatBuf        *written,
        GError         **error)
{
  gboolean ok;
  int kept = -1;

  ok = flush (self, error);
  if (ok && fsync (self->fd) != 0)
    {
      set_errno_error (error, errno, _("Failed to write file “%s”: %s"), self->tmp);
      ok = FALSE;
    }
  /* A second descriptor tells what was written, whatever the path
   * points to once renamed. */
  if (ok && written != NULL)
    kept = dup (self->fd);
  if (close (self->fd) != 0 && ok)
    {
      set_errno_error (error, errno, _("Failed to write file “%s”: %s"), self->tmp);
      ok = FALSE;
    }
  self->fd = -1;

  /* Another program (a sync tool, which takes no lock) may have put its
   * version in place since it was read: then nothing is replaced, and the
   * caller reads it again. */
  if (ok && check)
    {
      GStatBuf now;
      gboolean exists = g_lstat (self->path, &now) == 0;

      if (exists != (expected != NULL) || (exists && !jj_atomic_file_same_status (&now, expected)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("“%s” was changed by another program while it was being saved."), self->path);
          ok = FALSE;
        }
    }

  if (ok && self->backup)
    ok = make_backup (self->path, error);

  if (ok && g_rename (self->tmp, self->path) != 0)
    {
      set_errno_error (error, errno, _("Failed to rename file “%s”: %s"), self->path);
      ok = FALSE;
    }

  if (ok)
    {
      g_clear_pointer (&self->tmp, g_free);
      sync_folder (self->path);
      if (kept >= 0 && fstat (kept, written) != 0)
        memset (written, 0, sizeof *written);
    }
  if (kept >= 0)
    close (kept);

  jj_atomic_file_abort (self);

  return ok;
}

/**
 * jj_atomic_file_commit_checked:
 * @expected: (nullable): the status of the file at the path when it was
 *   read; %NULL when there was none
 * @written: (out) (optional): the status of the file written
 *
 * Like jj_atomic_file_commit(), but leaves the file at the path as it is
 * and fails with %G_IO_ERROR_WRONG_ETAG when it is no longer @expected
 * just before the rename.
 */
gboolean
jj_atomic_file_commit_checked (JjAtomicFile   *self,
                               const GStatBuf *expected,
                               GStatBuf       *written,
                               GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return commit (self, TRUE, expected, written, error);
}

gboolean
jj_atomic_file_commit (JjAtomicFile  *self,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return commit (self, FALSE, NULL, NULL, error);
}

/**
 * jj_atomic_file_abort:
 *
 * Gives up: removes the temporary file and frees @self.
 */
void
jj_atomic_file_abort (JjAtomicFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp != NULL)
    g_unlink (self->tmp);
  g_free (self->tmp);
  g_free (self->path);
  g_free (self);
}

/**
 * jj_atomic_file_write:
 * @make_backup: keep the previous version as `PATH.bak`
 *
 * Writes @data to a temporary file in the folder of @path, flushes it to
 * disk and renames it over @path, then flushes the folder so the rename
 * itself is durable.
 */
gboolean
jj_atomic_file_write (const char  *path,
                      const char  *data,
                      gsize        length,
                      gboolean     backup,
                      GError     **error)
{
  return jj_atomic_file_write_full (path, data, length, backup, 0644, error);
}

/* jj_atomic_file_write() with @mode for a new file (see
 * jj_atomic_file_begin_full()). */
gboolean
jj_atomic_file_write_full (const char  *path,
                           const char  *data,
                           gsize        length,
                           gboolean     backup,
                           int          mode,
                           GError     **error)
{
  JjAtomicFile *file;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  file = jj_atomic_file_begin_full (path, backup, mode, error);
  if (file == NULL)
    return FALSE;

  if (!jj_atomic_file_append (file, data, length, error))
    {
      jj_atomic_file_abort (file);
      return FALSE;
    }

  return jj_atomic_file_commit (file, error);
}
