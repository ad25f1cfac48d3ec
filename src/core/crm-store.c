/* crm-store.c: opening, checking and closing the database, statements,
 * transactions and errors. The SQL for the domain objects lives in
 * crm-store-customers.c and crm-store-journeys.c, the schema in
 * crm-store-schema.c.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crm-store-private.h"

G_DEFINE_FINAL_TYPE (CrmStore, crm_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-store-error-quark, crm_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CUSTOMER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Beyond this many changes in one transaction (an import) listeners hear
 * "everything changed" once instead of every id. */
#define MAX_PENDING_CHANGES 1000

/* How long a write waits for another process that holds the lock before the
 * user is told the database is in use. */
#define BUSY_TIMEOUT_MS 5000

static void
crm_store_finalize (GObject *object)
{
  CrmStore *self = (CrmStore *) object;

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->backup_path);
  g_array_unref (self->pending_changes);
  crm_store_restore_abort (self);

  G_OBJECT_CLASS (crm_store_parent_class)->finalize (object);
}

static void
crm_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrmStore *self = CRM_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_store_class_init (CrmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_store_finalize;
  object_class->get_property = crm_store_get_property;

  /* The database file. */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmStore::customer-changed:
   * @customer_id: the customer saved, deleted or restored; 0 when many
   *   changed at once
   *
   * Emitted once a write to a customer is committed, in the thread that
   * uses the store; never for a write that was rolled back.
   */
  signals[CUSTOMER_CHANGED] =
    g_signal_new ("customer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
crm_store_init (CrmStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Remembers that a customer was written in the open transaction, to tell
 * listeners once it commits. */
void
crm_store_note_change (CrmStore *self,
                       gint64    customer_id)
{
  if (self->pending_changes->len > MAX_PENDING_CHANGES)
    return;
  if (self->pending_changes->len == MAX_PENDING_CHANGES)
    customer_id = 0;
  g_array_append_val (self->pending_changes, customer_id);
}

static void
emit_pending_changes (CrmStore *self)
{
  g_autoptr(GArray) changes = self->pending_changes;
  gboolean everything = FALSE;

  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!g_signal_has_handler_pending (self, signals[CUSTOMER_CHANGED], 0, TRUE))
    return;

  for (guint i = 0; i < changes->len; i++)
    everything |= g_array_index (changes, gint64, i) == 0;
  if (everything)
    {
      g_signal_emit (self, signals[CUSTOMER_CHANGED], 0, (gint64) 0);
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    g_signal_emit (self, signals[CUSTOMER_CHANGED], 0, g_array_index (changes, gint64, i));
}

/* The database a user gets when they name none. */
char *
crm_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "touchpoint", "touchpoint.db", NULL);
}

/* Turns an SQLite result code into an error that says what failed, on which
 * file, and why, in words a user can act on. */
void
crm_store_set_error (CrmStore    *self,
                     int          rc,
                     const char  *what,
                     GError     **error)
{
  CrmStoreError code;
  const char *reason;
  g_autofree char *detail = NULL;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = CRM_STORE_ERROR_DISK_FULL;
      reason = _("the disk is full");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = CRM_STORE_ERROR_BUSY;
      reason = _("the database is in use by another program");
      break;
    case SQLITE_READONLY:
      code = CRM_STORE_ERROR_READ_ONLY;
      reason = _("the file cannot be written to");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = CRM_STORE_ERROR_NOT_A_DATABASE;
      reason = _("the file is damaged or is not a database");
      break;
    case SQLITE_CANTOPEN:
      code = CRM_STORE_ERROR_IO;
      reason = _("the file cannot be opened");
      break;
    case SQLITE_IOERR:
      code = CRM_STORE_ERROR_IO;
      detail = g_strdup_printf (_("a read or write error occurred (%s)"),
                                self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      reason = detail;
      break;
    case SQLITE_CONSTRAINT:
      code = CRM_STORE_ERROR_CONSTRAINT;
      detail = g_strdup_printf (_("the data breaks a rule of the database (%s)"),
                                self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      reason = detail;
      break;
    default:
      code = CRM_STORE_ERROR_FAILED;
      reason = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
      break;
    }

  /* TRANSLATORS: "Could not save the customer in “/home/…/touchpoint.db”: the disk is full" */
  g_set_error (error, CRM_STORE_ERROR, code, _("%s in “%s”: %s"), what, self->path, reason);
}

/* Prepared statements are cached by their SQL text for the life of the
 * connection: the generator and the importers run the same few statements
 * millions of times. The statement comes back reset with no bindings. */
sqlite3_stmt *
crm_store_prepare (CrmStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      crm_store_set_error (self, rc, _("Could not read the database"), error);
      return NULL;
    }

  /* The key is the statement's own copy of the SQL, which lives as long as
   * the statement does. */
  g_hash_table_insert (self->statements, (gpointer) sqlite3_sql (stmt), stmt);
  return stmt;
}

/* A progress handler (sqlite3_progress_handler()) that lets a long query
 * stop as soon as its caller no longer wants it: @cancellable is a
 * GCancellable. */
int
crm_store_is_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* Runs a statement that returns no rows and resets it. */
gboolean
crm_store_step_done (CrmStore      *self,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  crm_store_set_error (self, rc, what, error);
  return FALSE;
}

gboolean
crm_store_exec (CrmStore    *self,
                const char  *sql,
                const char  *what,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  crm_store_set_error (self, rc, what, error);
  return FALSE;
}

/* Text columns are NOT NULL DEFAULT '' in the schema; binding "" for NULL
 * keeps it that way. */
void
crm_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

const char *
crm_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

/* A row reader for crm_store_list_rows(): the first column as a string. */
gpointer
crm_store_read_text (sqlite3_stmt *stmt)
{
  return g_strdup (crm_store_column_text (stmt, 0));
}

/* Runs a query, with @key bound to its parameter if it has one, and turns
 * each row into an element with @read_row. NULL with @error set on failure;
 * @what says what was being read. */
GPtrArray *
crm_store_list_rows (CrmStore        *self,
                     const char      *sql,
                     gint64           key,
                     gpointer       (*read_row) (sqlite3_stmt *stmt),
                     GDestroyNotify   free_row,
                     const char      *what,
                     GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, key);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, what, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
query_int (CrmStore    *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      crm_store_set_error (self, rc, _("Could not read the database"), error);
      return FALSE;
    }
  return TRUE;
}

