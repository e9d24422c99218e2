/* jj-legacy-doc.h — Word 97–2003 documents, through LibreOffice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  jj_legacy_doc_can_convert (void);
/* Whether LibreOffice runs in namespaces of its own, without a network. */
gboolean  jj_legacy_doc_is_sandboxed (void);

/* Converts a .doc to .docx with LibreOffice in the background; without
 * LibreOffice, fails with JJ_DOCUMENT_ERROR_NEEDS_CONVERTER and a message
 * that says how to open the file.
 */
GBytes   *jj_legacy_doc_convert     (const char    *data,
                                     gsize          n_bytes,
                                     const char    *display_name,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
