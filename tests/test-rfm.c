/* test-rfm.c: RFM scores on a generated database, against quintiles
 * computed here in C from the transactions; segments by the documented
 * rules; the customer list's RFM filter; a customer scored at once when
 * their orders change; all scores ranked again after an import. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "crm-demo-generator.h"
#include "crm-importer.h"
#include "crm-store-fixture.h"
#include "crm-test-utils.h"

#define END_TIME 1767225600

typedef struct
{
  gint64 id;
  gint64 last, orders, value;    /* recency, frequency and monetary values */
  int    r, f, m, segment;       /* as stored */
} Row;

static void
fixture_set_up (CrmStoreFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (11, 500);
  g_autoptr(GError) error = NULL;

  crm_store_fixture_set_up (fixture, data);
  crm_demo_generator_set_end_time (generator, END_TIME);
  g_assert_true (crm_demo_generator_run (generator, fixture->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Every buyer from the transactions, with what customer_rfm says of them
 * (0 when nothing). */
static GArray *
load_rows (const char *path)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT t.customer_id, max(t.occurred_at), count(*), sum(t.amount),"
                                       " coalesce(r.recency_score, 0), coalesce(r.frequency_score, 0),"
                                       " coalesce(r.monetary_score, 0), coalesce(r.segment, -1)"
                                       " FROM transactions t LEFT JOIN customer_rfm r ON r.customer_id = t.customer_id"
                                       " WHERE t.status = 1 GROUP BY t.customer_id ORDER BY t.customer_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row row = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
        sqlite3_column_int64 (stmt, 3), sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 5),
        sqlite3_column_int (stmt, 6), sqlite3_column_int (stmt, 7),
      };

      g_array_append_val (rows, row);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

static gint64
value_of (const Row *row,
          int        dimension)
{
  return dimension == 0 ? row->last : dimension == 1 ? row->orders : row->value;
}

/* The quintile of @value among @rows: 1 + 5 × (number of smaller values)
 * ÷ n, so that ties share a score. */
static int
quintile (GArray *rows,
          int     dimension,
          gint64  value)
{
  guint smaller = 0;

  for (guint i = 0; i < rows->len; i++)
    smaller += value_of (&g_array_index (rows, Row, i), dimension) < value;
  return 1 + (int) (5 * (gint64) smaller / rows->len);
}

/* The rules of crm-store-private.h, written out again: fm is the mean of
 * frequency and monetary value, rounded up. */
static int
segment_of (int r,
            int f,
            int m)
{
  int fm = (f + m + 1) / 2;

  if (r >= 4 && f >= 4 && m >= 4)
    return CRM_RFM_SEGMENT_CHAMPIONS;
  if (r >= 4 && f == 1)
    return CRM_RFM_SEGMENT_NEW;
  if (r >= 3 && fm >= 3)
    return CRM_RFM_SEGMENT_LOYAL;
  if (r >= 3)
    return CRM_RFM_SEGMENT_POTENTIAL_LOYALISTS;
  if (fm == 5)
    return CRM_RFM_SEGMENT_CANT_LOSE;
  if (fm >= 3)
    return CRM_RFM_SEGMENT_AT_RISK;
  if (r == 2)
    return CRM_RFM_SEGMENT_HIBERNATING;
  return CRM_RFM_SEGMENT_LOST;
}

/* Every buyer's stored scores are the quintiles of all buyers. */
static void
assert_fully_ranked (const char *path)
{
  g_autoptr(GArray) rows = load_rows (path);
  guint per_segment[CRM_RFM_SEGMENT_LOST + 1] = { 0 };
  guint scores_seen[3][6] = { { 0 } };

  g_assert_cmpuint (rows->len, >, 50);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM customer_rfm"), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      int r = quintile (rows, 0, row->last), f = quintile (rows, 1, row->orders), m = quintile (rows, 2, row->value);

      if (row->r != r || row->f != f || row->m != m || row->segment != segment_of (r, f, m))
        g_error ("customer %" G_GINT64_FORMAT ": stored %d%d%d segment %d, expected %d%d%d segment %d",
                 row->id, row->r, row->f, row->m, row->segment, r, f, m, segment_of (r, f, m));
      g_assert_cmpint (r, >=, 1);
      g_assert_cmpint (m, <=, 5);
      per_segment[row->segment]++;
      scores_seen[0][r]++;
      scores_seen[1][f]++;
      scores_seen[2][m]++;
    }
  /* Values spread: recency and monetary have all five quintiles. */
  for (int s = 1; s <= 5; s++)
    {
      g_assert_cmpuint (scores_seen[0][s], >, 0);
      g_assert_cmpuint (scores_seen[2][s], >, 0);
    }
  g_assert_cmpuint (per_segment[CRM_RFM_SEGMENT_LOST] + per_segment[CRM_RFM_SEGMENT_HIBERNATING], >, 0);
  /* Every segment has someone in it on generated data, "at risk" too. */
  for (int segment = 0; segment <= CRM_RFM_SEGMENT_LOST; segment++)
    if (per_segment[segment] == 0)
      g_error ("nobody in RFM segment %s", crm_rfm_segment_get_id (segment));
}

