/* fuzz-targets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One entry point per harness, shared by the libFuzzer programs and by the
 * regression test that replays the seeds and the crash inputs.
 */
typedef void (*JjFuzzTarget) (const guint8 *data,
                              gsize         size);

typedef struct
{
  const char   *name;
  JjFuzzTarget  run;
} JjFuzzHarness;

void                 jj_fuzz_init        (void);
const JjFuzzHarness *jj_fuzz_get_harnesses (guint      *n_harnesses);
const JjFuzzHarness *jj_fuzz_lookup      (const char *name);

void jj_fuzz_text        (const guint8 *data,
                          gsize         size);
void jj_fuzz_web_cleaner (const guint8 *data,
                          gsize         size);
void jj_fuzz_docx        (const guint8 *data,
                          gsize         size);
void jj_fuzz_odt         (const guint8 *data,
                          gsize         size);
void jj_fuzz_html        (const guint8 *data,
                          gsize         size);
void jj_fuzz_sidecar     (const guint8 *data,
                          gsize         size);
void jj_fuzz_outline     (const guint8 *data,
                          gsize         size);
void jj_fuzz_anchor      (const guint8 *data,
                          gsize         size);

G_END_DECLS
