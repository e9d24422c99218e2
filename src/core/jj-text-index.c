/* jj-text-index.c
 *
 * The display text of each speech, a row per paragraph, under an FTS5
 * table whose tokenizer ("jj_bigram") turns every run of letters, digits
 * and ideographs of the folded text into overlapping pairs of characters,
 * the last character of a run standing alone. A query of two or more
 * characters is the AND of its pairs, a query of one character a prefix
 * query; each candidate paragraph is then folded again and scanned, so
 * the hits are exactly those a plain scan of the folded text finds. The
 * FTS table keeps no positions and no copy of the text (detail=none,
 * content=''), which keeps the index smaller than the text it covers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jj-document.h"
#include "jj-text-fold.h"
#include "jj-text-index-private.h"
#include "jj-text-index.h"

/* "JjTx": tells our databases from any other SQLite file at the same place. */
#define APPLICATION_ID 0x4a6a5478
#define SCHEMA_VERSION 1
#define CONTEXT_CHARS 40
#define BATCH_BYTES (16 * 1024 * 1024)
#define SCAN_PARAGRAPHS 20000
#define ROWS_STEPPED 3
#define SPLIT_ROWS 256
#define ROWS_SQL "SELECT document, start, section, text, plain, id FROM paragraphs WHERE id >= ?1 ORDER BY id"

struct _JjTextIndex
{
  GObject   parent_instance;

  GFile    *file;
  sqlite3  *db;
  sqlite3  *reader;    /* a second connection, for jj_text_index_foreach_row_split() */
  GMutex    lock;
  gboolean  was_rebuilt;
  gboolean  in_batch;
  gboolean  damaged;   /* SQLite found the file damaged since it was opened */
};

G_DEFINE_FINAL_TYPE (JjTextIndex, jj_text_index, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (JjTextHit, jj_text_hit, jj_text_hit_copy, jj_text_hit_free)
G_DEFINE_QUARK (jj-text-index-error-quark, jj_text_index_error)

static const char *schema_sql =
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  path TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  date INTEGER NOT NULL,"
  "  fingerprint TEXT NOT NULL,"
  "  mtime INTEGER NOT NULL);"
  "CREATE TABLE paragraphs ("
  "  id INTEGER PRIMARY KEY,"
  "  document INTEGER NOT NULL,"
  "  start INTEGER NOT NULL,"
  "  section TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  plain INTEGER NOT NULL);"
  "CREATE INDEX paragraphs_by_document ON paragraphs (document);"
  "CREATE VIRTUAL TABLE words USING fts5 (text, content='', detail=none,"
  "  columnsize=0, tokenize='jj_bigram');"
  /* A batch's terms stay in memory until it commits (BATCH_BYTES of text
   * make less than this): the first index writes each segment once, not
   * a segment per megabyte merged again and again.
   */
  "INSERT INTO words (words, rank) VALUES ('hashsize', 16777216);";

JjTextHit *
jj_text_hit_copy (const JjTextHit *hit)
{
  JjTextHit *copy = g_new0 (JjTextHit, 1);

  *copy = *hit;
  copy->path = g_strdup (hit->path);
  copy->title = g_strdup (hit->title);
  copy->section = g_strdup (hit->section);
  copy->context = g_strdup (hit->context);
  return copy;
}

void
jj_text_hit_free (JjTextHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->path);
  g_free (hit->title);
  g_free (hit->section);
  g_free (hit->context);
  g_free (hit);
}

/* The tokenizer */

gboolean
jj_text_is_word_char (gunichar c)
{
  return jj_text_word_in_table (jj_text_word_table (), c);
}

/* The code point at @p and its length in bytes; a length of 0 when @p
 * does not start a valid UTF-8 sequence.
 */
static inline gunichar
decode (const guchar *p,
        const guchar *end,
        guint        *length)
{
  gunichar c = p[0];

  if (c < 0x80)
    {
      *length = 1;
      return c;
    }
  if (c >= 0xe0 && c < 0xf0 && end - p >= 3
      && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80)
    {
      c = ((c & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
      if (c >= 0x800 && (c < 0xd800 || c > 0xdfff))
        {
          *length = 3;
          return c;
        }
      *length = 0;
      return 0;
    }
  c = g_utf8_get_char_validated ((const char *)p, end - p);
  if (c == (gunichar)-1 || c == (gunichar)-2)
    {
      *length = 0;
      return 0;
    }
  *length = g_utf8_skip[p[0]];
  return c;
}

static int
bigram_create (void           *context,
               const char    **args,
               int             n_args,
               Fts5Tokenizer **tokenizer)
{
  static int instance;

  *tokenizer = (Fts5Tokenizer *)&instance;
  return SQLITE_OK;
}

static void
bigram_delete (Fts5Tokenizer *tokenizer)
{
}

/* The pairs a document's row has already emitted: with detail=none a
 * pair emitted again in the same row changes nothing, but costs FTS5 a
 * lookup in its hash of terms, which no longer fits the processor's cache.
 * Slots hold both characters of a pair and the row's mark, so that no
 * row needs to clear them.
 */
#define SEEN_SLOTS 1024

typedef struct
{
  guint32 first;
  guint32 second;
  guint32 mark;
} SeenPair;

typedef struct
{
  SeenPair slots[SEEN_SLOTS];
  guint32  mark;
} Seen;

static GPrivate seen_key = G_PRIVATE_INIT (g_free);

/* Whether the row marked seen->mark has emitted the pair (@a, @b), noting it. */
static inline gboolean
seen_pair (Seen     *seen,
           gunichar  a,
           gunichar  b)
{
  guint i = ((a * 0x9e3779b1u) ^ (b * 0x85ebca6bu)) >> 22;

  for (guint n = 0; n < 8; n++, i = (i + 1) & (SEEN_SLOTS - 1))
    {
      SeenPair *slot = &seen->slots[i];

      if (slot->mark != seen->mark)
        {
          slot->first = a;
          slot->second = b;
          slot->mark = seen->mark;
          return FALSE;
        }
      if (slot->first == a && slot->second == b)
        return TRUE;
    }
  return FALSE;
}

static int
bigram_tokenize (Fts5Tokenizer *tokenizer,
                 void          *context,
                 int            flags,
                 const char    *text,
                 int            n_text,
                 int          (*emit) (void *, int, const char *, int, int, int))
{
  const guchar *start = (const guchar *)text;
  const guchar *end = start + n_text;
  const guchar *p = start;
  gboolean query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  const guint8 *words = jj_text_word_table ();
  /* The previous word character of the run, when there is one. */
  const guchar *prev = NULL;
  gunichar prev_c = 0;
  gboolean alone = TRUE;   /* prev is the run's first character */
  Seen *seen = NULL;

  /* A query's pairs are its phrases: each must stay. */
  if ((flags & FTS5_TOKENIZE_DOCUMENT) != 0 && !query)
    {
      seen = g_private_get (&seen_key);
      if (seen == NULL)
        {
          seen = g_new0 (Seen, 1);
          g_private_set (&seen_key, seen);
        }
      if (++seen->mark == 0)
        {
          memset (seen->slots, 0, sizeof seen->slots);
          seen->mark = 1;
        }
    }

  while (p < end)
    {
      guint length;
      gunichar c = decode (p, end, &length);
      int rc = SQLITE_OK;

      if (length > 0 && jj_text_word_in_table (words, c))
        {
          if (prev != NULL)
            {
              if (seen == NULL || !seen_pair (seen, prev_c, c))
                rc = emit (context, 0, (const char *)prev, (p + length) - prev,
                           prev - start, (p + length) - start);
              alone = FALSE;
            }
          prev = p;
          prev_c = c;
          p += length;
        }
      else
        {
          /* The end of a run: its last character alone, except in a
           * query, where the pairs say it all.
           */
          if (prev != NULL && (!query || alone))
            rc = emit (context, 0, (const char *)prev, p - prev, prev - start, p - start);
          prev = NULL;
          alone = TRUE;
          p += length > 0 ? length : 1;
        }
      if (rc != SQLITE_OK)
        return rc;
    }
  if (prev != NULL && (!query || alone))
    return emit (context, 0, (const char *)prev, p - prev, prev - start, p - start);

  return SQLITE_OK;
}

/* jj_rows(words, LISTS): on the first row of a query that ORs phrases,
 * reads the paragraphs of each phrase into the GArray of the same place
 * in LISTS (a RowLists bound as a pointer); in C, not a row of SQL each.
 */
typedef struct
{
  GPtrArray *lists;   /* GArray of gint64, one per phrase */
  gboolean   done;
} RowLists;

static int
append_row (const Fts5ExtensionApi *api,
            Fts5Context            *fts,
            void                   *data)
{
  gint64 row = api->xRowid (fts);

  g_array_append_val ((GArray *)data, row);
  return SQLITE_OK;
}

static void
rows_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_values,
               sqlite3_value          **values)
{
  RowLists *lists = n_values == 1 ? sqlite3_value_pointer (values[0], "jj_row_lists") : NULL;
  int n_phrases;

  if (lists == NULL || lists->done)
    return;
  lists->done = TRUE;
  n_phrases = api->xPhraseCount (fts);
  for (int i = 0; i < n_phrases && (guint)i < lists->lists->len; i++)
    {
      int rc = api->xQueryPhrase (fts, i, g_ptr_array_index (lists->lists, i), append_row);

      if (rc != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
    }
}

static gboolean
register_tokenizer (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = { bigram_create, bigram_delete, bigram_tokenize };
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL)
    return FALSE;

  return api->xCreateTokenizer (api, "jj_bigram", NULL, &tokenizer, NULL) == SQLITE_OK
         && api->xCreateFunction (api, "jj_rows", NULL, rows_function, NULL) == SQLITE_OK;
}

/* The FTS5 query for the folded @folded: every pair of characters of each
 * run of word characters, a run of one character as a prefix. NULL when
 * there is no word character at all.
 */
char *
jj_text_index_match_for_phrase (const char *folded)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = folded;

  while (*p != '\0')
    {
      const char *run = p;
      guint n_run = 0;

      while (*p != '\0' && jj_text_is_word_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          n_run++;
        }

      if (n_run == 1)
        {
          g_autofree char *term = g_strndup (run, p - run);

          if (g_hash_table_add (seen, g_strconcat (term, "*", NULL)))
            g_string_append_printf (match, "%s\"%s\"*", match->len > 0 ? " AND " : "", term);
        }
      else if (n_run > 1)
        {
          for (const char *a = run, *b = g_utf8_next_char (a); b < p; a = b, b = g_utf8_next_char (b))
            {
              g_autofree char *term = g_strndup (a, g_utf8_next_char (b) - a);

              if (g_hash_table_add (seen, g_strdup (term)))
                g_string_append_printf (match, "%s\"%s\"", match->len > 0 ? " AND " : "", term);
            }
        }

      if (*p != '\0')
        p = g_utf8_next_char (p);
    }

  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* The database */

static gboolean
is_damage (int code)
{
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

static void
set_error (JjTextIndex *self,
           GError     **error,
           const char  *what)
{
  sqlite3 *db = self->db;

  if (db != NULL && is_damage (sqlite3_errcode (db)))
    self->damaged = TRUE;
  g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DATABASE,
               /* Translators: %s is what went wrong, from SQLite */
               _("The full-text index cannot be used (%s: %s). Delete it to have it built again."),
               what, db != NULL ? sqlite3_errmsg (db) : "");
}

static gboolean
exec (JjTextIndex  *self,
      const char   *sql,
      GError      **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      if (is_damage (sqlite3_errcode (self->db)))
        self->damaged = TRUE;
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DATABASE,
                   _("The full-text index cannot be used (%s). Delete it to have it built again."),
                   message != NULL ? message : "");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static void
jj_text_index_finalize (GObject *object)
{
  JjTextIndex *self = JJ_TEXT_INDEX (object);

  if (self->reader != NULL)
    sqlite3_close_v2 (self->reader);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_object (&self->file);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (jj_text_index_parent_class)->finalize (object);
}

static void
jj_text_index_class_init (JjTextIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jj_text_index_finalize;
}

static void
jj_text_index_init (JjTextIndex *self)
{
  g_mutex_init (&self->lock);
}

/**
 * jj_text_index_dup_default_file:
 *
 * Returns: (transfer full): $XDG_CACHE_HOME/jiejian/text-index.sqlite
 */
GFile *
jj_text_index_dup_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "jiejian", "text-index.sqlite", NULL);

  return g_file_new_for_path (path);
}

