/* jj-reader-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jj-mark-kind.h"
#include "jj-reader-block.h"
#include "jj-reader-view.h"
#include "jj-text-blocks.h"

/* A block is laid out at once when it comes into view; keep it small
 * enough that this is fast, large enough that a section is usually whole.
 */
#define MAX_BLOCK_CHARS     6000
#define MEASURE_EM          40
#define SCROLL_TRIES        120

struct _JjReaderView
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  AdwClampScrollable *clamp;
  GtkListView        *list_view;
  GListStore         *store;
  GtkTextTagTable    *tags;

  JjDocument         *document;
  const char         *text;         /* the document's text, or its original characters */
  gboolean            show_original;
  GArray             *blocks;       /* JjTextBlock, in bytes of text */
  GArray             *headings;     /* JjTextRange */
  GArray             *highlights;   /* JjHighlight */
  GArray             *matches;      /* JjTextRange */
  int                 current_match;
  guint               title_end;

  GHashTable         *rows;         /* block index → row (a GtkBox), for rows bound */
  GHashTable         *bound;        /* block index → GtkTextView, for rows holding text */
  GPtrArray          *spare_views;  /* text views out of the rows, to reuse */
  GtkTextView        *selection_view;
  gboolean            binding;
  GMenuModel         *extra_menu;   /* for each text view's context menu */

  double              zoom;
  double              font_size;
  double              line_height;
  double              font_height;  /* the font's ascent + descent; 0 until computed */
  char               *font_family;

  guint               pending_offset;
  guint               pending_tries;
  guint               pending_steady;
  guint               pending_tick;
  guint               position;
  guint               position_idle;

  guint               top_block;    /* the block being read, to fill rows near it */
  guint               fill_tick;
  guint               fill_frames;

  guint               end_tick;     /* keeps the view at the end while rows settle */
  guint               end_steady;
  guint               end_tries;

  guint               hold_tick;    /* keeps the view still after a click */
  double              held_value;
  gint64              hold_until;
};

G_DEFINE_FINAL_TYPE (JjReaderView, jj_reader_view, GTK_TYPE_WIDGET)

enum {
  POSITION_CHANGED,
  SELECTION_CHANGED,
  HIGHLIGHT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_all_fonts (JjReaderView *self);

static double
font_points (JjReaderView *self)
{
  return self->font_size * self->zoom;
}

static int
font_pixels (JjReaderView *self)
{
  return (int) (font_points (self) * 96.0 / 72.0 + 0.5);
}

/* The block a row, or the text view in it, shows; G_MAXUINT when none. */
static guint
block_index (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "jj-block-index")) - 1;
}

static JjTextBlock *
get_block (JjReaderView *self,
           guint         index)
{
  g_assert (self->blocks != NULL && index < self->blocks->len);

  return &g_array_index (self->blocks, JjTextBlock, index);
}

/* Rows are laid out only near what is on screen. GtkListView in GTK 4.8
 * keeps about 200 rows alive and measures every one of them, and a block
 * holds up to MAX_BLOCK_CHARS characters: laying them all out took
 * seconds on a large document. A row farther away stays empty, as tall
 * as its text is expected to be, and is filled once it comes near.
 */
/* The font's own height (ascent and descent) in pixels: for CJK fonts
 * well above the point size, 1.44 em for Noto CJK. */
static double
font_height (JjReaderView *self)
{
  if (self->font_height <= 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontDescription *desc = pango_font_description_new ();
      PangoFontMetrics *metrics;

      pango_font_description_set_family (desc, self->font_family);
      pango_font_description_set_size (desc, (int) (font_points (self) * PANGO_SCALE));
      metrics = pango_context_get_metrics (context, desc, pango_language_from_string ("zh-cn"));
      self->font_height = pango_font_metrics_get_height (metrics) / (double) PANGO_SCALE;
      if (self->font_height <= 0)
        self->font_height = font_pixels (self);
      pango_font_metrics_unref (metrics);
      pango_font_description_free (desc);
    }

  return self->font_height;
}

/* The line spacing setting is a multiple of the font size, as in a word
 * processor: 1.7 puts lines 1.7 em apart. Pango's line-height is a factor
 * of the font's height instead, which made 1.7 come out as 2.4 em. */
static double
line_height_factor (JjReaderView *self)
{
  return MAX (self->line_height * font_pixels (self) / font_height (self), 1.0);
}

/* The height of a line of body text. */
static double
line_pixels (JjReaderView *self)
{
  return MAX (font_height (self) * line_height_factor (self), 1.0);
}

static int
paragraph_gap (JjReaderView *self)
{
  return font_pixels (self) * 4 / 5;
}

/* Full-width characters, one em each, in lines of the view's width. */
static int
estimate_height (JjReaderView *self,
                 guint         index)
{
  JjTextBlock *block = get_block (self, index);
  const char *p = self->text + block->byte_start;
  const char *end = self->text + block->byte_end;
  int px = MAX (font_pixels (self), 1);
  int width = gtk_widget_get_width (GTK_WIDGET (self->list_view));
  int per_line;
  int lines = 0;
  int paragraphs = 0;

  if (width <= 0)
    width = MEASURE_EM * px + 24;
  per_line = MAX ((width - 24) / px, 1);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl != NULL ? nl : end;
      /* Two more for the first-line indent. */
      glong n = g_utf8_strlen (p, stop - p) + 2;

      lines += MAX ((n + per_line - 1) / per_line, 1);
      paragraphs++;
      p = nl != NULL ? nl + 1 : end;
    }

  return (int) (lines * line_pixels (self)) + paragraphs * paragraph_gap (self);
}

