/* jj-outline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-outline.h"
#include "jj-outline-entry-private.h"

/* The detector works on code points so that offsets are display offsets
 * and look-behind is free. It scans the text once for markers that stand
 * at a sentence boundary, groups them into ordinal series per marker
 * family, drops series that do not run 1, 2, …, and nests the survivors
 * with a stack. Every look-ahead is bounded by a small window.
 */

#define TITLE_WINDOW      120  /* how far a numbered heading may run */
#define ENUM_WINDOW        80
#define SHORT_HEADING      40  /* a heading line longer than this is prose */
#define MIN_FUSED_TITLE     4  /* characters after the marker before a cut */
#define MAX_FUSED_TITLE    44
#define RUN_IN_MAX         36  /* longest run-in heading up to its full stop */
#define MIN_FUSED_SENTENCE  8  /* 一、 is not run in: a sentence this long follows a cut */
#define OPENING_WINDOW    300
#define TITLE_MAX          80
#define LAST_ITEM_REACH  3000  /* 最后 closes a series only this close to it */
#define SIMILAR_LENGTH      4  /* siblings whose lengths differ by no more */
#define ANNOUNCE_WINDOW  1500  /* how far before the first section a count is announced */
#define QUOTE_WINDOW      300  /* how far back a quotation that holds a list opens */

typedef enum
{
  FAM_DUN,       /* 一、 */
  FAM_PAREN_CN,  /* （一） */
  FAM_ARABIC,    /* 1. 1、 1． */
  FAM_PAREN_AR,  /* （1） */
  FAM_CIRCLED,   /* ① */
  FAM_HINT0,     /* a paragraph the source marks as a heading, no marker */
  FAM_HINT_LAST = FAM_HINT0 + 8,
  FAM_SHI,       /* 一是 */
  FAM_YAO,       /* 一要 */
  FAM_ZHUA,      /* 一抓 */
  FAM_QI,        /* 其一 */
  FAM_DI,        /* 第一， */
  FAM_ORDER,     /* 首先，其次，再次，最后 */
  FAM_FANGMIAN,  /* 一方面，另一方面 */
  FAM_GE,        /* 一个是，另一个是 */
  FAM_DI_GE,     /* 第一个问题：第二个方面， */
  N_FAMILIES
} Family;

#define IS_ENUM(f)  ((f) >= FAM_SHI)
#define IS_HINT(f)  ((f) >= FAM_HINT0 && (f) <= FAM_HINT_LAST)

enum {
  CAND_LINE_START = 1 << 0,  /* at the start of a paragraph */
  CAND_STRONG     = 1 << 1,  /* may stand alone: own short line or a hint */
  CAND_VALID      = 1 << 2,
  CAND_OWN_LINE   = 1 << 3,  /* the heading is its paragraph */
  CAND_WEAK       = 1 << 4,  /* no sentence boundary before it */
  CAND_NUMBERED   = 1 << 5,  /* generated numbering: never the title */
  CAND_CUT_SURE   = 1 << 6,  /* the heading's text ends where it visibly does */
  CAND_PENDING    = 1 << 7,  /* numbered, no boundary: kept only if it fits a series */
  CAND_BARE       = 1 << 8,  /* a numeral alone on its line: the heading is the numeral */
  CAND_CUT_WORDS  = 1 << 9,  /* cut where the words say a sentence starts, not visibly */
};

typedef struct
{
  guint   start;
  guint   marker_end;
  guint   title_end;
  guint   ordinal;   /* 0 for 最后: continues any series */
  gint    series;
  guint   level;
  guint8  family;
  guint16 flags;
} Cand;

#define LEAD_MAX 3
#define TAIL_MAX 4

/* What the members of a series whose text ends cleanly have in common:
 * the range of their lengths, the characters they all start with and the
 * characters they all have at the same distance from their end (要…新机遇,
 * 要…新任务).
 */
typedef struct
{
  guint    n_clean;
  guint    len_min;
  guint    len_max;
  guint    lead_len;
  guint    tail_mask;
  gunichar lead[LEAD_MAX];
  gunichar tail[TAIL_MAX];
} Likeness;

typedef struct
{
  guint    first;      /* index of the first candidate */
  guint    last;       /* index of the last candidate */
  guint    last_ord;
  guint    count;
  Likeness like;
} Series;

typedef struct
{
  const gunichar        *u;
  guint                  n;
  const JjParagraphHint *hints;
  guint                  n_hints;
  GArray                *cands;
  GArray                *series;
  gboolean               run_on;
  gboolean               indented;  /* paragraphs start with 　　 */
} Scan;

struct _JjOutline
{
  GObject     parent_instance;

  GPtrArray  *entries;   /* flat, document order */
  GListStore *tree;
  guint       length;
  guint       announced;
  guint       n_sections;
};

G_DEFINE_FINAL_TYPE (JjOutline, jj_outline, G_TYPE_OBJECT)

static void
jj_outline_finalize (GObject *object)
{
  JjOutline *self = (JjOutline *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->tree);

  G_OBJECT_CLASS (jj_outline_parent_class)->finalize (object);
}

static void
jj_outline_class_init (JjOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_outline_finalize;
}

static void
jj_outline_init (JjOutline *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->tree = g_list_store_new (JJ_TYPE_OUTLINE_ENTRY);
}

/* Character classes */

static inline gunichar
at (const Scan *s,
    gint64      i)
{
  return (i >= 0 && i < (gint64)s->n) ? s->u[i] : 0;
}

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0;
}

static inline guint
cn_digit (gunichar c)
{
  switch (c)
    {
    case 0x4E00: return 1;  /* 一 */
    case 0x4E8C: return 2;  /* 二 */
    case 0x4E09: return 3;  /* 三 */
    case 0x56DB: return 4;  /* 四 */
    case 0x4E94: return 5;  /* 五 */
    case 0x516D: return 6;  /* 六 */
    case 0x4E03: return 7;  /* 七 */
    case 0x516B: return 8;  /* 八 */
    case 0x4E5D: return 9;  /* 九 */
    case 0x5341: return 10; /* 十 */
    default:     return 0;
    }
}

static inline gint
arabic_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)
    return c - 0xFF10;
  return -1;
}

static inline gboolean
is_open_quote (gunichar c)
{
  return c == 0x201C || c == 0x2018 || c == 0x300A || c == 0xFF08 || c == 0x300C
      || c == 0x300E || c == '(' || c == 0x3010;
}

static inline gboolean
is_close_quote (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == 0x300B || c == 0xFF09 || c == 0x300D
      || c == 0x300F || c == ')' || c == 0x3011;
}

static inline gboolean
is_full_stop (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
}

static inline gboolean
is_clause_end (gunichar c)
{
  return is_full_stop (c) || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A
      || c == ',' || c == ';' || c == ':';
}

/* Parses 一 … 九十九; returns 0 when there is no numeral at @i. */
static guint
parse_cn_number (const Scan *s,
                 guint       i,
                 guint      *len)
{
  guint a = cn_digit (at (s, i));
  guint b, c;

  *len = 0;
  if (a == 0)
    return 0;

  b = cn_digit (at (s, i + 1));
  if (a == 10)
    {
      if (b >= 1 && b <= 9)
        {
          *len = 2;
          return 10 + b;
        }
      *len = 1;
      return 10;
    }
  if (b == 10)
    {
      c = cn_digit (at (s, i + 2));
      if (c >= 1 && c <= 9)
        {
          *len = 3;
          return a * 10 + c;
        }
      *len = 2;
      return a * 10;
    }
  *len = 1;
  return a;
}

static guint
parse_arabic_number (const Scan *s,
                     guint       i,
                     guint      *len)
{
  gint a = arabic_digit (at (s, i));
  gint b;

  *len = 0;
  if (a < 0)
    return 0;
  b = arabic_digit (at (s, i + 1));
  if (b >= 0)
    {
      if (arabic_digit (at (s, i + 2)) >= 0)
        return 0;
      *len = 2;
      return a * 10 + b;
    }
  *len = 1;
  return a;
}

/* A marker starts a heading only at the start of a paragraph or right after
 * the end of a sentence: this is what rejects 统一、 and 第（一）项.
 */
static gboolean
boundary_before (const Scan *s,
                 guint       i,
                 guint       family)
{
  gboolean enumerator = IS_ENUM (family);
  gunichar p;

  if (i == 0)
    return TRUE;
  p = s->u[i - 1];
  if (p == '\n' || is_space (p))
    return TRUE;
  /* ① after a full stop is a footnote reference */
  if (family == FAM_CIRCLED)
    return p == 0xFF1A || p == 0xFF1B || p == ':' || p == ';';
  if (is_full_stop (p) || p == 0xFF1A || p == ':' || p == 0x2026)
    return TRUE;
  if (p == 0xFF1B && !enumerator)
    return TRUE;
  if ((p == 0x201D || p == 0x2019 || p == 0x300D || p == 0x300F || p == 0xFF09)
      && i >= 2 && is_full_stop (s->u[i - 2]))
    return TRUE;
  /* a photo credit (新华社记者 某某/摄) ends a caption */
  if (p == 0x6444 && i >= 2 && s->u[i - 2] == '/')
    return TRUE;
  /* page furniture: — 3 —, 第3页 共8页 */
  if ((p == 0x2014 || p == '-') && i >= 2 && (s->u[i - 2] == ' ' || arabic_digit (s->u[i - 2]) >= 0))
    return TRUE;
  if (p == 0x9875 && i >= 2 && arabic_digit (s->u[i - 2]) >= 0)
    return TRUE;
  return FALSE;
}

static gboolean
line_start (const Scan *s,
            guint       i)
{
  gboolean indent = FALSE;

  while (i > 0 && is_space (s->u[i - 1]))
    {
      indent |= s->u[i - 1] == 0x3000;
      i--;
    }
  return i == 0 || s->u[i - 1] == '\n' || indent;
}

/* Recognises a marker at @i. Fills family, ordinal and marker_end. */
static gboolean
match_marker (const Scan *s,
              guint       i,
              Cand       *cand)
{
  gunichar c = s->u[i];
  guint len = 0;
  guint v;

  if (cn_digit (c))
    {
      gunichar d;

      v = parse_cn_number (s, i, &len);
      d = at (s, i + len);

      /* a section numbered by a numeral alone on its line */
      if ((d == '\n' || d == '\r') && v > 0 && (i == 0 || s->u[i - 1] == '\n'))
        {
          cand->family = FAM_DUN;
          cand->ordinal = v;
          cand->marker_end = i;
          cand->flags |= CAND_BARE;
          return TRUE;
        }
      /* the same when the line break before it is lost: 。一　　正文 (the
       * indent opens the paragraph), 。一\n正文
       */
      if ((d == '\n' || (d == 0x3000 && at (s, i + len + 1) == 0x3000)) && v > 0 && v <= 20
          && i > 0 && is_full_stop (s->u[i - 1]))
        {
          cand->family = FAM_DUN;
          cand->ordinal = v;
          cand->marker_end = i;
          cand->flags |= CAND_BARE;
          return TRUE;
        }

      if (d == 0x3001) /* 、 */
        {
          gunichar e = at (s, i + len + 1);

          /* 一、二、三 and 三、四十人 are lists of numbers */
          if (e == 0x3001 || e == '\n' || e == 0)
            return FALSE;
          if (cn_digit (e))
            {
              gunichar f = at (s, i + len + 2);

              if (cn_digit (f) || f == 0x3001 || f == 0x6708 || f == 0x65E5 || f == 0x4E2A
                  || f == 0x767E || f == 0x5343 || f == 0x4E07 || f == 0x4EBF || f == 0x500D
                  || f == 0x6210 || f == 0x6B21 || f == 0x70B9 || f == 0x5B63)
                return FALSE;
            }
          cand->family = FAM_DUN;
          cand->ordinal = v;
          cand->marker_end = i + len + 1;
          return TRUE;
        }
      if (len == 1 && v == 1 && d == 0x65B9 && at (s, i + 2) == 0x9762) /* 一方面 */
        {
          cand->family = FAM_FANGMIAN;
          cand->ordinal = 1;
          cand->marker_end = i + 3;
          return TRUE;
        }
      if (len == 1 && v == 1 && d == 0x4E2A && at (s, i + 2) == 0x662F) /* 一个是 */
        {
          cand->family = FAM_GE;
          cand->ordinal = 1;
          cand->marker_end = i + 3;
          return TRUE;
        }
      if (d == 0x662F || d == 0x8981 || d == 0x6293) /* 是 要 抓 */
        {
          gunichar e = at (s, i + len + 1);

          /* 一是一、二是二 */
          if (cn_digit (e) && at (s, i + len + 2) == 0x3001)
            return FALSE;
          if (is_clause_end (e) || e == 0x3001 || e == '\n' || e == 0)
            return FALSE;
          cand->family = d == 0x662F ? FAM_SHI : d == 0x8981 ? FAM_YAO : FAM_ZHUA;
          cand->ordinal = v;
          cand->marker_end = i + len + 1;
          return TRUE;
        }
      return FALSE;
    }

  switch (c)
    {
    case 0x53E6: /* 另一方面 另一个是 */
      if (at (s, i + 1) != 0x4E00)
        return FALSE;
      if (at (s, i + 2) == 0x65B9 && at (s, i + 3) == 0x9762)
        cand->family = FAM_FANGMIAN;
      else if (at (s, i + 2) == 0x4E2A && at (s, i + 3) == 0x662F)
        cand->family = FAM_GE;
      else
        return FALSE;
      cand->ordinal = 2;
      cand->marker_end = i + 4;
      return TRUE;

    case 0x5176: /* 其一 其二 其次 */
      {
        gunichar e;

        if (at (s, i + 1) == 0x6B21) /* 其次 */
          {
            cand->family = FAM_ORDER;
            cand->ordinal = 2;
            cand->marker_end = i + 2;
            e = at (s, i + 2);
            return e == 0xFF0C || e == 0x3001 || e == ',' || e == 0x8981 || e == 0x662F;
          }
        v = cn_digit (at (s, i + 1));
        if (v == 0 || v == 10)
          return FALSE;
        e = at (s, i + 2);
        if (e != 0xFF0C && e != 0x3001 && e != 0xFF1A && e != 0x662F && e != ',')
          return FALSE;
        cand->family = FAM_QI;
        cand->ordinal = v;
        cand->marker_end = i + 2;
        return TRUE;
      }

    case 0x7B2C: /* 第一， 第一、 */
      {
        gunichar e;

        v = parse_cn_number (s, i + 1, &len);
        if (v == 0)
          return FALSE;
        e = at (s, i + 1 + len);
        /* 第一个问题： 第二个方面， — a short noun, then the colon or comma */
        if (e == 0x4E2A)
          {
            guint k = i + 2 + len;
            guint end = MIN (s->n, k + 4);

            for (; k < end; k++)
              {
                gunichar f = s->u[k];

                if (f == 0xFF1A || f == 0xFF0C || f == ':' || f == ',')
                  break;
                if (f < 0x4E00 || f > 0x9FFF || cn_digit (f) || f == 0x662F)
                  return FALSE;
              }
            if (k == end || k == i + 2 + len)
              return FALSE;
            cand->family = FAM_DI_GE;
            cand->ordinal = v;
            cand->marker_end = k;
            return TRUE;
          }
        /* 第一是…, like 一是… */
        if (e == 0x662F && !is_clause_end (at (s, i + 2 + len)))
          {
            cand->family = FAM_DI;
            cand->ordinal = v;
            cand->marker_end = i + 2 + len;
            return TRUE;
          }
        if (e != 0xFF0C && e != 0x3001 && e != 0xFF1A && e != ',')
          return FALSE;
        /* 第一、二 and 第一，二， are lists of numbers; 第二，一定 is no list */
        if (cn_digit (at (s, i + 2 + len))
            && (e == 0x3001 || is_clause_end (at (s, i + 3 + len)) || at (s, i + 3 + len) == 0x3001))
          return FALSE;
        cand->family = FAM_DI;
        cand->ordinal = v;
        cand->marker_end = i + 1 + len;
        return TRUE;
      }

    case 0x9996: /* 首先 */
    case 0x518D: /* 再次 再一个是 */
    case 0x6700: /* 最后 */
      {
        gunichar second = c == 0x9996 ? 0x5148 : c == 0x518D ? 0x6B21 : 0x540E;
        gunichar e = at (s, i + 2);

        if (c == 0x518D && at (s, i + 1) == 0x4E00 && at (s, i + 2) == 0x4E2A
            && at (s, i + 3) == 0x662F)
          {
            cand->family = FAM_GE;
            cand->ordinal = 2;
            cand->marker_end = i + 4;
            return TRUE;
          }
        if (at (s, i + 1) != second)
          return FALSE;
        /* 首先要… 其次是…: the sequence word opens the item without a comma */
        if (e != 0xFF0C && e != 0x3001 && e != ',' && e != 0x8981 && e != 0x662F)
          return FALSE;
        cand->family = FAM_ORDER;
        cand->ordinal = c == 0x9996 ? 1 : c == 0x518D ? 3 : 0;
        cand->marker_end = i + 2;
        return TRUE;
      }

    case 0xFF08: /* （ */
    case '(':
      {
        gunichar close;

        v = parse_cn_number (s, i + 1, &len);
        if (v > 0)
          {
            close = at (s, i + 1 + len);
            if (close != 0xFF09 && close != ')')
              return FALSE;
            cand->family = FAM_PAREN_CN;
          }
        else
          {
            v = parse_arabic_number (s, i + 1, &len);
            if (len == 0 || v == 0)
              return FALSE;
            close = at (s, i + 1 + len);
            if (close != 0xFF09 && close != ')')
              return FALSE;
            cand->family = FAM_PAREN_AR;
          }
        if (is_clause_end (at (s, i + 2 + len)) || at (s, i + 2 + len) == 0)
          return FALSE;
        cand->ordinal = v;
        cand->marker_end = i + 2 + len;
        return TRUE;
      }

    default:
      break;
    }

  if (c >= 0x2460 && c <= 0x2473)
    {
      cand->family = FAM_CIRCLED;
      cand->ordinal = c - 0x2460 + 1;
      cand->marker_end = i + 1;
      return TRUE;
    }

  if (arabic_digit (c) >= 0)
    {
      gunichar d, e;

      v = parse_arabic_number (s, i, &len);
      if (len == 0 || v == 0)
        return FALSE;
      d = at (s, i + len);
      if (d != '.' && d != 0xFF0E && d != 0x3001)
        return FALSE;
      e = at (s, i + len + 1);
      /* 1.5亿 */
      if (arabic_digit (e) >= 0 || e == 0 || e == '\n' || e == '%' || is_clause_end (e))
        return FALSE;
      cand->family = FAM_ARABIC;
      cand->ordinal = v;
      cand->marker_end = i + len + 1;
      return TRUE;
    }

  return FALSE;
}

