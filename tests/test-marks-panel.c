/* test-marks-panel.c — the marks panel over a real mark store, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "jj-mark-kind.h"
#include "jj-mark-session.h"
#include "jj-mark-store.h"
#include "jj-marks-panel.h"
#include "jj-outline.h"
#include "test-ui.h"

static const char *text =
  "关于加强基层治理的讲话\n"
  "同志们：\n"
  "今天我们召开会议，研究部署基层治理工作。\n"
  "一、提高认识，增强责任感\n"
  "基层治理是国家治理的基石，关系群众切身利益。\n"
  "二、突出重点，狠抓落实\n"
  "要坚持问题导向，聚焦群众急难愁盼。\n"
  "要加强队伍建设，提升服务能力。\n"
  "三、加强领导，强化保障\n"
  "各级党委要把基层治理摆上重要议程。";

/* The text as it was when the orphan was marked, with a paragraph since
 * cut: near the start, so that the orphan's old offset comes before the
 * other marks and only the panel puts it last. */
static const char *cut_paragraph = "此外还要注意防汛抗旱工作的各项安排部署。\n";

typedef struct
{
  char         *dir;
  GFile        *file;
  JjOutline    *outline;
  JjMarkStore  *store;
  GtkWindow    *window;
  JjMarksPanel *panel;

  GtkSearchEntry *search_entry;
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *tag_dropdown;
  GtkStack       *stack;
  GtkListView    *list_view;

  /* The marks made by the fixture, by name. */
  JjMark       *opening;   /* 研究部署基层治理工作 */
  JjMark       *basis;     /* 基层治理是国家治理的基石 */
  JjMark       *problems;  /* 坚持问题导向 */
  JjMark       *team;      /* 加强队伍建设 */
  JjMark       *agenda;    /* 摆上重要议程 */
  JjMark       *orphan;    /* 防汛抗旱工作的各项安排 */

  char         *searched;   /* the text of the last search-changed */
} Fixture;

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint
offset_of (const char *haystack,
           const char *needle)
{
  const char *p = strstr (haystack, needle);

  g_assert_nonnull (p);

  return g_utf8_pointer_to_offset (haystack, p);
}

static JjMark *
add_mark (Fixture            *f,
          const char         *quote,
          const char         *kind,
          const char * const *tags,
          const char         *note)
{
  g_autofree char *section = NULL;
  guint start = offset_of (text, quote);
  JjMark *mark;

  /* As the window does: the section is the outline's path at the start. */
  section = jj_outline_dup_section_path (f->outline, start);
  mark = jj_mark_store_add_range (f->store, start, start + g_utf8_strlen (quote, -1), kind, section);
  g_assert_nonnull (mark);
  g_assert_cmpstr (jj_mark_get_quote (mark), ==, quote);
  jj_mark_set_tags (mark, tags);
  jj_mark_set_note (mark, note);
  jj_mark_store_touch (f->store, mark);

  return mark;
}

static void
make_orphan (Fixture *f)
{
  const char *salutation = strstr (text, "同志们：\n") + strlen ("同志们：\n");
  g_autofree char *head = g_strndup (text, salutation - text);
  g_autofree char *earlier = g_strconcat (head, cut_paragraph, salutation, NULL);
  g_autoptr(JjMarkStore) store = jj_mark_store_new (f->file);
  g_autoptr(GError) error = NULL;
  const char *quote = "防汛抗旱工作的各项安排";
  const char * const tags[] = { "存疑", NULL };
  guint start = offset_of (earlier, quote);
  JjMark *mark;

  g_assert_true (jj_mark_store_load (store, earlier, NULL, &error));
  g_assert_no_error (error);
  mark = jj_mark_store_add_range (store, start, start + g_utf8_strlen (quote, -1), "doubt", NULL);
  g_assert_nonnull (mark);
  jj_mark_set_tags (mark, tags);
  jj_mark_set_note (mark, "出处待查");
  jj_mark_store_touch (store, mark);
  g_assert_true (jj_mark_store_save (store, &error));
  g_assert_no_error (error);
}

static gboolean
first_string_is (GtkDropDown *dropdown,
                 const char  *string)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  return model != NULL && GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 0 &&
         g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), string) == 0;
}

/* The panel's widgets, found in its tree as a user meets them; what is
 * inside a drop-down (its popover's list and search) is not the panel's. */
