/* jj-wording-view.c
 *
 * The window of 提法对比: the phrase and each close variant jj_wording
 * finds, with their counts per speech and per year, and every hit in
 * context. The index is brought up to date and the comparison made in
 * threads; the window shows progress and stays responsive meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-application.h"
#include "jj-hit-row.h"
#include "jj-library-text-index.h"
#include "jj-wording-view.h"

/* Rows a list box builds without a pause; the rest are counted. */
#define MAX_ROWS_PER_VARIANT 100
#define MAX_SPEECHES_NAMED 8

struct _JjWordingView
{
  AdwWindow       parent_instance;

  JjLibrary      *library;
  JjTextIndex    *index;
  GCancellable   *cancellable;          /* the window's */
  GCancellable   *compare_cancellable;  /* the current phrase's */
  char           *phrase;
  gboolean        updating;
  gboolean        comparing;
  guint           retries;
  GPtrArray      *variants;   /* JjWordingVariant */
  GPtrArray      *hit_rows;   /* GPtrArray of JjHitRow, one per variant */
  GPtrArray      *summaries;  /* char *, one per variant */

  GtkSearchEntry *phrase_entry;
  GtkSpinner     *spinner;
  AdwToastOverlay *toast_overlay;
  GtkStack       *stack;
  AdwStatusPage  *status_page;
  GtkProgressBar *progress_bar;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (JjWordingView, jj_wording_view, ADW_TYPE_WINDOW)

enum
{
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start (JjWordingView *self);

static void
show_status (JjWordingView *self,
             const char    *title,
             const char    *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
update_spinner (JjWordingView *self)
{
  gboolean busy = self->updating || self->comparing;

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
clear_results (JjWordingView *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->variants, 0);
  g_ptr_array_set_size (self->hit_rows, 0);
  g_ptr_array_set_size (self->summaries, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static char *
describe_variant (const JjWordingVariant *variant,
                  char                  **counts_out,
                  char                  **years_out,
                  char                  **speeches_out)
{
  g_autoptr(GString) years = g_string_new (NULL);
  g_autoptr(GString) speeches = g_string_new (NULL);
  guint n_docs = variant->documents->len;

  *counts_out = g_strdup_printf (ngettext ("%u hit in %u speech", "%u hits in %u speeches", n_docs),
                                 variant->n_hits, n_docs);

  for (guint i = 0; i < variant->years->len; i++)
    {
      const JjWordingYearCount *year = &g_array_index (variant->years, JjWordingYearCount, i);

      if (years->len > 0)
        g_string_append (years, " · ");
      if (year->year != 0)
        g_string_append_printf (years, _("%d: %u"), year->year, year->count);
      else
        g_string_append_printf (years, _("undated: %u"), year->count);
    }

  for (guint i = 0; i < n_docs && i < MAX_SPEECHES_NAMED; i++)
    {
      const JjWordingDocumentCount *doc = &g_array_index (variant->documents, JjWordingDocumentCount, i);
      g_autofree char *base = g_path_get_basename (doc->path);

      if (speeches->len > 0)
        g_string_append (speeches, "; ");
      g_string_append_printf (speeches, _("%s: %u"),
                              doc->title != NULL && doc->title[0] != '\0' ? doc->title : base,
                              doc->count);
    }
  if (n_docs > MAX_SPEECHES_NAMED)
    g_string_append_printf (speeches, ngettext ("; and %u more speech", "; and %u more speeches",
                                                n_docs - MAX_SPEECHES_NAMED),
                            n_docs - MAX_SPEECHES_NAMED);

  *years_out = g_strdup_printf (_("By year: %s"), years->str);
  *speeches_out = g_strdup_printf (_("By speech: %s"), speeches->str);

  return g_strjoin ("\n", *counts_out, *years_out, *speeches_out, NULL);
}

static GtkWidget *
make_label (const char *text,
            gboolean    caption)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (caption)
    {
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
    }
  return label;
}

static GtkWidget *
make_variant_row (const JjWordingVariant *variant,
                  char                  **summary_out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  g_autofree char *counts = NULL;
  g_autofree char *years = NULL;
  g_autofree char *speeches = NULL;
  g_autofree char *how = NULL;
  g_autofree char *markup = NULL;

  *summary_out = describe_variant (variant, &counts, &years, &speeches);
  if (variant->errors == 0)
    how = g_strdup (_("as written"));
  else
    how = g_strdup_printf (ngettext ("%u character differs", "%u characters differ", variant->errors),
                           variant->errors);
  markup = g_markup_printf_escaped ("<big><b>%s</b></big>  <span size=\"small\">%s · %s</span>",
                                    variant->text, how, counts);
  gtk_label_set_markup (GTK_LABEL (title), markup);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), make_label (years, TRUE));
  gtk_box_append (GTK_BOX (box), make_label (speeches, TRUE));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
make_more_row (guint n)
{
  g_autofree char *text = g_strdup_printf (ngettext ("%u more hit not shown", "%u more hits not shown", n), n);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = make_label (text, TRUE);

  gtk_widget_set_margin_start (label, 24);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_results (JjWordingView *self,
              GPtrArray     *variants)
{
  guint n_hits = 0;

  clear_results (self);

  for (guint v = 0; v < variants->len; v++)
    n_hits += ((JjWordingVariant *)g_ptr_array_index (variants, v))->n_hits;
  if (n_hits == 0)
    {
      g_autofree char *description = g_strdup_printf (_("Neither “%s” nor a close variant of it is in any speech of the library."),
                                                      self->phrase);

      show_status (self, _("Not Found"), description);
      return;
    }

  for (guint v = 0; v < variants->len; v++)
    {
      JjWordingVariant *variant = g_ptr_array_index (variants, v);
      GPtrArray *rows = g_ptr_array_new ();
      char *summary = NULL;

      gtk_list_box_append (self->list, make_variant_row (variant, &summary));
      for (guint i = 0; i < variant->hits->len && i < MAX_ROWS_PER_VARIANT; i++)
        {
          GtkWidget *row = jj_hit_row_new (g_ptr_array_index (variant->hits, i));

          jj_hit_row_set_show_title (JJ_HIT_ROW (row), TRUE);
          gtk_list_box_append (self->list, row);
          g_ptr_array_add (rows, row);
        }
      if (variant->n_hits > MAX_ROWS_PER_VARIANT)
        gtk_list_box_append (self->list, make_more_row (variant->n_hits - MAX_ROWS_PER_VARIANT));

      g_ptr_array_add (self->variants, jj_wording_variant_copy (variant));
      g_ptr_array_add (self->hit_rows, rows);
      g_ptr_array_add (self->summaries, summary);
    }
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JjWordingView *self = source_object;
  const char *phrase = task_data;
  GError *error = NULL;
  GPtrArray *variants;

  /* The index is the process's, alive for as long as the task holds us. */
  /* Only the lines shown are kept; every occurrence is still counted. */
  variants = jj_wording_compare_bounded (self->index, phrase, MAX_ROWS_PER_VARIANT, &error);
  if (variants == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, variants, (GDestroyNotify)g_ptr_array_unref);
}

static void
compare_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JjWordingView *self = JJ_WORDING_VIEW (object);
  const char *phrase = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) variants = NULL;
  g_autoptr(GError) error = NULL;

  variants = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_task_had_error (G_TASK (result)) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))) ||
      g_strcmp0 (phrase, self->phrase) != 0)
    return;

  self->comparing = FALSE;
  update_spinner (self);

  if (variants == NULL)
    {
      /* A damaged index starts anew: index again, then compare again. */
      if (g_error_matches (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_DAMAGED) && self->retries++ == 0)
        {
          start (self);
          return;
        }
      show_status (self, _("Cannot Compare"), error->message);
      return;
    }

  show_results (self, variants);
}

