/* test-journeys-ui.c: the Journeys view under a (headless) display, on a
 * small hand-built database: the figures it shows (map, flow, paths,
 * moments of truth, summary) are those crm_store_analyze_journeys() gives
 * directly; a new segment or period is analysed again, a run given up
 * for another or stopped never reaches the screen, and a filter seen
 * before comes back at once; a path, a map cell (by mouse and keyboard),
 * a flow and a moment of truth list the customers behind them, and a
 * customer chosen there opens in the Customers view. The chart data of
 * crm-journeys-data is checked without widgets. Run with
 * G_DEBUG=fatal-warnings. */
#include <math.h>

#include "crm-application.h"
#include "crm-chart-view.h"
#include "crm-customer-editor.h"
#include "crm-journey-customers-dialog.h"
#include "crm-journey-moments-table.h"
#include "crm-journey-paths-list.h"
#include "crm-journeys-data.h"
#include "crm-journeys-page.h"
#include "crm-period-picker.h"
#include "crm-store-fixture.h"
#include "crm-test-utils.h"
#include "crm-ui-test-utils.h"

#define D(days) ((gint64) (days) * 86400)

/* Channels web (1), phone (2), store (3). Types Ad (awareness), Demo
 * (consideration, flagged), Order (purchase), Support (service).
 *
 *   1 Ada (SMB):         day 100 Ad/web, 200 Demo/phone, 300 Order/store; bought on 310
 *   2 Ben (SMB):         100 Ad/web, 150 Demo/web
 *   3 Cleo (Enterprise): 100 Ad/phone, 120 Demo/phone
 *   4 Dan (Enterprise):  100 Ad/web, 130 Demo/store, 140 Demo/store
 *   5 Eve (SMB):         400 Support/phone
 *   6 Finn (Enterprise): 500 Ad/web, 510 Order/web; bought on 515 and 600
 *   7 Gus (SMB):         nothing
 *
 * The most common path is Ad → Demo: Ben, Cleo and Dan. In the SMB
 * segment every path is taken once; in Enterprise Ad → Demo twice. */
static const char dataset[] =
  "DELETE FROM touchpoints; DELETE FROM transactions; DELETE FROM customers;"
  " DELETE FROM touchpoint_types; DELETE FROM channels;"
  "INSERT INTO channels (id, key, name, position) VALUES (1, 'web', 'Web', 0), (2, 'phone', 'Phone', 1),"
  " (3, 'store', 'Store', 2);"
  "INSERT INTO touchpoint_types (id, name, stage, moment_of_truth) VALUES (1, 'Ad', 'awareness', 0),"
  " (2, 'Demo', 'consideration', 1), (3, 'Order', 'purchase', 0), (4, 'Support', 'service', 0);"
  "INSERT INTO customers (id, uid, display_name, segment, created_at, updated_at) VALUES"
  " (1, 'a', 'Ada', 'SMB', 0, 0), (2, 'b', 'Ben', 'SMB', 0, 0), (3, 'c', 'Cleo', 'Enterprise', 0, 0),"
  " (4, 'd', 'Dan', 'Enterprise', 0, 0), (5, 'e', 'Eve', 'SMB', 0, 0), (6, 'f', 'Finn', 'Enterprise', 0, 0),"
  " (7, 'g', 'Gus', 'SMB', 0, 0);"
  "INSERT INTO touchpoints (customer_id, type_id, channel_id, occurred_at, satisfaction) VALUES"
  " (1, 1, 1, 8640000, 4), (1, 2, 2, 17280000, 5), (1, 3, 3, 25920000, 3),"
  " (2, 1, 1, 8640000, 2), (2, 2, 1, 12960000, 0),"
  " (3, 1, 2, 8640000, 0), (3, 2, 2, 10368000, 4),"
  " (4, 1, 1, 8640000, 0), (4, 2, 3, 11232000, 1), (4, 2, 3, 12096000, 0),"
  " (5, 4, 2, 34560000, 1),"
  " (6, 1, 1, 43200000, 5), (6, 3, 1, 44064000, 0);"
  "INSERT INTO transactions (customer_id, occurred_at, amount, currency, status) VALUES"
  " (1, 26784000, 100, 'EUR', 1), (6, 44496000, 50, 'EUR', 1), (6, 51840000, 70, 'EUR', 1);";

enum { AD, DEMO, ORDER, SUPPORT };
enum { WEB, PHONE, STORE };
enum { AWARENESS, CONSIDERATION, PURCHASE, SERVICE };

typedef struct
{
  CrmStoreFixture  base;
  GtkWindow       *window;
  CrmJourneysPage *page;
  GPtrArray       *shown;      /* every analysis that reached the screen */
  GPtrArray       *opened;     /* customer ids asked for, as pointers */
} Fixture;

