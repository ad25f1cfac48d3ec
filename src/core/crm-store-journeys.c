/* crm-store-journeys.c: reading and writing channels, touchpoint types,
 * touchpoints and transactions: the data of customers' journeys.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-private.h"

/* What customer_id a touchpoint or transaction row holds. */
#define TOUCHPOINT_OWNER_SQL "SELECT customer_id FROM touchpoints WHERE id = ?"
#define TRANSACTION_OWNER_SQL "SELECT customer_id FROM transactions WHERE id = ?"

/* The customer row @id belongs to before a write, by @owner_sql, or 0. A
 * failed lookup costs a notice only; the write itself reports errors. */
static gint64
former_owner (CrmStore   *self,
              const char *owner_sql,
              gint64      id)
{
  sqlite3_stmt *stmt;
  gint64 owner = 0;

  if (owner_sql == NULL || id == 0 || (stmt = crm_store_prepare (self, owner_sql, NULL)) == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    owner = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return owner;
}

/* Runs one bound INSERT, UPDATE or DELETE of row @id (0 for an insert).
 * Inside the caller's transaction it runs as is: SQLite undoes a failed
 * statement by itself, and a savepoint per row would slow bulk writes for
 * nothing. Outside one it gets its own BEGIN IMMEDIATE … COMMIT. Returns
 * the number of rows changed, or -1. */
static int
run_write (CrmStore      *self,
           sqlite3_stmt  *stmt,
           gint64         id,
           gint64         customer_id,
           const char    *owner_sql,
           const char    *what,
           GError       **error)
{
  gboolean own_transaction = self->depth == 0;
  gint64 former;
  int changes;

  if (own_transaction && !crm_store_begin (self, error))
    {
      sqlite3_reset (stmt);
      return -1;
    }

  former = former_owner (self, owner_sql, id);
  if (!crm_store_step_done (self, stmt, what, error))
    {
      if (own_transaction)
        crm_store_rollback (self);
      return -1;
    }
  changes = sqlite3_changes (self->db);
  /* A customer's list row (touchpoint count, last touchpoint, lifetime
   * value) and journey follow their touchpoints and transactions: those of
   * the customer who gets the row, and of the one who had it when it is
   * deleted or moved to someone else. */
  if (customer_id > 0)
    crm_store_note_change (self, customer_id);
  if (former > 0 && former != customer_id)
    crm_store_note_change (self, former);

  if (own_transaction && !crm_store_commit (self, error))
    return -1;
  return changes;
}

/* Runs an INSERT (when *id is 0) or UPDATE … WHERE id = ?N whose other
 * parameters are already bound. On success *id holds the row's id.
 * @customer_id is the customer the row belongs to, or 0; @owner_sql reads
 * whose it was, or is NULL for rows of no customer. */
static gboolean
write_row (CrmStore      *self,
           sqlite3_stmt  *stmt,
           gint64        *id,
           gint64         customer_id,
           const char    *owner_sql,
           const char    *what,
           GError       **error)
{
  gboolean inserting = *id == 0;
  int changes = run_write (self, stmt, *id, customer_id, owner_sql, what, error);

  if (changes < 0)
    return FALSE;

  if (inserting)
    *id = sqlite3_last_insert_rowid (self->db);
  else if (changes == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("%s in “%s”: it was deleted in the meantime"), what, self->path);
      return FALSE;
    }
  return TRUE;
}

/* The row id is bound last, as ?N, so one statement shape serves insert
 * ("… VALUES (…)", id unbound) and update ("… WHERE id = ?N"). */
static sqlite3_stmt *
prepare_write (CrmStore    *self,
               gint64       id,
               const char  *insert_sql,
               const char  *update_sql,
               int          id_index,
               GError     **error)
{
  sqlite3_stmt *stmt = crm_store_prepare (self, id == 0 ? insert_sql : update_sql, error);

  if (stmt != NULL && id != 0)
    sqlite3_bind_int64 (stmt, id_index, id);
  return stmt;
}

static gboolean
delete_row (CrmStore    *self,
            const char  *sql,
            const char  *owner_sql,
            gint64       id,
            const char  *what,
            GError     **error)
{
  sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);
  int changes;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  changes = run_write (self, stmt, id, 0, owner_sql, what, error);
  if (changes < 0)
    return FALSE;
  if (changes == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("%s in “%s”: it does not exist"), what, self->path);
      return FALSE;
    }
  return TRUE;
}

static gpointer
load_one (CrmStore    *self,
          const char  *sql,
          gint64       id,
          gpointer   (*read_row) (sqlite3_stmt *stmt),
          const char  *what,
          GError     **error)
{
  g_autoptr(GPtrArray) rows = crm_store_list_rows (self, sql, id, read_row, g_object_unref,
                                                   what, error);

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("%s in “%s”: it does not exist"), what, self->path);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* Channels */

