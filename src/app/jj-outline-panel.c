/* jj-outline-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "jj-outline-panel.h"
#include "jj-language.h"

struct _JjOutlinePanel
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GtkLabel           *count_note;     /* the announced count disagrees */
  GtkSingleSelection *selection;

  JjOutline          *outline;
  GArray             *mark_offsets;   /* guint */
  GHashTable         *bound;          /* GtkTreeExpander set */
  GHashTable         *titles;         /* JjOutlineEntry → title in another text, or NULL */
  GtkPopoverMenu     *series_menu;
  JjOutlineEntry     *menu_entry;     /* the series the menu is for */
  guint               position;       /* the scroll-spy's, G_MAXUINT when none */
  gboolean            syncing;
  gboolean            model_built;
};

G_DEFINE_FINAL_TYPE (JjOutlinePanel, jj_outline_panel, GTK_TYPE_WIDGET)

#define MAX_EXPANDED_ENTRIES 400

enum {
  ENTRY_ACTIVATED,
  MARK_SERIES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = jj_outline_entry_get_children (JJ_OUTLINE_ENTRY (item));

  return children ? g_object_ref (children) : NULL;
}

static guint
count_marks (JjOutlinePanel *self,
             guint           start,
             guint           end)
{
  guint n = 0;

  if (self->mark_offsets == NULL)
    return 0;

  for (guint i = 0; i < self->mark_offsets->len; i++)
    {
      guint offset = g_array_index (self->mark_offsets, guint, i);

      if (offset >= start && offset < end)
        n++;
    }

  return n;
}

/* A right click on a parallel series offers to mark it as a whole */
static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                JjOutlinePanel  *self)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
  g_autoptr(JjOutlineEntry) entry = row ? gtk_tree_list_row_get_item (row) : NULL;
  GdkRectangle rect = { 0, 0, 1, 1 };
  double px, py;

  if (entry == NULL || jj_outline_entry_get_kind (entry) != JJ_OUTLINE_KIND_PARALLEL)
    return;
  if (!gtk_widget_translate_coordinates (expander, GTK_WIDGET (self), x, y, &px, &py))
    return;

  g_set_object (&self->menu_entry, entry);
  rect.x = px;
  rect.y = py;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->series_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->series_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The tooltip repeats the title when an ellipsis cuts it. It is asked
 * for when shown: gtk_widget_set_tooltip_text() on each bound row asks the
 * display where the pointer is, a round trip to the X server each time. */
static void
set_title (GtkLabel   *title,
           const char *text)
{
  gtk_label_set_label (title, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          JjOutlinePanel           *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  jj_language_speech_labels (title);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "caption");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);

  g_object_set_data (G_OBJECT (expander), "title", title);
  g_object_set_data (G_OBJECT (expander), "count", count);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));
}

