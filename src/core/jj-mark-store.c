/* jj-mark-store.c
 *
 * The store is the truth for one open document; the sidecar on disk is
 * merged into it whenever it changed behind our back (another window, a
 * sync tool), before every write, and from sync-conflict copies on load.
 * Merging is by mark id: the newest modification wins and deletions are
 * tombstones, so nothing is lost and nothing deleted comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>

#include "jj-anchor.h"
#include "jj-atomic-file.h"
#include "jj-mark-store.h"
#include "jj-sidecar.h"

#define DEFAULT_SAVE_DELAY 1000

struct _JjMarkStore
{
  GObject       parent_instance;

  GFile        *document_file;
  char         *fingerprint;
  JjAnchorText *text;

  GListStore   *live;          /* JjMark, document order */
  GHashTable   *by_id;         /* id → JjMark, tombstones included */
  JjSidecar    *kept;          /* what was read that we do not understand */

  char         *path;          /* of the sidecar */
  gboolean      fallback;
  char         *notice;
  GPtrArray    *conflicts;     /* copies merged, removed after a save */

  gboolean      on_disk;       /* what we last read or wrote */
  GStatBuf      disk_stat;

  GFileMonitor *monitor;
  guint         save_source;
  guint         check_source;
  guint         save_delay;
  gboolean      dirty;
  gboolean      loaded;
  gboolean      disposed;
};

G_DEFINE_FINAL_TYPE (JjMarkStore, jj_mark_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRTY,
  PROP_SAVE_DELAY,
  PROP_SIDECAR,
  PROP_FALLBACK,
  PROP_NOTICE,
  N_PROPS
};

enum {
  SAVED,
  SAVE_FAILED,
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
jj_mark_store_dispose (GObject *object)
{
  JjMarkStore *self = (JjMarkStore *)object;

  /* Changes are never left behind, even when the owner forgot flush(). */
  if (self->dirty && self->loaded && !self->disposed)
    {
      self->disposed = TRUE;
      jj_mark_store_save (self, NULL);
    }
  self->disposed = TRUE;

  /* A monitor may still deliver an event queued before it was cancelled. */
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->check_source, g_source_remove);

  G_OBJECT_CLASS (jj_mark_store_parent_class)->dispose (object);
}

static void
jj_mark_store_finalize (GObject *object)
{
  JjMarkStore *self = (JjMarkStore *)object;

  g_clear_object (&self->document_file);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->text, jj_anchor_text_free);
  g_clear_object (&self->live);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->kept, jj_sidecar_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (jj_mark_store_parent_class)->finalize (object);
}

