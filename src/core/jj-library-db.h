/* jj-library-db.h — the library's tables in the full-text index's database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _JjLibraryDb JjLibraryDb;

typedef enum
{
  JJ_LIBRARY_DB_SELECT_FOLDERS,
  JJ_LIBRARY_DB_SELECT_DOCUMENTS,
  JJ_LIBRARY_DB_SELECT_PASSAGES,
  JJ_LIBRARY_DB_DELETE_FOLDERS,
  JJ_LIBRARY_DB_INSERT_FOLDER,
  JJ_LIBRARY_DB_DELETE_DOCUMENT,
  JJ_LIBRARY_DB_DELETE_PASSAGES,
  JJ_LIBRARY_DB_INSERT_DOCUMENT,
  JJ_LIBRARY_DB_INSERT_PASSAGE,
  JJ_LIBRARY_DB_N_STATEMENTS
} JjLibraryDbStatement;

JjLibraryDb  *jj_library_db_open          (GFile                 *file,
                                           GError               **error);
void          jj_library_db_close         (JjLibraryDb           *db);
gboolean      jj_library_db_get_was_reset (JjLibraryDb           *db);
sqlite3_stmt *jj_library_db_statement     (JjLibraryDb           *db,
                                           JjLibraryDbStatement   which);
gboolean      jj_library_db_exec          (JjLibraryDb           *db,
                                           const char            *sql,
                                           GError               **error);
gboolean      jj_library_db_reset         (JjLibraryDb           *db,
                                           GError               **error);
void          jj_library_db_set_error     (JjLibraryDb           *db,
                                           int                    rc,
                                           GError               **error);
gboolean      jj_library_db_is_damage     (int                    rc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjLibraryDb, jj_library_db_close)

G_END_DECLS