/* Words that open a sentence in official prose. Where a numbered heading has
 * lost its line break, the next sentence usually starts with one of them.
 */
static const char * const openers[] = {
  "今年", "去年", "明年", "过去", "当前", "目前", "近年来", "近年", "多年来",
  "长期以来", "一年来", "五年来", "十年来", "同时", "与此同时", "此外", "现在",
  "今天", "前期", "近期", "下一步", "当今", "这些年", "我们", "我国", "我市",
  "我省", "我区", "我县", "我多次", "我想", "我讲", "我在", "这", "对此",
  "为此", "因此", "自从", "随着", "根据", "按照", "面对", "总的来看",
  "从全局", "综观", "纵观", "通观", "回首", "各地", "各级", "各部门", "全党", "党的十",
  "党中央", "做好", "实践证明", "事实证明", "大家", "同志们", "目前看", "关于",
  "众所周知", "如何",
};

/* Words that end headings: where a heading runs into the next sentence,
 * the cut usually falls after one of them.
 */
static const char * const heading_tails[] = {
  "工作", "建设", "发展", "任务", "领导", "回顾", "改革", "政策", "水平", "体系",
  "目标", "能力", "机制", "精神", "活力", "事业", "基础", "生活", "民生", "稳定",
  "格局", "作用", "质量", "实践", "开放", "力度", "战略", "振兴", "增收", "增产",
  "统一", "合作", "安全", "治理", "文明", "民主", "环境", "形势", "认识", "要求",
  "局面", "成就", "挑战", "问题", "保障", "服务", "效能", "举措", "取向", "总结",
  "胜利", "代化", "体化", "作风", "纪律", "制度", "法治", "的事", "之路", "意见",
  "部署", "重点", "方向", "优势", "动力", "空间", "利益", "和平", "主体", "队伍",
  "核心", "政策", "主义", "事业", "权力", "生产", "共赢", "原则", "战线", "素质",
  "家园", "成果", "方式", "路线", "方针", "标准", "措施", "责任", "思想", "意识", "使命",
  "调控", "创新", "秩序", "过程", "纲领",
};

/* Verbs and adverbs that open subjectless sentences; weak alone */
static const char * const weak_openers[] = {
  "切实", "积极", "千方百计", "认真", "继续", "进一步", "大力", "不断", "深入",
  "努力", "始终", "必须", "坚持", "坚决", "要", "以",
};

typedef struct
{
  gunichar *u;
  guint     len;
} Word;

/* First characters of the words of each list, as bits: most positions are
 * rejected by one look-up.
 */
#define FIRST_BITS 8192
static guint32 opener_first[FIRST_BITS / 32];
static guint32 tail_first[FIRST_BITS / 32];
static guint32 weak_first[FIRST_BITS / 32];
static guint32 marker_first[FIRST_BITS / 32];  /* every marker starts with one */

static inline void
bits_set (guint32  *bits,
          gunichar  c)
{
  bits[(c % FIRST_BITS) / 32] |= 1u << (c % 32);
}

static inline gboolean
bits_get (const guint32 *bits,
          gunichar       c)
{
  return (bits[(c % FIRST_BITS) / 32] >> (c % 32)) & 1;
}

static Word opener_words[G_N_ELEMENTS (openers)];
static Word tail_words[G_N_ELEMENTS (heading_tails)];
static Word weak_words[G_N_ELEMENTS (weak_openers)];

