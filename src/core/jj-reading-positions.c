/* jj-reading-positions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "jj-reading-positions.h"

/* Positions are kept per document URI in a key file in the user's state
 * directory. A position is only trusted while the document's text is the
 * same (same fingerprint); a changed document opens at the top. The file
 * keeps the most recently read documents only.
 */
#define GROUP          "positions"
#define MAX_DOCUMENTS  500

struct _JjReadingPositions
{
  GObject   parent_instance;

  char     *path;
  GKeyFile *keyfile;
};

G_DEFINE_FINAL_TYPE (JjReadingPositions, jj_reading_positions, G_TYPE_OBJECT)

static void
jj_reading_positions_finalize (GObject *object)
{
  JjReadingPositions *self = (JjReadingPositions *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->keyfile, g_key_file_unref);

  G_OBJECT_CLASS (jj_reading_positions_parent_class)->finalize (object);
}

static void
jj_reading_positions_class_init (JjReadingPositionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jj_reading_positions_finalize;
}

static void
jj_reading_positions_init (JjReadingPositions *self)
{
  self->keyfile = g_key_file_new ();
}

JjReadingPositions *
jj_reading_positions_new (const char *path)
{
  JjReadingPositions *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (JJ_TYPE_READING_POSITIONS, NULL);
  self->path = g_strdup (path);
  /* A missing or damaged file only loses reading positions. */
  g_key_file_load_from_file (self->keyfile, path, G_KEY_FILE_NONE, NULL);

  return self;
}

gboolean
jj_reading_positions_lookup (JjReadingPositions *self,
                             GFile              *document,
                             const char         *fingerprint,
                             guint              *offset)
{
  g_autofree char *uri = NULL;
  g_auto(GStrv) value = NULL;
  gsize n = 0;
  guint64 parsed;

  g_return_val_if_fail (JJ_IS_READING_POSITIONS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (document), FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);

  uri = g_file_get_uri (document);
  value = g_key_file_get_string_list (self->keyfile, GROUP, uri, &n, NULL);
  if (value == NULL || n < 2 || !g_str_equal (value[1], fingerprint))
    return FALSE;

  if (!g_ascii_string_to_unsigned (value[0], 10, 0, G_MAXUINT, &parsed, NULL))
    return FALSE;

  if (offset)
    *offset = (guint) parsed;

  return TRUE;
}

static void
forget_oldest (JjReadingPositions *self)
{
  g_auto(GStrv) keys = g_key_file_get_keys (self->keyfile, GROUP, NULL, NULL);
  guint n = keys ? g_strv_length (keys) : 0;

  /* Keys keep insertion order and remember() re-inserts, so the first
   * ones are the least recently read. */
  for (guint i = 0; n > MAX_DOCUMENTS && i < n - MAX_DOCUMENTS; i++)
    g_key_file_remove_key (self->keyfile, GROUP, keys[i], NULL);
}

void
jj_reading_positions_remember (JjReadingPositions *self,
                               GFile              *document,
                               const char         *fingerprint,
                               guint               offset)
{
  g_autofree char *uri = NULL;
  g_autofree char *number = NULL;
  const char *value[3];

  g_return_if_fail (JJ_IS_READING_POSITIONS (self));
  g_return_if_fail (G_IS_FILE (document));
  g_return_if_fail (fingerprint != NULL);

  uri = g_file_get_uri (document);
  number = g_strdup_printf ("%u", offset);
  value[0] = number;
  value[1] = fingerprint;
  value[2] = NULL;

  g_key_file_remove_key (self->keyfile, GROUP, uri, NULL);
  g_key_file_set_string_list (self->keyfile, GROUP, uri, value, 2);
  forget_oldest (self);
}

gboolean
jj_reading_positions_save (JjReadingPositions  *self,
                           GError             **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (JJ_IS_READING_POSITIONS (self), FALSE);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Which speeches were read, and where: for the user alone. */
  data = g_key_file_to_data (self->keyfile, &length, error);
  if (data == NULL)
    return FALSE;

  return g_file_set_contents_full (self->path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
