/* jj-sidecar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <time.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/chvalid.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

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
static const char * const target_attributes[] = { "start", "end", "section", "orphaned-in", NULL };
static const char * const target_children[] = { "prefix", "quote", "suffix", NULL };
static const char * const root_attributes[] = { "version", NULL };
static const char * const root_children[] = { "document", "speech", "mark", "tombstone", NULL };

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
  g_clear_object (&self->speech);
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

static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }

  *p += n;
  *out = v;
  return TRUE;
}

/* The form this program writes, YYYY-MM-DDTHH:MM:SS[.ffffff]Z, read
 * without the generality (and cost) of g_date_time_new_from_iso8601().
 */
static GDateTime *
parse_time_fast (const char *p)
{
  int y, mo, d, h, mi, sec, usec = 0;
  int scale = 100000;

  if (!read_digits (&p, 4, &y) || *p++ != '-' || !read_digits (&p, 2, &mo) || *p++ != '-' ||
      !read_digits (&p, 2, &d) || *p++ != 'T' || !read_digits (&p, 2, &h) || *p++ != ':' ||
      !read_digits (&p, 2, &mi) || *p++ != ':' || !read_digits (&p, 2, &sec))
    return NULL;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return NULL;
      for (; g_ascii_isdigit (*p); p++)
        {
          usec += (*p - '0') * scale;
          scale /= 10;
        }
    }

  if (p[0] != 'Z' || p[1] != '\0')
    return NULL;

  {
    g_autoptr(GDateTime) whole = g_date_time_new_utc (y, mo, d, h, mi, sec);

    if (whole == NULL)
      return NULL;

    return g_date_time_add (whole, usec);
  }
}

static GDateTime *
parse_time (const char *str)
{
  GDateTime *time;

  if (str == NULL)
    return NULL;

  time = parse_time_fast (str);
  if (time != NULL)
    return time;

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

  {
    g_autofree char *orphaned_in = dup_attribute (target, "orphaned-in");

    _jj_mark_set_orphaned_in (mark, orphaned_in);
  }

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
                   _("The marks file is too large to be read (%u MB)."),
                   (guint)(length / (1024 * 1024)));
      return FALSE;
    }

  return TRUE;
}


/* A date that is no YYYY-MM-DD date is dropped: the rest is kept. */
static JjSpeechInfo *
speech_from_attributes (const char *title,
                        const char *speaker,
                        const char *date,
                        const char *occasion)
{
  JjSpeechInfo *speech = jj_speech_info_new ();

  jj_speech_info_set_title (speech, title);
  jj_speech_info_set_speaker (speech, speaker);
  jj_speech_info_set_date (speech, date);
  jj_speech_info_set_occasion (speech, occasion);

  return speech;
}

/* The fast path: a SAX reading of files as this version writes them.
 * Anything else (unknown elements or attributes, a malformed mark, a
 * DTD, an error) stops it, and the file is read again as a tree, which
 * keeps what it does not know and reports errors.
 */
typedef enum
{
  FIELD_NONE,
  FIELD_TAG,
  FIELD_NOTE,
  FIELD_PREFIX,
  FIELD_QUOTE,
  FIELD_SUFFIX,
} Field;

typedef struct
{
  xmlParserCtxt *ctxt;
  JjSidecar     *sidecar;
  gboolean       give_up;
  int            depth;
  gboolean       in_mark;
  gboolean       in_target;
  gboolean       has_target;
  gboolean       has_quote;
  Field          field;
  GString       *text;
  GPtrArray     *tags;
  JjMarkFields   fields;
} Fast;

static void
give_up (Fast *fast)
{
  fast->give_up = TRUE;
  xmlStopParser (fast->ctxt);
}

static char *
dup_value (const xmlChar **attributes,
           int             i)
{
  return g_strndup ((const char *)attributes[i * 5 + 3], attributes[i * 5 + 4] - attributes[i * 5 + 3]);
}

