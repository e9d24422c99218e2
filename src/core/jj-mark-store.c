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
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>

#include "jj-anchor.h"
#include "jj-atomic-file.h"
#include "jj-file-lock.h"
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
  GListStore   *model;         /* what others see: live, except while loading in a thread */
  GHashTable   *by_id;         /* id → JjMark, tombstones included */
  JjSidecar    *kept;          /* what was read that we do not understand */

  char         *path;          /* of the sidecar */
  gboolean      fallback;
  JjSidecarPlace place;
  gboolean      read_only;
  char         *notice;
  GPtrArray    *conflicts;     /* copies merged, removed after a save */

  gboolean      on_disk;       /* what we last read or wrote */
  GStatBuf      disk_stat;

  GFileMonitor *monitor;
  guint         save_source;
  GCancellable *waiting;       /* a wait for the lock, off the main thread */
  guint         lock_tries;
  guint64       changes;       /* counts changes, to know what a write held */
  guint64       changes_written;
  guint         verify_source; /* an unlocked write being checked */
  guint         verify_tries;
  guint         verified;
  gboolean      verify_reloaded;
  guint         check_source;
  guint         save_delay;
  gboolean      dirty;
  gboolean      loaded;
  gboolean      loading;
  gboolean      rewriting;     /* the sidecar was deleted: written again */       /* in a thread: nothing is notified from there */
  gboolean      disposed;
  JjAnchorReport report;       /* of the last load or reload */
};

G_DEFINE_FINAL_TYPE (JjMarkStore, jj_mark_store, G_TYPE_OBJECT)

static JjAnchorReport *
jj_anchor_report_copy (JjAnchorReport *report)
{
  return g_memdup2 (report, sizeof *report);
}

G_DEFINE_BOXED_TYPE (JjAnchorReport, jj_anchor_report, jj_anchor_report_copy, g_free)

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
  REWRITTEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
jj_mark_store_dispose (GObject *object)
{
  JjMarkStore *self = (JjMarkStore *)object;

  /* Changes are never left behind, even when the owner forgot flush(). */
  if (self->dirty && self->loaded && !self->disposed && !self->read_only)
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
  if (self->waiting != NULL)
    g_cancellable_cancel (self->waiting);
  g_clear_object (&self->waiting);
  g_clear_handle_id (&self->verify_source, g_source_remove);

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
  g_clear_object (&self->model);
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
  /* The sidecar was deleted on disk and written again from memory, with
   * this many live marks. */
  signals[REWRITTEN] = g_signal_new ("rewritten", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jj_mark_store_init (JjMarkStore *self)
{
  self->live = g_list_store_new (JJ_TYPE_MARK);
  self->model = g_object_ref (self->live);
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
  if (!self->loading)
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

/**
 * jj_mark_store_dup_fallback_folder:
 *
 * The folder of the sidecars kept in the user's data folder.
 */
char *
jj_mark_store_dup_fallback_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "jiejian", "sidecars", NULL);
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
  GStatBuf wanted_st;
  GDir *d;

  if (g_lstat (wanted, &wanted_st) == 0 && S_ISREG (wanted_st.st_mode))
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
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && (gint64)st.st_mtime > best_mtime)
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
 * ownCloud), `NAME.EXT.jiejian_conflict-….xml`, `… (SFConflict ….xml`;
 * or a copy it made of the sidecar's backup, `NAME.EXT.jiejian.xml.bak`,
 * the same way (`NAME.EXT.jiejian.xml.sync-conflict-DATE-ID.bak`): in a
 * synced folder the backup travels too.
 */
static gboolean
is_conflict_name (const char *name,
                  gsize       stem_len,
                  const char *suffix)
{
  g_autofree char *middle = NULL;
  gsize name_len = strlen (name);

  if (!g_str_has_suffix (name, suffix) || name_len <= stem_len + strlen (suffix))
    return FALSE;

  middle = g_ascii_strdown (name + stem_len, name_len - stem_len - strlen (suffix));
  if (middle[0] != '.' && middle[0] != ' ' && middle[0] != '_' && middle[0] != '-' && middle[0] != '~')
    return FALSE;

  return strstr (middle, "conflict") != NULL;
}