/* Whether block @index is within two screens below the one being read. */
static gboolean
near_top (JjReaderView *self,
          guint         index)
{
  int page = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  int y = 0;

  if (page <= 0)
    page = 1000;
  if (index + 1 < self->top_block)
    return FALSE;

  for (guint i = self->top_block; i < index; i++)
    {
      y += estimate_height (self, i);
      if (y > 2 * page)
        return FALSE;
    }

  return TRUE;
}

static void decorate_view (JjReaderView *self,
                           GtkTextView  *view);
static void queue_fill    (JjReaderView *self);
static void update_font   (JjReaderView *self,
                           GtkTextView  *view);
static GtkTextView *create_view (JjReaderView *self);

static GtkTextView *
row_view (GtkWidget *row)
{
  return (GtkTextView *) gtk_widget_get_first_child (row);
}

/* The row gets a text view (from the spare ones if it can) with its
 * block's text.
 */
static void
fill_row (JjReaderView *self,
          GtkWidget    *row)
{
  guint index = block_index (row);
  JjTextBlock *block = get_block (self, index);
  GtkTextView *view;

  if (self->spare_views->len > 0)
    view = g_ptr_array_steal_index_fast (self->spare_views, self->spare_views->len - 1);
  else
    view = g_object_ref_sink (create_view (self));

  g_object_set_data (G_OBJECT (view), "jj-block-index", GUINT_TO_POINTER (index + 1));
  gtk_text_view_set_extra_menu (view, self->extra_menu);
  self->binding = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            self->text + block->byte_start,
                            block->byte_end - block->byte_start);
  self->binding = FALSE;
  update_font (self, view);
  decorate_view (self, view);

  /* A text view validates the lines of its allocation at once and the
   * rest in idle time, reporting a height that grows meanwhile: allocated
   * first at the estimate, it has the lines laid out by the next frame,
   * and the rows below it do not move while it settles.
   */
  gtk_widget_set_size_request (GTK_WIDGET (view), -1, estimate_height (self, index));
  g_object_set_data (G_OBJECT (view), "jj-settling", GINT_TO_POINTER (TRUE));

  gtk_widget_set_size_request (row, -1, -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (view));
  g_object_unref (view);
  g_hash_table_insert (self->bound, GUINT_TO_POINTER (index), view);
  queue_fill (self);
}

/* The row gives its text view back and keeps the height its text is
 * expected to take.
 */
static void
empty_row (JjReaderView *self,
           GtkWidget    *row)
{
  GtkTextView *view = row_view (row);
  guint index = block_index (row);

  if (view != NULL)
    {
      if (g_hash_table_lookup (self->bound, GUINT_TO_POINTER (index)) == view)
        g_hash_table_remove (self->bound, GUINT_TO_POINTER (index));
      if (self->selection_view == view)
        {
          self->selection_view = NULL;
          g_signal_emit (self, signals[SELECTION_CHANGED], 0);
        }

      self->binding = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "", 0);
      self->binding = FALSE;
      g_object_set_data (G_OBJECT (view), "jj-block-index", NULL);
      g_object_set_data (G_OBJECT (view), "jj-settling", NULL);
      gtk_widget_set_size_request (GTK_WIDGET (view), -1, -1);

      g_ptr_array_add (self->spare_views, g_object_ref (view));
      gtk_box_remove (GTK_BOX (row), GTK_WIDGET (view));
    }

  if (index != G_MAXUINT)
    gtk_widget_set_size_request (row, -1, estimate_height (self, index));
}

static int
row_height (JjReaderView *self,
            guint         index)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (index));

  if (row != NULL && row_view (row) != NULL)
    return gtk_widget_get_height (row);

  return estimate_height (self, index);
}

/* Fills the row at the top of the visible area, the one above it and
 * those starting within two screens below. Only the top row's place is
 * taken from the layout: rows below it may still be settling.
 */
static void
fill_near (JjReaderView *self)
{
  int page = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  GtkWidget *top = NULL;
  double bottom = 0;
  guint top_index = 0;
  GHashTableIter iter;
  gpointer key, value;

  /* Rows filled before the last layout have their lines now. */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_object_get_data (value, "jj-settling") != NULL && gtk_widget_get_height (value) > 0)
      {
        g_object_set_data (value, "jj-settling", NULL);
        gtk_widget_set_size_request (value, -1, -1);
      }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *widget = value;
      int height = gtk_widget_get_height (widget);
      graphene_point_t p;

      if (!gtk_widget_get_mapped (widget) || height == 0 ||
          !gtk_widget_compute_point (widget, GTK_WIDGET (self->scroller),
                                     &GRAPHENE_POINT_INIT (0, 0), &p))
        continue;

      if (p.y <= 0 && p.y + height > 0)
        {
          top = widget;
          top_index = GPOINTER_TO_UINT (key);
          bottom = p.y + height;
          break;
        }
    }

  if (top == NULL)
    return;

  self->top_block = top_index;

  /* While a jump settles only its target is laid out: rows filled around
   * it would change height and move it again.
   */
  if (self->pending_tick != 0)
    return;

  if (row_view (top) == NULL)
    fill_row (self, top);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint index = GPOINTER_TO_UINT (key);
      /* The row above only when the top row starts within a screen. */
      gboolean near = index + 1 == top_index && bottom - gtk_widget_get_height (top) > -page;

      if (index >= top_index)
        {
          double y = bottom;

          for (guint i = top_index + 1; i < index && y <= 2 * page; i++)
            y += row_height (self, i);
          near = y <= 2 * page;
        }

      if (near && row_view (value) == NULL)
        fill_row (self, value);
      /* Out of sight and far: its layout is given back. */
      else if (!near && row_view (value) != NULL && !gtk_widget_get_mapped (value))
        empty_row (self, value);
    }
}

