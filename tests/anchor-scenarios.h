/* anchor-scenarios.h — synthetic edits of real speeches, to measure re-anchoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SCENARIO_INSERT,
  SCENARIO_DELETE,
  SCENARIO_MOVE,
  SCENARIO_S2T,
  SCENARIO_MIXED,
  SCENARIO_EDITED,
  N_SCENARIOS
} Scenario;

typedef struct
{
  guint n;
  guint right;     /* exactly the range the quote now has */
  guint near;      /* both ends within 2 characters of it (an edit at a boundary) */
  guint wrong;
  guint orphan;
} ScenarioCount;

typedef struct
{
  ScenarioCount by_scenario[N_SCENARIOS];
  ScenarioCount intact;
  ScenarioCount edited;
  gint64        usec;      /* time spent re-anchoring */
} AnchorStats;

const char *scenario_name        (Scenario     scenario);
gboolean    anchor_scenarios_run (const char  *text,
                                  guint32      seed,
                                  guint        n_marks,
                                  AnchorStats *stats);
char      **anchor_scenarios_load_corpus (const char *dir);

G_END_DECLS
