/* jj-docx-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <archive.h>
#include <archive_entry.h>
#include <libxml/xmlwriter.h>

#include "jj-docx-writer.h"

#define NS_W     "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_CT    "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_RELS  "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CP    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define REL_DOC  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#define REL_CORE "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
#define REL_STY  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
#define REL_FTR  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
#define REL_SET  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
#define REL_FNT  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
#define CT_FTR   "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
#define CT_SET   "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
#define CT_FNT   "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"

/* SimSun for body text, SimHei for headings, KaiTi for citations: what
 * Chinese official documents use, and present wherever Word is.
 */
#define FONT_LATIN  "Times New Roman"
#define FONT_BODY   "宋体"
#define FONT_HEAD   "黑体"
#define FONT_SOURCE "楷体"

/* The official layout's fonts, by the names Word and WPS know them, each
 * with the font to use where it is missing (fontTable's altName). */
#define OFFICIAL_TITLE  "方正小标宋简体"
#define OFFICIAL_BODY   "仿宋_GB2312"
#define OFFICIAL_HEAD1  "黑体"
#define OFFICIAL_HEAD2  "楷体_GB2312"
#define OFFICIAL_PAGE   "宋体"

static const char * const official_fonts[][2] = {
  { OFFICIAL_TITLE, "宋体" },
  { OFFICIAL_BODY, "仿宋" },
  { OFFICIAL_HEAD1, "SimHei" },
  { OFFICIAL_HEAD2, "楷体" },
  { OFFICIAL_PAGE, "SimSun" },
};

/* Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
#define SIZE_2HAO "44"
#define SIZE_3HAO "32"
#define SIZE_4HAO "28"

typedef struct
{
  JjDocxStyle  style;
  char        *text;
} Paragraph;

struct _JjDocxWriter
{
  GObject  parent_instance;

  char         *title;
  GArray       *paragraphs;
  JjDocxLayout  layout;
};

G_DEFINE_FINAL_TYPE (JjDocxWriter, jj_docx_writer, G_TYPE_OBJECT)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

static const char * const style_ids[] = {
  [JJ_DOCX_STYLE_NORMAL]    = "Normal",
  [JJ_DOCX_STYLE_TITLE]     = "Title",
  [JJ_DOCX_STYLE_HEADING_1] = "Heading1",
  [JJ_DOCX_STYLE_HEADING_2] = "Heading2",
  [JJ_DOCX_STYLE_HEADING_3] = "Heading3",
  [JJ_DOCX_STYLE_QUOTE]     = "Quote",
  [JJ_DOCX_STYLE_SOURCE]    = "Source",
  [JJ_DOCX_STYLE_NOTE]      = "Note",
};

static void
clear_paragraph (gpointer data)
{
  Paragraph *p = data;

  g_clear_pointer (&p->text, g_free);
}

static void
jj_docx_writer_finalize (GObject *object)
{
  JjDocxWriter *self = (JjDocxWriter *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->paragraphs, g_array_unref);

  G_OBJECT_CLASS (jj_docx_writer_parent_class)->finalize (object);
}

static void
jj_docx_writer_class_init (JjDocxWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_docx_writer_finalize;
}

static void
jj_docx_writer_init (JjDocxWriter *self)
{
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  g_array_set_clear_func (self->paragraphs, clear_paragraph);
}

JjDocxWriter *
jj_docx_writer_new (void)
{
  return g_object_new (JJ_TYPE_DOCX_WRITER, NULL);
}

void
jj_docx_writer_set_layout (JjDocxWriter *self,
                           JjDocxLayout  layout)
{
  g_return_if_fail (JJ_IS_DOCX_WRITER (self));
  g_return_if_fail (layout <= JJ_DOCX_LAYOUT_OFFICIAL);

  self->layout = layout;
}

/* The title in the document properties (what a file manager shows). */
void
jj_docx_writer_set_title (JjDocxWriter *self,
                          const char   *title)
{
  g_return_if_fail (JJ_IS_DOCX_WRITER (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

void
jj_docx_writer_add_paragraph (JjDocxWriter *self,
                              JjDocxStyle   style,
                              const char   *text)
{
  Paragraph p;

  g_return_if_fail (JJ_IS_DOCX_WRITER (self));
  g_return_if_fail (style <= JJ_DOCX_STYLE_NOTE);
  g_return_if_fail (text != NULL);
  g_return_if_fail (g_utf8_validate (text, -1, NULL));

  p.style = style;
  p.text = g_strdup (text);
  g_array_append_val (self->paragraphs, p);
}

/* Levels deeper than 3 use the level-3 style. */
void
jj_docx_writer_add_heading (JjDocxWriter *self,
                            guint         level,
                            const char   *text)
{
  g_return_if_fail (JJ_IS_DOCX_WRITER (self));
  g_return_if_fail (level >= 1);

  jj_docx_writer_add_paragraph (self, JJ_DOCX_STYLE_HEADING_1 + MIN (level, 3) - 1, text);
}

guint
jj_docx_writer_get_n_paragraphs (JjDocxWriter *self)
{
  g_return_val_if_fail (JJ_IS_DOCX_WRITER (self), 0);

  return self->paragraphs->len;
}

#define X(s) ((const xmlChar *)(s))

static xmlTextWriter *
begin_part (xmlBuffer **buffer)
{
  xmlTextWriter *writer;

  *buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (*buffer, 0);
  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", "yes");

  return writer;
}

static void
end_part (xmlTextWriter *writer)
{
  xmlTextWriterEndDocument (writer);
  xmlTextWriterFlush (writer);
}

static void
element_with_attributes (xmlTextWriter *w,
                         const char    *name,
                         ...) G_GNUC_NULL_TERMINATED;

/* An empty element: name, then attribute name/value pairs, then NULL. */
static void
element_with_attributes (xmlTextWriter *w,
                         const char    *name,
                         ...)
{
  const char *attribute;
  va_list args;

  xmlTextWriterStartElement (w, X (name));
  va_start (args, name);
  while ((attribute = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      xmlTextWriterWriteAttribute (w, X (attribute), X (value));
    }
  va_end (args);
  xmlTextWriterEndElement (w);
}

static GBytes *
write_content_types (JjDocxLayout layout)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = begin_part (&buffer);

  xmlTextWriterStartElement (w, X ("Types"));
  xmlTextWriterWriteAttribute (w, X ("xmlns"), X (NS_CT));
  element_with_attributes (w, "Default", "Extension", "rels",
                           "ContentType", "application/vnd.openxmlformats-package.relationships+xml", NULL);
  element_with_attributes (w, "Default", "Extension", "xml",
                           "ContentType", "application/xml", NULL);
  element_with_attributes (w, "Override", "PartName", "/word/document.xml",
                           "ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", NULL);
  element_with_attributes (w, "Override", "PartName", "/word/styles.xml",
                           "ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", NULL);
  element_with_attributes (w, "Override", "PartName", "/docProps/core.xml",
                           "ContentType", "application/vnd.openxmlformats-package.core-properties+xml", NULL);
  if (layout == JJ_DOCX_LAYOUT_OFFICIAL)
    {
      element_with_attributes (w, "Override", "PartName", "/word/footer1.xml", "ContentType", CT_FTR, NULL);
      element_with_attributes (w, "Override", "PartName", "/word/footer2.xml", "ContentType", CT_FTR, NULL);
      element_with_attributes (w, "Override", "PartName", "/word/settings.xml", "ContentType", CT_SET, NULL);
      element_with_attributes (w, "Override", "PartName", "/word/fontTable.xml", "ContentType", CT_FNT, NULL);
    }
  xmlTextWriterEndElement (w);
  end_part (w);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

static GBytes *
write_relationships (const char * const *rels)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = begin_part (&buffer);

  xmlTextWriterStartElement (w, X ("Relationships"));
  xmlTextWriterWriteAttribute (w, X ("xmlns"), X (NS_RELS));
  for (guint i = 0; rels[i] != NULL; i += 2)
    {
      g_autofree char *id = g_strdup_printf ("rId%u", i / 2 + 1);

      element_with_attributes (w, "Relationship", "Id", id, "Type", rels[i],
                               "Target", rels[i + 1], NULL);
    }
  xmlTextWriterEndElement (w);
  end_part (w);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

static void
write_fonts (xmlTextWriter *w,
             const char    *east_asia)
{
  element_with_attributes (w, "w:rFonts",
                           "w:ascii", FONT_LATIN, "w:hAnsi", FONT_LATIN,
                           "w:eastAsia", east_asia, "w:cs", FONT_LATIN, NULL);
}

static void
write_size (xmlTextWriter *w,
            const char    *half_points)
{
  element_with_attributes (w, "w:sz", "w:val", half_points, NULL);
  element_with_attributes (w, "w:szCs", "w:val", half_points, NULL);
}

static void
begin_style (xmlTextWriter *w,
             const char    *id,
             const char    *name)
{
  xmlTextWriterStartElement (w, X ("w:style"));
  xmlTextWriterWriteAttribute (w, X ("w:type"), X ("paragraph"));
  if (g_str_equal (id, "Normal"))
    xmlTextWriterWriteAttribute (w, X ("w:default"), X ("1"));
  xmlTextWriterWriteAttribute (w, X ("w:styleId"), X (id));
  element_with_attributes (w, "w:name", "w:val", name, NULL);
  if (!g_str_equal (id, "Normal"))
    {
      element_with_attributes (w, "w:basedOn", "w:val", "Normal", NULL);
      element_with_attributes (w, "w:next", "w:val", "Normal", NULL);
    }
  element_with_attributes (w, "w:qFormat", NULL);
}

static void
write_heading_style (xmlTextWriter *w,
                     guint          level,
                     const char    *half_points)
{
  g_autofree char *id = g_strdup_printf ("Heading%u", level);
  g_autofree char *name = g_strdup_printf ("heading %u", level);
  g_autofree char *outline = g_strdup_printf ("%u", level - 1);

  begin_style (w, id, name);
  xmlTextWriterStartElement (w, X ("w:pPr"));
  element_with_attributes (w, "w:keepNext", NULL);
  element_with_attributes (w, "w:spacing", "w:before", "240", "w:after", "120", NULL);
  element_with_attributes (w, "w:outlineLvl", "w:val", outline, NULL);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, X ("w:rPr"));
  write_fonts (w, FONT_HEAD);
  element_with_attributes (w, "w:b", NULL);
  element_with_attributes (w, "w:bCs", NULL);
  write_size (w, half_points);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

static void
write_official_style (xmlTextWriter *w,
                      const char    *id,
                      const char    *name,
                      const char    *font,
                      const char    *size,
                      gboolean       bold,
                      int            outline_level,
                      gboolean       centered)
{
  begin_style (w, id, name);
  xmlTextWriterStartElement (w, X ("w:pPr"));
  if (outline_level >= 0)
    {
      char level[4];

      g_snprintf (level, sizeof level, "%d", outline_level);
      element_with_attributes (w, "w:keepNext", NULL);
      element_with_attributes (w, "w:outlineLvl", "w:val", level, NULL);
    }
  if (centered)
    {
      element_with_attributes (w, "w:jc", "w:val", "center", NULL);
      element_with_attributes (w, "w:ind", "w:firstLineChars", "0", "w:firstLine", "0", NULL);
    }
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, X ("w:rPr"));
  write_fonts (w, font);
  if (bold)
    {
      element_with_attributes (w, "w:b", NULL);
      element_with_attributes (w, "w:bCs", NULL);
    }
  write_size (w, size);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

/* Body text on the page's grid: one grid line a line, no space between
 * paragraphs, the first line indented two characters. */
static GBytes *
write_official_styles (void)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = begin_part (&buffer);

  xmlTextWriterStartElement (w, X ("w:styles"));
  xmlTextWriterWriteAttribute (w, X ("xmlns:w"), X (NS_W));

  xmlTextWriterStartElement (w, X ("w:docDefaults"));
  xmlTextWriterStartElement (w, X ("w:rPrDefault"));
  xmlTextWriterStartElement (w, X ("w:rPr"));
  write_fonts (w, OFFICIAL_BODY);
  /* 28 characters of 16 pt need 448 pt where the text is 442.2 pt wide:
   * each character gives up a quarter point. */
  element_with_attributes (w, "w:spacing", "w:val", "-5", NULL);
  write_size (w, SIZE_3HAO);
  element_with_attributes (w, "w:lang", "w:val", "en-US", "w:eastAsia", "zh-CN", NULL);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, X ("w:pPrDefault"));
  xmlTextWriterStartElement (w, X ("w:pPr"));
  element_with_attributes (w, "w:snapToGrid", "w:val", "1", NULL);
  element_with_attributes (w, "w:spacing", "w:before", "0", "w:after", "0",
                           "w:line", "240", "w:lineRule", "auto", NULL);
  element_with_attributes (w, "w:ind", "w:firstLineChars", "200", "w:firstLine", "640", NULL);
  element_with_attributes (w, "w:jc", "w:val", "both", NULL);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);

  begin_style (w, "Normal", "Normal");
  xmlTextWriterEndElement (w);
  write_official_style (w, "Title", "Title", OFFICIAL_TITLE, SIZE_2HAO, FALSE, 0, TRUE);
  write_official_style (w, "Heading1", "heading 1", OFFICIAL_HEAD1, SIZE_3HAO, FALSE, 0, FALSE);
  write_official_style (w, "Heading2", "heading 2", OFFICIAL_HEAD2, SIZE_3HAO, FALSE, 1, FALSE);
  write_official_style (w, "Heading3", "heading 3", OFFICIAL_BODY, SIZE_3HAO, TRUE, 2, FALSE);
  write_official_style (w, "Quote", "Quote", OFFICIAL_BODY, SIZE_3HAO, FALSE, -1, FALSE);
  write_official_style (w, "Source", "Source", OFFICIAL_HEAD2, SIZE_3HAO, FALSE, -1, FALSE);
  write_official_style (w, "Note", "Note", OFFICIAL_HEAD2, SIZE_3HAO, FALSE, -1, FALSE);

  xmlTextWriterEndElement (w);
  end_part (w);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

/* “— 1 —” in 4号 宋体, on the right of odd pages and the left of even ones,
 * a character in from the text's edge. */
static GBytes *
write_official_footer (gboolean odd)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = begin_part (&buffer);
  const char *dash = "\u2014 ";

  xmlTextWriterStartElement (w, X ("w:ftr"));
  xmlTextWriterWriteAttribute (w, X ("xmlns:w"), X (NS_W));
  xmlTextWriterStartElement (w, X ("w:p"));
  xmlTextWriterStartElement (w, X ("w:pPr"));
  element_with_attributes (w, "w:snapToGrid", "w:val", "0", NULL);
  element_with_attributes (w, "w:jc", "w:val", odd ? "right" : "left", NULL);
  element_with_attributes (w, "w:ind", odd ? "w:right" : "w:left", "280", "w:firstLineChars", "0", "w:firstLine", "0", NULL);
  xmlTextWriterEndElement (w);
  for (guint part = 0; part < 3; part++)
    {
      xmlTextWriterStartElement (w, X (part == 1 ? "w:fldSimple" : "w:r"));
      if (part == 1)
        {
          xmlTextWriterWriteAttribute (w, X ("w:instr"), X (" PAGE "));
          xmlTextWriterStartElement (w, X ("w:r"));
        }
      xmlTextWriterStartElement (w, X ("w:rPr"));
      write_fonts (w, OFFICIAL_PAGE);
      write_size (w, SIZE_4HAO);
      xmlTextWriterEndElement (w);
      xmlTextWriterStartElement (w, X ("w:t"));
      xmlTextWriterWriteAttribute (w, X ("xml:space"), X ("preserve"));
      xmlTextWriterWriteString (w, X (part == 0 ? dash : part == 1 ? "1" : " \u2014"));
      xmlTextWriterEndElement (w);
      xmlTextWriterEndElement (w);
      if (part == 1)
        xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  end_part (w);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

static GBytes *
write_official_settings (void)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = begin_part (&buffer);

  xmlTextWriterStartElement (w, X ("w:settings"));
  xmlTextWriterWriteAttribute (w, X ("xmlns:w"), X (NS_W));
  element_with_attributes (w, "w:evenAndOddHeaders", NULL);
  xmlTextWriterEndElement (w);
  end_part (w);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

static GBytes *
write_official_font_table (void)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = begin_part (&buffer);

  xmlTextWriterStartElement (w, X ("w:fonts"));
  xmlTextWriterWriteAttribute (w, X ("xmlns:w"), X (NS_W));
  for (guint i = 0; i < G_N_ELEMENTS (official_fonts); i++)
    {
      xmlTextWriterStartElement (w, X ("w:font"));
      xmlTextWriterWriteAttribute (w, X ("w:name"), X (official_fonts[i][0]));
      element_with_attributes (w, "w:altName", "w:val", official_fonts[i][1], NULL);
      element_with_attributes (w, "w:charset", "w:val", "86", NULL);  /* GB2312 */
      element_with_attributes (w, "w:family", "w:val", "modern", NULL);
      element_with_attributes (w, "w:pitch", "w:val", "fixed", NULL);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  end_part (w);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

static GBytes *
write_styles (void)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = begin_part (&buffer);

  xmlTextWriterStartElement (w, X ("w:styles"));
  xmlTextWriterWriteAttribute (w, X ("xmlns:w"), X (NS_W));

  xmlTextWriterStartElement (w, X ("w:docDefaults"));
  xmlTextWriterStartElement (w, X ("w:rPrDefault"));
  xmlTextWriterStartElement (w, X ("w:rPr"));
  write_fonts (w, FONT_BODY);
  write_size (w, "24");
  element_with_attributes (w, "w:lang", "w:val", "en-US", "w:eastAsia", "zh-CN", NULL);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, X ("w:pPrDefault"));
  xmlTextWriterStartElement (w, X ("w:pPr"));
  element_with_attributes (w, "w:spacing", "w:after", "120", "w:line", "360", "w:lineRule", "auto", NULL);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);

  begin_style (w, "Normal", "Normal");
  xmlTextWriterEndElement (w);

  begin_style (w, "Title", "Title");
  xmlTextWriterStartElement (w, X ("w:pPr"));
  element_with_attributes (w, "w:jc", "w:val", "center", NULL);
  element_with_attributes (w, "w:spacing", "w:before", "240", "w:after", "360", NULL);
  element_with_attributes (w, "w:outlineLvl", "w:val", "0", NULL);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, X ("w:rPr"));
  write_fonts (w, FONT_HEAD);
  element_with_attributes (w, "w:b", NULL);
  write_size (w, "36");
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);

  write_heading_style (w, 1, "32");
  write_heading_style (w, 2, "28");
  write_heading_style (w, 3, "24");

  begin_style (w, "Quote", "Quote");
  xmlTextWriterStartElement (w, X ("w:pPr"));
  element_with_attributes (w, "w:ind", "w:firstLine", "480", NULL);
  element_with_attributes (w, "w:spacing", "w:after", "0", NULL);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);

  begin_style (w, "Source", "Source");
  xmlTextWriterStartElement (w, X ("w:pPr"));
  element_with_attributes (w, "w:jc", "w:val", "right", NULL);
  element_with_attributes (w, "w:spacing", "w:after", "120", NULL);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, X ("w:rPr"));
  write_fonts (w, FONT_SOURCE);
  write_size (w, "21");
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);

  begin_style (w, "Note", "Note");
  xmlTextWriterStartElement (w, X ("w:pPr"));
  element_with_attributes (w, "w:ind", "w:left", "480", NULL);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, X ("w:rPr"));
  element_with_attributes (w, "w:color", "w:val", "595959", NULL);
  write_size (w, "21");
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);

  xmlTextWriterEndElement (w);
  end_part (w);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD
         || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

