/* jj-xml.h — safe parsing of the XML parts of documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "jj-zip.h"

G_BEGIN_DECLS

/* Parses XML without network, external entities or DTD loading, with
 * libxml2's limits on. A document type declaration, an entity declaration
 * or reference is refused, whatever the encoding: no word processor
 * writes one, and it is how entity attacks come in. The parser stops,
 * with a JJ_DOCUMENT_ERROR, past budgets of nodes, depth and text that
 * follow the size of the input. @part names the input in messages.
 */
xmlDoc     *jj_xml_read_memory  (const char  *data,
                                 gsize        n_bytes,
                                 const char  *part,
                                 GError     **error);
/* The same for a web page already decoded to UTF-8, with libxml2's HTML
 * parser: a DOCTYPE is allowed, entities it declares are not.
 */
xmlDoc     *jj_xml_read_html    (const char  *utf8,
                                 gsize        n_bytes,
                                 GError     **error);
/* jj_xml_read_memory() on a part of @zip. Returns NULL with @error set;
 * when @optional and the part is missing, returns NULL without error.
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