/* New folders are made 0700. An existing one is narrowed only when it is
 * Jiejian's own (named so, ours): an index put in /tmp or a user's
 * folder never changes that folder's mode. */
static gboolean
ensure_index_folder (const char *dir)
{
  g_autofree char *base = g_path_get_basename (dir);
  GStatBuf st;

  if (g_lstat (dir, &st) != 0)
    return g_mkdir_with_parents (dir, 0700) == 0;
  if (!S_ISDIR (st.st_mode))
    {
      errno = ENOTDIR;
      return FALSE;
    }
  if (g_str_equal (base, "jiejian") && st.st_uid == getuid () && (st.st_mode & 077) != 0)
    return g_chmod (dir, 0700) == 0;

  return TRUE;
}

JjTextIndex *
jj_text_index_new (GFile *file)
{
  JjTextIndex *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (JJ_TYPE_TEXT_INDEX, NULL);
  self->file = g_object_ref (file);
  return self;
}

GFile *
jj_text_index_get_file (JjTextIndex *self)
{
  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), NULL);

  return self->file;
}

/**
 * jj_text_index_get_was_rebuilt:
 *
 * Whether jj_text_index_open() found a database it could not use (damaged,
 * another program's, or of another version) and started a new one.
 */
gboolean
jj_text_index_get_was_rebuilt (JjTextIndex *self)
{
  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);

  return self->was_rebuilt;
}

static void
remove_database_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* SQLITE_OK when @db is an index of ours, of this version. */
static int
check_database (sqlite3 *db)
{
  int application_id = 0;
  int version = 0;
  int n_tables = 0;
  int rc;

  rc = query_int (db, "PRAGMA application_id", &application_id);
  if (rc != SQLITE_OK)
    return rc;
  rc = query_int (db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    return rc;
  rc = query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables);
  if (rc != SQLITE_OK)
    return rc;
  if (n_tables == 0)
    return SQLITE_EMPTY;
  if (application_id != APPLICATION_ID || version != SCHEMA_VERSION)
    return SQLITE_NOTADB;
  return SQLITE_OK;
}

static int
open_connection (const char  *path,
                 sqlite3    **db_out)
{
  sqlite3 *db = NULL;
  int fd;
  int rc;

  /* The index holds the text of every speech: only its owner may read it. */
  /* Only a new file: closing a descriptor of a file this process already
   * has open in SQLite (the library's connection) drops SQLite's locks. */
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    close (fd);
  g_chmod (path, 0600);

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 5000);
      if (!register_tokenizer (db))
        rc = SQLITE_ERROR;
    }
  if (rc == SQLITE_OK)
    {
      /* One snapshot: another process may make the file between two
       * reads (an empty header, then its tables). */
      rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        {
          rc = check_database (db);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        }
    }
  if (rc == SQLITE_EMPTY)
    {
      char *message = NULL;
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id=%d;"
                                              "PRAGMA user_version=%d;"
                                              "%sCOMMIT;",
                                              APPLICATION_ID, SCHEMA_VERSION, schema_sql);

      /* Another process may be making it too: it is made under the write
       * lock and only when still empty, never taken for a damaged file. */
      rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, &message);
      if (rc == SQLITE_OK)
        rc = check_database (db);
      if (rc == SQLITE_EMPTY)
        rc = sqlite3_exec (db, sql, NULL, NULL, &message);
      else
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        g_debug ("Cannot create the full-text index: %s", message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824;", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      int n;

      /* Reads the FTS table's configuration and structure: a damaged one
       * shows here rather than at the first search.
       */
      rc = query_int (db, "SELECT count(*) FROM words WHERE words MATCH '\"jj\"'", &n);
    }

  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return rc;
    }

  *db_out = db;
  return SQLITE_OK;
}

/**
 * jj_text_index_open:
 *
 * Opens the index, creating it (0600 in a 0700 folder) when missing and
 * starting anew when it is damaged, another program's or of another
 * version: it is only a cache of the speeches on disk.
 */
