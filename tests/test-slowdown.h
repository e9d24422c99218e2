/* test-slowdown.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Time limits in the tests are for a normal build. The valgrind test setup
 * runs the programs many times slower and says how much in
 * JJ_TEST_SLOWDOWN, so that a limit still fails on a real slowdown there.
 */
static inline gint64
jj_test_usec (double seconds)
{
  const char *slowdown = g_getenv ("JJ_TEST_SLOWDOWN");
  double factor = slowdown != NULL ? g_ascii_strtod (slowdown, NULL) : 1.0;

  return (gint64) (seconds * MAX (factor, 1.0) * G_USEC_PER_SEC);
}