static char *
make_backup_path (const char *path,
                  int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *backup = g_strdup_printf ("%s.schema-%d-%s.bak", path, version, stamp);

  /* Two migrations within a second would collide; never overwrite. */
  for (guint n = 2; g_file_test (backup, G_FILE_TEST_EXISTS); n++)
    {
      g_free (backup);
      backup = g_strdup_printf ("%s.schema-%d-%s-%u.bak", path, version, stamp, n);
    }
  return backup;
}

/* A consistent copy of the live database, written by SQLite itself, taken
 * before the schema changes so the user can go back if a migration goes
 * wrong in a way no test foresaw. */
static gboolean
backup_before_migration (CrmStore    *self,
                         int          version,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  self->backup_path = make_backup_path (self->path, version);
  stmt = crm_store_prepare (self, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  crm_store_bind_text (stmt, 1, self->backup_path);
  return crm_store_step_done (self, stmt, _("Could not back up the database before upgrading it"), error);
}

static gboolean
check_and_prepare (CrmStore  *self,
                   GError   **error)
{
  gint64 application_id, version, n_objects;

  /* Only reads until the file is known to be ours: a database of another
   * program, or of a newer Touchpoint, is left exactly as it was. */
  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id != CRM_STORE_APPLICATION_ID &&
      !(application_id == 0 && version == 0 && n_objects == 0))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not of Touchpoint; it was not changed"),
                   self->path);
      return FALSE;
    }

  if (version > crm_store_get_schema_version ())
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Touchpoint (database version %d; "
                     "this version understands up to %d). Update Touchpoint to open it; "
                     "the file was not changed"),
                   self->path, (int) version, crm_store_get_schema_version ());
      return FALSE;
    }

  /* synchronous=FULL with WAL makes every commit durable across a power
   * cut; foreign keys keep touchpoints from pointing at deleted customers. */
  if (!crm_store_exec (self,
                       "PRAGMA journal_mode=WAL;"
                       "PRAGMA synchronous=FULL;"
                       "PRAGMA foreign_keys=ON;"
                       /* 8 MB of page cache a connection: a window keeps a
                        * few connections open; bulk writers ask for more */
                       "PRAGMA cache_size=-8000;",
                       _("Could not prepare the database"), error))
    return FALSE;

  if (version < crm_store_get_schema_version () &&
      ((version > 0 && !backup_before_migration (self, (int) version, error)) ||
       !crm_store_migrate (self, (int) version, error)))
    return FALSE;

  return crm_store_prune_journal (self, error);
}