static void
on_analysis_shown (CrmJourneysPage *page,
                   GParamSpec      *pspec,
                   Fixture         *fixture)
{
  CrmJourneyAnalysis *analysis = crm_journeys_page_get_analysis (page);

  if (analysis != NULL)
    g_ptr_array_add (fixture->shown, g_object_ref (analysis));
}

static void
on_open_customer (CrmJourneysPage *page,
                  gint64           customer_id,
                  Fixture         *fixture)
{
  g_ptr_array_add (fixture->opened, GINT_TO_POINTER ((int) customer_id));
}

static gboolean
page_idle (gpointer data)
{
  CrmJourneysPage *page = data;

  return !crm_journeys_page_is_busy (page) && crm_journeys_page_get_analysis (page) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  crm_store_fixture_set_up (&fixture->base, data);
  crm_test_exec_sql (fixture->base.path, dataset);
  fixture->shown = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->opened = g_ptr_array_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 900);
  fixture->page = CRM_JOURNEYS_PAGE (crm_journeys_page_new ());
  g_signal_connect (fixture->page, "notify::analysis", G_CALLBACK (on_analysis_shown), fixture);
  g_signal_connect (fixture->page, "open-customer", G_CALLBACK (on_open_customer), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  crm_journeys_page_set_store (fixture->page, fixture->base.store);
  iterate_until (page_idle, fixture->page);
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (CRM_IS_JOURNEY_CUSTOMERS_DIALOG (toplevel))
        gtk_window_destroy (toplevel);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_dialogs ();
  gtk_window_destroy (fixture->window);
  /* The workers let go of their connections. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_ptr_array_unref (fixture->shown);
  g_ptr_array_unref (fixture->opened);
  crm_store_fixture_tear_down (&fixture->base, data);
}

static CrmJourneyAnalysis *
analyze (Fixture         *fixture,
         const char      *segment,
         const CrmPeriod *period)
{
  g_autoptr(GError) error = NULL;
  CrmJourneyAnalysis *analysis = crm_store_analyze_journeys (fixture->base.store, segment, period, NULL, NULL, NULL,
                                                             &error);

  g_assert_no_error (error);
  return analysis;
}

/* Widgets */

/* The map's view, then the flow's, in the page's order. */
static CrmChartView *
chart_view (Fixture *fixture,
            guint    index)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_by_type (GTK_WIDGET (fixture->page), CRM_TYPE_CHART_VIEW, views);
  g_assert_cmpuint (views->len, ==, 2);
  return g_ptr_array_index (views, index);
}

static GtkListBox *
paths_list (Fixture *fixture)
{
  return crm_journey_paths_list_get_list (CRM_JOURNEY_PATHS_LIST (find_by_type (GTK_WIDGET (fixture->page),
                                                                                CRM_TYPE_JOURNEY_PATHS_LIST)));
}

