/* jj-cli-text.c — jiejian-cli text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jj-cli.h"
#include "jj-document.h"

int
jj_cli_text (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean no_clean = FALSE;
  gboolean traditional = FALSE;
  JjLoadFlags flags = JJ_LOAD_DEFAULT;
  const GOptionEntry entries[] = {
    { "no-clean", 0, 0, G_OPTION_ARG_NONE, &no_clean, N_("Do not clean text from document-sharing websites"), NULL },
    { "traditional", 0, 0, G_OPTION_ARG_NONE, &traditional, N_("Keep traditional characters"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — print the cleaned text of a speech"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 1, "text [--no-clean] [--traditional] FILE"))
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

  fwrite (jj_document_get_text (document), 1, jj_document_get_n_bytes (document), stdout);
  fputc ('\n', stdout);

  return 0;
}
