/* jj-atomic-file.h — replacing a file so that a crash leaves the old or the new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

typedef struct _JjAtomicFile JjAtomicFile;

char         *jj_atomic_file_dup_backup_path (const char    *path);
gboolean      jj_atomic_file_write           (const char    *path,
                                              const char    *data,
                                              gsize          length,
                                              gboolean       make_backup,
                                              GError       **error);

gboolean      jj_atomic_file_write_full      (const char    *path,
                                              const char    *data,
                                              gsize          length,
                                              gboolean       make_backup,
                                              int            mode,
                                              GError       **error);

JjAtomicFile *jj_atomic_file_begin           (const char    *path,
                                              gboolean       make_backup,
                                              GError       **error);
JjAtomicFile *jj_atomic_file_begin_full      (const char    *path,
                                              gboolean       make_backup,
                                              int            mode,
                                              GError       **error);
gboolean      jj_atomic_file_append          (JjAtomicFile  *self,
                                              const char    *data,
                                              gsize          length,
                                              GError       **error);
gboolean      jj_atomic_file_same_status     (const GStatBuf *a,
                                              const GStatBuf *b);
gboolean      jj_atomic_file_commit_checked  (JjAtomicFile   *self,
                                              const GStatBuf *expected,
                                              GStatBuf       *written,
                                              GError        **error);
gboolean      jj_atomic_file_commit          (JjAtomicFile  *self,
                                              GError       **error);
void          jj_atomic_file_abort           (JjAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjAtomicFile, jj_atomic_file_abort)

G_END_DECLS