static void
init_words (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
        {
          glong len = 0;

          opener_words[i].u = g_utf8_to_ucs4_fast (openers[i], -1, &len);
          opener_words[i].len = len;
          bits_set (opener_first, opener_words[i].u[0]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (heading_tails); i++)
        {
          glong len = 0;

          tail_words[i].u = g_utf8_to_ucs4_fast (heading_tails[i], -1, &len);
          tail_words[i].len = len;
          bits_set (tail_first, tail_words[i].u[0]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (weak_openers); i++)
        {
          glong len = 0;

          weak_words[i].u = g_utf8_to_ucs4_fast (weak_openers[i], -1, &len);
          weak_words[i].len = len;
          bits_set (weak_first, weak_words[i].u[0]);
        }
      {
        static const gunichar starts[] = {
          0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
          0xFF08, '(', 0x53E6, 0x5176, 0x7B2C, 0x9996, 0x518D, 0x6700,
        };

        for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
          bits_set (marker_first, starts[i]);
        for (gunichar c = '0'; c <= '9'; c++)
          bits_set (marker_first, c);
        for (gunichar c = 0xFF10; c <= 0xFF19; c++)
          bits_set (marker_first, c);
        for (gunichar c = 0x2460; c <= 0x2473; c++)
          bits_set (marker_first, c);
      }
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
word_at (const Scan    *s,
         guint          i,
         const guint32 *first,
         const Word    *words,
         guint          n_words)
{
  if (!bits_get (first, at (s, i)))
    return FALSE;

  for (guint k = 0; k < n_words; k++)
    {
      guint j;

      if (at (s, i) != words[k].u[0])
        continue;
      for (j = 1; j < words[k].len; j++)
        {
          if (at (s, i + j) != words[k].u[j])
            break;
        }
      if (j == words[k].len)
        return TRUE;
    }
  return FALSE;
}

/* An adverb or auxiliary (不断, 必须, 要) ends just before @p: it goes
 * with the verb at @p, so no sentence starts there.
 */
static gboolean
adverb_before (const Scan *s,
               guint       p)
{
  for (guint k = 0; k < G_N_ELEMENTS (weak_words); k++)
    {
      const Word *w = &weak_words[k];
      guint j;

      if (w->len > p || s->u[p - 1] != w->u[w->len - 1])
        continue;
      for (j = 0; j < w->len && s->u[p - w->len + j] == w->u[j]; j++)
        ;
      if (j == w->len)
        return TRUE;
    }
  return FALSE;
}

/* 在 从 通过 经过 随着 为了 按照 根据 围绕 针对 面对 对于 */
static gboolean
is_preposition_at (const Scan *s,
                   guint       i)
{
  gunichar a = s->u[i], b = at (s, i + 1);

  return a == 0x5728 || a == 0x4ECE
      || (a == 0x901A && b == 0x8FC7) || (a == 0x7ECF && b == 0x8FC7)
      || (a == 0x968F && b == 0x7740) || (a == 0x4E3A && b == 0x4E86)
      || (a == 0x6309 && b == 0x7167) || (a == 0x6839 && b == 0x636E)
      || (a == 0x56F4 && b == 0x7ED5) || (a == 0x9488 && b == 0x5BF9)
      || (a == 0x9762 && b == 0x5BF9) || (a == 0x5BF9 && b == 0x4E8E);
}

/* The clause that starts at @i is an adverbial that opens a sentence:
 * 建厂以来， 会议结束后， 在看到进步的同时， 在…过程中，
 */
static gboolean
adverbial_clause_at (const Scan *s,
                     guint       i)
{
  gboolean zai = is_preposition_at (s, i);
  guint reach = zai ? 24 : 14;

  for (guint k = i + 1; k < MIN (s->n, i + reach); k++)
    {
      gunichar c = s->u[k];

      /* 建厂以来的十年， */
      if (c == 0x4EE5 && at (s, k + 1) == 0x6765 && at (s, k + 2) == 0x7684 && k >= i + 2)
        return TRUE;
      if (c == 0xFF0C && k >= i + 4)
        {
          gunichar a = s->u[k - 2], b = s->u[k - 1];

          if (b == 0x540E || b == 0x65F6)     /* 后 时 */
            return TRUE;
          if ((a == 0x4EE5 && b == 0x6765)    /* 以来 */
              || (a == 0x6765 && b == 0x770B) /* 来看 */
              || (a == 0x671F && b == 0x95F4) /* 期间 */
              || (a == 0x540C && b == 0x65F6))/* 同时 */
            return TRUE;
          /* 在…中， 通过…， 从…看， */
          return zai;
        }
      /* …在…的同时 belongs to the clause of 在 */
      if (is_clause_end (c) || c == '\n' || (!zai && c == 0x5728))
        return FALSE;
    }
  return FALSE;
}

/* A quoted sentence: “路虽远，行则将至。” */
static gboolean
quoted_sentence_at (const Scan *s,
                    guint       i)
{
  if (at (s, i) != 0x201C)
    return FALSE;
  for (guint k = i + 1; k < MIN (s->n, i + 60); k++)
    {
      if (s->u[k] == 0x201D)
        return is_full_stop (s->u[k - 1]);
    }
  return FALSE;
}

/* The next sentence often restates the heading: 完善交通网络完善交通网络，是…
 * @seen holds the bigrams of the heading so far, as bits.
 */
#define BIGRAM_BITS 4096

static inline guint
bigram_bit (gunichar a,
            gunichar b)
{
  return (a * 31 + b) % BIGRAM_BITS;
}

static guint
repeats_heading (const Scan    *s,
                 const guint32 *seen,
                 guint          from,
                 guint          p,
                 guint          end)
{
  for (guint q = p; q <= p + 2 && q + 4 <= end; q++)
    {
      guint bit = bigram_bit (s->u[q], s->u[q + 1]);

      if (!((seen[bit / 32] >> (bit % 32)) & 1))
        continue;
      for (guint k = from; k + 4 <= p; k++)
        {
          if (s->u[k] == s->u[q] && s->u[k + 1] == s->u[q + 1]
              && s->u[k + 2] == s->u[q + 2] && s->u[k + 3] == s->u[q + 3])
            return q == p ? 3 : 2;
        }
    }
  return 0;
}

/* No sentence starts with these */
static gboolean
is_function_word (gunichar c)
{
  switch (c)
    {
    case 0x662F: /* 是 */
    case 0x7684: /* 的 */
    case 0x4E86: /* 了 */
    case 0x548C: /* 和 */
    case 0x4E0E: /* 与 */
    case 0x7B49: /* 等 */
    case 0x53CA: /* 及 */
    case 0x5730: /* 地 */
    case 0x5F97: /* 得 */
    case 0x7740: /* 着 */
    case 0x4E4B: /* 之 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* 文化是…, 法治是…: a sentence that defines its subject; of two cuts
 * after a heading's word before the same 是 (…事业|发展|教育是), the
 * later leaves the likelier subject
 */
static gboolean
short_subject_at (const Scan *s,
                  guint       p)
{
  for (guint k = p + 1; k < MIN (s->n, p + 6); k++)
    {
      if (s->u[k] == 0x662F) /* 是 */
        {
          for (guint q = p + 2; q + 1 < k; q++)
            {
              if (word_at (s, q - 2, tail_first, tail_words, G_N_ELEMENTS (tail_words)))
                return FALSE;
            }
          /* …民主|政治我国是: so does a word that opens sentences */
          for (guint q = p + 1; q < k; q++)
            {
              if (word_at (s, q, opener_first, opener_words, G_N_ELEMENTS (opener_words)))
                return FALSE;
            }
          return TRUE;
        }
      if (is_clause_end (s->u[k]) || s->u[k] == 0x3001 || is_space (s->u[k]))
        return FALSE;
    }
  return FALSE;
}

static inline gboolean
year_digit (gunichar c)
{
  return arabic_digit (c) >= 0 || (cn_digit (c) != 0 && c != 0x5341) || c == 0x3007;
}

/* A list that a colon announces (…的主要内容是：一、…) lies inside the
 * section whose text announces it.
 */
static gboolean
announced_by_colon (const Scan *s,
                    guint       i)
{
  while (i > 0 && is_space (s->u[i - 1]))
    i--;
  return i > 0 && (s->u[i - 1] == 0xFF1A || s->u[i - 1] == ':');
}

/* 农业、农村和农民问题，是…; 发展民主，健全法制，是…: a sentence whose
 * subject, one clause or a pair, is taken up by 是 after a comma
 */
static gboolean
subject_then_shi_at (const Scan *s,
                     guint       p)
{
  guint commas = 0, first_comma = 0, shi = 0;

  for (guint k = p + 1; k < MIN (s->n, p + 20) && shi == 0; k++)
    {
      gunichar c = s->u[k];

      if (c == 0xFF0C)
        {
          /* a subject of two clauses is a pair of like length */
          if (at (s, k + 1) == 0x662F)
            {
              if (commas > 0 && k - first_comma - 1 != first_comma - p)
                return FALSE;
              shi = k;
            }
          else if (++commas == 2)
            return FALSE;
          first_comma = k;
        }
      else if (is_clause_end (c) || is_space (c) || is_open_quote (c))
        return FALSE;
    }
  if (shi == 0)
    return FALSE;
  /* a later cut after a heading's word that leaves a subject too is
   * the likelier one
   */
  for (guint k = p + 2; k < shi; k++)
    {
      if (!is_clause_end (s->u[k])
          && word_at (s, k - 2, tail_first, tail_words, G_N_ELEMENTS (tail_words))
          && subject_then_shi_at (s, k))
        return FALSE;
    }
  return TRUE;
}

/* 这个 这一 这种 这些 这样 */
static gboolean
demonstrative_at (const Scan *s,
                  guint       p)
{
  gunichar b = at (s, p + 1);

  return s->u[p] == 0x8FD9
      && (b == 0x4E2A || b == 0x4E00 || b == 0x79CD || b == 0x4E9B || b == 0x6837);
}

/* A year opens a sentence: 2009年, 二〇〇九年 */
static gboolean
year_at (const Scan *s,
         guint       p)
{
  for (guint k = 0; k < 4; k++)
    {
      if (!year_digit (at (s, p + k)))
        return FALSE;
    }
  return at (s, p + 4) == 0x5E74 && !year_digit (at (s, (gint64)p - 1));
}

static inline gboolean
is_numeral (gunichar c)
{
  return cn_digit (c) != 0 || arabic_digit (c) >= 0 || c == 0x3007 || c == 0x25CB;
}

/* 十二届人大以来的三年， 2009年以来，: a short time phrase that opens a
 * sentence starts with its number
 */
static gboolean
time_phrase_at (const Scan *s,
                guint       p)
{
  gunichar before = at (s, (gint64)p - 1);

  /* 第一个…之后 is an ordinal, no time */
  if (!is_numeral (at (s, p)) || is_numeral (before) || before == 0x7B2C)
    return FALSE;
  /* short: 十二届人大以来， */
  for (guint k = p + 1; k < MIN (s->n, p + 9); k++)
    {
      gunichar c = s->u[k];

      if (c == 0xFF0C || (c == 0x4EE5 && at (s, k + 1) == 0x6765))
        return adverbial_clause_at (s, p);
      if (is_clause_end (c))
        return FALSE;
    }
  return FALSE;
}

/* The adverbial clause at @p holds a time phrase that opens it later:
 * 指导思想和基本方略十二届人大以来， starts at 十 (and 十二届三次全会以来
 * at 十)
 */
static gboolean
time_phrase_after (const Scan *s,
                   guint       p)
{
  for (guint k = p + 1; k < MIN (s->n, p + 14); k++)
    {
      if (is_clause_end (s->u[k]))
        return FALSE;
      if (is_numeral (s->u[k]) && time_phrase_at (s, k))
        return TRUE;
    }
  return FALSE;
}

static guint
cut_score (const Scan    *s,
           const Cand    *cand,
           const guint32 *seen,
           guint          p,
           guint          end)
{
  guint score = 0;

  /* 扩大内需这个战略基点: 这个, 这一 after a noun name it again */
  if (demonstrative_at (s, p))
    ;
  else if (word_at (s, p, opener_first, opener_words, G_N_ELEMENTS (opener_words))
           || (adverbial_clause_at (s, p) && (time_phrase_at (s, p) || !time_phrase_after (s, p)))
           || quoted_sentence_at (s, p))
    score += 3;
  /* 要把…作为…: a subjectless sentence of a speech (not 要把握) */
  else if (s->u[p] == 0x8981 && at (s, p + 1) == 0x628A && at (s, p + 2) != 0x63E1)
    score += 3;
  /* 2009年 二〇〇九年 */
  else if (year_at (s, p))
    score += 3;
  /* 纲要的基本框架|纲要共分…: the sentence takes up the heading's subject */
  else if (p >= cand->marker_end + 4 && s->u[p] == at (s, cand->marker_end)
           && at (s, p + 1) == at (s, cand->marker_end + 1) && !is_clause_end (at (s, p + 1)))
    score += 3;
  /* (not when the words repeated end the sentence: 巩固拓展|污染防治成果。) */
  if (!is_full_stop (at (s, end)) || end >= p + MIN_FUSED_SENTENCE)
    score += repeats_heading (s, seen, cand->marker_end, p, end);
  /* 二、主要任务（一）… : a heading that runs into the first item below it */
  {
    Cand next = { 0 };

    /* (not 第|一要务, 十|一、) */
    if (match_marker (s, p, &next) && (next.ordinal == 1 || next.family == FAM_DUN)
        && next.family != FAM_CIRCLED && s->u[p - 1] != 0x7B2C && !is_numeral (s->u[p - 1]))
      score += 4;
  }
  /* …管理|管理水平: the sentence starts with the heading's last word */
  if (at (s, p - 2) == at (s, p) && at (s, p - 1) == at (s, p + 1))
    score += 3;
  if (word_at (s, p - 2, tail_first, tail_words, G_N_ELEMENTS (tail_words)))
    {
      score += 2;
      /* …过程|“十四五”时期是…: a quoted term opens the sentence */
      if (word_at (s, p, weak_first, weak_words, G_N_ELEMENTS (weak_words))
          || short_subject_at (s, p) || subject_then_shi_at (s, p) || s->u[p] == 0x201C
          || demonstrative_at (s, p))
        score += 1;
    }
  return score;
}

/* Siblings */

static guint
title_start (const Scan *s,
             const Cand *cand)
{
  guint k = cand->marker_end;

  while (k < s->n && is_space (s->u[k]))
    k++;
  return k;
}

static void
likeness_add (Likeness   *like,
              const Scan *s,
              const Cand *cand)
{
  guint from = title_start (s, cand);
  guint to = cand->title_end;
  guint len;

  if (!(cand->flags & CAND_CUT_SURE))
    return;
  while (to > from && (is_clause_end (s->u[to - 1]) || is_space (s->u[to - 1])))
    to--;
  if (to <= from)
    return;
  len = to - from;

  if (like->n_clean == 0)
    {
      like->len_min = like->len_max = len;
      like->lead_len = MIN (len, LEAD_MAX);
      for (guint k = 0; k < like->lead_len; k++)
        like->lead[k] = s->u[from + k];
      like->tail_mask = 0;
      for (guint j = 0; j < MIN (len, TAIL_MAX); j++)
        {
          like->tail[j] = s->u[to - 1 - j];
          like->tail_mask |= 1u << j;
        }
    }
  else
    {
      guint k = 0;

      like->len_min = MIN (like->len_min, len);
      like->len_max = MAX (like->len_max, len);
      while (k < like->lead_len && k < len && s->u[from + k] == like->lead[k])
        k++;
      like->lead_len = k;
      for (guint j = 0; j < TAIL_MAX; j++)
        {
          if (j >= len || s->u[to - 1 - j] != like->tail[j])
            like->tail_mask &= ~(1u << j);
        }
    }
  like->n_clean++;
}

/* Siblings say something only when at least two of them ended cleanly and
 * they share a pattern the heading at @from follows.
 */
static gboolean
likeness_applies (const Likeness *like,
                  const Scan     *s,
                  guint           from)
{
  if (like == NULL || like->n_clean < 2)
    return FALSE;
  if (like->lead_len > 0)
    {
      for (guint k = 0; k < like->lead_len; k++)
        {
          if (at (s, from + k) != like->lead[k])
            return FALSE;
        }
      return TRUE;
    }
  return like->tail_mask != 0;
}

static gboolean
tail_matches (const Likeness *like,
              const Scan     *s,
              guint           from,
              guint           p)
{
  if (like->tail_mask == 0)
    return FALSE;
  for (guint j = 0; j < TAIL_MAX; j++)
    {
      if (!(like->tail_mask & (1u << j)))
        continue;
      if (p < from + j + 1 || s->u[p - 1 - j] != like->tail[j])
        return FALSE;
    }
  return TRUE;
}

static gboolean
length_fits (const Likeness *like,
             guint           len)
{
  return len + 2 >= like->len_min && len <= like->len_max + 2;
}

/* A cut at @p that gives the heading the shape of its siblings */
static guint
sibling_score (const Scan     *s,
               const Likeness *like,
               guint           from,
               guint           p)
{
  guint score = 0;

  /* a heading longer or shorter than all its siblings is not like them */
  if (like == NULL || !length_fits (like, p - from))
    return 0;
  if (tail_matches (like, s, from, p))
    score += 2;
  /* siblings of about the same length make the length a signal */
  if (like->len_max <= like->len_min + SIMILAR_LENGTH
      && p - from + 1 >= like->len_min && p - from <= like->len_max + 1)
    score += 1;
  return score;
}

/* Where does the text of a numbered heading end? At the paragraph's end, at
 * white space, or at the first full stop outside quotes. In run-on text a
 * heading that has lost its line break runs into the next sentence; the cut
 * is where that sentence visibly starts, or, with @like, where the heading
 * takes the shape of its siblings.
 */
static guint
numbered_title_end (const Scan     *s,
                    Cand           *cand,
                    const Likeness *like)
{
  guint k = cand->marker_end;
  guint limit = MIN (s->n, cand->marker_end + TITLE_WINDOW);
  guint first_comma = 0;
  gint depth = 0;
  guint stop, end;
  guint best = 0, best_score = 0, best_base = 0, best_tail = 0;
  guint lo, hi, commas, clause, from;
  gboolean in_paragraph;
  guint32 seen[BIGRAM_BITS / 32];

  cand->flags &= ~(CAND_CUT_SURE | CAND_CUT_WORDS);
  while (k < limit && is_space (s->u[k]) && s->u[k] != '\n')
    k++;
  from = k;
  if (!likeness_applies (like, s, from))
    like = NULL;

  for (; k < limit; k++)
    {
      gunichar c = s->u[k];

      if (c == '\n' || (is_space (c) && depth == 0))
        {
          cand->flags |= CAND_OWN_LINE | CAND_CUT_SURE;
          return k;
        }
      if (is_open_quote (c))
        depth++;
      else if (is_close_quote (c) && depth > 0)
        depth--;
      else if (depth == 0 && is_full_stop (c))
        break;
      else if (depth == 0 && first_comma == 0 && (c == 0xFF0C || c == 0xFF1B))
        first_comma = k;
    }
  stop = end = k;
  if (k == limit && k < s->n)
    end = first_comma != 0 ? first_comma : limit;
  if (end == s->n)
    {
      cand->flags |= CAND_OWN_LINE | CAND_CUT_SURE;
      return end;
    }

  /* In paragraphed text a full stop ends a short run-in heading at the
   * start of a paragraph; a heading inside a paragraph, or one that runs on
   * too long, has lost its line break.
   */
  /* 1. and （1） are run in by custom: their text ends at the full stop */
  if (cand->family != FAM_DUN && cand->family != FAM_PAREN_CN && !IS_HINT (cand->family))
    {
      cand->flags |= CAND_CUT_SURE;
      return end;
    }
  in_paragraph = s->run_on || !(cand->flags & CAND_LINE_START);
  if (!in_paragraph && stop - cand->marker_end <= RUN_IN_MAX)
    {
      cand->flags |= CAND_CUT_SURE;
      return end;
    }
  /* a paragraph of one sentence is the heading, however long */
  if (!in_paragraph && is_full_stop (at (s, stop)) && (stop + 1 == s->n || s->u[stop + 1] == '\n'))
    {
      cand->flags |= CAND_CUT_SURE;
      return end;
    }

  lo = cand->marker_end + MIN_FUSED_TITLE;
  hi = MIN (stop, cand->marker_end + MAX_FUSED_TITLE);

  /* A heading holds at most one comma: the cut comes before the second */
  depth = 0;
  for (k = cand->marker_end, commas = 0; k < hi; k++)
    {
      gunichar c = s->u[k];

      if (is_open_quote (c))
        depth++;
      else if (is_close_quote (c) && depth > 0)
        depth--;
      else if (depth == 0 && (c == 0xFF0C || c == 0xFF1B) && ++commas == 2)
        {
          hi = k;
          break;
        }
    }

  depth = 0;
  clause = cand->marker_end;
  memset (seen, 0, sizeof seen);
  for (k = cand->marker_end; k < hi; k++)
    {
      gunichar c = s->u[k];
      guint score, base;

      if (k >= cand->marker_end + 4)
        {
          guint bit = bigram_bit (s->u[k - 4], s->u[k - 3]);

          seen[bit / 32] |= 1u << (bit % 32);
        }

      if (is_open_quote (c))
        {
          Cand next = { 0 };

          /* （一） opens no quote: it is the next heading */
          if ((c == 0xFF08 || c == '(') && k >= lo && match_marker (s, k, &next))
            {
              /* …以下几个方面：（一）: the sentence that announces the
               * list is not the heading; a likely cut before it stands
               */
              if (best_score >= 3 && announced_by_colon (s, k))
                break;
              best_score = 9;
              best = k;
              break;
            }
          depth++;
        }
      else if (is_close_quote (c) && depth > 0)
        depth--;
      if (depth == 0 && (c == 0xFF0C || c == 0xFF1B))
        clause = k + 1;
      if (k < lo || k < clause + MIN_FUSED_TITLE || (depth > 0 && c != 0x201C)
          || is_clause_end (c) || c == 0x3001 || s->u[k - 1] == 0x3001
          || is_function_word (c) || is_function_word (s->u[k - 1]) || adverb_before (s, k))
        continue;
      base = cut_score (s, cand, seen, k, stop);
      if (base == 2)
        best_tail = k;
      /* siblings decide between cuts the words find about as likely */
      score = base + sibling_score (s, like, from, k);
      if (score > best_score || (score == best_score && base > best_base))
        {
          best_score = score;
          best_base = base;
          best = k;
        }
    }
  if (best_score >= 3)
    {
      cand->flags |= CAND_CUT_SURE | CAND_CUT_WORDS;
      return best;
    }
  /* A word that ends headings is enough when the text runs on too long
   * for a run-in heading; the last such word is the likeliest.
   */
  if (best_tail > 0 && in_paragraph
      && (stop - cand->marker_end > RUN_IN_MAX
          || (cand->family == FAM_DUN && stop >= best_tail + MIN_FUSED_SENTENCE)))
    return best_tail;

  return end;
}

static guint
enumerator_title_end (const Scan *s,
                      Cand       *cand)
{
  guint k = cand->marker_end;
  guint limit = MIN (s->n, cand->marker_end + ENUM_WINDOW);
  guint first_stop = 0;
  gint depth = 0;

  /* 第一，首先， keep their comma in the marker */
  if (k < s->n && (s->u[k] == 0xFF0C || s->u[k] == 0x3001 || s->u[k] == ','
                   || s->u[k] == 0xFF1A))
    cand->marker_end = ++k;

  for (; k < limit; k++)
    {
      gunichar c = s->u[k];

      if (c == '\n' || (is_space (c) && depth == 0))
        return k;
      if (is_open_quote (c))
        depth++;
      else if (is_close_quote (c) && depth > 0)
        depth--;
      else if (depth == 0 && is_clause_end (c))
        return k;
      else if (first_stop == 0 && is_clause_end (c))
        first_stop = k;
    }
  /* a quote that never closes does not hold the text */
  return depth > 0 && first_stop != 0 ? first_stop : k;
}

/* Text that has lost its paragraph breaks: no line break or indent, or
 * lines far longer than paragraphs are.
 */
static gboolean
is_run_on (const Scan *s,
           gboolean   *indented)
{
  guint breaks = 1, indents = 0;

  /* an indent (U+3000, or two spaces) marks a paragraph too */
  for (guint i = 0; i < s->n; i++)
    {
      gunichar c = s->u[i];

      if (c == '\n' || (c == 0x3000 && i > 0 && s->u[i - 1] != 0x3000)
          || (c == ' ' && i > 0 && s->u[i - 1] == ' ' && at (s, i + 1) != ' '))
        breaks++;
      if (c == 0x3000 && at (s, i + 1) == 0x3000 && i > 0 && s->u[i - 1] != '\n')
        indents++;
    }
  *indented = indents >= 2;
  return breaks == 1 || s->n / breaks > 1500;
}

/* ① 某某：《…》，第12页 — a note, not a heading */
static gboolean
is_citation (const Scan *s,
             guint       i)
{
  gboolean book = FALSE;

  for (guint k = i; k < MIN (s->n, i + TITLE_WINDOW); k++)
    {
      gunichar c = s->u[k];

      if (c == 0x300A)
        book = TRUE;
      if (c == '\n' || k + 1 == s->n)
        {
          guint j = c == '\n' ? k : k + 1;

          while (j > i && (is_full_stop (s->u[j - 1]) || is_space (s->u[j - 1])))
            j--;
          return book && j > i && s->u[j - 1] == 0x9875; /* 页 */
        }
    }
  return FALSE;
}

/* Run-on text from the start: a title with no punctuation, then 一、 */
static gboolean
after_title (const Scan *s,
             guint       i,
             const Cand *cand)
{
  if (i > TITLE_MAX || cand->ordinal != 1
      || (cand->family != FAM_DUN && cand->family != FAM_PAREN_CN))
    return FALSE;
  for (guint k = 0; k < i; k++)
    {
      if (is_clause_end (s->u[k]) || s->u[k] == '\n')
        return FALSE;
    }
  return i >= 4;
}

static const JjParagraphHint *
hint_at (const Scan *s,
         guint       start)
{
  guint lo = 0, hi = s->n_hints;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (s->hints[mid].start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < s->n_hints && s->hints[lo].start == start)
    return &s->hints[lo];
  return NULL;
}

static gboolean
hint_is_heading (const JjParagraphHint *hint)
{
  return hint != NULL
      && (hint->outline_level >= 0
          || (hint->flags & (JJ_PARAGRAPH_HEADING_STYLE | JJ_PARAGRAPH_NUMBERED)) != 0);
}

/* The end of a paragraph without its full stop: a word, a closing quote
 * or bracket, not a number (十二、) nor 第（二）
 */
static gboolean
may_follow_unpunctuated (const Scan *s,
                         guint       i)
{
  gunichar p = at (s, (gint64)i - 1);

  if (p >= 0x4E00 && p <= 0x9FFF)
    return cn_digit (p) == 0 && p != 0x7B2C && p != 0x4E24 && p != 0x51E0;
  return p == 0x201D || p == 0x300B || p == 0xFF09 || p == 0x300D;
}

/* @i lies inside a quotation that opened in its paragraph, not far back */
static gboolean
in_quotation (const Scan *s,
              guint       i)
{
  gint depth = 0;
  guint k = i;

  while (k > 0 && i - k < QUOTE_WINDOW && s->u[k - 1] != '\n')
    k--;
  for (; k < i; k++)
    {
      gunichar c = s->u[k];

      if (c == 0x201C || c == 0x300C)
        depth++;
      else if ((c == 0x201D || c == 0x300D) && depth > 0)
        depth--;
    }
  return depth > 0;
}

/* 办好职业教育，一要深化产教融合。…二要…: the paragraph break before a
 * first item may be lost with only a comma left; the item counts when its
 * clause is a whole sentence and the next item starts one
 */
static gboolean
first_item_after_comma (const Scan *s,
                        guint       i,
                        const Cand *cand)
{
  if ((cand->family != FAM_SHI && cand->family != FAM_YAO && cand->family != FAM_ZHUA)
      || cand->ordinal != 1 || i == 0 || s->u[i - 1] != 0xFF0C)
    return FALSE;
  for (guint k = cand->marker_end; k < MIN (s->n, cand->marker_end + ENUM_WINDOW); k++)
    {
      if (is_clause_end (s->u[k]) || is_space (s->u[k]) || s->u[k] == '\n')
        return is_full_stop (s->u[k]);
    }
  return FALSE;
}

/* 。二下面… : a section numeral alone on its line that lost both line
 * breaks; it counts only where it fills the gap in a series of numerals
 * that kept theirs (not 二者, 二是, 三个, 五年)
 */
static gboolean
bare_numeral_fused (const Scan *s,
                    guint       i,
                    Cand       *cand)
{
  guint v;
  gunichar d;

  if (i == 0 || !is_full_stop (s->u[i - 1]))
    return FALSE;
  v = cn_digit (s->u[i]);
  d = at (s, i + 1);
  if (v < 2 || v > 9 || d < 0x4E00 || d > 0x9FFF || is_numeral (d))
    return FALSE;
  switch (d)
    {
    case 0x662F: case 0x8981: case 0x6293: case 0x4E2A: case 0x65B9: case 0x8005: /* 是要抓个方者 */
    case 0x767E: case 0x5343: case 0x4E07: case 0x4EBF: case 0x5E74: case 0x6708: /* 百千万亿年月 */
    case 0x65E5: case 0x500D: case 0x6210: case 0x6B21: case 0x70B9: case 0x5B63: /* 日倍成次点季 */
    case 0x4F4D: case 0x9879: case 0x6761: case 0x79CD: case 0x5927: case 0x5C4A: /* 位项条种大届 */
      return FALSE;
    default:
      break;
    }
  cand->family = FAM_DUN;
  cand->ordinal = v;
  return TRUE;
}

static void
scan_candidates (Scan *s)
{
  /* where a heading cut from its run-on text ends, a sentence starts */
  guint after_heading = G_MAXUINT;

  for (guint i = 0; i < s->n; i++)
    {
      gunichar c = s->u[i];
      Cand cand;
      gboolean at_line_start;
      const JjParagraphHint *hint = NULL;

      /* Cheap filter: one look-up rejects most characters */
      if (!bits_get (marker_first, c)
          || !(cn_digit (c) || c == 0xFF08 || c == '(' || arabic_digit (c) >= 0
               || (c >= 0x2460 && c <= 0x2473) || c == 0x53E6 || c == 0x5176
               || c == 0x7B2C || c == 0x9996 || c == 0x518D || c == 0x6700))
        {
          if (!((i == 0 || s->u[i - 1] == '\n') && s->n_hints > 0))
            continue;
        }
      memset (&cand, 0, sizeof cand);

      at_line_start = line_start (s, i);
      if (s->n_hints > 0 && (i == 0 || s->u[i - 1] == '\n'))
        hint = hint_at (s, i);

      if (!match_marker (s, i, &cand))
        {
          /* Word's automatic numbering leaves no marker in the text */
          if (hint_is_heading (hint) && !is_space (c))
            {
              gint lvl = hint->outline_level >= 0 ? hint->outline_level : 0;

              cand.family = FAM_HINT0 + MIN (lvl, FAM_HINT_LAST - FAM_HINT0);
              cand.ordinal = 1;
              cand.start = i;
              cand.marker_end = i;
              cand.flags = CAND_LINE_START | CAND_STRONG;
              if (hint->flags & JJ_PARAGRAPH_NUMBERED)
                cand.flags |= CAND_NUMBERED;
              cand.title_end = numbered_title_end (s, &cand, NULL);
              g_array_append_val (s->cands, cand);
            }
          else if (bare_numeral_fused (s, i, &cand))
            {
              cand.start = cand.marker_end = i;
              cand.title_end = i + 1;
              cand.flags |= CAND_PENDING | CAND_BARE | CAND_OWN_LINE | CAND_CUT_SURE;
              g_array_append_val (s->cands, cand);
            }
          continue;
        }

      if (i != after_heading && !boundary_before (s, i, cand.family)
          && !after_title (s, i, &cand))
        {
          /* 第二，其次， can only start a sentence; they are kept when they
           * continue a series (the boundary may be lost with a caption).
           */
          if ((cand.family == FAM_DI || cand.family == FAM_ORDER || cand.family == FAM_QI)
              && cand.ordinal != 1 && is_clause_end (at (s, cand.marker_end))
              && !is_clause_end (s->u[i - 1]))
            cand.flags |= CAND_WEAK;
          else if (first_item_after_comma (s, i, &cand))
            cand.flags |= CAND_WEAK;
          /* a paragraph that ended without punctuation: the heading after
           * it counts only if it fits a series (siblings, announced count)
           */
          else if ((cand.family == FAM_DUN || cand.family == FAM_PAREN_CN)
                   && may_follow_unpunctuated (s, i))
            cand.flags |= CAND_PENDING;
          else
            continue;
        }

      /* In paragraphed text, numbered items inside a quotation are the
       * quoted text's list: 他说：“（1）…；（2）…”
       */
      if (!s->run_on && !at_line_start && !IS_ENUM (cand.family) && in_quotation (s, i))
        continue;

      cand.start = i;
      if (at_line_start)
        cand.flags |= CAND_LINE_START;

      if (cand.flags & CAND_BARE)
        {
          guint len;

          parse_cn_number (s, i, &len);
          cand.title_end = i + len;
          cand.flags |= CAND_OWN_LINE | CAND_CUT_SURE;
        }
      else if (IS_ENUM (cand.family))
        cand.title_end = enumerator_title_end (s, &cand);
      else
        cand.title_end = numbered_title_end (s, &cand, NULL);

      if (cand.title_end <= cand.marker_end)
        continue;
      if (cand.family == FAM_CIRCLED && is_citation (s, cand.marker_end))
        continue;

      /* a numeral alone on its line only counts in a series */
      if (!IS_ENUM (cand.family) && at_line_start && (cand.flags & CAND_OWN_LINE)
          && !(cand.flags & CAND_BARE) && cand.title_end - cand.start <= SHORT_HEADING)
        cand.flags |= CAND_STRONG;
      if (hint != NULL && (hint_is_heading (hint) || (hint->flags & JJ_PARAGRAPH_BOLD)))
        cand.flags |= CAND_STRONG;

      if (!IS_ENUM (cand.family) && !(cand.flags & (CAND_OWN_LINE | CAND_PENDING)))
        after_heading = cand.title_end;
      g_array_append_val (s->cands, cand);
      /* Skip the marker itself: 一是 cannot hold another marker */
      if (cand.marker_end > i)
        i = cand.marker_end - 1;
    }
}

static void
series_add (Scan  *s,
            gint   id,
            guint  i)
{
  Cand *c = &g_array_index (s->cands, Cand, i);
  Series *ser = &g_array_index (s->series, Series, id);

  c->series = id;
  if (ser->count > 0)
    {
      ser->last = i;
      ser->last_ord = c->ordinal == 0 ? ser->last_ord + 1 : c->ordinal;
    }
  ser->count++;
  likeness_add (&ser->like, s, c);
}

/* A heading without a sentence boundary before it joins the series it
 * continues when it looks like the members so far, and no later heading
 * of the family takes its place.
 */
static gboolean
fits_series (Scan         *s,
             Cand         *c,
             const Series *ser,
             const Cand   *next)
{
  guint from;
  guint to;

  if (next != NULL && next->ordinal == c->ordinal)
    return FALSE;
  from = title_start (s, c);
  if (!likeness_applies (&ser->like, s, from))
    return FALSE;
  if (!(c->flags & CAND_CUT_SURE))
    c->title_end = numbered_title_end (s, c, &ser->like);
  to = c->title_end;
  while (to > from && (is_clause_end (s->u[to - 1]) || is_space (s->u[to - 1])))
    to--;
  if (to <= from || !length_fits (&ser->like, to - from))
    return FALSE;
  return ser->like.lead_len > 0 || tail_matches (&ser->like, s, from, to);
}

/* The next candidate of the family of @i continues it: （四）…（五） with
 * （三） lost from the source
 */
static gboolean
continued (const Cand *cands,
           guint       n,
           guint       i)
{
  for (guint j = i + 1; j < n; j++)
    {
      if (cands[j].family != cands[i].family)
        continue;
      return cands[j].ordinal == cands[i].ordinal + 1 && !(cands[j].flags & CAND_PENDING)
          && !(cands[j].flags & CAND_WEAK);
    }
  return FALSE;
}

/* Headings that all open with the same clause (推进…行动，必须…) are whole
 * sentences that differ after it: each runs to its full stop, whatever
 * its commas.
 */
#define SHARED_CLAUSE_MIN 6

static void
cut_shared_clause_series (Scan *s)
{
  Cand *cands = (Cand *)(gpointer)s->cands->data;
  g_autofree guint *first = g_new (guint, MAX (s->series->len, 1));
  g_autofree guint *common = g_new0 (guint, MAX (s->series->len, 1));
  g_autofree guint *count = g_new0 (guint, MAX (s->series->len, 1));

  for (guint i = 0; i < s->cands->len; i++)
    {
      const Cand *c = &cands[i];
      guint a, b, k;

      if (!(c->flags & CAND_VALID) || c->series < 0 || IS_ENUM (c->family))
        continue;
      if (count[c->series]++ == 0)
        {
          first[c->series] = i;
          common[c->series] = TITLE_WINDOW;
          continue;
        }
      a = title_start (s, &cands[first[c->series]]);
      b = title_start (s, c);
      for (k = 0; k < common[c->series] && b + k < s->n && s->u[a + k] == s->u[b + k]
                  && s->u[a + k] != '\n' && !is_full_stop (s->u[a + k]); k++)
        ;
      common[c->series] = k;
    }

  for (guint i = 0; i < s->cands->len; i++)
    {
      Cand *c = &cands[i];
      guint from, k, comma = 0;
      gint depth = 0;

      if (!(c->flags & CAND_VALID) || c->series < 0 || IS_ENUM (c->family)
          || count[c->series] < 3 || common[c->series] < SHARED_CLAUSE_MIN)
        continue;
      from = title_start (s, c);
      for (k = from; k < MIN (s->n, from + TITLE_WINDOW); k++)
        {
          gunichar d = s->u[k];

          if (d == '\n')
            break;
          if (is_open_quote (d))
            depth++;
          else if (is_close_quote (d) && depth > 0)
            depth--;
          else if (depth == 0 && d == 0xFF0C && k < from + common[c->series])
            comma = k;
          else if (depth == 0 && is_full_stop (d))
            break;
        }
      if (comma == 0 || k == MIN (s->n, from + TITLE_WINDOW) || !is_full_stop (at (s, k)))
        continue;
      c->title_end = k;
      c->flags |= CAND_CUT_SURE;
    }
}

/* 可以分为三类：1．…；2．…；3．…。 — numbered items that follow each other
 * inside one sentence, after semicolons, are a list, not headings
 */
static void
drop_inline_lists (Scan *s)
{
  Cand *cands = (Cand *)(gpointer)s->cands->data;
  g_autofree gboolean *inline_only = g_new (gboolean, MAX (s->series->len, 1));
  g_autofree guint *count = g_new0 (guint, MAX (s->series->len, 1));
  g_autofree guint *first = g_new0 (guint, MAX (s->series->len, 1));

  for (guint k = 0; k < s->series->len; k++)
    inline_only[k] = TRUE;
  for (guint i = 0; i < s->cands->len; i++)
    {
      const Cand *c = &cands[i];
      guint k = c->start;

      if (!(c->flags & CAND_VALID) || c->series < 0 || IS_ENUM (c->family))
        continue;
      if (count[c->series]++ == 0)
        {
          first[c->series] = c->start;
          continue;
        }
      while (k > 0 && is_space (s->u[k - 1]))
        k--;
      /* one short sentence holds them all */
      inline_only[c->series] &= k > 0 && (s->u[k - 1] == 0xFF1B || s->u[k - 1] == ';')
                                && !(c->flags & CAND_LINE_START)
                                && c->title_end - first[c->series] <= TITLE_MAX;
    }
  for (guint i = 0; i < s->cands->len; i++)
    {
      Cand *c = &cands[i];

      if ((c->flags & CAND_VALID) && c->series >= 0 && !IS_ENUM (c->family)
          && count[c->series] >= 2 && inline_only[c->series])
        c->flags &= ~CAND_VALID;
    }
}

/* 农村建设和农村体制改革… 城市建设和城市体制改革…: run-on headings that
 * follow one template, word for word at the same places, end where their
 * texts stop agreeing. Returns the length of the heading at @a by the
 * template it shares with @b, or 0; @len is as far as @a may end.
 */
#define TEMPLATE_MIN_SHARED 4

static guint
template_length (const Scan *s,
                 guint       a,
                 guint       b,
                 guint       len)
{
  guint shared = 0, run = 0, end = 0;

  /* texts that open alike share a lead, not a template */
  if (s->u[a] == s->u[b])
    return 0;
  for (guint k = 1; k <= len && a + k < s->n && b + k < s->n; k++)
    {
      gunichar x = s->u[a + k], y = s->u[b + k];

      if (x == '\n' || y == '\n' || is_full_stop (x) || is_full_stop (y))
        break;
      if (x == y && !is_clause_end (x))
        {
          run++;
          continue;
        }
      /* a run of two or more, not ending with 和 or 的 (体制改革和|…) */
      if (run >= 2 && !is_function_word (s->u[a + k - 1]))
        {
          shared += run;
          end = k;
        }
      run = 0;
      if (x == y)
        break;
    }
  return shared >= TEMPLATE_MIN_SHARED && end >= MIN_FUSED_TITLE ? end : 0;
}

static void
cut_template_series (Scan *s)
{
  Cand *cands = (Cand *)(gpointer)s->cands->data;
  g_autofree guint *last = g_new (guint, MAX (s->series->len, 1));

  if (!s->run_on)
    return;
  for (guint k = 0; k < s->series->len; k++)
    last[k] = G_MAXUINT;
  for (guint i = 0; i < s->cands->len; i++)
    {
      Cand *c = &cands[i];
      guint prev;

      if (!(c->flags & CAND_VALID) || c->series < 0 || IS_ENUM (c->family))
        continue;
      prev = last[c->series];
      last[c->series] = i;
      if (prev == G_MAXUINT)
        continue;
      for (guint pass = 0; pass < 2; pass++)
        {
          Cand *x = pass == 0 ? c : &cands[prev];
          Cand *y = pass == 0 ? &cands[prev] : c;
          guint from = title_start (s, x);
          guint len;

          /* the template outweighs the words, not a visible end */
          if (((x->flags & CAND_CUT_SURE) && !(x->flags & CAND_CUT_WORDS))
              || x->title_end <= from + MIN_FUSED_TITLE)
            continue;
          len = template_length (s, from, title_start (s, y),
                                 MIN (x->title_end - from, MAX_FUSED_TITLE));
          if (len > 0 && from + len < x->title_end)
            x->title_end = from + len;
        }
    }
}

/* 首先，…第二，…第三，; 其次，…第三，: the ordinal words and 第N count in
 * one sequence (but 最后 closes only its own kind). Returns the open
 * series of the other kind that @c continues where its own kind has none
 * nearer, or -1.
 */
static gint
sequence_continued (Scan       *s,
                    const gint *open,
                    const Cand *c)
{
  const Series *own, *ser;
  guint other;

  if (c->family != FAM_DI && c->family != FAM_ORDER)
    return -1;
  other = c->family == FAM_DI ? FAM_ORDER : FAM_DI;
  if (open[other] < 0 || open[other] == open[c->family])
    return -1;
  ser = &g_array_index (s->series, Series, open[other]);
  if (c->ordinal < 2 || c->ordinal != ser->last_ord + 1)
    return -1;
  /* of two series it continues, the nearer */
  if (open[c->family] >= 0)
    {
      own = &g_array_index (s->series, Series, open[c->family]);
      if (c->ordinal == own->last_ord + 1 && own->last > ser->last)
        return -1;
    }
  return open[other];
}

/* 其次 after a first point that has no marker: a series when 第三 or 再次
 * follows it
 */
static gboolean
second_starts_sequence (const Scan *s,
                        guint       i)
{
  const Cand *cands = (const Cand *)(gconstpointer)s->cands->data;

  if (cands[i].family != FAM_ORDER || cands[i].ordinal != 2)
    return FALSE;
  for (guint j = i + 1; j < s->cands->len; j++)
    {
      if (cands[j].family != FAM_DI && cands[j].family != FAM_ORDER)
        continue;
      return cands[j].ordinal == 3 && !(cands[j].flags & CAND_PENDING)
          && cands[j].start - cands[i].start < LAST_ITEM_REACH;
    }
  return FALSE;
}

/* Groups candidates into series 1, 2, 3… per family and keeps the series
 * of two or more (or one strong heading). A member whose text was cut
 * where no sentence visibly starts is cut again once its siblings are
 * known.
 */
static void
build_series (Scan *s)
{
  gint open[N_FAMILIES];
  Cand *cands = (Cand *)(gpointer)s->cands->data;
  g_autofree guint *next_of = NULL;
  gboolean any_pending = FALSE;

  for (guint i = 0; i < s->cands->len; i++)
    any_pending |= (cands[i].flags & CAND_PENDING) != 0;
  if (any_pending)
    {
      guint next[N_FAMILIES];

      /* for each pending heading, the next one of its family that is not */
      next_of = g_new (guint, s->cands->len);
      for (guint f = 0; f < N_FAMILIES; f++)
        next[f] = G_MAXUINT;
      for (guint i = s->cands->len; i > 0; i--)
        {
          next_of[i - 1] = next[cands[i - 1].family];
          if (!(cands[i - 1].flags & CAND_PENDING))
            next[cands[i - 1].family] = i - 1;
        }
    }

  for (guint f = 0; f < N_FAMILIES; f++)
    open[f] = -1;

  for (guint i = 0; i < s->cands->len; i++)
    {
      Cand *c = &cands[i];
      gint other = sequence_continued (s, open, c);
      Series *cur;

      if (other >= 0)
        open[c->family] = other;
      cur = open[c->family] >= 0 ? &g_array_index (s->series, Series, open[c->family]) : NULL;

      c->series = -1;
      if (c->flags & CAND_PENDING)
        {
          const Cand *next = next_of[i] != G_MAXUINT ? &cands[next_of[i]] : NULL;

          if (c->flags & CAND_BARE)
            {
              if (cur != NULL && c->ordinal == cur->last_ord + 1 && (cands[cur->last].flags & CAND_BARE)
                  && next != NULL && (next->flags & CAND_BARE) && next->ordinal == c->ordinal + 1)
                series_add (s, open[c->family], i);
            }
          else if (cur != NULL && c->ordinal == cur->last_ord + 1 && fits_series (s, c, cur, next))
            series_add (s, open[c->family], i);
          /* 一、 after a paragraph that lost its full stop starts a series
           * when its text ends visibly and 二、 follows
           */
          else if (c->ordinal == 1 && (c->flags & CAND_OWN_LINE) && next != NULL
                   && next->ordinal == 2 && (cur == NULL || cur->last_ord != 1))
            {
              Series ns = { 0 };

              ns.first = ns.last = i;
              ns.last_ord = 1;
              g_array_append_val (s->series, ns);
              open[c->family] = s->series->len - 1;
              series_add (s, open[c->family], i);
            }
          continue;
        }
      if ((c->flags & CAND_WEAK) && c->ordinal == 1)
        {
          if (!continued (cands, s->cands->len, i))
            continue;
        }
      else if ((c->flags & CAND_WEAK) && (cur == NULL || c->ordinal != cur->last_ord + 1
                                          || c->start - cands[cur->last].start > LAST_ITEM_REACH))
        continue;
      if (IS_HINT (c->family) && cur != NULL)
        {
          series_add (s, open[c->family], i);
        }
      else if (cur != NULL && (c->ordinal == cur->last_ord + 1
                               || (c->ordinal == 0 && c->start - cands[cur->last].start < LAST_ITEM_REACH)
                               || (c->ordinal == cur->last_ord + 2
                                   && ((c->flags & CAND_STRONG) || continued (cands, s->cands->len, i)))))
        {
          series_add (s, open[c->family], i);
          /* nothing follows 最后 */
          if (c->ordinal == 0)
            {
              if (open[FAM_DI] == open[c->family])
                open[FAM_DI] = -1;
              open[c->family] = -1;
            }
        }
      else if (c->ordinal == 1 || IS_HINT (c->family) || second_starts_sequence (s, i))
        {
          Series ns = { 0 };

          ns.first = ns.last = i;
          ns.last_ord = MAX (c->ordinal, 1);
          g_array_append_val (s->series, ns);
          open[c->family] = s->series->len - 1;
          series_add (s, open[c->family], i);
        }
    }

  for (guint i = 0; i < s->cands->len; i++)
    {
      Cand *c = &cands[i];
      const Series *ser;

      if (c->series < 0)
        continue;
      ser = &g_array_index (s->series, Series, c->series);
      /* 首先…最后 with nothing between is a way of speaking, not a list */
      if (ser->count == 2 && cands[ser->last].ordinal == 0)
        continue;
      if (ser->count >= 2 || (ser->count == 1 && (c->flags & CAND_STRONG)))
        c->flags |= CAND_VALID;
      if ((c->flags & CAND_VALID) && !(c->flags & CAND_CUT_SURE) && !IS_ENUM (c->family)
          && ser->like.n_clean >= 2)
        c->title_end = numbered_title_end (s, c, &ser->like);
    }
  cut_shared_clause_series (s);
  cut_template_series (s);
  drop_inline_lists (s);
}

static guint
family_rank (guint family)
{
  if (IS_HINT (family))
    return family - FAM_HINT0;
  return family;
}

typedef struct
{
  gint  series;
  guint family;
} Frame;

/* Only punctuation is left of the line at @i; in run-on text with
 * indented paragraphs, an indent opens the next line.
 */
static gboolean
ends_line (const Scan *s,
           guint       i)
{
  while (i < s->n && is_clause_end (s->u[i]))
    i++;
  return i == s->n || s->u[i] == '\n'
      || (s->indented && s->u[i] == 0x3000 && at (s, i + 1) == 0x3000);
}

/* The series of @f goes on after the whole series that @c starts: the
 * new series lies inside one of its sections, whatever the markers' ranks
 * (（一） above 一、, 第一个问题： above 1.). After its last member, a series
 * of short headings on their own lines holds a series of long or run-in
 * ones, and the last of the top sections 第N个问题： holds the rest.
 */
static gboolean
encloses (const Scan     *s,
          guint           depth,
          const Frame    *f,
          const Cand     *c,
          const guint    *next_member,
          const gboolean *all_strong)
{
  const Cand *cands = (const Cand *)(gconstpointer)s->cands->data;
  const Series *outer = &g_array_index (s->series, Series, f->series);
  const Series *inner = &g_array_index (s->series, Series, c->series);
  guint k = outer->first;

  if (f->family == c->family || (IS_ENUM (f->family) && f->family != FAM_DI_GE))
    return FALSE;
  /* the member of the outer series that the new one follows */
  while (next_member[k] != G_MAXUINT && cands[next_member[k]].start < c->start)
    k = next_member[k];
  k = next_member[k];
  if (k == G_MAXUINT)
    return (f->family == FAM_DI_GE && depth == 0)
        || (all_strong[f->series] && !all_strong[c->series])
        || announced_by_colon (s, c->start);
  return cands[inner->last].start < cands[k].start;
}

/* An enumerator series whose members are short paragraphs of their own
 * (第一、关于项目建设) heads sections: a numbered series of a lower rank
 * than the numbered heading around it nests inside it.
 */
static gboolean
heads_numbered (const Scan     *s,
                const GArray   *stack,
                guint           d,
                const gboolean *heads,
                const Cand     *c)
{
  const Frame *f = &g_array_index (stack, Frame, d);

  if (!IS_ENUM (f->family) || !heads[f->series] || IS_ENUM (c->family) || IS_HINT (c->family))
    return FALSE;
  for (guint k = d; k > 0; k--)
    {
      const Frame *below = &g_array_index (stack, Frame, k - 1);

      if (!IS_ENUM (below->family) && !IS_HINT (below->family))
        return family_rank (below->family) < family_rank (c->family);
    }
  return FALSE;
}

/* The first full stop outside quotes from @i on, within a heading's reach */
static guint
sentence_end (const Scan *s,
              guint       i)
{
  gint depth = 0;

  for (guint k = i; k < MIN (s->n, i + TITLE_WINDOW); k++)
    {
      gunichar c = s->u[k];

      if (c == '\n')
        return G_MAXUINT;
      if (is_open_quote (c))
        depth++;
      else if (is_close_quote (c) && depth > 0)
        depth--;
      else if (depth == 0 && is_full_stop (c))
        return k;
    }
  return G_MAXUINT;
}

/* 要达到以下目标：（一）…。（二）…。 — items that a colon announces,
 * most of them a sentence that is the whole paragraph, are a list: once
 * the paragraph of the last one is over, what follows is no longer inside
 * it
 */
static gboolean
colon_list_over (const Scan     *s,
                 const Frame    *top,
                 const gboolean *all_strong,
                 const Cand     *c)
{
  const Cand *cands = (const Cand *)(gconstpointer)s->cands->data;
  const Series *ser = &g_array_index (s->series, Series, top->series);
  guint k = cands[ser->first].start;

  if (IS_ENUM (top->family) || IS_HINT (top->family) || all_strong[top->series]
      || cands[ser->last].start >= c->start)
    return FALSE;
  while (k > 0 && (is_space (s->u[k - 1]) || s->u[k - 1] == '\n'))
    k--;
  if (k == 0 || (s->u[k - 1] != 0xFF1A && s->u[k - 1] != ':'))
    return FALSE;
  /* most items are their paragraph, one sentence that the next item or a
   * new paragraph follows (sections go on after their heading)
   */
  {
    guint n = 0, whole = 0, next = G_MAXUINT;

    for (guint i = ser->last + 1; i > ser->first; i--)
      {
        const Cand *m = &cands[i - 1];
        guint end;

        if (m->series != top->series || !(m->flags & CAND_VALID))
          continue;
        n++;
        end = sentence_end (s, m->marker_end);
        whole += end < s->n && (ends_line (s, end + 1) || end + 1 == next);
        next = m->start;
      }
    if (2 * whole <= n)
      return FALSE;
  }
  for (k = cands[ser->last].title_end; k < c->start; k++)
    {
      if (s->u[k] == '\n' || (s->indented && s->u[k] == 0x3000 && at (s, k + 1) == 0x3000))
        return TRUE;
    }
  return FALSE;
}

/* No paragraph begins between @from and @to (in run-on text: they are
 * close)
 */
static gboolean
same_paragraph (const Scan *s,
                guint       from,
                guint       to)
{
  if (to - from > LAST_ITEM_REACH)
    return FALSE;
  for (guint k = from; k < to; k++)
    {
      if (s->u[k] == '\n' || (s->indented && s->u[k] == 0x3000 && at (s, k + 1) == 0x3000))
        return FALSE;
    }
  return TRUE;
}

static void
assign_levels (Scan *s)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  Cand *cands = (Cand *)(gpointer)s->cands->data;
  g_autofree guint *next_member = g_new (guint, MAX (s->cands->len, 1));
  g_autofree guint *last_seen = g_new (guint, MAX (s->series->len, 1));
  g_autofree gboolean *all_strong = g_new (gboolean, MAX (s->series->len, 1));
  g_autofree gboolean *paragraphs = g_new (gboolean, MAX (s->series->len, 1));
  g_autofree gboolean *any_long = g_new0 (gboolean, MAX (s->series->len, 1));
  g_autofree gboolean *heads = g_new (gboolean, MAX (s->series->len, 1));

  /* the next valid member of each candidate's series */
  for (guint k = 0; k < s->series->len; k++)
    {
      last_seen[k] = G_MAXUINT;
      all_strong[k] = TRUE;
      paragraphs[k] = TRUE;
    }
  for (guint i = s->cands->len; i > 0; i--)
    {
      const Cand *c = &cands[i - 1];

      next_member[i - 1] = G_MAXUINT;
      if (!(c->flags & CAND_VALID) || c->series < 0)
        continue;
      next_member[i - 1] = last_seen[c->series];
      last_seen[c->series] = i - 1;
      all_strong[c->series] &= (c->flags & CAND_STRONG) != 0;
      paragraphs[c->series] &= (c->flags & CAND_LINE_START) != 0
                               && (!s->run_on || (s->indented))
                               && ends_line (s, c->title_end);
      any_long[c->series] |= c->title_end - c->start > SHORT_HEADING;
    }
  for (guint k = 0; k < s->series->len; k++)
    heads[k] = !any_long[k];
  for (guint i = 0; i < s->cands->len; i++)
    {
      const Cand *c = &cands[i];

      /* in run-on text a line break is lost before such a heading, not
       * after it: it ends without punctuation where the next paragraph's
       * indent begins
       */
      if ((c->flags & CAND_VALID) && c->series >= 0 && IS_ENUM (c->family) && heads[c->series])
        heads[c->series] &= ((c->flags & CAND_LINE_START) || s->run_on || s->indented)
                            && ends_line (s, c->title_end)
                            && !is_clause_end (at (s, (gint64)c->title_end - 1));
    }

  for (guint i = 0; i < s->cands->len; i++)
    {
      Cand *c = &cands[i];
      gint depth = -1;
      guint last_point;
      Frame frame;

      if (!(c->flags & CAND_VALID))
        continue;

      for (guint d = 0; d < stack->len; d++)
        {
          if (g_array_index (stack, Frame, d).series == c->series)
            {
              depth = d;
              break;
            }
        }

      if (depth >= 0)
        {
          g_array_set_size (stack, depth + 1);
          c->level = depth + 1;
          continue;
        }

      last_point = G_MAXUINT;
      if (stack->len > 0 && IS_ENUM (g_array_index (stack, Frame, stack->len - 1).family))
        last_point = g_array_index (s->series, Series,
                                    g_array_index (stack, Frame, stack->len - 1).series).last;

      /* An enumerator series whose last item lies behind us is over: a new
       * series is its sibling, not its child. So is a series of headings
       * that are whole long paragraphs, or run-in items a colon announces:
       * items of a list, not sections.
       */
      while (stack->len > 0)
        {
          Frame *top = &g_array_index (stack, Frame, stack->len - 1);
          const Series *ser = &g_array_index (s->series, Series, top->series);

          if ((IS_ENUM (top->family) || (paragraphs[top->series] && any_long[top->series])
               || colon_list_over (s, top, all_strong, c))
              && cands[ser->last].start < c->start
              && !(top->family == FAM_DI_GE && stack->len == 1)
              && !heads_numbered (s, stack, stack->len - 1, heads, c))
            g_array_set_size (stack, stack->len - 1);
          else
            break;
        }

      /* 一方面…另一方面 inside an enumerated point (the last one too, in
       * its paragraph) weighs two sides of that point: it is no list of
       * its own
       */
      if (c->family == FAM_FANGMIAN
          && ((stack->len > 0
               && IS_ENUM (g_array_index (stack, Frame, stack->len - 1).family)
               && g_array_index (stack, Frame, stack->len - 1).family != FAM_DI_GE)
              || (last_point != G_MAXUINT && cands[last_point].family != FAM_DI_GE
                  && same_paragraph (s, cands[last_point].start, c->start))))
        {
          for (guint j = i; j < s->cands->len; j++)
            {
              if (cands[j].series == c->series)
                cands[j].flags &= ~CAND_VALID;
            }
          continue;
        }

      if (!IS_ENUM (c->family))
        {
          /* Numbered headings do not nest inside enumerators, nor inside
           * headings of a lower rank.
           */
          for (guint d = 0; d < stack->len; d++)
            {
              Frame *f = &g_array_index (stack, Frame, d);

              if (heads_numbered (s, stack, d, heads, c))
                continue;
              if ((IS_ENUM (f->family)
                   || (!IS_HINT (c->family) && !IS_HINT (f->family)
                       && family_rank (f->family) >= family_rank (c->family))
                   || (IS_HINT (c->family) && IS_HINT (f->family)
                       && family_rank (f->family) >= family_rank (c->family)))
                  && (IS_HINT (c->family) || IS_HINT (f->family)
                      || !encloses (s, d, f, c, next_member, all_strong)))
                {
                  g_array_set_size (stack, d);
                  break;
                }
            }
        }
      else
        {
          for (guint d = 0; d < stack->len; d++)
            {
              if (g_array_index (stack, Frame, d).family == c->family)
                {
                  g_array_set_size (stack, d);
                  break;
                }
            }
        }

      frame.series = c->series;
      frame.family = c->family;
      g_array_append_val (stack, frame);
      c->level = stack->len;
    }
}

static gboolean
has_prefix_at (const Scan *s,
               guint       i,
               const char *word)
{
  const char *p = word;

  while (*p != '\0')
    {
      if (at (s, i) != g_utf8_get_char (p))
        return FALSE;
      p = g_utf8_next_char (p);
      i++;
    }
  return TRUE;
}

static const char * const addressees[] = {
  "同志们", "各位", "尊敬的", "女士们", "先生们", "朋友们", "同学们", "亲爱的",
  "老师们", "代表们",
};

static guint
addressee_at (const Scan *s,
              guint       i)
{
  for (guint k = 0; k < G_N_ELEMENTS (addressees); k++)
    {
      if (has_prefix_at (s, i, addressees[k]))
        return g_utf8_strlen (addressees[k], -1);
    }
  return 0;
}

/* 同志们： 各位代表： 尊敬的各位领导、各位来宾： near the start. */
static gboolean
find_salutation (const Scan *s,
                 guint      *start,
                 guint      *end)
{
  guint limit = MIN (s->n, OPENING_WINDOW);

  for (guint i = 0; i < limit; i++)
    {
      gunichar c = s->u[i];

      if (is_full_stop (c))
        return FALSE;
      if (addressee_at (s, i) == 0)
        continue;
      for (guint k = i + 1; k < MIN (s->n, i + 40); k++)
        {
          gunichar d = s->u[k];

          if (d == 0xFF1A || d == ':' || (d == 0xFF01 && line_start (s, i)
                                          && (k + 1 == s->n || s->u[k + 1] == '\n')))
            {
              *start = i;
              *end = k + 1;
              return TRUE;
            }
          if (is_full_stop (d) || d == '\n' || d == 0xFF1B)
            break;
        }
    }
  return FALSE;
}

static gboolean
find_title (const Scan *s,
            guint       salutation_start,
            gboolean    has_salutation,
            guint      *end)
{
  guint k = 0;

  if (has_salutation)
    {
      k = salutation_start;
      while (k > 0 && (is_space (s->u[k - 1]) || s->u[k - 1] == '\n'))
        k--;
      for (guint j = 0; j < k; j++)
        {
          if (is_full_stop (s->u[j]))
            return FALSE;
        }
      *end = k;
      return k > 0 && k <= TITLE_MAX;
    }

  for (k = 0; k < MIN (s->n, TITLE_MAX + 1); k++)
    {
      gunichar c = s->u[k];

      if (c == '\n' || is_space (c))
        break;
      if (is_clause_end (c))
        return FALSE;
    }
  if (k == 0 || k > TITLE_MAX || k >= s->n)
    return FALSE;
  *end = k;
  return TRUE;
}

/* 同志们，让我们… in the last part of the speech. A closing that starts a
 * paragraph wins over an address inside one; without an address, the call
 * 让我们… closes.
 */
static gboolean
find_closing (const Scan *s,
              guint       after,
              guint      *start,
              guint      *title_end)
{
  guint from = s->n > 2000 ? s->n - 2000 : 0;
  gint found = -1;

  from = MAX (from, s->n - s->n / 4);
  from = MAX (from, after);

  for (guint pass = 0; pass < 3 && found < 0; pass++)
    {
      for (guint i = s->n; i > from; i--)
        {
          guint k = i - 1;
          guint len;
          gunichar d;

          if (!boundary_before (s, k, FAM_SHI) || (pass == 0 && !line_start (s, k)))
            continue;
          if (pass == 2)
            {
              if (has_prefix_at (s, k, "让我们"))
                {
                  found = k;
                  break;
                }
              continue;
            }
          if ((len = addressee_at (s, k)) == 0)
            continue;
          /* 同志们、朋友们， */
          while (k + len < s->n && s->u[k + len] != 0xFF0C && s->u[k + len] != 0xFF01
                 && s->u[k + len] != ',' && len < 12 && !is_full_stop (s->u[k + len])
                 && s->u[k + len] != '\n')
            len++;
          d = at (s, k + len);
          if (d == 0xFF0C || d == 0xFF01 || d == ',')
            {
              found = k;
              break;
            }
        }
    }
  if (found < 0)
    return FALSE;

  *start = found;
  {
    guint k = found;
    gboolean past_address = addressee_at (s, k) == 0;

    for (; k < s->n && k < *start + ENUM_WINDOW && s->u[k] != '\n'; k++)
      {
        if (is_clause_end (s->u[k]))
          {
            if (past_address)
              break;
            past_address = TRUE;
          }
      }
    *title_end = k;
  }
  return TRUE;
}

/* Announced counts: 讲四点意见, 从两个方面来谈, 强调以下三点, 谈几点体会 */

static const char * const announcing_words[] = {
  "讲", "谈", "提", "说", "强调", "以下", "如下", "归纳", "概括", "汇报", "交流",
};

static const char * const announced_things[] = {
  "意见", "体会", "要求", "看法", "建议", "想法", "希望", "认识", "思考", "感受",
  "感想", "打算",
};

/* 点 (not 三点五), 个方面, 方面, 个问题: returns the length of the unit */
static guint
count_unit_at (const Scan *s,
               guint       i)
{
  if (at (s, i) == 0x70B9) /* 点 */
    {
      gunichar d = at (s, i + 1);

      return cn_digit (d) == 0 && arabic_digit (d) < 0 && d != 0x534A ? 1 : 0; /* 半 */
    }
  if (has_prefix_at (s, i, "个方面") || has_prefix_at (s, i, "个问题"))
    return 3;
  if (has_prefix_at (s, i, "方面"))
    return 2;
  return 0;
}

/* 讲 in 我讲三点, 以下 in 强调以下三点, within the same clause */
static gboolean
announcing_word_before (const Scan *s,
                        guint       i)
{
  guint from = i > 6 ? i - 6 : 0;

  for (guint k = i; k > from; k--)
    {
      gunichar c = s->u[k - 1];

      if (is_clause_end (c) || c == '\n')
        return FALSE;
      for (guint w = 0; w < G_N_ELEMENTS (announcing_words); w++)
        {
          if (has_prefix_at (s, k - 1, announcing_words[w])
              && k - 1 + g_utf8_strlen (announcing_words[w], -1) <= i)
            return TRUE;
        }
    }
  return FALSE;
}

/* 四点意见, 两个方面的体会, 从两个方面来谈 */
static gboolean
announced_thing_at (const Scan *s,
                    guint       i)
{
  if (at (s, i) == 0x7684) /* 的 */
    i++;
  for (guint w = 0; w < G_N_ELEMENTS (announced_things); w++)
    {
      if (has_prefix_at (s, i, announced_things[w]))
        return TRUE;
    }
  if (at (s, i) == 0x6765) /* 来 */
    i++;
  for (guint w = 0; w < G_N_ELEMENTS (announcing_words); w++)
    {
      if (has_prefix_at (s, i, announcing_words[w]))
        return TRUE;
    }
  return FALSE;
}

/* The last count announced in [@from, @to); 0 when none, or when it is
 * vague (几点).
 */
static guint
find_announced_count (const Scan *s,
                      guint       from,
                      guint       to)
{
  guint count = 0;

  for (guint k = from; k < to; k++)
    {
      gunichar c = s->u[k];
      gunichar p = at (s, (gint64)k - 1);
      guint value, len, unit;

      if (c == 0x4E24 || c == 0x51E0) /* 两 几 */
        {
          value = c == 0x4E24 ? 2 : 0;
          len = 1;
        }
      else if (cn_digit (c) != 0)
        value = parse_cn_number (s, k, &len);
      else
        continue;
      if (cn_digit (p) != 0 || p == 0x7B2C) /* 第 */
        continue;
      unit = count_unit_at (s, k + len);
      if (unit > 0 && value != 1
          && (announcing_word_before (s, k) || announced_thing_at (s, k + len + unit)))
        count = value;
      k += len - 1;
    }
  return count;
}

/* Series and count */

/* No sentence boundary before it, or inside a paragraph where the
 * sections announced stand on their own
 */
static gboolean
member_is_weak (const Cand *c,
                guint       all_flags)
{
  if (c->flags & CAND_PENDING)
    return TRUE;
  return (all_flags & CAND_STRONG) && !(c->flags & CAND_STRONG);
}

/* The number of level-1 sections should be the count the opening
 * announces: a heading that has no boundary before it completes the
 * count, one beyond it that is weaker than the sections announced goes.
 * Returns the count announced.
 */
static guint
settle_count (Scan  *s,
              guint  zone)
{
  Cand *cs = (Cand *)(gpointer)s->cands->data;
  guint n_l1 = 0, announced;
  gint first = -1, last = -1;
  gboolean changed = FALSE;
  Series *ser;
  gint id;

  for (guint i = 0; i < s->cands->len; i++)
    {
      if (!(cs[i].flags & CAND_VALID) || cs[i].level != 1 || cs[i].start < zone)
        continue;
      n_l1++;
      last = i;
      if (first < 0)
        first = i;
    }

  /* the opening: up to the first section */
  if (first >= 0)
    {
      guint to = cs[first].start;

      announced = find_announced_count (s, MAX (zone, to - MIN (to, ANNOUNCE_WINDOW)), to);
    }
  else
    announced = find_announced_count (s, zone, MIN (s->n, zone + ANNOUNCE_WINDOW));
  if (announced == 0 || last < 0 || n_l1 == announced)
    return announced;

  id = cs[last].series;
  ser = &g_array_index (s->series, Series, id);

  if (n_l1 < announced)
    {
      for (guint i = ser->last + 1; i < s->cands->len && n_l1 < announced; i++)
        {
          Cand *c = &cs[i];

          if (c->family != cs[last].family)
            continue;
          if (c->flags & CAND_VALID)
            break;
          if (!(c->flags & CAND_PENDING) || c->ordinal != ser->last_ord + 1)
            continue;
          if (!(c->flags & CAND_CUT_SURE) && ser->like.n_clean >= 2)
            c->title_end = numbered_title_end (s, c, &ser->like);
          /* 念之再三、反复… is no heading: its text must end visibly, or
           * look like its siblings'
           */
          if (!(c->flags & CAND_CUT_SURE) && !likeness_applies (&ser->like, s, title_start (s, c)))
            continue;
          series_add (s, id, i);
          c->flags |= CAND_VALID;
          n_l1++;
          changed = TRUE;
        }
    }
  else
    {
      guint all_flags = CAND_STRONG;
      guint position = 0, n_extra = 0;
      gboolean all_weak = TRUE;

      for (guint i = ser->first; i < s->cands->len; i++)
        {
          if (cs[i].series != id || !(cs[i].flags & CAND_VALID) || cs[i].start < zone)
            continue;
          if (++position <= announced)
            all_flags &= cs[i].flags;
          else
            {
              all_weak &= member_is_weak (&cs[i], all_flags);
              n_extra++;
            }
        }
      if (n_extra > 0 && n_extra <= n_l1 - announced && all_weak)
        {
          position = 0;
          for (guint i = ser->first; i < s->cands->len; i++)
            {
              if (cs[i].series != id || !(cs[i].flags & CAND_VALID) || cs[i].start < zone)
                continue;
              if (++position > announced)
                cs[i].flags &= ~CAND_VALID;
            }
          changed = TRUE;
        }
    }

  if (changed)
    assign_levels (s);
  return announced;
}

/* Parallel series (排比): three or more paragraphs, or sentences of one
 * paragraph, in a row that open alike. What they share is compared with
 * numerals as one wildcard, so 第一步是 and 第二步是 open alike.
 */

#define PARALLEL_SIG       10  /* characters of an opening compared */
#define PARALLEL_MIN        3  /* members of a series */
#define PARALLEL_MAX       64  /* and at most, which keeps the scan linear */
#define PARALLEL_OPENING    2  /* characters they share at least */
#define PARALLEL_BLOCK     12  /* an entry starting this close to a member's start */
#define PARALLEL_GAP       12  /* sentences between members apart, at most */
#define WILDCARD            1

typedef struct
{
  guint start;
  guint end;
  guint group;     /* sentences of one paragraph share a group */
  gboolean blocked;
} Unit;

typedef struct
{
  guint first;     /* index of its first member in the list of members */
  guint n;
  guint opening;   /* characters shared */
  gboolean gapped; /* members are the first sentences of paragraphs lost */
} Run;

#define MEMBER(units, members, run, k) \
  (&g_array_index ((units), Unit, g_array_index ((members), guint, (run)->first + (k))))

static inline gunichar
sig_at (const Scan *s,
        guint       i)
{
  gunichar c = s->u[i];

  return cn_digit (c) != 0 || arabic_digit (c) >= 0 ? WILDCARD : c;
}

static guint
shared_opening (const Scan *s,
                const Unit *a,
                const Unit *b,
                guint       max)
{
  guint k = 0;

  while (k < max && a->start + k < a->end && b->start + k < b->end
         && sig_at (s, a->start + k) == sig_at (s, b->start + k))
    k++;
  return k;
}

static gboolean
is_dash (gunichar c)
{
  return c == 0x2014 || c == 0x2015 || c == 0x2500;
}

static guint
clause_end_after (const Scan *s,
                  guint       from,
                  guint       end)
{
  for (guint k = from; k < end; k++)
    {
      if (is_clause_end (s->u[k]))
        return k;
    }
  return end;
}

/* The end of the first clause after the opening: 同时，要…， */
static guint
head_end (const Scan *s,
          const Unit *u,
          const Run  *run)
{
  guint end = clause_end_after (s, MIN (u->end, u->start + 2), u->end);

  if (end > u->start + run->opening)
    return end;
  return clause_end_after (s, MIN (u->end, u->start + run->opening + 1), u->end);
}

/* The length of the numeral that holds @start + @k */
static guint
numeral_length (const Scan *s,
                guint       start,
                guint       k)
{
  guint a = start + k, b = start + k + 1;

  while (a > start && sig_at (s, a - 1) == WILDCARD)
    a--;
  while (b < s->n && sig_at (s, b) == WILDCARD)
    b++;
  return b - a;
}

/* A dash, a numeral or punctuation inside the opening, or a long one, make
 * it a pattern of its own
 */
static gboolean
opening_is_strong (const Scan *s,
                   guint       start,
                   guint       other,
                   guint       opening,
                   gboolean    gapped,
                   guint      *content_out)
{
  guint content = 0, after_punct = 0;
  gboolean wildcard = FALSE, punct = FALSE;

  for (guint k = 0; k < opening; k++)
    {
      gunichar c = sig_at (s, start + k);

      /* an ordinal counts (第一步, 第二步), a name does not (第三产业),
       * nor a year (1984年，1985年，)
       */
      if (c == WILDCARD)
        wildcard |= s->u[start + k] != s->u[other + k] && numeral_length (s, start, k) <= 2;
      else if (is_clause_end (c) || c == 0x3001)
        punct = TRUE;
      else if (!is_space (c) && !is_dash (c) && !is_open_quote (c) && !is_close_quote (c))
        {
          content++;
          if (punct)
            after_punct++;
        }
    }
  if (content_out != NULL)
    *content_out = content;
  if (is_dash (s->u[start]) && opening >= 1)
    return TRUE;

  /* sentences apart that merely name the same subject are no series */
  return content >= PARALLEL_OPENING
      && (wildcard || (after_punct > 0 && content > after_punct) || (content >= 4 && !gapped));
}

/* A plain shared word (我们要, 同时) makes a series only when the members
 * have the same shape: first clauses about as long, or ending alike.
 */
static gboolean
run_is_parallel (const Scan *s,
                 GArray     *units,
                 GArray     *members,
                 const Run  *run)
{
  const Unit *first = MEMBER (units, members, run, 0);
  guint content = 0;
  guint head_min = G_MAXUINT, head_max = 0;
  gboolean strong = opening_is_strong (s, first->start, MEMBER (units, members, run, 1)->start,
                                       run->opening, run->gapped, &content);

  if (!strong && (content < PARALLEL_OPENING || run->gapped))
    return FALSE;
  /* 1984年，我国… 1984年，我国…: a date is no shared wording */
  if (year_digit (s->u[first->start]) && year_digit (at (s, first->start + 1)))
    return FALSE;

  for (guint k = 0; k < run->n; k++)
    {
      const Unit *u = MEMBER (units, members, run, k);
      guint head = head_end (s, u, run) - u->start;

      head_min = MIN (head_min, head);
      head_max = MAX (head_max, head);
    }

  if (strong)
    return head_max <= 3 * head_min + 8;
  /* Units in a row that open with the same word (我们要…, 加强…) are a
   * series, as speechwriters build them, whatever their lengths (a short
   * one often states what the others unfold); not units that open with
   * a connective (同时，).
   */
  return !is_clause_end (s->u[first->start + run->opening - 1]);
}

/* 第一是…, 二要…, 其一，…: an item of a list, a heading's business even
 * where no heading was found; 第一次是…, 理由一： open members
 */
static gboolean
opens_like_item (const Scan *s,
                 guint       start)
{
  guint k = start, len = 0;
  gunichar c;

  if (s->u[k] == 0x7B2C || s->u[k] == 0x5176)  /* 第 其 */
    k++;
  if (parse_cn_number (s, k, &len) == 0)
    return FALSE;
  c = at (s, k + len);
  /* 是 要 ， 、 */
  if (c == 0xFF0C || c == 0x3001)
    return k > start;
  return c == 0x662F || c == 0x8981;
}

static gboolean
unit_blocked (const guint *blocked,
              guint        n_blocked,
              guint       *cursor,
              guint        start,
              guint        end)
{
  while (*cursor < n_blocked && blocked[*cursor] < start)
    (*cursor)++;
  return *cursor < n_blocked && blocked[*cursor] < MIN (end, start + PARALLEL_BLOCK);
}

static void
add_unit (const Scan  *s,
          GArray      *units,
          const guint *blocked,
          guint        n_blocked,
          guint       *cursor,
          guint        start,
          guint        end,
          guint        group)
{
  Unit unit;

  while (end > start && is_space (s->u[end - 1]))
    end--;
  if (end <= start)
    return;
  unit.start = start;
  unit.end = end;
  unit.group = group;
  unit.blocked = unit_blocked (blocked, n_blocked, cursor, start, end)
                 || opens_like_item (s, start);
  g_array_append_val (units, unit);
}

/* In one pass, the paragraphs (when @paragraphs is not NULL) and the
 * sentences of each paragraph
 */
static void
collect_units (const Scan  *s,
               const guint *blocked,
               guint        n_blocked,
               GArray      *paragraphs,
               GArray      *sentences)
{
  guint cursor = 0, paragraph_cursor = 0;
  guint group = 0;
  guint start = G_MAXUINT, paragraph_start = G_MAXUINT;

  for (guint i = 0; i <= s->n; i++)
    {
      gunichar c;

      /* most characters are ideographs, which end nothing */
      if (start != G_MAXUINT)
        while (i < s->n && s->u[i] - 0x4E00u <= 0x9FFFu - 0x4E00u)
          i++;
      c = i < s->n ? s->u[i] : '\n';
      /* text that lost its line breaks often kept the indents: 。　　 */
      if (c == 0x3000 && at (s, i + 1) == 0x3000)
        c = '\n';
      if (c == '\n')
        {
          if (start != G_MAXUINT)
            add_unit (s, sentences, blocked, n_blocked, &cursor, start, i, group);
          if (paragraphs != NULL && paragraph_start != G_MAXUINT)
            add_unit (s, paragraphs, blocked, n_blocked, &paragraph_cursor, paragraph_start, i, 0);
          start = paragraph_start = G_MAXUINT;
          group++;
          continue;
        }
      if (start == G_MAXUINT)
        {
          if (!is_space (c))
            {
              start = i;
              if (paragraph_start == G_MAXUINT)
                paragraph_start = i;
            }
          continue;
        }
      /* a sentence ends at its full stop; clauses after a semicolon are
       * members only when a dash opens them (；——甲)
       */
      if (is_full_stop (c) || (c == 0xFF1B && is_dash (at (s, i + 1))))
        {
          guint end = i + 1;

          while (end < s->n && (is_close_quote (s->u[end]) || is_full_stop (s->u[end])))
            end++;
          add_unit (s, sentences, blocked, n_blocked, &cursor, start, end, group);
          start = G_MAXUINT;
          i = end - 1;
        }
      /* ：——甲；——乙; what any other colon announces goes on its
       * sentence (作用体现在：产品…), and is no member beside it
       */
      else if ((c == 0xFF1A || c == ':') && is_dash (at (s, i + 1)))
        {
          add_unit (s, sentences, blocked, n_blocked, &cursor, start, i + 1, group);
          start = G_MAXUINT;
        }
    }
}

static gboolean
may_join (const Scan *s,
          const Unit *first,
          const Unit *u,
          guint       opening,
          guint      *shared)
{
  if (u->blocked || u->group != first->group
      || sig_at (s, u->start) != sig_at (s, first->start))
    return FALSE;
  *shared = shared_opening (s, first, u, opening);
  return *shared >= PARALLEL_OPENING || (*shared == 1 && is_dash (s->u[first->start]));
}

/* Text that lost its paragraphs (run-on text, or a page whose lines were
 * cut anywhere) has the members of a series a few sentences apart, in one
 * line or over several; their opening has to be a pattern of its own: a
 * dash, an ordinal, punctuation. A plain word (我们要) a few sentences
 * apart is as often just how sentences start.
 */
static guint
gapped_run (const Scan *s,
            GArray     *units,
            guint       i,
            GArray     *members,
            Run        *run)
{
  const Unit *u = (const Unit *)(gpointer)units->data;
  guint last = i;

  run->gapped = TRUE;
  for (guint j = i + 1; j < units->len && j <= last + PARALLEL_GAP && run->n < PARALLEL_MAX; j++)
    {
      Unit apart;
      guint shared = 0;

      if (u[j].blocked)
        break;
      apart = u[j];
      apart.group = u[i].group;
      if (!may_join (s, &u[i], &apart, run->opening, &shared)
          || !opening_is_strong (s, u[i].start, u[j].start, shared, TRUE, NULL))
        continue;
      run->opening = shared;
      g_array_append_val (members, j);
      run->n++;
      last = j;
    }
  return last;
}

/* A series over paragraphs whose members each open a paragraph was
 * judged with the paragraphs; members inside paragraphs show lines that
 * are not the speech's paragraphs
 */
static gboolean
breaks_lost (GArray    *units,
             GArray    *members,
             const Run *run)
{
  const Unit *u = (const Unit *)(gpointer)units->data;

  if (MEMBER (units, members, run, 0)->group == MEMBER (units, members, run, run->n - 1)->group)
    return TRUE;
  for (guint k = 0; k < run->n; k++)
    {
      guint j = g_array_index (members, guint, run->first + k);

      if (j > 0 && u[j - 1].group == u[j].group)
        return TRUE;
    }
  return FALSE;
}

static void
find_runs (const Scan *s,
           GArray     *units,
           gboolean    sentences,
           GArray     *members,
           GArray     *runs)
{
  const Unit *u = (const Unit *)(gpointer)units->data;
  guint m = units->len;
  guint i = 0;
  /* the members of the last series found a few sentences apart */
  guint apart_first = 0, apart_n = 0, apart_k = 0;

  while (i + PARALLEL_MIN <= m)
    {
      Run run = { members->len, 1, PARALLEL_SIG, FALSE };
      guint j, shared = 0, next = i + 1, end = m;

      while (apart_k < apart_n && g_array_index (members, guint, apart_first + apart_k) < i)
        apart_k++;
      if (u[i].blocked
          || (apart_k < apart_n && g_array_index (members, guint, apart_first + apart_k) == i))
        {
          i++;
          continue;
        }
      /* a series inside the members of another ends at its next member */
      if (apart_k < apart_n)
        end = g_array_index (members, guint, apart_first + apart_k);
      for (j = i + 1;
           j < MIN (end, i + PARALLEL_MAX) && may_join (s, &u[i], &u[j], run.opening, &shared);
           j++)
        {
          /* a run that fails is tried again only from where its opening
           * grew shorter, which keeps the scan linear
           */
          if (shared < run.opening && j > i + 1 && next == i + 1)
            next = j - 1;
          run.opening = shared;
        }
      run.n = j - i;
      if (run.n >= PARALLEL_MIN)
        {
          for (guint k = i; k < j; k++)
            g_array_append_val (members, k);
          if (run_is_parallel (s, units, members, &run))
            {
              g_array_append_val (runs, run);
              i = j;
              continue;
            }
          g_array_set_size (members, run.first);
        }
      if (sentences)
        {
          g_array_append_val (members, i);
          run.n = 1;
          run.opening = PARALLEL_SIG;
          j = gapped_run (s, units, i, members, &run);
          if (run.n >= PARALLEL_MIN && breaks_lost (units, members, &run)
              && run_is_parallel (s, units, members, &run))
            {
              /* the sentences of its members may hold series of their own */
              g_array_append_val (runs, run);
              apart_first = run.first;
              apart_n = run.n;
              apart_k = 1;
              i++;
              continue;
            }
          g_array_set_size (members, run.first);
        }
      i = next;
    }
}

static char *
dup_range (const Scan *s,
           guint       start,
           guint       end)
{
  char *out = g_malloc ((end - start) * 4 + 1);
  char *p = out;

  for (guint k = start; k < end; k++)
    p += g_unichar_to_utf8 (s->u[k], p);
  *p = '\0';
  return out;
}

/* The title from @start to @title_end, a NUL, then its first characters
 * up to @marker_end and a NUL: one block for both
 */
static char *
dup_title_marker (const Scan *s,
                  guint       start,
                  guint       marker_end,
                  guint       title_end)
{
  char *out = g_malloc ((title_end - start) * 8 + 2);
  char *p = out;
  gsize marker_bytes = 0;

  for (guint k = start; k < title_end; k++)
    {
      if (k == marker_end)
        marker_bytes = p - out;
      p += g_unichar_to_utf8 (s->u[k], p);
    }
  if (marker_end >= title_end)
    marker_bytes = p - out;
  *p++ = '\0';
  memcpy (p, out, marker_bytes);
  p[marker_bytes] = '\0';
  return out;
}

static JjOutlineEntry *
new_entry (const Scan    *s,
           JjOutlineKind  kind,
           guint          level,
           guint          start,
           guint          marker_end,
           guint          title_end,
           guint          end)
{
  if (marker_end > title_end)
    return _jj_outline_entry_new_take (kind, level, dup_range (s, start, marker_end),
                                       dup_range (s, start, title_end), start, title_end, end);
  return _jj_outline_entry_new_block (kind, level,
                                      dup_title_marker (s, start, marker_end, title_end),
                                      start, title_end, end);
}

static void
add_parallel (JjOutline  *self,
              const Scan *s,
              GArray     *units,
              GArray     *members,
              const Run  *run)
{
  const Unit *first = MEMBER (units, members, run, 0);
  guint last_index = g_array_index (members, guint, run->first + run->n - 1);
  guint last_end = g_array_index (units, Unit, last_index).end;
  guint title_end = head_end (s, first, run);
  guint span = G_MAXUINT;
  JjOutlineEntry *e;
  JjOutlineEntry *stack_children[16];
  JjOutlineEntry **children = run->n <= G_N_ELEMENTS (stack_children)
                              ? stack_children : g_new (JjOutlineEntry *, run->n);

  /* a member lost with its paragraph runs up to the next one; the last
   * runs as far as the shortest of the others
   */
  if (run->gapped)
    {
      for (guint k = 0; k + 1 < run->n; k++)
        span = MIN (span, g_array_index (members, guint, run->first + k + 1)
                          - g_array_index (members, guint, run->first + k));
      for (guint j = last_index + 1; j < last_index + span && j < units->len; j++)
        {
          if (g_array_index (units, Unit, j).blocked)
            break;
          last_end = g_array_index (units, Unit, j).end;
        }
    }

  e = new_entry (s, JJ_OUTLINE_KIND_PARALLEL, 1, first->start, first->start + run->opening,
                 title_end, last_end);
  for (guint k = 0; k < run->n; k++)
    {
      const Unit *u = MEMBER (units, members, run, k);
      guint end = u->end;
      guint member_title_end = head_end (s, u, run);

      if (k + 1 == run->n)
        end = last_end;
      else if (run->gapped)
        end = g_array_index (units, Unit, g_array_index (members, guint, run->first + k + 1) - 1).end;
      _jj_outline_entry_add_member (e, u->start, end);
      /* the members are the series' children in the tree */
      children[k] = new_entry (s, JJ_OUTLINE_KIND_PARALLEL, 2, u->start, u->start + run->opening,
                               member_title_end, MAX (end, member_title_end));
    }
  _jj_outline_entry_set_children (e, children, run->n);
  for (guint k = 0; k < run->n; k++)
    g_object_unref (children[k]);
  if (children != stack_children)
    g_free (children);
  g_ptr_array_add (self->entries, e);
}

/* A heading inside a paragraph (its line break lost, the indents kept)
 * opens a section: the paragraph ends there, and what follows it is no
 * member.
 */
static GArray *
split_at_headings (GArray      *paragraphs,
                   const guint *headings,
                   guint        n_headings)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Unit), paragraphs->len + n_headings);
  guint h = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      Unit u = g_array_index (paragraphs, Unit, i);

      while (TRUE)
        {
          Unit rest;

          while (h < n_headings && headings[h] < u.start + PARALLEL_BLOCK)
            h++;
          if (h == n_headings || headings[h] >= u.end)
            break;
          rest = u;
          rest.start = headings[h];
          rest.blocked = TRUE;
          u.end = headings[h];
          g_array_append_val (out, u);
          u = rest;
        }
      g_array_append_val (out, u);
    }
  g_array_unref (paragraphs);
  return out;
}

