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
  g_autoptr(JjDocument) document = NULL;
  int status = 0;

  document = jj_cli_load_document (&argc, &argv,
                                   _("FILE — print the cleaned text of a speech"),
                                   "text [--no-clean] [--traditional] FILE",
                                   &status);
  if (document == NULL)
    return status;

  fwrite (jj_document_get_text (document), 1, jj_document_get_n_bytes (document), stdout);
  fputc ('\n', stdout);

  return 0;
}
