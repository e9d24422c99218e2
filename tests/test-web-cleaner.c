/* test-web-cleaner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jj-web-cleaner.h"

static char *
pinyin (const char *in,
        guint      *n_removed)
{
  return jj_web_cleaner_remove_pinyin (in, strlen (in), NULL, NULL, n_removed);
}

static void
test_pinyin (void)
{
  const struct { const char *in; const char *out; guint removed; } cases[] = {
    { "建設(shè)工作", "建設工作", 1 },
    { "關(guān)係(xì)密切", "關係密切", 2 },
    { "網(wǎng)（wǎng）上", "網上", 2 },
    { "重要(zhòng yào)任务", "重要任务", 1 },
    /* real parentheses stay */
    { "（一）加强领导", "（一）加强领导", 0 },
    { "GDP(国内生产总值)增长", "GDP(国内生产总值)增长", 0 },
    { "报告(2023)指出", "报告(2023)指出", 0 },
    { "第二次(10月份)检查", "第二次(10月份)检查", 0 },
    { "会议(meeting)召开", "会议(meeting)召开", 0 },
    { "word(shè)", "word(shè)", 0 },
    { "未闭合(shè", "未闭合(shè", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint removed = 99;
      g_autofree char *out = pinyin (cases[i].in, &removed);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpuint (removed, ==, cases[i].removed);
    }
}

static void
test_pinyin_map (void)
{
  g_autoptr(JjTextMap) map = NULL;
  g_autofree char *out = jj_web_cleaner_remove_pinyin ("建設(shè)工作", strlen ("建設(shè)工作"),
                                                       NULL, &map, NULL);

  g_assert_cmpstr (out, ==, "建設工作");
  g_assert_cmpuint (jj_text_map_lookup (map, 1, NULL), ==, 1);
  /* "工" was at 7 */
  g_assert_cmpuint (jj_text_map_lookup (map, 2, NULL), ==, 7);
}

static void
test_boilerplate (void)
{
  const char *page =
    "某某单位年终总结会讲话范文.docx\n"
    "\n"
    "ID:123456\n"
    "大小:15.2 KB\n"
    "页数:3页\n"
    "上传者:abc\n"
    "某某单位年终总结会讲话范文.docx_第1页\n"
    "资源描述：\n"
    "《某某单位年终总结会讲话范文.docx》由会员上传分享，免费在线阅读\n"
    "某某单位年终总结会讲话同志们：今年以来，我们围绕中心、服务大局，各项工作取得了新的进展。"
    "这些成绩的取得，是全体干部职工共同努力的结果。明年，我们要继续发扬成绩，克服不足，推动各项工作再上新台阶。"
    "同志们，新的一年任务艰巨，让我们团结一心，奋力开创工作新局面。\n"
    "当前文档最多预览五页，下载文档查看全文\n"
    "温馨提示：\n"
    "1. 本文档由用户上传，版权归属用户。\n"
    "大家都在看\n";
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JjTextMap) map = NULL;
  g_autofree char *out = NULL;
  gboolean site = FALSE;

  out = jj_web_cleaner_remove_boilerplate (page, strlen (page), NULL, NULL, &map, &site,
                                           NULL, NULL, notices);
  g_assert_true (site);
  g_assert_cmpstr (g_strstrip (out), ==,
                   "某某单位年终总结会讲话同志们：今年以来，我们围绕中心、服务大局，各项工作取得了新的进展。"
                   "这些成绩的取得，是全体干部职工共同努力的结果。明年，我们要继续发扬成绩，克服不足，推动各项工作再上新台阶。"
                   "同志们，新的一年任务艰巨，让我们团结一心，奋力开创工作新局面。");
  g_assert_cmpuint (notices->len, ==, 2);
}

static void
test_not_a_site_page (void)
{
  /* an ordinary speech with a date line is left alone */
  const char *text = "在全市教育工作会议上的讲话\n2024年3月1日\n同志们：\n今天召开会议。\n谢谢大家！";
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  gboolean site = TRUE;

  out = jj_web_cleaner_remove_boilerplate (text, strlen (text), NULL, NULL, NULL, &site,
                                           NULL, NULL, notices);
  g_assert_false (site);
  g_assert_cmpstr (out, ==, text);
  g_assert_cmpuint (notices->len, ==, 0);
}

static void
test_punctuation (void)
{
  const char *in = "同志们:在关键阶段,我们召开会议;要吗?要!比例为1,000人,时间10:30。ok,fine。GDP,增长3,是";
  g_autofree char *out = jj_web_cleaner_fix_punctuation (in, strlen (in), NULL, NULL);

  g_assert_cmpstr (out, ==, "同志们：在关键阶段，我们召开会议；要吗？要！比例为1,000人，时间10:30。ok,fine。GDP，增长3,是");
  g_assert_cmpuint (g_utf8_strlen (out, -1), ==, g_utf8_strlen (in, -1));
}

static void
test_title (void)
{
  const struct { const char *in; gboolean site; const char *out; } cases[] = {
    { "在全市工作会议上的讲话同志们：今天我们召开会议。", FALSE,
      "在全市工作会议上的讲话\n同志们：\n今天我们召开会议。" },
    /* a site's tag after the title and after the last sentence */
    { "在全市工作会议上的讲话精选范文各位领导、同志们：今天我们召开会议。会议很重要。精品文档", TRUE,
      "在全市工作会议上的讲话\n各位领导、同志们：\n今天我们召开会议。会议很重要。" },
    /* no tag removed from documents that are not site pages */
    { "在全市工作会议上的讲话精选范文同志们：今天召开会议。", FALSE,
      "在全市工作会议上的讲话精选范文\n同志们：\n今天召开会议。" },
    /* a sentence before the salutation is not a title */
    { "今天，我们开会。同志们：要抓落实。", FALSE, "今天，我们开会。同志们：要抓落实。" },
    { "标题\n同志们：\n正文。", FALSE, "标题\n同志们：\n正文。" },
    /* a closing thanks is not a tag */
    { "讲话同志们：我讲三点。谢谢大家", TRUE, "讲话\n同志们：\n我讲三点。谢谢大家" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JjTextMap) map = NULL;
      g_autofree char *out = jj_web_cleaner_split_title (cases[i].in, strlen (cases[i].in), NULL,
                                                         cases[i].site, NULL, &map, notices);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/web-cleaner/pinyin", test_pinyin);
  g_test_add_func ("/web-cleaner/pinyin-map", test_pinyin_map);
  g_test_add_func ("/web-cleaner/boilerplate", test_boilerplate);
  g_test_add_func ("/web-cleaner/not-a-site-page", test_not_a_site_page);
  g_test_add_func ("/web-cleaner/punctuation", test_punctuation);
  g_test_add_func ("/web-cleaner/title", test_title);

  return g_test_run ();
}
