/* test-citation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jj-citation.h"

static void
test_citation (void)
{
  g_autoptr(JjPassage) passage = jj_passage_new ("x");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 3, 5, 9, 30, 0);
  g_autofree char *full = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *untitled = NULL;

  jj_passage_set_quote (passage, "发展是第一要务");
  jj_passage_set_document_title (passage, "在全市经济工作会议上的讲话");
  jj_passage_set_document_path (passage, "/home/u/讲话.docx");
  jj_passage_set_section (passage, "二、稳增长 › （一）抓项目");
  jj_passage_set_created (passage, created);

  full = jj_citation_format (passage);
  g_assert_cmpstr (full, ==,
                   "发展是第一要务\n"
                   "——《在全市经济工作会议上的讲话》, 二、稳增长 › （一）抓项目, 2024年3月5日");

  /* What is unknown is left out, with its separator. */
  jj_passage_set_section (passage, NULL);
  jj_passage_set_created (passage, NULL);
  bare = jj_citation_format_source (passage);
  g_assert_cmpstr (bare, ==, "——《在全市经济工作会议上的讲话》");

  /* No title: the file name stands in. */
  jj_passage_set_document_title (passage, "");
  untitled = jj_citation_format_source (passage);
  g_assert_cmpstr (untitled, ==, "——《讲话.docx》");
}

int
main (int   argc,
      char *argv[])
{
  /* Dates are shown in local time: make it predictable. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/citation/format", test_citation);

  return g_test_run ();
}