/* @blocked: sorted starts of the other entries; no member holds one */
static void
find_parallel (JjOutline *self,
               const Scan *s,
               GArray     *blocked,
               GArray     *headings)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) paragraphs = NULL;
  g_autoptr(GArray) sentences = NULL;
  const guint *b = (const guint *)(gpointer)blocked->data;
  guint n_paragraph_runs = 0;
  guint covered_from = G_MAXUINT, covered_to = 0;

  if (!s->run_on || s->indented)
    paragraphs = g_array_new (FALSE, FALSE, sizeof (Unit));
  sentences = g_array_new (FALSE, FALSE, sizeof (Unit));
  collect_units (s, b, blocked->len, paragraphs, sentences);
  if (paragraphs != NULL && headings->len > 0)
    paragraphs = split_at_headings (paragraphs, (const guint *)(gpointer)headings->data,
                                    headings->len);

  if (paragraphs != NULL)
    {
      find_runs (s, paragraphs, FALSE, members, runs);
      for (guint i = 0; i < runs->len; i++)
        add_parallel (self, s, paragraphs, members, &g_array_index (runs, Run, i));
      n_paragraph_runs = runs->len;
    }

  find_runs (s, sentences, TRUE, members, runs);
  for (guint i = n_paragraph_runs, k = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);
      guint start = MEMBER (sentences, members, run, 0)->start;

      /* not again the first sentences of a series of paragraphs */
      while (k < n_paragraph_runs && start >= covered_to)
        {
          const Run *pr = &g_array_index (runs, Run, k++);

          covered_from = MEMBER (paragraphs, members, pr, 0)->start;
          covered_to = MEMBER (paragraphs, members, pr, pr->n - 1)->end;
        }
      if (start >= covered_from && start < covered_to)
        continue;
      add_parallel (self, s, sentences, members, run);
    }
}

