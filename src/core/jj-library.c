/* jj-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jj-atomic-file.h"
#include "jj-file-lock.h"
#include "jj-library.h"
#include "jj-mark.h"
#include "jj-mark-store.h"
#include "jj-passage-private.h"
#include "jj-sidecar.h"

/* The sidecars are the truth; the index only spares reading 2,000 of them
 * at start-up. It is rebuilt whenever it is missing, unreadable or of
 * another version, and a sidecar is read again whenever its size or
 * modification time differ from what the index recorded.
 */
#define INDEX_VERSION 5
/* The index ends with the SHA-256 of what comes before it: a damaged file
 * (a flipped byte) is rebuilt, never read as phantom documents. */
#define INDEX_CHECKSUM_SIZE 32
/* The passages of a document are one byte string: tens of thousands of
 * GVariant children cost more to read than the text they hold. Each
 * passage is a PassageHeader, then NUL-terminated strings: id, kind, note,
 * author, quote, section, search key, and its tags. Host byte order: the
 * index never leaves this machine.
 */
#define DOCUMENT_TYPE "(sssssuxtbuuayss)"
#define INDEX_TYPE "(uasa" DOCUMENT_TYPE ")"
#define NO_DATE G_MININT64

typedef struct
{
  char              *path;
  char              *sidecar;        /* NULL when beside the document */
  char              *title;
  char              *speaker;        /* from the sidecar's speech details */
  char              *speech_date;    /* YYYY-MM-DD */
  char              *fingerprint;
  char              *moved_from;
  guint              length;         /* of the display text, from the sidecar */
  gint64             sidecar_mtime;  /* µs; 0 when the sidecar was never read */
  guint64            sidecar_size;
  gboolean           explicit;       /* opened by the user, not only found in a folder */
  gboolean           found;          /* scratch: seen by the current scan */
  gboolean           is_new;         /* scratch: first seen by the current scan */
  JjDocumentStatus   status;
  GPtrArray         *passages;
} Document;

struct _JjLibrary
{
  GObject      parent_instance;

  GFile       *index_file;
  GPtrArray   *folders;    /* absolute paths */
  GHashTable  *documents;  /* path → Document */
  GPtrArray   *all;        /* every passage */
  GListStore  *store;
  gboolean     dirty;      /* the index on disk is stale */
  gboolean     loaded;
};

