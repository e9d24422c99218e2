/* jj-docx-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jj-document.h"
#include "jj-docx-reader.h"
#include "jj-paragraph-hint.h"
#include "jj-xml.h"

#define NS_W        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_PKG_REL  "http://schemas.openxmlformats.org/package/2006/relationships"
#define MAX_LEVELS  9
#define MAX_DEPTH   64

typedef struct
{
  char    *name;
  char    *based_on;
  gint     outline_level;   /* -1 when unset */
  gint     heading;         /* 1-based heading number from the name, 0 when none */
  gint     bold;            /* -1 unset, 0, 1 */
  gint     centered;        /* -1 unset, 0, 1 */
  char    *num_id;
  gint     num_level;
} Style;

typedef struct
{
  guint  start;
  char  *format;
  char  *text;
  char  *suffix;
} Level;

typedef struct
{
  Level levels[MAX_LEVELS];
} AbstractNum;

typedef struct
{
  AbstractNum *abstract;
  gint         start_override[MAX_LEVELS];  /* -1 when none */
  gint         counters[MAX_LEVELS];        /* -1 when not started */
} Num;

typedef struct
{
  const char *ns;
  GHashTable *styles;     /* id → Style */
  GHashTable *abstracts;  /* id → AbstractNum */
  GHashTable *nums;       /* id → Num */
  GString    *out;
  guint       length;     /* characters in out */
  GArray     *hints;
  /* the paragraph being read */
  guint       n_runs_text;
  guint       n_runs_bold;
} Reader;

static void
style_free (gpointer data)
{
  Style *s = data;

  g_free (s->name);
  g_free (s->based_on);
  g_free (s->num_id);
  g_free (s);
}

static void
abstract_free (gpointer data)
{
  AbstractNum *a = data;

  for (guint i = 0; i < MAX_LEVELS; i++)
    {
      g_free (a->levels[i].format);
      g_free (a->levels[i].text);
      g_free (a->levels[i].suffix);
    }
  g_free (a);
}

static char *
attr_val (Reader     *r,
          xmlNode    *node,
          const char *child)
{
  xmlNode *c = child ? jj_xml_child (node, r->ns, child) : node;

  if (c == NULL)
    return NULL;

  return jj_xml_get_attr (c, r->ns, "val");
}

/* w:b, w:jc…: present and not switched off */
static gint
toggle_val (Reader     *r,
            xmlNode    *parent,
            const char *child)
{
  xmlNode *c = jj_xml_child (parent, r->ns, child);
  g_autofree char *val = NULL;

  if (c == NULL)
    return -1;

  val = jj_xml_get_attr (c, r->ns, "val");
  if (val == NULL)
    return 1;

  return !(g_str_equal (val, "0") || g_str_equal (val, "false") || g_str_equal (val, "off"));
}

static gint
heading_from_name (const char *name)
{
  g_autofree char *lower = NULL;
  const char *digits = NULL;

  if (name == NULL)
    return 0;

  lower = g_ascii_strdown (name, -1);
  if (g_str_has_prefix (lower, "heading"))
    digits = lower + strlen ("heading");
  else if (g_str_has_prefix (lower, "标题"))
    digits = lower + strlen ("标题");
  else
    return 0;

  while (*digits == ' ')
    digits++;
  if (*digits >= '1' && *digits <= '9' && digits[1] == '\0')
    return *digits - '0';

  return 0;
}

static void
read_styles (Reader *r,
             xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
    {
      Style *s;
      xmlNode *ppr;
      xmlNode *rpr;
      xmlNode *numpr;
      g_autofree char *id = NULL;
      g_autofree char *lvl = NULL;

      if (!jj_xml_is (n, r->ns, "style"))
        continue;

      id = jj_xml_get_attr (n, r->ns, "styleId");
      if (id == NULL)
        continue;

      s = g_new0 (Style, 1);
      s->name = attr_val (r, n, "name");
      s->based_on = attr_val (r, n, "basedOn");
      s->heading = heading_from_name (s->name);
      s->outline_level = -1;
      s->bold = -1;
      s->centered = -1;
      s->num_level = 0;

      ppr = jj_xml_child (n, r->ns, "pPr");
      rpr = jj_xml_child (n, r->ns, "rPr");
      if (ppr != NULL)
        {
          g_autofree char *jc = attr_val (r, ppr, "jc");

          lvl = attr_val (r, ppr, "outlineLvl");
          if (lvl != NULL)
            s->outline_level = atoi (lvl);
          if (jc != NULL)
            s->centered = g_str_equal (jc, "center");

          numpr = jj_xml_child (ppr, r->ns, "numPr");
          if (numpr != NULL)
            {
              g_autofree char *ilvl = attr_val (r, numpr, "ilvl");

              s->num_id = attr_val (r, numpr, "numId");
              s->num_level = ilvl ? CLAMP (atoi (ilvl), 0, MAX_LEVELS - 1) : 0;
            }
        }
      if (rpr != NULL)
        s->bold = toggle_val (r, rpr, "b");

      g_hash_table_replace (r->styles, g_steal_pointer (&id), s);
    }
}