static gboolean
read_attributes (Fast           *fast,
                 int             n,
                 const xmlChar **attributes,
                 const char     *names[],
                 char          **values[])
{
  for (int i = 0; i < n; i++)
    {
      const char *name = (const char *)attributes[i * 5];
      guint k;

      if (attributes[i * 5 + 2] != NULL)
        return FALSE;
      for (k = 0; names[k] != NULL; k++)
        if (g_str_equal (names[k], name))
          break;
      if (names[k] == NULL || *values[k] != NULL)
        return FALSE;
      *values[k] = dup_value (attributes, i);
    }

  return TRUE;
}

static void
fast_start (void           *ctx,
            const xmlChar  *localname,
            const xmlChar  *prefix,
            const xmlChar  *uri,
            int             nb_namespaces,
            const xmlChar **namespaces,
            int             nb_attributes,
            int             nb_defaulted,
            const xmlChar **attributes)
{
  Fast *fast = ctx;
  const char *name = (const char *)localname;
  int depth = fast->depth++;

  if (fast->give_up)
    return;
  if (uri == NULL || !xmlStrEqual (uri, NS) || nb_defaulted > 0 || (depth > 0 && nb_namespaces > 0))
    {
      give_up (fast);
      return;
    }

  if (depth == 0)
    {
      g_autofree char *version = NULL;
      const char *names[] = { "version", NULL };
      char **values[] = { &version };
      guint v;

      if (!g_str_equal (name, "jiejian") || nb_namespaces != 1 || namespaces[0] != NULL ||
          !read_attributes (fast, nb_attributes, attributes, names, values))
        give_up (fast);
      else if (parse_uint (version, &v) && v > 0)
        fast->sidecar->version = v;
      return;
    }

  if (depth == 1 && g_str_equal (name, "document"))
    {
      g_autofree char *fingerprint = NULL;
      g_autofree char *length = NULL;
      const char *names[] = { "fingerprint", "length", NULL };
      char **values[] = { &fingerprint, &length };

      if (!read_attributes (fast, nb_attributes, attributes, names, values))
        give_up (fast);
      g_free (fast->sidecar->fingerprint);
      fast->sidecar->fingerprint = g_steal_pointer (&fingerprint);
      parse_uint (length, &fast->sidecar->length);
      return;
    }

  if (depth == 1 && g_str_equal (name, "speech") && fast->sidecar->speech == NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *speaker = NULL;
      g_autofree char *date = NULL;
      g_autofree char *occasion = NULL;
      const char *names[] = { "title", "speaker", "date", "occasion", NULL };
      char **values[] = { &title, &speaker, &date, &occasion };

      if (!read_attributes (fast, nb_attributes, attributes, names, values))
        {
          give_up (fast);
          return;
        }
      fast->sidecar->speech = speech_from_attributes (title, speaker, date, occasion);
      return;
    }

  if (depth == 1 && (g_str_equal (name, "mark") || g_str_equal (name, "tombstone")))
    {
      g_autofree char *created = NULL;
      g_autofree char *modified = NULL;
      const char *names[] = { "id", "kind", "color", "author", "created", "modified", NULL };
      char **values[] = { &fast->fields.id, &fast->fields.kind, &fast->fields.color,
                          &fast->fields.author, &created, &modified };
      gboolean tombstone = g_str_equal (name, "tombstone");

      if (!read_attributes (fast, nb_attributes, attributes, names, values))
        {
          give_up (fast);
          return;
        }
      fast->fields.created = parse_time (created);
      fast->fields.modified = parse_time (modified);
      fast->fields.deleted = tombstone;
      fast->in_mark = TRUE;
      fast->has_target = tombstone;
      fast->has_quote = tombstone;
      return;
    }

  if (depth == 2 && fast->in_mark && !fast->fields.deleted)
    {
      if (g_str_equal (name, "target") && !fast->has_target)
        {
          g_autofree char *start = NULL;
          g_autofree char *end = NULL;
          const char *names[] = { "start", "end", "section", "orphaned-in", NULL };
          char **values[] = { &start, &end, &fast->fields.section, &fast->fields.orphaned_in };

          if (!read_attributes (fast, nb_attributes, attributes, names, values))
            {
              give_up (fast);
              return;
            }
          if (!parse_uint (start, &fast->fields.start) || !parse_uint (end, &fast->fields.end) ||
              fast->fields.end < fast->fields.start)
            fast->fields.start = fast->fields.end = 0;
          fast->in_target = TRUE;
          fast->has_target = TRUE;
          return;
        }
      if (nb_attributes == 0 && g_str_equal (name, "tag"))
        {
          fast->field = FIELD_TAG;
          g_string_truncate (fast->text, 0);
          return;
        }
      if (nb_attributes == 0 && g_str_equal (name, "note") && fast->fields.note == NULL)
        {
          fast->field = FIELD_NOTE;
          g_string_truncate (fast->text, 0);
          return;
        }
    }

  if (depth == 3 && fast->in_target && nb_attributes == 0)
    {
      Field field = FIELD_NONE;

      if (g_str_equal (name, "prefix") && fast->fields.prefix == NULL)
        field = FIELD_PREFIX;
      else if (g_str_equal (name, "quote") && fast->fields.quote == NULL)
        field = FIELD_QUOTE;
      else if (g_str_equal (name, "suffix") && fast->fields.suffix == NULL)
        field = FIELD_SUFFIX;

      if (field != FIELD_NONE)
        {
          fast->field = field;
          g_string_truncate (fast->text, 0);
          return;
        }
    }

  give_up (fast);
}

