/* jj-sidecar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/chvalid.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "jj-atomic-file.h"
#include "jj-mark-private.h"
#include "jj-sidecar.h"

#define MAX_SIDECAR_SIZE (256 * 1024 * 1024)
#define NS ((const xmlChar *)JJ_SIDECAR_NAMESPACE)
#define X(s) ((const xmlChar *)(s))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

G_DEFINE_QUARK (jj-sidecar-error-quark, jj_sidecar_error)

static const char * const mark_attributes[] = { "id", "kind", "color", "author", "created", "modified", NULL };
static const char * const mark_children[] = { "target", "tag", "note", NULL };
static const char * const target_attributes[] = { "start", "end", "section", NULL };
static const char * const target_children[] = { "prefix", "quote", "suffix", NULL };
static const char * const root_attributes[] = { "version", NULL };
static const char * const root_children[] = { "document", "mark", "tombstone", NULL };

JjSidecar *
jj_sidecar_new (void)
{
  JjSidecar *self = g_new0 (JjSidecar, 1);

  self->marks = g_ptr_array_new_with_free_func (g_object_unref);
  self->version = JJ_SIDECAR_VERSION;

  return self;
}

void
jj_sidecar_free (JjSidecar *self)
{
  if (self == NULL)
    return;

  g_free (self->fingerprint);
  g_ptr_array_unref (self->marks);
  if (self->extra != NULL)
    xmlFreeNode (self->extra);
  g_free (self);
}

JjMark *
jj_sidecar_lookup (JjSidecar  *self,
                   const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->marks->len; i++)
    {
      JjMark *mark = g_ptr_array_index (self->marks, i);

      if (g_str_equal (jj_mark_get_id (mark), id))
        return mark;
    }

  return NULL;
}

static gboolean
is_ours (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL && xmlStrEqual (node->ns->href, NS);
}

static gboolean
is_known (xmlNode            *node,
          const char * const *names)
{
  return is_ours (node) && g_strv_contains (names, (const char *)node->name);
}

static gboolean
is_known_attribute (xmlAttr            *attr,
                    const char * const *names)
{
  return attr->ns == NULL && g_strv_contains (names, (const char *)attr->name);
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, X (name));
  char *ret;

  if (value == NULL)
    return NULL;

  ret = g_strdup ((const char *)value);
  xmlFree (value);

  return ret;
}

static char *
dup_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *ret = g_strdup (value != NULL ? (const char *)value : "");

  xmlFree (value);

  return ret;
}

static gboolean
parse_uint (const char *str,
            guint      *out)
{
  guint64 v;

  if (str == NULL || !g_ascii_string_to_unsigned (str, 10, 0, G_MAXUINT, &v, NULL))
    return FALSE;

  *out = (guint)v;
  return TRUE;
}

static GDateTime *
parse_time (const char *str)
{
  if (str == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (str, NULL);
}

static gboolean
has_unknown (xmlNode            *node,
             const char * const *attributes,
             const char * const *children)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (!is_known_attribute (attr, attributes))
      return TRUE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !is_known (child, children))
      return TRUE;

  return FALSE;
}

static JjMark *
parse_tombstone (xmlNode *node)
{
  g_autofree char *id = dup_attribute (node, "id");
  g_autofree char *modified_str = dup_attribute (node, "modified");
  g_autoptr(GDateTime) modified = parse_time (modified_str);
  JjMark *mark;

  if (id == NULL || *id == '\0' || modified == NULL)
    return NULL;

  mark = jj_mark_new_with_id (id);
  jj_mark_set_created (mark, modified);
  jj_mark_set_modified (mark, modified);
  jj_mark_set_deleted (mark, TRUE);

  return mark;
}

/* Lenient: what a mark needs is an id, a kind, a time and a quote; an
 * unreadable position is left to re-anchoring.
 */