gboolean
jj_mark_store_is_conflict_copy (const char *sidecar_name,
                                const char *name)
{
  gsize stem_len;

  g_return_val_if_fail (sidecar_name != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_str_has_suffix (sidecar_name, ".xml") || g_str_equal (sidecar_name, name))
    return FALSE;

  if (g_str_has_prefix (name, sidecar_name) && is_conflict_name (name, strlen (sidecar_name), ".bak"))
    return TRUE;

  stem_len = strlen (sidecar_name) - strlen (".xml");
  if (strncmp (name, sidecar_name, stem_len) != 0)
    return FALSE;

  return is_conflict_name (name, stem_len, ".xml");
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
  g_autofree char *old_quote = NULL;
  guint old_start;
  JjMarkStatus status;

  if (self->text == NULL || jj_mark_get_deleted (mark))
    return FALSE;

  if (quote_is_at (self, mark))
    {
      jj_mark_set_status (mark, JJ_MARK_STATUS_PLACED);
      self->report.placed++;
      return FALSE;
    }

  if (g_strcmp0 (fingerprint, self->fingerprint) == 0)
    old_length = jj_anchor_text_get_length (self->text);

  old_quote = g_strdup (jj_mark_get_quote (mark));
  old_start = jj_mark_get_start (mark);
  status = jj_anchor_mark (self->text, mark, old_length);

  if (status == JJ_MARK_STATUS_ORPHAN)
    self->report.orphaned++;
  else if (g_strcmp0 (old_quote, jj_mark_get_quote (mark)) != 0)
    self->report.changed++;
  else if (old_start != jj_mark_get_start (mark))
    self->report.moved++;
  else
    self->report.placed++;

  return status == JJ_MARK_STATUS_MOVED;
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

/* What was read: the status of the descriptor it was read from, never a
 * second look at the path, which may be another file by then. */
static void
remember_read (JjMarkStore    *self,
               const GStatBuf *identity)
{
  self->disk_stat = *identity;
  self->on_disk = TRUE;
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

  if (g_lstat (self->path, &st) != 0)
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

static gboolean load_read (JjMarkStore  *self,
                           const char   *display_text,
                           const char   *fingerprint,
                           gboolean     *needs_save,
                           GError      **error);
static void load_settle (JjMarkStore *self,
                         gboolean     needs_save);

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
  if (!self->loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDECAR]);

  if (self->fallback != fallback)
    {
      self->fallback = fallback;
      if (!self->loading)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FALLBACK]);
    }
}

/* A sidecar name beside the document must leave room for the
 * temporary and backup names made from it (NAME.XXXXXX, NAME.bak.PID.tmp).
 */
static gboolean
name_fits (const char *document_path)
{
  g_autofree char *base = g_path_get_basename (document_path);

  return strlen (base) + strlen (JJ_SIDECAR_SUFFIX) + strlen (".bak.4294967295.tmp") <= NAME_MAX;
}

/**
 * jj_mark_store_locate_sidecar:
 * @document_file: a document
 * @fingerprint: (nullable): its fingerprint, to name a new per-user sidecar
 * @place: (out) (optional): where the sidecar is, and why
 *
 * Finds the sidecar of @document_file, or where a new one goes: beside
 * the document (`NAME.EXT.jiejian.xml`), or in the per-user folder
 * (jj_mark_store_dup_fallback_path()) when one is already there, when
 * the document's folder cannot be written, when the name beside it
 * would be too long, or when what is there beside it is a symbolic link
 * or not a regular file (never read nor written through). The store,
 * the library and every command find sidecars with this function.
 *
 * Returns: (transfer full): the path of the sidecar
 */
