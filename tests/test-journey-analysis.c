/* test-journey-analysis.c: the analysis of many customers' journeys on a
 * small hand-built database whose answers are worked out by hand in the
 * comments: the journey map, top paths, channel flow and moments of truth,
 * for everyone, for one segment and for one period. */
#include <math.h>

#include "crm-store-fixture.h"
#include "crm-test-utils.h"

#define D(days) ((gint64) (days) * 86400)

/* Channels web (1), phone (2), store (3). Types Ad (awareness), Demo
 * (consideration, flagged), Order (purchase), Support (service), Party (a
 * stage of the user's own, "celebration").
 *
 *   A (SMB):        day 100 Ad/web ★4, 200 Ad/web, 300 Demo/phone ★5, 400 Order/store ★3;
 *                   bought on days 410 and 900            → converted, stayed
 *   B (SMB):        100 Ad/phone ★2, 150 Order/web; bought on 160 → converted
 *   C (Enterprise): 100 Ad/web, 200 Demo/web ★4
 *   D (Enterprise): no touchpoints, bought on 100          → not analysed
 *   E (SMB):        500 Support/phone ★1, 500 Party/store ★5 (same time: by type);
 *                   a refunded transaction                 → not converted
 *   F (Enterprise): 100 Ad/web, 120 Ad/store, 130 Demo/web */
static const char dataset[] =
  "INSERT INTO channels (id, key, name, position) VALUES (1, 'web', 'Web', 0), (2, 'phone', 'Phone', 1),"
  " (3, 'store', 'Store', 2);"
  "INSERT INTO touchpoint_types (id, name, stage, moment_of_truth) VALUES (1, 'Ad', 'awareness', 0),"
  " (2, 'Demo', 'consideration', 1), (3, 'Order', 'purchase', 0), (4, 'Support', 'service', 0),"
  " (5, 'Party', 'celebration', 0);"
  "INSERT INTO customers (id, uid, display_name, segment, created_at, updated_at) VALUES"
  " (1, 'a', 'A', 'SMB', 0, 0), (2, 'b', 'B', 'SMB', 0, 0), (3, 'c', 'C', 'Enterprise', 0, 0),"
  " (4, 'd', 'D', 'Enterprise', 0, 0), (5, 'e', 'E', 'SMB', 0, 0), (6, 'f', 'F', 'Enterprise', 0, 0);"
  "INSERT INTO touchpoints (customer_id, type_id, channel_id, occurred_at, satisfaction) VALUES"
  " (1, 1, 1, 8640000, 4), (1, 1, 1, 17280000, 0), (1, 2, 2, 25920000, 5), (1, 3, 3, 34560000, 3),"
  " (2, 1, 2, 8640000, 2), (2, 3, 1, 12960000, 0),"
  " (3, 1, 1, 8640000, 0), (3, 2, 1, 17280000, 4),"
  " (5, 4, 2, 43200000, 1), (5, 5, 3, 43200000, 5),"
  " (6, 1, 1, 8640000, 0), (6, 1, 3, 10368000, 0), (6, 2, 1, 11232000, 0);"
  "INSERT INTO transactions (customer_id, occurred_at, amount, currency, status) VALUES"
  " (1, 35424000, 100, 'EUR', 1), (1, 77760000, 100, 'EUR', 1), (2, 13824000, 50, 'EUR', 1),"
  " (4, 8640000, 70, 'EUR', 1), (5, 43286400, 20, 'EUR', 2);";

/* Type and channel indices: in id order, and in the channels' order. */
enum { AD, DEMO, ORDER, SUPPORT, PARTY };
enum { WEB, PHONE, STORE };
/* Stages: Touchpoint's own in journey order, the user's after them. */
enum { AWARENESS, CONSIDERATION, PURCHASE, SERVICE, CELEBRATION };

static void
fixture_set_up (CrmStoreFixture *fixture,
                gconstpointer    data)
{
  crm_store_fixture_set_up (fixture, data);
  /* The database starts with the default channels and types, if any:
   * they go, so that only the hand-built ones are counted. */
  crm_test_exec_sql (fixture->path, "DELETE FROM touchpoints; DELETE FROM transactions; DELETE FROM customers;"
                                    " DELETE FROM touchpoint_types; DELETE FROM channels;");
  crm_test_exec_sql (fixture->path, dataset);
}