static void
find_widgets (Fixture   *f,
              GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      if (first_string_is (GTK_DROP_DOWN (widget), "All Kinds"))
        {
          g_assert_null (f->kind_dropdown);
          f->kind_dropdown = GTK_DROP_DOWN (widget);
        }
      else if (first_string_is (GTK_DROP_DOWN (widget), "All Tags"))
        {
          g_assert_null (f->tag_dropdown);
          f->tag_dropdown = GTK_DROP_DOWN (widget);
        }
      return;
    }
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_assert_null (f->search_entry);
      f->search_entry = GTK_SEARCH_ENTRY (widget);
      return;
    }
  if (GTK_IS_LIST_VIEW (widget))
    {
      g_assert_null (f->list_view);
      f->list_view = GTK_LIST_VIEW (widget);
      return;
    }
  if (GTK_IS_STACK (widget))
    {
      g_assert_null (f->stack);
      f->stack = GTK_STACK (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (f, child);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   Fixture        *f)
{
  g_free (f->searched);
  f->searched = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char * const opening_tags[] = { "开场", NULL };
  const char * const basis_tags[] = { "治理", NULL };
  const char * const problems_tags[] = { "方法", "治理", NULL };
  const char * const team_tags[] = { "队伍", NULL };

  f->dir = g_dir_make_tmp ("jj-marks-panel-XXXXXX", NULL);
  path = g_build_filename (f->dir, "speech.txt", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  f->file = g_file_new_for_path (path);
  f->outline = jj_outline_detect (text, -1, NULL, 0);

  make_orphan (f);

  f->store = jj_mark_store_new (f->file);
  g_assert_true (jj_mark_store_load (f->store, text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jj_mark_store_get_marks (f->store)), ==, 1);
  f->orphan = g_list_model_get_item (jj_mark_store_get_marks (f->store), 0);
  g_object_unref (f->orphan);
  g_assert_cmpint (jj_mark_get_status (f->orphan), ==, JJ_MARK_STATUS_ORPHAN);

  /* Not in document order, so that the panel has to sort them. */
  f->agenda = add_mark (f, "摆上重要议程", "golden", NULL, "年终总结可用");
  f->team = add_mark (f, "加强队伍建设", "wording", team_tags, "比喻可换：年终讲话里用过");
  f->basis = add_mark (f, "基层治理是国家治理的基石", "golden", basis_tags, "开头可用");
  f->problems = add_mark (f, "坚持问题导向", "borrow", problems_tags, "See the Guide");
  f->opening = add_mark (f, "研究部署基层治理工作", "outline", opening_tags, NULL);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 900);
  f->panel = JJ_MARKS_PANEL (jj_marks_panel_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->panel));
  jj_marks_panel_set_marks (f->panel, jj_mark_store_get_marks (f->store));
  gtk_window_present (f->window);
  settle ();

  find_widgets (f, GTK_WIDGET (f->panel));
  g_assert_nonnull (f->search_entry);
  g_assert_nonnull (f->kind_dropdown);
  g_assert_nonnull (f->tag_dropdown);
  g_assert_nonnull (f->stack);
  g_assert_nonnull (f->list_view);
  g_signal_connect (f->search_entry, "search-changed", G_CALLBACK (search_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  settle ();
  jj_mark_store_flush (f->store);
  g_clear_object (&f->store);
  g_clear_object (&f->outline);
  g_clear_object (&f->file);
  jj_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->searched);
}

/* The rows as the list shows them, in order: what each list item holds,
 * made only for the marks on screen (all of them, in this window). */
static GPtrArray *
get_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row != NULL && GTK_IS_BOX (row) && gtk_widget_get_child_visible (child))
        g_ptr_array_add (rows, row);
    }

  return rows;
}

/* The box with a row's quote, kind, note and button. */
static GtkWidget *
row_content (GtkWidget *row)
{
  return gtk_widget_get_last_child (row);
}

/* The section title above a row, when it is the first of its section. */
static GtkWidget *
row_header (GtkWidget *row)
{
  GtkWidget *first = gtk_widget_get_first_child (row);

  return first != row_content (row) ? first : NULL;
}

static guint
row_position (Fixture   *f,
              GtkWidget *row)
{
  g_autoptr(GPtrArray) rows = get_rows (f);
  guint position;

  g_assert_true (g_ptr_array_find (rows, row, &position));

  return position;
}

static GtkWidget *
find_row (Fixture    *f,
          const char *quote)
{
  g_autoptr(GPtrArray) rows = get_rows (f);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *box = row_content (g_ptr_array_index (rows, i));
      GtkWidget *first = gtk_widget_get_first_child (box);

      if (GTK_IS_LABEL (first) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (first)), quote) == 0)
        return g_ptr_array_index (rows, i);
    }

  g_error ("no row for “%s”", quote);
  return NULL;
}

static GtkButton *
find_button (GtkWidget *row)
{
  GtkWidget *box = row_content (row);

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        return GTK_BUTTON (child);
    }

  return NULL;
}

/* One line per header ("# title") and per row: what its labels say and
 * its buttons, " | " between them. */
static char *
describe (Fixture *f)
{
  g_autoptr(GPtrArray) rows = get_rows (f);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *header = row_header (row);
      GtkWidget *box = row_content (row);

      if (header != NULL)
        {
          g_assert_true (GTK_IS_LABEL (header));
          g_string_append_printf (s, "# %s\n", gtk_label_get_text (GTK_LABEL (header)));
        }

      for (GtkWidget *child = gtk_widget_get_first_child (box);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (child != gtk_widget_get_first_child (box))
            g_string_append (s, " | ");
          if (GTK_IS_LABEL (child))
            g_string_append (s, gtk_label_get_text (GTK_LABEL (child)));
          else if (GTK_IS_BUTTON (child))
            g_string_append_printf (s, "[%s]", gtk_button_get_label (GTK_BUTTON (child)));
          else
            g_string_append (s, G_OBJECT_TYPE_NAME (child));
        }
      g_string_append_c (s, '\n');
    }

  return g_string_free (s, FALSE);
}

/* The quotes of the rows shown, one per line. */
static char *
shown_quotes (Fixture *f)
{
  g_autoptr(GPtrArray) rows = get_rows (f);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *box = row_content (g_ptr_array_index (rows, i));

      g_string_append_printf (s, "%s\n", gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box))));
    }

  return g_string_free (s, FALSE);
}

