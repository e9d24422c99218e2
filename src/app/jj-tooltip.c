/* jj-tooltip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-tooltip.h"

/* Past this many characters a tooltip wraps, at this width. */
#define MAX_LINE_CHARS 40

/* GTK 4.8 sizes a tooltip's wrapping label for text with spaces between
 * words: Chinese text, which has none, is wrapped every few characters
 * (打开讲话稿（Ctrl+O）took two lines 70 px wide). The tooltip is given a
 * label of our own: one line, or lines of MAX_LINE_CHARS. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);
  GtkWidget *label;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  label = gtk_label_new (text);
  if (g_utf8_strlen (text, -1) > MAX_LINE_CHARS)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), MAX_LINE_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_LINE_CHARS);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_tooltip_set_custom (tooltip, label);

  return TRUE;
}

/**
 * jj_tooltip_unwrap_tree:
 *
 * Gives the text tooltips of @root and the widgets in it, now and when
 * set later, a label that does not wrap short Chinese texts.
 */
void
jj_tooltip_unwrap_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (g_object_get_data (G_OBJECT (root), "jj-tooltip") == NULL &&
      (gtk_widget_get_has_tooltip (root) || GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root)))
    {
      g_object_set_data (G_OBJECT (root), "jj-tooltip", GINT_TO_POINTER (TRUE));
      g_signal_connect (root, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    jj_tooltip_unwrap_tree (child);
}