static void
add_entry (JjOutline     *self,
           const Scan    *s,
           JjOutlineKind  kind,
           guint          level,
           guint          start,
           guint          marker_end,
           guint          title_end)
{
  g_ptr_array_add (self->entries,
                   new_entry (s, kind, level, start, marker_end, title_end, title_end));
}

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  JjOutlineEntry *ea = *(JjOutlineEntry **)a;
  JjOutlineEntry *eb = *(JjOutlineEntry **)b;
  guint sa = jj_outline_entry_get_start (ea);
  guint sb = jj_outline_entry_get_start (eb);

  return sa < sb ? -1 : sa > sb;
}

/* The entries come as runs in document order (headings, then each kind
 * of parallel series): merging the runs is a stable sort by start.
 */
static void
sort_entries (GPtrArray *entries)
{
  JjOutlineEntry **e = (JjOutlineEntry **)entries->pdata;
  guint n = entries->len;
  guint mid = 0;
  g_autofree JjOutlineEntry **out = NULL;
  guint i, j, k;

  for (guint r = 1; r < n; r++)
    {
      if (jj_outline_entry_get_start (e[r - 1]) <= jj_outline_entry_get_start (e[r]))
        continue;
      if (mid != 0)
        {
          g_ptr_array_sort (entries, compare_entries);
          return;
        }
      mid = r;
    }
  if (mid == 0)
    return;

  out = g_new (JjOutlineEntry *, n);
  for (i = 0, j = mid, k = 0; i < mid || j < n; k++)
    {
      if (j == n || (i < mid && jj_outline_entry_get_start (e[i])
                                <= jj_outline_entry_get_start (e[j])))
        out[k] = e[i++];
      else
        out[k] = e[j++];
    }
  memcpy (e, out, n * sizeof *e);
}

