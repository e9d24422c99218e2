/* jj-html-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>

#include "jj-document.h"
#include "jj-encoding.h"
#include "jj-html-reader.h"
#include "jj-paragraph-hint.h"
#include "jj-xml.h"

#define MAX_DEPTH 256
/* Longer attribute values (inline images, mostly) carry no text: they are
 * cut before parsing, which would otherwise take seconds and hundreds of
 * megabytes for one of 50 MB.
 */
#define MAX_ATTRIBUTE_VALUE (64 * 1024)
#define MAX_ATTRIBUTES 256

typedef struct
{
  GString *out;
  guint    length;
  GArray  *hints;
  guint    seg_start;
  guint    n_text;
  guint    n_bold;
  gint     heading;   /* 1-based, of the segment */
  gboolean space_pending;
} Reader;

static const char *const dropped[] = {
  "script", "style", "nav", "noscript", "iframe", "head", "header", "footer", "aside",
  "form", "button", "select", "option", "template", "svg", "object", "embed", "textarea",
  "title", "menu",
};

static const char *const blocks[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td",
  "th", "section", "article", "blockquote", "pre", "hr", "dd", "dt", "dl", "center",
  "main", "figure", "figcaption", "address", "body", "tbody", "thead", "caption",
};

static gboolean
name_in (const char         *name,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (name, list[i]) == 0)
      return TRUE;

  return FALSE;
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
end_segment (Reader *r)
{
  if (r->length > r->seg_start)
    {
      JjParagraphHint hint = { r->seg_start, r->length, -1, 0 };

      if (r->heading > 0)
        {
          hint.flags |= JJ_PARAGRAPH_HEADING_STYLE;
          hint.outline_level = r->heading - 1;
        }
      if (r->n_text > 0 && r->n_bold == r->n_text)
        hint.flags |= JJ_PARAGRAPH_BOLD;
      if (hint.flags != 0)
        g_array_append_val (r->hints, hint);
    }

  if (r->out->len > 0 && r->out->str[r->out->len - 1] != '\n')
    append_text (r, "\n", 1);

  r->seg_start = r->length;
  r->n_text = 0;
  r->n_bold = 0;
  r->heading = 0;
  r->space_pending = FALSE;
}

static void
add_text (Reader     *r,
          const char *text,
          gboolean    bold,
          gboolean    pre)
{
  gboolean visible = FALSE;

  for (const char *p = text; *p; p++)
    {
      char c = *p;

      if (pre)
        {
          g_string_append_c (r->out, c);
          if (((guchar)c & 0xC0) != 0x80)
            r->length++;
          continue;
        }

      if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f')
        {
          r->space_pending = TRUE;
          continue;
        }

      if (r->space_pending)
        {
          /* a line break in the source between two Chinese characters is
           * not a space in Chinese text
           */
          gboolean cjk = FALSE;

          if (r->out->len > 0)
            {
              const char *last = g_utf8_find_prev_char (r->out->str, r->out->str + r->out->len);
              gunichar before = last ? g_utf8_get_char (last) : 0;
              gunichar after = g_utf8_get_char_validated (p, -1);

              cjk = before >= 0x2E80 && after != (gunichar)-1 && after != (gunichar)-2 && after >= 0x2E80;
            }

          if (!cjk && r->out->len > 0 && r->out->str[r->out->len - 1] != '\n')
            append_text (r, " ", 1);
          r->space_pending = FALSE;
        }

      g_string_append_c (r->out, c);
      if (((guchar)c & 0xC0) != 0x80)
        r->length++;
      visible = TRUE;
    }

  if (visible)
    {
      r->n_text++;
      if (bold)
        r->n_bold++;
    }
}

static void
walk (Reader  *r,
      xmlNode *first,
      gboolean bold,
      gboolean pre,
      guint    depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *c = first; c; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          if (c->content != NULL)
            add_text (r, (const char *)c->content, bold, pre);
        }
      else if (c->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *)c->name;
          gboolean is_block;

          if (name_in (name, dropped, G_N_ELEMENTS (dropped)))
            continue;

          if (g_ascii_strcasecmp (name, "br") == 0)
            {
              end_segment (r);
              continue;
            }

          is_block = name_in (name, blocks, G_N_ELEMENTS (blocks));
          if (is_block)
            end_segment (r);

          if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
            r->heading = name[1] - '0';

          walk (r, c->children,
                bold || g_ascii_strcasecmp (name, "b") == 0 || g_ascii_strcasecmp (name, "strong") == 0,
                pre || g_ascii_strcasecmp (name, "pre") == 0,
                depth + 1);

          if (is_block)
            end_segment (r);
        }
    }
}

