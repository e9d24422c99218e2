/* jj-web-cleaner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jj-web-cleaner.h"

/* Lines longer than this are text, never site furniture. */
#define MAX_BOILERPLATE_LINE 200
#define MAX_TITLE_CHARS      60
#define MAX_TAG_CHARS        6

static gboolean
is_han (gunichar ch)
{
  return g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HAN;
}

static gboolean
is_tone_letter (gunichar ch)
{
  static const gunichar marked[] = {
    0x101, 0xE1, 0x1CE, 0xE0, 0x113, 0xE9, 0x11B, 0xE8, 0x12B, 0xED, 0x1D0, 0xEC,
    0x14D, 0xF3, 0x1D2, 0xF2, 0x16B, 0xFA, 0x1D4, 0xF9, 0x1D6, 0x1D8, 0x1DA, 0x1DC,
    0x144, 0x148, 0x1F9,
  };

  for (guint i = 0; i < G_N_ELEMENTS (marked); i++)
    if (ch == marked[i])
      return TRUE;

  return FALSE;
}

/* "建設(shè)" → "建設": a parenthesis glued after a Han character holding
 * only pinyin syllables, at least one with a tone mark.
 */
char *
jj_web_cleaner_remove_pinyin (const char  *text,
                              gsize        n_bytes,
                              gsize       *out_n_bytes,
                              JjTextMap  **map,
                              guint       *n_removed)
{
  g_autoptr(JjTextBuilder) b = jj_text_builder_new (n_bytes);
  const char *p = text;
  const char *end = text + n_bytes;
  const char *copied = text;
  guint copied_offset = 0;
  guint offset = 0;
  guint removed = 0;
  gboolean glued_han = FALSE;

  while (p < end)
    {
      const char *open = p;
      const char *q;
      const char *before;
      guint n = 0;
      gboolean toned = FALSE;
      gboolean ok = TRUE;
      gunichar c = 0;

      /* only parentheses matter: jump to the next one, counting characters */
      while (open < end && *open != '(' &&
             !(open + 2 < end && (guchar)open[0] == 0xEF && (guchar)open[1] == 0xBC &&
               (guchar)open[2] == 0x88))
        open++;
      if (open >= end)
        break;

      offset += g_utf8_strlen (p, open - p);
      if (open > p)
        glued_han = FALSE;
      p = open;

      /* the character glued before it; after a removed gloss that is still
       * the Han character: 關(guān)係(xì) has two glosses
       */
      before = g_utf8_find_prev_char (text, p);
      if (!(p == copied && glued_han) &&
          (before == NULL || !is_han (g_utf8_get_char (before))))
        {
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }

      q = g_utf8_next_char (p);
      while (q < end && n <= 24)
        {
          c = g_utf8_get_char (q);
          if (c == ')' || c == 0xFF09)
            break;
          if (is_tone_letter (c))
            toned = TRUE;
          else if (!((c >= 'a' && c <= 'z') || c == 0xFC || c == ' ' || c == '\''))
            {
              ok = FALSE;
              break;
            }
          q = g_utf8_next_char (q);
          n++;
        }

      if (ok && toned && q < end && (c == ')' || c == 0xFF09) && n > 0 && n <= 24)
        {
          const char *after = g_utf8_next_char (q);

          jj_text_builder_copy (b, copied, p - copied, copied_offset);
          offset += n + 2;
          copied = after;
          copied_offset = offset;
          removed++;

          glued_han = TRUE;
          p = after;
          continue;
        }

      p = g_utf8_next_char (p);
      offset++;
    }

  jj_text_builder_copy (b, copied, end - copied, copied_offset);

  if (n_removed != NULL)
    *n_removed = removed;

  return jj_text_builder_finish (g_steal_pointer (&b), out_n_bytes, map);
}

typedef enum
{
  LINE_TEXT,
  LINE_HEADER,   /* file name, size, page list, uploader */
  LINE_NOTICE,   /* preview limits, download offers, navigation */
} LineKind;

typedef struct
{
  const char *start;   /* in the text */
  gsize       n_bytes;
  guint       offset;  /* in characters */
  guint       length;
  LineKind    kind;
} Line;