gboolean
crm_store_save_channel (CrmStore    *self,
                        CrmChannel  *channel,
                        GError     **error)
{
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_CHANNEL (channel), FALSE);

  id = crm_channel_get_id (channel);
  stmt = prepare_write (self, id,
                        "INSERT INTO channels (key, name, position) VALUES (?1, ?2, ?3)",
                        "UPDATE channels SET key = ?1, name = ?2, position = ?3 WHERE id = ?4",
                        4, error);
  if (stmt == NULL)
    return FALSE;
  crm_store_bind_text (stmt, 1, crm_channel_get_key (channel));
  crm_store_bind_text (stmt, 2, crm_channel_get_name (channel));
  sqlite3_bind_int (stmt, 3, crm_channel_get_position (channel));
  if (!write_row (self, stmt, &id, 0, NULL, _("Could not save the channel"), error))
    return FALSE;

  crm_channel_set_id (channel, id);
  return TRUE;
}

static gpointer
read_channel (sqlite3_stmt *stmt)
{
  CrmChannel *channel = crm_channel_new ();

  crm_channel_set_id (channel, sqlite3_column_int64 (stmt, 0));
  crm_channel_set_key (channel, crm_store_column_text (stmt, 1));
  crm_channel_set_name (channel, crm_store_column_text (stmt, 2));
  crm_channel_set_position (channel, sqlite3_column_int (stmt, 3));
  return channel;
}

/**
 * crm_store_list_channels:
 *
 * Returns: (transfer full) (element-type CrmChannel): every channel, in the
 *   user's order
 */
GPtrArray *
crm_store_list_channels (CrmStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return crm_store_list_rows (self, "SELECT id, key, name, position FROM channels ORDER BY position, id",
                    0, read_channel, g_object_unref, _("Could not read the channels"), error);
}

gboolean
crm_store_delete_channel (CrmStore  *self,
                          gint64     id,
                          GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM channels WHERE id = ?", NULL, id,
                     _("Could not delete the channel"), error);
}

/**
 * crm_store_count_touchpoints_using:
 * @kind: %CRM_RECORD_CHANNELS or %CRM_RECORD_TOUCHPOINT_TYPES
 * @id: the channel's or type's id
 * @cancellable: (nullable): stops the count
 *
 * How many touchpoints came through the channel or are of the type: what
 * keeps it from being deleted. Reads one column of every touchpoint (a
 * second on ten million): for a worker thread.
 *
 * Returns: the count, or -1 with @error set
 */
gint64
crm_store_count_touchpoints_using (CrmStore       *self,
                                   CrmRecordKind   kind,
                                   gint64          id,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (self), -1);
  g_return_val_if_fail (kind == CRM_RECORD_CHANNELS || kind == CRM_RECORD_TOUCHPOINT_TYPES, -1);

  stmt = crm_store_prepare (self,
                            kind == CRM_RECORD_CHANNELS
                            ? "SELECT count(*) FROM touchpoints WHERE channel_id = ?"
                            : "SELECT count(*) FROM touchpoints WHERE type_id = ?",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, crm_store_is_cancelled, cancellable);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (rc == SQLITE_ROW)
    return count;
  if (!(rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error)))
    crm_store_set_error (self, rc, _("Could not count the touchpoints"), error);
  return -1;
}

/* Touchpoint types */

gboolean
crm_store_save_touchpoint_type (CrmStore           *self,
                                CrmTouchpointType  *type,
                                GError            **error)
{
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_TOUCHPOINT_TYPE (type), FALSE);

  id = crm_touchpoint_type_get_id (type);
  stmt = prepare_write (self, id,
                        "INSERT INTO touchpoint_types (name, stage, moment_of_truth, required_data) "
                        "VALUES (?1, ?2, ?3, ?4)",
                        "UPDATE touchpoint_types SET name = ?1, stage = ?2, moment_of_truth = ?3, "
                        "required_data = ?4 WHERE id = ?5",
                        5, error);
  if (stmt == NULL)
    return FALSE;
  crm_store_bind_text (stmt, 1, crm_touchpoint_type_get_name (type));
  crm_store_bind_text (stmt, 2, crm_touchpoint_type_get_stage (type));
  sqlite3_bind_int (stmt, 3, crm_touchpoint_type_get_moment_of_truth (type));
  sqlite3_bind_int (stmt, 4, crm_touchpoint_type_get_required_data (type));
  if (!write_row (self, stmt, &id, 0, NULL, _("Could not save the touchpoint type"), error))
    return FALSE;

  crm_touchpoint_type_set_id (type, id);
  return TRUE;
}