gboolean
jj_text_index_open (JjTextIndex  *self,
                    GError      **error)
{
  g_autofree char *dir = NULL;
  const char *path;
  int rc;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db == NULL, FALSE);

  path = g_file_peek_path (self->file);
  dir = g_path_get_dirname (path);
  if (!ensure_index_folder (dir))
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder “%s” for the full-text index: %s."),
                   dir, g_strerror (saved));
      return FALSE;
    }

  rc = open_connection (path, &self->db);
  /* Turning a new file to WAL needs it alone: another process opening it
   * at the same moment waits its turn, for a few seconds at most. */
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       (rc & 0xff) == SQLITE_BUSY && g_get_monotonic_time () < deadline;)
    {
      g_usleep (50 * 1000);
      rc = open_connection (path, &self->db);
    }
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY && rc != SQLITE_CANTOPEN)
    {
      g_debug ("Rebuilding the full-text index %s (SQLite code %d)", path, rc);
      remove_database_files (path);
      self->was_rebuilt = TRUE;
      rc = open_connection (path, &self->db);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DATABASE,
                   _("Cannot open the full-text index “%s”: %s."), path, sqlite3_errstr (rc));
      self->db = NULL;
      return FALSE;
    }

  return TRUE;
}

/* Starts an empty index in place of a damaged one. */
static gboolean
rebuild_locked (JjTextIndex *self)
{
  const char *path = g_file_peek_path (self->file);

  g_debug ("Rebuilding the damaged full-text index %s", path);
  if (self->reader != NULL)
    sqlite3_close_v2 (self->reader);
  self->reader = NULL;
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
  self->in_batch = FALSE;
  self->damaged = FALSE;
  self->was_rebuilt = TRUE;
  remove_database_files (path);
  return open_connection (path, &self->db) == SQLITE_OK;
}

static gboolean
begin_batch (JjTextIndex  *self,
             GError      **error)
{
  if (self->in_batch)
    return TRUE;
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_batch = TRUE;
  return TRUE;
}

static gboolean
end_batch (JjTextIndex  *self,
           gboolean      commit,
           GError      **error)
{
  if (!self->in_batch)
    return TRUE;
  self->in_batch = FALSE;
  if (!commit)
    return exec (self, "ROLLBACK", NULL) && FALSE;
  return exec (self, "COMMIT", error);
}

static gint64
lookup_document (JjTextIndex  *self,
                 const char   *path,
                 char        **fingerprint,
                 gint64       *mtime)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  sqlite3_prepare_v2 (self->db, "SELECT id, fingerprint, mtime FROM documents WHERE path = ?1", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (fingerprint != NULL)
        *fingerprint = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      if (mtime != NULL)
        *mtime = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);
  return id;
}

/* Contentless FTS5 rows are taken out by giving their text again, folded
 * as it was when it went in.
 */
static gboolean
remove_document_locked (JjTextIndex  *self,
                        gint64        id,
                        GError      **error)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *delete = NULL;
  gboolean ok = TRUE;
  int rc;

  sqlite3_prepare_v2 (self->db, "SELECT id, text FROM paragraphs WHERE document = ?1", -1, &select, NULL);
  sqlite3_prepare_v2 (self->db, "INSERT INTO words (words, rowid, text) VALUES ('delete', ?1, ?2)", -1, &delete, NULL);
  sqlite3_bind_int64 (select, 1, id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autofree char *folded = jj_text_fold ((const char *)sqlite3_column_text (select, 1),
                                              sqlite3_column_bytes (select, 1));

      sqlite3_bind_int64 (delete, 1, sqlite3_column_int64 (select, 0));
      sqlite3_bind_text (delete, 2, folded, -1, SQLITE_STATIC);
      if (sqlite3_step (delete) != SQLITE_DONE)
        {
          ok = FALSE;
          break;
        }
      sqlite3_reset (delete);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    ok = FALSE;
  sqlite3_finalize (select);
  sqlite3_finalize (delete);

  if (ok)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM paragraphs WHERE document = %" G_GINT64_FORMAT ";"
                                              "DELETE FROM documents WHERE id = %" G_GINT64_FORMAT ";",
                                              id, id);
      return exec (self, sql, error);
    }

  set_error (self, error, "delete");
  return FALSE;
}

/* A speech ready to go into the database: what needs no database is done
 * here, in any thread.
 */
typedef struct
{
  guint  start;
  char  *section;
  const char *text;   /* in Prepared.text */
  gsize  n_bytes;
  char  *folded;
  gboolean plain;
} PreparedParagraph;

typedef struct _JjTextIndexPrepared Prepared;

struct _JjTextIndexPrepared
{
  char   *path;
  char   *title;
  gint64  date;
  char   *fingerprint;
  gint64  mtime;
  char   *text;
  GArray *paragraphs;   /* PreparedParagraph */
  gsize   n_bytes;
};

static void
prepared_paragraph_clear (gpointer data)
{
  PreparedParagraph *paragraph = data;

  g_free (paragraph->section);
  g_free (paragraph->folded);
}

static void
prepared_free (Prepared *prepared)
{
  if (prepared == NULL)
    return;
  g_free (prepared->path);
  g_free (prepared->title);
  g_free (prepared->fingerprint);
  g_free (prepared->text);
  g_array_unref (prepared->paragraphs);
  g_free (prepared);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Prepared, prepared_free)

static Prepared *
prepare (const char *path,
         const char *title,
         gint64      date,
         const char *fingerprint,
         gint64      mtime,
         const char *text,
         JjOutline  *outline)
{
  Prepared *prepared = g_new0 (Prepared, 1);
  guint offset = 0;

  prepared->path = g_strdup (path);
  prepared->title = g_strdup (title != NULL ? title : "");
  prepared->date = date;
  prepared->fingerprint = g_strdup (fingerprint != NULL ? fingerprint : "");
  prepared->mtime = mtime;
  prepared->text = g_strdup (text);
  prepared->n_bytes = strlen (text);
  prepared->paragraphs = g_array_new (FALSE, TRUE, sizeof (PreparedParagraph));
  g_array_set_clear_func (prepared->paragraphs, prepared_paragraph_clear);

  for (const char *p = prepared->text; *p != '\0';)
    {
      const char *nl = strchr (p, '\n');
      gsize n = nl != NULL ? (gsize)(nl - p) : strlen (p);

      if (n > 0)
        {
          PreparedParagraph paragraph;
          char *section = outline != NULL ? jj_outline_dup_section_path (outline, offset) : NULL;

          paragraph.start = offset;
          paragraph.section = section != NULL ? section : g_strdup ("");
          paragraph.text = p;
          paragraph.n_bytes = n;
          paragraph.folded = jj_text_fold_plain (p, n, &paragraph.plain);
          g_array_append_val (prepared->paragraphs, paragraph);
        }

      offset += g_utf8_strlen (p, n) + 1;
      p += n;
      if (*p == '\n')
        p++;
    }

  return prepared;
}

