/* jj-cli.c — jiejian-cli, the command-line front end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <libxml/parser.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-mark-session.h"
#include "jj-mark-store.h"

typedef struct
{
  const char       *name;
  JjCliCommandFunc  func;
  const char       *summary;
} JjCliCommand;

static const JjCliCommand commands[] = {
  { "text", jj_cli_text, N_("Print the cleaned text of a speech") },
  { "info", jj_cli_info, N_("Print the format, encoding, size and title of a speech, and what cleaning removed") },
  { "outline", jj_cli_outline, N_("Print the outline of a speech") },
  { "marks", jj_cli_marks, N_("List the marks of a speech, or re-anchor them with --check") },
  { "mark", jj_cli_mark, N_("Mark a passage of a speech") },
  { "edit", jj_cli_edit, N_("Change the kind, tags or note of a mark, or delete it") },
  { "library", jj_cli_library, N_("Search the marked passages of all speeches") },
  { "export", jj_cli_export, N_("Export marked passages to .docx, .md or .txt") },
  { "draft", jj_cli_draft, N_("Build a draft of a new speech from headings and passages") },
  { "reuse", jj_cli_reuse, N_("Find the stretches of a draft taken from other speeches") },
  { "search", jj_cli_search, N_("Find a word or phrase in the full text of every speech") },
  { "wording", jj_cli_wording, N_("Compare how a phrase and its close variants are worded") },
};

void
jj_cli_print_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("jiejian-cli: %s\n", message);
}

/* Parses options and checks that exactly @n_positional arguments remain
 * after the subcommand name (or at least one if @n_positional is -1).
 */
/* --format of the listing commands: tsv (the default, @format NULL) or
 * json. Says what is wrong otherwise. */
gboolean
jj_cli_check_tsv_json (const char *format)
{
  if (format == NULL || g_str_equal (format, "tsv") || g_str_equal (format, "json"))
    return TRUE;

  jj_cli_print_error (_("unknown format “%s”: use tsv or json"), format);
  return FALSE;
}

gboolean
jj_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int               n_positional,
              const char       *usage)
{
  g_autoptr(GError) error = NULL;
  int n;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return FALSE;
    }

  n = *argc - 1;
  if ((n_positional >= 0 && n != n_positional) || (n_positional < 0 && n < 1))
    {
      g_printerr (_("Usage: jiejian-cli %s\n"), usage);
      return FALSE;
    }

  return TRUE;
}

/* Loads @path and its marks; notices (a damaged sidecar set aside, a
 * per-user location) go to stderr.
 */
/* Parses the options every command that reads one speech takes
 * (--no-clean, --traditional) and loads it. On failure, *status is the
 * exit status and NULL is returned.
 */
JjDocument *
jj_cli_load_document (int          *argc,
                      char       ***argv,
                      const char   *parameter,
                      const char   *usage,
                      int          *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  JjDocument *document;
  gboolean no_clean = FALSE;
  gboolean traditional = FALSE;
  JjLoadFlags flags = JJ_LOAD_DEFAULT;
  const GOptionEntry entries[] = {
    { "no-clean", 0, 0, G_OPTION_ARG_NONE, &no_clean, N_("Do not clean text from document-sharing websites"), NULL },
    { "traditional", 0, 0, G_OPTION_ARG_NONE, &traditional, N_("Keep traditional characters"), NULL },
    { NULL }
  };

  context = g_option_context_new (parameter);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, argc, argv, 1, usage))
    {
      *status = 2;
      return NULL;
    }

  if (no_clean)
    flags |= JJ_LOAD_NO_CLEAN;
  if (traditional)
    flags |= JJ_LOAD_KEEP_TRADITIONAL;

  file = jj_document_file_for_arg ((*argv)[1]);
  document = jj_document_load (file, flags, NULL, &error);
  if (document == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      *status = 1;
    }

  return document;
}

/* @read_only: for listings, which never write, rename or remove a file. */
JjMarkStore *
jj_cli_open_marks (const char  *path,
                   gboolean     read_only,
                   JjDocument **document_out)
{
  g_autoptr(GFile) file = jj_document_file_for_arg (path);
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  if (document == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return NULL;
    }

  fingerprint = jj_document_dup_fingerprint (document);
  store = jj_mark_store_new (file);
  jj_mark_store_set_read_only (store, read_only);
  if (!jj_mark_store_load (store, jj_document_get_text (document), fingerprint, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return NULL;
    }

  if (jj_mark_store_get_notice (store) != NULL)
    g_printerr ("%s\n", jj_mark_store_get_notice (store));

  if (document_out != NULL)
    *document_out = g_steal_pointer (&document);

  return g_steal_pointer (&store);
}

/* The marks of the speech at @path as the app has them: sections from
 * its outline, @author (NULL for the user's name) on new marks. */
JjMarkSession *
jj_cli_open_session (const char  *path,
                     gboolean     read_only,
                     const char  *author,
                     JjDocument **document_out)
{
  g_autoptr(GFile) file = jj_document_file_for_arg (path);
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(JjMarkSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  JjMarkStore *store;

  document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  if (document == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return NULL;
    }

  fingerprint = jj_document_dup_fingerprint (document);
  session = jj_mark_session_new (file, jj_document_get_outline (document), author);
  store = jj_mark_session_get_store (session);
  jj_mark_store_set_read_only (store, read_only);
  if (!jj_mark_session_load (session, jj_document_get_text (document), fingerprint, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return NULL;
    }

  if (jj_mark_store_get_notice (store) != NULL)
    g_printerr ("%s\n", jj_mark_store_get_notice (store));

  if (document_out != NULL)
    *document_out = g_steal_pointer (&document);

  return g_steal_pointer (&session);
}

/* Appends @text as one field of a tsv line: tabs, line breaks and
 * backslashes escaped. */
void
jj_cli_append_tsv_field (GString    *out,
                         const char *text)
{
  for (const char *s = text != NULL ? text : ""; *s != '\0'; s++)
    {
      switch (*s)
        {
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        default:
          g_string_append_c (out, *s);
        }
    }
}

/* Appends @text as a JSON string; @text is valid UTF-8, so only quotes,
 * backslashes and control characters need escaping. */
void
jj_cli_append_json_string (GString    *out,
                           const char *text)
{
  g_string_append_c (out, '"');
  for (const char *s = text ? text : ""; *s != '\0'; s++)
    {
      guchar c = *s;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: jiejian-cli COMMAND [OPTION…] FILE…"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “jiejian-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  xmlInitParser ();

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("jiejian-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  jj_cli_print_error (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return 2;
}