char *
jj_mark_store_locate_sidecar (GFile          *document_file,
                              const char     *fingerprint,
                              JjSidecarPlace *place)
{
  g_autofree char *local = NULL;
  g_autofree char *beside = NULL;
  g_autofree char *found = NULL;
  JjSidecarPlace unused;
  GStatBuf st;

  g_return_val_if_fail (G_IS_FILE (document_file), NULL);

  if (place == NULL)
    place = &unused;

  local = g_file_get_path (document_file);
  if (local == NULL)
    *place = JJ_SIDECAR_PLACE_UNWRITABLE;
  else if (!name_fits (local))
    *place = JJ_SIDECAR_PLACE_LONG_NAME;
  else
    {
      beside = g_strconcat (local, JJ_SIDECAR_SUFFIX, NULL);
      if (g_lstat (beside, &st) == 0)
        {
          if (S_ISREG (st.st_mode))
            {
              *place = JJ_SIDECAR_PLACE_BESIDE;
              return g_steal_pointer (&beside);
            }
          *place = JJ_SIDECAR_PLACE_UNSAFE;
        }
      else if (folder_writable (beside))
        *place = JJ_SIDECAR_PLACE_BESIDE;
      else
        *place = JJ_SIDECAR_PLACE_UNWRITABLE;
    }

  found = find_fallback (document_file, fingerprint);
  if (found != NULL)
    {
      if (*place == JJ_SIDECAR_PLACE_BESIDE)
        *place = JJ_SIDECAR_PLACE_FALLBACK;
      return g_steal_pointer (&found);
    }

  if (*place == JJ_SIDECAR_PLACE_BESIDE)
    return g_steal_pointer (&beside);

  return jj_mark_store_dup_fallback_path (document_file, fingerprint);
}

static char *
dup_place_notice (JjMarkStore *self)
{
  g_autofree char *local = g_file_get_path (self->document_file);
  g_autofree char *beside = g_strconcat (local != NULL ? local : "", JJ_SIDECAR_SUFFIX, NULL);

  switch (self->place)
    {
    case JJ_SIDECAR_PLACE_BESIDE:
      return NULL;
    case JJ_SIDECAR_PLACE_LONG_NAME:
      return g_strdup_printf (_("The name of the document is too long for a marks file beside it: marks are kept in “%s”."),
                              self->path);
    case JJ_SIDECAR_PLACE_UNSAFE:
      return g_strdup_printf (_("“%s” is a symbolic link or not a regular file: it was neither read nor written, and marks are kept in “%s”."),
                              beside, self->path);
    case JJ_SIDECAR_PLACE_FALLBACK:
    case JJ_SIDECAR_PLACE_UNWRITABLE:
    default:
      return g_strdup_printf (_("The folder of the document cannot be written: marks are kept in “%s”."),
                              self->path);
    }
}

static void
choose_path (JjMarkStore *self)
{
  char *path = jj_mark_store_locate_sidecar (self->document_file, self->fingerprint, &self->place);

  set_path (self, path, self->place != JJ_SIDECAR_PLACE_BESIDE);
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
  gboolean needs_save = FALSE;

  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);
  g_return_val_if_fail (display_text != NULL, FALSE);
  g_return_val_if_fail (!self->loaded && !self->loading, FALSE);

  if (!load_read (self, display_text, fingerprint, &needs_save, error))
    return FALSE;

  load_settle (self, needs_save);

  return TRUE;
}

/* The reading part of a load: no source is added, and while loading in a
 * thread (self->loading) nothing is notified. */
static gboolean
load_read (JjMarkStore  *self,
           const char   *display_text,
           const char   *fingerprint,
           gboolean     *needs_save,
           GError      **error)
{
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JjFileLock) lock = NULL;
  gboolean positions_changed = FALSE;
  GStatBuf identity;

  memset (&self->report, 0, sizeof self->report);
  self->fingerprint = fingerprint != NULL
    ? g_strdup (fingerprint)
    : g_compute_checksum_for_string (G_CHECKSUM_SHA256, display_text, -1);
  self->text = jj_anchor_text_new (display_text, -1);

  choose_path (self);

  /* Reading needs no lock (the identity is the descriptor's), but
   * setting a damaged file aside does. Loading never waits for it (the
   * app loads on its main loop): a lock held by another writer leaves
   * that to the next save, which does wait. */
  if (!self->read_only)
    lock = jj_file_lock_acquire (self->path, 0, NULL, NULL);

  sidecar = jj_sidecar_load_full (self->path, &identity, &local_error);
  if (sidecar != NULL)
    remember_read (self, &identity);
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_clear_error (&local_error);

  if (local_error != NULL)
    {
      /* A read-only look renames nothing; without the lock, the next
       * save sets the file aside. */
      if (self->read_only || lock == NULL)
        {
          add_notice (self, local_error->message);
          self->on_disk = FALSE;
        }
      else if (!set_aside (self, local_error->message))
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
  if (!self->read_only)
    remove_stale_temporaries (self);

  if (self->fallback)
    {
      g_autofree char *message = dup_place_notice (self);

      add_notice (self, message);
    }

  self->report.text_changed = sidecar != NULL && sidecar->marks->len > 0 &&
                              g_strcmp0 (sidecar->fingerprint, self->fingerprint) != 0;
  *needs_save = positions_changed || self->conflicts->len > 0 || self->report.text_changed;

  return TRUE;
}

