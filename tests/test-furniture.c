/* test-furniture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jj-document.h"
#include "jj-furniture.h"

/* Pages of invented sites: each line starts with its class, "B " body,
 * "F " furniture, "  " blank.
 */
static const char *const library_page[] = {
  "F 松针文档站",
  "F 首页 > 范文 > 讲话稿",
  "F 在全镇防汛工作会议上的讲话（精选）.docx",
  "F 大小：32.5KB | 页数：3页 | 上传时间：2023-06-01",
  "F 浏览 1024 次  下载 37 次",
  "F 内容简介：",
  "F 同志们：今年入汛以来，全镇降雨偏多，防汛形势严峻。今天召开会议，就是要再动员、再部署……",
  "  ",
  "B 同志们：",
  "B 今年入汛以来，全镇降雨偏多，防汛形势严峻。今天召开会议，就是要再动员、再部署，确保安全度汛。",
  "B 一、思想上要高度重视",
  "B 各村各单位要克服麻痹思想，把防汛工作摆上重要位置，主要负责同志要亲自抓、负总责。",
  "F - 1 -",
  "B 二、措施上要扎实有力",
  "B 要加强巡查值守，对河道、山塘、危房逐一排查，发现隐患立即整改，决不能心存侥幸。",
  "F 第 2 页 / 共 3 页",
  "B 三、纪律上要严格要求",
  "B 汛期实行二十四小时值班制度，对工作不力、造成损失的，要严肃追究责任。谢谢大家！",
  "F 下载文档查看全文",
  "F 相关推荐",
  "F 在全镇安全生产会议上的讲话.docx",
  "F 防汛抗旱工作总结",
  "F Copyright © 2020-2024 松针文档站",
};

static const char *const article_page[] = {
  "F 原创 老笔头 写作参考 2024-04-02 07:30",
  "F 点击上方蓝字关注我们",
  "B 在青年干部座谈会上的讲话",
  "F 图片",
  "B 同志们，今天和大家座谈，主要是听听年轻同志的想法，也谈几点希望。",
  "F ▲ 座谈会现场",
  "B 希望大家坚定理想信念，在基层一线经风雨、见世面，练就过硬本领。",
  "B 希望大家保持谦虚谨慎，多向群众学习，多向实践学习。",
  "F 阅读原文",
  "F 阅读 2381",
  "F 在看 17",
  "F 写留言",
  "F 江南客：讲得真好，收藏了。",
};

static char *
page_text (const char *const *page,
           guint              n_lines,
           GArray           **expected)
{
  GString *s = g_string_new (NULL);

  *expected = g_array_new (FALSE, FALSE, sizeof (guint8));
  for (guint i = 0; i < n_lines; i++)
    {
      guint8 c = page[i][0] == 'B' ? JJ_LINE_BODY :
                 page[i][0] == 'F' ? JJ_LINE_FURNITURE : JJ_LINE_BLANK;

      g_string_append (s, page[i] + 2);
      g_string_append_c (s, '\n');
      g_array_append_val (*expected, c);
    }

  return g_string_free (s, FALSE);
}

static void
check_classes (const char *const *page,
               guint              n_lines)
{
  g_autoptr(GArray) expected = NULL;
  g_autofree char *text = page_text (page, n_lines, &expected);
  g_autoptr(GArray) classes = jj_furniture_classify (text, strlen (text), NULL);

  /* the text ends with a line break: one more, empty, line */
  g_assert_cmpuint (classes->len, ==, n_lines + 1);
  for (guint i = 0; i < n_lines; i++)
    {
      g_test_message ("%s", page[i]);
      g_assert_cmpuint (g_array_index (classes, guint8, i), ==, g_array_index (expected, guint8, i));
    }
}

static void
test_classify_library (void)
{
  check_classes (library_page, G_N_ELEMENTS (library_page));
}

static void
test_classify_article (void)
{
  check_classes (article_page, G_N_ELEMENTS (article_page));
}

static char *
remove_furniture (const char *text,
                  char      **title,
                  GPtrArray  *removed)
{
  g_autoptr(JjTextMap) map = NULL;
  char *out = jj_furniture_remove (text, strlen (text), NULL, NULL, &map, title, removed, NULL);

  g_assert_nonnull (out);
  g_assert_nonnull (map);

  return out;
}

/* A page marker mid-sentence and mid-heading: the halves are joined,
 * whole paragraphs stay apart, and no character is lost.
 */
static void
test_join (void)
{
  const char *page =
    "青石文库\n"
    "页数：3\n"
    "\n"
    "同志们：\n"
    "今天我们召开会议，研究部署\n"
    "第 1 页 / 共 3 页\n"
    "下半年工作。\n"
    "一、坚持稳中\n"
    "- 2 -\n"
    "求进\n"
    "要保持定力，稳住基本盘。\n"
    "二、狠抓工作落实\n"
    "第 3 页 / 共 3 页\n"
    "要一级抓一级，层层抓落实。\n"
    "上传者：abc\n";
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = remove_furniture (page, NULL, removed);

  g_assert_cmpstr (out, ==,
                   "同志们：\n"
                   "今天我们召开会议，研究部署下半年工作。\n"
                   "一、坚持稳中求进\n"
                   "要保持定力，稳住基本盘。\n"
                   "二、狠抓工作落实\n"
                   "要一级抓一级，层层抓落实。");
  g_assert_cmpuint (removed->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (removed, 2), ==, "第 1 页 / 共 3 页");
}

/* The same page saved as one run-on line per page. */
static void
test_join_run_on (void)
{
  const char *page =
    "在全市招商工作会议上的讲话.pdf\n"
    "浏览：2048 | 下载：64\n"
    "同志们：今年以来，全市招商引资取得新突破，签约项目同比增\n"
    "2/3\n"
    "长三成。下一步，要瞄准重点产业，开展精准招商。\n"
    "3/3\n"
    "猜你喜欢\n"
    "在全市安全工作会议上的讲话\n";
  g_autofree char *title = NULL;
  g_autofree char *out = remove_furniture (page, &title, NULL);

  g_assert_cmpstr (out, ==,
                   "同志们：今年以来，全市招商引资取得新突破，签约项目同比增长三成。"
                   "下一步，要瞄准重点产业，开展精准招商。");
  /* the body has no title line: the file's name gives it */
  g_assert_cmpstr (title, ==, "在全市招商工作会议上的讲话");
}

static void
test_title_not_site_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *page =
    "竹林范文网\n"
    "在全县教育大会上的讲话范文.doc\n"
    "页数：2  大小：20KB\n"
    "\n"
    "各位校长、老师们：今天召开全县教育大会，总结过去一年的工作，部署今年的任务。"
    "希望大家凝心聚力，办好人民满意的教育。谢谢大家！\n"
    "相关文档\n"
    "在全县卫生大会上的讲话.doc\n";

  bytes = g_bytes_new_static (page, strlen (page));
  doc = jj_document_new_from_bytes (bytes, "page.txt", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_title (doc), ==, "在全县教育大会上的讲话");
  g_assert_true (g_str_has_prefix (jj_document_get_text (doc), "各位校长、老师们："));
  g_assert_true (g_str_has_suffix (jj_document_get_text (doc), "谢谢大家！"));
  g_assert_null (strstr (jj_document_get_text (doc), "范文网"));
  g_assert_null (strstr (jj_document_get_text (doc), "卫生大会"));

  {
    const char *const *removed = jj_document_get_removed_lines (doc);
    guint n = 0;

    while (removed[n] != NULL)
      n++;
    g_assert_cmpuint (n, ==, 5);
    g_assert_cmpstr (removed[0], ==, "竹林范文网");
  }
}

/* The title line over the site's fields stays, as the first line. */
static void
test_title_line_kept (void)
{
  const char *page =
    "当前位置：首页 > 领导讲话\n"
    "在全区优化营商环境大会上的讲话\n"
    "发布时间：2024-01-05 09:00  来源：区政府办\n"
    "【打印】【关闭】\n"
    "同志们：优化营商环境是一场持久战，今天我们召开大会，就是要动员全区上下再加压、再发力。\n"
    "【责任编辑：李明】\n";
  g_autofree char *title = NULL;
  g_autofree char *out = remove_furniture (page, &title, NULL);

  g_assert_cmpstr (out, ==,
                   "在全区优化营商环境大会上的讲话\n"
                   "同志们：优化营商环境是一场持久战，今天我们召开大会，就是要动员全区上下再加压、再发力。");
  g_assert_null (title);
}