static void
jj_mark_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JjMarkStore *self = JJ_MARK_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_SAVE_DELAY:
      g_value_set_uint (value, self->save_delay);
      break;
    case PROP_SIDECAR:
      g_value_take_object (value, jj_mark_store_get_sidecar (self));
      break;
    case PROP_FALLBACK:
      g_value_set_boolean (value, self->fallback);
      break;
    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_mark_store_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JjMarkStore *self = JJ_MARK_STORE (object);

  switch (prop_id)
    {
    case PROP_SAVE_DELAY:
      jj_mark_store_set_save_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jj_mark_store_class_init (JjMarkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jj_mark_store_dispose;
  object_class->finalize = jj_mark_store_finalize;
  object_class->get_property = jj_mark_store_get_property;
  object_class->set_property = jj_mark_store_set_property;

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_DELAY] =
    g_param_spec_uint ("save-delay", NULL, NULL, 0, G_MAXUINT, DEFAULT_SAVE_DELAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A new GFile on each read: compare with g_file_equal(). */
  properties[PROP_SIDECAR] =
    g_param_spec_object ("sidecar", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FALLBACK] =
    g_param_spec_boolean ("fallback", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jj_mark_store_init (JjMarkStore *self)
{
  self->live = g_list_store_new (JJ_TYPE_MARK);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->kept = jj_sidecar_new ();
  self->conflicts = g_ptr_array_new_with_free_func (g_free);
  self->save_delay = DEFAULT_SAVE_DELAY;
}

JjMarkStore *
jj_mark_store_new (GFile *document_file)
{
  JjMarkStore *self;

  g_return_val_if_fail (G_IS_FILE (document_file), NULL);

  self = g_object_new (JJ_TYPE_MARK_STORE, NULL);
  self->document_file = g_object_ref (document_file);

  return self;
}

static void
set_dirty (JjMarkStore *self,
           gboolean     dirty)
{
  if (self->dirty != dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
add_notice (JjMarkStore *self,
            const char  *message)
{
  char *notice;

  if (self->notice == NULL)
    notice = g_strdup (message);
  else
    notice = g_strconcat (self->notice, "\n", message, NULL);

  g_free (self->notice);
  self->notice = notice;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

static char *
dup_document_key (GFile *document_file)
{
  g_autofree char *path = g_file_get_path (document_file);
  g_autofree char *uri = NULL;

  if (path != NULL)
    return g_steal_pointer (&path);

  uri = g_file_get_uri (document_file);
  return g_steal_pointer (&uri);
}

/**
 * jj_mark_store_dup_fallback_path:
 *
 * Where the sidecar of @document_file goes when its folder cannot be
 * written: in the user's data folder, named by the SHA-256 of the
 * document's path and the start of its fingerprint.
 */
char *
jj_mark_store_dup_fallback_path (GFile      *document_file,
                                 const char *fingerprint)
{
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (document_file), NULL);

  key = dup_document_key (document_file);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  name = g_strdup_printf ("%s-%.16s" JJ_SIDECAR_SUFFIX, hash,
                          fingerprint != NULL && *fingerprint != '\0' ? fingerprint : "none");

  return g_build_filename (g_get_user_data_dir (), "jiejian", "sidecars", name, NULL);
}

/* The newest fallback sidecar of this document, whatever its fingerprint
 * was when it was written (the document may have changed since).
 */
static char *
find_fallback (GFile      *document_file,
               const char *fingerprint)
{
  g_autofree char *wanted = jj_mark_store_dup_fallback_path (document_file, fingerprint);
  g_autofree char *dir = g_path_get_dirname (wanted);
  g_autofree char *base = g_path_get_basename (wanted);
  g_autofree char *best = NULL;
  gint64 best_mtime = G_MININT64;
  const char *name;
  GDir *d;

  if (g_file_test (wanted, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&wanted);

  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return NULL;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (strncmp (name, base, 65) != 0 || !g_str_has_suffix (name, JJ_SIDECAR_SUFFIX))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) == 0 && (gint64)st.st_mtime > best_mtime)
        {
          best_mtime = st.st_mtime;
          g_free (best);
          best = g_steal_pointer (&path);
        }
    }
  g_dir_close (d);

  return g_steal_pointer (&best);
}

/**
 * jj_mark_store_is_conflict_copy:
 * @sidecar_name: the base name of the sidecar, `NAME.EXT.jiejian.xml`
 * @name: a file name in the same folder
 *
 * Whether @name is a copy a sync tool made of the sidecar when two
 * versions met: `NAME.EXT.jiejian.sync-conflict-DATE-ID.xml` (Syncthing),
 * `NAME.EXT.jiejian (… conflicted copy …).xml` (Dropbox, Nextcloud,
 * ownCloud), `NAME.EXT.jiejian_conflict-….xml`, `… (SFConflict ….xml`.
 */
gboolean
jj_mark_store_is_conflict_copy (const char *sidecar_name,
                                const char *name)
{
  g_autofree char *stem = NULL;
  g_autofree char *middle = NULL;
  gsize stem_len;
  gsize name_len;

  g_return_val_if_fail (sidecar_name != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_str_has_suffix (sidecar_name, ".xml") || g_str_equal (sidecar_name, name))
    return FALSE;

  stem_len = strlen (sidecar_name) - strlen (".xml");
  stem = g_strndup (sidecar_name, stem_len);
  name_len = strlen (name);

  if (!g_str_has_prefix (name, stem) || !g_str_has_suffix (name, ".xml") ||
      name_len <= stem_len + strlen (".xml"))
    return FALSE;

  middle = g_ascii_strdown (name + stem_len, name_len - stem_len - strlen (".xml"));
  if (middle[0] != '.' && middle[0] != ' ' && middle[0] != '_' && middle[0] != '-' && middle[0] != '~')
    return FALSE;

  return strstr (middle, "conflict") != NULL;
}

/* Document order; orphans after placed marks at the same offset. */
static int
compare_marks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  JjMark *ma = (JjMark *)a;
  JjMark *mb = (JjMark *)b;

  if (jj_mark_get_start (ma) != jj_mark_get_start (mb))
    return jj_mark_get_start (ma) < jj_mark_get_start (mb) ? -1 : 1;
  if (jj_mark_get_end (ma) != jj_mark_get_end (mb))
    return jj_mark_get_end (ma) < jj_mark_get_end (mb) ? -1 : 1;

  return g_strcmp0 (jj_mark_get_id (ma), jj_mark_get_id (mb));
}

static gboolean
live_find (JjMarkStore *self,
           JjMark      *mark,
           guint       *position)
{
  return g_list_store_find (self->live, mark, position);
}

static gboolean
quote_is_at (JjMarkStore *self,
             JjMark      *mark)
{
  const gunichar *chars = jj_anchor_text_get_chars (self->text);
  const char *quote = jj_mark_get_quote (mark);
  guint start = jj_mark_get_start (mark);
  guint end = jj_mark_get_end (mark);

  if (end > jj_anchor_text_get_length (self->text) || start >= end || quote == NULL)
    return FALSE;

  /* Compared in place: a load checks every mark. */
  for (guint i = start; i < end; i++)
    {
      gunichar ch = *quote != '\0' ? g_utf8_get_char_validated (quote, -1) : 0;

      if (ch == 0 || ch >= 0x110000 || ch != chars[i])
        return FALSE;
      quote = g_utf8_next_char (quote);
    }

  return *quote == '\0';
}

/* Returns whether the mark's position changed and must be saved. */
static gboolean
anchor_mark (JjMarkStore *self,
             JjMark      *mark,
             const char  *fingerprint,
             guint        old_length)
{
  if (self->text == NULL || jj_mark_get_deleted (mark))
    return FALSE;

  if (quote_is_at (self, mark))
    {
      jj_mark_set_status (mark, JJ_MARK_STATUS_PLACED);
      return FALSE;
    }

  if (g_strcmp0 (fingerprint, self->fingerprint) == 0)
    old_length = jj_anchor_text_get_length (self->text);

  return jj_anchor_mark (self->text, mark, old_length) == JJ_MARK_STATUS_MOVED;
}

/* Merges @incoming into the store; returns whether anything changed. */
static gboolean
merge (JjMarkStore *self,
       JjSidecar   *incoming,
       gboolean    *positions_changed)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  gboolean changed = FALSE;
  gboolean resort = FALSE;

  for (guint i = 0; i < incoming->marks->len; i++)
    {
      JjMark *theirs = g_ptr_array_index (incoming->marks, i);
      JjMark *ours = g_hash_table_lookup (self->by_id, jj_mark_get_id (theirs));
      int cmp;

      if (ours == NULL)
        {
          g_hash_table_insert (self->by_id, g_strdup (jj_mark_get_id (theirs)), g_object_ref (theirs));
          if (!jj_mark_get_deleted (theirs))
            {
              if (anchor_mark (self, theirs, incoming->fingerprint, incoming->length))
                *positions_changed = TRUE;
              g_ptr_array_add (added, theirs);
            }
          changed = TRUE;
          continue;
        }

      cmp = jj_mark_compare_modified (theirs, ours);
      if (cmp < 0)
        continue;
      if (cmp == 0 && (jj_mark_get_deleted (ours) || !jj_mark_get_deleted (theirs)))
        continue;

      {
        gboolean was_live = !jj_mark_get_deleted (ours);
        guint pos;

        jj_mark_update_from (ours, theirs);
        if (!jj_mark_get_deleted (ours) && anchor_mark (self, ours, incoming->fingerprint, incoming->length))
          *positions_changed = TRUE;

        if (was_live && jj_mark_get_deleted (ours))
          {
            if (live_find (self, ours, &pos))
              g_list_store_remove (self->live, pos);
          }
        else if (!was_live && !jj_mark_get_deleted (ours))
          g_list_store_insert_sorted (self->live, ours, compare_marks, NULL);
        else
          resort = TRUE;
      }
      changed = TRUE;
    }

  /* Many new marks (a load) go in at once: one change for the model. */
  if (added->len > 16)
    {
      g_list_store_splice (self->live, g_list_model_get_n_items (G_LIST_MODEL (self->live)), 0,
                           added->pdata, added->len);
      resort = TRUE;
    }
  else
    for (guint i = 0; i < added->len; i++)
      g_list_store_insert_sorted (self->live, g_ptr_array_index (added, i), compare_marks, NULL);

  if (resort)
    g_list_store_sort (self->live, compare_marks, NULL);

  if (incoming->speech != NULL && self->kept->speech == NULL)
    self->kept->speech = g_steal_pointer (&incoming->speech);

  if (incoming->extra != NULL && self->kept->extra == NULL)
    {
      self->kept->extra = incoming->extra;
      incoming->extra = NULL;
    }
  self->kept->version = MAX (self->kept->version, incoming->version);

  return changed;
}

/* What the sidecar was when we last read or wrote it. Another writer
 * either replaces the file (a new inode) or writes into it (a new change
 * time, which no program can set back), so the identity below is enough
 * to notice it without keeping or hashing the contents.
 */
static void
remember_disk (JjMarkStore *self)
{
  self->on_disk = g_stat (self->path, &self->disk_stat) == 0;
}

static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev &&
         a->st_ino == b->st_ino &&
         a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
         a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
         a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Whether the sidecar exists and is not what we last read or wrote. */
static gboolean
disk_changed (JjMarkStore *self)
{
  GStatBuf st;

  if (g_stat (self->path, &st) != 0)
    return FALSE;

  return !self->on_disk || !same_file (&st, &self->disk_stat);
}

static char *
dup_aside_path (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  char *aside = g_strdup_printf ("%s.unreadable-%s", path, stamp);

  /* Two in one second must not replace each other. */
  for (guint i = 2; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.unreadable-%s-%u", path, stamp, i);
    }

  return aside;
}

/* An unreadable sidecar is never overwritten: it is renamed with a time
 * stamp so the user (or a later version) can still recover it.
 */
static gboolean
set_aside (JjMarkStore *self,
           const char  *reason)
{
  g_autofree char *aside = dup_aside_path (self->path);
  g_autofree char *message = NULL;

  if (g_rename (self->path, aside) != 0)
    {
      message = g_strdup_printf (_("The marks file “%s” cannot be read (%s) and could not be set aside: %s."),
                                 self->path, reason, g_strerror (errno));
      add_notice (self, message);
      return FALSE;
    }

  message = g_strdup_printf (_("%s It was kept as “%s”."), reason, aside);
  add_notice (self, message);
  self->on_disk = FALSE;

  return TRUE;
}

static JjSidecar *
recover_from_backup (JjMarkStore *self)
{
  g_autofree char *backup = jj_atomic_file_dup_backup_path (self->path);
  g_autoptr(GError) error = NULL;
  JjSidecar *sidecar;

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      add_notice (self, _("There was no backup to restore marks from."));
      return NULL;
    }

  sidecar = jj_sidecar_load (backup, &error);
  if (sidecar == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The backup “%s” could not be read either (%s)."),
                                                  backup, error->message);
      add_notice (self, message);
      return NULL;
    }

  {
    g_autofree char *message = g_strdup_printf (_("The marks were restored from the backup “%s”."), backup);
    add_notice (self, message);
  }

  return sidecar;
}

