/* crm-store-exports.c: every touchpoint and transaction of the database,
 * for exports. Rows are handed out one at a time straight from the
 * statement, never gathered, so ten million touchpoints cost the memory
 * of one; the names that make a row readable (customer, type, channel)
 * come with it in the same query.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-private.h"

/* Rows between two looks at the cancellable. */
#define CANCEL_STEP 4096

/* Steps @stmt to its end, calling @row_func on each row; resets it
 * whatever happens. */
static gboolean
run_rows (CrmStore      *self,
          sqlite3_stmt  *stmt,
          gboolean     (*row_func) (sqlite3_stmt *stmt, gpointer data, GError **error),
          gpointer       data,
          const char    *what,
          GCancellable  *cancellable,
          GError       **error)
{
  guint64 n = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (++n % CANCEL_STEP == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (!row_func (stmt, data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, what, error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  CrmTouchpointRowFunc  func;
  gpointer              user_data;
} TouchpointVisit;

static gboolean
visit_touchpoint (sqlite3_stmt  *stmt,
                  gpointer       data,
                  GError       **error)
{
  TouchpointVisit *visit = data;
  CrmTouchpointRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .occurred_at = sqlite3_column_int64 (stmt, 1),
    .customer_uid = crm_store_column_text (stmt, 2),
    .customer_name = crm_store_column_text (stmt, 3),
    .type_name = crm_store_column_text (stmt, 4),
    .stage = crm_store_column_text (stmt, 5),
    .moment_of_truth = sqlite3_column_int (stmt, 6) != 0,
    .channel_name = crm_store_column_text (stmt, 7),
    .direction = sqlite3_column_int (stmt, 8),
    .outcome = sqlite3_column_int (stmt, 9),
    .satisfaction = CLAMP (sqlite3_column_int (stmt, 10), 0, 5),
    .note = crm_store_column_text (stmt, 11),
    .transaction_id = sqlite3_column_int64 (stmt, 12),
  };

  return visit->func (&row, visit->user_data, error);
}

/**
 * crm_store_foreach_touchpoint:
 * @func: called for each touchpoint, oldest first
 *
 * Returns: %FALSE with @error set when reading failed, @func stopped or
 *   the export was cancelled
 */
gboolean
crm_store_foreach_touchpoint (CrmStore              *self,
                              CrmTouchpointRowFunc   func,
                              gpointer               user_data,
                              GCancellable          *cancellable,
                              GError               **error)
{
  TouchpointVisit visit = { func, user_data };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* In time order by the touchpoints_by_time index; types and channels
   * are few, customers are found by their key. */
  stmt = crm_store_prepare (self,
                            "SELECT t.id, t.occurred_at, c.uid, c.display_name, "
                            "coalesce (y.name, ''), coalesce (y.stage, ''), coalesce (y.moment_of_truth, 0), "
                            "coalesce (h.name, ''), t.direction, t.outcome, t.satisfaction, t.note, "
                            "coalesce (t.transaction_id, 0) "
                            "FROM touchpoints AS t "
                            "JOIN customers AS c ON c.id = t.customer_id "
                            "LEFT JOIN touchpoint_types AS y ON y.id = t.type_id "
                            "LEFT JOIN channels AS h ON h.id = t.channel_id "
                            "ORDER BY t.occurred_at, t.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  return run_rows (self, stmt, visit_touchpoint, &visit, _("Could not read the touchpoints"),
                   cancellable, error);
}

typedef struct
{
  CrmTransactionRowFunc  func;
  gpointer               user_data;
} TransactionVisit;

static gboolean
visit_transaction (sqlite3_stmt  *stmt,
                   gpointer       data,
                   GError       **error)
{
  TransactionVisit *visit = data;
  CrmTransactionRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .occurred_at = sqlite3_column_int64 (stmt, 1),
    .customer_uid = crm_store_column_text (stmt, 2),
    .customer_name = crm_store_column_text (stmt, 3),
    .amount = sqlite3_column_int64 (stmt, 4),
    .currency = crm_store_column_text (stmt, 5),
    .product = crm_store_column_text (stmt, 6),
    .status = sqlite3_column_int (stmt, 7),
  };

  return visit->func (&row, visit->user_data, error);
}

/**
 * crm_store_foreach_transaction:
 * @func: called for each transaction, oldest first
 *
 * Returns: %FALSE with @error set when reading failed, @func stopped or
 *   the export was cancelled
 */
gboolean
crm_store_foreach_transaction (CrmStore               *self,
                               CrmTransactionRowFunc   func,
                               gpointer                user_data,
                               GCancellable           *cancellable,
                               GError                **error)
{
  TransactionVisit visit = { func, user_data };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = crm_store_prepare (self,
                            "SELECT x.id, x.occurred_at, c.uid, c.display_name, x.amount, x.currency, "
                            "x.product, x.status "
                            "FROM transactions AS x "
                            "JOIN customers AS c ON c.id = x.customer_id "
                            "ORDER BY x.occurred_at, x.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  return run_rows (self, stmt, visit_transaction, &visit, _("Could not read the transactions"),
                   cancellable, error);
}
