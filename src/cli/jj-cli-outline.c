/* jj-cli-outline.c — jiejian-cli outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-outline.h"

static void
print_tsv (JjOutline *outline)
{
  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *e = jj_outline_get_entry (outline, i);

      printf ("%u\t%u\t%u\t%s\t%s",
              jj_outline_entry_get_level (e),
              jj_outline_entry_get_start (e),
              jj_outline_entry_get_end (e),
              jj_outline_kind_to_string (jj_outline_entry_get_kind (e)),
              jj_outline_entry_get_title (e));
      /* a parallel series: the start-end of each member */
      for (guint k = 0; k < jj_outline_entry_get_n_members (e); k++)
        {
          guint start = 0, end = 0;

          jj_outline_entry_get_member (e, k, &start, &end);
          printf ("%c%u-%u", k == 0 ? '\t' : ',', start, end);
        }
      putchar ('\n');
    }
}

static void
print_json (JjOutline *outline)
{
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *e = jj_outline_get_entry (outline, i);

      g_string_append (out, i > 0 ? ",\n  " : "\n  ");
      g_string_append_printf (out,
                              "{\"level\": %u, \"start\": %u, \"title_end\": %u, \"end\": %u, \"kind\": \"%s\", \"marker\": ",
                              jj_outline_entry_get_level (e),
                              jj_outline_entry_get_start (e),
                              jj_outline_entry_get_title_end (e),
                              jj_outline_entry_get_end (e),
                              jj_outline_kind_to_string (jj_outline_entry_get_kind (e)));
      jj_cli_append_json_string (out, jj_outline_entry_get_marker (e));
      g_string_append (out, ", \"title\": ");
      jj_cli_append_json_string (out, jj_outline_entry_get_title (e));
      if (jj_outline_entry_get_n_members (e) > 0)
        {
          g_string_append (out, ", \"members\": [");
          for (guint k = 0; k < jj_outline_entry_get_n_members (e); k++)
            {
              guint start = 0, end = 0;

              jj_outline_entry_get_member (e, k, &start, &end);
              g_string_append_printf (out, "%s{\"start\": %u, \"end\": %u}",
                                      k > 0 ? ", " : "", start, end);
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, jj_outline_get_n_entries (outline) > 0 ? "\n]\n" : "]\n");
  fputs (out->str, stdout);
}

int
jj_cli_outline (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(JjOutline) outline = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — print the outline of a speech"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 1, "outline [--format tsv|json] FILE"))
    return 2;

  if (!jj_cli_check_tsv_json (format))
    return 2;

  file = jj_document_file_for_arg (argv[1]);
  document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  if (document == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  /* the document's outline uses what formats like .docx say of paragraphs */
  outline = g_object_ref (jj_document_get_outline (document));

  if (format != NULL && g_str_equal (format, "json"))
    print_json (outline);
  else
    print_tsv (outline);

  return 0;
}