/* Before the next layout, so a row is filled in the frame it comes near. */
static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  JjReaderView *self = JJ_READER_VIEW (widget);

  fill_near (self);
  if (self->fill_frames > 0 && --self->fill_frames > 0)
    return G_SOURCE_CONTINUE;

  self->fill_tick = 0;
  return G_SOURCE_REMOVE;
}

/* A tick comes before the frame's layout: the rows are where the last
 * frame put them. The next frame's tick sees them where a scroll moved
 * them, which matters after a jump far from what was on screen.
 */
static void
queue_fill (JjReaderView *self)
{
  self->fill_frames = 2;
  if (self->fill_tick == 0)
    self->fill_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL, NULL);
}

static void
iter_at_offset (GtkTextBuffer *buffer,
                JjTextBlock   *block,
                guint          offset,
                GtkTextIter   *iter)
{
  guint clamped = CLAMP (offset, block->start, block->end);

  gtk_text_buffer_get_iter_at_offset (buffer, iter, clamped - block->start);
}

static void
apply_range_tag (GtkTextBuffer *buffer,
                 JjTextBlock   *block,
                 const char    *tag_name,
                 guint          start,
                 guint          end)
{
  GtkTextIter s, e;

  if (end <= block->start || start >= block->end)
    return;

  iter_at_offset (buffer, block, start, &s);
  iter_at_offset (buffer, block, end, &e);
  gtk_text_buffer_apply_tag_by_name (buffer, tag_name, &s, &e);
}

static void
ensure_tags (JjReaderView  *self,
             GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, "body") != NULL)
    return;

  /* Chinese glyph forms in every UI language, justified lines. */
  gtk_text_buffer_create_tag (buffer, "body",
                              "language", "zh-cn",
                              "justification", GTK_JUSTIFY_FILL,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "title",
                              "justification", GTK_JUSTIFY_CENTER,
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.4,
                              "indent", 0,
                              "pixels-below-lines", 16,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "heading",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);

  for (guint i = 0; i < jj_mark_kind_get_n_kinds (); i++)
    {
      const JjMarkKind *kind = jj_mark_kind_get_nth (i);
      g_autofree char *name = g_strconcat ("mark-", kind->key, NULL);
      GdkRGBA rgba;

      gdk_rgba_parse (&rgba, kind->color);
      rgba.alpha = 0.45;
      gtk_text_buffer_create_tag (buffer, name, "background-rgba", &rgba, NULL);
    }

  {
    GdkRGBA rgba;

    gdk_rgba_parse (&rgba, jj_mark_kind_get_color (NULL));
    rgba.alpha = 0.45;
    gtk_text_buffer_create_tag (buffer, "mark-other", "background-rgba", &rgba, NULL);
    gtk_text_buffer_create_tag (buffer, "note",
                                "underline", PANGO_UNDERLINE_SINGLE,
                                NULL);
    gdk_rgba_parse (&rgba, "#3584e4");
    rgba.alpha = 0.35;
    gtk_text_buffer_create_tag (buffer, "match", "background-rgba", &rgba, NULL);
    gdk_rgba_parse (&rgba, "#ff7800");
    rgba.alpha = 0.6;
    gtk_text_buffer_create_tag (buffer, "match-current", "background-rgba", &rgba, NULL);
  }
}

/* Every row's buffer shares one tag table: a tag is set once for all. */
static void
update_body_tag (JjReaderView *self)
{
  GtkTextTag *body = gtk_text_tag_table_lookup (self->tags, "body");

  g_object_set (body,
                "family", self->font_family,
                "size-points", font_points (self),
                "line-height", (float) line_height_factor (self),
                NULL);
}

static void
update_font (JjReaderView  *self,
             GtkTextView   *view)
{
  gtk_text_view_set_indent (view, 2 * font_pixels (self));
  /* Paragraphs apart by more than the lines within them. */
  gtk_text_view_set_pixels_below_lines (view, paragraph_gap (self));
}

/* A mark's own colour, as translucent as the kinds' own. Returns the
 * tag's name. */
static char *
ensure_color_tag (JjReaderView *self,
                  const char   *color)
{
  char *name = g_strconcat ("mark-color-", color, NULL);
  GdkRGBA rgba;

  if (gtk_text_tag_table_lookup (self->tags, name) == NULL)
    {
      GtkTextTag *tag;

      if (!gdk_rgba_parse (&rgba, color))
        gdk_rgba_parse (&rgba, jj_mark_kind_get_color (NULL));
      rgba.alpha = 0.45;
      tag = gtk_text_tag_new (name);
      g_object_set (tag, "background-rgba", &rgba, NULL);
      gtk_text_tag_table_add (self->tags, tag);
      g_object_unref (tag);
    }

  return name;
}

