/* bench-journeys.c: the analysis of many customers' journeys on the shared
 * generated database (1,000,000 customers, ~10,000,000 touchpoints;
 * BENCH_CUSTOMERS sets the size): all customers over all time, and one
 * segment over one quarter. The journey map, top paths, channel flow and
 * moments of truth are counted together in one pass over the touchpoints
 * (crm-store-journey-analysis.c), so each analysis's figure is the time
 * of that pass. Prints "figure: <name> <value> <unit>" lines. */
#include <stdlib.h>

#include "crm-bench-database.h"
#include "crm-store.h"
#include "crm-test-utils.h"

#define RUNS 3

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

/* The median of RUNS analyses, in ms; the first (cold) in @first. */
static double
time_analysis (CrmStore         *store,
               const char       *segment,
               const CrmPeriod  *period,
               gint64           *customers,
               double           *first)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmJourneyAnalysis) analysis = NULL;
      double started = now_ms ();

      analysis = crm_store_analyze_journeys (store, segment, period, NULL, NULL, NULL, &error);
      if (analysis == NULL)
        g_error ("%s", error->message);
      times[i] = now_ms () - started;
      *customers = crm_journey_analysis_get_customers (analysis);
      if (i == 0 && g_getenv ("BENCH_VERBOSE"))
        for (guint p = 0; p < MIN (5, crm_journey_analysis_get_n_paths (analysis)); p++)
          {
            g_autofree char *path = crm_journey_analysis_format_path (analysis, p);

            g_print ("  %s: %" G_GINT64_FORMAT " customers\n", path,
                     crm_journey_analysis_get_path_group (analysis, p)->customers);
          }
    }
  *first = times[0];
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

/* How long listing the first 500 customers behind the most common path
 * takes, in ms, and how many there were. */
static double
time_customers_behind (CrmStore        *store,
                       const char      *segment,
                       const CrmPeriod *period,
                       guint           *found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmJourneyAnalysis) analysis = crm_store_analyze_journeys (store, segment, period, NULL, NULL, NULL,
                                                                       &error);
  CrmJourneyElement top_path = { CRM_JOURNEY_ELEMENT_PATH, 0, 0 };
  g_autoptr(GArray) ids = NULL;
  double started;

  if (analysis == NULL)
    g_error ("%s", error->message);
  started = now_ms ();
  ids = crm_store_find_journey_customers (store, analysis, &top_path, 500, NULL, NULL, NULL, &error);
  if (ids == NULL)
    g_error ("%s", error->message);
  *found = ids->len;
  return now_ms () - started;
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("BENCH_CUSTOMERS");
  guint n_customers = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 1000000;
  g_autofree char *path = crm_bench_database (n_customers);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);
  g_autoptr(CrmPeriod) quarter = crm_period_new_calendar (CRM_PERIOD_QUARTER, 2025, 4);
  g_autofree char *segment = NULL;
  gint64 touchpoints, all_customers, segment_customers;
  double all_ms, all_first, segment_ms, segment_first, behind_all_ms, behind_segment_ms;
  guint behind_all, behind_segment;

  if (store == NULL)
    g_error ("%s", error->message);
  touchpoints = crm_store_count (store, CRM_RECORD_TOUCHPOINTS, NULL);
  segment = crm_test_query_text (path, "SELECT segment FROM customers ORDER BY id LIMIT 1");

  all_ms = time_analysis (store, NULL, NULL, &all_customers, &all_first);
  segment_ms = time_analysis (store, segment, quarter, &segment_customers, &segment_first);
  behind_all_ms = time_customers_behind (store, NULL, NULL, &behind_all);
  behind_segment_ms = time_customers_behind (store, segment, quarter, &behind_segment);

  g_print ("data: %u customers, %" G_GINT64_FORMAT " touchpoints (%s); all: %" G_GINT64_FORMAT
           " customers with touchpoints, all time; segment: %s, Q4 2025, %" G_GINT64_FORMAT " customers; "
           "the four analyses counted together in one pass; median of %d runs\n",
           n_customers, touchpoints, path, all_customers, segment, segment_customers, RUNS);
  g_print ("figure: journey_map_all_s %.2f s (first run %.2f s)\n", all_ms / 1000, all_first / 1000);
  g_print ("figure: top_paths_all_s %.2f s (the same pass)\n", all_ms / 1000);
  g_print ("figure: channel_flow_all_s %.2f s (the same pass)\n", all_ms / 1000);
  g_print ("figure: moments_of_truth_all_s %.2f s (the same pass)\n", all_ms / 1000);
  g_print ("figure: journey_segment_quarter_ms %.1f ms (first run %.1f ms)\n", segment_ms, segment_first);
  g_print ("figure: journey_customers_behind_all_ms %.1f ms (the first %u customers behind the top path, all time)\n",
           behind_all_ms, behind_all);
  g_print ("figure: journey_customers_behind_segment_quarter_ms %.1f ms (%u customers behind the top path)\n",
           behind_segment_ms, behind_segment);
  return 0;
}
