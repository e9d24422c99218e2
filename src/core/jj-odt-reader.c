/* jj-odt-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jj-document.h"
#include "jj-docx-reader.h"
#include "jj-odt-reader.h"
#include "jj-paragraph-hint.h"
#include "jj-xml.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_STYLE  "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_FO     "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define MAX_DEPTH 64
#define MAX_LIST_LEVELS 10

typedef struct
{
  char *parent;
  gint  bold;      /* -1 unset */
  gint  centered;  /* -1 unset */
  gint  heading;   /* 1-based from the style name, 0 when none */
} Style;

typedef struct
{
  char    *format;   /* a Word number format name, NULL for bullets */
  char    *prefix;
  char    *suffix;
  guint    start;
  guint    display_levels;
} ListLevel;

typedef struct
{
  ListLevel levels[MAX_LIST_LEVELS];
  gint      counters[MAX_LIST_LEVELS];  /* -1 when not started */
} ListStyle;

typedef struct
{
  GHashTable *styles;
  GHashTable *list_styles;  /* name → ListStyle */
  GString    *out;
  guint       length;
  GArray     *hints;
  guint       n_text;
  guint       n_bold;
} Reader;

static void
style_free (gpointer data)
{
  Style *s = data;

  g_free (s->parent);
  g_free (s);
}

static void
list_style_free (gpointer data)
{
  ListStyle *l = data;

  for (guint i = 0; i < MAX_LIST_LEVELS; i++)
    {
      g_free (l->levels[i].format);
      g_free (l->levels[i].prefix);
      g_free (l->levels[i].suffix);
    }
  g_free (l);
}

/* ODF names number formats by their first items. */
static char *
word_format (const char *odf)
{
  static const struct { const char *prefix; const char *word; } formats[] = {
    { "1", "decimal" }, { "一", "chineseCounting" }, { "壹", "chineseLegalSimplified" },
    { "甲", "ideographTraditional" }, { "子", "ideographZodiac" }, { "a", "lowerLetter" },
    { "A", "upperLetter" }, { "i", "lowerRoman" }, { "I", "upperRoman" },
    { "①", "decimalEnclosedCircle" }, { "１", "decimalFullWidth" }, { "〇", "ideographDigital" },
  };

  if (odf == NULL || *odf == '\0')
    return g_strdup ("none");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_prefix (odf, formats[i].prefix))
      return g_strdup (formats[i].word);

  return g_strdup ("decimal");
}

static void
read_list_styles (Reader  *r,
                  xmlNode *container)
{
  for (xmlNode *n = container ? container->children : NULL; n; n = n->next)
    {
      char *name;
      ListStyle *l;

      if (!jj_xml_is (n, NS_TEXT, "list-style"))
        continue;
      name = jj_xml_get_attr (n, NS_STYLE, "name");
      if (name == NULL)
        continue;

      l = g_new0 (ListStyle, 1);
      for (guint i = 0; i < MAX_LIST_LEVELS; i++)
        {
          l->counters[i] = -1;
          l->levels[i].start = 1;
          l->levels[i].display_levels = 1;
        }

      for (xmlNode *c = n->children; c; c = c->next)
        {
          g_autofree char *level = NULL;
          g_autofree char *start = NULL;
          g_autofree char *display = NULL;
          g_autofree char *format = NULL;
          ListLevel *lv;
          gint i;

          if (!jj_xml_is (c, NS_TEXT, "list-level-style-number"))
            continue;
          level = jj_xml_get_attr (c, NS_TEXT, "level");
          i = level ? atoi (level) - 1 : -1;
          if (i < 0 || i >= MAX_LIST_LEVELS)
            continue;

          lv = &l->levels[i];
          format = jj_xml_get_attr (c, NS_STYLE, "num-format");
          lv->format = word_format (format);
          lv->prefix = jj_xml_get_attr (c, NS_STYLE, "num-prefix");
          lv->suffix = jj_xml_get_attr (c, NS_STYLE, "num-suffix");
          start = jj_xml_get_attr (c, NS_TEXT, "start-value");
          if (start != NULL)
            lv->start = CLAMP (atoi (start), 0, 100000);
          display = jj_xml_get_attr (c, NS_TEXT, "display-levels");
          if (display != NULL)
            lv->display_levels = CLAMP (atoi (display), 1, i + 1);
        }

      g_hash_table_replace (r->list_styles, name, l);
    }
}