static void
decorate_view (JjReaderView *self,
               GtkTextView  *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  guint index = block_index (view);
  JjTextBlock *block;
  GtkTextIter start, end;

  if (self->blocks == NULL || index >= self->blocks->len)
    return;

  block = get_block (self, index);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "body", &start, &end);

  if (self->title_end > 0)
    apply_range_tag (buffer, block, "title", 0, self->title_end);

  for (guint i = 0; self->headings != NULL && i < self->headings->len; i++)
    {
      JjTextRange *r = &g_array_index (self->headings, JjTextRange, i);

      apply_range_tag (buffer, block, "heading", r->start, r->end);
    }

  for (guint i = 0; self->highlights != NULL && i < self->highlights->len; i++)
    {
      JjHighlight *h = &g_array_index (self->highlights, JjHighlight, i);
      g_autofree char *name = NULL;

      if (h->color != NULL)
        name = ensure_color_tag (self, h->color);
      else if (jj_mark_kind_lookup (h->kind) != NULL)
        name = g_strconcat ("mark-", h->kind, NULL);
      else
        name = g_strdup ("mark-other");

      apply_range_tag (buffer, block, name, h->start, h->end);
      if (h->has_note)
        apply_range_tag (buffer, block, "note", h->start, h->end);
    }

  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++)
    {
      JjTextRange *r = &g_array_index (self->matches, JjTextRange, i);

      if (r->start >= block->end)
        break;
      apply_range_tag (buffer, block,
                       (int) i == self->current_match ? "match-current" : "match",
                       r->start, r->end);
    }
}

static void
redecorate_all (JjReaderView *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    decorate_view (self, value);
}

static void
clear_other_selections (JjReaderView *self,
                        GtkTextView  *keep)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GtkTextBuffer *buffer;
      GtkTextIter insert;

      if (value == keep)
        continue;

      buffer = gtk_text_view_get_buffer (value);
      if (!gtk_text_buffer_get_has_selection (buffer))
        continue;

      gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
      gtk_text_buffer_select_range (buffer, &insert, &insert);
    }
}

static void
buffer_mark_set_cb (GtkTextBuffer *buffer,
                    GtkTextIter   *location,
                    GtkTextMark   *mark,
                    gpointer       user_data)
{
  GtkTextView *view = user_data;
  JjReaderView *self = g_object_get_data (G_OBJECT (view), "jj-reader-view");

  if (self == NULL || self->binding)
    return;

  if (mark != gtk_text_buffer_get_insert (buffer) &&
      mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  if (gtk_text_buffer_get_has_selection (buffer))
    {
      self->selection_view = view;
      clear_other_selections (self, view);
    }
  else if (self->selection_view == view)
    {
      self->selection_view = NULL;
    }

  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* The highlight at (@x, @y) of @view, or NULL. */
static JjHighlight *
highlight_at (JjReaderView *self,
              GtkTextView  *view,
              double        x,
              double        y,
              GtkTextIter  *iter)
{
  JjTextBlock *block;
  int bx, by;
  guint offset;

  if (self->highlights == NULL)
    return NULL;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, iter, bx, by))
    return NULL;

  block = get_block (self, block_index (view));
  offset = block->start + gtk_text_iter_get_offset (iter);

  for (guint i = 0; i < self->highlights->len; i++)
    {
      JjHighlight *h = &g_array_index (self->highlights, JjHighlight, i);

      if (offset >= h->start && offset < h->end)
        return h;
    }

  return NULL;
}

static gboolean
hold_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  JjReaderView *self = JJ_READER_VIEW (widget);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (gtk_adjustment_get_value (vadj) != self->held_value)
    gtk_adjustment_set_value (vadj, self->held_value);
  if (g_get_monotonic_time () < self->hold_until)
    return G_SOURCE_CONTINUE;

  self->hold_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
cancel_hold (JjReaderView *self)
{
  if (self->hold_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->hold_tick);
  self->hold_tick = 0;
}

static gboolean
scroll_cancels_hold_cb (JjReaderView *self,
                        double        dx,
                        double        dy)
{
  cancel_hold (self);

  return FALSE;
}

/* A click in another block than the focused one moves the focus into
 * that block's row, and GtkListView scrolls a row taking the focus into
 * view: a click on a highlight in a tall block near the bottom scrolled
 * the text by ~340 px, away from the popover. The view is held where it
 * was while the focus moves. */
static void
hold_view (JjReaderView *self)
{
  self->held_value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  self->hold_until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  if (self->hold_tick == 0)
    self->hold_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), hold_tick_cb, NULL, NULL);
}

/* A press on selected text starts dragging it, and the text view takes
 * the press from this gesture: a highlight just marked, still selected,
 * would not open on a click. The reader's text is not dragged elsewhere,
 * so such a press on a highlight only puts the cursor there first. */