static gboolean
insert_locked (JjTextIndex  *self,
               Prepared     *prepared,
               GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *paragraph = NULL;
  sqlite3_stmt *words = NULL;
  gint64 old_id;
  gint64 id;
  gboolean ok = TRUE;

  old_id = lookup_document (self, prepared->path, NULL, NULL);
  if (old_id != 0 && !remove_document_locked (self, old_id, error))
    return FALSE;

  sqlite3_prepare_v2 (self->db, "INSERT INTO documents (path, title, date, fingerprint, mtime) VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, prepared->path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, prepared->title, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, prepared->date);
  sqlite3_bind_text (stmt, 4, prepared->fingerprint, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, prepared->mtime);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_error (self, error, "insert");
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  id = sqlite3_last_insert_rowid (self->db);

  sqlite3_prepare_v2 (self->db, "INSERT INTO paragraphs (document, start, section, text, plain) VALUES (?1, ?2, ?3, ?4, ?5)", -1, &paragraph, NULL);
  sqlite3_prepare_v2 (self->db, "INSERT INTO words (rowid, text) VALUES (?1, ?2)", -1, &words, NULL);

  for (guint i = 0; i < prepared->paragraphs->len && ok; i++)
    {
      PreparedParagraph *p = &g_array_index (prepared->paragraphs, PreparedParagraph, i);

      sqlite3_bind_int64 (paragraph, 1, id);
      sqlite3_bind_int (paragraph, 2, p->start);
      sqlite3_bind_text (paragraph, 3, p->section, -1, SQLITE_STATIC);
      sqlite3_bind_text (paragraph, 4, p->text, p->n_bytes, SQLITE_STATIC);
      sqlite3_bind_int (paragraph, 5, p->plain);
      ok = sqlite3_step (paragraph) == SQLITE_DONE;
      sqlite3_reset (paragraph);

      sqlite3_bind_int64 (words, 1, sqlite3_last_insert_rowid (self->db));
      sqlite3_bind_text (words, 2, p->folded, -1, SQLITE_STATIC);
      ok = ok && sqlite3_step (words) == SQLITE_DONE;
      sqlite3_reset (words);
    }

  if (!ok)
    set_error (self, error, "insert");
  sqlite3_finalize (paragraph);
  sqlite3_finalize (words);
  return ok;
}

/**
 * jj_text_index_begin_batch:
 *
 * Makes the jj_text_index_add_text() and jj_text_index_remove() calls up
 * to jj_text_index_end_batch() one transaction: much faster for many
 * speeches, and all or nothing.
 */
gboolean
jj_text_index_begin_batch (JjTextIndex  *self,
                           GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  g_mutex_lock (&self->lock);
  ok = begin_batch (self, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

gboolean
jj_text_index_end_batch (JjTextIndex  *self,
                         GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  g_mutex_lock (&self->lock);
  ok = end_batch (self, TRUE, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * jj_text_index_add_text:
 * @date: Unix time of the speech's date, 0 when unknown
 * @outline: (nullable): gives each paragraph its section path
 *
 * Indexes @text, the display text of the speech at @path, in place of
 * what the index had for @path.
 */
gboolean
jj_text_index_add_text (JjTextIndex  *self,
                        const char   *path,
                        const char   *title,
                        gint64        date,
                        const char   *fingerprint,
                        gint64        mtime,
                        const char   *text,
                        JjOutline    *outline,
                        GError      **error)
{
  g_autoptr(Prepared) prepared = NULL;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (path != NULL && text != NULL, FALSE);

  prepared = prepare (path, title, date, fingerprint, mtime, text, outline);
  return jj_text_index_add_prepared (self, prepared, error);
}

/**
 * jj_text_index_prepare_text:
 *
 * What jj_text_index_add_text() does before it needs the database
 * (folding, section paths), in any thread: one thread can prepare
 * speeches while another adds them with jj_text_index_add_prepared().
 */
JjTextIndexPrepared *
jj_text_index_prepare_text (const char *path,
                            const char *title,
                            gint64      date,
                            const char *fingerprint,
                            gint64      mtime,
                            const char *text,
                            JjOutline  *outline)
{
  g_return_val_if_fail (path != NULL && text != NULL, NULL);

  return prepare (path, title, date, fingerprint, mtime, text, outline);
}

gsize
jj_text_index_prepared_get_size (JjTextIndexPrepared *prepared)
{
  return prepared->n_bytes;
}

void
jj_text_index_prepared_free (JjTextIndexPrepared *prepared)
{
  prepared_free (prepared);
}

/**
 * jj_text_index_add_prepared:
 *
 * jj_text_index_add_text() of a speech jj_text_index_prepare_text() made.
 */
gboolean
jj_text_index_add_prepared (JjTextIndex          *self,
                            JjTextIndexPrepared  *prepared,
                            GError              **error)
{
  gboolean ok;
  gboolean own_batch;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (prepared != NULL, FALSE);

  g_mutex_lock (&self->lock);
  own_batch = !self->in_batch;
  ok = begin_batch (self, error) && insert_locked (self, prepared, error);
  if (own_batch)
    ok = end_batch (self, ok, ok ? error : NULL) && ok;
  g_mutex_unlock (&self->lock);

  return ok;
}

gboolean
jj_text_index_remove (JjTextIndex  *self,
                      const char   *path,
                      GError      **error)
{
  gboolean ok = TRUE;
  gint64 id;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  g_mutex_lock (&self->lock);
  id = lookup_document (self, path, NULL, NULL);
  if (id != 0)
    {
      gboolean own_batch = !self->in_batch;

      ok = begin_batch (self, error) && remove_document_locked (self, id, error);
      if (own_batch)
        ok = end_batch (self, ok, ok ? error : NULL) && ok;
    }
  g_mutex_unlock (&self->lock);

  return ok;
}

guint
jj_text_index_get_n_documents (JjTextIndex *self)
{
  int n = 0;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), 0);
  g_return_val_if_fail (self->db != NULL, 0);

  g_mutex_lock (&self->lock);
  query_int (self->db, "SELECT count(*) FROM documents", &n);
  g_mutex_unlock (&self->lock);
  return n;
}

char **
jj_text_index_dup_paths (JjTextIndex *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  g_mutex_lock (&self->lock);
  sqlite3_prepare_v2 (self->db, "SELECT path FROM documents ORDER BY path", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (paths, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->lock);
  g_ptr_array_add (paths, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

/* Updating from the files */

static const char * const speech_extensions[] = {
  ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".odt",
};

/* Whether a file of this name is one the index reads as a speech. */
gboolean
jj_text_index_is_speech_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (speech_extensions); i++)
    {
      if (g_str_has_suffix (lower, speech_extensions[i]))
        return TRUE;
    }
  return FALSE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
collect (GFile        *folder,
         GPtrArray    *paths,
         GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, NULL);
  if (enumerator == NULL)
    return;

  while ((info = g_file_enumerator_next_file (enumerator, cancellable, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) child = NULL;

      if (name[0] == '.')
        continue;
      child = g_file_get_child (folder, name);
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        collect (child, paths, cancellable);
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && jj_text_index_is_speech_name (name))
        g_ptr_array_add (paths, g_file_get_path (child));
    }
}

/**
 * jj_text_index_collect_documents:
 *
 * Returns: (transfer full): the paths of the speeches in @folder and its
 *   subfolders (text, Markdown, HTML, docx and odt files), sorted
 */
char **
jj_text_index_collect_documents (GFile        *folder,
                                 GCancellable *cancellable)
{
  GPtrArray *paths = g_ptr_array_new ();

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  collect (folder, paths, cancellable);
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return (char **)g_ptr_array_free (paths, FALSE);
}

static int
read_digits (const char *text,
                guint      *value,
                guint       n_min,
                guint       n_max)
{
  guint n = 0;

  *value = 0;
  while (n < n_max && g_ascii_isdigit (text[n]))
    *value = *value * 10 + (text[n++] - '0');
  return n >= n_min ? (int)n : 0;
}

/* A speech's date is usually on a line of its own near the top:
 * 2023年5月12日 (or 2023-05-12 after folding full-width digits).
 */
static gint64
find_date (const char *folded_head)
{
  for (const char *p = folded_head; *p != '\0'; p++)
    {
      guint year, month, day;
      int n, m, d;

      if ((n = read_digits (p, &year, 4, 4)) == 0 || (p > folded_head && g_ascii_isdigit (p[-1])))
        continue;
      if (g_str_has_prefix (p + n, "年"))
        n += strlen ("年");
      else if (p[n] == '-' || p[n] == '.' || p[n] == '/')
        n++;
      else
        continue;
      if ((m = read_digits (p + n, &month, 1, 2)) == 0)
        continue;
      n += m;
      if (g_str_has_prefix (p + n, "月"))
        n += strlen ("月");
      else if (p[n] == '-' || p[n] == '.' || p[n] == '/')
        n++;
      else
        continue;
      if ((d = read_digits (p + n, &day, 1, 2)) == 0)
        continue;
      if (year >= 1900 && year <= 2200 && g_date_valid_dmy (day, month, year))
        {
          g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, day, 0, 0, 0);

          return g_date_time_to_unix (date);
        }
    }
  return 0;
}

static gint64
guess_date (const char *text,
            gint64      mtime)
{
  const char *head_end = text;
  g_autofree char *head = NULL;
  gint64 date;

  for (guint i = 0; i < 8 && head_end != NULL; i++)
    {
      head_end = strchr (head_end, '\n');
      if (head_end != NULL)
        head_end++;
    }
  head = jj_text_fold (text, head_end != NULL ? (gssize)(head_end - text) : -1);
  date = find_date (head);
  return date != 0 ? date : mtime;
}

typedef struct
{
  JjTextIndex             *self;
  JjTextIndexProgressFunc  progress;
  gpointer                 progress_data;
  GMainContext            *context;
  guint                    done;
  guint                    total;
} Progress;

static gboolean
report_progress_idle (gpointer data)
{
  Progress *p = data;

  p->progress (p->done, p->total, p->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (Progress *p)
{
  if (p->progress == NULL)
    return;
  if (p->context == NULL)
    {
      p->progress (p->done, p->total, p->progress_data);
      return;
    }
  g_main_context_invoke_full (p->context, G_PRIORITY_DEFAULT,
                              report_progress_idle,
                              g_memdup2 (p, sizeof *p), g_free);
}

/* A speech to load and prepare in a worker thread. */
typedef struct
{
  char         *path;
  gint64        id;               /* 0 when new to the index */
  char         *old_fingerprint;
  gint64        mtime;
  GCancellable *cancellable;
  GAsyncQueue  *done;
  Prepared     *prepared;         /* NULL when the text did not change or failed to load */
  gboolean      loaded;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->old_fingerprint);
  g_clear_object (&job->cancellable);
  g_async_queue_unref (job->done);
  prepared_free (job->prepared);
  g_free (job);
}

static void
load_job (gpointer data,
          gpointer user_data)
{
  Job *job = data;
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDocument) document = NULL;
  g_autofree char *fingerprint = NULL;

  document = jj_document_load (file, JJ_LOAD_DEFAULT, job->cancellable, &error);
  if (document == NULL)
    {
      g_debug ("Not indexing %s: %s", job->path, error->message);
    }
  else
    {
      job->loaded = TRUE;
      fingerprint = jj_document_dup_fingerprint (document);
      if (job->id == 0 || g_strcmp0 (fingerprint, job->old_fingerprint) != 0)
        {
          const char *text = jj_document_get_text (document);

          job->prepared = prepare (job->path, jj_document_get_title (document),
                                   guess_date (text, job->mtime / G_USEC_PER_SEC),
                                   fingerprint, job->mtime, text,
                                   jj_document_get_outline (document));
        }
    }

  g_async_queue_push (job->done, job);
}

/* Stores what a worker made of @job; FALSE with @error set on failure. */
static gboolean
store_job (JjTextIndex  *self,
           Job          *job,
           GHashTable   *wanted,
           gsize        *batch_bytes,
           GError      **error)
{
  gboolean ok;

  if (!job->loaded)
    {
      g_hash_table_remove (wanted, job->path);
      return TRUE;
    }

  g_mutex_lock (&self->lock);
  ok = begin_batch (self, error);
  if (ok && job->prepared == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE documents SET mtime = %" G_GINT64_FORMAT
                                              " WHERE id = %" G_GINT64_FORMAT, job->mtime, job->id);

      ok = exec (self, sql, error);
    }
  else if (ok)
    {
      ok = insert_locked (self, job->prepared, error);
      *batch_bytes += job->prepared->n_bytes;
    }
  if (ok && *batch_bytes >= BATCH_BYTES)
    {
      ok = end_batch (self, TRUE, error);
      *batch_bytes = 0;
    }
  g_mutex_unlock (&self->lock);

  return ok;
}

/* Speeches are loaded (import, cleaning, outline, folding) by a pool of
 * threads, one per processor, while this thread writes them into the
 * database; at most a few wait in memory.
 */
static gboolean
update_paths (JjTextIndex         *self,
              const char * const  *paths,
              GCancellable        *cancellable,
              Progress            *progress,
              GError             **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GAsyncQueue) done = g_async_queue_new ();
  g_auto(GStrv) indexed = NULL;
  GThreadPool *pool;
  guint n_threads = MAX (1, MIN (g_get_num_processors (), 4));
  guint max_in_flight = n_threads * 2;
  guint in_flight = 0;
  gsize batch_bytes = 0;
  gboolean ok = TRUE;
  guint next = 0;

  progress->total = g_strv_length ((char **)paths);
  progress->done = 0;
  report_progress (progress);

  pool = g_thread_pool_new (load_job, NULL, n_threads, FALSE, NULL);

  while (ok && (paths[next] != NULL || in_flight > 0))
    {
      /* Hand out work while there is room, then take back one result. */
      while (ok && paths[next] != NULL && in_flight < max_in_flight)
        {
          const char *path = paths[next++];
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GFileInfo) info = NULL;
          g_autofree char *old_fingerprint = NULL;
          gint64 old_mtime = 0;
          gint64 mtime;
          gint64 id;
          Job *job;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }

          info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                    G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                                    G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                    G_FILE_QUERY_INFO_NONE, cancellable, NULL);
          if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
            {
              progress->done++;
              continue;
            }
          g_hash_table_add (wanted, g_strdup (path));
          mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
                  + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

          g_mutex_lock (&self->lock);
          id = lookup_document (self, path, &old_fingerprint, &old_mtime);
          g_mutex_unlock (&self->lock);
          if (id != 0 && old_mtime == mtime)
            {
              progress->done++;
              continue;
            }

          job = g_new0 (Job, 1);
          job->path = g_strdup (path);
          job->id = id;
          job->old_fingerprint = g_steal_pointer (&old_fingerprint);
          job->mtime = mtime;
          job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
          job->done = g_async_queue_ref (done);
          g_thread_pool_push (pool, job, NULL);
          in_flight++;
        }

      if (in_flight > 0)
        {
          Job *job = g_async_queue_pop (done);

          in_flight--;
          progress->done++;
          if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          if (ok)
            ok = store_job (self, job, wanted, &batch_bytes, error);
          job_free (job);
          if (progress->done % 16 == 0)
            report_progress (progress);
        }
    }

  /* Wait for what is still loading, after a failure or cancellation. */
  g_thread_pool_free (pool, FALSE, TRUE);
  while (in_flight > 0)
    {
      job_free (g_async_queue_pop (done));
      in_flight--;
    }

  if (ok)
    {
      indexed = jj_text_index_dup_paths (self);
      g_mutex_lock (&self->lock);
      for (guint i = 0; indexed[i] != NULL && ok; i++)
        {
          if (!g_hash_table_contains (wanted, indexed[i]))
            {
              gint64 id = lookup_document (self, indexed[i], NULL, NULL);

              ok = begin_batch (self, error) && remove_document_locked (self, id, error);
            }
        }
      g_mutex_unlock (&self->lock);
    }

  g_mutex_lock (&self->lock);
  ok = end_batch (self, ok, ok ? error : NULL) && ok;
  g_mutex_unlock (&self->lock);

  if (ok)
    {
      progress->done = progress->total;
      report_progress (progress);
    }
  return ok;
}