static CrmJourneyAnalysis *
analyze (CrmStoreFixture *fixture,
         const char      *segment,
         const CrmPeriod *period)
{
  g_autoptr(GError) error = NULL;
  CrmJourneyAnalysis *analysis = crm_store_analyze_journeys (fixture->store, segment, period, NULL, NULL, NULL,
                                                             &error);

  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  return analysis;
}

static void
assert_cell (CrmJourneyAnalysis *analysis,
             guint               stage,
             guint               channel,
             gint64              touchpoints,
             gint64              customers,
             gint64              rated,
             gint64              satisfaction)
{
  const CrmJourneyCell *cell = crm_journey_analysis_get_cell (analysis, stage, channel);

  g_assert_cmpint (cell->touchpoints, ==, touchpoints);
  g_assert_cmpint (cell->customers, ==, customers);
  g_assert_cmpint (cell->rated, ==, rated);
  g_assert_cmpint (cell->satisfaction, ==, satisfaction);
}

static void
assert_group (const CrmJourneyGroup *group,
              gint64                 customers,
              gint64                 converted,
              gint64                 retained,
              gint64                 rated,
              gint64                 satisfaction)
{
  g_assert_cmpint (group->customers, ==, customers);
  g_assert_cmpint (group->converted, ==, converted);
  g_assert_cmpint (group->retained, ==, retained);
  g_assert_cmpint (group->rated, ==, rated);
  g_assert_cmpint (group->satisfaction, ==, satisfaction);
}

static void
assert_path (CrmJourneyAnalysis *analysis,
             guint               path,
             const char         *text,
             gint64              customers,
             gint64              converted,
             gint64              retained)
{
  g_autofree char *formatted = crm_journey_analysis_format_path (analysis, path);
  const CrmJourneyGroup *group = crm_journey_analysis_get_path_group (analysis, path);

  g_assert_cmpstr (formatted, ==, text);
  g_assert_cmpint (group->customers, ==, customers);
  g_assert_cmpint (group->converted, ==, converted);
  g_assert_cmpint (group->retained, ==, retained);
}