G_DEFINE_FINAL_TYPE (JjLibrary, jj_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (jj-library-error-quark, jj_library_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
document_free (gpointer data)
{
  Document *doc = data;

  g_free (doc->path);
  g_free (doc->sidecar);
  g_free (doc->title);
  g_free (doc->speaker);
  g_free (doc->speech_date);
  g_free (doc->fingerprint);
  g_free (doc->moved_from);
  g_clear_pointer (&doc->passages, g_ptr_array_unref);
  g_free (doc);
}

static char *
title_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

static Document *
document_new (const char *path)
{
  Document *doc = g_new0 (Document, 1);

  doc->path = g_strdup (path);
  doc->title = title_from_path (path);
  doc->passages = g_ptr_array_new_with_free_func (g_object_unref);
  doc->status = JJ_DOCUMENT_STATUS_PRESENT;

  return doc;
}

static void
jj_library_finalize (GObject *object)
{
  JjLibrary *self = (JjLibrary *)object;

  g_clear_object (&self->index_file);
  g_clear_pointer (&self->folders, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jj_library_parent_class)->finalize (object);
}

static void
jj_library_class_init (JjLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_library_finalize;

  /* The passages, documents or their status changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jj_library_init (JjLibrary *self)
{
  self->folders = g_ptr_array_new_with_free_func (g_free);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, document_free);
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->store = g_list_store_new (JJ_TYPE_PASSAGE);
}

/* @index_file: where the index is kept; NULL for the default,
 * $XDG_DATA_HOME/jiejian/library.index.
 */
JjLibrary *
jj_library_new (GFile *index_file)
{
  JjLibrary *self;

  g_return_val_if_fail (index_file == NULL || G_IS_FILE (index_file), NULL);

  self = g_object_new (JJ_TYPE_LIBRARY, NULL);
  if (index_file != NULL)
    self->index_file = g_object_ref (index_file);
  else
    self->index_file = g_file_new_build_filename (g_get_user_data_dir (), "jiejian",
                                                  "library.index", NULL);

  return self;
}

GFile *
jj_library_get_index_file (JjLibrary *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);

  return self->index_file;
}

/* Where the store keeps the marks of @document_path. */
static char *
sidecar_path_for (const char *document_path,
                  const char *fingerprint)
{
  g_autoptr(GFile) file = g_file_new_for_path (document_path);

  return jj_mark_store_locate_sidecar (file, fingerprint, NULL);
}

static char *
document_sidecar_path (Document *doc)
{
  if (doc->sidecar != NULL)
    return g_strdup (doc->sidecar);

  return sidecar_path_for (doc->path, doc->fingerprint);
}

static void
apply_document (Document  *doc,
                JjPassage *passage)
{
  jj_passage_set_document_path (passage, doc->path);
  jj_passage_set_document_title (passage, doc->title);
  jj_passage_set_speaker (passage, doc->speaker);
  jj_passage_set_speech_date (passage, doc->speech_date);
  jj_passage_set_document_status (passage, doc->status);
}

static JjPassage *
passage_from_mark (Document *doc,
                   JjMark   *mark)
{
  JjPassage *passage = jj_passage_new_from_mark (mark, doc->path, doc->title);

  jj_passage_set_speaker (passage, doc->speaker);
  jj_passage_set_speech_date (passage, doc->speech_date);
  jj_passage_set_document_status (passage, doc->status);
  jj_library_query_ensure_search_key (passage);

  return passage;
}

/* Reads the sidecar again when it changed; returns whether anything did. */
static gboolean
update_document (Document *doc)
{
  g_autofree char *sidecar_path = document_sidecar_path (doc);
  JjDocumentStatus status;
  gboolean changed = FALSE;
  GStatBuf st;

  /* Never through a symbolic link: what it points to is not this
   * document's. */
  if (g_lstat (sidecar_path, &st) == 0 && S_ISREG (st.st_mode))
    {
      gint64 mtime = (gint64)st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;

      if (mtime != doc->sidecar_mtime || (guint64)st.st_size != doc->sidecar_size)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(JjSidecar) sidecar = NULL;
          GStatBuf read_st;

          /* What is recorded is the file read, not the one looked at. */
          sidecar = jj_sidecar_load_full (sidecar_path, &read_st, &error);

          if (sidecar == NULL)
            {
              /* Keep what we knew: a sidecar being written or damaged must
               * not empty the library. */
              g_debug ("Cannot read %s: %s", sidecar_path, error->message);
            }
          else
            {
              /* The details the user gave or import found: the title
               * shown and cited, the speaker and the date. */
              if (sidecar->speech != NULL)
                {
                  const char *title = jj_speech_info_get_title (sidecar->speech);

                  if (title != NULL)
                    {
                      g_free (doc->title);
                      doc->title = g_strdup (title);
                    }
                  g_free (doc->speaker);
                  doc->speaker = g_strdup (jj_speech_info_get_speaker (sidecar->speech));
                  g_free (doc->speech_date);
                  doc->speech_date = g_strdup (jj_speech_info_get_date (sidecar->speech));
                }
              g_ptr_array_set_size (doc->passages, 0);
              for (guint i = 0; i < sidecar->marks->len; i++)
                {
                  JjMark *mark = g_ptr_array_index (sidecar->marks, i);

                  if (!jj_mark_get_deleted (mark))
                    g_ptr_array_add (doc->passages, passage_from_mark (doc, mark));
                }
              g_free (doc->fingerprint);
              doc->fingerprint = g_strdup (sidecar->fingerprint);
              doc->length = sidecar->length;
              doc->sidecar_mtime = (gint64)read_st.st_mtim.tv_sec * G_USEC_PER_SEC +
                                   read_st.st_mtim.tv_nsec / 1000;
              doc->sidecar_size = read_st.st_size;
              changed = TRUE;
            }
        }
    }
  else if (doc->sidecar_mtime != 0 && g_file_test (doc->path, G_FILE_TEST_EXISTS))
    {
      /* The document is here and its sidecar is gone: its marks were removed. */
      g_ptr_array_set_size (doc->passages, 0);
      doc->sidecar_mtime = 0;
      doc->sidecar_size = 0;
      changed = TRUE;
    }

  if (!g_file_test (doc->path, G_FILE_TEST_EXISTS))
    status = JJ_DOCUMENT_STATUS_MISSING;
  else if (doc->moved_from != NULL)
    status = JJ_DOCUMENT_STATUS_MOVED;
  else
    status = JJ_DOCUMENT_STATUS_PRESENT;

  if (status != doc->status)
    {
      doc->status = status;
      for (guint i = 0; i < doc->passages->len; i++)
        jj_passage_set_document_status (g_ptr_array_index (doc->passages, i), status);
      changed = TRUE;
    }

  return changed;
}

static void
rebuild (JjLibrary *self)
{
  GHashTableIter iter;
  Document *doc;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  g_ptr_array_set_size (self->all, 0);
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    {
      for (guint i = 0; i < doc->passages->len; i++)
        g_ptr_array_add (self->all, g_object_ref (g_ptr_array_index (doc->passages, i)));
    }
  jj_library_query_sort (JJ_LIBRARY_SORT_DATE, self->all);

  g_list_store_splice (self->store, 0, n_old, self->all->pdata, self->all->len);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
is_under (const char *path,
          const char *folder)
{
  gsize n = strlen (folder);

  return strncmp (path, folder, n) == 0 && (path[n] == G_DIR_SEPARATOR || folder[n - 1] == G_DIR_SEPARATOR);
}

static gboolean
is_under_a_folder (JjLibrary  *self,
                   const char *path)
{
  for (guint i = 0; i < self->folders->len; i++)
    {
      if (is_under (path, g_ptr_array_index (self->folders, i)))
        return TRUE;
    }

  return FALSE;
}

static void
scan_folder (JjLibrary    *self,
             GFile        *folder,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, &error);
  if (enumerator == NULL)
    {
      g_debug ("Cannot scan %s: %s", g_file_peek_path (folder), error->message);
      return;
    }

  while ((info = g_file_enumerator_next_file (enumerator, cancellable, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) child = g_file_get_child (folder, name);

      if (name[0] == '.')
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          scan_folder (self, child, cancellable);
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
               && g_str_has_suffix (name, JJ_SIDECAR_SUFFIX)
               && strlen (name) > strlen (JJ_SIDECAR_SUFFIX))
        {
          const char *sidecar_path = g_file_peek_path (child);
          g_autofree char *path = g_strndup (sidecar_path, strlen (sidecar_path) - strlen (JJ_SIDECAR_SUFFIX));
          Document *doc = g_hash_table_lookup (self->documents, path);

          if (doc == NULL)
            {
              doc = document_new (path);
              doc->is_new = TRUE;
              g_hash_table_insert (self->documents, doc->path, doc);
            }
          doc->found = TRUE;
        }
    }
}

/* A missing document whose sidecar turned up elsewhere with the same text
 * (same fingerprint) was moved: the new place takes its title and history.
 */
static gboolean
detect_moves (JjLibrary *self)
{
  g_autoptr(GHashTable) by_fingerprint = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  GHashTableIter iter;
  Document *doc;

  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    {
      if (doc->is_new && doc->status != JJ_DOCUMENT_STATUS_MISSING
          && doc->fingerprint != NULL && doc->fingerprint[0] != '\0')
        g_hash_table_insert (by_fingerprint, doc->fingerprint, doc);
    }
  if (g_hash_table_size (by_fingerprint) == 0)
    return FALSE;

  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    {
      Document *target;

      if (doc->status != JJ_DOCUMENT_STATUS_MISSING || doc->fingerprint == NULL)
        continue;

      target = g_hash_table_lookup (by_fingerprint, doc->fingerprint);
      if (target == NULL)
        continue;

      g_hash_table_remove (by_fingerprint, doc->fingerprint);
      g_free (target->moved_from);
      target->moved_from = g_strdup (doc->path);
      target->explicit |= doc->explicit;
      if (doc->explicit)
        {
          g_free (target->title);
          target->title = g_strdup (doc->title);
        }
      target->status = JJ_DOCUMENT_STATUS_MOVED;
      for (guint i = 0; i < target->passages->len; i++)
        apply_document (target, g_ptr_array_index (target->passages, i));
      g_ptr_array_add (moved, doc->path);
    }

  for (guint i = 0; i < moved->len; i++)
    g_hash_table_remove (self->documents, g_ptr_array_index (moved, i));

  return moved->len > 0;
}

/* Scans the folders, reads the sidecars that changed since last time and
 * works out which documents moved or vanished. Cheap when nothing changed:
 * one stat per document. Writes the index when it became stale.
 */
gboolean
jj_library_refresh (JjLibrary     *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();
  GHashTableIter iter;
  Document *doc;
  gboolean changed = FALSE;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), FALSE);

  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    doc->found = doc->is_new = FALSE;

  for (guint i = 0; i < self->folders->len; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (g_ptr_array_index (self->folders, i));

      scan_folder (self, folder, cancellable);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    {
      changed |= doc->is_new;
      changed |= update_document (doc);

      /* Found through a folder no longer in the library, or nothing left
       * of it: forget it. What the user opened stays. */
      if (!doc->explicit
          && (!is_under_a_folder (self, doc->path)
              || (doc->passages->len == 0 && doc->status != JJ_DOCUMENT_STATUS_MISSING)))
        g_ptr_array_add (dropped, doc->path);
    }

  for (guint i = 0; i < dropped->len; i++)
    g_hash_table_remove (self->documents, g_ptr_array_index (dropped, i));
  changed |= dropped->len > 0;
  changed |= detect_moves (self);

  if (changed)
    {
      self->dirty = TRUE;
      rebuild (self);
    }

  if (self->dirty)
    {
      g_autoptr(GError) local_error = NULL;

      /* The index is a cache: failing to write it costs time, not data. */
      if (!jj_library_save_index (self, &local_error))
        g_warning ("%s", local_error->message);
    }

  return TRUE;
}