static void
test_scores (CrmStoreFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerRfm rfm;
  gint64 buyer, non_buyer;
  gboolean stale = TRUE;

  assert_fully_ranked (fixture->path);
  g_assert_true (crm_store_get_rfm_stale (fixture->store, &stale, &error));
  g_assert_false (stale);

  /* Lifetime value is the completed orders' total, as in the list. */
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customer_rfm r JOIN customers c"
                                       " ON c.id = r.customer_id WHERE r.lifetime_value != c.lifetime_value"), ==, 0);

  buyer = crm_test_query_int (fixture->path, "SELECT customer_id FROM customer_rfm ORDER BY lifetime_value DESC");
  g_assert_true (crm_store_get_customer_rfm (fixture->store, buyer, &rfm, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rfm.customer_id, ==, buyer);
  g_assert_cmpint (rfm.monetary, ==, 5);
  g_assert_cmpint (rfm.lifetime_value, ==,
                   crm_test_query_int (fixture->path, "SELECT max(lifetime_value) FROM customers"));
  non_buyer = crm_test_query_int (fixture->path, "SELECT id FROM customers WHERE id NOT IN"
                                  " (SELECT customer_id FROM transactions WHERE status = 1) ORDER BY id");
  g_assert_false (crm_store_get_customer_rfm (fixture->store, non_buyer, &rfm, &error));
  g_assert_no_error (error);
}