static GtkListBox *
moments_list (Fixture *fixture)
{
  return crm_journey_moments_table_get_list (CRM_JOURNEY_MOMENTS_TABLE (find_by_type (GTK_WIDGET (fixture->page),
                                                                                      CRM_TYPE_JOURNEY_MOMENTS_TABLE)));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The figures on screen against @expected, element by element. */
static void
assert_page_shows (Fixture            *fixture,
                   CrmJourneyAnalysis *expected)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  CrmChartData *map = crm_chart_view_get_data (chart_view (fixture, 0));
  CrmChartData *flow = crm_chart_view_get_data (chart_view (fixture, 1));
  GtkListBox *paths = paths_list (fixture);
  GtkListBox *moments = moments_list (fixture);
  guint n_stages = crm_journey_analysis_get_n_stages (expected);
  guint n_channels = crm_journey_analysis_get_n_channels (expected);
  g_autofree char *summary = crm_journeys_data_summary (expected);
  double flows = 0, shown_flows = 0;
  guint n_links = 0;

  g_assert_true (has_label (page, summary));

  /* The map: every cell's touchpoints. */
  g_assert_nonnull (map);
  g_assert_cmpuint (crm_chart_data_get_n_series (map), ==, n_stages);
  g_assert_cmpuint (crm_chart_data_get_n_categories (map), ==, n_channels);
  for (guint s = 0; s < n_stages; s++)
    for (guint c = 0; c < n_channels; c++)
      g_assert_cmpfloat (crm_chart_data_get_value (map, s, c), ==,
                         crm_journey_analysis_get_cell (expected, s, c)->touchpoints);

  /* The flow: a link per transition that happened, each its count. */
  g_assert_nonnull (flow);
  for (guint from = 0; from < n_channels; from++)
    for (guint to = 0; to < n_channels; to++)
      {
        gint64 count = crm_journey_analysis_get_flow (expected, from, to);
        g_autofree char *label = g_strdup_printf ("%s → %s", crm_journey_analysis_get_channel_name (expected, from),
                                                  crm_journey_analysis_get_channel_name (expected, to));

        flows += count;
        n_links += count > 0;
        for (guint l = 0; l < crm_chart_data_get_n_categories (flow); l++)
          if (g_str_equal (crm_chart_data_get_category (flow, l), label))
            g_assert_cmpfloat (crm_chart_data_get_value (flow, 0, l), ==, count);
      }
  g_assert_cmpuint (crm_chart_data_get_n_categories (flow), ==, n_links);
  for (guint l = 0; l < crm_chart_data_get_n_categories (flow); l++)
    shown_flows += crm_chart_data_get_value (flow, 0, l);
  g_assert_cmpfloat (shown_flows, ==, flows);

  /* The paths, most common first, with their customers. */
  g_assert_cmpuint (count_rows (paths), ==, MIN (crm_journey_analysis_get_n_paths (expected), 15));
  for (guint p = 0; p < count_rows (paths); p++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (paths, p));
      g_autofree char *steps = crm_journey_analysis_format_path (expected, p);
      g_autofree char *count = crm_journeys_format_count (crm_journey_analysis_get_path_group (expected, p)->customers);
      g_autofree char *share = crm_journeys_format_share ((double) crm_journey_analysis_get_path_group (expected,
                                                                                                        p)->customers
                                                          / crm_journey_analysis_get_customers (expected));
      g_autofree char *customers = g_strdup_printf ("%s (%s)", count, share);

      g_assert_true (has_label (row, steps));
      g_assert_true (has_label (row, customers));
    }

  /* Every type in ranked order, with the customers who had it and not:
   * before buying, or, for a type measured on buying again only, after. */
  g_assert_cmpuint (count_rows (moments), ==, crm_journey_analysis_get_n_types (expected));
  for (guint rank = 0; rank < count_rows (moments); rank++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (moments, rank));
      guint type = crm_journey_analysis_get_ranked_type (expected, rank);
      gboolean before = crm_journey_analysis_is_measured_on_conversion (expected, type);
      CrmJourneyGroup without = before ? crm_journey_analysis_get_without (expected, type)
                                       : crm_journey_analysis_get_retention_without (expected, type);
      const CrmJourneyGroup *with = before ? crm_journey_analysis_get_with (expected, type)
                                           : crm_journey_analysis_get_retention_with (expected, type);
      g_autofree char *with_text = crm_journeys_format_count (with->customers);
      g_autofree char *without_text = crm_journeys_format_count (without.customers);
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      g_assert_true (has_label (row, crm_journey_analysis_get_type_name (expected, type)));
      collect_by_type (row, GTK_TYPE_BUTTON, buttons);
      g_assert_cmpuint (buttons->len, ==, 2);
      g_assert_cmpstr (gtk_button_get_label (g_ptr_array_index (buttons, 0)), ==, with_text);
      g_assert_cmpstr (gtk_button_get_label (g_ptr_array_index (buttons, 1)), ==, without_text);
      g_assert_true (has_label (row, "★ Flagged by you") == crm_journey_analysis_get_type_flagged (expected, type));
      g_assert_true (has_label (row, "Small sample") == crm_journey_analysis_is_small_sample (expected, type));
    }
}

/* The page's figures */

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CrmJourneyAnalysis) expected = analyze (fixture, NULL, NULL);
  CrmChartData *map = crm_chart_view_get_data (chart_view (fixture, 0));

  g_assert_null (crm_journeys_page_get_segment (fixture->page));
  g_assert_null (crm_journeys_page_get_period (fixture->page));
  g_assert_cmpint (crm_journey_analysis_get_customers (crm_journeys_page_get_analysis (fixture->page)), ==, 6);
  assert_page_shows (fixture, expected);

  /* Hand-checked, so that the comparison above cannot agree on a wrong
   * answer: the stages by name, Ad → Demo first, three flows. */
  g_assert_cmpstr (crm_chart_data_get_series_name (map, CONSIDERATION), ==, "Consideration");
  g_assert_cmpstr (crm_chart_data_get_category (map, STORE), ==, "Store");
  g_assert_cmpfloat (crm_chart_data_get_value (map, AWARENESS, WEB), ==, 4);
  g_assert_true (has_label (GTK_WIDGET (gtk_list_box_get_row_at_index (paths_list (fixture), 0)), "Ad → Demo"));
  g_assert_true (has_label (GTK_WIDGET (gtk_list_box_get_row_at_index (paths_list (fixture), 0)), "3 (50.0 %)"));
  g_assert_cmpuint (crm_chart_data_get_n_categories (crm_chart_view_get_data (chart_view (fixture, 1))), ==, 3);
  /* Everyone is a small sample here. */
  g_assert_true (has_label (GTK_WIDGET (gtk_list_box_get_row_at_index (moments_list (fixture), 0)), "Small sample"));

  /* Every chart has a table alternative that draws. */
  for (guint i = 0; i < 2; i++)
    {
      g_object_set (chart_view (fixture, i), "show-table", TRUE, NULL);
      g_main_context_iteration (NULL, FALSE);
      g_object_set (chart_view (fixture, i), "show-table", FALSE, NULL);
    }
}

