/* jj-draft.c — a new speech being drafted: headings with cards under them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file (NAME.jiejian-draft.xml, data/draft.rng) is read without DTD,
 * entities or network, and written whole through the atomic writer the
 * sidecars use.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "jj-atomic-file.h"
#include "jj-docx-writer.h"
#include "jj-document.h"
#include "jj-draft.h"
#include "jj-outline.h"
#include "jj-outline-entry.h"

#define X(s) ((const xmlChar *)(s))
#define MAX_FILE_SIZE (64 * 1024 * 1024)

struct _JjDraft
{
  GObject     parent_instance;

  char       *title;
  GListStore *sections;
};

G_DEFINE_FINAL_TYPE (JjDraft, jj_draft, G_TYPE_OBJECT)
G_DEFINE_QUARK (jj-draft-error-quark, jj_draft_error)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jj_draft_finalize (GObject *object)
{
  JjDraft *self = JJ_DRAFT (object);

  g_free (self->title);
  g_object_unref (self->sections);

  G_OBJECT_CLASS (jj_draft_parent_class)->finalize (object);
}

static void
jj_draft_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  JjDraft *self = JJ_DRAFT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_draft_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  JjDraft *self = JJ_DRAFT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      jj_draft_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_draft_class_init (JjDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_draft_finalize;
  object_class->get_property = jj_draft_get_property;
  object_class->set_property = jj_draft_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jj_draft_init (JjDraft *self)
{
  self->title = g_strdup ("");
  self->sections = g_list_store_new (JJ_TYPE_DRAFT_SECTION);
}

JjDraft *
jj_draft_new (const char *title)
{
  JjDraft *self = g_object_new (JJ_TYPE_DRAFT, NULL);

  jj_draft_set_title (self, title != NULL ? title : "");

  return self;
}

static void
append_section (JjDraft    *self,
                const char *heading,
                guint       level)
{
  g_autoptr(JjDraftSection) section = jj_draft_section_new (heading, level);

  g_list_store_append (self->sections, section);
}

/**
 * jj_draft_new_skeleton:
 *
 * A blank speech: the salutation, three numbered parts and the closing,
 * for the writer to fill in.
 */
JjDraft *
jj_draft_new_skeleton (const char *title)
{
  JjDraft *self = jj_draft_new (title);

  /* The speech is written in Chinese whatever the language of the UI. */
  append_section (self, "同志们：", 0);
  append_section (self, "一、", 1);
  append_section (self, "二、", 1);
  append_section (self, "三、", 1);
  append_section (self, "（结束语）", 0);

  return self;
}

/**
 * jj_draft_new_from_outline:
 *
 * A draft with the headings of @document's outline, kept as text the writer
 * may change: its salutation, its numbered headings and its closing.
 */
JjDraft *
jj_draft_new_from_outline (JjDocument *document)
{
  JjOutline *outline;
  JjDraft *self;

  g_return_val_if_fail (JJ_IS_DOCUMENT (document), NULL);

  self = jj_draft_new (jj_document_get_title (document));
  outline = jj_document_get_outline (document);
  for (guint i = 0; outline != NULL && i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *entry = jj_outline_get_entry (outline, i);

      /* The title holds the marker (一、…) as the speech has it. */
      switch (jj_outline_entry_get_kind (entry))
        {
        case JJ_OUTLINE_KIND_HEADING:
          append_section (self, jj_outline_entry_get_title (entry), MAX (jj_outline_entry_get_level (entry), 1));
          break;
        case JJ_OUTLINE_KIND_SALUTATION:
        case JJ_OUTLINE_KIND_CLOSING:
          append_section (self, jj_outline_entry_get_title (entry), 0);
          break;
        case JJ_OUTLINE_KIND_TITLE:
        case JJ_OUTLINE_KIND_ENUMERATOR:
        default:
          break;
        }
    }

  return self;
}

const char *
jj_draft_get_title (JjDraft *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT (self), NULL);

  return self->title;
}

void
jj_draft_set_title (JjDraft    *self,
                    const char *title)
{
  g_return_if_fail (JJ_IS_DRAFT (self));
  g_return_if_fail (title != NULL);

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GListModel *
jj_draft_get_sections (JjDraft *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT (self), NULL);

  return G_LIST_MODEL (self->sections);
}

guint
jj_draft_get_n_sections (JjDraft *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sections));
}

/* Returns: (transfer none) */
JjDraftSection *
jj_draft_get_section (JjDraft *self,
                      guint    position)
{
  JjDraftSection *section;

  g_return_val_if_fail (JJ_IS_DRAFT (self), NULL);

  section = g_list_model_get_item (G_LIST_MODEL (self->sections), position);
  if (section != NULL)
    g_object_unref (section);  /* the store keeps its own reference */
  return section;
}

