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
#include <zlib.h>

#include "jj-library-db.h"
#include "jj-library.h"
#include "jj-mark.h"
#include "jj-mark-store.h"
#include "jj-passage-private.h"
#include "jj-sidecar.h"
#include "jj-text-index.h"

/* The sidecars are the truth; the database (tables of the full-text
 * index's file, see jj-library-db.c) only spares reading 2,000 of them at
 * start-up. It is rebuilt whenever it is missing, damaged, foreign or of
 * another version, and a sidecar is read again whenever its size or
 * modification time differ from what the database recorded. Only the
 * documents that changed are written again.
 */
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
  gboolean           unsaved;        /* changed since the database was written */
  gboolean           damaged;        /* scratch: its stored passages are damaged */
  gint64             n_stored;       /* scratch: passages the database says it has */
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
  gboolean     dirty;      /* the database is stale */
  gboolean     loaded;
  gboolean     default_file;
  JjLibraryDb *db;
  GHashTable  *removed;    /* paths to forget in the database */
  gboolean     rewrite_all; /* the tables were made anew or found damaged */

  /* A refresh may run in a thread while the windows read and add on the
   * main thread: the state above is used under @lock, and the passages
   * reach @store (which widgets are bound to) only in @context, the
   * thread-default context of whoever made the library. */
  GRecMutex     lock;
  GMainContext *context;
  GThread      *thread;   /* the one that made the library */
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
  doc->unsaved = TRUE;

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
  g_clear_pointer (&self->db, jj_library_db_close);
  g_clear_pointer (&self->removed, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_rec_mutex_clear (&self->lock);

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
  self->removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_rec_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_self ();
}

/* @index_file: the SQLite database the library is kept in; NULL for the
 * default, the full-text index's file in $XDG_CACHE_HOME/jiejian.
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
    {
      self->index_file = jj_text_index_dup_default_file ();
      self->default_file = TRUE;
    }

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

  doc->unsaved |= changed;
  return changed;
}

/* Hands the passages to the list store and says so, in the library's
 * context: at once in the thread that made the library, from an idle
 * source in its context otherwise. */
static gboolean
publish (gpointer data)
{
  JjLibrary *self = data;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  g_rec_mutex_lock (&self->lock);
  for (guint i = 0; i < self->all->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (self->all, i)));
  g_rec_mutex_unlock (&self->lock);

  g_list_store_splice (self->store, 0, n_old, all->pdata, all->len);
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
rebuild (JjLibrary *self)
{
  GHashTableIter iter;
  Document *doc;

  g_ptr_array_set_size (self->all, 0);
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    {
      for (guint i = 0; i < doc->passages->len; i++)
        g_ptr_array_add (self->all, g_object_ref (g_ptr_array_index (doc->passages, i)));
    }
  jj_library_query_sort (JJ_LIBRARY_SORT_DATE, self->all);

  if (g_thread_self () == self->thread)
    publish (self);
  else
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, publish, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[jiejian] library passages");
      g_source_attach (source, self->context);
    }
}

/* Drops @path from the library and, at the next write, the database. */
static void
forget_document (JjLibrary  *self,
                 const char *path)
{
  g_hash_table_add (self->removed, g_strdup (path));
  g_hash_table_remove (self->documents, path);
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

      if (name[0] == '.')
        continue;

      /* A GFile only for what is looked into: half the entries are the
       * speeches themselves. */
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) child = g_file_get_child (folder, name);

          scan_folder (self, child, cancellable);
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
               && g_str_has_suffix (name, JJ_SIDECAR_SUFFIX)
               && strlen (name) > strlen (JJ_SIDECAR_SUFFIX))
        {
          g_autoptr(GFile) child = g_file_get_child (folder, name);
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
      target->unsaved = TRUE;
      for (guint i = 0; i < target->passages->len; i++)
        apply_document (target, g_ptr_array_index (target->passages, i));
      g_ptr_array_add (moved, doc->path);
    }

  for (guint i = 0; i < moved->len; i++)
    forget_document (self, g_ptr_array_index (moved, i));

  return moved->len > 0;
}

