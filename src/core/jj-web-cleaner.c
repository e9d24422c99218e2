/* jj-web-cleaner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jj-furniture.h"
#include "jj-encoding.h"
#include "jj-web-cleaner.h"

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

/* The next "（" (EF BC 88), by its last byte: EF starts every full-width
 * comma and colon too
 */
static const char *
find_wide_open (const char *p,
                const char *end)
{
  const char *q = p + 2;

  while (q < end && (q = memchr (q, 0x88, end - q)) != NULL)
    {
      if ((guchar)q[-2] == 0xEF && (guchar)q[-1] == 0xBC)
        return q - 2;
      q++;
    }

  return NULL;
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
  g_autoptr(JjTextBuilder) b = NULL;
  const char *p = text;
  const char *end = text + n_bytes;
  const char *copied = text;
  guint copied_offset = 0;
  guint offset = 0;
  guint removed = 0;
  gboolean glued_han = FALSE;
  /* where the next "(" and "（" stand, looked for again once passed */
  const char *next_ascii = memchr (text, '(', n_bytes);
  const char *next_wide = find_wide_open (text, text + n_bytes);

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
      if (next_ascii != NULL && next_ascii < p)
        next_ascii = memchr (p, '(', end - p);
      if (next_wide != NULL && next_wide < p)
        next_wide = find_wide_open (p, end);
      if (next_ascii == NULL && next_wide == NULL)
        break;
      open = next_wide == NULL || (next_ascii != NULL && next_ascii < next_wide) ? next_ascii : next_wide;

      offset += jj_encoding_count_chars (p, open - p);
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

          if (b == NULL)
            b = jj_text_builder_new (n_bytes);
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

  if (n_removed != NULL)
    *n_removed = removed;

  /* no gloss: the text as it is, mapped as a builder copying it whole would */
  if (b == NULL && n_bytes > 0)
    {
      char *copy = g_malloc (n_bytes + 1);

      memcpy (copy, text, n_bytes);
      copy[n_bytes] = '\0';
      if (out_n_bytes != NULL)
        *out_n_bytes = n_bytes;
      if (map != NULL)
        *map = jj_text_map_new_identity ();

      return copy;
    }
  if (b == NULL)
    b = jj_text_builder_new (n_bytes);
  jj_text_builder_copy (b, copied, end - copied, copied_offset);

  return jj_text_builder_finish (g_steal_pointer (&b), out_n_bytes, map);
}

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

static gboolean
is_space_char (gunichar ch)
{
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == 0x3000 || ch == 0x00A0;
}

char *
jj_web_cleaner_remove_boilerplate (const char  *text,
                                   gsize        n_bytes,
                                   const char  *shadow,
                                   gsize       *out_n_bytes,
                                   JjTextMap  **map,
                                   gboolean    *is_site_page,
                                   char       **title,
                                   GPtrArray   *removed,
                                   GPtrArray   *notices)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  char *r;

  r = jj_furniture_remove (text, n_bytes, shadow, out_n_bytes, map, title, lines, notices);
  if (is_site_page != NULL)
    *is_site_page = lines->len >= 2;
  if (removed != NULL)
    for (guint i = 0; i < lines->len; i++)
      g_ptr_array_add (removed, g_strdup (g_ptr_array_index (lines, i)));

  if (r != NULL)
    return r;

  if (title != NULL)
    *title = NULL;
  if (out_n_bytes != NULL)
    *out_n_bytes = n_bytes;
  if (map != NULL)
    *map = jj_text_map_new_identity ();

  return g_strndup (text, n_bytes);
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
  static const char marks[] = { ',', ':', ';', '?', '!' };
  /* where the next of each mark stands, looked for again once passed */
  const char *next_mark[G_N_ELEMENTS (marks)];

  for (guint k = 0; k < G_N_ELEMENTS (marks); k++)
    next_mark[k] = memchr (text, marks[k], n_bytes);

  for (; p < end; p++)
    {
      char c;
      gunichar replacement = 0;
      const char *before;

      /* jump to the next ASCII mark */
      {
        const char *next = end;

        for (guint k = 0; k < G_N_ELEMENTS (marks); k++)
          {
            if (next_mark[k] != NULL && next_mark[k] < p)
              next_mark[k] = memchr (p, marks[k], end - p);
            if (next_mark[k] != NULL && next_mark[k] < next)
              next = next_mark[k];
          }
        p = next;
      }
      if (p >= end)
        break;
      c = *p;
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
                     "尊敬的[^。：:\\n]{1,40}|女士们、先生们|亲爱的[^。：:\\n]{1,30})[：:]");
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
