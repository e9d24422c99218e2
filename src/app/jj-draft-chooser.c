/* jj-draft-chooser.c — Send to Draft: which draft, under which heading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-draft-chooser.h"
#include "jj-draft-window.h"

struct _JjDraftChooser
{
  AdwWindow    parent_instance;

  GtkListBox  *drafts_list;
  GtkListBox  *sections_list;

  char        *speech;
  char        *mark_id;
  GPtrArray   *boards;      /* JjDraftWindow, open drafts, most recent first */
  JjDraft     *new_draft;   /* the skeleton offered as a new draft, last row */
  gboolean     filling;
};

G_DEFINE_FINAL_TYPE (JjDraftChooser, jj_draft_chooser, ADW_TYPE_WINDOW)

static JjDraft *
draft_at (JjDraftChooser *self,
          guint           row)
{
  if (row < self->boards->len)
    return jj_draft_window_get_draft (g_ptr_array_index (self->boards, row));

  return self->new_draft;
}

static guint
selected_index (GtkListBox *list)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

  return row != NULL ? (guint) gtk_list_box_row_get_index (row) : G_MAXUINT;
}

static GtkWidget *
label_row_new (const char *text,
               guint       indent)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12 + 18 * indent);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  return row;
}

static void
fill_sections (JjDraftChooser *self,
               guint           section)
{
  JjDraft *draft = draft_at (self, selected_index (self->drafts_list));
  GtkWidget *child;
  guint n;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list))) != NULL)
    gtk_list_box_remove (self->sections_list, child);

  n = draft != NULL ? jj_draft_get_n_sections (draft) : 0;
  for (guint i = 0; i < n; i++)
    {
      JjDraftSection *s = jj_draft_get_section (draft, i);
      const char *heading = jj_draft_section_get_heading (s);
      g_autofree char *text = NULL;

      if (heading == NULL || *heading == '\0')
        /* Translators: a heading of the draft not written yet */
        text = g_strdup_printf (_("Heading %u (no text yet)"), i + 1);
      else
        text = g_strdup (heading);
      gtk_list_box_append (self->sections_list,
                           label_row_new (text, MAX (jj_draft_section_get_level (s), 1) - 1));
    }
  self->filling = FALSE;

  if (n > 0)
    gtk_list_box_select_row (self->sections_list,
                             gtk_list_box_get_row_at_index (self->sections_list, MIN (section, n - 1)));
}

static guint
default_section (JjDraftChooser *self,
                 guint           draft)
{
  JjDraft *d;

  if (draft < self->boards->len)
    return jj_draft_window_get_current_section (g_ptr_array_index (self->boards, draft));

  d = draft_at (self, draft);

  return d != NULL && jj_draft_get_n_sections (d) > 1 ? 1 : 0;
}

static void
draft_selected_cb (GtkListBox     *list,
                   GtkListBoxRow  *row,
                   JjDraftChooser *self)
{
  if (row != NULL && !self->filling)
    fill_sections (self, default_section (self, gtk_list_box_row_get_index (row)));
}

gboolean
jj_draft_chooser_get_selected (JjDraftChooser *self,
                               guint          *draft,
                               guint          *section)
{
  guint d, s;

  g_return_val_if_fail (JJ_IS_DRAFT_CHOOSER (self), FALSE);

  d = selected_index (self->drafts_list);
  s = selected_index (self->sections_list);
  if (d == G_MAXUINT || s == G_MAXUINT)
    return FALSE;

  if (draft != NULL)
    *draft = d;
  if (section != NULL)
    *section = s;

  return TRUE;
}

/**
 * jj_draft_chooser_send:
 *
 * Sends the passage to the chosen draft under the chosen heading, as
 * Return does, and closes the chooser; a new draft is opened first.
 *
 * Returns: (transfer none) (nullable): the board it went to
 */
GtkWidget *
jj_draft_chooser_send (JjDraftChooser *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWidget *board;
  guint draft, section;

  g_return_val_if_fail (JJ_IS_DRAFT_CHOOSER (self), NULL);

  if (!jj_draft_chooser_get_selected (self, &draft, &section))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }

  if (draft < self->boards->len)
    board = g_ptr_array_index (self->boards, draft);
  else
    {
      board = GTK_WIDGET (jj_draft_window_new (app, self->new_draft, NULL));
      gtk_window_present (GTK_WINDOW (board));
    }

  gtk_widget_activate_action (board, "win.add-mark-to", "(ssu)", self->speech, self->mark_id, section);
  gtk_window_destroy (GTK_WINDOW (self));

  return board;
}

static void
draft_activated_cb (GtkListBox     *list,
                    GtkListBoxRow  *row,
                    JjDraftChooser *self)
{
  GtkListBoxRow *section = gtk_list_box_get_selected_row (self->sections_list);

  if (section != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (section));
}

static void
section_activated_cb (GtkListBox     *list,
                      GtkListBoxRow  *row,
                      JjDraftChooser *self)
{
  jj_draft_chooser_send (self);
}