/* Scans the folders, reads the sidecars that changed since last time and
 * works out which documents moved or vanished. Cheap when nothing changed:
 * one stat per document. Writes the database when it became stale.
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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
    forget_document (self, g_ptr_array_index (dropped, i));
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

      /* The database is a cache: failing to write it costs time, not data. */
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

/* Each row carries the Adler-32 of its values, by type: a flipped byte
 * SQLite does not notice (inside a quote or a path) is never read as a
 * passage or a phantom document; any change of one byte changes the sum.
 * Against accidental damage of the user's own 0600 file, not an attack;
 * zlib's adler32() runs at about twice the speed of its crc32() here, and
 * the sums were an eighth of a warm start.
 * Texts are summed where SQLite keeps them; types, lengths and numbers
 * are gathered and summed at the end.
 */
typedef struct
{
  guint32 sum;
  guint   n_fixed;
  guint8  fixed[16 * (1 + sizeof (gint64))];
} RowChecksum;

static void
checksum_reset (RowChecksum *row)
{
  row->sum = adler32 (0, Z_NULL, 0);
  row->n_fixed = 0;
}

static void
checksum_value (RowChecksum *row,
                int          type,
                gint64       number,
                const void  *data,
                guint32      size)
{
  g_assert (row->n_fixed + 1 + sizeof number <= sizeof row->fixed);

  row->fixed[row->n_fixed++] = type;
  if (type == SQLITE_INTEGER)
    {
      memcpy (row->fixed + row->n_fixed, &number, sizeof number);
      row->n_fixed += sizeof number;
    }
  else if (type == SQLITE_TEXT || type == SQLITE_BLOB)
    {
      memcpy (row->fixed + row->n_fixed, &size, sizeof size);
      row->n_fixed += sizeof size;
      if (size > 0)
        row->sum = adler32 (row->sum, data, size);
    }
}

static void
checksum_column (RowChecksum  *row,
                 sqlite3_stmt *stmt,
                 int           column)
{
  int type = sqlite3_column_type (stmt, column);

  switch (type)
    {
    case SQLITE_INTEGER:
      checksum_value (row, type, sqlite3_column_int64 (stmt, column), NULL, 0);
      break;
    case SQLITE_TEXT:
      checksum_value (row, type, 0, sqlite3_column_text (stmt, column),
                      sqlite3_column_bytes (stmt, column));
      break;
    case SQLITE_BLOB:
      checksum_value (row, type, 0, sqlite3_column_blob (stmt, column),
                      sqlite3_column_bytes (stmt, column));
      break;
    default:
      checksum_value (row, SQLITE_NULL, 0, NULL, 0);
      break;
    }
}

static guint32
checksum_of (RowChecksum *row)
{
  return adler32 (row->sum, row->fixed, row->n_fixed);
}

static gboolean
checksum_matches (RowChecksum  *row,
                  sqlite3_stmt *stmt,
                  int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_INTEGER
         && sqlite3_column_int64 (stmt, column) == checksum_of (row);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text,
           RowChecksum  *checksum)
{
  if (text == NULL)
    {
      sqlite3_bind_null (stmt, index);
      checksum_value (checksum, SQLITE_NULL, 0, NULL, 0);
    }
  else
    {
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
      checksum_value (checksum, SQLITE_TEXT, 0, text, strlen (text));
    }
}

static void
bind_int (sqlite3_stmt *stmt,
          int           index,
          gint64        number,
          RowChecksum  *checksum)
{
  sqlite3_bind_int64 (stmt, index, number);
  checksum_value (checksum, SQLITE_INTEGER, number, NULL, 0);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *date,
           RowChecksum  *checksum)
{
  if (date == NULL)
    {
      sqlite3_bind_null (stmt, index);
      checksum_value (checksum, SQLITE_NULL, 0, NULL, 0);
    }
  else
    {
      bind_int (stmt, index, date_to_usec (date), checksum);
    }
}

