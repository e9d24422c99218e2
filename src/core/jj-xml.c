/* jj-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "jj-document.h"
#include "jj-xml.h"

/* Budgets while parsing: no speech comes near them, and they keep the
 * tree of a hostile part small. Each element, attribute and piece of
 * text counts as a node; text can never be longer than the input when
 * nothing is expanded (UTF-16 input grows by half in UTF-8).
 */
#define MAX_NODES 500000
#define MAX_DEPTH 200
/* libxml2 2.9 compares each attribute of an element with all before it:
 * 40,000 on one element take half a minute.
 */
#define MAX_ATTRIBUTES 256

typedef enum
{
  REFUSAL_NONE,
  REFUSAL_DTD,
  REFUSAL_NODES,
  REFUSAL_DEPTH,
  REFUSAL_TEXT,
  REFUSAL_ATTRIBUTES,
  REFUSAL_ENCODING,
} Refusal;

typedef struct
{
  xmlParserCtxt *ctxt;
  xmlSAXHandler  saved;
  gboolean       html;
  guint          n_nodes;
  guint          max_nodes;
  guint          depth;
  gsize          n_text;
  gsize          max_text;
  Refusal        refusal;
} Budget;

static void
refuse (Budget  *b,
        Refusal  refusal)
{
  if (b->refusal == REFUSAL_NONE)
    b->refusal = refusal;
  xmlStopParser (b->ctxt);
}

static Budget *
budget_of (void *ctx)
{
  return ((xmlParserCtxt *)ctx)->_private;
}

static gboolean
count_nodes (Budget *b,
             guint   n)
{
  b->n_nodes += n;
  if (b->n_nodes > b->max_nodes)
    {
      refuse (b, REFUSAL_NODES);
      return FALSE;
    }

  return TRUE;
}

static gboolean
enter (Budget *b,
       guint   n_attributes)
{
  if (++b->depth > MAX_DEPTH)
    {
      refuse (b, REFUSAL_DEPTH);
      return FALSE;
    }

  return count_nodes (b, 1 + n_attributes);
}

static void
budget_start_ns (void           *ctx,
                 const xmlChar  *localname,
                 const xmlChar  *prefix,
                 const xmlChar  *uri,
                 int             n_namespaces,
                 const xmlChar **namespaces,
                 int             n_attributes,
                 int             n_defaulted,
                 const xmlChar **attributes)
{
  Budget *b = budget_of (ctx);

  if (enter (b, (guint)MAX (n_attributes, 0)))
    b->saved.startElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces,
                             n_attributes, n_defaulted, attributes);
}

static void
budget_end_ns (void          *ctx,
               const xmlChar *localname,
               const xmlChar *prefix,
               const xmlChar *uri)
{
  Budget *b = budget_of (ctx);

  b->depth--;
  b->saved.endElementNs (ctx, localname, prefix, uri);
}

static void
budget_start (void           *ctx,
              const xmlChar  *name,
              const xmlChar **attributes)
{
  Budget *b = budget_of (ctx);
  guint n_attributes = 0;

  for (const xmlChar **a = attributes; a != NULL && a[0] != NULL; a += 2)
    n_attributes++;
  if (enter (b, n_attributes))
    b->saved.startElement (ctx, name, attributes);
}

static void
budget_end (void          *ctx,
            const xmlChar *name)
{
  Budget *b = budget_of (ctx);

  if (b->depth > 0)
    b->depth--;
  b->saved.endElement (ctx, name);
}

static gboolean
count_text (Budget *b,
            int     n_bytes)
{
  b->n_text += (gsize)MAX (n_bytes, 0);
  if (b->n_text > b->max_text)
    {
      refuse (b, REFUSAL_TEXT);
      return FALSE;
    }

  return count_nodes (b, 1);
}

static void
budget_characters (void          *ctx,
                   const xmlChar *text,
                   int            n_bytes)
{
  Budget *b = budget_of (ctx);

  if (count_text (b, n_bytes))
    b->saved.characters (ctx, text, n_bytes);
}

static void
budget_whitespace (void          *ctx,
                   const xmlChar *text,
                   int            n_bytes)
{
  Budget *b = budget_of (ctx);

  if (count_text (b, n_bytes) && b->saved.ignorableWhitespace != NULL)
    b->saved.ignorableWhitespace (ctx, text, n_bytes);
}