/* The main-loop part of a load. */
static void
load_settle (JjMarkStore *self,
             gboolean     needs_save)
{
  self->loaded = TRUE;
  if (!self->read_only)
    start_monitor (self);

  if (needs_save)
    schedule_save (self);
}

typedef struct
{
  char     *text;
  char     *fingerprint;
  gboolean  needs_save;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->text);
  g_free (load->fingerprint);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  JjMarkStore *self = source_object;
  LoadData *load = task_data;
  GError *error = NULL;
  pid_t tid = (pid_t) syscall (SYS_gettid);
  gboolean lowered = FALSE;
  int priority;
  gboolean ok;

  /* Behind the main loop for the processor: the window draws and answers
   * first on a busy machine. The pool's thread is given back as it was. */
  errno = 0;
  priority = getpriority (PRIO_PROCESS, tid);
  if (errno == 0)
    lowered = setpriority (PRIO_PROCESS, tid, MIN (priority + 10, 19)) == 0;

  ok = load_read (self, load->text, load->fingerprint, &load->needs_save, &error);

  /* Raising it back may need a privilege: then the thread ends lowered,
   * which only slows work that is off the main loop anyway. */
  if (lowered)
    (void) setpriority (PRIO_PROCESS, tid, priority);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
load_thread_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  JjMarkStore *self = JJ_MARK_STORE (object);
  g_autoptr(GTask) task = user_data;
  LoadData *load = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *read = G_LIST_MODEL (self->live);

  self->loading = FALSE;

  /* The marks read go into the model others watch in one change. */
  for (guint i = 0; i < g_list_model_get_n_items (read); i++)
    g_ptr_array_add (items, g_list_model_get_item (read, i));
  g_set_object (&self->live, self->model);
  g_list_store_splice (self->live, 0, g_list_model_get_n_items (G_LIST_MODEL (self->live)),
                       items->pdata, items->len);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDECAR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FALLBACK]);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!self->disposed)
    load_settle (self, load->needs_save);
  if (self->notice != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
  g_task_return_boolean (task, TRUE);
}

/**
 * jj_mark_store_load_async:
 *
 * Does what jj_mark_store_load() does, reading, parsing and re-anchoring
 * in a thread. The store must not be used until @callback is called; the
 * marks model then gets every mark in one change, and the file monitor is
 * made on the calling thread's main context.
 */
void
jj_mark_store_load_async (JjMarkStore         *self,
                          const char          *display_text,
                          const char          *fingerprint,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *task;
  LoadData *load;

  g_return_if_fail (JJ_IS_MARK_STORE (self));
  g_return_if_fail (display_text != NULL);
  g_return_if_fail (!self->loaded && !self->loading);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jj_mark_store_load_async);

  load = g_new0 (LoadData, 1);
  load->text = g_strdup (display_text);
  load->fingerprint = g_strdup (fingerprint);

  /* Read into a list of the thread's own; self->model stays as it was. */
  self->loading = TRUE;
  g_set_object (&self->live, NULL);
  self->live = g_list_store_new (JJ_TYPE_MARK);

  inner = g_task_new (self, NULL, load_thread_done_cb, task);
  g_task_set_task_data (inner, load, load_data_free);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
