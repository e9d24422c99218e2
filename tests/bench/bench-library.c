/* bench-library.c — open and search a library of 2,000 speeches, 50,000 marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-library [DIR [--warm-only]]
 *   (generates the speeches in DIR, or a temporary folder; --warm-only opens
 *   the library once from the database DIR keeps, e.g. under callgrind,
 *   whose counts the load of a shared machine does not change)
 */

#include "config.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "jj-library.h"
#include "jj-sidecar.h"
#include "library-data.h"

#define N_DOCUMENTS 2000
#define N_MARKS 25
#define N_RUNS 20
#define N_OPEN_RUNS 5

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread, which a busy machine inflates less than the
 * wall clock. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static JjLibrary *
open_library (const char *dir,
              GFile      *index,
              double     *ms,
              double     *cpu)
{
  g_autoptr(JjLibrary) library = jj_library_new (index);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();

  jj_library_add_folder (library, folder);
  if (!jj_library_load (library, NULL, &error))
    g_error ("%s", error->message);
  *ms = ms_since (start);
  *cpu = cpu_ms () - cpu_start;

  return g_steal_pointer (&library);
}

static int compare_doubles (const void *a, const void *b);

static void
remove_index (const char *index_path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (index_path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* Opens the library N_OPEN_RUNS times, each time without its index when
 * @cold; prints the medians and returns the last library opened. */
static JjLibrary *
bench_open (const char *label,
            const char *dir,
            const char *index_path,
            gboolean    cold)
{
  g_autoptr(GFile) index = g_file_new_for_path (index_path);
  g_autoptr(JjLibrary) library = NULL;
  double times[N_OPEN_RUNS];
  double cpu_times[N_OPEN_RUNS];

  for (guint i = 0; i < N_OPEN_RUNS; i++)
    {
      g_clear_object (&library);
      if (cold)
        remove_index (index_path);
      library = open_library (dir, index, &times[i], &cpu_times[i]);
    }
  qsort (times, N_OPEN_RUNS, sizeof (double), compare_doubles);
  qsort (cpu_times, N_OPEN_RUNS, sizeof (double), compare_doubles);
  printf ("%-40s median %8.1f ms (cpu %8.1f)   max %8.1f ms, %u documents, %u passages\n",
          label, times[N_OPEN_RUNS / 2], cpu_times[N_OPEN_RUNS / 2], times[N_OPEN_RUNS - 1],
          jj_library_get_n_documents (library), jj_library_get_n_passages (library));

  return g_steal_pointer (&library);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return (da > db) - (da < db);
}

static void
bench_search (JjLibrary  *library,
              const char *label,
              const char *text,
              const char *kind,
              const char *tag)
{
  g_autoptr(JjLibraryQuery) query = jj_library_query_new ();
  double times[N_RUNS];
  double cpu_times[N_RUNS];
  guint hits = 0;

  jj_library_query_set_kind (query, kind);
  jj_library_query_set_tag (query, tag);
  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GPtrArray) result = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      /* Setting the text is part of the cost: it folds the query. */
      jj_library_query_set_text (query, NULL);
      jj_library_query_set_text (query, text);
      result = jj_library_search (library, query);
      times[i] = ms_since (start);
      cpu_times[i] = cpu_ms () - cpu_start;
      hits = result->len;
    }
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  qsort (cpu_times, N_RUNS, sizeof (double), compare_doubles);
  printf ("search %-28s %6u hits   median %6.2f ms (cpu %6.2f)   max %6.2f ms\n",
          label, hits, times[N_RUNS / 2], cpu_times[N_RUNS / 2], times[N_RUNS - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *root = NULL;
  g_autofree char *index_path = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(JjLibrary) cold = NULL;
  g_autoptr(JjLibrary) warm = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  xmlInitParser ();

  if (argc > 1)
    root = g_strdup (argv[1]);
  else
    root = g_dir_make_tmp ("jj-bench-library-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_build_filename (root, "speeches", NULL);
  index_path = g_build_filename (root, "library.index", NULL);
  stamp = g_build_filename (root, "generated", NULL);

  if (!g_file_test (stamp, G_FILE_TEST_EXISTS))
    {
      start = g_get_monotonic_time ();
      for (guint i = 0; i < N_DOCUMENTS; i++)
        library_data_write_document (dir, i, N_MARKS);
      g_file_set_contents (stamp, "", 0, NULL);
      printf ("generated %u speeches, %u marks in %.0f ms\n",
              N_DOCUMENTS, N_DOCUMENTS * N_MARKS, ms_since (start));
    }

  if (argc > 2 && g_str_equal (argv[2], "--warm-only"))
    {
      g_autoptr(GFile) index = g_file_new_for_path (index_path);
      double ms, cpu;

      warm = open_library (dir, index, &ms, &cpu);
      printf ("warm open: %.1f ms (cpu %.1f), %u passages\n", ms, cpu, jj_library_get_n_passages (warm));
      return 0;
    }

  cold = bench_open ("cold open (no index, sidecars read):", dir, index_path, TRUE);
  g_clear_object (&cold);
  warm = bench_open ("warm open (index, sidecars checked):", dir, index_path, FALSE);

  start = g_get_monotonic_time ();
  if (!jj_library_refresh (warm, NULL, &error))
    g_error ("%s", error->message);
  printf ("refresh, nothing changed:              %8.1f ms\n", ms_since (start));

  /* One speech's marks change: the refresh reads its sidecar and writes
   * the database, the whole index or only that speech. */
  {
    double times[N_OPEN_RUNS];
    double cpu_times[N_OPEN_RUNS];

    for (guint i = 0; i < N_OPEN_RUNS; i++)
      {
        g_autofree char *doc_path = library_data_document_path (dir, 100 + i);
        g_autofree char *sidecar_path = g_strconcat (doc_path, JJ_SIDECAR_SUFFIX, NULL);
        g_autoptr(JjSidecar) sidecar = jj_sidecar_load (sidecar_path, &error);
        double cpu_start;
        JjMark *mark;

        g_assert_no_error (error);
        mark = jj_mark_new ("golden");
        jj_mark_set_range (mark, 0, 4);
        jj_mark_set_quote (mark, "新添的一句话");
        g_ptr_array_add (sidecar->marks, mark);
        if (!jj_sidecar_save (sidecar, sidecar_path, &error))
          g_error ("%s", error->message);

        start = g_get_monotonic_time ();
        cpu_start = cpu_ms ();
        if (!jj_library_refresh (warm, NULL, &error))
          g_error ("%s", error->message);
        times[i] = ms_since (start);
        cpu_times[i] = cpu_ms () - cpu_start;

        /* Back as it was, for the next run of the benchmark. */
        g_ptr_array_remove (sidecar->marks, mark);
        if (!jj_sidecar_save (sidecar, sidecar_path, &error))
          g_error ("%s", error->message);
      }
    qsort (times, N_OPEN_RUNS, sizeof (double), compare_doubles);
    qsort (cpu_times, N_OPEN_RUNS, sizeof (double), compare_doubles);
    printf ("refresh, one speech changed:            median %8.1f ms (cpu %8.1f)\n",
            times[N_OPEN_RUNS / 2], cpu_times[N_OPEN_RUNS / 2]);
    if (!jj_library_refresh (warm, NULL, &error))
      g_error ("%s", error->message);
  }

  bench_search (warm, "everything (empty query)", NULL, NULL, NULL);
  bench_search (warm, "common: 发展", "发展", NULL, NULL);
  bench_search (warm, "traditional: 發展", "發展", NULL, NULL);
  bench_search (warm, "one passage: 第1234篇第5段", "第1234篇第5段", NULL, NULL);
  bench_search (warm, "title: 讲话0042", "讲话0042", NULL, NULL);
  bench_search (warm, "no hit: 航天", "航天", NULL, NULL);
  bench_search (warm, "kind+tag: 振兴 fact 经济", "振兴", "fact", "经济");
  bench_search (warm, "kind only: borrow", NULL, "borrow", NULL);

  if (argc <= 1)
    library_data_delete_recursively (root);

  return 0;
}