static void
start_compare (JjWordingView *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  self->compare_cancellable = g_cancellable_new ();
  self->comparing = TRUE;
  update_spinner (self);

  task = g_task_new (self, self->compare_cancellable, compare_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->phrase), g_free);
  g_task_run_in_thread (task, compare_thread);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  JjWordingView *self = user_data;
  g_autofree char *text = NULL;

  if (g_cancellable_is_cancelled (self->cancellable) || !self->updating)
    return;

  text = g_strdup_printf (_("Indexing speeches: %u of %u"), done, total);
  adw_status_page_set_title (self->status_page, _("Indexing Speeches"));
  adw_status_page_set_description (self->status_page,
                                   _("The first comparison reads every speech of the library once; the window can be used meanwhile."));
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)done / total : 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JjWordingView) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = jj_library_text_index_update_finish (JJ_TEXT_INDEX (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->updating = FALSE;
  update_spinner (self);
  if (!ok)
    {
      show_status (self, _("Cannot Index the Speeches"), error->message);
      return;
    }

  if (self->phrase != NULL && self->phrase[0] != '\0')
    start_compare (self);
}

/* Brings the index up to date (little work when nothing changed), then
 * compares; a phrase typed meanwhile is compared when the update ends. */
static void
start (JjWordingView *self)
{
  g_cancellable_cancel (self->compare_cancellable);
  self->comparing = FALSE;

  if (self->phrase == NULL || self->phrase[0] == '\0')
    {
      clear_results (self);
      show_status (self, _("Compare Wording"),
                   _("Type a word or phrase to see how every speech words it, and its close variants."));
      update_spinner (self);
      return;
    }

  if (self->updating)
    return;

  self->updating = TRUE;
  update_spinner (self);
  if (gtk_stack_get_visible_child_name (self->stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "status"))
    show_status (self, _("Comparing…"), NULL);
  jj_library_text_index_update_async (self->index, self->library, self->cancellable,
                                      progress_cb, G_OBJECT (self),
                                      update_cb, g_object_ref (self));
}

/**
 * jj_wording_view_set_phrase:
 *
 * Compares @phrase across the library's speeches, in threads.
 */
void
jj_wording_view_set_phrase (JjWordingView *self,
                            const char    *phrase)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (JJ_IS_WORDING_VIEW (self));

  stripped = g_strstrip (g_strdup (phrase != NULL ? phrase : ""));
  if (g_strcmp0 (stripped, self->phrase) == 0 && (self->updating || self->comparing || self->variants->len > 0))
    return;

  g_free (self->phrase);
  self->phrase = g_steal_pointer (&stripped);
  self->retries = 0;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->phrase_entry)), self->phrase) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->phrase_entry), self->phrase);
  start (self);
}