static void
write_text_run (xmlTextWriter *w,
                GString       *run)
{
  if (run->len == 0)
    return;

  xmlTextWriterStartElement (w, X ("w:t"));
  xmlTextWriterWriteAttribute (w, X ("xml:space"), X ("preserve"));
  xmlTextWriterWriteString (w, X (run->str));
  xmlTextWriterEndElement (w);
  g_string_truncate (run, 0);
}

/* One run; tabs become w:tab, line breaks w:br, and characters XML
 * cannot carry are left out.
 */
static void
write_paragraph (xmlTextWriter   *w,
                 const Paragraph *p)
{
  g_autoptr(GString) run = g_string_new (NULL);

  xmlTextWriterStartElement (w, X ("w:p"));
  if (p->style != JJ_DOCX_STYLE_NORMAL)
    {
      xmlTextWriterStartElement (w, X ("w:pPr"));
      element_with_attributes (w, "w:pStyle", "w:val", style_ids[p->style], NULL);
      xmlTextWriterEndElement (w);
    }

  xmlTextWriterStartElement (w, X ("w:r"));
  for (const char *s = p->text; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (c == '\t' || c == '\n')
        {
          write_text_run (w, run);
          element_with_attributes (w, c == '\t' ? "w:tab" : "w:br", NULL);
        }
      else if (c != '\r' && is_xml_char (c))
        {
          g_string_append_unichar (run, c);
        }
    }
  write_text_run (w, run);
  xmlTextWriterEndElement (w);

  xmlTextWriterEndElement (w);
}

