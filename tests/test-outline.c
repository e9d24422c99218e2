/* test-outline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jj-document.h"
#include "jj-outline.h"
#include "test-slowdown.h"

typedef struct
{
  guint          level;
  JjOutlineKind  kind;
  const char    *title;
} Expected;

static const Expected sample_outline[] = {
  { 1, JJ_OUTLINE_KIND_TITLE, "全国文明城市建设工作培训会议讲话" },
  { 1, JJ_OUTLINE_KIND_SALUTATION, "同志们：" },
  { 1, JJ_OUTLINE_KIND_HEADING, "一、要牢牢把握新形势" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "一是“新一轮”" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "二是“新复检”" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "三是“新面孔”" },
  { 1, JJ_OUTLINE_KIND_HEADING, "二、要切实提高新认识" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "一要坚持以群众为中心" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "二要坚持以典范为目标" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "三要坚持以问题为导向" },
  { 1, JJ_OUTLINE_KIND_HEADING, "三、要严格落实新要求" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "一方面，要吃透测评标准" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "另一方面，要用好培训成果" },
  { 1, JJ_OUTLINE_KIND_CLOSING, "同志们，文明创建从未停步" },
};

static JjOutline *
detect (const char *text)
{
  return jj_outline_detect (text, -1, NULL, 0);
}

/* Returns the titles as "level kind title" lines, for readable failures */
static char *
dump (JjOutline *outline)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *e = jj_outline_get_entry (outline, i);

      g_string_append_printf (out, "%u %s %s\n",
                              jj_outline_entry_get_level (e),
                              jj_outline_kind_to_string (jj_outline_entry_get_kind (e)),
                              jj_outline_entry_get_title (e));
    }
  return g_string_free (out, FALSE);
}

static char *
dump_expected (const Expected *expected,
               guint           n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%u %s %s\n", expected[i].level,
                            jj_outline_kind_to_string (expected[i].kind), expected[i].title);
  return g_string_free (out, FALSE);
}

static void
assert_outline (JjOutline      *outline,
                const char     *text,
                const Expected *expected,
                guint           n)
{
  g_autofree char *got = dump (outline);
  g_autofree char *want = dump_expected (expected, n);
  guint length = g_utf8_strlen (text, -1);

  g_assert_cmpstr (got, ==, want);

  for (guint i = 0; i < n; i++)
    {
      JjOutlineEntry *e = jj_outline_get_entry (outline, i);
      guint start = jj_outline_entry_get_start (e);
      guint title_end = jj_outline_entry_get_title_end (e);
      const char *p = g_utf8_offset_to_pointer (text, start);
      const char *q = g_utf8_offset_to_pointer (text, title_end);
      g_autofree char *slice = g_strndup (p, q - p);

      /* offsets are code points into the text, and the title is that slice */
      g_assert_cmpstr (slice, ==, jj_outline_entry_get_title (e));
      g_assert_cmpuint (jj_outline_entry_get_end (e), >=, title_end);
      g_assert_cmpuint (jj_outline_entry_get_end (e), <=, length);
    }
}

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "samples", name, NULL);
}

/* Every form of the sample, through import: the outline of the document,
 * with the paragraph hints of its format.
 */
