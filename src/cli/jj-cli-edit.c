/* jj-cli-edit.c — jiejian-cli edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-mark.h"
#include "jj-mark-kind.h"
#include "jj-mark-session.h"

static JjMark *
lookup_live_mark (JjMarkStore *store,
                  const char  *path,
                  const char  *id)
{
  JjMark *mark = jj_mark_store_lookup (store, id);

  if (mark == NULL || jj_mark_get_deleted (mark))
    {
      jj_cli_print_error (_("“%s” has no mark “%s”."), path, id);
      return NULL;
    }
  return mark;
}

static int
save (JjMarkSession *session)
{
  g_autoptr(GError) error = NULL;

  if (!jj_mark_session_save (session, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }
  return 0;
}

int
jj_cli_edit (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjMarkSession) session = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *note = NULL;
  g_autofree char *author = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean delete = FALSE;
  JjMark *mark;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("borrow, golden, outline, wording, fact or doubt"), N_("KIND") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag (repeat for several); replaces the tags"), N_("TAG") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note; replaces the note"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Who made the change"), N_("NAME") },
    { "delete", 0, 0, G_OPTION_ARG_NONE, &delete, N_("Delete the mark"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE MARK-ID — change or delete a mark"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 2,
                     "edit FILE MARK-ID [--kind KIND] [--tag TAG]… [--note TEXT] [--author NAME] | --delete"))
    return 2;
  if (kind != NULL && jj_mark_kind_lookup (kind) == NULL)
    {
      jj_cli_print_error (_("unknown kind “%s”"), kind);
      return 2;
    }

  session = jj_cli_open_session (argv[1], FALSE, author, NULL);
  if (session == NULL)
    return 1;
  mark = lookup_live_mark (jj_mark_session_get_store (session), argv[1], argv[2]);
  if (mark == NULL)
    return 1;

  /* Deleted, the mark leaves a tombstone, so that it stays deleted when
   * another machine's copy of the sidecar is merged. */
  if (delete)
    {
      jj_mark_session_delete (session, mark);
      return save (session);
    }

  jj_mark_session_begin_edit (session, mark);
  if (kind != NULL)
    jj_mark_set_kind (mark, kind);
  if (tags != NULL)
    jj_mark_set_tags (mark, (const char * const *) tags);
  if (note != NULL)
    jj_mark_set_note (mark, note);
  if (author != NULL)
    jj_mark_set_author (mark, author);
  jj_mark_session_end_edit (session, mark);

  return save (session);
}
