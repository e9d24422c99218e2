/* jj-zip.h — reading parts of a ZIP package (docx, odt) safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* No part of a document is read past this size: a larger one is refused. */
#define JJ_ZIP_MAX_ENTRY_SIZE (64 * 1024 * 1024)

typedef struct _JjZip JjZip;

/* Checks the archive's entry names; refuses names that are absolute or
 * climb out with "..". @data must stay valid while the JjZip is used.
 */
JjZip    *jj_zip_new        (const char  *data,
                             gsize        n_bytes,
                             GError     **error);
void      jj_zip_free       (JjZip       *self);
gboolean  jj_zip_has_entry  (JjZip       *self,
                             const char  *name);
/* Returns the contents NUL-terminated, or NULL with @error set when the
 * entry is missing, damaged or larger than @max_size.
 */
char     *jj_zip_read       (JjZip       *self,
                             const char  *name,
                             gsize        max_size,
                             gsize       *n_bytes,
                             GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjZip, jj_zip_free)

G_END_DECLS
