/* jj-citation.h — a passage as it is pasted into a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-outline.h"
#include "jj-passage.h"

G_BEGIN_DECLS

/* How a citation names the part of a speech before its first heading. */
#define JJ_CITATION_OPENING "开头"

char *jj_citation_format_date   (GDateTime  *date);
char *jj_citation_dup_section   (JjOutline  *outline,
                                 guint       offset);
char *jj_citation_format_source (JjPassage  *passage);
char *jj_citation_format        (JjPassage  *passage);

G_END_DECLS