static void
assert_shown (Fixture    *f,
              const char *expected)
{
  g_autofree char *quotes = shown_quotes (f);
  guint n = 0;

  for (const char *p = expected; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  g_assert_cmpstr (quotes, ==, expected);
  g_assert_cmpuint (jj_marks_panel_get_n_shown (f->panel), ==, n);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, n > 0 ? "list" : "empty");
}

static char *
tag_choices (Fixture *f)
{
  GListModel *model = gtk_drop_down_get_model (f->tag_dropdown);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));

  return g_string_free (s, FALSE);
}

static const char *
selected_tag (Fixture *f)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (f->tag_dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static guint
kind_position (const char *key)
{
  for (guint i = 0; i < jj_mark_kind_get_n_kinds (); i++)
    if (g_str_equal (jj_mark_kind_get_nth (i)->key, key))
      return i + 1;

  g_assert_not_reached ();
}

static void
select_kind (Fixture    *f,
             const char *key)
{
  guint position = key != NULL ? kind_position (key) : 0;

  gtk_drop_down_set_selected (f->kind_dropdown, position);
  settle ();
}

static void
select_tag (Fixture    *f,
            const char *tag)
{
  GListModel *model = gtk_drop_down_get_model (f->tag_dropdown);

  if (tag == NULL)
    {
      gtk_drop_down_set_selected (f->tag_dropdown, 0);
      settle ();
      return;
    }

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), tag))
        {
          gtk_drop_down_set_selected (f->tag_dropdown, i);
          settle ();
          return;
        }
    }

  g_error ("no tag choice “%s”", tag);
}

static gboolean
searched (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (f->searched, gtk_editable_get_text (GTK_EDITABLE (f->search_entry))) == 0;
}

/* Types in the search entry and waits for its search-changed, which
 * comes about 150 ms later (at once for an empty text: replacing the
 * text empties it first, and that one must not count). */
static void
search (Fixture    *f,
        const char *query)
{
  g_clear_pointer (&f->searched, g_free);
  gtk_editable_set_text (GTK_EDITABLE (f->search_entry), query);
  g_assert_true (jj_test_wait_until (searched, f));
  settle ();
}

#define ALL_QUOTES \
  "研究部署基层治理工作\n" \
  "基层治理是国家治理的基石\n" \
  "坚持问题导向\n" \
  "加强队伍建设\n" \
  "摆上重要议程\n" \
  "防汛抗旱工作的各项安排\n"

static void
test_grouped (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *description = describe (f);

  g_assert_cmpstr (description, ==,
                   "# 同志们：\n"
                   "研究部署基层治理工作 | ● Outline  #开场\n"
                   "# 一、提高认识，增强责任感\n"
                   "基层治理是国家治理的基石 | ● Golden line  #治理 | 开头可用\n"
                   "# 二、突出重点，狠抓落实\n"
                   "坚持问题导向 | ● Borrow  #方法  #治理 | See the Guide\n"
                   "加强队伍建设 | ● Wording  #队伍 | 比喻可换：年终讲话里用过\n"
                   "# 三、加强领导，强化保障\n"
                   "摆上重要议程 | ● Golden line | 年终总结可用\n"
                   "# Orphaned Marks\n"
                   "防汛抗旱工作的各项安排 | ● Doubt  #存疑 | 出处待查 | [_Re-attach to Selection]\n");
  assert_shown (f, ALL_QUOTES);

  /* The dot before the kind has the mark's colour. */
  for (guint i = 0; i < 6; i++)
    {
      JjMark *marks[] = { f->opening, f->basis, f->problems, f->team, f->agenda, f->orphan };
      GtkWidget *box = row_content (find_row (f, jj_mark_get_quote (marks[i])));
      GtkWidget *meta = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
      g_autofree char *span = g_strdup_printf ("<span foreground=\"%s\">●</span>",
                                               jj_mark_get_color (marks[i]));

      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (meta)), span));
    }
}

/* A mark without a section (from an older sidecar, or before the first
 * heading of a speech without title) goes under "Opening"; tags are text,
 * not markup. */
static void
test_no_section (Fixture       *f,
                 gconstpointer  data)
{
  const char * const tags[] = { "R&D", "<b>", NULL };
  const char *expected =
    "# Opening\n"
    "关于加强 | ● Fact or case  #R&D  #<b>\n"
    "# 同志们：\n"
    "研究部署基层治理工作 | ● Outline  #开场\n";
  g_autofree char *description = NULL;
  g_autofree char *head = NULL;
  JjMark *mark;

  mark = jj_mark_store_add_range (f->store, 0, 4, "fact", NULL);
  g_assert_nonnull (mark);
  jj_mark_set_tags (mark, tags);
  jj_mark_store_touch (f->store, mark);
  jj_marks_panel_refresh (f->panel);
  settle ();

  description = describe (f);
  head = g_strndup (description, strlen (expected));
  g_assert_cmpstr (head, ==, expected);
  select_tag (f, "<b>");
  assert_shown (f, "关于加强\n");
}

static void
test_filter_kind (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *description = NULL;

  select_kind (f, "golden");
  assert_shown (f, "基层治理是国家治理的基石\n摆上重要议程\n");
  /* Each row still under its own section. */
  description = describe (f);
  g_assert_cmpstr (description, ==,
                   "# 一、提高认识，增强责任感\n"
                   "基层治理是国家治理的基石 | ● Golden line  #治理 | 开头可用\n"
                   "# 三、加强领导，强化保障\n"
                   "摆上重要议程 | ● Golden line | 年终总结可用\n");

  select_kind (f, "doubt");
  assert_shown (f, "防汛抗旱工作的各项安排\n");
  select_kind (f, "wording");
  assert_shown (f, "加强队伍建设\n");
  select_kind (f, "fact");
  assert_shown (f, "");
  select_kind (f, NULL);
  assert_shown (f, ALL_QUOTES);
}

