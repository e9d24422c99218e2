/* test-glyphs.c — Chinese glyph forms in an English UI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with LANGUAGE=en LC_ALL=C.UTF-8 (tests/meson.build does): Han
 * characters whose forms differ between Chinese and Japanese (复, 骨, 直,
 * 说) are drawn with the Simplified Chinese face of Noto CJK, in the
 * reader and in a list row's label, as the app sets PANGO_LANGUAGE before
 * GTK starts.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "jj-language.h"
#include "jj-window-private.h"
#include "test-ui.h"

static const char *differing[] = { "复", "骨", "直", "说" };

static const char *title = "关于直面问题说实话的讲话";

static const char *heading = "一、说实话，直面问题，复盘骨干";

/* The family of the font Pango chose for @ch in @layout. */
static char *
family_of (PangoLayout *layout,
           const char  *ch)
{
  const char *text = pango_layout_get_text (layout);
  const char *at = strstr (text, ch);
  int index;
  PangoLayoutIter *iter;
  char *family = NULL;

  g_assert_nonnull (at);
  index = at - text;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && index >= run->item->offset && index < run->item->offset + run->item->length)
        {
          PangoFontDescription *desc = pango_font_describe (run->item->analysis.font);

          family = g_strdup (pango_font_description_get_family (desc));
          pango_font_description_free (desc);
          break;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  g_assert_nonnull (family);
  return family;
}

/* Each of the characters in @differing that @layout holds, at least one. */
static void
assert_chinese_faces (PangoLayout *layout,
                      const char  *where)
{
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (differing); i++)
    {
      g_autofree char *family = NULL;

      if (strstr (pango_layout_get_text (layout), differing[i]) == NULL)
        continue;
      family = family_of (layout, differing[i]);
      g_test_message ("%s: U+%04X in %s", where, g_utf8_get_char (differing[i]), family);
      g_assert_nonnull (strstr (family, "CJK SC"));
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

static gboolean
has_family (GtkWidget  *widget,
            const char *name)
{
  PangoFontMap *map = pango_context_get_font_map (gtk_widget_get_pango_context (widget));
  PangoFontFamily **families = NULL;
  int n = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n && !found; i++)
    found = g_str_equal (pango_font_family_get_name (families[i]), name);
  g_free (families);

  return found;
}

static void
collect_type (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

struct find_heading
{
  JjWindow  *window;
  GtkWidget *label;
};

static gboolean
find_heading_label (gpointer data)
{
  struct find_heading *find = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_type (GTK_WIDGET (find->window->outline_panel), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), heading) == 0 &&
        gtk_widget_get_mapped (labels->pdata[i]))
      find->label = labels->pdata[i];

  return find->label != NULL;
}

static void
test_glyphs (void)
{
  g_autofree char *text = g_strconcat (title, "\n同志们：\n", heading, "\n",
                                       "要敢于说直话，复查骨干工作中的问题。\n", NULL);
  g_autofree char *dir = g_dir_make_tmp ("jj-glyphs-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.txt", NULL);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  struct find_heading find = { NULL, NULL };
  JjWindow *window;
  GtkTextView *view = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = jj_test_open_path (path, 1000, 700);
  if (!has_family (GTK_WIDGET (window), "Noto Sans CJK SC") ||
      !has_family (GTK_WIDGET (window), "Noto Sans CJK JP"))
    {
      g_test_skip ("the Noto CJK fonts (fonts-noto-cjk) are not installed");
      gtk_window_destroy (GTK_WINDOW (window));
      jj_test_remove_tree (dir);
      return;
    }

  /* A list row: the outline's label of the heading, as GTK laid it out,
   * wide enough for the whole heading. */
  gtk_paned_set_position (window->outline_paned, 600);
  find.window = window;
  g_assert_true (jj_test_wait_until (find_heading_label, &find));
  jj_test_spin (100);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (find.label))));
  assert_chinese_faces (gtk_label_get_layout (GTK_LABEL (find.label)), "outline row");

  /* The window's title, in the header bar. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    GtkWidget *label = NULL;

    collect_type (GTK_WIDGET (window->window_title), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), title) == 0)
        label = labels->pdata[i];
    g_assert_nonnull (label);
    assert_chinese_faces (gtk_label_get_layout (GTK_LABEL (label)), "window title");
  }

  /* The reader: the paragraph laid out in its block's font, with the
   * language its text carries (GtkTextView keeps its layout to itself). */
  collect_type (GTK_WIDGET (window->reader_view), GTK_TYPE_TEXT_VIEW, views);
  for (guint i = 0; i < views->len && view == NULL; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (views->pdata[i]);
      GtkTextIter start, end;
      g_autofree char *content = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      content = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (strstr (content, "复查骨干") != NULL)
        view = views->pdata[i];
    }
  g_assert_nonnull (view);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextIter start, end;
    g_autofree char *content = NULL;
    const char *paragraph;
    g_autoptr(PangoLayout) layout = NULL;
    PangoAttrList *attrs = pango_attr_list_new ();
    PangoLanguage *language;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    content = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    paragraph = strstr (content, "要敢于");
    g_assert_nonnull (paragraph);
    gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (content, paragraph));
    language = gtk_text_iter_get_language (&start);
    g_test_message ("reader: the text's language is %s", pango_language_to_string (language));
    layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), paragraph);
    pango_attr_list_insert (attrs, pango_attr_language_new (language));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
    assert_chinese_faces (layout, "reader");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  jj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  char *home;

  /* A session where nobody chose Pango's languages; then as main.c
   * does, before GTK starts. */
  g_unsetenv ("PANGO_LANGUAGE");
  jj_language_prefer_chinese_glyphs ();
  home = jj_test_ui_init (&argc, &argv);
  if (home == NULL)
    return 0;

  g_test_add_func ("/glyphs/english-ui", test_glyphs);

  return jj_test_ui_run (home);
}
