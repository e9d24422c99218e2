/* jj-outline-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-outline-entry-private.h"

struct _JjOutlineEntry
{
  GObject         parent_instance;

  JjOutlineKind   kind;
  guint           level;
  char           *marker;
  char           *title;
  gboolean        marker_in_title;  /* one block: title, NUL, marker, NUL */
  guint           start;
  guint           title_end;
  guint           end;
  GPtrArray      *child_array;
  GListStore     *children;   /* made from child_array when first asked for */
  JjOutlineEntry *parent;   /* weak: the parent owns its children */
  GArray         *members;  /* start, end pairs of a parallel series */
};

G_DEFINE_ENUM_TYPE (JjOutlineKind, jj_outline_kind,
  G_DEFINE_ENUM_VALUE (JJ_OUTLINE_KIND_TITLE, "title"),
  G_DEFINE_ENUM_VALUE (JJ_OUTLINE_KIND_SALUTATION, "salutation"),
  G_DEFINE_ENUM_VALUE (JJ_OUTLINE_KIND_HEADING, "heading"),
  G_DEFINE_ENUM_VALUE (JJ_OUTLINE_KIND_ENUMERATOR, "enumerator"),
  G_DEFINE_ENUM_VALUE (JJ_OUTLINE_KIND_CLOSING, "closing"),
  G_DEFINE_ENUM_VALUE (JJ_OUTLINE_KIND_PARALLEL, "parallel"))

G_DEFINE_FINAL_TYPE (JjOutlineEntry, jj_outline_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_LEVEL,
  PROP_MARKER,
  PROP_TITLE,
  PROP_START,
  PROP_TITLE_END,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jj_outline_entry_finalize (GObject *object)
{
  JjOutlineEntry *self = (JjOutlineEntry *)object;

  if (self->marker_in_title)
    self->marker = NULL;
  g_clear_pointer (&self->marker, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->children);
  g_clear_pointer (&self->child_array, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_array_unref);

  G_OBJECT_CLASS (jj_outline_entry_parent_class)->finalize (object);
}

static void
jj_outline_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JjOutlineEntry *self = JJ_OUTLINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;

    case PROP_MARKER:
      g_value_set_string (value, self->marker);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_TITLE_END:
      g_value_set_uint (value, self->title_end);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_outline_entry_class_init (JjOutlineEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jj_outline_entry_finalize;
  object_class->get_property = jj_outline_entry_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       JJ_TYPE_OUTLINE_KIND, JJ_OUTLINE_KIND_HEADING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARKER] =
    g_param_spec_string ("marker", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_END] =
    g_param_spec_uint ("title-end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jj_outline_entry_init (JjOutlineEntry *self)
{
}

JjOutlineEntry *
jj_outline_entry_new (JjOutlineKind  kind,
                      guint          level,
                      const char    *marker,
                      const char    *title,
                      guint          start,
                      guint          title_end,
                      guint          end)
{
  JjOutlineEntry *self;

  g_return_val_if_fail (level >= 1, NULL);
  g_return_val_if_fail (start <= title_end && title_end <= end, NULL);

  self = g_object_new (JJ_TYPE_OUTLINE_ENTRY, NULL);
  self->kind = kind;
  self->level = level;
  self->marker = g_strdup (marker != NULL ? marker : "");
  self->title = g_strdup (title != NULL ? title : "");
  self->start = start;
  self->title_end = title_end;
  self->end = end;

  return self;
}

guint
jj_outline_entry_get_level (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), 0);

  return self->level;
}

JjOutlineKind
jj_outline_entry_get_kind (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), JJ_OUTLINE_KIND_HEADING);

  return self->kind;
}

const char *
jj_outline_entry_get_marker (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), NULL);

  return self->marker;
}

const char *
jj_outline_entry_get_title (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), NULL);

  return self->title;
}

guint
jj_outline_entry_get_start (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), 0);

  return self->start;
}

guint
jj_outline_entry_get_title_end (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), 0);

  return self->title_end;
}

guint
jj_outline_entry_get_end (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), 0);

  return self->end;
}

/* Returns: (transfer none) (nullable): the entries one level down. The
 * list is made when first asked for: a view opens few rows of a long
 * outline.
 */
GListModel *
jj_outline_entry_get_children (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), NULL);

  if (self->child_array == NULL)
    return NULL;
  if (self->children == NULL)
    {
      self->children = g_list_store_new (JJ_TYPE_OUTLINE_ENTRY);
      g_list_store_splice (self->children, 0, 0, self->child_array->pdata, self->child_array->len);
    }
  return G_LIST_MODEL (self->children);
}

/* Returns: (transfer none) (nullable) */
JjOutlineEntry *
jj_outline_entry_get_parent (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), NULL);

  return self->parent;
}