static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  JjReaderView *self = user_data;
  GtkTextIter iter, start, end;

  if (!gtk_widget_has_focus (GTK_WIDGET (view)))
    hold_view (self);

  if (n_press == 1 &&
      gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      highlight_at (self, view, x, y, &iter) != NULL &&
      gtk_text_iter_in_range (&iter, &start, &end))
    gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   gpointer         user_data)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  JjReaderView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  JjHighlight *h;
  GtkTextIter iter;
  GdkRectangle rect;
  graphene_point_t p;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;

  h = highlight_at (self, view, x, y, &iter);
  if (h == NULL)
    return;

  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &rect.x, &rect.y);
  if (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (rect.x, rect.y), &p))
    {
      rect.x = p.x;
      rect.y = p.y;
    }
  g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0, h->data, &rect);
}

static GtkTextView *
create_view (JjReaderView *self)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (self->tags);
  GtkWidget *view = gtk_text_view_new_with_buffer (buffer);
  GtkGesture *click = gtk_gesture_click_new ();

  g_object_set (view,
                "editable", FALSE,
                "cursor-visible", TRUE,
                "wrap-mode", GTK_WRAP_WORD_CHAR,
                "left-margin", 12,
                "right-margin", 12,
                "vexpand", TRUE,
                NULL);
  gtk_widget_add_css_class (view, "reader-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document"),
                                  -1);

  g_object_set_data (G_OBJECT (view), "jj-reader-view", self);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (buffer_mark_set_cb), view, 0);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  /* Before the text view's own gestures, see click_pressed_cb(). */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (click));

  return GTK_TEXT_VIEW (view);
}

/* A row is a box that holds a text view only while it is near the
 * screen (see fill_near()).
 */
static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          JjReaderView             *self)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         JjReaderView             *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  guint index = jj_reader_block_get_index (gtk_list_item_get_item (item));

  g_object_set_data (G_OBJECT (row), "jj-block-index", GUINT_TO_POINTER (index + 1));
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (index), row);

  if (near_top (self, index))
    fill_row (self, row);
  else
    {
      gtk_widget_set_size_request (row, -1, estimate_height (self, index));
      queue_fill (self);
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           JjReaderView             *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  guint index = block_index (row);

  empty_row (self, row);
  if (g_hash_table_lookup (self->rows, GUINT_TO_POINTER (index)) == row)
    g_hash_table_remove (self->rows, GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "jj-block-index", NULL);
}

/* The y coordinate, relative to the top of the visible area, of the line
 * holding @offset, or FALSE when its block is not laid out.
 */
static gboolean
offset_to_y (JjReaderView *self,
             guint         offset,
             double       *y)
{
  guint index = jj_text_blocks_lookup (self->blocks, offset);
  GtkTextView *view = g_hash_table_lookup (self->bound, GUINT_TO_POINTER (index));
  GtkTextIter iter;
  GdkRectangle rect;
  graphene_point_t p;
  int wy;

  if (view == NULL)
    {
      GtkWidget *row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (index));

      /* Laid out now, placed at the next frame. */
      if (row != NULL && gtk_widget_get_mapped (row))
        fill_row (self, row);
      return FALSE;
    }

  if (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    return FALSE;

  iter_at_offset (gtk_text_view_get_buffer (view), get_block (self, index), offset, &iter);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, rect.y, NULL, &wy);

  if (!gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self->scroller),
                                 &GRAPHENE_POINT_INIT (0, wy), &p))
    return FALSE;

  *y = p.y;
  return TRUE;
}

static gboolean
pending_scroll_tick (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  JjReaderView *self = JJ_READER_VIEW (widget);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double y;

  if (offset_to_y (self, self->pending_offset, &y))
    {
      double target = gtk_adjustment_get_value (vadj) + y - font_pixels (self);

      /* Rows just filled settle over a few frames as their text views
       * validate their lines: done when the line stays in place.
       */
      if (ABS (y - font_pixels (self)) < 2)
        {
          if (++self->pending_steady >= 3 || self->pending_tries == 0)
            {
              self->pending_tick = 0;
              queue_fill (self);
              return G_SOURCE_REMOVE;
            }
        }
      else
        {
          self->pending_steady = 0;
          gtk_adjustment_set_value (vadj, target);
        }
    }
  else
    {
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  jj_text_blocks_lookup (self->blocks, self->pending_offset));
    }

  if (self->pending_tries-- == 0)
    {
      self->pending_tick = 0;
      queue_fill (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
jj_reader_view_scroll_to_offset (JjReaderView *self,
                                 guint         offset)
{
  g_return_if_fail (JJ_IS_READER_VIEW (self));

  if (self->blocks == NULL)
    return;

  self->pending_offset = offset;
  self->pending_tries = SCROLL_TRIES;
  self->pending_steady = 0;
  self->top_block = jj_text_blocks_lookup (self->blocks, offset);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              jj_text_blocks_lookup (self->blocks, offset));
  if (self->pending_tick == 0)
    self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), pending_scroll_tick,
                                                       NULL, NULL);
}

/* Scrolls to @offset only when its line is not on screen already: an
 * undone mark in view stays where the reader sees it. */
void
jj_reader_view_reveal_offset (JjReaderView *self,
                              guint         offset)
{
  double y;

  g_return_if_fail (JJ_IS_READER_VIEW (self));

  if (self->blocks == NULL)
    return;

  if (self->pending_tick == 0 && offset_to_y (self, offset, &y) &&
      y >= 0 && y + line_pixels (self) <= gtk_widget_get_height (GTK_WIDGET (self->scroller)))
    return;

  jj_reader_view_scroll_to_offset (self, offset);
}