static void
budget_cdata (void          *ctx,
              const xmlChar *text,
              int            n_bytes)
{
  Budget *b = budget_of (ctx);

  if (count_text (b, n_bytes) && b->saved.cdataBlock != NULL)
    b->saved.cdataBlock (ctx, text, n_bytes);
}

static void
budget_comment (void          *ctx,
                const xmlChar *text)
{
  Budget *b = budget_of (ctx);

  if (count_text (b, (int)MIN (strlen ((const char *)text), G_MAXINT)) && b->saved.comment != NULL)
    b->saved.comment (ctx, text);
}

static void
budget_pi (void          *ctx,
           const xmlChar *target,
           const xmlChar *data)
{
  Budget *b = budget_of (ctx);

  if (count_nodes (b, 1) && b->saved.processingInstruction != NULL)
    b->saved.processingInstruction (ctx, target, data);
}

/* A DOCTYPE is where entities and external references come from: the
 * parser stops at it, whatever the encoding or what comes before it.
 */
static void
refuse_subset (void          *ctx,
               const xmlChar *name,
               const xmlChar *external_id,
               const xmlChar *system_id)
{
  refuse (budget_of (ctx), REFUSAL_DTD);
}

static void
refuse_entity_decl (void          *ctx,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  refuse (budget_of (ctx), REFUSAL_DTD);
}

static void
refuse_reference (void          *ctx,
                  const xmlChar *name)
{
  refuse (budget_of (ctx), REFUSAL_DTD);
}

static void
silent (void       *ctx,
        const char *msg,
        ...)
{
}

static void
budget_begin (Budget        *b,
              xmlParserCtxt *ctxt,
              gsize          n_bytes,
              gboolean       html)
{
  xmlSAXHandler *sax = ctxt->sax;

  memset (b, 0, sizeof *b);
  b->ctxt = ctxt;
  b->html = html;
  b->max_nodes = (guint)MIN ((gsize)MAX_NODES, 1024 + n_bytes / 4);
  b->max_text = 1024 + n_bytes + n_bytes / 2;
  b->saved = *sax;
  ctxt->_private = b;

  if (html)
    {
      sax->startElement = budget_start;
      sax->endElement = budget_end;
    }
  else
    {
      sax->startElementNs = budget_start_ns;
      sax->endElementNs = budget_end_ns;
      sax->internalSubset = refuse_subset;
      sax->externalSubset = refuse_subset;
      sax->entityDecl = refuse_entity_decl;
      sax->reference = refuse_reference;
    }
  sax->characters = budget_characters;
  sax->ignorableWhitespace = budget_whitespace;
  sax->cdataBlock = budget_cdata;
  sax->comment = budget_comment;
  sax->processingInstruction = budget_pi;
  sax->warning = silent;
  sax->error = silent;
  sax->fatalError = silent;

}

/* Counts the attributes of each start tag before libxml2 sees them. In
 * XML a "<" never stands in text or a value, so start tags are found
 * reliably in any encoding libxml2 reads; UTF-16 and UCS-4 are read unit
 * by unit. EBCDIC, which no document uses, is refused.
 */
static Refusal
check_attributes (const guchar *data,
                  gsize         n_bytes)
{
  xmlCharEncoding encoding = n_bytes >= 4 ? xmlDetectCharEncoding (data, 4) : XML_CHAR_ENCODING_NONE;
  guint width = 1;
  gboolean big_endian = FALSE;
  gboolean in_tag = FALSE;
  guint32 quote = 0;
  guint n_attributes = 0;

  switch (encoding)
    {
    case XML_CHAR_ENCODING_UTF16LE:
      width = 2;
      break;
    case XML_CHAR_ENCODING_UTF16BE:
      width = 2;
      big_endian = TRUE;
      break;
    case XML_CHAR_ENCODING_UCS4LE:
      width = 4;
      break;
    case XML_CHAR_ENCODING_UCS4BE:
      width = 4;
      big_endian = TRUE;
      break;
    case XML_CHAR_ENCODING_NONE:
    case XML_CHAR_ENCODING_UTF8:
      break;
    default:
      return REFUSAL_ENCODING;
    }

  for (gsize i = 0; i + width <= n_bytes; i += width)
    {
      guint32 c = 0;

      for (guint k = 0; k < width; k++)
        c |= (guint32)data[i + k] << (8 * (big_endian ? width - 1 - k : k));

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
        }
      else if (in_tag)
        {
          if (c == '>')
            in_tag = FALSE;
          else if (c == '"' || c == '\'')
            quote = c;
          else if (c == '=' && ++n_attributes > MAX_ATTRIBUTES)
            return REFUSAL_ATTRIBUTES;
        }
      else if (c == '<' && i + 2 * width <= n_bytes)
        {
          guint32 next = 0;

          for (guint k = 0; k < width; k++)
            next |= (guint32)data[i + width + k] << (8 * (big_endian ? width - 1 - k : k));
          in_tag = next >= 0x80 || g_ascii_isalpha ((char)next) || next == '_' || next == ':';
          n_attributes = 0;
        }
    }

  return REFUSAL_NONE;
}