static void
test_filter_tag (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *choices = tag_choices (f);

  /* The tags in use, each once, in the store's order (the orphan's old
   * place is first). */
  g_assert_cmpstr (choices, ==, "All Tags, 存疑, 开场, 治理, 方法, 队伍");

  select_tag (f, "治理");
  assert_shown (f, "基层治理是国家治理的基石\n坚持问题导向\n");
  select_tag (f, "方法");
  assert_shown (f, "坚持问题导向\n");
  select_tag (f, "存疑");
  assert_shown (f, "防汛抗旱工作的各项安排\n");
  select_tag (f, NULL);
  assert_shown (f, ALL_QUOTES);
}

static GtkDropDown *
find_author_dropdown (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget) && first_string_is (GTK_DROP_DOWN (widget), "Everyone"))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_author_dropdown (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
dropdown_choices (GtkDropDown *dropdown)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));

  return g_string_free (s, FALSE);
}

/* A team's marks: the filter offers everyone, the user's own marks and
 * each colleague's; rows name their writer only when there are several. */
static void
test_filter_author (Fixture       *f,
                    gconstpointer  data)
{
  GtkDropDown *authors = find_author_dropdown (GTK_WIDGET (f->panel));
  g_autofree char *single = describe (f);
  g_autofree char *choices = NULL;
  g_autofree char *team = NULL;

  g_assert_nonnull (authors);
  /* One writer: no filter, no names. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (authors)));
  g_assert_null (strstr (single, " · "));

  jj_mark_set_author (f->agenda, "张三");
  jj_mark_store_touch (f->store, f->agenda);
  jj_mark_set_author (f->team, "张三");
  jj_mark_store_touch (f->store, f->team);
  jj_mark_set_author (f->basis, "李四");
  jj_mark_store_touch (f->store, f->basis);
  jj_mark_set_author (f->problems, "王五");
  jj_mark_store_touch (f->store, f->problems);
  jj_mark_set_author (f->opening, "王五");
  jj_mark_store_touch (f->store, f->opening);
  jj_mark_set_author (f->orphan, "王五");
  jj_mark_store_touch (f->store, f->orphan);
  jj_marks_panel_set_me (f->panel, "王五");
  settle ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (authors)));
  choices = dropdown_choices (authors);
  g_assert_cmpstr (choices, ==, "Everyone, My Marks, 李四, 张三");
  team = describe (f);
  g_assert_nonnull (strstr (team, "基层治理是国家治理的基石 | ● Golden line  #治理  · 李四 | 开头可用\n"));

  gtk_drop_down_set_selected (authors, 1);
  settle ();
  assert_shown (f, "研究部署基层治理工作\n坚持问题导向\n防汛抗旱工作的各项安排\n");
  gtk_drop_down_set_selected (authors, 3);
  settle ();
  assert_shown (f, "加强队伍建设\n摆上重要议程\n");
  /* With a tag too. */
  select_tag (f, "队伍");
  assert_shown (f, "加强队伍建设\n");
  select_tag (f, NULL);
  gtk_drop_down_set_selected (authors, 0);
  settle ();
  assert_shown (f, ALL_QUOTES);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  /* In quotes. */
  search (f, "基层治理");
  assert_shown (f, "研究部署基层治理工作\n基层治理是国家治理的基石\n");
  /* In notes only. */
  search (f, "年终");
  assert_shown (f, "加强队伍建设\n摆上重要议程\n");
  search (f, "出处");
  assert_shown (f, "防汛抗旱工作的各项安排\n");
  /* Case does not matter. */
  search (f, "guide");
  assert_shown (f, "坚持问题导向\n");
  /* Neither tags nor kinds are searched. */
  search (f, "队伍建设");
  assert_shown (f, "加强队伍建设\n");
  search (f, "开场");
  assert_shown (f, "");
  search (f, "");
  assert_shown (f, ALL_QUOTES);
}

static void
test_combined (Fixture       *f,
               gconstpointer  data)
{
  select_kind (f, "golden");
  search (f, "年终");
  assert_shown (f, "摆上重要议程\n");

  select_kind (f, NULL);
  select_tag (f, "治理");
  assert_shown (f, "");
  search (f, "基石");
  assert_shown (f, "基层治理是国家治理的基石\n");

  select_kind (f, "borrow");
  search (f, "");
  assert_shown (f, "坚持问题导向\n");

  select_kind (f, "golden");
  assert_shown (f, "基层治理是国家治理的基石\n");
  search (f, "导向");
  assert_shown (f, "");

  select_tag (f, NULL);
  select_kind (f, NULL);
  assert_shown (f, "坚持问题导向\n");
  search (f, "");
  assert_shown (f, ALL_QUOTES);
}

typedef struct
{
  guint   n;
  JjMark *mark;
} Emission;