static JjMark *
parse_mark (xmlNode *node)
{
  g_autofree char *id = dup_attribute (node, "id");
  g_autofree char *kind = dup_attribute (node, "kind");
  g_autofree char *color = dup_attribute (node, "color");
  g_autofree char *author = dup_attribute (node, "author");
  g_autofree char *created_str = dup_attribute (node, "created");
  g_autofree char *modified_str = dup_attribute (node, "modified");
  g_autoptr(GDateTime) created = parse_time (created_str);
  g_autoptr(GDateTime) modified = parse_time (modified_str);
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) tagv = NULL;
  g_autoptr(JjMark) mark = NULL;
  xmlNode *target = NULL;
  gboolean has_quote = FALSE;
  gboolean unknown;

  if (id == NULL || *id == '\0' || kind == NULL || *kind == '\0')
    return NULL;
  if (created == NULL && modified == NULL)
    return NULL;

  mark = jj_mark_new_with_id (id);
  jj_mark_set_kind (mark, kind);
  jj_mark_set_color (mark, color);
  jj_mark_set_author (mark, author);
  jj_mark_set_created (mark, created != NULL ? created : modified);
  jj_mark_set_modified (mark, modified != NULL ? modified : created);

  unknown = has_unknown (node, mark_attributes, mark_children);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!is_ours (child))
        continue;

      if (xmlStrEqual (child->name, X ("target")) && target == NULL)
        target = child;
      else if (xmlStrEqual (child->name, X ("tag")))
        {
          g_autofree char *tag = dup_content (child);
          g_strv_builder_add (tags, tag);
        }
      else if (xmlStrEqual (child->name, X ("note")))
        {
          g_autofree char *note = dup_content (child);
          jj_mark_set_note (mark, note);
        }
    }

  if (target == NULL)
    return NULL;

  {
    g_autofree char *start_str = dup_attribute (target, "start");
    g_autofree char *end_str = dup_attribute (target, "end");
    g_autofree char *section = dup_attribute (target, "section");
    guint start = 0, end = 0;

    if (!parse_uint (start_str, &start) || !parse_uint (end_str, &end) || end < start)
      start = end = 0;
    jj_mark_set_range (mark, start, end);
    jj_mark_set_section (mark, section);
  }

  unknown = unknown || has_unknown (target, target_attributes, target_children);

  for (xmlNode *child = target->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (!is_ours (child))
        continue;

      text = dup_content (child);
      if (xmlStrEqual (child->name, X ("quote")))
        {
          jj_mark_set_quote (mark, text);
          has_quote = TRUE;
        }
      else if (xmlStrEqual (child->name, X ("prefix")))
        jj_mark_set_context (mark, text, jj_mark_get_suffix (mark));
      else if (xmlStrEqual (child->name, X ("suffix")))
        jj_mark_set_context (mark, jj_mark_get_prefix (mark), text);
    }

  if (!has_quote || *jj_mark_get_quote (mark) == '\0')
    return NULL;

  tagv = g_strv_builder_end (tags);
  jj_mark_set_tags (mark, (const char * const *)tagv);

  if (unknown)
    _jj_mark_take_extra (mark, xmlCopyNode (node, 1));

  return g_steal_pointer (&mark);
}

static void
copy_attribute (xmlNode *to,
                xmlAttr *attr)
{
  xmlChar *value = xmlNodeListGetString (attr->doc, attr->children, 1);
  xmlNs *ns = NULL;

  if (attr->ns != NULL)
    {
      ns = xmlSearchNsByHref (to->doc, to, attr->ns->href);
      if (ns == NULL)
        ns = xmlNewNs (to, attr->ns->href, attr->ns->prefix);
    }

  xmlSetNsProp (to, ns, attr->name, value != NULL ? value : X (""));
  xmlFree (value);
}

static xmlNode *
ensure_extra (JjSidecar *self)
{
  if (self->extra == NULL)
    self->extra = xmlNewNode (NULL, X ("extra"));

  return self->extra;
}

static gboolean
check_size (gsize    length,
            GError **error)
{
  if (length > MAX_SIDECAR_SIZE)
    {
      g_set_error (error, JJ_SIDECAR_ERROR, JJ_SIDECAR_ERROR_TOO_LARGE,
                   _("The marks file is too large to be read (%" G_GSIZE_FORMAT " MB)."),
                   length / (1024 * 1024));
      return FALSE;
    }

  return TRUE;
}

/**
 * jj_sidecar_parse:
 *
 * Reads a sidecar without network access, external entities or a DTD:
 * a file with a document type declaration is refused, since this program
 * never writes one. A mark that cannot be read is kept verbatim.
 */
