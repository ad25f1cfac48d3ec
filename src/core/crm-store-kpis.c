/* crm-store-kpis.c: the KPI pyramid: its summaries, the figures of a scope
 * and its children for a period, and targets.
 *
 * Above the customer level every figure is read from the summaries the
 * triggers of schema version 6 keep (crm-store-schema.c): kpi_daily per
 * UTC day × region × segment × owner, kpi_active per calendar month,
 * quarter and year, kpi_rfm_counts per scope and RFM segment. A company
 * year is then a few tens of thousands of summary rows, whatever the
 * number of touchpoints. Customers are read from their own rows, with the
 * per-customer indexes. A custom period has no kpi_active rows: who was
 * active in it is found from the touchpoints, which is slower.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crm-kpi-table-private.h"
#include "crm-store-kpis-private.h"

#define DAY CRM_STORE_KPIS_DAY

/* The calendar of kpi_periods: 1900-01-01 to 2200-01-01, UTC. */
#define CALENDAR_FIRST_DAY (-25567)
#define CALENDAR_END_DAY 84006

/* Rebuilding the summaries */

/* Days since 1970-01-01 and back (H. Hinnant's algorithms for the
 * proleptic Gregorian calendar, which SQLite's date functions use too). */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *year,
                 int    *month)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

/* The first day of the month, quarter or year (kinds 0, 1, 2) that
 * contains @day, and of the one before. */
static gint64
period_start_day (int     kind,
                  gint64  day,
                  gint64 *previous)
{
  static const int months[] = { 1, 3, 12 };
  gint64 year;
  int month, first;

  civil_from_days (day, &year, &month);
  first = kind == 0 ? month : kind == 1 ? (month - 1) / 3 * 3 + 1 : 1;
  if (first - months[kind] >= 1)
    *previous = days_from_civil (year, first - months[kind], 1);
  else
    *previous = days_from_civil (year - 1, first - months[kind] + 12, 1);
  return days_from_civil (year, first, 1);
}

typedef struct
{
  gint64 touchpoints;
  gint64 rated;
  gint64 satisfaction;
} DaySums;

typedef struct
{
  gint64 active;
  gint64 retained;
} ActiveSums;

/* Hash keys: a day or period start, a kind and a scope, packed. */
#define PACK(day, kind, combo) ((((day) + 200000) * 4 + (kind)) * (G_GINT64_CONSTANT (1) << 24) + (combo))
#define UNPACK_COMBO(key) ((key) & ((G_GINT64_CONSTANT (1) << 24) - 1))
#define UNPACK_KIND(key) (((key) >> 24) % 4)
#define UNPACK_DAY(key) (((key) >> 24) / 4 - 200000)

static gpointer
lookup_or_add (GHashTable *table,
               gint64      key,
               gsize       size)
{
  gpointer value = g_hash_table_lookup (table, &key);

  if (value == NULL)
    {
      gint64 *copy = g_new (gint64, 1);

      *copy = key;
      value = g_malloc0 (size);
      g_hash_table_insert (table, copy, value);
    }
  return value;
}

/**
 * crm_store_rebuild_kpis:
 *
 * Computes every KPI summary and the RFM scores from the rows, for the
 * migration that brought them and after an archive is restored (with the
 * triggers off). Inside the caller's transaction. Touchpoints are read
 * once, in customer and time order, which is how activity per period is
 * known without a sort of ten million rows.
 */