static gint64
date_to_usec (GDateTime *date)
{
  if (date == NULL)
    return NO_DATE;

  return g_date_time_to_unix (date) * G_USEC_PER_SEC + g_date_time_get_microsecond (date);
}

typedef struct
{
  gint64 created;
  gint64 modified;
  guint32 start;
  guint32 end;
  guint32 n_tags;
  guint32 padding;
} PassageHeader;

#define N_PASSAGE_STRINGS 7

static void
append_string (GByteArray *blob,
               const char *str)
{
  g_byte_array_append (blob, (const guint8 *)str, strlen (str) + 1);
}

static void
append_passage (GByteArray *blob,
                JjPassage  *passage)
{
  const char * const *tags = jj_passage_get_tags (passage);
  PassageHeader header = { 0 };

  header.created = date_to_usec (jj_passage_get_created (passage));
  header.modified = date_to_usec (jj_passage_get_modified (passage));
  header.start = jj_passage_get_start (passage);
  header.end = jj_passage_get_end (passage);
  header.n_tags = g_strv_length ((char **)tags);
  g_byte_array_append (blob, (const guint8 *)&header, sizeof header);

  append_string (blob, jj_passage_get_id (passage));
  append_string (blob, jj_passage_get_kind (passage));
  append_string (blob, jj_passage_get_note (passage));
  append_string (blob, jj_passage_get_author (passage));
  append_string (blob, jj_passage_get_quote (passage));
  append_string (blob, jj_passage_get_section (passage));
  append_string (blob, jj_library_query_ensure_search_key (passage));
  for (guint i = 0; tags[i] != NULL; i++)
    append_string (blob, tags[i]);
}