static void
emission_cb (JjMarksPanel *panel,
             JjMark       *mark,
             Emission     *emission)
{
  emission->n++;
  emission->mark = mark;
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  Emission activated = { 0, NULL };
  Emission reattach = { 0, NULL };
  GtkWidget *row;
  GtkButton *button;

  g_signal_connect (f->panel, "mark-activated", G_CALLBACK (emission_cb), &activated);
  g_signal_connect (f->panel, "reattach", G_CALLBACK (emission_cb), &reattach);

  /* Placed rows have no button; activating one goes to its mark. */
  row = find_row (f, "坚持问题导向");
  g_assert_null (find_button (row));
  /* As a click or Enter on the row does. */
  g_assert_true (gtk_widget_activate (gtk_widget_get_parent (row)));
  g_assert_cmpuint (activated.n, ==, 1);
  g_assert_true (activated.mark == f->problems);

  g_signal_emit_by_name (f->list_view, "activate", row_position (f, find_row (f, "研究部署基层治理工作")));
  g_assert_cmpuint (activated.n, ==, 2);
  g_assert_true (activated.mark == f->opening);

  /* The orphan is not in the text: activating it goes nowhere. */
  row = find_row (f, "防汛抗旱工作的各项安排");
  gtk_widget_activate (gtk_widget_get_parent (row));
  g_signal_emit_by_name (f->list_view, "activate", row_position (f, row));
  g_assert_cmpuint (activated.n, ==, 2);
  g_assert_cmpuint (reattach.n, ==, 0);

  /* Its button asks to re-attach it. */
  button = find_button (row);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Re-attach to Selection");
  g_assert_true (gtk_button_get_use_underline (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (reattach.n, ==, 1);
  g_assert_true (reattach.mark == f->orphan);
  g_assert_cmpuint (activated.n, ==, 2);

  g_signal_handlers_disconnect_by_data (f->panel, &activated);
  g_signal_handlers_disconnect_by_data (f->panel, &reattach);
}

/* The row that has the keyboard focus, or holds it. */
static GtkWidget *
focused_row (Fixture *f)
{
  GtkWidget *focus = gtk_window_get_focus (f->window);
  g_autoptr(GPtrArray) rows = get_rows (f);

  for (guint i = 0; focus != NULL && i < rows->len; i++)
    {
      GtkWidget *item = gtk_widget_get_parent (g_ptr_array_index (rows, i));

      if (focus == item || gtk_widget_is_ancestor (focus, item))
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

/* Down and up go from row to row across sections; Enter on one goes to
 * its mark. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  Emission activated = { 0, NULL };
  GtkWidget *row;

  g_signal_connect (f->panel, "mark-activated", G_CALLBACK (emission_cb), &activated);

  row = find_row (f, "研究部署基层治理工作");
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  g_assert_true (focused_row (f) == row);

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->list_view), GTK_DIR_DOWN));
  g_assert_true (focused_row (f) == find_row (f, "基层治理是国家治理的基石"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->list_view), GTK_DIR_DOWN));
  g_assert_true (focused_row (f) == find_row (f, "坚持问题导向"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->list_view), GTK_DIR_UP));
  row = focused_row (f);
  g_assert_true (row == find_row (f, "基层治理是国家治理的基石"));

  /* What Enter does on the focused row. */
  g_assert_true (gtk_widget_activate (gtk_widget_get_parent (row)));
  g_assert_cmpuint (activated.n, ==, 1);
  g_assert_true (activated.mark == f->basis);

  g_signal_handlers_disconnect_by_data (f->panel, &activated);
}

static void
test_reattach (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *section = NULL;
  g_autofree char *description = NULL;
  guint start = offset_of (text, "聚焦群众急难愁盼");

  /* What the window does on "reattach" with a selection. */
  g_assert_true (jj_mark_store_reattach (f->store, f->orphan, start, start + 8));
  section = jj_outline_dup_section_path (f->outline, start);
  jj_mark_set_section (f->orphan, section);
  jj_mark_store_touch (f->store, f->orphan);
  jj_marks_panel_refresh (f->panel);
  settle ();

  description = describe (f);
  g_assert_cmpstr (description, ==,
                   "# 同志们：\n"
                   "研究部署基层治理工作 | ● Outline  #开场\n"
                   "# 一、提高认识，增强责任感\n"
                   "基层治理是国家治理的基石 | ● Golden line  #治理 | 开头可用\n"
                   "# 二、突出重点，狠抓落实\n"
                   "坚持问题导向 | ● Borrow  #方法  #治理 | See the Guide\n"
                   "聚焦群众急难愁盼 | ● Doubt  #存疑 | 出处待查\n"
                   "加强队伍建设 | ● Wording  #队伍 | 比喻可换：年终讲话里用过\n"
                   "# 三、加强领导，强化保障\n"
                   "摆上重要议程 | ● Golden line | 年终总结可用\n");
}

static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *description = NULL;
  g_autofree char *choices = NULL;
  const char * const new_tags[] = { "服务", "治理", NULL };
  const char * const edited_tags[] = { "基石", NULL };
  guint start = offset_of (text, "提升服务能力");
  g_autofree char *section = jj_outline_dup_section_path (f->outline, start);
  JjMark *mark;

  /* Adding: the row comes with the store's change, in its place. */
  mark = jj_mark_store_add_range (f->store, start, start + 6, "fact", section);
  g_assert_nonnull (mark);
  settle ();
  assert_shown (f,
                "研究部署基层治理工作\n"
                "基层治理是国家治理的基石\n"
                "坚持问题导向\n"
                "加强队伍建设\n"
                "提升服务能力\n"
                "摆上重要议程\n"
                "防汛抗旱工作的各项安排\n");
  /* Then the window gives it tags and a note and refreshes the panel. */
  jj_mark_set_tags (mark, new_tags);
  jj_mark_set_note (mark, "数字化服务");
  jj_mark_store_touch (f->store, mark);
  jj_marks_panel_refresh (f->panel);
  settle ();
  choices = tag_choices (f);
  g_assert_cmpstr (choices, ==, "All Tags, 存疑, 开场, 治理, 方法, 队伍, 服务");
  g_clear_pointer (&choices, g_free);
  select_tag (f, "服务");
  assert_shown (f, "提升服务能力\n");
  select_tag (f, NULL);

  /* Editing kind, tags and note: the row says so, the tags follow. */
  jj_mark_set_kind (f->basis, "wording");
  jj_mark_set_tags (f->basis, edited_tags);
  jj_mark_set_note (f->basis, "改作比喻");
  jj_mark_store_touch (f->store, f->basis);
  jj_marks_panel_refresh (f->panel);
  settle ();
  description = describe (f);
  g_assert_cmpstr (description, ==,
                   "# 同志们：\n"
                   "研究部署基层治理工作 | ● Outline  #开场\n"
                   "# 一、提高认识，增强责任感\n"
                   "基层治理是国家治理的基石 | ● Wording  #基石 | 改作比喻\n"
                   "# 二、突出重点，狠抓落实\n"
                   "坚持问题导向 | ● Borrow  #方法  #治理 | See the Guide\n"
                   "加强队伍建设 | ● Wording  #队伍 | 比喻可换：年终讲话里用过\n"
                   "提升服务能力 | ● Fact or case  #服务  #治理 | 数字化服务\n"
                   "# 三、加强领导，强化保障\n"
                   "摆上重要议程 | ● Golden line | 年终总结可用\n"
                   "# Orphaned Marks\n"
                   "防汛抗旱工作的各项安排 | ● Doubt  #存疑 | 出处待查 | [_Re-attach to Selection]\n");
  choices = tag_choices (f);
  g_assert_cmpstr (choices, ==, "All Tags, 存疑, 开场, 基石, 方法, 治理, 队伍, 服务");
  g_clear_pointer (&choices, g_free);
  select_kind (f, "wording");
  assert_shown (f, "基层治理是国家治理的基石\n加强队伍建设\n");
  search (f, "比喻");
  assert_shown (f, "基层治理是国家治理的基石\n加强队伍建设\n");
  select_kind (f, NULL);
  search (f, "");

  /* A filter chosen stays through edits of other marks. */
  select_tag (f, "队伍");
  assert_shown (f, "加强队伍建设\n");
  jj_mark_set_note (f->agenda, "年终总结可用，已用");
  jj_mark_store_touch (f->store, f->agenda);
  jj_marks_panel_refresh (f->panel);
  settle ();
  g_assert_cmpstr (selected_tag (f), ==, "队伍");
  assert_shown (f, "加强队伍建设\n");

  /* Removing: the row goes, and the tags only it had. */
  jj_mark_store_remove (f->store, f->team);
  settle ();
  choices = tag_choices (f);
  g_assert_cmpstr (choices, ==, "All Tags, 存疑, 开场, 基石, 方法, 治理, 服务");
  g_clear_pointer (&choices, g_free);
  g_assert_cmpstr (selected_tag (f), ==, "All Tags");
  assert_shown (f,
                "研究部署基层治理工作\n"
                "基层治理是国家治理的基石\n"
                "坚持问题导向\n"
                "提升服务能力\n"
                "摆上重要议程\n"
                "防汛抗旱工作的各项安排\n");

  /* The last mark of a section takes its header with it. */
  jj_mark_store_remove (f->store, f->agenda);
  settle ();
  g_clear_pointer (&description, g_free);
  description = describe (f);
  g_assert_cmpstr (description, ==,
                   "# 同志们：\n"
                   "研究部署基层治理工作 | ● Outline  #开场\n"
                   "# 一、提高认识，增强责任感\n"
                   "基层治理是国家治理的基石 | ● Wording  #基石 | 改作比喻\n"
                   "# 二、突出重点，狠抓落实\n"
                   "坚持问题导向 | ● Borrow  #方法  #治理 | See the Guide\n"
                   "提升服务能力 | ● Fact or case  #服务  #治理 | 数字化服务\n"
                   "# Orphaned Marks\n"
                   "防汛抗旱工作的各项安排 | ● Doubt  #存疑 | 出处待查 | [_Re-attach to Selection]\n");

  /* The first of a section and of the list: the next row takes the header. */
  jj_mark_store_remove (f->store, f->problems);
  jj_mark_store_remove (f->store, f->opening);
  settle ();
  g_clear_pointer (&description, g_free);
  description = describe (f);
  g_assert_cmpstr (description, ==,
                   "# 一、提高认识，增强责任感\n"
                   "基层治理是国家治理的基石 | ● Wording  #基石 | 改作比喻\n"
                   "# 二、突出重点，狠抓落实\n"
                   "提升服务能力 | ● Fact or case  #服务  #治理 | 数字化服务\n"
                   "# Orphaned Marks\n"
                   "防汛抗旱工作的各项安排 | ● Doubt  #存疑 | 出处待查 | [_Re-attach to Selection]\n");
}

/* A mark added before the first of its section takes the header; rows
 * already there are not made again. */
static void
test_header_moves (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *description = NULL;
  GtkWidget *problems = find_row (f, "坚持问题导向");
  JjMark *mark;

  g_assert_nonnull (row_header (problems));
  mark = add_mark (f, "要坚持", "doubt", NULL, NULL);
  settle ();
  g_assert_true (find_row (f, "坚持问题导向") == problems);
  description = describe (f);
  g_assert_cmpstr (description, ==,
                   "# 同志们：\n"
                   "研究部署基层治理工作 | ● Outline  #开场\n"
                   "# 一、提高认识，增强责任感\n"
                   "基层治理是国家治理的基石 | ● Golden line  #治理 | 开头可用\n"
                   "# 二、突出重点，狠抓落实\n"
                   "要坚持 | ● Doubt\n"
                   "坚持问题导向 | ● Borrow  #方法  #治理 | See the Guide\n"
                   "加强队伍建设 | ● Wording  #队伍 | 比喻可换：年终讲话里用过\n"
                   "# 三、加强领导，强化保障\n"
                   "摆上重要议程 | ● Golden line | 年终总结可用\n"
                   "# Orphaned Marks\n"
                   "防汛抗旱工作的各项安排 | ● Doubt  #存疑 | 出处待查 | [_Re-attach to Selection]\n");

  jj_mark_store_remove (f->store, mark);
  settle ();
  g_assert_true (find_row (f, "坚持问题导向") == problems);
  g_assert_nonnull (row_header (problems));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_header (problems))), ==,
                   "二、突出重点，狠抓落实");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListStore) none = g_list_store_new (JJ_TYPE_MARK);
  GListModel *marks = jj_mark_store_get_marks (f->store);
  g_autofree char *choices = NULL;
  GtkWidget *page;

  assert_shown (f, ALL_QUOTES);

  /* Nothing matches. */
  search (f, "没有这句话");
  assert_shown (f, "");
  page = gtk_stack_get_visible_child (f->stack);
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Marks Found");
  search (f, "");
  assert_shown (f, ALL_QUOTES);

  /* No marks: the last removal empties the list. */
  while (g_list_model_get_n_items (marks) > 0)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (marks, 0);

      jj_mark_store_remove (f->store, mark);
      settle ();
    }
  assert_shown (f, "");
  page = gtk_stack_get_visible_child (f->stack);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Marks");
  choices = tag_choices (f);
  g_assert_cmpstr (choices, ==, "All Tags");

  /* And a new mark fills it again. */
  f->agenda = add_mark (f, "摆上重要议程", "golden", NULL, NULL);
  settle ();
  assert_shown (f, "摆上重要议程\n");

  /* A document without marks, then none at all (the window closing). */
  jj_marks_panel_set_marks (f->panel, G_LIST_MODEL (none));
  settle ();
  assert_shown (f, "");
  jj_marks_panel_set_marks (f->panel, NULL);
  settle ();
  assert_shown (f, "");
  g_clear_pointer (&choices, g_free);
  choices = tag_choices (f);
  g_assert_cmpstr (choices, ==, "All Tags");

  jj_marks_panel_set_marks (f->panel, marks);
  settle ();
  assert_shown (f, "摆上重要议程\n");
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  char *failure;

  gtk_test_accessible_assert_role (f->list_view, GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (f->list_view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Marks");
  gtk_test_accessible_assert_property (f->search_entry, GTK_ACCESSIBLE_PROPERTY_LABEL, "Search Marks");
  gtk_test_accessible_assert_property (f->kind_dropdown, GTK_ACCESSIBLE_PROPERTY_LABEL, "Filter by Kind");
  gtk_test_accessible_assert_property (f->tag_dropdown, GTK_ACCESSIBLE_PROPERTY_LABEL, "Filter by Tag");

  /* The check can fail. */
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->list_view),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, "Outline");
  g_assert_nonnull (failure);
  g_free (failure);
}