gboolean
crm_store_rebuild_kpis (CrmStore  *self,
                        GError   **error)
{
  const char *what = _("Could not compute the KPI summaries");
  g_autoptr(GHashTable) combos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) combo_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) customer_combo = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) active = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  gint64 current = -1, combo = -1;
  gint64 last_start[3] = { 0 };
  gboolean seen[3] = { FALSE };
  int rc;

  if (!crm_store_exec (self,
                       "DELETE FROM kpi_daily; DELETE FROM kpi_active;"
                       "INSERT INTO kpi_daily (day, region, segment, owner, new_customers, converted, complete)"
                       "  SELECT created_at / 86400, region, segment, owner, count(*),"
                       "    sum(lifecycle_stage IN (2, 3, 4)),"
                       "    sum(display_name != '' AND EXISTS (SELECT 1 FROM contact_points cp"
                       "        WHERE cp.customer_id = customers.id AND cp.kind IN (0, 1)))"
                       "  FROM customers GROUP BY 1, 2, 3, 4;"
                       "INSERT INTO kpi_daily (day, region, segment, owner, orders, revenue)"
                       "  SELECT t.occurred_at / 86400, c.region, c.segment, c.owner, count(*), sum(t.amount)"
                       "  FROM transactions t JOIN customers c ON c.id = t.customer_id"
                       "  WHERE t.status = 1 GROUP BY 1, 2, 3, 4"
                       "  ON CONFLICT DO UPDATE SET orders = orders + excluded.orders,"
                       "    revenue = revenue + excluded.revenue;",
                       what, error))
    return FALSE;

  /* Every customer's scope, as a small number. */
  stmt = crm_store_prepare (self, "SELECT id, region || char(31) || segment || char(31) || owner FROM customers",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      const char *scope = crm_store_column_text (stmt, 1);
      gpointer index;

      if (!g_hash_table_lookup_extended (combos, scope, NULL, &index))
        {
          index = GUINT_TO_POINTER (combo_keys->len);
          g_hash_table_insert (combos, g_strdup (scope), index);
          g_ptr_array_add (combo_keys, g_strsplit (scope, "\x1f", 3));
        }
      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (customer_combo, id, index);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, what, error);
      return FALSE;
    }

  stmt = crm_store_prepare (self,
                            "SELECT customer_id, occurred_at, satisfaction FROM touchpoints "
                            "ORDER BY customer_id, occurred_at", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 customer = sqlite3_column_int64 (stmt, 0);
      gint64 occurred_at = sqlite3_column_int64 (stmt, 1);
      int satisfaction = sqlite3_column_int (stmt, 2);
      /* As the triggers count it: SQL's division truncates. */
      gint64 day = occurred_at / DAY;
      gint64 calendar_day = occurred_at >= 0 ? occurred_at / DAY : -((-occurred_at + DAY - 1) / DAY);
      DaySums *sums;

      if (customer != current)
        {
          gpointer index;

          current = customer;
          combo = g_hash_table_lookup_extended (customer_combo, &customer, NULL, &index)
                ? (gint64) GPOINTER_TO_UINT (index) : -1;
          seen[0] = seen[1] = seen[2] = FALSE;
        }
      if (combo < 0)
        continue;

      sums = lookup_or_add (days, PACK (day, 0, combo), sizeof (DaySums));
      sums->touchpoints++;
      sums->rated += satisfaction > 0;
      sums->satisfaction += satisfaction;

      if (calendar_day < CALENDAR_FIRST_DAY || calendar_day >= CALENDAR_END_DAY)
        continue;
      /* Touchpoints come in time order: a period not seen yet makes the
       * customer active in it, and retained if the last period seen is
       * the one just before. */
      for (int kind = 0; kind < 3; kind++)
        {
          gint64 previous, start = period_start_day (kind, calendar_day, &previous);
          ActiveSums *counts;

          if (seen[kind] && last_start[kind] == start)
            continue;
          counts = lookup_or_add (active, PACK (start, kind, combo), sizeof (ActiveSums));
          counts->active++;
          counts->retained += seen[kind] && last_start[kind] == previous;
          seen[kind] = TRUE;
          last_start[kind] = start;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, what, error);
      return FALSE;
    }

  stmt = crm_store_prepare (self,
                            "INSERT INTO kpi_daily (day, region, segment, owner, touchpoints, rated, satisfaction) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET touchpoints = excluded.touchpoints, "
                            "rated = excluded.rated, satisfaction = excluded.satisfaction", error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 packed = *(gint64 *) key;
      DaySums *sums = value;
      char **scope = g_ptr_array_index (combo_keys, UNPACK_COMBO (packed));

      sqlite3_bind_int64 (stmt, 1, UNPACK_DAY (packed));
      for (int i = 0; i < 3; i++)
        crm_store_bind_text (stmt, 2 + i, scope[i]);
      sqlite3_bind_int64 (stmt, 5, sums->touchpoints);
      sqlite3_bind_int64 (stmt, 6, sums->rated);
      sqlite3_bind_int64 (stmt, 7, sums->satisfaction);
      if (!crm_store_step_done (self, stmt, what, error))
        return FALSE;
    }

  stmt = crm_store_prepare (self,
                            "INSERT INTO kpi_active (kind, start_at, region, segment, owner, active, retained) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, active);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 packed = *(gint64 *) key;
      ActiveSums *counts = value;
      char **scope = g_ptr_array_index (combo_keys, UNPACK_COMBO (packed));

      sqlite3_bind_int (stmt, 1, UNPACK_KIND (packed));
      sqlite3_bind_int64 (stmt, 2, UNPACK_DAY (packed) * DAY);
      for (int i = 0; i < 3; i++)
        crm_store_bind_text (stmt, 3 + i, scope[i]);
      sqlite3_bind_int64 (stmt, 6, counts->active);
      sqlite3_bind_int64 (stmt, 7, counts->retained);
      if (!crm_store_step_done (self, stmt, what, error))
        return FALSE;
    }

  return crm_store_refresh_rfm_locked (self, error);
}

/* Computing a table */

/* " AND region = :region" … for the scope's conditions on a table with
 * region, segment and owner columns, named with @prefix. */
void
crm_store_kpis_append_filters (GString           *sql,
                               const CrmKpiScope *scope,
                               const char        *prefix)
{
  if (crm_kpi_scope_get_region (scope) != NULL)
    g_string_append_printf (sql, " AND %sregion = :region", prefix);
  if (crm_kpi_scope_get_segment (scope) != NULL)
    g_string_append_printf (sql, " AND %ssegment = :segment", prefix);
  if (crm_kpi_scope_get_owner (scope) != NULL)
    g_string_append_printf (sql, " AND %sowner = :owner", prefix);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    crm_store_bind_text (stmt, index, value);
}

/* Binds what any of the queries below may name. */
void
crm_store_kpis_bind (Compute      *compute,
          sqlite3_stmt *stmt)
{
  bind_named_int64 (stmt, ":s", compute->start);
  bind_named_int64 (stmt, ":e", compute->end);
  bind_named_int64 (stmt, ":ps", compute->previous);
  bind_named_int64 (stmt, ":pps", compute->before);
  bind_named_int64 (stmt, ":sd", compute->start / DAY);
  bind_named_int64 (stmt, ":ed", compute->end / DAY);
  bind_named_int64 (stmt, ":psd", compute->previous / DAY);
  bind_named_int64 (stmt, ":kind", compute->kind);
  bind_named_text (stmt, ":region", crm_kpi_scope_get_region (compute->scope));
  bind_named_text (stmt, ":segment", crm_kpi_scope_get_segment (compute->scope));
  bind_named_text (stmt, ":owner", crm_kpi_scope_get_owner (compute->scope));
  if (compute->ids != NULL)
    bind_named_text (stmt, ":ids", compute->ids);
}