static gboolean
is_stale_temporary (const char *sidecar_name,
                    const char *name)
{
  gsize n = strlen (sidecar_name);
  const char *rest;

  if (strncmp (name, sidecar_name, n) != 0 || name[n] != '.')
    return FALSE;

  rest = name + n + 1;

  /* JjAtomicFile's NAME.XXXXXX, and its NAME.bak.PID.tmp */
  if (strlen (rest) == 6)
    {
      for (guint i = 0; i < 6; i++)
        if (!g_ascii_isalnum (rest[i]))
          return FALSE;
      return TRUE;
    }

  return g_str_has_prefix (rest, "bak.") && g_str_has_suffix (rest, ".tmp");
}

/* A process killed while saving leaves its temporary file behind; once
 * it is old enough not to belong to a save in progress, it goes.
 */
static void
remove_stale_temporaries (JjMarkStore *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  GDir *d = g_dir_open (dir, 0, NULL);

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_stale_temporary (base, name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - (gint64)st.st_mtime > 600)
        g_unlink (path);
    }

  g_dir_close (d);
}

static void
merge_conflict_copies (JjMarkStore *self,
                       gboolean    *positions_changed)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  const char *name;
  GDir *d = g_dir_open (dir, 0, NULL);

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JjSidecar) copy = NULL;
      g_autoptr(GError) error = NULL;

      if (!jj_mark_store_is_conflict_copy (base, name))
        continue;

      path = g_build_filename (dir, name, NULL);
      copy = jj_sidecar_load (path, &error);
      if (copy == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The conflicting copy “%s” could not be read and was left alone (%s)."),
                                                      path, error->message);
          add_notice (self, message);
          continue;
        }

      merge (self, copy, positions_changed);
      g_ptr_array_add (self->conflicts, g_steal_pointer (&path));
    }

  g_dir_close (d);
}

