/* jj-cli-info.c — jiejian-cli info
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jj-cli.h"
#include "jj-document.h"

int
jj_cli_info (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *notices;
  gboolean no_clean = FALSE;
  gboolean traditional = FALSE;
  JjLoadFlags flags = JJ_LOAD_DEFAULT;
  guint n_hints = 0;
  guint n_paragraphs = 1;
  const char *text;
  const GOptionEntry entries[] = {
    { "no-clean", 0, 0, G_OPTION_ARG_NONE, &no_clean, N_("Do not clean text from document-sharing websites"), NULL },
    { "traditional", 0, 0, G_OPTION_ARG_NONE, &traditional, N_("Keep traditional characters"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — print what Jiejian makes of a file"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 1, "info [--no-clean] [--traditional] FILE"))
    return 2;

  if (no_clean)
    flags |= JJ_LOAD_NO_CLEAN;
  if (traditional)
    flags |= JJ_LOAD_KEEP_TRADITIONAL;

  file = g_file_new_for_commandline_arg (argv[1]);
  document = jj_document_load (file, flags, NULL, &error);
  if (document == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  text = jj_document_get_text (document);
  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n_paragraphs++;
  jj_document_get_hints (document, &n_hints);

  printf ("%s: %s\n", _("Format"), jj_document_get_format (document));
  printf ("%s: %s\n", _("Encoding"), jj_document_get_encoding (document));
  printf ("%s: %u\n", _("Characters"), jj_document_get_length (document));
  printf ("%s: %u\n", _("Paragraphs"), n_paragraphs);
  printf ("%s: %s\n", _("Title"), jj_document_get_title (document));
  printf ("%s: %s\n", _("Traditional"),
          jj_document_get_was_traditional (document)
            ? (jj_document_get_original_text (document) ? _("yes, converted to simplified") : _("yes, kept"))
            : _("no"));
  printf ("%s: %u\n", _("Paragraph hints"), n_hints);

  notices = jj_document_get_notices (document);
  if (notices[0] == NULL)
    printf ("%s: %s\n", _("Cleaning"), _("nothing removed"));
  else
    {
      printf ("%s:\n", _("Cleaning"));
      for (guint i = 0; notices[i]; i++)
        printf ("  %s\n", notices[i]);
    }

  return 0;
}
