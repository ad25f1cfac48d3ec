/* bench-customer-list.c: the customer list on the shared generated database
 * (BENCH_CUSTOMERS, default 1,000,000 customers with ~10,000,000
 * touchpoints): opening to the first rows, fetching a page at a random
 * position, search keystrokes, changing the sort column. Prints
 * "figure: <name> <value> <unit>" lines. */
#include <stdlib.h>
#include <sys/resource.h>

#include "crm-bench-database.h"
#include "crm-customer-list.h"
#include "crm-test-utils.h"

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_until_settled (CrmCustomerList *list)
{
  guint tick = g_timeout_add (1, wake_up, NULL);

  while (crm_customer_list_get_loading (list) || !crm_customer_list_get_complete (list))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

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

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

static double first_change_ms;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  if (first_change_ms == 0)
    first_change_ms = now_ms ();
}

/* Types @text one character at a time, as a user would, timing each
 * keystroke from the change of the search to the first rows of the new
 * result in the list (what the user sees), and to the settled list with
 * its count. */
static void
type_search (CrmCustomerList *list,
             const char      *text,
             GArray          *latencies,
             GArray          *settled)
{
  CrmCustomerQuery *query = crm_customer_list_get_query (list);

  for (const char *end = g_utf8_next_char (text); ; end = g_utf8_next_char (end))
    {
      g_autofree char *prefix = g_strndup (text, end - text);
      double started = now_ms (), elapsed, complete;

      first_change_ms = 0;
      crm_customer_query_set_search (query, prefix);
      wait_until_settled (list);
      complete = now_ms () - started;
      /* A result equal to the previous one changes nothing in the list;
       * it is there when the query has settled. */
      elapsed = first_change_ms > 0 ? first_change_ms - started : complete;
      g_array_append_val (latencies, elapsed);
      g_array_append_val (settled, complete);
      if (g_getenv ("BENCH_VERBOSE"))
        g_print ("keystroke \"%s\": first rows %.1f ms, all %.1f ms, %u customers\n", prefix, elapsed,
                 complete, g_list_model_get_n_items (G_LIST_MODEL (list)));
      if (*end == '\0')
        break;
    }
  crm_customer_query_set_search (query, "");
  wait_until_settled (list);
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
  g_autoptr(CrmCustomerList) list = NULL;
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  double started, first_rows, sort_worst = 0, duplicates_s;
  guint n_groups;
  gint64 touchpoints;
  struct rusage usage;
  /* Names and e-mail fragments as users type them: family names in each
   * script, a given name, mail providers and a company domain. */
  static const char * const names[] = { "Nowak", "García", "Иванова", "Ковальчук", "王静", "李", "العلي", "حداد", "Katharina" };
  static const char * const fragments[] = { "gmail", "yandex", "qq.com", "sonnenfeld", "mail.ru" };
  static const CrmCustomerSort sorts[] = {
    CRM_CUSTOMER_SORT_ORGANIZATION, CRM_CUSTOMER_SORT_LIFETIME_VALUE, CRM_CUSTOMER_SORT_LAST_TOUCHPOINT,
    CRM_CUSTOMER_SORT_TOUCHPOINTS, CRM_CUSTOMER_SORT_OWNER, CRM_CUSTOMER_SORT_SEGMENT, CRM_CUSTOMER_SORT_NAME,
  };

  touchpoints = crm_test_query_int (path, "SELECT count(*) FROM touchpoints");

  /* Opening the database to the first screenful of rows. */
  started = now_ms ();
  store = crm_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  /* As the window sets it up. */
  crm_store_set_cache_size (store, 16);
  list = crm_customer_list_new (store, NULL);
  {
    guint tick = g_timeout_add (1, wake_up, NULL);

    while (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick);
  }
  for (guint i = 0; i < 40; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  first_rows = now_ms () - started;
  wait_until_settled (list);

  /* Jumping to random positions, as dragging the scrollbar does: each a
   * page that is not in memory. */
  for (guint i = 0; i < 200; i++)
    {
      guint position = g_rand_int_range (rand, 0, g_list_model_get_n_items (G_LIST_MODEL (list)));
      double t = now_ms (), elapsed;

      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), position));
      elapsed = now_ms () - t;
      g_array_append_val (pages, elapsed);
    }

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    type_search (list, names[i], keystrokes, settled);
  for (guint i = 0; i < G_N_ELEMENTS (fragments); i++)
    type_search (list, fragments[i], keystrokes, settled);

  /* Every sort column, each way. */
  for (guint i = 0; i < G_N_ELEMENTS (sorts) * 2; i++)
    {
      double t = now_ms (), elapsed;

      crm_customer_query_set_sort (crm_customer_list_get_query (list), sorts[i / 2]);
      crm_customer_query_set_descending (crm_customer_list_get_query (list), i % 2);
      wait_until_settled (list);
      elapsed = now_ms () - t;
      sort_worst = MAX (sort_worst, elapsed);
    }

  /* Every duplicate across the whole database, as the Duplicates view
   * finds them: on a connection of its own, as its worker thread has. */
  {
    g_autoptr(CrmStore) scanner = crm_store_open (path, &error);
    g_autoptr(GPtrArray) groups = NULL;
    double t = now_ms ();

    if (scanner == NULL)
      g_error ("%s", error->message);
    groups = crm_store_find_duplicates (scanner, NULL, &error);
    if (groups == NULL)
      g_error ("%s", error->message);
    duplicates_s = (now_ms () - t) / 1000.0;
    n_groups = groups->len;
  }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("data: %u customers, %" G_GINT64_FORMAT " touchpoints (%s); %u random page fetches, "
           "%u search keystrokes, %" G_GSIZE_FORMAT " sort changes\n",
           n_customers, touchpoints, path, pages->len, keystrokes->len, G_N_ELEMENTS (sorts) * 2);
  g_print ("figure: list_first_rows_ms %.1f ms\n", first_rows);
  g_print ("figure: list_page_fetch_ms %.2f ms (95th percentile; median %.2f ms)\n",
           percentile (pages, 0.95), percentile (pages, 0.5));
  g_print ("figure: search_keystroke_p50_ms %.1f ms (to the first rows of the new result)\n",
           percentile (keystrokes, 0.5));
  g_print ("figure: search_keystroke_p95_ms %.1f ms\n", percentile (keystrokes, 0.95));
  g_print ("search keystroke to the complete result and its count: median %.1f ms, 95th percentile %.1f ms\n",
           percentile (settled, 0.5), percentile (settled, 0.95));
  g_print ("figure: sort_change_ms %.0f ms (slowest of %" G_GSIZE_FORMAT ")\n", sort_worst, G_N_ELEMENTS (sorts) * 2);
  g_print ("figure: duplicates_scan_s %.2f s (%u groups of duplicates)\n", duplicates_s, n_groups);
  g_print ("figure: list_peak_rss_mb %.1f MB (the list model without a window)\n", usage.ru_maxrss / 1024.0);
  return 0;
}
