/* jj-mark-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-mark-kind.h"
#include "jj-mark-popover.h"

struct _JjMarkPopover
{
  GtkPopover          parent_instance;

  GtkButton          *apply_button;
  GtkButton          *delete_button;
  GtkFlowBox         *kind_box;
  GtkTextView        *note_view;
  GtkEntry           *tags_entry;

  GtkToggleButton   **kind_buttons;
  GtkListStore       *known_tags;
};

G_DEFINE_FINAL_TYPE (JjMarkPopover, jj_mark_popover, GTK_TYPE_POPOVER)

enum {
  APPLY,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
jj_mark_popover_get_kind (JjMarkPopover *self)
{
  g_return_val_if_fail (JJ_IS_MARK_POPOVER (self), NULL);

  for (guint i = 0; i < jj_mark_kind_get_n_kinds (); i++)
    {
      if (gtk_toggle_button_get_active (self->kind_buttons[i]))
        return jj_mark_kind_get_nth (i)->key;
    }

  return jj_mark_kind_get_nth (0)->key;
}

/* Tags are separated by ASCII or full-width commas or 、; blanks dropped. */
char **
jj_mark_popover_dup_tags (JjMarkPopover *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (JJ_IS_MARK_POPOVER (self), NULL);

  parts = g_regex_split_simple ("[,，、;；]", gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)),
                                0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag != '\0')
        g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

char *
jj_mark_popover_dup_note (JjMarkPopover *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (JJ_IS_MARK_POPOVER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
jj_mark_popover_set_fields (JjMarkPopover       *self,
                            gboolean             editing,
                            const char          *kind,
                            const char * const  *tags,
                            const char          *note)
{
  g_autofree char *joined = NULL;
  gboolean found = FALSE;

  g_return_if_fail (JJ_IS_MARK_POPOVER (self));

  for (guint i = 0; i < jj_mark_kind_get_n_kinds (); i++)
    {
      gboolean active = g_strcmp0 (jj_mark_kind_get_nth (i)->key, kind) == 0;

      gtk_toggle_button_set_active (self->kind_buttons[i], active);
      found |= active;
    }
  if (!found)
    gtk_toggle_button_set_active (self->kind_buttons[0], TRUE);

  joined = tags ? g_strjoinv ("，", (char **) tags) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), joined);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);

  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), editing);
  gtk_button_set_label (self->apply_button, editing ? _("_Save") : _("_Mark"));
}

void
jj_mark_popover_set_known_tags (JjMarkPopover      *self,
                                const char * const *tags)
{
  g_return_if_fail (JJ_IS_MARK_POPOVER (self));

  gtk_list_store_clear (self->known_tags);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->known_tags, NULL, -1, 0, tags[i], -1);
}

static const char *
last_token (const char *text)
{
  const char *p = text;
  const char *start = text;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == ',' || ch == 0xFF0C || ch == 0x3001 || ch == ';' || ch == 0xFF1B)
        start = g_utf8_next_char (p);
    }

  while (*start == ' ')
    start++;

  return start;
}

static gboolean
completion_match (GtkEntryCompletion *completion,
                  const char         *key,
                  GtkTreeIter        *iter,
                  gpointer            user_data)
{
  JjMarkPopover *self = user_data;
  const char *token = last_token (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)));
  g_autofree char *tag = NULL;

  if (*token == '\0')
    return FALSE;

  gtk_tree_model_get (GTK_TREE_MODEL (self->known_tags), iter, 0, &tag, -1);

  return tag != NULL && g_str_has_prefix (tag, token) && !g_str_equal (tag, token);
}

static gboolean
completion_selected (GtkEntryCompletion *completion,
                     GtkTreeModel       *model,
                     GtkTreeIter        *iter,
                     gpointer            user_data)
{
  JjMarkPopover *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tags_entry));
  const char *token = last_token (text);
  g_autofree char *tag = NULL;
  g_autofree char *replaced = NULL;

  gtk_tree_model_get (model, iter, 0, &tag, -1);
  replaced = g_strdup_printf ("%.*s%s，", (int) (token - text), text, tag);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), replaced);
  gtk_editable_set_position (GTK_EDITABLE (self->tags_entry), -1);

  return TRUE;
}

static void
apply_clicked_cb (JjMarkPopover *self)
{
  g_signal_emit (self, signals[APPLY], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
delete_clicked_cb (JjMarkPopover *self)
{
  g_signal_emit (self, signals[DELETE], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
jj_mark_popover_dispose (GObject *object)
{
  JjMarkPopover *self = (JjMarkPopover *)object;

  g_clear_pointer (&self->kind_buttons, g_free);
  g_clear_object (&self->known_tags);

  gtk_widget_dispose_template (GTK_WIDGET (self), JJ_TYPE_MARK_POPOVER);

  G_OBJECT_CLASS (jj_mark_popover_parent_class)->dispose (object);
}

static void
jj_mark_popover_class_init (JjMarkPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_mark_popover_dispose;

  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/jj-mark-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, JjMarkPopover, apply_button);
  gtk_widget_class_bind_template_child (widget_class, JjMarkPopover, delete_button);
  gtk_widget_class_bind_template_child (widget_class, JjMarkPopover, kind_box);
  gtk_widget_class_bind_template_child (widget_class, JjMarkPopover, note_view);
  gtk_widget_class_bind_template_child (widget_class, JjMarkPopover, tags_entry);
}

static void
jj_mark_popover_init (JjMarkPopover *self)
{
  GtkEntryCompletion *completion;
  guint n = jj_mark_kind_get_n_kinds ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kind_buttons = g_new0 (GtkToggleButton *, n);
  for (guint i = 0; i < n; i++)
    {
      const JjMarkKind *kind = jj_mark_kind_get_nth (i);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *markup = NULL;
      g_autofree char *tooltip = NULL;

      markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s",
                                        kind->color, jj_mark_kind_get_label (kind->key));
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_button_set_child (GTK_BUTTON (button), label);
      /* Translators: %u is the number key that marks with this kind */
      tooltip = g_strdup_printf (_("Key %u"), i + 1);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, jj_mark_kind_get_label (kind->key),
                                      -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->kind_buttons[0]);
      self->kind_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_flow_box_append (self->kind_box, button);
    }
  gtk_toggle_button_set_active (self->kind_buttons[0], TRUE);

  self->known_tags = gtk_list_store_new (1, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->known_tags));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_match_func (completion, completion_match, self, NULL);
  g_signal_connect (completion, "match-selected", G_CALLBACK (completion_selected), self);
  gtk_entry_set_completion (self->tags_entry, completion);
  g_object_unref (completion);

  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  g_signal_connect_swapped (self->tags_entry, "activate", G_CALLBACK (apply_clicked_cb), self);
}

GtkWidget *
jj_mark_popover_new (void)
{
  return g_object_new (JJ_TYPE_MARK_POPOVER, NULL);
}