static void
test_sample_document (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = NULL;
  g_autoptr(JjDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  JjOutline *outline;

  file = g_file_new_for_path (path);
  doc = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  outline = jj_document_get_outline (doc);
  assert_outline (outline, jj_document_get_text (doc), sample_outline, G_N_ELEMENTS (sample_outline));
  /* 我讲三点意见, and three sections */
  g_assert_cmpuint (jj_outline_get_announced_count (outline), ==, 3);
  g_assert_false (jj_outline_get_count_mismatch (outline));
}

typedef enum
{
  RUNON_KEEP_INDENTS,    /* all line breaks removed, U+3000 indents kept */
  RUNON_BARE,            /* no line break, no indent */
  RUNON_FUSED_HEADING,   /* paragraphed, one heading fused with its paragraph */
} RunonForm;

static char *
make_form (const char *contents,
           RunonForm   form)
{
  g_autoptr(GString) text = g_string_new (contents);

  g_string_replace (text, "\r", "", 0);
  switch (form)
    {
    case RUNON_KEEP_INDENTS:
      g_string_replace (text, "\n", "", 0);
      break;
    case RUNON_BARE:
      g_string_replace (text, "\n", "", 0);
      g_string_replace (text, "\u3000", "", 0);
      break;
    case RUNON_FUSED_HEADING:
      g_string_replace (text, "\u3000", "", 0);
      g_string_replace (text, "\n\n", "\n", 0);
      g_assert_cmpuint (g_string_replace (text, "新要求\n", "新要求", 0), ==, 1);
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_sample_runon (gconstpointer data)
{
  RunonForm form = GPOINTER_TO_INT (data);
  g_autofree char *path = sample_path ("civilized-city-speech.txt");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JjOutline) outline = NULL;
  g_autoptr(GError) error = NULL;
  JjOutlineEntry *e;
  const char *p;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = make_form (contents, form);
  if (form != RUNON_FUSED_HEADING)
    g_assert_null (strchr (text, '\n'));

  outline = detect (text);
  assert_outline (outline, text, sample_outline, G_N_ELEMENTS (sample_outline));
  g_assert_cmpuint (jj_outline_get_announced_count (outline), ==, 3);

  /* the fused heading stops where the next sentence starts */
  e = jj_outline_get_entry (outline, 10);
  p = g_utf8_offset_to_pointer (text, jj_outline_entry_get_title_end (e));
  while (g_str_has_prefix (p, "\u3000"))
    p += strlen ("\u3000");
  g_assert_true (g_str_has_prefix (p, "今年"));
}

static const char county_speech[] =
  "在全县安全生产工作会议上的讲话\n"
  "尊敬的各位领导、各位来宾，同志们：\n"
  "今天召开会议，我讲三点意见。\n"
  "一、充分认识安全生产的重要性\n"
  "首先，安全生产事关群众生命财产安全。其次，安全生产事关发展大局。最后，安全生产事关社会稳定。\n"
  "二、突出抓好重点领域整治\n"
  "（一）加强道路交通安全管理\n"
  "1.健全工作机制。要明确分工，落实责任。2.压实工作责任。各乡镇要一要排查，二要整改。\n"
  "（二）强化危险化学品监管\n"
  "一是开展专项检查。二是建立台账。三是加强督导。\n"
  "— 3 —\n"
  "三、切实加强组织领导\n"
  "各级各部门要高度重视。\n"
  "让我们以更加务实的作风，推动全县安全生产形势持续稳定向好！\n";

static const Expected county_outline[] = {
  { 1, JJ_OUTLINE_KIND_TITLE, "在全县安全生产工作会议上的讲话" },
  { 1, JJ_OUTLINE_KIND_SALUTATION, "尊敬的各位领导、各位来宾，同志们：" },
  { 1, JJ_OUTLINE_KIND_HEADING, "一、充分认识安全生产的重要性" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "首先，安全生产事关群众生命财产安全" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "其次，安全生产事关发展大局" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "最后，安全生产事关社会稳定" },
  { 1, JJ_OUTLINE_KIND_HEADING, "二、突出抓好重点领域整治" },
  { 2, JJ_OUTLINE_KIND_HEADING, "（一）加强道路交通安全管理" },
  { 3, JJ_OUTLINE_KIND_HEADING, "1.健全工作机制" },
  { 3, JJ_OUTLINE_KIND_HEADING, "2.压实工作责任" },
  { 2, JJ_OUTLINE_KIND_HEADING, "（二）强化危险化学品监管" },
  { 3, JJ_OUTLINE_KIND_ENUMERATOR, "一是开展专项检查" },
  { 3, JJ_OUTLINE_KIND_ENUMERATOR, "二是建立台账" },
  { 3, JJ_OUTLINE_KIND_ENUMERATOR, "三是加强督导" },
  { 1, JJ_OUTLINE_KIND_HEADING, "三、切实加强组织领导" },
  { 1, JJ_OUTLINE_KIND_CLOSING, "让我们以更加务实的作风" },
};

/* Four levels, page furniture, an in-sentence list and a closing without
 * an address; the run-on form has every heading fused with what follows.
 */
static void
test_four_levels (void)
{
  g_autoptr(GString) runon = g_string_new (county_speech);
  g_autoptr(JjOutline) outline = detect (county_speech);
  g_autoptr(JjOutline) fused = NULL;

  assert_outline (outline, county_speech, county_outline, G_N_ELEMENTS (county_outline));

  g_string_replace (runon, "\n", "", 0);
  fused = detect (runon->str);
  assert_outline (fused, runon->str, county_outline, G_N_ELEMENTS (county_outline));
}

static const char variants_text[] =
  "关于做好今年工作的几点意见\n"
  "一、 关于安全生产工作：\n"
  "(一)压实责任。各单位要落实主体责任。\n"
  "(二)强化检查。要开展隐患排查。\n"
  "１．排查重点场所。包括学校和医院。\n"
  "２．建立问题台账。\n"
  "二、加强队伍建设。\n"
  "一是要加强学习。二是要改进作风。三是要严守纪律。\n"
  "其一，提高能力。其二，转变作风。\n"
  "三、认真抓好落实\n"
  "第一、明确分工。第二、跟踪问效。\n";

static const Expected variants_outline[] = {
  { 1, JJ_OUTLINE_KIND_TITLE, "关于做好今年工作的几点意见" },
  { 1, JJ_OUTLINE_KIND_HEADING, "一、 关于安全生产工作：" },
  { 2, JJ_OUTLINE_KIND_HEADING, "(一)压实责任" },
  { 2, JJ_OUTLINE_KIND_HEADING, "(二)强化检查" },
  { 3, JJ_OUTLINE_KIND_HEADING, "１．排查重点场所" },
  { 3, JJ_OUTLINE_KIND_HEADING, "２．建立问题台账" },
  { 1, JJ_OUTLINE_KIND_HEADING, "二、加强队伍建设" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "一是要加强学习" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "二是要改进作风" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "三是要严守纪律" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "其一，提高能力" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "其二，转变作风" },
  { 1, JJ_OUTLINE_KIND_HEADING, "三、认真抓好落实" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "第一、明确分工" },
  { 2, JJ_OUTLINE_KIND_ENUMERATOR, "第二、跟踪问效" },
};

/* Half-width brackets, full-width digits, 其一 and 第一、; run on, the
 * title runs straight into the first heading.
 */
static void
test_marker_variants (void)
{
  g_autoptr(GString) runon = g_string_new (variants_text);
  g_autoptr(JjOutline) outline = detect (variants_text);
  g_autoptr(JjOutline) fused = NULL;

  assert_outline (outline, variants_text, variants_outline, G_N_ELEMENTS (variants_outline));

  g_string_replace (runon, "\n", "", 0);
  fused = detect (runon->str);
  assert_outline (fused, runon->str, variants_outline, G_N_ELEMENTS (variants_outline));
}

static void
test_fused_heading (void)
{
  g_autoptr(JjOutline) outline = NULL;
  JjOutlineEntry *e;

  outline = detect ("一、要牢牢把握新形势当前，形势逼人。"
                    "二、要切实提高新认识我们要统一思想。"
                    "三、要严格落实新要求今年，市委提出新的思路。");
  g_assert_cmpuint (jj_outline_get_n_entries (outline), ==, 3);
  e = jj_outline_get_entry (outline, 2);
  g_assert_cmpstr (jj_outline_entry_get_title (e), ==, "三、要严格落实新要求");
  g_assert_cmpstr (jj_outline_entry_get_marker (e), ==, "三、");
  g_assert_cmpuint (jj_outline_entry_get_start (e), ==, 36);
  g_assert_cmpuint (jj_outline_entry_get_title_end (e), ==, 46);
  g_assert_cmpuint (jj_outline_entry_get_end (e), ==, 58);
}

static void
test_false_positives (void)
{
  const char *texts[] = {
    "我们要统一、规范各项制度。要坚持统一、协调的原则。",
    "全年投资1.5亿元。2.5万人受益。",
    "这是第一次会议。第二次会议明年召开。",
    "按照第（一）项规定执行。第（二）项另行规定。",
    "干部要做到一是一、二是二，不讲空话。说话办事一是一、二是二。",
    "— 3 —\n第3页 共8页\n正文继续。",
    "三证合一、一照一码。念之再三、反复推敲。四、五十亿元的投资。",
    "主要做了三件事：一是同大家谈谈心，二是给大家鼓鼓劲，三是听取意见。",
    "这是结论。①下文继续。这也是结论。②下文再说。",
    "正文。\n① 某某：《书名》，第12页。\n② 某某：《另一书名》，第3卷，第45页。",
    "第一次会议。第二，我们要记住。居世界第二，仅次于某国。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JjOutline) outline = detect (texts[i]);
      g_autofree char *got = dump (outline);

      for (guint k = 0; k < jj_outline_get_n_entries (outline); k++)
        {
          JjOutlineKind kind = jj_outline_entry_get_kind (jj_outline_get_entry (outline, k));

          if (kind == JJ_OUTLINE_KIND_HEADING || kind == JJ_OUTLINE_KIND_ENUMERATOR)
            g_error ("false heading in “%s”:\n%s", texts[i], got);
        }
    }
}

static void
test_levels_by_nesting (void)
{
  g_autoptr(JjOutline) flat = NULL;
  g_autoptr(JjOutline) nested = NULL;
  g_autofree char *got = NULL;

  /* 一是 without 一、 sections is level 1 */
  flat = detect ("开场白。\n一是加强领导，统筹推进。\n二是压实责任，狠抓落实。\n三是强化督导。");
  got = dump (flat);
  g_assert_cmpstr (got, ==,
                   "1 enumerator 一是加强领导\n"
                   "1 enumerator 二是压实责任\n"
                   "1 enumerator 三是强化督导\n");
  g_clear_pointer (&got, g_free);

  /* 1、 directly under 一、 is level 2, （一） below it restarts */
  nested = detect ("一、总体要求\n1、指导思想\n正文。\n2、基本原则\n正文。\n"
                   "二、主要任务\n（一）加强组织领导\n一要统一思想。二要明确分工。\n"
                   "（二）完善工作机制\n正文。");
  got = dump (nested);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、总体要求\n"
                   "2 heading 1、指导思想\n"
                   "2 heading 2、基本原则\n"
                   "1 heading 二、主要任务\n"
                   "2 heading （一）加强组织领导\n"
                   "3 enumerator 一要统一思想\n"
                   "3 enumerator 二要明确分工\n"
                   "2 heading （二）完善工作机制\n");
}

/* Levels follow nesting, not the marker's rank: a 一、 series inside a
 * （一） section that goes on after it is its child.
 */
static void
test_levels_rank_inverted (void)
{
  g_autoptr(JjOutline) outline = NULL;
  g_autofree char *got = NULL;

  outline = detect ("（一）关于当前形势\n正文。\n一、稳住农业生产\n正文。\n二、搞活市场流通\n正文。\n"
                    "（二）关于下步任务\n正文。\n（三）关于组织保障\n正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading （一）关于当前形势\n"
                   "2 heading 一、稳住农业生产\n"
                   "2 heading 二、搞活市场流通\n"
                   "1 heading （二）关于下步任务\n"
                   "1 heading （三）关于组织保障\n");
  g_clear_pointer (&got, g_free);
  g_clear_object (&outline);

  /* in the last section of short headings on their own lines, a list of
   * whole-paragraph items is a child; what follows the list is its sibling
   */
  outline = detect ("（一）关于当前形势\n正文。\n（二）关于价格改革\n今年准备采取以下措施：\n"
                    "一、合理调整农产品收购价格并实行合同定购，把其余农副产品的价格逐步放开，实行市场调节；\n"
                    "二、适当提高短途运价，以利于调整运输结构，充分发挥公路和水运的作用；\n"
                    "三、适当拉开质量差价和地区差价，促进优质产品的迅速增长和商品的合理流通。\n"
                    "为此，必须做好几件事。第一、严格控制消费基金的增长。正文。\n"
                    "第二、统一制定信贷计划。正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading （一）关于当前形势\n"
                   "1 heading （二）关于价格改革\n"
                   "2 heading 一、合理调整农产品收购价格并实行合同定购，把其余农副产品的价格逐步放开，实行市场调节；\n"
                   "2 heading 二、适当提高短途运价，以利于调整运输结构，充分发挥公路和水运的作用；\n"
                   "2 heading 三、适当拉开质量差价和地区差价，促进优质产品的迅速增长和商品的合理流通\n"
                   "2 enumerator 第一、严格控制消费基金的增长\n"
                   "2 enumerator 第二、统一制定信贷计划\n");
  g_clear_pointer (&got, g_free);
  g_clear_object (&outline);

  /* the same run on, paragraphs only marked by their indents: the list that
   * a colon announces is a child, and it ends with its last whole paragraph
   */
  outline = detect ("（一）关于当前形势　　形势很好，任务很重。（二）关于价格改革"
                    "　　今年价格改革的主要内容是："
                    "　　一、合理调整农产品收购价格并实行合同定购，把其余农副产品的价格逐步放开，实行市场调节；"
                    "　　二、适当提高短途运价，以利于调整运输结构，充分发挥公路和水运的作用；"
                    "　　三、适当拉开质量差价和地区差价，促进优质产品的迅速增长和商品的合理流通。"
                    "　　为此，必须做好几件事。第一、严格控制消费基金的增长。正文。"
                    "　　第二、统一制定信贷计划。正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading （一）关于当前形势\n"
                   "1 heading （二）关于价格改革\n"
                   "2 heading 一、合理调整农产品收购价格并实行合同定购，把其余农副产品的价格逐步放开，实行市场调节；\n"
                   "2 heading 二、适当提高短途运价，以利于调整运输结构，充分发挥公路和水运的作用；\n"
                   "2 heading 三、适当拉开质量差价和地区差价，促进优质产品的迅速增长和商品的合理流通\n"
                   "2 enumerator 第一、严格控制消费基金的增长\n"
                   "2 enumerator 第二、统一制定信贷计划\n");
}

/* 第一个问题：… 第二个问题：… are sections; the enumerators and numbered
 * headings inside them are one level down.
 */
static void
test_ordinal_sections (void)
{
  g_autoptr(JjOutline) outline = NULL;
  g_autofree char *got = NULL;

  outline = detect ("同志们：\n今天讲两个问题。第一个问题：关于形势判断。我们面临的形势很复杂。"
                    "第一，外部环境更趋严峻。第二，内部任务更加繁重。"
                    "第二个问题：关于重点工作。1.抓好项目建设。正文很长很长。2.抓好民生保障。正文。"
                    "一是稳就业。二是保基本。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 salutation 同志们：\n"
                   "1 enumerator 第一个问题：关于形势判断\n"
                   "2 enumerator 第一，外部环境更趋严峻\n"
                   "2 enumerator 第二，内部任务更加繁重\n"
                   "1 enumerator 第二个问题：关于重点工作\n"
                   "2 heading 1.抓好项目建设\n"
                   "2 heading 2.抓好民生保障\n"
                   "3 enumerator 一是稳就业\n"
                   "3 enumerator 二是保基本\n");
}

/* Numbered items inside a quotation in a paragraph are the quotation's
 * list, not headings
 */
static void
test_quoted_list (void)
{
  g_autoptr(JjOutline) outline = NULL;
  g_autofree char *got = NULL;

  outline = detect ("一、总体要求\n正文。\n二、主要任务\n会议指出：“要做到三条。（1）稳住增长。（2）守住底线。（3）兜牢民生。”"
                    "这三条要落实。\n三、保障措施\n正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、总体要求\n"
                   "1 heading 二、主要任务\n"
                   "1 heading 三、保障措施\n");
}

/* A numeral alone on its line numbers a section without a title */
static void
test_bare_numerals (void)
{
  g_autoptr(JjOutline) outline = NULL;
  g_autofree char *got = NULL;

  outline = detect ("各位代表：\n开场白。\n一\n第一部分正文。\n二\n第二部分正文。\n三\n第三部分正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 salutation 各位代表：\n"
                   "1 heading 一\n"
                   "1 heading 二\n"
                   "1 heading 三\n");
  g_clear_pointer (&got, g_free);
  g_clear_object (&outline);

  /* one numeral alone is no series */
  outline = detect ("各位代表：\n开场白。\n一\n正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==, "1 salutation 各位代表：\n");
  g_clear_pointer (&got, g_free);
  g_clear_object (&outline);

  /* run on: the line breaks are gone, the paragraph indents are left */
  outline = detect ("开场白。一　　第一部分正文。二　　第二部分正文。三　　第三部分正文，一　　二。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading 一\n"
                   "1 heading 二\n"
                   "1 heading 三\n");
  g_clear_pointer (&got, g_free);
  g_clear_object (&outline);

  /* or the break before the numeral is lost, the one after it kept */
  outline = detect ("开场白。一\n第一部分正文。二\n第二部分正文。三\n第三部分正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading 一\n"
                   "1 heading 二\n"
                   "1 heading 三\n");
}

static void
test_sibling_series (void)
{
  g_autoptr(JjOutline) outline = NULL;
  g_autofree char *got = NULL;

  /* a series that does not continue after a new one is its sibling */
  outline = detect ("一、工作回顾\n一是经济增长。二是民生改善。\n"
                    "第一，稳定预期。第二，扩大需求。\n二、主要任务\n正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、工作回顾\n"
                   "2 enumerator 一是经济增长\n"
                   "2 enumerator 二是民生改善\n"
                   "2 enumerator 第一，稳定预期\n"
                   "2 enumerator 第二，扩大需求\n"
                   "1 heading 二、主要任务\n");
  g_clear_pointer (&got, g_free);
  g_clear_object (&outline);

  /* and one inside an item that goes on is its child */
  outline = detect ("一是经济增长。第一，稳定预期。第二，扩大需求。二是民生改善。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 enumerator 一是经济增长\n"
                   "2 enumerator 第一，稳定预期\n"
                   "2 enumerator 第二，扩大需求\n"
                   "1 enumerator 二是民生改善\n");
}

/* Enumerators after a colon, inside a paragraph, with 、 or without a
 * comma; one level below the enclosing 一、 or （一）
 */
static void
test_enumerator_positions (void)
{
  g_autoptr(JjOutline) outline = NULL;
  g_autoptr(JjOutline) pair = NULL;
  g_autofree char *got = NULL;

  outline = detect ("开场白。\n一、加强领导\n要求有三：首先，要统一思想。其次，要明确分工。"
                    "最后，要狠抓落实。\n二、明确任务\n我们要做到三点。第一、要提高认识。"
                    "第二、要加强协调。第三、要强化督查。\n三、压实责任\n（一）抓项目抓队伍\n"
                    "主要抓两件事。一个是抓项目，做大总量。再一个是抓队伍，提升素质。\n"
                    "（二）完善机制\n首先要统一思想，这是前提。其次要明确分工。\n");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、加强领导\n"
                   "2 enumerator 首先，要统一思想\n"
                   "2 enumerator 其次，要明确分工\n"
                   "2 enumerator 最后，要狠抓落实\n"
                   "1 heading 二、明确任务\n"
                   "2 enumerator 第一、要提高认识\n"
                   "2 enumerator 第二、要加强协调\n"
                   "2 enumerator 第三、要强化督查\n"
                   "1 heading 三、压实责任\n"
                   "2 heading （一）抓项目抓队伍\n"
                   "3 enumerator 一个是抓项目\n"
                   "3 enumerator 再一个是抓队伍\n"
                   "2 heading （二）完善机制\n"
                   "3 enumerator 首先要统一思想\n"
                   "3 enumerator 其次要明确分工\n");

  /* items of one sentence are a list, not headings */
  g_clear_pointer (&got, g_free);
  g_clear_object (&outline);
  outline = detect ("一、回顾\n作出三项决策：一是抓住机遇，加快发展；二是明确改革目标；三是确立指导思想。\n"
                    "二、任务\n正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、回顾\n"
                   "1 heading 二、任务\n");

  /* 首先…最后 with nothing between is a way of speaking */
  pair = detect ("一、稳增长\n首先要坚定信心，不要被困难吓倒。正文。\n最后，我还要强调的是，要防止形式主义。\n"
                 "二、防风险\n正文。");
  g_clear_pointer (&got, g_free);
  got = dump (pair);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、稳增长\n"
                   "1 heading 二、防风险\n");
}

