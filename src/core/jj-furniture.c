/* jj-furniture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jj-encoding.h"
#include "jj-furniture.h"
#include "jj-paragraphs.h"

/* Furniture is recognised by what it is, as jusText does for HTML: each
 * line gets features of its own (length, sentence punctuation, labels,
 * counts, dates, page numbers, file names, repeating another line or the
 * body), then its context decides: the body is the largest run of lines
 * between furniture, and the runs after or before it that only page
 * furniture separates from it.
 */

#define MAX_FEATURE_LINE  120   /* longer lines are text */
#define MAX_WEAK_LINE     40    /* vague evidence counts on short lines only */
#define MAX_TITLE_CHARS   60
#define MIN_JOINED_BLOCK  200
#define RUN_ON_PART       200   /* the mean part of a text without paragraphs */
#define MAX_CONTENTS_LINES 200  /* where a list of the text's contents may end */

/* What the name of a website ends with, or how it is set off. */
#define SITE_NAME "((网|库|站|平台|论坛|社区|吧|号|文档|资料|范文|频道)$|\\s[-—|｜]+\\s|——)"

typedef enum
{
  CLASS_BLANK,
  CLASS_GOOD,    /* sentences: body unless context says otherwise */
  CLASS_SHORT,   /* headings, titles, salutations, short furniture */
  CLASS_BAD,     /* furniture */
} Class;

typedef enum
{
  KIND_NONE = 0,
  KIND_PAGE = 1 << 0,  /* may stand between two parts of the body */
  KIND_META = 1 << 1,  /* about the document: fields, file name, summary */
  KIND_END  = 1 << 2,  /* the page after the text: notices, lists, comments */
} Kind;

typedef struct
{
  const char *start;    /* in the text */
  gsize       n_bytes;
  guint       offset;   /* in characters */
  guint       length;
  const char *sstart;   /* in the shadow */
  gsize       sn_bytes;
  char       *trimmed;  /* of the shadow; NULL for blank lines */
  guint       n_chars;
  guint       n_han;
  guint       n_punct;
  guint       n_term;   /* sentence ends anywhere in the line */
  gboolean    ends_term;
  gboolean    heading;
  Class       cls;
  Kind        kind;
  gboolean    strong;
  gboolean    keep;
  gboolean    title;    /* the speech's title, over furniture */
  gboolean    repeated; /* elsewhere on the page too */
  gboolean    rule;     /* a line drawn across: sets parts of a page apart */
  gboolean    at_width; /* as long as the lines of a text cut at a width */
  guint       wide;     /* characters that take room, in text cut at a width */
  gboolean    wrapped;  /* at the width, or the rest of a sentence cut there */
  gboolean    goes_on;  /* after page furniture only, a sentence left unfinished */
} Line;

typedef struct
{
  guint first;   /* first and last non-blank lines */
  guint last;
  guint weight;  /* characters */
  Kind  before;  /* kinds of furniture between it and the previous block */
  gboolean body;
} Block;

static GRegex *
regex_once (GRegex    **slot,
            const char *pattern)
{
  if (g_once_init_enter (slot))
    {
      GRegex *re = g_regex_new (pattern, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);

      g_assert (re != NULL);
      g_once_init_leave (slot, re);
    }

  return *slot;
}

#define LABELS \
  "id|编号|文档编号|索引号|文号|大小|文件大小|文档大小|页数|文档页数|总页数|字数|时间|日期|" \
  "上传时间|发布时间|发布日期|更新时间|发表时间|成文日期|上传者|上传人|上传用户|贡献者|作者|" \
  "编辑|责任编辑|编审|审核|校对|来源|信息来源|文章来源|出处|格式|文件格式|文档格式|分类|" \
  "主题分类|文档分类|所属分类|栏目|浏览|浏览量|浏览次数|阅读|阅读量|阅读数|阅读次数|下载|" \
  "下载次数|下载量|下载积分|所需积分|积分|价格|售价|评分|收藏|所属|标签|文档标签|关键词|" \
  "关键字|热度|文档热度|查看|回复|点击|点击量|访问量|主办|主办单位|承办|承办单位|协办|" \
  "网站标识码|标题|文档标题|来自|类型|文档类型|语言|版本|用户|发布者|发布人|楼主|资料|" \
  "主题|发件人|收件人|抄送|发送时间"

static const char *const genre_words[] = {
  "讲话", "发言", "致辞", "讲稿", "报告", "演讲", "党课", "提纲", "主持词", "贺词", "讲义",
  "总结", "汇报", "述职", "动员", "座谈", "会议上", "大会上", "仪式上", "论坛上", "开幕词",
  "闭幕词", "答谢词", "欢迎词", "辅导",
};

/* Called on every character of the text: the common blocks first. */
static gboolean
is_han (gunichar ch)
{
  if (ch >= 0x4E00 && ch <= 0x9FFF)
    return TRUE;
  if (ch < 0x2E80 || (ch >= 0x3000 && ch <= 0x303F) || (ch >= 0xFF00 && ch <= 0xFFEF))
    return FALSE;

  return g_unichar_get_script (ch) == G_UNICODE_SCRIPT_HAN;
}

static gboolean
is_space_char (gunichar ch)
{
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == 0x3000 || ch == 0x00A0;
}

static gboolean
is_sentence_punct (gunichar ch)
{
  return ch == 0x3002 || ch == 0xFF0C || ch == 0xFF1B || ch == 0xFF1A || ch == 0xFF01 ||
         ch == 0xFF1F || ch == 0x3001 || ch == ',' || ch == ';' || ch == ':' || ch == '!' ||
         ch == '?';
}

static gboolean
is_terminal (gunichar ch)
{
  return ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == '!' || ch == '?' ||
         ch == 0x2026;
}

static gboolean
is_closing_quote (gunichar ch)
{
  return ch == 0x201D || ch == 0x2019 || ch == 0x300D || ch == 0x300F || ch == 0xFF09 ||
         ch == ')' || ch == 0x300B;
}

