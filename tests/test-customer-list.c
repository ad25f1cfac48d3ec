/* test-customer-list.c: the customer list model without a display: paging,
 * sorting, filtering, search in several scripts, and items-changed after
 * edits, each checked against plain SQL of the test's own; and the summary
 * columns the list sorts by stay right as touchpoints and transactions
 * come and go. */
#include <string.h>

#include "crm-customer-list.h"
#include "crm-demo-generator.h"
#include "crm-search-text.h"
#include "crm-test-utils.h"

typedef struct
{
  char     *dir;
  char     *path;
  CrmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (11, 1500);

  fixture->dir = crm_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "list.db", NULL);
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  crm_demo_generator_set_end_time (generator, 1767225600);
  g_assert_true (crm_demo_generator_run (generator, fixture->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crm_test_finalize (fixture->store);
  crm_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @cond holds, failing after 20 s. */
#define WAIT_UNTIL(cond) G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    guint tick_ = g_timeout_add (50, wake_up, NULL); \
    while (!(cond)) \
      { \
        g_assert_cmpint (g_get_monotonic_time (), <, deadline_); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (tick_); \
  } G_STMT_END

static void
wait_for (CrmCustomerList *list)
{
  WAIT_UNTIL (!crm_customer_list_get_loading (list) && crm_customer_list_get_complete (list));
}

/* The ids SQL gives for a WHERE and ORDER BY, as "1,5,9,…". */
static char *
expected_ids (const char *path,
              const char *where_order)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(group_concat(id), '') FROM "
                                          "(SELECT id FROM customers %s)", where_order);

  return crm_test_query_text (path, sql);
}

static char *
list_ids (CrmCustomerList *list)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "," : "", crm_customer_list_get_id (list, i));
  return g_string_free (text, FALSE);
}

