/* jj-citation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-citation.h"
#include "jj-outline-entry.h"
#include "jj-speech-info.h"

/* The date in the reader's time zone, as Chinese writing gives it. */
char *
jj_citation_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  local = g_date_time_to_local (date);

  return g_strdup_printf ("%d年%d月%d日",
                          g_date_time_get_year (local),
                          g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local));
}

static char *
dup_title (JjPassage *passage)
{
  const char *title = jj_passage_get_document_title (passage);
  const char *path = jj_passage_get_document_path (passage);

  if (title[0] != '\0')
    return g_strdup (title);
  if (path[0] != '\0')
    return g_path_get_basename (path);

  return NULL;
}

/* The section a citation names: a passage before the first heading
 * (under the title or the salutation, 同志们：) is in the opening. */
static const char *
cited_section (const char *section)
{
  glong n = g_utf8_strlen (section, -1);

  if (section[0] == '\0')
    return NULL;
  if (strstr (section, " › ") == NULL && n <= 20 &&
      (g_str_has_suffix (section, "：") || g_str_has_suffix (section, ":")))
    return JJ_CITATION_OPENING;

  return section;
}

/**
 * jj_citation_dup_section:
 *
 * The section path of @offset as a citation gives it: JJ_CITATION_OPENING
 * before the first heading or enumeration, NULL in a document without an
 * outline entry there.
 */
char *
jj_citation_dup_section (JjOutline *outline,
                         guint      offset)
{
  JjOutlineEntry *entry;
  JjOutlineEntry *top = NULL;

  g_return_val_if_fail (JJ_IS_OUTLINE (outline), NULL);

  entry = jj_outline_lookup (outline, offset);
  for (JjOutlineEntry *e = entry; e != NULL; e = jj_outline_entry_get_parent (e))
    top = e;

  if (top == NULL)
    {
      /* Before any entry, or in a speech whose first entry comes later:
       * the opening when a heading follows. */
      for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
        {
          JjOutlineEntry *e = jj_outline_get_entry (outline, i);
          JjOutlineKind kind = jj_outline_entry_get_kind (e);

          if (kind == JJ_OUTLINE_KIND_HEADING || kind == JJ_OUTLINE_KIND_ENUMERATOR)
            return offset < jj_outline_entry_get_start (e) ? g_strdup (JJ_CITATION_OPENING) : NULL;
        }
      return NULL;
    }

  switch (jj_outline_entry_get_kind (top))
    {
    case JJ_OUTLINE_KIND_TITLE:
    case JJ_OUTLINE_KIND_SALUTATION:
      return g_strdup (JJ_CITATION_OPENING);
    case JJ_OUTLINE_KIND_HEADING:
    case JJ_OUTLINE_KIND_ENUMERATOR:
    case JJ_OUTLINE_KIND_CLOSING:
    default:
      return jj_outline_dup_section_path (outline, offset);
    }
}

/* "——《标题》，讲话人，2018年9月3日，一、… › 一是…" with full-width commas,
 * as Chinese writing cites a speech, leaving out what is unknown. The
 * date is the speech's, never the day the passage was marked. */
char *
jj_citation_format_source (JjPassage *passage)
{
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *speaker;
  const char *date;
  const char *section;
  GString *str;

  g_return_val_if_fail (JJ_IS_PASSAGE (passage), NULL);

  str = g_string_new ("——");
  title = dup_title (passage);
  if (title != NULL)
    g_string_append_printf (str, "《%s》", title);

  speaker = jj_passage_get_speaker (passage);
  if (speaker[0] != '\0')
    g_ptr_array_add (parts, g_strdup (speaker));

  date = jj_passage_get_speech_date (passage);
  if (date[0] != '\0')
    {
      g_autoptr(JjSpeechInfo) info = jj_speech_info_new ();

      if (jj_speech_info_set_date (info, date))
        g_ptr_array_add (parts, jj_speech_info_dup_date_chinese (info));
    }

  section = cited_section (jj_passage_get_section (passage));
  if (section != NULL)
    g_ptr_array_add (parts, g_strdup (section));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0 || title != NULL)
        g_string_append (str, "，");
      g_string_append (str, g_ptr_array_index (parts, i));
    }

  return g_string_free (str, FALSE);
}

/* The quote, then the source on its own line. */
char *
jj_citation_format (JjPassage *passage)
{
  g_autofree char *source = NULL;

  g_return_val_if_fail (JJ_IS_PASSAGE (passage), NULL);

  source = jj_citation_format_source (passage);

  return g_strconcat (jj_passage_get_quote (passage), "\n", source, NULL);
}
