/* jj-atomic-file.h — replacing a file so that a crash leaves the old or the new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *jj_atomic_file_dup_backup_path (const char  *path);
gboolean  jj_atomic_file_write           (const char  *path,
                                          const char  *data,
                                          gsize        length,
                                          gboolean     make_backup,
                                          GError     **error);

G_END_DECLS
