/* crm-store-kpi-breakdown.c: the breakdown of a scope's period for the
 * dashboard's charts (crm-kpi-breakdown.h), and the summaries it is read
 * from.
 *
 * Over time it reads kpi_daily, as the KPI table does. Channels and
 * lifecycle stages come from kpi_channel_monthly and kpi_stage_monthly
 * (schema version 7) when the period and the previous one are whole
 * calendar months, which every calendar period is; a custom period that
 * starts or ends within a month, and a single customer, are read from the
 * touchpoints and customers themselves.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-kpis-private.h"

#define DAY CRM_STORE_KPIS_DAY

typedef void (*RowFunc) (CrmKpiBreakdown *breakdown,
                         sqlite3_stmt    *stmt,
                         GHashTable      *channels);

/* Runs @sql_format, whose %s takes the scope's filters on the columns
 * named with @prefix, or @customer_filter for a single customer, and
 * hands each row to @func. */
static gboolean
run (Compute          *compute,
     const char       *sql_format,
     const char       *prefix,
     const char       *customer_filter,
     CrmKpiBreakdown  *breakdown,
     RowFunc           func,
     GHashTable       *channels,
     GCancellable     *cancellable,
     GError          **error)
{
  g_autoptr(GString) filters = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (crm_kpi_scope_get_level (compute->scope) == CRM_KPI_LEVEL_CUSTOMER)
    g_string_append (filters, customer_filter);
  else
    crm_store_kpis_append_filters (filters, compute->scope, prefix);
  sql = g_strdup_printf (sql_format, filters->str);
  stmt = crm_store_prepare (compute->self, sql, error);
  if (stmt == NULL)
    return FALSE;
  crm_store_kpis_bind (compute, stmt);
  if (sqlite3_bind_parameter_index (stmt, ":customer") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":customer"),
                        crm_kpi_scope_get_customer_id (compute->scope));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (breakdown, stmt, channels);
  sqlite3_reset (stmt);
  return !crm_store_kpis_step_failed (compute, rc, cancellable, error);
}

/* Over time: day, then the columns below. */
static const CrmKpiMeasure day_columns[] = {
  CRM_KPI_MEASURE_NEW_CUSTOMERS, CRM_KPI_MEASURE_CONVERTED, CRM_KPI_MEASURE_COMPLETE,
  CRM_KPI_MEASURE_TOUCHPOINTS, CRM_KPI_MEASURE_RATED, CRM_KPI_MEASURE_SATISFACTION,
  CRM_KPI_MEASURE_ORDERS, CRM_KPI_MEASURE_REVENUE,
};

static const char days_sql[] =
  "SELECT day, sum(new_customers), sum(converted), sum(complete), sum(touchpoints), sum(rated),"
  " sum(satisfaction), sum(orders), sum(revenue) FROM kpi_daily"
  " WHERE day >= :psd AND day < :ed%s GROUP BY day";

/* The same for one customer, from their rows, counted as the triggers
 * count them (crm-store-schema.c). */
static const char customer_days_sql[] =
  "SELECT day, sum(n), sum(converted), sum(complete), sum(t), sum(rated), sum(satisfaction),"
  " sum(orders), sum(revenue) FROM ("
  "  SELECT created_at / 86400 AS day, 1 AS n, lifecycle_stage IN (2, 3, 4) AS converted,"
  "    display_name != '' AND EXISTS (SELECT 1 FROM contact_points cp"
  "      WHERE cp.customer_id = customers.id AND cp.kind IN (0, 1)) AS complete,"
  "    0 AS t, 0 AS rated, 0 AS satisfaction, 0 AS orders, 0 AS revenue"
  "    FROM customers WHERE created_at >= :ps AND created_at < :e%s"
  "  UNION ALL SELECT occurred_at / 86400, 0, 0, 0, 1, satisfaction > 0, satisfaction, 0, 0"
  "    FROM touchpoints WHERE customer_id = :customer AND occurred_at >= :ps AND occurred_at < :e"
  "  UNION ALL SELECT occurred_at / 86400, 0, 0, 0, 0, 0, 0, 1, amount"
  "    FROM transactions WHERE customer_id = :customer AND status = 1"
  "    AND occurred_at >= :ps AND occurred_at < :e"
  ") GROUP BY day";

