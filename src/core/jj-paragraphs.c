/* jj-paragraphs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-encoding.h"
#include "jj-paragraphs.h"

/* Only lines this long are taken for run-on text whose blanks mark
 * paragraph ends; in short lines a blank is just a blank ("第一章 总则").
 */
#define RUN_ON_LINE 200

static gboolean
is_blank (gunichar ch)
{
  return ch == ' ' || ch == '\t' || ch == 0x3000 || ch == 0x00A0;
}

static gboolean
is_han (gunichar ch)
{
  return g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HAN;
}

static gboolean
ends_chinese (gunichar ch)
{
  return is_han (ch) ||
         ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == 0xFF1A || ch == 0xFF1B ||
         ch == 0x201D || ch == 0x300D || ch == 0x300F || ch == 0xFF09 || ch == 0x3001 ||
         ch == 0x2026;
}

static gboolean
starts_chinese (gunichar ch)
{
  return is_han (ch) || ch == 0x201C || ch == 0x300C || ch == 0x300E || ch == 0xFF08 ||
         ch == 0x3010 || ch == 0x300A;
}

static gboolean
is_sentence_end (gunichar ch)
{
  return ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == '!' || ch == '?' || ch == 0x2026;
}

static gboolean
is_closing (gunichar ch)
{
  return ch == 0x201D || ch == 0x2019 || ch == 0x300D || ch == 0x300F || ch == 0xFF09 ||
         ch == ')' || ch == 0x300B || ch == 0x3011;
}

/* Where the next blank of each kind stands in a text: ' ', '\t', U+3000
 * (E3 80 80), U+00A0 (C2 A0), each looked for again once passed.
 */
typedef struct
{
  const char *end;
  const char *next[4];
} Blanks;

static const char *
find_blank (const char *p,
            const char *end,
            guint       kind)
{
  static const char leads[] = { ' ', '\t', '\xE3', '\xC2' };

  while (p < end && (p = memchr (p, leads[kind], end - p)) != NULL)
    {
      if (kind < 2 ||
          (kind == 2 && end - p >= 3 && (guchar)p[1] == 0x80 && (guchar)p[2] == 0x80) ||
          (kind == 3 && end - p >= 2 && (guchar)p[1] == 0xA0))
        return p;
      p++;
    }

  return NULL;
}

/* Whether a blank follows something else than blanks in @p…@line_end. */
static gboolean
has_inner_blank (Blanks     *blanks,
                 const char *p,
                 const char *line_end)
{
  /* the blanks the line starts with do not count */
  while (p < line_end)
    {
      if (*p == ' ' || *p == '\t')
        p++;
      else if (line_end - p >= 3 && memcmp (p, "\xE3\x80\x80", 3) == 0)
        p += 3;
      else if (line_end - p >= 2 && memcmp (p, "\xC2\xA0", 2) == 0)
        p += 2;
      else
        break;
    }

  for (guint k = 0; k < G_N_ELEMENTS (blanks->next); k++)
    {
      if (blanks->next[k] != NULL && blanks->next[k] < p)
        blanks->next[k] = find_blank (p, blanks->end, k);
      if (blanks->next[k] != NULL && blanks->next[k] < line_end)
        return TRUE;
    }

  return FALSE;
}

GArray *
jj_paragraphs_find_breaks (const char *text,
                           gsize       n_bytes)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;
  const char *end = text + n_bytes;
  guint offset = 0;
  Blanks blanks = { end, { NULL, } };

  for (guint k = 0; k < G_N_ELEMENTS (blanks.next); k++)
    blanks.next[k] = find_blank (text, end, k);

  while (p < end)
    {
      const char *nl;
      const char *line_end;
      gboolean run_on;
      gunichar prev = 0;
      gboolean at_start = TRUE;

      /* breaks are at blanks: none left, none to find */
      if (blanks.next[0] == NULL && blanks.next[1] == NULL && blanks.next[2] == NULL &&
          blanks.next[3] == NULL)
        break;

      nl = memchr (p, '\n', end - p);
      line_end = nl ? nl : end;

      /* a break is at a blank after the line's start: most lines have none */
      if (!has_inner_blank (&blanks, p, line_end))
        {
          offset += jj_encoding_count_starts (p, line_end - p);
          if (nl == NULL)
            break;
          offset++;
          p = nl + 1;
          continue;
        }

      run_on = (gsize)(line_end - p) > RUN_ON_LINE * 3 &&
               g_utf8_strlen (p, line_end - p) > RUN_ON_LINE;
      for (const char *q = p; q < line_end; q = g_utf8_next_char (q), offset++)
        {
          gunichar ch = g_utf8_get_char (q);

          if (at_start)
            {
              if (!is_blank (ch))
                at_start = FALSE;
              prev = ch;
              continue;
            }

          if (is_blank (ch) && !is_blank (prev))
            {
              const char *r = q;
              guint n = 0;
              gboolean indent = TRUE;

              while (r < line_end && is_blank (g_utf8_get_char (r)))
                {
                  if (g_utf8_get_char (r) != 0x3000)
                    indent = FALSE;
                  r = g_utf8_next_char (r);
                  n++;
                }

              if (r < line_end &&
                  ((indent && n >= 2) ||
                   (run_on && ends_chinese (prev) && starts_chinese (g_utf8_get_char (r)))))
                g_array_append_val (breaks, offset);
            }

          prev = ch;
        }

      if (nl == NULL)
        break;
      offset++;
      p = nl + 1;
    }

  return breaks;
}