static void
fast_characters (void          *ctx,
                 const xmlChar *ch,
                 int            len)
{
  Fast *fast = ctx;

  if (fast->field != FIELD_NONE)
    g_string_append_len (fast->text, (const char *)ch, len);
}

static void
fast_end_mark (Fast *fast)
{
  JjMarkFields *f = &fast->fields;

  if (f->id == NULL || *f->id == '\0' || (f->created == NULL && f->modified == NULL))
    {
      give_up (fast);
      return;
    }

  if (!f->deleted)
    {
      if (f->kind == NULL || *f->kind == '\0' || !fast->has_target || !fast->has_quote ||
          f->quote == NULL || *f->quote == '\0')
        {
          give_up (fast);
          return;
        }
    }

  if (f->created == NULL)
    f->created = g_date_time_ref (f->modified);
  if (f->modified == NULL)
    f->modified = g_date_time_ref (f->created);
  if (f->deleted)
    {
      g_clear_pointer (&f->created, g_date_time_unref);
      f->created = g_date_time_ref (f->modified);
    }

  if (fast->tags->len > 0)
    {
      g_ptr_array_add (fast->tags, NULL);
      f->tags = (char **)g_ptr_array_free (g_steal_pointer (&fast->tags), FALSE);
      fast->tags = g_ptr_array_new_with_free_func (g_free);
    }

  g_ptr_array_add (fast->sidecar->marks, _jj_mark_new_from_fields (f));
  _jj_mark_fields_clear (f);
}

static void
fast_end (void          *ctx,
          const xmlChar *localname,
          const xmlChar *prefix,
          const xmlChar *uri)
{
  Fast *fast = ctx;
  int depth = --fast->depth;

  if (fast->give_up)
    return;

  if (fast->field != FIELD_NONE)
    {
      char *text = g_strndup (fast->text->str, fast->text->len);

      switch (fast->field)
        {
        case FIELD_TAG:
          g_strstrip (text);
          if (*text != '\0')
            {
              g_ptr_array_add (fast->tags, text);
              text = NULL;
            }
          break;
        case FIELD_NOTE: fast->fields.note = g_steal_pointer (&text); break;
        case FIELD_PREFIX: fast->fields.prefix = g_steal_pointer (&text); break;
        case FIELD_QUOTE:
          fast->fields.quote = g_steal_pointer (&text);
          fast->has_quote = TRUE;
          break;
        case FIELD_SUFFIX: fast->fields.suffix = g_steal_pointer (&text); break;
        case FIELD_NONE:
        default:
          break;
        }
      g_free (text);
      fast->field = FIELD_NONE;
      return;
    }

  if (depth == 2 && fast->in_target)
    fast->in_target = FALSE;
  else if (depth == 1 && fast->in_mark)
    {
      fast->in_mark = FALSE;
      fast_end_mark (fast);
    }
}