/* A damaged index found while updating is started anew and filled again. */
static gboolean
update_recovering (JjTextIndex   *self,
                   const char * const *paths,
                   GCancellable  *cancellable,
                   Progress      *progress,
                   GError       **error)
{
  GError *local_error = NULL;
  gboolean rebuilt;

  if (update_paths (self, paths, cancellable, progress, &local_error))
    return TRUE;
  if (!self->damaged)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_clear_error (&local_error);
  g_mutex_lock (&self->lock);
  rebuilt = rebuild_locked (self);
  g_mutex_unlock (&self->lock);
  if (!rebuilt)
    {
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DATABASE,
                   _("The full-text index “%s” was damaged and cannot be made again."),
                   g_file_peek_path (self->file));
      return FALSE;
    }
  return update_paths (self, paths, cancellable, progress, error);
}

/**
 * jj_text_index_update:
 * @paths: every speech the index should hold
 * @progress: (nullable): called in this thread
 *
 * Indexes the speeches of @paths that are new or whose modification time
 * changed (only the time, when the text stayed the same), and takes out
 * those no longer in @paths or gone from disk.
 */
gboolean
jj_text_index_update (JjTextIndex              *self,
                      const char * const       *paths,
                      GCancellable             *cancellable,
                      JjTextIndexProgressFunc   progress,
                      gpointer                  progress_data,
                      GError                  **error)
{
  Progress p = { self, progress, progress_data, NULL, 0, 0 };

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  return update_recovering (self, paths, cancellable, &p, error);
}

typedef struct
{
  char     **paths;
  Progress   progress;
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  g_strfreev (data->paths);
  g_clear_pointer (&data->progress.context, g_main_context_unref);
  g_free (data);
}