static void
test_filter (CrmStoreFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(CrmCustomerQuery) query = crm_customer_query_new ();
  guint total = 0;

  for (int segment = -1; segment <= CRM_RFM_SEGMENT_LOST; segment++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GString) got = g_string_new (NULL);

      crm_customer_query_set_rfm_segment (query, segment);
      crm_customer_query_set_sort (query, CRM_CUSTOMER_SORT_LIFETIME_VALUE);
      ids = crm_store_query_customer_ids (fixture->store, query, 0, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < ids->len; i++)
        g_string_append_printf (got, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));

      if (segment < 0)
        sql = g_strdup ("SELECT coalesce(group_concat(id), '') FROM (SELECT id FROM customers"
                        " ORDER BY lifetime_value, id)");
      else
        sql = g_strdup_printf ("SELECT coalesce(group_concat(id), '') FROM (SELECT id FROM customers WHERE id IN"
                               " (SELECT customer_id FROM customer_rfm WHERE segment = %d)"
                               " ORDER BY lifetime_value, id)", segment);
      expected = crm_test_query_text (fixture->path, sql);
      g_assert_cmpstr (got->str, ==, expected);
      if (segment >= 0)
        total += ids->len;
    }
  g_assert_cmpint (total, ==, crm_test_query_int (fixture->path, "SELECT count(*) FROM customer_rfm"));

  /* With another filter. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ids = NULL;
    g_autofree char *owner = crm_test_query_text (fixture->path, "SELECT owner FROM customers c JOIN customer_rfm r"
                                                  " ON r.customer_id = c.id WHERE r.segment = 7 LIMIT 1");

    crm_customer_query_set_rfm_segment (query, CRM_RFM_SEGMENT_LOST);
    crm_customer_query_set_owner (query, owner);
    ids = crm_store_query_customer_ids (fixture->store, query, 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, >, 0);
    for (guint i = 0; i < ids->len; i++)
      {
        CrmCustomerRfm rfm;

        g_assert_true (crm_store_get_customer_rfm (fixture->store, g_array_index (ids, gint64, i), &rfm, NULL));
        g_assert_cmpint (rfm.segment, ==, CRM_RFM_SEGMENT_LOST);
      }
  }
}

static void
add_order (CrmStore *store,
           gint64    customer_id,
           gint64    when,
           gint64    amount)
{
  g_autoptr(CrmTransaction) transaction = crm_transaction_new ();
  g_autoptr(GError) error = NULL;

  crm_transaction_set_customer_id (transaction, customer_id);
  crm_transaction_set_occurred_at (transaction, when);
  crm_transaction_set_amount (transaction, amount);
  crm_transaction_set_currency (transaction, "EUR");
  crm_transaction_set_status (transaction, CRM_TRANSACTION_STATUS_COMPLETED);
  g_assert_true (crm_store_save_transaction (store, transaction, &error));
  g_assert_no_error (error);
}

/* Scored against the bounds of the last refresh: the score whose lowest
 * value is the highest not above @value. */
static int
bounded_score (const char *path,
               int         dimension,
               gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(score), 1) FROM rfm_bounds WHERE dimension = %d"
                                          " AND lowest <= %" G_GINT64_FORMAT, dimension, value);

  return (int) crm_test_query_int (path, sql);
}