/* The parallel series of @outline as "level marker|member|member…" lines */
static char *
dump_parallel (JjOutline  *outline,
               const char *text)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
    {
      JjOutlineEntry *e = jj_outline_get_entry (outline, i);

      if (jj_outline_entry_get_kind (e) != JJ_OUTLINE_KIND_PARALLEL)
        continue;
      g_string_append_printf (out, "%u %s", jj_outline_entry_get_level (e),
                              jj_outline_entry_get_marker (e));
      for (guint k = 0; k < jj_outline_entry_get_n_members (e); k++)
        {
          guint start = 0, end = 0;
          const char *p, *q;

          g_assert_true (jj_outline_entry_get_member (e, k, &start, &end));
          g_assert_cmpuint (start, >=, jj_outline_entry_get_start (e));
          g_assert_cmpuint (end, <=, jj_outline_entry_get_end (e));
          p = g_utf8_offset_to_pointer (text, start);
          q = g_utf8_offset_to_pointer (text, end);
          g_string_append_printf (out, "|%.*s", (int)(q - p), p);
        }
      g_assert_false (jj_outline_entry_get_member (e, jj_outline_entry_get_n_members (e), NULL, NULL));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
assert_parallel (const char *text,
                 const char *expected)
{
  g_autoptr(JjOutline) outline = detect (text);
  g_autofree char *got = dump_parallel (outline, text);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("parallel series in “%s”:\n%s\nexpected:\n%s", text, got, expected);
}

/* 排比: paragraphs or sentences in a row that open alike */
static void
test_parallel_paragraphs (void)
{
  /* a shared opening with punctuation inside, under the enclosing heading */
  assert_parallel ("一、回顾\n这五年，我们把稳增长放在首位，经济总量迈上新台阶。\n"
                   "这五年，我们把改革推向深入，市场活力明显增强。\n"
                   "这五年，我们把民生摆在心上，群众获得感不断提升。\n"
                   "二、任务\n正文。\n",
                   "2 这五年，我们把|这五年，我们把稳增长放在首位，经济总量迈上新台阶。"
                   "|这五年，我们把改革推向深入，市场活力明显增强。"
                   "|这五年，我们把民生摆在心上，群众获得感不断提升。\n");
  /* a dash */
  assert_parallel ("开场白。\n——高水平建设创新高地。研发投入持续加大。\n"
                   "——高质量推进产业升级。新兴产业加快成长。\n"
                   "——高标准打造宜居城市。\n正文。\n",
                   "1 ——高|——高水平建设创新高地。研发投入持续加大。"
                   "|——高质量推进产业升级。新兴产业加快成长。|——高标准打造宜居城市。\n");
  /* a short opening with punctuation inside */
  assert_parallel ("这里，有连绵的群山和清澈的溪流。\n这里，有勤劳的人民。\n"
                   "这里，有说不完的故事和唱不完的歌谣，令人向往。\n",
                   "1 这里，有|这里，有连绵的群山和清澈的溪流。|这里，有勤劳的人民。"
                   "|这里，有说不完的故事和唱不完的歌谣，令人向往。\n");
  /* first clauses that end alike */
  assert_parallel ("有的学习能力退化，不读书不看报。\n有的批评能力弱化，明哲保身。\n"
                   "有的斗志涣散、精神退化，得过且过。\n",
                   "1 有的|有的学习能力退化，不读书不看报。|有的批评能力弱化，明哲保身。"
                   "|有的斗志涣散、精神退化，得过且过。\n");
  /* a plain word shared by clauses of one shape */
  assert_parallel ("坚持科学决策，把各项工作纳入法治轨道。\n坚持民主决策，深入推进作风建设。\n"
                   "坚持依法决策，提高执行力。\n",
                   "1 坚持|坚持科学决策，把各项工作纳入法治轨道。|坚持民主决策，深入推进作风建设。"
                   "|坚持依法决策，提高执行力。\n");
}

static void
test_parallel_sentences (void)
{
  /* an ordinal inside the opening, in a paragraph and in run-on text */
  assert_parallel ("（一）进度安排\n工作分三步走。第一阶段为动员部署，时间一个月。"
                   "第二阶段为全面实施，时间半年。第三阶段为总结验收，时间两个月。\n",
                   "2 第一阶段为|第一阶段为动员部署，时间一个月。|第二阶段为全面实施，时间半年。"
                   "|第三阶段为总结验收，时间两个月。\n");
  assert_parallel ("我们的理由很多。理由一：投入的成本比原来的方案低得多。理由二：见效快。"
                   "理由三：群众普遍欢迎。",
                   "1 理由一：|理由一：投入的成本比原来的方案低得多。|理由二：见效快。"
                   "|理由三：群众普遍欢迎。\n");
  /* sentences in a row that open with the same verb */
  assert_parallel ("加强道路建设，完善交通网络。加强水利工作，健全管护机制。"
                   "加强农村电网改造升级，提高供电能力。依法保障投入。",
                   "1 加强|加强道路建设，完善交通网络。|加强水利工作，健全管护机制。"
                   "|加强农村电网改造升级，提高供电能力。\n");
  /* a plain shared word makes a series, whatever the shapes of the
   * clauses after it: paragraphs, and sentences of about one length
   */
  assert_parallel ("我们要加强领导，统筹推进各项工作。\n我们要把群众的事情办好。\n"
                   "我们要在全面深化改革上取得新的更大突破，形成一批制度成果。\n",
                   "1 我们要|我们要加强领导，统筹推进各项工作。|我们要把群众的事情办好。"
                   "|我们要在全面深化改革上取得新的更大突破，形成一批制度成果。\n");
  assert_parallel ("发展是第一要务。发展经济、改善民生、保障安全、促进公平、维护稳定都离不开它。发展靠大家。",
                   "1 发展|发展是第一要务。|发展经济、改善民生、保障安全、促进公平、维护稳定都离不开它。"
                   "|发展靠大家。\n");
  /* a date is no shared wording */
  assert_parallel ("开场白。\n２０２１年，全市经济平稳增长。\n２０２１年，全市民生持续改善。\n"
                   "２０２１年，全市生态不断向好。\n",
                   "");
  /* a series inside an item lies under the item */
  assert_parallel ("一、总体要求\n一是稳增长。加强道路建设，完善网络。加强水利工作，健全机制。"
                   "加强电网改造，提高能力。二是促改革。正文。\n二、主要任务\n正文。",
                   "3 加强|加强道路建设，完善网络。|加强水利工作，健全机制。|加强电网改造，提高能力。\n");
  /* clauses of one sentence are no series, unless a dash opens them */
  assert_parallel ("作风上问题不少：有的学风不正、浅尝辄止；有的作风漂浮、敷衍了事；"
                   "有的纪律松弛、自由散漫。",
                   "");
  assert_parallel ("目标是：——经济稳步增长；——民生持续改善；——生态不断向好。",
                   "1 ——|——经济稳步增长；|——民生持续改善；|——生态不断向好。\n");
}

/* Run-on text has lost the paragraphs: members a few sentences apart */
static void
test_parallel_runon (void)
{
  assert_parallel ("一、回顾过去五年成绩显著。——经济实力明显增强。总量连年攀升。结构持续优化。"
                   "——改革开放纵深推进。重点领域取得突破。——人民生活持续改善。收入稳步增长。"
                   "二、任务今年要抓好三件事。",
                   "2 ——|——经济实力明显增强。总量连年攀升。结构持续优化。"
                   "|——改革开放纵深推进。重点领域取得突破。|——人民生活持续改善。收入稳步增长。\n");
  /* the indents it kept still part the paragraphs */
  assert_parallel ("开场白。　　坚持科学决策，纳入法治轨道。作风持续好转。"
                   "　　坚持民主决策，推进作风建设。　　坚持依法决策，提高执行力。成效明显。",
                   "1 坚持|坚持科学决策，纳入法治轨道。作风持续好转。|坚持民主决策，推进作风建设。"
                   "|坚持依法决策，提高执行力。成效明显。\n");
  /* also where the text is long enough to count as run-on */
  {
    g_autoptr(GString) text = g_string_new ("开场白。");
    g_autofree char *got = NULL;
    g_autoptr(JjOutline) outline = NULL;

    const char *filler[] = { "会议开得成功。", "大家都来了。", "工作有序推进。", "任务基本完成。" };

    for (guint i = 0; i < 1000; i++)
      g_string_append (text, filler[i % G_N_ELEMENTS (filler)]);
    g_string_append (text, "　　坚持科学决策，纳入法治轨道。作风持续好转。"
                           "　　坚持民主决策，推进作风建设。　　坚持依法决策，提高执行力。");
    outline = detect (text->str);
    got = dump_parallel (outline, text->str);
    g_assert_cmpstr (got, ==,
                     "1 坚持|坚持科学决策，纳入法治轨道。作风持续好转。|坚持民主决策，推进作风建设。"
                     "|坚持依法决策，提高执行力。\n");
  }
  /* a heading fused into the paragraph before it parts the paragraphs */
  assert_parallel ("（一）稳定经济增长。　　我们加强市场调控，确保政策落到实处。"
                   "　　我们认真清理地方债务，严格控制增量。（二）加快转变发展方式。"
                   "　　我们坚持有扶有控，促进结构调整。　　巩固和加强农业基础。",
                   "");
  /* plain words a few sentences apart (我们要…) are how sentences start as
   * often as they build a series: no series without paragraphs to show it
   */
  assert_parallel ("开场白。我们要继续深化改革，完善制度。坚决防范风险。"
                   "我们要坚持对外开放，促进合作共赢。高度警惕各种风险。完善保障制度。"
                   "我们要坚持独立自主的外交政策，推动构建新型国际关系。持续深化合作。",
                   "");
  /* but a subject named again a few sentences apart is none */
  assert_parallel ("第三产业在崛起。它们人口众多。第三产业反对霸权。历史会证明。"
                   "第三产业需要合作。合作才能共赢。",
                   "");
}

/* Repeated openings in ordinary prose are no series */
static void
test_parallel_false (void)
{
  const char *texts[] = {
    /* a connective */
    "同时，要加强督查。\n同时，我们也要看到困难和问题依然不少，发展不平衡的问题比较突出。\n"
    "同时，各地要结合实际。\n",
    /* two are no series */
    "这五年，我们稳增长。\n这五年，我们促改革。\n正文。\n",
    /* not in a row */
    "这五年，我们稳增长。\n正文。\n这五年，我们促改革。\n正文。\n这五年，我们惠民生。\n",
    /* one character */
    "要加强领导。要压实责任。要狠抓落实。",
    "“好，大家好。”\n“好，我懂。”\n“好，明天见。”\n",
    /* years are no ordinals */
    "开场白。\n2019年我们完成了各项工作任务，成效显著。\n2020年我们抗击疫情。\n"
    "2021年我们实现了良好开局，各项事业起步扎实，发展势头很好，令人振奋。\n",
    /* sentences of one paragraph that open with a connective */
    "同时，要加强督查。同时，我们也要看到困难和问题依然不少。同时，各地要结合实际。",
    /* numbered lists are headings, not parallel series */
    "一、加强领导\n二、压实责任\n三、狠抓落实\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_parallel (texts[i], "");
}

/* Thousands of paragraphs that open alike take no longer than others:
 * the search for series stays linear
 */
static void
test_parallel_linear (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JjOutline) outline = NULL;
  gint64 start;

  for (guint i = 0; i < 30000; i++)
    {
      g_string_append (text, "我们要");
      for (guint k = 0; k < 1 + (i * 7919) % 9; k++)
        g_string_append (text, "做好工作");
      g_string_append (text, "。\n");
    }
  start = g_get_monotonic_time ();
  outline = detect (text->str);
  g_assert_cmpint (g_get_monotonic_time () - start, <, jj_test_usec (2));
  g_assert_cmpuint (jj_outline_get_length (outline), ==, g_utf8_strlen (text->str, -1));
}

/* A series is in the tree under its heading, and no section of its own */
static void
test_parallel_tree (void)
{
  const char *text = "一、总体要求\n（一）目标\n这五年，我们稳增长，成效明显。\n"
                     "这五年，我们促改革，活力增强。\n这五年，我们惠民生，群众满意。\n"
                     "（二）原则\n正文。\n";
  g_autoptr(JjOutline) outline = detect (text);
  g_autofree char *got = dump (outline);
  g_autofree char *path = NULL;
  JjOutlineEntry *heading, *series;
  GListModel *children;

  g_assert_cmpstr (got, ==,
                   "1 heading 一、总体要求\n"
                   "2 heading （一）目标\n"
                   "3 parallel 这五年，我们稳增长\n"
                   "2 heading （二）原则\n");
  series = jj_outline_get_entry (outline, 2);
  heading = jj_outline_get_entry (outline, 1);
  g_assert_cmpuint (jj_outline_entry_get_n_members (series), ==, 3);
  g_assert_true (jj_outline_entry_get_parent (series) == heading);
  /* its members are its children, one level below */
  children = jj_outline_entry_get_children (series);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 3);
  for (guint k = 0; k < 3; k++)
    {
      g_autoptr(JjOutlineEntry) member = g_list_model_get_item (children, k);
      guint start = 0, end = 0;

      g_assert_true (jj_outline_entry_get_member (series, k, &start, &end));
      g_assert_cmpuint (jj_outline_entry_get_start (member), ==, start);
      g_assert_cmpuint (jj_outline_entry_get_end (member), ==, end);
      g_assert_cmpuint (jj_outline_entry_get_level (member), ==, 4);
      g_assert_true (g_str_has_prefix (jj_outline_entry_get_title (member), "这五年，我们"));
    }
  children = jj_outline_entry_get_children (heading);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);
  /* the heading's section runs over the series up to the next heading */
  g_assert_cmpuint (jj_outline_entry_get_end (heading), ==,
                    jj_outline_entry_get_start (jj_outline_get_entry (outline, 3)));
  g_assert_true (jj_outline_lookup (outline, jj_outline_entry_get_start (series) + 2) == heading);
  path = jj_outline_dup_section_path (outline, jj_outline_entry_get_start (series) + 2);
  g_assert_cmpstr (path, ==, "一、总体要求 › （一）目标");
  g_assert_cmpstr (jj_outline_kind_to_string (JJ_OUTLINE_KIND_PARALLEL), ==, "parallel");
}