/**
 * crm_store_open:
 * @path: the database file; created with its folder when missing
 *
 * Opens a Touchpoint database, creating or upgrading it as needed. A file
 * that is not a Touchpoint database, or that a newer version wrote, is
 * refused with an error and left untouched.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(CrmStore) self = NULL;
  g_autofree char *folder = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (CRM_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      crm_store_set_error (self, rc, _("Could not open the database"), error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_and_prepare (self, error) || !crm_store_add_journey_functions (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
crm_store_get_path (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  return self->path;
}

/**
 * crm_store_get_backup_path:
 *
 * Returns: (nullable): the copy of the database made before the schema was
 *   upgraded when this store was opened, or %NULL when no upgrade ran
 */
const char *
crm_store_get_backup_path (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  return self->backup_path;
}

/**
 * crm_store_begin:
 *
 * Starts a write transaction, or a savepoint inside the current one, so that
 * every public write can wrap itself and callers can still group many writes
 * (an import, a merge) into one all-or-nothing transaction. The outermost
 * level takes the write lock at once (BEGIN IMMEDIATE) so that a second
 * writer waits at the start instead of failing half-way.
 */
gboolean
crm_store_begin (CrmStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (self->depth == 0 || !self->batch)
    if (!crm_store_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested",
                         _("Could not start writing to the database"), error))
      return FALSE;

  self->depth++;
  return TRUE;
}

/**
 * crm_store_begin_batch:
 *
 * Starts a write transaction whose inner levels take no savepoints: for a
 * long run of writes that stand or fall together, such as an import. A
 * savepoint costs little in SQLite itself, but the full-text index writes
 * out what it holds in memory at each one, which made every saved customer
 * a new index segment. An inner level that fails cannot be undone alone,
 * so the whole batch is then rolled back at its commit.
 */
gboolean
crm_store_begin_batch (CrmStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!crm_store_begin (self, error))
    return FALSE;
  self->batch = TRUE;
  self->batch_failed = FALSE;
  return TRUE;
}

gboolean
crm_store_commit (CrmStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      if (!self->batch &&
          !crm_store_exec (self, "RELEASE nested", _("Could not write to the database"), error))
        return FALSE;
      self->depth--;
      return TRUE;
    }

  if (self->batch_failed)
    {
      crm_store_rollback (self);
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_FAILED,
                   _("Nothing was written to “%s”: a write in the middle failed"), self->path);
      return FALSE;
    }
  if (!crm_store_exec (self, "COMMIT", _("Could not write to the database"), error))
    {
      crm_store_rollback (self);
      return FALSE;
    }
  self->depth = 0;
  self->batch = FALSE;
  emit_pending_changes (self);
  return TRUE;
}

