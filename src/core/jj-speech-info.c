/* jj-speech-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jj-document.h"
#include "jj-passage.h"
#include "jj-speech-info.h"

/* The lines of a speech's head that are read: the title, then a few
 * short lines (speaker, date, a subtitle) before the salutation.
 */
#define HEAD_LINES      8
#define HEAD_LINE_CHARS 40

struct _JjSpeechInfo
{
  GObject  parent_instance;

  char    *title;
  char    *speaker;
  char    *occasion;
  char    *date;      /* YYYY-MM-DD */
};

G_DEFINE_FINAL_TYPE (JjSpeechInfo, jj_speech_info, G_TYPE_OBJECT)

static void
jj_speech_info_finalize (GObject *object)
{
  JjSpeechInfo *self = JJ_SPEECH_INFO (object);

  g_free (self->title);
  g_free (self->speaker);
  g_free (self->occasion);
  g_free (self->date);

  G_OBJECT_CLASS (jj_speech_info_parent_class)->finalize (object);
}

static void
jj_speech_info_class_init (JjSpeechInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jj_speech_info_finalize;
}

static void
jj_speech_info_init (JjSpeechInfo *self)
{
}

JjSpeechInfo *
jj_speech_info_new (void)
{
  return g_object_new (JJ_TYPE_SPEECH_INFO, NULL);
}

/* Blank strings are no value; white space around one is dropped. */
static void
set_string (char       **field,
            const char  *value)
{
  g_autofree char *copy = value ? g_strdup (value) : NULL;

  if (copy != NULL)
    {
      g_strstrip (copy);
      if (copy[0] == '\0' || !g_utf8_validate (copy, -1, NULL))
        g_clear_pointer (&copy, g_free);
    }

  g_free (*field);
  *field = g_steal_pointer (&copy);
}

const char *
jj_speech_info_get_title (JjSpeechInfo *self)
{
  g_return_val_if_fail (JJ_IS_SPEECH_INFO (self), NULL);
  return self->title;
}

void
jj_speech_info_set_title (JjSpeechInfo *self,
                          const char   *title)
{
  g_return_if_fail (JJ_IS_SPEECH_INFO (self));
  set_string (&self->title, title);
}

const char *
jj_speech_info_get_speaker (JjSpeechInfo *self)
{
  g_return_val_if_fail (JJ_IS_SPEECH_INFO (self), NULL);
  return self->speaker;
}

void
jj_speech_info_set_speaker (JjSpeechInfo *self,
                            const char   *speaker)
{
  g_return_if_fail (JJ_IS_SPEECH_INFO (self));
  set_string (&self->speaker, speaker);
}

const char *
jj_speech_info_get_occasion (JjSpeechInfo *self)
{
  g_return_val_if_fail (JJ_IS_SPEECH_INFO (self), NULL);
  return self->occasion;
}

void
jj_speech_info_set_occasion (JjSpeechInfo *self,
                             const char   *occasion)
{
  g_return_if_fail (JJ_IS_SPEECH_INFO (self));
  set_string (&self->occasion, occasion);
}

const char *
jj_speech_info_get_date (JjSpeechInfo *self)
{
  g_return_val_if_fail (JJ_IS_SPEECH_INFO (self), NULL);
  return self->date;
}

/* A Chinese or Arabic number of up to four digits: 2018, 二〇一八, 十二,
 * 二十三, 三十一, full-width digits. G_MAXUINT when it is none. */
static guint
parse_number (const char *text,
              gboolean    as_digits)
{
  static const char *han[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  guint value = 0;
  guint tens = 0;
  gboolean any = FALSE;
  gboolean ten_seen = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = -1;

      if (c >= '0' && c <= '9')
        digit = c - '0';
      else if (c >= 0xFF10 && c <= 0xFF19)
        digit = c - 0xFF10;
      else if (c == 0x25CB /* ○ */ || c == 0x96F6 /* 零 */)
        digit = 0;
      else if (c == 0x5341 /* 十 */ && !as_digits)
        {
          if (ten_seen)
            return G_MAXUINT;
          tens = value == 0 ? 1 : value;
          value = 0;
          ten_seen = TRUE;
          any = TRUE;
          continue;
        }
      else
        for (guint i = 0; i < G_N_ELEMENTS (han); i++)
          if (g_str_has_prefix (p, han[i]))
            digit = i;

      if (digit < 0)
        return G_MAXUINT;
      value = value * 10 + digit;
      any = TRUE;
      if (value > 9999)
        return G_MAXUINT;
    }

  if (!any)
    return G_MAXUINT;

  return ten_seen ? tens * 10 + value : value;
}

