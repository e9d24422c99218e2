/* test-speech-info.c — what the head of a speech says about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-speech-info.h"

typedef struct
{
  const char *text;
  const char *title;
  const char *speaker;
  const char *date;
  const char *occasion;
} Case;

/* Invented speeches, written as such texts begin. */
static const Case cases[] = {
  { "在全市社区服务工作会议上的讲话\n（2018年9月3日）\n市委副书记 王建平\n同志们：\n今天召开这次会议，主要任务是……",
    "在全市社区服务工作会议上的讲话", "王建平", "2018-09-03", "全市社区服务工作会议" },
  { "李文华同志在县乡村振兴推进会上的讲话\n二〇二一年十二月二十三日\n各位同志：\n这次会议很重要。",
    "李文华同志在县乡村振兴推进会上的讲话", "李文华", "2021-12-23", "县乡村振兴推进会" },
  { "坚定信心　真抓实干\n——在区教育系统年度总结大会上的讲话\n赵敏\n（2020年1月15日，根据录音整理）\n老师们、同志们：\n过去一年……",
    "坚定信心　真抓实干", "赵敏", "2020-01-15", "区教育系统年度总结大会" },
  { "关于做好防汛工作的几点意见\n同志们：\n今天，我们召开全镇防汛工作动员会，安排部署今年的防汛任务。",
    "关于做好防汛工作的几点意见", NULL, NULL, "全镇防汛工作动员会" },
  { "在企业座谈会上的发言\n孙  强（2019年6月30日）\n各位企业家：\n大家好！",
    "在企业座谈会上的发言", "孙强", "2019-06-30", "企业座谈会" },
  /* No date that exists, and a body line that is no speaker. */
  { "工作报告\n（2019年2月30日）\n我们要进一步加强和改进各项工作，确保各项任务落到实处，取得实效。",
    "工作报告", NULL, NULL, NULL },
};

static void
test_detect (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JjSpeechInfo) info = jj_speech_info_detect (cases[i].text, TRUE);

      g_test_message ("case %u", i);
      g_assert_cmpstr (jj_speech_info_get_title (info), ==, cases[i].title);
      g_assert_cmpstr (jj_speech_info_get_speaker (info), ==, cases[i].speaker);
      g_assert_cmpstr (jj_speech_info_get_date (info), ==, cases[i].date);
      g_assert_cmpstr (jj_speech_info_get_occasion (info), ==, cases[i].occasion);
    }
}

static void
test_no_title (void)
{
  g_autoptr(JjSpeechInfo) info = jj_speech_info_detect ("（2018年9月3日）\n同志们：\n今天开会。", FALSE);

  g_assert_null (jj_speech_info_get_title (info));
  g_assert_cmpstr (jj_speech_info_get_date (info), ==, "2018-09-03");
  g_assert_false (jj_speech_info_is_empty (info));

  g_clear_object (&info);
  info = jj_speech_info_detect ("", TRUE);
  g_assert_true (jj_speech_info_is_empty (info));
}

static void
test_dates (void)
{
  g_autoptr(JjSpeechInfo) info = jj_speech_info_new ();
  g_autofree char *chinese = NULL;
  guint y, m, d;

  g_assert_true (jj_speech_info_parse_date ("二〇一八年九月三日", &y, &m, &d));
  g_assert_cmpuint (y, ==, 2018);
  g_assert_cmpuint (m, ==, 9);
  g_assert_cmpuint (d, ==, 3);
  g_assert_true (jj_speech_info_parse_date ("２０２２年１０月３１日", &y, &m, &d));
  g_assert_cmpuint (y, ==, 2022);
  g_assert_cmpuint (m, ==, 10);
  g_assert_cmpuint (d, ==, 31);
  g_assert_true (jj_speech_info_parse_date ("2016年2月29日", NULL, NULL, NULL));
  g_assert_false (jj_speech_info_parse_date ("2017年2月29日", NULL, NULL, NULL));
  g_assert_false (jj_speech_info_parse_date ("2018年13月3日", NULL, NULL, NULL));
  g_assert_false (jj_speech_info_parse_date ("九月三日", NULL, NULL, NULL));

  g_assert_true (jj_speech_info_set_date (info, "2018-09-03"));
  chinese = jj_speech_info_dup_date_chinese (info);
  g_assert_cmpstr (chinese, ==, "2018年9月3日");
  /* Not a date: the date stays. */
  g_assert_false (jj_speech_info_set_date (info, "2018-02-30"));
  g_assert_false (jj_speech_info_set_date (info, "2018-9-3"));
  g_assert_false (jj_speech_info_set_date (info, "yesterday"));
  g_assert_cmpstr (jj_speech_info_get_date (info), ==, "2018-09-03");
  g_assert_true (jj_speech_info_set_date (info, ""));
  g_assert_null (jj_speech_info_get_date (info));
}

static void
test_fields (void)
{
  g_autoptr(JjSpeechInfo) info = jj_speech_info_new ();
  g_autoptr(JjSpeechInfo) copy = NULL;

  g_assert_true (jj_speech_info_is_empty (info));
  jj_speech_info_set_title (info, "  标题  ");
  jj_speech_info_set_speaker (info, "   ");
  jj_speech_info_set_occasion (info, "座谈会");
  g_assert_cmpstr (jj_speech_info_get_title (info), ==, "标题");
  g_assert_null (jj_speech_info_get_speaker (info));

  copy = jj_speech_info_copy (info);
  g_assert_true (jj_speech_info_equal (info, copy));
  jj_speech_info_set_speaker (copy, "王五");
  g_assert_false (jj_speech_info_equal (info, copy));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/speech-info/detect", test_detect);
  g_test_add_func ("/speech-info/no-title", test_no_title);
  g_test_add_func ("/speech-info/dates", test_dates);
  g_test_add_func ("/speech-info/fields", test_fields);

  return g_test_run ();
}