static void
assert_order (Fixture         *fixture,
              CrmCustomerList *list,
              const char      *where_order)
{
  g_autofree char *expected = expected_ids (fixture->path, where_order);
  g_autofree char *actual = NULL;

  wait_for (list);
  actual = list_ids (list);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_sort_and_pages (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CrmCustomerQuery) query = crm_customer_query_new ();
  g_autoptr(CrmCustomerList) list = crm_customer_list_new (fixture->store, query);
  guint n;

  assert_order (fixture, list, "ORDER BY display_name COLLATE NOCASE, id");
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 1500);

  /* Rows from anywhere in the list, each the customer its id says. */
  for (guint position = 0; position < n; position += 97)
    {
      g_autoptr(CrmCustomerSummary) row = g_list_model_get_item (G_LIST_MODEL (list), position);
      g_autofree char *sql = g_strdup_printf ("SELECT n_touchpoints FROM customers WHERE id = %" G_GINT64_FORMAT,
                                              crm_customer_list_get_id (list, position));

      g_assert_cmpint (crm_customer_summary_get_id (row), ==, crm_customer_list_get_id (list, position));
      g_assert_cmpint (crm_customer_summary_get_n_touchpoints (row), ==, crm_test_query_int (fixture->path, sql));
      g_assert_cmpstr (crm_customer_summary_get_display_name (row), !=, "");
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  crm_customer_query_set_descending (query, TRUE);
  assert_order (fixture, list, "ORDER BY display_name COLLATE NOCASE DESC, id DESC");
  crm_customer_query_set_sort (query, CRM_CUSTOMER_SORT_LIFETIME_VALUE);
  assert_order (fixture, list, "ORDER BY lifetime_value DESC, id DESC");
  crm_customer_query_set_descending (query, FALSE);
  crm_customer_query_set_sort (query, CRM_CUSTOMER_SORT_LAST_TOUCHPOINT);
  assert_order (fixture, list, "ORDER BY last_touchpoint_at, id");
  crm_customer_query_set_sort (query, CRM_CUSTOMER_SORT_ORGANIZATION);
  assert_order (fixture, list, "ORDER BY organization COLLATE NOCASE, id");
  crm_customer_query_set_sort (query, CRM_CUSTOMER_SORT_TOUCHPOINTS);
  assert_order (fixture, list, "ORDER BY n_touchpoints, id");
  crm_customer_query_set_sort (query, CRM_CUSTOMER_SORT_OWNER);
  assert_order (fixture, list, "ORDER BY owner, id");
  crm_customer_query_set_sort (query, CRM_CUSTOMER_SORT_SEGMENT);
  assert_order (fixture, list, "ORDER BY segment, id");
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CrmCustomerQuery) query = crm_customer_query_new ();
  g_autoptr(CrmCustomerList) list = crm_customer_list_new (fixture->store, query);
  g_auto(GStrv) segments = crm_store_list_values (fixture->store, CRM_CUSTOMER_FIELD_SEGMENT, NULL);
  g_auto(GStrv) owners = crm_store_list_values (fixture->store, CRM_CUSTOMER_FIELD_OWNER, NULL);
  g_auto(GStrv) tags = crm_store_list_values (fixture->store, CRM_CUSTOMER_FIELD_TAG, NULL);
  g_autofree char *where = NULL;

  g_assert_cmpuint (g_strv_length (segments), ==, 3);
  g_assert_cmpuint (g_strv_length (owners), >, 10);
  g_assert_cmpuint (g_strv_length (tags), >, 3);

  crm_customer_query_set_segment (query, "Enterprise");
  assert_order (fixture, list, "WHERE segment = 'Enterprise' ORDER BY display_name COLLATE NOCASE, id");

  crm_customer_query_set_lifecycle_stage (query, CRM_LIFECYCLE_STAGE_CUSTOMER);
  assert_order (fixture, list, "WHERE segment = 'Enterprise' AND lifecycle_stage = 2 "
                               "ORDER BY display_name COLLATE NOCASE, id");

  crm_customer_query_set_segment (query, "");
  crm_customer_query_set_lifecycle_stage (query, -1);
  crm_customer_query_set_owner (query, owners[0]);
  crm_customer_query_set_tag (query, "vip");
  where = g_strdup_printf ("WHERE owner = '%s' AND id IN (SELECT customer_id FROM customer_tags WHERE tag = 'vip') "
                           "ORDER BY display_name COLLATE NOCASE, id", owners[0]);
  assert_order (fixture, list, where);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
}