/* Counts the item at @level of @l and renders its label. */
static char *
list_label (ListStyle *l,
            guint      level)
{
  const ListLevel *lv = &l->levels[level];
  GString *s;

  for (guint i = 0; i <= level; i++)
    {
      if (i == level)
        l->counters[i] = l->counters[i] < 0 ? (gint)lv->start : l->counters[i] + 1;
      else if (l->counters[i] < 0)
        l->counters[i] = l->levels[i].start;
    }
  for (guint i = level + 1; i < MAX_LIST_LEVELS; i++)
    l->counters[i] = -1;

  if (lv->format == NULL || g_str_equal (lv->format, "none"))
    return g_strdup ("");

  s = g_string_new (lv->prefix);
  for (guint i = level + 1 - lv->display_levels; i <= level; i++)
    {
      g_autofree char *number = jj_docx_format_number (l->levels[i].format, (guint)MAX (l->counters[i], 0));

      if (i > level + 1 - lv->display_levels)
        g_string_append_c (s, '.');
      g_string_append (s, number);
    }
  if (lv->suffix != NULL)
    g_string_append (s, lv->suffix);

  return g_string_free (s, FALSE);
}

static gint
heading_from_name (const char *name)
{
  const char *prefixes[] = { "Heading_20_", "Heading ", "标题_20_", "标题 " };

  if (name == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      {
        const char *d = name + strlen (prefixes[i]);

        if (*d >= '1' && *d <= '9' && d[1] == '\0')
          return *d - '0';
      }

  return 0;
}

static void
read_styles (Reader  *r,
             xmlNode *container)
{
  for (xmlNode *n = container ? container->children : NULL; n; n = n->next)
    {
      char *name;
      Style *s;
      xmlNode *tp;
      xmlNode *pp;

      if (!jj_xml_is (n, NS_STYLE, "style"))
        continue;
      name = jj_xml_get_attr (n, NS_STYLE, "name");
      if (name == NULL)
        continue;

      s = g_new0 (Style, 1);
      s->parent = jj_xml_get_attr (n, NS_STYLE, "parent-style-name");
      s->bold = -1;
      s->centered = -1;
      s->heading = heading_from_name (name);
      if (s->heading == 0)
        {
          g_autofree char *display = jj_xml_get_attr (n, NS_STYLE, "display-name");
          s->heading = heading_from_name (display);
        }

      tp = jj_xml_child (n, NS_STYLE, "text-properties");
      pp = jj_xml_child (n, NS_STYLE, "paragraph-properties");
      if (tp != NULL)
        {
          g_autofree char *weight = jj_xml_get_attr (tp, NS_FO, "font-weight");

          if (weight != NULL)
            s->bold = g_str_equal (weight, "bold") || atoi (weight) >= 600;
        }
      if (pp != NULL)
        {
          g_autofree char *align = jj_xml_get_attr (pp, NS_FO, "text-align");

          if (align != NULL)
            s->centered = g_str_equal (align, "center");
        }

      g_hash_table_replace (r->styles, name, s);
    }
}

static gint
style_bold (Reader     *r,
            const char *name)
{
  for (guint depth = 0; name != NULL && depth < 10; depth++)
    {
      const Style *s = g_hash_table_lookup (r->styles, name);

      if (s == NULL)
        return -1;
      if (s->bold >= 0)
        return s->bold;
      name = s->parent;
    }

  return -1;
}

static gint
style_centered (Reader     *r,
                const char *name)
{
  for (guint depth = 0; name != NULL && depth < 10; depth++)
    {
      const Style *s = g_hash_table_lookup (r->styles, name);

      if (s == NULL)
        return -1;
      if (s->centered >= 0)
        return s->centered;
      name = s->parent;
    }

  return -1;
}

static gint
style_heading (Reader     *r,
               const char *name)
{
  for (guint depth = 0; name != NULL && depth < 10; depth++)
    {
      const Style *s = g_hash_table_lookup (r->styles, name);

      if (s == NULL)
        return 0;
      if (s->heading > 0)
        return s->heading;
      name = s->parent;
    }

  return 0;
}

static void
append_text (Reader     *r,
             const char *text,
             gssize      n_bytes)
{
  if (n_bytes < 0)
    n_bytes = strlen (text);
  g_string_append_len (r->out, text, n_bytes);
  r->length += g_utf8_strlen (text, n_bytes);
}

static void
read_inline (Reader   *r,
             xmlNode  *parent,
             gboolean  bold,
             guint     depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          const char *t = (const char *)c->content;
          gboolean visible = FALSE;

          /* ODF collapses white space in text content like XML does not */
          for (const char *p = t; p && *p; p++)
            {
              if (*p == '\n' || *p == '\r' || *p == '\t')
                continue;
              if (*p != ' ')
                visible = TRUE;
              g_string_append_c (r->out, *p);
              if (((guchar)*p & 0xC0) != 0x80)
                r->length++;
            }
          if (visible)
            {
              r->n_text++;
              if (bold)
                r->n_bold++;
            }
        }
      else if (jj_xml_is (c, NS_TEXT, "span") || jj_xml_is (c, NS_TEXT, "a") ||
               jj_xml_is (c, NS_TEXT, "number"))
        {
          g_autofree char *style = jj_xml_get_attr (c, NS_TEXT, "style-name");
          gint b = style ? style_bold (r, style) : -1;

          read_inline (r, c, b >= 0 ? b : bold, depth + 1);
        }
      else if (jj_xml_is (c, NS_TEXT, "s"))
        {
          g_autofree char *count = jj_xml_get_attr (c, NS_TEXT, "c");
          gint n = count ? CLAMP (atoi (count), 1, 100) : 1;

          for (gint i = 0; i < n; i++)
            append_text (r, " ", 1);
        }
      else if (jj_xml_is (c, NS_TEXT, "tab"))
        append_text (r, "\t", 1);
      else if (jj_xml_is (c, NS_TEXT, "line-break"))
        append_text (r, "\n", 1);
    }
}