/* After a reload, only what it moved or orphaned; one button shows all. */
static void
test_attention (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *show_all = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (f->panel)));
       child != NULL && show_all == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      show_all = child;
  g_assert_nonnull (show_all);
  g_assert_false (gtk_widget_get_visible (show_all));

  jj_marks_panel_set_attention (f->panel, TRUE);
  settle ();
  assert_shown (f, "防汛抗旱工作的各项安排\n");
  g_assert_true (gtk_widget_get_visible (show_all));

  g_signal_emit_by_name (show_all, "clicked");
  settle ();
  assert_shown (f, ALL_QUOTES);
  g_assert_false (gtk_widget_get_visible (show_all));
}

#define N_MANY_MARKS 12000

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  ticks;
} Gaps;

/* Called as often as the main loop lets it: the longest wait between two
 * calls is the longest the window could not answer. */
static gboolean
gap_tick_cb (gpointer data)
{
  Gaps *gaps = data;
  gint64 now = g_get_monotonic_time ();

  gaps->longest = MAX (gaps->longest, now - gaps->last);
  gaps->ticks++;
  gaps->last = now;

  return G_SOURCE_CONTINUE;
}

/* The panel's list, not the one in a drop-down's popover. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  if (GTK_IS_DROP_DOWN (widget))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The quote and header of each row made, "# header" before its quote. */
static char *
made_rows (GtkWidget *list_view,
           guint     *n)
{
  GString *s = g_string_new (NULL);

  *n = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      GtkWidget *content;

      if (row == NULL || !GTK_IS_BOX (row))
        continue;
      (*n)++;
      content = gtk_widget_get_last_child (row);
      if (gtk_widget_get_first_child (row) != content)
        g_string_append_printf (s, "# %s\n", gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (row))));
      g_string_append_printf (s, "%s\n", gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (content))));
    }

  return g_string_free (s, FALSE);
}