/* A speech with no furniture is left as it is, whatever its lines. */
static void
test_plain_speech (void)
{
  const char *text =
    "在全市教育工作会议上的讲话\n"
    "2024年3月1日\n"
    "同志们：\n"
    "今天召开会议，主要是关注民生，分享经验。\n"
    "一、关注群众关切\n"
    "要下载好政策红利，把好事办实。\n"
    "谢谢大家！";
  g_autoptr(GArray) classes = jj_furniture_classify (text, strlen (text), NULL);

  g_assert_null (jj_furniture_remove (text, strlen (text), NULL, NULL, NULL, NULL, NULL, NULL));
  for (guint i = 0; i < classes->len; i++)
    g_assert_cmpuint (g_array_index (classes, guint8, i), ==, JJ_LINE_BODY);
}

/* A heading with a vague word between two paragraphs is a heading. */
static void
test_vague_word_heading (void)
{
  const char *text =
    "同志们：今天召开会议，主要任务是部署今年的宣传思想工作，请大家认真抓好落实。\n"
    "分享发展成果\n"
    "要让群众在发展中有更多获得感，把民生实事一件一件办好办实。\n"
    "阅读 20\n";
  g_autofree char *out = remove_furniture (text, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "同志们：今天召开会议，主要任务是部署今年的宣传思想工作，请大家认真抓好落实。\n"
                   "分享发展成果\n"
                   "要让群众在发展中有更多获得感，把民生实事一件一件办好办实。");
}

/* A site's name right over the text, and a running header on every
 * page with nothing else to tell it by: furniture both.
 */
static void
test_site_name_and_running_header (void)
{
  const char *page =
    "墨池文库\n"
    "\n"
    "同志们：今天我们召开会议，研究部署\n"
    "内部交流 2024版 第3辑\n"
    "下半年工作。要保持定力，稳住基本盘。\n"
    "内部交流 2024版 第4辑\n"
    "要一级抓一级，层层抓落实。\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "同志们：今天我们召开会议，研究部署下半年工作。要保持定力，稳住基本盘。\n"
                   "要一级抓一级，层层抓落实。");
}

/* Short lines with nothing to tell them by, over the title and after the
 * closing words: where the text starts and ends decides.
 */
static void
test_edges (void)
{
  const char *page =
    "本页导读\n"
    "在全县春耕生产动员会上的讲话\n"
    "同志们：\n"
    "今天召开会议，部署春耕生产工作，请大家认真抓好落实。\n"
    "谢谢大家！\n"
    "（根据录音整理）\n"
    "评价一下这篇文章？\n"
    "意见反馈\n"
    "阅读 35\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "在全县春耕生产动员会上的讲话\n"
                   "同志们：\n"
                   "今天召开会议，部署春耕生产工作，请大家认真抓好落实。\n"
                   "谢谢大家！\n"
                   "（根据录音整理）");
}

/* A title run into the first sentence names the document. */
static void
test_fused_title (void)
{
  const char *page =
    "浏览：12\n"
    "在全市春季植树活动上的讲话今天，我们在这里举行植树活动，为城市增添一片新绿。\n";
  g_autofree char *title = NULL;
  g_autofree char *out = remove_furniture (page, &title, NULL);

  g_assert_cmpstr (out, ==, "在全市春季植树活动上的讲话今天，我们在这里举行植树活动，为城市增添一片新绿。");
  g_assert_cmpstr (title, ==, "在全市春季植树活动上的讲话");
}

/* A title under labels; categories over it are no title. */
static void
test_labelled_title (void)
{
  const char *page =
    "栏目导航\n"
    "心得体会\n"
    "工作总结\n"
    "述职报告\n"
    "发件人：<office@example.cn>\n"
    "主题：转发：在全区河长制工作会议上的讲话\n"
    "\n"
    "同志们：\n"
    "今天召开全区河长制工作会议，主要是总结去年工作，部署今年任务。\n";
  g_autofree char *title = NULL;
  g_autofree char *out = remove_furniture (page, &title, NULL);

  g_assert_cmpstr (out, ==,
                   "同志们：\n"
                   "今天召开全区河长制工作会议，主要是总结去年工作，部署今年任务。");
  g_assert_cmpstr (title, ==, "在全区河长制工作会议上的讲话");
}

/* A running header made of the page's first two lines. */
static void
test_composed_header (void)
{
  const char *page =
    "南山县政务公报\n"
    "2024年第3期\n"
    "\n"
    "同志们：今天我们召开会议，研究部署\n"
    "— 17 —\n"
    "南山县政务公报  2024年第3期\n"
    "下半年工作。要保持定力，稳住基本盘。\n"
    "— 18 —\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_cmpstr (out, ==, "同志们：今天我们召开会议，研究部署下半年工作。要保持定力，稳住基本盘。");
}

/* Nothing but lines a page's furniture might be: all is kept. */
static void
test_no_body (void)
{
  const char *text = "阅读 12\n浏览：3\n";

  g_assert_null (jj_furniture_remove (text, strlen (text), NULL, NULL, NULL, NULL, NULL, NULL));
}

/* Lines drawn across set a mail digest's parts apart: the list of
 * contents over the first one is not joined to the text as a page's
 * running header would be.
 */
static void
test_rule_lines (void)
{
  const char *page =
    "机关文稿精选 · 第12期\n"
    "本期目录\n"
    "1. 在全县秋季征兵工作会议上的讲话\n"
    "2. 社区治理经验交流材料\n"
    "3. 年度工作总结\n"
    "━━━━━━━━━━━━\n"
    "在全县秋季征兵工作会议上的讲话\n"
    "同志们：今天召开全县秋季征兵工作会议，主要任务是部署今年的征兵工作，请大家认真抓好落实。\n"
    "━━━━━━━━━━━━\n"
    "延伸阅读\n"
    "社区治理经验交流材料\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "在全县秋季征兵工作会议上的讲话\n"
                   "同志们：今天召开全县秋季征兵工作会议，主要任务是部署今年的征兵工作，请大家认真抓好落实。");
}

/* A repost: tags, who passed it on, a headline in brackets. */
static void
test_repost (void)
{
  const char *page =
    "青衫客\n"
    "转发理由：值得一读 //@墨香:收藏学习\n"
    "【在全镇人居环境整治推进会上的讲话】\n"
    "#讲话稿# #公文写作#\n"
    "\n"
    "同志们：今天召开全镇人居环境整治推进会，就是要对下阶段工作再部署、再推进。\n"
    "各村要对照标准查漏补缺，确保整治工作取得实效。\n"
    "转发 12  评论 3  赞 40\n";
  g_autofree char *title = NULL;
  g_autofree char *out = remove_furniture (page, &title, NULL);

  g_assert_cmpstr (out, ==,
                   "同志们：今天召开全镇人居环境整治推进会，就是要对下阶段工作再部署、再推进。\n"
                   "各村要对照标准查漏补缺，确保整治工作取得实效。");
  g_assert_cmpstr (title, ==, "在全镇人居环境整治推进会上的讲话");
}

/* Tags alone on a line, under the title. */
static void
test_tags (void)
{
  const char *text =
    "在全镇人居环境整治推进会上的讲话\n"
    "#讲话稿# #公文写作# #体制内#\n"
    "同志们：今天召开全镇人居环境整治推进会，就是要对下阶段工作再部署、再推进。\n"
    "各村要对照标准查漏补缺，确保整治工作取得实效。\n";
  g_autofree char *out = remove_furniture (text, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "在全镇人居环境整治推进会上的讲话\n"
                   "同志们：今天召开全镇人居环境整治推进会，就是要对下阶段工作再部署、再推进。\n"
                   "各村要对照标准查漏补缺，确保整治工作取得实效。");
}