static void
read_paragraph (Reader     *r,
                xmlNode    *p,
                gint        level,
                const char *label)
{
  g_autofree char *style = jj_xml_get_attr (p, NS_TEXT, "style-name");
  JjParagraphHint hint = { 0, 0, -1, 0 };
  gint heading;
  gint b;

  if (r->out->len > 0)
    append_text (r, "\n", 1);
  hint.start = r->length;

  heading = style ? style_heading (r, style) : 0;
  if (level > 0 || heading > 0)
    {
      hint.flags |= JJ_PARAGRAPH_HEADING_STYLE;
      hint.outline_level = (level > 0 ? level : heading) - 1;
    }
  if (style != NULL && style_centered (r, style) > 0)
    hint.flags |= JJ_PARAGRAPH_CENTERED;

  if (label != NULL && *label != '\0')
    {
      append_text (r, label, -1);
      hint.flags |= JJ_PARAGRAPH_NUMBERED;
    }

  b = style ? style_bold (r, style) : -1;
  r->n_text = 0;
  r->n_bold = 0;
  read_inline (r, p, b > 0, 0);
  if (r->n_text > 0 && r->n_bold == r->n_text)
    hint.flags |= JJ_PARAGRAPH_BOLD;

  hint.end = r->length;
  g_array_append_val (r->hints, hint);
}

static void read_block (Reader     *r,
                        xmlNode    *parent,
                        guint       depth,
                        ListStyle  *list,
                        gint        list_level);