/* Where a query's row goes: the scope's own row (key NULL) or a child's. */
static gint64 *
row_for (Compute    *compute,
         const char *key,
         gboolean    previous)
{
  gint64 *row;

  if (key == NULL)
    return previous ? compute->scope_row + CRM_N_KPI_MEASURES : compute->scope_row;
  row = g_hash_table_lookup (compute->rows, key);
  if (row == NULL)
    {
      row = g_new0 (gint64, 2 * CRM_N_KPI_MEASURES);
      g_hash_table_insert (compute->rows, g_strdup (key), row);
    }
  return previous ? row + CRM_N_KPI_MEASURES : row;
}

/* Whether the last sqlite3_step() of a query, which returned @rc, ended
 * it in failure (@error set) rather than with its last row. */
gboolean
crm_store_kpis_step_failed (Compute       *compute,
                            int            rc,
                            GCancellable  *cancellable,
                            GError       **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return TRUE;
  crm_store_set_error (compute->self, rc, _("Could not compute the KPIs"), error);
  return TRUE;
}

/* Where each column of a query goes: a measure of the period or of the
 * previous one. Column 0 is the row's key. */
typedef struct
{
  CrmKpiMeasure measure;
  gboolean      previous;
} Column;

#define END_OF_COLUMNS { CRM_KPI_MEASURE_NONE, FALSE }

/* Runs @sql_format, with %s for the key and %s for the scope's filters, and
 * adds each row's columns to the measures of the row its key names. */
static gboolean
run_measures (Compute       *compute,
              const char    *sql_format,
              const char    *key,
              const Column  *columns,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GString) filters = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  crm_store_kpis_append_filters (filters, compute->scope, "");
  sql = g_strdup_printf (sql_format, key, filters->str);
  stmt = crm_store_prepare (compute->self, sql, error);
  if (stmt == NULL)
    return FALSE;
  crm_store_kpis_bind (compute, stmt);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row_key = g_str_equal (key, "''") ? NULL : crm_store_column_text (stmt, 0);

      for (int c = 0; columns[c].measure != CRM_KPI_MEASURE_NONE; c++)
        row_for (compute, row_key, columns[c].previous)[columns[c].measure] += sqlite3_column_int64 (stmt, c + 1);
    }
  sqlite3_reset (stmt);
  return !crm_store_kpis_step_failed (compute, rc, cancellable, error);
}

static const Column flow_columns[] = {
  { CRM_KPI_MEASURE_NEW_CUSTOMERS, FALSE }, { CRM_KPI_MEASURE_CONVERTED, FALSE },
  { CRM_KPI_MEASURE_TOUCHPOINTS, FALSE }, { CRM_KPI_MEASURE_RATED, FALSE },
  { CRM_KPI_MEASURE_SATISFACTION, FALSE }, { CRM_KPI_MEASURE_ORDERS, FALSE },
  { CRM_KPI_MEASURE_REVENUE, FALSE },
  { CRM_KPI_MEASURE_NEW_CUSTOMERS, TRUE }, { CRM_KPI_MEASURE_CONVERTED, TRUE },
  { CRM_KPI_MEASURE_TOUCHPOINTS, TRUE }, { CRM_KPI_MEASURE_RATED, TRUE },
  { CRM_KPI_MEASURE_SATISFACTION, TRUE }, { CRM_KPI_MEASURE_ORDERS, TRUE },
  { CRM_KPI_MEASURE_REVENUE, TRUE },
  END_OF_COLUMNS
};

#define FLOW(column, previous) \
  "sum(CASE WHEN day " previous " :sd THEN " column " ELSE 0 END)"
#define FLOWS(previous) \
  FLOW ("new_customers", previous) ", " FLOW ("converted", previous) ", " \
  FLOW ("touchpoints", previous) ", " FLOW ("rated", previous) ", " \
  FLOW ("satisfaction", previous) ", " FLOW ("orders", previous) ", " FLOW ("revenue", previous)

static const char flow_sql[] =
  "SELECT %s, " FLOWS (">=") ", " FLOWS ("<")
  " FROM kpi_daily WHERE day >= :psd AND day < :ed%s GROUP BY 1";

static const Column stock_columns[] = {
  { CRM_KPI_MEASURE_CUSTOMERS, FALSE }, { CRM_KPI_MEASURE_COMPLETE, FALSE },
  { CRM_KPI_MEASURE_CUSTOMERS, TRUE }, { CRM_KPI_MEASURE_COMPLETE, TRUE },
  END_OF_COLUMNS
};

static const char stock_sql[] =
  "SELECT %s, sum(new_customers), sum(complete), sum(CASE WHEN day < :sd THEN new_customers ELSE 0 END),"
  " sum(CASE WHEN day < :sd THEN complete ELSE 0 END) FROM kpi_daily WHERE day < :ed%s GROUP BY 1";

/* Active in the period (a), in the previous one (b), and the one before
 * that (c): a, a and b, b, b again, b and c, c. */
static const Column active_columns[] = {
  { CRM_KPI_MEASURE_ACTIVE, FALSE }, { CRM_KPI_MEASURE_RETAINED, FALSE },
  { CRM_KPI_MEASURE_ACTIVE_BEFORE, FALSE }, { CRM_KPI_MEASURE_ACTIVE, TRUE },
  { CRM_KPI_MEASURE_RETAINED, TRUE }, { CRM_KPI_MEASURE_ACTIVE_BEFORE, TRUE },
  END_OF_COLUMNS
};