static void
test_everyone (CrmStoreFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(CrmJourneyAnalysis) analysis = analyze (fixture, NULL, NULL);
  gint64 flows = 0;

  /* A, B, C, E and F; D touched nothing. 4 + 2 + 2 + 2 + 3 touchpoints. */
  g_assert_cmpint (crm_journey_analysis_get_customers (analysis), ==, 5);
  g_assert_cmpint (crm_journey_analysis_get_touchpoints (analysis), ==, 13);
  /* Converted A and B, stayed A; ratings 4 5 3, 2, 4, 1 5. */
  assert_group (crm_journey_analysis_get_all (analysis), 5, 2, 1, 7, 24);

  g_assert_cmpuint (crm_journey_analysis_get_n_stages (analysis), ==, 5);
  g_assert_cmpstr (crm_journey_analysis_get_stage (analysis, AWARENESS), ==, "awareness");
  g_assert_cmpstr (crm_journey_analysis_get_stage (analysis, SERVICE), ==, "service");
  g_assert_cmpstr (crm_journey_analysis_get_stage (analysis, CELEBRATION), ==, "celebration");
  g_assert_cmpuint (crm_journey_analysis_get_n_channels (analysis), ==, 3);
  g_assert_cmpstr (crm_journey_analysis_get_channel_name (analysis, STORE), ==, "Store");
  g_assert_cmpuint (crm_journey_analysis_get_type_stage (analysis, PARTY), ==, CELEBRATION);
  g_assert_true (crm_journey_analysis_get_type_flagged (analysis, DEMO));
  g_assert_false (crm_journey_analysis_get_type_flagged (analysis, ORDER));

  /* The map: awareness × web is A twice (★4), C and F once each. */
  assert_cell (analysis, AWARENESS, WEB, 4, 3, 1, 4);
  assert_cell (analysis, AWARENESS, PHONE, 1, 1, 1, 2);
  assert_cell (analysis, AWARENESS, STORE, 1, 1, 0, 0);
  assert_cell (analysis, CONSIDERATION, WEB, 2, 2, 1, 4);
  assert_cell (analysis, CONSIDERATION, PHONE, 1, 1, 1, 5);
  assert_cell (analysis, PURCHASE, WEB, 1, 1, 0, 0);
  assert_cell (analysis, PURCHASE, STORE, 1, 1, 1, 3);
  assert_cell (analysis, SERVICE, PHONE, 1, 1, 1, 1);
  assert_cell (analysis, CELEBRATION, STORE, 1, 1, 1, 5);
  assert_cell (analysis, SERVICE, WEB, 0, 0, 0, 0);

  /* Paths, repeats collapsed: Ad → Demo twice (C, F), then the shorter
   * ones by their types, then A's. */
  g_assert_cmpuint (crm_journey_analysis_get_n_paths (analysis), ==, 4);
  assert_path (analysis, 0, "Ad → Demo", 2, 0, 0);
  assert_path (analysis, 1, "Ad → Order", 1, 1, 0);
  assert_path (analysis, 2, "Support → Party", 1, 0, 0);
  assert_path (analysis, 3, "Ad → Demo → Order", 1, 1, 1);

  /* Flow: A web→phone→store, B phone→web, E phone→store, F web→store→web. */
  g_assert_cmpint (crm_journey_analysis_get_flow (analysis, WEB, PHONE), ==, 1);
  g_assert_cmpint (crm_journey_analysis_get_flow (analysis, PHONE, STORE), ==, 2);
  g_assert_cmpint (crm_journey_analysis_get_flow (analysis, PHONE, WEB), ==, 1);
  g_assert_cmpint (crm_journey_analysis_get_flow (analysis, WEB, STORE), ==, 1);
  g_assert_cmpint (crm_journey_analysis_get_flow (analysis, STORE, WEB), ==, 1);
  g_assert_cmpint (crm_journey_analysis_get_flow (analysis, WEB, WEB), ==, 0);
  for (guint from = 0; from < 3; from++)
    for (guint to = 0; to < 3; to++)
      flows += crm_journey_analysis_get_flow (analysis, from, to);
  g_assert_cmpint (flows, ==, 6);

  /* Moments of truth. Ad: A, B, C, F (2 converted, A stayed; ratings
   * 4 5 3, 2, 4) against E alone (1 5). */
  assert_group (crm_journey_analysis_get_with (analysis, AD), 4, 2, 1, 5, 18);
  {
    CrmJourneyGroup without = crm_journey_analysis_get_without (analysis, AD);

    assert_group (&without, 1, 0, 0, 2, 6);
  }
  /* Demo: A, C, F convert 1 in 3, B and E 1 in 2: lift 2/3. */
  assert_group (crm_journey_analysis_get_with (analysis, DEMO), 3, 1, 1, 4, 16);
  g_assert_cmpfloat_with_epsilon (crm_journey_analysis_get_conversion_lift (analysis, DEMO), 2.0 / 3.0, 1e-12);
  /* Ad against E, who never converted: no lift to speak of. */
  g_assert_true (isnan (crm_journey_analysis_get_conversion_lift (analysis, AD)));
  /* Six customers are a small sample everywhere. */
  for (guint t = 0; t < crm_journey_analysis_get_n_types (analysis); t++)
    g_assert_true (crm_journey_analysis_is_small_sample (analysis, t));
  /* Types before buying are measured on buying, those after on buying
   * again, a stage of the user's own on both. */
  g_assert_true (crm_journey_analysis_is_measured_on_conversion (analysis, AD));
  g_assert_false (crm_journey_analysis_is_measured_on_retention (analysis, ORDER));
  g_assert_false (crm_journey_analysis_is_measured_on_conversion (analysis, SUPPORT));
  g_assert_true (crm_journey_analysis_is_measured_on_retention (analysis, SUPPORT));
  g_assert_true (crm_journey_analysis_is_measured_on_conversion (analysis, PARTY));
  g_assert_true (crm_journey_analysis_is_measured_on_retention (analysis, PARTY));
  /* Every sample is small, so each type ranks by its effect all the same,
   * in percentage points: Order (conversion 1 − 0), Ad (1/2 − 0), Demo
   * (1/3 − 1/2), Party (0 − 1/2; nobody had it after buying); Support,
   * measured on buying again only, nobody had after buying: last. */
  g_assert_cmpuint (crm_journey_analysis_get_ranked_type (analysis, 0), ==, ORDER);
  g_assert_cmpuint (crm_journey_analysis_get_ranked_type (analysis, 1), ==, AD);
  g_assert_cmpuint (crm_journey_analysis_get_ranked_type (analysis, 2), ==, DEMO);
  g_assert_cmpuint (crm_journey_analysis_get_ranked_type (analysis, 3), ==, PARTY);
  g_assert_cmpuint (crm_journey_analysis_get_ranked_type (analysis, 4), ==, SUPPORT);
}