/* Who passed a post on, under its title. */
static void
test_mention (void)
{
  const char *text =
    "在全镇人居环境整治推进会上的讲话\n"
    "好材料 //@墨香斋:收藏学习 //@青衫:转发\n"
    "同志们：今天召开全镇人居环境整治推进会，就是要对下阶段工作再部署、再推进。\n"
    "各村要对照标准查漏补缺，确保整治工作取得实效。\n";
  g_autofree char *out = remove_furniture (text, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "在全镇人居环境整治推进会上的讲话\n"
                   "同志们：今天召开全镇人居环境整治推进会，就是要对下阶段工作再部署、再推进。\n"
                   "各村要对照标准查漏补缺，确保整治工作取得实效。");
}

/* A row of links in brackets, then a notice about the page in a
 * sentence: neither is a heading between two sentences.
 */
static void
test_links_and_notice (void)
{
  const char *page =
    "发布时间：2024-05-06\n"
    "同志们：今天召开全区安全生产工作会议，主要任务是分析形势、部署工作，请大家认真抓好落实。\n"
    "各单位要压实责任，确保全区安全生产形势持续稳定。\n"
    "【关闭】 【打印】 【返回顶部】\n"
    "网页快照由搜索服务提供，与原网页的内容和观点无关。\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "同志们：今天召开全区安全生产工作会议，主要任务是分析形势、部署工作，请大家认真抓好落实。\n"
                   "各单位要压实责任，确保全区安全生产形势持续稳定。");
}

/* A mail's closing notice goes; a sentence of the text naming the same
 * things between two paragraphs stays.
 */
static void
test_mail_notice (void)
{
  const char *page =
    "发件人：综合科 <zhk@example.cn>\n"
    "\n"
    "同志们：今天召开全县政务服务工作会议，主要任务是部署今年的工作，请大家认真抓好落实。\n"
    "请各单位及时下载本系统的新版客户端。\n"
    "各单位要优化流程，让群众办事更加便捷。谢谢大家！\n"
    "\n"
    "本邮件及其附件含有保密信息，仅限于发送给上面地址中列出的个人或群组。\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "同志们：今天召开全县政务服务工作会议，主要任务是部署今年的工作，请大家认真抓好落实。\n"
                   "请各单位及时下载本系统的新版客户端。\n"
                   "各单位要优化流程，让群众办事更加便捷。谢谢大家！");
}

/* A preview's progress between two halves of a sentence. */
static void
test_page_count (void)
{
  const char *page =
    "提取码：ab12\n"
    "同志们：今天召开全县政务服务工作会议，主要任务是\n"
    "已加载 1/2 页\n"
    "部署今年的工作，请大家认真抓好落实。\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_cmpstr (out, ==, "同志们：今天召开全县政务服务工作会议，主要任务是部署今年的工作，请大家认真抓好落实。");
}

/* Text copied out of a PDF, cut at one width, the title as running
 * header: pieces of sentences with counts and vague words are text, at
 * the width, at the end of a sentence cut there or at the start of a page,
 * and the running header names the document.
 */
static void
test_wrapped_pdf (void)
{
  g_autoptr(GString) page = g_string_new ("会议文件之三\n\n");
  g_autofree char *title = NULL;
  g_autofree char *out = NULL;
  const char *const marks[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千" };

  for (guint page_no = 1, k = 0; page_no <= 3; page_no++)
    {
      /* the rest of a line the page cut, before the lines at the width */
      if (page_no > 1)
        g_string_append (page, page_no == 2 ? "更多依靠内需拉动\n" : "更多依靠创新驱动\n");
      for (guint n = 0; n < 4; n++, k++)
        g_string_append_printf (page,
                                "同志们：今年以来，全县上下认真贯彻落实%s级决策部署，经\n"
                                "济运行稳中有进，%s区生产总值增长6.5%%，比上年提高0\n"
                                ".8个百分点；取消和下放%s政审批事项27项，可下载办理\n",
                                marks[k], marks[k], marks[k]);
      /* the end of a sentence cut by the page, in vague words */
      g_string_append_printf (page, "%s\n", (const char *[]) { "取消", "下载", "关注" }[page_no - 1]);
      g_string_append_printf (page, "县人大常委会办公室 2024年3月印发\n·%u·\n\n在全县经济工作会议上的讲话\n\n",
                              page_no);
    }
  g_string_append (page, "谢谢大家！\n");

  out = remove_furniture (page->str, &title, NULL);
  g_assert_true (g_str_has_prefix (out, "同志们：今年以来，全县上下认真贯彻落实一级决策部署，经\n"));
  g_assert_true (g_str_has_suffix (out, "千政审批事项27项，可下载办理\n关注谢谢大家！"));
  g_assert_null (strstr (out, "印发"));
  g_assert_null (strstr (out, "会议文件"));
  g_assert_cmpstr (title, ==, "在全县经济工作会议上的讲话");
}

/* "[文件] XXX讲话.docx": the tag before a file's name is not the title's. */
static void
test_file_tag (void)
{
  const char *page =
    "张伟 2024-03-01 08:12:09\n"
    "[文件] 在全县防汛工作会议上的讲话.docx\n"
    "张伟 2024-03-01 08:15:40\n"
    "同志们：今年入汛以来，全县降雨偏多，防汛形势严峻，各地要立即行动起来。\n"
    "王强 2024-03-01 09:01:33\n"
    "收到\n";
  g_autofree char *title = NULL;
  g_autofree char *out = remove_furniture (page, &title, NULL);

  g_assert_cmpstr (out, ==, "同志们：今年入汛以来，全县降雨偏多，防汛形势严峻，各地要立即行动起来。");
  g_assert_cmpstr (title, ==, "在全县防汛工作会议上的讲话");
}

/* The title the furniture gives over a first line that is a piece of a
 * sentence.
 */
static void
test_document_title_over_fragment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) page = g_string_new ("在全县经济工作会议上的讲话.pdf\n大小：20KB\n\n");

  for (guint i = 0; i < 9; i++)
    {
      const char *mark = (const char *[]) { "一", "二", "三", "四", "五", "六", "七", "八", "九" }[i];

      g_string_append_printf (page,
                              "同志们：今年以来，全县上下认真贯彻落实%s级决策部署，经\n"
                              "济运行稳中有进，%s区生产总值增长6.5%%，比上年提高0\n"
                              ".8个百分点；取消和下放%s政审批事项27项，可下载办理\n",
                              mark, mark, mark);
    }
  g_string_append (page, "谢谢大家！\n");
  bytes = g_bytes_new (page->str, page->len);
  doc = jj_document_new_from_bytes (bytes, "page.txt", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_title (doc), ==, "在全县经济工作会议上的讲话");
}

/* Pieces of sentences with counts between page furniture are text: one
 * that goes on from a sentence the furniture cut, one whose words run in
 * clauses ("…个百分点；财政收入") before a page's end.
 */
static void
test_pieces_with_counts (void)
{
  const char *page =
    "江南时报 > 要闻 > 正文\n"
    "\n"
    "同志们：\n"
    "今年以来，全县上下认真贯彻落实各项决策部署，经济运行稳中有进，地区生产总值增长6.5%，居民收入\n"
    "（广告）\n"
    "增长7.2%，城乡\n"
    "（广告）\n"
    "居民生活持续改善。各项社会事业全面进步，发展成绩来之不易。\n"
    "工业增加值增长8.1%，比上年提高0.6个百分点；财政收入\n"
    "第 1 页 / 共 2 页\n"
    "增长9.3%，税收占比提高。\n"
    "一、坚持稳中求进，推动高质量发展\n"
    "要保持定力，稳住基本盘，抓好项目建设和招商引资，确保全年目标任务圆满完成。\n"
    "二、坚持人民至上，办好民生实事\n"
    "要把有限的财力更多投向教育、医疗、养老等领域，让群众得到实实在在的好处。谢谢大家！\n"
    "第 2 页 / 共 2 页\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_true (g_str_has_prefix (out, "同志们：\n今年以来，全县上下认真贯彻落实各项决策部署，经济运行稳中有进，地区生产总值增长6.5%，"
                                        "居民收入增长7.2%，城乡居民生活持续改善。"));
  g_assert_nonnull (strstr (out, "比上年提高0.6个百分点；财政收入增长9.3%，税收占比提高。\n一、"));
  g_assert_null (strstr (out, "广告"));
}

/* Where paragraphs start indented, a page's text that does not goes on
 * from the sentence before, even after a full stop; one that does (or
 * whose indent the page cut off) starts a paragraph.
 */