static const char calendar_active_sql[] =
  "SELECT %s, sum(CASE WHEN start_at = :s THEN active ELSE 0 END),"
  " sum(CASE WHEN start_at = :s THEN retained ELSE 0 END),"
  " sum(CASE WHEN start_at = :ps THEN active ELSE 0 END),"
  " sum(CASE WHEN start_at = :ps THEN active ELSE 0 END),"
  " sum(CASE WHEN start_at = :ps THEN retained ELSE 0 END),"
  " sum(CASE WHEN start_at = :pps THEN active ELSE 0 END)"
  " FROM kpi_active WHERE kind = :kind AND start_at IN (:s, :ps, :pps)%s GROUP BY 1";

#define ACTIVE_IN(from, to) \
  "EXISTS (SELECT 1 FROM touchpoints t WHERE t.customer_id = customers.id" \
  " AND t.occurred_at >= " from " AND t.occurred_at < " to ")"

/* Whoever touched nothing since the start of the earliest period cannot
 * have been active in any: the index on the last touchpoint skips them. */
static const char custom_active_sql[] =
  "SELECT k, sum(a), sum(a AND b), sum(b), sum(b), sum(b AND c), sum(c) FROM"
  " (SELECT %s AS k, " ACTIVE_IN (":s", ":e") " AS a, " ACTIVE_IN (":ps", ":s") " AS b, "
  ACTIVE_IN (":pps", ":ps") " AS c FROM customers WHERE last_touchpoint_at >= :pps%s) GROUP BY 1";

static const Column rfm_columns[] = {
  { CRM_KPI_MEASURE_RFM_SCORED, FALSE },
  { CRM_KPI_MEASURE_RFM_CHAMPIONS, FALSE }, { CRM_KPI_MEASURE_RFM_LOYAL, FALSE },
  { CRM_KPI_MEASURE_RFM_POTENTIAL_LOYALISTS, FALSE }, { CRM_KPI_MEASURE_RFM_NEW, FALSE },
  { CRM_KPI_MEASURE_RFM_AT_RISK, FALSE }, { CRM_KPI_MEASURE_RFM_CANT_LOSE, FALSE },
  { CRM_KPI_MEASURE_RFM_HIBERNATING, FALSE }, { CRM_KPI_MEASURE_RFM_LOST, FALSE },
  END_OF_COLUMNS
};

#define RFM_COUNT(segment) ", sum(CASE WHEN rfm_segment = " segment " THEN customers ELSE 0 END)"

static const char rfm_sql[] =
  "SELECT %s, sum(customers)" RFM_COUNT ("0") RFM_COUNT ("1") RFM_COUNT ("2") RFM_COUNT ("3")
  RFM_COUNT ("4") RFM_COUNT ("5") RFM_COUNT ("6") RFM_COUNT ("7")
  " FROM kpi_rfm_counts WHERE 1%s GROUP BY 1";

/* The measures of the scope (key "''") or of each child (key a column)
 * from the summaries. */
static gboolean
summary_measures (Compute       *compute,
                  const char    *key,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gboolean calendar = compute->kind != CRM_PERIOD_CUSTOM &&
                      compute->before >= (gint64) CALENDAR_FIRST_DAY * DAY &&
                      compute->end <= (gint64) CALENDAR_END_DAY * DAY;

  return run_measures (compute, flow_sql, key, flow_columns, cancellable, error) &&
         run_measures (compute, stock_sql, key, stock_columns, cancellable, error) &&
         run_measures (compute, calendar ? calendar_active_sql : custom_active_sql, key,
                       active_columns, cancellable, error) &&
         run_measures (compute, rfm_sql, key, rfm_columns, cancellable, error);
}

/* Customers one by one, for the customers in compute->ids. */
static const Column customer_columns[] = {
  { CRM_KPI_MEASURE_CUSTOMERS, FALSE }, { CRM_KPI_MEASURE_COMPLETE, FALSE },
  { CRM_KPI_MEASURE_NEW_CUSTOMERS, FALSE }, { CRM_KPI_MEASURE_CONVERTED, FALSE },
  { CRM_KPI_MEASURE_CUSTOMERS, TRUE }, { CRM_KPI_MEASURE_COMPLETE, TRUE },
  { CRM_KPI_MEASURE_NEW_CUSTOMERS, TRUE }, { CRM_KPI_MEASURE_CONVERTED, TRUE },
  { CRM_KPI_MEASURE_RFM_SCORED, FALSE },
  { CRM_KPI_MEASURE_RFM_CHAMPIONS, FALSE }, { CRM_KPI_MEASURE_RFM_LOYAL, FALSE },
  { CRM_KPI_MEASURE_RFM_POTENTIAL_LOYALISTS, FALSE }, { CRM_KPI_MEASURE_RFM_NEW, FALSE },
  { CRM_KPI_MEASURE_RFM_AT_RISK, FALSE }, { CRM_KPI_MEASURE_RFM_CANT_LOSE, FALSE },
  { CRM_KPI_MEASURE_RFM_HIBERNATING, FALSE }, { CRM_KPI_MEASURE_RFM_LOST, FALSE },
  END_OF_COLUMNS
};

#define CUSTOMER_RFM(segment) ", coalesce(r.segment = " segment ", 0)"