static void
fast_refuse_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  give_up (ctx);
}

static void
fast_refuse_reference (void          *ctx,
                       const xmlChar *name)
{
  give_up (ctx);
}

static void
fast_silent (void       *ctx,
             const char *msg,
             ...)
{
}

static void
set_malformed_error (xmlParserCtxt  *ctxt,
                     GError        **error)
{
  const xmlError *err = xmlCtxtGetLastError (ctxt);
  g_autofree char *detail = NULL;

  if (err != NULL && err->message != NULL)
    detail = g_strstrip (g_strdup (err->message));

  g_set_error (error, JJ_SIDECAR_ERROR, JJ_SIDECAR_ERROR_MALFORMED,
               _("The marks file is damaged and cannot be read (line %d: %s)."),
               err != NULL ? err->line : 0, detail != NULL ? detail : _("unknown error"));
}

/* Returns NULL, with @error set when the file is not well-formed, and
 * without when the slow path must read it.
 */
static void
fast_begin (Fast          *fast,
            xmlParserCtxt *ctxt)
{
  xmlSAXHandler *sax = xmlMalloc (sizeof *sax);

  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = fast_start;
  sax->endElementNs = fast_end;
  sax->characters = fast_characters;
  sax->cdataBlock = fast_characters;
  sax->internalSubset = fast_refuse_subset;
  sax->externalSubset = fast_refuse_subset;
  sax->reference = fast_refuse_reference;
  sax->warning = fast_silent;
  sax->error = fast_silent;
  sax->fatalError = fast_silent;

  /* The context frees its handler with xmlFree. */
  xmlFree (ctxt->sax);
  ctxt->sax = sax;
  ctxt->userData = fast;
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);

  memset (fast, 0, sizeof *fast);
  fast->ctxt = ctxt;
  fast->sidecar = jj_sidecar_new ();
  fast->text = g_string_new (NULL);
  fast->tags = g_ptr_array_new_with_free_func (g_free);
}

static JjSidecar *
fast_end_parse (Fast    *fast,
                GError **error)
{
  xmlParserCtxt *ctxt = fast->ctxt;
  gboolean ok;

  ok = !fast->give_up && ctxt->wellFormed && ctxt->myDoc == NULL;
  if (!fast->give_up && !ctxt->wellFormed)
    set_malformed_error (ctxt, error);

  ctxt->userData = ctxt;
  xmlFreeParserCtxt (ctxt);
  g_string_free (fast->text, TRUE);
  g_ptr_array_unref (fast->tags);
  _jj_mark_fields_clear (&fast->fields);

  if (!ok)
    {
      jj_sidecar_free (fast->sidecar);
      return NULL;
    }

  return fast->sidecar;
}

static JjSidecar *
parse_fast (const char  *data,
            gsize        length,
            GError     **error)
{
  xmlParserCtxt *ctxt;
  Fast fast;

  ctxt = xmlCreateMemoryParserCtxt (data, (int)length);
  if (ctxt == NULL)
    return NULL;

  fast_begin (&fast, ctxt);
  xmlParseDocument (ctxt);

  return fast_end_parse (&fast, error);
}

/* The fast path fed from a file piece by piece: a large sidecar is never
 * held whole in memory. Returns NULL without an error when the file needs
 * the full reading.
 */
