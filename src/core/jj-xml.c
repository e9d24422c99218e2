/* jj-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "jj-document.h"
#include "jj-xml.h"

static gboolean
has_doctype (const char *data,
             gsize       n_bytes)
{
  /* a declaration must come before the root element, at the start */
  gsize n = MIN (n_bytes, 4096);
  const char *root = NULL;

  for (gsize i = 0; i + 1 < n; i++)
    {
      if (data[i] == '<' && data[i + 1] == '!' && i + 9 <= n_bytes &&
          g_ascii_strncasecmp (data + i, "<!DOCTYPE", 9) == 0)
        return TRUE;
      if (data[i] == '<' && (g_ascii_isalpha (data[i + 1]) || data[i + 1] == '_'))
        {
          root = data + i;
          break;
        }
    }

  return root == NULL && n < n_bytes && g_strstr_len (data, n_bytes, "<!DOCTYPE") != NULL;
}

xmlDoc *
jj_xml_read_part (JjZip       *zip,
                  const char  *name,
                  gboolean     optional,
                  GError     **error)
{
  g_autofree char *data = NULL;
  gsize n_bytes = 0;
  xmlDoc *doc;

  if (optional && !jj_zip_has_entry (zip, name))
    return NULL;

  data = jj_zip_read (zip, name, JJ_ZIP_MAX_ENTRY_SIZE, &n_bytes, error);
  if (data == NULL)
    return NULL;

  if (has_doctype (data, n_bytes))
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("the part “%s” contains a document type declaration, which documents never have."),
                   name);
      return NULL;
    }

  doc = xmlReadMemory (data, n_bytes, name, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("the part “%s” is not well-formed XML."), name);
      return NULL;
    }

  return doc;
}

gboolean
jj_xml_is (xmlNode    *node,
           const char *ns,
           const char *local_name)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         strcmp ((const char *)node->name, local_name) == 0 &&
         strcmp ((const char *)node->ns->href, ns) == 0;
}

char *
jj_xml_get_attr (xmlNode    *node,
                 const char *ns,
                 const char *local_name)
{
  xmlChar *value = ns ? xmlGetNsProp (node, (const xmlChar *)local_name, (const xmlChar *)ns)
                     : xmlGetNoNsProp (node, (const xmlChar *)local_name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *)value);
  xmlFree (value);

  return copy;
}

xmlNode *
jj_xml_child (xmlNode    *node,
              const char *ns,
              const char *local_name)
{
  if (node == NULL)
    return NULL;

  for (xmlNode *c = node->children; c; c = c->next)
    if (jj_xml_is (c, ns, local_name))
      return c;

  return NULL;
}
