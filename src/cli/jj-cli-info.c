/* jj-cli-info.c — jiejian-cli info
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-sidecar.h"
#include "jj-speech-info.h"

int
jj_cli_info (int    argc,
             char **argv)
{
  g_autoptr(JjDocument) document = NULL;
  const char * const *notices;
  guint n_hints = 0;
  guint n_paragraphs = 1;
  const char *text;
  int status = 0;

  document = jj_cli_load_document (&argc, &argv,
                                   _("FILE — print what Jiejian makes of a file"),
                                   "info [--no-clean] [--traditional] FILE",
                                   &status);
  if (document == NULL)
    return status;

  text = jj_document_get_text (document);
  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n_paragraphs++;
  jj_document_get_hints (document, &n_hints);

  printf ("%s: %s\n", _("Format"), jj_document_get_format (document));
  printf ("%s: %s\n", _("Encoding"), jj_document_get_encoding (document));
  printf ("%s: %u\n", _("Characters"), jj_document_get_length (document));
  printf ("%s: %u\n", _("Paragraphs"), n_paragraphs);
  {
    g_autoptr(JjSpeechInfo) info = NULL;
    g_autoptr(JjSidecar) sidecar = NULL;
    GFile *file = jj_document_get_file (document);

    /* Details the user corrected are in the sidecar. */
    if (file != NULL && g_file_peek_path (file) != NULL)
      {
        g_autofree char *sidecar_path = g_strconcat (g_file_peek_path (file), JJ_SIDECAR_SUFFIX, NULL);

        if (g_file_test (sidecar_path, G_FILE_TEST_IS_REGULAR))
          sidecar = jj_sidecar_load (sidecar_path, NULL);
      }
    info = jj_speech_info_for_document (document, sidecar != NULL ? sidecar->speech : NULL);

    if (jj_speech_info_get_title (info) != NULL)
      printf ("%s: %s\n", _("Title"), jj_speech_info_get_title (info));
    if (jj_speech_info_get_speaker (info) != NULL)
      printf ("%s: %s\n", _("Speaker"), jj_speech_info_get_speaker (info));
    if (jj_speech_info_get_date (info) != NULL)
      printf ("%s: %s\n", _("Date"), jj_speech_info_get_date (info));
    if (jj_speech_info_get_occasion (info) != NULL)
      printf ("%s: %s\n", _("Occasion"), jj_speech_info_get_occasion (info));
  }
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