/* The filter */

static gboolean
was_shown (Fixture    *fixture,
           const char *segment)
{
  for (guint i = 0; i < fixture->shown->len; i++)
    if (g_strcmp0 (crm_journey_analysis_get_segment (g_ptr_array_index (fixture->shown, i)), segment) == 0)
      return TRUE;
  return FALSE;
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  CrmPeriodPicker *picker = CRM_PERIOD_PICKER (find_by_type (GTK_WIDGET (fixture->page), CRM_TYPE_PERIOD_PICKER));
  CrmJourneyAnalysis *everyone = crm_journeys_page_get_analysis (fixture->page);
  g_autoptr(CrmPeriod) period = crm_period_new_custom (D (90), D (161));
  g_autoptr(CrmJourneyAnalysis) enterprise = analyze (fixture, "Enterprise", NULL);
  g_autoptr(CrmJourneyAnalysis) enterprise_early = analyze (fixture, "Enterprise", period);
  g_autoptr(CrmPeriod) shown_period = NULL;
  g_autofree char *everyone_summary = crm_journeys_data_summary (everyone);

  g_ptr_array_set_size (fixture->shown, 0);

  /* SMB is given up for Enterprise before it is done: only Enterprise
   * reaches the screen, and nothing of everyone's figures stays beside
   * the new filter meanwhile. */
  g_assert_true (has_label (GTK_WIDGET (fixture->page), everyone_summary));
  crm_journeys_page_set_segment (fixture->page, "SMB");
  g_assert_true (crm_journeys_page_is_busy (fixture->page));
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "Analysing the Journeys…"));
  g_assert_false (has_label (GTK_WIDGET (fixture->page), everyone_summary));
  crm_journeys_page_set_segment (fixture->page, "Enterprise");
  iterate_until (page_idle, fixture->page);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (was_shown (fixture, "SMB"));
  g_assert_cmpstr (crm_journey_analysis_get_segment (crm_journeys_page_get_analysis (fixture->page)), ==, "Enterprise");
  g_assert_cmpint (crm_journey_analysis_get_customers (crm_journeys_page_get_analysis (fixture->page)), ==, 3);
  assert_page_shows (fixture, enterprise);
  {
    GtkDropDown *segments = GTK_DROP_DOWN (find_by_type (GTK_WIDGET (fixture->page), GTK_TYPE_DROP_DOWN));
    GtkStringObject *item = gtk_drop_down_get_selected_item (segments);

    g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Enterprise");
  }

  /* A period: the early days only. */
  crm_period_picker_set_custom (picker, D (90), D (161));
  g_assert_true (crm_journeys_page_is_busy (fixture->page));
  iterate_until (page_idle, fixture->page);
  shown_period = crm_journeys_page_get_period (fixture->page);
  g_assert_true (crm_period_equal (shown_period, period));
  g_assert_true (crm_period_equal (crm_journey_analysis_get_period (crm_journeys_page_get_analysis (fixture->page)),
                                   period));
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "1970-04-01 – 1970-06-10"));
  /* Cleo and Dan; Finn came later. */
  g_assert_cmpint (crm_journey_analysis_get_customers (crm_journeys_page_get_analysis (fixture->page)), ==, 2);
  assert_page_shows (fixture, enterprise_early);

  /* Stopped: the figures of the run stopped never show, and the page
   * says it stopped; analysed again on request. */
  g_ptr_array_set_size (fixture->shown, 0);
  crm_journeys_page_set_segment (fixture->page, "SMB");
  g_assert_true (crm_journeys_page_is_busy (fixture->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journeys.cancel", NULL));
  g_assert_false (crm_journeys_page_is_busy (fixture->page));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fixture->shown->len, ==, 0);
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "Analysis Stopped"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journeys.analyse", NULL));
  iterate_until (page_idle, fixture->page);
  g_assert_cmpstr (crm_journey_analysis_get_segment (crm_journeys_page_get_analysis (fixture->page)), ==, "SMB");

  /* Back to everyone over all time: analysed before, shown at once. */
  crm_journeys_page_set_segment (fixture->page, NULL);
  crm_period_picker_set_choice (picker, CRM_PERIOD_CHOICE_ALL_TIME);
  g_assert_false (crm_journeys_page_is_busy (fixture->page));
  g_assert_true (crm_journeys_page_get_analysis (fixture->page) == everyone);

  /* A period nobody was active in: the empty state says so. */
  crm_period_picker_set_custom (picker, D (1000), D (1001));
  iterate_until (page_idle, fixture->page);
  g_assert_cmpint (crm_journey_analysis_get_customers (crm_journeys_page_get_analysis (fixture->page)), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (fixture->page), "No Journeys to Show"));
}

