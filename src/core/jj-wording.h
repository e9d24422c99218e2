/* jj-wording.h — 提法对比: how a phrase and its close variants are worded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jj-text-index.h"

G_BEGIN_DECLS

typedef struct
{
  char  *path;
  char  *title;
  gint64 date;
  guint  count;
} JjWordingDocumentCount;

typedef struct
{
  int    year;      /* 0 when the speech's date is unknown */
  guint  count;
} JjWordingYearCount;

/* One wording: the phrase itself (errors 0) or a variant of it. */
typedef struct _JjWordingVariant JjWordingVariant;

struct _JjWordingVariant
{
  char      *text;       /* folded, as compared */
  guint      errors;     /* characters changed, inserted or left out */
  GPtrArray *hits;       /* JjTextHit, by document and in text order */
  GArray    *documents;  /* JjWordingDocumentCount, most hits first */
  GArray    *years;      /* JjWordingYearCount, oldest first */
  guint      n_hits;     /* every occurrence, also those left out of hits */
};

#define JJ_TYPE_WORDING_VARIANT (jj_wording_variant_get_type ())
GType             jj_wording_variant_get_type (void) G_GNUC_CONST;
JjWordingVariant *jj_wording_variant_copy     (const JjWordingVariant *variant);
void              jj_wording_variant_free     (JjWordingVariant       *variant);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JjWordingVariant, jj_wording_variant_free)

guint      jj_wording_max_errors (const char   *phrase);
GPtrArray *jj_wording_compare    (JjTextIndex  *index,
                                  const char   *phrase,
                                  GError      **error);
GPtrArray *jj_wording_compare_bounded (JjTextIndex  *index,
                                       const char   *phrase,
                                       guint         max_hits,
                                       GError      **error);

G_END_DECLS
