/* jj-library-db.c
 *
 * The library's documents, folders and passages are tables of the
 * full-text index's SQLite file, reached through a connection of their
 * own (WAL lets both write in turn). The text index owns the file: it is
 * opened through it first, so a missing, damaged, foreign (another
 * application_id) or outdated (another user_version) file is started anew
 * there, and the library's tables are then made again from the sidecars.
 * The library's own tables carry their version in library_meta.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jj-library-db.h"
#include "jj-text-index.h"

/* Also the version of the search keys stored (jj_text_fold()) and of the
 * rows' checksums. */
#define LIBRARY_SCHEMA_VERSION 2

struct _JjLibraryDb
{
  char         *path;
  sqlite3      *db;
  sqlite3_stmt *statements[JJ_LIBRARY_DB_N_STATEMENTS];
  gboolean      was_reset;
};

static const char *statement_sql[JJ_LIBRARY_DB_N_STATEMENTS] = {
  [JJ_LIBRARY_DB_SELECT_FOLDERS] = "SELECT path FROM library_folders ORDER BY rowid",
  [JJ_LIBRARY_DB_SELECT_DOCUMENTS] =
    "SELECT id, path, sidecar, title, fingerprint, moved_from, length, sidecar_mtime,"
    " sidecar_size, explicit, status, speaker, speech_date, n_passages, checksum"
    " FROM library_documents",
  [JJ_LIBRARY_DB_SELECT_PASSAGES] =
    "SELECT document, id, kind, tags, note, author, quote, section, search_key,"
    " created, modified, start, end, checksum, position FROM library_passages"
    " ORDER BY document, position",
  [JJ_LIBRARY_DB_DELETE_FOLDERS] = "DELETE FROM library_folders",
  [JJ_LIBRARY_DB_INSERT_FOLDER] = "INSERT OR IGNORE INTO library_folders (path) VALUES (?1)",
  [JJ_LIBRARY_DB_DELETE_DOCUMENT] =
    "DELETE FROM library_documents WHERE path = ?1 RETURNING id",
  [JJ_LIBRARY_DB_DELETE_PASSAGES] = "DELETE FROM library_passages WHERE document = ?1",
  [JJ_LIBRARY_DB_INSERT_DOCUMENT] =
    "INSERT INTO library_documents (path, sidecar, title, fingerprint, moved_from, length,"
    " sidecar_mtime, sidecar_size, explicit, status, speaker, speech_date, n_passages,"
    " checksum)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  [JJ_LIBRARY_DB_INSERT_PASSAGE] =
    "INSERT INTO library_passages (document, position, id, kind, tags, note, author, quote,"
    " section, search_key, created, modified, start, end, checksum)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
};

static const char *schema_sql =
  "DROP TABLE IF EXISTS library_meta;"
  "DROP TABLE IF EXISTS library_folders;"
  "DROP TABLE IF EXISTS library_documents;"
  "DROP TABLE IF EXISTS library_passages;"
  "CREATE TABLE library_meta ("
  "  key TEXT PRIMARY KEY,"
  "  value INTEGER NOT NULL);"
  "CREATE TABLE library_folders ("
  "  path TEXT NOT NULL UNIQUE);"
  "CREATE TABLE library_documents ("
  "  id INTEGER PRIMARY KEY,"
  "  path TEXT NOT NULL UNIQUE,"
  "  sidecar TEXT,"
  "  title TEXT NOT NULL,"
  "  fingerprint TEXT,"
  "  moved_from TEXT,"
  "  length INTEGER NOT NULL,"
  "  sidecar_mtime INTEGER NOT NULL,"
  "  sidecar_size INTEGER NOT NULL,"
  "  explicit INTEGER NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  speaker TEXT,"
  "  speech_date TEXT,"
  "  n_passages INTEGER NOT NULL,"
  "  checksum INTEGER NOT NULL);"
  /* Read in one pass, a document's passages together and in order. */
  "CREATE TABLE library_passages ("
  "  document INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  id TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  tags BLOB NOT NULL,"
  "  note TEXT NOT NULL,"
  "  author TEXT NOT NULL,"
  "  quote TEXT NOT NULL,"
  "  section TEXT NOT NULL,"
  "  search_key TEXT NOT NULL,"
  "  created INTEGER,"
  "  modified INTEGER,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  checksum INTEGER NOT NULL,"
  "  PRIMARY KEY (document, position)) WITHOUT ROWID;";

gboolean
jj_library_db_is_damage (int rc)
{
  rc &= 0xff;

  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB || rc == SQLITE_FORMAT;
}

void
jj_library_db_set_error (JjLibraryDb  *db,
                         int           rc,
                         GError      **error)
{
  /* After a rollback the connection's own message is gone. */
  const char *message = db->db != NULL && sqlite3_errcode (db->db) != SQLITE_OK
                        ? sqlite3_errmsg (db->db) : sqlite3_errstr (rc);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The library database “%s” could not be used: %s."), db->path, message);
}