/* The folder of the index and caches: made 0700, and made so again when
 * it is Jiejian's own (named so) and was left wider by an older version.
 */
static gboolean
ensure_private_folder (GFile   *folder,
                       GError **error)
{
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;
  g_autofree char *base = NULL;
  GStatBuf st;

  if (path == NULL)
    return TRUE;

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  base = g_path_get_basename (path);
  if (g_str_equal (base, "jiejian") && g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode) &&
      st.st_uid == getuid () && (st.st_mode & 077) != 0)
    g_chmod (path, 0700);

  return TRUE;
}

gboolean
jj_library_save_index (JjLibrary  *self,
                       GError    **error)
{
  g_autoptr(GVariant) index = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JjFileLock) lock = NULL;
  g_autofree char *path = NULL;
  GVariantBuilder folders;
  GVariantBuilder documents;
  GHashTableIter iter;
  Document *doc;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), FALSE);

  g_variant_builder_init (&folders, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; i < self->folders->len; i++)
    g_variant_builder_add (&folders, "s", g_ptr_array_index (self->folders, i));

  g_variant_builder_init (&documents, G_VARIANT_TYPE ("a" DOCUMENT_TYPE));
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    {
      g_autoptr(GByteArray) blob = g_byte_array_new ();
      GVariant *passages;

      for (guint i = 0; i < doc->passages->len; i++)
        append_passage (blob, g_ptr_array_index (doc->passages, i));
      passages = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, blob->data, blob->len, 1);

      g_variant_builder_add (&documents, "(sssssuxtbuu@ayss)",
                             doc->path, doc->sidecar != NULL ? doc->sidecar : "", doc->title,
                             doc->fingerprint != NULL ? doc->fingerprint : "",
                             doc->moved_from != NULL ? doc->moved_from : "",
                             doc->length, doc->sidecar_mtime, doc->sidecar_size,
                             doc->explicit, (guint)doc->status, doc->passages->len, passages,
                             doc->speaker != NULL ? doc->speaker : "",
                             doc->speech_date != NULL ? doc->speech_date : "");
    }

  index = g_variant_ref_sink (g_variant_new (INDEX_TYPE, INDEX_VERSION, &folders, &documents));
  {
    g_autoptr(GBytes) data = g_variant_get_data_as_bytes (index);
    g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
    GByteArray *file = g_byte_array_sized_new (g_bytes_get_size (data) + INDEX_CHECKSUM_SIZE);
    guint8 digest[INDEX_CHECKSUM_SIZE];
    gsize digest_len = sizeof digest;

    g_checksum_update (checksum, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
    g_checksum_get_digest (checksum, digest, &digest_len);
    g_byte_array_append (file, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
    g_byte_array_append (file, digest, digest_len);
    bytes = g_byte_array_free_to_bytes (file);
  }

  parent = g_file_get_parent (self->index_file);
  if (!ensure_private_folder (parent, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The library index could not be saved: "));
      return FALSE;
    }

  /* Every quote and note is in it: only its owner reads it. Writers
   * take the same folder lock as sidecars do. */
  path = g_file_get_path (self->index_file);
  if (path != NULL)
    lock = jj_file_lock_acquire (path, jj_file_lock_get_default_timeout (), NULL, &local_error);
  if (path == NULL || lock == NULL ||
      !jj_atomic_file_write_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  FALSE, 0600, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("“%s” is not a local file."), g_file_peek_path (self->index_file));
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The library index could not be saved: "));
      return FALSE;
    }

  self->dirty = FALSE;
  return TRUE;
}

static GDateTime *
date_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = NULL;

  if (usec == NO_DATE)
    return NULL;

  seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (seconds == NULL || usec % G_USEC_PER_SEC == 0)
    return g_steal_pointer (&seconds);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

static const char *
next_string (const char **p,
             const char  *end)
{
  const char *str = *p;
  const char *nul;

  if (str >= end || (nul = memchr (str, '\0', end - str)) == NULL
      || !g_utf8_validate (str, nul - str, NULL))
    return NULL;

  *p = nul + 1;
  return str;
}

/* FALSE when the passages are damaged: the sidecar is read again. */
static gboolean
read_passages (Document *doc,
               guint     n_passages,
               GVariant *blob)
{
  gsize size;
  const char *p = g_variant_get_fixed_array (blob, &size, 1);
  const char *end = p + size;

  for (guint n = 0; n < n_passages; n++)
    {
      const char *strings[N_PASSAGE_STRINGS];
      g_autofree const char **tags = NULL;
      g_autoptr(GDateTime) created = NULL;
      g_autoptr(GDateTime) modified = NULL;
      JjPassage *passage;
      PassageHeader header;

      if ((gsize)(end - p) < sizeof header)
        return FALSE;
      memcpy (&header, p, sizeof header);
      p += sizeof header;

      for (guint i = 0; i < N_PASSAGE_STRINGS; i++)
        {
          if ((strings[i] = next_string (&p, end)) == NULL)
            return FALSE;
        }
      if (header.n_tags > (gsize)(end - p))
        return FALSE;
      tags = g_new0 (const char *, header.n_tags + 1);
      for (guint i = 0; i < header.n_tags; i++)
        {
          if ((tags[i] = next_string (&p, end)) == NULL)
            return FALSE;
        }

      created = date_from_usec (header.created);
      modified = header.modified == header.created && created != NULL
                 ? g_date_time_ref (created)
                 : date_from_usec (header.modified);
      passage = _jj_passage_new_full (strings[0], strings[1], tags, strings[2], strings[3],
                                      strings[4], strings[5], strings[6], created, modified,
                                      header.start, header.end,
                                      doc->path, doc->title, doc->status);
      jj_passage_set_speaker (passage, doc->speaker);
      jj_passage_set_speech_date (passage, doc->speech_date);
      g_ptr_array_add (doc->passages, passage);
    }

  return p == end;
}

static gboolean
has_folder (JjLibrary  *self,
            const char *path)
{
  for (guint i = 0; i < self->folders->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->folders, i), path))
        return TRUE;
    }

  return FALSE;
}