void
jj_draft_insert_section (JjDraft        *self,
                         guint           position,
                         JjDraftSection *section)
{
  g_return_if_fail (JJ_IS_DRAFT (self));
  g_return_if_fail (JJ_IS_DRAFT_SECTION (section));

  position = MIN (position, jj_draft_get_n_sections (self));
  g_list_store_insert (self->sections, position, section);
}

void
jj_draft_remove_section (JjDraft *self,
                         guint    position)
{
  g_return_if_fail (JJ_IS_DRAFT (self));
  g_return_if_fail (position < jj_draft_get_n_sections (self));

  g_list_store_remove (self->sections, position);
}

/**
 * jj_draft_move_card:
 * @to_card: the card's position in @to_section once it has left @from_section
 *
 * Moves a card, within its section or to another one.
 *
 * Returns: FALSE when a position is out of range; the draft is then unchanged.
 */
gboolean
jj_draft_move_card (JjDraft *self,
                    guint    from_section,
                    guint    from_card,
                    guint    to_section,
                    guint    to_card)
{
  JjDraftSection *source, *target;
  g_autoptr(JjDraftCard) card = NULL;
  guint n_target;

  g_return_val_if_fail (JJ_IS_DRAFT (self), FALSE);

  source = jj_draft_get_section (self, from_section);
  target = jj_draft_get_section (self, to_section);
  if (source == NULL || target == NULL || from_card >= jj_draft_section_get_n_cards (source))
    return FALSE;

  n_target = jj_draft_section_get_n_cards (target) - (source == target ? 1 : 0);
  if (to_card > n_target)
    return FALSE;
  if (source == target && from_card == to_card)
    return TRUE;

  card = g_object_ref (jj_draft_section_get_card (source, from_card));
  jj_draft_section_remove_card (source, from_card);
  jj_draft_section_insert_card (target, to_card, card);

  return TRUE;
}

/* Moves the section at @from, with its cards, to @to. */
gboolean
jj_draft_move_section (JjDraft *self,
                       guint    from,
                       guint    to)
{
  g_autoptr(JjDraftSection) section = NULL;
  guint n;

  g_return_val_if_fail (JJ_IS_DRAFT (self), FALSE);

  n = jj_draft_get_n_sections (self);
  if (from >= n || to >= n)
    return FALSE;
  if (from == to)
    return TRUE;

  section = g_object_ref (jj_draft_get_section (self, from));
  g_list_store_remove (self->sections, from);
  g_list_store_insert (self->sections, to, section);

  return TRUE;
}

static char *
utf8_slice (const char *text,
            glong       start,
            glong       end)
{
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (text, end);

  return g_strndup (a, b - a);
}

/**
 * jj_draft_split_card:
 * @offset: where to split, in characters of the card's text
 *
 * Splits a card in two at @offset. Halves of a borrowed passage the writer
 * has not changed quote their own halves of the source; once it has been
 * changed, no one knows which part of the quote each half came from, so
 * both keep the whole quote and its source.
 *
 * Returns: FALSE when there is nothing on one side of @offset.
 */
gboolean
jj_draft_split_card (JjDraft *self,
                     guint    section_position,
                     guint    card_position,
                     guint    offset)
{
  JjDraftSection *section;
  JjDraftCard *card;
  g_autoptr(JjDraftCard) first = NULL;
  g_autoptr(JjDraftCard) second = NULL;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  const char *text;
  glong length;

  g_return_val_if_fail (JJ_IS_DRAFT (self), FALSE);

  section = jj_draft_get_section (self, section_position);
  if (section == NULL || card_position >= jj_draft_section_get_n_cards (section))
    return FALSE;

  card = jj_draft_section_get_card (section, card_position);
  text = jj_draft_card_get_text (card);
  length = g_utf8_strlen (text, -1);
  if (offset == 0 || offset >= length)
    return FALSE;

  head = utf8_slice (text, 0, offset);
  tail = utf8_slice (text, offset, length);

  if (jj_draft_card_get_kind (card) == JJ_DRAFT_CARD_OWN)
    {
      first = jj_draft_card_new_own (head);
      second = jj_draft_card_new_own (tail);
    }
  else if (g_strcmp0 (text, jj_draft_card_get_quote (card)) == 0)
    {
      guint start = jj_draft_card_get_start (card);
      guint end = jj_draft_card_get_end (card);
      guint middle = MIN (start + offset, end);

      first = jj_draft_card_new_borrowed (head, jj_draft_card_get_document (card),
                                          jj_draft_card_get_document_title (card),
                                          jj_draft_card_get_mark_id (card),
                                          jj_draft_card_get_section (card), start, middle);
      second = jj_draft_card_new_borrowed (tail, jj_draft_card_get_document (card),
                                           jj_draft_card_get_document_title (card),
                                           jj_draft_card_get_mark_id (card),
                                           jj_draft_card_get_section (card), middle, end);
    }
  else
    {
      first = jj_draft_card_copy (card);
      second = jj_draft_card_copy (card);
      jj_draft_card_set_text (first, head);
      jj_draft_card_set_text (second, tail);
    }

  jj_draft_section_remove_card (section, card_position);
  jj_draft_section_insert_card (section, card_position, first);
  jj_draft_section_insert_card (section, card_position + 1, second);

  return TRUE;
}