static void
read_list (Reader    *r,
           xmlNode   *node,
           guint      depth,
           ListStyle *list,
           gint       list_level)
{
  g_autofree char *style = jj_xml_get_attr (node, NS_TEXT, "style-name");
  g_autofree char *cont = jj_xml_get_attr (node, NS_TEXT, "continue-numbering");
  g_autofree char *cont_list = jj_xml_get_attr (node, NS_TEXT, "continue-list");
  ListStyle *own = style ? g_hash_table_lookup (r->list_styles, style) : NULL;

  if (own != NULL)
    {
      /* a new list restarts its numbers unless it says it continues */
      if (list_level < 0 && !(cont && g_str_equal (cont, "true")) && cont_list == NULL)
        for (guint i = 0; i < MAX_LIST_LEVELS; i++)
          own->counters[i] = -1;
      list = own;
    }

  list_level = MIN (list_level + 1, MAX_LIST_LEVELS - 1);

  for (xmlNode *item = node->children; item; item = item->next)
    {
      gboolean first = TRUE;

      if (!jj_xml_is (item, NS_TEXT, "list-item") && !jj_xml_is (item, NS_TEXT, "list-header"))
        continue;

      for (xmlNode *c = item->children; c; c = c->next)
        {
          if (c->type != XML_ELEMENT_NODE)
            continue;

          if (jj_xml_is (c, NS_TEXT, "p") || jj_xml_is (c, NS_TEXT, "h"))
            {
              g_autofree char *label = NULL;
              g_autofree char *level = jj_xml_get_attr (c, NS_TEXT, "outline-level");

              if (first && list != NULL && jj_xml_is (item, NS_TEXT, "list-item"))
                label = list_label (list, list_level);
              read_paragraph (r, c,
                              jj_xml_is (c, NS_TEXT, "h") ? (level ? CLAMP (atoi (level), 1, 10) : 1) : 0,
                              label);
            }
          else if (jj_xml_is (c, NS_TEXT, "list"))
            read_list (r, c, depth + 1, list, list_level);
          else
            read_block (r, c, depth + 1, list, list_level);
          first = FALSE;
        }
    }
}

static void
read_block (Reader    *r,
            xmlNode   *parent,
            guint      depth,
            ListStyle *list,
            gint       list_level)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;

      if (jj_xml_is (c, NS_TEXT, "p"))
        read_paragraph (r, c, 0, NULL);
      else if (jj_xml_is (c, NS_TEXT, "h"))
        {
          g_autofree char *level = jj_xml_get_attr (c, NS_TEXT, "outline-level");

          read_paragraph (r, c, level ? CLAMP (atoi (level), 1, 10) : 1, NULL);
        }
      else if (jj_xml_is (c, NS_TEXT, "list"))
        {
          if (depth <= MAX_DEPTH)
            read_list (r, c, depth + 1, list, list_level);
        }
      else if (jj_xml_is (c, NS_TEXT, "section") ||
               jj_xml_is (c, NS_TABLE, "table") || jj_xml_is (c, NS_TABLE, "table-row") ||
               jj_xml_is (c, NS_TABLE, "table-cell") || jj_xml_is (c, NS_TABLE, "table-rows") ||
               jj_xml_is (c, NS_TABLE, "table-header-rows"))
        read_block (r, c, depth + 1, list, list_level);
    }
}

char *
jj_odt_reader_read (JjZip    *zip,
                    GArray   *hints,
                    gsize    *n_bytes,
                    GError  **error)
{
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(GHashTable) style_table = NULL;
  g_autoptr(GHashTable) list_table = NULL;
  xmlNode *root;
  xmlNode *body;
  xmlNode *text;
  Reader r = { 0 };

  content = jj_xml_read_part (zip, "content.xml", FALSE, error);
  if (content == NULL)
    return NULL;

  root = xmlDocGetRootElement (content);
  body = jj_xml_child (root, NS_OFFICE, "body");
  text = jj_xml_child (body, NS_OFFICE, "text");
  if (text == NULL)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_UNSUPPORTED,
                   _("it is an OpenDocument file, but not a text document."));
      return NULL;
    }

  style_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  list_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_style_free);
  r.styles = style_table;
  r.list_styles = list_table;
  r.hints = hints;
  r.out = g_string_new (NULL);

  styles = jj_xml_read_part (zip, "styles.xml", TRUE, NULL);
  if (styles != NULL)
    {
      read_styles (&r, jj_xml_child (xmlDocGetRootElement (styles), NS_OFFICE, "styles"));
      read_list_styles (&r, jj_xml_child (xmlDocGetRootElement (styles), NS_OFFICE, "styles"));
    }
  read_styles (&r, jj_xml_child (root, NS_OFFICE, "automatic-styles"));
  read_list_styles (&r, jj_xml_child (root, NS_OFFICE, "automatic-styles"));

  read_block (&r, text, 0, NULL, -1);

  if (n_bytes != NULL)
    *n_bytes = r.out->len;

  return g_string_free (r.out, FALSE);
}