static void
test_indented_paragraphs (void)
{
  g_autoptr(GString) page = g_string_new ("清河市人民政府公报\n\n");
  g_autofree char *out = NULL;

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (page, "　　第%u项工作要抓紧推进，各部门要密切配合，确保按期完成任务。\n", i + 1);
  g_string_append (page,
                   "　　今年要办好十件民生实事。各地要早谋划、早部署。\n"
                   "— 3 —\n"
                   "项目资金要足额到位，按月调度进度。\n"
                   "　　要加强督查考核，对工作不力的严肃问责。\n"
                   "— 4 —\n"
                   "　　要关心基层干部，帮助解决实际困难，激励担当作为。\n"
                   "　　\n"
                   "— 5 —\n"
                   "要广泛宣传先进典型，营造比学赶超的浓厚氛围。\n");
  out = remove_furniture (page->str, NULL, NULL);
  g_assert_nonnull (strstr (out, "各地要早谋划、早部署。项目资金要足额到位，按月调度进度。\n"));
  g_assert_nonnull (strstr (out, "严肃问责。\n　　要关心基层干部"));
  g_assert_true (g_str_has_suffix (out, "激励担当作为。\n要广泛宣传先进典型，营造比学赶超的浓厚氛围。"));
}

/* A heading cut by a page goes on into its paragraph where the text's
 * headings of its kind run into theirs; where they stand alone, a whole
 * one stays on its line, and one cut after its full stop goes on.
 */
static void
test_run_in_headings (void)
{
  const char *run_in =
    "一是规划更加科学。我们坚持一张蓝图绘到底，把农村公路纳入全县发展总体规划。\n"
    "二是建设\n"
    "第 1 页 / 共 2 页\n"
    "更加有力。全年新改建农村公路一百二十公里，完成投资三点二亿元，超额完成目标。\n"
    "三是管护更加规范。县乡村三级路长全部到位，养护经费纳入财政预算，保障到位。\n"
    "第 2 页 / 共 2 页\n";
  const char *own_lines =
    "一、规划更加科学\n"
    "我们坚持一张蓝图绘到底，把农村公路纳入全县发展总体规划，一年接着一年干。\n"
    "二、建设更加有力\n"
    "第 1 页 / 共 2 页\n"
    "全年新改建农村公路一百二十公里，完成投资三点二亿元，超额完成年度目标任务。\n"
    "三、管护更加规范\n"
    "县乡村三级路长全部到位，养护经费纳入财政预算，保障农村公路常年有人管护。\n"
    "四、强化保障。各乡镇要把\n"
    "第 2 页 / 共 3 页\n"
    "农村公路养护资金足额纳入预算，确保专款专用，任何单位和个人不得挤占挪用。\n"
    "第 3 页 / 共 3 页\n";
  g_autofree char *out = remove_furniture (run_in, NULL, NULL);
  g_autofree char *out2 = remove_furniture (own_lines, NULL, NULL);

  g_assert_nonnull (strstr (out, "\n二是建设更加有力。全年"));
  g_assert_nonnull (strstr (out2, "\n二、建设更加有力\n全年"));
  /* a heading that goes on after its full stop is a paragraph's start */
  g_assert_nonnull (strstr (out2, "\n四、强化保障。各乡镇要把农村公路"));
}

/* Text without paragraphs, its parts one long line each: a page ending
 * after a colon or a full stop cuts no paragraph.
 */
static void
test_run_on_parts (void)
{
  g_autoptr(GString) page = g_string_new ("首页 > 公报 > 正文\n\n");
  g_autofree char *out = NULL;

  for (guint k = 0; k < 3; k++)
    {
      for (guint i = 0; i < 8; i++)
        g_string_append_printf (page, "第%u项工作要抓紧推进，各部门要密切配合，确保按期完成任务。", k * 8 + i + 1);
      g_string_append (page, k == 0 ? "毛主席指出：\n" : k == 1 ? "各项工作都要落到实处。\n" : "谢谢大家！\n");
      g_string_append_printf (page, "— %u —\n", k + 1);
    }
  out = remove_furniture (page->str, NULL, NULL);
  g_assert_null (strchr (out, '\n'));
  g_assert_nonnull (strstr (out, "毛主席指出：第9项"));
  g_assert_nonnull (strstr (out, "各项工作都要落到实处。第17项"));
}

/* A salutation that calls on people with "！" starts the text. */
static void
test_exclaimed_salutation (void)
{
  const char *page =
    "江城晚报 > 时政 > 正文\n"
    "在全县农村工作会议上的讲话\n"
    "2024-02-20 09:24\n"
    "\n"
    "各位代表！\n"
    "今年是全面推进乡村振兴的关键一年，各地要把农业农村工作摆在优先位置。\n"
    "要稳定粮食生产，抓好高标准农田建设，确保粮食播种面积只增不减。\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_true (g_str_has_prefix (out, "在全县农村工作会议上的讲话\n各位代表！\n今年是"));
}

/* A title that names no kind of speech is a title all the same: the
 * short lines between it and the text are the page's; a watermark in
 * words on every page is not the title.
 */
static void
test_plain_title (void)
{
  const char *page =
    "返回\n"
    "以更大力度推进城乡融合，奋力谱写乡村全面振兴新篇章\n"
    "下载客户端，体验更流畅\n"
    "\n"
    "同志们：\n"
    "今年是全面推进乡村振兴的关键一年，各地要把农业农村工作摆在优先位置。\n"
    "要稳定粮食生产，抓好高标准农田建设，确保粮食播种面积只增不减。\n";
  const char *watermarked =
    "本资料由综合组整理 仅供内部学习\n"
    "\n"
    "以更大力度推进城乡融合，奋力谱写乡村全面振兴新篇章\n"
    "同志们：\n"
    "今年是全面推进乡村振兴的关键一年，各地要把农业农村工作摆在优先位置。\n"
    "〔 1 / 2 〕\n"
    "本资料由综合组整理 仅供内部学习\n"
    "要稳定粮食生产，抓好高标准农田建设，确保粮食播种面积只增不减。\n"
    "〔 2 / 2 〕\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);
  g_autofree char *title = NULL;
  g_autofree char *out2 = remove_furniture (watermarked, &title, NULL);

  g_assert_cmpstr (out, ==,
                   "以更大力度推进城乡融合，奋力谱写乡村全面振兴新篇章\n同志们：\n"
                   "今年是全面推进乡村振兴的关键一年，各地要把农业农村工作摆在优先位置。\n"
                   "要稳定粮食生产，抓好高标准农田建设，确保粮食播种面积只增不减。");
  g_assert_true (g_str_has_prefix (out2, "以更大力度推进城乡融合，奋力谱写乡村全面振兴新篇章\n同志们：\n"));
  g_assert_null (title);
}

/* A recording's transcript: each phrase under its time.  The times are
 * page furniture (the same line on every "page"), the phrases one text
 * however short each is, heavier than the title over them, a phrase with
 * counts that ends on a comma included.
 */
static void
test_transcript (void)
{
  const char *page =
    "在全县春耕生产暨农业农村重点工作推进会议上的讲话\n"
    "3.2万播放 · 2024-03-02 10:15\n"
    "关注 1024\n"
    "\n"
    "00:03\n"
    "同志们：今天召开全县春耕生产工作会议，\n"
    "00:09\n"
    "主要任务是部署今年的春耕生产。\n"
    "00:14\n"
    "全县粮食播种面积增长3.2%，\n"
    "00:20\n"
    "比上年增加1.2万亩。\n"
    "00:25\n"
    "各乡镇要抓好农资供应和农机调度，\n"
    "00:31\n"
    "确保不误农时。谢谢大家！\n"
    "\n"
    "接下来播放\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "在全县春耕生产暨农业农村重点工作推进会议上的讲话\n"
                   "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
                   "全县粮食播种面积增长3.2%，比上年增加1.2万亩。\n"
                   "各乡镇要抓好农资供应和农机调度，确保不误农时。谢谢大家！");
}

/* A feed folds the text after its first lines ("展开剩余62%"): the share
 * of text left is page furniture, the first lines are text.  A mail's
 * quote of the mail it answers and its signature are not.
 */
