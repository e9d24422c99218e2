/* jj-xml.h — safe parsing of the XML parts of documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "jj-zip.h"

G_BEGIN_DECLS

/* Parses a part of @zip without network, external entities or DTD
 * loading. Parts with a document type declaration are refused: no word
 * processor writes one, and it is how entity attacks come in.
 * Returns NULL with @error set; when @optional and the part is missing,
 * returns NULL without error.
 */
xmlDoc     *jj_xml_read_part    (JjZip       *zip,
                                 const char  *name,
                                 gboolean     optional,
                                 GError     **error);
gboolean    jj_xml_is           (xmlNode     *node,
                                 const char  *ns,
                                 const char  *local_name);
/* The value of the attribute @local_name in @ns, or NULL (free with g_free). */
char       *jj_xml_get_attr     (xmlNode     *node,
                                 const char  *ns,
                                 const char  *local_name);
xmlNode    *jj_xml_child        (xmlNode     *node,
                                 const char  *ns,
                                 const char  *local_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