static gboolean
read_index (JjLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) index = NULL;
  g_autoptr(GVariant) folders = NULL;
  g_autoptr(GVariant) documents = NULL;
  g_autofree char *path = g_file_get_path (self->index_file);
  GVariantIter iter;
  GVariant *child;
  guint version;

  if (path == NULL)
    return FALSE;

  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Cannot read the library index %s: %s", path, error->message);
      return FALSE;
    }

  bytes = g_mapped_file_get_bytes (mapped);
  {
    g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
    gsize size = g_bytes_get_size (bytes);
    const guint8 *data = g_bytes_get_data (bytes, NULL);
    guint8 digest[INDEX_CHECKSUM_SIZE];
    gsize digest_len = sizeof digest;
    GBytes *content;

    if (size < INDEX_CHECKSUM_SIZE)
      return FALSE;
    g_checksum_update (checksum, data, size - INDEX_CHECKSUM_SIZE);
    g_checksum_get_digest (checksum, digest, &digest_len);
    if (memcmp (digest, data + size - INDEX_CHECKSUM_SIZE, INDEX_CHECKSUM_SIZE) != 0)
      {
        g_debug ("The library index %s is damaged: it is built again", path);
        return FALSE;
      }
    content = g_bytes_new_from_bytes (bytes, 0, size - INDEX_CHECKSUM_SIZE);
    g_bytes_unref (bytes);
    bytes = content;
  }
  index = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (INDEX_TYPE), bytes, FALSE));
  g_variant_get (index, "(u@as@a" DOCUMENT_TYPE ")", &version, &folders, &documents);
  if (version != INDEX_VERSION)
    return FALSE;

  /* Folders added before loading and not in the index make it stale. */
  {
    g_autofree const char **indexed = g_variant_get_strv (folders, NULL);

    for (guint i = 0; i < self->folders->len; i++)
      {
        if (!g_strv_contains (indexed, g_ptr_array_index (self->folders, i)))
          self->dirty = TRUE;
      }
    for (guint i = 0; indexed[i] != NULL; i++)
      {
        if (g_path_is_absolute (indexed[i]) && !has_folder (self, indexed[i]))
          g_ptr_array_add (self->folders, g_strdup (indexed[i]));
      }
  }

  g_variant_iter_init (&iter, documents);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) passages = NULL;
      const char *doc_path, *sidecar, *title, *fingerprint, *moved_from, *speaker, *speech_date;
      Document *doc;
      guint status, n_passages;

      g_variant_get (child, "(&s&s&s&s&suxtbuu@ay&s&s)",
                     &doc_path, &sidecar, &title, &fingerprint, &moved_from, NULL, NULL, NULL, NULL,
                     &status, &n_passages, &passages, &speaker, &speech_date);
      if (!g_path_is_absolute (doc_path) || g_hash_table_contains (self->documents, doc_path))
        {
          g_variant_unref (child);
          continue;
        }

      doc = document_new (doc_path);
      g_free (doc->title);
      doc->title = g_strdup (title);
      doc->fingerprint = g_strdup (fingerprint);
      doc->moved_from = moved_from[0] != '\0' ? g_strdup (moved_from) : NULL;
      doc->sidecar = g_path_is_absolute (sidecar) ? g_strdup (sidecar) : NULL;
      doc->speaker = speaker[0] != '\0' ? g_strdup (speaker) : NULL;
      doc->speech_date = speech_date[0] != '\0' ? g_strdup (speech_date) : NULL;
      g_variant_get (child, "(&s&s&s&s&suxtbuu@ay&s&s)",
                     NULL, NULL, NULL, NULL, NULL, &doc->length, &doc->sidecar_mtime,
                     &doc->sidecar_size, &doc->explicit, NULL, NULL, NULL, NULL, NULL);
      doc->status = MIN (status, JJ_DOCUMENT_STATUS_MISSING);
      if (!read_passages (doc, n_passages, passages))
        {
          g_ptr_array_set_size (doc->passages, 0);
          doc->sidecar_mtime = 0;
          doc->sidecar_size = 0;
        }
      g_hash_table_insert (self->documents, doc->path, doc);
      g_variant_unref (child);
    }

  return TRUE;
}