/* Marks saved in the per-user location while the document's folder could
 * not be written are merged back once it can, like a conflict copy.
 */
static void
merge_fallback (JjMarkStore *self,
                gboolean    *positions_changed)
{
  g_autofree char *path = NULL;
  g_autoptr(JjSidecar) copy = NULL;

  if (self->fallback)
    return;
  path = find_fallback (self->document_file, self->fingerprint);
  if (path == NULL)
    return;
  copy = jj_sidecar_load (path, NULL);
  if (copy == NULL)
    return;

  merge (self, copy, positions_changed);
  g_ptr_array_add (self->conflicts, g_steal_pointer (&path));
}

static void
schedule_save (JjMarkStore *self);

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data);

static void
start_monitor (JjMarkStore *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self, 0);
}

static gboolean
folder_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (dir, W_OK) == 0;
}

static void
set_path (JjMarkStore *self,
          char        *path,
          gboolean     fallback)
{
  g_free (self->path);
  self->path = path;
  self->on_disk = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDECAR]);

  if (self->fallback != fallback)
    {
      self->fallback = fallback;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FALLBACK]);
    }
}

static void
choose_path (JjMarkStore *self)
{
  g_autofree char *key = dup_document_key (self->document_file);
  g_autofree char *beside = g_strconcat (key, JJ_SIDECAR_SUFFIX, NULL);
  g_autofree char *fallback = NULL;
  g_autofree char *local = g_file_get_path (self->document_file);

  if (local != NULL && g_file_test (beside, G_FILE_TEST_EXISTS))
    {
      set_path (self, g_steal_pointer (&beside), FALSE);
      return;
    }

  fallback = find_fallback (self->document_file, self->fingerprint);
  if (fallback != NULL)
    {
      set_path (self, g_steal_pointer (&fallback), TRUE);
      return;
    }

  if (local != NULL && folder_writable (beside))
    set_path (self, g_steal_pointer (&beside), FALSE);
  else
    set_path (self, jj_mark_store_dup_fallback_path (self->document_file, self->fingerprint), TRUE);
}