static GBytes *
write_document (JjDocxWriter *self)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = begin_part (&buffer);

  xmlTextWriterStartElement (w, X ("w:document"));
  xmlTextWriterWriteAttribute (w, X ("xmlns:w"), X (NS_W));
  xmlTextWriterWriteAttribute (w, X ("xmlns:r"), X (NS_R));
  xmlTextWriterStartElement (w, X ("w:body"));

  for (guint i = 0; i < self->paragraphs->len; i++)
    write_paragraph (w, &g_array_index (self->paragraphs, Paragraph, i));

  xmlTextWriterStartElement (w, X ("w:sectPr"));
  if (self->layout == JJ_DOCX_LAYOUT_OFFICIAL)
    {
      /* Margins of 37, 35, 28 and 26 mm (56.7 twips a mm) leave 156 by
       * 225 mm: a grid of 22 lines of 579 twips; 28 characters of 3号 a
       * line come from the characters' spacing (the styles), which Word
       * and LibreOffice both honour where they read a character grid
       * differently. Footers 2 and 3: odd, even. */
      element_with_attributes (w, "w:footerReference", "w:type", "default", "r:id", "rId2", NULL);
      element_with_attributes (w, "w:footerReference", "w:type", "even", "r:id", "rId3", NULL);
      element_with_attributes (w, "w:pgSz", "w:w", "11906", "w:h", "16838", NULL);
      element_with_attributes (w, "w:pgMar", "w:top", "2098", "w:right", "1474",
                               "w:bottom", "1984", "w:left", "1588", "w:header", "851",
                               "w:footer", "1361", "w:gutter", "0", NULL);
      element_with_attributes (w, "w:docGrid", "w:type", "lines", "w:linePitch", "579", NULL);
    }
  else
    {
      /* A4, with the margins of Word's Chinese template. */
      element_with_attributes (w, "w:pgSz", "w:w", "11906", "w:h", "16838", NULL);
      element_with_attributes (w, "w:pgMar", "w:top", "1440", "w:right", "1800",
                               "w:bottom", "1440", "w:left", "1800", "w:header", "851",
                               "w:footer", "992", "w:gutter", "0", NULL);
    }
  xmlTextWriterEndElement (w);

  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  end_part (w);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

