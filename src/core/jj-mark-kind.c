/* jj-mark-kind.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jj-mark-kind.h"

/* The order is the order of the number keys 1–6 in the reader. */
static const JjMarkKind kinds[] = {
  { "borrow",  NC_("mark kind", "Borrow"),        "#f6d32d" },
  { "golden",  NC_("mark kind", "Golden line"),   "#f66151" },
  { "outline", NC_("mark kind", "Outline"),       "#62a0ea" },
  { "wording", NC_("mark kind", "Wording"),       "#8ff0a4" },
  { "fact",    NC_("mark kind", "Fact or case"),  "#ffa348" },
  /* Not grey: that is how an unfocused selection looks. */
  { "doubt",   NC_("mark kind", "Doubt"),         "#dc8add" },
};

guint
jj_mark_kind_get_n_kinds (void)
{
  return G_N_ELEMENTS (kinds);
}

const JjMarkKind *
jj_mark_kind_get_nth (guint n)
{
  g_return_val_if_fail (n < G_N_ELEMENTS (kinds), NULL);

  return &kinds[n];
}

const JjMarkKind *
jj_mark_kind_lookup (const char *key)
{
  if (key == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kinds[i].key, key))
        return &kinds[i];
    }

  return NULL;
}

/* Unknown kinds (from a newer version) are shown by their key. */
const char *
jj_mark_kind_get_label (const char *key)
{
  const JjMarkKind *kind = jj_mark_kind_lookup (key);

  if (kind == NULL)
    return key;

  return g_dpgettext2 (GETTEXT_PACKAGE, "mark kind", kind->label);
}

const char *
jj_mark_kind_get_color (const char *key)
{
  const JjMarkKind *kind = jj_mark_kind_lookup (key);

  return kind != NULL ? kind->color : "#deddda";
}
