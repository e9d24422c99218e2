/* jj-cli-marks.c — jiejian-cli marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-mark-kind.h"
#include "jj-mark-session.h"

/* One mark a line: tabs, newlines and backslashes in the text are escaped
 * as \t, \n and \\ so that every line has the same eight fields.
 */
static void
append_tsv_field (GString    *out,
                  const char *str)
{
  for (const char *p = str; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\\': g_string_append (out, "\\\\"); break;
        default: g_string_append_c (out, *p);
        }
    }
}

static void
print_tsv (GListModel *marks)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (marks, i);
      g_autofree char *tags = g_strjoinv (",", (char **)jj_mark_get_tags (mark));

      g_string_append_printf (out, "%s\t%u\t%u\t%s\t%s\t",
                              jj_mark_get_id (mark),
                              jj_mark_get_start (mark),
                              jj_mark_get_end (mark),
                              jj_mark_get_kind (mark),
                              jj_mark_status_to_string (jj_mark_get_status (mark)));
      append_tsv_field (out, tags);
      g_string_append_c (out, '\t');
      append_tsv_field (out, jj_mark_get_quote (mark));
      g_string_append_c (out, '\t');
      append_tsv_field (out, jj_mark_get_note (mark));
      g_string_append_c (out, '\n');
    }

  fwrite (out->str, 1, out->len, stdout);
}

static void
print_json (GListModel *marks)
{
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (marks, i);
      g_autofree char *created = g_date_time_format_iso8601 (jj_mark_get_created (mark));
      g_autofree char *modified = g_date_time_format_iso8601 (jj_mark_get_modified (mark));
      const char * const *tags = jj_mark_get_tags (mark);

      g_string_append (out, i > 0 ? ",\n  {" : "\n  {");
      g_string_append (out, "\"id\": ");
      jj_cli_append_json_string (out, jj_mark_get_id (mark));
      g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"kind\": ",
                              jj_mark_get_start (mark), jj_mark_get_end (mark));
      jj_cli_append_json_string (out, jj_mark_get_kind (mark));
      g_string_append (out, ", \"label\": ");
      jj_cli_append_json_string (out, jj_mark_kind_get_label (jj_mark_get_kind (mark)));
      g_string_append (out, ", \"color\": ");
      jj_cli_append_json_string (out, jj_mark_get_color (mark));
      g_string_append (out, ", \"status\": ");
      jj_cli_append_json_string (out, jj_mark_status_to_string (jj_mark_get_status (mark)));
      g_string_append (out, ", \"tags\": [");
      for (guint t = 0; tags[t] != NULL; t++)
        {
          if (t > 0)
            g_string_append (out, ", ");
          jj_cli_append_json_string (out, tags[t]);
        }
      g_string_append (out, "], \"quote\": ");
      jj_cli_append_json_string (out, jj_mark_get_quote (mark));
      g_string_append (out, ", \"note\": ");
      jj_cli_append_json_string (out, jj_mark_get_note (mark));
      g_string_append (out, ", \"section\": ");
      jj_cli_append_json_string (out, jj_mark_get_section (mark));
      g_string_append (out, ", \"author\": ");
      jj_cli_append_json_string (out, jj_mark_get_author (mark));
      g_string_append (out, ", \"created\": ");
      jj_cli_append_json_string (out, created);
      g_string_append (out, ", \"modified\": ");
      jj_cli_append_json_string (out, modified);
      g_string_append_c (out, '}');
    }
  g_string_append (out, out->len > 1 ? "\n]\n" : "]\n");

  fwrite (out->str, 1, out->len, stdout);
}

int
jj_cli_marks (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjMarkSession) session = NULL;
  JjMarkStore *store;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  gboolean check = FALSE;
  GListModel *marks;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, N_("Re-anchor the marks, save their new places and report how many were placed, moved or orphaned"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — list the marks of a speech"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 1, "marks [--format tsv|json] [--check] FILE"))
    return 2;

  if (!jj_cli_check_tsv_json (format))
    return 2;

  session = jj_cli_open_session (argv[1], !check, NULL, NULL);
  if (session == NULL)
    return 1;
  store = jj_mark_session_get_store (session);
  marks = jj_mark_store_get_marks (store);

  if (check)
    {
      guint counts[3] = { 0, };
      guint changed;

      for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
        {
          g_autoptr(JjMark) mark = g_list_model_get_item (marks, i);

          counts[jj_mark_get_status (mark)]++;
        }

      if (jj_mark_store_get_dirty (store) && !jj_mark_store_save (store, &error))
        {
          jj_cli_print_error ("%s", error->message);
          return 1;
        }

      /* Of the moved marks, those whose wording changed too. */
      changed = jj_mark_session_get_report (session)->changed;
      if (format != NULL && g_str_equal (format, "json"))
        printf ("{\"placed\": %u, \"moved\": %u, \"orphan\": %u, \"changed\": %u}\n",
                counts[JJ_MARK_STATUS_PLACED], counts[JJ_MARK_STATUS_MOVED], counts[JJ_MARK_STATUS_ORPHAN],
                changed);
      else
        printf ("placed\t%u\nmoved\t%u\norphan\t%u\nchanged\t%u\n",
                counts[JJ_MARK_STATUS_PLACED], counts[JJ_MARK_STATUS_MOVED], counts[JJ_MARK_STATUS_ORPHAN],
                changed);

      return 0;
    }

  if (format != NULL && g_str_equal (format, "json"))
    print_json (marks);
  else
    print_tsv (marks);

  return 0;
}
