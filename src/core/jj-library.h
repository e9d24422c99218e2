/* jj-library.h — every marked passage of every known speech
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-library-query.h"
#include "jj-passage.h"

G_BEGIN_DECLS

#define JJ_LIBRARY_ERROR (jj_library_error_quark ())

typedef enum
{
  JJ_LIBRARY_ERROR_UNKNOWN_DOCUMENT,
  JJ_LIBRARY_ERROR_RELOCATE,
} JjLibraryError;

#define JJ_TYPE_LIBRARY (jj_library_get_type ())

G_DECLARE_FINAL_TYPE (JjLibrary, jj_library, JJ, LIBRARY, GObject)

GQuark            jj_library_error_quark          (void);

JjLibrary        *jj_library_new                  (GFile           *index_file);
GFile            *jj_library_get_index_file       (JjLibrary       *self);

gboolean          jj_library_load                 (JjLibrary       *self,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
void              jj_library_load_async           (JjLibrary       *self,
                                                   GCancellable    *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer         user_data);
gboolean          jj_library_load_finish          (JjLibrary       *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);
gboolean          jj_library_refresh              (JjLibrary       *self,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
gboolean          jj_library_save_index           (JjLibrary       *self,
                                                   GError         **error);

void              jj_library_add_folder           (JjLibrary       *self,
                                                   GFile           *folder);
void              jj_library_remove_folder        (JjLibrary       *self,
                                                   GFile           *folder);
char            **jj_library_dup_folders          (JjLibrary       *self);
void              jj_library_add_document         (JjLibrary       *self,
                                                   GFile           *document,
                                                   GFile           *sidecar,
                                                   const char      *title);
gboolean          jj_library_relocate             (JjLibrary       *self,
                                                   const char      *old_path,
                                                   GFile           *new_location,
                                                   GError         **error);

GListModel       *jj_library_get_passages         (JjLibrary       *self);
guint             jj_library_get_n_passages       (JjLibrary       *self);
GPtrArray        *jj_library_search               (JjLibrary       *self,
                                                   JjLibraryQuery  *query);
char            **jj_library_dup_tags             (JjLibrary       *self);
char            **jj_library_dup_authors          (JjLibrary       *self);

guint             jj_library_get_n_documents      (JjLibrary       *self);
char            **jj_library_dup_document_paths   (JjLibrary       *self);
char             *jj_library_dup_document_title   (JjLibrary       *self,
                                                   const char      *path);
JjDocumentStatus  jj_library_get_document_status  (JjLibrary       *self,
                                                   const char      *path);
const char       *jj_library_get_moved_from       (JjLibrary       *self,
                                                   const char      *path);

G_END_DECLS
