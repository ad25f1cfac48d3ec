/* bench-archive.c: the XML archive's round trip on the shared generated
 * database of BENCH_CUSTOMERS customers (default 1,000,000, with about
 * ten touchpoints each): export to a file, then restore into a new
 * database, each timed, with the peak memory of the whole run. */
#include <sys/resource.h>

#include "crm-archive.h"
#include "crm-bench-database.h"
#include "crm-test-utils.h"

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("BENCH_CUSTOMERS");
  guint n_customers = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 1000000;
  g_autofree char *source_path = crm_bench_database (n_customers);
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *archive_path = g_build_filename (dir, "archive.xml", NULL);
  g_autofree char *restored_path = g_build_filename (dir, "restored.db", NULL);
  g_autoptr(GFile) archive = g_file_new_for_path (archive_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *source_digest = NULL;
  g_autofree char *restored_digest = NULL;
  gint64 customers, touchpoints, transactions, started;
  double export_seconds, import_seconds, export_rss;

  customers = crm_test_query_int (source_path, "SELECT count(*) FROM customers");
  touchpoints = crm_test_query_int (source_path, "SELECT count(*) FROM touchpoints");
  transactions = crm_test_query_int (source_path, "SELECT count(*) FROM transactions");

  {
    g_autoptr(CrmStore) source = crm_store_open (source_path, &error);

    g_assert_no_error (error);
    started = g_get_monotonic_time ();
    crm_export_archive (source, archive, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    export_seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
    export_rss = peak_rss_mb ();
  }
  info = g_file_query_info (archive, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);

  {
    g_autoptr(CrmStore) restored = crm_store_open (restored_path, &error);
    g_assert_no_error (error);
    started = g_get_monotonic_time ();
    crm_restore_archive (restored, archive, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    import_seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  }

  /* A fast restore that lost something would be no restore at all. */
  source_digest = crm_test_database_digest (source_path);
  restored_digest = crm_test_database_digest (restored_path);
  g_assert_cmpstr (source_digest, ==, restored_digest);

  g_print ("data: generated database of %" G_GINT64_FORMAT " customers, %" G_GINT64_FORMAT " touchpoints, %"
           G_GINT64_FORMAT " transactions; archive %.1f MB; restored database identical (SHA-256 of every table)\n",
           customers, touchpoints, transactions, g_file_info_get_size (info) / 1e6);
  g_print ("figure: archive_export_s %.1f s (%.0f rows/s, peak RSS %.1f MB)\n", export_seconds,
           (customers + touchpoints + transactions) / export_seconds, export_rss);
  g_print ("figure: archive_import_s %.1f s (%.0f rows/s)\n", import_seconds,
           (customers + touchpoints + transactions) / import_seconds);
  g_print ("figure: archive_round_trip_s %.1f s\n", export_seconds + import_seconds);
  g_print ("figure: archive_peak_rss_mb %.1f MB\n", peak_rss_mb ());

  crm_test_remove_tree (dir);
  return 0;
}