const char *
jj_wording_view_get_phrase (JjWordingView *self)
{
  g_return_val_if_fail (JJ_IS_WORDING_VIEW (self), NULL);

  return self->phrase;
}

gboolean
jj_wording_view_is_busy (JjWordingView *self)
{
  g_return_val_if_fail (JJ_IS_WORDING_VIEW (self), FALSE);

  return self->updating || self->comparing;
}

guint
jj_wording_view_get_n_variants (JjWordingView *self)
{
  g_return_val_if_fail (JJ_IS_WORDING_VIEW (self), 0);

  return self->variants->len;
}

/* Returns: (transfer none): variant @n, the phrase itself first */
const JjWordingVariant *
jj_wording_view_get_variant (JjWordingView *self,
                             guint          n)
{
  g_return_val_if_fail (JJ_IS_WORDING_VIEW (self), NULL);
  g_return_val_if_fail (n < self->variants->len, NULL);

  return g_ptr_array_index (self->variants, n);
}

/* Returns: (transfer none): what the heading of variant @n says of its
 * counts, one line each for hits, years and speeches */
const char *
jj_wording_view_get_summary (JjWordingView *self,
                             guint          variant)
{
  g_return_val_if_fail (JJ_IS_WORDING_VIEW (self), NULL);
  g_return_val_if_fail (variant < self->summaries->len, NULL);

  return g_ptr_array_index (self->summaries, variant);
}

/* Returns: (transfer none) (nullable): the row of hit @n of @variant */
GtkListBoxRow *
jj_wording_view_get_hit_row (JjWordingView *self,
                             guint          variant,
                             guint          n)
{
  GPtrArray *rows;

  g_return_val_if_fail (JJ_IS_WORDING_VIEW (self), NULL);
  g_return_val_if_fail (variant < self->hit_rows->len, NULL);

  rows = g_ptr_array_index (self->hit_rows, variant);
  return n < rows->len ? g_ptr_array_index (rows, n) : NULL;
}

