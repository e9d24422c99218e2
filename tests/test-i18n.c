/* test-i18n.c — the interface in Chinese, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jj-draft-window.h"
#include "jj-mark-kind.h"
#include "jj-window-private.h"

static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_chinese_labels (void)
{
  JjWindow *window = jj_window_new (NULL);

  /* Core strings: the kinds a user marks with. */
  g_assert_cmpstr (jj_mark_kind_get_label ("borrow"), ==, "借鉴");
  g_assert_cmpstr (jj_mark_kind_get_label ("golden"), ==, "金句");
  g_assert_cmpstr (jj_mark_kind_get_label ("fact"), ==, "数据/案例");
  g_assert_cmpstr (jj_mark_kind_get_label ("doubt"), ==, "存疑");

  /* Template strings: the window's title and header buttons. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "借鉴");
  /* Header buttons have no mnemonic: 打开, not 打开(O). */
  g_assert_nonnull (find_button_with_label (GTK_WIDGET (window), "打开"));
  g_assert_nonnull (find_button_with_label (GTK_WIDGET (window), "素材库"));
  g_assert_null (find_button_with_label (GTK_WIDGET (window), "打开(_O)"));

  /* Code strings. */
  g_assert_cmpstr (_("Could Not Open the Speech"), ==, "无法打开讲话稿");
  /* A count of characters, not of words. */
  g_assert_cmpstr (_("Characters"), ==, "字符数");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The draft board: its title, a borrowed card's source and change. */
static void
test_draft_board (void)
{
  g_autoptr(JjDraft) draft = jj_draft_new_skeleton ("");
  g_autoptr(JjDraftCard) card = jj_draft_card_new_borrowed ("一段引文", "/nonexistent/甲.txt", "甲文",
                                                            "m1", "一、总体要求", 0, 4);
  JjDraftWindow *window;

  jj_draft_section_append_card (jj_draft_get_section (draft, 1), card);
  window = jj_draft_window_new (NULL, draft, NULL);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "草稿");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "已改动 0%"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "出自《甲文》一、总体要求"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "还没有卡片：按 Ctrl+回车 新写一张，或把卡片拖到这里。"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* The test command generates this locale when it is missing. */
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_print ("1..0 # SKIP the zh_CN.UTF-8 locale is not available\n");
      return 0;
    }

  localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/i18n/chinese-labels", test_chinese_labels);
  g_test_add_func ("/i18n/draft-board", test_draft_board);

  return g_test_run ();
}