static void
test_fold_and_quote (void)
{
  const char *folded =
    "在全县春耕生产工作会议上的讲话\n"
    "\n"
    "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
    "展开剩余62%\n"
    "全县粮食播种面积要稳定在五十二万亩以上，各乡镇要抓好农资供应和农机调度。\n"
    "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！\n"
    "1.5万阅读 · 点赞 98\n"
    "没有更多了\n";
  const char *reply =
    "各乡镇要抓好农资供应和农机调度，确保不误农时，全年粮食生产再获丰收。\n"
    "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！\n"
    "\n"
    "--\n"
    "刘敏\n"
    "\n"
    "> 小刘：\n"
    "> 讲话稿压缩到一千字以内，今天下班前发我。\n";
  g_autofree char *out = remove_furniture (folded, NULL, NULL);
  g_autofree char *out2 = remove_furniture (reply, NULL, NULL);

  g_assert_true (g_str_has_prefix (out, "在全县春耕生产工作会议上的讲话\n"));
  g_assert_nonnull (strstr (out, "\n同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n全县"));
  g_assert_null (strstr (out, "展开"));
  /* a count with a decimal is no numbered heading the text ends with */
  g_assert_true (g_str_has_suffix (out, "确保夏粮丰收到手。谢谢大家！"));
  g_assert_true (g_str_has_suffix (out2, "确保夏粮丰收到手。谢谢大家！"));
}

/* A feed's article: adverts set between the text's sentences, one
 * mid-sentence, with a mark over them and a button under them, use none
 * of the text's words; a short sentence of the text under a caption,
 * nothing under it that a page puts there, stays.  How long ago it was posted is furniture too.
 */
static void
test_advert (void)
{
  const char *page =
    "在全县春耕生产工作会议上的讲话\n"
    "青山时评号 3小时前 · 浙江\n"
    "关注\n"
    "\n"
    "同志们：\n"
    "今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产，确保\n"
    "推广\n"
    "周末露营装备一站购齐，新人下单立减八十！\n"
    "查看详情\n"
    "全年粮食播种面积稳定在五十二万亩以上。各乡镇要抓好农资供应和农机调度，确保不误农时。\n"
    "推广\n"
    "宝宝辅食机限时特价，妈妈们都在抢！\n"
    "去看看\n"
    "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。\n"
    "图片\n"
    "坚决杜绝食物中毒事件发生。\n"
    "要落实责任，一级抓一级，层层抓落实。谢谢大家！\n";
  const char *run_on =
    "在全县春耕生产工作会议上的讲话\n"
    "青山时评号 3小时前 · 浙江\n"
    "关注\n"
    "\n"
    "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产，确保全年粮食播种面积"
    "稳定在五十二万亩以上。各乡镇要抓好农资供应和农机调度，确保不误农时。要加强田间管理，搞好"
    "病虫害统防统治，确保夏粮丰收到手。要落实责任，一级抓一级，层层抓落实。谢谢大家！\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);
  g_autofree char *out2 = remove_furniture (run_on, NULL, NULL);

  g_assert_true (g_str_has_prefix (out, "在全县春耕生产工作会议上的讲话\n同志们：\n"));
  g_assert_true (g_str_has_prefix (out2, "在全县春耕生产工作会议上的讲话\n同志们：今天"));
  g_assert_null (strstr (out, "露营"));
  g_assert_null (strstr (out, "查看详情"));
  g_assert_null (strstr (out, "辅食"));
  g_assert_null (strstr (out, "小时前"));
  g_assert_nonnull (strstr (out, "确保全年粮食播种面积"));
  g_assert_null (strstr (out, "去看看"));
  g_assert_nonnull (strstr (out, "\n坚决杜绝食物中毒事件发生。\n"));
  g_assert_true (g_str_has_suffix (out, "层层抓落实。谢谢大家！"));
}

/* Messages to someone about the text, not of it: a request (the title
 * it names the text's) and the answer leading in to the text, the offer
 * after it; a mail's note under
 * its own salutation over the text's, its subject's note on the draft
 * no part of the title; a post's "here is one" over a text
 * that opens with its first sentence.  A greeting in the text stays.
 */
static void
test_messages (void)
{
  const char *chat =
    "分享于 2024-03-05 10:20\n"
    "你\n"
    "帮我写一篇《在全县春耕生产工作会议上的讲话》，一千字左右。\n"
    "小助手\n"
    "好的，以下是为您写的讲话稿，您可以根据实际情况修改：\n"
    "\n"
    "同志们：\n"
    "今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
    "一、稳定粮食播种面积\n"
    "全县粮食播种面积要稳定在五十二万亩以上，各乡镇要抓好农资供应。\n"
    "要加强田间管理，确保夏粮丰收到手。谢谢大家！\n"
    "\n"
    "如需调整篇幅或语气，请随时告诉我。\n";
  const char *chat2 =
    "分享于 2024-03-05 10:20\n"
    "把下面这篇稿子改一改，题目是在全县防汛工作会议上的讲话。\n"
    "小助手\n"
    "当然可以。下面是改好的稿子：\n"
    "\n"
    "同志们：\n"
    "今年入汛以来，全县降雨偏多，防汛形势严峻，各地要立即行动起来。\n"
    "要加强巡查值守，发现隐患立即整改。谢谢大家！\n";
  const char *mail =
    "Re: 在全县春耕生产工作会议上的讲话（修改稿）\n"
    "发件人：小刘\n"
    "孙主任：\n"
    "稿子按您的意见改好了，请审阅。\n"
    "\n"
    "各位同志：\n"
    "今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
    "要加强田间管理，确保夏粮丰收到手。谢谢大家！\n";
  const char *post =
    "种田能手\n"
    "2024-03-05 10:20\n"
    "分享一篇我去年写的稿子，供参考。\n"
    "\n"
    "今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
    "要加强田间管理，确保夏粮丰收到手。谢谢大家！\n";
  const char *run_on =
    "种田能手\n"
    "2024-03-05 10:20\n"
    "贴一篇改过的稿子，大家看看。\n"
    "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。要加强田间管理，"
    "确保夏粮丰收到手。谢谢大家！\n";
  const char *greeting =
    "在全县春耕生产工作会议上的讲话\n"
    "同志们：\n"
    "大家上午好！\n"
    "\n"
    "今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
    "要加强田间管理，确保夏粮丰收到手。谢谢你们！\n"
    "阅读 1200\n";
  g_autofree char *title = NULL;
  g_autofree char *out = remove_furniture (chat, &title, NULL);
  g_autofree char *title3 = NULL;
  g_autofree char *out6 = remove_furniture (chat2, &title3, NULL);
  g_autofree char *title2 = NULL;
  g_autofree char *out2 = remove_furniture (mail, &title2, NULL);
  g_autofree char *out3 = remove_furniture (post, NULL, NULL);
  g_autofree char *out4 = remove_furniture (greeting, NULL, NULL);
  g_autofree char *out5 = remove_furniture (run_on, NULL, NULL);

  g_assert_true (g_str_has_prefix (out, "同志们：\n今天"));
  g_assert_true (g_str_has_suffix (out, "确保夏粮丰收到手。谢谢大家！"));
  g_assert_cmpstr (title, ==, "在全县春耕生产工作会议上的讲话");
  g_assert_true (g_str_has_prefix (out6, "同志们：\n今年"));
  g_assert_cmpstr (title3, ==, "在全县防汛工作会议上的讲话");
  g_assert_true (g_str_has_prefix (out2, "各位同志：\n今天"));
  /* the subject's note on the draft, as a file name's, is no part of the title */
  g_assert_cmpstr (title2, ==, "在全县春耕生产工作会议上的讲话");
  g_assert_true (g_str_has_prefix (out3, "今天召开"));
  g_assert_true (g_str_has_prefix (out5, "同志们：今天召开"));
  g_assert_cmpstr (out4, ==,
                   "在全县春耕生产工作会议上的讲话\n同志们：\n大家上午好！\n\n"
                   "今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
                   "要加强田间管理，确保夏粮丰收到手。谢谢你们！");
}

/* A label whose value is the text ("内容：") over it, and one after it
 * heading what the page adds (its attachments, who issued it), are the
 * page's; a salutation is no label.
 */
