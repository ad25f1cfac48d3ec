/* bench-generate.c: how fast the demo-data generator fills a database:
 * generating and storing customers with their journeys, on a fresh file.
 * BENCH_CUSTOMERS sets the size (default 100,000). Prints one
 * "figure: <name> <value> <unit>" line per figure. */
#include <stdlib.h>
#include <sys/resource.h>

#include "crm-demo-generator.h"
#include "crm-test-utils.h"

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("BENCH_CUSTOMERS");
  guint n_customers = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 100000;
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmDemoGenerator) generator = NULL;
  struct rusage usage;
  gint64 started;
  double seconds;

  store = crm_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  generator = crm_demo_generator_new (1, n_customers);
  crm_demo_generator_set_end_time (generator, 1767225600);

  started = g_get_monotonic_time ();
  if (!crm_demo_generator_run (generator, store, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  getrusage (RUSAGE_SELF, &usage);

  g_print ("data: %u customers, %" G_GUINT64_FORMAT " touchpoints, %" G_GUINT64_FORMAT
           " transactions into a new database on %s, in %.2f s\n",
           n_customers, crm_demo_generator_get_n_touchpoints (generator),
           crm_demo_generator_get_n_transactions (generator), g_get_tmp_dir (), seconds);
  g_print ("figure: generate_customers_per_s %.0f customers/s\n", n_customers / seconds);
  g_print ("figure: generate_touchpoints_per_s %.0f touchpoints/s\n",
           crm_demo_generator_get_n_touchpoints (generator) / seconds);
  g_print ("figure: generate_peak_rss_mb %.1f MB\n", usage.ru_maxrss / 1024.0);

  g_clear_object (&store);
  crm_test_remove_tree (dir);
  return 0;
}