/* Data changed elsewhere: analysed again once the changes pause, and
 * what was kept for other filters is forgotten. */
static void
test_data_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CrmTouchpoint) touchpoint = crm_touchpoint_new ();
  g_autoptr(CrmJourneyAnalysis) expected = NULL;
  g_autoptr(GError) error = NULL;
  CrmJourneyAnalysis *before = crm_journeys_page_get_analysis (fixture->page);

  crm_touchpoint_set_customer_id (touchpoint, 5);
  crm_touchpoint_set_type_id (touchpoint, 1);
  crm_touchpoint_set_channel_id (touchpoint, 3);
  crm_touchpoint_set_occurred_at (touchpoint, D (450));
  g_assert_true (crm_store_save_touchpoint (fixture->base.store, touchpoint, &error));
  g_assert_no_error (error);
  while (crm_journeys_page_get_analysis (fixture->page) == before)
    g_main_context_iteration (NULL, TRUE);
  iterate_until (page_idle, fixture->page);
  expected = analyze (fixture, NULL, NULL);
  g_assert_cmpint (crm_journey_analysis_get_touchpoints (crm_journeys_page_get_analysis (fixture->page)), ==, 14);
  assert_page_shows (fixture, expected);
}

/* The customers behind an element */

static CrmJourneyCustomersDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (CRM_IS_JOURNEY_CUSTOMERS_DIALOG (toplevel))
        return CRM_JOURNEY_CUSTOMERS_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
dialog_done (gpointer data)
{
  return !crm_journey_customers_dialog_is_busy (data);
}

