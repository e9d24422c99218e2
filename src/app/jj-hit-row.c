/* jj-hit-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jj-citation.h"
#include "jj-hit-mark.h"
#include "jj-hit-row.h"
#include "jj-language.h"
#include "jj-mark-kind.h"

struct _JjHitRow
{
  GtkListBoxRow  parent_instance;

  JjTextHit     *hit;
  GtkWidget     *section;
  GtkWidget     *mark_button;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (JjHitRow, jj_hit_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  MARKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  JjTextHit *hit;
  char      *author;
  char      *sentence;
  gboolean   already;
} MarkData;

static void
mark_data_free (MarkData *data)
{
  jj_text_hit_free (data->hit);
  g_free (data->author);
  g_free (data->sentence);
  g_free (data);
}

static void
mark_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  MarkData *data = task_data;
  g_autoptr(GFile) file = g_file_new_for_path (data->hit->path);
  g_autofree char *hit_text = g_utf8_substring (data->hit->context, data->hit->context_hit_start,
                                                data->hit->context_hit_end);
  GError *error = NULL;

  if (jj_hit_mark_add (file, data->hit->start, data->hit->end, hit_text,
                       jj_mark_kind_get_nth (0)->key, data->author,
                       &data->sentence, &data->already, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
mark_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  JjHitRow *self = JJ_HIT_ROW (object);
  MarkData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *overlay;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->mark_button, TRUE);
  if (!ok)
    message = g_strdup (error->message);
  else if (data->already)
    message = g_strdup (_("This sentence was marked already"));
  else
    {
      g_autofree char *title = self->hit->title != NULL && self->hit->title[0] != '\0'
                               ? g_strdup (self->hit->title) : g_path_get_basename (self->hit->path);

      message = g_strdup_printf (_("Marked the sentence in “%s”"), title);
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));

  g_signal_emit (self, signals[MARKED], 0, ok, message);
}

/**
 * jj_hit_row_mark:
 *
 * Marks the sentence of the hit in its speech's sidecar, in a thread, and
 * says so in the nearest toast overlay; then emits JjHitRow::marked.
 */
void
jj_hit_row_mark (JjHitRow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MarkData *data;

  g_return_if_fail (JJ_IS_HIT_ROW (self));

  data = g_new0 (MarkData, 1);
  data->hit = jj_text_hit_copy (self->hit);
  data->author = g_settings_get_string (settings, "author");

  gtk_widget_set_sensitive (self->mark_button, FALSE);
  task = g_task_new (self, self->cancellable, mark_cb, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify)mark_data_free);
  g_task_run_in_thread (task, mark_thread);
}

/**
 * jj_hit_row_set_show_title:
 *
 * Names the speech (and its date) before the section, for lists whose hits
 * are not under a heading of their speech.
 */
void
jj_hit_row_set_show_title (JjHitRow *self,
                           gboolean  show_title)
{
  g_autoptr(GString) where = g_string_new (NULL);

  g_return_if_fail (JJ_IS_HIT_ROW (self));

  if (show_title)
    {
      if (self->hit->title != NULL && self->hit->title[0] != '\0')
        g_string_append (where, self->hit->title);
      else
        {
          g_autofree char *base = g_path_get_basename (self->hit->path);

          g_string_append (where, base);
        }
      if (self->hit->date != 0)
        {
          g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (self->hit->date);
          g_autofree char *date = jj_citation_format_date (time);

          g_string_append_printf (where, " · %s", date);
        }
      if (self->hit->section != NULL && self->hit->section[0] != '\0')
        g_string_append (where, " › ");
    }
  g_string_append (where, self->hit->section != NULL ? self->hit->section : "");
  gtk_label_set_label (GTK_LABEL (self->section), where->str);
  gtk_widget_set_visible (self->section, where->len > 0);
}

const JjTextHit *
jj_hit_row_get_hit (JjHitRow *self)
{
  g_return_val_if_fail (JJ_IS_HIT_ROW (self), NULL);

  return self->hit;
}

static void
jj_hit_row_dispose (GObject *object)
{
  JjHitRow *self = JJ_HIT_ROW (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (jj_hit_row_parent_class)->dispose (object);
}

static void
jj_hit_row_finalize (GObject *object)
{
  JjHitRow *self = JJ_HIT_ROW (object);

  g_clear_pointer (&self->hit, jj_text_hit_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jj_hit_row_parent_class)->finalize (object);
}

static void
jj_hit_row_class_init (JjHitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jj_hit_row_dispose;
  object_class->finalize = jj_hit_row_finalize;

  /**
   * JjHitRow::marked:
   * @ok: whether the sentence is marked now
   * @message: what the toast said
   */
  signals[MARKED] = g_signal_new ("marked", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
jj_hit_row_init (JjHitRow *self)
{
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
jj_hit_row_new (const JjTextHit *hit)
{
  JjHitRow *self = g_object_new (JJ_TYPE_HIT_ROW, NULL);
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *context = gtk_label_new (NULL);
  GtkWidget *section = gtk_label_new (hit->section);
  const char *start = g_utf8_offset_to_pointer (hit->context, hit->context_hit_start);
  const char *end = g_utf8_offset_to_pointer (hit->context, hit->context_hit_end);
  g_autofree char *before = g_markup_escape_text (hit->context, start - hit->context);
  g_autofree char *word = g_markup_escape_text (start, end - start);
  g_autofree char *after = g_markup_escape_text (end, -1);
  g_autofree char *markup = g_strdup_printf ("%s<b><u>%s</u></b>%s", before, word, after);

  g_return_val_if_fail (hit != NULL, NULL);

  self->hit = jj_text_hit_copy (hit);

  gtk_label_set_markup (GTK_LABEL (context), markup);
  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_wrap (GTK_LABEL (context), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (context), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (section), 0);
  gtk_label_set_ellipsize (GTK_LABEL (section), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (section, "caption");
  gtk_widget_add_css_class (section, "dim-label");
  gtk_widget_set_visible (section, hit->section != NULL && hit->section[0] != '\0');
  gtk_box_append (GTK_BOX (box), context);
  gtk_box_append (GTK_BOX (box), section);
  self->section = section;
  gtk_widget_set_hexpand (box, TRUE);

  self->mark_button = gtk_button_new_from_icon_name ("bookmark-new-symbolic");
  gtk_widget_set_valign (self->mark_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->mark_button, _("Mark This Sentence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark This Sentence"), -1);
  gtk_widget_add_css_class (self->mark_button, "flat");
  g_signal_connect_swapped (self->mark_button, "clicked", G_CALLBACK (jj_hit_row_mark), self);

  gtk_box_append (GTK_BOX (hbox), box);
  gtk_box_append (GTK_BOX (hbox), self->mark_button);
  gtk_widget_set_margin_top (hbox, 6);
  gtk_widget_set_margin_bottom (hbox, 6);
  gtk_widget_set_margin_start (hbox, 24);
  gtk_widget_set_margin_end (hbox, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), hbox);
  jj_language_speech_labels (GTK_WIDGET (self));

  return GTK_WIDGET (self);
}
