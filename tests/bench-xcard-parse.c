/* bench-xcard-parse.c: the xCard reader's speed and memory on an xCard
 * file of BENCH_CUSTOMERS customers (default 100,000) from the demo
 * generator (names in four scripts, e-mails, phones, addresses, tags,
 * notes), written by the xCard exporter. Times the export, the parse
 * alone, and the import into an empty database; prints one
 * "figure: <name> <value> <unit>" line per figure. */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "crm-bench-database.h"
#include "crm-test-utils.h"
#include "crm-xcard.h"
#include "crm-xcard-reader.h"

/* Sets the peak resident size back to the current one, where Linux
 * allows it, so that each phase's peak is its own. */
static gboolean
reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean written;

  if (file == NULL)
    return FALSE;
  written = fputs ("5", file) >= 0;
  return fclose (file) == 0 && written;
}

static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) && (line = strstr (status, "VmHWM:")) != NULL)
    return g_ascii_strtoll (line + 6, NULL, 10) / 1024.0;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
seconds_since (gint64 started)
{
  return (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("BENCH_CUSTOMERS");
  guint n_customers = size ? (guint) g_ascii_strtoull (size, NULL, 10) : 100000;
  g_autofree char *database = crm_bench_database (n_customers);
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "customers.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint parsed = 0, properties = 0, added;
  gboolean own_peaks;
  double export_seconds, parse_seconds, import_seconds, parse_peak, import_peak;
  gint64 started;

  /* The file, from the shared demo database. */
  {
    g_autoptr(CrmStore) store = crm_store_open (database, &error);

    g_assert_no_error (error);
    started = g_get_monotonic_time ();
    g_assert_true (crm_export_xcard (store, file, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    export_seconds = seconds_since (started);
  }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);

  /* Parse only: the cards as the mapping gets them. */
  own_peaks = reset_peak_rss ();
  {
    g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
    g_autoptr(CrmXcardReader) reader = NULL;
    CrmVcardCard *card;

    g_assert_no_error (error);
    reader = crm_xcard_reader_new (G_INPUT_STREAM (stream));
    started = g_get_monotonic_time ();
    while ((card = crm_xcard_reader_next (reader, NULL, &error)) != NULL)
      {
        parsed++;
        properties += crm_vcard_card_get_properties (card)->len;
        g_assert_cmpuint (crm_vcard_card_get_problems (card)->len, ==, 0);
        g_object_unref (card);
      }
    g_assert_no_error (error);
    parse_seconds = seconds_since (started);
    g_assert_cmpuint (parsed, ==, n_customers);
  }
  parse_peak = peak_rss_mb ();

  /* The same file imported into an empty database, in one transaction. */
  reset_peak_rss ();
  {
    g_autofree char *db = g_build_filename (dir, "import.db", NULL);
    g_autoptr(CrmStore) store = crm_store_open (db, &error);
    g_autoptr(GFileInputStream) stream = NULL;
    g_autoptr(CrmImportReport) report = NULL;

    g_assert_no_error (error);
    stream = g_file_read (file, NULL, &error);
    g_assert_no_error (error);
    started = g_get_monotonic_time ();
    report = crm_import_xcard (store, G_INPUT_STREAM (stream), CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    import_seconds = seconds_since (started);
    /* The demo data has duplicates on purpose; they are matched, as a
     * user's import would match them. */
    added = crm_import_report_get_added (report);
    g_assert_cmpint (added + crm_import_report_get_updated (report) + crm_import_report_get_unchanged (report), ==,
                     n_customers);
  }
  import_peak = peak_rss_mb ();

  g_print ("data: %u demo customers as xCard, %u properties, %.1f MB; exported in %.2f s, parsed in %.2f s%s\n",
           parsed, properties, g_file_info_get_size (info) / 1e6, export_seconds, parse_seconds,
           own_peaks ? "" : " (peaks are of the whole run)");
  g_print ("figure: xcard_export_customers_per_s %.0f customers/s\n", n_customers / export_seconds);
  g_print ("figure: xcard_parse_cards_per_s %.0f cards/s\n", parsed / parse_seconds);
  g_print ("figure: xcard_parse_peak_rss_mb %.1f MB\n", parse_peak);
  g_print ("figure: xcard_import_customers_per_s %.0f customers/s (into an empty database, %.2f s, "
           "%u new, the rest matched as duplicates)\n", n_customers / import_seconds, import_seconds, added);
  g_print ("figure: xcard_import_peak_rss_mb %.1f MB\n", import_peak);

  crm_test_remove_tree (dir);
  return 0;
}
