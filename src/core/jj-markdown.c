/* jj-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-markdown.h"
#include "jj-paragraph-hint.h"

static GRegex *
regex_once (GRegex    **slot,
            const char *pattern)
{
  if (g_once_init_enter (slot))
    {
      GRegex *re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (re != NULL);
      g_once_init_leave (slot, re);
    }

  return *slot;
}

char *
jj_markdown_read (const char *text,
                  gsize       n_bytes,
                  GArray     *hints,
                  gsize      *out_n_bytes)
{
  static GRegex *strong;
  static GRegex *em;
  static GRegex *link;
  static GRegex *code;
  GString *out = g_string_sized_new (n_bytes + 1);
  const char *p = text;
  const char *end = text + n_bytes;
  guint length = 0;
  gboolean in_fence = FALSE;

  regex_once (&strong, "(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
  regex_once (&em, "(?<![*A-Za-z0-9])([*_])(?=\\S)([^*_]+?)(?<=\\S)\\1(?![*A-Za-z0-9])");
  regex_once (&link, "!?\\[([^\\]]*)\\]\\([^)]*\\)");
  regex_once (&code, "`([^`]*)`");

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      g_autofree char *line = g_strndup (p, line_end - p);
      g_autofree char *s1 = NULL;
      g_autofree char *s2 = NULL;
      g_autofree char *s3 = NULL;
      g_autofree char *s4 = NULL;
      char *l = line;
      gint heading = 0;

      p = nl ? nl + 1 : end;

      if (g_str_has_prefix (g_strchug (l), "```") || g_str_has_prefix (l, "~~~"))
        {
          in_fence = !in_fence;
          continue;
        }

      if (!in_fence)
        {
          while (*l == '>')
            {
              l++;
              while (*l == ' ')
                l++;
            }

          while (*l == '#' && heading < 6)
            {
              l++;
              heading++;
            }
          if (heading > 0 && *l != ' ' && *l != '\0')
            {
              l -= heading;
              heading = 0;
            }
          while (*l == ' ')
            l++;
          if (heading > 0)
            {
              /* closing #'s of an ATX heading */
              gsize n = strlen (l);

              while (n > 0 && (l[n - 1] == '#' || l[n - 1] == ' '))
                n--;
              l[n] = '\0';
            }

          if ((l[0] == '-' || l[0] == '*' || l[0] == '+') && l[1] == ' ')
            l += 2;

          if (strspn (l, "-*_ ") == strlen (l) && strlen (l) >= 3)
            continue;

          s1 = g_regex_replace (strong, l, -1, 0, "\\2", 0, NULL);
          s2 = g_regex_replace (em, s1 ? s1 : l, -1, 0, "\\2", 0, NULL);
          s3 = g_regex_replace (link, s2 ? s2 : l, -1, 0, "\\1", 0, NULL);
          s4 = g_regex_replace (code, s3 ? s3 : l, -1, 0, "\\1", 0, NULL);
          if (s4 != NULL)
            l = s4;
        }

      if (out->len > 0)
        {
          g_string_append_c (out, '\n');
          length++;
        }

      if (heading > 0 && hints != NULL)
        {
          guint n = g_utf8_strlen (l, -1);
          JjParagraphHint hint = { length, length + n, heading - 1, JJ_PARAGRAPH_HEADING_STYLE };

          g_array_append_val (hints, hint);
        }

      g_string_append (out, l);
      length += g_utf8_strlen (l, -1);
    }

  if (out_n_bytes != NULL)
    *out_n_bytes = out->len;

  return g_string_free (out, FALSE);
}
