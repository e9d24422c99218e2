/* jj-text-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-encoding.h"
#include "jj-text-map.h"

typedef struct
{
  guint out;
  guint in;
  guint copied;
} Point;

struct _JjTextMap
{
  GArray *points;
};

struct _JjTextBuilder
{
  GString *out;
  guint    length;
  GArray  *points;
};

/* g_utf8_strlen() for a piece of valid UTF-8, as every text an import
 * builds is: each step counts every character it copies, so the bytes
 * that start one are counted eight at a time. Like g_utf8_strlen(), a NUL
 * or a cut character at the end stops the count.
 */
static guint
count_chars (const char *text,
             gsize       n_bytes)
{
  return jj_encoding_count_chars (text, n_bytes);
}

static JjTextMap *
jj_text_map_new_take (GArray *points)
{
  JjTextMap *self = g_new0 (JjTextMap, 1);

  self->points = points;

  return self;
}

JjTextMap *
jj_text_map_new_identity (void)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (Point));
  Point p = { 0, 0, TRUE };

  g_array_append_val (points, p);

  return jj_text_map_new_take (points);
}

void
jj_text_map_free (JjTextMap *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->points);
  g_free (self);
}

guint
jj_text_map_get_n_points (const JjTextMap *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

/* The last point whose output offset is <= @offset, searched for in
 * [lo, hi), or @lo when there is none.
 */
static guint
find_point (const Point *points,
            guint        lo,
            guint        hi,
            guint        offset)
{
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid].out <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static guint
map_through (const Point *point,
             guint        offset,
             gboolean    *copied)
{
  if (point->out > offset)
    return point->in;

  if (copied != NULL)
    *copied = point->copied;

  if (point->copied)
    return point->in + (offset - point->out);

  return point->in;
}

guint
jj_text_map_lookup (const JjTextMap *self,
                    guint            offset,
                    gboolean        *copied)
{
  const Point *points;

  g_return_val_if_fail (self != NULL, offset);

  if (copied != NULL)
    *copied = TRUE;

  if (self->points->len == 0)
    return offset;

  points = (const Point *)(gpointer)self->points->data;

  return map_through (&points[find_point (points, 0, self->points->len, offset)], offset, copied);
}

/**
 * jj_text_map_lookup_from:
 * @hint: (inout): the point to start from, 0 at first
 *
 * @span: (out) (optional): how many offsets from @offset on map to as many
 *   consecutive ones (1 when @offset is not copied)
 *
 * Like jj_text_map_lookup(), from the point where the previous lookup
 * ended: offsets looked up in increasing order cost O(1) each rather than
 * a binary search each.
 */
guint
jj_text_map_lookup_from (const JjTextMap *self,
                         guint            offset,
                         guint           *hint,
                         gboolean        *copied,
                         guint           *span)
{
  const Point *points;
  guint n;
  guint lo;

  g_return_val_if_fail (self != NULL, offset);
  g_return_val_if_fail (hint != NULL, offset);

  if (copied != NULL)
    *copied = TRUE;
  if (span != NULL)
    *span = 1;

  n = self->points->len;
  if (n == 0)
    {
      if (span != NULL)
        *span = G_MAXUINT;
      return offset;
    }

  points = (const Point *)(gpointer)self->points->data;
  lo = MIN (*hint, n - 1);
  if (points[lo].out > offset)
    lo = find_point (points, 0, lo + 1, offset);
  else
    for (guint steps = 0; lo + 1 < n && points[lo + 1].out <= offset; steps++)
      {
        if (steps == 8)
          {
            lo = find_point (points, lo, n, offset);
            break;
          }
        lo++;
      }
  *hint = lo;

  if (span != NULL && points[lo].copied && points[lo].out <= offset)
    *span = lo + 1 < n ? points[lo + 1].out - offset : G_MAXUINT - offset;

  return map_through (&points[lo], offset, copied);
}

JjTextBuilder *
jj_text_builder_new (gsize reserve)
{
  JjTextBuilder *self = g_new0 (JjTextBuilder, 1);

  self->out = g_string_sized_new (reserve + 1);
  self->points = g_array_new (FALSE, FALSE, sizeof (Point));

  return self;
}

void
jj_text_builder_free (JjTextBuilder *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_array_unref (self->points);
  g_free (self);
}

static void
add_point (JjTextBuilder *self,
           guint          in,
           gboolean       copied)
{
  if (self->points->len > 0)
    {
      Point *last = &g_array_index (self->points, Point, self->points->len - 1);

      if (last->out == self->length)
        {
          /* nothing was emitted since the last point: replace it */
          last->in = in;
          last->copied = copied;
          if (self->points->len > 1)
            {
              Point *prev = &g_array_index (self->points, Point, self->points->len - 2);

              if (prev->copied && copied && prev->in + (self->length - prev->out) == in)
                g_array_set_size (self->points, self->points->len - 1);
            }
          return;
        }

      if (last->copied && copied && last->in + (self->length - last->out) == in)
        return;
    }

  {
    Point p = { self->length, in, copied };
    g_array_append_val (self->points, p);
  }
}

void
jj_text_builder_copy (JjTextBuilder *self,
                      const char    *text,
                      gsize          n_bytes,
                      guint          source_offset)
{
  g_return_if_fail (self != NULL);

  if (n_bytes == 0)
    return;

  add_point (self, source_offset, TRUE);
  g_string_append_len (self->out, text, n_bytes);
  self->length += count_chars (text, n_bytes);
}

void
jj_text_builder_insert (JjTextBuilder *self,
                        const char    *text,
                        gssize         n_bytes,
                        guint          source_offset)
{
  g_return_if_fail (self != NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);
  if (n_bytes == 0)
    return;

  add_point (self, source_offset, FALSE);
  g_string_append_len (self->out, text, n_bytes);
  self->length += count_chars (text, n_bytes);
}

guint
jj_text_builder_get_length (JjTextBuilder *self)
{
  return self->length;
}

gsize
jj_text_builder_get_n_bytes (JjTextBuilder *self)
{
  return self->out->len;
}

const char *
jj_text_builder_peek (JjTextBuilder *self)
{
  return self->out->str;
}

char *
jj_text_builder_finish (JjTextBuilder  *self,
                        gsize          *n_bytes,
                        JjTextMap     **map)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (n_bytes != NULL)
    *n_bytes = self->out->len;

  /* a point at the end keeps lookups of the end offset meaningful */
  if (map != NULL)
    *map = jj_text_map_new_take (g_steal_pointer (&self->points));

  text = g_string_free (g_steal_pointer (&self->out), FALSE);
  if (self->points != NULL)
    g_array_unref (self->points);
  g_free (self);

  return text;
}