/**
 * jj_mark_store_load:
 * @display_text: the document's display text
 * @fingerprint: its SHA-256 (jj_document_dup_fingerprint())
 *
 * Reads the sidecar, merges conflict copies left by sync tools and
 * re-anchors every mark in @display_text. A damaged sidecar is set aside
 * and its backup used; jj_mark_store_get_notice() then tells what happened.
 * Fails only when the sidecar exists but cannot be read at all.
 */
gboolean
jj_mark_store_load (JjMarkStore  *self,
                    const char   *display_text,
                    const char   *fingerprint,
                    GError      **error)
{
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean positions_changed = FALSE;

  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);
  g_return_val_if_fail (display_text != NULL, FALSE);
  g_return_val_if_fail (!self->loaded, FALSE);

  self->fingerprint = fingerprint != NULL
    ? g_strdup (fingerprint)
    : g_compute_checksum_for_string (G_CHECKSUM_SHA256, display_text, -1);
  self->text = jj_anchor_text_new (display_text, -1);

  choose_path (self);

  sidecar = jj_sidecar_load (self->path, &local_error);
  if (sidecar != NULL)
    remember_disk (self);
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_clear_error (&local_error);

  if (local_error != NULL)
    {
      if (!set_aside (self, local_error->message))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The marks file “%s” cannot be read: %s"), self->path, local_error->message);
          return FALSE;
        }
      sidecar = recover_from_backup (self);
      positions_changed = TRUE;
    }

  if (sidecar != NULL)
    {
      if (sidecar->n_malformed > 0)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u mark in the marks file could not be read; it is kept unchanged.",
                                          "%u marks in the marks file could not be read; they are kept unchanged.",
                                          sidecar->n_malformed),
                             sidecar->n_malformed);
          add_notice (self, message);
        }
      merge (self, sidecar, &positions_changed);
    }

  merge_conflict_copies (self, &positions_changed);
  merge_fallback (self, &positions_changed);
  remove_stale_temporaries (self);

  if (self->fallback)
    {
      g_autofree char *message = g_strdup_printf (_("The folder of the document cannot be written: marks are kept in “%s”."),
                                                  self->path);
      add_notice (self, message);
    }

  self->loaded = TRUE;
  start_monitor (self);

  if (positions_changed || self->conflicts->len > 0 ||
      (sidecar != NULL && g_strcmp0 (sidecar->fingerprint, self->fingerprint) != 0 && sidecar->marks->len > 0))
    schedule_save (self);

  return TRUE;
}