static guint
compute_position (JjReaderView *self)
{
  GHashTableIter iter;
  gpointer key, value;
  guint best = G_MAXUINT;
  /* The line scroll_to_offset() puts at the top is what is being read. */
  double probe = font_pixels (self) + 2;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkTextView *view = value;
      graphene_point_t p;
      GtkTextIter text_iter;
      int height = gtk_widget_get_height (GTK_WIDGET (view));
      int bx, by;

      if (!gtk_widget_get_mapped (GTK_WIDGET (view)) ||
          !gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self->scroller),
                                     &GRAPHENE_POINT_INIT (0, 0), &p))
        continue;

      if (p.y > probe || p.y + height <= probe)
        continue;

      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, probe - p.y, &bx, &by);
      gtk_text_view_get_iter_at_location (view, &text_iter, bx, MAX (by, 0));
      best = get_block (self, GPOINTER_TO_UINT (key))->start + gtk_text_iter_get_offset (&text_iter);
      break;
    }

  return best;
}

static gboolean
position_idle_cb (gpointer user_data)
{
  JjReaderView *self = user_data;
  guint position;

  self->position_idle = 0;
  position = compute_position (self);
  if (position != G_MAXUINT && self->blocks != NULL)
    self->top_block = jj_text_blocks_lookup (self->blocks, position);
  if (position != G_MAXUINT && position != self->position)
    {
      self->position = position;
      g_signal_emit (self, signals[POSITION_CHANGED], 0, position);
    }

  return G_SOURCE_REMOVE;
}

static void
vadjustment_changed_cb (JjReaderView *self)
{
  queue_fill (self);
  if (self->position_idle == 0)
    self->position_idle = g_timeout_add_full (G_PRIORITY_LOW, 50, position_idle_cb, self, NULL);
}

guint
jj_reader_view_get_position (JjReaderView *self)
{
  g_return_val_if_fail (JJ_IS_READER_VIEW (self), 0);

  return self->position;
}

/* Blocks start at the title's end and at headings, in whichever text is
 * shown: both have the same characters at the same offsets. */
static void
jj_reader_view_rebuild_blocks (JjReaderView *self)
{
  g_autofree guint *breaks = g_new (guint, self->headings->len + 1);
  g_autoptr(GPtrArray) items = NULL;
  const char *original = jj_document_get_original_text (self->document);

  self->text = self->show_original && original != NULL ? original : jj_document_get_text (self->document);
  self->selection_view = NULL;

  breaks[0] = self->title_end;
  for (guint i = 0; i < self->headings->len; i++)
    breaks[i + 1] = g_array_index (self->headings, JjTextRange, i).start;

  g_clear_pointer (&self->blocks, g_array_unref);
  self->blocks = jj_text_blocks_split (self->text, strlen (self->text),
                                       breaks, self->headings->len + 1, MAX_BLOCK_CHARS);

  items = g_ptr_array_new_full (self->blocks->len, g_object_unref);
  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (items, jj_reader_block_new (i));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
}

void
jj_reader_view_set_show_original (JjReaderView *self,
                                  gboolean      show_original)
{
  guint position;

  g_return_if_fail (JJ_IS_READER_VIEW (self));

  show_original = !!show_original;
  if (self->show_original == show_original)
    return;

  self->show_original = show_original;
  if (self->document == NULL)
    return;

  position = self->position;
  jj_reader_view_rebuild_blocks (self);
  jj_reader_view_scroll_to_offset (self, position);
}