static void
update_count (JjOutlinePanel  *self,
              GtkTreeExpander *expander)
{
  GtkTreeListRow *row = gtk_tree_expander_get_list_row (expander);
  g_autoptr(JjOutlineEntry) entry = row ? gtk_tree_list_row_get_item (row) : NULL;
  GtkLabel *count = g_object_get_data (G_OBJECT (expander), "count");
  g_autofree char *count_text = NULL;
  guint n;

  if (entry == NULL)
    return;

  n = count_marks (self, jj_outline_entry_get_start (entry), jj_outline_entry_get_end (entry));
  count_text = n > 0 ? g_strdup_printf ("%u", n) : NULL;
  gtk_label_set_label (count, count_text);
  gtk_widget_set_visible (GTK_WIDGET (count), n > 0);
  if (n > 0)
    {
      g_autofree char *description = g_strdup_printf (ngettext ("%u mark", "%u marks", n), n);

      gtk_accessible_update_property (GTK_ACCESSIBLE (count),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
}

static const char *
entry_title (JjOutlinePanel *self,
             JjOutlineEntry *entry)
{
  const char *title = self->titles ? g_hash_table_lookup (self->titles, entry) : NULL;

  return title ? title : jj_outline_entry_get_title (entry);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         JjOutlinePanel           *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  JjOutlineEntry *entry = gtk_tree_list_row_get_item (row);
  GtkLabel *title = g_object_get_data (G_OBJECT (expander), "title");

  gtk_tree_expander_set_list_row (expander, row);
  set_title (title, entry_title (self, entry));
  update_count (self, expander);
  g_hash_table_add (self->bound, expander);

  if (jj_outline_entry_get_kind (entry) == JJ_OUTLINE_KIND_HEADING &&
      jj_outline_entry_get_level (entry) == 1)
    gtk_widget_add_css_class (GTK_WIDGET (title), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (title), "heading");

  g_object_unref (entry);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           JjOutlinePanel           *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);

  g_hash_table_remove (self->bound, expander);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void ensure_model (JjOutlinePanel *self);

JjOutlineEntry *
jj_outline_panel_get_row_entry (JjOutlinePanel *self,
                                guint           row)
{
  g_autoptr(GtkTreeListRow) tree_row = NULL;
  JjOutlineEntry *entry;

  g_return_val_if_fail (JJ_IS_OUTLINE_PANEL (self), NULL);

  ensure_model (self);

  tree_row = g_list_model_get_item (G_LIST_MODEL (self->selection), row);
  if (tree_row == NULL)
    return NULL;

  entry = gtk_tree_list_row_get_item (tree_row);
  g_object_unref (entry); /* owned by the outline */

  return entry;
}

guint
jj_outline_panel_get_n_rows (JjOutlinePanel *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_PANEL (self), 0);

  ensure_model (self);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

void
jj_outline_panel_activate_row (JjOutlinePanel *self,
                               guint           row)
{
  JjOutlineEntry *entry = jj_outline_panel_get_row_entry (self, row);

  if (entry == NULL)
    return;

  if (gtk_single_selection_get_selected (self->selection) == row)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, entry);
  else
    gtk_single_selection_set_selected (self->selection, row);
}

/* Choosing a row, by click, keyboard or assistive technology, navigates;
 * the scroll-spy's own selection changes do not. */
static void
selected_changed_cb (JjOutlinePanel *self)
{
  guint row = gtk_single_selection_get_selected (self->selection);
  JjOutlineEntry *entry;

  if (self->syncing || row == GTK_INVALID_LIST_POSITION)
    return;

  entry = jj_outline_panel_get_row_entry (self, row);
  if (entry != NULL)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, entry);
}

static void
activate_cb (GtkListView    *list_view,
             guint           position,
             JjOutlinePanel *self)
{
  jj_outline_panel_activate_row (self, position);
}

/* A speech that announces its parts (讲三点意见) and has another number
 * of them: a heading may have been missed, or the speaker changed plan.
 */
static void
update_count_note (JjOutlinePanel *self)
{
  g_autofree char *text = NULL;
  guint announced, found;

  if (self->outline == NULL || !jj_outline_get_count_mismatch (self->outline))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->count_note), FALSE);
      return;
    }

  announced = jj_outline_get_announced_count (self->outline);
  found = jj_outline_get_n_sections (self->outline);
  /* Translators: the first number is what the speech says it will cover
   * (“I will make three points”), the second how many parts were found. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The opening announces %u part; the outline has %u.",
                                       "The opening announces %u parts; the outline has %u.",
                                       announced),
                          announced, found);
  gtk_label_set_label (self->count_note, text);
  gtk_widget_set_visible (GTK_WIDGET (self->count_note), TRUE);
}

/**
 * jj_outline_panel_get_count_note:
 *
 * Returns: (nullable): the note shown under the outline when the number
 * of parts the speech announces is not the number found
 */
const char *
jj_outline_panel_get_count_note (JjOutlinePanel *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_PANEL (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->count_note)))
    return NULL;

  return gtk_label_get_label (self->count_note);
}

/* The rows exist once the panel is shown, or asked for its rows: an
 * outline of thousands of entries costs a window whose panel is hidden
 * nothing, and one whose panel is shown only the rows on screen. */
static void
ensure_model (JjOutlinePanel *self)
{
  GtkTreeListModel *tree;
  gboolean expand;

  if (self->model_built || self->outline == NULL)
    return;

  self->model_built = TRUE;

  /* A collection of hundreds of speeches opens with its sections
   * collapsed: expanding all of them up front costs more than it helps. */
  expand = jj_outline_get_n_entries (self->outline) <= MAX_EXPANDED_ENTRIES;
  tree = gtk_tree_list_model_new (g_object_ref (jj_outline_get_tree (self->outline)),
                                  FALSE, expand, create_children, NULL, NULL);
  self->syncing = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  self->syncing = FALSE;
  g_object_unref (tree);

  if (self->position != G_MAXUINT)
    jj_outline_panel_set_position (self, self->position);
}