static gpointer
read_touchpoint_type (sqlite3_stmt *stmt)
{
  CrmTouchpointType *type = crm_touchpoint_type_new ();

  crm_touchpoint_type_set_id (type, sqlite3_column_int64 (stmt, 0));
  crm_touchpoint_type_set_name (type, crm_store_column_text (stmt, 1));
  crm_touchpoint_type_set_stage (type, crm_store_column_text (stmt, 2));
  crm_touchpoint_type_set_moment_of_truth (type, sqlite3_column_int (stmt, 3));
  crm_touchpoint_type_set_required_data (type, sqlite3_column_int (stmt, 4));
  return type;
}

/**
 * crm_store_list_touchpoint_types:
 *
 * Returns: (transfer full) (element-type CrmTouchpointType): every type
 */
GPtrArray *
crm_store_list_touchpoint_types (CrmStore  *self,
                                 GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return crm_store_list_rows (self,
                    "SELECT id, name, stage, moment_of_truth, required_data "
                    "FROM touchpoint_types ORDER BY id",
                    0, read_touchpoint_type, g_object_unref,
                              _("Could not read the touchpoint types"), error);
}

gboolean
crm_store_delete_touchpoint_type (CrmStore  *self,
                                  gint64     id,
                                  GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM touchpoint_types WHERE id = ?", NULL, id,
                     _("Could not delete the touchpoint type"), error);
}

/* Touchpoints */

#define TOUCHPOINT_COLUMNS \
  "id, customer_id, type_id, channel_id, occurred_at, direction, outcome, " \
  "satisfaction, note, transaction_id"

gboolean
crm_store_save_touchpoint (CrmStore       *self,
                           CrmTouchpoint  *touchpoint,
                           GError        **error)
{
  gint64 id, transaction_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (touchpoint), FALSE);

  id = crm_touchpoint_get_id (touchpoint);
  stmt = prepare_write (self, id,
                        "INSERT INTO touchpoints (customer_id, type_id, channel_id, occurred_at, "
                        "direction, outcome, satisfaction, note, transaction_id) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        "UPDATE touchpoints SET customer_id = ?1, type_id = ?2, channel_id = ?3, "
                        "occurred_at = ?4, direction = ?5, outcome = ?6, satisfaction = ?7, "
                        "note = ?8, transaction_id = ?9 WHERE id = ?10",
                        10, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, crm_touchpoint_get_customer_id (touchpoint));
  sqlite3_bind_int64 (stmt, 2, crm_touchpoint_get_type_id (touchpoint));
  sqlite3_bind_int64 (stmt, 3, crm_touchpoint_get_channel_id (touchpoint));
  sqlite3_bind_int64 (stmt, 4, crm_touchpoint_get_occurred_at (touchpoint));
  sqlite3_bind_int (stmt, 5, crm_touchpoint_get_direction (touchpoint));
  sqlite3_bind_int (stmt, 6, crm_touchpoint_get_outcome (touchpoint));
  sqlite3_bind_int (stmt, 7, crm_touchpoint_get_satisfaction (touchpoint));
  crm_store_bind_text (stmt, 8, crm_touchpoint_get_note (touchpoint));
  transaction_id = crm_touchpoint_get_transaction_id (touchpoint);
  if (transaction_id != 0)
    sqlite3_bind_int64 (stmt, 9, transaction_id);
  if (!write_row (self, stmt, &id, crm_touchpoint_get_customer_id (touchpoint), TOUCHPOINT_OWNER_SQL,
                  _("Could not save the touchpoint"), error))
    return FALSE;

  crm_touchpoint_set_id (touchpoint, id);
  return TRUE;
}

static gpointer
read_touchpoint (sqlite3_stmt *stmt)
{
  CrmTouchpoint *touchpoint = crm_touchpoint_new ();

  crm_touchpoint_set_id (touchpoint, sqlite3_column_int64 (stmt, 0));
  crm_touchpoint_set_customer_id (touchpoint, sqlite3_column_int64 (stmt, 1));
  crm_touchpoint_set_type_id (touchpoint, sqlite3_column_int64 (stmt, 2));
  crm_touchpoint_set_channel_id (touchpoint, sqlite3_column_int64 (stmt, 3));
  crm_touchpoint_set_occurred_at (touchpoint, sqlite3_column_int64 (stmt, 4));
  crm_touchpoint_set_direction (touchpoint, sqlite3_column_int (stmt, 5));
  crm_touchpoint_set_outcome (touchpoint, sqlite3_column_int (stmt, 6));
  crm_touchpoint_set_satisfaction (touchpoint, CLAMP (sqlite3_column_int (stmt, 7), 0, 5));
  crm_touchpoint_set_note (touchpoint, crm_store_column_text (stmt, 8));
  crm_touchpoint_set_transaction_id (touchpoint, sqlite3_column_int64 (stmt, 9));
  return touchpoint;
}