static void
test_bare_labels (void)
{
  const char *record =
    "活动记录\n"
    "编号：HD-2024-031\n"
    "活动名称：全镇秋收动员会\n"
    "发布时间：2024-09-02 10:20\n"
    "主要内容：\n"
    "\n"
    "各位村干部：\n"
    "今天召开全镇秋收动员会，主要任务是部署今年的秋收工作。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n";
  const char *issued =
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
    "今年以来，全镇上下克服干旱少雨的不利影响，粮食生产总体保持稳定，秋粮长势好于往年。\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "二、做好秋种准备\n"
    "要提前备足种子和化肥，落实好小麦播种面积，为明年夏粮丰收打下基础。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n"
    "\n"
    "附录：\n"
    "1. 各村秋收进度表\n"
    "2. 农机调度联系人\n"
    "校对：小李    印发：20份\n"
    "镇农业办  2024年9月3日印\n";
  const char *hailed =
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是部署今年的秋收工作。\n"
    "同志们：\n"
    "要加强田间管理，确保颗粒归仓。\n"
    "阅读 356\n";
  g_autofree char *out = remove_furniture (record, NULL, NULL);
  g_autofree char *out2 = remove_furniture (issued, NULL, NULL);
  g_autofree char *out3 = remove_furniture (hailed, NULL, NULL);

  g_assert_true (g_str_has_prefix (out, "各位村干部：\n今天"));
  g_assert_cmpstr (out2, ==,
                   "同志们：\n"
                   "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
                   "今年以来，全镇上下克服干旱少雨的不利影响，粮食生产总体保持稳定，秋粮长势好于往年。\n"
                   "一、抓紧抓好秋收\n"
                   "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
                   "二、做好秋种准备\n"
                   "要提前备足种子和化肥，落实好小麦播种面积，为明年夏粮丰收打下基础。\n"
                   "要加强田间管理，确保颗粒归仓。谢谢大家！");
  g_assert_true (g_str_has_prefix (out3, "同志们：\n今天"));
  g_assert_true (g_str_has_suffix (out3, "同志们：\n要加强田间管理，确保颗粒归仓。"));
}

/* A block of short lines before the text, each of which comes again
 * later as a line of the text, lists its contents; the text's own
 * headings stay.
 */
static void
test_contents_list (void)
{
  const char *page =
    "小山的随笔\n"
    "目录\n"
    "一、抓紧抓好秋收\n"
    "二、做好秋种准备\n"
    "三、加强组织领导\n"
    "[折叠]\n"
    "\n"
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "二、做好秋种准备\n"
    "要提前备足种子和化肥，落实好小麦播种面积，为明年夏粮丰收打下基础。\n"
    "三、加强组织领导\n"
    "各级干部要深入田间地头，帮助群众解决实际困难，确保各项措施落到实处。\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_null (strstr (out, "折叠"));
  g_assert_true (g_str_has_prefix (out, "同志们：\n今天"));
  g_assert_nonnull (strstr (out, "工作。\n一、抓紧抓好秋收\n各村"));
  g_assert_nonnull (strstr (out, "基础。\n三、加强组织领导\n各级"));

  /* numbered as a list */
  g_autoptr(GString) numbered = g_string_new (page);
  g_string_replace (numbered, "目录\n一、", "目录\n1. 一、", 1);
  g_string_replace (numbered, "\n二、做好秋种准备\n三", "\n2. 二、做好秋种准备\n3. 三", 1);
  g_autofree char *out2 = remove_furniture (numbered->str, NULL, NULL);

  g_assert_null (strstr (out2, "1. "));
  g_assert_null (strstr (out2, "折叠"));
  g_assert_true (g_str_has_prefix (out2, "同志们：\n今天"));
  g_assert_nonnull (strstr (out2, "基础。\n三、加强组织领导\n各级"));
}

/* Questions with an empty slot for the answer, or over lettered
 * options, after the text are a quiz on it.
 */
static void
test_quiz_after_text (void)
{
  const char *page =
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "二、做好秋种准备\n"
    "要提前备足种子和化肥，落实好小麦播种面积，为明年夏粮丰收打下基础。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n"
    "1. 今年秋收的首要任务是什么？\n"
    "A. 抢收抢晒  B. 兴修水利  C. 植树造林\n"
    "2. 秋种要提前备足种子。（ ）\n"
    "3. 动员会由哪一级召开？\n"
    "A. 县\n"
    "B. 镇\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_nonnull (out);
  g_assert_true (g_str_has_prefix (out, "同志们：\n今天"));
  g_assert_true (g_str_has_suffix (out, "确保颗粒归仓。谢谢大家！"));
}

/* A line telling the reader what to do, set into a sentence of the
 * text, and the button it names, are the page's; the sentence is joined.
 */
static void
test_prompt_in_text (void)
{
  const char *page =
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。今年以来，全镇上下克服干旱\n"
    "您已浏览5页，请登录后点击“展开全文”\n"
    "展开全文\n"
    "少雨的不利影响，粮食生产总体保持稳定，秋粮长势好于往年。\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_nonnull (out);
  g_assert_null (strstr (out, "展开全文"));
  g_assert_nonnull (strstr (out, "克服干旱少雨的不利影响"));
  g_assert_true (g_str_has_suffix (out, "确保颗粒归仓。谢谢大家！"));
}

/* A bibliographic record of the text after it, with its label, is
 * about the text.
 */
static void
test_citation_block (void)
{
  const char *page =
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n"
    "\n"
    "参考格式：\n"
    "王小明.在全镇秋收动员会上的讲话[J].乡村工作通讯,2021(3):12-14.\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_nonnull (out);
  g_assert_true (g_str_has_prefix (out, "同志们：\n今天"));
  g_assert_true (g_str_has_suffix (out, "确保颗粒归仓。谢谢大家！"));
}

/* Lines in another script set between the lines of a text in Han
 * characters (a translation) are the page's.
 */
static void
test_translation_lines (void)
{
  const char *page =
    "中英对照阅读\n"
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
    "今年以来，全镇上下克服干旱少雨的不利影响，粮食生产总体保持稳定，秋粮长势好于往年。\n"
    "We must keep the harvest safe and make sure every field is reaped in time.\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "二、做好秋种准备\n"
    "要提前备足种子和化肥，落实好小麦播种面积，为明年夏粮丰收打下基础。\n"
    "Let us work together and finish this year's tasks with confidence.\n"
    "三、加强组织领导\n"
    "各级干部要深入田间地头，帮助群众解决实际困难，确保各项措施落到实处。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n"
    "阅读 356\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_null (strstr (out, "harvest"));
  g_assert_null (strstr (out, "confidence"));
  g_assert_nonnull (strstr (out, "秋粮长势好于往年。\n一、抓紧抓好秋收\n"));
  g_assert_nonnull (strstr (out, "打下基础。\n三、加强组织领导\n"));
  g_assert_true (g_str_has_suffix (out, "谢谢大家！"));
}

/* A short note set apart after a text whose paragraphs are not, that
 * uses none of the text's words, is about the text; a closing sentence
 * in its words is the text's.
 */
static void
test_note_after_text (void)
{
  const char *note =
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
    "今年以来，全镇上下克服干旱少雨的不利影响，粮食生产总体保持稳定，秋粮长势好于往年。\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "二、做好秋种准备\n"
    "要提前备足种子和化肥，落实好小麦播种面积，为明年夏粮丰收打下基础。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n"
    "\n"
    "以上文字为机器识别结果，难免存在个别错漏。\n"
    "阅读 356\n";
  const char *closing =
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
    "今年以来，全镇上下克服干旱少雨的不利影响，粮食生产总体保持稳定，秋粮长势好于往年。\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "二、做好秋种准备\n"
    "要提前备足种子和化肥，落实好小麦播种面积，为明年夏粮丰收打下基础。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n"
    "\n"
    "让我们抓紧抓好秋收，确保颗粒归仓！\n"
    "阅读 356\n";
  g_autofree char *out = remove_furniture (note, NULL, NULL);
  g_autofree char *out2 = remove_furniture (closing, NULL, NULL);

  g_assert_true (g_str_has_suffix (out, "确保颗粒归仓。谢谢大家！"));
  g_assert_nonnull (strstr (out2, "谢谢大家！"));
  g_assert_true (g_str_has_suffix (out2, "\n让我们抓紧抓好秋收，确保颗粒归仓！"));
}

/* Who gives the text and when, and a word of thanks, each on a page of
 * its own (a slide) are the page's; a date right under the title and a
 * thanks right after the text are the text's.
 */
