/* bench-dashboard.c: the KPI dashboard on the shared generated database
 * (1,000,000 customers, ~10,000,000 touchpoints; BENCH_CUSTOMERS sets the
 * size): the whole dashboard of the company for a year, by region; of one
 * owner for a month, with their top customers; and a full RFM refresh of
 * every customer. The refresh runs inside a transaction that is rolled
 * back, so the shared database is left as it was. Prints
 * "figure: <name> <value> <unit>" lines. */
#include <stdlib.h>

#include "crm-bench-database.h"
#include "crm-store.h"
#include "crm-test-utils.h"

#define RUNS 5
/* The dashboard shows an owner's top customers and the rest in one row. */
#define TOP_CUSTOMERS 20

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Times @runs computations; returns the median, the first (cold) in
 * @first. */
static double
time_dashboard (CrmStore          *store,
                const CrmKpiScope *scope,
                const CrmPeriod   *period,
                CrmKpiLevel        level,
                double            *first)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmKpiTable) table = NULL;
      double started = now_ms ();

      table = crm_store_compute_kpis (store, scope, period, level, TOP_CUSTOMERS, NULL, &error);
      if (table == NULL)
        g_error ("%s", error->message);
      times[i] = now_ms () - started;
      if (i == 0 && g_getenv ("BENCH_VERBOSE"))
        for (CrmKpi k = 0; k < CRM_N_KPIS; k++)
          g_print ("  %s: %g (previous %g), %u children\n", crm_kpi_get_name (k),
                   crm_kpi_table_get_value (table, CRM_KPI_TABLE_SCOPE, k, FALSE),
                   crm_kpi_table_get_value (table, CRM_KPI_TABLE_SCOPE, k, TRUE),
                   crm_kpi_table_get_n_children (table));
    }
  *first = times[0];
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("BENCH_CUSTOMERS");
  guint n_customers = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 1000000;
  g_autofree char *path = crm_bench_database (n_customers);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  g_autoptr(CrmKpiScope) owner = NULL;
  g_autoptr(CrmPeriod) year = crm_period_new_calendar (CRM_PERIOD_YEAR, 2025, 0);
  g_autoptr(CrmPeriod) month = crm_period_new_calendar (CRM_PERIOD_MONTH, 2025, 12);
  g_autoptr(CrmKpiTable) regions = NULL;
  g_autoptr(CrmKpiTable) owners = NULL;
  double opened, company_ms, company_first, owner_ms, owner_first, rfm_s;
  gint64 touchpoints, owner_customers;

  /* Opening may upgrade the schema once, building the summaries. */
  opened = now_ms ();
  store = crm_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  opened = now_ms () - opened;
  touchpoints = crm_store_count (store, CRM_RECORD_TOUCHPOINTS, NULL);

  company_ms = time_dashboard (store, company, year, CRM_KPI_LEVEL_REGION, &company_first);

  /* The first owner of the first region, as a click would reach them. */
  regions = crm_store_compute_kpis (store, company, year, CRM_KPI_LEVEL_REGION, 0, NULL, &error);
  if (regions == NULL || crm_kpi_table_get_n_children (regions) == 0)
    g_error ("no regions: %s", error ? error->message : "empty database");
  owners = crm_store_compute_kpis (store, crm_kpi_table_get_child_scope (regions, 0), month,
                                   CRM_KPI_LEVEL_OWNER, 0, NULL, &error);
  if (owners == NULL || crm_kpi_table_get_n_children (owners) == 0)
    g_error ("no owners: %s", error ? error->message : "empty region");
  owner = crm_kpi_scope_copy (crm_kpi_table_get_child_scope (owners, 0));
  owner_customers = crm_kpi_table_get_measures (owners, 0, FALSE)[CRM_KPI_MEASURE_CUSTOMERS];
  owner_ms = time_dashboard (store, owner, month, CRM_KPI_LEVEL_CUSTOMER, &owner_first);

  {
    double started;

    if (!crm_store_begin (store, &error))
      g_error ("%s", error->message);
    started = now_ms ();
    if (!crm_store_refresh_rfm (store, NULL, &error))
      g_error ("%s", error->message);
    rfm_s = (now_ms () - started) / 1000.0;
    crm_store_rollback (store);
  }

  g_print ("data: %u customers, %" G_GINT64_FORMAT " touchpoints (%s); opened in %.0f ms; "
           "company: %s by region; owner: %s (%" G_GINT64_FORMAT " customers), December 2025, top %d customers; "
           "median of %d runs\n",
           n_customers, touchpoints, path, opened, "2025", crm_kpi_scope_get_owner (owner), owner_customers,
           TOP_CUSTOMERS, RUNS);
  g_print ("figure: dashboard_company_year_ms %.1f ms (first run %.1f ms)\n", company_ms, company_first);
  g_print ("figure: dashboard_owner_month_ms %.1f ms (first run %.1f ms)\n", owner_ms, owner_first);
  g_print ("figure: rfm_all_s %.2f s (rolled back)\n", rfm_s);
  return 0;
}