static void
bind_checksum (sqlite3_stmt *stmt,
               int           index,
               RowChecksum  *checksum)
{
  sqlite3_bind_int64 (stmt, index, checksum_of (checksum));
}

static int
step_done (sqlite3_stmt *stmt)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
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

/* The folder of the database: made 0700, and made so again when it is
 * Jiejian's own (named so) and was left wider by an older version.
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

static gboolean
ensure_database (JjLibrary  *self,
                 GError    **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (self->index_file);

  /* Every quote and note is in it: only its owner reads it, also when an
   * older version left the folder open. */
  if (!ensure_private_folder (parent, error))
    return FALSE;
  if (self->db != NULL)
    return TRUE;

  self->db = jj_library_db_open (self->index_file, error);
  if (self->db == NULL)
    return FALSE;
  if (jj_library_db_get_was_reset (self->db))
    self->rewrite_all = TRUE;

  return TRUE;
}

static int
write_document (JjLibrary *self,
                Document  *doc)
{
  g_autoptr(GByteArray) tags = g_byte_array_new ();
  RowChecksum row;
  RowChecksum *checksum = &row;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  stmt = jj_library_db_statement (self->db, JJ_LIBRARY_DB_INSERT_DOCUMENT);
  if (stmt == NULL)
    return SQLITE_ERROR;
  checksum_reset (checksum);
  bind_text (stmt, 1, doc->path, checksum);
  bind_text (stmt, 2, doc->sidecar, checksum);
  bind_text (stmt, 3, doc->title, checksum);
  bind_text (stmt, 4, doc->fingerprint, checksum);
  bind_text (stmt, 5, doc->moved_from, checksum);
  bind_int (stmt, 6, doc->length, checksum);
  bind_int (stmt, 7, doc->sidecar_mtime, checksum);
  bind_int (stmt, 8, doc->sidecar_size, checksum);
  bind_int (stmt, 9, doc->explicit, checksum);
  bind_int (stmt, 10, doc->status, checksum);
  bind_text (stmt, 11, doc->speaker, checksum);
  bind_text (stmt, 12, doc->speech_date, checksum);
  bind_int (stmt, 13, doc->passages->len, checksum);
  bind_checksum (stmt, 14, checksum);
  rc = step_done (stmt);
  if (rc != SQLITE_OK)
    return rc;
  id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));

  for (guint i = 0; i < doc->passages->len; i++)
    {
      JjPassage *passage = g_ptr_array_index (doc->passages, i);
      const char * const *passage_tags = jj_passage_get_tags (passage);

      checksum_reset (checksum);
      g_byte_array_set_size (tags, 0);
      for (guint j = 0; passage_tags[j] != NULL; j++)
        g_byte_array_append (tags, (const guint8 *)passage_tags[j], strlen (passage_tags[j]) + 1);

      stmt = jj_library_db_statement (self->db, JJ_LIBRARY_DB_INSERT_PASSAGE);
      if (stmt == NULL)
        return SQLITE_ERROR;
      bind_int (stmt, 1, id, checksum);
      bind_int (stmt, 2, i, checksum);
      bind_text (stmt, 3, jj_passage_get_id (passage), checksum);
      bind_text (stmt, 4, jj_passage_get_kind (passage), checksum);
      sqlite3_bind_blob (stmt, 5, tags->len > 0 ? (const char *)tags->data : "", tags->len,
                         SQLITE_STATIC);
      checksum_value (checksum, SQLITE_BLOB, 0, tags->data, tags->len);
      bind_text (stmt, 6, jj_passage_get_note (passage), checksum);
      bind_text (stmt, 7, jj_passage_get_author (passage), checksum);
      bind_text (stmt, 8, jj_passage_get_quote (passage), checksum);
      bind_text (stmt, 9, jj_passage_get_section (passage), checksum);
      bind_text (stmt, 10, jj_library_query_ensure_search_key (passage), checksum);
      bind_date (stmt, 11, jj_passage_get_created (passage), checksum);
      bind_date (stmt, 12, jj_passage_get_modified (passage), checksum);
      bind_int (stmt, 13, jj_passage_get_start (passage), checksum);
      bind_int (stmt, 14, jj_passage_get_end (passage), checksum);
      bind_checksum (stmt, 15, checksum);
      rc = step_done (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

static int
delete_document (JjLibrary  *self,
                 const char *path)
{
  sqlite3_stmt *stmt = jj_library_db_statement (self->db, JJ_LIBRARY_DB_DELETE_DOCUMENT);
  gint64 id = -1;
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    return rc;
  if (id < 0)
    return SQLITE_OK;

  stmt = jj_library_db_statement (self->db, JJ_LIBRARY_DB_DELETE_PASSAGES);
  if (stmt == NULL)
    return SQLITE_ERROR;
  sqlite3_bind_int64 (stmt, 1, id);

  return step_done (stmt);
}

/* One transaction: the documents changed since the last write, those
 * forgotten, and the folders; everything when the tables were made anew
 * or found damaged. */
static int
write_database (JjLibrary *self)
{
  sqlite3 *handle;
  GHashTableIter iter;
  Document *doc;
  const char *path;
  sqlite3_stmt *stmt;
  int rc;

  stmt = jj_library_db_statement (self->db, JJ_LIBRARY_DB_DELETE_FOLDERS);
  if (stmt == NULL)
    return SQLITE_ERROR;
  handle = sqlite3_db_handle (stmt);
  rc = sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rc;

  if (self->rewrite_all)
    rc = sqlite3_exec (handle, "DELETE FROM library_passages; DELETE FROM library_documents;",
                       NULL, NULL, NULL);

  g_hash_table_iter_init (&iter, self->removed);
  while (rc == SQLITE_OK && !self->rewrite_all
         && g_hash_table_iter_next (&iter, (gpointer *)&path, NULL))
    rc = delete_document (self, path);

  g_hash_table_iter_init (&iter, self->documents);
  while (rc == SQLITE_OK && g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    {
      if (!doc->unsaved && !self->rewrite_all)
        continue;
      if (!self->rewrite_all)
        rc = delete_document (self, doc->path);
      if (rc == SQLITE_OK)
        rc = write_document (self, doc);
    }

  if (rc == SQLITE_OK)
    rc = step_done (jj_library_db_statement (self->db, JJ_LIBRARY_DB_DELETE_FOLDERS));
  for (guint i = 0; rc == SQLITE_OK && i < self->folders->len; i++)
    {
      stmt = jj_library_db_statement (self->db, JJ_LIBRARY_DB_INSERT_FOLDER);
      if (stmt == NULL)
        {
          rc = SQLITE_ERROR;
          break;
        }
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (self->folders, i), -1, SQLITE_STATIC);
      rc = step_done (stmt);
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_debug ("Cannot write the library database: %s", sqlite3_errmsg (handle));
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      return rc;
    }

  g_hash_table_remove_all (self->removed);
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    doc->unsaved = FALSE;
  self->rewrite_all = FALSE;

  return SQLITE_OK;
}

/* Writes what changed to the database. It is a cache: failing to write
 * it costs time at the next start, never a mark. */
gboolean
jj_library_save_index (JjLibrary  *self,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), FALSE);
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  if (ensure_database (self, &local_error))
    {
      rc = write_database (self);
      if (jj_library_db_is_damage (rc))
        {
          self->rewrite_all = TRUE;
          if (jj_library_db_reset (self->db, &local_error))
            rc = write_database (self);
        }
      if (rc != SQLITE_OK && local_error == NULL)
        jj_library_db_set_error (self->db, rc, &local_error);
      if (rc != SQLITE_OK && jj_library_db_is_damage (rc))
        g_clear_pointer (&self->db, jj_library_db_close);
    }

  if (rc != SQLITE_OK)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The library index could not be saved: "));
      return FALSE;
    }

  self->dirty = FALSE;
  return TRUE;
}

