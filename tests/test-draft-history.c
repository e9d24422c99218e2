/* test-draft-history.c — undo and redo of changes to a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-draft-history.h"

static void
add_own (JjDraft    *draft,
         guint       section,
         const char *text)
{
  g_autoptr(JjDraftCard) card = jj_draft_card_new_own (text);

  jj_draft_section_append_card (jj_draft_get_section (draft, section), card);
}

static const char *
card_text (JjDraft *draft,
           guint    section,
           guint    card)
{
  return jj_draft_card_get_text (jj_draft_section_get_card (jj_draft_get_section (draft, section), card));
}

static guint notified;

static void
count_notify (void)
{
  notified++;
}

static void
test_undo_redo (void)
{
  g_autoptr(JjDraftHistory) history = jj_draft_history_new (10);
  g_autoptr(JjDraft) draft = jj_draft_new_skeleton ("题目");
  g_autoptr(GError) error = NULL;
  JjDraft *previous;

  g_signal_connect_swapped (history, "notify::can-undo", G_CALLBACK (count_notify), NULL);
  g_assert_false (jj_draft_history_can_undo (history));
  g_assert_null (jj_draft_history_undo (history, draft, &error));
  g_assert_no_error (error);

  jj_draft_history_record (history, draft, NULL);
  add_own (draft, 1, "甲");
  g_assert_true (jj_draft_history_can_undo (history));
  g_assert_cmpuint (notified, ==, 1);
  jj_draft_history_record (history, draft, NULL);
  add_own (draft, 1, "乙");
  jj_draft_history_record (history, draft, NULL);
  g_assert_true (jj_draft_move_card (draft, 1, 1, 2, 0));

  previous = jj_draft_history_undo (history, draft, &error);
  g_assert_no_error (error);
  g_set_object (&draft, previous);
  g_object_unref (previous);
  g_assert_cmpuint (jj_draft_section_get_n_cards (jj_draft_get_section (draft, 1)), ==, 2);
  g_assert_cmpstr (card_text (draft, 1, 1), ==, "乙");
  g_assert_true (jj_draft_history_can_redo (history));

  previous = jj_draft_history_undo (history, draft, &error);
  g_set_object (&draft, previous);
  g_object_unref (previous);
  g_assert_cmpuint (jj_draft_section_get_n_cards (jj_draft_get_section (draft, 1)), ==, 1);

  previous = jj_draft_history_redo (history, draft, &error);
  g_set_object (&draft, previous);
  g_object_unref (previous);
  previous = jj_draft_history_redo (history, draft, &error);
  g_set_object (&draft, previous);
  g_object_unref (previous);
  g_assert_cmpstr (card_text (draft, 2, 0), ==, "乙");
  g_assert_false (jj_draft_history_can_redo (history));
  g_assert_null (jj_draft_history_redo (history, draft, &error));

  /* A new change forgets what was undone. */
  previous = jj_draft_history_undo (history, draft, &error);
  g_set_object (&draft, previous);
  g_object_unref (previous);
  g_assert_true (jj_draft_history_can_redo (history));
  jj_draft_history_record (history, draft, NULL);
  jj_draft_set_title (draft, "新题目");
  g_assert_false (jj_draft_history_can_redo (history));
}

/* Typing in one card is one step; typing in another is the next. */
static void
test_groups (void)
{
  g_autoptr(JjDraftHistory) history = jj_draft_history_new (10);
  g_autoptr(JjDraft) draft = jj_draft_new_skeleton ("题目");
  JjDraftCard *first, *second;
  JjDraft *previous;

  add_own (draft, 1, "");
  add_own (draft, 1, "");
  first = jj_draft_section_get_card (jj_draft_get_section (draft, 1), 0);
  second = jj_draft_section_get_card (jj_draft_get_section (draft, 1), 1);

  jj_draft_history_record (history, draft, first);
  jj_draft_card_set_text (first, "一");
  jj_draft_history_record (history, draft, first);
  jj_draft_card_set_text (first, "一二");
  jj_draft_history_record (history, draft, second);
  jj_draft_card_set_text (second, "三");
  jj_draft_history_record (history, draft, first);
  jj_draft_card_set_text (first, "一二四");

  previous = jj_draft_history_undo (history, draft, NULL);
  g_set_object (&draft, previous);
  g_object_unref (previous);
  g_assert_cmpstr (card_text (draft, 1, 0), ==, "一二");
  g_assert_cmpstr (card_text (draft, 1, 1), ==, "三");

  previous = jj_draft_history_undo (history, draft, NULL);
  g_set_object (&draft, previous);
  g_object_unref (previous);
  g_assert_cmpstr (card_text (draft, 1, 1), ==, "");
  g_assert_cmpstr (card_text (draft, 1, 0), ==, "一二");

  previous = jj_draft_history_undo (history, draft, NULL);
  g_set_object (&draft, previous);
  g_object_unref (previous);
  g_assert_cmpstr (card_text (draft, 1, 0), ==, "");
  g_assert_false (jj_draft_history_can_undo (history));
}

static void
test_limit (void)
{
  g_autoptr(JjDraftHistory) history = jj_draft_history_new (3);
  g_autoptr(JjDraft) draft = jj_draft_new ("");
  guint steps = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u", i + 1);

      jj_draft_history_record (history, draft, NULL);
      jj_draft_set_title (draft, title);
    }

  while (jj_draft_history_can_undo (history))
    {
      JjDraft *previous = jj_draft_history_undo (history, draft, NULL);

      g_set_object (&draft, previous);
      g_object_unref (previous);
      steps++;
    }
  g_assert_cmpuint (steps, ==, 3);
  g_assert_cmpstr (jj_draft_get_title (draft), ==, "7");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft-history/undo-redo", test_undo_redo);
  g_test_add_func ("/draft-history/groups", test_groups);
  g_test_add_func ("/draft-history/limit", test_limit);

  return g_test_run ();
}