static char *
trimmed_copy (const char *s,
              gsize       n_bytes)
{
  const char *e = s + n_bytes;

  while (s < e && is_space_char (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  while (e > s && is_space_char (g_utf8_get_char (g_utf8_prev_char (e))))
    e = g_utf8_prev_char (e);

  /* as g_strndup(), a NUL ending the string, without its padding */
  {
    char *t = g_malloc (e - s + 1);

    memcpy (t, s, e - s);
    t[e - s] = '\0';

    return t;
  }
}

static gboolean
has_genre_word (const char *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (genre_words); i++)
    if (strstr (s, genre_words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static GRegex *
heading_regex (void)
{
  static GRegex *re;

  return regex_once (&re,
                     "^(第[一二三四五六七八九十百]+[、，,章节部分条是]|"
                     "[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十\\d]+[)）]|"
                     "\\d+[、.．](?!\\d)|[①-⑳]|首先|其次|再次|最后)");
}

static gboolean
is_heading_like (const char *s)
{
  return g_regex_match (heading_regex (), s, 0, NULL);
}

/* The kind of number a heading starts with: "第#，", "#是", "（#）" */
static char *
heading_key (const char *s)
{
  g_autoptr(GMatchInfo) m = NULL;
  g_autoptr(GString) key = NULL;
  g_autofree char *marker = NULL;

  if (!g_regex_match (heading_regex (), s, 0, &m))
    return NULL;
  marker = g_match_info_fetch (m, 0);
  key = g_string_new (NULL);
  for (const char *p = marker; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isdigit (ch) || g_utf8_strchr ("一二三四五六七八九十百", -1, ch) != NULL ||
          (ch >= 0x2460 && ch <= 0x2473))
        {
          if (key->len == 0 || key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
        }
      else
        g_string_append_unichar (key, ch);
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* "书山有路2020  采纳率49%  擅长：写作": pieces set apart by spaces, two
 * or more of them with digits.
 */
static gboolean
is_row_of_counts (const char *t)
{
  static GRegex *spaces;
  static GRegex *han_date;
  g_auto(GStrv) pieces = NULL;
  guint n = 0;

  /* a date written out is a line of the text: "（2020年03月07日 02 版）" */
  if (g_regex_match (regex_once (&han_date, "\\d{2,4}\\s*年\\s*\\d{1,2}\\s*月"), t, 0, NULL))
    return FALSE;

  pieces = g_regex_split (regex_once (&spaces, "[\\s\\x{3000}]+"), t, 0);
  for (guint i = 0; pieces[i] != NULL; i++)
    if (strpbrk (pieces[i], "0123456789") != NULL)
      n++;

  return n >= 2;
}

/* "，农村…", "%，货运量…": text going on from the line before, cut
 * before a mark or a unit no line starts with
 */
static gboolean
starts_mid_sentence (const char *t)
{
  gunichar ch = g_utf8_get_char (t);

  return ch == 0xFF0C || ch == 0x3001 || ch == 0xFF1B || ch == 0x3002 || ch == ',' ||
         ch == ';' || ch == '%' || ch == 0xFF05 || ch == 0x201D || ch == 0x2019;
}

/* "…达到11.6万亿元，": a clause the next line goes on from */
static gboolean
ends_mid_sentence (const char *t)
{
  gsize len = strlen (t);
  gunichar ch;

  if (len == 0)
    return FALSE;
  ch = g_utf8_get_char (g_utf8_prev_char (t + len));

  return ch == 0xFF0C || ch == 0x3001 || ch == 0xFF1B;
}

/* Lines whose shape alone says what they are. */
static void
classify_features (Line *line)
{
  static GRegex *page_marker, *file_page, *nav_page, *caption, *url;
  static GRegex *file_name, *field, *fields, *counter, *size, *stamp, *posted, *label_only;
  static GRegex *place, *offer, *end_strong, *end_weak, *upload, *n_pages, *user_id;
  static GRegex *rule, *tags, *mention, *link_row, *medium, *address, *page_count;
  static GRegex *clauses, *quoted;
  const char *t = line->trimmed;
  guint n_fields = 0;

  regex_once (&page_marker,
              "^[\\s\\-—–_·•|\\[\\]【】（）()<>〈〉〔〕［］「」=~*]*(第\\s*\\d+\\s*页|\\d+|page\\s*\\d+)"
              "(\\s*(/|／|of|,|，)?\\s*(共\\s*)?\\d+\\s*页?)?[\\s\\-—–_·•|\\[\\]【】（）()<>〈〉〔〕［］「」=~*]*$");
  regex_once (&file_page, "\\.(docx?|pdf|txt|pptx?|wps|xlsx?|rtf|caj)_?第\\s*\\d+\\s*页$");
  regex_once (&nav_page, "^((上一页|下一页|上一篇|下一篇|首页|尾页|返回顶部|返回列表|返回|展开|收起)[\\s|｜/·]*)+$");
  regex_once (&caption,
              "^(\\[图片\\]|【图片】|图片|图\\s*\\d+|[▲△▼▽↓↑].{0,30}|图为.{0,30}|"
              "[（(]?(图片|图|视频)(来[源自]|由|：|:).{0,24}|.{0,12}[（(](图片|图|摄影|摄).{0,20}[)）]|"
              "(点击|长按|扫描)(图片|二维码).{0,20}|配图.{0,20}|视频|点击播放.{0,20}|"
              "[（(【\\[]?(广告|推广|赞助)[)）】\\]]?)$");
  regex_once (&url, "(https?://|www\\.)[a-z0-9./_%?=&-]+");
  regex_once (&file_name, "^.{1,120}\\.(docx?|pdf|txt|pptx?|wps|xlsx?|rtf|caj)$");
  regex_once (&field, "^[【\\[（(]?\\s*(" LABELS ")\\s*([:：|｜]|\\s\\S)");
  regex_once (&fields, "(" LABELS ")\\s*[:：]");
  regex_once (&counter,
              "(阅读|浏览|下载|点赞|收藏|评论|转发|分享|在看|回复|查看|献花|转藏|人气|热度|访问|点击|赞|"
              "喜欢|关注|粉丝)\\s*[:：]?\\s*[(（]?\\d+(\\.\\d+)?\\s*[万wk千]?\\+?[)）]?\\s*(次|人|条|个)?");
  /* a user's name or a mail address: letters with digits or "_", "@" */
  regex_once (&user_id,
              "(^|[^a-z0-9_])([a-z]+[_-]?\\d+[a-z0-9_]*|[a-z0-9]*_[a-z0-9_]+|[a-z]-\\d{3,}|"
              "[a-z0-9._-]+@[a-z0-9.-]+)([^a-z0-9_]|$)");
  regex_once (&n_pages, "共\\s*\\d+\\s*[页张]");
  /* sizes and shares; people or things counted ("5664 人赞同"); a time to read */
  regex_once (&size, "\\d+(\\.\\d+)?\\s*(kb|mb|gb|字节)|\\d+(\\.\\d+)?\\s*[%％]|"
                     "\\d[\\d,]*\\s*(人|个|条)|^约?\\s*\\d+\\s*分钟$");
  /* a date, a time, or how long ago ("3小时前") */
  regex_once (&stamp, "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}:\\d{2}|\\d+\\s*(秒|分钟|小时|天|周)前");
  regex_once (&posted, "(发表于|发布于|收藏于|更新于|上传于|编辑于|写于|posted|^原创(\\s|$))");
  regex_once (&label_only,
              "^[【\\[]?(资源描述|文档描述|文档介绍|文章介绍|内容简介|文档简介|简介|内容摘要|内容提要|提要|"
              "摘要|导读|正文|描述|介绍|文档预览|预览)[】\\]]?\\s*[:：]?$");
  regex_once (&upload,
              "(\\.(docx?|pdf|txt|pptx?|wps|xlsx?|rtf|caj)[》」”]|上传分享|由[^，。,]{0,8}上传|"
              "免费在线阅读|在线阅读|更多相关内容)");
  regex_once (&place, "^(当前位置|您的位置|您所在的位置|所在位置|位置|导航)\\s*[:：]");
  regex_once (&offer,
              "(vip|会员|积分|[￥¥]\\s*\\d|免费下载|立即下载|点击下载|下载文档|下载本文|下载到电脑|付费|购买|"
              "充值|开通|登录|注册)");
  regex_once (&end_strong,
              "(icp备|icp证|公网安备|copyright|©|版权所有|all rights reserved|网站标识码|^-*\\s*end\\s*-*$|"
              "最多预览|预览[一二三四五六七八九十\\d]+页|(查看|阅读|展开|显示)全文|全文阅读|继续阅读|剩余.{1,8}未读|"
              "还[剩有].{1,8}[页字]|温馨提示|免责声明|版权声明|阅读原文|写留言|发表评论|网友评论|"
              "相关文档|相关推荐|相关阅读|相关新闻|相关资料|相关搜索|相关文章|猜你喜欢|大家都在看|"
              "往期推荐|往期回顾|推荐阅读|延伸阅读|精彩推荐|热门文档|热门推荐|热门下载|同类推荐|"
              "类似文章|更多精彩|扫一扫|二维码|打印本页|关闭窗口|关于我们|联系我们|联系客服|帮助中心|"
              "用户协议|隐私政策|网站地图|如[有涉].{0,4}侵权|侵权.{0,8}(删除|告知|联系)|侵删)");
  regex_once (&end_weak,
              "(下载|上传|分享|收藏|举报|投诉|侵权|侵删|转载|评论|留言|点赞|在看|关注|订阅|打印|关闭|"
              "纠错|更多|热门|往期|推荐|相关|同类|最近更新|近期|版权|来源|作者|编辑|仅供|学习交流|"
              "参考|免费|在线阅读|浏览|字体|本站|本文档|本网|网友|楼|回复|知道了|取消|扫码|公众号)");

  regex_once (&rule, "^[\\s\\-—–_=＝＿~～*＊·•━─═]{3,}$");
  regex_once (&page_count, "\\d+\\s*[/／]\\s*\\d+\\s*页|\\d+\\s*[%％]$");
  /* "> …": a mail's quote of the mail it answers; "--": its signature;
   * "[2] …": a note under the text
   */
  regex_once (&quoted, "^(>|＞)|^--$|^\\[\\d{1,2}\\]\\s*\\S");
  regex_once (&tags, "^(#[^#\\s]{1,24}#[\\s\\x{3000}]*){2,}$");
  /* "//@name:" quoting who passed a post on, "@name:" */
  regex_once (&mention, "(//@|^@|\\s@)[^\\s:：@]{1,24}[:：]");
  /* "【关闭】 【打印】": links, each a word in brackets */
  regex_once (&link_row, "^([\\s\\x{3000}]*[【\\[][^】\\]]{1,6}[】\\]]){2,}[\\s\\x{3000}]*$");
  /* a sentence about the page, the mail or the file rather than the text */
  regex_once (&medium, "(邮件|网页|页面|快照|预览|下载|订阅|退订|附件|浏览器|客户端|本站|本网|原网页|转载|平台)");
  regex_once (&address, "(本|此|该|这封|您|你|请|仅)");
  regex_once (&clauses, "\\p{Han}{3}[，,；;、]\\s*\\p{Han}{3}");

  /* a heading of the text is furniture only as a numbered file name */
  if (line->heading)
    {
      /* a file's name has a dot before its extension */
      if (strchr (t, '.') != NULL && g_regex_match (file_name, t, 0, NULL))
        {
          line->kind = KIND_META;
          line->strong = TRUE;
        }
      return;
    }

  /* "■ ■", "' ’ ,": signs set apart, no word, no number, no piece of a
   * sentence cut off ("”。"): a scan's specks
   */
  if (line->n_han <= 2 && line->n_chars <= 12 && strpbrk (t, " ") != NULL)
    {
      gboolean word = FALSE;

      for (const char *p = t; *p && !word; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          /* strokes read off a speck ("丨", "丶", "丿") are no word */
          if (ch == 0x4E28 || ch == 0x4E36 || ch == 0x4E3F)
            continue;
          word = g_unichar_isalnum (ch) || (ch >= 0x3000 && ch <= 0x303F) ||
                 (ch >= 0xFF01 && ch <= 0xFF1F);
        }
      if (!word)
        {
          line->kind = KIND_PAGE;
          line->strong = TRUE;
          return;
        }
    }

  if (line->n_chars >= 3 && g_regex_match (rule, t, 0, NULL))
    {
      line->kind = KIND_META;
      line->strong = TRUE;
      line->rule = TRUE;
      return;
    }

  if (g_regex_match (page_marker, t, 0, NULL) || g_regex_match (file_page, t, 0, NULL) ||
      g_regex_match (nav_page, t, 0, NULL) || g_regex_match (caption, t, 0, NULL) ||
      (line->n_chars <= MAX_FEATURE_LINE && g_regex_match (url, t, 0, NULL)))
    {
      line->kind = KIND_PAGE;
      line->strong = TRUE;
      return;
    }

  /* "已加载 3/9 页", "展开剩余62%": a few words around a page count or the
   * share of the text still folded
   */
  if (line->n_chars <= 16 && line->n_punct == 0 && g_regex_match (page_count, t, 0, NULL))
    {
      line->kind = KIND_PAGE;
      line->strong = TRUE;
      return;
    }

  if (g_regex_match (quoted, t, 0, NULL))
    {
      line->kind = KIND_END;
      line->strong = TRUE;
      return;
    }

  if (g_regex_match (tags, t, 0, NULL) || g_regex_match (mention, t, 0, NULL) ||
      g_regex_match (link_row, t, 0, NULL))
    {
      line->kind = KIND_META;
      line->strong = TRUE;
      return;
    }

  if (g_regex_match (end_strong, t, 0, NULL) && !line->heading &&
      (line->n_chars <= MAX_WEAK_LINE || line->n_punct <= 2))
    {
      line->kind = KIND_END;
      line->strong = TRUE;
      return;
    }

  if (g_regex_match (file_name, t, 0, NULL) || g_regex_match (label_only, t, 0, NULL) ||
      g_regex_match (place, t, 0, NULL) || g_regex_match (upload, t, 0, NULL))
    {
      line->kind = KIND_META;
      line->strong = TRUE;
      return;
    }

  /* a piece of a sentence cut at the page's width, or one that goes on
   * after a comma, says nothing by its counts or words
   */
  if (line->wrapped || line->goes_on || starts_mid_sentence (t) || ends_mid_sentence (t))
    return;

  /* fields and counts, never on a line of sentences */
  if (!line->ends_term || line->n_chars <= MAX_WEAK_LINE)
    {
      g_autoptr(GMatchInfo) m = NULL;
      /* counts, dates, names: on a short line that holds no sentence,
       * nor clauses of words ("…万亿元，比上年增长…")
       */
      gboolean terse = line->n_term == 0 && line->n_punct <= 2 && line->n_chars <= 60 &&
                       !(line->n_punct > 0 && g_regex_match (clauses, t, 0, NULL));

      if (g_regex_match (fields, t, 0, &m))
        do
          n_fields++;
        while (g_match_info_next (m, NULL));

      if ((n_fields >= 2 || g_regex_match (field, t, 0, NULL) ||
           (terse &&
            (is_row_of_counts (t) ||
             (line->n_chars <= MAX_WEAK_LINE && g_regex_match (user_id, t, 0, NULL)) ||
             g_regex_match (counter, t, 0, NULL) || g_regex_match (size, t, 0, NULL) ||
             g_regex_match (n_pages, t, 0, NULL) ||
             g_regex_match (stamp, t, 0, NULL) || g_regex_match (posted, t, 0, NULL)))) &&
          !line->heading)
        {
          line->kind = KIND_META;
          line->strong = TRUE;
          return;
        }
    }

  if (line->n_chars <= MAX_WEAK_LINE && !line->heading)
    {
      guint n_sep = 0;

      /* a breadcrumb or a row of links: short pieces between separators */
      for (const char *p = t; *p; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (ch == '>' || ch == 0xBB || ch == 0x203A || ch == '|' || ch == 0xFF5C ||
              ch == '/' || ch == 0xFF0F)
            n_sep++;
        }
      if (n_sep >= 2 && line->n_punct == 0)
        {
          line->kind = KIND_META;
          line->strong = TRUE;
          return;
        }

      /* vague words, on a line that is not a sentence */
      if (line->n_punct <= 1 && g_regex_match (offer, t, 0, NULL))
        line->kind = KIND_META;
      else if (line->n_punct <= 1 && !line->ends_term && g_regex_match (end_weak, t, 0, NULL))
        line->kind = KIND_END;
    }

  /* a short notice in sentences, addressed to the reader of the page or
   * the mail: only where no text stands on both sides of it
   */
  if (line->kind == KIND_NONE && line->ends_term && line->n_chars <= 80 &&
      g_regex_match (medium, t, 0, NULL) && g_regex_match (address, t, 0, NULL))
    line->kind = KIND_END;
}

static void
measure (Line *line)
{
  const char *t = line->trimmed;
  gunichar last = 0;
  gunichar before_last = 0;

  /* a paragraph of text: only its length and its end matter */
  if (line->length > MAX_FEATURE_LINE)
    {
      const char *e = t + strlen (t);

      line->n_chars = line->length;
      line->n_han = line->length;
      if (e > t)
        {
          e = g_utf8_prev_char (e);
          last = g_utf8_get_char (e);
          if (e > t)
            before_last = g_utf8_get_char (g_utf8_prev_char (e));
        }
      line->ends_term = is_terminal (last) || (is_closing_quote (last) && is_terminal (before_last));
      line->n_punct = 2;
      line->n_term = 1;
      return;
    }

  for (const char *p = t; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      line->n_chars++;
      if (is_sentence_punct (ch))
        line->n_punct++;
      if (is_terminal (ch))
        line->n_term++;
      else if (is_han (ch))
        line->n_han++;
      before_last = last;
      last = ch;
    }

  line->ends_term = is_terminal (last) || (is_closing_quote (last) && is_terminal (before_last));
  line->heading = is_heading_like (t);
}

static guint
count_chars (const char *s,
             gsize       n_bytes)
{
  return jj_encoding_count_starts (s, n_bytes);
}

static GArray *
split_lines (const char *text,
             gsize       n_bytes,
             const char *shadow)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const char *p = text;
  const char *sp = shadow ? shadow : text;
  const char *end = text + n_bytes;
  const char *send = shadow ? shadow + strlen (shadow) : end;
  guint offset = 0;

  while (p <= end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      const char *snl = sp < send ? memchr (sp, '\n', send - sp) : NULL;
      const char *sline_end = snl ? snl : send;
      Line line = { 0, };

      line.start = p;
      line.n_bytes = line_end - p;
      line.offset = offset;
      line.length = count_chars (p, line.n_bytes);
      line.sstart = sp;
      line.sn_bytes = sline_end - sp;
      g_array_append_val (lines, line);

      offset += line.length + 1;
      if (nl == NULL)
        break;
      p = nl + 1;
      sp = snl ? snl + 1 : send;
    }

  return lines;
}

static void
clear_line (gpointer data)
{
  Line *line = data;

  g_free (line->trimmed);
}

/* A line that is the page's beyond doubt, of @kind. */
static void
mark_surely (Line     *line,
             Kind      kind)
{
  line->cls = CLASS_BAD;
  line->kind = kind;
  line->strong = TRUE;
}

static gboolean
is_blank (const Line *line)
{
  for (const char *p = line->start; p < line->start + line->n_bytes; p = g_utf8_next_char (p))
    if (!is_space_char (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* @n characters on from @p, or NULL when @end comes first */
static const char *
advance (const char *p,
         const char *end,
         guint       n)
{
  for (; n > 0; n--)
    {
      if (p >= end)
        return NULL;
      p = g_utf8_next_char (p);
    }

  return p <= end ? p : NULL;
}

/* The bytes of a white-space character at @p (as PCRE's \s takes them,
 * Unicode ones too), or 0.
 */
static guint
space_bytes (const guchar *p)
{
  if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
    return 1;
  if (p[0] == 0xC2 && (p[1] == 0x85 || p[1] == 0xA0))
    return 2;
  if ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
      (p[0] == 0xE1 && p[1] == 0x9A && p[2] == 0x80) ||
      (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 ||
                                        p[2] == 0xA9 || p[2] == 0xAF)) ||
      (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F))
    return 3;

  return 0;
}

/* ':' or "：" after at most @n bytes other than blanks: where a label of
 * a few characters, in brackets or not, ends
 */
static gboolean
colon_near_start (const char *s,
                  guint       n)
{
  const guchar *p = (const guchar *)s;

  while (*p)
    {
      guint k;

      if (*p == ':' || (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x9A))
        return TRUE;
      if ((k = space_bytes (p)) > 0)
        p += k;
      else if (n-- == 0)
        break;
      else
        p++;
    }

  return FALSE;
}

static gboolean
ends_with (const char *s,
           gsize       len,
           const char *suffix)
{
  gsize n = strlen (suffix);

  return len >= n && memcmp (s + len - n, suffix, n) == 0;
}

/* A short line that says again what a longer text says: a summary. */
static gboolean
repeats_text (const Line *line,
              const Line *prev,
              const char *shadow_end)
{
  static GRegex *lead;
  g_autoptr(GMatchInfo) m = NULL;
  const char *core = line->trimmed;
  gboolean marked = FALSE;
  gint core_start = 0;
  g_autofree char *needle = NULL;
  const char *best = NULL;
  const char *e;

  regex_once (&lead, "^[【\\[]?(摘要|内容摘要|内容提要|提要|简介|内容简介|文档简介|导读|描述|"
                     "资源描述|文档介绍|介绍|文章介绍)[】\\]]?\\s*[:：]\\s*");

  if (line->n_punct == 0)
    return FALSE;

  /* the label ends with a colon: most lines have none, and need no regex */
  /* a bracket, a label of four characters at most, a bracket: 18 bytes */
  if (colon_near_start (core, 18) && g_regex_match (lead, core, 0, &m))
    {
      g_match_info_fetch_pos (m, 0, NULL, &core_start);
      marked = TRUE;
    }
  {
    gsize len = strlen (core);

    if (ends_with (core, len, "…") || ends_with (core, len, "...") || ends_with (core, len, "⋯"))
      marked = TRUE;
  }
  /* under a label of its own: "简介：" */
  if (prev != NULL && prev->kind == KIND_META && prev->n_chars <= 8 &&
      (g_str_has_suffix (prev->trimmed, "：") || g_str_has_suffix (prev->trimmed, ":")))
    marked = TRUE;
  if (!marked || line->n_punct == 0)
    return FALSE;

  core += core_start;
  best = core;

  /* the longest stretch without spaces in its first 60 characters: the
   * text it repeats may break lines where the summary has spaces
   */
  {
    const char *run = core;
    guint n = 0;
    guint best_n = 0;
    guint k = 0;

    for (const char *p = core; *p && k < 60; p = g_utf8_next_char (p), k++)
      {
        if (is_space_char (g_utf8_get_char (p)))
          {
            run = g_utf8_next_char (p);
            n = 0;
            continue;
          }
        if (++n > best_n)
          {
            best = run;
            best_n = n;
          }
      }
    if (best_n < 10)
      return FALSE;
    e = g_utf8_offset_to_pointer (best, best_n);
  }

  /* pieces of it, as the text may break lines where the summary does not */
  {
    const char *after = line->sstart + line->sn_bytes;
    guint n_pieces = 0;
    guint n_found = 0;

    /* pieces of 8 characters, 4 apart, within the run */
    for (const char *p = best; n_pieces < 4; n_pieces++)
      {
        const char *q = advance (p, e, 8);

        if (q == NULL)
          break;
        needle = g_strndup (p, q - p);
        if (after < shadow_end && g_strstr_len (after, shadow_end - after, needle) != NULL)
          n_found++;
        g_clear_pointer (&needle, g_free);
        p = advance (q, e, 4);
        if (p == NULL)
          {
            n_pieces++;
            break;
          }
      }

    return n_found >= 2 || (n_found == 1 && n_pieces == 1);
  }
}

static void
normalise_digits (GString *key)
{
  for (gsize i = 0; i < key->len; i++)
    if (g_ascii_isdigit (key->str[i]))
      key->str[i] = '#';
}

/* A running header put together from lines of the page's head:
 * "XX公报  2023年第13期" under "XX公报" and "2023年第13期".
 */
static gboolean
is_made_of_lines (const char *key,
                  GHashTable *seen,
                  GHashTable *pieces_seen)
{
  static GRegex *spaces;
  g_auto(GStrv) pieces = g_regex_split (regex_once (&spaces, "[\\s\\x{3000}]{2,}"), key, 0);

  if (g_strv_length (pieces) < 2)
    return FALSE;
  for (guint i = 0; pieces[i] != NULL; i++)
    if (!g_hash_table_contains (seen, pieces[i]))
      return FALSE;

  /* the lines it is made of are the running header too */
  for (guint i = 0; pieces[i] != NULL; i++)
    g_hash_table_add (pieces_seen, g_strdup (pieces[i]));

  return TRUE;
}

/* Han character pairs of @t, each once, into @pairs (pair → lines). */
static void
count_pairs (GHashTable *pairs,
             const char *t,
             GHashTable *seen_here)
{
  gunichar prev = 0;

  g_hash_table_remove_all (seen_here);
  for (const char *p = t; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_han (ch) && prev != 0)
        {
          gpointer key = GUINT_TO_POINTER (((prev & 0xFFFF) << 16) | (ch & 0xFFFF) | 1);

          if (!g_hash_table_contains (seen_here, key))
            {
              g_hash_table_add (seen_here, key);
              g_hash_table_insert (pairs, key,
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (pairs, key)) + 1));
            }
        }
      prev = is_han (ch) ? ch : 0;
    }
}

/* The share of @line's character pairs that other lines of the page use:
 * the text's own vocabulary.  @copies: lines identical to it.
 */
static double
shared_vocabulary (GHashTable *pairs,
                   const Line *line,
                   guint       copies)
{
  guint n = 0;
  guint shared = 0;
  gunichar prev = 0;
  g_autoptr(GHashTable) here = g_hash_table_new (NULL, NULL);

  for (const char *p = line->trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_han (ch) && prev != 0)
        {
          gpointer key = GUINT_TO_POINTER (((prev & 0xFFFF) << 16) | (ch & 0xFFFF) | 1);

          if (!g_hash_table_contains (here, key))
            {
              g_hash_table_add (here, key);
              n++;
              if (GPOINTER_TO_UINT (g_hash_table_lookup (pairs, key)) > copies)
                shared++;
            }
        }
      prev = is_han (ch) ? ch : 0;
    }

  return n >= 6 ? (double) shared / n : 1.0;
}

/* Whether a short sentence uses the words of the text from @from to
 * @to: a note about the text ("…仅供参考") rarely does.
 */
static gboolean
uses_text_words (GArray     *lines,
                 const Line *line,
                 guint       from,
                 guint       to)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) here = g_hash_table_new (NULL, NULL);

  for (guint k = from; k < to && k < lines->len; k++)
    {
      const Line *l = &g_array_index (lines, Line, k);

      if (l->keep && l->trimmed != NULL && l != line)
        count_pairs (pairs, l->trimmed, here);
    }

  return shared_vocabulary (pairs, line, 0) > 0.34;
}

