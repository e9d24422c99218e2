/* test-mark.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jj-mark.h"

static void
test_new (void)
{
  g_autoptr(JjMark) mark = jj_mark_new ("golden");
  g_autoptr(JjMark) other = jj_mark_new ("golden");

  g_assert_true (g_uuid_string_is_valid (jj_mark_get_id (mark)));
  g_assert_cmpstr (jj_mark_get_id (mark), !=, jj_mark_get_id (other));
  g_assert_cmpstr (jj_mark_get_kind (mark), ==, "golden");
  g_assert_cmpstr (jj_mark_get_color (mark), ==, "#f66151");
  g_assert_null (jj_mark_get_own_color (mark));
  g_assert_true (g_date_time_equal (jj_mark_get_created (mark), jj_mark_get_modified (mark)));
  g_assert_cmpint (g_date_time_get_utc_offset (jj_mark_get_created (mark)), ==, 0);
  g_assert_cmpint (jj_mark_get_status (mark), ==, JJ_MARK_STATUS_PLACED);
  g_assert_false (jj_mark_get_deleted (mark));

  jj_mark_set_color (mark, "#123456");
  g_assert_cmpstr (jj_mark_get_color (mark), ==, "#123456");
  jj_mark_set_color (mark, "");
  g_assert_cmpstr (jj_mark_get_color (mark), ==, "#f66151");
}

static void
test_target (void)
{
  const char *text = "一二三四五六七八九十\n甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  g_autoptr(JjMark) mark = jj_mark_new ("borrow");
  g_autofree char *long_text = NULL;

  g_assert_true (jj_mark_set_target_from_text (mark, text, 11, 14));
  g_assert_cmpstr (jj_mark_get_quote (mark), ==, "甲乙丙");
  g_assert_cmpstr (jj_mark_get_prefix (mark), ==, "一二三四五六七八九十\n");
  g_assert_cmpstr (jj_mark_get_suffix (mark), ==, "丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥ABCDEFGHIJKLM");
  g_assert_cmpuint (g_utf8_strlen (jj_mark_get_suffix (mark), -1), ==, 32);
  g_assert_cmpuint (jj_mark_get_start (mark), ==, 11);
  g_assert_cmpuint (jj_mark_get_end (mark), ==, 14);

  long_text = g_strconcat (text, text, NULL);
  g_assert_true (jj_mark_set_target_from_text (mark, long_text, 70, 71));
  g_assert_cmpuint (g_utf8_strlen (jj_mark_get_prefix (mark), -1), ==, 32);
  g_assert_cmpstr (jj_mark_get_quote (mark), ==, "甲");

  g_assert_false (jj_mark_set_target_from_text (mark, text, 40, 80));
  g_assert_false (jj_mark_set_target_from_text (mark, text, 5, 4));
}

static void
test_tags (void)
{
  g_autoptr(JjMark) mark = jj_mark_new ("wording");
  const char *tags[] = { " 城市 ", "", "文明", NULL };

  jj_mark_set_tags (mark, tags);
  g_assert_cmpuint (g_strv_length ((char **)jj_mark_get_tags (mark)), ==, 2);
  g_assert_true (jj_mark_has_tag (mark, "城市"));
  jj_mark_add_tag (mark, "文明");
  jj_mark_add_tag (mark, "治理");
  g_assert_cmpuint (g_strv_length ((char **)jj_mark_get_tags (mark)), ==, 3);
  g_assert_cmpstr (jj_mark_get_tags (mark)[2], ==, "治理");
}

static void
test_touch_orders (void)
{
  g_autoptr(JjMark) mark = jj_mark_new ("fact");
  g_autoptr(JjMark) copy = jj_mark_new_with_id (jj_mark_get_id (mark));
  g_autoptr(GDateTime) before = g_date_time_ref (jj_mark_get_modified (mark));

  for (guint i = 0; i < 100; i++)
    jj_mark_touch (mark);
  g_assert_cmpint (g_date_time_compare (jj_mark_get_modified (mark), before), >, 0);

  jj_mark_set_note (mark, "注");
  jj_mark_set_range (mark, 3, 9);
  jj_mark_update_from (copy, mark);
  g_assert_cmpstr (jj_mark_get_note (copy), ==, "注");
  g_assert_cmpuint (jj_mark_get_end (copy), ==, 9);
  g_assert_cmpint (jj_mark_compare_modified (copy, mark), ==, 0);
  g_assert_cmpstr (jj_mark_get_id (copy), ==, jj_mark_get_id (mark));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(JjMark) mark = jj_mark_new ("doubt");
  guint count = 0;

  g_signal_connect_swapped (mark, "notify::note", G_CALLBACK (count_cb), &count);
  jj_mark_set_note (mark, "a");
  jj_mark_set_note (mark, "a");
  g_object_set (mark, "note", "b", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (jj_mark_status_to_string (JJ_MARK_STATUS_ORPHAN), ==, "orphan");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mark/new", test_new);
  g_test_add_func ("/mark/target", test_target);
  g_test_add_func ("/mark/tags", test_tags);
  g_test_add_func ("/mark/touch-orders", test_touch_orders);
  g_test_add_func ("/mark/notify", test_notify);

  return g_test_run ();
}