static GBytes *
write_core_properties (JjDocxWriter *self,
                       GDateTime    *now)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = begin_part (&buffer);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  xmlTextWriterStartElement (w, X ("cp:coreProperties"));
  xmlTextWriterWriteAttribute (w, X ("xmlns:cp"), X (NS_CP));
  xmlTextWriterWriteAttribute (w, X ("xmlns:dc"), X ("http://purl.org/dc/elements/1.1/"));
  xmlTextWriterWriteAttribute (w, X ("xmlns:dcterms"), X ("http://purl.org/dc/terms/"));
  xmlTextWriterWriteAttribute (w, X ("xmlns:xsi"), X ("http://www.w3.org/2001/XMLSchema-instance"));
  if (self->title != NULL)
    {
      g_autoptr(GString) title = g_string_new (NULL);

      for (const char *s = self->title; *s != '\0'; s = g_utf8_next_char (s))
        {
          gunichar c = g_utf8_get_char (s);

          if (is_xml_char (c))
            g_string_append_unichar (title, c);
        }
      xmlTextWriterWriteElement (w, X ("dc:title"), X (title->str));
    }
  xmlTextWriterStartElement (w, X ("dcterms:created"));
  xmlTextWriterWriteAttribute (w, X ("xsi:type"), X ("dcterms:W3CDTF"));
  xmlTextWriterWriteString (w, X (stamp));
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, X ("dcterms:modified"));
  xmlTextWriterWriteAttribute (w, X ("xsi:type"), X ("dcterms:W3CDTF"));
  xmlTextWriterWriteString (w, X (stamp));
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  end_part (w);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