static gboolean
check_disk (JjMarkStore  *self,
            gboolean     *changed,
            GError      **error)
{
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean positions_changed = FALSE;

  *changed = FALSE;

  if (!disk_changed (self))
    return TRUE;

  sidecar = jj_sidecar_load (self->path, &local_error);
  if (sidecar == NULL)
    {
      /* Removed since: nothing to merge. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *changed = merge (self, sidecar, &positions_changed);
  remember_disk (self);
  if (positions_changed)
    set_dirty (self, TRUE);

  return TRUE;
}

/**
 * jj_mark_store_reload:
 *
 * Merges the sidecar on disk if another process changed it. Called when
 * the file monitor reports a change; emits "reloaded" when marks changed.
 */
gboolean
jj_mark_store_reload (JjMarkStore  *self,
                      GError      **error)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);

  if (!self->loaded)
    return TRUE;

  if (!check_disk (self, &changed, error))
    return FALSE;

  if (changed)
    g_signal_emit (self, signals[RELOADED], 0);

  return TRUE;
}

static gboolean
check_cb (gpointer user_data)
{
  JjMarkStore *self = user_data;

  self->check_source = 0;
  jj_mark_store_reload (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  JjMarkStore *self = user_data;

  if (event == G_FILE_MONITOR_EVENT_DELETED || event == G_FILE_MONITOR_EVENT_MOVED_OUT ||
      event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  /* Events come in bursts; look once they settle. */
  if (self->check_source == 0)
    self->check_source = g_timeout_add (100, check_cb, self);
}

static int
lock_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return -1;

  while (flock (fd, LOCK_EX) != 0)
    {
      if (errno != EINTR)
        {
          close (fd);
          return -1;
        }
    }

  return fd;
}

static void
unlock_folder (int fd)
{
  if (fd >= 0)
    {
      flock (fd, LOCK_UN);
      close (fd);
    }
}

static JjSidecar *
build_sidecar (JjMarkStore *self)
{
  JjSidecar *sidecar = jj_sidecar_new ();
  GListModel *model = G_LIST_MODEL (self->live);
  guint n = g_list_model_get_n_items (model);
  GHashTableIter iter;
  gpointer value;

  sidecar->fingerprint = g_strdup (self->fingerprint);
  sidecar->length = jj_anchor_text_get_length (self->text);
  sidecar->version = self->kept->version;
  if (self->kept->extra != NULL)
    sidecar->extra = xmlCopyNode (self->kept->extra, 1);
  if (self->kept->speech != NULL)
    sidecar->speech = jj_speech_info_copy (self->kept->speech);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sidecar->marks, g_list_model_get_item (model, i));

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (jj_mark_get_deleted (value))
      g_ptr_array_add (sidecar->marks, g_object_ref (value));

  return sidecar;
}

static gboolean
is_permission_error (const GError *error)
{
  return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
         g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PERM) ||
         g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ROFS);
}

static gboolean
write_locked (JjMarkStore  *self,
              gboolean     *reloaded,
              GError      **error)
{
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) check_error = NULL;
  gboolean changed = FALSE;

  /* Damaged or unreadable behind our back: it is set aside, never
   * overwritten, and ours is written in its place.
   */
  if (!check_disk (self, &changed, &check_error) && !set_aside (self, check_error->message))
    {
      g_propagate_error (error, g_steal_pointer (&check_error));
      return FALSE;
    }
  *reloaded = changed;

  sidecar = build_sidecar (self);
  if (!jj_sidecar_save (sidecar, self->path, error))
    return FALSE;

  remember_disk (self);

  return TRUE;
}