static gint
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  guint oa = *(const guint *)a;
  guint ob = *(const guint *)b;

  return oa < ob ? -1 : oa > ob;
}

/* Children are appended per parent in one change of its list: @parent_of
 * holds the index of each entry's parent, n for the top of the tree.
 */
static void
attach_children (JjOutline   *self,
                 const guint *parent_of)
{
  guint n = self->entries->len;
  g_autofree guint *count = g_new0 (guint, n + 2);
  g_autofree JjOutlineEntry **flat = g_new (JjOutlineEntry *, MAX (n, 1));

  /* counting sort by parent keeps document order among siblings */
  for (guint i = 0; i < n; i++)
    count[parent_of[i] + 1]++;
  for (guint p = 0; p <= n; p++)
    count[p + 1] += count[p];
  for (guint i = 0; i < n; i++)
    flat[count[parent_of[i]]++] = g_ptr_array_index (self->entries, i);

  /* count[p] is now where the children of p end, count[p - 1] where they start */
  for (guint p = 0; p <= n; p++)
    {
      guint from = p == 0 ? 0 : count[p - 1];
      guint len = count[p] - from;

      if (len == 0)
        continue;
      if (p == n)
        g_list_store_splice (self->tree, 0, 0, (gpointer *)(flat + from), len);
      else
        _jj_outline_entry_set_children (g_ptr_array_index (self->entries, p), flat + from, len);
    }
}

