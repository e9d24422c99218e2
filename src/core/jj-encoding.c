/* jj-encoding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <glib/gi18n-lib.h>

#include "jj-encoding.h"

/* How much of a file is looked at to choose between GB18030 and Big5. */
#define SAMPLE_SIZE (256 * 1024)

/* The most frequent characters of modern Chinese prose, in both scripts.
 * Text decoded with the wrong legacy encoding turns into rare characters.
 */
static const char common_chars[] =
  "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之"
  "年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样"
  "理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将"
  "两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表"
  "化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别"
  "打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保"
  "至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告"
  "类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造"
  "言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵"
  "們這個來時說會國對學發後為過動現產實經種還進麼點關體長問義開樣見與當機輕總區處聽號應現"
  "結議黨員導視環設計論報變務認調創標質讓數幾條氣題級眾團級萬節華電歷葉書業術東軍進際從傳";

static GHashTable *
common_set (void)
{
  static gsize once = 0;
  static GHashTable *set = NULL;

  if (g_once_init_enter (&once))
    {
      GHashTable *s = g_hash_table_new (NULL, NULL);

      for (const char *p = common_chars; *p; p = g_utf8_next_char (p))
        g_hash_table_add (s, GUINT_TO_POINTER (g_utf8_get_char (p)));
      set = s;
      g_once_init_leave (&once, 1);
    }

  return set;
}

/* Converts with iconv directly, so that invalid input can be replaced
 * instead of failing the whole file.
 */
static GString *
decode_lossy (const char *data,
              gsize       n_bytes,
              const char *encoding,
              guint      *n_invalid,
              gsize       max_out,
              GError    **error)
{
  GIConv cd;
  GString *out;
  char *inbuf = (char *)data;
  gsize inleft = n_bytes;
  guint invalid = 0;

  cd = g_iconv_open ("UTF-8", encoding);
  if (cd == (GIConv)-1)
    {
      g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION,
                   _("The text encoding %s is not supported on this system."), encoding);
      return NULL;
    }

  out = g_string_sized_new (MIN (n_bytes * 3 / 2 + 16, max_out + 16));

  while (inleft > 0 && out->len < max_out)
    {
      char buf[8192];
      char *outbuf = buf;
      gsize outleft = sizeof buf;
      gsize r = g_iconv (cd, &inbuf, &inleft, &outbuf, &outleft);
      int err = errno;

      g_string_append_len (out, buf, outbuf - buf);

      if (r != (gsize)-1)
        continue;

      if (err == E2BIG)
        continue;

      /* EILSEQ or EINVAL (truncated at the end): replace one byte, or one
       * code unit for UTF-16, and go on.
       */
      {
        gsize skip = g_str_has_prefix (encoding, "UTF-16") ? 2 : 1;

        skip = MIN (skip, inleft);
        g_string_append (out, "\xEF\xBF\xBD");
        inbuf += skip;
        inleft -= skip;
        invalid++;
      }
    }

  g_iconv_close (cd);

  if (n_invalid != NULL)
    *n_invalid = invalid;

  return out;
}

gboolean
jj_encoding_is_valid (const char *data,
                      gsize       n_bytes,
                      const char *encoding)
{
  g_autoptr(GString) out = NULL;
  guint invalid = 0;

  g_return_val_if_fail (encoding != NULL, FALSE);

  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    return g_utf8_validate_len (data, n_bytes, NULL);

  out = decode_lossy (data, n_bytes, encoding, &invalid, G_MAXSIZE, NULL);

  return out != NULL && invalid == 0;
}

typedef struct
{
  guint invalid;
  guint common;
  guint rare;
} Score;

static void
score_decoding (const char *data,
                gsize       n_bytes,
                const char *encoding,
                Score      *score)
{
  g_autoptr(GString) out = NULL;
  GHashTable *set = common_set ();

  memset (score, 0, sizeof *score);
  out = decode_lossy (data, n_bytes, encoding, &score->invalid, G_MAXSIZE, NULL);
  if (out == NULL)
    {
      score->invalid = G_MAXUINT;
      return;
    }

  for (const char *p = out->str; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 0x80)
        continue;
      if (g_hash_table_contains (set, GUINT_TO_POINTER (ch)))
        score->common++;
      else if (ch == 0xFFFD || (ch >= 0xE000 && ch <= 0xF8FF) || ch >= 0x20000 ||
               (ch >= 0x3400 && ch <= 0x4DBF))
        score->rare++;
    }
}