static GRegex *
date_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("([0-9０-９〇○零一二三四五六七八九]{4})\\s*年\\s*"
                               "([0-9０-９一二三四五六七八九十]{1,3})\\s*月\\s*"
                               "([0-9０-９一二三四五六七八九十]{1,3})\\s*日",
                               G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (r != NULL);
      g_once_init_leave (&regex, r);
    }

  return regex;
}

/**
 * jj_speech_info_parse_date:
 *
 * Finds a date written as Chinese texts give it (2018年9月3日,
 * 二〇一八年九月三日) in @text.
 *
 * Returns: whether @text holds a valid date
 */
gboolean
jj_speech_info_parse_date (const char *text,
                           guint      *year,
                           guint      *month,
                           guint      *day)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *y = NULL;
  g_autofree char *m = NULL;
  g_autofree char *d = NULL;
  guint yy, mm, dd;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_regex_match (date_regex (), text, 0, &match))
    return FALSE;

  y = g_match_info_fetch (match, 1);
  m = g_match_info_fetch (match, 2);
  d = g_match_info_fetch (match, 3);
  yy = parse_number (y, TRUE);
  mm = parse_number (m, FALSE);
  dd = parse_number (d, FALSE);
  if (yy < 1 || yy > 9999 || mm < 1 || mm > 12 || dd < 1 || dd > 31 ||
      !g_date_valid_dmy (dd, mm, yy))
    return FALSE;

  if (year)
    *year = yy;
  if (month)
    *month = mm;
  if (day)
    *day = dd;

  return TRUE;
}

/**
 * jj_speech_info_set_date:
 * @iso_date: (nullable): YYYY-MM-DD, or NULL or "" to forget the date
 *
 * Returns: FALSE, leaving the date as it was, when @iso_date is no date
 */
gboolean
jj_speech_info_set_date (JjSpeechInfo *self,
                         const char   *iso_date)
{
  guint y, m, d;
  char tail;

  g_return_val_if_fail (JJ_IS_SPEECH_INFO (self), FALSE);

  if (iso_date == NULL || iso_date[0] == '\0')
    {
      g_clear_pointer (&self->date, g_free);
      return TRUE;
    }

  if (sscanf (iso_date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      strlen (iso_date) != 10 || y < 1 || m < 1 || m > 12 || d < 1 || d > 31 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_free (self->date);
  self->date = g_strdup_printf ("%04u-%02u-%02u", y, m, d);

  return TRUE;
}

/* 2018年9月3日, as a Chinese citation gives the date. */
char *
jj_speech_info_dup_date_chinese (JjSpeechInfo *self)
{
  guint y, m, d;

  g_return_val_if_fail (JJ_IS_SPEECH_INFO (self), NULL);

  if (self->date == NULL || sscanf (self->date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return NULL;

  return g_strdup_printf ("%u年%u月%u日", y, m, d);
}

JjSpeechInfo *
jj_speech_info_copy (JjSpeechInfo *self)
{
  JjSpeechInfo *copy;

  g_return_val_if_fail (JJ_IS_SPEECH_INFO (self), NULL);

  copy = jj_speech_info_new ();
  copy->title = g_strdup (self->title);
  copy->speaker = g_strdup (self->speaker);
  copy->occasion = g_strdup (self->occasion);
  copy->date = g_strdup (self->date);

  return copy;
}

gboolean
jj_speech_info_equal (JjSpeechInfo *a,
                      JjSpeechInfo *b)
{
  g_return_val_if_fail (JJ_IS_SPEECH_INFO (a), FALSE);
  g_return_val_if_fail (JJ_IS_SPEECH_INFO (b), FALSE);

  return g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->speaker, b->speaker) == 0 &&
         g_strcmp0 (a->occasion, b->occasion) == 0 &&
         g_strcmp0 (a->date, b->date) == 0;
}

gboolean
jj_speech_info_is_empty (JjSpeechInfo *self)
{
  g_return_val_if_fail (JJ_IS_SPEECH_INFO (self), TRUE);

  return self->title == NULL && self->speaker == NULL &&
         self->occasion == NULL && self->date == NULL;
}

/* Detection ------------------------------------------------------------ */

static GRegex *
compile (const char *pattern)
{
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

  g_assert (regex != NULL);

  return regex;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0;
}

/* A line that is only a date, in brackets or not, perhaps with a remark
 * after it inside the brackets: （2018年9月3日）, 2018年9月3日,
 * （二〇一八年九月三日，根据录音整理）. */
static gboolean
is_date_line (const char *line)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                               compile ("^[（(〔\\[]?\\s*[0-9０-９〇○零一二三四五六七八九]{4}\\s*年\\s*"
                                        "[0-9０-９一二三四五六七八九十]{1,3}\\s*月\\s*"
                                        "[0-9０-９一二三四五六七八九十]{1,3}\\s*日"
                                        "(\\s*[，,、；;：:]\\s*[^）)〕\\]]*)?\\s*[）)〕\\]]?$"));

  return g_regex_match (regex, line, 0, NULL);
}

/* The name on a speaker line: the last of its words (市委书记 张三 →
 * 张三), or the line when it has one word of two to four characters.
 * NULL when the line is not a name: punctuation, digits, too long. */
static char *
speaker_from_line (const char *line)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  const char *name;
  glong n;

  if (g_utf8_strlen (line, -1) > 24)
    return NULL;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_space (c) && c != 0x00B7 && c != 0x30FB &&
          g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN)
        return NULL;
    }

  words = g_regex_split_simple ("[\\s\\x{3000}\\x{00A0}]+", line, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);
  if (kept->len == 0)
    return NULL;

  /* A two-character name is often spaced out to the width of three:
   * 孙  强. */
  if (kept->len >= 2 &&
      g_utf8_strlen (g_ptr_array_index (kept, kept->len - 1), -1) == 1 &&
      g_utf8_strlen (g_ptr_array_index (kept, kept->len - 2), -1) == 1)
    {
      guint first = kept->len - 2;

      while (first > 0 && g_utf8_strlen (g_ptr_array_index (kept, first - 1), -1) == 1)
        first--;
      {
        GString *str = g_string_new (NULL);

        for (guint i = first; i < kept->len; i++)
          g_string_append (str, g_ptr_array_index (kept, i));
        joined = g_string_free (str, FALSE);
      }
      name = joined;
    }
  else
    name = g_ptr_array_index (kept, kept->len - 1);
  n = g_utf8_strlen (name, -1);
  /* One word: a name, not a phrase of the text. */
  if (kept->len == 1 && (n < 2 || n > 4))
    return NULL;
  if (n < 2 || n > 6)
    return NULL;

  if (g_str_has_suffix (name, "同志") && n > 3)
    return g_strndup (name, strlen (name) - strlen ("同志"));

  return g_strdup (name);
}