static void
add_day (CrmKpiBreakdown *breakdown,
         sqlite3_stmt    *stmt,
         GHashTable      *channels)
{
  gint64 day = sqlite3_column_int64 (stmt, 0);

  for (guint c = 0; c < G_N_ELEMENTS (day_columns); c++)
    crm_kpi_breakdown_add_day (breakdown, day, day_columns[c], sqlite3_column_int64 (stmt, c + 1));
}

/* Channels: id, then touchpoints, rated and satisfaction in the period,
 * the same in the previous one. */
#define CHANNEL_SUMS(when) \
  "sum(CASE WHEN " when " THEN touchpoints ELSE 0 END), sum(CASE WHEN " when " THEN rated ELSE 0 END)," \
  " sum(CASE WHEN " when " THEN satisfaction ELSE 0 END)"

static const char channels_monthly_sql[] =
  "SELECT channel_id, " CHANNEL_SUMS ("month >= :s") ", " CHANNEL_SUMS ("month < :s")
  " FROM kpi_channel_monthly WHERE month >= :ps AND month < :e%s GROUP BY channel_id";

static const char channels_sql[] =
  "SELECT channel_id, " CHANNEL_SUMS ("occurred_at >= :s") ", " CHANNEL_SUMS ("occurred_at < :s")
  " FROM (SELECT t.channel_id, t.occurred_at, 1 AS touchpoints, t.satisfaction > 0 AS rated, t.satisfaction"
  "   FROM touchpoints t JOIN customers c ON c.id = t.customer_id"
  "   WHERE t.occurred_at >= :ps AND t.occurred_at < :e%s) GROUP BY channel_id";

static void
add_channel (CrmKpiBreakdown *breakdown,
             sqlite3_stmt    *stmt,
             GHashTable      *channels)
{
  static const CrmKpiMeasure columns[] = {
    CRM_KPI_MEASURE_TOUCHPOINTS, CRM_KPI_MEASURE_RATED, CRM_KPI_MEASURE_SATISFACTION,
  };
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gpointer index;

  /* A channel deleted since is left out. */
  if (!g_hash_table_lookup_extended (channels, &id, NULL, &index))
    return;
  for (guint p = 0; p < 2; p++)
    {
      gint64 *measures = crm_kpi_breakdown_peek_channel (breakdown, GPOINTER_TO_UINT (index), p);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        measures[columns[c]] += sqlite3_column_int64 (stmt, 1 + p * G_N_ELEMENTS (columns) + c);
    }
}

static const char channel_names_sql[] = "SELECT id, name FROM channels WHERE 1%s ORDER BY position, id";

static void
add_channel_name (CrmKpiBreakdown *breakdown,
                  sqlite3_stmt    *stmt,
                  GHashTable      *channels)
{
  gint64 *id = g_new (gint64, 1);

  *id = sqlite3_column_int64 (stmt, 0);
  g_hash_table_insert (channels, id,
                       GUINT_TO_POINTER (crm_kpi_breakdown_add_channel (breakdown, *id,
                                                                        crm_store_column_text (stmt, 1))));
}

/* Lifecycle stages: stage, customers who came in during the period, in
 * the previous one. */
static const char stages_monthly_sql[] =
  "SELECT stage, sum(CASE WHEN month >= :s THEN customers ELSE 0 END),"
  " sum(CASE WHEN month < :s THEN customers ELSE 0 END)"
  " FROM kpi_stage_monthly WHERE month >= :ps AND month < :e%s GROUP BY stage";

static const char stages_sql[] =
  "SELECT lifecycle_stage, sum(created_at >= :s), sum(created_at < :s)"
  " FROM customers WHERE created_at >= :ps AND created_at < :e%s GROUP BY lifecycle_stage";