static GRegex *
regex_once (GRegex    **slot,
            const char *pattern)
{
  if (g_once_init_enter (slot))
    {
      GRegex *re = g_regex_new (pattern, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);

      g_assert (re != NULL);
      g_once_init_leave (slot, re);
    }

  return *slot;
}

static LineKind
classify_line (const char *line,
               guint       length)
{
  static GRegex *file_name;
  static GRegex *field;
  static GRegex *size;
  static GRegex *label;
  static GRegex *share;
  static GRegex *notice;
  static GRegex *nav;

  if (length == 0 || length > MAX_BOILERPLATE_LINE)
    return LINE_TEXT;

  regex_once (&file_name,
              "^.{1,120}\\.(docx?|pdf|txt|pptx?|wps|xlsx?|rtf)(_第\\s*\\d+\\s*页)?$");
  regex_once (&field,
              "^(id|编号|文档编号|大小|文件大小|页数|时间|上传时间|发布时间|更新时间|上传者|上传人|"
              "贡献者|作者|格式|文件格式|分类|浏览|浏览量|阅读|下载|下载次数|下载量|下载积分|积分|"
              "价格|评分|收藏|所属|标签)\\s*[:：]");
  regex_once (&size, "^.{0,12}\\d+(\\.\\d+)?\\s*[kmg]b\\s*$");
  regex_once (&label, "^(资源描述|文档描述|文档介绍|内容简介|文档简介|简介|内容摘要|摘要|正文)\\s*[:：]?$");
  regex_once (&share, "(上传分享|免费在线阅读|在线阅读|更多相关内容|相关文档推荐|文档下载|原创力文档)");
  regex_once (&notice,
              "(最多预览|预览[一二三四五六七八九十\\d]+页|下载文档查看全文|查看全文|下载收益|"
              "温馨提示|版权归|付费完成|联系客服|本站投诉|侵权|下载前请|文档由用户上传|"
              "展开阅读全文|阅读全文|剩余.{1,8}未读|还剩.{1,8}页)");
  regex_once (&nav,
              "^(最近更新|更多|更多>+|大家都在看|近期热门|热门推荐|相关推荐|猜你喜欢|相关文档|"
              "相关搜索|关闭|上一篇|下一篇|返回顶部|分享|举报|收藏|点击下载|立即下载|下载|"
              "加入VIP|开通VIP)$");

  if (g_regex_match (file_name, line, 0, NULL) ||
      g_regex_match (field, line, 0, NULL) ||
      g_regex_match (size, line, 0, NULL) ||
      g_regex_match (label, line, 0, NULL) ||
      g_regex_match (share, line, 0, NULL))
    return LINE_HEADER;

  if (g_regex_match (notice, line, 0, NULL) || g_regex_match (nav, line, 0, NULL))
    return LINE_NOTICE;

  return LINE_TEXT;
}

static gboolean
is_space_char (gunichar ch)
{
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == 0x3000 || ch == 0x00A0;
}

static char *
trimmed_copy (const char *s,
              gsize       n_bytes)
{
  const char *e = s + n_bytes;

  while (s < e && is_space_char (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  while (e > s && is_space_char (g_utf8_get_char (g_utf8_prev_char (e))))
    e = g_utf8_prev_char (e);

  return g_strndup (s, e - s);
}

static GArray *
split_lines (const char *text,
             gsize       n_bytes)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const char *p = text;
  const char *end = text + n_bytes;
  guint offset = 0;

  while (p <= end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      Line line = { p, line_end - p, offset, g_utf8_strlen (p, line_end - p), LINE_TEXT };

      g_array_append_val (lines, line);
      offset += line.length + 1;
      if (nl == NULL)
        break;
      p = nl + 1;
    }

  return lines;
}

static void
add_removed_notice (GPtrArray  *notices,
                    const char *what,
                    GPtrArray  *examples,
                    guint       n_lines)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < examples->len && i < 3; i++)
    {
      if (i > 0)
        g_string_append (s, "”, “");
      g_string_append (s, g_ptr_array_index (examples, i));
    }
  if (examples->len > 3)
    g_string_append (s, "”…");
  else
    g_string_append (s, "”");

  g_ptr_array_add (notices,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Removed %u line of %s: “%s",
                                                 "Removed %u lines of %s: “%s",
                                                 n_lines),
                                    n_lines, what, s->str));
}