static void
test_segment (CrmStoreFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(CrmJourneyAnalysis) analysis = analyze (fixture, "SMB", NULL);

  /* A, B and E. */
  assert_group (crm_journey_analysis_get_all (analysis), 3, 2, 1, 6, 20);
  g_assert_cmpint (crm_journey_analysis_get_touchpoints (analysis), ==, 8);
  assert_cell (analysis, AWARENESS, WEB, 2, 1, 1, 4);
  assert_cell (analysis, CONSIDERATION, WEB, 0, 0, 0, 0);
  g_assert_cmpuint (crm_journey_analysis_get_n_paths (analysis), ==, 3);
  assert_path (analysis, 2, "Ad → Demo → Order", 1, 1, 1);
  g_assert_cmpint (crm_journey_analysis_get_flow (analysis, WEB, STORE), ==, 0);
  g_assert_cmpint (crm_journey_analysis_get_flow (analysis, PHONE, STORE), ==, 2);
}

static void
test_period (CrmStoreFixture *fixture,
             gconstpointer    data)
{
  /* Days 0 to 250: A's Ads only (and no purchase in it), B whole, C
   * whole, F whole; E is later. */
  g_autoptr(CrmPeriod) period = crm_period_new_custom (0, D (250));
  g_autoptr(CrmJourneyAnalysis) analysis = analyze (fixture, NULL, period);

  assert_group (crm_journey_analysis_get_all (analysis), 4, 1, 0, 3, 10);
  g_assert_cmpint (crm_journey_analysis_get_touchpoints (analysis), ==, 9);
  assert_path (analysis, 0, "Ad → Demo", 2, 0, 0);
  assert_path (analysis, 1, "Ad", 1, 0, 0);
  assert_path (analysis, 2, "Ad → Order", 1, 1, 0);
  assert_group (crm_journey_analysis_get_with (analysis, ORDER), 1, 1, 0, 1, 2);
  g_assert_cmpint (crm_journey_analysis_get_with (analysis, SUPPORT)->customers, ==, 0);
}

static void
test_segment_period (CrmStoreFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(CrmPeriod) period = crm_period_new_custom (0, D (250));
  g_autoptr(CrmJourneyAnalysis) analysis = analyze (fixture, "SMB", period);

  /* A's two Ads and B whole: B converted on day 160, in the period. */
  assert_group (crm_journey_analysis_get_all (analysis), 2, 1, 0, 2, 6);
  g_assert_cmpint (crm_journey_analysis_get_touchpoints (analysis), ==, 4);
  g_assert_cmpuint (crm_journey_analysis_get_n_paths (analysis), ==, 2);
  g_assert_cmpint (crm_journey_analysis_get_flow (analysis, PHONE, WEB), ==, 1);
}

/* A period that holds everything is read another way (by time, then
 * sorted) than all time (by customer), and must give the same answers,
 * touchpoints at the same time included. */