/* Run-on text: the paragraph before 一、 lost its full stop, the heading
 * kept the indent after it
 */
static void
test_runon_first_section (void)
{
  const char *text = "各位代表：　　现在，我代表市政府报告工作，请予审议一、过去一年的工作回顾"
                     "　　过去的一年，我们攻坚克难。二、今年的总体部署　　今年是关键之年。"
                     "（一）稳增长　　正文。（二）惠民生　　正文。";
  g_autoptr(JjOutline) outline = detect (text);
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 salutation 各位代表：\n"
                   "1 heading 一、过去一年的工作回顾\n"
                   "1 heading 二、今年的总体部署\n"
                   "2 heading （一）稳增长\n"
                   "2 heading （二）惠民生\n");
}

/* Where a fused sentence starts: a year, or the heading's subject again */
static void
test_fused_sentence_starts (void)
{
  const struct {
    const char *text;
    const char *outline;
  } cases[] = {
    { "一、过去五年的工作回顾一九八八年，我们召开了全市大会。二、今后五年的目标任务"
      "二〇二〇年要实现翻番。",
      "1 heading 一、过去五年的工作回顾\n"
      "1 heading 二、今后五年的目标任务\n" },
    /* 一、 is no run-in heading: a short sentence after it is still cut off */
    { "一、坚持对外开放的基本政策城市的未来同世界的未来紧密相连。"
      "二、推进城乡协调发展乡村振兴是全局性的任务。",
      "1 heading 一、坚持对外开放的基本政策\n"
      "1 heading 二、推进城乡协调发展\n" },
    { "一、纲要稿的起草过程纲要稿起草工作从去年开始。二、纲要稿的基本框架"
      "纲要稿共分十二个部分。",
      "1 heading 一、纲要稿的起草过程\n"
      "1 heading 二、纲要稿的基本框架\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JjOutline) outline = detect (cases[i].text);
      g_autofree char *got = dump (outline);

      g_assert_cmpstr (got, ==, cases[i].outline);
    }
}

/* 首先…第二…第三 and 其次…第三 count in one sequence, which a nearer
 * 首先 takes over an older lone 第一; 第二，一定 is no list of numbers
 */
static void
test_mixed_sequence (void)
{
  g_autoptr(JjOutline) outline = NULL;
  g_autoptr(JjOutline) numbers = NULL;
  g_autofree char *got = NULL;

  outline = detect ("一、加强领导\n对此有两种态度：第一，迎难而上；第二，知难而退。正文。\n"
                    "首先，一定要统一思想。正文。\n第二，一定要明确分工。正文。\n"
                    "第三，要狠抓落实。正文。\n二、明确任务\n开场正文。其次，要突出重点。正文。"
                    "第三，要强化督查。正文。\n");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、加强领导\n"
                   "2 enumerator 首先，一定要统一思想\n"
                   "2 enumerator 第二，一定要明确分工\n"
                   "2 enumerator 第三，要狠抓落实\n"
                   "1 heading 二、明确任务\n"
                   "2 enumerator 其次，要突出重点\n"
                   "2 enumerator 第三，要强化督查\n");

  numbers = detect ("一、任务\n分为第一、二两类。正文。第一，二，三。正文。\n");
  g_clear_pointer (&got, g_free);
  got = dump (numbers);
  g_assert_cmpstr (got, ==, "1 heading 一、任务\n");
}

