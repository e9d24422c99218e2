/* jj-zip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "jj-document.h"
#include "jj-zip.h"

#define MAX_ENTRIES 10000

struct _JjZip
{
  const char *data;
  gsize       n_bytes;
  GHashTable *names;
};

static struct archive *
open_archive (JjZip   *self,
              GError **error)
{
  struct archive *a = archive_read_new ();

  archive_read_support_format_zip (a);
  if (archive_read_open_memory (a, (void *)self->data, self->n_bytes) != ARCHIVE_OK)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("the file is damaged (%s)."), archive_error_string (a));
      archive_read_free (a);
      return NULL;
    }

  return a;
}

static gboolean
is_unsafe_name (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name[0] == '/' || name[0] == '\\' || (g_ascii_isalpha (name[0]) && name[1] == ':'))
    return TRUE;

  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i]; i++)
    if (g_str_equal (parts[i], ".."))
      return TRUE;

  return FALSE;
}

JjZip *
jj_zip_new (const char  *data,
            gsize        n_bytes,
            GError     **error)
{
  g_autoptr(JjZip) self = g_new0 (JjZip, 1);
  struct archive *a;
  struct archive_entry *entry;
  int r;

  g_return_val_if_fail (data != NULL, NULL);

  self->data = data;
  self->n_bytes = n_bytes;
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  a = open_archive (self, error);
  if (a == NULL)
    return NULL;

  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);

      if (name == NULL)
        continue;

      if (is_unsafe_name (name))
        {
          g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                       _("the archive contains an unsafe file name (“%s”)."), name);
          archive_read_free (a);
          return NULL;
        }

      if (g_hash_table_size (self->names) >= MAX_ENTRIES)
        {
          g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                       _("the archive has too many files to be a document."));
          archive_read_free (a);
          return NULL;
        }

      g_hash_table_add (self->names, g_strdup (name));
      archive_read_data_skip (a);
    }

  if (r != ARCHIVE_EOF)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("the file is damaged (%s)."),
                   archive_error_string (a) ? archive_error_string (a) : _("unreadable archive"));
      archive_read_free (a);
      return NULL;
    }

  archive_read_free (a);

  if (g_hash_table_size (self->names) == 0)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("the archive is empty."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
jj_zip_free (JjZip *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->names, g_hash_table_unref);
  g_free (self);
}

gboolean
jj_zip_has_entry (JjZip      *self,
                  const char *name)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->names, name);
}

char *
jj_zip_read (JjZip       *self,
             const char  *name,
             gsize        max_size,
             gsize       *n_bytes,
             GError     **error)
{
  struct archive *a;
  struct archive_entry *entry;
  int r;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!g_hash_table_contains (self->names, name))
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("the part “%s” is missing."), name);
      return NULL;
    }

  a = open_archive (self, error);
  if (a == NULL)
    return NULL;

  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) buf = NULL;
      const char *entry_name = archive_entry_pathname (entry);

      if (entry_name == NULL || !g_str_equal (entry_name, name))
        {
          archive_read_data_skip (a);
          continue;
        }

      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > (la_int64_t)max_size)
        {
          g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE,
                       _("the part “%s” is larger than %zu MB."), name, max_size / (1024 * 1024));
          archive_read_free (a);
          return NULL;
        }

      buf = g_byte_array_sized_new (archive_entry_size_is_set (entry)
                                    ? (guint)archive_entry_size (entry) + 1 : 65536);

      /* The declared size can lie: stop inflating at the limit anyway. */
      for (;;)
        {
          guint8 chunk[65536];
          la_ssize_t n = archive_read_data (a, chunk, sizeof chunk);

          if (n == 0)
            break;
          if (n < 0)
            {
              g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                           _("the file is damaged (%s)."), archive_error_string (a));
              archive_read_free (a);
              return NULL;
            }
          if (buf->len + (gsize)n > max_size)
            {
              g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE,
                           _("the part “%s” is larger than %zu MB."), name, max_size / (1024 * 1024));
              archive_read_free (a);
              return NULL;
            }
          g_byte_array_append (buf, chunk, n);
        }

      archive_read_free (a);

      if (n_bytes != NULL)
        *n_bytes = buf->len;
      g_byte_array_append (buf, (const guint8 *)"", 1);

      return (char *)g_byte_array_free (g_steal_pointer (&buf), FALSE);
    }

  g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
               _("the file is damaged (%s)."),
               archive_error_string (a) ? archive_error_string (a) : _("a part cannot be read"));
  archive_read_free (a);

  return NULL;
}