static const char customer_sql[] =
  "SELECT %s, c.created_at < :e, c.created_at < :e AND complete, c.created_at >= :s AND c.created_at < :e,"
  " c.created_at >= :s AND c.created_at < :e AND converted, c.created_at < :s, c.created_at < :s AND complete,"
  " c.created_at >= :ps AND c.created_at < :s, c.created_at >= :ps AND c.created_at < :s AND converted,"
  " r.segment IS NOT NULL" CUSTOMER_RFM ("0") CUSTOMER_RFM ("1") CUSTOMER_RFM ("2") CUSTOMER_RFM ("3")
  CUSTOMER_RFM ("4") CUSTOMER_RFM ("5") CUSTOMER_RFM ("6") CUSTOMER_RFM ("7")
  " FROM (SELECT *, lifecycle_stage IN (2, 3, 4) AS converted, display_name != '' AND EXISTS"
  "   (SELECT 1 FROM contact_points cp WHERE cp.customer_id = customers.id AND cp.kind IN (0, 1)) AS complete"
  "   FROM customers WHERE id IN (SELECT value FROM json_each(:ids))%s) AS c"
  " LEFT JOIN customer_rfm r ON r.customer_id = c.id";

static const Column customer_touchpoint_columns[] = {
  { CRM_KPI_MEASURE_TOUCHPOINTS, FALSE }, { CRM_KPI_MEASURE_RATED, FALSE },
  { CRM_KPI_MEASURE_SATISFACTION, FALSE }, { CRM_KPI_MEASURE_TOUCHPOINTS, TRUE },
  { CRM_KPI_MEASURE_RATED, TRUE }, { CRM_KPI_MEASURE_SATISFACTION, TRUE },
  { CRM_KPI_MEASURE_ACTIVE, FALSE }, { CRM_KPI_MEASURE_RETAINED, FALSE },
  { CRM_KPI_MEASURE_ACTIVE_BEFORE, FALSE }, { CRM_KPI_MEASURE_ACTIVE, TRUE },
  { CRM_KPI_MEASURE_RETAINED, TRUE }, { CRM_KPI_MEASURE_ACTIVE_BEFORE, TRUE },
  END_OF_COLUMNS
};

static const char customer_touchpoint_sql[] =
  "SELECT %s, sum(a), sum(a AND satisfaction > 0), sum(CASE WHEN a THEN satisfaction ELSE 0 END),"
  " sum(b), sum(b AND satisfaction > 0), sum(CASE WHEN b THEN satisfaction ELSE 0 END),"
  " max(a), max(a) AND max(b), max(b), max(b), max(b) AND max(c), max(c)"
  " FROM (SELECT customer_id, satisfaction, occurred_at >= :s AS a,"
  "   occurred_at >= :ps AND occurred_at < :s AS b, occurred_at < :ps AS c"
  "   FROM touchpoints WHERE customer_id IN (SELECT value FROM json_each(:ids))"
  "   AND occurred_at >= :pps AND occurred_at < :e)"
  " WHERE 1%s GROUP BY customer_id";

static const Column customer_transaction_columns[] = {
  { CRM_KPI_MEASURE_ORDERS, FALSE }, { CRM_KPI_MEASURE_REVENUE, FALSE },
  { CRM_KPI_MEASURE_ORDERS, TRUE }, { CRM_KPI_MEASURE_REVENUE, TRUE },
  END_OF_COLUMNS
};

static const char customer_transaction_sql[] =
  "SELECT %s, sum(occurred_at >= :s), sum(CASE WHEN occurred_at >= :s THEN amount ELSE 0 END),"
  " sum(occurred_at < :s), sum(CASE WHEN occurred_at < :s THEN amount ELSE 0 END)"
  " FROM transactions WHERE customer_id IN (SELECT value FROM json_each(:ids))"
  " AND status = 1 AND occurred_at >= :ps AND occurred_at < :e%s GROUP BY customer_id";

/* The measures of the customers in compute->ids, each under its id, or
 * all under the scope (key "''") */
static gboolean
customer_measures (Compute       *compute,
                   const char    *key,
                   GCancellable  *cancellable,
                   GError       **error)
{
  const CrmKpiScope *scope = compute->scope;

  if (!run_measures (compute, customer_sql, g_str_equal (key, "''") ? key : "c.id", customer_columns,
                     cancellable, error))
    return FALSE;
  {
    /* The ids are the scope's customers already; touchpoints and
     * transactions have no region, segment or owner to filter by. */
    g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
    gboolean ok;

    compute->scope = company;
    ok = run_measures (compute, customer_touchpoint_sql, g_str_equal (key, "''") ? key : "customer_id",
                       customer_touchpoint_columns, cancellable, error) &&
         run_measures (compute, customer_transaction_sql, g_str_equal (key, "''") ? key : "customer_id",
                       customer_transaction_columns, cancellable, error);
    compute->scope = scope;
    return ok;
  }
}

/* Appends the customers @sql selects (id, display name) to @ids and
 * @names, as many as @limit (-1 for all). */