static void
row_activated_cb (JjWordingView *self,
                  GtkListBoxRow *row)
{
  const JjTextHit *hit;
  GtkApplication *app;

  if (!JJ_IS_HIT_ROW (row))
    return;

  hit = jj_hit_row_get_hit (JJ_HIT_ROW (row));
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit->path, hit->start, hit->end);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (JJ_IS_APPLICATION (app))
    {
      g_autoptr(GFile) file = g_file_new_for_path (hit->path);

      jj_application_open_at (JJ_APPLICATION (app), file, hit->start, hit->end);
    }
}

static void
phrase_changed_cb (JjWordingView *self)
{
  jj_wording_view_set_phrase (self, gtk_editable_get_text (GTK_EDITABLE (self->phrase_entry)));
}

static void
jj_wording_view_dispose (GObject *object)
{
  JjWordingView *self = JJ_WORDING_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->compare_cancellable);

  G_OBJECT_CLASS (jj_wording_view_parent_class)->dispose (object);
}

static void
jj_wording_view_finalize (GObject *object)
{
  JjWordingView *self = JJ_WORDING_VIEW (object);

  g_clear_object (&self->library);
  g_clear_object (&self->index);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_pointer (&self->variants, g_ptr_array_unref);
  g_clear_pointer (&self->hit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_free (self->phrase);

  G_OBJECT_CLASS (jj_wording_view_parent_class)->finalize (object);
}

static void
jj_wording_view_class_init (JjWordingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_wording_view_dispose;
  object_class->finalize = jj_wording_view_finalize;

  /**
   * JjWordingView::hit-activated:
   * @path: the speech
   * @start: the hit's first character in the display text
   * @end: the character after the hit
   *
   * A hit was chosen; the application's window for the speech opens there.
   */
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/jj-wording-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JjWordingView, phrase_entry);
  gtk_widget_class_bind_template_child (widget_class, JjWordingView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JjWordingView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JjWordingView, stack);
  gtk_widget_class_bind_template_child (widget_class, JjWordingView, status_page);
  gtk_widget_class_bind_template_child (widget_class, JjWordingView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JjWordingView, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jj_wording_view_init (JjWordingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->variants = g_ptr_array_new_with_free_func ((GDestroyNotify)jj_wording_variant_free);
  self->hit_rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->summaries = g_ptr_array_new_with_free_func (g_free);
  self->index = g_object_ref (jj_library_text_index_get_default ());

  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->phrase_entry, "activate", G_CALLBACK (phrase_changed_cb), self);
  update_spinner (self);
  show_status (self, _("Compare Wording"),
               _("Type a word or phrase to see how every speech words it, and its close variants."));
}

JjWordingView *
jj_wording_view_new (GtkApplication *application,
                     JjLibrary      *library)
{
  JjWordingView *self;

  g_return_val_if_fail (JJ_IS_LIBRARY (library), NULL);

  self = g_object_new (JJ_TYPE_WORDING_VIEW, "application", application, NULL);
  self->library = g_object_ref (library);

  return self;
}

/**
 * jj_wording_view_show:
 * @parent: a window of the application
 *
 * Compares @phrase in the application's Compare Wording window, made the
 * first time.
 *
 * Returns: (transfer none): the window
 */
JjWordingView *
jj_wording_view_show (GtkWindow  *parent,
                      const char *phrase)
{
  GtkApplication *app;
  JjWordingView *view = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  app = gtk_window_get_application (parent);
  g_return_val_if_fail (JJ_IS_APPLICATION (app), NULL);

  for (GList *l = gtk_application_get_windows (app); l != NULL && view == NULL; l = l->next)
    if (JJ_IS_WORDING_VIEW (l->data))
      view = l->data;

  if (view == NULL)
    view = jj_wording_view_new (app, jj_application_get_library (JJ_APPLICATION (app)));

  gtk_window_present (GTK_WINDOW (view));
  jj_wording_view_set_phrase (view, phrase);
  return view;
}