static void
test_refresh (CrmStoreFixture *fixture,
              gconstpointer    data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = load_rows (fixture->path);
  g_autoptr(GArray) edited = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  g_autofree char *new_buyers_sql = NULL;
  static const char card[] = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Nadia Haddad\r\nEMAIL:nadia@example.org\r\nEND:VCARD\r\n";
  gint64 one = g_array_index (before, Row, 0).id;
  CrmCustomerRfm rfm;
  guint changed = 0;
  gboolean stale;

  /* One big recent order: that customer is scored again at once, against
   * the bounds of the last refresh; nobody else moves yet. */
  add_order (store, one, END_TIME - 3600, 50000000);
  g_assert_true (crm_store_get_customer_rfm (store, one, &rfm, &error));
  g_assert_cmpint (rfm.orders, ==, g_array_index (before, Row, 0).orders + 1);
  g_assert_cmpint (rfm.last_order_at, ==, END_TIME - 3600);
  g_assert_cmpint (rfm.recency, ==, bounded_score (fixture->path, 0, rfm.last_order_at));
  g_assert_cmpint (rfm.frequency, ==, bounded_score (fixture->path, 1, rfm.orders));
  g_assert_cmpint (rfm.monetary, ==, 5);
  g_assert_cmpint (rfm.segment, ==, segment_of (rfm.recency, rfm.frequency, rfm.monetary));
  g_assert_true (crm_store_get_rfm_stale (store, &stale, &error));
  g_assert_true (stale);

  /* A hundred customers who never bought place big orders: they are
   * scored on the old bounds; everyone else keeps their scores. */
  new_buyers_sql = g_strdup ("SELECT coalesce(group_concat(id), '') FROM (SELECT id FROM customers WHERE id NOT IN"
                             " (SELECT customer_id FROM transactions) ORDER BY id LIMIT 100)");
  {
    g_autofree char *list = crm_test_query_text (fixture->path, new_buyers_sql);
    g_auto(GStrv) ids = g_strsplit (list, ",", -1);

    g_assert_cmpuint (g_strv_length (ids), ==, 100);
    for (guint i = 0; ids[i] != NULL; i++)
      add_order (store, g_ascii_strtoll (ids[i], NULL, 10), END_TIME - 86400 * (i + 1), 20000000 + i);
  }
  edited = load_rows (fixture->path);
  g_assert_cmpuint (edited->len, ==, before->len + 100);
  for (guint i = 0, j = 0; i < before->len; i++)
    {
      Row *old = &g_array_index (before, Row, i);

      while (g_array_index (edited, Row, j).id != old->id)
        j++;
      if (old->id != one)
        g_assert_cmpint (g_array_index (edited, Row, j).m, ==, old->m);
    }
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM customer_rfm"), ==, edited->len);

  /* An import is a batch: once it is in, everyone is ranked again. */
  stream = g_memory_input_stream_new_from_data (card, sizeof card - 1, NULL);
  report = crm_import_vcard (store, stream, CRM_IMPORT_UPDATE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (crm_store_get_rfm_stale (store, &stale, &error));
  g_assert_false (stale);
  assert_fully_ranked (fixture->path);

  after = load_rows (fixture->path);
  for (guint i = 0, j = 0; i < before->len; i++)
    {
      Row *old = &g_array_index (before, Row, i);

      while (g_array_index (after, Row, j).id != old->id)
        j++;
      changed += g_array_index (after, Row, j).m != old->m || g_array_index (after, Row, j).r != old->r;
    }
  /* A hundred new big, recent spenders push others down. */
  g_assert_cmpuint (changed, >, 20);
}

/* The segment counts the dashboard reads follow refreshes, single
 * rescoring, moves and deletes. */
static void
test_segment_counts (CrmStoreFixture *fixture,
                     gconstpointer    data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  static const char counts_sql[] =
    "SELECT count(*) FROM (SELECT c.region, c.segment, c.owner, r.segment AS s, count(*) AS n"
    " FROM customer_rfm r JOIN customers c ON c.id = r.customer_id GROUP BY 1, 2, 3, 4) AS expected"
    " FULL JOIN (SELECT * FROM kpi_rfm_counts WHERE customers != 0) AS k"
    " ON k.region = expected.region AND k.segment = expected.segment AND k.owner = expected.owner"
    " AND k.rfm_segment = expected.s WHERE k.customers IS NOT expected.n";
  gint64 buyer = crm_test_query_int (fixture->path, "SELECT customer_id FROM customer_rfm ORDER BY customer_id");
  g_autoptr(CrmCustomer) customer = NULL;

  g_assert_cmpint (crm_test_query_int (fixture->path, counts_sql), ==, 0);
  add_order (store, buyer, END_TIME - 100, 1);
  customer = crm_store_load_customer (store, buyer, &error);
  g_assert_no_error (error);
  crm_customer_set_owner (customer, "Another Owner");
  g_assert_true (crm_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->path, counts_sql), ==, 0);
  g_assert_true (crm_store_delete_customer (
    store, crm_test_query_int (fixture->path, "SELECT customer_id FROM customer_rfm ORDER BY customer_id DESC"),
    NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->path, counts_sql), ==, 0);
  g_assert_true (crm_store_refresh_rfm (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->path, counts_sql), ==, 0);
  assert_fully_ranked (fixture->path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rfm/scores", CrmStoreFixture, NULL, fixture_set_up, test_scores, crm_store_fixture_tear_down);
  g_test_add ("/rfm/filter", CrmStoreFixture, NULL, fixture_set_up, test_filter, crm_store_fixture_tear_down);
  g_test_add ("/rfm/refresh", CrmStoreFixture, NULL, fixture_set_up, test_refresh, crm_store_fixture_tear_down);
  g_test_add ("/rfm/segment-counts", CrmStoreFixture, NULL, fixture_set_up, test_segment_counts,
              crm_store_fixture_tear_down);
  return g_test_run ();
}