char *
jj_web_cleaner_remove_boilerplate (const char  *text,
                                   gsize        n_bytes,
                                   const char  *shadow,
                                   gsize       *out_n_bytes,
                                   JjTextMap  **map,
                                   gboolean    *is_site_page,
                                   GPtrArray   *notices)
{
  g_autoptr(JjTextBuilder) b = jj_text_builder_new (n_bytes);
  g_autoptr(GArray) lines = split_lines (text, n_bytes);
  g_autoptr(GArray) shadow_lines = NULL;
  g_autoptr(GPtrArray) header_examples = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) trailer_examples = g_ptr_array_new_with_free_func (g_free);
  guint n_header = 0;
  guint n_trailer = 0;
  guint last_long = 0;
  guint tail_from = G_MAXUINT;
  gboolean any_long = FALSE;

  if (shadow != NULL)
    shadow_lines = split_lines (shadow, strlen (shadow));

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      const Line *match = line;
      g_autofree char *trimmed = NULL;

      if (shadow_lines != NULL && i < shadow_lines->len)
        match = &g_array_index (shadow_lines, Line, i);

      if (line->length <= MAX_BOILERPLATE_LINE)
        {
          trimmed = trimmed_copy (match->start, match->n_bytes);
          line->kind = classify_line (trimmed, g_utf8_strlen (trimmed, -1));
        }
      if (line->length > MAX_BOILERPLATE_LINE)
        {
          last_long = i;
          any_long = TRUE;
        }
      if (line->kind == LINE_HEADER)
        n_header++;
    }

  /* The notices after the text end the page: everything from the first of
   * them on is furniture when no paragraph of text follows.
   */
  for (guint i = any_long ? last_long + 1 : 0; i < lines->len; i++)
    {
      if (g_array_index (lines, Line, i).kind == LINE_NOTICE)
        {
          tail_from = i;
          break;
        }
    }

  if (is_site_page != NULL)
    *is_site_page = n_header >= 2;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      gboolean drop = FALSE;

      if (i >= tail_from)
        drop = line->length > 0;
      else if (line->kind == LINE_HEADER && n_header >= 2)
        drop = TRUE;

      if (drop)
        {
          char *t = trimmed_copy (line->start, line->n_bytes);

          if (*t == '\0')
            g_free (t);
          else if (i >= tail_from)
            {
              g_ptr_array_add (trailer_examples, t);
              n_trailer++;
            }
          else
            {
              g_ptr_array_add (header_examples, t);
              n_header = MAX (n_header, 2);
            }
          continue;
        }

      jj_text_builder_copy (b, line->start, line->n_bytes, line->offset);
      if (i + 1 < lines->len)
        jj_text_builder_insert (b, "\n", 1, line->offset + line->length);
    }

  if (notices != NULL && header_examples->len > 0)
    add_removed_notice (notices, _("website information around the text"),
                        header_examples, header_examples->len);
  if (notices != NULL && trailer_examples->len > 0)
    add_removed_notice (notices, _("website notices after the text"),
                        trailer_examples, n_trailer);

  return jj_text_builder_finish (g_steal_pointer (&b), out_n_bytes, map);
}

static gboolean
is_cjk_before_punct (gunichar ch)
{
  return is_han (ch) ||
         ch == 0x201D || ch == 0x2019 || ch == 0x300D || ch == 0x300F ||
         ch == 0x300B || ch == 0x3011 || ch == 0xFF09;
}

/* Chinese text typed with ASCII commas and colons: "阶段,我们" → "阶段，我们".
 * One character for one, so offsets do not move.
 */
