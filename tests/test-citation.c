/* test-citation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-citation.h"

static void
test_citation (void)
{
  g_autoptr(JjPassage) passage = jj_passage_new ("x");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 3, 5, 9, 30, 0);
  g_autofree char *full = NULL;
  g_autofree char *no_speaker = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *untitled = NULL;

  jj_passage_set_quote (passage, "发展是第一要务");
  jj_passage_set_document_title (passage, "在全市经济工作会议上的讲话");
  jj_passage_set_document_path (passage, "/home/u/讲话.docx");
  jj_passage_set_section (passage, "二、稳增长 › （一）抓项目");
  jj_passage_set_speaker (passage, "王建平");
  jj_passage_set_speech_date (passage, "2018-09-03");
  /* The day it was marked is not the speech's. */
  jj_passage_set_created (passage, created);

  full = jj_citation_format (passage);
  g_assert_cmpstr (full, ==,
                   "发展是第一要务\n"
                   "——《在全市经济工作会议上的讲话》，王建平，2018年9月3日，二、稳增长 › （一）抓项目");
  g_assert_null (strstr (full, ", "));

  jj_passage_set_speaker (passage, NULL);
  no_speaker = jj_citation_format_source (passage);
  g_assert_cmpstr (no_speaker, ==, "——《在全市经济工作会议上的讲话》，2018年9月3日，二、稳增长 › （一）抓项目");

  /* What is unknown is left out, with its separator. */
  jj_passage_set_section (passage, NULL);
  jj_passage_set_speech_date (passage, NULL);
  bare = jj_citation_format_source (passage);
  g_assert_cmpstr (bare, ==, "——《在全市经济工作会议上的讲话》");

  /* No title: the file name stands in. */
  jj_passage_set_document_title (passage, "");
  untitled = jj_citation_format_source (passage);
  g_assert_cmpstr (untitled, ==, "——《讲话.docx》");
}

/* A passage before the first heading is in the opening, also in marks
 * made before, whose section is the salutation. */
static void
test_opening (void)
{
  static const char *text =
    "在全区工作会议上的讲话\n"
    "同志们：\n"
    "今天召开全区工作会议，主要任务是部署今年的工作。\n"
    "一、提高认识\n"
    "要充分认识做好今年工作的重要性。\n"
    "二、狠抓落实\n"
    "要把各项任务落到实处。";
  g_autoptr(JjOutline) outline = jj_outline_detect (text, -1, NULL, 0);
  g_autoptr(JjPassage) passage = jj_passage_new ("y");
  g_autofree char *opening = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *source = NULL;
  g_autofree char *old_mark = NULL;
  guint in_opening = g_utf8_pointer_to_offset (text, strstr (text, "主要任务"));
  guint in_section = g_utf8_pointer_to_offset (text, strstr (text, "落到实处"));

  opening = jj_citation_dup_section (outline, in_opening);
  g_assert_cmpstr (opening, ==, JJ_CITATION_OPENING);
  heading = jj_citation_dup_section (outline, in_section);
  g_assert_cmpstr (heading, ==, "二、狠抓落实");

  jj_passage_set_document_title (passage, "在全区工作会议上的讲话");
  jj_passage_set_section (passage, opening);
  source = jj_citation_format_source (passage);
  g_assert_cmpstr (source, ==, "——《在全区工作会议上的讲话》，开头");

  jj_passage_set_section (passage, "同志们：");
  old_mark = jj_citation_format_source (passage);
  g_assert_cmpstr (old_mark, ==, "——《在全区工作会议上的讲话》，开头");
}

int
main (int   argc,
      char *argv[])
{
  /* Dates are shown in local time: make it predictable. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/citation/format", test_citation);
  g_test_add_func ("/citation/opening", test_opening);

  return g_test_run ();
}
