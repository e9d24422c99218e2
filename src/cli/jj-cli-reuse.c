/* jj-cli-reuse.c — jiejian-cli reuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-reuse-checker.h"

static const char *
kind_to_string (JjReuseKind kind)
{
  return kind == JJ_REUSE_NEAR ? "near" : "verbatim";
}

static void
print_tsv (JjReuseChecker *checker,
           GArray         *stretches)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < stretches->len; i++)
    {
      const JjReuseStretch *s = &g_array_index (stretches, JjReuseStretch, i);

      g_string_append_printf (out, "%u\t%u\t", s->draft_start, s->draft_end);
      jj_cli_append_tsv_field (out, jj_reuse_checker_get_source_name (checker, s->source));
      g_string_append_printf (out, "\t%u\t%u\t%s\n", s->source_start, s->source_end, kind_to_string (s->kind));
    }
  fwrite (out->str, 1, out->len, stdout);
}

static void
print_json (JjReuseChecker *checker,
            const char     *draft,
            GArray         *stretches,
            GArray         *shares,
            double          total)
{
  g_autoptr(GString) out = g_string_new ("{\"draft\": ");

  jj_cli_append_json_string (out, draft);
  g_string_append_printf (out, ", \"share\": %.4f, \"sources\": [", total);
  for (guint i = 0; i < shares->len; i++)
    {
      const JjReuseShare *share = &g_array_index (shares, JjReuseShare, i);

      g_string_append (out, i > 0 ? ", {\"document\": " : "{\"document\": ");
      jj_cli_append_json_string (out, jj_reuse_checker_get_source_name (checker, share->source));
      g_string_append_printf (out, ", \"chars\": %u, \"share\": %.4f}", share->n_chars, share->share);
    }
  g_string_append (out, "], \"stretches\": [");
  for (guint i = 0; i < stretches->len; i++)
    {
      const JjReuseStretch *s = &g_array_index (stretches, JjReuseStretch, i);

      g_string_append_printf (out, "%s{\"draft_start\": %u, \"draft_end\": %u, \"source\": ",
                              i > 0 ? ", " : "", s->draft_start, s->draft_end);
      jj_cli_append_json_string (out, jj_reuse_checker_get_source_name (checker, s->source));
      g_string_append_printf (out, ", \"source_start\": %u, \"source_end\": %u, \"kind\": \"%s\"}",
                              s->source_start, s->source_end, kind_to_string (s->kind));
    }
  g_string_append (out, "]}\n");
  fwrite (out->str, 1, out->len, stdout);
}

int
jj_cli_reuse (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjReuseChecker) checker = NULL;
  g_autoptr(JjDocument) draft = NULL;
  g_autoptr(GFile) draft_file = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GArray) stretches = NULL;
  g_autoptr(GArray) shares = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_path = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) folders = NULL;
  gint min_length = 13;
  double total = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &folders, N_("Compare with the speeches in DIR and its subfolders (repeatable; default: the library)"), N_("DIR") },
    { "min", 0, 0, G_OPTION_ARG_INT, &min_length, N_("Report stretches of at least N characters (default 13)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  const char *usage = "reuse DRAFT [--folder DIR]… [--min N] [--format tsv|json]";

  context = g_option_context_new (_("DRAFT — find the stretches of a draft taken from other speeches"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 1, usage))
    return 2;
  if (!jj_cli_check_tsv_json (format))
    return 2;
  if (min_length < 4)
    {
      jj_cli_print_error (_("--min must be at least 4 characters"));
      return 2;
    }

  draft_file = g_file_new_for_path (argv[1]);
  draft_path = g_file_get_path (draft_file);
  draft = jj_document_load (draft_file, JJ_LOAD_DEFAULT, NULL, &error);
  if (draft == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  checker = jj_reuse_checker_new ();
  jj_reuse_checker_set_min_length (checker, min_length);
  sources = jj_cli_collect_speeches (folders, &status);
  if (sources == NULL)
    return status;
  for (guint i = 0; i < sources->len; i++)
    {
      const char *path = g_ptr_array_index (sources, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(JjDocument) document = NULL;
      g_autoptr(GError) load_error = NULL;

      if (g_str_equal (path, draft_path))
        continue;
      file = g_file_new_for_path (path);
      document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &load_error);
      if (document == NULL)
        {
          jj_cli_print_error (_("%s: skipped: %s"), path, load_error->message);
          continue;
        }
      jj_reuse_checker_add_source (checker, path, jj_document_get_text (document));
    }

  stretches = jj_reuse_checker_check (checker, jj_document_get_text (draft), &shares, &total, NULL, &error);
  if (stretches == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  if (format != NULL && g_str_equal (format, "json"))
    print_json (checker, draft_path, stretches, shares, total);
  else
    print_tsv (checker, stretches);

  return 0;
}