static void
test_period_of_everything (CrmStoreFixture *fixture,
                           gconstpointer    data)
{
  g_autoptr(CrmPeriod) period = crm_period_new_custom (0, D (1000));
  g_autoptr(CrmJourneyAnalysis) by_time = analyze (fixture, NULL, period);
  g_autoptr(CrmJourneyAnalysis) by_customer = analyze (fixture, NULL, NULL);
  guint n_stages = crm_journey_analysis_get_n_stages (by_customer);
  guint n_channels = crm_journey_analysis_get_n_channels (by_customer);
  guint n_types = crm_journey_analysis_get_n_types (by_customer);

  g_assert_cmpint (crm_journey_analysis_get_touchpoints (by_time), ==, 13);
  g_assert_cmpmem (crm_journey_analysis_get_all (by_time), sizeof (CrmJourneyGroup),
                   crm_journey_analysis_get_all (by_customer), sizeof (CrmJourneyGroup));
  for (guint stage = 0; stage < n_stages; stage++)
    for (guint channel = 0; channel < n_channels; channel++)
      g_assert_cmpmem (crm_journey_analysis_get_cell (by_time, stage, channel), sizeof (CrmJourneyCell),
                       crm_journey_analysis_get_cell (by_customer, stage, channel), sizeof (CrmJourneyCell));
  for (guint from = 0; from < n_channels; from++)
    for (guint to = 0; to < n_channels; to++)
      g_assert_cmpint (crm_journey_analysis_get_flow (by_time, from, to), ==,
                       crm_journey_analysis_get_flow (by_customer, from, to));
  for (guint type = 0; type < n_types; type++)
    g_assert_cmpmem (crm_journey_analysis_get_with (by_time, type), sizeof (CrmJourneyGroup),
                     crm_journey_analysis_get_with (by_customer, type), sizeof (CrmJourneyGroup));
  g_assert_cmpuint (crm_journey_analysis_get_n_paths (by_time), ==, crm_journey_analysis_get_n_paths (by_customer));
  for (guint path = 0; path < crm_journey_analysis_get_n_paths (by_customer); path++)
    {
      g_autofree char *a = crm_journey_analysis_format_path (by_time, path);
      g_autofree char *b = crm_journey_analysis_format_path (by_customer, path);

      g_assert_cmpstr (a, ==, b);
    }
}

