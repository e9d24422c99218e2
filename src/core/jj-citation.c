/* jj-citation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-citation.h"

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

/* "——《title》, section path, date", leaving out what is unknown. */
char *
jj_citation_format_source (JjPassage *passage)
{
  g_autofree char *title = NULL;
  GString *str;
  GDateTime *created;
  const char *section;

  g_return_val_if_fail (JJ_IS_PASSAGE (passage), NULL);

  str = g_string_new ("——");
  title = dup_title (passage);
  if (title != NULL)
    g_string_append_printf (str, "《%s》", title);

  section = jj_passage_get_section (passage);
  if (section[0] != '\0')
    {
      if (title != NULL)
        g_string_append (str, ", ");
      g_string_append (str, section);
    }

  created = jj_passage_get_created (passage);
  if (created != NULL)
    {
      g_autofree char *date = jj_citation_format_date (created);

      if (str->len > strlen ("——"))
        g_string_append (str, ", ");
      g_string_append (str, date);
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