/* Run on: a time phrase that opens the sentence after a heading starts
 * with its number (十五届…以来, 二〇二一年以来, 十二届三次全会以来), and
 * a cut before it inside the same clause is no sentence start
 */
static void
test_fused_time_phrase (void)
{
  const char *text =
    "同志们：今天召开全县大会，我讲四点意见。"
    "一、过去三年的工作和十年的基本经验十五届党代会以来的三年，是全县上下团结奋斗的三年。"
    "二、全县发展的指导思想和基本方略十三届人大以来，全县农业发展迈上新台阶，工业持续壮大。"
    "三、今后五年的目标任务二〇二一年以来，我们持续用力。"
    "四、全县工作的基本路线和纲领十二届三次全会以来，全县人民埋头苦干。";
  g_autoptr(JjOutline) outline = detect (text);
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 salutation 同志们：\n"
                   "1 heading 一、过去三年的工作和十年的基本经验\n"
                   "1 heading 二、全县发展的指导思想和基本方略\n"
                   "1 heading 三、今后五年的目标任务\n"
                   "1 heading 四、全县工作的基本路线和纲领\n");
}

/* 第一、关于项目建设 on a line of its own heads a section: the （1） list
 * inside it is one level below, in paragraphs and in run-on text whose
 * paragraphs keep their indent
 */
static void
test_enumerator_sections (void)
{
  const char *forms[] = {
    "（一）过去一年的工作\n正文。\n（二）今年的主要任务\n总的安排如下。\n第一、关于项目建设\n"
    "　　正文。\n第二、关于招商引资\n　　今年将采取下列措施。\n　　（1）扩大播种面积。正文。\n"
    "　　（2）兴修水利。正文。\n（三）加强领导\n正文。\n",
    "（一）过去一年的工作　　正文。（二）今年的主要任务　　总的安排如下。第一、关于项目建设"
    "　　正文。第二、关于招商引资　　今年将采取下列措施。　　（1）扩大播种面积。正文。"
    "　　（2）兴修水利。正文。（三）加强领导　　正文。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(JjOutline) outline = detect (forms[i]);
      g_autofree char *got = dump (outline);

      g_assert_cmpstr (got, ==,
                       "1 heading （一）过去一年的工作\n"
                       "1 heading （二）今年的主要任务\n"
                       "2 enumerator 第一、关于项目建设\n"
                       "2 enumerator 第二、关于招商引资\n"
                       "3 heading （1）扩大播种面积\n"
                       "3 heading （2）兴修水利\n"
                       "1 heading （三）加强领导\n");
    }
}

/* 第一要务 inside a run-in heading is no first item below it: the heading
 * runs to its full stop
 */
static void
test_ordinal_inside_heading (void)
{
  g_autoptr(JjOutline) outline =
    detect ("一、总体要求\n（一）坚持以人民为中心，不断增进民生福祉，让发展成果更多更公平惠及全体人民群众。正文。\n"
            "（二）坚持把推动高质量发展作为全市上下的第一要务，不断开创经济社会发展各项工作的新局面。正文。\n"
            "二、主要任务\n正文。\n");
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 heading 一、总体要求\n"
                   "2 heading （一）坚持以人民为中心，不断增进民生福祉，让发展成果更多更公平惠及全体人民群众\n"
                   "2 heading （二）坚持把推动高质量发展作为全市上下的第一要务，不断开创经济社会发展各项工作的新局面\n"
                   "1 heading 二、主要任务\n");
}

/* Run on: headings that all open with the same clause are sentences that
 * differ after it, each to its full stop (not cut after 改革 before the
 * second comma)
 */
static void
test_shared_clause_headings (void)
{
  g_autoptr(JjOutline) outline =
    detect ("同志们：今天开会。一、总体要求（一）推进新时代城市更新行动，必须始终坚持党的全面领导，"
            "不断提升城市治理现代化和宜居水平。城市是人民的城市。（二）推进新时代城市更新行动，"
            "必须始终坚持规划先行的工作，不断优化城市空间布局和各项功能结构。规划是城市的龙头。"
            "（三）推进新时代城市更新行动，必须始终坚持改革创新，不断增强城市发展的内生动力和活力。"
            "改革是城市的动力。二、保障措施要加强领导。");
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 salutation 同志们：\n"
                   "1 heading 一、总体要求\n"
                   "2 heading （一）推进新时代城市更新行动，必须始终坚持党的全面领导，不断提升城市治理现代化和宜居水平\n"
                   "2 heading （二）推进新时代城市更新行动，必须始终坚持规划先行的工作，不断优化城市空间布局和各项功能结构\n"
                   "2 heading （三）推进新时代城市更新行动，必须始终坚持改革创新，不断增强城市发展的内生动力和活力\n"
                   "1 heading 二、保障措施\n");
}

/* 第一是… like 一是…; but not 第一是， */
static void
test_ordinal_shi (void)
{
  g_autoptr(JjOutline) outline =
    detect ("一、形势\n工业发展有三个特点。第一是投资增长加快。正文。第二是结构不断优化。正文。"
            "第三是效益明显提高。正文。\n二、任务\n正文。第一是，正文。第二是，正文。\n");
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 heading 一、形势\n"
                   "2 enumerator 第一是投资增长加快\n"
                   "2 enumerator 第二是结构不断优化\n"
                   "2 enumerator 第三是效益明显提高\n"
                   "1 heading 二、任务\n");
}

/* Numbered items inside one short sentence, after semicolons, are a list;
 * the same items on lines of their own are headings
 */
static void
test_inline_numbered_list (void)
{
  g_autoptr(JjOutline) outline =
    detect ("一、概况\n参加的单位可以分为三类：1．机关；2．企业；3．学校。正文。\n"
            "二、措施\n具体措施是：\n1．加强组织领导；\n2．明确工作责任；\n3．强化督促检查。\n");
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 heading 一、概况\n"
                   "1 heading 二、措施\n"
                   "2 heading 1．加强组织领导；\n"
                   "2 heading 2．明确工作责任；\n"
                   "2 heading 3．强化督促检查\n");
}

/* Items a colon announces, each a sentence that is its paragraph (or that
 * the next item follows), are a list: a series after the list's last
 * paragraph is its sibling; but sections a colon announces go on after
 * their headings
 */
static void
test_colon_list_over (void)
{
  g_autoptr(JjOutline) list = NULL;
  g_autoptr(JjOutline) sections = NULL;
  g_autofree char *got = NULL;

  list = detect ("一、总体要求\n（一）指导思想\n正文。\n（二）目标任务\n经过三年努力，要达到以下目标：\n"
                 "1．粮食生产稳定增长，农民收入持续提高。\n2．工业结构不断优化，能源供应更加充足。\n"
                 "3．城乡居民收入同经济增长基本同步。\n为此，今年要抓好以下工作。\n"
                 "第一、加强农业基础。正文。\n第二、推进工业升级。正文。\n二、保障措施\n正文。\n");
  got = dump (list);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、总体要求\n"
                   "2 heading （一）指导思想\n"
                   "2 heading （二）目标任务\n"
                   "3 heading 1．粮食生产稳定增长，农民收入持续提高\n"
                   "3 heading 2．工业结构不断优化，能源供应更加充足\n"
                   "3 heading 3．城乡居民收入同经济增长基本同步\n"
                   "3 enumerator 第一、加强农业基础\n"
                   "3 enumerator 第二、推进工业升级\n"
                   "1 heading 二、保障措施\n");

  /* run on, where the items follow each other and an indent opens the
   * paragraph after them
   */
  g_clear_object (&list);
  list = detect ("一、总体要求　　正文。（一）指导思想　　正文。（二）目标任务　　经过三年努力，要达到以下目标："
                 "1．粮食生产稳定增长，农民收入持续提高。2．工业结构不断优化，能源供应更加充足。"
                 "3．城乡居民收入同经济增长基本同步。　　为此，今年要抓好以下工作。"
                 "第一、加强农业基础。正文。第二、推进工业升级。正文。二、保障措施　　正文。");
  g_clear_pointer (&got, g_free);
  got = dump (list);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、总体要求\n"
                   "2 heading （一）指导思想\n"
                   "2 heading （二）目标任务\n"
                   "3 heading 1．粮食生产稳定增长，农民收入持续提高\n"
                   "3 heading 2．工业结构不断优化，能源供应更加充足\n"
                   "3 heading 3．城乡居民收入同经济增长基本同步\n"
                   "3 enumerator 第一、加强农业基础\n"
                   "3 enumerator 第二、推进工业升级\n"
                   "1 heading 二、保障措施\n");

  sections = detect ("一、工作回顾\n主要做了以下工作：\n（一）加强宏观调控。正文。\n（二）推进改革开放。正文。\n"
                     "成绩来之不易。\n问题仍然不少。一是结构矛盾突出。正文。二是增长方式粗放。正文。\n"
                     "二、今年任务\n正文。\n");
  g_clear_pointer (&got, g_free);
  got = dump (sections);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、工作回顾\n"
                   "2 heading （一）加强宏观调控\n"
                   "2 heading （二）推进改革开放\n"
                   "3 enumerator 一是结构矛盾突出\n"
                   "3 enumerator 二是增长方式粗放\n"
                   "1 heading 二、今年任务\n");
}

/* 一方面…另一方面 inside an enumerated point (the last one too, in its
 * paragraph) weighs two sides of it; under a heading it is a pair of its
 * own
 */
static void
test_pair_inside_point (void)
{
  g_autoptr(JjOutline) outline =
    detect ("一、任务\n第一，稳定增长。正文。一方面，要扩大投资。正文。另一方面，要促进消费。正文。\n"
            "第二，推进改革。正文。\n二、措施\n正文。一方面，要加强领导。正文。另一方面，要压实责任。正文。\n"
            "三、保障\n第一，加强领导。正文。\n第二，培育新动力。正文。一方面，要增加供给。正文。"
            "另一方面，要推动创新。正文。\n");
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 heading 一、任务\n"
                   "2 enumerator 第一，稳定增长\n"
                   "2 enumerator 第二，推进改革\n"
                   "1 heading 二、措施\n"
                   "2 enumerator 一方面，要加强领导\n"
                   "2 enumerator 另一方面，要压实责任\n"
                   "1 heading 三、保障\n"
                   "2 enumerator 第一，加强领导\n"
                   "2 enumerator 第二，培育新动力\n");
}