static void
send_clicked_cb (JjDraftChooser *self)
{
  jj_draft_chooser_send (self);
}

static gboolean
close_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   data)
{
  gtk_window_close (GTK_WINDOW (widget));

  return TRUE;
}

guint
jj_draft_chooser_get_n_drafts (JjDraftChooser *self)
{
  g_return_val_if_fail (JJ_IS_DRAFT_CHOOSER (self), 0);

  return self->boards->len + 1;
}

guint
jj_draft_chooser_get_n_sections (JjDraftChooser *self)
{
  JjDraft *draft;

  g_return_val_if_fail (JJ_IS_DRAFT_CHOOSER (self), 0);

  draft = draft_at (self, selected_index (self->drafts_list));

  return draft != NULL ? jj_draft_get_n_sections (draft) : 0;
}

/* Chooses @draft (its row: open drafts, then the new one) and @section,
 * as the arrow keys do. */
gboolean
jj_draft_chooser_select (JjDraftChooser *self,
                         guint           draft,
                         guint           section)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (JJ_IS_DRAFT_CHOOSER (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->drafts_list, draft);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->drafts_list, row);
  row = gtk_list_box_get_row_at_index (self->sections_list, section);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->sections_list, row);

  return TRUE;
}

static void
jj_draft_chooser_finalize (GObject *object)
{
  JjDraftChooser *self = JJ_DRAFT_CHOOSER (object);

  g_free (self->speech);
  g_free (self->mark_id);
  g_clear_pointer (&self->boards, g_ptr_array_unref);
  g_clear_object (&self->new_draft);

  G_OBJECT_CLASS (jj_draft_chooser_parent_class)->finalize (object);
}

static void
jj_draft_chooser_class_init (JjDraftChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jj_draft_chooser_finalize;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_cb, NULL);
}

static GtkWidget *
list_new (const char *label,
          GtkWidget  *box,
          GtkWidget **list_out)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), list);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (title)), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);

  *list_out = list;

  return list;
}

static void
jj_draft_chooser_init (JjDraftChooser *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *send = gtk_button_new_with_mnemonic (_("_Send"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (_("Choose the draft and the heading with the arrow keys, then press Return."));
  GtkWidget *list;

  self->boards = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_window_set_title (GTK_WINDOW (self), _("Send to Draft"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_add_css_class (send, "suggested-action");
  g_signal_connect_swapped (send, "clicked", G_CALLBACK (send_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), send);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  list_new (_("_Draft"), box, &list);
  self->drafts_list = GTK_LIST_BOX (list);
  g_signal_connect (list, "row-selected", G_CALLBACK (draft_selected_cb), self);
  g_signal_connect (list, "row-activated", G_CALLBACK (draft_activated_cb), self);

  list_new (_("_Heading"), box, &list);
  self->sections_list = GTK_LIST_BOX (list);
  g_signal_connect (list, "row-activated", G_CALLBACK (section_activated_cb), self);

  gtk_box_append (GTK_BOX (content), box);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * jj_draft_chooser_new:
 * @speech: the path of the speech the passage is marked in
 * @mark_id: the mark's id
 *
 * A chooser of the draft (those open, the one used last first, or a new
 * one) and of the heading the marked passage goes under, by keyboard.
 */
JjDraftChooser *
jj_draft_chooser_new (GtkApplication *application,
                      GtkWindow      *parent,
                      const char     *speech,
                      const char     *mark_id)
{
  JjDraftChooser *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (speech != NULL && mark_id != NULL, NULL);

  self = g_object_new (JJ_TYPE_DRAFT_CHOOSER, "application", application,
                       "transient-for", parent, NULL);
  self->speech = g_strdup (speech);
  self->mark_id = g_strdup (mark_id);
  self->new_draft = jj_draft_new_skeleton ("");

  /* The application keeps its windows most recently focused first. */
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      JjDraft *draft;
      const char *title;
      g_autofree char *text = NULL;

      if (!JJ_IS_DRAFT_WINDOW (l->data))
        continue;

      draft = jj_draft_window_get_draft (l->data);
      title = jj_draft_get_title (draft);
      if (title == NULL || *title == '\0')
        {
          const char *path = jj_draft_window_get_path (l->data);

          text = path != NULL ? g_path_get_basename (path) : g_strdup (_("Untitled draft"));
        }
      else
        text = g_strdup (title);

      g_ptr_array_add (self->boards, g_object_ref (l->data));
      gtk_list_box_append (self->drafts_list, label_row_new (text, 0));
    }
  gtk_list_box_append (self->drafts_list, label_row_new (_("New Draft"), 0));

  gtk_list_box_select_row (self->drafts_list, gtk_list_box_get_row_at_index (self->drafts_list, 0));
  fill_sections (self, default_section (self, 0));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (gtk_list_box_get_selected_row (self->sections_list)));

  return self;
}