void
jj_reader_view_set_document (JjReaderView      *self,
                             JjDocument        *document,
                             guint              title_end,
                             const JjTextRange *headings,
                             guint              n_headings)
{
  g_return_if_fail (JJ_IS_READER_VIEW (self));
  g_return_if_fail (JJ_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  self->title_end = title_end;
  self->position = 0;
  self->top_block = 0;
  self->selection_view = NULL;
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->highlights, g_array_unref);

  g_clear_pointer (&self->headings, g_array_unref);
  self->headings = g_array_sized_new (FALSE, FALSE, sizeof (JjTextRange), n_headings);
  g_array_append_vals (self->headings, headings, n_headings);

  jj_reader_view_rebuild_blocks (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
jj_reader_view_set_highlights (JjReaderView      *self,
                               const JjHighlight *highlights,
                               guint              n_highlights)
{
  g_return_if_fail (JJ_IS_READER_VIEW (self));

  g_clear_pointer (&self->highlights, g_array_unref);
  self->highlights = g_array_sized_new (FALSE, FALSE, sizeof (JjHighlight), n_highlights);
  g_array_append_vals (self->highlights, highlights, n_highlights);
  redecorate_all (self);
}

void
jj_reader_view_set_matches (JjReaderView *self,
                            GArray       *matches,
                            int           current)
{
  g_return_if_fail (JJ_IS_READER_VIEW (self));

  if (matches != self->matches)
    {
      g_clear_pointer (&self->matches, g_array_unref);
      self->matches = matches ? g_array_ref (matches) : NULL;
    }
  self->current_match = current;
  redecorate_all (self);
}

gboolean
jj_reader_view_get_selection (JjReaderView *self,
                              guint        *start,
                              guint        *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;
  JjTextBlock *block;

  g_return_val_if_fail (JJ_IS_READER_VIEW (self), FALSE);

  if (self->selection_view == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->selection_view);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    return FALSE;

  block = get_block (self, block_index (self->selection_view));
  if (start)
    *start = block->start + gtk_text_iter_get_offset (&s);
  if (end)
    *end = block->start + gtk_text_iter_get_offset (&e);

  return TRUE;
}

/* Drops the selection, the caret left at its end, where it is: a
 * passage just marked shows its highlight, not a selection over it. */
void
jj_reader_view_clear_selection (JjReaderView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (JJ_IS_READER_VIEW (self));

  if (self->selection_view == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->selection_view);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    gtk_text_buffer_select_range (buffer, &end, &end);
}

/* Where the selection starts, in the view's coordinates, to point a
 * popover at. */
gboolean
jj_reader_view_get_selection_rect (JjReaderView *self,
                                   GdkRectangle *rect)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  graphene_point_t p;

  g_return_val_if_fail (JJ_IS_READER_VIEW (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (self->selection_view == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->selection_view);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;

  gtk_text_view_get_iter_location (self->selection_view, &start, rect);
  gtk_text_view_buffer_to_window_coords (self->selection_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect->x, rect->y, &rect->x, &rect->y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->selection_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (rect->x, rect->y), &p))
    return FALSE;

  rect->x = p.x;
  rect->y = p.y;

  return TRUE;
}

typedef struct
{
  JjReaderView *self;
  guint         start;
  guint         end;
  guint         tries;
} SelectData;

static gboolean
select_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  SelectData *data = user_data;
  JjReaderView *self = data->self;
  guint index = jj_text_blocks_lookup (self->blocks, data->start);
  GtkTextView *view = g_hash_table_lookup (self->bound, GUINT_TO_POINTER (index));
  GtkWidget *row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (index));

  if (view == NULL && row != NULL)
    {
      fill_row (self, row);
      view = row_view (row);
    }

  if (view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      JjTextBlock *block = get_block (self, index);
      GtkTextIter s, e;

      iter_at_offset (buffer, block, data->start, &s);
      iter_at_offset (buffer, block, data->end, &e);
      gtk_text_buffer_select_range (buffer, &e, &s);
      gtk_widget_grab_focus (GTK_WIDGET (view));
      return G_SOURCE_REMOVE;
    }

  return data->tries-- > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Selects a range within one block (a selection never crosses blocks),
 * scrolling it into view first.
 */
void
jj_reader_view_select_range (JjReaderView *self,
                             guint         start,
                             guint         end)
{
  SelectData *data;

  g_return_if_fail (JJ_IS_READER_VIEW (self));

  if (self->blocks == NULL)
    return;

  jj_reader_view_scroll_to_offset (self, start);

  data = g_new0 (SelectData, 1);
  data->self = self;
  data->start = start;
  data->end = MIN (end, get_block (self, jj_text_blocks_lookup (self->blocks, start))->end);
  data->tries = SCROLL_TRIES;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), select_tick, data, g_free);
}

/* Rows near the end are estimates until laid out: going to the end is
 * repeated each frame until the bottom stays where it is.
 */