/* The names the open dialog lists, by name, joined by commas. */
static char *
listed_names (CrmJourneyCustomersDialog *dialog)
{
  GListModel *customers = crm_journey_customers_dialog_get_customers (dialog);
  g_autoptr(GString) names = g_string_new (NULL);

  iterate_until (dialog_done, dialog);
  for (guint i = 0; i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(CrmCustomerSummary) summary = g_list_model_get_item (customers, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", crm_customer_summary_get_display_name (summary));
    }
  return g_strdup (names->str);
}

static void
test_customers (Fixture       *fixture,
                gconstpointer  data)
{
  CrmJourneyCustomersDialog *dialog;
  g_autofree char *names = NULL;
  GtkListBox *list;

  /* The most common path, Ad → Demo, by Enter on its row. */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (paths_list (fixture), 0)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (crm_journey_customers_dialog_get_element (dialog)->kind, ==, CRM_JOURNEY_ELEMENT_PATH);
  names = listed_names (dialog);
  g_assert_cmpstr (names, ==, "Ben, Cleo, Dan");
  g_assert_true (has_label (GTK_WIDGET (dialog), "3 customers, by name"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);

  /* Choosing Cleo asks for her page and closes the list. */
  list = GTK_LIST_BOX (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_ptr_array_index (fixture->opened, 0)), ==, 3);
  g_assert_null (find_dialog ());

  /* A cell of the map, clicked: awareness on the web (Ada, Ben, Dan,
   * Finn). */
  g_signal_emit_by_name (chart_view (fixture, 0), "element-activated", AWARENESS, WEB);
  dialog = find_dialog ();
  g_clear_pointer (&names, g_free);
  names = listed_names (dialog);
  g_assert_cmpstr (names, ==, "Ada, Ben, Dan, Finn");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* By the keyboard: the store column, then its one cell in the list of
   * its cells (consideration: Dan). */
  {
    CrmChartView *map = chart_view (fixture, 0);
    GtkWidget *popover;
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    g_assert_true (send_key_press (GTK_WIDGET (map), GDK_KEY_End, 0));
    g_assert_cmpint (crm_chart_view_get_focused_category (map), ==, STORE);
    g_assert_true (send_key_press (GTK_WIDGET (map), GDK_KEY_Return, 0));
    popover = find_by_type (GTK_WIDGET (map), GTK_TYPE_POPOVER);
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    collect_by_type (popover, GTK_TYPE_BUTTON, buttons);
    /* Purchase (Ada) and consideration (Dan), in stage order. */
    g_assert_cmpuint (buttons->len, ==, 2);
    g_assert_true (has_label (g_ptr_array_index (buttons, 0), "Consideration: 1 customer"));
    g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
    dialog = find_dialog ();
    g_clear_pointer (&names, g_free);
    names = listed_names (dialog);
    g_assert_cmpstr (names, ==, "Dan");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* A flow: the view's most frequent link first; all three happened
   * once, web → phone (Ada) first by channel order. */
  g_signal_emit_by_name (chart_view (fixture, 1), "element-activated", -1, 0);
  dialog = find_dialog ();
  g_assert_cmpint (crm_journey_customers_dialog_get_element (dialog)->kind, ==, CRM_JOURNEY_ELEMENT_FLOW);
  g_clear_pointer (&names, g_free);
  names = listed_names (dialog);
  g_assert_cmpstr (names, ==, "Ada");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A moment of truth: who never had a demo (Eve, Finn). */
  {
    GtkListBox *moments = moments_list (fixture);
    CrmJourneyAnalysis *analysis = crm_journeys_page_get_analysis (fixture->page);

    for (guint rank = 0; rank < crm_journey_analysis_get_n_types (analysis); rank++)
      if (crm_journey_analysis_get_ranked_type (analysis, rank) == DEMO)
        {
          g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

          collect_by_type (GTK_WIDGET (gtk_list_box_get_row_at_index (moments, rank)), GTK_TYPE_BUTTON, buttons);
          g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
        }
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpint (crm_journey_customers_dialog_get_element (dialog)->kind, ==, CRM_JOURNEY_ELEMENT_WITHOUT_TYPE);
    g_clear_pointer (&names, g_free);
    names = listed_names (dialog);
    g_assert_cmpstr (names, ==, "Eve, Finn");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

/* More customers behind a path than are listed: the list says how many
 * there are in all. */
static void
test_customers_capped (Fixture       *fixture,
                       gconstpointer  data)
{
  CrmJourneyCustomersDialog *dialog;
  g_autofree char *names = NULL;
  CrmJourneyAnalysis *before = crm_journeys_page_get_analysis (fixture->page);

  /* 520 customers whose one touchpoint is an ad on the web. */
  crm_test_exec_sql (fixture->base.path,
                     "WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 619)"
                     " INSERT INTO customers (id, uid, display_name, segment, created_at, updated_at)"
                     " SELECT i, 'u' || i, 'Many ' || i, 'Bulk', 0, 0 FROM n;"
                     "INSERT INTO touchpoints (customer_id, type_id, channel_id, occurred_at, satisfaction)"
                     " SELECT id, 1, 1, 8640000, 0 FROM customers WHERE segment = 'Bulk';");
  crm_journeys_page_reload (fixture->page);
  while (crm_journeys_page_get_analysis (fixture->page) == before || crm_journeys_page_is_busy (fixture->page))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (crm_journey_analysis_get_path_group (crm_journeys_page_get_analysis (fixture->page),
                                                        0)->customers, ==, 520);

  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (paths_list (fixture), 0)));
  dialog = find_dialog ();
  names = listed_names (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (crm_journey_customers_dialog_get_customers (dialog)), ==,
                    CRM_JOURNEY_CUSTOMERS_LIMIT);
  g_assert_true (has_label (GTK_WIDGET (dialog), "500 of 520 customers: those added first, by name"));
  /* By name: “Many 100”, “Many 101”… */
  g_assert_true (g_str_has_prefix (names, "Many 100, Many 101, "));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* In the application: a customer chosen in the Journeys view opens in
 * the Customers view. */

static gboolean
journeys_ready (gpointer data)
{
  Run *run = data;
  CrmJourneysPage *page;

  if (!store_loaded (run))
    return FALSE;
  crm_window_set_view (run->window, "journeys");
  page = CRM_JOURNEYS_PAGE (find_by_type (GTK_WIDGET (run->window), CRM_TYPE_JOURNEYS_PAGE));
  return page_idle (page);
}

static void
check_open_customer (Run *run)
{
  GtkWidget *window = GTK_WIDGET (run->window);
  CrmJourneysPage *page = CRM_JOURNEYS_PAGE (find_by_type (window, CRM_TYPE_JOURNEYS_PAGE));
  GtkListBox *paths = crm_journey_paths_list_get_list (CRM_JOURNEY_PATHS_LIST (find_by_type (GTK_WIDGET (page),
                                                                                             CRM_TYPE_JOURNEY_PATHS_LIST)));
  CrmJourneyCustomersDialog *dialog;
  CrmCustomerEditor *editor;
  GtkListBox *list;
  g_autofree char *names = NULL;

  g_assert_cmpint (crm_journey_analysis_get_customers (crm_journeys_page_get_analysis (page)), ==, 6);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (paths, 0)));
  dialog = find_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  names = listed_names (dialog);
  g_assert_cmpstr (names, ==, "Ben, Cleo, Dan");
  list = GTK_LIST_BOX (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)));

  g_assert_cmpstr (crm_window_get_view (run->window), ==, "customers");
  editor = CRM_CUSTOMER_EDITOR (find_by_type (window, CRM_TYPE_CUSTOMER_EDITOR));
  g_assert_nonnull (crm_customer_editor_get_customer (editor));
  g_assert_cmpint (crm_customer_get_id (crm_customer_editor_get_customer (editor)), ==, 4);
  g_assert_cmpstr (crm_customer_get_display_name (crm_customer_editor_get_customer (editor)), ==, "Dan");
}