/* <meta charset="gbk"> or <meta http-equiv=… content="text/html; charset=gb2312"> */
static char *
find_meta_charset (const char *data,
                   gsize       n_bytes)
{
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *head = NULL;
  gsize n = MIN (n_bytes, 8192);

  /* only the ASCII bytes matter; others would upset the regex */
  head = g_strndup (data, n);
  for (gsize i = 0; head[i]; i++)
    if ((guchar)head[i] >= 0x80)
      head[i] = ' ';

  re = g_regex_new ("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", G_REGEX_CASELESS, 0, NULL);
  if (re != NULL && g_regex_match (re, head, 0, &match))
    return g_match_info_fetch (match, 1);

  return NULL;
}

static const char *
canonical_encoding (const char *name)
{
  if (g_ascii_strcasecmp (name, "gb2312") == 0 || g_ascii_strcasecmp (name, "gbk") == 0 ||
      g_ascii_strcasecmp (name, "gb18030") == 0 || g_ascii_strcasecmp (name, "x-gbk") == 0 ||
      g_ascii_strcasecmp (name, "cp936") == 0)
    return "GB18030";
  if (g_ascii_strcasecmp (name, "big5") == 0 || g_ascii_strcasecmp (name, "big5-hkscs") == 0)
    return "BIG5";
  if (g_ascii_strcasecmp (name, "utf-8") == 0 || g_ascii_strcasecmp (name, "utf8") == 0)
    return "UTF-8";

  return NULL;
}

/* Shortens over-long quoted values inside tags, and drops attributes
 * past the first MAX_ATTRIBUTES of a tag (libxml2 compares each one with
 * all before it), in place; returns the new length. Cuts fall on
 * character boundaries.
 */
static gsize
cut_long_attributes (char  *html,
                     gsize  n_bytes)
{
  gboolean in_tag = FALSE;
  char quote = 0;
  gsize value_length = 0;
  guint n_attributes = 0;
  gsize out = 0;

  for (gsize i = 0; i < n_bytes; i++)
    {
      char c = html[i];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
          else if (++value_length > MAX_ATTRIBUTE_VALUE &&
                   ((guchar) c & 0xC0) != 0x80)
            {
              const char *end = memchr (html + i, quote, n_bytes - i);

              i = (end != NULL ? (gsize) (end - html) : n_bytes) - 1;
              continue;
            }
        }
      else if (in_tag)
        {
          if (c == '>')
            in_tag = FALSE;
          else if (c == '"' || c == '\'')
            {
              quote = c;
              value_length = 0;
            }
          else if (c == '=')
            n_attributes++;
        }
      else if (c == '<' && i + 1 < n_bytes && g_ascii_isalpha (html[i + 1]))
        {
          in_tag = TRUE;
          n_attributes = 0;
        }

      if (n_attributes > MAX_ATTRIBUTES && (in_tag || quote != 0))
        continue;
      html[out++] = c;
    }

  return out;
}

char *
jj_html_reader_read (const char  *data,
                     gsize        n_bytes,
                     GArray      *hints,
                     gsize       *out_n_bytes,
                     char       **encoding,
                     GError     **error)
{
  g_autofree char *meta = NULL;
  g_autofree char *utf8 = NULL;
  const char *enc = NULL;
  htmlDocPtr doc;
  gsize bom = 0;
  gsize utf8_len = 0;
  Reader r = { 0 };

  meta = find_meta_charset (data, n_bytes);
  if (meta != NULL)
    enc = canonical_encoding (meta);
  if (enc == NULL)
    enc = jj_encoding_detect (data, n_bytes, &bom);
  if (enc == NULL)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_BINARY,
                   _("it is not a web page."));
      return NULL;
    }

  /* Decode first with our own replacement of bad bytes, then give the
   * parser UTF-8: a page that lies about its charset still reads.
   */
  utf8 = jj_encoding_decode (data + bom, n_bytes - bom, enc, &utf8_len, NULL, error);
  if (utf8 == NULL)
    return NULL;
  utf8_len = cut_long_attributes (utf8, utf8_len);

  doc = jj_xml_read_html (utf8, utf8_len, error);
  if (doc == NULL)
    return NULL;

  r.out = g_string_new (NULL);
  r.hints = hints;
  walk (&r, doc->children, FALSE, FALSE, 0);
  end_segment (&r);
  xmlFreeDoc (doc);

  if (encoding != NULL)
    *encoding = g_strdup (enc);
  if (out_n_bytes != NULL)
    *out_n_bytes = r.out->len;

  return g_string_free (r.out, FALSE);
}