static gboolean
select_customers (Compute       *compute,
                  const char    *sql_format,
                  const char    *prefix,
                  gint64         limit,
                  GArray        *ids,
                  GPtrArray     *names,
                  GError       **error)
{
  g_autoptr(GString) filters = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  crm_store_kpis_append_filters (filters, compute->scope, prefix);
  sql = g_strdup_printf (sql_format, filters->str);
  stmt = crm_store_prepare (compute->self, sql, error);
  if (stmt == NULL)
    return FALSE;
  crm_store_kpis_bind (compute, stmt);
  bind_named_int64 (stmt, ":limit", limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup (crm_store_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (compute->self, rc, _("Could not compute the KPIs"), error);
      return FALSE;
    }
  return TRUE;
}

static char *
ids_to_json (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* An owner's customers: the @max_children with the highest revenue in the
 * period, then others by id; all when @max_children is 0. The remaining
 * customers become one row, so the rows still add up to the owner. */
static gboolean
customer_children (Compute       *compute,
                   CrmKpiTable   *table,
                   guint          max_children,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) counted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) unused = g_ptr_array_new_with_free_func (g_free);

  if (max_children == 0)
    {
      if (!select_customers (compute, "SELECT id, display_name FROM customers WHERE 1%s ORDER BY id",
                             "", -1, ids, names, error))
        return FALSE;
    }
  else
    {
      if (!select_customers (compute,
                             "SELECT c.id, c.display_name FROM transactions t JOIN customers c ON c.id = t.customer_id"
                             " WHERE t.status = 1 AND t.occurred_at >= :s AND t.occurred_at < :e%s"
                             " GROUP BY c.id ORDER BY sum(t.amount) DESC, c.id LIMIT :limit",
                             "c.", max_children, ids, names, error))
        return FALSE;
      if (ids->len < max_children)
        {
          compute->ids = ids_to_json (ids);
          if (!select_customers (compute,
                                 "SELECT id, display_name FROM customers"
                                 " WHERE id NOT IN (SELECT value FROM json_each(:ids))%s ORDER BY id LIMIT :limit",
                                 "", max_children - ids->len, ids, names, error))
            return FALSE;
          g_clear_pointer (&compute->ids, g_free);
        }
    }

  compute->ids = ids_to_json (ids);
  if (!customer_measures (compute, "c.id", cancellable, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      const char *name = g_ptr_array_index (names, i);
      guint child = crm_kpi_table_add_child (table, crm_kpi_scope_new_customer (compute->scope, id, name), name);

      for (guint p = 0; p < 2; p++)
        memcpy (crm_kpi_table_peek_measures (table, child, p), row_for (compute, key, p),
                sizeof (gint64) * CRM_N_KPI_MEASURES);
    }

  /* Whether customers are left over: the rest row. */
  if (max_children > 0 &&
      !select_customers (compute, "SELECT count(*), '' FROM customers WHERE 1%s", "", -1, counted, unused, error))
    return FALSE;
  if (max_children > 0 && g_array_index (counted, gint64, 0) > (gint64) ids->len)
    {
      guint rest = crm_kpi_table_add_child (table, NULL, _("Other customers"));

      for (guint p = 0; p < 2; p++)
        {
          gint64 *measures = crm_kpi_table_peek_measures (table, rest, p);

          memcpy (measures, row_for (compute, NULL, p), sizeof (gint64) * CRM_N_KPI_MEASURES);
          for (guint i = 0; i < ids->len; i++)
            {
              const gint64 *child = crm_kpi_table_get_measures (table, i, p);

              for (guint m = 0; m < CRM_N_KPI_MEASURES; m++)
                measures[m] -= child[m];
            }
        }
    }
  return TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
load_targets (Compute      *compute,
              CrmKpiTable  *table,
              GError      **error)
{
  g_autofree char *scope_key = crm_kpi_scope_to_key (compute->scope);
  sqlite3_stmt *stmt;
  int rc;

  stmt = crm_store_prepare (compute->self,
                            "SELECT kpi, period_start, target FROM kpi_targets WHERE scope = :scope"
                            " AND ((period_start = :s AND period_end = :e) OR (period_start = :ps AND period_end = :s))",
                            error);
  if (stmt == NULL)
    return FALSE;
  crm_store_kpis_bind (compute, stmt);
  bind_named_text (stmt, ":scope", scope_key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmKpi kpi = crm_kpi_from_id (crm_store_column_text (stmt, 0));

      /* A target of a KPI this version does not know is left alone. */
      if ((int) kpi >= 0)
        crm_kpi_table_set_target (table, kpi, sqlite3_column_double (stmt, 2),
                                  sqlite3_column_int64 (stmt, 1) != compute->start);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_store_set_error (compute->self, rc, _("Could not read the KPI targets"), error);
      return FALSE;
    }
  return TRUE;
}

static CrmKpiTable *
compute_kpis (CrmStore           *self,
              const CrmKpiScope  *scope,
              const CrmPeriod    *period,
              CrmKpiLevel         child_level,
              guint               max_children,
              gboolean            with_breakdown,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(CrmKpiTable) table = NULL;
  g_autoptr(CrmPeriod) previous = NULL;
  g_autoptr(CrmPeriod) before = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *ids = NULL;
  CrmKpiLevel level;
  gboolean snapshot, ok = TRUE;
  Compute compute = { 0 };

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);
  level = crm_kpi_scope_get_level (scope);
  g_return_val_if_fail (child_level == level || crm_kpi_scope_can_drill (scope, child_level), NULL);

  previous = crm_period_get_previous (period);
  before = crm_period_get_previous (previous);
  compute.self = self;
  compute.scope = scope;
  compute.start = crm_period_get_start (period);
  compute.end = crm_period_get_end (period);
  compute.previous = crm_period_get_start (previous);
  compute.before = crm_period_get_start (before);
  compute.kind = crm_period_get_kind (period);
  compute.rows = rows;
  table = crm_kpi_table_new (scope, period, child_level);

  /* One read transaction for all the queries, unless the caller has one. */
  snapshot = self->depth == 0;
  if (snapshot && !crm_store_exec (self, "BEGIN DEFERRED", _("Could not read the database"), error))
    return NULL;
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 1000, crm_store_is_cancelled, cancellable);

  if (level == CRM_KPI_LEVEL_CUSTOMER)
    {
      compute.ids = g_strdup_printf ("[%" G_GINT64_FORMAT "]", crm_kpi_scope_get_customer_id (scope));
      ok = customer_measures (&compute, "''", cancellable, error);
    }
  else
    {
      ok = summary_measures (&compute, "''", cancellable, error);
      if (ok && child_level == CRM_KPI_LEVEL_CUSTOMER)
        ok = customer_children (&compute, table, max_children, cancellable, error);
      else if (ok && child_level != level)
        {
          const char *column = child_level == CRM_KPI_LEVEL_REGION ? "region"
                             : child_level == CRM_KPI_LEVEL_SEGMENT ? "segment" : "owner";
          g_autofree gpointer *keys = NULL;
          guint n_keys;

          ok = summary_measures (&compute, column, cancellable, error);
          keys = g_hash_table_get_keys_as_array (rows, &n_keys);
          qsort (keys, n_keys, sizeof (gpointer), compare_keys);
          for (guint i = 0; ok && i < n_keys; i++)
            {
              CrmKpiScope *child_scope = crm_kpi_scope_new_child (scope, child_level, keys[i]);
              guint child = crm_kpi_table_add_child (table, child_scope, crm_kpi_scope_get_label (child_scope));

              for (guint p = 0; p < 2; p++)
                memcpy (crm_kpi_table_peek_measures (table, child, p), row_for (&compute, keys[i], p),
                        sizeof (gint64) * CRM_N_KPI_MEASURES);
            }
        }
    }
  ok = ok && load_targets (&compute, table, error);
  if (ok && with_breakdown)
    {
      g_autoptr(CrmKpiBreakdown) breakdown = crm_store_kpis_breakdown (&compute, cancellable, error);

      ok = breakdown != NULL;
      crm_kpi_table_set_breakdown (table, breakdown);
    }

  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (snapshot)
    crm_store_exec (self, "COMMIT", NULL, NULL);
  g_free (compute.ids);
  if (!ok)
    return NULL;

  for (guint p = 0; p < 2; p++)
    memcpy (crm_kpi_table_peek_measures (table, CRM_KPI_TABLE_SCOPE, p), row_for (&compute, NULL, p),
            sizeof (gint64) * CRM_N_KPI_MEASURES);
  crm_kpi_table_finish (table);
  return g_steal_pointer (&table);
}

