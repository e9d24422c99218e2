/* jj-window-find.c — finding a phrase in the reader window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-text-search.h"
#include "jj-window-private.h"

#define MAX_MATCHES 100000

static void
update_match_label (JjWindow *self)
{
  g_autofree char *text = NULL;

  if (self->matches == NULL || gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else if (self->current_match < 0)
    text = g_strdup_printf (ngettext ("%u match", "%u matches", self->matches->len),
                            self->matches->len);
  else
    /* Translators: the current match and the number of matches */
    text = g_strdup_printf (_("%d of %u"), self->current_match + 1, self->matches->len);

  gtk_label_set_label (self->match_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next",
                                 self->matches != NULL && self->matches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous",
                                 self->matches != NULL && self->matches->len > 0);
}

static void
search_changed_cb (JjWindow *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int first = -1;

  g_clear_pointer (&self->matches, g_array_unref);
  self->current_match = -1;

  if (self->document != NULL && needle[0] != '\0')
    self->matches = jj_text_search_find_all (jj_document_get_text (self->document),
                                             jj_document_get_n_bytes (self->document),
                                             needle, MAX_MATCHES);

  /* While typing: the first match from where the reader is, shown
   * (scrolled to only when off screen), the focus left in the entry.
   * Next then goes to it. */
  if (self->matches != NULL && self->matches->len > 0)
    {
      guint position = jj_reader_view_get_position (self->reader_view);

      first = 0;
      for (guint i = 0; i < self->matches->len; i++)
        if (g_array_index (self->matches, JjTextRange, i).start >= position)
          {
            first = i;
            break;
          }
      jj_reader_view_reveal_offset (self->reader_view,
                                    g_array_index (self->matches, JjTextRange, first).start);
    }

  jj_reader_view_set_matches (self->reader_view, self->matches, first);
  update_match_label (self);
}

static void
jj_window_goto_match (JjWindow *self,
                      int       direction)
{
  JjTextRange *range;
  guint position;

  if (self->matches == NULL || self->matches->len == 0)
    return;

  if (self->current_match < 0)
    {
      /* Start from the reading position. */
      position = jj_reader_view_get_position (self->reader_view);
      self->current_match = 0;
      for (guint i = 0; i < self->matches->len; i++)
        {
          if (g_array_index (self->matches, JjTextRange, i).start >= position)
            {
              self->current_match = i;
              break;
            }
        }
      if (direction < 0)
        self->current_match--;
    }
  else
    {
      self->current_match += direction;
    }

  if (self->current_match < 0)
    self->current_match = self->matches->len - 1;
  else if (self->current_match >= (int) self->matches->len)
    self->current_match = 0;

  range = &g_array_index (self->matches, JjTextRange, self->current_match);
  jj_reader_view_set_matches (self->reader_view, self->matches, self->current_match);
  /* The match is selected, so it can be marked at once. */
  jj_reader_view_select_range (self->reader_view, range->start, range->end);
  update_match_label (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  JjWindow *self = JJ_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  jj_window_goto_match (JJ_WINDOW (widget), 1);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  jj_window_goto_match (JJ_WINDOW (widget), -1);
}

static void
search_next_cb (JjWindow *self)
{
  jj_window_goto_match (self, 1);
}

static void
search_previous_cb (JjWindow *self)
{
  jj_window_goto_match (self, -1);
}

static void
search_mode_changed_cb (JjWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      g_clear_pointer (&self->matches, g_array_unref);
      jj_reader_view_set_matches (self->reader_view, NULL, -1);
    }
  else
    {
      search_changed_cb (self);
    }
}

/* A new document: the phrase being looked for is looked for in it. */
void
_jj_window_refresh_find (JjWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    search_changed_cb (self);
  else
    g_clear_pointer (&self->matches, g_array_unref);
  update_match_label (self);
}

void
_jj_window_class_init_find (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
}

void
_jj_window_init_find (JjWindow *self)
{
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_next_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match",
                           G_CALLBACK (search_next_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match",
                           G_CALLBACK (search_previous_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  update_match_label (self);
}
