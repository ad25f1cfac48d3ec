/* test-generator.c: the demo-data generator is deterministic and its data
 * is realistic enough for the analytics built on it: several scripts, owners
 * within their region, about ten touchpoints a customer, and touchpoint
 * types that really change whether customers buy. */
#include <string.h>

#include "crm-demo-generator.h"
#include "crm-test-utils.h"

/* A fixed end of the journeys: "now" would make two runs on different days
 * differ. */
#define END_TIME 1767225600 /* 2026-01-01 00:00 UTC */

static char *
generate (const char *dir,
          const char *name,
          guint64     seed,
          guint       n_customers)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (seed, n_customers);

  g_assert_no_error (error);
  crm_demo_generator_set_end_time (generator, END_TIME);
  g_assert_true (crm_demo_generator_run (generator, store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_demo_generator_get_n_touchpoints (generator), ==,
                    crm_test_query_int (path, "SELECT count(*) FROM touchpoints"));
  return path;
}

static void
test_deterministic (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *a = generate (dir, "a.db", 7, 400);
  g_autofree char *b = generate (dir, "b.db", 7, 400);
  g_autofree char *c = generate (dir, "c.db", 8, 400);
  g_autofree char *digest_a = crm_test_database_digest (a);
  g_autofree char *digest_b = crm_test_database_digest (b);
  g_autofree char *digest_c = crm_test_database_digest (c);

  g_assert_cmpint (crm_test_query_int (a, "SELECT count(*) FROM customers"), ==, 400);
  /* Same seed, same data, down to every uid and timestamp. */
  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpstr (digest_a, !=, digest_c);
  g_assert_cmpint (crm_test_query_int (a, "SELECT count(*) FROM customers WHERE uid NOT LIKE 'urn:uuid:%-4%'"), ==, 0);

  crm_test_remove_tree (dir);
}

static void
test_realistic (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = generate (dir, "demo.db", 1, 3000);
  gint64 customers = crm_test_query_int (path, "SELECT count(*) FROM customers");
  gint64 touchpoints = crm_test_query_int (path, "SELECT count(*) FROM touchpoints");
  double per_customer = (double) touchpoints / customers;
  gint64 buyers, with_email;

  /* Names in Cyrillic, Chinese and Arabic script, not only Latin. */
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers WHERE display_name GLOB '*[а-я]*'"), >, 100);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers WHERE unicode(display_name) BETWEEN 19968 AND 40959"), >, 100);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers WHERE unicode(display_name) BETWEEN 1536 AND 1791"), >, 100);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers WHERE kind = 1"), >, 100);

  /* About ten touchpoints a customer, each journey in time order, none
   * after the end time. */
  g_assert_cmpfloat (per_customer, >, 7.0);
  g_assert_cmpfloat (per_customer, <, 13.0);
  g_assert_cmpint (crm_test_query_int (path, "SELECT max(occurred_at) FROM touchpoints"), <, END_TIME);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(DISTINCT channel_id) FROM touchpoints"), ==, 8);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM touchpoints WHERE satisfaction NOT BETWEEN 0 AND 5"), ==, 0);

  /* Transactions follow some journeys and not others. */
  buyers = crm_test_query_int (path, "SELECT count(DISTINCT customer_id) FROM transactions");
  g_assert_cmpint (buyers, >, customers / 5);
  g_assert_cmpint (buyers, <, customers * 4 / 5);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM transactions t WHERE NOT EXISTS "
                                             "(SELECT 1 FROM touchpoints p WHERE p.transaction_id = t.id)"), ==, 0);

  /* Data completeness varies, as it does in real CRMs. */
  with_email = crm_test_query_int (path, "SELECT count(DISTINCT customer_id) FROM contact_points WHERE kind = 0");
  g_assert_cmpint (with_email, >, customers / 2);
  g_assert_cmpint (with_email, <, customers);

  /* Owners serve their own region. */
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(DISTINCT region) FROM customers"), ==, 5);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM (SELECT owner FROM customers "
                                             "GROUP BY owner HAVING count(DISTINCT region) > 1)"), ==, 0);

  crm_test_remove_tree (dir);
}

/* The share, in per cent, of customers who had a touchpoint of @type before
 * their first transaction, or never bought, that went on to buy. */
static gint64
conversion_after (const char *path,
                  const char *type)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH exposed AS (SELECT DISTINCT p.customer_id FROM touchpoints p "
    "  JOIN touchpoint_types t ON t.id = p.type_id WHERE t.name = '%s' "
    "  AND p.occurred_at <= coalesce((SELECT min(occurred_at) FROM transactions x "
    "                                 WHERE x.customer_id = p.customer_id), p.occurred_at)) "
    "SELECT 100 * sum(EXISTS (SELECT 1 FROM transactions x WHERE x.customer_id = e.customer_id)) "
    "       / count(*) FROM exposed e", type);

  return crm_test_query_int (path, sql);
}

static void
test_moments_of_truth_have_signal (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = generate (dir, "signal.db", 3, 6000);
  gint64 overall = crm_test_query_int (path, "SELECT 100 * (SELECT count(DISTINCT customer_id) FROM transactions) "
                                             "/ (SELECT count(*) FROM customers)");
  gint64 demo = conversion_after (path, "Product demo");
  gint64 trial = conversion_after (path, "Free trial sign-up");
  gint64 enquiry = conversion_after (path, "Price enquiry");

  g_test_message ("conversion: all %" G_GINT64_FORMAT "%%, after a demo %" G_GINT64_FORMAT
                  "%%, after a trial %" G_GINT64_FORMAT "%%, after a price enquiry %" G_GINT64_FORMAT "%%",
                  overall, demo, trial, enquiry);
  /* A product demo and a free trial really raise conversion; a price
   * enquiry, though the demo company flags it as a moment of truth, does
   * not raise it as much. */
  g_assert_cmpint (demo, >, enquiry + 5);
  g_assert_cmpint (trial, >, enquiry + 5);

  crm_test_remove_tree (dir);
}

static void
test_second_run_reuses_menu (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = generate (dir, "twice.db", 1, 50);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (2, 50);

  g_assert_true (crm_demo_generator_run (generator, store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customers"), ==, 100);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM channels"), ==, 8);
  crm_test_remove_tree (dir);
}

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_cancellable_cancel (cancellable);
}

static void
test_cancel_keeps_committed_batches (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cancel.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (1, 12000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 kept;

  g_assert_false (crm_demo_generator_run (generator, store, on_progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Stopped after the first batch: whole customers with whole journeys. */
  kept = crm_test_query_int (path, "SELECT count(*) FROM customers");
  g_assert_cmpint (kept, >, 0);
  g_assert_cmpint (kept, <, 12000);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  crm_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/generator/deterministic", test_deterministic);
  g_test_add_func ("/generator/realistic", test_realistic);
  g_test_add_func ("/generator/moments-of-truth-have-signal", test_moments_of_truth_have_signal);
  g_test_add_func ("/generator/second-run-reuses-menu", test_second_run_reuses_menu);
  g_test_add_func ("/generator/cancel", test_cancel_keeps_committed_batches);

  return g_test_run ();
}