void
jj_outline_panel_set_outline (JjOutlinePanel *self,
                              JjOutline      *outline)
{
  g_return_if_fail (JJ_IS_OUTLINE_PANEL (self));

  g_set_object (&self->outline, outline);
  g_clear_pointer (&self->titles, g_hash_table_unref);

  update_count_note (self);

  self->model_built = FALSE;
  self->position = G_MAXUINT;
  self->syncing = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  self->syncing = FALSE;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_model (self);
}

/* Shows the titles as they read in @text, which has the same characters
 * at the same offsets as the text the outline was found in (the original
 * characters of a converted text); NULL shows the outline's own titles. */
void
jj_outline_panel_set_text (JjOutlinePanel *self,
                           const char     *text)
{
  GHashTableIter iter;
  gpointer key;
  const char *p;
  guint offset = 0;
  guint n;

  g_return_if_fail (JJ_IS_OUTLINE_PANEL (self));

  g_clear_pointer (&self->titles, g_hash_table_unref);

  if (text != NULL && self->outline != NULL)
    {
      self->titles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      n = jj_outline_get_n_entries (self->outline);
      p = text;

      /* Entries come in document order: one pass over the text. */
      for (guint i = 0; i < n; i++)
        {
          JjOutlineEntry *entry = jj_outline_get_entry (self->outline, i);
          guint start = jj_outline_entry_get_start (entry);
          guint end = jj_outline_entry_get_title_end (entry);
          const char *q;

          if (start < offset || end < start)
            continue;
          for (; offset < start && *p; offset++)
            p = g_utf8_next_char (p);
          q = g_utf8_offset_to_pointer (p, end - start);
          g_hash_table_insert (self->titles, entry, g_strndup (p, q - p));
        }
    }

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkTreeListRow *row = gtk_tree_expander_get_list_row (key);
      g_autoptr(JjOutlineEntry) entry = row ? gtk_tree_list_row_get_item (row) : NULL;
      GtkLabel *title = g_object_get_data (G_OBJECT (key), "title");

      if (entry != NULL)
        set_title (title, entry_title (self, entry));
    }
}

const char *
jj_outline_panel_get_row_title (JjOutlinePanel *self,
                                guint           row)
{
  JjOutlineEntry *entry = jj_outline_panel_get_row_entry (self, row);

  return entry ? entry_title (self, entry) : NULL;
}

static void
update_all_counts (JjOutlinePanel *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    update_count (self, key);
}

void
jj_outline_panel_set_mark_offsets (JjOutlinePanel *self,
                                   GArray         *offsets)
{
  g_return_if_fail (JJ_IS_OUTLINE_PANEL (self));

  g_clear_pointer (&self->mark_offsets, g_array_unref);
  self->mark_offsets = offsets ? g_array_ref (offsets) : NULL;
  update_all_counts (self);
}

/* The row showing @entry, or GTK_INVALID_LIST_POSITION when it is inside
 * a collapsed section. Rows list entries in document order, parents
 * before their children: a binary search on their starts finds it.
 */