/* In paragraphed text a paragraph of one sentence after （一） is the
 * heading, however long: it lost no line break
 */
static void
test_sentence_paragraph (void)
{
  g_autoptr(JjOutline) outline =
    detect ("一、任务\n（一）农业生产要稳定面积，主攻单产，提高品质，增加效益，确保粮食安全和重要农产品稳定供给。\n"
            "（二）工业建设要调整结构，淘汰落后产能，提高质量，降低消耗，增强制造业核心竞争力和抗风险能力。\n"
            "二、措施\n正文。\n");
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 heading 一、任务\n"
                   "2 heading （一）农业生产要稳定面积，主攻单产，提高品质，增加效益，确保粮食安全和重要农产品稳定供给\n"
                   "2 heading （二）工业建设要调整结构，淘汰落后产能，提高质量，降低消耗，增强制造业核心竞争力和抗风险能力\n"
                   "1 heading 二、措施\n");
}

/* A first item after a comma (a paragraph break lost) counts when its
 * clause is a whole sentence and the next item starts one; not a list
 * inside a sentence
 */
static void
test_first_item_after_comma (void)
{
  g_autoptr(JjOutline) outline =
    detect ("一、教育\n办好职业教育，一要深化产教融合。正文。二要提升办学水平。正文。\n"
            "二、科技\n发展经济，一要稳定，二要创新。正文。\n");
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 heading 一、教育\n"
                   "2 enumerator 一要深化产教融合\n"
                   "2 enumerator 二要提升办学水平\n"
                   "1 heading 二、科技\n");
}

/* Run on: headings that follow one template word for word end where their
 * texts stop agreeing; an opening they share is no template
 */
static void
test_template_headings (void)
{
  const struct {
    const char *text;
    const char *outline;
  } cases[] = {
    { "同志们：今天开会。一、农村建设和农村体制改革全面推进乡村振兴，必须坚持农业农村优先发展。正文。"
      "二、城市建设和城市体制改革推动城市高质量发展，建设宜居韧性智慧城市。正文。"
      "三、生态建设和生态体制改革守护好绿水青山，是全县人民的共同责任。正文。",
      "1 salutation 同志们：\n"
      "1 heading 一、农村建设和农村体制改革\n"
      "1 heading 二、城市建设和城市体制改革\n"
      "1 heading 三、生态建设和生态体制改革\n" },
    { "同志们：今天开会。一、坚持以人民为中心的发展思想当前，民生改善成效明显。"
      "二、坚持以改革创新为根本动力我们要敢于啃硬骨头。",
      "1 salutation 同志们：\n"
      "1 heading 一、坚持以人民为中心的发展思想\n"
      "1 heading 二、坚持以改革创新为根本动力\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JjOutline) outline = detect (cases[i].text);
      g_autofree char *got = dump (outline);

      g_assert_cmpstr (got, ==, cases[i].outline);
    }
}

/* Run on: words of the heading repeated right before the full stop end
 * the heading, they open no sentence (…巩固拓展|污染防治成果。)
 */
static void
test_fused_short_rest (void)
{
  g_autoptr(JjOutline) outline =
    detect ("同志们：今天开会。一、重点任务（一）坚决打好污染防治攻坚战，巩固拓展污染防治成果。"
            "全县空气质量持续改善，水环境明显好转。（二）推进乡村全面振兴。农业基础更加稳固。"
            "二、保障措施要加强各级组织的领导。");
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 salutation 同志们：\n"
                   "1 heading 一、重点任务\n"
                   "2 heading （一）坚决打好污染防治攻坚战，巩固拓展污染防治成果\n"
                   "2 heading （二）推进乡村全面振兴\n"
                   "1 heading 二、保障措施\n");
}

/* Run on: a subject before 是 that holds a word opening sentences starts
 * at that word (…民主政治|我们是…), not before it
 */
static void
test_fused_subject_opener (void)
{
  g_autoptr(JjOutline) outline =
    detect ("同志们：今天开会。一、坚持全过程人民民主，发展基层民主政治我们是人民的政府，要始终为人民服务。"
            "二、加强法治政府建设今年，我们要完善各项法规。");
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 salutation 同志们：\n"
                   "1 heading 一、坚持全过程人民民主，发展基层民主政治\n"
                   "1 heading 二、加强法治政府建设\n");
}

/* Run on: a section numeral that lost both line breaks (。二我先…) counts
 * where it fills the gap between numerals that kept theirs, not at the end
 */
static void
test_bare_numeral_fused (void)
{
  g_autoptr(JjOutline) gap = NULL;
  g_autoptr(JjOutline) end = NULL;
  g_autofree char *got = NULL;

  gap = detect ("各位代表：现在我作报告。一　　今年我们要做好三件事。二我先说一下第一件事。二者不可偏废。"
                "三　　最后说说第三件事。正文。");
  got = dump (gap);
  g_assert_cmpstr (got, ==,
                   "1 salutation 各位代表：\n"
                   "1 heading 一\n"
                   "1 heading 二\n"
                   "1 heading 三\n");

  end = detect ("各位代表：现在我作报告。一　　今年我们要做好三件事。正文。二　　我先说一下第一件事。"
                "三我们还要努力。");
  g_clear_pointer (&got, g_free);
  got = dump (end);
  g_assert_cmpstr (got, ==,
                   "1 salutation 各位代表：\n"
                   "1 heading 一\n"
                   "1 heading 二\n");
}

/* A heading lost from the source: （四） counts when （五） follows it */
/* Where a heading runs into the next sentence: no cut right after an
 * adverb (必须不断|加强), a quoted term, 通观 or 要把 opens a sentence, more
 * words end headings (过程, 秩序) and open sentences (坚决); items after a
 * semicolon are a list inside one sentence, not enumerators.
 */
static void
test_fused_cuts (void)
{
  const char *text =
    "同志们：今天召开会议。一、认真总结各项工作去年，全县经济平稳增长，民生持续改善。"
    "二、加强队伍自身建设做好新形势下的队伍工作，必须不断加强队伍自身建设。几年来，我们做了很多工作。"
    "三、方案起草过程“十五五”时期是发展关键期。"
    "四、推进城乡统筹发展通观全局，各项工作要着重抓好三件事。"
    "这一结构是由国情决定的：第一，我们是发展中国家，必须坚持发展；第二，我们处在关键阶段，"
    "需要稳中求进；第三，一切有利于发展的办法都可以用。"
    "五、强化市场监管秩序坚决整治市场环境脏乱差问题。"
    "六、维护社会安定和谐要把群众的合法权益，作为工作的出发点。";
  g_autoptr(JjOutline) outline = detect (text);
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 salutation 同志们：\n"
                   "1 heading 一、认真总结各项工作\n"
                   "1 heading 二、加强队伍自身建设\n"
                   "1 heading 三、方案起草过程\n"
                   "1 heading 四、推进城乡统筹发展\n"
                   "1 heading 五、强化市场监管秩序\n"
                   "1 heading 六、维护社会安定和谐\n");
}

/* Run on: a sentence whose subject is taken up by 是 after a comma starts
 * after the heading, and so does the shortest subject before 是; 这个
 * after a noun starts none; a sentence that announces a list with a colon
 * is not the heading above the list.
 */
static void
test_fused_cuts_subject (void)
{
  const char *text =
    "同志们：今天召开会议。一、主要任务（一）加快社会事业发展。正文。"
    "（二）推进基层民主法治建设发展民主，健全法治，是治理现代化的内在要求。正文。"
    "（三）加快现代农业和新农村建设农业、农村和农民问题，是关系全局的重大问题。正文。"
    "（四）坚持扩大内需这个基本立足点，充分挖掘国内市场潜力。正文。"
    "（五）加快卫生、体育等社会事业发展教育是民族振兴的基石。正文。"
    "二、促进经济平稳发展通观全局，今年要着重抓好以下几个方面：（一）稳定经济增长。正文。"
    "（二）扩大国内需求。正文。";
  g_autoptr(JjOutline) outline = detect (text);
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 salutation 同志们：\n"
                   "1 heading 一、主要任务\n"
                   "2 heading （一）加快社会事业发展\n"
                   "2 heading （二）推进基层民主法治建设\n"
                   "2 heading （三）加快现代农业和新农村建设\n"
                   "2 heading （四）坚持扩大内需这个基本立足点，充分挖掘国内市场潜力\n"
                   "2 heading （五）加快卫生、体育等社会事业发展\n"
                   "1 heading 二、促进经济平稳发展\n"
                   "2 heading （一）稳定经济增长\n"
                   "2 heading （二）扩大国内需求\n");
}

static void
test_lost_sibling (void)
{
  g_autoptr(JjOutline) outline = NULL;
  g_autoptr(JjOutline) alone = NULL;
  g_autofree char *got = NULL;

  outline = detect ("一、主要任务（一）稳定增长。正文。（二）发展农业。正文。正文。"
                    "（四）推进创新。正文。（五）协调发展。正文。二、保障措施　正文。");
  got = dump (outline);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、主要任务\n"
                   "2 heading （一）稳定增长\n"
                   "2 heading （二）发展农业\n"
                   "2 heading （四）推进创新\n"
                   "2 heading （五）协调发展\n"
                   "1 heading 二、保障措施\n");
  g_clear_pointer (&got, g_free);

  alone = detect ("一、主要任务（一）稳定增长。正文。（二）发展农业。正文。"
                  "见第（四）项规定。正文。（四）推进创新。正文。二、保障措施　正文。");
  got = dump (alone);
  g_assert_cmpstr (got, ==,
                   "1 heading 一、主要任务\n"
                   "2 heading （一）稳定增长\n"
                   "2 heading （二）发展农业\n"
                   "1 heading 二、保障措施\n");
}