static JjSidecar *
parse_fast_fd (int          fd,
               const char  *path,
               GError     **error)
{
  g_autofree char *buffer = g_malloc (64 * 1024);
  xmlParserCtxt *ctxt;
  Fast fast;

  ctxt = xmlCreatePushParserCtxt (NULL, NULL, NULL, 0, "sidecar.xml");
  if (ctxt == NULL)
    return NULL;

  fast_begin (&fast, ctxt);
  for (;;)
    {
      gssize n = read (fd, buffer, 64 * 1024);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Failed to read from file “%s”: %s"), display, g_strerror (saved_errno));
          fast.give_up = TRUE;
          break;
        }
      if (xmlParseChunk (ctxt, buffer, (int)n, n == 0) != XML_ERR_OK || n == 0 ||
          fast.give_up || ctxt->disableSAX)
        break;
    }

  return fast_end_parse (&fast, error);
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

  self = parse_fast (data, length, error);
  if (self != NULL)
    return g_steal_pointer (&self);
  if (error != NULL && *error != NULL)
    return NULL;

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
      set_malformed_error (ctxt, error);
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

      if (xmlStrEqual (child->name, X ("speech")))
        {
          g_autofree char *title = dup_attribute (child, "title");
          g_autofree char *speaker = dup_attribute (child, "speaker");
          g_autofree char *date = dup_attribute (child, "date");
          g_autofree char *occasion = dup_attribute (child, "occasion");

          if (self->speech == NULL)
            self->speech = speech_from_attributes (title, speaker, date, occasion);
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

/* The rest of @fd, after the fast path gave up, read whole. */
static char *
read_fd_whole (int          fd,
               const char  *path,
               gsize        size_hint,
               gsize       *length,
               GError     **error)
{
  g_autoptr(GString) data = g_string_sized_new (size_hint + 1);
  char buffer[64 * 1024];

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Failed to read from file “%s”: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      g_string_append_len (data, buffer, n);
      if (!check_size (data->len, error))
        return NULL;
    }

  *length = data->len;
  return g_string_free (g_steal_pointer (&data), FALSE);
}

/**
 * jj_sidecar_load:
 *
 * Reads the sidecar at @path as jj_sidecar_load_full() does.
 */
JjSidecar *
jj_sidecar_load (const char  *path,
                 GError     **error)
{
  return jj_sidecar_load_full (path, NULL, error);
}

/**
 * jj_sidecar_load_full:
 * @identity: (out) (optional): the status of the very file read
 *
 * Reads the sidecar at @path as jj_sidecar_parse() does, streaming the
 * file through the parser when it is as this version writes it. A
 * symbolic link is never followed: it is refused with
 * %JJ_SIDECAR_ERROR_UNSAFE. @identity comes from the descriptor that
 * was read, so a file replaced meanwhile cannot pass for it.
 */
JjSidecar *
jj_sidecar_load_full (const char  *path,
                      GStatBuf    *identity,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  JjSidecar *self;
  GStatBuf st;
  gsize length;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      if (saved_errno == ELOOP)
        g_set_error (error, JJ_SIDECAR_ERROR, JJ_SIDECAR_ERROR_UNSAFE,
                     _("The marks file “%s” is a symbolic link; it was not read, and marks are never written through it."),
                     display);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Failed to open file “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("The marks file “%s” is not a regular file."), path);
      return NULL;
    }

  if (!check_size (st.st_size, error))
    {
      close (fd);
      return NULL;
    }

  if (identity != NULL)
    *identity = st;

  self = parse_fast_fd (fd, path, &local_error);
  if (self != NULL || local_error != NULL)
    {
      close (fd);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return self;
    }

  /* Not as this version writes it: read it whole, from the same file. */
  if (lseek (fd, 0, SEEK_SET) != 0)
    contents = NULL;
  else
    contents = read_fd_whole (fd, path, st.st_size, &length, error);
  close (fd);
  if (contents == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("The marks file “%s” could not be read again."), path);
      return NULL;
    }

  return jj_sidecar_parse (contents, length, error);
}

static gboolean
is_xml_safe (const char *text)
{
  const guchar *p = (const guchar *)text;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
      /* U+FFFE and U+FFFF */
      if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        return FALSE;
    }

  return TRUE;
}

/* XML 1.0 cannot hold most control characters, even escaped; they become
 * U+FFFD so the file stays readable and offsets stay right. Returns @text
 * itself when it is fine, which is nearly always.
 */
static const char *
xml_safe (const char  *text,
          char       **tmp)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return "";
  if (is_xml_safe (text))
    return text;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      g_string_append_unichar (out, xmlIsCharQ (ch) ? ch : 0xFFFD);
    }

  *tmp = g_string_free (out, FALSE);
  return *tmp;
}

