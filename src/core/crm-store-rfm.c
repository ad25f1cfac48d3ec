/* crm-store-rfm.c: recency, frequency and monetary scores of the
 * customers who bought, their segments and lifetime value.
 *
 * Scores are quintiles by rank over all buying customers: a score is
 * 1 + 5 × (rank − 1) ÷ n, where rank is the SQL rank() (ties share the
 * lowest), so equal customers always get equal scores, even where most
 * customers share a value (one order). Recency ranks the last completed
 * order's time, so the scores do not age on their own.
 *
 * When they are computed: a full refresh ranks everyone again, which costs
 * seconds on a million customers; it runs after imports, archive restores
 * and generator runs, when the database changed since the last one
 * (rfm_state.dirty), and on request. A single edit does not wait for it
 * and does not pay for it: when a customer's transactions change, the
 * triggers of schema version 7 score that customer again at once against
 * the quintile bounds of the last full refresh (rfm_bounds), the lowest
 * value that earned each score. The customer's scores and segment are then
 * right relative to everyone else as they were at the last refresh; the
 * bounds themselves move at the next one. Editing a customer's name or
 * contact data changes nothing RFM depends on; moving them to another
 * owner, region or segment moves their segment count with them.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-store-private.h"

#define QUINTILE(value) "1 + 5 * (rank() OVER (ORDER BY " value ") - 1) / count(*) OVER ()"

/* Inside the caller's transaction. */
gboolean
crm_store_refresh_rfm_locked (CrmStore  *self,
                              GError   **error)
{
  sqlite3_stmt *stmt;

  if (!crm_store_exec (self,
                       "DELETE FROM customer_rfm;"
                       "INSERT INTO customer_rfm (customer_id, last_order_at, orders, lifetime_value,"
                       "  recency_score, frequency_score, monetary_score, segment)"
                       "  SELECT customer_id, last, n, v, r, f, m, " CRM_STORE_RFM_SEGMENT_SQL
                       "  FROM (SELECT customer_id, last, n, v, " QUINTILE ("last") " AS r, "
                       "    " QUINTILE ("n") " AS f, " QUINTILE ("v") " AS m"
                       "    FROM (SELECT customer_id, max(occurred_at) AS last, count(*) AS n, sum(amount) AS v"
                       "          FROM transactions WHERE status = 1 GROUP BY customer_id))"
                       /* In id order the rows are appended and each
                        * customer's row is checked in order: twice as fast
                        * on a million customers as in score order. */
                       "  ORDER BY customer_id;"
                       "DELETE FROM rfm_bounds;"
                       "INSERT INTO rfm_bounds (dimension, score, lowest)"
                       "  SELECT 0, recency_score, min(last_order_at) FROM customer_rfm GROUP BY 2"
                       "  UNION ALL SELECT 1, frequency_score, min(orders) FROM customer_rfm GROUP BY 2"
                       "  UNION ALL SELECT 2, monetary_score, min(lifetime_value) FROM customer_rfm GROUP BY 2;"
                       "DELETE FROM kpi_rfm_counts;"
                       "INSERT INTO kpi_rfm_counts (region, segment, owner, rfm_segment, customers)"
                       "  SELECT c.region, c.segment, c.owner, r.segment, count(*)"
                       "  FROM customer_rfm r JOIN customers c ON c.id = r.customer_id GROUP BY 1, 2, 3, 4;",
                       _("Could not compute the RFM scores"), error))
    return FALSE;

  stmt = crm_store_prepare (self, "UPDATE rfm_state SET dirty = 0, refreshed_at = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  return crm_store_step_done (self, stmt, _("Could not compute the RFM scores"), error);
}

/**
 * crm_store_refresh_rfm:
 * @cancellable: (nullable): stops the refresh; the scores stay as they were
 *
 * Scores every customer who bought again, in one transaction.
 */
gboolean
crm_store_refresh_rfm (CrmStore      *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!crm_store_begin (self, error))
    return FALSE;
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 1000, crm_store_is_cancelled, cancellable);
  ok = crm_store_refresh_rfm_locked (self, error);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (!ok)
    {
      crm_store_rollback (self);
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (cancellable, error);
        }
      return FALSE;
    }
  return crm_store_commit (self, error);
}

/**
 * crm_store_get_rfm_stale:
 * @stale: (out): whether transactions or customers changed since the last
 *   full refresh
 */
gboolean
crm_store_get_rfm_stale (CrmStore  *self,
                         gboolean  *stale,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (stale != NULL, FALSE);

  stmt = crm_store_prepare (self, "SELECT dirty FROM rfm_state", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *stale = rc != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      crm_store_set_error (self, rc, _("Could not read the RFM scores"), error);
      return FALSE;
    }
  return TRUE;
}

/**
 * crm_store_refresh_rfm_if_stale:
 *
 * A full refresh when the data changed since the last one: what imports
 * and other batches call when they are done.
 */
gboolean
crm_store_refresh_rfm_if_stale (CrmStore      *self,
                                GCancellable  *cancellable,
                                GError       **error)
{
  gboolean stale;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!crm_store_get_rfm_stale (self, &stale, error))
    return FALSE;
  return !stale || crm_store_refresh_rfm (self, cancellable, error);
}

/**
 * crm_store_get_customer_rfm:
 * @rfm: (out caller-allocates): the customer's scores
 *
 * Returns: whether the customer has scores (has bought); %FALSE with
 *   @error set on failure
 */
gboolean
crm_store_get_customer_rfm (CrmStore        *self,
                            gint64           customer_id,
                            CrmCustomerRfm  *rfm,
                            GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (rfm != NULL, FALSE);

  memset (rfm, 0, sizeof *rfm);
  stmt = crm_store_prepare (self,
                            "SELECT last_order_at, orders, lifetime_value, recency_score, frequency_score,"
                            " monetary_score, segment FROM customer_rfm WHERE customer_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      rfm->customer_id = customer_id;
      rfm->last_order_at = sqlite3_column_int64 (stmt, 0);
      rfm->orders = sqlite3_column_int64 (stmt, 1);
      rfm->lifetime_value = sqlite3_column_int64 (stmt, 2);
      rfm->recency = sqlite3_column_int (stmt, 3);
      rfm->frequency = sqlite3_column_int (stmt, 4);
      rfm->monetary = sqlite3_column_int (stmt, 5);
      rfm->segment = sqlite3_column_int (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not read the RFM scores"), error);
      return FALSE;
    }
  return rc == SQLITE_ROW;
}