CrmTouchpoint *
crm_store_load_touchpoint (CrmStore  *self,
                           gint64     id,
                           GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return load_one (self, "SELECT " TOUCHPOINT_COLUMNS " FROM touchpoints WHERE id = ?", id,
                   read_touchpoint, _("Could not read the touchpoint"), error);
}

gboolean
crm_store_delete_touchpoint (CrmStore  *self,
                             gint64     id,
                             GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM touchpoints WHERE id = ?", TOUCHPOINT_OWNER_SQL, id,
                     _("Could not delete the touchpoint"), error);
}

/**
 * crm_store_list_touchpoints:
 *
 * Returns: (transfer full) (element-type CrmTouchpoint): the customer's
 *   touchpoints, oldest first
 */
GPtrArray *
crm_store_list_touchpoints (CrmStore  *self,
                            gint64     customer_id,
                            GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return crm_store_list_rows (self,
                    "SELECT " TOUCHPOINT_COLUMNS " FROM touchpoints WHERE customer_id = ? "
                    "ORDER BY occurred_at, id",
                    customer_id, read_touchpoint, g_object_unref, _("Could not read the touchpoints"), error);
}

/* Transactions */

#define TRANSACTION_COLUMNS "id, customer_id, occurred_at, amount, currency, product, status"

gboolean
crm_store_save_transaction (CrmStore        *self,
                            CrmTransaction  *transaction,
                            GError         **error)
{
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_TRANSACTION (transaction), FALSE);

  id = crm_transaction_get_id (transaction);
  stmt = prepare_write (self, id,
                        "INSERT INTO transactions (customer_id, occurred_at, amount, currency, "
                        "product, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        "UPDATE transactions SET customer_id = ?1, occurred_at = ?2, amount = ?3, "
                        "currency = ?4, product = ?5, status = ?6 WHERE id = ?7",
                        7, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, crm_transaction_get_customer_id (transaction));
  sqlite3_bind_int64 (stmt, 2, crm_transaction_get_occurred_at (transaction));
  sqlite3_bind_int64 (stmt, 3, crm_transaction_get_amount (transaction));
  crm_store_bind_text (stmt, 4, crm_transaction_get_currency (transaction));
  crm_store_bind_text (stmt, 5, crm_transaction_get_product (transaction));
  sqlite3_bind_int (stmt, 6, crm_transaction_get_status (transaction));
  if (!write_row (self, stmt, &id, crm_transaction_get_customer_id (transaction), TRANSACTION_OWNER_SQL,
                  _("Could not save the transaction"), error))
    return FALSE;

  crm_transaction_set_id (transaction, id);
  return TRUE;
}

static gpointer
read_transaction (sqlite3_stmt *stmt)
{
  CrmTransaction *transaction = crm_transaction_new ();

  crm_transaction_set_id (transaction, sqlite3_column_int64 (stmt, 0));
  crm_transaction_set_customer_id (transaction, sqlite3_column_int64 (stmt, 1));
  crm_transaction_set_occurred_at (transaction, sqlite3_column_int64 (stmt, 2));
  crm_transaction_set_amount (transaction, sqlite3_column_int64 (stmt, 3));
  crm_transaction_set_currency (transaction, crm_store_column_text (stmt, 4));
  crm_transaction_set_product (transaction, crm_store_column_text (stmt, 5));
  crm_transaction_set_status (transaction, sqlite3_column_int (stmt, 6));
  return transaction;
}

CrmTransaction *
crm_store_load_transaction (CrmStore  *self,
                            gint64     id,
                            GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return load_one (self, "SELECT " TRANSACTION_COLUMNS " FROM transactions WHERE id = ?", id,
                   read_transaction, _("Could not read the transaction"), error);
}

gboolean
crm_store_delete_transaction (CrmStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM transactions WHERE id = ?", TRANSACTION_OWNER_SQL, id,
                     _("Could not delete the transaction"), error);
}

/**
 * crm_store_list_transactions:
 *
 * Returns: (transfer full) (element-type CrmTransaction): the customer's
 *   transactions, oldest first
 */
GPtrArray *
crm_store_list_transactions (CrmStore  *self,
                             gint64     customer_id,
                             GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return crm_store_list_rows (self,
                    "SELECT " TRANSACTION_COLUMNS " FROM transactions WHERE customer_id = ? "
                    "ORDER BY occurred_at, id",
                    customer_id, read_transaction, g_object_unref, _("Could not read the transactions"), error);
}
