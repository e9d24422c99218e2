/* jj-cli-mark.c — jiejian-cli mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "jj-cli.h"
#include "jj-document.h"
#include "jj-mark-kind.h"
#include "jj-mark-session.h"

static char *
dup_kind_keys (void)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < jj_mark_kind_get_n_kinds (); i++)
    {
      if (i > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, jj_mark_kind_get_nth (i)->key);
    }

  return g_string_free (g_steal_pointer (&keys), FALSE);
}

int
jj_cli_mark (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JjMarkSession) session = NULL;
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *note = NULL;
  g_autofree char *color = NULL;
  g_autofree char *author = NULL;
  g_auto(GStrv) tags = NULL;
  gint64 start = -1;
  gint64 end = -1;
  JjMark *mark;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_INT64, &start, N_("First character of the passage (from 0)"), N_("N") },
    { "end", 0, 0, G_OPTION_ARG_INT64, &end, N_("Character after the passage"), N_("M") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("borrow, golden, outline, wording, fact or doubt"), N_("KIND") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag (repeat for several)"), N_("TAG") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, N_("A colour of its own, #rrggbb"), N_("COLOR") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Who marked it (default: your name)"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — mark a passage of a speech"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!jj_cli_parse (context, &argc, &argv, 1,
                     "mark FILE --start N --end M --kind KIND [--tag TAG]… [--note TEXT]"))
    return 2;

  if (kind == NULL || jj_mark_kind_lookup (kind) == NULL)
    {
      g_autofree char *keys = dup_kind_keys ();

      if (kind == NULL)
        jj_cli_print_error (_("--kind is required: one of %s"), keys);
      else
        jj_cli_print_error (_("unknown kind “%s”: use one of %s"), kind, keys);
      return 2;
    }

  if (color != NULL)
    {
      g_autofree char *parsed = jj_mark_color_parse (color);

      if (parsed == NULL)
        {
          jj_cli_print_error (_("“%s” is not a colour: use #rrggbb or #rgb, in hexadecimal digits"), color);
          return 2;
        }
    }

  session = jj_cli_open_session (argv[1], FALSE, author, &document);
  if (session == NULL)
    return 1;

  if (start < 0 || end <= start || end > jj_document_get_length (document))
    {
      jj_cli_print_error (_("--start and --end must give a passage inside the text (0 ≤ N < M ≤ %u)"),
                          jj_document_get_length (document));
      return 2;
    }

  /* The section and the author as the app gives them. */
  mark = jj_mark_session_add (session, (guint)start, (guint)end, kind,
                              (const char * const *)tags, note, color);
  if (mark == NULL)
    {
      jj_cli_print_error (_("The passage could not be marked."));
      return 1;
    }

  if (!jj_mark_session_save (session, &error))
    {
      jj_cli_print_error ("%s", error->message);
      return 1;
    }

  printf ("%s\n", jj_mark_get_id (mark));

  return 0;
}