jj_mark_store_load_finish (JjMarkStore   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
check_disk (JjMarkStore  *self,
            gboolean     *changed,
            GError      **error)
{
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean positions_changed = FALSE;
  GStatBuf identity;

  *changed = FALSE;

  if (!disk_changed (self))
    return TRUE;

  memset (&self->report, 0, sizeof self->report);

  sidecar = jj_sidecar_load_full (self->path, &identity, &local_error);
  if (sidecar == NULL)
    {
      /* Removed since: nothing to merge. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *changed = merge (self, sidecar, &positions_changed);
  remember_read (self, &identity);
  if (positions_changed)
    set_dirty (self, TRUE);

  return TRUE;
}

static gboolean
reload_full (JjMarkStore  *self,
             guint         timeout_ms,
             GError      **error);
static gboolean
save_full (JjMarkStore  *self,
           guint         timeout_ms,
           GError      **error);

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
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);

  return reload_full (self, jj_file_lock_get_default_timeout (), error);
}

static gboolean
reload_full (JjMarkStore  *self,
             guint         timeout_ms,
             GError      **error)
{
  g_autoptr(JjFileLock) lock = NULL;
  gboolean changed = FALSE;
  GStatBuf st;

  if (!self->loaded)
    return TRUE;

  /* Deleted behind our back: what we hold is written again, never lost. */
  if (self->on_disk && !self->read_only && g_lstat (self->path, &st) != 0 && errno == ENOENT)
    {
      if (g_hash_table_size (self->by_id) == 0)
        {
          self->on_disk = FALSE;
          return TRUE;
        }
      /* A save that has to wait for the lock says so when it is done. */
      self->on_disk = FALSE;
      self->rewriting = TRUE;
      self->changes++;
      set_dirty (self, TRUE);
      return save_full (self, timeout_ms, error);
    }

  lock = jj_file_lock_acquire (self->path, timeout_ms, NULL, error);
  if (lock == NULL)
    return FALSE;

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

  g_autoptr(GError) error = NULL;

  self->check_source = 0;

  /* Never a wait on the main loop: the holder is writing, and its
   * rename brings another event anyway; look again soon. */
  if (!reload_full (self, 0, &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
    self->check_source = g_timeout_add (100, check_cb, self);

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

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  /* Events come in bursts; look once they settle. */
  if (self->check_source == 0)
    self->check_source = g_timeout_add (100, check_cb, self);
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

/* A new sidecar is readable by no one the document is not readable by,
 * and by no one else at all in the per-user folder. */
static int
new_sidecar_mode (JjMarkStore *self)
{
  g_autofree char *document = g_file_get_path (self->document_file);
  GStatBuf st;

  if (self->fallback || document == NULL || g_stat (document, &st) != 0)
    return 0600;

  return (st.st_mode & 0644) | 0600;
}

#define REPLACED_TRIES 8

static gboolean
write_locked (JjMarkStore  *self,
              gboolean     *reloaded,
              GError      **error)
{
  *reloaded = FALSE;

  /* A sync tool takes no lock: the file it puts in place between our
   * reading and our rename would be lost. The write gives up when the
   * file is no longer what was read, and reads and merges it again. */
  for (guint tries = 0; ; tries++)
    {
      g_autoptr(JjSidecar) sidecar = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autoptr(GError) save_error = NULL;
      gboolean changed = FALSE;
      GStatBuf written;

      /* Damaged or unreadable behind our back: it is set aside, never
       * overwritten, and ours is written in its place.
       */
      if (!check_disk (self, &changed, &check_error) && !set_aside (self, check_error->message))
        {
          g_propagate_error (error, g_steal_pointer (&check_error));
          return FALSE;
        }
      *reloaded |= changed;

      sidecar = build_sidecar (self);
      if (jj_sidecar_save_checked (sidecar, self->path, new_sidecar_mode (self),
                                   self->on_disk ? &self->disk_stat : NULL, &written, &save_error))
        {
          remember_read (self, &written);
          return TRUE;
        }
      if (!g_error_matches (save_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG) || tries + 1 >= REPLACED_TRIES)
        {
          g_propagate_error (error, g_steal_pointer (&save_error));
          return FALSE;
        }
    }
}

/* Whether the sidecar on disk holds every mark of the store as new as
 * ours (tombstones included); what it holds that we lack is merged.
 */
static gboolean
verify_disk (JjMarkStore  *self,
             GError      **error)
{
  g_autoptr(JjSidecar) sidecar = NULL;
  gboolean positions_changed = FALSE;
  gboolean complete = TRUE;
  GHashTableIter iter;
  gpointer value;
  GStatBuf identity;

  sidecar = jj_sidecar_load_full (self->path, &identity, error);
  if (sidecar == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, self->by_id);
  while (complete && g_hash_table_iter_next (&iter, NULL, &value))
    {
      JjMark *theirs = jj_sidecar_lookup (sidecar, jj_mark_get_id (value));

      complete = theirs != NULL && jj_mark_compare_modified (theirs, value) >= 0 &&
                 jj_mark_get_deleted (theirs) == jj_mark_get_deleted (value);
    }

  merge (self, sidecar, &positions_changed);
  if (complete)
    remember_read (self, &identity);
  else
    self->on_disk = FALSE;

  return complete;
}

#define UNLOCKED_TRIES 12

/* Where the folder cannot be locked (some network file systems), a
 * write is checked: read back after the rename, merged and written
 * again until the file holds every mark, and found so twice in a row
 * with a pause between, longer than another writer takes from its
 * reading to its rename.
 */
static gboolean
write_unlocked (JjMarkStore  *self,
                gboolean     *reloaded,
                GError      **error)
{
  guint confirmed = 0;

  for (guint i = 0; i < UNLOCKED_TRIES; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean changed = FALSE;

      if (confirmed == 0)
        {
          if (!write_locked (self, &changed, error))
            return FALSE;
          *reloaded |= changed;
        }

      g_usleep (g_random_int_range (20000, 60000));

      if (verify_disk (self, &local_error))
        {
          if (++confirmed == 2)
            return TRUE;
        }
      else
        {
          *reloaded = TRUE;
          confirmed = 0;
          if (local_error != NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
               _("The folder of the marks file cannot be locked and other programs kept changing the file; "
                 "the marks will be saved again."));

  return FALSE;
}

static gboolean
write_under_lock (JjMarkStore  *self,
                  guint         timeout_ms,
                  gboolean     *reloaded,
                  GError      **error)
{
  g_autoptr(JjFileLock) lock = NULL;

  lock = jj_file_lock_acquire (self->path, timeout_ms, NULL, error);
  if (lock == NULL)
    return FALSE;

  if (!jj_file_lock_get_held (lock))
    return write_unlocked (self, reloaded, error);

  return write_locked (self, reloaded, error);
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

static gboolean
save_full (JjMarkStore  *self,
           guint         timeout_ms,
           GError      **error);

#define LOCK_RETRY_DELAY 2000

static gboolean save_cb (gpointer user_data);

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
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  return save_full (self, jj_file_lock_get_default_timeout (), error);
}

static void
emit_saved (JjMarkStore *self)
{
  if (self->disposed)
    return;

  g_signal_emit (self, signals[SAVED], 0);
  if (self->rewriting)
    {
      self->rewriting = FALSE;
      g_signal_emit (self, signals[REWRITTEN], 0, g_list_model_get_n_items (G_LIST_MODEL (self->live)));
    }
}

static gboolean
save_full (JjMarkStore  *self,
           guint         timeout_ms,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean reloaded = FALSE;
  gboolean ok;

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("The marks were opened only to be read and cannot be saved."));
      return FALSE;
    }

  /* This save, done at once, replaces one being checked step by step. */
  g_clear_handle_id (&self->verify_source, g_source_remove);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->fallback && !ensure_parent (self->path, error))
    return FALSE;

  ok = write_under_lock (self, timeout_ms, &reloaded, &local_error);

  if (!ok && !self->fallback && is_permission_error (local_error))
    {
      g_autofree char *message = NULL;

      g_clear_error (&local_error);
      set_path (self, jj_mark_store_dup_fallback_path (self->document_file, self->fingerprint), TRUE);
      self->place = JJ_SIDECAR_PLACE_UNWRITABLE;
      message = g_strdup_printf (_("The folder of the document cannot be written: marks are kept in “%s”."), self->path);
      add_notice (self, message);
      start_monitor (self);

      if (!ensure_parent (self->path, error))
        return FALSE;
      ok = write_under_lock (self, jj_file_lock_get_default_timeout (), &reloaded, &local_error);
    }

  if (reloaded && !self->disposed)
    g_signal_emit (self, signals[RELOADED], 0);

  if (!ok)
    {
      /* Another writer kept the folder: the marks stay dirty and are
       * saved again a little later. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BUSY) && !self->disposed &&
          self->save_source == 0)
        self->save_source = g_timeout_add (MAX (self->save_delay, LOCK_RETRY_DELAY), save_cb, self);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The marks could not be saved: "));
      return FALSE;
    }

  /* The conflict copies are in the file now. */
  for (guint i = 0; i < self->conflicts->len; i++)
    g_unlink (g_ptr_array_index (self->conflicts, i));
  g_ptr_array_set_size (self->conflicts, 0);

  set_dirty (self, FALSE);
  emit_saved (self);

  return TRUE;
}

#define MAX_LOCK_TRIES 10

/* A lock not had in time leaves the marks dirty, and they are saved again. */
static void
save_failed (JjMarkStore  *self,
             const GError *error)
{
  if (self->disposed)
    return;

  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

typedef struct
{
  char  *path;
  guint  timeout_ms;
} LockWait;

static void
lock_wait_free (gpointer data)
{
  LockWait *wait = data;

  g_free (wait->path);
  g_free (wait);
}

static void
wait_for_lock_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LockWait *wait = task_data;
  GError *error = NULL;
  JjFileLock *lock;
  gboolean held;

  lock = jj_file_lock_acquire (wait->path, wait->timeout_ms, cancellable, &error);
  if (lock == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  held = jj_file_lock_get_held (lock);
  jj_file_lock_release (lock);
  g_task_return_int (task, held ? 1 : 0);
}

static void start_background_save (JjMarkStore *self);

/* Without locks, in the app: write_unlocked() in steps on the main loop,
 * its pauses as timeouts, so that the loop never stops for them. */
static gboolean verify_cb (gpointer user_data);

static void
finish_unlocked (JjMarkStore  *self,
                 const GError *error)
{
  if (self->verify_reloaded && !self->disposed)
    g_signal_emit (self, signals[RELOADED], 0);

  if (error != NULL)
    {
      g_autoptr(GError) prefixed = g_error_copy (error);

      g_prefix_error (&prefixed, "%s", _("The marks could not be saved: "));
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY) && self->save_source == 0)
        self->save_source = g_timeout_add (MAX (self->save_delay, LOCK_RETRY_DELAY), save_cb, self);
      save_failed (self, prefixed);
      return;
    }

  for (guint i = 0; i < self->conflicts->len; i++)
    g_unlink (g_ptr_array_index (self->conflicts, i));
  g_ptr_array_set_size (self->conflicts, 0);

  /* Changes made while the write was checked are saved next. */
  if (self->changes == self->changes_written)
    set_dirty (self, FALSE);
  else if (self->save_source == 0)
    self->save_source = g_timeout_add (self->save_delay, save_cb, self);
  emit_saved (self);
}

static void
write_step (JjMarkStore *self)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  self->changes_written = self->changes;
  if (!write_locked (self, &changed, &error))
    {
      finish_unlocked (self, error);
      return;
    }
  self->verify_reloaded |= changed;
  self->verify_source = g_timeout_add (g_random_int_range (20, 60), verify_cb, self);
}

static gboolean
verify_cb (gpointer user_data)
{
  JjMarkStore *self = user_data;
  g_autoptr(GError) error = NULL;

  self->verify_source = 0;

  if (verify_disk (self, &error))
    {
      if (++self->verified == 2)
        finish_unlocked (self, NULL);
      else
        self->verify_source = g_timeout_add (g_random_int_range (20, 60), verify_cb, self);
      return G_SOURCE_REMOVE;
    }

  self->verified = 0;
  self->verify_reloaded = TRUE;
  if (error != NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    finish_unlocked (self, error);
  else if (++self->verify_tries >= UNLOCKED_TRIES)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                   _("The folder of the marks file cannot be locked and other programs kept changing the file; "
                     "the marks will be saved again."));
      finish_unlocked (self, error);
    }
  else
    write_step (self);

  return G_SOURCE_REMOVE;
}

static void
start_unlocked_save (JjMarkStore *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->fallback && !ensure_parent (self->path, &error))
    {
      finish_unlocked (self, error);
      return;
    }

  self->verify_tries = 0;
  self->verified = 0;
  self->verify_reloaded = FALSE;
  write_step (self);
}

static void
lock_waited_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  JjMarkStore *self = JJ_MARK_STORE (object);
  g_autoptr(GError) error = NULL;
  gssize held;

  g_clear_object (&self->waiting);

  held = g_task_propagate_int (G_TASK (result), &error);
  if (held < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_prefix_error (&error, "%s", _("The marks could not be saved: "));
          self->lock_tries = 0;
          save_failed (self, error);
        }
      return;
    }

  if (!self->dirty || !self->loaded || self->disposed)
    return;

  /* A folder that cannot be written cannot be locked either: the save
   * below moves the marks to the per-user folder. */
  if (!held && folder_writable (self->path))
    {
      start_unlocked_save (self);
      return;
    }

  /* The lock was free a moment ago: take it without waiting here. */
  if (save_full (self, 0, &error))
    {
      self->lock_tries = 0;
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY) && ++self->lock_tries < MAX_LOCK_TRIES)
    {
      start_background_save (self);
      return;
    }

  self->lock_tries = 0;
  save_failed (self, error);
}