/* Reads the index, then refreshes from the sidecars. An index that cannot
 * be read is rebuilt from them.
 */
gboolean
jj_library_load (JjLibrary     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (JJ_IS_LIBRARY (self), FALSE);

  if (!read_index (self))
    self->dirty = TRUE;
  self->loaded = TRUE;

  rebuild (self);

  return jj_library_refresh (self, cancellable, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JjLibrary *worker = task_data;
  GError *error = NULL;

  if (jj_library_load (worker, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Loads in a thread: reading the index and the sidecars that changed may
 * take a moment. The passages appear, and "changed" is emitted, in the
 * thread that calls jj_library_load_finish().
 */
void
jj_library_load_async (JjLibrary           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JjLibrary *worker;

  g_return_if_fail (JJ_IS_LIBRARY (self));

  /* The thread works on a library of its own, handed over when done. */
  worker = jj_library_new (self->index_file);
  for (guint i = 0; i < self->folders->len; i++)
    g_ptr_array_add (worker->folders, g_strdup (g_ptr_array_index (self->folders, i)));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jj_library_load_async);
  g_task_set_task_data (task, worker, g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

gboolean
jj_library_load_finish (JjLibrary     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  JjLibrary *worker;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  worker = g_task_get_task_data (G_TASK (result));

  /* Documents added while loading win over what the index said. */
  {
    GHashTableIter iter;
    Document *doc;

    g_hash_table_iter_init (&iter, self->documents);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
      {
        g_hash_table_iter_steal (&iter);
        g_hash_table_remove (worker->documents, doc->path);
        g_hash_table_insert (worker->documents, doc->path, doc);
      }
  }

  g_clear_pointer (&self->documents, g_hash_table_unref);
  self->documents = g_steal_pointer (&worker->documents);
  worker->documents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, document_free);
  for (guint i = 0; i < worker->folders->len; i++)
    {
      const char *folder = g_ptr_array_index (worker->folders, i);

      if (!has_folder (self, folder))
        g_ptr_array_add (self->folders, g_strdup (folder));
    }
  self->loaded = TRUE;
  rebuild (self);

  return TRUE;
}

static char *
dup_absolute_path (GFile *file)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    return NULL;
  if (strlen (path) > 1 && g_str_has_suffix (path, G_DIR_SEPARATOR_S))
    path[strlen (path) - 1] = '\0';

  return path;
}

/* Folders are scanned (with their subfolders) for sidecars on refresh. */
void
jj_library_add_folder (JjLibrary *self,
                       GFile     *folder)
{
  g_autofree char *path = NULL;

  g_return_if_fail (JJ_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (folder));

  path = dup_absolute_path (folder);
  if (path == NULL)
    return;

  if (has_folder (self, path))
    return;

  g_ptr_array_add (self->folders, g_steal_pointer (&path));
  if (self->loaded)
    self->dirty = TRUE;
}

void
jj_library_remove_folder (JjLibrary *self,
                          GFile     *folder)
{
  g_autofree char *path = NULL;

  g_return_if_fail (JJ_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (folder));

  path = dup_absolute_path (folder);
  for (guint i = 0; path != NULL && i < self->folders->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->folders, i), path))
        {
          g_ptr_array_remove_index (self->folders, i);
          self->dirty = TRUE;
          return;
        }
    }
}

char **
jj_library_dup_folders (JjLibrary *self)
{
  GStrvBuilder *builder;
  char **folders;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->folders->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->folders, i));
  folders = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return folders;
}

static Document *
ensure_explicit_document (JjLibrary *self,
                          GFile     *document)
{
  g_autofree char *path = dup_absolute_path (document);
  Document *doc;

  if (path == NULL)
    return NULL;

  doc = g_hash_table_lookup (self->documents, path);
  if (doc == NULL)
    {
      doc = document_new (path);
      g_hash_table_insert (self->documents, doc->path, doc);
    }
  doc->explicit = TRUE;

  return doc;
}