/* Into @tags, pointers to the NUL-terminated tags of @data, then NULL. */
static const char * const *
split_tags (GPtrArray  *tags,
            const char *data,
            int         size)
{
  const char *end = data + size;

  g_ptr_array_set_size (tags, 0);
  while (data != NULL && data < end)
    {
      const char *nul = memchr (data, '\0', end - data);

      if (nul == NULL)
        break;
      g_ptr_array_add (tags, (gpointer)data);
      data = nul + 1;
    }
  g_ptr_array_add (tags, NULL);

  return (const char * const *)tags->pdata;
}

static int
read_folders (JjLibrary *self)
{
  sqlite3_stmt *stmt = jj_library_db_statement (self->db, JJ_LIBRARY_DB_SELECT_FOLDERS);
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *path = (const char *)sqlite3_column_text (stmt, 0);

      if (path != NULL && g_path_is_absolute (path))
        g_ptr_array_add (stored, g_strdup (path));
    }
  if (rc != SQLITE_DONE)
    return rc;

  /* Folders added before loading and not stored make it stale. */
  for (guint i = 0; i < self->folders->len; i++)
    {
      if (!g_ptr_array_find_with_equal_func (stored, g_ptr_array_index (self->folders, i),
                                             g_str_equal, NULL))
        self->dirty = TRUE;
    }
  for (guint i = 0; i < stored->len; i++)
    {
      if (!has_folder (self, g_ptr_array_index (stored, i)))
        g_ptr_array_add (self->folders, g_strdup (g_ptr_array_index (stored, i)));
    }

  return SQLITE_OK;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static const char *
