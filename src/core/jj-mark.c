/* jj-mark.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-mark-kind.h"
#include "jj-mark-private.h"

struct _JjMark
{
  GObject       parent_instance;

  char         *id;
  char         *kind;
  char         *color;
  char        **tags;
  char         *note;
  char         *author;
  GDateTime    *created;
  GDateTime    *modified;
  guint         start;
  guint         end;
  char         *quote;
  char         *prefix;
  char         *suffix;
  char         *section;
  JjMarkStatus  status;
  gboolean      deleted;
  xmlNode      *extra;
  char         *orphaned_in;
};

G_DEFINE_FINAL_TYPE (JjMark, jj_mark, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (JjMarkStatus, jj_mark_status,
  G_DEFINE_ENUM_VALUE (JJ_MARK_STATUS_PLACED, "placed"),
  G_DEFINE_ENUM_VALUE (JJ_MARK_STATUS_MOVED, "moved"),
  G_DEFINE_ENUM_VALUE (JJ_MARK_STATUS_ORPHAN, "orphan"))

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_COLOR,
  PROP_TAGS,
  PROP_NOTE,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_SECTION,
  PROP_STATUS,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
replace_str (char       **field,
             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* 16 lower-case hex digits, as jj_anchor_text_get_digest() gives. */
static gboolean
is_digest (const char *text)
{
  gsize n = 0;

  if (text == NULL)
    return FALSE;
  for (; text[n] != '\0'; n++)
    if (!g_ascii_isdigit (text[n]) && !(text[n] >= 'a' && text[n] <= 'f'))
      return FALSE;

  return n == 16;
}

static void
jj_mark_finalize (GObject *object)
{
  JjMark *self = (JjMark *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->extra, xmlFreeNode);
  g_clear_pointer (&self->orphaned_in, g_free);

  G_OBJECT_CLASS (jj_mark_parent_class)->finalize (object);
}