/* A document the user opened: it stays in the library wherever it is.
 * @sidecar is where its marks are kept when not beside it (what
 * jj_mark_store_get_sidecar() says when the store fell back to the user's
 * data folder), or NULL; @title is its title as import found it (NULL
 * keeps the one known).
 */
void
jj_library_add_document (JjLibrary  *self,
                         GFile      *document,
                         GFile      *sidecar,
                         const char *title)
{
  g_autofree char *sidecar_path = NULL;
  Document *doc;
  gboolean changed;

  g_return_if_fail (JJ_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (document));
  g_return_if_fail (sidecar == NULL || G_IS_FILE (sidecar));

  doc = ensure_explicit_document (self, document);
  if (doc == NULL)
    return;

  if (sidecar != NULL)
    {
      g_autofree char *beside = sidecar_path_for (doc->path, doc->fingerprint);

      sidecar_path = g_file_get_path (sidecar);
      if (sidecar_path != NULL && g_str_equal (sidecar_path, beside))
        g_clear_pointer (&sidecar_path, g_free);
    }
  if (g_strcmp0 (sidecar_path, doc->sidecar) != 0)
    {
      g_free (doc->sidecar);
      doc->sidecar = g_steal_pointer (&sidecar_path);
      doc->sidecar_mtime = 0;
      doc->sidecar_size = 0;
    }

  if (title != NULL && title[0] != '\0')
    {
      g_free (doc->title);
      doc->title = g_strdup (title);
      for (guint i = 0; i < doc->passages->len; i++)
        apply_document (doc, g_ptr_array_index (doc->passages, i));
    }

  changed = update_document (doc);
  self->dirty = TRUE;
  if (changed || title != NULL)
    rebuild (self);
}

/* The user points a moved or missing document to where it is now. Its
 * sidecar follows it: moved beside it, or written again from the index
 * when it is lost too, unless one is there already.
 */
gboolean
jj_library_relocate (JjLibrary   *self,
                     const char  *old_path,
                     GFile       *new_location,
                     GError     **error)
{
  g_autofree char *new_path = NULL;
  g_autofree char *old_sidecar = NULL;
  g_autofree char *new_sidecar = NULL;
  Document *doc;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (old_path != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (new_location), FALSE);

  doc = g_hash_table_lookup (self->documents, old_path);
  if (doc == NULL)
    {
      g_set_error (error, JJ_LIBRARY_ERROR, JJ_LIBRARY_ERROR_UNKNOWN_DOCUMENT,
                   _("“%s” is not in the library."), old_path);
      return FALSE;
    }

  new_path = dup_absolute_path (new_location);
  if (new_path == NULL || !g_file_test (new_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_file_get_parse_name (new_location);

      g_set_error (error, JJ_LIBRARY_ERROR, JJ_LIBRARY_ERROR_RELOCATE,
                   _("The file “%s” does not exist."), name);
      return FALSE;
    }

  if (g_str_equal (new_path, old_path))
    {
      update_document (doc);
      rebuild (self);
      return TRUE;
    }

  old_sidecar = document_sidecar_path (doc);
  new_sidecar = sidecar_path_for (new_path, doc->fingerprint);
  if (!g_file_test (new_sidecar, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) local_error = NULL;

      if (g_file_test (old_sidecar, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) from = g_file_new_for_path (old_sidecar);
          g_autoptr(GFile) to = g_file_new_for_path (new_sidecar);

          if (!g_file_move (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
            {
              g_set_error (error, JJ_LIBRARY_ERROR, JJ_LIBRARY_ERROR_RELOCATE,
                           _("The marks could not be moved beside the document: %s"),
                           local_error->message);
              return FALSE;
            }
        }
      else
        {
          g_autoptr(JjSidecar) sidecar = jj_sidecar_new ();

          sidecar->fingerprint = g_strdup (doc->fingerprint != NULL ? doc->fingerprint : "");
          sidecar->length = doc->length;
          for (guint i = 0; i < doc->passages->len; i++)
            {
              JjPassage *passage = g_ptr_array_index (doc->passages, i);
              JjMark *mark = jj_mark_new_with_id (jj_passage_get_id (passage));

              jj_mark_set_kind (mark, jj_passage_get_kind (passage));
              jj_mark_set_tags (mark, jj_passage_get_tags (passage));
              jj_mark_set_note (mark, jj_passage_get_note (passage));
              jj_mark_set_author (mark, jj_passage_get_author (passage));
              jj_mark_set_range (mark, jj_passage_get_start (passage), jj_passage_get_end (passage));
              jj_mark_set_quote (mark, jj_passage_get_quote (passage));
              jj_mark_set_section (mark, jj_passage_get_section (passage));
              if (jj_passage_get_created (passage) != NULL)
                jj_mark_set_created (mark, jj_passage_get_created (passage));
              if (jj_passage_get_modified (passage) != NULL)
                jj_mark_set_modified (mark, jj_passage_get_modified (passage));
              g_ptr_array_add (sidecar->marks, mark);
            }

          g_autofree char *parent = g_path_get_dirname (new_sidecar);
          GStatBuf st;
          int mode = 0600;

          /* Readable by whoever may read the document, no one else. */
          if (g_stat (new_path, &st) == 0)
            mode |= st.st_mode & 0644;
          g_mkdir_with_parents (parent, 0700);
          if (!jj_sidecar_save_full (sidecar, new_sidecar, mode, &local_error))
            {
              g_set_error (error, JJ_LIBRARY_ERROR, JJ_LIBRARY_ERROR_RELOCATE,
                           _("The marks could not be written beside the document: %s"),
                           local_error->message);
              return FALSE;
            }
        }
    }

  /* Whatever the library knew at the new place gives way. */
  g_hash_table_remove (self->documents, new_path);
  g_hash_table_steal (self->documents, old_path);
  g_free (doc->path);
  doc->path = g_steal_pointer (&new_path);
  g_clear_pointer (&doc->moved_from, g_free);
  g_clear_pointer (&doc->sidecar, g_free);
  doc->explicit = TRUE;
  doc->sidecar_mtime = 0;
  doc->sidecar_size = 0;
  g_hash_table_insert (self->documents, doc->path, doc);
  for (guint i = 0; i < doc->passages->len; i++)
    apply_document (doc, g_ptr_array_index (doc->passages, i));

  update_document (doc);
  self->dirty = TRUE;
  rebuild (self);

  return jj_library_save_index (self, error);
}

/* Every passage, newest first; JjPassage items. */
GListModel *
jj_library_get_passages (JjLibrary *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->store);
}

guint
jj_library_get_n_passages (JjLibrary *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY (self), 0);

  return self->all->len;
}

/* The passages matching @query, in its order (new references). */
GPtrArray *
jj_library_search (JjLibrary      *self,
                   JjLibraryQuery *query)
{
  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (query), NULL);

  return jj_library_query_run (query, (JjPassage **)self->all->pdata, self->all->len);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The tags in use, sorted, for a filter. */
char **
jj_library_dup_tags (JjLibrary *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *tags;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);

  tags = g_ptr_array_new ();
  for (guint i = 0; i < self->all->len; i++)
    {
      const char * const *passage_tags = jj_passage_get_tags (g_ptr_array_index (self->all, i));

      for (guint j = 0; passage_tags[j] != NULL; j++)
        {
          if (g_hash_table_add (seen, (gpointer)passage_tags[j]))
            g_ptr_array_add (tags, g_strdup (passage_tags[j]));
        }
    }
  g_ptr_array_sort (tags, compare_strings);
  g_ptr_array_add (tags, NULL);

  return (char **)g_ptr_array_free (tags, FALSE);
}