column_text0 (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Into @by_id, the documents whose row is sound. */
static int
read_documents (JjLibrary  *self,
                GHashTable *by_id)
{
  sqlite3_stmt *stmt = jj_library_db_statement (self->db, JJ_LIBRARY_DB_SELECT_DOCUMENTS);
  RowChecksum row;
  RowChecksum *checksum = &row;
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *path = column_text (stmt, 1);
      Document *doc;

      checksum_reset (checksum);
      for (int i = 1; i <= 13; i++)
        checksum_column (checksum, stmt, i);
      if (!checksum_matches (checksum, stmt, 14) || path == NULL || !g_path_is_absolute (path))
        {
          g_debug ("A document of the library database is damaged: it is read again");
          self->rewrite_all = TRUE;
          continue;
        }
      if (g_hash_table_contains (self->documents, path))
        continue;

      doc = document_new (path);
      g_free (doc->title);
      doc->title = g_strdup (column_text0 (stmt, 3));
      doc->sidecar = g_strdup (column_text (stmt, 2));
      doc->fingerprint = g_strdup (column_text (stmt, 4));
      doc->moved_from = g_strdup (column_text (stmt, 5));
      doc->length = sqlite3_column_int64 (stmt, 6);
      doc->sidecar_mtime = sqlite3_column_int64 (stmt, 7);
      doc->sidecar_size = sqlite3_column_int64 (stmt, 8);
      doc->explicit = sqlite3_column_int (stmt, 9) != 0;
      doc->status = CLAMP (sqlite3_column_int (stmt, 10), 0, JJ_DOCUMENT_STATUS_MISSING);
      doc->speaker = g_strdup (column_text (stmt, 11));
      doc->speech_date = g_strdup (column_text (stmt, 12));
      doc->n_stored = sqlite3_column_int64 (stmt, 13);
      doc->unsaved = FALSE;
      g_hash_table_insert (by_id, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 0)), doc);
    }

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A document whose passages are damaged or incomplete has its sidecar
 * read again. */
