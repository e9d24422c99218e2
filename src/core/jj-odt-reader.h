/* jj-odt-reader.h — the text of an OpenDocument text (.odt) document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jj-zip.h"

G_BEGIN_DECLS

char *jj_odt_reader_read (JjZip    *zip,
                          GArray   *hints,
                          gsize    *n_bytes,
                          GError  **error);

G_END_DECLS
