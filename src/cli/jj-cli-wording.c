/* jj-cli-wording.c — jiejian-cli wording
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jj-cli.h"
#include "jj-text-index.h"
#include "jj-wording.h"

static void
print_tsv (GPtrArray *variants)
{
  g_autoptr(GString) out = g_string_new ("variant\terrors\tcount\tdocument\tstart\tend\tsection\tcontext\n");

  for (guint v = 0; v < variants->len; v++)
    {
      JjWordingVariant *variant = g_ptr_array_index (variants, v);

      if (variant->hits->len == 0)
        {
          jj_cli_append_tsv_field (out, variant->text);
          g_string_append_printf (out, "\t%u\t0\t\t\t\t\t\n", variant->errors);
        }
      for (guint i = 0; i < variant->hits->len; i++)
        {
          JjTextHit *hit = g_ptr_array_index (variant->hits, i);

          jj_cli_append_tsv_field (out, variant->text);
          g_string_append_printf (out, "\t%u\t%u\t", variant->errors, variant->hits->len);
          jj_cli_append_tsv_field (out, hit->path);
          g_string_append_printf (out, "\t%u\t%u\t", hit->start, hit->end);
          jj_cli_append_tsv_field (out, hit->section);
          g_string_append_c (out, '\t');
          jj_cli_append_tsv_field (out, hit->context);
          g_string_append_c (out, '\n');
        }
    }

  fwrite (out->str, 1, out->len, stdout);
}

static void
print_json (GPtrArray *variants)
{
  g_autoptr(GString) out = g_string_new ("[");

  for (guint v = 0; v < variants->len; v++)
    {
      JjWordingVariant *variant = g_ptr_array_index (variants, v);

      g_string_append (out, v > 0 ? ",\n {" : "\n {");
      g_string_append (out, "\"variant\": ");
      jj_cli_append_json_string (out, variant->text);
      g_string_append_printf (out, ", \"errors\": %u, \"count\": %u,\n  \"documents\": [",
                              variant->errors, variant->hits->len);
      for (guint i = 0; i < variant->documents->len; i++)
        {
          JjWordingDocumentCount *count = &g_array_index (variant->documents, JjWordingDocumentCount, i);

          g_string_append (out, i > 0 ? ", {\"document\": " : "{\"document\": ");
          jj_cli_append_json_string (out, count->path);
          g_string_append (out, ", \"title\": ");
          jj_cli_append_json_string (out, count->title);
          g_string_append_printf (out, ", \"count\": %u}", count->count);
        }
      g_string_append (out, "],\n  \"years\": [");
      for (guint i = 0; i < variant->years->len; i++)
        {
          JjWordingYearCount *count = &g_array_index (variant->years, JjWordingYearCount, i);

          g_string_append_printf (out, "%s{\"year\": %d, \"count\": %u}", i > 0 ? ", " : "",
                                  count->year, count->count);
        }
      g_string_append (out, "],\n  \"hits\": [");
      for (guint i = 0; i < variant->hits->len; i++)
        {
          g_string_append (out, i > 0 ? ",\n   " : "\n   ");
          jj_cli_append_json_hit (out, g_ptr_array_index (variant->hits, i));
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, variants->len > 0 ? "\n]\n" : "]\n");

  fwrite (out->str, 1, out->len, stdout);
}

int
jj_cli_wording (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjTextIndex) index = NULL;
  g_autoptr(GPtrArray) variants = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) folders = NULL;
  g_autofree char *format = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &folders, N_("Search the speeches in DIR and its subfolders (repeatable)"), N_("DIR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  const char *usage = "wording PHRASE [--folder DIR]… [--format tsv|json]";

  context = g_option_context_new (_("PHRASE — how a phrase and its close variants are worded in every speech"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 1, usage))
    return 2;

  if (!jj_cli_check_tsv_json (format))
    return 2;

  index = jj_cli_open_text_index (folders, &status);
  if (index == NULL)
    return status;

  variants = jj_wording_compare (index, argv[1], &error);
  if (variants == NULL && g_error_matches (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DAMAGED))
    {
      g_clear_object (&index);
      g_clear_error (&error);
      index = jj_cli_open_text_index (folders, &status);
      if (index == NULL)
        return status;
      variants = jj_wording_compare (index, argv[1], &error);
    }
  if (variants == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return 2;
    }

  if (format != NULL && g_str_equal (format, "json"))
    print_json (variants);
  else
    print_tsv (variants);

  return 0;
}