static void
forget_passages (JjLibrary *self,
                 Document  *doc)
{
  g_debug ("The passages of %s in the library database are damaged: read again", doc->path);
  g_ptr_array_set_size (doc->passages, 0);
  doc->sidecar_mtime = 0;
  doc->sidecar_size = 0;
  doc->damaged = TRUE;
  self->rewrite_all = TRUE;
}

static int
read_passages (JjLibrary  *self,
               GHashTable *by_id)
{
  sqlite3_stmt *stmt = jj_library_db_statement (self->db, JJ_LIBRARY_DB_SELECT_PASSAGES);
  RowChecksum row;
  RowChecksum *checksum = &row;
  g_autoptr(GPtrArray) tag_array = g_ptr_array_new ();
  GHashTableIter iter;
  Document *doc = NULL;
  gint64 doc_id = -1;
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char * const *tags;
      JjPassage *passage;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id != doc_id)
        {
          doc_id = id;
          doc = g_hash_table_lookup (by_id, GINT_TO_POINTER (id));
        }
      if (doc == NULL || doc->damaged)
        continue;

      checksum_reset (checksum);
      checksum_column (checksum, stmt, 0);
      checksum_column (checksum, stmt, 14);
      for (int i = 1; i <= 12; i++)
        checksum_column (checksum, stmt, i);
      if (!checksum_matches (checksum, stmt, 13)
          || sqlite3_column_int64 (stmt, 14) != doc->passages->len)
        {
          forget_passages (self, doc);
          continue;
        }

      tags = split_tags (tag_array, sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
      passage = _jj_passage_new_full (column_text0 (stmt, 1), column_text0 (stmt, 2),
                                      tags, column_text0 (stmt, 4),
                                      column_text0 (stmt, 5), column_text0 (stmt, 6),
                                      column_text0 (stmt, 7), column_text0 (stmt, 8),
                                      sqlite3_column_type (stmt, 9) == SQLITE_INTEGER
                                      ? sqlite3_column_int64 (stmt, 9) : NO_DATE,
                                      sqlite3_column_type (stmt, 10) == SQLITE_INTEGER
                                      ? sqlite3_column_int64 (stmt, 10) : NO_DATE,
                                      sqlite3_column_int64 (stmt, 11),
                                      sqlite3_column_int64 (stmt, 12),
                                      doc->path, doc->title, doc->status);
      jj_passage_set_speaker (passage, doc->speaker);
      jj_passage_set_speech_date (passage, doc->speech_date);
      g_ptr_array_add (doc->passages, passage);
    }
  if (rc != SQLITE_DONE)
    return rc;

  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    {
      if (!doc->damaged && doc->passages->len != doc->n_stored)
        forget_passages (self, doc);
      doc->damaged = FALSE;
    }

  return SQLITE_OK;
}

/* Reads the database into the library; FALSE when there was none to read
 * or it had to be made anew. */
static gboolean
read_database (JjLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GHashTableIter iter;
  Document *doc;
  int rc;

  if (!ensure_database (self, &error))
    {
      g_debug ("Cannot open the library database: %s", error->message);
      return FALSE;
    }
  if (self->rewrite_all)
    return FALSE;

  by_id = g_hash_table_new_full (NULL, NULL, NULL, document_free);
  /* One snapshot, whoever writes meanwhile. */
  rc = jj_library_db_exec (self->db, "BEGIN", NULL) ? SQLITE_OK : SQLITE_ERROR;
  if (rc == SQLITE_OK)
    rc = read_folders (self);
  if (rc == SQLITE_OK)
    rc = read_documents (self, by_id);
  if (rc == SQLITE_OK)
    rc = read_passages (self, by_id);
  jj_library_db_exec (self->db, "COMMIT", NULL);

  if (rc != SQLITE_OK)
    {
      g_debug ("Cannot read the library database (SQLite code %d)", rc);
      if (jj_library_db_is_damage (rc) && !jj_library_db_reset (self->db, &error))
        {
          g_debug ("%s", error->message);
          g_clear_pointer (&self->db, jj_library_db_close);
        }
      self->rewrite_all = TRUE;
      return FALSE;
    }

  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->documents, doc->path, doc);
    }

  return TRUE;
}