static void
test_cover_and_thanks (void)
{
  const char *slides =
    "在全镇秋收动员会上的讲话\n"
    "主讲：镇党委书记  2024年9月\n"
    "第 1 页\n"
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
    "今年以来，全镇上下克服干旱少雨的不利影响，粮食生产总体保持稳定，秋粮长势好于往年。\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "二、做好秋种准备\n"
    "要提前备足种子和化肥，落实好小麦播种面积，为明年夏粮丰收打下基础。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n"
    "第 2 页\n"
    "谢  谢！\n";
  const char *speech =
    "在全镇秋收动员会上的讲话\n"
    "2024年9月2日\n"
    "同志们：\n"
    "今天召开全镇秋收动员会，主要任务是分析当前的农业生产形势，部署今年的秋收工作。\n"
    "今年以来，全镇上下克服干旱少雨的不利影响，粮食生产总体保持稳定，秋粮长势好于往年。\n"
    "一、抓紧抓好秋收\n"
    "各村要组织劳力和农机，抓住晴好天气抢收抢晒，做到成熟一块、收获一块。\n"
    "二、做好秋种准备\n"
    "要提前备足种子和化肥，落实好小麦播种面积，为明年夏粮丰收打下基础。\n"
    "要加强田间管理，确保颗粒归仓。谢谢大家！\n"
    "谢谢！\n"
    "阅读 356\n";
  g_autofree char *out = remove_furniture (slides, NULL, NULL);
  g_autofree char *out2 = remove_furniture (speech, NULL, NULL);

  g_assert_null (strstr (out, "主讲"));
  g_assert_nonnull (strstr (out, "同志们：\n今天"));
  g_assert_true (g_str_has_suffix (out, "确保颗粒归仓。谢谢大家！"));
  g_assert_nonnull (strstr (out2, "2024年9月2日\n同志们：\n"));
  g_assert_true (g_str_has_suffix (out2, "谢谢大家！\n谢谢！"));
}

/* A scan read by OCR spaces its lines out between their characters:
 * the title's blanks are the scan's too.  A title's blank in a text
 * that has none stays.
 */
static void
test_scanned_title (void)
{
  const char *scanned =
    "在全县防汛 工作会议上的讲话\n"
    "同志们:\n"
    "今年入汛以来,全县降 雨偏多,防汛形势严峻,\n"
    "各地要立即行动 起来。要加强巡查值守,\n"
    "发现隐患立即 整改,决不能心存侥幸。\n"
    "谢谢大家!\n";
  const char *typed =
    "凝心聚力 夺取防汛工作全面胜利\n"
    "同志们：\n"
    "今年入汛以来，全县降雨偏多，防汛形势严峻，各地要立即行动起来。\n"
    "要加强巡查值守，发现隐患立即整改，决不能心存侥幸。谢谢大家！\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (scanned, strlen (scanned));
  g_autoptr(GBytes) bytes2 = g_bytes_new_static (typed, strlen (typed));
  g_autoptr(JjDocument) doc = jj_document_new_from_bytes (bytes, "scan.txt", JJ_LOAD_DEFAULT, NULL, &error);
  g_autoptr(JjDocument) doc2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_title (doc), ==, "在全县防汛工作会议上的讲话");
  doc2 = jj_document_new_from_bytes (bytes2, "typed.txt", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_title (doc2), ==, "凝心聚力 夺取防汛工作全面胜利");
}

/* A reader mode's export: the notes under the text are furniture, and so
 * are their markers after the text's sentences; a bracketed number that
 * is no note's stays.
 */
static void
test_notes (void)
{
  const char *page =
    "在全县春耕生产工作会议上的讲话\n"
    "\n"
    "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。[1]\n"
    "全县粮食播种面积要稳定在五十二万亩以上，各乡镇要抓好农资供应。[2]要抓好第[3]项任务。\n"
    "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！\n"
    "\n"
    "注释\n"
    "[1] 本文据讲话录音整理。\n"
    "[2] 数据来源于县统计局。\n";
  g_autoptr(JjTextMap) map = NULL;
  g_autofree char *out = jj_furniture_remove (page, strlen (page), NULL, NULL, &map, NULL, NULL, NULL);

  g_assert_nonnull (out);
  g_assert_cmpstr (out, ==,
                   "在全县春耕生产工作会议上的讲话\n\n"
                   "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
                   "全县粮食播种面积要稳定在五十二万亩以上，各乡镇要抓好农资供应。要抓好第[3]项任务。\n"
                   "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！");
  /* "要" after the marker taken out maps to its place in the page */
  g_assert_cmpuint (jj_text_map_lookup (map, g_utf8_pointer_to_offset (out, strstr (out, "要抓好第")), NULL), ==,
                    g_utf8_pointer_to_offset (page, strstr (page, "要抓好第")));
}

/* Counts of people and things ("5664 人赞同"), a time to read, specks
 * a scan left (strokes read off them too), a notice about the platform:
 * furniture; a sentence piece cut off ("”。") is not a speck.
 */
static void
test_counts_and_specks (void)
{
  const char *page =
    "在全县春耕生产工作会议上的讲话\n"
    "约 12 分钟\n"
    "5664 人赞同了该回答\n"
    "\n"
    "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的“春耕\n"
    "· 3 ·\n"
    "”。全县粮食播种面积要稳定在五十二万亩以上，各乡镇要抓好农资供应。\n"
    "■ ■\n"
    "丨 ·\n"
    "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！\n"
    "本文为作者原创，不代表本平台立场。\n"
    "128 个回答  默认排序\n";
  const char *timed =
    "在全县春耕生产工作会议上的讲话\n"
    "约 12 分钟\n"
    "\n"
    "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
    "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！\n";
  const char *answer =
    "领导讲话稿怎样写才接地气？\n"
    "5664 人赞同了该回答\n"
    "\n"
    "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
    "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);
  g_autofree char *out2 = remove_furniture (timed, NULL, NULL);
  g_autofree char *out3 = remove_furniture (answer, NULL, NULL);

  g_assert_null (strstr (out2, "分钟"));
  g_assert_null (strstr (out3, "赞同"));
  g_assert_cmpstr (out, ==,
                   "在全县春耕生产工作会议上的讲话\n"
                   "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的“春耕”。"
                   "全县粮食播种面积要稳定在五十二万亩以上，各乡镇要抓好农资供应。\n"
                   "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！");
}

/* The page names the text before it begins: the notice issuing it, with
 * its addressees (a salutation) and a sentence, is the page's; the text
 * starts at its title.
 */
static void
test_named_title (void)
{
  const char *page =
    "中共青石县委办公室文件\n"
    "青石委办发〔2024〕12号\n"
    "\n"
    "关于印发《在全县春耕生产工作会议上的讲话》的通知\n"
    "\n"
    "各乡镇党委、政府，县直各单位：\n"
    "现将《在全县春耕生产工作会议上的讲话》印发给你们，请结合实际认真学习贯彻。\n"
    "\n"
    "中共青石县委办公室\n"
    "2024年3月5日\n"
    "\n"
    "— 1 —\n"
    "在全县春耕生产工作会议上的讲话\n"
    "\n"
    "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
    "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！\n"
    "— 2 —\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_true (g_str_has_prefix (out, "在全县春耕生产工作会议上的讲话\n"));
  g_assert_null (strstr (out, "印发"));
  g_assert_null (strstr (out, "各单位"));
}

/* A headline dressed with a tag before it or a few words after a bar is
 * the page's; the title is what it dresses.
 */
static void
test_dressed_headline (void)
{
  const char *const heads[] = { "【完整版】在全县春耕生产工作会议上的讲话", "在全县春耕生产工作会议上的讲话｜会议实录" };

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autofree char *page = g_strconcat (heads[i], "\n"
                                           "3.2万播放 · 2024-03-02 10:15\n"
                                           "\n"
                                           "同志们：今天召开全县春耕生产工作会议，主要任务是部署今年的春耕生产。\n"
                                           "要加强田间管理，搞好病虫害统防统治，确保夏粮丰收到手。谢谢大家！\n",
                                           NULL);
      g_autofree char *title = NULL;
      g_autofree char *out = remove_furniture (page, &title, NULL);

      g_assert_true (g_str_has_prefix (out, "同志们："));
      g_assert_cmpstr (title, ==, "在全县春耕生产工作会议上的讲话");
    }
}