static Line *
next_non_blank (GArray *lines,
                guint   i,
                int     step)
{
  for (int k = (int) i + step; k >= 0 && k < (int) lines->len; k += step)
    if (g_array_index (lines, Line, k).cls != CLASS_BLANK)
      return &g_array_index (lines, Line, k);

  return NULL;
}

/* Page furniture in words ("广告", a caption): no page's number or time */
static gboolean
is_notice_mark (const Line *line)
{
  return line != NULL && line->cls == CLASS_BAD && line->strong && line->kind == KIND_PAGE &&
         !line->rule && strpbrk (line->trimmed, "0123456789") == NULL;
}

/* A few words, on their own or on every advert: not the caption @mark is
 * (a sentence between "图片" and "图片" is the text's)
 */
static gboolean
is_button (const Line *line,
           const Line *mark)
{
  return line != NULL && line->n_punct == 0 && line->n_chars <= 6 && !line->heading &&
         (line->cls == CLASS_SHORT || (line->cls == CLASS_BAD && line->repeated)) &&
         !is_space_char (g_utf8_get_char (line->start)) && strcmp (line->trimmed, mark->trimmed) != 0;
}

/* A short sentence set between the text's sentences, page furniture
 * on one side of it ("广告") and a button on the other, that uses none
 * of the text's words: an advert.  Its button goes with it.
 */