static la_ssize_t
append_to_array (struct archive *archive,
                 void           *user_data,
                 const void     *buffer,
                 size_t          length)
{
  g_byte_array_append (user_data, buffer, length);
  return length;
}

static gboolean
add_entry (struct archive  *archive,
           const char      *name,
           GBytes          *bytes,
           GDateTime       *now,
           GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);
  gboolean ret = FALSE;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  archive_entry_set_mtime (entry, g_date_time_to_unix (now), 0);

  if (archive_write_header (archive, entry) != ARCHIVE_OK
      || archive_write_data (archive, data, size) != (la_ssize_t)size)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The Word document could not be written: %s"),
                 archive_error_string (archive));
  else
    ret = TRUE;

  archive_entry_free (entry);
  return ret;
}

/* The whole .docx (a zip archive) in memory. */
GBytes *
jj_docx_writer_to_bytes (JjDocxWriter  *self,
                         GError       **error)
{
  static const char * const package_rels[] = {
    REL_DOC, "word/document.xml",
    REL_CORE, "docProps/core.xml",
    NULL
  };
  static const char * const document_rels[] = {
    REL_STY, "styles.xml",
    NULL
  };
  static const char * const official_rels[] = {
    REL_STY, "styles.xml",
    REL_FTR, "footer1.xml",
    REL_FTR, "footer2.xml",
    REL_SET, "settings.xml",
    REL_FNT, "fontTable.xml",
    NULL
  };
  gboolean official = self->layout == JJ_DOCX_LAYOUT_OFFICIAL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GByteArray) zip = g_byte_array_new ();
  struct {
    const char *name;
    GBytes     *bytes;
  } parts[] = {
    /* Content types first: some readers look for it at the start. */
    { "[Content_Types].xml", write_content_types (self->layout) },
    { "_rels/.rels", write_relationships (package_rels) },
    { "word/_rels/document.xml.rels", write_relationships (official ? official_rels : document_rels) },
    { "word/document.xml", write_document (self) },
    { "word/styles.xml", official ? write_official_styles () : write_styles () },
    { "docProps/core.xml", write_core_properties (self, now) },
    { "word/footer1.xml", official ? write_official_footer (TRUE) : NULL },
    { "word/footer2.xml", official ? write_official_footer (FALSE) : NULL },
    { "word/settings.xml", official ? write_official_settings () : NULL },
    { "word/fontTable.xml", official ? write_official_font_table () : NULL },
  };
  struct archive *archive;
  gboolean ok = TRUE;

  g_return_val_if_fail (JJ_IS_DOCX_WRITER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  archive = archive_write_new ();
  archive_write_set_format_zip (archive);
  /* No padding after the central directory: zip readers take it for junk. */
  archive_write_set_bytes_in_last_block (archive, 1);
  archive_write_set_options (archive, "zip:compression=deflate");
  if (archive_write_open (archive, zip, NULL, append_to_array, NULL) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The Word document could not be written: %s"),
                   archive_error_string (archive));
      ok = FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i].bytes == NULL)
        continue;
      if (ok)
        ok = add_entry (archive, parts[i].name, parts[i].bytes, now, error);
      g_bytes_unref (parts[i].bytes);
    }

  if (ok && archive_write_close (archive) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The Word document could not be written: %s"),
                   archive_error_string (archive));
      ok = FALSE;
    }
  archive_write_free (archive);

  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&zip));
}

gboolean
jj_docx_writer_save (JjDocxWriter  *self,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JJ_IS_DOCX_WRITER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = jj_docx_writer_to_bytes (self, error);
  if (bytes == NULL)
    return FALSE;

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}