static void
update_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UpdateData *data = task_data;
  GError *error = NULL;

  if (update_recovering (source, (const char * const *)data->paths, cancellable, &data->progress, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * jj_text_index_update_async:
 * @progress: (nullable): called in the caller's thread-default main context
 *
 * jj_text_index_update() in a thread.
 */
void
jj_text_index_update_async (JjTextIndex              *self,
                            const char * const       *paths,
                            GCancellable             *cancellable,
                            JjTextIndexProgressFunc   progress,
                            gpointer                  progress_data,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  UpdateData *data;

  g_return_if_fail (JJ_IS_TEXT_INDEX (self));
  g_return_if_fail (self->db != NULL);
  g_return_if_fail (paths != NULL);

  data = g_new0 (UpdateData, 1);
  data->paths = g_strdupv ((char **)paths);
  data->progress.self = self;
  data->progress.progress = progress;
  data->progress.progress_data = progress_data;
  data->progress.context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jj_text_index_update_async);
  g_task_set_task_data (task, data, (GDestroyNotify)update_data_free);
  g_task_run_in_thread (task, update_thread);
}

gboolean
jj_text_index_update_finish (JjTextIndex   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Searching */

static gboolean foreach_paragraph (JjTextIndex               *self,
                                   const char                *sql,
                                   const char                *match,
                                   const gint64              *rows,
                                   guint                      n_rows,
                                   JjTextIndexParagraphFunc   func,
                                   gpointer                   user_data,
                                   GError                   **error);

gboolean
jj_text_index_foreach_match (JjTextIndex               *self,
                             const char                *match,
                             JjTextIndexParagraphFunc   func,
                             gpointer                   user_data,
                             GError                   **error)
{
  return foreach_paragraph (self,
                            "SELECT p.document, p.start, p.section, p.text, p.plain"
                            " FROM words JOIN paragraphs p ON p.id = words.rowid"
                            " WHERE words MATCH ?1",
                            match, NULL, 0, func, user_data, error);
}

typedef struct
{
  JjTextIndexDocumentFunc  func;
  gpointer                 user_data;
  char                    *path;
  char                    *title;
  GString                 *text;
  guint                    length;   /* of text, in characters */
  gboolean                 stopped;
} DocumentBuilder;

static gboolean
flush_document (DocumentBuilder *builder)
{
  gboolean go_on = TRUE;

  if (builder->path != NULL)
    go_on = builder->func (builder->path, builder->title, builder->text->str, builder->user_data);
  g_clear_pointer (&builder->path, g_free);
  g_clear_pointer (&builder->title, g_free);
  g_string_truncate (builder->text, 0);
  builder->length = 0;
  builder->stopped = !go_on;

  return go_on;
}

static gboolean
add_document_paragraph (const JjTextIndexParagraph *paragraph,
                        gpointer                    user_data)
{
  DocumentBuilder *builder = user_data;

  if (g_strcmp0 (builder->path, paragraph->path) != 0)
    {
      if (!flush_document (builder))
        return FALSE;
      builder->path = g_strdup (paragraph->path);
      builder->title = g_strdup (paragraph->title);
    }

  /* Paragraphs are separated by one newline; the offsets they were stored
   * with say where each one starts, whatever lay between them. */
  while (builder->length < paragraph->start)
    {
      g_string_append_c (builder->text, '\n');
      builder->length++;
    }
  g_string_append (builder->text, paragraph->text);
  builder->length += g_utf8_strlen (paragraph->text, -1);

  return TRUE;
}

/* Rebuilds the documents whose paragraphs @sql selects (by document, then
 * start; @path as ?1 when not NULL) and calls @func with each. */
static gboolean
foreach_document_where (JjTextIndex              *self,
                        const char               *sql,
                        const char               *path,
                        JjTextIndexDocumentFunc   func,
                        gpointer                  user_data,
                        GError                  **error)
{
  DocumentBuilder builder = { func, user_data, NULL, NULL, NULL, 0, FALSE };
  gboolean ok;

  builder.text = g_string_new (NULL);
  ok = foreach_paragraph (self, sql, path, NULL, 0, add_document_paragraph, &builder, error);
  if (ok && !builder.stopped)
    flush_document (&builder);
  g_free (builder.path);
  g_free (builder.title);
  g_string_free (builder.text, TRUE);

  return ok;
}

/**
 * jj_text_index_foreach_document:
 *
 * Calls @func with the display text of every indexed speech, rebuilt from
 * the paragraphs the index holds, without reading the files again.
 */
gboolean
jj_text_index_foreach_document (JjTextIndex              *self,
                                JjTextIndexDocumentFunc   func,
                                gpointer                  user_data,
                                GError                  **error)
{
  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_document_where (self,
                                 "SELECT p.document, p.start, p.section, p.text, p.plain"
                                 " FROM paragraphs p ORDER BY p.document, p.start",
                                 NULL, func, user_data, error);
}

/**
 * jj_text_index_foreach_document_at:
 *
 * The same as jj_text_index_foreach_document() for the one speech indexed
 * under @path; @func is not called when there is none.
 */
gboolean
jj_text_index_foreach_document_at (JjTextIndex              *self,
                                   const char               *path,
                                   JjTextIndexDocumentFunc   func,
                                   gpointer                  user_data,
                                   GError                  **error)
{
  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_document_where (self,
                                 "SELECT p.document, p.start, p.section, p.text, p.plain"
                                 " FROM paragraphs p"
                                 " WHERE p.document = (SELECT id FROM documents WHERE path = ?1)"
                                 " ORDER BY p.start",
                                 path, func, user_data, error);
}

/**
 * jj_text_index_foreach_stamp:
 *
 * Calls @func with the path of every indexed speech and a stamp that
 * changes whenever the speech is indexed again with other contents: what
 * a cache of the texts needs to read only the speeches that changed.
 */
gboolean
jj_text_index_foreach_stamp (JjTextIndex            *self,
                             JjTextIndexStampFunc    func,
                             gpointer                user_data,
                             GError                **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  g_mutex_lock (&self->lock);
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT path, id || ':' || mtime || ':' || fingerprint FROM documents",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      if (!func ((const char *)sqlite3_column_text (stmt, 0),
                 (const char *)sqlite3_column_text (stmt, 1), user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
  if (rc != SQLITE_DONE)
    set_error (self, error, "search");
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->lock);

  return rc == SQLITE_DONE;
}

/**
 * jj_text_index_foreach_row:
 * @rows: paragraph ids (the rowids of the FTS table), in increasing order
 *
 * Calls @func for each paragraph of @rows still in the index.
 */
gboolean
jj_text_index_foreach_row (JjTextIndex               *self,
                           const gint64              *rows,
                           guint                      n_rows,
                           JjTextIndexParagraphFunc   func,
                           gpointer                   user_data,
                           GError                   **error)
{
  return foreach_paragraph (self, ROWS_SQL, NULL, rows, n_rows, func, user_data, error);
}

/**
 * jj_text_index_match_rows_each:
 * @phrases: FTS5 phrases ("\"ab\"")
 *
 * Returns: (transfer full) (element-type GArray): for each of @phrases,
 *   the ids of the paragraphs holding it, in increasing order
 */
/* Reads the paragraphs of @phrases into @lists (one each) on @db. */
static int
read_rows_each (sqlite3            *db,
                const char * const *phrases,
                GArray            **lists,
                guint               n_phrases)
{
  g_autoptr(GPtrArray) list_array = g_ptr_array_new ();
  g_autoptr(GString) match = g_string_new (NULL);
  RowLists row_lists = { list_array, FALSE };
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (n_phrases == 0)
    return SQLITE_DONE;
  for (guint i = 0; i < n_phrases; i++)
    {
      g_ptr_array_add (list_array, lists[i]);
      g_string_append_printf (match, "%s%s", i > 0 ? " OR " : "", phrases[i]);
    }

  rc = sqlite3_prepare_v2 (db, "SELECT jj_rows(words, ?2) FROM words WHERE words MATCH ?1 LIMIT 1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, match->str, -1, SQLITE_STATIC);
      sqlite3_bind_pointer (stmt, 2, &row_lists, "jj_row_lists", NULL);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        rc = SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return rc;
}

typedef struct
{
  sqlite3            *db;
  const char * const *phrases;
  GArray            **lists;
  guint               n_phrases;
  int                 rc;
} ReadRows;

static gpointer
read_rows_thread (gpointer data)
{
  ReadRows *read = data;

  read->rc = read_rows_each (read->db, read->phrases, read->lists, read->n_phrases);
  return NULL;
}

static sqlite3 *open_reader (JjTextIndex *self);
static void     walk_failed (JjTextIndex  *self,
                             sqlite3      *db,
                             int           rc,
                             GError      **error);

/**
 * jj_text_index_match_rows_each:
 * @phrases: FTS5 phrases ("\"ab\"")
 *
 * Returns: (transfer full) (element-type GArray): for each of @phrases,
 *   the ids of the paragraphs holding it, in increasing order; the second
 *   half read in another thread
 */
GPtrArray *
jj_text_index_match_rows_each (JjTextIndex         *self,
                               const char * const  *phrases,
                               guint                n_phrases,
                               GError             **error)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  ReadRows second = { NULL, NULL, NULL, 0, SQLITE_DONE };
  GThread *thread = NULL;
  guint n_first = n_phrases;
  int rc;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  for (guint i = 0; i < n_phrases; i++)
    g_ptr_array_add (lists, g_array_new (FALSE, FALSE, sizeof (gint64)));

  g_mutex_lock (&self->lock);
  if (n_phrases >= 2 && !self->in_batch && g_get_num_processors () > 1)
    {
      if (self->reader == NULL)
        self->reader = open_reader (self);
      if (self->reader != NULL)
        {
          n_first = n_phrases / 2;
          second.db = self->reader;
          second.phrases = phrases + n_first;
          second.lists = (GArray **)lists->pdata + n_first;
          second.n_phrases = n_phrases - n_first;
          thread = g_thread_new ("jj-text-index-rows", read_rows_thread, &second);
        }
    }
  rc = read_rows_each (self->db, phrases, (GArray **)lists->pdata, n_first);
  if (thread != NULL)
    g_thread_join (thread);
  if (rc != SQLITE_DONE)
    walk_failed (self, self->db, rc, error);
  else if (second.rc != SQLITE_DONE)
    walk_failed (self, second.db, second.rc, error);
  g_mutex_unlock (&self->lock);

  if (rc != SQLITE_DONE || second.rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&lists);
}

/* Runs @sql on @db (it selects document, start, section, text and plain
 * of paragraphs in the order of their ids, with @match as ?1 when not
 * NULL, or from each of @rows as ?1 when @rows is not NULL, id sixth) and
 * calls @func for each paragraph. Returns SQLITE_DONE or the error.
 */
static int
walk_paragraphs (sqlite3                   *db,
                 gboolean                   in_transaction,
                 const char                *sql,
                 const char                *match,
                 const gint64              *rows,
                 guint                      n_rows,
                 JjTextIndexParagraphFunc   func,
                 gpointer                   user_data)
{
  guint next_row = 0;
  gboolean own_transaction = FALSE;
  gboolean on_row = FALSE;
  gint64 at = 0;
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  gint64 date = 0;
  gint64 document_id = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT path, title, date FROM documents WHERE id = ?1",
                             -1, &document, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return rc;
    }
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  /* Rows looked up one by one: one read transaction for all of them. */
  if (rows != NULL && !in_transaction)
    own_transaction = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;

  for (;;)
    {
      gint64 id;
      JjTextIndexParagraph paragraph;
      if (rows != NULL)
        {
          /* The statement reads on from a row: a row a little further on
           * is stepped to, one far away looked up. A row gone is left out.
           */
          gboolean found = FALSE;

          while (!found && next_row < n_rows)
            {
              gint64 want = rows[next_row++];

              if (on_row && at <= want && want - at <= ROWS_STEPPED)
                {
                  while (on_row && at < want)
                    {
                      rc = sqlite3_step (stmt);
                      on_row = rc == SQLITE_ROW;
                      at = on_row ? sqlite3_column_int64 (stmt, 5) : 0;
                    }
                }
              else
                {
                  sqlite3_reset (stmt);
                  sqlite3_bind_int64 (stmt, 1, want);
                  rc = sqlite3_step (stmt);
                  on_row = rc == SQLITE_ROW;
                  at = on_row ? sqlite3_column_int64 (stmt, 5) : 0;
                }
              if (rc != SQLITE_ROW && rc != SQLITE_DONE)
                break;
              found = on_row && at == want;
            }
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            break;
          rc = found ? SQLITE_ROW : SQLITE_DONE;
        }
      else
        {
          rc = sqlite3_step (stmt);
        }
      if (rc != SQLITE_ROW)
        break;

      id = sqlite3_column_int64 (stmt, 0);

      if (id != document_id || path == NULL)
        {
          sqlite3_bind_int64 (document, 1, id);
          if (sqlite3_step (document) != SQLITE_ROW)
            {
              sqlite3_reset (document);
              continue;
            }
          g_free (path);
          g_free (title);
          path = g_strdup ((const char *)sqlite3_column_text (document, 0));
          title = g_strdup ((const char *)sqlite3_column_text (document, 1));
          date = sqlite3_column_int64 (document, 2);
          document_id = id;
          sqlite3_reset (document);
        }

      paragraph.document = document_id;
      paragraph.path = path;
      paragraph.title = title;
      paragraph.date = date;
      paragraph.start = sqlite3_column_int (stmt, 1);
      paragraph.section = (const char *)sqlite3_column_text (stmt, 2);
      paragraph.text = (const char *)sqlite3_column_text (stmt, 3);
      paragraph.plain = sqlite3_column_int (stmt, 4);

      if (!func (&paragraph, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (document);
  if (own_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return rc;
}

/* The error of a walk that ended with @rc on @db; a damaged index is
 * started anew. Called with the lock held.
 */
static void
walk_failed (JjTextIndex  *self,
             sqlite3      *db,
             int           rc,
             GError      **error)
{
  if (is_damage (rc))
    self->damaged = TRUE;
  g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DATABASE,
               _("The full-text index cannot be used (%s: %s). Delete it to have it built again."),
               "search", sqlite3_errmsg (db));
  if (self->damaged)
    {
      rebuild_locked (self);
      g_clear_error (error);
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DAMAGED,
                   _("The full-text index was damaged and has been started anew: search again once the speeches are indexed."));
    }
}

static gboolean
foreach_paragraph (JjTextIndex               *self,
                   const char                *sql,
                   const char                *match,
                   const gint64              *rows,
                   guint                      n_rows,
                   JjTextIndexParagraphFunc   func,
                   gpointer                   user_data,
                   GError                   **error)
{
  int rc;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  /* The lock keeps an update from starting the database anew under the
   * search. Paragraphs come by document: each document is read once.
   */
  g_mutex_lock (&self->lock);
  rc = walk_paragraphs (self->db, self->in_batch, sql, match, rows, n_rows, func, user_data);
  if (rc != SQLITE_DONE)
    walk_failed (self, self->db, rc, error);
  g_mutex_unlock (&self->lock);

  return rc == SQLITE_DONE;
}

typedef struct
{
  sqlite3                  *db;
  const gint64             *rows;
  guint                     n_rows;
  JjTextIndexParagraphFunc  func;
  gpointer                  user_data;
  int                       rc;
} Walk;

static gpointer
walk_thread (gpointer data)
{
  Walk *walk = data;

  walk->rc = walk_paragraphs (walk->db, FALSE, ROWS_SQL, NULL, walk->rows, walk->n_rows,
                              walk->func, walk->user_data);
  return NULL;
}

static sqlite3 *
open_reader (JjTextIndex *self)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (g_file_peek_path (self->file), &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  if (!register_tokenizer (db))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_exec (db, "PRAGMA cache_size=-16384; PRAGMA mmap_size=1073741824;", NULL, NULL, NULL);
  return db;
}

/**
 * jj_text_index_foreach_row_split:
 * @rows: paragraph ids (the rowids of the FTS table), in increasing order
 * @first_data: for the paragraphs of the first part of @rows
 * @second_data: for those of the second part, in another thread
 *
 * jj_text_index_foreach_row() in two threads, each with a connection of
 * its own, when @rows are many: every paragraph of the first part comes
 * before any of the second. Returns FALSE with @error set on failure.
 */
gboolean
jj_text_index_foreach_row_split (JjTextIndex               *self,
                                 const gint64              *rows,
                                 guint                      n_rows,
                                 JjTextIndexParagraphFunc   func,
                                 gpointer                   first_data,
                                 gpointer                   second_data,
                                 GError                   **error)
{
  Walk second = { NULL, NULL, 0, func, second_data, SQLITE_DONE };
  GThread *thread = NULL;
  guint n_first = n_rows;
  int rc;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  g_mutex_lock (&self->lock);
  /* What a batch has not committed yet only its own connection sees. */
  if (n_rows >= SPLIT_ROWS && !self->in_batch && g_get_num_processors () > 1)
    {
      if (self->reader == NULL)
        self->reader = open_reader (self);
      if (self->reader != NULL)
        {
          n_first = n_rows / 2;
          second.db = self->reader;
          second.rows = rows + n_first;
          second.n_rows = n_rows - n_first;
          thread = g_thread_new ("jj-text-index-rows", walk_thread, &second);
        }
    }
  rc = walk_paragraphs (self->db, self->in_batch, ROWS_SQL, NULL, rows, n_first, func, first_data);
  if (thread != NULL)
    g_thread_join (thread);
  if (rc != SQLITE_DONE)
    walk_failed (self, self->db, rc, error);
  else if (second.rc != SQLITE_DONE)
    walk_failed (self, second.db, second.rc, error);
  g_mutex_unlock (&self->lock);

  return rc == SQLITE_DONE && second.rc == SQLITE_DONE;
}

/* Whether the character at @p is 。！？； ! ? or ;, by its UTF-8 bytes. */
static inline gboolean
is_sentence_end_at (const char *p)
{
  const guchar *u = (const guchar *)p;

  switch (u[0])
    {
    case '!': case '?': case ';':
      return TRUE;
    case 0xe3:
      return u[1] == 0x80 && u[2] == 0x82;
    case 0xef:
      return u[1] == 0xbc && (u[2] == 0x81 || u[2] == 0x9f || u[2] == 0x9b);
    default:
      return FALSE;
    }
}

/**
 * jj_text_index_dup_context_at:
 * @hit: where the hit starts in @paragraph
 * @hit_last: where it ends
 * @n_hit: its length in characters
 *
 * jj_text_index_dup_context() of a hit whose place in @paragraph is known.
 */
char *
jj_text_index_dup_context_at (const char *paragraph,
                              const char *hit,
                              const char *hit_last,
                              guint       n_hit,
                              guint      *hit_start,
                              guint      *hit_end)
{
  const char *from = hit;
  const char *to = hit_last;
  guint before = 0;

  /* Back to the start of the sentence, or CONTEXT_CHARS characters. */
  while (from > paragraph && before < CONTEXT_CHARS)
    {
      const char *prev = from - 1;

      while (prev > paragraph && ((guchar)*prev & 0xc0) == 0x80)
        prev--;
      if (is_sentence_end_at (prev))
        break;
      from = prev;
      before++;
    }
  /* On to the end of the sentence, or CONTEXT_CHARS characters. */
  for (guint after = 0; *to != '\0' && after < CONTEXT_CHARS; after++)
    {
      gboolean end = is_sentence_end_at (to);

      to = g_utf8_next_char (to);
      if (end)
        break;
    }

  *hit_start = before;
  *hit_end = before + n_hit;
  return g_strndup (from, to - from);
}

/**
 * jj_text_index_dup_context:
 *
 * The sentence around [@start, @end) of @paragraph (code points), cut to
 * about CONTEXT_CHARS characters on either side.
 */
char *
jj_text_index_dup_context (const char *paragraph,
                           guint       start,
                           guint       end,
                           guint      *hit_start,
                           guint      *hit_end)
{
  const char *hit = g_utf8_offset_to_pointer (paragraph, start);
  const char *hit_last = g_utf8_offset_to_pointer (hit, end - start);

  return jj_text_index_dup_context_at (paragraph, hit, hit_last, end - start, hit_start, hit_end);
}

/**
 * jj_text_index_paragraph_fold:
 * @map: (out): NULL when the paragraph is plain (each character folds to
 *   one), else as jj_text_fold_with_map() gives it
 *
 * Returns: the folded text of @paragraph, in @owned or the paragraph's
 */
const char *
jj_text_index_paragraph_fold (const JjTextIndexParagraph  *paragraph,
                              GArray                     **map,
                              char                       **owned)
{
  *map = NULL;
  if (paragraph->plain)
    *owned = jj_text_fold (paragraph->text, -1);
  else
    *owned = jj_text_fold_with_map (paragraph->text, -1, map);
  return *owned;
}

typedef struct
{
  const char *query;       /* folded */
  gsize       query_bytes;
  guint       query_chars;
  gboolean    all_words;   /* the query is letters, digits and ideographs only */
  guint       limit;
  GPtrArray  *hits;
} Search;

static gboolean
search_paragraph (const JjTextIndexParagraph *paragraph,
                  gpointer                    user_data)
{
  Search *search = user_data;
  g_autoptr(GArray) map = NULL;
  g_autofree char *owned = NULL;
  const char *folded;
  const char *from;
  const char *counted;
  guint offset = 0;
  const char *found;

  /* In a plain paragraph, letters and ideographs are their own fold. */
  if (paragraph->plain && search->all_words && strstr (paragraph->text, search->query) == NULL)
    return TRUE;

  folded = jj_text_index_paragraph_fold (paragraph, &map, &owned);
  from = folded;
  counted = folded;

  while ((found = strstr (from, search->query)) != NULL)
    {
      JjTextHit *hit = g_new0 (JjTextHit, 1);
      guint start, end;

      offset += g_utf8_strlen (counted, found - counted);
      counted = found;
      start = map_offset (map, offset);
      end = map_offset (map, offset + search->query_chars - 1) + 1;

      hit->path = g_strdup (paragraph->path);
      hit->title = g_strdup (paragraph->title);
      hit->date = paragraph->date;
      hit->section = g_strdup (paragraph->section);
      hit->start = paragraph->start + start;
      hit->end = paragraph->start + end;
      hit->context = jj_text_index_dup_context (paragraph->text, start, end,
                                                &hit->context_hit_start, &hit->context_hit_end);
      g_ptr_array_add (search->hits, hit);
      if (search->limit > 0 && search->hits->len >= search->limit)
        return FALSE;

      from = found + search->query_bytes;
    }

  return TRUE;
}

/**
 * jj_text_index_search:
 * @query: a word or phrase, folded as the library search folds
 * @limit: the most hits returned, 0 for all
 *
 * Returns: (transfer full) (element-type JjTextHit): every occurrence of
 *   @query, by document and in text order; matches do not overlap
 */
GPtrArray *
jj_text_index_search (JjTextIndex  *self,
                      const char   *query,
                      guint         limit,
                      GError      **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify)jj_text_hit_free);
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *match = NULL;
  Search search;

  g_return_val_if_fail (JJ_IS_TEXT_INDEX (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stripped = g_strstrip (g_strdup (query));
  folded = jj_text_fold (stripped, -1);
  match = jj_text_index_match_for_phrase (folded);
  if (match == NULL)
    {
      g_set_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_QUERY,
                   _("Search for at least one letter, digit or Chinese character."));
      return NULL;
    }

  search.query = folded;
  search.query_bytes = strlen (folded);
  search.query_chars = g_utf8_strlen (folded, -1);
  search.all_words = TRUE;
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    search.all_words = search.all_words && jj_text_is_word_char (g_utf8_get_char (p));
  search.limit = limit;
  search.hits = hits;

  /* One character is a prefix query over every pair it starts, slow for
   * a common character; but then the first hits are near: look for them
   * in the first paragraphs before asking the index.
   */
  if (search.query_chars == 1 && limit > 0)
    {
      if (!foreach_paragraph (self,
                              "SELECT document, start, section, text, plain FROM paragraphs"
                              " ORDER BY id LIMIT " G_STRINGIFY (SCAN_PARAGRAPHS),
                              NULL, NULL, 0, search_paragraph, &search, error))
        return NULL;
      if (hits->len >= limit)
        return g_steal_pointer (&hits);
      g_ptr_array_set_size (hits, 0);
    }

  if (!jj_text_index_foreach_match (self, match, search_paragraph, &search, error))
    return NULL;

  return g_steal_pointer (&hits);
}