static void
find_adverts (GArray *lines)
{
  g_autoptr(GHashTable) pairs = NULL;
  g_autoptr(GHashTable) copies = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      Line *p, *n, *other;

      if (line->cls != CLASS_GOOD || line->n_chars > MAX_WEAK_LINE || !line->ends_term ||
          line->heading || line->wrapped || is_space_char (g_utf8_get_char (line->start)))
        continue;
      p = next_non_blank (lines, i, -1);
      n = next_non_blank (lines, i, 1);
      if (is_notice_mark (p) && is_button (n, p))
        other = n;
      else if (is_notice_mark (n) && is_button (p, n))
        other = p;
      else
        continue;

      if (pairs == NULL)
        {
          g_autoptr(GHashTable) here = g_hash_table_new (NULL, NULL);

          pairs = g_hash_table_new (NULL, NULL);
          copies = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint k = 0; k < lines->len; k++)
            {
              const Line *l = &g_array_index (lines, Line, k);

              if (l->trimmed == NULL)
                continue;
              count_pairs (pairs, l->trimmed, here);
              g_hash_table_insert (copies, l->trimmed,
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (copies, l->trimmed)) + 1));
            }
        }
      if (shared_vocabulary (pairs, line,
                             GPOINTER_TO_UINT (g_hash_table_lookup (copies, line->trimmed))) > 0.34)
        continue;

      mark_surely (line, KIND_PAGE);
      mark_surely (other, KIND_PAGE);
    }
}

/* Whether the lines on both sides of line @i hold Han characters */
static gboolean
between_han (GArray *lines,
             guint   i)
{
  const Line *p = next_non_blank (lines, i, -1);
  const Line *n = next_non_blank (lines, i, 1);

  return p != NULL && n != NULL && p->n_han > 0 && n->n_han > 0;
}

/* A sentence in another script, in a text in Han characters: a
 * translation set between its sentences, or the page's words.  Only
 * where the Han lines are several times more.
 */
static void
find_translations (GArray *lines)
{
  guint n_han_lines = 0;
  guint n_latin_lines = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < lines->len; i++)
      {
        Line *line = &g_array_index (lines, Line, i);
        guint n_latin = 0;

        if (line->trimmed == NULL)
          continue;
        if (line->n_han > 0)
          {
            n_han_lines += pass == 0 && line->n_han >= 8;
            continue;
          }
        for (const char *p = line->trimmed; *p; p++)
          n_latin += g_ascii_isalpha (*p);
        /* sentences, not a row of names */
        if (n_latin < 12 || n_latin * 2 < line->n_chars ||
            strchr (".!?", line->trimmed[strlen (line->trimmed) - 1]) == NULL)
          continue;
        if (pass == 0)
          n_latin_lines++;
        else if (n_han_lines >= 3 * n_latin_lines && between_han (lines, i))
          {
            mark_surely (line, KIND_PAGE);
          }
      }
}

/* A block of short lines before the text, each of which comes again
 * later as a line of the text (or the start of one), is a list of the
 * text's contents, not its start; a bracketed word at its edge folds it.
 */
static gboolean
recurs_after (GArray     *lines,
              guint       from,
              const Line *line)
{
  const char *entry = line->trimmed;
  const char *p = entry;

  /* the list's own number before the heading */
  while (g_ascii_isdigit (*p))
    p++;
  if (p > entry && p - entry <= 3 && (*p == '.' || g_str_has_prefix (p, "．")))
    {
      p += *p == '.' ? 1 : strlen ("．");
      while (*p == ' ' || *p == '\t')
        p++;
      entry = p;
    }
  if (*entry == '\0')
    return FALSE;

  for (guint k = from; k < lines->len; k++)
    {
      const Line *other = &g_array_index (lines, Line, k);

      if (other->trimmed != NULL && g_str_has_prefix (other->trimmed, entry))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_bracketed_word (const Line *line)
{
  const char *t = line->trimmed;
  gsize n = strlen (t);

  return line->n_chars <= 6 && n >= 2 &&
         ((t[0] == '[' && t[n - 1] == ']') ||
          (g_str_has_prefix (t, "【") && g_str_has_suffix (t, "】")) ||
          (g_str_has_prefix (t, "［") && g_str_has_suffix (t, "］")));
}

static void
find_contents (GArray *lines)
{
  guint i = 0;

  while (i < lines->len)
    {
      const Line *line = &g_array_index (lines, Line, i);
      guint end = i;
      guint n_short = 0;

      /* a contents list opens the page */
      if (line->cls == CLASS_GOOD || i >= MAX_CONTENTS_LINES)
        return;
      if (line->trimmed == NULL)
        {
          i++;
          continue;
        }

      /* a run of short lines without sentence ends, each found again later */
      while (end < lines->len)
        {
          const Line *l = &g_array_index (lines, Line, end);

          if (end >= MAX_CONTENTS_LINES)
            return;
          if (l->trimmed == NULL || l->cls == CLASS_GOOD || l->ends_term ||
              l->n_chars > MAX_WEAK_LINE || l->n_han < 2 || !recurs_after (lines, end + 1, l))
            break;
          end++;
          n_short++;
        }

      if (n_short >= 3)
        {
          for (guint k = i; k < end; k++)
            {
              Line *l = &g_array_index (lines, Line, k);

              mark_surely (l, KIND_META);
            }
          for (int d = -1; d <= 1; d += 2)
            {
              Line *edge = next_non_blank (lines, d < 0 ? i : end - 1, d);

              if (edge != NULL && is_bracketed_word (edge))
                {
                  mark_surely (edge, KIND_META);
                }
            }
        }
      i = MAX (end, i + 1);
    }
}

/* A quiz on the text: a question with an empty slot for its answer, or
 * a row of lettered options, and a question just over the options.
 */
static void
find_quiz (GArray *lines)
{
  static GRegex *slot;
  static GRegex *options;
  static GRegex *option;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      Line *p;
      gboolean row;

      if (line->trimmed == NULL || line->n_chars > MAX_FEATURE_LINE ||
          ((line->trimmed[0] < 'A' || line->trimmed[0] > 'F') &&
           !g_str_has_suffix (line->trimmed, "）") && !g_str_has_suffix (line->trimmed, ")")))
        continue;
      row = g_regex_match (regex_once (&options,
                                       "^[A-F][.．、]\\s*\\S.*?[\\s\\x{3000}]B[.．、]\\s*\\S"),
                           line->trimmed, 0, NULL);
      if (g_regex_match (regex_once (&slot, "[（(][\\s\\x{3000}_＿]+[）)]$"), line->trimmed, 0, NULL))
        {
          mark_surely (line, KIND_END);
        }
      else if (row || g_regex_match (regex_once (&option, "^[A-F][.．、]\\s*\\S"), line->trimmed, 0, NULL))
        {
          p = next_non_blank (lines, i, -1);
          if (p == NULL || p->trimmed == NULL)
            continue;
          if (g_str_has_suffix (p->trimmed, "？") || g_str_has_suffix (p->trimmed, "?"))
            {
              mark_surely (p, KIND_END);
            }
          if (row || (p->kind == KIND_END && p->strong))
            {
              mark_surely (line, KIND_END);
            }
        }
    }
}

/* A short line telling one reader what to do ("您…，请…"), set into
 * a sentence of the text, is the page's; so is the button it names.
 */
static void
find_prompts (GArray *lines)
{
  static GRegex *prompt;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      Line *p;
      Line *n;

      if (line->trimmed == NULL || line->n_chars > MAX_WEAK_LINE || line->heading ||
          strstr (line->trimmed, "请") == NULL ||
          !g_regex_match (regex_once (&prompt, "(您|你(?!们)).*请|请.*(您|你(?!们))"),
                          line->trimmed, 0, NULL))
        continue;
      p = next_non_blank (lines, i, -1);
      if (p == NULL || p->trimmed == NULL || p->cls != CLASS_GOOD || p->ends_term ||
          g_str_has_suffix (p->trimmed, "：") || g_str_has_suffix (p->trimmed, ":"))
        continue;

      mark_surely (line, KIND_PAGE);

      n = next_non_blank (lines, i, 1);
      if (n != NULL && n->trimmed != NULL && n->n_punct == 0 && n->n_chars <= 6 && !n->heading)
        {
          g_autofree char *quoted = g_strconcat ("“", n->trimmed, "”", NULL);

          if (strstr (line->trimmed, quoted) != NULL)
            {
              mark_surely (n, KIND_PAGE);
            }
        }
    }
}

/* A bibliographic record naming the text ("作者.题名[J].刊名,年(期):页.")
 * and the bare label over it are about the text, not in it.
 */
static void
find_citations (GArray *lines)
{
  static GRegex *record;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      Line *p;

      if (line->trimmed == NULL || line->n_chars > 2 * MAX_FEATURE_LINE ||
          strchr (line->trimmed, '[') == NULL)
        continue;
      if (!g_regex_match (regex_once (&record,
                                      "\\[(J|M|N|C|D|R|Z|EB/OL)\\][.．].*\\d{4}"),
                          line->trimmed, 0, NULL))
        continue;
      mark_surely (line, KIND_END);
      p = next_non_blank (lines, i, -1);
      if (p != NULL && p->trimmed != NULL && p->n_chars <= 8 &&
          (g_str_has_suffix (p->trimmed, "：") || g_str_has_suffix (p->trimmed, ":")))
        {
          mark_surely (p, KIND_END);
        }
    }
}