/**
 * crm_store_compute_kpis:
 * @scope: where in the pyramid
 * @period: the period; the previous one comes with it
 * @child_level: the level of the children one level down (see
 *   crm_kpi_scope_can_drill()), or the scope's own level for no children
 * @max_children: for an owner's customers, at most this many (the highest
 *   revenue in the period), the rest in one row; 0 for all
 * @cancellable: (nullable): stops the computation
 *
 * Every KPI of @scope in @period and the previous period, with the
 * scope's targets, and the same for each child. Read in one snapshot, so
 * the rows agree with each other while others write.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
CrmKpiTable *
crm_store_compute_kpis (CrmStore           *self,
                        const CrmKpiScope  *scope,
                        const CrmPeriod    *period,
                        CrmKpiLevel         child_level,
                        guint               max_children,
                        GCancellable       *cancellable,
                        GError            **error)
{
  return compute_kpis (self, scope, period, child_level, max_children, TRUE, cancellable, error);
}

/**
 * crm_store_audit_kpis:
 *
 * The CRM audit of a scope: every KPI with its target, actual and
 * attainment (crm_kpi_table_get_target(), crm_kpi_table_get_value(),
 * crm_kpi_table_get_attainment()), without children.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
CrmKpiTable *
crm_store_audit_kpis (CrmStore           *self,
                      const CrmKpiScope  *scope,
                      const CrmPeriod    *period,
                      GError            **error)
{
  g_return_val_if_fail (scope != NULL, NULL);

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  return compute_kpis (self, scope, period, crm_kpi_scope_get_level (scope), 0, FALSE, NULL, error);
}

typedef struct
{
  CrmKpiScope *scope;
  CrmPeriod   *period;
  CrmKpiLevel  child_level;
  guint        max_children;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *compute = data;

  crm_kpi_scope_free (compute->scope);
  crm_period_free (compute->period);
  g_free (compute);
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CrmStore *self = source_object;
  ComputeData *data = task_data;
  g_autoptr(CrmStore) store = NULL;
  GError *error = NULL;
  CrmKpiTable *table;

  /* A connection of its own: the caller's belongs to the caller's thread. */
  store = crm_store_open (self->path, &error);
  table = store ? crm_store_compute_kpis (store, data->scope, data->period, data->child_level,
                                          data->max_children, cancellable, &error) : NULL;
  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, g_object_unref);
}

/**
 * crm_store_compute_kpis_async:
 *
 * crm_store_compute_kpis() on a worker thread with its own connection,
 * for the dashboard, which must never wait on the database.
 */
void
crm_store_compute_kpis_async (CrmStore            *self,
                              const CrmKpiScope   *scope,
                              const CrmPeriod     *period,
                              CrmKpiLevel          child_level,
                              guint                max_children,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (scope != NULL);
  g_return_if_fail (period != NULL);

  data = g_new0 (ComputeData, 1);
  data->scope = crm_kpi_scope_copy (scope);
  data->period = crm_period_copy (period);
  data->child_level = child_level;
  data->max_children = max_children;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_store_compute_kpis_async);
  g_task_set_task_data (task, data, compute_data_free);
  g_task_run_in_thread (task, compute_in_thread);
}