static guint
find_row (JjOutlinePanel *self,
          JjOutlineEntry *entry)
{
  guint start = jj_outline_entry_get_start (entry);
  guint lo = 0;
  guint hi = jj_outline_panel_get_n_rows (self);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (jj_outline_entry_get_start (jj_outline_panel_get_row_entry (self, mid)) <= start)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* entries that start at the same offset: a parent and its first child */
  for (guint i = lo; i > 0; i--)
    {
      JjOutlineEntry *e = jj_outline_panel_get_row_entry (self, i - 1);

      if (e == entry)
        return i - 1;
      if (jj_outline_entry_get_start (e) != start)
        break;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Scroll-spy: select the row of the deepest section holding @offset. */
void
jj_outline_panel_set_position (JjOutlinePanel *self,
                               guint           offset)
{
  JjOutlineEntry *entry;

  g_return_if_fail (JJ_IS_OUTLINE_PANEL (self));

  self->position = offset;
  if (self->outline == NULL || !self->model_built)
    return;

  /* The deepest section shown: a collapsed one stands for what it holds. */
  for (entry = jj_outline_lookup (self->outline, offset);
       entry != NULL;
       entry = jj_outline_entry_get_parent (entry))
    {
      guint i = find_row (self, entry);

      if (i == GTK_INVALID_LIST_POSITION)
        continue;

      if (gtk_single_selection_get_selected (self->selection) != i)
        {
          self->syncing = TRUE;
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          self->syncing = FALSE;
        }
      return;
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

static void
jj_outline_panel_dispose (GObject *object)
{
  JjOutlinePanel *self = (JjOutlinePanel *)object;

  if (self->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scroller));
      self->scroller = NULL;
    }
  if (self->count_note != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->count_note));
      self->count_note = NULL;
    }
  if (self->series_menu != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->series_menu));
      self->series_menu = NULL;
    }
  g_clear_object (&self->menu_entry);
  g_clear_object (&self->selection);
  g_clear_object (&self->outline);
  g_clear_pointer (&self->mark_offsets, g_array_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);

  G_OBJECT_CLASS (jj_outline_panel_parent_class)->dispose (object);
}

/* outline.mark-series: the series of the context menu, or the row chosen */
static void
mark_series_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  JjOutlinePanel *self = JJ_OUTLINE_PANEL (widget);
  g_autoptr(JjOutlineEntry) entry = g_steal_pointer (&self->menu_entry);

  if (entry == NULL)
    {
      guint row = gtk_single_selection_get_selected (self->selection);
      JjOutlineEntry *selected = jj_outline_panel_get_row_entry (self, row);

      entry = selected ? g_object_ref (selected) : NULL;
    }
  if (entry == NULL || jj_outline_entry_get_kind (entry) != JJ_OUTLINE_KIND_PARALLEL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  /* a member stands for its series */
  if (jj_outline_entry_get_n_members (entry) == 0 && jj_outline_entry_get_parent (entry) != NULL)
    g_set_object (&entry, jj_outline_entry_get_parent (entry));
  g_signal_emit (self, signals[MARK_SERIES], 0, entry, g_variant_get_string (param, NULL));
}

static void
jj_outline_panel_map (GtkWidget *widget)
{
  ensure_model (JJ_OUTLINE_PANEL (widget));

  GTK_WIDGET_CLASS (jj_outline_panel_parent_class)->map (widget);
}

static void
jj_outline_panel_class_init (JjOutlinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_outline_panel_dispose;
  widget_class->map = jj_outline_panel_map;

  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, JJ_TYPE_OUTLINE_ENTRY);

  /**
   * JjOutlinePanel::mark-series:
   * @entry: a parallel series
   * @kind: the key of a mark kind
   *
   * The reader asks for one mark over the whole series.
   */
  signals[MARK_SERIES] =
    g_signal_new ("mark-series", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, JJ_TYPE_OUTLINE_ENTRY, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "outline.mark-series", "s", mark_series_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outlinepanel");
}

static void
jj_outline_panel_init (JjOutlinePanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  self->bound = g_hash_table_new (NULL, NULL);
  self->position = G_MAXUINT;
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selected_changed_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outline"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->count_note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->count_note, TRUE);
  gtk_label_set_xalign (self->count_note, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_note), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->count_note), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->count_note), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->count_note), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_note), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_note), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->count_note), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->count_note), GTK_WIDGET (self));

  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("Mark Series as _Golden Line"), "outline.mark-series::golden");
    g_menu_append (menu, _("Mark Series as _Outline"), "outline.mark-series::outline");
    self->series_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu)));
    gtk_popover_set_has_arrow (GTK_POPOVER (self->series_menu), FALSE);
    gtk_widget_set_halign (GTK_WIDGET (self->series_menu), GTK_ALIGN_START);
    gtk_widget_set_parent (GTK_WIDGET (self->series_menu), GTK_WIDGET (self));
  }
}

GtkWidget *
jj_outline_panel_new (void)
{
  return g_object_new (JJ_TYPE_OUTLINE_PANEL, NULL);
}