const char *
jj_outline_kind_to_string (JjOutlineKind kind)
{
  switch (kind)
    {
    case JJ_OUTLINE_KIND_TITLE:
      return "title";
    case JJ_OUTLINE_KIND_SALUTATION:
      return "salutation";
    case JJ_OUTLINE_KIND_HEADING:
      return "heading";
    case JJ_OUTLINE_KIND_ENUMERATOR:
      return "enumerator";
    case JJ_OUTLINE_KIND_CLOSING:
      return "closing";
    case JJ_OUTLINE_KIND_PARALLEL:
      return "parallel";
    default:
      g_return_val_if_reached ("heading");
    }
}

/**
 * jj_outline_entry_get_n_members:
 *
 * Returns: the number of sentences or paragraphs of a parallel series
 *   (%JJ_OUTLINE_KIND_PARALLEL), 0 for other entries
 */
guint
jj_outline_entry_get_n_members (JjOutlineEntry *self)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), 0);

  return self->members != NULL ? self->members->len / 2 : 0;
}

/**
 * jj_outline_entry_get_member:
 * @start: (out) (optional): where member @i starts, a code point offset
 * @end: (out) (optional): where it ends, exclusive
 *
 * Returns: %TRUE when @i is a member of the series
 */
gboolean
jj_outline_entry_get_member (JjOutlineEntry *self,
                             guint           i,
                             guint          *start,
                             guint          *end)
{
  g_return_val_if_fail (JJ_IS_OUTLINE_ENTRY (self), FALSE);

  if (i >= jj_outline_entry_get_n_members (self))
    return FALSE;
  if (start != NULL)
    *start = g_array_index (self->members, guint, 2 * i);
  if (end != NULL)
    *end = g_array_index (self->members, guint, 2 * i + 1);
  return TRUE;
}

void
_jj_outline_entry_set_level (JjOutlineEntry *self,
                             guint           level)
{
  g_assert (JJ_IS_OUTLINE_ENTRY (self));
  g_assert (level >= 1);

  self->level = level;
}

void
_jj_outline_entry_add_member (JjOutlineEntry *self,
                              guint           start,
                              guint           end)
{
  guint range[2] = { start, end };

  g_assert (JJ_IS_OUTLINE_ENTRY (self));
  g_assert (start < end);

  if (self->members == NULL)
    self->members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (self->members, range, 2);
}

void
_jj_outline_entry_set_end (JjOutlineEntry *self,
                           guint           end)
{
  g_assert (JJ_IS_OUTLINE_ENTRY (self));
  g_assert (end >= self->title_end);

  self->end = end;
}

/* Takes @marker and @title: the detector builds thousands of entries */
JjOutlineEntry *
_jj_outline_entry_new_take (JjOutlineKind  kind,
                            guint          level,
                            char          *marker,
                            char          *title,
                            guint          start,
                            guint          title_end,
                            guint          end)
{
  JjOutlineEntry *self;

  g_assert (level >= 1);
  g_assert (start <= title_end && title_end <= end);
  g_assert (marker != NULL && title != NULL);

  self = g_object_new (JJ_TYPE_OUTLINE_ENTRY, NULL);
  self->kind = kind;
  self->level = level;
  self->marker = marker;
  self->title = title;
  self->start = start;
  self->title_end = title_end;
  self->end = end;

  return self;
}

/* Takes @block: the title, a NUL, then the marker and a NUL */
JjOutlineEntry *
_jj_outline_entry_new_block (JjOutlineKind  kind,
                             guint          level,
                             char          *block,
                             guint          start,
                             guint          title_end,
                             guint          end)
{
  JjOutlineEntry *self = _jj_outline_entry_new_take (kind, level, block, block,
                                                     start, title_end, end);

  self->marker = block + strlen (block) + 1;
  self->marker_in_title = TRUE;
  return self;
}

void
_jj_outline_entry_set_children (JjOutlineEntry  *self,
                                JjOutlineEntry **children,
                                guint            n)
{
  g_assert (JJ_IS_OUTLINE_ENTRY (self));

  for (guint i = 0; i < n; i++)
    _jj_outline_entry_add_child (self, children[i]);
}

void
_jj_outline_entry_add_child (JjOutlineEntry *self,
                             JjOutlineEntry *child)
{
  g_assert (JJ_IS_OUTLINE_ENTRY (self));
  g_assert (JJ_IS_OUTLINE_ENTRY (child));

  if (self->child_array == NULL)
    self->child_array = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->child_array, g_object_ref (child));
  if (self->children != NULL)
    g_list_store_append (self->children, child);
  child->parent = self;
}

guint
_jj_outline_entry_get_n_children (JjOutlineEntry *self)
{
  return self->child_array != NULL ? self->child_array->len : 0;
}

JjOutlineEntry *
_jj_outline_entry_get_child (JjOutlineEntry *self,
                             guint           i)
{
  return g_ptr_array_index (self->child_array, i);
}