/* The writers who marked the passages, each once, sorted; passages of no
 * known author are left out. */
char **
jj_library_dup_authors (JjLibrary *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *authors;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);

  authors = g_ptr_array_new ();
  for (guint i = 0; i < self->all->len; i++)
    {
      const char *author = jj_passage_get_author (g_ptr_array_index (self->all, i));

      if (author != NULL && author[0] != '\0' && g_hash_table_add (seen, (gpointer) author))
        g_ptr_array_add (authors, g_strdup (author));
    }
  g_ptr_array_sort (authors, compare_strings);
  g_ptr_array_add (authors, NULL);

  return (char **) g_ptr_array_free (authors, FALSE);
}

guint
jj_library_get_n_documents (JjLibrary *self)
{
  g_return_val_if_fail (JJ_IS_LIBRARY (self), 0);

  return g_hash_table_size (self->documents);
}

/* Sorted paths of the known documents. */
char **
jj_library_dup_document_paths (JjLibrary *self)
{
  GPtrArray *paths;
  GHashTableIter iter;
  const char *path;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);

  paths = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, (gpointer *)&path, NULL))
    g_ptr_array_add (paths, g_strdup (path));
  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);

  return (char **)g_ptr_array_free (paths, FALSE);
}

const char *
jj_library_get_document_title (JjLibrary  *self,
                               const char *path)
{
  Document *doc;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  doc = g_hash_table_lookup (self->documents, path);

  return doc != NULL ? doc->title : NULL;
}

/* JJ_DOCUMENT_STATUS_MISSING for documents the library does not know. */
JjDocumentStatus
jj_library_get_document_status (JjLibrary  *self,
                                const char *path)
{
  Document *doc;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), JJ_DOCUMENT_STATUS_MISSING);
  g_return_val_if_fail (path != NULL, JJ_DOCUMENT_STATUS_MISSING);

  doc = g_hash_table_lookup (self->documents, path);

  return doc != NULL ? doc->status : JJ_DOCUMENT_STATUS_MISSING;
}

/* Where a moved document was before, or NULL. */
const char *
jj_library_get_moved_from (JjLibrary  *self,
                           const char *path)
{
  Document *doc;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  doc = g_hash_table_lookup (self->documents, path);

  return doc != NULL ? doc->moved_from : NULL;
}