static void
write_attribute (xmlTextWriter *w,
                 const char    *name,
                 const char    *value)
{
  g_autofree char *tmp = NULL;

  xmlTextWriterWriteAttribute (w, X (name), X (xml_safe (value, &tmp)));
}

static void
write_text_element (xmlTextWriter *w,
                    const char    *name,
                    const char    *value)
{
  g_autofree char *tmp = NULL;

  xmlTextWriterWriteElement (w, X (name), X (xml_safe (value, &tmp)));
}

/* Number formatting by hand: with four numbers per mark, snprintf() is a
 * tenth of the time of writing a large file.
 */
static char *
put_digits (char  *p,
            guint  value,
            int    width)
{
  char tmp[12];
  int n = 0;

  do
    {
      tmp[n++] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);

  while (n < width)
    tmp[n++] = '0';
  while (n > 0)
    *p++ = tmp[--n];

  return p;
}

/* What g_date_time_format_iso8601() gives for a UTC time, without the
 * allocations of g_date_time_to_utc().
 */
static void
write_time_attribute (xmlTextWriter *w,
                      const char    *name,
                      GDateTime     *time)
{
  time_t seconds = (time_t)g_date_time_to_unix (time);
  int usec = g_date_time_get_microsecond (time);
  struct tm tm;
  char buf[40];
  char *p = buf;

  if (gmtime_r (&seconds, &tm) == NULL)
    return;

  p = put_digits (p, tm.tm_year + 1900, 4);
  *p++ = '-';
  p = put_digits (p, tm.tm_mon + 1, 2);
  *p++ = '-';
  p = put_digits (p, tm.tm_mday, 2);
  *p++ = 'T';
  p = put_digits (p, tm.tm_hour, 2);
  *p++ = ':';
  p = put_digits (p, tm.tm_min, 2);
  *p++ = ':';
  p = put_digits (p, tm.tm_sec, 2);
  if (usec != 0)
    {
      *p++ = '.';
      p = put_digits (p, usec, 6);
    }
  *p++ = 'Z';
  *p = '\0';

  xmlTextWriterWriteAttribute (w, X (name), X (buf));
}

static void
write_uint_attribute (xmlTextWriter *w,
                      const char    *name,
                      guint          value)
{
  char buf[16];

  *put_digits (buf, value, 1) = '\0';
  xmlTextWriterWriteAttribute (w, X (name), X (buf));
}

/* Kept attributes of another namespace bring their declaration along. */
static void
write_kept_attribute (xmlTextWriter *w,
                      xmlAttr       *attr)
{
  xmlChar *value = xmlNodeListGetString (attr->doc, attr->children, 1);

  if (attr->ns != NULL && attr->ns->prefix != NULL)
    xmlTextWriterWriteAttributeNS (w, attr->ns->prefix, attr->name, attr->ns->href, value);
  else
    xmlTextWriterWriteAttribute (w, attr->name, value);
  xmlFree (value);
}

static void
write_kept_element (xmlTextWriter *w,
                    xmlNode       *node)
{
  xmlBuffer *buf = xmlBufferCreate ();
  xmlNode *copy = xmlCopyNode (node, 1);   /* brings the namespaces it uses */

  xmlNodeDump (buf, NULL, copy, 0, 0);
  xmlTextWriterWriteRaw (w, xmlBufferContent (buf));
  xmlBufferFree (buf);
  xmlFreeNode (copy);
}

static void
write_unknown_attributes (xmlTextWriter      *w,
                          xmlNode            *from,
                          const char * const *attributes)
{
  for (xmlAttr *attr = from->properties; attr != NULL; attr = attr->next)
    if (!is_known_attribute (attr, attributes))
      write_kept_attribute (w, attr);
}

static void
write_unknown_children (xmlTextWriter      *w,
                        xmlNode            *from,
                        const char * const *children)
{
  for (xmlNode *child = from->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !is_known (child, children))
      write_kept_element (w, child);
}

static xmlNode *
extra_target (xmlNode *extra)
{
  for (xmlNode *child = extra->children; child != NULL; child = child->next)
    if (is_ours (child) && xmlStrEqual (child->name, X ("target")))
      return child;

  return NULL;
}

