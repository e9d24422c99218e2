/* jj-exporter.h — passages and outline skeletons out to .txt, .md and .docx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jj-outline.h"
#include "jj-passage.h"

G_BEGIN_DECLS

typedef enum
{
  JJ_EXPORT_FORMAT_TXT,
  JJ_EXPORT_FORMAT_MD,
  JJ_EXPORT_FORMAT_DOCX,
} JjExportFormat;

/* One heading of a speech's outline, as an outline skeleton gives it. */
typedef struct
{
  guint       level;  /* 1 = top */
  const char *text;   /* with its marker: "一、…", "（一）…" */
} JjHeadingLine;

gboolean    jj_export_format_from_string   (const char           *name,
                                            JjExportFormat       *format);
const char *jj_export_format_get_extension (JjExportFormat        format);

GBytes     *jj_exporter_passages_to_bytes  (JjPassage           **passages,
                                            guint                 n_passages,
                                            const char           *title,
                                            JjExportFormat        format,
                                            GError              **error);
gboolean    jj_exporter_save_passages      (JjPassage           **passages,
                                            guint                 n_passages,
                                            const char           *title,
                                            JjExportFormat        format,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GError              **error);

JjHeadingLine *jj_exporter_dup_outline_lines (JjOutline          *outline,
                                            guint              *n_lines);
char       *jj_exporter_outline_to_text    (const JjHeadingLine  *lines,
                                            guint                 n_lines);
GBytes     *jj_exporter_outline_to_bytes   (const char           *title,
                                            const JjHeadingLine  *lines,
                                            guint                 n_lines,
                                            JjExportFormat        format,
                                            GError              **error);
gboolean    jj_exporter_save_outline       (const char           *title,
                                            const JjHeadingLine  *lines,
                                            guint                 n_lines,
                                            JjExportFormat        format,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GError              **error);

G_END_DECLS