static gboolean
ensure_parent (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * jj_mark_store_save:
 *
 * Writes the sidecar now, atomically, after merging what another process
 * may have written since; the previous version is kept as a backup.
 * When the document's folder cannot be written, the sidecar moves to
 * the per-user location (see #JjMarkStore:fallback).
 */
gboolean
jj_mark_store_save (JjMarkStore  *self,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean reloaded = FALSE;
  gboolean ok;
  int lock;

  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->fallback && !ensure_parent (self->path, error))
    return FALSE;

  lock = lock_folder (self->path);
  ok = write_locked (self, &reloaded, &local_error);
  unlock_folder (lock);

  if (!ok && !self->fallback && is_permission_error (local_error))
    {
      g_autofree char *message = NULL;

      g_clear_error (&local_error);
      set_path (self, jj_mark_store_dup_fallback_path (self->document_file, self->fingerprint), TRUE);
      message = g_strdup_printf (_("The folder of the document cannot be written: marks are kept in “%s”."), self->path);
      add_notice (self, message);
      start_monitor (self);

      if (!ensure_parent (self->path, error))
        return FALSE;
      lock = lock_folder (self->path);
      ok = write_locked (self, &reloaded, &local_error);
      unlock_folder (lock);
    }

  if (reloaded && !self->disposed)
    g_signal_emit (self, signals[RELOADED], 0);

  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The marks could not be saved: "));
      return FALSE;
    }

  /* The conflict copies are in the file now. */
  for (guint i = 0; i < self->conflicts->len; i++)
    g_unlink (g_ptr_array_index (self->conflicts, i));
  g_ptr_array_set_size (self->conflicts, 0);

  set_dirty (self, FALSE);
  if (!self->disposed)
    g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  JjMarkStore *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!jj_mark_store_save (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (JjMarkStore *self)
{
  set_dirty (self, TRUE);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (self->save_delay, save_cb, self);
}

/**
 * jj_mark_store_flush:
 *
 * Saves at once if there are unsaved changes (on close and quit).
 * A failure is reported by the "save-failed" signal.
 */
void
jj_mark_store_flush (JjMarkStore *self)
{
  g_return_if_fail (JJ_IS_MARK_STORE (self));

  if (!self->dirty || !self->loaded)
    return;

  /* The pending debounced save is replaced by this one, not left armed. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  save_cb (self);
}

static const char *
default_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return name;
}

/**
 * jj_mark_store_add_range:
 * @kind: a key of jj-mark-kind.h
 * @section: (nullable): the section path of @start
 *
 * Returns: (transfer none): the new mark, or %NULL when the range is
 *   not inside the text
 */
JjMark *
jj_mark_store_add_range (JjMarkStore *self,
                         guint        start,
                         guint        end,
                         const char  *kind,
                         const char  *section)
{
  g_autoptr(JjMark) mark = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (JJ_IS_MARK_STORE (self), NULL);
  g_return_val_if_fail (self->loaded, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (start >= end || end > jj_anchor_text_get_length (self->text))
    return NULL;

  quote = jj_anchor_text_dup_range (self->text, start, end);
  prefix = jj_anchor_text_dup_range (self->text, start > JJ_MARK_CONTEXT_LENGTH ? start - JJ_MARK_CONTEXT_LENGTH : 0, start);
  suffix = jj_anchor_text_dup_range (self->text, end, end + JJ_MARK_CONTEXT_LENGTH);

  mark = jj_mark_new (kind);
  jj_mark_set_range (mark, start, end);
  jj_mark_set_quote (mark, quote);
  jj_mark_set_context (mark, prefix, suffix);
  jj_mark_set_section (mark, section);
  jj_mark_set_author (mark, default_author ());

  g_hash_table_insert (self->by_id, g_strdup (jj_mark_get_id (mark)), g_object_ref (mark));
  g_list_store_insert_sorted (self->live, mark, compare_marks, NULL);
  schedule_save (self);

  return mark;
}

/**
 * jj_mark_store_remove:
 *
 * Deletes @mark; a tombstone stays in the sidecar.
 */
void
jj_mark_store_remove (JjMarkStore *self,
                      JjMark      *mark)
{
  guint pos;

  g_return_if_fail (JJ_IS_MARK_STORE (self));
  g_return_if_fail (JJ_IS_MARK (mark));

  if (jj_mark_get_deleted (mark))
    return;

  jj_mark_set_deleted (mark, TRUE);
  jj_mark_touch (mark);
  if (live_find (self, mark, &pos))
    g_list_store_remove (self->live, pos);
  schedule_save (self);
}

/**
 * jj_mark_store_restore:
 *
 * Brings back a mark deleted with jj_mark_store_remove(), as when a
 * deletion is undone: the tombstone becomes a live mark again.
 */
void
jj_mark_store_restore (JjMarkStore *self,
                       JjMark      *mark)
{
  guint pos;

  g_return_if_fail (JJ_IS_MARK_STORE (self));
  g_return_if_fail (JJ_IS_MARK (mark));

  if (!jj_mark_get_deleted (mark) || live_find (self, mark, &pos))
    return;

  jj_mark_set_deleted (mark, FALSE);
  jj_mark_touch (mark);
  g_hash_table_replace (self->by_id, g_strdup (jj_mark_get_id (mark)), g_object_ref (mark));
  g_list_store_insert_sorted (self->live, mark, compare_marks, NULL);
  schedule_save (self);
}

/**
 * jj_mark_store_touch:
 *
 * To call after changing a mark's kind, tags, note or colour: it is then
 * newer than other copies and saved soon.
 */
void
jj_mark_store_touch (JjMarkStore *self,
                     JjMark      *mark)
{
  g_return_if_fail (JJ_IS_MARK_STORE (self));
  g_return_if_fail (JJ_IS_MARK (mark));

  jj_mark_touch (mark);
  schedule_save (self);
}

/**
 * jj_mark_store_reattach:
 *
 * Places @mark (typically an orphan) on a new range of the text: its
 * quote and context become that range's.
 */
gboolean
jj_mark_store_reattach (JjMarkStore *self,
                        JjMark      *mark,
                        guint        start,
                        guint        end)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);
  g_return_val_if_fail (JJ_IS_MARK (mark), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  if (start >= end || end > jj_anchor_text_get_length (self->text) || jj_mark_get_deleted (mark))
    return FALSE;

  quote = jj_anchor_text_dup_range (self->text, start, end);
  prefix = jj_anchor_text_dup_range (self->text, start > JJ_MARK_CONTEXT_LENGTH ? start - JJ_MARK_CONTEXT_LENGTH : 0, start);
  suffix = jj_anchor_text_dup_range (self->text, end, end + JJ_MARK_CONTEXT_LENGTH);

  g_object_freeze_notify (G_OBJECT (mark));
  jj_mark_set_range (mark, start, end);
  jj_mark_set_quote (mark, quote);
  jj_mark_set_context (mark, prefix, suffix);
  jj_mark_set_status (mark, JJ_MARK_STATUS_PLACED);
  g_object_thaw_notify (G_OBJECT (mark));

  g_list_store_sort (self->live, compare_marks, NULL);
  jj_mark_store_touch (self, mark);

  return TRUE;
}

/**
 * jj_mark_store_get_marks:
 *
 * Returns: (transfer none): the live marks (orphans included, see
 *   #JjMark:status), #JjMark items in document order
 */
GListModel *
jj_mark_store_get_marks (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), NULL);

  return G_LIST_MODEL (self->live);
}

/**
 * jj_mark_store_lookup:
 *
 * Returns: (transfer none) (nullable): the mark with this id, tombstones
 *   included
 */
JjMark *
jj_mark_store_lookup (JjMarkStore *self,
                      const char  *id)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

guint
jj_mark_store_get_n_orphans (JjMarkStore *self)
{
  GListModel *model;
  guint n = 0;

  g_return_val_if_fail (JJ_IS_MARK_STORE (self), 0);

  model = G_LIST_MODEL (self->live);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (model, i);

      if (jj_mark_get_status (mark) == JJ_MARK_STATUS_ORPHAN)
        n++;
    }

  return n;
}