static void
jj_mark_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JjMark *self = JJ_MARK (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_COLOR: g_value_set_string (value, jj_mark_get_color (self)); break;
    case PROP_TAGS: g_value_set_boxed (value, self->tags); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_CREATED: g_value_set_boxed (value, self->created); break;
    case PROP_MODIFIED: g_value_set_boxed (value, self->modified); break;
    case PROP_START: g_value_set_uint (value, self->start); break;
    case PROP_END: g_value_set_uint (value, self->end); break;
    case PROP_QUOTE: g_value_set_string (value, self->quote); break;
    case PROP_PREFIX: g_value_set_string (value, self->prefix); break;
    case PROP_SUFFIX: g_value_set_string (value, self->suffix); break;
    case PROP_SECTION: g_value_set_string (value, self->section); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_DELETED: g_value_set_boolean (value, self->deleted); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_mark_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JjMark *self = JJ_MARK (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (g_value_get_string (value) != NULL)
        replace_str (&self->id, g_value_get_string (value));
      break;
    case PROP_KIND: jj_mark_set_kind (self, g_value_get_string (value)); break;
    case PROP_COLOR: jj_mark_set_color (self, g_value_get_string (value)); break;
    case PROP_TAGS: jj_mark_set_tags (self, g_value_get_boxed (value)); break;
    case PROP_NOTE: jj_mark_set_note (self, g_value_get_string (value)); break;
    case PROP_AUTHOR: jj_mark_set_author (self, g_value_get_string (value)); break;
    case PROP_CREATED: jj_mark_set_created (self, g_value_get_boxed (value)); break;
    case PROP_MODIFIED: jj_mark_set_modified (self, g_value_get_boxed (value)); break;
    case PROP_START: jj_mark_set_range (self, g_value_get_uint (value), MAX (self->end, g_value_get_uint (value))); break;
    case PROP_END: jj_mark_set_range (self, MIN (self->start, g_value_get_uint (value)), g_value_get_uint (value)); break;
    case PROP_QUOTE: jj_mark_set_quote (self, g_value_get_string (value)); break;
    case PROP_PREFIX: jj_mark_set_context (self, g_value_get_string (value), self->suffix); break;
    case PROP_SUFFIX: jj_mark_set_context (self, self->prefix, g_value_get_string (value)); break;
    case PROP_SECTION: jj_mark_set_section (self, g_value_get_string (value)); break;
    case PROP_STATUS: jj_mark_set_status (self, g_value_get_enum (value)); break;
    case PROP_DELETED: jj_mark_set_deleted (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
jj_mark_class_init (JjMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jj_mark_finalize;
  object_class->get_property = jj_mark_get_property;
  object_class->set_property = jj_mark_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = string_property ("kind");
  properties[PROP_COLOR] = string_property ("color");
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NOTE] = string_property ("note");
  properties[PROP_AUTHOR] = string_property ("author");
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_QUOTE] = string_property ("quote");
  properties[PROP_PREFIX] = string_property ("prefix");
  properties[PROP_SUFFIX] = string_property ("suffix");
  properties[PROP_SECTION] = string_property ("section");
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, JJ_TYPE_MARK_STATUS, JJ_MARK_STATUS_PLACED, flags);
  properties[PROP_DELETED] = g_param_spec_boolean ("deleted", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jj_mark_init (JjMark *self)
{
  self->kind = g_strdup ("borrow");
  self->tags = g_new0 (char *, 1);
  self->note = g_strdup ("");
  self->author = g_strdup ("");
  self->quote = g_strdup ("");
  self->prefix = g_strdup ("");
  self->suffix = g_strdup ("");
  self->section = g_strdup ("");
}

static void
jj_mark_constructed (JjMark *self)
{
  if (self->id == NULL)
    self->id = g_uuid_string_random ();
  if (self->created == NULL)
    self->created = g_date_time_new_now_utc ();
  if (self->modified == NULL)
    self->modified = g_date_time_ref (self->created);
}

/**
 * jj_mark_new:
 * @kind: a key of jj-mark-kind.h
 *
 * Returns: (transfer full): a mark with a new random id, created now
 */
JjMark *
jj_mark_new (const char *kind)
{
  JjMark *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (JJ_TYPE_MARK, "kind", kind, NULL);
  jj_mark_constructed (self);

  return self;
}

JjMark *
jj_mark_new_with_id (const char *id)
{
  JjMark *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (JJ_TYPE_MARK, "id", id, NULL);
  jj_mark_constructed (self);

  return self;
}

const char *
jj_mark_get_id (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->id;
}

static void
set_string (JjMark     *self,
            char      **field,
            const char *value,
            guint       prop)
{
  if (value == NULL)
    value = "";
  if (replace_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
jj_mark_get_kind (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->kind;
}

void
jj_mark_set_kind (JjMark     *self,
                  const char *kind)
{
  g_return_if_fail (JJ_IS_MARK (self));
  g_return_if_fail (kind != NULL && *kind != '\0');

  set_string (self, &self->kind, kind, PROP_KIND);
}

/* Without a colour of its own, a mark has the colour of its kind. */
const char *
jj_mark_get_color (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  if (self->color != NULL)
    return self->color;

  return jj_mark_kind_get_color (self->kind);
}

/**
 * jj_mark_color_parse:
 * @text: "#rgb" or "#rrggbb", in hex digits of either case
 *
 * Returns: (transfer full) (nullable): the colour as "#rrggbb" in lower
 *   case, or %NULL when @text is not one
 */
char *
jj_mark_color_parse (const char *text)
{
  gsize n;

  if (text == NULL || text[0] != '#')
    return NULL;

  n = strlen (text + 1);
  if (n != 3 && n != 6)
    return NULL;
  for (gsize i = 1; i <= n; i++)
    if (!g_ascii_isxdigit (text[i]))
      return NULL;

  if (n == 3)
    return g_ascii_strdown ((char[]) { '#', text[1], text[1], text[2], text[2], text[3], text[3], '\0' }, -1);

  return g_ascii_strdown (text, -1);
}

/**
 * jj_mark_set_color:
 * @color: (nullable): "#rgb" or "#rrggbb"; %NULL or "" to follow the kind
 *
 * Returns: %FALSE, leaving the colour as it was, when @color is not a
 *   colour (jj_mark_color_parse())
 */
gboolean
jj_mark_set_color (JjMark     *self,
                   const char *color)
{
  g_autofree char *parsed = NULL;

  g_return_val_if_fail (JJ_IS_MARK (self), FALSE);

  if (color != NULL && *color != '\0')
    {
      parsed = jj_mark_color_parse (color);
      if (parsed == NULL)
        return FALSE;
    }
  if (replace_str (&self->color, parsed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);

  return TRUE;
}

/* The colour set on the mark itself, NULL when it follows its kind. */
const char *
jj_mark_get_own_color (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->color;
}

const char * const *
jj_mark_get_tags (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return (const char * const *)self->tags;
}

void
jj_mark_set_tags (JjMark             *self,
                  const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_if_fail (JJ_IS_MARK (self));

  if (tags == NULL && self->tags[0] == NULL)
    return;
  if (tags != NULL && g_strv_equal ((const char * const *)self->tags, tags))
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      if (*tag != '\0')
        g_strv_builder_add (builder, tag);
    }

  g_strfreev (self->tags);
  self->tags = g_strv_builder_end (builder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
jj_mark_has_tag (JjMark     *self,
                 const char *tag)
{
  g_return_val_if_fail (JJ_IS_MARK (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  return g_strv_contains ((const char * const *)self->tags, tag);
}

void
jj_mark_add_tag (JjMark     *self,
                 const char *tag)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;

  g_return_if_fail (JJ_IS_MARK (self));
  g_return_if_fail (tag != NULL);

  if (jj_mark_has_tag (self, tag))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **)self->tags);
  g_strv_builder_add (builder, tag);
  tags = g_strv_builder_end (builder);
  jj_mark_set_tags (self, (const char * const *)tags);
}

const char *
jj_mark_get_note (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->note;
}

void
jj_mark_set_note (JjMark     *self,
                  const char *note)
{
  g_return_if_fail (JJ_IS_MARK (self));

  set_string (self, &self->note, note, PROP_NOTE);
}

const char *
jj_mark_get_author (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->author;
}

void
jj_mark_set_author (JjMark     *self,
                    const char *author)
{
  g_return_if_fail (JJ_IS_MARK (self));

  set_string (self, &self->author, author, PROP_AUTHOR);
}

static void
set_time (JjMark     *self,
          GDateTime **field,
          GDateTime  *value,
          guint       prop)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_if_fail (value != NULL);

  utc = g_date_time_to_utc (value);
  if (*field != NULL && g_date_time_equal (*field, utc))
    return;

  g_clear_pointer (field, g_date_time_unref);
  *field = g_steal_pointer (&utc);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

GDateTime *
jj_mark_get_created (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->created;
}

void
jj_mark_set_created (JjMark    *self,
                     GDateTime *created)
{
  g_return_if_fail (JJ_IS_MARK (self));

  set_time (self, &self->created, created, PROP_CREATED);
}

GDateTime *
jj_mark_get_modified (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->modified;
}

void
jj_mark_set_modified (JjMark    *self,
                      GDateTime *modified)
{
  g_return_if_fail (JJ_IS_MARK (self));

  set_time (self, &self->modified, modified, PROP_MODIFIED);
}

/* Marks the mark as changed now. Two changes within the same microsecond
 * still order, so that merges keep the later one.
 */
void
jj_mark_touch (JjMark *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (JJ_IS_MARK (self));

  now = g_date_time_new_now_utc ();
  if (self->modified != NULL && g_date_time_compare (now, self->modified) <= 0)
    {
      g_date_time_unref (now);
      now = g_date_time_add (self->modified, 1);
    }
  jj_mark_set_modified (self, now);
}

int
jj_mark_compare_modified (JjMark *a,
                          JjMark *b)
{
  g_return_val_if_fail (JJ_IS_MARK (a), 0);
  g_return_val_if_fail (JJ_IS_MARK (b), 0);

  return g_date_time_compare (a->modified, b->modified);
}

guint
jj_mark_get_start (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), 0);

  return self->start;
}

guint
jj_mark_get_end (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), 0);

  return self->end;
}

void
jj_mark_set_range (JjMark *self,
                   guint   start,
                   guint   end)
{
  g_return_if_fail (JJ_IS_MARK (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Context is JJ_MARK_CONTEXT_LENGTH characters at most, whatever a marks
 * file holds: it is compared by edit distance, quadratic in its length.
 * The prefix keeps its end, the suffix its start. Returns NULL when
 * @text needs no cut.
 */
static char *
clamp_context (const char *text,
               gboolean    keep_end)
{
  const char *p;
  guint n = 0;

  if (text == NULL)
    return NULL;

  if (keep_end)
    {
      p = text + strlen (text);
      while (p > text && n < JJ_MARK_CONTEXT_LENGTH)
        {
          p = g_utf8_find_prev_char (text, p);
          if (p == NULL)
            return NULL;
          n++;
        }
      return p > text ? g_strdup (p) : NULL;
    }

  for (p = text; *p != '\0' && n < JJ_MARK_CONTEXT_LENGTH; n++)
    p = g_utf8_next_char (p);

  return *p != '\0' ? g_strndup (text, p - text) : NULL;
}

static void
clamp_field (char     **field,
             gboolean   keep_end)
{
  char *cut = clamp_context (*field, keep_end);

  if (cut != NULL)
    {
      g_free (*field);
      *field = cut;
    }
}

const char *
jj_mark_get_quote (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->quote;
}

void
jj_mark_set_quote (JjMark     *self,
                   const char *quote)
{
  g_return_if_fail (JJ_IS_MARK (self));

  if (g_strcmp0 (self->quote, quote != NULL ? quote : "") != 0)
    g_clear_pointer (&self->orphaned_in, g_free);
  set_string (self, &self->quote, quote, PROP_QUOTE);
}

const char *
jj_mark_get_prefix (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->prefix;
}

const char *
jj_mark_get_suffix (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->suffix;
}

void
jj_mark_set_context (JjMark     *self,
                     const char *prefix,
                     const char *suffix)
{
  g_autofree char *short_prefix = clamp_context (prefix, TRUE);
  g_autofree char *short_suffix = clamp_context (suffix, FALSE);

  g_return_if_fail (JJ_IS_MARK (self));

  if (short_prefix != NULL)
    prefix = short_prefix;
  if (short_suffix != NULL)
    suffix = short_suffix;
  if (g_strcmp0 (self->prefix, prefix != NULL ? prefix : "") != 0 ||
      g_strcmp0 (self->suffix, suffix != NULL ? suffix : "") != 0)
    g_clear_pointer (&self->orphaned_in, g_free);
  set_string (self, &self->prefix, prefix, PROP_PREFIX);
  set_string (self, &self->suffix, suffix, PROP_SUFFIX);
}

/**
 * jj_mark_set_target_from_text:
 * @text: the display text (UTF-8)
 *
 * Sets the range, the quote and 32 characters of context on each side
 * from @text. Returns %FALSE when the range is not inside @text.
 */
gboolean
jj_mark_set_target_from_text (JjMark     *self,
                              const char *text,
                              guint       start,
                              guint       end)
{
  const char *p;
  const char *b;
  const char *e;
  const char *pb;
  const char *se;
  guint n;

  g_return_val_if_fail (JJ_IS_MARK (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (start > end)
    return FALSE;

  p = text;
  for (n = 0; n < start && *p != '\0'; n++)
    p = g_utf8_next_char (p);
  if (n < start)
    return FALSE;
  b = p;
  for (; n < end && *p != '\0'; n++)
    p = g_utf8_next_char (p);
  if (n < end)
    return FALSE;
  e = p;
  for (guint i = 0; i < JJ_MARK_CONTEXT_LENGTH && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  se = p;

  /* Walk back for the prefix: simpler than tracking it on the way. */
  pb = b;
  for (guint i = 0; i < JJ_MARK_CONTEXT_LENGTH && pb > text; i++)
    pb = g_utf8_prev_char (pb);

  {
    g_autofree char *quote = g_strndup (b, e - b);
    g_autofree char *prefix = g_strndup (pb, b - pb);
    g_autofree char *suffix = g_strndup (e, se - e);

    g_object_freeze_notify (G_OBJECT (self));
    jj_mark_set_range (self, start, end);
    jj_mark_set_quote (self, quote);
    jj_mark_set_context (self, prefix, suffix);
    g_object_thaw_notify (G_OBJECT (self));
  }

  return TRUE;
}

const char *
jj_mark_get_section (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), NULL);

  return self->section;
}

void
jj_mark_set_section (JjMark     *self,
                     const char *section)
{
  g_return_if_fail (JJ_IS_MARK (self));

  set_string (self, &self->section, section, PROP_SECTION);
}

JjMarkStatus
jj_mark_get_status (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), JJ_MARK_STATUS_PLACED);

  return self->status;
}

void
jj_mark_set_status (JjMark       *self,
                    JjMarkStatus  status)
{
  g_return_if_fail (JJ_IS_MARK (self));

  if (status != JJ_MARK_STATUS_ORPHAN)
    g_clear_pointer (&self->orphaned_in, g_free);
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

const char *
jj_mark_status_to_string (JjMarkStatus status)
{
  switch (status)
    {
    case JJ_MARK_STATUS_PLACED: return "placed";
    case JJ_MARK_STATUS_MOVED: return "moved";
    case JJ_MARK_STATUS_ORPHAN: return "orphan";
    default: return "placed";
    }
}

/* A deleted mark is a tombstone: it stays in the sidecar so that a copy
 * elsewhere, older than the deletion, does not bring it back.
 */
gboolean
jj_mark_get_deleted (JjMark *self)
{
  g_return_val_if_fail (JJ_IS_MARK (self), FALSE);

  return self->deleted;
}

void
jj_mark_set_deleted (JjMark   *self,
                     gboolean  deleted)
{
  g_return_if_fail (JJ_IS_MARK (self));

  deleted = !!deleted;
  if (self->deleted != deleted)
    {
      self->deleted = deleted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
    }
}

/* Copies everything but the id from @other, as when a newer copy of the
 * same mark arrives from disk; objects the UI holds stay valid.
 */
void
jj_mark_update_from (JjMark *self,
                     JjMark *other)
{
  g_return_if_fail (JJ_IS_MARK (self));
  g_return_if_fail (JJ_IS_MARK (other));

  g_object_freeze_notify (G_OBJECT (self));
  jj_mark_set_kind (self, other->kind);
  jj_mark_set_color (self, other->color);
  jj_mark_set_tags (self, (const char * const *)other->tags);
  jj_mark_set_note (self, other->note);
  jj_mark_set_author (self, other->author);
  jj_mark_set_created (self, other->created);
  jj_mark_set_modified (self, other->modified);
  jj_mark_set_range (self, other->start, other->end);
  jj_mark_set_quote (self, other->quote);
  jj_mark_set_context (self, other->prefix, other->suffix);
  jj_mark_set_section (self, other->section);
  jj_mark_set_status (self, other->status);
  jj_mark_set_deleted (self, other->deleted);
  _jj_mark_set_orphaned_in (self, other->orphaned_in);
  g_clear_pointer (&self->extra, xmlFreeNode);
  if (other->extra != NULL)
    self->extra = xmlCopyNode (other->extra, 1);
  g_object_thaw_notify (G_OBJECT (self));
}

#define TAKE(field) \
  G_STMT_START { \
    if (fields->field != NULL) \
      { \
        g_free (self->field); \
        self->field = g_steal_pointer (&fields->field); \
      } \
  } G_STMT_END

JjMark *
_jj_mark_new_from_fields (JjMarkFields *fields)
{
  JjMark *self = g_object_new (JJ_TYPE_MARK, NULL);

  TAKE (id);
  TAKE (kind);
  TAKE (color);
  TAKE (author);
  TAKE (note);
  TAKE (quote);
  TAKE (prefix);
  TAKE (suffix);
  TAKE (section);
  TAKE (orphaned_in);
  if (!is_digest (self->orphaned_in))
    g_clear_pointer (&self->orphaned_in, g_free);
  if (self->color != NULL)
    {
      /* A marks file may hold anything: a mark without a valid colour
       * follows its kind.
       */
      char *parsed = jj_mark_color_parse (self->color);

      g_free (self->color);
      self->color = parsed;
    }
  clamp_field (&self->prefix, TRUE);
  clamp_field (&self->suffix, FALSE);
  if (fields->tags != NULL)
    {
      g_strfreev (self->tags);
      self->tags = g_steal_pointer (&fields->tags);
    }
  self->created = g_steal_pointer (&fields->created);
  self->modified = g_steal_pointer (&fields->modified);
  self->start = fields->start;
  self->end = MAX (fields->start, fields->end);
  self->deleted = fields->deleted;
  jj_mark_constructed (self);

  return self;
}

#undef TAKE

void
_jj_mark_fields_clear (JjMarkFields *fields)
{
  g_free (fields->id);
  g_free (fields->kind);
  g_free (fields->color);
  g_free (fields->author);
  g_free (fields->note);
  g_free (fields->quote);
  g_free (fields->prefix);
  g_free (fields->suffix);
  g_free (fields->section);
  g_free (fields->orphaned_in);
  g_strfreev (fields->tags);
  g_clear_pointer (&fields->created, g_date_time_unref);
  g_clear_pointer (&fields->modified, g_date_time_unref);
  memset (fields, 0, sizeof *fields);
}

const char *
_jj_mark_get_orphaned_in (JjMark *self)
{
  return self->orphaned_in;
}

void
_jj_mark_set_orphaned_in (JjMark     *self,
                          const char *text_digest)
{
  replace_str (&self->orphaned_in, is_digest (text_digest) ? text_digest : NULL);
}

xmlNode *
_jj_mark_get_extra (JjMark *self)
{
  return self->extra;
}

void
_jj_mark_take_extra (JjMark  *self,
                     xmlNode *extra)
{
  g_clear_pointer (&self->extra, xmlFreeNode);
  self->extra = extra;
}