/* Fed piece by piece, the input is never copied whole, and the parser
 * stops at the first piece past a budget.
 */
static void
budget_feed (Budget     *b,
             const char *data,
             gsize       n_bytes)
{
  const gsize piece = 64 * 1024;

  for (gsize offset = 0; offset < n_bytes; offset += piece)
    {
      int n = (int)MIN (piece, n_bytes - offset);

      if (b->html)
        htmlParseChunk (b->ctxt, data + offset, n, 0);
      else
        xmlParseChunk (b->ctxt, data + offset, n, 0);
      if (b->refusal != REFUSAL_NONE || b->ctxt->disableSAX)
        return;
    }
  if (b->html)
    htmlParseChunk (b->ctxt, NULL, 0, 1);
  else
    xmlParseChunk (b->ctxt, NULL, 0, 1);
}

/* What the tree holds, checked again after parsing: no DTD, no entity
 * declaration or reference anywhere, and no more nodes or depth than the
 * budget.
 */
static Refusal
check_tree (xmlDoc *doc,
            Budget *b)
{
  guint n_nodes = 0;
  guint depth = 0;
  xmlNode *node;

  if (!b->html && (doc->intSubset != NULL || doc->extSubset != NULL))
    return REFUSAL_DTD;
  if (doc->intSubset != NULL &&
      (doc->intSubset->entities != NULL || doc->intSubset->pentities != NULL ||
       doc->intSubset->children != NULL))
    return REFUSAL_DTD;
  if (doc->extSubset != NULL)
    return REFUSAL_DTD;

  node = doc->children;
  while (node != NULL)
    {
      switch (node->type)
        {
        case XML_ENTITY_REF_NODE:
        case XML_ENTITY_NODE:
        case XML_ENTITY_DECL:
          return REFUSAL_DTD;
        default:
          break;
        }
      if (++n_nodes > b->max_nodes)
        return REFUSAL_NODES;

      if (node->type != XML_DTD_NODE && node->children != NULL)
        {
          if (++depth > MAX_DEPTH)
            return REFUSAL_DEPTH;
          node = node->children;
          continue;
        }
      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == (xmlNode *)doc)
            return REFUSAL_NONE;
          depth--;
        }
      if (node != NULL)
        node = node->next;
    }

  return REFUSAL_NONE;
}

static void
set_refusal_error (Refusal      refusal,
                   const char  *part,
                   GError     **error)
{
  switch (refusal)
    {
    case REFUSAL_DTD:
      if (part != NULL)
        g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                     _("the part “%s” contains a document type declaration, which documents never have."),
                     part);
      else
        g_set_error_literal (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                             _("the web page declares its own entities, which web pages never do."));
      break;
    case REFUSAL_NODES:
      if (part != NULL)
        g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE,
                     _("the part “%s” has more than %u elements, far more than any speech; it was not read."),
                     part, (guint)MAX_NODES);
      else
        g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE,
                     _("the web page has more than %u elements, far more than any speech; it was not read."),
                     (guint)MAX_NODES);
      break;
    case REFUSAL_DEPTH:
      if (part != NULL)
        g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                     _("the part “%s” nests elements more than %u deep; it was not read."),
                     part, (guint)MAX_DEPTH);
      else
        g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                     _("the web page nests elements more than %u deep; it was not read."),
                     (guint)MAX_DEPTH);
      break;
    case REFUSAL_TEXT:
      if (part != NULL)
        g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                     _("the part “%s” holds more text than its size allows; it was not read."),
                     part);
      else
        g_set_error_literal (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                             _("the web page holds more text than its size allows; it was not read."));
      break;
    case REFUSAL_ATTRIBUTES:
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("the part “%s” has an element with more than %u attributes; it was not read."),
                   part, (guint)MAX_ATTRIBUTES);
      break;
    case REFUSAL_ENCODING:
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("the part “%s” is in an encoding documents never use; it was not read."),
                   part);
      break;
    case REFUSAL_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Ends a parse begun with budget_begin(): the document, or NULL with
 * @error set.
 */