static void
build_tree (JjOutline *self)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = self->entries->len;
  g_autofree guint *kinds = g_new (guint, n);
  g_autofree guint *levels = g_new (guint, n);
  g_autofree guint *parent_of = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      kinds[i] = jj_outline_entry_get_kind (g_ptr_array_index (self->entries, i));
      levels[i] = jj_outline_entry_get_level (g_ptr_array_index (self->entries, i));
    }

  for (guint i = 0; i < n; i++)
    {
      JjOutlineEntry *e = g_ptr_array_index (self->entries, i);
      JjOutlineKind kind = kinds[i];
      guint level = levels[i];
      guint end = self->length;

      /* a parallel series lies under the heading or item it is in, and
       * ends with its last member; it ends no section
       */
      if (kind == JJ_OUTLINE_KIND_PARALLEL)
        {
          gint parent = open->len - 1;

          _jj_outline_entry_set_level (e, parent + 2);
          for (guint k = 0; k < _jj_outline_entry_get_n_children (e); k++)
            _jj_outline_entry_set_level (_jj_outline_entry_get_child (e, k), parent + 3);
          parent_of[i] = parent < 0 ? n : g_array_index (open, guint, parent);
          continue;
        }

      for (guint j = i + 1; j < n; j++)
        {
          if (kinds[j] == JJ_OUTLINE_KIND_PARALLEL)
            continue;
          if (kind == JJ_OUTLINE_KIND_TITLE || kind == JJ_OUTLINE_KIND_SALUTATION
              || levels[j] <= level)
            {
              end = jj_outline_entry_get_start (g_ptr_array_index (self->entries, j));
              break;
            }
        }
      _jj_outline_entry_set_end (e, MAX (end, jj_outline_entry_get_title_end (e)));

      while (open->len >= level)
        g_array_set_size (open, open->len - 1);
      if (kind == JJ_OUTLINE_KIND_HEADING || kind == JJ_OUTLINE_KIND_ENUMERATOR)
        {
          parent_of[i] = open->len == 0 ? n : g_array_index (open, guint, open->len - 1);
          g_assert (open->len == level - 1);
          g_array_append_val (open, i);
        }
      else
        {
          parent_of[i] = n;
          g_array_set_size (open, 0);
        }
    }

  attach_children (self, parent_of);
}