JjSidecar *
jj_sidecar_parse (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(JjSidecar) self = NULL;
  xmlNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!check_size (length, error))
    return NULL;

  if (length > G_MAXINT)
    length = G_MAXINT;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Out of memory while reading the marks file."));
      return NULL;
    }

  doc = xmlCtxtReadMemory (ctxt, data, (int)length, "sidecar.xml", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *detail = NULL;

      if (err != NULL && err->message != NULL)
        detail = g_strstrip (g_strdup (err->message));

      g_set_error (error, JJ_SIDECAR_ERROR, JJ_SIDECAR_ERROR_MALFORMED,
                   _("The marks file is damaged and cannot be read (line %d: %s)."),
                   err != NULL ? err->line : 0, detail != NULL ? detail : _("unknown error"));
      return NULL;
    }

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error_literal (error, JJ_SIDECAR_ERROR, JJ_SIDECAR_ERROR_UNSAFE,
                           _("The marks file contains a document type declaration, which marks files never have; it was not read."));
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_ours (root) || !xmlStrEqual (root->name, X ("jiejian")))
    {
      g_set_error_literal (error, JJ_SIDECAR_ERROR, JJ_SIDECAR_ERROR_NOT_SIDECAR,
                           _("The file is not a Jiejian marks file."));
      return NULL;
    }

  self = jj_sidecar_new ();

  {
    g_autofree char *version = dup_attribute (root, "version");
    guint v;

    if (parse_uint (version, &v) && v > 0)
      self->version = v;
  }

  for (xmlAttr *attr = root->properties; attr != NULL; attr = attr->next)
    if (!is_known_attribute (attr, root_attributes))
      copy_attribute (ensure_extra (self), attr);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      JjMark *mark = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (!is_known (child, root_children))
        {
          xmlAddChild (ensure_extra (self), xmlCopyNode (child, 1));
          continue;
        }

      if (xmlStrEqual (child->name, X ("document")))
        {
          g_autofree char *fingerprint = dup_attribute (child, "fingerprint");
          g_autofree char *len = dup_attribute (child, "length");

          g_free (self->fingerprint);
          self->fingerprint = g_steal_pointer (&fingerprint);
          parse_uint (len, &self->length);
          continue;
        }

      if (xmlStrEqual (child->name, X ("mark")))
        mark = parse_mark (child);
      else
        mark = parse_tombstone (child);

      if (mark == NULL)
        {
          self->n_malformed++;
          xmlAddChild (ensure_extra (self), xmlCopyNode (child, 1));
          continue;
        }

      g_ptr_array_add (self->marks, mark);
    }

  return g_steal_pointer (&self);
}

JjSidecar *
jj_sidecar_load (const char  *path,
                 GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && !check_size (st.st_size, error))
    return NULL;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return jj_sidecar_parse (contents, length, error);
}

/* XML 1.0 cannot hold most control characters, even escaped; they become
 * U+FFFD so the file stays readable and offsets stay right.
 */
static char *
dup_xml_safe (const char *text)
{
  GString *out = NULL;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!xmlIsCharQ (ch))
        break;
    }

  if (*p == '\0')
    return g_strdup (text);

  out = g_string_new (NULL);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      g_string_append_unichar (out, xmlIsCharQ (ch) ? ch : 0xFFFD);
    }

  return g_string_free (out, FALSE);
}

static void
set_attribute (xmlNode    *node,
               const char *name,
               const char *value)
{
  g_autofree char *safe = dup_xml_safe (value);

  xmlSetProp (node, X (name), X (safe));
}

static void
add_text_child (xmlNode    *parent,
                xmlNs      *ns,
                const char *name,
                const char *value)
{
  g_autofree char *safe = dup_xml_safe (value);

  xmlNewTextChild (parent, ns, X (name), X (safe));
}

static void
set_time_attribute (xmlNode    *node,
                    const char *name,
                    GDateTime  *time)
{
  g_autofree char *str = g_date_time_format_iso8601 (time);

  xmlSetProp (node, X (name), X (str));
}

static void
copy_unknown (xmlNode            *to,
              xmlNode            *from,
              const char * const *attributes,
              const char * const *children)
{
  for (xmlAttr *attr = from->properties; attr != NULL; attr = attr->next)
    if (!is_known_attribute (attr, attributes))
      copy_attribute (to, attr);

  for (xmlNode *child = from->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !is_known (child, children))
      xmlAddChild (to, xmlDocCopyNode (child, to->doc, 1));
}