static void
add_stage (CrmKpiBreakdown *breakdown,
           sqlite3_stmt    *stmt,
           GHashTable      *channels)
{
  for (guint p = 0; p < 2; p++)
    crm_kpi_breakdown_add_stage (breakdown, sqlite3_column_int (stmt, 0), p, sqlite3_column_int64 (stmt, 1 + p));
}

static gboolean
is_month_start (gint64 time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (time);

  return date != NULL && time % DAY == 0 && g_date_time_get_day_of_month (date) == 1;
}

/* The breakdown of compute's scope and period, once its measures are in
 * compute->scope_row; inside the caller's read transaction. */
CrmKpiBreakdown *
crm_store_kpis_breakdown (Compute       *compute,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(CrmPeriod) period = crm_period_new (compute->kind, compute->start, compute->end);
  g_autoptr(CrmKpiBreakdown) breakdown = crm_kpi_breakdown_new (period);
  g_autoptr(GHashTable) channels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean customer = crm_kpi_scope_get_level (compute->scope) == CRM_KPI_LEVEL_CUSTOMER;
  gboolean monthly = !customer && is_month_start (compute->previous) && is_month_start (compute->start) &&
                     is_month_start (compute->end);
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  const CrmKpiScope *scope = compute->scope;
  gboolean ok;

  /* Channels belong to no scope. */
  compute->scope = company;
  ok = run (compute, channel_names_sql, "", "", breakdown, add_channel_name, channels, cancellable, error);
  compute->scope = scope;

  ok = ok &&
       run (compute, customer ? customer_days_sql : days_sql, "", " AND id = :customer",
            breakdown, add_day, channels, cancellable, error) &&
       run (compute, monthly ? channels_monthly_sql : channels_sql, monthly ? "" : "c.",
            " AND t.customer_id = :customer", breakdown, add_channel, channels, cancellable, error) &&
       run (compute, monthly ? stages_monthly_sql : stages_sql, "", " AND id = :customer",
            breakdown, add_stage, channels, cancellable, error);
  if (!ok)
    return NULL;
  crm_kpi_breakdown_finish (breakdown, compute->scope_row);
  return g_steal_pointer (&breakdown);
}

/* The monthly summaries from the rows, inside the caller's transaction:
 * for the migration that brought them and after an archive is restored
 * (with the triggers off). */
gboolean
crm_store_rebuild_kpi_breakdowns (CrmStore  *self,
                                  GError   **error)
{
  return crm_store_exec (self,
                         "DELETE FROM kpi_channel_monthly; DELETE FROM kpi_stage_monthly;"
                         "INSERT INTO kpi_channel_monthly"
                         "  (month, region, segment, owner, channel_id, touchpoints, rated, satisfaction)"
                         "  SELECT CAST(strftime('%s', t.occurred_at, 'unixepoch', 'start of month') AS INTEGER),"
                         "    c.region, c.segment, c.owner, t.channel_id, count(*), sum(t.satisfaction > 0),"
                         "    sum(t.satisfaction)"
                         "  FROM touchpoints t JOIN customers c ON c.id = t.customer_id GROUP BY 1, 2, 3, 4, 5;"
                         "INSERT INTO kpi_stage_monthly (month, region, segment, owner, stage, customers)"
                         "  SELECT CAST(strftime('%s', created_at, 'unixepoch', 'start of month') AS INTEGER),"
                         "    region, segment, owner, lifecycle_stage, count(*)"
                         "  FROM customers GROUP BY 1, 2, 3, 4, 5;",
                         _("Could not compute the KPI summaries"), error);
}

/* Schema version 7: the monthly summaries, and everyone's RFM segment by
 * the new rules. */
gboolean
crm_store_migrate_kpi_breakdowns (CrmStore  *self,
                                  GError   **error)
{
  return crm_store_rebuild_kpi_breakdowns (self, error) && crm_store_refresh_rfm_locked (self, error);
}