char *
jj_web_cleaner_fix_punctuation (const char  *text,
                                gsize        n_bytes,
                                gsize       *out_n_bytes,
                                JjTextMap  **map)
{
  GString *out = g_string_sized_new (n_bytes + 64);
  const char *p = text;
  const char *end = text + n_bytes;
  const char *copied = text;

  for (; p < end; p++)
    {
      char c = *p;
      gunichar replacement = 0;
      const char *before;

      if (c != ',' && c != ':' && c != ';' && c != '?' && c != '!')
        continue;
      if (p == text)
        continue;

      before = g_utf8_find_prev_char (text, p);
      if (before == NULL)
        continue;

      /* "1,000" and "10:30" keep theirs; a letter or digit after is not Chinese */
      if (p + 1 < end && g_ascii_isalnum (p[1]))
        continue;

      /* after Chinese, or before it: "GDP,增长" is Chinese punctuation too */
      if (!is_cjk_before_punct (g_utf8_get_char (before)) &&
          !(p + 1 < end && !g_ascii_isdigit (*before) && is_han (g_utf8_get_char (p + 1))))
        continue;

      switch (c)
        {
        case ',': replacement = 0xFF0C; break;
        case ':': replacement = 0xFF1A; break;
        case ';': replacement = 0xFF1B; break;
        case '?': replacement = 0xFF1F; break;
        case '!': replacement = 0xFF01; break;
        default: break;
        }

      g_string_append_len (out, copied, p - copied);
      g_string_append_unichar (out, replacement);
      copied = p + 1;
    }
  g_string_append_len (out, copied, end - copied);

  if (map != NULL)
    *map = jj_text_map_new_identity ();
  if (out_n_bytes != NULL)
    *out_n_bytes = out->len;

  return g_string_free (out, FALSE);
}

static GRegex *
salutation_regex (void)
{
  static GRegex *re;

  /* The forms of address that open a speech, ended by a colon. */
  return regex_once (&re,
                     "(同志们|同事们|朋友们|同学们|老师们|各位[^，,。：:\\n]{0,20}|"
                     "尊敬的[^，,。：:\\n]{1,30}|女士们、先生们|亲爱的[^，,。：:\\n]{1,20})[：:]");
}

/* Words that end the title of a speech. */
static const char *const genre_words[] = {
  "讲话", "讲话稿", "发言", "发言稿", "致辞", "讲稿", "报告", "演讲", "演讲稿", "党课",
  "提纲", "主持词", "贺词", "讲义", "总结",
};

static gboolean
has_sentence_punct (const char *s,
                    const char *e)
{
  for (const char *p = s; p < e; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == 0xFF0C || ch == ',' ||
          ch == 0xFF1B || ch == ';' || ch == '!' || ch == '?' || ch == 0xFF1A || ch == ':')
        return TRUE;
    }

  return FALSE;
}