static gboolean
looks_binary (const guchar *data,
              gsize         n_bytes)
{
  gsize n = MIN (n_bytes, 64 * 1024);
  guint controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b)
        controls++;
    }

  return controls > n / 100 + 2;
}

/* UTF-16 without a byte order mark: Chinese text in UTF-16 has no NUL byte
 * pairs, but ASCII line breaks and digits put NULs on one side only.
 */
static const char *
guess_utf16 (const guchar *data,
             gsize         n_bytes)
{
  gsize n = MIN (n_bytes, 64 * 1024) & ~(gsize)1;
  guint even = 0;
  guint odd = 0;

  if (n < 4)
    return NULL;

  for (gsize i = 0; i < n; i += 2)
    {
      if (data[i] == 0)
        even++;
      if (data[i + 1] == 0)
        odd++;
    }

  /* a Chinese character's low byte is zero once in 256 */
  if (odd > n / 40 && even * 3 < odd)
    return "UTF-16LE";
  if (even > n / 40 && odd * 3 < even)
    return "UTF-16BE";

  return NULL;
}

const char *
jj_encoding_detect (const char *data,
                    gsize       n_bytes,
                    gsize      *bom_len)
{
  const guchar *u = (const guchar *)data;
  const char *utf16;
  gsize sample;
  Score gb;
  Score big5;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);

  if (bom_len != NULL)
    *bom_len = 0;

  if (n_bytes >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      if (bom_len != NULL)
        *bom_len = 3;
      return "UTF-8";
    }
  if (n_bytes >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    {
      if (bom_len != NULL)
        *bom_len = 2;
      return "UTF-16LE";
    }
  if (n_bytes >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    {
      if (bom_len != NULL)
        *bom_len = 2;
      return "UTF-16BE";
    }

  if ((utf16 = guess_utf16 (u, n_bytes)) != NULL)
    return utf16;

  if (looks_binary (u, n_bytes))
    return NULL;

  /* A long file is judged on its start, cut at a line break so that no
   * character is split.
   */
  sample = n_bytes;
  if (sample > SAMPLE_SIZE)
    {
      const char *nl = memchr (data + SAMPLE_SIZE, '\n', MIN (n_bytes - SAMPLE_SIZE, 4096));

      sample = nl ? (gsize)(nl - data) : SAMPLE_SIZE;
    }

  if (g_utf8_validate_len (data, sample, NULL))
    return "UTF-8";

  {
    /* invalid UTF-8 only because the sample cut a character */
    const char *end = NULL;

    if (sample < n_bytes && !g_utf8_validate_len (data, sample, &end) &&
        (gsize)(end - data) + 4 > sample)
      return "UTF-8";
  }

  score_decoding (data, sample, "GB18030", &gb);
  score_decoding (data, sample, "BIG5", &big5);

  if (gb.invalid != big5.invalid && (gb.invalid == 0 || big5.invalid == 0))
    return gb.invalid == 0 ? "GB18030" : "BIG5";

  /* Both (or neither) decode: the one that reads as ordinary Chinese. */
  if ((gint64)big5.common - big5.rare > (gint64)gb.common - gb.rare)
    return "BIG5";

  /* Text that is mostly invalid UTF-8 in neither Chinese encoding is most
   * likely damaged UTF-8.
   */
  if (gb.invalid > 0 && big5.invalid > 0)
    {
      const char *p = data;
      const char *end = data + sample;
      guint bad = 0;
      guint good = 0;

      while (p < end)
        {
          gunichar ch = g_utf8_get_char_validated (p, end - p);

          if (ch == (gunichar)-1 || ch == (gunichar)-2)
            {
              bad++;
              p++;
            }
          else
            {
              if (ch >= 0x80)
                good++;
              p = g_utf8_next_char (p);
            }
        }

      if (good > bad * 4)
        return "UTF-8";
    }

  return "GB18030";
}

char *
jj_encoding_decode (const char  *data,
                    gsize        n_bytes,
                    const char  *encoding,
                    gsize       *out_n_bytes,
                    guint       *n_invalid,
                    GError     **error)
{
  GString *out;

  g_return_val_if_fail (encoding != NULL, NULL);

  if (n_invalid != NULL)
    *n_invalid = 0;

  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    {
      const char *end;

      if (g_utf8_validate_len (data, n_bytes, &end))
        {
          if (out_n_bytes != NULL)
            *out_n_bytes = n_bytes;
          return g_strndup (data, n_bytes);
        }

      {
        guint invalid = 0;
        const char *p = data;
        const char *stop = data + n_bytes;

        out = g_string_sized_new (n_bytes + 16);
        while (p < stop)
          {
            const char *valid_end;

            g_utf8_validate_len (p, stop - p, &valid_end);
            g_string_append_len (out, p, valid_end - p);
            p = valid_end;
            if (p < stop)
              {
                g_string_append (out, "\xEF\xBF\xBD");
                invalid++;
                p++;
              }
          }
        if (n_invalid != NULL)
          *n_invalid = invalid;
      }
    }
  else
    {
      out = decode_lossy (data, n_bytes, encoding, n_invalid, G_MAXSIZE, error);
      if (out == NULL)
        return NULL;
    }

  /* NUL characters cannot be shown and would cut the text short */
  {
    char *w = out->str;

    for (gsize i = 0; i < out->len; i++)
      if (out->str[i] != '\0')
        *w++ = out->str[i];
    g_string_truncate (out, w - out->str);
  }

  if (out_n_bytes != NULL)
    *out_n_bytes = out->len;

  return g_string_free (out, FALSE);
}

/* The bytes of @p that start a character; *@nul, when @nul is not NULL,
 * is set when one is a NUL.  Inlined, the check goes where it is not asked.
 */
G_ALWAYS_INLINE static inline guint
count_starts (const guchar *p,
              gsize         n_bytes,
              gboolean     *nul)
{
  gsize i = 0;
  guint n = 0;

#ifdef __SSE2__
  /* the continuation bytes (10xxxxxx) are those below 0xC0 as signed
   * bytes: counted in sixteen lanes, 255 blocks at most at a time
   */
  {
    __m128i limit = _mm_set1_epi8 ((char)0xC0);
    __m128i zero = _mm_setzero_si128 ();
    __m128i nuls = _mm_setzero_si128 ();

    while (n_bytes - i >= 16)
      {
        gsize n_blocks = MIN ((n_bytes - i) / 16, 255);
        __m128i counts = _mm_setzero_si128 ();
        __m128i sums;

        for (gsize k = 0; k < n_blocks; k++, i += 16)
          {
            __m128i v = _mm_loadu_si128 ((const __m128i *)(p + i));

            counts = _mm_sub_epi8 (counts, _mm_cmplt_epi8 (v, limit));
            if (nul != NULL)
              nuls = _mm_or_si128 (nuls, _mm_cmpeq_epi8 (v, zero));
          }
        sums = _mm_sad_epu8 (counts, zero);
        n += 16 * n_blocks - (guint)(_mm_cvtsi128_si32 (sums) + _mm_extract_epi16 (sums, 4));
      }
    if (nul != NULL && _mm_movemask_epi8 (nuls) != 0)
      *nul = TRUE;
  }
#endif

  /* the same in eight lanes of a byte, 255 words at most at a time */
  while (n_bytes - i >= 8)
    {
      gsize n_words = MIN ((n_bytes - i) / 8, 255);
      guint64 sums = 0;

      for (gsize k = 0; k < n_words; k++, i += 8)
        {
          guint64 w;

          memcpy (&w, p + i, 8);
          sums += ((w & ~(w << 1)) >> 7) & G_GUINT64_CONSTANT (0x0101010101010101);
          /* a zero byte, the classic way */
          if (nul != NULL &&
              ((w - G_GUINT64_CONSTANT (0x0101010101010101)) & ~w & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            *nul = TRUE;
        }
      sums = (sums & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF)) +
             ((sums >> 8) & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF));
      n += 8 * n_words - (guint)((sums * G_GUINT64_CONSTANT (0x0001000100010001)) >> 48);
    }
  for (; i < n_bytes; i++)
    {
      n += (p[i] & 0xC0) != 0x80;
      if (nul != NULL && p[i] == 0)
        *nul = TRUE;
    }

  return n;
}

guint
jj_encoding_count_starts (const char *text,
                          gsize       n_bytes)
{
  return count_starts ((const guchar *)text, n_bytes, NULL);
}

guint
jj_encoding_count_chars (const char *text,
                         gsize       n_bytes)
{
  const guchar *p = (const guchar *)text;
  gsize last = n_bytes;
  gboolean nul = FALSE;
  guint n;

  /* g_utf8_strlen() stops at a NUL and leaves out a cut last character */
  while (last > 0 && (p[last - 1] & 0xC0) == 0x80)
    last--;
  if (last > 0 && last - 1 + g_utf8_skip[p[last - 1]] != n_bytes)
    return g_utf8_strlen (text, n_bytes);

  n = count_starts (p, n_bytes, &nul);

  return nul ? g_utf8_strlen (text, n_bytes) : n;
}