gboolean
jj_draft_is_draft_name (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return g_str_has_suffix (path, JJ_DRAFT_SUFFIX);
}

/* Writing */

static void
write_uint_attribute (xmlTextWriter *w,
                      const char    *name,
                      guint          value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", value);
  xmlTextWriterWriteAttribute (w, X (name), X (buf));
}

static void
write_optional_attribute (xmlTextWriter *w,
                          const char    *name,
                          const char    *value)
{
  if (value != NULL && *value != '\0')
    xmlTextWriterWriteAttribute (w, X (name), X (value));
}

static void
write_card (xmlTextWriter *w,
            JjDraftCard   *card)
{
  gboolean borrowed = jj_draft_card_get_kind (card) == JJ_DRAFT_CARD_BORROWED;

  xmlTextWriterStartElement (w, X ("card"));
  xmlTextWriterWriteAttribute (w, X ("kind"), X (borrowed ? "borrowed" : "own"));
  if (borrowed)
    {
      xmlTextWriterStartElement (w, X ("source"));
      write_optional_attribute (w, "document", jj_draft_card_get_document (card));
      write_optional_attribute (w, "title", jj_draft_card_get_document_title (card));
      write_optional_attribute (w, "mark", jj_draft_card_get_mark_id (card));
      write_optional_attribute (w, "section", jj_draft_card_get_section (card));
      write_uint_attribute (w, "start", jj_draft_card_get_start (card));
      write_uint_attribute (w, "end", jj_draft_card_get_end (card));
      xmlTextWriterEndElement (w);
      xmlTextWriterWriteElement (w, X ("quote"), X (jj_draft_card_get_quote (card)));
    }
  xmlTextWriterWriteElement (w, X ("text"), X (jj_draft_card_get_text (card)));
  xmlTextWriterEndElement (w);
}

/**
 * jj_draft_to_xml:
 *
 * Returns: the draft as the contents of a .jiejian-draft.xml file.
 */
char *
jj_draft_to_xml (JjDraft *self,
                 gsize   *length)
{
  xmlBuffer *buffer;
  xmlTextWriter *w;
  char *data;

  g_return_val_if_fail (JJ_IS_DRAFT (self), NULL);

  buffer = xmlBufferCreate ();
  w = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, X ("  "));
  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElementNS (w, NULL, X ("draft"), X (JJ_DRAFT_NAMESPACE));
  xmlTextWriterWriteAttribute (w, X ("version"), X ("1"));
  xmlTextWriterWriteElement (w, X ("title"), X (self->title));
  for (guint i = 0; i < jj_draft_get_n_sections (self); i++)
    {
      JjDraftSection *section = jj_draft_get_section (self, i);

      xmlTextWriterStartElement (w, X ("section"));
      write_uint_attribute (w, "level", jj_draft_section_get_level (section));
      xmlTextWriterWriteElement (w, X ("heading"), X (jj_draft_section_get_heading (section)));
      for (guint j = 0; j < jj_draft_section_get_n_cards (section); j++)
        write_card (w, jj_draft_section_get_card (section, j));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);

  data = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  if (length != NULL)
    *length = xmlBufferLength (buffer);
  xmlBufferFree (buffer);

  return data;
}

gboolean
jj_draft_save (JjDraft     *self,
               const char  *path,
               GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (JJ_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = jj_draft_to_xml (self, &length);
  return jj_atomic_file_write (path, data, length, FALSE, error);
}

/* Reading */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && xmlStrEqual (node->ns->href, X (JJ_DRAFT_NAMESPACE))
         && xmlStrEqual (node->name, X (name));
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return g_strdup ("");
  content = xmlNodeGetContent (node);
  text = g_strdup (content != NULL ? (const char *) content : "");
  xmlFree (content);

  return text;
}

static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, X (name));
  char *result = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return result;
}

