/* jj-cli-library.c — jiejian-cli library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-library.h"

static const char *
status_to_string (JjDocumentStatus status)
{
  switch (status)
    {
    case JJ_DOCUMENT_STATUS_MOVED:
      return "moved";
    case JJ_DOCUMENT_STATUS_MISSING:
      return "missing";
    case JJ_DOCUMENT_STATUS_PRESENT:
    default:
      return "present";
    }
}

static char *
format_date (JjPassage *passage)
{
  GDateTime *created = jj_passage_get_created (passage);

  return created != NULL ? g_date_time_format_iso8601 (created) : g_strdup ("");
}

static void
print_tsv (GPtrArray *passages)
{
  g_autoptr(GString) out = g_string_new ("document\ttitle\tstatus\tkind\ttags\tsection\tstart\tend\tcreated\tquote\tnote\n");

  for (guint i = 0; i < passages->len; i++)
    {
      JjPassage *passage = g_ptr_array_index (passages, i);
      g_autofree char *tags = g_strjoinv (",", (char **)jj_passage_get_tags (passage));
      g_autofree char *created = format_date (passage);
      const char *fields[] = {
        jj_passage_get_document_path (passage),
        jj_passage_get_document_title (passage),
        status_to_string (jj_passage_get_document_status (passage)),
        jj_passage_get_kind (passage),
        tags,
        jj_passage_get_section (passage),
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          jj_cli_append_tsv_field (out, fields[f]);
          g_string_append_c (out, '\t');
        }
      g_string_append_printf (out, "%u\t%u\t%s\t", jj_passage_get_start (passage),
                              jj_passage_get_end (passage), created);
      jj_cli_append_tsv_field (out, jj_passage_get_quote (passage));
      g_string_append_c (out, '\t');
      jj_cli_append_tsv_field (out, jj_passage_get_note (passage));
      g_string_append_c (out, '\n');
    }

  fwrite (out->str, 1, out->len, stdout);
}

static void
print_json (GPtrArray *passages)
{
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; i < passages->len; i++)
    {
      JjPassage *passage = g_ptr_array_index (passages, i);
      const char * const *tags = jj_passage_get_tags (passage);
      g_autofree char *created = format_date (passage);

      g_string_append (out, i > 0 ? ",\n {" : "\n {");
      g_string_append (out, "\"id\": ");
      jj_cli_append_json_string (out, jj_passage_get_id (passage));
      g_string_append (out, ", \"document\": ");
      jj_cli_append_json_string (out, jj_passage_get_document_path (passage));
      g_string_append (out, ", \"title\": ");
      jj_cli_append_json_string (out, jj_passage_get_document_title (passage));
      g_string_append (out, ", \"status\": ");
      jj_cli_append_json_string (out, status_to_string (jj_passage_get_document_status (passage)));
      g_string_append (out, ", \"kind\": ");
      jj_cli_append_json_string (out, jj_passage_get_kind (passage));
      g_string_append (out, ", \"tags\": [");
      for (guint t = 0; tags[t] != NULL; t++)
        {
          if (t > 0)
            g_string_append (out, ", ");
          jj_cli_append_json_string (out, tags[t]);
        }
      g_string_append (out, "], \"section\": ");
      jj_cli_append_json_string (out, jj_passage_get_section (passage));
      g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"created\": ",
                              jj_passage_get_start (passage), jj_passage_get_end (passage));
      jj_cli_append_json_string (out, created);
      g_string_append (out, ", \"quote\": ");
      jj_cli_append_json_string (out, jj_passage_get_quote (passage));
      g_string_append (out, ", \"note\": ");
      jj_cli_append_json_string (out, jj_passage_get_note (passage));
      g_string_append_c (out, '}');
    }
  g_string_append (out, passages->len > 0 ? "\n]\n" : "]\n");

  fwrite (out->str, 1, out->len, stdout);
}

/* With --folder, the folders given make a library of their own, a
 * database in the cache directory, so scripts never change the user's
 * library.
 */
static GFile *
index_for_folders (char **folders)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = jj_document_file_for_arg (folders[i]);

      g_string_append (key, g_file_peek_path (folder));
      g_string_append_c (key, '\n');
    }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key->str, key->len);
  name = g_strdup_printf ("library-%.16s.sqlite", digest);

  return g_file_new_build_filename (g_get_user_cache_dir (), "jiejian", name, NULL);
}

int
jj_cli_library (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjLibrary) library = NULL;
  g_autoptr(JjLibraryQuery) query = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GFile) index = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) folders = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *author = NULL;
  g_autofree char *format = NULL;
  g_autofree char *sort = NULL;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &folders, N_("Search the speeches in DIR and its subfolders (repeatable)"), N_("DIR") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Only passages of this kind (borrow, golden, outline, wording, fact, doubt)"), N_("KIND") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("Only passages with this tag"), N_("TAG") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Only passages marked by NAME"), N_("NAME") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_("Order by date (default), document or kind"), N_("ORDER") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  const char *usage = "library [--folder DIR]… search QUERY [--kind K] [--tag T] [--author NAME] [--format tsv|json]";

  context = g_option_context_new (_("search QUERY — search the marked passages of the library"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 2, usage))
    return 2;

  if (!g_str_equal (argv[1], "search"))
    {
      g_printerr (_("Usage: jiejian-cli %s\n"), usage);
      return 2;
    }
  if (!jj_cli_check_tsv_json (format))
    return 2;

  query = jj_library_query_new ();
  if (sort == NULL || g_str_equal (sort, "date"))
    jj_library_query_set_sort (query, JJ_LIBRARY_SORT_DATE);
  else if (g_str_equal (sort, "document"))
    jj_library_query_set_sort (query, JJ_LIBRARY_SORT_DOCUMENT);
  else if (g_str_equal (sort, "kind"))
    jj_library_query_set_sort (query, JJ_LIBRARY_SORT_KIND);
  else
    {
      jj_cli_print_error (_("unknown order “%s”: use date, document or kind"), sort);
      return 2;
    }

  if (folders != NULL)
    index = index_for_folders (folders);
  library = jj_library_new (index);
  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = jj_document_file_for_arg (folders[i]);

      if (!g_file_test (g_file_peek_path (folder), G_FILE_TEST_IS_DIR))
        {
          jj_cli_print_error (_("“%s” is not a folder"), folders[i]);
          return 1;
        }
      jj_library_add_folder (library, folder);
    }

  if (!jj_library_load (library, NULL, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  jj_library_query_set_text (query, argv[2]);
  jj_library_query_set_kind (query, kind);
  jj_library_query_set_tag (query, tag);
  jj_library_query_set_author (query, author);
  result = jj_library_search (library, query);

  if (format != NULL && g_str_equal (format, "json"))
    print_json (result);
  else
    print_tsv (result);

  return 0;
}