/* 在全市社区工作会议上的讲话 → occasion 全市社区工作会议; a speaker before
 * 在 (张三同志在……) is returned too. */
static gboolean
parse_title (const char  *title,
             char       **speaker,
             char       **occasion)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                               compile ("^(?:——\\s*)?(?:(\\p{Han}{2,4}?)(?:同志)?\\s*)?在(.{2,60}?)(?:上|中)?的"
                                        "(?:总结|主旨|重要)?(?:讲话|致辞|发言|报告|演讲|致词|讲话提纲)"
                                        "(?:\\s*[（(].*[）)])?$"));

  if (!g_regex_match (regex, title, 0, &match))
    return FALSE;

  *speaker = g_match_info_fetch (match, 1);
  *occasion = g_match_info_fetch (match, 2);
  if (*speaker != NULL && (*speaker)[0] == '\0')
    g_clear_pointer (speaker, g_free);

  return TRUE;
}

/* 今天，我们召开全市社区工作会议 → 全市社区工作会议. */
static char *
occasion_from_opening (const char *paragraph)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                               compile ("(?:召开|举行|举办)(?:了)?(?!这次|此次|今天|本次)"
                                        "([^，。、；！？,.;!?]{2,30}?(?:会议|大会|座谈会|推进会|培训会|动员会|研讨会|论坛))"));

  if (!g_regex_match (regex, paragraph, 0, &match))
    return NULL;

  return g_match_info_fetch (match, 1);
}

static gboolean
is_salutation (const char *line)
{
  glong n = g_utf8_strlen (line, -1);

  return n <= 20 && (g_str_has_suffix (line, "：") || g_str_has_suffix (line, ":"));
}

/**
 * jj_speech_info_detect:
 * @text: the display text
 * @has_title: whether its first paragraph is the title
 *
 * Reads the head of a speech: the title, a speaker line (张三, 市委书记
 * 张三), a date line (（2018年9月3日）), a subtitle (——在……上的讲话),
 * up to the salutation, and the occasion from the title, the subtitle or
 * the opening's first sentence (今天我们召开……会议).
 *
 * Returns: (transfer full): what was found; fields not found are NULL
 */