CrmKpiTable *
crm_store_compute_kpis_finish (CrmStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Targets */

/**
 * crm_store_set_kpi_target:
 * @target: in the KPI's unit: minor units of money, a fraction for a
 *   percent (0.25 for 25 %), …
 *
 * Sets the target of a KPI for a scope and period, replacing any.
 */
gboolean
crm_store_set_kpi_target (CrmStore           *self,
                          CrmKpi              kpi,
                          const CrmKpiScope  *scope,
                          const CrmPeriod    *period,
                          double              target,
                          GError            **error)
{
  g_autofree char *scope_key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, FALSE);
  g_return_val_if_fail (scope != NULL && period != NULL, FALSE);
  g_return_val_if_fail (isfinite (target), FALSE);

  scope_key = crm_kpi_scope_to_key (scope);
  if (!crm_store_begin (self, error))
    return FALSE;
  stmt = crm_store_prepare (self,
                            "INSERT OR REPLACE INTO kpi_targets (kpi, scope, period_kind, period_start, period_end, target)"
                            " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    {
      crm_store_rollback (self);
      return FALSE;
    }
  crm_store_bind_text (stmt, 1, crm_kpi_get_info (kpi)->id);
  crm_store_bind_text (stmt, 2, scope_key);
  sqlite3_bind_int (stmt, 3, crm_period_get_kind (period));
  sqlite3_bind_int64 (stmt, 4, crm_period_get_start (period));
  sqlite3_bind_int64 (stmt, 5, crm_period_get_end (period));
  sqlite3_bind_double (stmt, 6, target);
  if (!crm_store_step_done (self, stmt, _("Could not save the KPI target"), error))
    {
      crm_store_rollback (self);
      return FALSE;
    }
  return crm_store_commit (self, error);
}

gboolean
crm_store_remove_kpi_target (CrmStore           *self,
                             CrmKpi              kpi,
                             const CrmKpiScope  *scope,
                             const CrmPeriod    *period,
                             GError            **error)
{
  g_autofree char *scope_key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, FALSE);
  g_return_val_if_fail (scope != NULL && period != NULL, FALSE);

  scope_key = crm_kpi_scope_to_key (scope);
  if (!crm_store_begin (self, error))
    return FALSE;
  stmt = crm_store_prepare (self,
                            "DELETE FROM kpi_targets WHERE kpi = ? AND scope = ? AND period_start = ? AND period_end = ?",
                            error);
  if (stmt == NULL)
    {
      crm_store_rollback (self);
      return FALSE;
    }
  crm_store_bind_text (stmt, 1, crm_kpi_get_info (kpi)->id);
  crm_store_bind_text (stmt, 2, scope_key);
  sqlite3_bind_int64 (stmt, 3, crm_period_get_start (period));
  sqlite3_bind_int64 (stmt, 4, crm_period_get_end (period));
  if (!crm_store_step_done (self, stmt, _("Could not remove the KPI target"), error))
    {
      crm_store_rollback (self);
      return FALSE;
    }
  return crm_store_commit (self, error);
}

/**
 * crm_store_get_kpi_target:
 * @target: (out): the target, or NAN when there is none
 *
 * Returns: %FALSE with @error set when the database could not be read
 */
gboolean
crm_store_get_kpi_target (CrmStore           *self,
                          CrmKpi              kpi,
                          const CrmKpiScope  *scope,
                          const CrmPeriod    *period,
                          double             *target,
                          GError            **error)
{
  g_autofree char *scope_key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, FALSE);
  g_return_val_if_fail (scope != NULL && period != NULL && target != NULL, FALSE);

  scope_key = crm_kpi_scope_to_key (scope);
  stmt = crm_store_prepare (self,
                            "SELECT target FROM kpi_targets WHERE kpi = ? AND scope = ? AND period_start = ?"
                            " AND period_end = ?", error);
  if (stmt == NULL)
    return FALSE;
  crm_store_bind_text (stmt, 1, crm_kpi_get_info (kpi)->id);
  crm_store_bind_text (stmt, 2, scope_key);
  sqlite3_bind_int64 (stmt, 3, crm_period_get_start (period));
  sqlite3_bind_int64 (stmt, 4, crm_period_get_end (period));
  rc = sqlite3_step (stmt);
  *target = rc == SQLITE_ROW ? sqlite3_column_double (stmt, 0) : NAN;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      crm_store_set_error (self, rc, _("Could not read the KPI targets"), error);
      return FALSE;
    }
  return TRUE;
}

static gpointer
read_target (sqlite3_stmt *stmt)
{
  g_autoptr(CrmPeriod) period = crm_period_new (sqlite3_column_int (stmt, 2), sqlite3_column_int64 (stmt, 3),
                                                sqlite3_column_int64 (stmt, 4));
  CrmKpi kpi = crm_kpi_from_id (crm_store_column_text (stmt, 0));

  if ((int) kpi < 0 || period == NULL)
    return NULL;
  return crm_kpi_target_new (kpi, crm_store_column_text (stmt, 1), period, sqlite3_column_double (stmt, 5));
}

/**
 * crm_store_list_kpi_targets:
 *
 * Returns: (transfer full) (element-type CrmKpiTarget): every target this
 *   version knows the KPI of, by scope, period and KPI
 */
GPtrArray *
crm_store_list_kpi_targets (CrmStore  *self,
                            GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *targets;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  rows = crm_store_list_rows (self,
                              "SELECT kpi, scope, period_kind, period_start, period_end, target FROM kpi_targets"
                              " ORDER BY scope, period_start, period_end, kpi",
                              0, read_target, (GDestroyNotify) crm_kpi_target_free,
                              _("Could not read the KPI targets"), error);
  if (rows == NULL)
    return NULL;
  targets = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_kpi_target_free);
  for (guint i = 0; i < rows->len; i++)
    if (g_ptr_array_index (rows, i) != NULL)
      g_ptr_array_add (targets, g_steal_pointer (&g_ptr_array_index (rows, i)));
  return targets;
}