char *
jj_paragraphs_break (const char  *text,
                     gsize        n_bytes,
                     const guint *breaks,
                     guint        n_breaks,
                     gsize       *out_n_bytes,
                     JjTextMap  **map)
{
  g_autoptr(JjTextBuilder) b = jj_text_builder_new (n_bytes + n_breaks + 1);
  const char *p = text;
  const char *end = text + n_bytes;
  guint offset = 0;

  for (guint i = 0; i < n_breaks; i++)
    {
      guint at = breaks[i];
      const char *q = p;
      guint q_offset = offset;

      if (at < offset)
        continue;

      while (q_offset < at && q < end)
        {
          q = g_utf8_next_char (q);
          q_offset++;
        }
      if (q >= end)
        break;

      jj_text_builder_copy (b, p, q - p, offset);
      p = q;
      offset = q_offset;

      if (jj_text_builder_get_n_bytes (b) > 0 &&
          jj_text_builder_peek (b)[jj_text_builder_get_n_bytes (b) - 1] != '\n' &&
          *q != '\n')
        jj_text_builder_insert (b, "\n", 1, offset);
    }

  jj_text_builder_copy (b, p, end - p, offset);

  return jj_text_builder_finish (g_steal_pointer (&b), out_n_bytes, map);
}

static gboolean
contains_offset (const guint *sorted,
                 guint        n,
                 guint        value)
{
  guint lo = 0;
  guint hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (sorted[mid] == value)
        return TRUE;
      if (sorted[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}

static void
split_line (const gunichar *chars,
            guint           length,
            guint           line_offset,
            guint           max_chars,
            const guint    *preferred,
            guint           n_preferred,
            GArray         *breaks)
{
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) soft = g_array_new (FALSE, FALSE, sizeof (guint));
  guint pos = 0;

  for (guint i = 0; i < length; i++)
    {
      if (is_sentence_end (chars[i]))
        {
          guint j = i + 1;

          while (j < length && (is_closing (chars[j]) || is_sentence_end (chars[j])))
            j++;
          if (j < length)
            g_array_append_val (ends, j);
          i = j - 1;
        }
      else if ((chars[i] == 0xFF1B || chars[i] == ';') && i + 1 < length)
        {
          guint j = i + 1;
          g_array_append_val (soft, j);
        }
    }

  while (length - pos > max_chars)
    {
      guint remaining = length - pos;
      guint n_parts = (remaining + max_chars - 1) / max_chars;
      guint target = pos + remaining / n_parts;
      guint best = 0;
      guint best_score = G_MAXUINT;

      for (guint k = 0; k < ends->len; k++)
        {
          guint e = g_array_index (ends, guint, k);
          guint score;

          if (e <= pos + max_chars / 4)
            continue;
          if (e > pos + max_chars)
            break;

          score = e > target ? e - target : target - e;
          /* an enumerated point is worth a longer or shorter piece */
          if (n_preferred > 0 && contains_offset (preferred, n_preferred, line_offset + e))
            score /= 4;
          if (score < best_score)
            {
              best_score = score;
              best = e;
            }
        }

      for (guint k = 0; best == 0 && k < soft->len; k++)
        {
          guint e = g_array_index (soft, guint, k);

          if (e > pos + max_chars / 2 && e <= pos + max_chars)
            best = e;
        }

      if (best == 0)
        best = pos + max_chars;

      {
        guint at = line_offset + best;
        g_array_append_val (breaks, at);
      }
      pos = best;
    }
}

char *
jj_paragraphs_split_long (const char  *text,
                          gsize        n_bytes,
                          guint        max_chars,
                          const guint *preferred,
                          guint        n_preferred,
                          gsize       *out_n_bytes,
                          JjTextMap  **map)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;
  const char *end = text + n_bytes;
  guint offset = 0;

  g_return_val_if_fail (max_chars > 0, NULL);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      guint length;

      if ((gsize)(line_end - p) <= max_chars)
        length = jj_encoding_count_chars (p, line_end - p);
      /* as many characters as g_utf8_to_ucs4_fast() would give */
      else if ((length = jj_encoding_count_starts (p, line_end - p)) <= max_chars)
        ;
      else
        {
          glong n = 0;
          g_autofree gunichar *chars = g_utf8_to_ucs4_fast (p, line_end - p, &n);

          length = n;
          if (length > max_chars)
            split_line (chars, length, offset, max_chars, preferred, n_preferred, breaks);
        }

      offset += length + 1;
      if (nl == NULL)
        break;
      p = nl + 1;
    }

  if (breaks->len == 0)
    {
      if (out_n_bytes != NULL)
        *out_n_bytes = n_bytes;
      if (map != NULL)
        *map = jj_text_map_new_identity ();
      return g_strndup (text, n_bytes);
    }

  return jj_paragraphs_break (text, n_bytes, (const guint *)(gpointer)breaks->data,
                              breaks->len, out_n_bytes, map);
}