static GArray *
analyse (const char *text,
         gsize       n_bytes,
         const char *shadow,
         guint      *out_width)
{
  GArray *lines = split_lines (text, n_bytes, shadow);
  const char *shadow_end = shadow ? shadow + strlen (shadow) : text + n_bytes;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) header = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const Line *prev = NULL;
  const Line *text_before = NULL;
  gboolean page_between = FALSE;
  guint width = jj_paragraphs_wrap_width (text, n_bytes);

  if (out_width != NULL)
    *out_width = width;

  g_array_set_clear_func (lines, clear_line);

  for (guint i = 0; i < lines->len && width > 0; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      line->wide = jj_paragraphs_line_width (line->start, line->n_bytes);
      line->at_width = (line->length + 1 >= width && line->length <= width + 3) ||
                       (line->wide + 1 >= width && line->wide <= width + 3);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (is_blank (line))
        {
          line->cls = CLASS_BLANK;
          continue;
        }

      line->trimmed = trimmed_copy (line->sstart, line->sn_bytes);
      measure (line);
      /* at the width, the end of a sentence cut there, or the start of
       * a page's text running on at the width
       */
      line->wrapped = line->at_width || (prev != NULL && prev->at_width && !prev->ends_term) ||
                      (!line->ends_term && i + 1 < lines->len &&
                       g_array_index (lines, Line, i + 1).at_width);

      line->goes_on = text_before != NULL && page_between && !text_before->ends_term &&
                      !g_str_has_suffix (text_before->trimmed, "：") &&
                      !g_str_has_suffix (text_before->trimmed, ":");

      if (line->n_chars <= MAX_FEATURE_LINE)
        classify_features (line);
      if (line->kind == KIND_NONE && line->n_chars <= 400 && repeats_text (line, prev, shadow_end))
        {
          line->kind = KIND_META;
          line->strong = TRUE;
        }

      /* the same short line on every page: a running header or footer */
      if (line->n_chars <= 80 && !line->ends_term && !line->heading)
        {
          g_autoptr(GString) key = g_string_new (line->trimmed);
          gpointer n;

          normalise_digits (key);
          n = g_hash_table_lookup (seen, key->str);
          g_hash_table_insert (seen, g_strdup (key->str), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
        }

      if (line->kind != KIND_NONE)
        line->cls = CLASS_BAD;
      else if (line->n_chars > MAX_FEATURE_LINE ||
               (line->n_chars >= 12 && line->ends_term && line->n_han >= 8) ||
               (line->n_chars >= 40 && line->n_punct >= 2) ||
               (line->at_width && prev != NULL && prev->at_width && line->n_chars >= 12 &&
                line->n_punct >= 1 && line->n_han >= 8))
        line->cls = CLASS_GOOD;
      else
        line->cls = CLASS_SHORT;
      prev = line;

      /* the text a sentence cut by page furniture goes on from */
      if (line->cls == CLASS_GOOD || (line->goes_on && line->kind == KIND_NONE))
        {
          text_before = line;
          page_between = FALSE;
        }
      else if (line->kind == KIND_PAGE && line->strong)
        page_between = TRUE;
      else
        text_before = NULL;
    }

  for (guint i = 0; i < lines->len && g_hash_table_size (seen) > 0; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_autoptr(GString) key = NULL;
      guint n;

      if (line->cls == CLASS_BLANK || line->cls == CLASS_GOOD || line->n_chars > 80 ||
          line->ends_term || line->heading || line->rule)
        continue;

      key = g_string_new (line->trimmed);
      normalise_digits (key);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key->str));
      if (is_made_of_lines (key->str, seen, header) ||
          n >= 3 || (n >= 2 && (strchr (key->str, '#') != NULL ||
                                (line->n_punct == 0 && line->n_chars >= 4))))
        {
          mark_surely (line, KIND_PAGE);
          line->repeated = TRUE;
        }
    }

  for (guint i = 0; i < lines->len && g_hash_table_size (header) > 0; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_autoptr(GString) key = NULL;

      if (line->cls != CLASS_SHORT || line->n_chars > 80)
        continue;
      key = g_string_new (line->trimmed);
      normalise_digits (key);
      if (g_hash_table_contains (header, key->str))
        {
          mark_surely (line, KIND_PAGE);
        }
    }

  /* Vague evidence gives way to context: a short line between two
   * sentences is a heading of the text.
   */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      const Line *p = NULL;
      const Line *n = NULL;

      if (line->cls != CLASS_BAD || line->strong)
        continue;

      for (guint k = i; k > 0; k--)
        if (g_array_index (lines, Line, k - 1).cls != CLASS_BLANK)
          {
            p = &g_array_index (lines, Line, k - 1);
            break;
          }
      for (guint k = i + 1; k < lines->len; k++)
        if (g_array_index (lines, Line, k).cls != CLASS_BLANK)
          {
            n = &g_array_index (lines, Line, k);
            break;
          }

      if (p != NULL && n != NULL && p->cls != CLASS_BAD && n->cls != CLASS_BAD &&
          (p->cls == CLASS_GOOD || n->cls == CLASS_GOOD))
        {
          line->cls = CLASS_SHORT;
          line->kind = KIND_NONE;
        }
    }

  find_adverts (lines);
  find_translations (lines);
  find_contents (lines);
  find_quiz (lines);
  find_prompts (lines);
  find_citations (lines);

  return lines;
}

static GArray *
find_blocks (GArray *lines)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  Block cur = { 0, };
  gboolean open = FALSE;
  Kind between = KIND_NONE;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->cls == CLASS_BAD)
        {
          if (open)
            {
              g_array_append_val (blocks, cur);
              open = FALSE;
              between = KIND_NONE;
            }
          between |= line->kind;
          continue;
        }
      if (line->cls == CLASS_BLANK)
        continue;

      if (!open)
        {
          memset (&cur, 0, sizeof cur);
          cur.first = i;
          cur.before = between;
          open = TRUE;
        }
      cur.last = i;
      cur.weight += line->length;
    }
  if (open)
    g_array_append_val (blocks, cur);

  return blocks;
}

/* Whether @b belongs to the body too, @between standing between them. */
static gboolean
joins (const Block *b,
       Kind         between,
       guint        main_weight)
{
  if (between == KIND_PAGE)
    return TRUE;

  return !(between & KIND_END) && b->weight >= MAX (MIN_JOINED_BLOCK, main_weight / 4);
}

static GRegex *
label_regex (void)
{
  static GRegex *re;

  return regex_once (&re, "^([^：:\\s]{1,4}\\s*[：:]\\s*)+");
}

/* "主题：转发：XXX讲话", "摘自：《XXX讲话》": the title under labels */
static char *
title_of_label (const char *t)
{
  g_autoptr(GMatchInfo) m = NULL;
  g_autofree char *rest = NULL;
  gint end = 0;

  if (!g_regex_match (label_regex (), t, 0, &m))
    return NULL;
  g_match_info_fetch_pos (m, 0, NULL, &end);
  rest = g_strdup (t + end);
  if (g_str_has_prefix (rest, "《") && g_str_has_suffix (rest, "》"))
    {
      char *inner = g_strndup (rest + strlen ("《"), strlen (rest) - 2 * strlen ("《"));

      g_free (rest);
      rest = inner;
    }
  /* tags are no title: "讲话 党课 总结" */
  {
    g_auto(GStrv) pieces = g_strsplit_set (rest, " \t", -1);

    if (g_strv_length (pieces) >= 3)
      return NULL;
  }
  /* a title has no sentence in it; 、 may join names in it */
  for (const char *p = rest; *p; p = g_utf8_next_char (p))
    if ((is_sentence_punct (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3001) ||
        is_terminal (g_utf8_get_char (p)))
      return NULL;
  if (!has_genre_word (rest) || g_utf8_strlen (rest, -1) > MAX_TITLE_CHARS ||
      strpbrk (rest, "|>/") != NULL || strstr (rest, "»") != NULL || strstr (rest, "›") != NULL)
    return NULL;

  /* a note on the draft after it, as after a file's name: "（修改稿）" */
  {
    static GRegex *tag;
    char *bare = g_regex_replace_literal (regex_once (&tag, "[（(【\\[][^）)】\\]]{1,6}[）)】\\]]$"),
                                          rest, -1, 0, "", 0, NULL);

    if (bare != NULL && has_genre_word (bare))
      {
        g_free (rest);
        rest = bare;
      }
    else
      g_free (bare);
  }

  return g_steal_pointer (&rest);
}

static gboolean
is_labelled_title (const char *t)
{
  g_autofree char *title = title_of_label (t);

  return title != NULL;
}

/* @plain: a title that names no kind of speech counts too */
static gboolean
is_title_like_as (const Line *line,
                  const char *stem,
                  gboolean    plain)
{
  const char *t = line->trimmed;

  if (t == NULL || line->n_chars > MAX_TITLE_CHARS || line->n_han < 4 || line->ends_term ||
      line->heading || g_regex_match (label_regex (), t, 0, NULL))
    return FALSE;
  if (strpbrk (t, "|>/") != NULL || strstr (t, "»") != NULL || strstr (t, "›") != NULL)
    return FALSE;

  if (has_genre_word (t) || (stem != NULL && strcmp (t, stem) == 0))
    return TRUE;
  if (!plain)
    return FALSE;

  /* a title that names no kind of speech ("高举…旗帜，把…推向二十一世纪"):
   * words and clauses only, no letters, digits, labels or notes
   */
  {
    static GRegex *words;

    static GRegex *site_name;

    /* nor what a site's name looks like */
    return line->n_han >= 12 && !g_regex_match (regex_once (&site_name, SITE_NAME), t, 0, NULL) &&
           g_regex_match (regex_once (&words,
                                      "^[\\p{Han}《“][\\p{Han}，、《》“”—]*( [\\p{Han}《“][\\p{Han}，、《》“”—]*)?$"),
                          t, 0, NULL);
  }
}

static gboolean
is_title_like (const Line *line,
               const char *stem)
{
  return is_title_like_as (line, stem, TRUE);
}

/* "【XXX讲话】", "📝XXX讲话", "【完整版】XXX讲话", "XXX讲话｜会议实录": a
 * post's headline set off by signs or a tag; the title without them, or
 * NULL when the line is not dressed so.
 */
static char *
undecorated_title (const char *t)
{
  const char *s = t;
  const char *e = t + strlen (t);
  const char *bar;

  while (*s && g_unichar_type (g_utf8_get_char (s)) == G_UNICODE_OTHER_SYMBOL)
    s = g_utf8_next_char (s);
  if (g_str_has_prefix (s, "【") && e - s > 6 && strcmp (e - 3, "】") == 0)
    {
      s += strlen ("【");
      e -= strlen ("】");
    }
  else if (g_str_has_prefix (s, "【"))
    {
      /* a tag of a few words before it */
      const char *close = strstr (s, "】");

      if (close != NULL && g_utf8_strlen (s, close - s) <= 7 && close + strlen ("】") < e)
        s = close + strlen ("】");
    }
  /* a few words after a bar */
  bar = g_strrstr (s, "｜");
  if (bar != NULL && bar > s && g_utf8_strlen (bar, e - bar) <= 8)
    e = bar;
  if (s == t && e == t + strlen (t))
    return NULL;
  while (s < e && is_space_char (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);

  return s < e && strstr (s, "【") == NULL ? g_strndup (s, e - s) : NULL;
}

/* "XXX讲话（精选）.docx" → "XXX讲话" */
static char *
stem_of_file_name (const char *name)
{
  static GRegex *ext;
  static GRegex *tag;
  g_autofree char *s = NULL;
  g_autofree char *s2 = NULL;

  regex_once (&ext, "(_?第\\s*\\d+\\s*页)?\\.(docx?|pdf|txt|pptx?|wps|xlsx?|rtf|caj)$");
  regex_once (&tag, "\\s*([（(【\\[][^）)】\\]]{1,8}[）)】\\]])+$|^([（(【\\[][^）)】\\]]{1,6}[）)】\\]]\\s*)+");
  s = g_regex_replace_literal (ext, name, -1, 0, "", 0, NULL);
  s2 = g_regex_replace_literal (tag, s, -1, 0, "", 0, NULL);
  g_strstrip (s2);

  /* a short tag after the genre word: "…讲话范文" */
  {
    const char *best = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (genre_words); i++)
      {
        const char *w = g_strrstr (s2, genre_words[i]);

        if (w != NULL && (best == NULL || w + strlen (genre_words[i]) > best))
          best = w + strlen (genre_words[i]);
      }
    if (best != NULL && *best != '\0' && g_utf8_strlen (best, -1) <= 6)
      {
        gboolean han = TRUE;

        for (const char *p = best; *p; p = g_utf8_next_char (p))
          han = han && is_han (g_utf8_get_char (p));
        if (han)
          return g_strndup (s2, best - s2);
      }
  }

  return g_strdup (*s2 ? s2 : name);
}

/* A title run into the text ("…的讲话同志们：…", "…的讲话今天，…"):
 * where the last word naming the kind of speech ends, among the words
 * before the first punctuation.
 */
static const char *
fused_title_end (const char *t)
{
  const char *best = NULL;
  guint n = 0;
  const char *p;

  for (p = t; *p && n <= MAX_TITLE_CHARS; p = g_utf8_next_char (p), n++)
    if (is_sentence_punct (g_utf8_get_char (p)))
      break;
  if (*p == '\0' || n > MAX_TITLE_CHARS)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (genre_words); i++)
    {
      const char *w = g_strstr_len (t, p - t, genre_words[i]);

      while (w != NULL)
        {
          const char *e = w + strlen (genre_words[i]);

          if (best == NULL || e > best)
            best = e;
          w = g_strstr_len (e, p - e, genre_words[i]);
        }
    }

  return best;
}