gboolean
jj_library_db_exec (JjLibraryDb  *db,
                    const char   *sql,
                    GError      **error)
{
  int rc = db->db != NULL ? sqlite3_exec (db->db, sql, NULL, NULL, NULL) : SQLITE_MISUSE;

  if (rc != SQLITE_OK)
    {
      jj_library_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static void
close_connection (JjLibraryDb *db)
{
  for (guint i = 0; i < JJ_LIBRARY_DB_N_STATEMENTS; i++)
    g_clear_pointer (&db->statements[i], sqlite3_finalize);
  g_clear_pointer (&db->db, sqlite3_close_v2);
}

/* The library's version of its tables, 0 when they are not there. */
static int
read_version (sqlite3 *handle,
              int     *version)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *version = 0;
  rc = sqlite3_prepare_v2 (handle, "SELECT value FROM library_meta WHERE key = 'version'",
                           -1, &stmt, NULL);
  if (rc == SQLITE_ERROR)
    return SQLITE_OK;  /* no such table */
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *version = sqlite3_column_int (stmt, 0);
      rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  return rc;
}

static int
open_connection (JjLibraryDb  *db,
                 GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (db->path);
  g_autoptr(JjTextIndex) index = jj_text_index_new (file);
  int version;
  int rc;

  /* Makes the file (0600 in a 0700 folder) and checks what it is. */
  if (!jj_text_index_open (index, error))
    return SQLITE_CANTOPEN;
  db->was_reset |= jj_text_index_get_was_rebuilt (index);

  /* One thread at a time: the loading thread, then the one it hands the
   * library to. No lock around every column read. */
  rc = sqlite3_open_v2 (db->path, &db->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db->db, 1);
      sqlite3_busy_timeout (db->db, 5000);
      /* Pages read in place, not copied: a few percent of a warm start. */
      rc = sqlite3_exec (db->db, "PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456",
                         NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = read_version (db->db, &version);
  if (rc == SQLITE_OK && version != LIBRARY_SCHEMA_VERSION)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN IMMEDIATE;%s"
                                              "INSERT INTO library_meta VALUES ('version', %d);"
                                              "COMMIT;",
                                              schema_sql, LIBRARY_SCHEMA_VERSION);

      if (version != 0)
        g_debug ("The library tables of %s are of version %d: made anew", db->path, version);
      rc = sqlite3_exec (db->db, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        sqlite3_exec (db->db, "ROLLBACK", NULL, NULL, NULL);
      db->was_reset = TRUE;
    }

  if (rc != SQLITE_OK)
    {
      jj_library_db_set_error (db, rc, error);
      close_connection (db);
    }

  return rc;
}

/* Opens the library's tables in @file, making them when missing. */
JjLibraryDb *
jj_library_db_open (GFile   *file,
                    GError **error)
{
  g_autoptr(JjLibraryDb) db = g_new0 (JjLibraryDb, 1);
  g_autoptr(GError) local_error = NULL;
  int rc;

  db->path = g_file_get_path (file);
  if (db->path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file."), g_file_peek_path (file));
      return NULL;
    }

  rc = open_connection (db, &local_error);
  if (jj_library_db_is_damage (rc))
    {
      g_debug ("%s", local_error->message);
      return jj_library_db_reset (db, error) ? g_steal_pointer (&db) : NULL;
    }
  if (rc != SQLITE_OK)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&db);
}

void
jj_library_db_close (JjLibraryDb *db)
{
  if (db == NULL)
    return;

  close_connection (db);
  g_free (db->path);
  g_free (db);
}

/* Whether the tables were made anew since opening: the library writes
 * every document again. */
gboolean
jj_library_db_get_was_reset (JjLibraryDb *db)
{
  return db->was_reset;
}

/* A prepared statement, reset and cleared for binding. */
sqlite3_stmt *
jj_library_db_statement (JjLibraryDb          *db,
                         JjLibraryDbStatement  which)
{
  sqlite3_stmt *stmt = db->statements[which];

  if (db->db == NULL)
    return NULL;
  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (db->db, statement_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        {
          g_debug ("Cannot prepare “%s”: %s", statement_sql[which], sqlite3_errmsg (db->db));
          return NULL;
        }
      db->statements[which] = stmt;
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

/* The file is damaged: it is removed, with the full-text index in it, and
 * started anew. The sidecars hold every mark; the texts are read again. */
gboolean
jj_library_db_reset (JjLibraryDb  *db,
                     GError      **error)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_debug ("The library database %s is damaged: it is built again", db->path);
  close_connection (db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (db->path, suffixes[i], NULL);

      if (g_unlink (name) != 0 && errno != ENOENT)
        g_debug ("Cannot remove %s: %s", name, g_strerror (errno));
    }
  db->was_reset = TRUE;

  return open_connection (db, error) == SQLITE_OK;
}