static void
test_open_customer (void)
{
  g_autofree char *dir = crm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "journeys.db", NULL);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  {
    g_autoptr(CrmStore) store = crm_store_open (path, &error);

    g_assert_no_error (error);
  }
  crm_test_exec_sql (path, dataset);
  run_app (&run, path, journeys_ready, check_open_customer);
  crm_test_remove_tree (dir);
}

/* crm-journeys-data, without widgets */

static void
test_data (CrmStoreFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmJourneyAnalysis) analysis = NULL;
  g_autoptr(CrmChartData) map = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(CrmSankeyData) flow = NULL;
  g_autoptr(CrmChartData) table = NULL;
  g_auto(CrmJourneysPathRow) path = { 0, };
  CrmJourneysMomentRow moment;
  g_autofree char *detail = NULL;
  g_autofree char *description = NULL;
  g_autofree char *element_text = NULL;
  CrmJourneyElement element = { CRM_JOURNEY_ELEMENT_WITHOUT_TYPE, DEMO, 0 };

  crm_test_exec_sql (fixture->path, dataset);
  analysis = crm_store_analyze_journeys (fixture->store, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The map: a row per stage by its name, a column per channel. */
  map = crm_journeys_data_map (analysis);
  g_assert_cmpuint (crm_chart_data_get_n_series (map), ==, 4);
  g_assert_cmpuint (crm_chart_data_get_n_categories (map), ==, 3);
  g_assert_cmpstr (crm_chart_data_get_series_name (map, AWARENESS), ==, "Awareness");
  g_assert_cmpstr (crm_chart_data_get_series_name (map, SERVICE), ==, "Service");
  g_assert_cmpfloat (crm_chart_data_get_value (map, CONSIDERATION, STORE), ==, 2);
  g_assert_cmpfloat (crm_chart_data_get_value (map, PURCHASE, PHONE), ==, 0);
  /* Awareness on the web: Ada ★4, Ben ★2, Dan, Finn ★5. */
  detail = crm_journeys_data_cell_detail (analysis, AWARENESS, WEB);
  g_assert_cmpstr (detail, ==, "4 · ★ 3.7");
  g_assert_null (crm_journeys_data_cell_detail (analysis, PURCHASE, PHONE));
  description = crm_journeys_data_describe_cell (analysis, CONSIDERATION, STORE);
  g_assert_cmpstr (description, ==, "Consideration · Store: 2 touchpoints by 1 customer, average satisfaction 1.0");

  /* The flow: three transitions of one each, in channel order. */
  links = crm_journeys_data_flow_links (analysis);
  g_assert_cmpuint (links->len, ==, 3);
  g_assert_cmpuint (g_array_index (links, CrmJourneyElement, 0).first, ==, WEB);
  g_assert_cmpuint (g_array_index (links, CrmJourneyElement, 0).second, ==, PHONE);
  g_assert_cmpuint (g_array_index (links, CrmJourneyElement, 2).first, ==, PHONE);
  flow = crm_journeys_data_flow (analysis, links);
  g_assert_cmpuint (crm_sankey_data_get_n_nodes (flow), ==, 6);
  g_assert_cmpuint (crm_sankey_data_get_n_links (flow), ==, 3);
  g_assert_cmpuint (crm_sankey_data_get_link_source (flow, 1), ==, WEB);
  g_assert_cmpuint (crm_sankey_data_get_link_target (flow, 1), ==, 3 + STORE);
  table = crm_journeys_data_flow_table (analysis, links);
  g_assert_cmpstr (crm_chart_data_get_category (table, 1), ==, "Web → Store");
  g_assert_cmpfloat (crm_chart_data_get_value (table, 0, 1), ==, 1);

  /* Top paths: Ad → Demo, half of those analysed, none bought. */
  g_assert_cmpuint (crm_journeys_data_n_top_paths (analysis), ==, 4);
  crm_journeys_data_path_row (analysis, 0, &path);
  g_assert_cmpstr (path.steps, ==, "Ad → Demo");
  g_assert_cmpint (path.customers, ==, 3);
  g_assert_cmpfloat (path.share, ==, 0.5);
  g_assert_cmpfloat (path.converted, ==, 0);

  /* Demo: Ada, Ben, Cleo, Dan (one bought) against Eve and Finn (one
   * bought, and again): lift 1/4 ÷ 1/2. */
  for (guint rank = 0; rank < crm_journey_analysis_get_n_types (analysis); rank++)
    {
      crm_journeys_data_moment_row (analysis, rank, &moment);
      if (moment.type == DEMO)
        break;
    }
  g_assert_cmpuint (moment.type, ==, DEMO);
  g_assert_cmpstr (moment.name, ==, "Demo");
  g_assert_cmpstr (moment.stage, ==, "Consideration");
  g_assert_true (moment.flagged);
  g_assert_true (moment.small_sample);
  g_assert_cmpint (moment.with, ==, 4);
  g_assert_cmpint (moment.without, ==, 2);
  g_assert_cmpfloat (moment.conversion_with, ==, 0.25);
  g_assert_cmpfloat (moment.conversion_without, ==, 0.5);
  g_assert_cmpfloat (moment.conversion_lift, ==, 0.5);
  g_assert_cmpfloat (moment.retention_without, ==, 0.5);
  /* Ratings with: 4 5 3, 2, 4, 1 → 19/6; without: 1, 5 → 3. */
  g_assert_cmpfloat_with_epsilon (moment.satisfaction_effect, 19.0 / 6 - 3, 1e-12);

  element_text = crm_journeys_data_describe_element (analysis, &element);
  g_assert_cmpstr (element_text, ==, "Never had Demo before buying");
  g_assert_cmpint (crm_journeys_data_element_customers (analysis, &element), ==, 2);
  element = (CrmJourneyElement) { CRM_JOURNEY_ELEMENT_FLOW, WEB, PHONE };
  g_assert_cmpint (crm_journeys_data_element_customers (analysis, &element), ==, -1);

  /* Numbers as shown. */
  {
    g_autofree char *lift = crm_journeys_format_lift (2.345);
    g_autofree char *none = crm_journeys_format_lift (NAN);
    g_autofree char *up = crm_journeys_format_difference (0.5);
    g_autofree char *down = crm_journeys_format_difference (-0.25);
    g_autofree char *level = crm_journeys_format_difference (0.01);

    g_assert_cmpstr (lift, ==, "2.3×");
    g_assert_cmpstr (none, ==, "—");
    g_assert_cmpstr (up, ==, "+0.5");
    g_assert_cmpstr (down, ==, "−0.3");
    g_assert_cmpstr (level, ==, "±0.0");
  }
  g_assert_cmpstr (crm_journey_stage_get_label ("celebration"), ==, "celebration");
}