/* Whether the first body line starts with the speech's title. */
static gboolean
body_has_title (const Line *first,
                const char *stem)
{
  const char *t = first->trimmed;

  if (t == NULL)
    return FALSE;
  if (first->cls == CLASS_SHORT)
    return is_title_like (first, stem);

  return (fused_title_end (t) != NULL);
}

static void
add_removed_notice (GPtrArray  *notices,
                    const char *what,
                    GPtrArray  *examples)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (examples->len == 0)
    return;

  for (guint i = 0; i < examples->len && i < 3; i++)
    {
      if (i > 0)
        g_string_append (s, "”, “");
      g_string_append (s, g_ptr_array_index (examples, i));
    }
  g_string_append (s, examples->len > 3 ? "”…" : "”");

  g_ptr_array_add (notices,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Removed %u line of %s: “%s",
                                                 "Removed %u lines of %s: “%s",
                                                 examples->len),
                                    examples->len, what, s->str));
}

static gboolean
is_list_item (GArray *lines,
              guint   i)
{
  const Line *line = &g_array_index (lines, Line, i);

  /* furniture or not: a list may hold lines repeated elsewhere */
  return (line->cls == CLASS_SHORT || line->repeated) && line->n_punct == 0 &&
         line->n_chars <= MAX_WEAK_LINE && strpbrk (line->trimmed, "0123456789|>/") == NULL &&
         strstr (line->trimmed, "»") == NULL && strstr (line->trimmed, "›") == NULL;
}

/* One of three or more short lines in a row: a list of titles or
 * categories, not the title of the text.
 */
static gboolean
in_list (GArray *lines,
         guint   i)
{
  guint n = 1;

  for (guint k = i; k > 0 && is_list_item (lines, k - 1); k--)
    n++;
  for (guint k = i + 1; k < lines->len && is_list_item (lines, k); k++)
    n++;

  return n >= 3;
}

#define HAILED "(们|代表|同志|朋友|来宾|嘉宾|女士|先生|同学|老师|委员|同仁|乡亲|战友)"

static gboolean
is_salutation (const Line *line)
{
  static GRegex *hailed;

  if (line->n_chars > MAX_WEAK_LINE)
    return FALSE;
  if (g_str_has_suffix (line->trimmed, "：") || g_str_has_suffix (line->trimmed, ":"))
    return TRUE;

  /* "各位代表！", "同志们！": people called on */
  return line->n_chars <= 16 &&
         g_regex_match (regex_once (&hailed, HAILED "[！!]$"), line->trimmed, 0, NULL);
}

/* "同志们：今天，…": a text run on from its salutation */
static gboolean
starts_with_salutation (const Line *line)
{
  static GRegex *hailed;

  return g_regex_match (regex_once (&hailed, "^[^，。：:！!]{0,14}" HAILED "[：:！!]"),
                        line->trimmed, 0, NULL);
}

/* A label with its value under it ("内容：", "附件："): a few words
 * ending on a colon that call on no one, unlike a salutation
 */
static gboolean
is_bare_label (const Line *line)
{
  static GRegex *hailed;

  return line->trimmed != NULL && line->n_chars <= 8 && line->n_punct == 1 && !line->heading &&
         (g_str_has_suffix (line->trimmed, "：") || g_str_has_suffix (line->trimmed, ":")) &&
         !g_regex_match (regex_once (&hailed, HAILED "|各位|尊敬|亲爱"), line->trimmed, 0, NULL);
}

/* A date under a speech, or a note in brackets: "（根据录音整理）" */
static gboolean
is_closing_note (const Line *line)
{
  static GRegex *re;

  return g_regex_match (regex_once (&re,
                                    "^[（(〔【\\[《].*[）)〕】\\]》]$|"
                                    "[\\d〇零一二三四五六七八九十]{2,4}年[\\d一二三四五六七八九十]{1,2}月"),
                        line->trimmed, 0, NULL);
}

/* A message to someone about the text, not of it: a sentence or two in
 * the first or second person, or asking ("请您把关。", "分享一篇…，供参考。",
 * "以下是为您撰写的…：").
 */
static gboolean
is_message (const Line *line)
{
  static GRegex *person;
  const char *t = line->trimmed;
  gboolean lead_in;
  gboolean addressed;

  if (t == NULL || line->n_chars > MAX_WEAK_LINE || line->heading || line->wrapped ||
      line->goes_on)
    return FALSE;

  /* "我们" speaks for the speaker's side: the text's own voice */
  addressed = g_regex_match (regex_once (&person, "您|你|请|我(?!们)|大家"), t, 0, NULL);
  /* clauses leading in to what follows, after a sentence or addressed:
   * not a salutation ("尊敬的张书记，各位领导：")
   */
  lead_in = (g_str_has_suffix (t, "：") || g_str_has_suffix (t, ":")) &&
            (line->n_term > 0 || (addressed && line->n_punct > 0));

  return lead_in || (line->ends_term && addressed);
}

/* What the message may answer, over it: a line of a sentence or two
 * ("帮我写一篇…，一千五百字左右。")
 */
static gboolean
is_request (const Line *line)
{
  return line->trimmed != NULL && line->n_chars <= 2 * MAX_WEAK_LINE && line->ends_term &&
         !line->heading && !line->wrapped;
}

/* An offer to go on, after the text ("…请随时告诉我。"): addressed to
 * one reader, or asking them to come back to the writer.
 */
static gboolean
is_offer (const Line *line)
{
  static GRegex *you;

  return line->trimmed != NULL && line->n_chars <= 60 && line->ends_term && !line->heading &&
         g_regex_match (regex_once (&you, "您|你(?!们)|请[^。！？]*我(?!们)"), line->trimmed, 0, NULL);
}

/* The title a message names: "写一篇《…讲话》", "题目是…讲话。" */
static char *
title_in_message (const char *t)
{
  static GRegex *labelled;
  const char *open = strstr (t, "《");
  const char *close = open != NULL ? strstr (open, "》") : NULL;
  g_autofree char *inner = NULL;

  if (close != NULL)
    inner = g_strndup (open + strlen ("《"), close - open - strlen ("《"));
  else
    {
      /* "…，题目是…讲话。": the title under a label, in words */
      g_autoptr(GMatchInfo) m = NULL;

      if (!g_regex_match (regex_once (&labelled, "(题目|标题|题)(是|为|：|:)\\s*([^，。；！？,;]+)[。！]?$"),
                          t, 0, &m))
        return NULL;
      inner = g_match_info_fetch (m, 3);
    }

  return has_genre_word (inner) && g_utf8_strlen (inner, -1) <= MAX_TITLE_CHARS ?
         g_steal_pointer (&inner) : NULL;
}

/* Whether blank lines part the kept text's paragraphs, from @from to @to */
static gboolean
spaces_paragraphs (GArray *lines,
                   guint   from,
                   guint   to)
{
  guint n_lines = 0;
  guint n_blank = 0;

  for (guint i = from; i < to && i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->cls == CLASS_BLANK)
        n_blank++;
      else if (line->keep)
        n_lines++;
    }

  return n_blank * 4 >= n_lines;
}

static void
drop_line (Line *line)
{
  line->keep = FALSE;
  line->cls = CLASS_BAD;
  if (line->kind == KIND_NONE)
    line->kind = KIND_META;
}

static guint
first_kept (GArray *lines,
            guint   from)
{
  for (guint i = from; i < lines->len; i++)
    if (g_array_index (lines, Line, i).keep && g_array_index (lines, Line, i).cls != CLASS_BLANK)
      return i;

  return lines->len;
}

/* Whether a line before @i names the title line @i holds: "《TITLE》", or
 * the title the file name or a subject gave (@stem) starts with it.
 */