static gboolean
all_han (const char *s,
         const char *e)
{
  if (s >= e)
    return FALSE;

  for (const char *p = s; p < e; p = g_utf8_next_char (p))
    if (!is_han (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* The byte length of the title proper in @title (matched on its simplified
 * form): document sites append tags after the genre word ("…讲话" + tag).
 */
static gsize
title_proper_length (const char *title,
                     gsize       n_bytes)
{
  const char *best = NULL;
  g_autofree char *copy = g_strndup (title, n_bytes);

  for (guint i = 0; i < G_N_ELEMENTS (genre_words); i++)
    {
      const char *w = g_strrstr (copy, genre_words[i]);

      if (w != NULL)
        {
          const char *after = w + strlen (genre_words[i]);

          if (best == NULL || after > best)
            best = after;
        }
    }

  if (best == NULL)
    return n_bytes;

  {
    const char *e = copy + n_bytes;
    glong tail = g_utf8_strlen (best, e - best);

    if (tail >= 2 && tail <= MAX_TAG_CHARS && all_han (best, e))
      return best - copy;
  }

  return n_bytes;
}

char *
jj_web_cleaner_split_title (const char  *text,
                            gsize        n_bytes,
                            const char  *shadow,
                            gboolean     is_site_page,
                            gsize       *out_n_bytes,
                            JjTextMap  **map,
                            GPtrArray   *notices)
{
  g_autoptr(JjTextBuilder) b = jj_text_builder_new (n_bytes + 8);
  g_autoptr(GMatchInfo) match = NULL;
  const char *s = shadow ? shadow : text;
  const char *body = text;
  const char *sbody = s;
  const char *end = text + n_bytes;
  const char *nl;
  gsize first_len;
  gint sal_start = -1;
  gint sal_end = -1;
  guint offset = 0;

  /* the first non-blank line */
  while (body < end && (*body == '\n' || is_space_char (g_utf8_get_char (body))))
    {
      body = g_utf8_next_char (body);
      sbody = g_utf8_next_char (sbody);
      offset++;
    }

  nl = memchr (body, '\n', end - body);
  first_len = nl ? (gsize)(nl - body) : (gsize)(end - body);

  jj_text_builder_copy (b, text, body - text, 0);

  if (g_regex_match_full (salutation_regex (), sbody, first_len, 0, 0, &match, NULL))
    g_match_info_fetch_pos (match, 0, &sal_start, &sal_end);

  if (sal_start > 0 &&
      g_utf8_strlen (sbody, sal_start) <= MAX_TITLE_CHARS &&
      !has_sentence_punct (sbody, sbody + sal_start))
    {
      /* the shadow has the same characters, not always the same bytes */
      guint c_start = g_utf8_strlen (sbody, sal_start);
      guint c_end = g_utf8_strlen (sbody, sal_end);
      guint c_title = c_start;
      guint c_first = g_utf8_strlen (body, first_len);
      gsize b_start = g_utf8_offset_to_pointer (body, c_start) - body;
      gsize b_end = g_utf8_offset_to_pointer (body, c_end) - body;
      gsize b_title;

      if (is_site_page)
        c_title = g_utf8_strlen (sbody, title_proper_length (sbody, sal_start));
      b_title = g_utf8_offset_to_pointer (body, c_title) - body;

      if (c_title < c_start && notices != NULL)
        {
          g_autofree char *tag = g_strndup (body + b_title, b_start - b_title);

          g_ptr_array_add (notices,
                           g_strdup_printf (_("Removed “%s” that the website added to the title"), tag));
        }

      jj_text_builder_copy (b, body, b_title, offset);
      jj_text_builder_insert (b, "\n", 1, offset + c_start);
      jj_text_builder_copy (b, body + b_start, b_end - b_start, offset + c_start);
      if (c_end < c_first)
        jj_text_builder_insert (b, "\n", 1, offset + c_end);
      jj_text_builder_copy (b, body + b_end, end - (body + b_end), offset + c_end);
    }
  else if (!is_site_page)
    {
      /* nothing to change: no need to copy the text piece by piece */
      if (out_n_bytes != NULL)
        *out_n_bytes = n_bytes;
      if (map != NULL)
        *map = jj_text_map_new_identity ();
      return g_strndup (text, n_bytes);
    }
  else
    jj_text_builder_copy (b, body, end - body, offset);

  /* A short tag glued after the last sentence of a site page ("…。供参考") */
  if (is_site_page)
    {
      g_autofree char *done = NULL;
      g_autoptr(JjTextMap) m1 = NULL;
      gsize n1;
      const char *e;
      const char *p;
      guint n_tag = 0;

      done = jj_text_builder_finish (g_steal_pointer (&b), &n1, &m1);
      e = done + n1;
      while (e > done && (e[-1] == '\n' || is_space_char (g_utf8_get_char (g_utf8_prev_char (e)))))
        e = g_utf8_prev_char (e);
      p = e;
      while (p > done && n_tag <= MAX_TAG_CHARS && is_han (g_utf8_get_char (g_utf8_prev_char (p))))
        {
          p = g_utf8_prev_char (p);
          n_tag++;
        }

      if (n_tag >= 2 && n_tag <= MAX_TAG_CHARS && p > done)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (p));

          if ((before == 0x3002 || before == 0xFF01 || before == 0xFF1F || before == 0x201D) &&
              !g_str_has_prefix (p, "谢谢"))
            {
              g_autofree char *tag = g_strndup (p, e - p);
              g_autoptr(JjTextBuilder) b2 = jj_text_builder_new (n1);
              char *result;
              g_autoptr(JjTextMap) m2 = NULL;

              if (notices != NULL)
                g_ptr_array_add (notices,
                                 g_strdup_printf (_("Removed “%s” that the website added after the text"), tag));
              jj_text_builder_copy (b2, done, p - done, 0);
              result = jj_text_builder_finish (g_steal_pointer (&b2), out_n_bytes, &m2);
              /* compose: m2 maps into done, m1 maps done into text */
              if (map != NULL)
                {
                  /* m2 is a prefix copy: offsets are unchanged */
                  *map = g_steal_pointer (&m1);
                }
              return result;
            }
        }

      if (out_n_bytes != NULL)
        *out_n_bytes = n1;
      if (map != NULL)
        *map = g_steal_pointer (&m1);
      return g_steal_pointer (&done);
    }

  return jj_text_builder_finish (g_steal_pointer (&b), out_n_bytes, map);
}