void
crm_store_rollback (CrmStore *self)
{
  g_return_if_fail (CRM_IS_STORE (self));

  if (self->depth == 0)
    return;

  self->depth--;
  /* A rolled-back savepoint may have held changes too; listeners then hear
   * of a customer that did not change, which costs them a refresh only. */
  if (self->depth == 0)
    {
      g_array_set_size (self->pending_changes, 0);
      self->batch = self->batch_failed = FALSE;
    }
  else if (self->batch)
    {
      /* Nothing to roll back to: the batch's commit refuses instead. */
      self->batch_failed = TRUE;
      return;
    }

  /* After some errors (a full disk, an I/O error) SQLite has already rolled
   * the whole transaction back; there is nothing left to undo then. */
  if (sqlite3_get_autocommit (self->db))
    {
      self->depth = 0;
      return;
    }

  if (self->depth > 0)
    sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * crm_store_set_cache_size:
 * @megabytes: the page cache of this connection
 *
 * Connections start with 8 MB. Bulk writers (the generator, imports) and
 * long-lived readers that serve every keystroke (the customer list) ask
 * for more: fewer pages spill to the WAL, fewer are read twice.
 */
void
crm_store_set_cache_size (CrmStore *self,
                          guint     megabytes)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (megabytes > 0 && megabytes < 4096);

  /* A negative size is in KiB; the value is our own integer. */
  sql = g_strdup_printf ("PRAGMA cache_size=-%u", megabytes * 1024);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

gint64
crm_store_count (CrmStore       *self,
                 CrmRecordKind   kind,
                 GError        **error)
{
  static const char * const queries[] = {
    [CRM_RECORD_CUSTOMERS] = "SELECT count(*) FROM customers",
    [CRM_RECORD_TOUCHPOINTS] = "SELECT count(*) FROM touchpoints",
    [CRM_RECORD_TRANSACTIONS] = "SELECT count(*) FROM transactions",
    [CRM_RECORD_CHANNELS] = "SELECT count(*) FROM channels",
    [CRM_RECORD_TOUCHPOINT_TYPES] = "SELECT count(*) FROM touchpoint_types",
  };
  gint64 count = -1;

  g_return_val_if_fail (CRM_IS_STORE (self), -1);
  g_return_val_if_fail (kind < G_N_ELEMENTS (queries), -1);

  if (!query_int (self, queries[kind], &count, error))
    return -1;
  return count;
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  CrmStore *store = crm_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * crm_store_open_async:
 *
 * Opens (and if needed creates or upgrades) the database on a worker
 * thread, so that a locked file or a long migration never freezes the
 * window. The connection is then used by the thread that finishes the call.
 */
void
crm_store_open_async (const char          *path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

CrmStore *
crm_store_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
count_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CrmStore *self = source_object;
  g_autoptr(CrmStore) store = NULL;
  g_autofree CrmStoreCounts *counts = g_new0 (CrmStoreCounts, 1);
  GError *error = NULL;

  /* A connection of its own: the caller's belongs to the caller's thread. */
  store = crm_store_open (self->path, &error);
  if (store == NULL ||
      (counts->customers = crm_store_count (store, CRM_RECORD_CUSTOMERS, &error)) < 0 ||
      (counts->touchpoints = crm_store_count (store, CRM_RECORD_TOUCHPOINTS, &error)) < 0 ||
      (counts->transactions = crm_store_count (store, CRM_RECORD_TRANSACTIONS, &error)) < 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

void
crm_store_count_all_async (CrmStore            *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_store_count_all_async);
  g_task_run_in_thread (task, count_in_thread);
}

gboolean
crm_store_count_all_finish (CrmStore        *self,
                            GAsyncResult    *result,
                            CrmStoreCounts  *counts,
                            GError         **error)
{
  g_autofree CrmStoreCounts *found = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;
  *counts = *found;
  return TRUE;
}