/* Follows basedOn for the first style that sets a property. */
static const Style *
style_lookup (Reader     *r,
              const char *id,
              gsize       field_offset,
              gboolean    is_string)
{
  for (guint depth = 0; id != NULL && depth < 10; depth++)
    {
      const Style *s = g_hash_table_lookup (r->styles, id);

      if (s == NULL)
        return NULL;

      if (is_string)
        {
          if (G_STRUCT_MEMBER (char *, s, field_offset) != NULL)
            return s;
        }
      else if (G_STRUCT_MEMBER (gint, s, field_offset) >= 0)
        return s;

      id = s->based_on;
    }

  return NULL;
}

static void
read_numbering (Reader *r,
                xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
    {
      if (jj_xml_is (n, r->ns, "abstractNum"))
        {
          char *id = jj_xml_get_attr (n, r->ns, "abstractNumId");
          AbstractNum *a;

          if (id == NULL)
            continue;

          a = g_new0 (AbstractNum, 1);
          for (guint i = 0; i < MAX_LEVELS; i++)
            a->levels[i].start = 1;

          for (xmlNode *l = n->children; l; l = l->next)
            {
              g_autofree char *ilvl = NULL;
              g_autofree char *start = NULL;
              Level *level;
              gint i;

              if (!jj_xml_is (l, r->ns, "lvl"))
                continue;
              ilvl = jj_xml_get_attr (l, r->ns, "ilvl");
              i = ilvl ? atoi (ilvl) : -1;
              if (i < 0 || i >= MAX_LEVELS)
                continue;

              level = &a->levels[i];
              start = attr_val (r, l, "start");
              if (start != NULL)
                level->start = (guint)CLAMP (atoi (start), 0, 100000);
              g_free (level->format);
              level->format = attr_val (r, l, "numFmt");
              g_free (level->text);
              level->text = attr_val (r, l, "lvlText");
              g_free (level->suffix);
              level->suffix = attr_val (r, l, "suff");
            }

          g_hash_table_replace (r->abstracts, id, a);
        }
    }

  for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
    {
      if (jj_xml_is (n, r->ns, "num"))
        {
          char *id = jj_xml_get_attr (n, r->ns, "numId");
          g_autofree char *abstract_id = attr_val (r, n, "abstractNumId");
          AbstractNum *a = abstract_id ? g_hash_table_lookup (r->abstracts, abstract_id) : NULL;
          Num *num;

          if (id == NULL || a == NULL)
            {
              g_free (id);
              continue;
            }

          num = g_new0 (Num, 1);
          num->abstract = a;
          for (guint i = 0; i < MAX_LEVELS; i++)
            {
              num->start_override[i] = -1;
              num->counters[i] = -1;
            }

          for (xmlNode *o = n->children; o; o = o->next)
            {
              g_autofree char *ilvl = NULL;
              g_autofree char *start = NULL;
              gint i;

              if (!jj_xml_is (o, r->ns, "lvlOverride"))
                continue;
              ilvl = jj_xml_get_attr (o, r->ns, "ilvl");
              i = ilvl ? atoi (ilvl) : -1;
              start = attr_val (r, o, "startOverride");
              if (i >= 0 && i < MAX_LEVELS && start != NULL)
                num->start_override[i] = CLAMP (atoi (start), 0, 100000);
            }

          g_hash_table_replace (r->nums, id, num);
        }
    }
}

static const char *const cn_digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
static const char *const cn_legal[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };

static void
append_chinese (GString            *s,
                guint               n,
                const char * const *digits,
                const char         *ten,
                const char         *hundred,
                const char         *thousand,
                gboolean            short_ten)
{
  if (n >= 10000)
    {
      g_string_append_printf (s, "%u", n);
      return;
    }

  if (n < 10)
    {
      g_string_append (s, digits[n]);
      return;
    }

  if (n >= 1000)
    {
      g_string_append (s, digits[n / 1000]);
      g_string_append (s, thousand);
      n %= 1000;
      if (n == 0)
        return;
      if (n < 100)
        g_string_append (s, digits == cn_digits ? "零" : digits[0]);
      short_ten = FALSE;
    }

  if (n >= 100)
    {
      g_string_append (s, digits[n / 100]);
      g_string_append (s, hundred);
      n %= 100;
      if (n == 0)
        return;
      if (n < 10)
        {
          g_string_append (s, digits == cn_digits ? "零" : digits[0]);
          g_string_append (s, digits[n]);
          return;
        }
      short_ten = FALSE;
    }

  if (n >= 10)
    {
      if (!(short_ten && n / 10 == 1))
        g_string_append (s, digits[n / 10]);
      g_string_append (s, ten);
      n %= 10;
    }

  if (n > 0)
    g_string_append (s, digits[n]);
}