/* Steps named in a right-to-left script: the arrows point left. */
static void
test_data_right_to_left (CrmStoreFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmJourneyAnalysis) analysis = NULL;
  g_auto(CrmJourneysPathRow) path = { 0, };

  crm_test_exec_sql (fixture->path, dataset);
  crm_test_exec_sql (fixture->path, "UPDATE touchpoint_types SET name = 'إعلان' WHERE id = 1;"
                                    "UPDATE touchpoint_types SET name = 'عرض' WHERE id = 2;");
  analysis = crm_store_analyze_journeys (fixture->store, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  crm_journeys_data_path_row (analysis, 0, &path);
  g_assert_cmpstr (path.steps, ==, "إعلان ← عرض");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/journeys/data", CrmStoreFixture, NULL, crm_store_fixture_set_up, test_data,
              crm_store_fixture_tear_down);
  g_test_add ("/journeys/data-right-to-left", CrmStoreFixture, NULL, crm_store_fixture_set_up,
              test_data_right_to_left, crm_store_fixture_tear_down);

  if (!init_display_or_skip ())
    return g_test_run ();

  g_test_add ("/journeys/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/journeys/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/journeys/data-changed", Fixture, NULL, fixture_set_up, test_data_changed, fixture_tear_down);
  g_test_add ("/journeys/customers", Fixture, NULL, fixture_set_up, test_customers, fixture_tear_down);
  g_test_add ("/journeys/customers-capped", Fixture, NULL, fixture_set_up, test_customers_capped,
              fixture_tear_down);
  g_test_add_func ("/journeys/open-customer", test_open_customer);
  return g_test_run ();
}