JjSpeechInfo *
jj_speech_info_detect (const char *text,
                       gboolean    has_title)
{
  JjSpeechInfo *self = jj_speech_info_new ();
  g_auto(GStrv) lines = NULL;
  guint i = 0;

  g_return_val_if_fail (text != NULL, self);

  lines = g_strsplit (text, "\n", HEAD_LINES + 2);

  if (has_title && lines[0] != NULL)
    {
      g_autofree char *speaker = NULL;
      g_autofree char *occasion = NULL;

      jj_speech_info_set_title (self, lines[0]);
      if (parse_title (lines[0], &speaker, &occasion))
        {
          jj_speech_info_set_speaker (self, speaker);
          jj_speech_info_set_occasion (self, occasion);
        }
      i = 1;
    }

  for (; lines[i] != NULL && i < HEAD_LINES; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *speaker = NULL;
      g_autofree char *occasion = NULL;
      guint y, m, d;

      if (line[0] == '\0')
        continue;

      if (is_salutation (line) || g_utf8_strlen (line, -1) > HEAD_LINE_CHARS)
        {
          /* The opening: the occasion, when nothing above said it. */
          if (self->occasion == NULL)
            {
              const char *opening = lines[i];

              if (is_salutation (line) && lines[i + 1] != NULL)
                opening = lines[i + 1];
              occasion = occasion_from_opening (opening);
              jj_speech_info_set_occasion (self, occasion);
            }
          break;
        }

      if (is_date_line (line) && jj_speech_info_parse_date (line, &y, &m, &d))
        {
          g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", y, m, d);

          if (self->date == NULL)
            jj_speech_info_set_date (self, iso);
          continue;
        }

      /* A subtitle: ——在……上的讲话. */
      if (parse_title (line, &speaker, &occasion))
        {
          if (self->occasion == NULL)
            jj_speech_info_set_occasion (self, occasion);
          if (self->speaker == NULL)
            jj_speech_info_set_speaker (self, speaker);
          continue;
        }

      /* A speaker line, with the date after it in brackets or not. */
      {
        g_autofree char *name_part = g_strdup (line);
        char *bracket = strstr (name_part, "（");

        if (bracket == NULL)
          bracket = strchr (name_part, '(');
        if (bracket != NULL && jj_speech_info_parse_date (bracket, &y, &m, &d))
          {
            g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", y, m, d);

            if (self->date == NULL)
              jj_speech_info_set_date (self, iso);
            *bracket = '\0';
          }

        speaker = speaker_from_line (g_strstrip (name_part));
        if (speaker != NULL && self->speaker == NULL)
          jj_speech_info_set_speaker (self, speaker);
      }
    }

  return self;
}

/**
 * jj_speech_info_for_document:
 * @kept: (nullable): the details kept in the speech's sidecar
 *
 * The details of @document: those kept in its sidecar when there are
 * any (the user may have corrected them), else what its head says.
 *
 * Returns: (transfer full): the details, never NULL
 */
JjSpeechInfo *
jj_speech_info_for_document (JjDocument   *document,
                             JjSpeechInfo *kept)
{
  g_return_val_if_fail (JJ_IS_DOCUMENT (document), NULL);

  const char *title = jj_document_get_title (document);
  const char *text = jj_document_get_text (document);
  g_autofree char *titled = NULL;

  if (kept != NULL && !jj_speech_info_is_empty (kept))
    return jj_speech_info_copy (kept);

  /* The title may come from outside the text (a saved web page names the
   * speech in its own lines); it is read as the text's first line. */
  if (title == NULL || (g_str_has_prefix (text, title) &&
                        (text[strlen (title)] == '\n' || text[strlen (title)] == '\0')))
    return jj_speech_info_detect (text, title != NULL);

  titled = g_strconcat (title, "\n", text, NULL);
  return jj_speech_info_detect (titled, TRUE);
}

/* Gives @passage the speaker and date of the speech it is from. */
void
jj_speech_info_apply_to_passage (JjSpeechInfo *self,
                                 JjPassage    *passage)
{
  g_return_if_fail (JJ_IS_SPEECH_INFO (self));
  g_return_if_fail (JJ_IS_PASSAGE (passage));

  if (self->title != NULL)
    jj_passage_set_document_title (passage, self->title);
  jj_passage_set_speaker (passage, self->speaker);
  jj_passage_set_speech_date (passage, self->date);
}
