/* test-kpis.c: the KPI pyramid on a generated database. Every measure the
 * store reads from its summaries is computed again here in plain SQL from
 * the raw rows, on a connection of the test's own; every level's children
 * must add up to their parent; the summaries must follow edits, deletes,
 * moves and merges; targets give the attainment the audit shows. */
#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "crm-demo-generator.h"
#include "crm-store-fixture.h"
#include "crm-test-utils.h"

/* Journeys end on 2026-01-01; 2025 is the last full year. */
#define END_TIME 1767225600
#define N_CUSTOMERS 400

static void
fixture_set_up (CrmStoreFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (7, N_CUSTOMERS);
  g_autoptr(GError) error = NULL;

  crm_store_fixture_set_up (fixture, data);
  crm_demo_generator_set_end_time (generator, END_TIME);
  g_assert_true (crm_demo_generator_run (generator, fixture->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A condition on customers (alias-free) in SQL, quoted by hand. */
static char *
quoted (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, "'", -1);
  g_autofree char *joined = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'", joined);
}

static char *
scope_condition (const CrmKpiScope *scope)
{
  GString *sql = g_string_new ("1");

  if (crm_kpi_scope_get_region (scope) != NULL)
    {
      g_autofree char *q = quoted (crm_kpi_scope_get_region (scope));
      g_string_append_printf (sql, " AND region = %s", q);
    }
  if (crm_kpi_scope_get_segment (scope) != NULL)
    {
      g_autofree char *q = quoted (crm_kpi_scope_get_segment (scope));
      g_string_append_printf (sql, " AND segment = %s", q);
    }
  if (crm_kpi_scope_get_owner (scope) != NULL)
    {
      g_autofree char *q = quoted (crm_kpi_scope_get_owner (scope));
      g_string_append_printf (sql, " AND owner = %s", q);
    }
  if (crm_kpi_scope_get_customer_id (scope) > 0)
    g_string_append_printf (sql, " AND id = %" G_GINT64_FORMAT, crm_kpi_scope_get_customer_id (scope));
  return g_string_free (sql, FALSE);
}

static gint64
query (const char *path,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

/* One read-only connection of the test's own, kept open while the tests
 * use the same database: the checks run thousands of queries, and opening
 * the file (and parsing the schema with its triggers) each time made them
 * slow. Outside a transaction each query sees everything committed. */
static gint64
query (const char *path,
       const char *format,
       ...)
{
  static sqlite3 *db;
  static char *db_path;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  va_list args;
  gint64 value;

  if (g_strcmp0 (path, db_path) != 0)
    {
      g_clear_pointer (&db, sqlite3_close);
      g_free (db_path);
      db_path = g_strdup (path);
      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      sqlite3_busy_timeout (db, 5000);
    }
  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

#define ACTIVE_IN(s, e) \
  "EXISTS (SELECT 1 FROM touchpoints t WHERE t.customer_id = customers.id" \
  " AND t.occurred_at >= %" G_GINT64_FORMAT " AND t.occurred_at < %" G_GINT64_FORMAT ")"

/* What the customers matching @where added in [s, e), and the stocks of
 * customers and complete ones at e, straight from the rows. */
static void
expected_flows (const char *path,
                const char *where,
                gint64      s,
                gint64      e,
                gint64     *m)
{
  g_autofree char *in = g_strdup_printf ("customer_id IN (SELECT id FROM customers WHERE %s)", where);

  memset (m, 0, sizeof (gint64) * CRM_N_KPI_MEASURES);
  m[CRM_KPI_MEASURE_CUSTOMERS] = query (path, "SELECT count(*) FROM customers WHERE %s AND created_at < %"
                                        G_GINT64_FORMAT, where, e);
  m[CRM_KPI_MEASURE_NEW_CUSTOMERS] = query (path, "SELECT count(*) FROM customers WHERE %s AND created_at >= %"
                                            G_GINT64_FORMAT " AND created_at < %" G_GINT64_FORMAT, where, s, e);
  m[CRM_KPI_MEASURE_CONVERTED] = query (path, "SELECT count(*) FROM customers WHERE %s AND created_at >= %"
                                        G_GINT64_FORMAT " AND created_at < %" G_GINT64_FORMAT
                                        " AND lifecycle_stage IN (2, 3, 4)", where, s, e);
  m[CRM_KPI_MEASURE_COMPLETE] = query (path, "SELECT count(*) FROM customers WHERE %s AND created_at < %"
                                       G_GINT64_FORMAT " AND display_name != '' AND id IN"
                                       " (SELECT customer_id FROM contact_points WHERE kind IN (0, 1))", where, e);
  m[CRM_KPI_MEASURE_TOUCHPOINTS] = query (path, "SELECT count(*) FROM touchpoints WHERE %s AND occurred_at >= %"
                                          G_GINT64_FORMAT " AND occurred_at < %" G_GINT64_FORMAT, in, s, e);
  m[CRM_KPI_MEASURE_RATED] = query (path, "SELECT count(*) FROM touchpoints WHERE %s AND satisfaction > 0"
                                    " AND occurred_at >= %" G_GINT64_FORMAT " AND occurred_at < %" G_GINT64_FORMAT,
                                    in, s, e);
  m[CRM_KPI_MEASURE_SATISFACTION] = query (path, "SELECT coalesce(sum(satisfaction), 0) FROM touchpoints WHERE %s"
                                           " AND occurred_at >= %" G_GINT64_FORMAT " AND occurred_at < %"
                                           G_GINT64_FORMAT, in, s, e);
  m[CRM_KPI_MEASURE_ORDERS] = query (path, "SELECT count(*) FROM transactions WHERE %s AND status = 1"
                                     " AND occurred_at >= %" G_GINT64_FORMAT " AND occurred_at < %" G_GINT64_FORMAT,
                                     in, s, e);
  m[CRM_KPI_MEASURE_REVENUE] = query (path, "SELECT coalesce(sum(amount), 0) FROM transactions WHERE %s"
                                      " AND status = 1 AND occurred_at >= %" G_GINT64_FORMAT " AND occurred_at < %"
                                      G_GINT64_FORMAT, in, s, e);
}

/* Every measure of the customers matching @where in [s, e), with p the
 * previous period's start and pp the one before, straight from the rows. */
static void
expected_measures (const char *path,
                   const char *where,
                   gint64      s,
                   gint64      e,
                   gint64      p,
                   gint64      pp,
                   gboolean    with_rfm,
                   gint64     *m)
{
  g_autofree char *in = g_strdup_printf ("customer_id IN (SELECT id FROM customers WHERE %s)", where);

  expected_flows (path, where, s, e, m);
  m[CRM_KPI_MEASURE_ACTIVE] = query (path, "SELECT count(DISTINCT customer_id) FROM touchpoints WHERE %s"
                                     " AND occurred_at >= %" G_GINT64_FORMAT " AND occurred_at < %" G_GINT64_FORMAT,
                                     in, s, e);
  m[CRM_KPI_MEASURE_ACTIVE_BEFORE] = query (path, "SELECT count(DISTINCT customer_id) FROM touchpoints WHERE %s"
                                            " AND occurred_at >= %" G_GINT64_FORMAT " AND occurred_at < %"
                                            G_GINT64_FORMAT, in, p, s);
  m[CRM_KPI_MEASURE_RETAINED] = query (path, "SELECT count(*) FROM customers WHERE %s AND " ACTIVE_IN (s, e)
                                       " AND " ACTIVE_IN (p, s), where, s, e, p, s);
  m[CRM_KPI_MEASURE_LOST] = m[CRM_KPI_MEASURE_ACTIVE_BEFORE] - m[CRM_KPI_MEASURE_RETAINED];
  if (!with_rfm)
    return;
  m[CRM_KPI_MEASURE_RFM_SCORED] = query (path, "SELECT count(*) FROM customer_rfm WHERE %s", in);
  for (int segment = 0; segment <= CRM_RFM_SEGMENT_LOST; segment++)
    m[CRM_KPI_MEASURE_RFM_CHAMPIONS + segment] =
      query (path, "SELECT count(*) FROM customer_rfm WHERE %s AND segment = %d", in, segment);
  (void) pp;
}

static void
assert_measures_equal_to (const gint64  *actual,
                          const gint64  *expected,
                          CrmKpiMeasure  end,
                          const char    *what)
{
  for (int m = 0; m < (int) end; m++)
    if (actual[m] != expected[m])
      g_error ("%s: measure %d is %" G_GINT64_FORMAT ", SQL says %" G_GINT64_FORMAT, what, m, actual[m],
               expected[m]);
}

static void
assert_measures_equal (const gint64 *actual,
                       const gint64 *expected,
                       const char   *what)
{
  assert_measures_equal_to (actual, expected, CRM_KPI_MEASURE_TARGETS, what);
}

/* Without the RFM counts, which are a snapshot and have no previous
 * values. */
static void
assert_flows_equal (const gint64 *actual,
                    const gint64 *expected,
                    const char   *what)
{
  assert_measures_equal_to (actual, expected, CRM_KPI_MEASURE_RFM_SCORED, what);
}

static const CrmKpiMeasure over_time[] = {
  CRM_KPI_MEASURE_CUSTOMERS, CRM_KPI_MEASURE_NEW_CUSTOMERS, CRM_KPI_MEASURE_CONVERTED,
  CRM_KPI_MEASURE_COMPLETE, CRM_KPI_MEASURE_TOUCHPOINTS, CRM_KPI_MEASURE_RATED,
  CRM_KPI_MEASURE_SATISFACTION, CRM_KPI_MEASURE_ORDERS, CRM_KPI_MEASURE_REVENUE,
};

/* The breakdown of @table's scope against SQL: every bucket of both
 * periods, every channel, every lifecycle stage. Buckets tile the period
 * with no gap; the channels and the funnel add up to the period's
 * touchpoints and new customers. */
static void
check_breakdown (const char  *path,
                 CrmKpiTable *table)
{
  CrmKpiBreakdown *breakdown = crm_kpi_table_get_breakdown (table);
  g_autofree char *where = scope_condition (crm_kpi_table_get_scope (table));
  g_autofree char *in = g_strdup_printf ("customer_id IN (SELECT id FROM customers WHERE %s)", where);
  gint64 expected[CRM_N_KPI_MEASURES];

  g_assert_nonnull (breakdown);
  for (guint p = 0; p < 2; p++)
    {
      const CrmPeriod *period = p ? crm_kpi_table_get_previous_period (table) : crm_kpi_table_get_period (table);
      const gint64 *total = crm_kpi_table_get_measures (table, CRM_KPI_TABLE_SCOPE, p);
      gint64 s = crm_period_get_start (period), e = crm_period_get_end (period);
      guint n = crm_kpi_breakdown_get_n_buckets (breakdown, p);
      gint64 sums[CRM_N_KPI_MEASURES] = { 0 };
      gint64 new_customers = 0;

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpint (crm_kpi_breakdown_get_bucket_start (breakdown, 0, p), ==, s);
      for (guint b = 0; b < n; b++)
        {
          gint64 bs = crm_kpi_breakdown_get_bucket_start (breakdown, b, p);
          gint64 be = b + 1 < n ? crm_kpi_breakdown_get_bucket_start (breakdown, b + 1, p) : e;
          const gint64 *actual = crm_kpi_breakdown_get_bucket_measures (breakdown, b, p);
          g_autofree char *what = g_strdup_printf ("%s, bucket %u of %s period", where, b, p ? "the previous" : "the");

          g_assert_cmpint (be, >, bs);
          expected_flows (path, where, bs, be, expected);
          for (guint m = 0; m < G_N_ELEMENTS (over_time); m++)
            if (actual[over_time[m]] != expected[over_time[m]])
              g_error ("%s: measure %d is %" G_GINT64_FORMAT ", SQL says %" G_GINT64_FORMAT, what,
                       over_time[m], actual[over_time[m]], expected[over_time[m]]);
          for (guint m = 0; m < CRM_N_KPI_MEASURES; m++)
            sums[m] += actual[m];
        }
      g_assert_cmpint (sums[CRM_KPI_MEASURE_REVENUE], ==, total[CRM_KPI_MEASURE_REVENUE]);
      g_assert_cmpint (sums[CRM_KPI_MEASURE_TOUCHPOINTS], ==, total[CRM_KPI_MEASURE_TOUCHPOINTS]);
      g_assert_cmpint (crm_kpi_breakdown_get_bucket_measures (breakdown, n - 1, p)[CRM_KPI_MEASURE_CUSTOMERS], ==,
                       total[CRM_KPI_MEASURE_CUSTOMERS]);

      memset (sums, 0, sizeof sums);
      for (guint c = 0; c < crm_kpi_breakdown_get_n_channels (breakdown); c++)
        {
          gint64 id = crm_kpi_breakdown_get_channel_id (breakdown, c);
          const gint64 *actual = crm_kpi_breakdown_get_channel_measures (breakdown, c, p);

          g_assert_cmpint (actual[CRM_KPI_MEASURE_TOUCHPOINTS], ==,
                           query (path, "SELECT count(*) FROM touchpoints WHERE %s AND channel_id = %"
                                  G_GINT64_FORMAT " AND occurred_at >= %" G_GINT64_FORMAT " AND occurred_at < %"
                                  G_GINT64_FORMAT, in, id, s, e));
          g_assert_cmpint (actual[CRM_KPI_MEASURE_RATED], ==,
                           query (path, "SELECT count(*) FROM touchpoints WHERE %s AND channel_id = %"
                                  G_GINT64_FORMAT " AND satisfaction > 0 AND occurred_at >= %" G_GINT64_FORMAT
                                  " AND occurred_at < %" G_GINT64_FORMAT, in, id, s, e));
          g_assert_cmpint (actual[CRM_KPI_MEASURE_SATISFACTION], ==,
                           query (path, "SELECT coalesce(sum(satisfaction), 0) FROM touchpoints WHERE %s"
                                  " AND channel_id = %" G_GINT64_FORMAT " AND occurred_at >= %" G_GINT64_FORMAT
                                  " AND occurred_at < %" G_GINT64_FORMAT, in, id, s, e));
          sums[CRM_KPI_MEASURE_TOUCHPOINTS] += actual[CRM_KPI_MEASURE_TOUCHPOINTS];
        }
      g_assert_cmpint (sums[CRM_KPI_MEASURE_TOUCHPOINTS], ==, total[CRM_KPI_MEASURE_TOUCHPOINTS]);

      for (CrmLifecycleStage stage = CRM_LIFECYCLE_STAGE_LEAD; stage <= CRM_LIFECYCLE_STAGE_CHURNED; stage++)
        {
          gint64 count = crm_kpi_breakdown_get_stage_customers (breakdown, stage, p);

          g_assert_cmpint (count, ==, query (path, "SELECT count(*) FROM customers WHERE %s AND lifecycle_stage = %d"
                                             " AND created_at >= %" G_GINT64_FORMAT " AND created_at < %"
                                             G_GINT64_FORMAT, where, stage, s, e));
          new_customers += count;
        }
      g_assert_cmpint (crm_kpi_breakdown_get_funnel_step (breakdown, CRM_KPI_FUNNEL_NEW, p), ==, new_customers);
      g_assert_cmpint (new_customers, ==, total[CRM_KPI_MEASURE_NEW_CUSTOMERS]);
      g_assert_cmpint (crm_kpi_breakdown_get_funnel_step (breakdown, CRM_KPI_FUNNEL_CUSTOMER, p), ==,
                       total[CRM_KPI_MEASURE_CONVERTED]);
      for (CrmKpiFunnelStep step = CRM_KPI_FUNNEL_PROSPECT; step < CRM_N_KPI_FUNNEL_STEPS; step++)
        g_assert_cmpint (crm_kpi_breakdown_get_funnel_step (breakdown, step, p), <=,
                         crm_kpi_breakdown_get_funnel_step (breakdown, step - 1, p));
    }
}

/* The scope row and every child row of @table, both periods, against SQL,
 * and the scope's breakdown. */
static void
check_table (const char  *path,
             CrmKpiTable *table)
{
  const CrmPeriod *period = crm_kpi_table_get_period (table);
  const CrmPeriod *previous = crm_kpi_table_get_previous_period (table);
  g_autoptr(CrmPeriod) before = crm_period_get_previous (previous);
  gint64 s = crm_period_get_start (period), e = crm_period_get_end (period);
  gint64 p = crm_period_get_start (previous), pp = crm_period_get_start (before);
  gint64 expected[CRM_N_KPI_MEASURES];

  for (int child = CRM_KPI_TABLE_SCOPE; child < (int) crm_kpi_table_get_n_children (table); child++)
    {
      const CrmKpiScope *scope = child == CRM_KPI_TABLE_SCOPE ? crm_kpi_table_get_scope (table)
                               : crm_kpi_table_get_child_scope (table, child);
      g_autofree char *where = NULL;
      g_autofree char *what = NULL;

      if (scope == NULL)  /* the rest row: checked by adding up */
        continue;
      where = scope_condition (scope);
      what = g_strdup_printf ("%s, row %d", where, child);
      expected_measures (path, where, s, e, p, pp, TRUE, expected);
      assert_measures_equal (crm_kpi_table_get_measures (table, child, FALSE), expected, what);
      expected_measures (path, where, p, s, pp, 0, FALSE, expected);
      /* RFM is a snapshot: no previous values. */
      assert_measures_equal (crm_kpi_table_get_measures (table, child, TRUE), expected, what);
    }
  check_breakdown (path, table);
}

/* Sums add up; ratios are the ratio of the summed numerators and
 * denominators. */
static void
check_adds_up (CrmKpiTable *table)
{
  guint n = crm_kpi_table_get_n_children (table);

  g_assert_cmpuint (n, >, 0);
  for (guint p = 0; p < 2; p++)
    {
      const gint64 *parent = crm_kpi_table_get_measures (table, CRM_KPI_TABLE_SCOPE, p);
      gint64 sums[CRM_N_KPI_MEASURES] = { 0 };

      for (guint c = 0; c < n; c++)
        for (int m = 0; m < CRM_N_KPI_MEASURES; m++)
          sums[m] += crm_kpi_table_get_measures (table, c, p)[m];
      for (int m = 0; m < CRM_KPI_MEASURE_TARGETS; m++)
        g_assert_cmpint (sums[m], ==, parent[m]);

      for (CrmKpi k = 0; k < CRM_N_KPIS; k++)
        {
          const CrmKpiInfo *info = crm_kpi_get_info (k);
          double value = crm_kpi_table_get_value (table, CRM_KPI_TABLE_SCOPE, k, p);

          if (info->aggregation == CRM_KPI_AGGREGATION_OWN)
            continue;
          if (info->aggregation == CRM_KPI_AGGREGATION_SUM)
            g_assert_cmpfloat (value, ==, (double) sums[info->numerator]);
          else if (sums[info->denominator] == 0)
            g_assert_true (isnan (value));
          else
            g_assert_cmpfloat_with_epsilon (value, (double) sums[info->numerator] / sums[info->denominator], 1e-12);
        }
    }
}

static CrmKpiTable *
compute (CrmStore          *store,
         const CrmKpiScope *scope,
         const CrmPeriod   *period,
         CrmKpiLevel        level,
         guint              max_children)
{
  g_autoptr(GError) error = NULL;
  CrmKpiTable *table = crm_store_compute_kpis (store, scope, period, level, max_children, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
test_company_year (CrmStoreFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  g_autoptr(CrmPeriod) year = crm_period_new_calendar (CRM_PERIOD_YEAR, 2025, 0);
  g_autoptr(CrmKpiTable) regions = compute (fixture->store, company, year, CRM_KPI_LEVEL_REGION, 0);
  g_autoptr(CrmKpiTable) segments = compute (fixture->store, company, year, CRM_KPI_LEVEL_SEGMENT, 0);
  const gint64 *m = crm_kpi_table_get_measures (regions, CRM_KPI_TABLE_SCOPE, FALSE);

  /* The generated year has life in it, or the checks prove little. */
  g_assert_cmpint (m[CRM_KPI_MEASURE_ACTIVE], >, 10);
  g_assert_cmpint (m[CRM_KPI_MEASURE_RETAINED], >, 0);
  g_assert_cmpint (m[CRM_KPI_MEASURE_ORDERS], >, 10);
  g_assert_cmpint (m[CRM_KPI_MEASURE_RFM_SCORED], >, 10);
  g_assert_cmpuint (crm_kpi_table_get_n_children (regions), >=, 3);
  g_assert_cmpuint (crm_kpi_table_get_n_children (segments), ==, 3);

  check_table (fixture->path, regions);
  check_table (fixture->path, segments);
  check_adds_up (regions);
  check_adds_up (segments);
}

/* Company → region → owner → customer, and company → segment → owner:
 * each child row is the figure of the child computed as a scope, and each
 * level adds up. */
static void
test_drill_down (CrmStoreFixture *fixture,
                 gconstpointer    data)
{
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  g_autoptr(CrmPeriod) quarter = crm_period_new_calendar (CRM_PERIOD_QUARTER, 2025, 4);
  g_autoptr(CrmKpiTable) top = compute (fixture->store, company, quarter, CRM_KPI_LEVEL_REGION, 0);
  g_autoptr(CrmKpiTable) by_segment = compute (fixture->store, company, quarter, CRM_KPI_LEVEL_SEGMENT, 0);
  guint owners_seen = 0, customers_seen = 0;

  check_adds_up (top);
  for (guint r = 0; r < crm_kpi_table_get_n_children (top); r++)
    {
      const CrmKpiScope *region = crm_kpi_table_get_child_scope (top, r);
      g_autoptr(CrmKpiTable) owners = compute (fixture->store, region, quarter, CRM_KPI_LEVEL_OWNER, 0);

      g_assert_cmpint (crm_kpi_scope_get_level (region), ==, CRM_KPI_LEVEL_REGION);
      for (guint p = 0; p < 2; p++)
        assert_measures_equal (crm_kpi_table_get_measures (owners, CRM_KPI_TABLE_SCOPE, p),
                               crm_kpi_table_get_measures (top, r, p), "region as child and as scope");
      check_adds_up (owners);
      if (r == 0)
        check_table (fixture->path, owners);

      for (guint o = 0; o < crm_kpi_table_get_n_children (owners); o++)
        {
          const CrmKpiScope *owner = crm_kpi_table_get_child_scope (owners, o);
          g_autoptr(CrmKpiTable) customers = compute (fixture->store, owner, quarter, CRM_KPI_LEVEL_CUSTOMER, 0);
          g_autoptr(CrmKpiScope) parent = crm_kpi_scope_get_parent (owner);

          g_assert_true (crm_kpi_scope_equal (parent, region));
          for (guint p = 0; p < 2; p++)
            assert_measures_equal (crm_kpi_table_get_measures (customers, CRM_KPI_TABLE_SCOPE, p),
                                   crm_kpi_table_get_measures (owners, o, p), "owner as child and as scope");
          check_adds_up (customers);
          owners_seen++;
          if (owners_seen <= 2)
            check_table (fixture->path, customers);

          /* One customer as a scope of its own, against the owner's row. */
          {
            const CrmKpiScope *customer = crm_kpi_table_get_child_scope (customers, 0);
            g_autoptr(CrmKpiTable) alone = compute (fixture->store, customer, quarter, CRM_KPI_LEVEL_CUSTOMER, 0);

            g_assert_cmpint (crm_kpi_scope_get_level (customer), ==, CRM_KPI_LEVEL_CUSTOMER);
            g_assert_cmpuint (crm_kpi_table_get_n_children (alone), ==, 0);
            for (guint p = 0; p < 2; p++)
              assert_measures_equal (crm_kpi_table_get_measures (alone, CRM_KPI_TABLE_SCOPE, p),
                                     crm_kpi_table_get_measures (customers, 0, p), "customer");
            if (customers_seen++ < 3)
              check_table (fixture->path, alone);
          }
        }
    }
  g_assert_cmpuint (owners_seen, >=, 5);

  /* By segment, then owners within the segment. */
  check_adds_up (by_segment);
  {
    const CrmKpiScope *segment = crm_kpi_table_get_child_scope (by_segment, 0);
    g_autoptr(CrmKpiTable) owners = compute (fixture->store, segment, quarter, CRM_KPI_LEVEL_OWNER, 0);
    const CrmKpiScope *owner = crm_kpi_table_get_child_scope (owners, 0);
    g_autoptr(CrmKpiTable) customers = compute (fixture->store, owner, quarter, CRM_KPI_LEVEL_CUSTOMER, 3);

    check_adds_up (owners);
    check_table (fixture->path, owners);
    g_assert_cmpstr (crm_kpi_scope_get_segment (owner), ==, crm_kpi_scope_get_segment (segment));
    /* The top three by revenue and the rest in one row, adding up. */
    check_adds_up (customers);
    check_table (fixture->path, customers);
    if (crm_kpi_table_get_measures (customers, CRM_KPI_TABLE_SCOPE, FALSE)[CRM_KPI_MEASURE_CUSTOMERS] > 3)
      {
        g_assert_cmpuint (crm_kpi_table_get_n_children (customers), ==, 4);
        g_assert_true (crm_kpi_table_get_child_is_rest (customers, 3));
      }
    for (guint c = 0; c + 1 < crm_kpi_table_get_n_children (customers) && c < 2; c++)
      g_assert_cmpint (crm_kpi_table_get_measures (customers, c, FALSE)[CRM_KPI_MEASURE_REVENUE], >=,
                       crm_kpi_table_get_measures (customers, c + 1, FALSE)[CRM_KPI_MEASURE_REVENUE]);
  }
}

/* The previous period's figures are that period's own; a custom period,
 * computed from the touchpoints, agrees with the calendar summaries. */
static void
test_periods (CrmStoreFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  g_autoptr(CrmPeriod) month = crm_period_new_calendar (CRM_PERIOD_MONTH, 2025, 3);
  g_autoptr(CrmPeriod) previous = crm_period_get_previous (month);
  g_autoptr(CrmPeriod) custom = crm_period_new_custom (crm_period_get_start (month), crm_period_get_end (month));
  g_autoptr(CrmKpiTable) march = compute (fixture->store, company, month, CRM_KPI_LEVEL_REGION, 0);
  g_autoptr(CrmKpiTable) february = compute (fixture->store, company, previous, CRM_KPI_LEVEL_REGION, 0);
  g_autoptr(CrmKpiTable) as_custom = compute (fixture->store, company, custom, CRM_KPI_LEVEL_REGION, 0);
  g_autoptr(CrmPeriod) january = crm_period_new_calendar (CRM_PERIOD_MONTH, 2025, 1);
  g_autoptr(CrmPeriod) december = crm_period_get_previous (january);
  g_autoptr(CrmPeriod) q1 = crm_period_new_calendar (CRM_PERIOD_QUARTER, 2025, 1);
  g_autoptr(CrmPeriod) q4 = crm_period_get_previous (q1);

  /* Calendar arithmetic. */
  g_assert_cmpint (crm_period_get_start (month), ==, 1740787200);  /* 2025-03-01 */
  g_assert_cmpint (crm_period_get_end (month), ==, 1743465600);    /* 2025-04-01 */
  g_assert_cmpint (crm_period_get_start (previous), ==, 1738368000);
  g_assert_cmpint (crm_period_get_start (december), ==, 1733011200);
  g_assert_cmpint (crm_period_get_start (q4), ==, 1727740800);     /* 2024-10-01 */
  g_assert_cmpint (crm_period_get_end (q4), ==, crm_period_get_start (q1));
  {
    g_autoptr(CrmPeriod) prior = crm_period_get_previous (custom);

    g_assert_cmpint (crm_period_get_end (prior) - crm_period_get_start (prior), ==,
                     crm_period_get_end (custom) - crm_period_get_start (custom));
  }

  assert_flows_equal (crm_kpi_table_get_measures (march, CRM_KPI_TABLE_SCOPE, TRUE),
                      crm_kpi_table_get_measures (february, CRM_KPI_TABLE_SCOPE, FALSE), "previous month");
  for (guint c = 0; c < crm_kpi_table_get_n_children (march); c++)
    assert_flows_equal (crm_kpi_table_get_measures (march, c, TRUE),
                           crm_kpi_table_get_measures (february, c, FALSE), "previous month of a region");
  /* The same days; only what depends on the previous period differs (a
   * custom period's is the 31 days before, not February). */
  {
    const gint64 *a = crm_kpi_table_get_measures (as_custom, CRM_KPI_TABLE_SCOPE, FALSE);
    const gint64 *b = crm_kpi_table_get_measures (march, CRM_KPI_TABLE_SCOPE, FALSE);

    for (int m = 0; m < CRM_KPI_MEASURE_TARGETS; m++)
      if (m != CRM_KPI_MEASURE_RETAINED && m != CRM_KPI_MEASURE_ACTIVE_BEFORE && m != CRM_KPI_MEASURE_LOST)
        g_assert_cmpint (a[m], ==, b[m]);
  }
  check_table (fixture->path, march);
  check_table (fixture->path, as_custom);

  /* A custom period that starts and ends within months: its channels and
   * stages come from the rows rather than the monthly summaries. */
  {
    g_autoptr(CrmPeriod) odd = crm_period_new_custom (1741564800, 1755648000);  /* 2025-03-10 to 08-20 */
    g_autoptr(CrmKpiTable) table = compute (fixture->store, company, odd, CRM_KPI_LEVEL_REGION, 0);
    g_autoptr(CrmKpiTable) region = compute (fixture->store, crm_kpi_table_get_child_scope (table, 0), odd,
                                             CRM_KPI_LEVEL_OWNER, 0);

    g_assert_cmpint (crm_kpi_breakdown_get_bucket (crm_kpi_table_get_breakdown (table)), ==, CRM_KPI_BUCKET_WEEK);
    check_table (fixture->path, table);
    check_table (fixture->path, region);
  }
}

/* Every kind of write the application makes, then the summaries against
 * SQL again. */
static void
test_summaries_follow_writes (CrmStoreFixture *fixture,
                              gconstpointer    data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  g_autoptr(CrmPeriod) year = crm_period_new_calendar (CRM_PERIOD_YEAR, 2025, 0);
  g_autoptr(CrmPeriod) month = crm_period_new_calendar (CRM_PERIOD_MONTH, 2025, 6);
  gint64 busy = query (fixture->path, "SELECT customer_id FROM touchpoints WHERE occurred_at >= 1735689600"
                       " GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1");
  gint64 buyer = query (fixture->path, "SELECT customer_id FROM transactions WHERE status = 1"
                        " AND occurred_at >= 1735689600 ORDER BY id LIMIT 1");
  gint64 victim = query (fixture->path, "SELECT customer_id FROM touchpoints WHERE occurred_at >= 1735689600"
                         " AND customer_id NOT IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")"
                         " ORDER BY id LIMIT 1", busy, buyer);
  gint64 merged = query (fixture->path, "SELECT customer_id FROM touchpoints WHERE occurred_at >= 1733011200"
                         " AND customer_id NOT IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")"
                         " ORDER BY id DESC LIMIT 1", busy, buyer, victim);
  gint64 journal_id = 0;

  /* A new touchpoint in June, one moved to another customer and time, one
   * deleted. */
  {
    g_autoptr(CrmTouchpoint) touchpoint = crm_store_load_touchpoint (
      store, query (fixture->path, "SELECT id FROM touchpoints WHERE customer_id = %" G_GINT64_FORMAT
                    " ORDER BY id LIMIT 1", busy), &error);
    g_autoptr(CrmTouchpoint) added = crm_touchpoint_new ();

    g_assert_no_error (error);
    crm_touchpoint_set_customer_id (added, victim);
    crm_touchpoint_set_type_id (added, crm_touchpoint_get_type_id (touchpoint));
    crm_touchpoint_set_channel_id (added, crm_touchpoint_get_channel_id (touchpoint));
    crm_touchpoint_set_occurred_at (added, crm_period_get_start (month) + 3600);
    crm_touchpoint_set_satisfaction (added, 4);
    g_assert_true (crm_store_save_touchpoint (store, added, &error));
    g_assert_no_error (error);

    crm_touchpoint_set_customer_id (touchpoint, merged);
    crm_touchpoint_set_occurred_at (touchpoint, crm_period_get_start (month) + 7200);
    crm_touchpoint_set_satisfaction (touchpoint, 1);
    g_assert_true (crm_store_save_touchpoint (store, touchpoint, &error));
    g_assert_no_error (error);

    g_assert_true (crm_store_delete_touchpoint (
      store, query (fixture->path, "SELECT id FROM touchpoints WHERE occurred_at >= 1735689600 ORDER BY id DESC"
                    " LIMIT 1"), &error));
    g_assert_no_error (error);
  }

  /* A refund. */
  {
    g_autoptr(CrmTransaction) transaction = crm_store_load_transaction (
      store, query (fixture->path, "SELECT id FROM transactions WHERE customer_id = %" G_GINT64_FORMAT
                    " AND status = 1 AND occurred_at >= 1735689600 ORDER BY id LIMIT 1", buyer), &error);

    g_assert_no_error (error);
    crm_transaction_set_status (transaction, CRM_TRANSACTION_STATUS_REFUNDED);
    g_assert_true (crm_store_save_transaction (store, transaction, &error));
    g_assert_no_error (error);
  }

  /* The busiest customer moves to another region and owner, becomes an
   * advocate and loses their contact data. */
  {
    g_autoptr(CrmCustomer) customer = crm_store_load_customer (store, busy, &error);
    g_autofree char *region = NULL;
    g_autofree char *owner = NULL;
    const char *no_tags[] = { NULL };

    g_assert_no_error (error);
    region = crm_test_query_text (fixture->path, "SELECT region FROM customers ORDER BY region DESC LIMIT 1");
    if (g_strcmp0 (region, crm_customer_get_region (customer)) == 0)
      {
        g_free (region);
        region = g_strdup ("Antarctica");
      }
    owner = g_strdup ("Somebody Else");
    crm_customer_set_region (customer, region);
    crm_customer_set_owner (customer, owner);
    crm_customer_set_lifecycle_stage (customer, CRM_LIFECYCLE_STAGE_ADVOCATE);
    crm_customer_set_tags (customer, no_tags);
    g_ptr_array_set_size (crm_customer_get_contact_points (customer), 0);
    g_assert_true (crm_store_save_customer (store, customer, &error));
    g_assert_no_error (error);
  }

  /* A customer deleted, then undone; another one deleted for good; two
   * merged. */
  g_assert_true (crm_store_delete_customer (store, victim, &journal_id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrmKpiTable) table = compute (store, company, year, CRM_KPI_LEVEL_REGION, 0);

    check_table (fixture->path, table);
  }
  g_assert_true (crm_store_undo (store, journal_id, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_delete_customer (
    store, query (fixture->path, "SELECT customer_id FROM transactions WHERE status = 1 AND customer_id NOT IN"
                  " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")"
                  " ORDER BY id DESC LIMIT 1", busy, buyer, victim, merged), NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrmCustomer) survivor = crm_store_load_customer (store, buyer, &error);

    g_assert_no_error (error);
    g_assert_true (crm_store_merge_customers (store, survivor, merged, NULL, &error));
    g_assert_no_error (error);
  }

  for (CrmPeriodKind kind = CRM_PERIOD_MONTH; kind <= CRM_PERIOD_YEAR; kind++)
    {
      g_autoptr(CrmPeriod) period = crm_period_new_calendar (kind, 2025, kind == CRM_PERIOD_QUARTER ? 3 : 7);
      g_autoptr(CrmKpiTable) table = compute (store, company, period, CRM_KPI_LEVEL_REGION, 0);

      check_table (fixture->path, table);
      check_adds_up (table);
    }

  /* Whole summary tables, row by row, against the rows they summarize
   * (rows the triggers brought down to nothing aside). */
  {
    static const char * const same[] = {
      "SELECT month, region, segment, owner, channel_id, touchpoints, rated, satisfaction"
      " FROM kpi_channel_monthly WHERE touchpoints != 0 OR rated != 0 OR satisfaction != 0",
      "SELECT CAST(strftime('%s', t.occurred_at, 'unixepoch', 'start of month') AS INTEGER),"
      " c.region, c.segment, c.owner, t.channel_id, count(*), sum(t.satisfaction > 0), sum(t.satisfaction)"
      " FROM touchpoints t JOIN customers c ON c.id = t.customer_id GROUP BY 1, 2, 3, 4, 5",
      "SELECT month, region, segment, owner, stage, customers FROM kpi_stage_monthly WHERE customers != 0",
      "SELECT CAST(strftime('%s', created_at, 'unixepoch', 'start of month') AS INTEGER),"
      " region, segment, owner, lifecycle_stage, count(*) FROM customers GROUP BY 1, 2, 3, 4, 5",
    };

    for (guint i = 0; i < G_N_ELEMENTS (same); i += 2)
      {
        g_assert_cmpint (query (fixture->path, "SELECT count(*) FROM (%s)", same[i]), >, 0);
        g_assert_cmpint (query (fixture->path, "SELECT count(*) FROM (%s EXCEPT %s)", same[i], same[i + 1]), ==, 0);
        g_assert_cmpint (query (fixture->path, "SELECT count(*) FROM (%s EXCEPT %s)", same[i + 1], same[i]), ==, 0);
      }
  }
}

static void
test_targets (CrmStoreFixture *fixture,
              gconstpointer    data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  g_autoptr(CrmKpiScope) europe = crm_kpi_scope_new_child (company, CRM_KPI_LEVEL_REGION, "Europe");
  g_autoptr(CrmPeriod) year = crm_period_new_calendar (CRM_PERIOD_YEAR, 2025, 0);
  g_autoptr(CrmPeriod) previous = crm_period_get_previous (year);
  g_autoptr(CrmKpiTable) before = compute (store, europe, year, CRM_KPI_LEVEL_REGION, 0);
  g_autoptr(CrmKpiTable) audit = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  double revenue = crm_kpi_table_get_value (before, CRM_KPI_TABLE_SCOPE, CRM_KPI_REVENUE, FALSE);
  double churn = crm_kpi_table_get_value (before, CRM_KPI_TABLE_SCOPE, CRM_KPI_CHURN_RATE, FALSE);
  double active = crm_kpi_table_get_value (before, CRM_KPI_TABLE_SCOPE, CRM_KPI_ACTIVE_CUSTOMERS, FALSE);
  double target;

  g_assert_cmpfloat (revenue, >, 0);
  g_assert_cmpfloat (churn, >, 0);
  g_assert_false (crm_kpi_table_get_target (before, CRM_KPI_REVENUE, NULL));
  g_assert_true (isnan (crm_kpi_table_get_attainment (before, CRM_KPI_REVENUE)));

  /* Revenue at 80 % of its target: missed. Churn at twice its target:
   * missed, 50 %. Active customers: met. One for another scope and one
   * for another period, which must not count. */
  g_assert_true (crm_store_set_kpi_target (store, CRM_KPI_REVENUE, europe, year, revenue / 0.8, &error));
  g_assert_true (crm_store_set_kpi_target (store, CRM_KPI_CHURN_RATE, europe, year, churn / 2, &error));
  g_assert_true (crm_store_set_kpi_target (store, CRM_KPI_ACTIVE_CUSTOMERS, europe, year, active - 1, &error));
  g_assert_true (crm_store_set_kpi_target (store, CRM_KPI_NEW_CUSTOMERS, company, year, 1, &error));
  g_assert_true (crm_store_set_kpi_target (store, CRM_KPI_NEW_CUSTOMERS, europe, previous, 1e9, &error));
  g_assert_no_error (error);

  g_assert_true (crm_store_get_kpi_target (store, CRM_KPI_CHURN_RATE, europe, year, &target, &error));
  g_assert_cmpfloat_with_epsilon (target, churn / 2, 1e-12);
  g_assert_true (crm_store_get_kpi_target (store, CRM_KPI_REVENUE, company, year, &target, &error));
  g_assert_true (isnan (target));

  audit = crm_store_audit_kpis (store, europe, year, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_kpi_table_get_n_children (audit), ==, 0);
  g_assert_true (crm_kpi_table_get_target (audit, CRM_KPI_REVENUE, &target));
  g_assert_cmpfloat_with_epsilon (crm_kpi_table_get_attainment (audit, CRM_KPI_REVENUE), 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (crm_kpi_table_get_attainment (audit, CRM_KPI_CHURN_RATE), 0.5, 1e-9);
  g_assert_cmpfloat (crm_kpi_table_get_attainment (audit, CRM_KPI_ACTIVE_CUSTOMERS), >, 1.0);
  g_assert_false (crm_kpi_table_get_target (audit, CRM_KPI_NEW_CUSTOMERS, NULL));
  /* One of three targets met; the previous year had one, missed. */
  g_assert_cmpfloat_with_epsilon (crm_kpi_table_get_value (audit, CRM_KPI_TABLE_SCOPE, CRM_KPI_TARGET_ATTAINMENT,
                                                           FALSE), 1.0 / 3, 1e-12);
  g_assert_cmpfloat (crm_kpi_table_get_value (audit, CRM_KPI_TABLE_SCOPE, CRM_KPI_TARGET_ATTAINMENT, TRUE),
                     ==, 0);

  targets = crm_store_list_kpi_targets (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 5);

  /* Replacing and removing. */
  g_assert_true (crm_store_set_kpi_target (store, CRM_KPI_REVENUE, europe, year, revenue / 2, &error));
  g_assert_true (crm_store_remove_kpi_target (store, CRM_KPI_CHURN_RATE, europe, year, &error));
  g_assert_no_error (error);
  g_clear_object (&audit);
  audit = crm_store_audit_kpis (store, europe, year, &error);
  g_assert_cmpfloat_with_epsilon (crm_kpi_table_get_attainment (audit, CRM_KPI_REVENUE), 2.0, 1e-9);
  g_assert_false (crm_kpi_table_get_target (audit, CRM_KPI_CHURN_RATE, NULL));
  g_assert_cmpfloat (crm_kpi_table_get_value (audit, CRM_KPI_TABLE_SCOPE, CRM_KPI_TARGET_ATTAINMENT, FALSE),
                     ==, 1.0);
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = crm_store_list_kpi_targets (store, &error);
  g_assert_cmpuint (targets->len, ==, 4);
}

static void
test_definitions (void)
{
  gint64 m[CRM_N_KPI_MEASURES] = { 0 };
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  g_autoptr(CrmKpiScope) segment = crm_kpi_scope_new_child (company, CRM_KPI_LEVEL_SEGMENT, "Small business");
  g_autoptr(CrmKpiScope) owner = crm_kpi_scope_new_child (segment, CRM_KPI_LEVEL_OWNER, "Zoë O’Neil/2");
  g_autofree char *key = crm_kpi_scope_to_key (owner);
  g_autoptr(CrmKpiScope) up = crm_kpi_scope_get_parent (owner);

  for (CrmKpi k = 0; k < CRM_N_KPIS; k++)
    {
      const CrmKpiInfo *info = crm_kpi_get_info (k);

      g_assert_cmpint (crm_kpi_from_id (info->id), ==, k);
      g_assert_cmpstr (crm_kpi_get_name (k), !=, "");
      g_assert_true ((info->aggregation == CRM_KPI_AGGREGATION_SUM) == (info->denominator == CRM_KPI_MEASURE_NONE));
    }
  g_assert_cmpint ((int) crm_kpi_from_id ("nonsense"), ==, -1);

  m[CRM_KPI_MEASURE_REVENUE] = 1000;
  m[CRM_KPI_MEASURE_ORDERS] = 4;
  g_assert_cmpfloat (crm_kpi_compute (CRM_KPI_AVERAGE_ORDER_VALUE, m), ==, 250);
  g_assert_true (isnan (crm_kpi_compute (CRM_KPI_AVERAGE_SATISFACTION, m)));
  g_assert_cmpfloat (crm_kpi_attainment (CRM_KPI_REVENUE, 500, 1000), ==, 2.0);
  g_assert_cmpfloat (crm_kpi_attainment (CRM_KPI_CHURN_RATE, 0.1, 0.2), ==, 0.5);
  g_assert_true (crm_kpi_target_met (CRM_KPI_CHURN_RATE, 0.1, 0.05));
  g_assert_false (crm_kpi_target_met (CRM_KPI_CHURN_RATE, 0.1, 0.2));

  g_assert_cmpstr (key, ==, "segment=Small%20business/owner=Zoë%20O’Neil%2F2");
  g_assert_true (crm_kpi_scope_equal (up, segment));
  g_assert_cmpint (crm_kpi_scope_get_level (up), ==, CRM_KPI_LEVEL_SEGMENT);
  g_assert_null (crm_kpi_scope_get_region (owner));
  g_assert_true (crm_kpi_scope_can_drill (owner, CRM_KPI_LEVEL_CUSTOMER));
  g_assert_false (crm_kpi_scope_can_drill (owner, CRM_KPI_LEVEL_REGION));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kpis/definitions", test_definitions);
  g_test_add ("/kpis/company-year", CrmStoreFixture, NULL, fixture_set_up, test_company_year,
              crm_store_fixture_tear_down);
  g_test_add ("/kpis/drill-down", CrmStoreFixture, NULL, fixture_set_up, test_drill_down,
              crm_store_fixture_tear_down);
  g_test_add ("/kpis/periods", CrmStoreFixture, NULL, fixture_set_up, test_periods,
              crm_store_fixture_tear_down);
  g_test_add ("/kpis/summaries-follow-writes", CrmStoreFixture, NULL, fixture_set_up,
              test_summaries_follow_writes, crm_store_fixture_tear_down);
  g_test_add ("/kpis/targets", CrmStoreFixture, NULL, fixture_set_up, test_targets,
              crm_store_fixture_tear_down);
  return g_test_run ();
}