/* How many customers the list finds for what the user typed. */
static guint
found (CrmCustomerList *list,
       const char      *typed)
{
  crm_customer_query_set_search (crm_customer_list_get_query (list), typed);
  wait_for (list);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static gboolean
finds (CrmCustomerList *list,
       const char      *typed,
       gint64           customer_id)
{
  found (list, typed);
  return crm_customer_list_find (list, customer_id) != G_MAXUINT;
}

static gint64
add_customer (CrmStore   *store,
              const char *display,
              const char *given,
              const char *family,
              const char *email,
              const char *phone)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GError) error = NULL;

  crm_customer_set_display_name (customer, display);
  crm_customer_set_given_name (customer, given);
  crm_customer_set_family_name (customer, family);
  if (email)
    {
      g_autoptr(CrmContactPoint) point = crm_contact_point_new (CRM_CONTACT_KIND_EMAIL, email, "work", TRUE);
      crm_customer_add_contact_point (customer, point);
    }
  if (phone)
    {
      g_autoptr(CrmContactPoint) point = crm_contact_point_new (CRM_CONTACT_KIND_PHONE, phone, "mobile", TRUE);
      crm_customer_add_contact_point (customer, point);
    }
  g_assert_true (crm_store_save_customer (store, customer, &error));
  g_assert_no_error (error);
  return crm_customer_get_id (customer);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CrmCustomerList) list = crm_customer_list_new (fixture->store, NULL);
  gint64 zoe = add_customer (fixture->store, "Zoë Wąsowska-Müller", "Zoë", "Wąsowska-Müller",
                             "zoe.wasowska@nordlicht.example", "+49 30 1234567");
  gint64 wang = add_customer (fixture->store, "王静怡", "静怡", "王", NULL, "+86 10 88886666");
  gint64 ali = add_customer (fixture->store, "عائشة العلي", "عائشة", "العلي", "aisha@example.org", NULL);
  gint64 anna = add_customer (fixture->store, "Анна Ёлкина", "Анна", "Ёлкина", NULL, NULL);

  wait_for (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1504);

  /* Name prefixes, case and accents folded. */
  g_assert_true (finds (list, "zoe", zoe));
  g_assert_true (finds (list, "Wąs", zoe));
  g_assert_true (finds (list, "wasowska m", zoe));
  g_assert_true (finds (list, "MUELL", zoe) || finds (list, "mull", zoe));
  /* E-mail fragments and phone numbers, with or without spaces. */
  g_assert_true (finds (list, "nordlicht", zoe));
  g_assert_true (finds (list, "zoe.wasow", zoe));
  g_assert_true (finds (list, "4930123", zoe));
  g_assert_true (finds (list, "30 1234567", zoe));
  /* Chinese: the whole name, the family name, the given name alone. */
  g_assert_true (finds (list, "王静怡", wang));
  g_assert_true (finds (list, "静怡", wang));
  g_assert_true (finds (list, "王", wang));
  g_assert_false (finds (list, "静王", wang));
  /* Arabic: with and without the article. */
  g_assert_true (finds (list, "العلي", ali));
  g_assert_true (finds (list, "علي", ali));
  g_assert_true (finds (list, "عائ", ali));
  /* Cyrillic, ё typed as е. */
  g_assert_true (finds (list, "анна", anna));
  g_assert_true (finds (list, "Елки", anna) || finds (list, "Ёлки", anna));

  /* Every word must match; query syntax typed by the user is just text. */
  g_assert_cmpuint (found (list, "zoe nosuchword"), ==, 0);
  g_assert_cmpuint (found (list, "\"zoe\" OR NEAR(*"), ==, 0);
  g_assert_cmpuint (found (list, "   "), ==, 1504);

  /* The count of a search agrees with SQL's own. */
  g_assert_cmpuint (found (list, "gmail"), ==,
                    crm_test_query_int (fixture->path,
                                        "SELECT count(DISTINCT customer_id) FROM contact_points "
                                        "WHERE value LIKE '%@gmail.com'"));
}

typedef struct
{
  guint position, removed, added, calls;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CrmCustomerList) list = crm_customer_list_new (fixture->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(CrmCustomerSummary) row = NULL;
  Change change = { 0 };
  gint64 id;
  guint position;

  wait_for (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* A new customer appears where the order puts them, as one insertion. */
  id = add_customer (fixture->store, "AAAA Aardvark", "AAAA", "Aardvark", NULL, NULL);
  WAIT_UNTIL (change.added == 1 && change.removed == 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1501);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, id);

  /* Renamed, the row shows the new name at once… */
  customer = crm_store_load_customer (fixture->store, id, &error);
  crm_customer_set_display_name (customer, "Zzzz Zebra");
  change.calls = 0;
  g_assert_true (crm_store_save_customer (fixture->store, customer, &error));
  g_assert_cmpuint (change.calls, >=, 1);
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (crm_customer_summary_get_display_name (row), ==, "Zzzz Zebra");
  /* …and moves to its new place once the query has run again. */
  assert_order (fixture, list, "ORDER BY display_name COLLATE NOCASE, id");
  position = crm_customer_list_find (list, id);
  g_assert_cmpuint (position, ==, crm_test_query_int (fixture->path,
                                                      "SELECT count(*) FROM customers WHERE "
                                                      "display_name < 'Zzzz Zebra' COLLATE NOCASE"));

  /* Deleted, it goes as one removal. */
  change.calls = 0;
  g_assert_true (crm_store_delete_customer (fixture->store, id, NULL, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (list)) == 1500);
  g_assert_cmpuint (change.position, ==, position);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
}