static void
write_mark (xmlTextWriter *w,
            JjMark        *mark)
{
  xmlNode *extra = _jj_mark_get_extra (mark);
  xmlNode *target = extra != NULL ? extra_target (extra) : NULL;

  if (jj_mark_get_deleted (mark))
    {
      xmlTextWriterStartElement (w, X ("tombstone"));
      write_attribute (w, "id", jj_mark_get_id (mark));
      write_time_attribute (w, "modified", jj_mark_get_modified (mark));
      xmlTextWriterEndElement (w);
      return;
    }

  xmlTextWriterStartElement (w, X ("mark"));
  write_attribute (w, "id", jj_mark_get_id (mark));
  write_attribute (w, "kind", jj_mark_get_kind (mark));
  if (jj_mark_get_own_color (mark) != NULL)
    write_attribute (w, "color", jj_mark_get_own_color (mark));
  if (*jj_mark_get_author (mark) != '\0')
    write_attribute (w, "author", jj_mark_get_author (mark));
  write_time_attribute (w, "created", jj_mark_get_created (mark));
  write_time_attribute (w, "modified", jj_mark_get_modified (mark));
  if (extra != NULL)
    write_unknown_attributes (w, extra, mark_attributes);

  xmlTextWriterStartElement (w, X ("target"));
  write_uint_attribute (w, "start", jj_mark_get_start (mark));
  write_uint_attribute (w, "end", jj_mark_get_end (mark));
  if (*jj_mark_get_section (mark) != '\0')
    write_attribute (w, "section", jj_mark_get_section (mark));
  if (_jj_mark_get_orphaned_in (mark) != NULL)
    write_attribute (w, "orphaned-in", _jj_mark_get_orphaned_in (mark));
  if (target != NULL)
    write_unknown_attributes (w, target, target_attributes);
  write_text_element (w, "prefix", jj_mark_get_prefix (mark));
  write_text_element (w, "quote", jj_mark_get_quote (mark));
  write_text_element (w, "suffix", jj_mark_get_suffix (mark));
  if (target != NULL)
    write_unknown_children (w, target, target_children);
  xmlTextWriterEndElement (w);

  for (const char * const *tags = jj_mark_get_tags (mark); *tags != NULL; tags++)
    write_text_element (w, "tag", *tags);
  if (*jj_mark_get_note (mark) != '\0')
    write_text_element (w, "note", jj_mark_get_note (mark));
  if (extra != NULL)
    write_unknown_children (w, extra, mark_children);

  xmlTextWriterEndElement (w);
}

static void
write_document (xmlTextWriter *w,
                JjSidecar     *self)
{
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, X ("  "));

  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElementNS (w, NULL, X ("jiejian"), NS);
  write_uint_attribute (w, "version", MAX (self->version, (guint)JJ_SIDECAR_VERSION));
  if (self->extra != NULL)
    for (xmlAttr *attr = ((xmlNode *)self->extra)->properties; attr != NULL; attr = attr->next)
      write_kept_attribute (w, attr);

  xmlTextWriterStartElement (w, X ("document"));
  write_attribute (w, "fingerprint", self->fingerprint != NULL ? self->fingerprint : "");
  write_uint_attribute (w, "length", self->length);
  xmlTextWriterEndElement (w);

  if (self->speech != NULL && !jj_speech_info_is_empty (self->speech))
    {
      const char *names[] = { "title", "speaker", "date", "occasion" };
      const char *values[] = { jj_speech_info_get_title (self->speech),
                               jj_speech_info_get_speaker (self->speech),
                               jj_speech_info_get_date (self->speech),
                               jj_speech_info_get_occasion (self->speech) };

      xmlTextWriterStartElement (w, X ("speech"));
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (values[i] != NULL)
          write_attribute (w, names[i], values[i]);
      xmlTextWriterEndElement (w);
    }

  for (guint i = 0; i < self->marks->len; i++)
    write_mark (w, g_ptr_array_index (self->marks, i));

  /* The holder has only what this version did not understand, malformed
   * marks included: all of it goes back.
   */
  if (self->extra != NULL)
    for (xmlNode *child = ((xmlNode *)self->extra)->children; child != NULL; child = child->next)
      if (child->type == XML_ELEMENT_NODE)
        write_kept_element (w, child);

  xmlTextWriterEndDocument (w);
}