/* Siblings look alike: the same opening word and pattern, the same length */
static void
test_sibling_likeness (void)
{
  const struct {
    const char *text;
    const char *outline;
  } cases[] = {
    /* the third heading runs into a sentence no opening word announces */
    { "一、要全面把握新机遇当前，形势很好。二、要深入理解新任务我们要统一认识。"
      "三、要大力培育新动能市场主体活力持续增强。",
      "1 heading 一、要全面把握新机遇\n"
      "1 heading 二、要深入理解新任务\n"
      "1 heading 三、要大力培育新动能\n" },
    /* a paragraph that lost its full stop before the third heading */
    { "一、要全面把握新机遇当前，形势很好。二、要深入理解新任务我们要统一认识，"
      "做到统一思想、凝聚共识三、要大力培育新动能市场主体活力持续增强。",
      "1 heading 一、要全面把握新机遇\n"
      "1 heading 二、要深入理解新任务\n"
      "1 heading 三、要大力培育新动能\n" },
    /* but not a number inside a sentence, and not one a later heading takes */
    { "一、要全面把握新机遇当前，形势很好。二、要深入理解新任务我们要统一认识，"
      "反复思量再三、反复求证才能决定。",
      "1 heading 一、要全面把握新机遇\n"
      "1 heading 二、要深入理解新任务\n" },
    { "一、要全面把握新机遇当前，形势很好。二、要深入理解新任务我们要统一认识，"
      "反复思量再三、要多方求证才能决定。三、要大力培育新动能今年，市场活力持续增强。",
      "1 heading 一、要全面把握新机遇\n"
      "1 heading 二、要深入理解新任务\n"
      "1 heading 三、要大力培育新动能\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JjOutline) outline = detect (cases[i].text);
      g_autofree char *got = dump (outline);

      g_assert_cmpstr (got, ==, cases[i].outline);
    }
}

/* Sections in paragraphs of their own, and one that is not: after a
 * paragraph without its full stop, or inside a paragraph
 */
static char *
make_sections (const char *opening,
               const char *last)
{
  return g_strconcat (opening, "\n一、统一思想\n正文。\n二、明确任务\n正文", last, "\n正文。", NULL);
}

static void
test_announced_count (void)
{
  const struct {
    const char *opening;
    guint       count;
  } openings[] = {
    { "今天，我讲三点意见。", 3 },
    { "下面，我从四个方面来谈。", 4 },
    { "我想强调以下两点：", 2 },
    { "借此机会，讲五个问题。", 5 },
    { "结合工作实际，谈几点体会。", 0 },
    { "产量增长一点二倍。", 0 },
    { "会议三点半开始。", 0 },
    { "这是第三点意见。", 0 },
    { "我讲一点意见。", 0 },
  };
  const struct {
    const char *opening;
    const char *last;
    guint       n_sections;
  } cases[] = {
    /* the count takes a heading that lost its sentence boundary */
    { "今天，我讲三点意见。", "，包括建立台账、完善制度三、加强组织保障的具体措施", 3 },
    { "今天，我讲一些意见。", "，包括建立台账、完善制度三、加强组织保障的具体措施", 2 },
    /* and drops one beyond it that is weaker than its siblings */
    { "今天，我讲两点意见。", "。三、其他事项另行通知。", 2 },
    { "今天，我讲一些意见。", "。三、其他事项另行通知。", 3 },
    /* a number inside a word completes nothing */
    { "今天，我讲三点意见。", "，对此念之再三、反复推敲，终于形成了方案。", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    {
      g_autofree char *text = make_sections (openings[i].opening, "。");
      g_autoptr(JjOutline) outline = detect (text);

      g_test_message ("%s", openings[i].opening);
      g_assert_cmpuint (jj_outline_get_announced_count (outline), ==, openings[i].count);
      g_assert_cmpuint (jj_outline_get_n_sections (outline), ==, 2);
      g_assert_cmpint (jj_outline_get_count_mismatch (outline), ==,
                       openings[i].count != 0 && openings[i].count != 2);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = make_sections (cases[i].opening, cases[i].last);
      g_autoptr(JjOutline) outline = detect (text);
      g_autofree char *got = dump (outline);
      g_autoptr(GString) want = g_string_new ("1 heading 一、统一思想\n1 heading 二、明确任务\n");

      if (cases[i].n_sections == 3)
        g_string_append (want, strstr (cases[i].last, "三、加强") != NULL
                               ? "1 heading 三、加强组织保障的具体措施\n"
                               : "1 heading 三、其他事项另行通知\n");
      g_assert_cmpstr (got, ==, want->str);
      g_assert_cmpuint (jj_outline_get_n_sections (outline), ==, cases[i].n_sections);
      g_assert_cmpint (jj_outline_get_count_mismatch (outline), ==,
                       jj_outline_get_announced_count (outline) != 0
                       && jj_outline_get_announced_count (outline) != cases[i].n_sections);
    }

  /* a count the sections do not reach is reported */
  {
    g_autoptr(JjOutline) outline = detect ("讲话\n同志们：\n下面，我讲三点意见。\n"
                                           "一、提高认识\n正文。\n二、突出重点\n正文。\n");

    g_assert_cmpuint (jj_outline_get_announced_count (outline), ==, 3);
    g_assert_cmpuint (jj_outline_get_n_sections (outline), ==, 2);
    g_assert_true (jj_outline_get_count_mismatch (outline));
  }
}

static void
test_sections (void)
{
  const char *text = "一、总体要求\n一是统一思想。二是明确分工。\n二、主要任务\n正文。";
  g_autoptr(JjOutline) outline = detect (text);
  GListModel *tree = jj_outline_get_tree (outline);
  g_autoptr(JjOutlineEntry) first = NULL;
  JjOutlineEntry *e;
  g_autofree char *path = NULL;
  g_autofree char *top = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (tree), ==, 2);
  first = g_list_model_get_item (tree, 0);
  g_assert_cmpstr (jj_outline_entry_get_title (first), ==, "一、总体要求");
  g_assert_cmpuint (g_list_model_get_n_items (jj_outline_entry_get_children (first)), ==, 2);
  g_assert_cmpuint (jj_outline_entry_get_end (first), ==, 22);

  /* 明 of 明确分工 */
  e = jj_outline_lookup (outline, 17);
  g_assert_nonnull (e);
  g_assert_cmpstr (jj_outline_entry_get_title (e), ==, "二是明确分工");
  path = jj_outline_dup_section_path (outline, 17);
  g_assert_cmpstr (path, ==, "一、总体要求 › 二是明确分工");
  top = jj_outline_dup_section_path (outline, 25);
  g_assert_cmpstr (top, ==, "二、主要任务");
  g_assert_true (jj_outline_lookup (outline, 0) == first);
}

static void
test_hints (void)
{
  /* automatic numbering: the markers are not in the text */
  const char *text = "总体要求\n正文一。\n主要任务\n正文二。";
  JjParagraphHint hints[] = {
    { 0, 4, 0, JJ_PARAGRAPH_NUMBERED },
    { 5, 9, -1, 0 },
    { 10, 14, 0, JJ_PARAGRAPH_NUMBERED },
    { 15, 19, -1, 0 },
  };
  g_autoptr(JjOutline) outline = jj_outline_detect (text, -1, hints, G_N_ELEMENTS (hints));
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==, "1 heading 总体要求\n1 heading 主要任务\n");
}

static void
test_hints_styles (void)
{
  /* a title in a heading style, styled headings with and without markers,
   * and a bold heading that stands alone
   */
  const char *text = "会议讲话\n同志们：\n总体要求\n正文。\n（一）加强领导\n正文。\n主要任务\n正文。";
  JjParagraphHint hints[] = {
    { 0, 4, 0, JJ_PARAGRAPH_HEADING_STYLE | JJ_PARAGRAPH_CENTERED },
    { 5, 9, -1, 0 },
    { 10, 14, 0, JJ_PARAGRAPH_HEADING_STYLE },
    { 15, 18, -1, 0 },
    { 19, 26, -1, JJ_PARAGRAPH_BOLD },
    { 27, 30, -1, 0 },
    { 31, 35, 0, JJ_PARAGRAPH_HEADING_STYLE },
    { 36, 39, -1, 0 },
  };
  g_autoptr(JjOutline) outline = jj_outline_detect (text, -1, hints, G_N_ELEMENTS (hints));
  g_autofree char *got = dump (outline);

  g_assert_cmpstr (got, ==,
                   "1 title 会议讲话\n"
                   "1 salutation 同志们：\n"
                   "1 heading 总体要求\n"
                   "2 heading （一）加强领导\n"
                   "1 heading 主要任务\n");
}

static void
test_empty (void)
{
  g_autoptr(JjOutline) outline = jj_outline_detect ("", 0, NULL, 0);

  g_assert_cmpuint (jj_outline_get_n_entries (outline), ==, 0);
  g_assert_null (jj_outline_lookup (outline, 0));
  g_assert_null (jj_outline_dup_section_path (outline, 0));
}

/* Random texts of markers, punctuation and words: the outline stays well
 * formed whatever the input.
 */
static void
check_tree (GListModel *model,
            guint       level,
            guint       start,
            guint       end)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JjOutlineEntry) e = g_list_model_get_item (model, i);
      GListModel *children = jj_outline_entry_get_children (e);

      g_assert_cmpuint (jj_outline_entry_get_start (e), >=, start);
      g_assert_cmpuint (jj_outline_entry_get_end (e), <=, end);
      if (level > 0)
        g_assert_cmpuint (jj_outline_entry_get_level (e), ==, level);
      if (children != NULL)
        check_tree (children, jj_outline_entry_get_level (e) + 1,
                    jj_outline_entry_get_start (e), jj_outline_entry_get_end (e));
    }
}