/* The ids of the customers behind @element, as "1 3 6". */
static char *
customers_behind (CrmStoreFixture    *fixture,
                  CrmJourneyAnalysis *analysis,
                  CrmJourneyElementKind kind,
                  guint               first,
                  guint               second,
                  guint               limit)
{
  CrmJourneyElement element = { kind, first, second };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = crm_store_find_journey_customers (fixture->store, analysis, &element, limit,
                                                            NULL, NULL, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "", g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

#define assert_behind(fixture, analysis, kind, first, second, limit, expected) \
  G_STMT_START { \
    g_autofree char *found = customers_behind (fixture, analysis, kind, first, second, limit); \
    g_assert_cmpstr (found, ==, expected); \
  } G_STMT_END

static void
test_customers_behind (CrmStoreFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(CrmJourneyAnalysis) everyone = analyze (fixture, NULL, NULL);
  g_autoptr(CrmJourneyAnalysis) smb = analyze (fixture, "SMB", NULL);
  g_autoptr(CrmPeriod) period = crm_period_new_custom (0, D (250));
  g_autoptr(CrmJourneyAnalysis) early = analyze (fixture, NULL, period);

  /* Awareness × web: A, C, F. */
  assert_behind (fixture, everyone, CRM_JOURNEY_ELEMENT_CELL, AWARENESS, WEB, 100, "1 3 6");
  /* Path 0, Ad → Demo: C and F. */
  assert_behind (fixture, everyone, CRM_JOURNEY_ELEMENT_PATH, 0, 0, 100, "3 6");
  /* Phone → store: A (Demo to Order) and E (Support to Party). */
  assert_behind (fixture, everyone, CRM_JOURNEY_ELEMENT_FLOW, PHONE, STORE, 100, "1 5");
  /* Demo: A, C and F had it; B and E did not (D is not analysed). */
  assert_behind (fixture, everyone, CRM_JOURNEY_ELEMENT_WITH_TYPE, DEMO, 0, 100, "1 3 6");
  assert_behind (fixture, everyone, CRM_JOURNEY_ELEMENT_WITHOUT_TYPE, DEMO, 0, 100, "2 5");
  /* At most as many as asked for, the first ones. */
  assert_behind (fixture, everyone, CRM_JOURNEY_ELEMENT_WITH_TYPE, AD, 0, 2, "1 2");
  /* The segment's own: SMB's path 2 is A's Ad → Demo → Order. */
  assert_behind (fixture, smb, CRM_JOURNEY_ELEMENT_PATH, 2, 0, 100, "1");
  /* The period's own: in days 0 to 250, A's path is just Ad. */
  assert_behind (fixture, early, CRM_JOURNEY_ELEMENT_PATH, 1, 0, 100, "1");
  assert_behind (fixture, early, CRM_JOURNEY_ELEMENT_CELL, PURCHASE, STORE, 100, "");

  /* A channel gone since the analysis has nobody behind it any more. */
  crm_test_exec_sql (fixture->path, "DELETE FROM touchpoints WHERE channel_id = 3; DELETE FROM channels WHERE id = 3;");
  assert_behind (fixture, everyone, CRM_JOURNEY_ELEMENT_FLOW, PHONE, STORE, 100, "");
  /* Whereas the web's customers are read as they are now. */
  assert_behind (fixture, everyone, CRM_JOURNEY_ELEMENT_CELL, AWARENESS, WEB, 100, "1 3 6");
}

/* Conversion counts what customers had before they first bought;
 * retention what the buyers had after that and before buying again.
 *
 *   X: Ad 100, bought 200, Support 300, bought 400, Support 500
 *   Y: Ad 100, bought 200 (an Order touchpoint at 200, the purchase itself)
 *   Z: Support 100, never bought */
static void
test_before_and_after_buying (CrmStoreFixture *fixture,
                              gconstpointer    data)
{
  g_autoptr(CrmJourneyAnalysis) analysis = NULL;
  CrmJourneyGroup without;

  crm_test_exec_sql (fixture->path,
                     "DELETE FROM touchpoints; DELETE FROM transactions; DELETE FROM customers;"
                     "INSERT INTO customers (id, uid, display_name, created_at, updated_at) VALUES"
                     " (1, 'x', 'X', 0, 0), (2, 'y', 'Y', 0, 0), (3, 'z', 'Z', 0, 0);"
                     "INSERT INTO touchpoints (customer_id, type_id, channel_id, occurred_at) VALUES"
                     " (1, 1, 1, 100), (1, 4, 2, 300), (1, 4, 2, 500), (2, 1, 1, 100), (2, 3, 1, 200), (3, 4, 2, 100);"
                     "INSERT INTO transactions (customer_id, occurred_at, amount, currency, status) VALUES"
                     " (1, 200, 10, 'EUR', 1), (1, 400, 10, 'EUR', 1), (2, 200, 10, 'EUR', 1);");
  analysis = analyze (fixture, NULL, NULL);

  /* Ad before buying: X and Y, both bought; Z alone without, did not. */
  assert_group (crm_journey_analysis_get_with (analysis, AD), 2, 2, 1, 0, 0);
  without = crm_journey_analysis_get_without (analysis, AD);
  assert_group (&without, 1, 0, 0, 0, 0);
  /* Support before buying: only Z, who never bought; X had it after. */
  assert_group (crm_journey_analysis_get_with (analysis, SUPPORT), 1, 0, 0, 0, 0);
  /* Order at the moment of Y's purchase counts neither way. */
  g_assert_cmpint (crm_journey_analysis_get_with (analysis, ORDER)->customers, ==, 0);
  g_assert_cmpint (crm_journey_analysis_get_retention_with (analysis, ORDER)->customers, ==, 0);
  /* Among the buyers X and Y: X had Support between his purchases (the
   * one at 500, after the second, adds nothing) and bought again; Y had
   * nothing after buying and did not. */
  assert_group (crm_journey_analysis_get_retention_with (analysis, SUPPORT), 1, 1, 1, 0, 0);
  without = crm_journey_analysis_get_retention_without (analysis, SUPPORT);
  assert_group (&without, 1, 1, 0, 0, 0);
  g_assert_true (isnan (crm_journey_analysis_get_retention_lift (analysis, SUPPORT)));
  g_assert_cmpint (crm_journey_analysis_get_retention_with (analysis, AD)->customers, ==, 0);
  /* Paths lead to the first purchase: X's and Y's are both just Ad (Y's
   * Order is the purchase itself), Z's Support. */
  g_assert_cmpuint (crm_journey_analysis_get_n_paths (analysis), ==, 2);
  assert_path (analysis, 0, "Ad", 2, 2, 1);
  assert_path (analysis, 1, "Support", 1, 0, 0);
  /* Three customers are too few to measure either way. */
  g_assert_true (crm_journey_analysis_is_small_conversion_sample (analysis, AD));
  g_assert_true (crm_journey_analysis_is_small_retention_sample (analysis, SUPPORT));
  /* Those behind "had Support before buying" and "never had it": Z; X and Y. */
  assert_behind (fixture, analysis, CRM_JOURNEY_ELEMENT_WITH_TYPE, SUPPORT, 0, 100, "3");
  assert_behind (fixture, analysis, CRM_JOURNEY_ELEMENT_WITHOUT_TYPE, SUPPORT, 0, 100, "1 2");
  /* The buyers who had Support after buying, and those who did not: X; Y. */
  assert_behind (fixture, analysis, CRM_JOURNEY_ELEMENT_WITH_TYPE_AFTER_BUYING, SUPPORT, 0, 100, "1");
  assert_behind (fixture, analysis, CRM_JOURNEY_ELEMENT_WITHOUT_TYPE_AFTER_BUYING, SUPPORT, 0, 100, "2");
}

/* What keeps a channel or a type from being deleted. */
static void
test_touchpoints_using (CrmStoreFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  /* Web: A twice, B's Order, C twice, F twice. Ad: A twice, B, C, F twice. */
  g_assert_cmpint (crm_store_count_touchpoints_using (fixture->store, CRM_RECORD_CHANNELS, 1, NULL, &error), ==, 7);
  g_assert_cmpint (crm_store_count_touchpoints_using (fixture->store, CRM_RECORD_TOUCHPOINT_TYPES, 1, NULL, &error),
                   ==, 6);
  g_assert_cmpint (crm_store_count_touchpoints_using (fixture->store, CRM_RECORD_TOUCHPOINT_TYPES, 99, NULL, &error),
                   ==, 0);
  g_assert_no_error (error);
}

static void
test_cancelled (CrmStoreFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmJourneyAnalysis) analysis = NULL;

  g_cancellable_cancel (cancellable);
  analysis = crm_store_analyze_journeys (fixture->store, NULL, NULL, cancellable, NULL, NULL, &error);
  /* Too small to be interrupted half way: either result is right, and the
   * store works on. */
  if (analysis == NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&analysis);
  g_clear_error (&error);
  analysis = crm_store_analyze_journeys (fixture->store, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_journey_analysis_get_customers (analysis), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/journey-analysis/everyone", CrmStoreFixture, NULL, fixture_set_up, test_everyone,
              crm_store_fixture_tear_down);
  g_test_add ("/journey-analysis/segment", CrmStoreFixture, NULL, fixture_set_up, test_segment,
              crm_store_fixture_tear_down);
  g_test_add ("/journey-analysis/period", CrmStoreFixture, NULL, fixture_set_up, test_period,
              crm_store_fixture_tear_down);
  g_test_add ("/journey-analysis/segment-period", CrmStoreFixture, NULL, fixture_set_up, test_segment_period,
              crm_store_fixture_tear_down);
  g_test_add ("/journey-analysis/period-of-everything", CrmStoreFixture, NULL, fixture_set_up,
              test_period_of_everything, crm_store_fixture_tear_down);
  g_test_add ("/journey-analysis/customers-behind", CrmStoreFixture, NULL, fixture_set_up, test_customers_behind,
              crm_store_fixture_tear_down);
  g_test_add ("/journey-analysis/before-and-after-buying", CrmStoreFixture, NULL, fixture_set_up,
              test_before_and_after_buying, crm_store_fixture_tear_down);
  g_test_add ("/journey-analysis/touchpoints-using", CrmStoreFixture, NULL, fixture_set_up, test_touchpoints_using,
              crm_store_fixture_tear_down);
  g_test_add ("/journey-analysis/cancelled", CrmStoreFixture, NULL, fixture_set_up, test_cancelled,
              crm_store_fixture_tear_down);
  return g_test_run ();
}