/**
 * jj_sidecar_to_xml:
 *
 * Writes the sidecar as indented XML with libxml2's streaming writer:
 * one element per mark, the quote and note as text content.
 */
char *
jj_sidecar_to_xml (JjSidecar *self,
                   gsize     *length)
{
  xmlBuffer *buf;
  xmlTextWriter *w;
  char *ret;

  g_return_val_if_fail (self != NULL, NULL);

  buf = xmlBufferCreateSize (4096 + self->marks->len * 700);
  w = xmlNewTextWriterMemory (buf, 0);
  write_document (w, self);
  xmlFreeTextWriter (w);

  if (length != NULL)
    *length = xmlBufferLength (buf);
  /* libxml2 allocates with malloc(), as GLib does: no copy of a large file. */
  ret = (char *)xmlBufferDetach (buf);
  xmlBufferFree (buf);

  return ret;
}

typedef struct
{
  JjAtomicFile *file;
  GError       *error;
} Output;

static int
output_write (void       *context,
              const char *buffer,
              int         len)
{
  Output *out = context;

  if (out->error != NULL)
    return -1;
  if (!jj_atomic_file_append (out->file, buffer, len, &out->error))
    return -1;

  return len;
}

/* Writes the sidecar into @file as it is serialized, without holding the
 * whole document in memory. The caller commits or aborts @file.
 */
static gboolean
write_to_file (JjSidecar     *self,
               JjAtomicFile  *file,
               GError       **error)
{
  Output out = { file, NULL };
  xmlOutputBuffer *buffer;
  xmlTextWriter *w;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  buffer = xmlOutputBufferCreateIO (output_write, NULL, &out, NULL);
  if (buffer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Out of memory while saving the marks."));
      return FALSE;
    }
  w = xmlNewTextWriter (buffer);  /* takes the buffer */
  if (w == NULL)
    {
      xmlOutputBufferClose (buffer);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Out of memory while saving the marks."));
      return FALSE;
    }
  write_document (w, self);
  xmlFreeTextWriter (w);  /* flushes and closes the buffer */

  if (out.error != NULL)
    {
      g_propagate_error (error, out.error);
      return FALSE;
    }

  return TRUE;
}

gboolean
jj_sidecar_save (JjSidecar   *self,
                 const char  *path,
                 GError     **error)
{
  return jj_sidecar_save_full (self, path, 0644, error);
}

/**
 * jj_sidecar_save_full:
 * @mode: the permissions of a new sidecar; an existing one keeps its own
 */
gboolean
jj_sidecar_save_full (JjSidecar   *self,
                      const char  *path,
                      int          mode,
                      GError     **error)
{
  JjAtomicFile *file;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = jj_atomic_file_begin_full (path, TRUE, mode, error);
  if (file == NULL)
    return FALSE;

  if (!write_to_file (self, file, error))
    {
      jj_atomic_file_abort (file);
      return FALSE;
    }

  return jj_atomic_file_commit (file, error);
}

/**
 * jj_sidecar_save_checked:
 * @expected: (nullable): the status of the sidecar when it was read, %NULL
 *   when there was none
 * @written: (out): the status of the sidecar written
 *
 * Like jj_sidecar_save_full(), but fails with %G_IO_ERROR_WRONG_ETAG and
 * leaves the sidecar as it is when another program (a sync tool) has put
 * its version in place since it was read.
 */
gboolean
jj_sidecar_save_checked (JjSidecar       *self,
                         const char      *path,
                         int              mode,
                         const GStatBuf  *expected,
                         GStatBuf        *written,
                         GError         **error)
{
  JjAtomicFile *file;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = jj_atomic_file_begin_full (path, TRUE, mode, error);
  if (file == NULL)
    return FALSE;

  if (!write_to_file (self, file, error))
    {
      jj_atomic_file_abort (file);
      return FALSE;
    }

  return jj_atomic_file_commit_checked (file, expected, written, error);
}