static guint
uint_attribute (xmlNode    *node,
                const char *name)
{
  g_autofree char *value = attribute (node, name);
  guint64 number = 0;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &number, NULL))
    return 0;
  return (guint) number;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, name))
      return c;
  return NULL;
}

static JjDraftCard *
read_card (xmlNode *node)
{
  g_autofree char *kind = attribute (node, "kind");
  g_autofree char *text = node_text (child (node, "text"));
  xmlNode *source;
  JjDraftCard *card;

  if (g_strcmp0 (kind, "borrowed") != 0)
    return jj_draft_card_new_own (text);

  source = child (node, "source");
  {
    g_autofree char *quote = node_text (child (node, "quote"));
    g_autofree char *document = source ? attribute (source, "document") : NULL;
    g_autofree char *title = source ? attribute (source, "title") : NULL;
    g_autofree char *mark = source ? attribute (source, "mark") : NULL;
    g_autofree char *section = source ? attribute (source, "section") : NULL;

    card = jj_draft_card_new_borrowed (quote, document, title, mark, section,
                                       source ? uint_attribute (source, "start") : 0,
                                       source ? uint_attribute (source, "end") : 0);
  }
  jj_draft_card_set_text (card, text);

  return card;
}

JjDraft *
jj_draft_new_from_xml (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(JjDraft) self = NULL;
  xmlDoc *doc;
  xmlNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (length > MAX_FILE_SIZE)
    {
      g_set_error (error, JJ_DRAFT_ERROR, JJ_DRAFT_ERROR_TOO_LARGE,
                   _("The draft is larger than 64 MB and was not opened."));
      return NULL;
    }

  doc = xmlReadMemory (data, (int) length, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL || doc->intSubset != NULL || doc->extSubset != NULL || !is_element (root, "draft"))
    {
      g_set_error (error, JJ_DRAFT_ERROR, JJ_DRAFT_ERROR_INVALID,
                   _("The file is not a Jiejian draft, or it is damaged."));
      xmlFreeDoc (doc);
      return NULL;
    }

  self = jj_draft_new (NULL);
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (is_element (node, "title"))
        {
          g_autofree char *title = node_text (node);

          jj_draft_set_title (self, title);
        }
      else if (is_element (node, "section"))
        {
          g_autofree char *heading = node_text (child (node, "heading"));
          g_autoptr(JjDraftSection) section = jj_draft_section_new (heading, uint_attribute (node, "level"));

          for (xmlNode *c = node->children; c != NULL; c = c->next)
            if (is_element (c, "card"))
              {
                g_autoptr(JjDraftCard) card = read_card (c);

                jj_draft_section_append_card (section, card);
              }
          g_list_store_append (self->sections, section);
        }
    }
  xmlFreeDoc (doc);

  return g_steal_pointer (&self);
}

JjDraft *
jj_draft_load (const char  *path,
               GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return jj_draft_new_from_xml (data, length, error);
}

/* Markdown: headings by level, the salutation and closing as lines, each
 * borrowed card's source as a footnote. */

static void
append_markdown_text (GString    *out,
                      const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (strchr ("#>-+*", lines[i][0]) != NULL)
        g_string_append_c (out, '\\');
      g_string_append (out, lines[i]);
      g_string_append (out, "\n\n");
    }
}

char *
jj_draft_to_markdown (JjDraft *self)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  GString *out;
  guint n_notes = 0;

  g_return_val_if_fail (JJ_IS_DRAFT (self), NULL);

  out = g_string_new (NULL);
  if (*self->title != '\0')
    g_string_append_printf (out, "# %s\n\n", self->title);

  for (guint i = 0; i < jj_draft_get_n_sections (self); i++)
    {
      JjDraftSection *section = jj_draft_get_section (self, i);
      guint level = jj_draft_section_get_level (section);
      const char *heading = jj_draft_section_get_heading (section);

      if (level == 0)
        append_markdown_text (out, heading);
      else if (*heading != '\0')
        g_string_append_printf (out, "%.*s %s\n\n", (int) MIN (level + 1, 6), "######", heading);

      for (guint j = 0; j < jj_draft_section_get_n_cards (section); j++)
        {
          JjDraftCard *card = jj_draft_section_get_card (section, j);
          gsize before = out->len;

          append_markdown_text (out, jj_draft_card_get_text (card));
          if (jj_draft_card_get_kind (card) == JJ_DRAFT_CARD_BORROWED)
            {
              const char *title = jj_draft_card_get_document_title (card);
              const char *where = jj_draft_card_get_section (card);

              n_notes++;
              /* The footnote mark goes after the card's last paragraph. */
              if (out->len > before)
                g_string_truncate (out, out->len - 2);
              g_string_append_printf (out, "[^%u]\n\n", n_notes);
              g_string_append_printf (notes, "[^%u]: 《%s》%s%s\n", n_notes,
                                      title != NULL ? title : jj_draft_card_get_document (card),
                                      where != NULL && *where != '\0' ? "，" : "",
                                      where != NULL ? where : "");
            }
        }
    }
  if (notes->len > 0)
    g_string_append (out, notes->str);

  return g_string_free (out, FALSE);
}