guint
jj_paragraphs_line_width (const char *line,
                          gsize       n_bytes)
{
  guint n = jj_encoding_count_starts (line, n_bytes);

  /* the blanks a scan's reading puts between characters take no room */
  for (gsize i = 0; i < n_bytes; i++)
    if (line[i] == ' ' || line[i] == '\t')
      n--;

  return n;
}

/* Lines longer than this are paragraphs, never wrapped text. */
#define MAX_WRAP_WIDTH 120
#define MIN_WRAP_WIDTH 16

guint
jj_paragraphs_wrap_width (const char *text,
                          gsize       n_bytes)
{
  guint counts[MAX_WRAP_WIDTH + 4] = { 0, };
  guint terminal[MAX_WRAP_WIDTH + 4] = { 0, };
  guint pairs[MAX_WRAP_WIDTH + 4] = { 0, };
  const char *p = text;
  const char *end = text + n_bytes;
  guint n_long = 0;
  guint prev_len = 0;
  const char *prev = NULL;
  guint best = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      guint len = 0;

      /* four bytes at most a character */
      if ((gsize)(line_end - p) <= MAX_WRAP_WIDTH * 6)
        len = jj_paragraphs_line_width (p, line_end - p);
      if (len >= MIN_WRAP_WIDTH && len <= MAX_WRAP_WIDTH)
        {
          gunichar last = g_utf8_get_char (g_utf8_prev_char (line_end));

          n_long++;
          counts[len]++;
          if (is_sentence_end (last) || is_closing (last))
            terminal[len]++;
          /* a running header is as long on every page, but the same */
          if (len == prev_len && memcmp (p, prev, 6) != 0)
            pairs[len]++;
        }
      else
        len = 0;
      prev_len = len;
      prev = p;
      if (nl == NULL)
        break;
      p = nl + 1;
    }

  for (guint w = MIN_WRAP_WIDTH; w <= MAX_WRAP_WIDTH; w++)
    if (counts[w] > counts[best])
      best = w;

  /* a header or a footer as long on every page is not text cut at a
   * width: that runs on line after line, mostly mid-sentence
   */
  if (best == 0 || counts[best] < 8 || counts[best] * 3 < n_long || pairs[best] < 4 ||
      terminal[best] * 2 > counts[best])
    return 0;

  return best;
}

gboolean
jj_paragraphs_at_width (guint n_chars,
                        guint width)
{
  /* digits and letters, narrower, fit a few more characters on a line */
  return width > 0 && n_chars >= width && n_chars <= width + 3;
}