static xmlDoc *
budget_end_parse (Budget      *b,
                  const char  *part,
                  GError     **error)
{
  xmlParserCtxt *ctxt = b->ctxt;
  xmlDoc *doc = ctxt->myDoc;
  Refusal refusal = b->refusal;

  ctxt->myDoc = NULL;
  if (refusal == REFUSAL_NONE && doc != NULL &&
      (b->html || ctxt->wellFormed) && xmlDocGetRootElement (doc) != NULL)
    refusal = check_tree (doc, b);
  else if (refusal == REFUSAL_NONE)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      if (part != NULL)
        g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                     _("the part “%s” is not well-formed XML."), part);
      else
        g_set_error_literal (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                             _("the web page cannot be read."));
    }

  if (refusal != REFUSAL_NONE)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      set_refusal_error (refusal, part, error);
    }

  ctxt->_private = NULL;
  if (b->html)
    htmlFreeParserCtxt (ctxt);
  else
    xmlFreeParserCtxt (ctxt);

  return doc;
}

xmlDoc *
jj_xml_read_memory (const char  *data,
                    gsize        n_bytes,
                    const char  *part,
                    GError     **error)
{
  xmlParserCtxt *ctxt;
  Budget b;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (part != NULL, NULL);

  ctxt = xmlCreatePushParserCtxt (NULL, NULL, NULL, 0, part);
  if (ctxt == NULL)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("the part “%s” is not well-formed XML."), part);
      return NULL;
    }
  /* Never XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: libxml2's own limits
   * stay on.
   */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  budget_begin (&b, ctxt, n_bytes, FALSE);
  b.refusal = check_attributes ((const guchar *)data, n_bytes);
  if (b.refusal == REFUSAL_NONE)
    budget_feed (&b, data, n_bytes);

  return budget_end_parse (&b, part, error);
}

xmlDoc *
jj_xml_read_html (const char  *utf8,
                  gsize        n_bytes,
                  GError     **error)
{
  htmlParserCtxtPtr ctxt;
  xmlParserInputBuffer *buffer;
  xmlParserInput *input;
  Budget b;

  g_return_val_if_fail (utf8 != NULL || n_bytes == 0, NULL);

  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                           _("the web page cannot be read."));
      return NULL;
    }
  htmlCtxtUseOptions (ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC);
  budget_begin (&b, ctxt, n_bytes, TRUE);
  /* Not the push parser, which reads broken pages differently, and not a
   * static buffer, whose end libxml2 2.9 loses.
   */
  buffer = xmlParserInputBufferCreateMem (utf8 ? utf8 : "", (int)MIN (n_bytes, G_MAXINT),
                                          XML_CHAR_ENCODING_NONE);
  input = xmlNewIOInputStream (ctxt, buffer, XML_CHAR_ENCODING_NONE);
  inputPush (ctxt, input);
  /* The text is UTF-8 already, whatever the page says. */
  xmlSwitchEncoding (ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument (ctxt);

  return budget_end_parse (&b, NULL, error);
}

xmlDoc *
jj_xml_read_part (JjZip       *zip,
                  const char  *name,
                  gboolean     optional,
                  GError     **error)
{
  g_autofree char *data = NULL;
  gsize n_bytes = 0;

  if (optional && !jj_zip_has_entry (zip, name))
    return NULL;

  data = jj_zip_read (zip, name, JJ_ZIP_MAX_ENTRY_SIZE, &n_bytes, error);
  if (data == NULL)
    return NULL;

  return jj_xml_read_memory (data, n_bytes, name, error);
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