static void
test_random (void)
{
  static const char *pieces[] = {
    "一、", "二、", "三、", "（一）", "（二）", "1.", "2、", "（1）", "①", "②",
    "一是", "二是", "一要", "二要", "第一，", "第二，", "首先，", "其次，", "最后，",
    "一方面，", "另一方面，", "其一，", "同志们：", "同志们，", "让我们", "今年",
    "加强领导", "工作", "建设", "。", "，", "；", "：", "\n", "\u3000", " ", "“", "”",
    "《", "》", "（", "）", "— 3 —", "第3页", "1.5亿", "统一、", "我们", "在", "中，",
    "我讲三点意见", "讲两个问题", "要", "新任务", "完善制度",
  };
  GRand *rand = g_rand_new_with_seed (20261128);

  for (guint round = 0; round < 500; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(JjOutline) outline = NULL;
      guint n = g_rand_int_range (rand, 0, 120);
      guint length;
      guint last_start = 0;

      for (guint k = 0; k < n; k++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      length = g_utf8_strlen (text->str, -1);

      outline = detect (text->str);
      for (guint i = 0; i < jj_outline_get_n_entries (outline); i++)
        {
          JjOutlineEntry *e = jj_outline_get_entry (outline, i);
          guint start = jj_outline_entry_get_start (e);

          g_assert_cmpuint (start, >=, last_start);
          g_assert_cmpuint (start, <=, jj_outline_entry_get_title_end (e));
          g_assert_cmpuint (jj_outline_entry_get_title_end (e), <=, jj_outline_entry_get_end (e));
          g_assert_cmpuint (jj_outline_entry_get_end (e), <=, length);
          g_assert_cmpuint (jj_outline_entry_get_level (e), >=, 1);
          g_assert_true (jj_outline_lookup (outline, start) != NULL);
          last_start = start;
        }
      check_tree (jj_outline_get_tree (outline), 0, 0, length);
    }

  g_rand_free (rand);
}

/* Lines that are no paragraphs (a page cut anywhere): dash members a few
 * sentences apart over several lines are a series; members that each open
 * a line of their own were judged as paragraphs, and are none
 */
static void
test_parallel_lines_cut (void)
{
  assert_parallel ("开场白。\n过去一年成绩显著。——经济实力明显增强。总量连年攀升。\n"
                   "结构持续优化。——改革开放纵深推进。重点领域取得突破。——人民生活持续改善。\n"
                   "收入稳步增长。正文到此。\n",
                   "1 ——|——经济实力明显增强。总量连年攀升。\n结构持续优化。"
                   "|——改革开放纵深推进。重点领域取得突破。|——人民生活持续改善。\n收入稳步增长。\n");
  assert_parallel ("开场白。\n——经济实力明显增强。\n总量连年攀升，结构持续优化。\n"
                   "——改革开放纵深推进。\n重点领域取得突破。\n——人民生活持续改善。\n收入稳步增长。\n",
                   "");
}

/* What a colon announces (but a dash) goes on its sentence: no member
 * beside it
 */
static void
test_parallel_lead_in (void)
{
  assert_parallel ("开场白。绿色发展理念深入人心，成效明显。绿色产业的作用主要体现在："
                   "绿色产品在市场上占优势；新能源对增长起带动作用。这是总体情况。\n",
                   "");
  /* a lead-in may still end a series */
  assert_parallel ("开场白。城市更新要守住底线，稳妥推进。城市更新要留住记忆，延续文脉。"
                   "城市更新要做到三点：规划先行，群众参与，分步实施。\n",
                   "1 城市更新要|城市更新要守住底线，稳妥推进。|城市更新要留住记忆，延续文脉。"
                   "|城市更新要做到三点：规划先行，群众参与，分步实施。\n");
}

/* The members of a series a few sentences apart may hold series of their
 * own, which end at the next member
 */
static void
test_parallel_nested (void)
{
  assert_parallel ("开场白。——创新是发展的第一动力。科技投入持续加大。——开放是繁荣的必由之路。"
                   "开放水平不断提高。开放平台加快建设。开放合作更加深入。"
                   "——共享是发展的根本目的。民生持续改善。",
                   "1 ——|——创新是发展的第一动力。科技投入持续加大。"
                   "|——开放是繁荣的必由之路。开放水平不断提高。开放平台加快建设。开放合作更加深入。"
                   "|——共享是发展的根本目的。民生持续改善。\n"
                   "1 开放|开放水平不断提高。|开放平台加快建设。|开放合作更加深入。\n");
  assert_parallel ("开场白。建设强国，必须坚持创新驱动。这是第一条。建设强国的根本在人才。"
                   "建设强国，必须坚持改革开放。建设强国的关键在实干。"
                   "建设强国，必须坚持人民至上。建设强国的希望在青年。",
                   "1 建设强国，必须坚持|建设强国，必须坚持创新驱动。这是第一条。建设强国的根本在人才。"
                   "|建设强国，必须坚持改革开放。建设强国的关键在实干。"
                   "|建设强国，必须坚持人民至上。建设强国的希望在青年。\n");
}

/* Sentences in a row that open alike are a series whatever their
 * lengths: a short one often states what the others unfold
 */
static void
test_parallel_lengths (void)
{
  assert_parallel ("开场白。他们是实干家。他们扎根基层二十年，走遍了全县每一个村庄，帮助群众解决了大量急难愁盼的实际困难，办成了许多多年想办而没有办成的大事，赢得了广泛赞誉。"
                   "他们带头攻坚克难，哪里任务最重就出现在哪里，哪里群众最需要就奔向哪里，用行动诠释了责任和担当。"
                   "正文。",
                   "1 他们|他们是实干家。"
                   "|他们扎根基层二十年，走遍了全县每一个村庄，帮助群众解决了大量急难愁盼的实际困难，办成了许多多年想办而没有办成的大事，赢得了广泛赞誉。"
                   "|他们带头攻坚克难，哪里任务最重就出现在哪里，哪里群众最需要就奔向哪里，用行动诠释了责任和担当。\n");
}

/* Sentences that open like the items of a list (第一是…) are no members,
 * found as headings or not; an ordinal further in opens members
 */
static void
test_parallel_items (void)
{
  assert_parallel ("开场白。第一是经济增长较快，效益提高。第二是结构不断优化，动力增强。"
                   "第三是民生持续改善，群众满意。",
                   "");
  assert_parallel ("开场白。第一次是在春天，大家都来了。第二次是在夏天，来的人更多。"
                   "第三次是在秋天，会开得很成功。",
                   "1 第一次是在|第一次是在春天，大家都来了。|第二次是在夏天，来的人更多。"
                   "|第三次是在秋天，会开得很成功。\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/outline/sample/utf8", "civilized-city-speech.txt", test_sample_document);
  g_test_add_data_func ("/outline/sample/gb18030", "civilized-city-speech.gb18030.txt", test_sample_document);
  g_test_add_data_func ("/outline/sample/utf16", "civilized-city-speech.utf16.txt", test_sample_document);
  g_test_add_data_func ("/outline/sample/webpage", "civilized-city-speech.webpage.txt", test_sample_document);
  g_test_add_data_func ("/outline/sample/docx", "civilized-city-speech.docx", test_sample_document);
  g_test_add_data_func ("/outline/sample/runon", GINT_TO_POINTER (RUNON_KEEP_INDENTS), test_sample_runon);
  g_test_add_data_func ("/outline/sample/runon-bare", GINT_TO_POINTER (RUNON_BARE), test_sample_runon);
  g_test_add_data_func ("/outline/sample/fused-heading", GINT_TO_POINTER (RUNON_FUSED_HEADING), test_sample_runon);
  g_test_add_func ("/outline/fused-heading", test_fused_heading);
  g_test_add_func ("/outline/four-levels", test_four_levels);
  g_test_add_func ("/outline/marker-variants", test_marker_variants);
  g_test_add_func ("/outline/false-positives", test_false_positives);
  g_test_add_func ("/outline/levels-by-nesting", test_levels_by_nesting);
  g_test_add_func ("/outline/levels-rank-inverted", test_levels_rank_inverted);
  g_test_add_func ("/outline/ordinal-sections", test_ordinal_sections);
  g_test_add_func ("/outline/bare-numerals", test_bare_numerals);
  g_test_add_func ("/outline/quoted-list", test_quoted_list);
  g_test_add_func ("/outline/sibling-series", test_sibling_series);
  g_test_add_func ("/outline/sibling-likeness", test_sibling_likeness);
  g_test_add_func ("/outline/enumerator-positions", test_enumerator_positions);
  g_test_add_func ("/outline/runon-first-section", test_runon_first_section);
  g_test_add_func ("/outline/fused-sentence-starts", test_fused_sentence_starts);
  g_test_add_func ("/outline/lost-sibling", test_lost_sibling);
  g_test_add_func ("/outline/fused-cuts", test_fused_cuts);
  g_test_add_func ("/outline/fused-cuts-subject", test_fused_cuts_subject);
  g_test_add_func ("/outline/mixed-sequence", test_mixed_sequence);
  g_test_add_func ("/outline/fused-time-phrase", test_fused_time_phrase);
  g_test_add_func ("/outline/enumerator-sections", test_enumerator_sections);
  g_test_add_func ("/outline/ordinal-inside-heading", test_ordinal_inside_heading);
  g_test_add_func ("/outline/shared-clause-headings", test_shared_clause_headings);
  g_test_add_func ("/outline/ordinal-shi", test_ordinal_shi);
  g_test_add_func ("/outline/inline-numbered-list", test_inline_numbered_list);
  g_test_add_func ("/outline/colon-list-over", test_colon_list_over);
  g_test_add_func ("/outline/pair-inside-point", test_pair_inside_point);
  g_test_add_func ("/outline/sentence-paragraph", test_sentence_paragraph);
  g_test_add_func ("/outline/first-item-after-comma", test_first_item_after_comma);
  g_test_add_func ("/outline/template-headings", test_template_headings);
  g_test_add_func ("/outline/fused-short-rest", test_fused_short_rest);
  g_test_add_func ("/outline/fused-subject-opener", test_fused_subject_opener);
  g_test_add_func ("/outline/bare-numeral-fused", test_bare_numeral_fused);
  g_test_add_func ("/outline/parallel/paragraphs", test_parallel_paragraphs);
  g_test_add_func ("/outline/parallel/sentences", test_parallel_sentences);
  g_test_add_func ("/outline/parallel/runon", test_parallel_runon);
  g_test_add_func ("/outline/parallel/false", test_parallel_false);
  g_test_add_func ("/outline/parallel/tree", test_parallel_tree);
  g_test_add_func ("/outline/parallel/linear", test_parallel_linear);
  g_test_add_func ("/outline/announced-count", test_announced_count);
  g_test_add_func ("/outline/sections", test_sections);
  g_test_add_func ("/outline/hints", test_hints);
  g_test_add_func ("/outline/hints-styles", test_hints_styles);
  g_test_add_func ("/outline/empty", test_empty);
  g_test_add_func ("/outline/random", test_random);
  g_test_add_func ("/outline/parallel/lines-cut", test_parallel_lines_cut);
  g_test_add_func ("/outline/parallel/lead-in", test_parallel_lead_in);
  g_test_add_func ("/outline/parallel/nested", test_parallel_nested);
  g_test_add_func ("/outline/parallel/lengths", test_parallel_lengths);
  g_test_add_func ("/outline/parallel/items", test_parallel_items);

  return g_test_run ();
}