static gboolean
named_before (GArray     *lines,
              guint       i,
              const char *stem)
{
  const Line *title = &g_array_index (lines, Line, i);
  g_autofree char *quoted = g_strconcat ("《", title->trimmed, "》", NULL);

  if (stem != NULL && g_str_has_prefix (stem, title->trimmed))
    return TRUE;
  for (guint k = 0; k < i; k++)
    {
      const Line *line = &g_array_index (lines, Line, k);

      if (line->trimmed != NULL && strstr (line->trimmed, quoted) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Marks the lines to keep; returns the file name's stem when the title is
 * known only from there, or a "标题：" field.
 */
static char *
choose_body (GArray *lines)
{
  g_autoptr(GArray) blocks = find_blocks (lines);
  g_autofree char *stem = NULL;
  guint main_block = 0;
  guint first_block;
  guint last_block;
  guint first_line;
  guint start;
  Line *first;
  Line *cand = NULL;
  static GRegex *site_name;
  static GRegex *hailed;

  if (blocks->len == 0)
    return NULL;

  /* the heaviest run of blocks only page furniture parts (a transcript
   * between its times), and in it the heaviest block
   */
  {
    guint best = 0;
    guint chain = 0;

    for (guint k = 0; k < blocks->len; k++)
      {
        const Block *b = &g_array_index (blocks, Block, k);
        guint w = b->weight;

        if (k > 0 && b->before == KIND_PAGE)
          w += chain;
        chain = w;
        if (w > best || (w == best && b->weight > g_array_index (blocks, Block, main_block).weight))
          {
            best = w;
            main_block = k;
          }
      }
  }

  first_block = last_block = main_block;
  while (last_block + 1 < blocks->len &&
         joins (&g_array_index (blocks, Block, last_block + 1),
                g_array_index (blocks, Block, last_block + 1).before,
                g_array_index (blocks, Block, main_block).weight))
    last_block++;
  while (first_block > 0 &&
         joins (&g_array_index (blocks, Block, first_block - 1),
                g_array_index (blocks, Block, first_block).before,
                g_array_index (blocks, Block, main_block).weight))
    first_block--;

  for (guint k = first_block; k <= last_block; k++)
    {
      const Block *b = &g_array_index (blocks, Block, k);

      for (guint i = b->first; i <= b->last; i++)
        g_array_index (lines, Line, i).keep = TRUE;
    }

  /* the title: the file's name or a labelled title over the text, else
   * the line before the text
   */
  first_line = g_array_index (blocks, Block, first_block).first;
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      static GRegex *file_re;

      if (line->cls == CLASS_GOOD && line->keep)
        break;
      if (line->trimmed == NULL || stem != NULL)
        continue;
      if (line->kind == KIND_META &&
          g_regex_match (regex_once (&file_re, "^.{1,120}\\.(docx?|pdf|txt|wps|rtf)$"),
                         line->trimmed, 0, NULL))
        stem = stem_of_file_name (line->trimmed);
      else if (line->n_chars <= 2 * MAX_TITLE_CHARS)
        stem = title_of_label (line->trimmed);
    }

  first_line = first_kept (lines, 0);
  if (first_line >= lines->len)
    return NULL;

  /* a title over the furniture, nearest the text first */
  for (guint i = first_line; i > 0 && cand == NULL; i--)
    {
      Line *line = &g_array_index (lines, Line, i - 1);

      if (line->cls == CLASS_SHORT && is_title_like (line, stem) && !in_list (lines, i - 1))
        cand = line;
    }

  /* the title as a running header on every page */
  for (guint i = 0; i < lines->len && cand == NULL && stem == NULL; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      /* a watermark in words is no title: a running title names its kind */
      if (line->repeated && is_title_like_as (line, NULL, FALSE))
        stem = g_strdup (line->trimmed);
    }

  /* The text starts at its title where the page named it before: the
   * notice issuing it ("关于印发《…》的通知"), the request for it, the mail
   * it comes with are the page's.
   */
  {
    guint n_seen = 0;

    for (guint i = first_line; i < lines->len && n_seen < 24; i++)
      {
        Line *line = &g_array_index (lines, Line, i);

        if (line->cls == CLASS_BLANK || !line->keep)
          continue;
        n_seen++;
        if (i > first_line && line->cls == CLASS_SHORT && is_title_like (line, stem) &&
            named_before (lines, i, stem))
          {
            for (guint k = first_line; k < i; k++)
              if (g_array_index (lines, Line, k).keep &&
                  g_array_index (lines, Line, k).cls != CLASS_BLANK)
                drop_line (&g_array_index (lines, Line, k));
            first_line = i;
            cand = line;
            break;
          }
      }
  }

  /* A message before the text, right over the line that opens it (a
   * salutation, its title; its first sentence, set apart, where nothing
   * before the message opens a text): the text starts after it, and the
   * message's own salutation, its sender, what it answers are the page's.
   */
  {
    guint n_seen = 0;
    guint message = G_MAXUINT;
    gboolean opened = FALSE;

    for (guint i = first_line; i < lines->len && n_seen < 8; i++)
      {
        Line *line = &g_array_index (lines, Line, i);
        gboolean opens;

        if (line->cls == CLASS_BLANK || !line->keep)
          continue;
        n_seen++;
        opens = !line->wrapped && !line->goes_on &&
                (is_salutation (line) || starts_with_salutation (line) ||
                 (line->n_punct == 0 && is_title_like (line, stem)));
        if (is_message (line))
          message = i;
        else if (message != G_MAXUINT &&
                 (opens ||
                  (line->cls == CLASS_GOOD && !opened && !line->wrapped && !line->goes_on &&
                   g_array_index (lines, Line, message).n_chars >= 8 &&
                   g_array_index (lines, Line, i - 1).cls == CLASS_BLANK)))
          {
            for (guint k = first_line; k <= message; k++)
              {
                Line *l = &g_array_index (lines, Line, k);

                if (!l->keep || l->cls == CLASS_BLANK)
                  continue;
                if (stem == NULL && cand == NULL)
                  stem = title_in_message (l->trimmed);
                drop_line (l);
              }
            first_line = i;
            break;
          }
        else if (line->heading || (line->cls == CLASS_GOOD && !is_request (line)))
          break;
        else
          {
            /* not right over the text: a sender's name, a request */
            message = G_MAXUINT;
            opened = opened || opens;
          }
      }
  }

  /* Where the text starts: a sentence, a salutation, a heading or the
   * title.  Short lines before it are furniture when the title is known
   * (over them or where the text starts), or when they look like a
   * site's name; else the line just before the text may be its title.
   */
  for (start = first_line; start < lines->len; start++)
    {
      const Line *line = &g_array_index (lines, Line, start);

      if (line->cls == CLASS_BLANK)
        continue;
      if (!line->keep || line->cls == CLASS_GOOD || line->heading || is_salutation (line) ||
          is_title_like (line, stem))
        break;
    }
  for (guint i = first_line; i < start && i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      /* a fragment of a sentence is text, a piece of the title too */
      if (line->cls == CLASS_BLANK || !line->keep ||
          (line->n_punct > 1 && !is_labelled_title (line->trimmed)) ||
          (stem != NULL && strstr (stem, line->trimmed) != NULL))
        continue;
      if (cand != NULL || stem != NULL ||
          (start < lines->len && body_has_title (&g_array_index (lines, Line, start), stem)) ||
          g_regex_match (regex_once (&site_name, SITE_NAME), line->trimmed, 0, NULL))
        drop_line (line);
    }

  first_line = first_kept (lines, 0);
  if (first_line >= lines->len)
    return NULL;

  /* A label right over the salutation that opens the text, or closing
   * a run of fields the page set over it, labels the text: the page's.
   */
  {
    guint i = first_line;
    guint next = i < lines->len ? first_kept (lines, i + 1) : lines->len;
    guint prev = i;

    while (prev > 0 && g_array_index (lines, Line, prev - 1).cls == CLASS_BLANK)
      prev--;
    if (next < lines->len && is_bare_label (&g_array_index (lines, Line, i)) &&
        ((is_salutation (&g_array_index (lines, Line, next)) &&
          !is_bare_label (&g_array_index (lines, Line, next))) ||
         starts_with_salutation (&g_array_index (lines, Line, next)) ||
         (prev > 0 && !g_array_index (lines, Line, prev - 1).keep &&
          colon_near_start (g_array_index (lines, Line, prev - 1).trimmed, 24))))
      {
        drop_line (&g_array_index (lines, Line, i));
        first_line = next;
      }
  }

  /* Who gives the text and when, on a cover page of its own
   * ("主讲：…  2022年6月"): page furniture parts it from where the text
   * opens.
   */
  for (guint i = first_line, n_seen = 0; i < lines->len && n_seen < 2; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      guint next;
      gboolean parted = FALSE;
      static GRegex *dated;

      if (line->cls == CLASS_BLANK || !line->keep)
        continue;
      n_seen++;
      if (line->n_chars > 30 || line->n_term > 0 || line->n_punct > 1 || line->heading ||
          !g_regex_match (regex_once (&dated, "[\\d〇零一二三四五六七八九十]{4}年[\\d一二三四五六七八九十]{1,2}月"),
                          line->trimmed, 0, NULL))
        continue;
      next = first_kept (lines, i + 1);
      for (guint k = i + 1; k < next; k++)
        parted = parted || g_array_index (lines, Line, k).cls == CLASS_BAD;
      if (parted && next < lines->len &&
          (is_salutation (&g_array_index (lines, Line, next)) ||
           starts_with_salutation (&g_array_index (lines, Line, next)) ||
           g_array_index (lines, Line, next).cls == CLASS_GOOD))
        {
          drop_line (line);
          if (i == first_line)
            first_line = next;
          break;
        }
    }

  /* a running header that first stands right over the text is its title */
  for (guint i = first_line; i > 0 && stem != NULL; i--)
    {
      Line *line = &g_array_index (lines, Line, i - 1);

      if (line->cls == CLASS_BLANK)
        continue;
      if (line->repeated && strcmp (line->trimmed, stem) == 0)
        {
          line->keep = TRUE;
          line->title = TRUE;
          first_line = i - 1;
        }
      break;
    }

  first = &g_array_index (lines, Line, first_line);
  if (!body_has_title (first, stem) && cand != NULL)
    {
      cand->keep = TRUE;
      cand->title = TRUE;
    }
  else if (stem == NULL && first->cls == CLASS_GOOD && fused_title_end (first->trimmed) != NULL)
    stem = g_strndup (first->trimmed, fused_title_end (first->trimmed) - first->trimmed);

  /* a headline dressed in signs names the text; the line is the page's */
  first_line = first_kept (lines, 0);
  first = &g_array_index (lines, Line, first_line);
  if (first->cls == CLASS_SHORT && is_title_like (first, stem))
    {
      g_autofree char *inner = undecorated_title (first->trimmed);

      if (inner != NULL && first_kept (lines, first_line + 1) < lines->len)
        {
          drop_line (first);
          first->title = FALSE;
          if (stem == NULL)
            stem = g_steal_pointer (&inner);
        }
    }

  /* A label after the text's last sentence with only short lines under
   * it (its list of attachments, who issued it and when) opens what the
   * page adds: all of it goes.
   */
  {
    guint label = G_MAXUINT;

    for (guint i = lines->len; i > first_line; i--)
      {
        const Line *line = &g_array_index (lines, Line, i - 1);

        if (line->cls == CLASS_BLANK || !line->keep)
          continue;
        if (line->cls == CLASS_GOOD || line->n_chars > MAX_WEAK_LINE)
          break;
        if (is_bare_label (line))
          label = i - 1;
      }
    for (guint i = label; i < lines->len; i++)
      if (g_array_index (lines, Line, i).keep && g_array_index (lines, Line, i).cls != CLASS_BLANK)
        drop_line (&g_array_index (lines, Line, i));
  }

  /* Where the text ends: after its last sentence only closing words,
   * dates and notes in brackets, no short line of a page.
   */
  for (guint i = lines->len; i > first_line; i--)
    {
      Line *line = &g_array_index (lines, Line, i - 1);

      if (line->cls == CLASS_BLANK || !line->keep)
        continue;
      /* an offer set apart from a text whose paragraphs are not, or a
       * short note that uses none of the text's words
       */
      if ((is_offer (line) ||
           (line->n_chars <= MAX_WEAK_LINE && line->ends_term && !line->heading &&
            !uses_text_words (lines, line, first_line, i - 1))) &&
          i >= 2 && g_array_index (lines, Line, i - 2).cls == CLASS_BLANK &&
          !spaces_paragraphs (lines, first_line, i - 2))
        {
          drop_line (line);
          continue;
        }
      /* a few words on a page of their own after the text ended ("谢谢！"
       * on a last slide), calling on no one as the text does
       */
      if (line->n_han <= 4 && line->n_chars <= 8 && line->ends_term && i >= 2 &&
          !g_regex_match (regex_once (&hailed, HAILED "|大家|各位"), line->trimmed, 0, NULL))
        {
          guint prev = i - 1;
          gboolean parted = FALSE;

          while (prev > first_line && !g_array_index (lines, Line, prev - 1).keep)
            {
              prev--;
              if (g_array_index (lines, Line, prev).cls == CLASS_BAD)
                parted = TRUE;
            }
          if (parted && prev > first_line && g_array_index (lines, Line, prev - 1).ends_term)
            {
              drop_line (line);
              continue;
            }
        }
      if (line->cls == CLASS_GOOD || line->heading || is_closing_note (line) ||
          (line->ends_term && !g_str_has_suffix (line->trimmed, "？") &&
           !g_str_has_suffix (line->trimmed, "?")))
        break;
      drop_line (line);
    }

  return g_steal_pointer (&stem);
}

/* Whether the text goes on across the furniture without a line break:
 * it broke off mid-sentence, or mid-heading.
 */
static gboolean
is_indented (const Line *line)
{
  return line->n_bytes > 0 && is_space_char (g_utf8_get_char (line->start));
}

/* Whether the text's paragraphs start indented: most of its sentences do. */
static gboolean
indents_paragraphs (GArray *lines)
{
  guint n = 0;
  guint n_indented = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (!line->keep || line->cls != CLASS_GOOD)
        continue;
      n++;
      n_indented += is_indented (line);
    }

  return n >= 8 && n_indented * 5 >= n * 4;
}

/* The numbers of the notes taken out ("[2] …"), as bits. */
static guint64
note_numbers (GArray *lines)
{
  guint64 notes = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      guint n;

      if (line->keep || line->trimmed == NULL || line->trimmed[0] != '[' ||
          !g_ascii_isdigit (line->trimmed[1]))
        continue;
      n = (guint) g_ascii_strtoull (line->trimmed + 1, NULL, 10);
      if (n < 64)
        notes |= G_GUINT64_CONSTANT (1) << n;
    }

  return notes;
}

