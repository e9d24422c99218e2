/* jj-file-lock.h — writers of a folder's marks exclude each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JJ_FILE_LOCK_DEFAULT_TIMEOUT 5000

typedef struct _JjFileLock JjFileLock;

JjFileLock *jj_file_lock_acquire   (const char    *path,
                                    guint          timeout_ms,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean    jj_file_lock_get_held  (JjFileLock    *self);
void        jj_file_lock_release   (JjFileLock    *self);
guint       jj_file_lock_get_default_timeout (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjFileLock, jj_file_lock_release)

G_END_DECLS
