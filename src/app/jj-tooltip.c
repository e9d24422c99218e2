/* jj-tooltip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jj-tooltip.h"

/* Past this many characters a tooltip wraps, at this width. */
#define MAX_LINE_CHARS 40

/**
 * jj_tooltip_set_text:
 *
 * Shows @text in @tooltip on one line, or in lines of MAX_LINE_CHARS
 * characters when longer; for query-tooltip handlers.
 *
 * GTK 4.8 sizes a tooltip's wrapping label for text with spaces between
 * words: Chinese text, which has none, is wrapped every few characters
 * (打开讲话稿（Ctrl+O）took two lines 70 px wide). The tooltip is given a
 * label of our own instead.
 */
void
jj_tooltip_set_text (GtkTooltip *tooltip,
                     const char *text)
{
  GtkWidget *label;

  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));
  g_return_if_fail (text != NULL);

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
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text == NULL || text[0] == '\0')
    return FALSE;

  jj_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* A label cut by an ellipsis shows its whole text as its tooltip. */
static gboolean
query_cut_label_cb (GtkLabel   *label,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip,
                    gpointer    user_data)
{
  const char *text = gtk_label_get_text (label);

  if (text == NULL || text[0] == '\0' ||
      !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  jj_tooltip_set_text (tooltip, text);

  return TRUE;
}

/**
 * jj_tooltip_for_cut_labels:
 *
 * Gives each label in @root that may be cut by an ellipsis a tooltip
 * with its whole text, shown only when it is cut, laid out as
 * jj_tooltip_set_text() does. For the rows of lists, where the text
 * changes as rows are bound: the tooltip takes the label's text when it
 * is shown.
 */
void
jj_tooltip_for_cut_labels (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root) &&
      gtk_label_get_ellipsize (GTK_LABEL (root)) != PANGO_ELLIPSIZE_NONE &&
      g_object_get_data (G_OBJECT (root), "jj-cut-tooltip") == NULL)
    {
      g_object_set_data (G_OBJECT (root), "jj-cut-tooltip", GINT_TO_POINTER (TRUE));
      gtk_widget_set_has_tooltip (root, TRUE);
      g_signal_connect (root, "query-tooltip", G_CALLBACK (query_cut_label_cb), NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    jj_tooltip_for_cut_labels (child);
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