/**
 * jj_outline_detect:
 * @text: display text, UTF-8
 * @n_bytes: length of @text in bytes, or -1 if nul-terminated
 * @hints: (nullable) (array length=n_hints): paragraph hints, sorted by start
 * @n_hints: number of @hints
 *
 * Finds the title, salutation, numbered headings, enumerators, closing
 * and parallel series (排比) of a speech, in paragraphed text or in one
 * run-on line.
 *
 * Returns: (transfer full): the outline
 */
JjOutline *
jj_outline_detect (const char            *text,
                   gssize                 n_bytes,
                   const JjParagraphHint *hints,
                   guint                  n_hints)
{
  g_autoptr(JjOutline) self = NULL;
  g_autofree gunichar *u = NULL;
  g_autoptr(GArray) cands = NULL;
  g_autoptr(GArray) series = NULL;
  glong n = 0;
  Scan s;
  guint sal_start = 0, sal_end = 0, title_end = 0;
  guint close_start = 0, close_title_end = 0;
  gboolean has_sal, has_title, has_closing;
  guint last_start = 0;
  Cand *cs;

  g_return_val_if_fail (text != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (hints != NULL || n_hints == 0, NULL);

  init_words ();

  self = g_object_new (JJ_TYPE_OUTLINE, NULL);
  if (text == NULL)
    return g_steal_pointer (&self);

  if (n_bytes < 0)
    n_bytes = strlen (text);
  g_return_val_if_fail (g_utf8_validate_len (text, n_bytes, NULL), g_steal_pointer (&self));

  u = g_utf8_to_ucs4_fast (text, n_bytes, &n);
  cands = g_array_new (FALSE, FALSE, sizeof (Cand));
  series = g_array_new (FALSE, FALSE, sizeof (Series));

  s.u = u;
  s.n = n;
  s.hints = hints;
  s.n_hints = n_hints;
  s.cands = cands;
  s.series = series;
  s.run_on = is_run_on (&s, &s.indented);
  self->length = n;

  scan_candidates (&s);
  build_series (&s);
  assign_levels (&s);

  cs = (Cand *)(gpointer)cands->data;
  has_sal = find_salutation (&s, &sal_start, &sal_end);
  has_title = find_title (&s, sal_start, has_sal, &title_end);
  /* A title in a heading style is still the title; one that runs into the
   * first heading ends there.
   */
  for (guint i = 0; has_title && i < cands->len && cs[i].start < title_end; i++)
    {
      if ((cs[i].flags & CAND_VALID)
          && (!IS_HINT (cs[i].family) || (cs[i].flags & CAND_NUMBERED)))
        {
          title_end = cs[i].start;
          while (title_end > 0 && is_space (s.u[title_end - 1]))
            title_end--;
          has_title = title_end >= 4 && !has_sal;
        }
    }

  self->announced = settle_count (&s, MAX (has_sal ? sal_end : 0, has_title ? title_end : 0));

  for (guint i = 0; i < cands->len; i++)
    {
      if (cs[i].flags & CAND_VALID)
        last_start = cs[i].start;
    }
  has_closing = find_closing (&s, last_start + 1, &close_start, &close_title_end);

  /* A heading's text never runs into the next entry: （一）加强领导（二）… */
  {
    guint next = has_closing ? close_start : s.n;

    for (guint i = cands->len; i > 0; i--)
      {
        Cand *c = &cs[i - 1];

        if (!(c->flags & CAND_VALID))
          continue;
        if (c->title_end > next)
          {
            c->title_end = MAX (next, c->marker_end);
            while (c->title_end > c->marker_end && is_space (s.u[c->title_end - 1]))
              c->title_end--;
          }
        next = c->start;
      }
  }

  if (has_title)
    add_entry (self, &s, JJ_OUTLINE_KIND_TITLE, 1, 0, 0, title_end);
  if (has_sal)
    add_entry (self, &s, JJ_OUTLINE_KIND_SALUTATION, 1, sal_start, sal_start, sal_end);

  {
    /* levels of the entries kept, so that dropping one leaves no gap */
    g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < cands->len; i++)
      {
        const Cand *c = &cs[i];

        if (!(c->flags & CAND_VALID))
          continue;
        if (has_sal && c->start < sal_end)
          continue;
        if (has_title && c->start < title_end)
          continue;
        while (kept->len > 0 && g_array_index (kept, guint, kept->len - 1) >= c->level)
          g_array_set_size (kept, kept->len - 1);
        g_array_append_val (kept, c->level);
        add_entry (self, &s,
                   IS_ENUM (c->family) ? JJ_OUTLINE_KIND_ENUMERATOR : JJ_OUTLINE_KIND_HEADING,
                   kept->len, c->start, c->marker_end, c->title_end);
        if (kept->len == 1)
          self->n_sections++;
      }
  }

  if (has_closing)
    add_entry (self, &s, JJ_OUTLINE_KIND_CLOSING, 1, close_start, close_start, close_title_end);

  {
    g_autoptr(GArray) blocked = g_array_new (FALSE, FALSE, sizeof (guint));

    g_autoptr(GArray) headings = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < self->entries->len; i++)
      {
        JjOutlineEntry *entry = g_ptr_array_index (self->entries, i);
        guint start = jj_outline_entry_get_start (entry);

        g_array_append_val (blocked, start);
        if (jj_outline_entry_get_kind (entry) == JJ_OUTLINE_KIND_HEADING)
          g_array_append_val (headings, start);
      }
    for (guint i = 1; i < blocked->len; i++)
      {
        if (g_array_index (blocked, guint, i - 1) > g_array_index (blocked, guint, i))
          {
            g_array_sort (blocked, compare_offsets);
            break;
          }
      }
    g_array_sort (headings, compare_offsets);
    find_parallel (self, &s, blocked, headings);
  }

  sort_entries (self->entries);
  build_tree (self);

  return g_steal_pointer (&self);
}

guint
jj_outline_get_n_entries (JjOutline *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE (self), 0);

  return self->entries->len;
}

/* Returns: (transfer none) */
JjOutlineEntry *
jj_outline_get_entry (JjOutline *self,
                      guint      i)
{
  g_return_val_if_fail (JJ_IS_OUTLINE (self), NULL);
  g_return_val_if_fail (i < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, i);
}

/* Returns: (transfer none): the top-level entries, JjOutlineEntry items */
GListModel *
jj_outline_get_tree (JjOutline *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE (self), NULL);

  return G_LIST_MODEL (self->tree);
}

/**
 * jj_outline_get_announced_count:
 *
 * Returns: the number of points the opening announces (讲四点意见), or 0
 *   when it announces none or a vague one (几点)
 */
guint
jj_outline_get_announced_count (JjOutline *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE (self), 0);

  return self->announced;
}

/* Returns: the number of level-1 headings and enumerators */
guint
jj_outline_get_n_sections (JjOutline *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE (self), 0);

  return self->n_sections;
}

/* Returns: %TRUE when the opening announces a count that the number of
 *   level-1 sections does not match
 */
gboolean
jj_outline_get_count_mismatch (JjOutline *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE (self), FALSE);

  return self->announced > 0 && self->announced != self->n_sections;
}

/* Length in characters of the text the outline was detected in */
guint
jj_outline_get_length (JjOutline *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE (self), 0);

  return self->length;
}

/**
 * jj_outline_lookup:
 *
 * Returns: (transfer none) (nullable): the deepest entry whose section
 *   contains @offset
 */
JjOutlineEntry *
jj_outline_lookup (JjOutline *self,
                   guint      offset)
{
  guint lo = 0, hi;
  JjOutlineEntry *e;

  g_return_val_if_fail (JJ_IS_OUTLINE (self), NULL);

  hi = self->entries->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (jj_outline_entry_get_start (g_ptr_array_index (self->entries, mid)) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return NULL;

  /* the sections of a speech are its headings, not its parallel series */
  while (lo > 1 && jj_outline_entry_get_kind (g_ptr_array_index (self->entries, lo - 1))
                   == JJ_OUTLINE_KIND_PARALLEL)
    lo--;
  for (e = g_ptr_array_index (self->entries, lo - 1); e != NULL; e = jj_outline_entry_get_parent (e))
    {
      if (jj_outline_entry_get_kind (e) == JJ_OUTLINE_KIND_PARALLEL)
        continue;
      if (offset < jj_outline_entry_get_end (e))
        return e;
    }
  return NULL;
}

/**
 * jj_outline_dup_section_path:
 *
 * Returns: (transfer full) (nullable): the titles from the top-level section
 *   down to the deepest one containing @offset, joined by " › "
 */
char *
jj_outline_dup_section_path (JjOutline *self,
                             guint      offset)
{
  g_autoptr(GPtrArray) parts = NULL;
  JjOutlineEntry *e;
  GString *path;

  g_return_val_if_fail (JJ_IS_OUTLINE (self), NULL);

  e = jj_outline_lookup (self, offset);
  if (e == NULL)
    return NULL;

  parts = g_ptr_array_new ();
  for (; e != NULL; e = jj_outline_entry_get_parent (e))
    g_ptr_array_add (parts, (gpointer)jj_outline_entry_get_title (e));

  path = g_string_new (NULL);
  for (guint i = parts->len; i > 0; i--)
    {
      if (path->len > 0)
        g_string_append (path, " › ");
      g_string_append (path, g_ptr_array_index (parts, i - 1));
    }
  return g_string_free (path, FALSE);
}