/* Copies a line of the body without the markers of the notes taken out
 * ("…的决定。[2]"), which stand after a sentence.
 */
static void
copy_without_markers (JjTextBuilder *b,
                      const Line    *line,
                      guint64        notes)
{
  const char *p = line->start;
  const char *end = line->start + line->n_bytes;
  const char *from = p;
  guint offset = line->offset;
  gunichar prev = 0;

  while (notes != 0 && p < end)
    {
      if (*p == '[' && (is_terminal (prev) || is_closing_quote (prev)) &&
          p + 2 < end && g_ascii_isdigit (p[1]))
        {
          const char *q = p + 1;
          guint n = 0;

          while (q < end && g_ascii_isdigit (*q) && n < 64)
            n = n * 10 + (*q++ - '0');
          if (q < end && *q == ']' && n < 64 && (notes & (G_GUINT64_CONSTANT (1) << n)))
            {
              jj_text_builder_copy (b, from, p - from, offset);
              offset += count_chars (from, p - from) + (q + 1 - p);
              from = p = q + 1;
              continue;
            }
        }
      prev = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
    }
  jj_text_builder_copy (b, from, end - from, offset);
}

/* Whether the body runs on, paragraphs lost: each of its parts between
 * furniture is one long line.
 */
static gboolean
runs_on_in_parts (GArray *lines)
{
  const Line *prev = NULL;
  gboolean gap = FALSE;
  guint n_gaps = 0;
  guint n_lines = 0;
  guint n_chars = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      /* titles, salutations and headings may stand on lines of their own */
      if (line->cls == CLASS_BLANK || line->title || (line->keep && line->cls != CLASS_GOOD))
        continue;
      if (!line->keep)
        {
          gap = prev != NULL;
          continue;
        }
      if (prev != NULL && !gap)
        return FALSE;
      n_gaps += gap;
      n_lines++;
      n_chars += line->length;
      prev = line;
      gap = FALSE;
    }

  return n_gaps > 0 && n_chars >= n_lines * RUN_ON_PART;
}

/* For each kind of heading number, whether the text's headings of that
 * kind run into their paragraph ("一是…。要…") on more lines than they
 * stand on lines of their own: a line's worth of points, not titles.
 */
static GHashTable *
run_in_headings (GArray *lines)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *run_in = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      char *k;
      gint n;

      if (!line->keep || !line->heading || line->trimmed == NULL)
        continue;
      k = heading_key (line->trimmed);
      if (k == NULL)
        continue;
      n = GPOINTER_TO_INT (g_hash_table_lookup (counts, k));
      /* a sentence goes on after the heading's own */
      if (line->n_chars > MAX_TITLE_CHARS || line->n_term > (line->ends_term ? 1u : 0u))
        n++;
      else
        n--;
      g_hash_table_insert (counts, k, GINT_TO_POINTER (n));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) > 0)
      g_hash_table_add (run_in, g_strdup (key));

  return run_in;
}

/* A heading on a line of its own: no sentence in it before its end, more
 * than its number, not cut after a comma.
 */
static gboolean
is_whole_heading (const Line *line)
{
  gunichar last = g_utf8_get_char (g_utf8_prev_char (line->trimmed + strlen (line->trimmed)));

  return line->heading && line->n_chars <= MAX_TITLE_CHARS && line->n_chars > 3 &&
         line->n_term == 0 && last != 0xFF0C && last != 0x3001 && last != ',';
}

static gboolean
runs_on (const Line *before,
         const Line *after,
         guint       width,
         gboolean    run_on,
         gboolean    indents,
         gboolean    after_indented,
         GHashTable *run_in)
{
  gunichar last;
  gunichar next;

  if (before->title)
    return FALSE;
  if (run_on)
    return TRUE;

  /* Where paragraphs start indented, a line that is not goes on from the
   * one before, unless it is a heading of its own; one that is starts
   * a paragraph.
   */
  if (indents && !starts_mid_sentence (after->trimmed))
    {
      if (after_indented)
        return FALSE;
      if (!(after->heading && after->cls != CLASS_GOOD) && !before->heading)
        return TRUE;
    }

  /* Text cut at a width: a line the furniture cut in two is as long as
   * the others again; a line at the width ends there (its paragraph is
   * put together again after the furniture is gone).
   */
  if (width > 0)
    {
      guint n = before->length + after->length;
      guint wide = before->wide + after->wide;

      if (before->length >= width || before->wide >= width)
        return FALSE;
      if (jj_paragraphs_at_width (n, width) || jj_paragraphs_at_width (wide, width))
        return TRUE;
    }

  next = g_utf8_get_char (after->trimmed);
  if (is_sentence_punct (next) || is_closing_quote (next))
    return TRUE;
  if (before->ends_term)
    return FALSE;
  last = g_utf8_get_char (g_utf8_prev_char (before->trimmed + strlen (before->trimmed)));
  if (last == 0xFF1A || last == ':' || last == 0xFF1B)
    return FALSE;

  /* a whole heading over a paragraph stays apart, unless the text's
   * headings of its kind run into their paragraphs
   */
  if (is_whole_heading (before) && after->cls == CLASS_GOOD)
    {
      g_autofree char *key = heading_key (before->trimmed);

      if (key == NULL || !g_hash_table_contains (run_in, key))
        return FALSE;
    }

  return TRUE;
}

GArray *
jj_furniture_classify (const char *text,
                       gsize       n_bytes,
                       const char *shadow)
{
  g_autoptr(GArray) lines = analyse (text, n_bytes, shadow, NULL);
  GArray *classes = g_array_sized_new (FALSE, FALSE, sizeof (guint8), lines->len);
  gboolean any = FALSE;

  for (guint i = 0; i < lines->len && !any; i++)
    any = g_array_index (lines, Line, i).cls == CLASS_BAD;
  if (any)
    g_free (choose_body (lines));

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      guint8 c;

      if (line->cls == CLASS_BLANK)
        c = JJ_LINE_BLANK;
      else if (!any || line->keep)
        c = JJ_LINE_BODY;
      else
        c = JJ_LINE_FURNITURE;
      g_array_append_val (classes, c);
    }

  return classes;
}

char *
jj_furniture_remove (const char  *text,
                     gsize        n_bytes,
                     const char  *shadow,
                     gsize       *out_n_bytes,
                     JjTextMap  **map,
                     char       **title,
                     GPtrArray   *removed,
                     GPtrArray   *notices)
{
  guint width = 0;
  gboolean indents;
  gboolean run_on;
  gboolean indent_left = FALSE;
  g_autoptr(GHashTable) run_in = NULL;
  guint64 notes;
  g_autoptr(GArray) lines = analyse (text, n_bytes, shadow, &width);
  g_autoptr(JjTextBuilder) b = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) between = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stem = NULL;
  const Line *last_kept = NULL;
  guint n_blank = 0;
  gboolean gap = FALSE;
  gboolean any = FALSE;

  for (guint i = 0; i < lines->len && !any; i++)
    any = g_array_index (lines, Line, i).cls == CLASS_BAD;
  if (!any)
    return NULL;

  stem = choose_body (lines);

  /* no text found between the furniture: better keep it all */
  if (first_kept (lines, 0) >= lines->len)
    return NULL;
  indents = indents_paragraphs (lines);
  run_on = runs_on_in_parts (lines);
  run_in = run_in_headings (lines);
  notes = note_numbers (lines);

  b = jj_text_builder_new (n_bytes);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->cls == CLASS_BLANK)
        {
          /* a page cut after the indent of the paragraph it starts */
          if (last_kept != NULL && !gap && line->n_bytes > 0)
            indent_left = TRUE;
          n_blank++;
          continue;
        }
      if (!line->keep)
        {
          g_autofree char *t = trimmed_copy (line->start, line->n_bytes);

          g_ptr_array_add (last_kept == NULL ? before : after, g_strdup (t));
          if (removed != NULL)
            g_ptr_array_add (removed, g_steal_pointer (&t));
          gap = TRUE;
          continue;
        }

      /* what stood since the last part of the body stood between two */
      g_ptr_array_extend_and_steal (between, g_steal_pointer (&after));
      after = g_ptr_array_new_with_free_func (g_free);

      if (last_kept != NULL)
        {
          /* blank lines inside the body stay, not those around furniture */
          if (!gap)
            for (; n_blank > 0; n_blank--)
              jj_text_builder_insert (b, "\n", 1, line->offset);
          if (!gap || !runs_on (last_kept, line, width, run_on, indents,
                                indent_left || is_indented (line), run_in))
            jj_text_builder_insert (b, "\n", 1, line->offset);
        }
      n_blank = 0;
      copy_without_markers (b, line, notes);
      last_kept = line;
      gap = FALSE;
      indent_left = FALSE;
    }

  if (notices != NULL)
    {
      add_removed_notice (notices, _("website information around the text"), before);
      add_removed_notice (notices, _("website furniture between parts of the text"), between);
      add_removed_notice (notices, _("website notices after the text"), after);
    }

  if (title != NULL)
    *title = g_steal_pointer (&stem);

  return jj_text_builder_finish (g_steal_pointer (&b), out_n_bytes, map);
}