/* The library's index before it moved into the database: its content is
 * in the sidecars. */
static void
remove_old_index (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "jiejian", "library.index", NULL);

  if (g_unlink (path) == 0)
    g_debug ("Removed the old library index %s", path);
}

/* Reads the database, then refreshes from the sidecars. A database that
 * cannot be read is rebuilt from them.
 */
gboolean
jj_library_load (JjLibrary     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (JJ_IS_LIBRARY (self), FALSE);
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  if (self->default_file)
    remove_old_index ();
  if (!read_database (self))
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

/* Loads in a thread: reading the database and the sidecars that changed may
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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  /* The thread works on a library of its own, handed over when done. */
  worker = jj_library_new (self->index_file);
  worker->default_file = self->default_file;
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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  worker = g_task_get_task_data (G_TASK (result));

  /* Documents added while loading win over what the database said. */
  {
    GHashTableIter iter;
    Document *doc;

    g_hash_table_iter_init (&iter, self->documents);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&doc))
      {
        self->dirty = TRUE;
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
  /* The connection the thread opened serves from now on. */
  if (self->db == NULL)
    self->db = g_steal_pointer (&worker->db);
  self->dirty |= worker->dirty;
  self->rewrite_all |= worker->rewrite_all;
  {
    GHashTableIter iter;
    const char *path;

    g_hash_table_iter_init (&iter, worker->removed);
    while (g_hash_table_iter_next (&iter, (gpointer *)&path, NULL))
      g_hash_table_add (self->removed, g_strdup (path));
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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  doc->unsaved = TRUE;
  self->dirty = TRUE;
  if (changed || title != NULL)
    rebuild (self);
}

/* The user points a moved or missing document to where it is now. Its
 * sidecar follows it: moved beside it, or written again from the database
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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  forget_document (self, new_path);
  g_hash_table_steal (self->documents, old_path);
  g_hash_table_add (self->removed, g_strdup (old_path));
  g_free (doc->path);
  doc->path = g_steal_pointer (&new_path);
  g_clear_pointer (&doc->moved_from, g_free);
  g_clear_pointer (&doc->sidecar, g_free);
  doc->explicit = TRUE;
  doc->sidecar_mtime = 0;
  doc->sidecar_size = 0;
  doc->unsaved = TRUE;
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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  return self->all->len;
}

/* The passages matching @query, in its order (new references). */
GPtrArray *
jj_library_search (JjLibrary      *self,
                   JjLibraryQuery *query)
{
  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (JJ_IS_LIBRARY_QUERY (query), NULL);
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  paths = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, (gpointer *)&path, NULL))
    g_ptr_array_add (paths, g_strdup (path));
  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);

  return (char **)g_ptr_array_free (paths, FALSE);
}

/* A copy: the library may drop or replace the document from its refresh
 * thread as soon as the lock is let go. */
char *
jj_library_dup_document_title (JjLibrary  *self,
                               const char *path)
{
  Document *doc;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  doc = g_hash_table_lookup (self->documents, path);

  return doc != NULL ? g_strdup (doc->title) : NULL;
}

/* JJ_DOCUMENT_STATUS_MISSING for documents the library does not know. */
JjDocumentStatus
jj_library_get_document_status (JjLibrary  *self,
                                const char *path)
{
  Document *doc;

  g_return_val_if_fail (JJ_IS_LIBRARY (self), JJ_DOCUMENT_STATUS_MISSING);
  g_return_val_if_fail (path != NULL, JJ_DOCUMENT_STATUS_MISSING);
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

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
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  doc = g_hash_table_lookup (self->documents, path);

  return doc != NULL ? doc->moved_from : NULL;
}