/* "一、", "（二）", "三是", "第四，", "5.", "——": a point of the text */
static gboolean
starts_point (const char *p,
              const char *end)
{
  gunichar ch = g_utf8_get_char (p);
  guint n = 0;

  if (ch == 0x2014)
    return TRUE;
  if (ch == 0xFF08 || ch == '(' || ch == 0x7B2C)
    p = g_utf8_next_char (p);
  for (; p < end; p = g_utf8_next_char (p), n++)
    {
      ch = g_utf8_get_char (p);
      if (!g_unichar_isdigit (ch) &&
          g_utf8_strchr ("一二三四五六七八九十百〇零", -1, ch) == NULL)
        break;
    }
  if (n == 0 || p >= end)
    return FALSE;

  return ch == 0x3001 || ch == 0xFF09 || ch == ')' || ch == 0x662F || ch == 0xFF0C ||
         ch == '.' || ch == 0xFF0E;
}

char *
jj_paragraphs_unwrap (const char  *text,
                      gsize        n_bytes,
                      guint        width,
                      gsize       *out_n_bytes,
                      JjTextMap  **map)
{
  g_autoptr(JjTextBuilder) b = jj_text_builder_new (n_bytes);
  const char *p = text;
  const char *end = text + n_bytes;
  guint offset = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      guint len = jj_encoding_count_starts (p, line_end - p);
      guint wide = jj_paragraphs_line_width (p, line_end - p);
      const char *next = nl ? nl + 1 : end;
      const char *r = line_end;
      gboolean join = FALSE;

      while (r > p && is_blank (g_utf8_get_char (g_utf8_prev_char (r))))
        r = g_utf8_prev_char (r);
      if (nl != NULL && next < end && r > p && !is_blank (g_utf8_get_char (next)) && *next != '\n')
        {
          gunichar last = g_utf8_get_char (g_utf8_prev_char (r));
          const char *next_end = memchr (next, '\n', end - next);

          join = (jj_paragraphs_at_width (len, width) || jj_paragraphs_at_width (wide, width)) &&
                 !((is_sentence_end (last) || is_closing (last)) &&
                   starts_point (next, next_end ? next_end : end));
        }

      jj_text_builder_copy (b, p, join ? (gsize)(r - p) : (gsize)(line_end - p), offset);
      offset += len;
      if (nl == NULL)
        break;
      if (!join)
        jj_text_builder_copy (b, "\n", 1, offset);
      offset++;
      p = next;
    }

  return jj_text_builder_finish (g_steal_pointer (&b), out_n_bytes, map);
}

char *
jj_paragraphs_normalize (const char  *text,
                         gsize        n_bytes,
                         gsize       *out_n_bytes,
                         JjTextMap  **map)
{
  g_autoptr(JjTextBuilder) b = jj_text_builder_new (n_bytes);
  const char *p = text;
  const char *end = text + n_bytes;
  guint offset = 0;
  /* looked for in each line only when the text has any */
  gboolean any_cr = memchr (text, '\r', n_bytes) != NULL;
  gboolean any_nul = memchr (text, '\0', n_bytes) != NULL;

  while (p < end)
    {
      const char *line_end = p;
      const char *q;
      const char *r;
      guint q_offset = offset;
      guint line_chars = 0;

      line_end = memchr (p, '\n', end - p);
      if (line_end == NULL)
        line_end = end;
      if (any_cr && memchr (p, '\r', line_end - p) != NULL)
        line_end = memchr (p, '\r', line_end - p);

      q = p;
      while (q < line_end && is_blank (g_utf8_get_char (q)))
        {
          q = g_utf8_next_char (q);
          q_offset++;
        }
      r = line_end;
      while (r > q && is_blank (g_utf8_get_char (g_utf8_prev_char (r))))
        r = g_utf8_prev_char (r);

      if (r > q)
        {
          guint before;

          if (jj_text_builder_get_n_bytes (b) > 0)
            jj_text_builder_insert (b, "\n", 1, q_offset);
          /* the builder counts what it copies: the line is counted once */
          before = jj_text_builder_get_length (b);
          jj_text_builder_copy (b, q, r - q, q_offset);
          line_chars = (q_offset - offset) + (jj_text_builder_get_length (b) - before) +
                       jj_encoding_count_chars (r, line_end - r);
          /* g_utf8_strlen() stops at a NUL */
          if (any_nul && memchr (p, '\0', line_end - p) != NULL)
            line_chars = g_utf8_strlen (p, line_end - p);
        }
      else
        line_chars = jj_encoding_count_chars (p, line_end - p);

      offset += line_chars;
      p = line_end;
      if (p < end)
        {
          p++;
          offset++;
        }
    }

  return jj_text_builder_finish (g_steal_pointer (&b), out_n_bytes, map);
}