/**
 * jj_draft_to_docx:
 *
 * The draft as a Word manuscript in the layout of official documents
 * (GB/T 9704-2012), its sources listed at the end.
 *
 * Returns: (transfer full): the .docx file's bytes, or %NULL with @error set
 */
GBytes *
jj_draft_to_docx (JjDraft  *self,
                  GError  **error)
{
  g_autoptr(JjDocxWriter) writer = jj_docx_writer_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (JJ_IS_DRAFT (self), NULL);

  jj_docx_writer_set_layout (writer, JJ_DOCX_LAYOUT_OFFICIAL);
  jj_docx_writer_set_title (writer, self->title);
  if (*self->title != '\0')
    jj_docx_writer_add_paragraph (writer, JJ_DOCX_STYLE_TITLE, self->title);

  for (guint i = 0; i < jj_draft_get_n_sections (self); i++)
    {
      JjDraftSection *section = jj_draft_get_section (self, i);
      const char *heading = jj_draft_section_get_heading (section);

      if (jj_draft_section_get_level (section) == 0)
        {
          if (*heading != '\0')
            jj_docx_writer_add_paragraph (writer, JJ_DOCX_STYLE_NORMAL, heading);
        }
      else if (*heading != '\0')
        jj_docx_writer_add_heading (writer, jj_draft_section_get_level (section), heading);

      for (guint j = 0; j < jj_draft_section_get_n_cards (section); j++)
        {
          JjDraftCard *card = jj_draft_section_get_card (section, j);
          g_auto(GStrv) lines = g_strsplit (jj_draft_card_get_text (card), "\n", -1);

          for (guint k = 0; lines[k] != NULL; k++)
            {
              g_strstrip (lines[k]);
              if (*lines[k] != '\0')
                jj_docx_writer_add_paragraph (writer, JJ_DOCX_STYLE_NORMAL, lines[k]);
            }
          if (jj_draft_card_get_kind (card) == JJ_DRAFT_CARD_BORROWED)
            {
              const char *title = jj_draft_card_get_document_title (card);
              const char *where = jj_draft_card_get_section (card);

              g_ptr_array_add (sources, g_strdup_printf ("%u. 《%s》%s%s", sources->len + 1,
                                                         title != NULL ? title : jj_draft_card_get_document (card),
                                                         where != NULL && *where != '\0' ? "，" : "",
                                                         where != NULL ? where : ""));
            }
        }
    }

  if (sources->len > 0)
    {
      /* The list of sources is for the writer: it goes before the speech
       * is sent, and says where each borrowed passage came from. */
      jj_docx_writer_add_paragraph (writer, JJ_DOCX_STYLE_NOTE, "附：引用出处");
      for (guint i = 0; i < sources->len; i++)
        jj_docx_writer_add_paragraph (writer, JJ_DOCX_STYLE_NOTE, g_ptr_array_index (sources, i));
    }

  return jj_docx_writer_to_bytes (writer, error);
}

/* Plain text: the title, the headings and the cards, a paragraph a line. */
char *
jj_draft_to_text (JjDraft *self)
{
  GString *out;

  g_return_val_if_fail (JJ_IS_DRAFT (self), NULL);

  out = g_string_new (NULL);
  if (*self->title != '\0')
    g_string_append_printf (out, "%s\n", self->title);
  for (guint i = 0; i < jj_draft_get_n_sections (self); i++)
    {
      JjDraftSection *section = jj_draft_get_section (self, i);

      if (*jj_draft_section_get_heading (section) != '\0')
        g_string_append_printf (out, "%s\n", jj_draft_section_get_heading (section));
      for (guint j = 0; j < jj_draft_section_get_n_cards (section); j++)
        {
          g_auto(GStrv) lines = g_strsplit (jj_draft_card_get_text (jj_draft_section_get_card (section, j)), "\n", -1);

          for (guint k = 0; lines[k] != NULL; k++)
            {
              g_strstrip (lines[k]);
              if (*lines[k] != '\0')
                g_string_append_printf (out, "%s\n", lines[k]);
            }
        }
    }

  return g_string_free (out, FALSE);
}