/* The save itself is short; waiting for another writer to let go of
 * the folder is not, and is done in a thread, never on the main loop.
 */
static void
start_background_save (JjMarkStore *self)
{
  g_autoptr(GTask) task = NULL;
  LockWait *wait;

  if (self->waiting != NULL)
    return;

  wait = g_new (LockWait, 1);
  wait->path = g_strdup (self->path);
  wait->timeout_ms = jj_file_lock_get_default_timeout ();

  self->waiting = g_cancellable_new ();
  task = g_task_new (self, self->waiting, lock_waited_cb, NULL);
  g_task_set_source_tag (task, start_background_save);
  g_task_set_task_data (task, wait, lock_wait_free);
  g_task_run_in_thread (task, wait_for_lock_thread);
}

static gboolean
save_cb (gpointer user_data)
{
  JjMarkStore *self = user_data;

  self->save_source = 0;
  if (self->dirty && self->loaded && !self->disposed && self->verify_source == 0)
    start_background_save (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (JjMarkStore *self)
{
  self->changes++;
  set_dirty (self, TRUE);
  if (self->read_only)
    return;
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
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JJ_IS_MARK_STORE (self));

  if (!self->dirty || !self->loaded)
    return;

  /* The pending debounced save is replaced by this one, not left armed;
   * a wait for the lock in a thread gives way to this bounded one. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->waiting != NULL)
    g_cancellable_cancel (self->waiting);
  if (!jj_mark_store_save (self, &error))
    save_failed (self, error);
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
  return jj_mark_store_add_range_full (self, start, end, kind, section, NULL, NULL, NULL, NULL);
}

/**
 * jj_mark_store_add_range_full:
 * @author: (nullable): NULL for the user's name
 * @tags: (nullable) (array zero-terminated=1):
 * @note: (nullable):
 * @color: (nullable): #rrggbb
 *
 * Like jj_mark_store_add_range(), with every field set before the mark is
 * in the model: one change for those who watch it.
 */
JjMark *
jj_mark_store_add_range_full (JjMarkStore        *self,
                              guint               start,
                              guint               end,
                              const char         *kind,
                              const char         *section,
                              const char         *author,
                              const char * const *tags,
                              const char         *note,
                              const char         *color)
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
  jj_mark_set_author (mark, author != NULL && author[0] != '\0' ? author : default_author ());
  if (tags != NULL)
    jj_mark_set_tags (mark, tags);
  jj_mark_set_note (mark, note);
  jj_mark_set_color (mark, color);

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
  guint pos;

  g_return_if_fail (JJ_IS_MARK_STORE (self));
  g_return_if_fail (JJ_IS_MARK (mark));

  jj_mark_touch (mark);
  schedule_save (self);

  /* Views of the model show the mark's fields: they make its row again. */
  if (live_find (self, mark, &pos))
    g_list_model_items_changed (G_LIST_MODEL (self->live), pos, 1, 1);
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

  return G_LIST_MODEL (self->model);
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

/**
 * jj_mark_store_set_read_only:
 *
 * Before jj_mark_store_load(): the store then never writes, renames or
 * removes a file, not even on dispose, and jj_mark_store_save() fails
 * (for listings, which must leave everything as it was).
 */
void
jj_mark_store_set_read_only (JjMarkStore *self,
                             gboolean     read_only)
{
  g_return_if_fail (JJ_IS_MARK_STORE (self));
  g_return_if_fail (!self->loaded);

  self->read_only = read_only;
}

gboolean
jj_mark_store_get_read_only (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);

  return self->read_only;
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

/**
 * jj_mark_store_get_report:
 *
 * Returns: (transfer none): what re-anchoring did to the marks read by
 *   the last load or reload
 */
const JjAnchorReport *
jj_mark_store_get_report (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), NULL);

  return &self->report;
}

gboolean
jj_mark_store_get_loaded (JjMarkStore *self)
{
  g_return_val_if_fail (JJ_IS_MARK_STORE (self), FALSE);

  return self->loaded;
}