/**
 * jj_mark_store_get_sidecar:
 *
 * Returns: (transfer full) (nullable): where the sidecar is written,
 *   known after jj_mark_store_load()
 */
GFile *
jj_mark_store_get_sidecar (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), NULL);

  if (self->path == NULL)
    return NULL;

  return g_file_new_for_path (self->path);
}

/* Whether the sidecar is in the per-user location, not beside the document. */
gboolean
jj_mark_store_get_fallback (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);

  return self->fallback;
}

/* What the user should be told after loading or saving, NULL if nothing. */
const char *
jj_mark_store_get_notice (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), NULL);

  return self->notice;
}

gboolean
jj_mark_store_get_dirty (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);

  return self->dirty;
}

guint
jj_mark_store_get_save_delay (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), 0);

  return self->save_delay;
}

void
jj_mark_store_set_save_delay (JjMarkStore *self,
                              guint        save_delay)
{
  g_return_if_fail (JJ_IS_MARK_STORE (self));

  if (self->save_delay != save_delay)
    {
      self->save_delay = save_delay;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_DELAY]);
    }
}

/**
 * jj_mark_store_get_speech_info:
 *
 * Returns: (transfer none) (nullable): the speech's details kept in the
 *   sidecar, NULL when it has none
 */
JjSpeechInfo *
jj_mark_store_get_speech_info (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), NULL);

  return self->kept->speech;
}

/**
 * jj_mark_store_set_speech_info:
 *
 * Keeps a copy of @info in the sidecar, saved as marks are.
 */
void
jj_mark_store_set_speech_info (JjMarkStore  *self,
                               JjSpeechInfo *info)
{
  g_return_if_fail (JJ_IS_MARK_STORE (self));
  g_return_if_fail (info == NULL || JJ_IS_SPEECH_INFO (info));

  if (info == NULL ? self->kept->speech == NULL
                   : self->kept->speech != NULL && jj_speech_info_equal (info, self->kept->speech))
    return;

  g_clear_object (&self->kept->speech);
  if (info != NULL)
    self->kept->speech = jj_speech_info_copy (info);
  schedule_save (self);
}