/* A hostile or huge sidecar: 12,000 marks, in 120 sections, read by the
 * session in a thread as the window does. Their rows must not keep the
 * main loop from the user for long: only those on screen are made. */
static void
test_many_marks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-many-marks-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "speech.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) speech = g_string_new (NULL);
  g_autoptr(JjMarkStore) store = NULL;
  g_autoptr(JjMarkSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  JjMarksPanel *panel;
  GtkWidget *list_view;
  g_autofree char *rows = NULL;
  guint n_rows;
  Gaps gaps = { 0, 0, 0 };
  gint64 started, arrived, deadline;
  guint tick;
  guint offset = 0;

  for (guint i = 0; i < N_MANY_MARKS; i++)
    g_string_append_printf (speech, "第%05u段基层治理工作要抓实抓细，落到实处。\n", i);
  g_assert_true (g_file_set_contents (path, speech->str, speech->len, NULL));

  /* Each paragraph: a mark on its first eight characters. */
  store = jj_mark_store_new (file);
  g_assert_true (jj_mark_store_load (store, speech->str, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_MANY_MARKS; i++)
    {
      g_autofree char *section = g_strdup_printf ("第%u部分", i / 100 + 1);

      g_assert_nonnull (jj_mark_store_add_range (store, offset, offset + 8,
                                                 jj_mark_kind_get_nth (i % jj_mark_kind_get_n_kinds ())->key,
                                                 section));
      offset += g_utf8_strlen ("第00000段基层治理工作要抓实抓细，落到实处。\n", -1);
    }
  g_assert_true (jj_mark_store_save (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 360, 900);
  panel = JJ_MARKS_PANEL (jj_marks_panel_new ());
  gtk_window_set_child (window, GTK_WIDGET (panel));
  session = jj_mark_session_new (file, NULL, "tester");
  jj_marks_panel_set_marks (panel, jj_mark_session_get_marks (session));
  gtk_window_present (window);
  settle ();

  tick = g_timeout_add_full (G_PRIORITY_HIGH, 2, gap_tick_cb, &gaps, NULL);
  started = gaps.last = g_get_monotonic_time ();
  jj_mark_session_load_async (session, speech->str, NULL, NULL, NULL, NULL);
  deadline = started + 100 * G_USEC_PER_SEC;
  while (!jj_mark_session_get_loaded (session) || jj_marks_panel_get_n_shown (panel) < N_MANY_MARKS)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  arrived = g_get_monotonic_time ();
  /* The frames that lay the rows out come after: half a second in which
   * the main loop answered often, so that no gap is still open. */
  gaps.ticks = 0;
  while (g_get_monotonic_time () < arrived + G_USEC_PER_SEC / 2 || gaps.ticks < 20)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);

  g_test_message ("%u marks arrived after %.0f ms; longest main-loop gap %.0f ms",
                  N_MANY_MARKS, (arrived - started) / 1000.0, gaps.longest / 1000.0);
  g_assert_cmpuint (jj_marks_panel_get_n_shown (panel), ==, N_MANY_MARKS);
  g_assert_cmpint (gaps.longest, <, 500 * 1000);

  /* Rows for the top of the list only, the first under its section. */
  list_view = find_list_view (GTK_WIDGET (panel));
  g_assert_nonnull (list_view);
  rows = made_rows (list_view, &n_rows);
  g_test_message ("%u rows made", n_rows);
  g_assert_cmpuint (n_rows, >, 5);
  g_assert_cmpuint (n_rows, <, 500);
  g_assert_true (g_str_has_prefix (rows, "# 第1部分\n第00000段基\n第00001段基\n"));

  /* Far down, the rows made as they come into view say the same. */
  g_assert_true (gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", 11950));
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_clear_pointer (&rows, g_free);
  rows = made_rows (list_view, &n_rows);
  g_assert_cmpuint (n_rows, <, 500);
  g_test_message ("%u rows made after scrolling", n_rows);
  g_assert_nonnull (strstr (rows, "第11899段基\n# 第120部分\n第11900段基\n"));
  g_assert_nonnull (strstr (rows, "第11950段基\n"));
  g_assert_null (strstr (rows, "第06000段基\n"));

  gtk_window_destroy (window);
  settle ();
  jj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  char *home = jj_test_ui_init (&argc, &argv);

  if (home == NULL)
    return 0;

#define ADD(path, func) \
  g_test_add ("/marks-panel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("grouped", test_grouped);
  ADD ("no-section", test_no_section);
  ADD ("filter-kind", test_filter_kind);
  ADD ("filter-tag", test_filter_tag);
  ADD ("filter-author", test_filter_author);
  ADD ("search", test_search);
  ADD ("combined", test_combined);
  ADD ("activate", test_activate);
  ADD ("keyboard", test_keyboard);
  ADD ("reattach", test_reattach);
  ADD ("follows-store", test_follows_store);
  ADD ("header-moves", test_header_moves);
  ADD ("empty", test_empty);
  ADD ("accessible", test_accessible);
  ADD ("attention", test_attention);
  g_test_add_func ("/marks-panel/many-marks", test_many_marks);

#undef ADD

  return jj_test_ui_run (home);
}
