/* jj-cli-draft.c — jiejian-cli draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-draft.h"
#include "jj-mark.h"
#include "jj-mark-store.h"

static const char *usage =
  "draft new FILE [--outline-from SPEECH] [--title TEXT]\n"
  "       jiejian-cli draft add FILE --section N (--mark SPEECH:MARK-ID | --text TEXT)";

static int
draft_new (const char *path,
           const char *outline_from,
           const char *title)
{
  g_autoptr(JjDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (!jj_draft_is_draft_name (path))
    {
      jj_cli_print_error (_("A draft's name ends in %s: “%s”"), JJ_DRAFT_SUFFIX, path);
      return 2;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      jj_cli_print_error (_("“%s” already exists."), path);
      return 1;
    }

  if (outline_from != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (outline_from);
      g_autoptr(JjDocument) document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);

      if (document == NULL)
        {
          jj_cli_print_error ("%s: %s", outline_from, error->message);
          return 1;
        }
      draft = jj_draft_new_from_outline (document);
      if (title != NULL)
        jj_draft_set_title (draft, title);
    }
  else
    draft = jj_draft_new_skeleton (title != NULL ? title : "");

  if (!jj_draft_save (draft, path, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  return 0;
}

/* A borrowed card from the mark MARK-ID of SPEECH, given as SPEECH:MARK-ID
 * (a speech's name may hold colons; an id does not). */
static JjDraftCard *
card_from_mark (const char  *arg,
                GError     **error)
{
  const char *colon = strrchr (arg, ':');
  g_autofree char *speech = NULL;
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(JjDocument) document = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GFile) file = NULL;
  JjMark *mark;

  if (colon == NULL || colon == arg || colon[1] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--mark takes SPEECH:MARK-ID, as “jiejian-cli marks” lists them."));
      return NULL;
    }
  speech = g_strndup (arg, colon - arg);
  store = jj_cli_open_marks (speech, TRUE, &document);
  if (store == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The marks of “%s” could not be read."), speech);
      return NULL;
    }
  mark = jj_mark_store_lookup (store, colon + 1);
  if (mark == NULL || jj_mark_get_deleted (mark))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” has no mark “%s”."), speech, colon + 1);
      return NULL;
    }

  file = g_file_new_for_path (speech);
  absolute = g_file_get_path (file);
  return jj_draft_card_new_borrowed (jj_mark_get_quote (mark), absolute,
                                     jj_document_get_title (document),
                                     jj_mark_get_id (mark), jj_mark_get_section (mark),
                                     jj_mark_get_start (mark), jj_mark_get_end (mark));
}

static int
draft_add (const char *path,
           gint        section_number,
           const char *mark,
           const char *text)
{
  g_autoptr(JjDraft) draft = NULL;
  g_autoptr(JjDraftCard) card = NULL;
  g_autoptr(GError) error = NULL;

  if ((mark == NULL) == (text == NULL))
    {
      g_printerr (_("Usage: jiejian-cli %s\n"), usage);
      return 2;
    }

  draft = jj_draft_load (path, &error);
  if (draft == NULL)
    {
      jj_cli_print_error ("%s: %s", path, error->message);
      return 1;
    }
  if (section_number < 1 || (guint) section_number > jj_draft_get_n_sections (draft))
    {
      jj_cli_print_error (_("--section must be between 1 and %u, the number of headings of the draft."),
                          jj_draft_get_n_sections (draft));
      return 2;
    }

  card = mark != NULL ? card_from_mark (mark, &error) : jj_draft_card_new_own (text);
  if (card == NULL)
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }
  jj_draft_section_append_card (jj_draft_get_section (draft, section_number - 1), card);

  if (!jj_draft_save (draft, path, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  return 0;
}

int
jj_cli_draft (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *outline_from = NULL;
  g_autofree char *title = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *text = NULL;
  gint section = 0;
  const GOptionEntry entries[] = {
    { "outline-from", 0, 0, G_OPTION_ARG_FILENAME, &outline_from, N_("new: take the headings of SPEECH"), N_("SPEECH") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("new: the title of the draft"), N_("TEXT") },
    { "section", 0, 0, G_OPTION_ARG_INT, &section, N_("add: under the Nth heading of the draft, from 1"), N_("N") },
    { "mark", 0, 0, G_OPTION_ARG_STRING, &mark, N_("add: the marked passage MARK-ID of SPEECH"), N_("SPEECH:MARK-ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("add: a card of your own text"), N_("TEXT") },
    { NULL }
  };

  context = g_option_context_new (_("new|add FILE — build a draft of a new speech"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 2, usage))
    return 2;

  if (g_str_equal (argv[1], "new"))
    return draft_new (argv[2], outline_from, title);
  if (g_str_equal (argv[1], "add"))
    return draft_add (argv[2], section, mark, text);

  g_printerr (_("Usage: jiejian-cli %s\n"), usage);
  return 2;
}