static gboolean
end_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  JjReaderView *self = JJ_READER_VIEW (widget);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double bottom = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);

  if (ABS (gtk_adjustment_get_value (vadj) - bottom) < 1)
    self->end_steady++;
  else
    {
      self->end_steady = 0;
      gtk_adjustment_set_value (vadj, bottom);
    }

  if (self->end_steady >= 3 || self->end_tries-- == 0)
    {
      self->end_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
cancel_end (JjReaderView *self)
{
  if (self->end_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->end_tick);
  self->end_tick = 0;
}

static void
scroll_to_end (JjReaderView *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (self->blocks == NULL || self->blocks->len == 0)
    return;

  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  self->top_block = self->blocks->len - 1;
  /* The list view lays out the rows it scrolls to; a bare jump of the
   * adjustment to rows it has not measured leaves the screen empty. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              self->blocks->len - 1);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj));
  self->end_steady = 0;
  self->end_tries = SCROLL_TRIES;
  if (self->end_tick == 0)
    self->end_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), end_tick_cb, NULL, NULL);
}

/**
 * jj_reader_view_scroll_key:
 *
 * Reads on by keyboard: Page Up/Down, Space and Shift+Space, the arrows,
 * Home/End and Ctrl+Home/End scroll the whole document, as in any reader,
 * instead of moving the caret within one paragraph's text view. Shift
 * with an arrow or Home/End is left to the text view, to select.
 *
 * Returns: whether the key scrolled.
 */
gboolean
jj_reader_view_scroll_key (JjReaderView    *self,
                           guint            keyval,
                           GdkModifierType  state)
{
  GtkAdjustment *vadj;
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  double value, page, step;

  g_return_val_if_fail (JJ_IS_READER_VIEW (self), FALSE);

  if (self->blocks == NULL)
    return FALSE;

  vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  value = gtk_adjustment_get_value (vadj);
  /* A line of the previous page stays in view. */
  step = line_pixels (self);
  page = MAX (gtk_adjustment_get_page_size (vadj) - step, step);

  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      if (mods != 0)
        return FALSE;
      value += page;
      break;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (mods != 0)
        return FALSE;
      value -= page;
      break;

    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (mods == 0)
        value += page;
      else if (mods == GDK_SHIFT_MASK)
        value -= page;
      else
        return FALSE;
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (mods != 0)
        return FALSE;
      value += step;
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (mods != 0)
        return FALSE;
      value -= step;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (mods != 0 && mods != GDK_CONTROL_MASK)
        return FALSE;
      cancel_end (self);
      value = 0;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (mods != 0 && mods != GDK_CONTROL_MASK)
        return FALSE;
      cancel_hold (self);
      scroll_to_end (self);
      return TRUE;

    default:
      return FALSE;
    }

  cancel_hold (self);
  cancel_end (self);
  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  gtk_adjustment_set_value (vadj, value);

  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JjReaderView          *self)
{
  return jj_reader_view_scroll_key (self, keyval, state);
}

double
jj_reader_view_get_zoom (JjReaderView *self)
{
  g_return_val_if_fail (JJ_IS_READER_VIEW (self), 1.0);

  return self->zoom;
}

void
jj_reader_view_set_zoom (JjReaderView *self,
                         double        zoom)
{
  g_return_if_fail (JJ_IS_READER_VIEW (self));

  self->zoom = CLAMP (zoom, 0.5, 3.0);
  update_all_fonts (self);
}

static void
update_all_fonts (JjReaderView *self)
{
  GHashTableIter iter;
  gpointer value;

  self->font_height = 0;
  update_body_tag (self);
  adw_clamp_scrollable_set_maximum_size (self->clamp, MEASURE_EM * font_pixels (self) + 24);
  adw_clamp_scrollable_set_tightening_threshold (self->clamp, MEASURE_EM * font_pixels (self) * 3 / 4);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    update_font (self, value);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (row_view (value) == NULL)
      gtk_widget_set_size_request (value, -1, estimate_height (self, block_index (value)));
}

void
jj_reader_view_set_font (JjReaderView *self,
                         const char   *family,
                         double        points,
                         double        line_height)
{
  g_return_if_fail (JJ_IS_READER_VIEW (self));

  if (family != NULL && *family != '\0')
    {
      g_free (self->font_family);
      self->font_family = g_strdup (family);
    }
  self->font_size = CLAMP (points, 6.0, 72.0);
  self->line_height = CLAMP (line_height, 1.0, 3.0);
  update_all_fonts (self);
}

static void
jj_reader_view_dispose (GObject *object)
{
  JjReaderView *self = (JjReaderView *)object;

  if (self->pending_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  if (self->fill_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
  self->fill_tick = 0;
  cancel_end (self);
  g_clear_handle_id (&self->position_idle, g_source_remove);

  if (self->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scroller));
      self->scroller = NULL;
    }
  g_clear_object (&self->store);
  g_clear_object (&self->tags);
  g_clear_object (&self->document);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->highlights, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->spare_views, g_ptr_array_unref);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_object (&self->extra_menu);

  G_OBJECT_CLASS (jj_reader_view_parent_class)->dispose (object);
}

/**
 * jj_reader_view_set_extra_menu:
 *
 * Items added to the context menu of the text, for the rows shown from
 * now on.
 */
void
jj_reader_view_set_extra_menu (JjReaderView *self,
                               GMenuModel   *model)
{
  g_return_if_fail (JJ_IS_READER_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_MENU_MODEL (model));

  g_set_object (&self->extra_menu, model);
}

static void
jj_reader_view_class_init (JjReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jj_reader_view_dispose;

  signals[POSITION_CHANGED] =
    g_signal_new ("position-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, GDK_TYPE_RECTANGLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "readerview");
}

static void
jj_reader_view_init (JjReaderView *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkEventController *key;
  GtkEventController *wheel;

  self->zoom = 1.0;
  self->font_size = 13.0;
  self->line_height = 1.7;
  self->font_family = g_strdup ("Noto Serif CJK SC");
  self->bound = g_hash_table_new (NULL, NULL);
  self->rows = g_hash_table_new (NULL, NULL);
  self->spare_views = g_ptr_array_new_with_free_func (g_object_unref);
  self->tags = gtk_text_tag_table_new ();
  {
    g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (self->tags);

    ensure_tags (self, buffer);
  }
  self->store = g_list_store_new (JJ_TYPE_READER_BLOCK);
  self->current_match = -1;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "reader");

  self->clamp = ADW_CLAMP_SCROLLABLE (adw_clamp_scrollable_new ());
  adw_clamp_scrollable_set_child (self->clamp, GTK_WIDGET (self->list_view));

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (GTK_WIDGET (self->scroller), "view");
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->clamp));
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (queue_fill), self, G_CONNECT_SWAPPED);

  /* The wheel or touchpad read on at once after a click. */
  wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (wheel, "scroll-begin", G_CALLBACK (cancel_hold), self);
  g_signal_connect_swapped (wheel, "scroll", G_CALLBACK (scroll_cancels_hold_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), wheel);

  /* Before the text views, which would move their caret instead. */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  jj_reader_view_set_zoom (self, 1.0);
}

GtkWidget *
jj_reader_view_new (void)
{
  return g_object_new (JJ_TYPE_READER_VIEW, NULL);
}