static void
write_mark (xmlNode *root,
            xmlNs   *ns,
            JjMark  *mark)
{
  xmlNode *extra = _jj_mark_get_extra (mark);
  xmlNode *node;
  xmlNode *target;
  char buf[32];

  if (jj_mark_get_deleted (mark))
    {
      node = xmlNewChild (root, ns, X ("tombstone"), NULL);
      set_attribute (node, "id", jj_mark_get_id (mark));
      set_time_attribute (node, "modified", jj_mark_get_modified (mark));
      return;
    }

  node = xmlNewChild (root, ns, X ("mark"), NULL);
  set_attribute (node, "id", jj_mark_get_id (mark));
  set_attribute (node, "kind", jj_mark_get_kind (mark));
  if (jj_mark_get_own_color (mark) != NULL)
    set_attribute (node, "color", jj_mark_get_own_color (mark));
  if (*jj_mark_get_author (mark) != '\0')
    set_attribute (node, "author", jj_mark_get_author (mark));
  set_time_attribute (node, "created", jj_mark_get_created (mark));
  set_time_attribute (node, "modified", jj_mark_get_modified (mark));

  target = xmlNewChild (node, ns, X ("target"), NULL);
  g_snprintf (buf, sizeof buf, "%u", jj_mark_get_start (mark));
  xmlSetProp (target, X ("start"), X (buf));
  g_snprintf (buf, sizeof buf, "%u", jj_mark_get_end (mark));
  xmlSetProp (target, X ("end"), X (buf));
  if (*jj_mark_get_section (mark) != '\0')
    set_attribute (target, "section", jj_mark_get_section (mark));
  add_text_child (target, ns, "prefix", jj_mark_get_prefix (mark));
  add_text_child (target, ns, "quote", jj_mark_get_quote (mark));
  add_text_child (target, ns, "suffix", jj_mark_get_suffix (mark));

  for (const char * const *tags = jj_mark_get_tags (mark); *tags != NULL; tags++)
    add_text_child (node, ns, "tag", *tags);
  if (*jj_mark_get_note (mark) != '\0')
    add_text_child (node, ns, "note", jj_mark_get_note (mark));

  if (extra != NULL)
    {
      copy_unknown (node, extra, mark_attributes, mark_children);
      for (xmlNode *child = extra->children; child != NULL; child = child->next)
        if (is_ours (child) && xmlStrEqual (child->name, X ("target")))
          {
            copy_unknown (target, child, target_attributes, target_children);
            break;
          }
    }
}

char *
jj_sidecar_to_xml (JjSidecar *self,
                   gsize     *length)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  xmlNode *node;
  xmlNs *ns;
  xmlChar *mem = NULL;
  int size = 0;
  char *ret;
  char buf[32];

  g_return_val_if_fail (self != NULL, NULL);

  doc = xmlNewDoc (X ("1.0"));
  root = xmlNewNode (NULL, X ("jiejian"));
  ns = xmlNewNs (root, NS, NULL);
  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);
  g_snprintf (buf, sizeof buf, "%u", MAX (self->version, (guint)JJ_SIDECAR_VERSION));
  xmlSetProp (root, X ("version"), X (buf));

  node = xmlNewChild (root, ns, X ("document"), NULL);
  set_attribute (node, "fingerprint", self->fingerprint != NULL ? self->fingerprint : "");
  g_snprintf (buf, sizeof buf, "%u", self->length);
  xmlSetProp (node, X ("length"), X (buf));

  for (guint i = 0; i < self->marks->len; i++)
    write_mark (root, ns, g_ptr_array_index (self->marks, i));

  /* The holder has only what this version did not understand, malformed
   * marks included: all of it goes back.
   */
  if (self->extra != NULL)
    {
      xmlNode *extra = self->extra;

      for (xmlAttr *attr = extra->properties; attr != NULL; attr = attr->next)
        copy_attribute (root, attr);
      for (xmlNode *child = extra->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE)
          xmlAddChild (root, xmlDocCopyNode (child, doc, 1));
    }

  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  ret = g_strndup ((const char *)mem, size);
  xmlFree (mem);

  if (length != NULL)
    *length = size;

  return ret;
}

gboolean
jj_sidecar_save (JjSidecar   *self,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *xml = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xml = jj_sidecar_to_xml (self, &length);

  return jj_atomic_file_write (path, xml, length, TRUE, error);
}