static void
append_roman (GString  *s,
              guint     n,
              gboolean  upper)
{
  static const guint values[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
  static const char *const symbols[] = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
  gsize start = s->len;

  if (n == 0 || n >= 4000)
    {
      g_string_append_printf (s, "%u", n);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    while (n >= values[i])
      {
        g_string_append (s, symbols[i]);
        n -= values[i];
      }

  if (!upper)
    for (gsize i = start; i < s->len; i++)
      s->str[i] = g_ascii_tolower (s->str[i]);
}

char *
jj_docx_format_number (const char *format,
                       guint       value)
{
  GString *s = g_string_new (NULL);

  if (format == NULL)
    format = "decimal";

  if (g_str_equal (format, "chineseCounting") || g_str_equal (format, "chineseCountingThousand") ||
      g_str_equal (format, "taiwaneseCounting") || g_str_equal (format, "taiwaneseCountingThousand") ||
      g_str_equal (format, "japaneseCounting"))
    append_chinese (s, value, cn_digits, "十", "百", "千", TRUE);
  else if (g_str_equal (format, "chineseLegalSimplified"))
    append_chinese (s, value, cn_legal, "拾", "佰", "仟", FALSE);
  else if (g_str_equal (format, "ideographDigital") || g_str_equal (format, "taiwaneseDigital"))
    {
      g_autofree char *digits = g_strdup_printf ("%u", value);

      for (const char *p = digits; *p; p++)
        g_string_append (s, cn_digits[*p - '0']);
    }
  else if (g_str_equal (format, "ideographTraditional"))
    {
      static const char *const stems[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
      g_string_append (s, stems[(value + 9) % 10]);
    }
  else if (g_str_equal (format, "ideographZodiac"))
    {
      static const char *const branches[] = { "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥" };
      g_string_append (s, branches[(value + 11) % 12]);
    }
  else if (g_str_equal (format, "upperLetter") || g_str_equal (format, "lowerLetter"))
    {
      char c = (char)((g_str_equal (format, "upperLetter") ? 'A' : 'a') + (value + 25) % 26);

      for (guint i = 0; i < (value + 25) / 26 && i < 10; i++)
        g_string_append_c (s, c);
    }
  else if (g_str_equal (format, "upperRoman") || g_str_equal (format, "lowerRoman"))
    append_roman (s, value, g_str_equal (format, "upperRoman"));
  else if ((g_str_equal (format, "decimalEnclosedCircle") ||
            g_str_equal (format, "decimalEnclosedCircleChinese")) && value >= 1 && value <= 20)
    g_string_append_unichar (s, 0x2460 + value - 1);
  else if (g_str_equal (format, "decimalFullWidth") || g_str_equal (format, "decimalFullWidth2"))
    {
      g_autofree char *digits = g_strdup_printf ("%u", value);

      for (const char *p = digits; *p; p++)
        g_string_append_unichar (s, 0xFF10 + (*p - '0'));
    }
  else if (g_str_equal (format, "decimalZero"))
    g_string_append_printf (s, "%02u", value);
  else if (g_str_equal (format, "none") || g_str_equal (format, "bullet"))
    ;
  else
    g_string_append_printf (s, "%u", value);

  return g_string_free (s, FALSE);
}

/* Advances the counters of @num at @ilvl and renders its level text. */
static char *
render_number (Num  *num,
               gint  ilvl)
{
  const Level *level = &num->abstract->levels[ilvl];
  GString *s;

  for (gint i = 0; i <= ilvl; i++)
    {
      gint start = num->start_override[i] >= 0 ? num->start_override[i]
                                               : (gint)num->abstract->levels[i].start;

      if (i == ilvl)
        num->counters[i] = num->counters[i] < 0 ? start : num->counters[i] + 1;
      else if (num->counters[i] < 0)
        num->counters[i] = start;
    }
  for (gint i = ilvl + 1; i < MAX_LEVELS; i++)
    num->counters[i] = -1;

  if (level->format != NULL && g_str_equal (level->format, "bullet"))
    return g_strdup ("");
  if (level->text == NULL)
    return g_strdup ("");

  s = g_string_new (NULL);
  for (const char *p = level->text; *p; p++)
    {
      if (*p == '%' && p[1] >= '1' && p[1] <= '9')
        {
          gint k = p[1] - '1';
          g_autofree char *number = jj_docx_format_number (num->abstract->levels[k].format,
                                                           (guint)MAX (num->counters[k], 0));

          g_string_append (s, number);
          p++;
        }
      else
        g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
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

static gboolean
has_visible_text (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static void
read_run (Reader     *r,
          xmlNode    *run,
          gboolean    paragraph_bold)
{
  xmlNode *rpr = jj_xml_child (run, r->ns, "rPr");
  gboolean bold = paragraph_bold;
  gboolean visible = FALSE;

  if (rpr != NULL)
    {
      gint b = toggle_val (r, rpr, "b");

      if (b < 0)
        {
          g_autofree char *rstyle = attr_val (r, rpr, "rStyle");
          const Style *s = rstyle ? style_lookup (r, rstyle, G_STRUCT_OFFSET (Style, bold), FALSE) : NULL;

          if (s != NULL)
            b = s->bold;
        }
      if (b >= 0)
        bold = b;
    }

  for (xmlNode *c = run->children; c; c = c->next)
    {
      if (jj_xml_is (c, r->ns, "t"))
        {
          xmlChar *content = xmlNodeGetContent (c);

          if (content != NULL)
            {
              if (has_visible_text ((const char *)content))
                visible = TRUE;
              append_text (r, (const char *)content, -1);
              xmlFree (content);
            }
        }
      else if (jj_xml_is (c, r->ns, "tab") || jj_xml_is (c, r->ns, "ptab"))
        append_text (r, "\t", 1);
      else if (jj_xml_is (c, r->ns, "br") || jj_xml_is (c, r->ns, "cr"))
        append_text (r, "\n", 1);
      else if (jj_xml_is (c, r->ns, "noBreakHyphen"))
        append_text (r, "-", 1);
    }

  if (visible)
    {
      r->n_runs_text++;
      if (bold)
        r->n_runs_bold++;
    }
}

static void
read_inline (Reader   *r,
             xmlNode  *parent,
             gboolean  paragraph_bold,
             guint     depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;

      if (jj_xml_is (c, r->ns, "r"))
        read_run (r, c, paragraph_bold);
      else if (jj_xml_is (c, r->ns, "hyperlink") || jj_xml_is (c, r->ns, "ins") ||
               jj_xml_is (c, r->ns, "smartTag") || jj_xml_is (c, r->ns, "fldSimple") ||
               jj_xml_is (c, r->ns, "customXml") || jj_xml_is (c, r->ns, "moveTo") ||
               jj_xml_is (c, r->ns, "dir") || jj_xml_is (c, r->ns, "bdo"))
        read_inline (r, c, paragraph_bold, depth + 1);
      else if (jj_xml_is (c, r->ns, "sdt"))
        {
          xmlNode *content = jj_xml_child (c, r->ns, "sdtContent");

          if (content != NULL)
            read_inline (r, content, paragraph_bold, depth + 1);
        }
    }
}

static void
read_paragraph (Reader  *r,
                xmlNode *p)
{
  xmlNode *ppr = jj_xml_child (p, r->ns, "pPr");
  g_autofree char *style_id = NULL;
  g_autofree char *num_id = NULL;
  const Style *s;
  JjParagraphHint hint = { 0, 0, -1, 0 };
  gboolean style_bold = FALSE;
  gint num_level = 0;

  if (r->out->len > 0)
    append_text (r, "\n", 1);
  hint.start = r->length;

  if (ppr != NULL)
    {
      g_autofree char *lvl = attr_val (r, ppr, "outlineLvl");
      g_autofree char *jc = attr_val (r, ppr, "jc");
      xmlNode *numpr = jj_xml_child (ppr, r->ns, "numPr");

      style_id = attr_val (r, ppr, "pStyle");
      if (lvl != NULL && atoi (lvl) >= 0 && atoi (lvl) < MAX_LEVELS)
        hint.outline_level = atoi (lvl);
      if (jc != NULL && g_str_equal (jc, "center"))
        hint.flags |= JJ_PARAGRAPH_CENTERED;
      if (numpr != NULL)
        {
          g_autofree char *ilvl = attr_val (r, numpr, "ilvl");

          num_id = attr_val (r, numpr, "numId");
          num_level = ilvl ? CLAMP (atoi (ilvl), 0, MAX_LEVELS - 1) : 0;
        }
    }

  if (style_id == NULL && g_hash_table_contains (r->styles, "Normal"))
    style_id = g_strdup ("Normal");

  if (style_id != NULL)
    {
      const Style *own = g_hash_table_lookup (r->styles, style_id);

      for (guint depth = 0; own != NULL && depth < 10; depth++)
        {
          if (own->heading > 0)
            {
              hint.flags |= JJ_PARAGRAPH_HEADING_STYLE;
              if (hint.outline_level < 0)
                hint.outline_level = own->heading - 1;
              break;
            }
          own = own->based_on ? g_hash_table_lookup (r->styles, own->based_on) : NULL;
        }

      s = style_lookup (r, style_id, G_STRUCT_OFFSET (Style, outline_level), FALSE);
      if (s != NULL && hint.outline_level < 0 && s->outline_level < MAX_LEVELS)
        hint.outline_level = s->outline_level;
      s = style_lookup (r, style_id, G_STRUCT_OFFSET (Style, centered), FALSE);
      if (s != NULL && s->centered > 0 && !(ppr && jj_xml_child (ppr, r->ns, "jc")))
        hint.flags |= JJ_PARAGRAPH_CENTERED;
      s = style_lookup (r, style_id, G_STRUCT_OFFSET (Style, bold), FALSE);
      style_bold = s != NULL && s->bold > 0;
      if (num_id == NULL)
        {
          s = style_lookup (r, style_id, G_STRUCT_OFFSET (Style, num_id), TRUE);
          if (s != NULL)
            {
              num_id = g_strdup (s->num_id);
              num_level = s->num_level;
            }
        }
    }

  if (num_id != NULL && !g_str_equal (num_id, "0"))
    {
      Num *num = g_hash_table_lookup (r->nums, num_id);

      if (num != NULL)
        {
          g_autofree char *marker = render_number (num, num_level);

          if (*marker != '\0')
            {
              gunichar last = g_utf8_get_char (g_utf8_prev_char (marker + strlen (marker)));
              const char *suffix = num->abstract->levels[num_level].suffix;

              append_text (r, marker, -1);
              if (!g_unichar_ispunct (last) && !(suffix && g_str_equal (suffix, "nothing")))
                append_text (r, " ", 1);
              hint.flags |= JJ_PARAGRAPH_NUMBERED;
            }
        }
    }

  r->n_runs_text = 0;
  r->n_runs_bold = 0;
  read_inline (r, p, style_bold, 0);

  if (r->n_runs_text > 0 && r->n_runs_bold == r->n_runs_text)
    hint.flags |= JJ_PARAGRAPH_BOLD;

  hint.end = r->length;
  g_array_append_val (r->hints, hint);
}

static void
read_block (Reader  *r,
            xmlNode *parent,
            guint    depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;

      if (jj_xml_is (c, r->ns, "p"))
        read_paragraph (r, c);
      else if (jj_xml_is (c, r->ns, "tbl") || jj_xml_is (c, r->ns, "tr") ||
               jj_xml_is (c, r->ns, "tc") || jj_xml_is (c, r->ns, "customXml") ||
               jj_xml_is (c, r->ns, "ins") || jj_xml_is (c, r->ns, "sdtContent"))
        read_block (r, c, depth + 1);
      else if (jj_xml_is (c, r->ns, "sdt"))
        read_block (r, c, depth + 1);
    }
}

/* "word/document.xml" + "styles.xml" → "word/styles.xml" */
static char *
resolve_target (const char *base_part,
                const char *target)
{
  g_autofree char *dir = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    {
      dir = g_path_get_dirname (base_part);
      joined = g_str_equal (dir, ".") ? g_strdup (target) : g_strconcat (dir, "/", target, NULL);
    }

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i]; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);

  return g_strjoinv ("/", (char **)kept->pdata);
}

/* The target of the first relationship of @rels_part whose type ends
 * with @type_suffix, resolved against @source_part.
 */
static char *
find_relationship (JjZip      *zip,
                   const char *rels_part,
                   const char *source_part,
                   const char *type_suffix)
{
  g_autoptr(xmlDoc) doc = jj_xml_read_part (zip, rels_part, TRUE, NULL);
  xmlNode *root;

  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
    {
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;

      if (!jj_xml_is (n, NS_PKG_REL, "Relationship"))
        continue;

      type = jj_xml_get_attr (n, NULL, "Type");
      target = jj_xml_get_attr (n, NULL, "Target");
      mode = jj_xml_get_attr (n, NULL, "TargetMode");
      if (type == NULL || target == NULL || (mode && g_str_equal (mode, "External")))
        continue;

      if (g_str_has_suffix (type, type_suffix))
        return resolve_target (source_part, target);
    }

  return NULL;
}

char *
jj_docx_reader_read (JjZip    *zip,
                     GArray   *hints,
                     gsize    *n_bytes,
                     GError  **error)
{
  g_autofree char *main_part = NULL;
  g_autofree char *rels = NULL;
  g_autofree char *styles_part = NULL;
  g_autofree char *numbering_part = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) numbering = NULL;
  g_autoptr(GHashTable) style_table = NULL;
  g_autoptr(GHashTable) abstracts = NULL;
  g_autoptr(GHashTable) nums = NULL;
  xmlNode *root;
  xmlNode *body;
  Reader r = { 0 };

  g_return_val_if_fail (zip != NULL, NULL);

  main_part = find_relationship (zip, "_rels/.rels", "", "/officeDocument");
  if (main_part == NULL || !jj_zip_has_entry (zip, main_part))
    {
      g_free (main_part);
      main_part = g_strdup ("word/document.xml");
    }

  doc = jj_xml_read_part (zip, main_part, FALSE, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root->ns != NULL && g_str_equal ((const char *)root->ns->href, NS_W_STRICT))
    r.ns = NS_W_STRICT;
  else
    r.ns = NS_W;

  body = jj_xml_child (root, r.ns, "body");
  if (!jj_xml_is (root, r.ns, "document") || body == NULL)
    {
      g_set_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT,
                   _("it is not a Word document (its main part has no document body)."));
      return NULL;
    }

  dir = g_path_get_dirname (main_part);
  base = g_path_get_basename (main_part);
  rels = g_str_equal (dir, ".") ? g_strdup_printf ("_rels/%s.rels", base)
                                : g_strdup_printf ("%s/_rels/%s.rels", dir, base);
  styles_part = find_relationship (zip, rels, main_part, "/styles");
  numbering_part = find_relationship (zip, rels, main_part, "/numbering");

  style_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, abstract_free);
  nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.styles = style_table;
  r.abstracts = abstracts;
  r.nums = nums;
  r.hints = hints;
  r.out = g_string_new (NULL);

  /* Styles and numbering only add signals: a damaged one is skipped. */
  if (styles_part != NULL)
    styles = jj_xml_read_part (zip, styles_part, TRUE, NULL);
  if (styles != NULL)
    read_styles (&r, styles);
  if (numbering_part != NULL)
    numbering = jj_xml_read_part (zip, numbering_part, TRUE, NULL);
  if (numbering != NULL)
    read_numbering (&r, numbering);

  read_block (&r, body, 0);

  if (n_bytes != NULL)
    *n_bytes = r.out->len;

  return g_string_free (r.out, FALSE);
}