static void
assert_summaries_match (const char *path)
{
  g_assert_cmpint (crm_test_query_int (path,
    "SELECT count(*) FROM customers c WHERE "
    "  c.n_touchpoints != (SELECT count(*) FROM touchpoints WHERE customer_id = c.id) OR "
    "  c.last_touchpoint_at != coalesce((SELECT max(occurred_at) FROM touchpoints WHERE customer_id = c.id), 0) OR "
    "  c.lifetime_value != (SELECT coalesce(sum(amount), 0) FROM transactions "
    "                       WHERE customer_id = c.id AND status = 1)"), ==, 0);
}

static void
test_summary_columns (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transactions = NULL;
  g_autoptr(GPtrArray) touchpoints = NULL;
  gint64 buyer = crm_test_query_int (fixture->path,
                                     "SELECT customer_id FROM transactions WHERE status = 1 "
                                     "GROUP BY customer_id HAVING count(*) >= 2 LIMIT 1");
  CrmTransaction *first;

  assert_summaries_match (fixture->path);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT sum(n_touchpoints) FROM customers"), ==,
                   crm_test_query_int (fixture->path, "SELECT count(*) FROM touchpoints"));

  /* Refund one order, delete another, delete the latest touchpoint. */
  transactions = crm_store_list_transactions (fixture->store, buyer, &error);
  first = g_ptr_array_index (transactions, 0);
  crm_transaction_set_status (first, CRM_TRANSACTION_STATUS_REFUNDED);
  g_assert_true (crm_store_save_transaction (fixture->store, first, &error));
  g_assert_true (crm_store_delete_transaction (fixture->store,
                                               crm_transaction_get_id (g_ptr_array_index (transactions, 1)),
                                               &error));
  touchpoints = crm_store_list_touchpoints (fixture->store, buyer, &error);
  g_assert_true (crm_store_delete_touchpoint (fixture->store,
                                              crm_touchpoint_get_id (g_ptr_array_index (touchpoints, touchpoints->len - 1)),
                                              &error));
  g_assert_no_error (error);
  assert_summaries_match (fixture->path);
}

static void
test_query_building (void)
{
  g_autofree char *latin = crm_search_text_build_query ("Anna  Kuz");
  g_autofree char *han = crm_search_text_build_query ("王静");
  g_autofree char *mixed = crm_search_text_build_query ("王 li");
  g_autofree char *hostile = crm_search_text_build_query ("a\" OR b*");
  g_autofree char *empty = crm_search_text_build_query (" ,.; ");
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpstr (latin, ==, "\"Anna\" \"Kuz\"*");
  g_assert_cmpstr (han, ==, "\"王 静\"*");
  g_assert_cmpstr (mixed, ==, "\"王\" \"li\"*");
  g_assert_cmpstr (hostile, ==, "\"a\" \"OR\" \"b\"*");
  g_assert_null (empty);

  crm_search_text_append (text, "أحمد العلي");
  g_assert_nonnull (strstr (text->str, " علي "));
  crm_search_text_append_phone (text, "+49 (30) 123-45");
  g_assert_true (g_str_has_suffix (text->str, " 493012345"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/customer-list/sort-and-pages", Fixture, NULL, fixture_set_up, test_sort_and_pages, fixture_tear_down);
  g_test_add ("/customer-list/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/customer-list/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/customer-list/items-changed", Fixture, NULL, fixture_set_up, test_items_changed, fixture_tear_down);
  g_test_add ("/customer-list/summary-columns", Fixture, NULL, fixture_set_up, test_summary_columns, fixture_tear_down);
  g_test_add_func ("/customer-list/query-building", test_query_building);

  return g_test_run ();
}