/* Bound papers turned to text, cut at 16 characters, a page ending after
 * a full stop mid-line: the line is put together again and the text
 * comes back in its paragraphs, under the title the running header
 * repeats.
 */
static void
test_wrapped_paragraphs (void)
{
  const char *const paragraphs[] = {
    "同志们：",
    "一是压实责任。各乡镇要把安全生产摆在突出位置，主要负责同志要亲自研究部署，确保各项措施落到实处。",
    "二是强化排查。对危化品、燃气、消防等重点行业领域逐一排查，发现隐患立即整改。",
    "要加强值班值守，遇到险情第一时间报告，及时处置。",
    "同志们，安全生产责任重于泰山，来不得半点马虎，必须时刻绷紧安全这根弦，抓紧抓实抓细各项工作，确保全县安全形势持续稳定。",
    "三是严格执法。对拒不整改的企业依法从严处罚，公开曝光典型案例，形成有力震慑。",
    NULL,
  };
  const char *title = "在全县安全生产工作会议上的讲话";
  g_autoptr(GString) page = g_string_new ("会议文件之二\n\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *body = g_strjoinv ("\n", (char **)paragraphs);
  g_autofree char *expected = g_strconcat (title, "\n", body, NULL);
  guint n_pages = 1;

  g_string_append_printf (page, "%s\n", title);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      glong n = g_utf8_strlen (paragraphs[i], -1);

      for (glong k = 0; k < n; k += 16)
        {
          const char *a = g_utf8_offset_to_pointer (paragraphs[i], k);
          const char *b = g_utf8_offset_to_pointer (paragraphs[i], MIN (k + 16, n));

          /* the page ends after "一是压实责任。", "二是强化排查。" */
          if (k == 0 && i >= 1 && i <= 2)
            {
              const char *stop = strstr (a, "。") + strlen ("。");

              g_string_append_len (page, a, stop - a);
              g_string_append_printf (page, "\n县人大常委会办公室 2024年3月印发\n·%u·\n\n%s\n\n",
                                      n_pages++, title);
              a = stop;
            }
          g_string_append_len (page, a, b - a);
          g_string_append_c (page, '\n');
        }
    }
  g_string_append_printf (page, "县人大常委会办公室 2024年3月印发\n·%u·\n", n_pages);

  bytes = g_bytes_new (page->str, page->len);
  doc = jj_document_new_from_bytes (bytes, "page.txt", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_text (doc), ==, expected);
  g_assert_cmpstr (jj_document_get_title (doc), ==, title);
}

/* A forwarded mail's header: its fields are furniture, the subject
 * names the speech, however long.
 */
static void
test_mail_header (void)
{
  const char *page =
    "-------- 转发邮件信息 --------\n"
    "发件人：\"王芳\" <wangf@example.cn>\n"
    "发送时间：2024年3月5日(星期二) 上午9:05\n"
    "收件人：\"综合科\" <zhk@example.cn>\n"
    "主题：转发：凝心聚力全力夺取防汛抗旱工作全面胜利——在全县防汛抗旱暨地质灾害防治工作会议上的讲话\n"
    "\n"
    "同志们：今年入汛以来，全县降雨偏多，防汛形势严峻，各地要立即行动起来。\n"
    "要加强巡查值守，发现隐患立即整改。谢谢大家！\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDocument) doc = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));

  doc = jj_document_new_from_bytes (bytes, "mail.txt", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_title (doc), ==,
                   "凝心聚力全力夺取防汛抗旱工作全面胜利——在全县防汛抗旱暨地质灾害防治工作会议上的讲话");
  g_assert_true (g_str_has_prefix (jj_document_get_text (doc), "同志们："));
}

/* A page marker cut a sentence before a comma: what goes on after it is
 * text, whatever its words.
 */
static void
test_mid_sentence (void)
{
  const char *page =
    "浏览：12\n"
    "同志们：今年以来，全县上下共同努力，粮食生产再获丰收，各乡镇认真落实惠农政策，向种粮大户\n"
    "第 1 页 / 共 2 页\n"
    "，免费发放种子化肥\n"
    "今年全县粮食总产量达到历史最高水平，农民收入稳步增长。\n";
  g_autofree char *out = remove_furniture (page, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "同志们：今年以来，全县上下共同努力，粮食生产再获丰收，各乡镇认真落实惠农政策，向种粮大户"
                   "，免费发放种子化肥\n"
                   "今年全县粮食总产量达到历史最高水平，农民收入稳步增长。");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/furniture/classify-library", test_classify_library);
  g_test_add_func ("/furniture/classify-article", test_classify_article);
  g_test_add_func ("/furniture/join", test_join);
  g_test_add_func ("/furniture/join-run-on", test_join_run_on);
  g_test_add_func ("/furniture/title-not-site-name", test_title_not_site_name);
  g_test_add_func ("/furniture/title-line-kept", test_title_line_kept);
  g_test_add_func ("/furniture/plain-speech", test_plain_speech);
  g_test_add_func ("/furniture/vague-word-heading", test_vague_word_heading);
  g_test_add_func ("/furniture/site-name-and-running-header", test_site_name_and_running_header);
  g_test_add_func ("/furniture/edges", test_edges);
  g_test_add_func ("/furniture/fused-title", test_fused_title);
  g_test_add_func ("/furniture/labelled-title", test_labelled_title);
  g_test_add_func ("/furniture/composed-header", test_composed_header);
  g_test_add_func ("/furniture/no-body", test_no_body);
  g_test_add_func ("/furniture/rule-lines", test_rule_lines);
  g_test_add_func ("/furniture/repost", test_repost);
  g_test_add_func ("/furniture/tags", test_tags);
  g_test_add_func ("/furniture/mention", test_mention);
  g_test_add_func ("/furniture/links-and-notice", test_links_and_notice);
  g_test_add_func ("/furniture/mail-notice", test_mail_notice);
  g_test_add_func ("/furniture/page-count", test_page_count);
  g_test_add_func ("/furniture/wrapped-pdf", test_wrapped_pdf);
  g_test_add_func ("/furniture/wrapped-paragraphs", test_wrapped_paragraphs);
  g_test_add_func ("/furniture/pieces-with-counts", test_pieces_with_counts);
  g_test_add_func ("/furniture/indented-paragraphs", test_indented_paragraphs);
  g_test_add_func ("/furniture/run-in-headings", test_run_in_headings);
  g_test_add_func ("/furniture/run-on-parts", test_run_on_parts);
  g_test_add_func ("/furniture/exclaimed-salutation", test_exclaimed_salutation);
  g_test_add_func ("/furniture/plain-title", test_plain_title);
  g_test_add_func ("/furniture/transcript", test_transcript);
  g_test_add_func ("/furniture/fold-and-quote", test_fold_and_quote);
  g_test_add_func ("/furniture/notes", test_notes);
  g_test_add_func ("/furniture/counts-and-specks", test_counts_and_specks);
  g_test_add_func ("/furniture/named-title", test_named_title);
  g_test_add_func ("/furniture/dressed-headline", test_dressed_headline);
  g_test_add_func ("/furniture/file-tag", test_file_tag);
  g_test_add_func ("/furniture/document-title-over-fragment", test_document_title_over_fragment);
  g_test_add_func ("/furniture/mail-header", test_mail_header);
  g_test_add_func ("/furniture/mid-sentence", test_mid_sentence);
  g_test_add_func ("/furniture/advert", test_advert);
  g_test_add_func ("/furniture/messages", test_messages);
  g_test_add_func ("/furniture/scanned-title", test_scanned_title);
  g_test_add_func ("/furniture/bare-labels", test_bare_labels);
  g_test_add_func ("/furniture/translation-lines", test_translation_lines);
  g_test_add_func ("/furniture/note-after-text", test_note_after_text);
  g_test_add_func ("/furniture/cover-and-thanks", test_cover_and_thanks);
  g_test_add_func ("/furniture/contents-list", test_contents_list);
  g_test_add_func ("/furniture/quiz-after-text", test_quiz_after_text);
  g_test_add_func ("/furniture/prompt-in-text", test_prompt_in_text);
  g_test_add_func ("/furniture/citation-block", test_citation_block);

  return g_test_run ();
}
