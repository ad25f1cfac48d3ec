/* test-timeline-view.c: the journey timeline as a widget, under a
 * (headless) display: + and − zoom and 0 shows the whole journey again,
 * Shift+arrows, Page Up/Down, Home and End scroll the window of time
 * shown; Tab and the arrow keys move the keyboard from touchpoint to
 * touchpoint in time order (mirrored from right to left), and what is
 * said for the one it is on, the tooltip at its mark and the accessible
 * label all describe that touchpoint; Enter opens it; a touchpoint added
 * through the store shows without the keyboard losing its place; and a
 * customer without touchpoints gets the empty state. Run with
 * G_DEBUG=fatal-warnings. */
#include <stdio.h>
#include <string.h>

#include "crm-store-fixture.h"
#include "crm-test-utils.h"
#include "crm-timeline-view.h"
#include "crm-ui-test-utils.h"

#define DAY G_GINT64_CONSTANT (86400)
/* 2025-03-01T09:00:00Z */
#define T0 G_GINT64_CONSTANT (1740819600)

typedef enum { WEB, EMAIL, PHONE, N_CHANNELS } Channel;
typedef enum { AD_VIEW, SIGN_UP, DEMO, PURCHASE, COMPLAINT, N_TYPES } Type;

static const char *channel_names[] = { "Web", "E-mail", "Phone" };
static const char *type_names[] = { "Ad view", "Sign-up", "Product demo", "Purchase", "Complaint" };
static const char *type_stages[] = { "Awareness", "Consideration", "Consideration", "Purchase", "Service" };

/* The journey, deliberately saved out of time order. */
static const struct
{
  gint64  day;
  Type    type;
  Channel channel;
  int     satisfaction;
} journey_rows[] = {
  { 40, PURCHASE, WEB, 5 },
  { 0, AD_VIEW, WEB, 0 },
  { 12, SIGN_UP, EMAIL, 4 },
  { 25, DEMO, PHONE, 5 },
  { 70, COMPLAINT, PHONE, 1 },
  { 55, SIGN_UP, EMAIL, 3 },
};

/* journey_rows in time order */
static const guint in_time_order[] = { 1, 2, 3, 0, 5, 4 };

typedef struct
{
  CrmStoreFixture  base;
  gint64           channels[N_CHANNELS];
  gint64           types[N_TYPES];
  gint64           customer;
  gint64           touchpoints[G_N_ELEMENTS (journey_rows)];
  gint64           empty_customer;
  CrmJourney      *journey;
  GtkWindow       *window;
  CrmTimelineView *view;
  gint64           activated;
} Fixture;

static gint64
add_customer (Fixture    *fixture,
              const char *name)
{
  return crm_store_fixture_add_customer (&fixture->base, name);
}

static gint64
add_touchpoint (Fixture *fixture,
                gint64   time,
                Type     type,
                Channel  channel,
                int      satisfaction)
{
  return crm_store_fixture_add_touchpoint (&fixture->base, fixture->customer, time, fixture->types[type],
                                           fixture->channels[channel], satisfaction);
}

static void
on_activated (CrmTimelineView *view,
              gint64           touchpoint_id,
              Fixture         *fixture)
{
  fixture->activated = touchpoint_id;
}

static gboolean
view_drawn (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->view))
         && gtk_widget_get_width (GTK_WIDGET (fixture->view)) > 0;
}

static void
show_view (Fixture          *fixture,
           gint64            customer_id,
           GtkTextDirection  direction)
{
  GtkWidget *box;

  fixture->journey = crm_journey_new (fixture->base.store, customer_id);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 360);
  fixture->view = CRM_TIMELINE_VIEW (crm_timeline_view_new ());
  gtk_widget_set_direction (GTK_WIDGET (fixture->view), direction);
  g_signal_connect (fixture->view, "touchpoint-activated", G_CALLBACK (on_activated), fixture);
  /* Buttons either side, as on a page: the window's first focus goes to
   * the one before. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Before"));
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->view));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("After"));
  gtk_window_set_child (fixture->window, box);
  crm_timeline_view_set_journey (fixture->view, fixture->journey);
  gtk_window_present (fixture->window);
  iterate_until (view_drawn, fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmTransaction) transaction = crm_transaction_new ();

  crm_store_fixture_set_up (&fixture->base, data);
  for (guint i = 0; i < N_CHANNELS; i++)
    {
      g_autofree char *key = g_ascii_strdown (channel_names[i], -1);

      fixture->channels[i] = crm_store_fixture_add_channel (&fixture->base, key, channel_names[i], i);
    }
  for (guint i = 0; i < N_TYPES; i++)
    {
      g_autoptr(CrmTouchpointType) type = crm_touchpoint_type_new ();

      crm_touchpoint_type_set_name (type, type_names[i]);
      crm_touchpoint_type_set_stage (type, type_stages[i]);
      crm_touchpoint_type_set_moment_of_truth (type, i == DEMO || i == COMPLAINT);
      g_assert_true (crm_store_save_touchpoint_type (fixture->base.store, type, &error));
      fixture->types[i] = crm_touchpoint_type_get_id (type);
    }
  g_assert_no_error (error);

  fixture->customer = add_customer (fixture, "Amira Haddad");
  fixture->empty_customer = add_customer (fixture, "Nobody Yet");
  for (guint i = 0; i < G_N_ELEMENTS (journey_rows); i++)
    fixture->touchpoints[i] = add_touchpoint (fixture, T0 + journey_rows[i].day * DAY + 3600,
                                              journey_rows[i].type, journey_rows[i].channel,
                                              journey_rows[i].satisfaction);
  crm_transaction_set_customer_id (transaction, fixture->customer);
  crm_transaction_set_occurred_at (transaction, T0 + 40 * DAY + 7200);
  crm_transaction_set_amount (transaction, 148000);
  crm_transaction_set_currency (transaction, "EUR");
  crm_transaction_set_product (transaction, "Annual plan");
  crm_transaction_set_status (transaction, CRM_TRANSACTION_STATUS_COMPLETED);
  g_assert_true (crm_store_save_transaction (fixture->base.store, transaction, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  if (fixture->journey != NULL)
    crm_test_finalize (fixture->journey);
  crm_store_fixture_tear_down (&fixture->base, data);
}

static void
get_window (Fixture *fixture,
            gint64  *start,
            gint64  *end)
{
  g_assert_true (crm_timeline_view_get_window (fixture->view, start, end));
  g_assert_cmpint (*start, <, *end);
}

/* Tab into the view, as the window moves the focus. */
static void
tab_in (Fixture          *fixture,
        GtkDirectionType  direction)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->view), direction));
  g_assert_true (gtk_window_get_focus (fixture->window) == GTK_WIDGET (fixture->view));
}

/* The text said for the touchpoint the keyboard is on is that of the
 * @row-th touchpoint saved, whose type and channel it names. */
static void
assert_on_row (Fixture *fixture,
               guint    row)
{
  const char *text = crm_timeline_view_get_focused_text (fixture->view);
  g_autofree char *tooltip = NULL;
  graphene_rect_t rect;

  g_assert_cmpint (crm_timeline_view_get_focused_touchpoint (fixture->view), ==, fixture->touchpoints[row]);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, type_names[journey_rows[row].type]));
  g_assert_nonnull (strstr (text, channel_names[journey_rows[row].channel]));
  if (journey_rows[row].satisfaction > 0)
    {
      g_autofree char *rated = g_strdup_printf ("Satisfaction %d out of 5", journey_rows[row].satisfaction);

      g_assert_nonnull (strstr (text, rated));
    }
  else
    g_assert_nonnull (strstr (text, "Not rated"));

  /* Screen readers hear it as the view's label. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->view), GTK_ACCESSIBLE_PROPERTY_LABEL, text);

  /* The mark is on screen, and the pointer over it gets the same words. */
  g_assert_true (crm_timeline_view_get_mark_rect (fixture->view,
                                                  crm_timeline_view_get_focused_mark (fixture->view), &rect));
  tooltip = crm_timeline_view_describe_at (fixture->view, rect.origin.x + rect.size.width / 2,
                                           rect.origin.y + rect.size.height / 2);
  g_assert_cmpstr (tooltip, ==, text);
}

static void
test_keyboard_zoom_and_scroll (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *view;
  gint64 whole_start, whole_end, start, end, s, e;

  show_view (fixture, fixture->customer, GTK_TEXT_DIR_LTR);
  view = GTK_WIDGET (fixture->view);
  get_window (fixture, &whole_start, &whole_end);
  /* The whole journey shows, the first touchpoint to the last. */
  g_assert_cmpint (whole_start, <=, T0);
  g_assert_cmpint (whole_end, >=, T0 + 70 * DAY);

  /* At the whole journey, − can zoom out no further. */
  g_assert_true (activate_shortcut (view, GDK_KEY_minus, 0));
  get_window (fixture, &start, &end);
  g_assert_cmpint (start, ==, whole_start);
  g_assert_cmpint (end, ==, whole_end);

  g_assert_true (activate_shortcut (view, GDK_KEY_plus, 0));
  get_window (fixture, &start, &end);
  g_assert_cmpint (end - start, <, whole_end - whole_start);
  g_assert_cmpint (start, >, whole_start);
  g_assert_true (activate_shortcut (view, GDK_KEY_KP_Add, 0));
  get_window (fixture, &s, &e);
  g_assert_cmpint (e - s, <, end - start);

  /* Shift+Right shows later times, Shift+Left earlier, by as much. */
  get_window (fixture, &start, &end);
  g_assert_true (activate_shortcut (view, GDK_KEY_Right, GDK_SHIFT_MASK));
  get_window (fixture, &s, &e);
  g_assert_cmpint (s, >, start);
  g_assert_cmpint (e - s, ==, end - start);
  g_assert_true (activate_shortcut (view, GDK_KEY_Left, GDK_SHIFT_MASK));
  get_window (fixture, &s, &e);
  g_assert_cmpint (s, ==, start);

  /* Home and End reach the ends of the journey at the same zoom, with
   * the keyboard on the first and last touchpoint. */
  g_assert_true (activate_shortcut (view, GDK_KEY_End, 0));
  get_window (fixture, &s, &e);
  g_assert_cmpint (e, ==, whole_end);
  g_assert_cmpint (e - s, ==, end - start);
  assert_on_row (fixture, in_time_order[G_N_ELEMENTS (in_time_order) - 1]);
  g_assert_true (activate_shortcut (view, GDK_KEY_Page_Up, 0));
  get_window (fixture, &start, &end);
  g_assert_cmpint (start, <, s);
  g_assert_true (activate_shortcut (view, GDK_KEY_Home, 0));
  get_window (fixture, &s, &e);
  g_assert_cmpint (s, ==, whole_start);
  assert_on_row (fixture, in_time_order[0]);

  /* 0 shows the whole journey again. */
  g_assert_true (activate_shortcut (view, GDK_KEY_0, 0));
  get_window (fixture, &s, &e);
  g_assert_cmpint (s, ==, whole_start);
  g_assert_cmpint (e, ==, whole_end);
}

static void
test_focus_in_time_order (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *view;

  show_view (fixture, fixture->customer, GTK_TEXT_DIR_LTR);
  view = GTK_WIDGET (fixture->view);
  g_assert_cmpint (crm_timeline_view_get_focused_mark (fixture->view), ==, -1);
  g_assert_null (crm_timeline_view_get_focused_text (fixture->view));

  /* Tab comes in on the first touchpoint and goes on in time order. */
  tab_in (fixture, GTK_DIR_TAB_FORWARD);
  for (guint i = 0; i < G_N_ELEMENTS (in_time_order); i++)
    {
      if (i > 0)
        g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
      g_assert_cmpint (crm_timeline_view_get_focused_mark (fixture->view), ==, i);
      assert_on_row (fixture, in_time_order[i]);
    }
  /* After the last one, Tab leaves the view. */
  g_assert_false (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));

  /* Left goes back in time, Right forward; at the ends they stay. */
  g_assert_true (activate_shortcut (view, GDK_KEY_Left, 0));
  assert_on_row (fixture, in_time_order[4]);
  g_assert_true (activate_shortcut (view, GDK_KEY_Left, 0));
  assert_on_row (fixture, in_time_order[3]);
  g_assert_true (activate_shortcut (view, GDK_KEY_Right, 0));
  assert_on_row (fixture, in_time_order[4]);
  g_assert_true (activate_shortcut (view, GDK_KEY_Home, 0));
  g_assert_true (activate_shortcut (view, GDK_KEY_Left, 0));
  assert_on_row (fixture, in_time_order[0]);

  /* Shift+Tab at the first touchpoint leaves too. */
  g_assert_false (gtk_widget_child_focus (view, GTK_DIR_TAB_BACKWARD));

  /* Ctrl+Tab leaves at once, from any touchpoint, and only then. */
  g_assert_true (activate_shortcut (view, GDK_KEY_Right, 0));
  g_assert_false (send_key_press (view, GDK_KEY_Tab, GDK_CONTROL_MASK));
  g_assert_false (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  assert_on_row (fixture, in_time_order[1]);
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  assert_on_row (fixture, in_time_order[2]);
  g_assert_true (activate_shortcut (view, GDK_KEY_Home, 0));

  /* Enter opens the touchpoint. */
  g_assert_true (activate_shortcut (view, GDK_KEY_Return, 0));
  g_assert_cmpint (fixture->activated, ==, fixture->touchpoints[in_time_order[0]]);
}

/* Zoomed in, moving the keyboard to a touchpoint outside the window
 * brings it into view. */
static void
test_focus_scrolls (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *view;
  gint64 start, end, time;

  show_view (fixture, fixture->customer, GTK_TEXT_DIR_LTR);
  view = GTK_WIDGET (fixture->view);
  tab_in (fixture, GTK_DIR_TAB_FORWARD);
  for (guint i = 0; i < 4; i++)
    g_assert_true (activate_shortcut (view, GDK_KEY_plus, 0));
  g_assert_true (activate_shortcut (view, GDK_KEY_Home, 0));
  for (guint i = 1; i < G_N_ELEMENTS (in_time_order); i++)
    {
      g_assert_true (activate_shortcut (view, GDK_KEY_Right, 0));
      assert_on_row (fixture, in_time_order[i]);
      get_window (fixture, &start, &end);
      time = T0 + journey_rows[in_time_order[i]].day * DAY + 3600;
      g_assert_cmpint (time, >=, start);
      g_assert_cmpint (time, <=, end);
    }
}

/* From right to left, time runs leftwards: Left is later. */
static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *view;
  gint64 start, end, s, e;
  graphene_rect_t first, last;

  show_view (fixture, fixture->customer, GTK_TEXT_DIR_RTL);
  view = GTK_WIDGET (fixture->view);
  g_assert_true (crm_timeline_view_get_mark_rect (fixture->view, 0, &first));
  g_assert_true (crm_timeline_view_get_mark_rect (fixture->view, G_N_ELEMENTS (in_time_order) - 1, &last));
  g_assert_cmpfloat (first.origin.x, >, last.origin.x);

  tab_in (fixture, GTK_DIR_TAB_FORWARD);
  assert_on_row (fixture, in_time_order[0]);
  g_assert_true (activate_shortcut (view, GDK_KEY_Left, 0));
  assert_on_row (fixture, in_time_order[1]);
  g_assert_true (activate_shortcut (view, GDK_KEY_Right, 0));
  assert_on_row (fixture, in_time_order[0]);

  g_assert_true (activate_shortcut (view, GDK_KEY_plus, 0));
  get_window (fixture, &start, &end);
  g_assert_true (activate_shortcut (view, GDK_KEY_Left, GDK_SHIFT_MASK));
  get_window (fixture, &s, &e);
  g_assert_cmpint (s, >, start);
}

/* A touchpoint saved elsewhere shows once the journey reads it again;
 * the keyboard stays on the touchpoint it was on. */
static void
test_follows_the_store (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 added;
  CrmTimelineData *timeline;

  show_view (fixture, fixture->customer, GTK_TEXT_DIR_LTR);
  tab_in (fixture, GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->view), GTK_DIR_TAB_FORWARD));
  assert_on_row (fixture, in_time_order[1]);

  added = add_touchpoint (fixture, T0 - 5 * DAY, AD_VIEW, EMAIL, 2);
  while (crm_timeline_data_get_n_marks (crm_timeline_view_get_data (fixture->view)) == G_N_ELEMENTS (journey_rows))
    g_main_context_iteration (NULL, TRUE);
  timeline = crm_timeline_view_get_data (fixture->view);
  g_assert_cmpint (crm_timeline_data_get_n_marks (timeline), ==, G_N_ELEMENTS (journey_rows) + 1);
  g_assert_cmpint (crm_timeline_data_get_mark (timeline, 0)->id, ==, added);
  /* The same touchpoint, now one place later. */
  g_assert_cmpint (crm_timeline_view_get_focused_mark (fixture->view), ==, 2);
  assert_on_row (fixture, in_time_order[1]);

  g_assert_true (crm_timeline_view_focus_touchpoint (fixture->view, added));
  g_assert_cmpint (crm_timeline_view_get_focused_mark (fixture->view), ==, 0);
  g_assert_true (g_str_has_prefix (crm_timeline_view_get_focused_text (fixture->view), "Ad view · E-mail"));
}

static void
test_transaction_tooltip (Fixture       *fixture,
                          gconstpointer  data)
{
  CrmTimelineData *timeline;
  double width, height;
  g_autofree char *text = NULL;
  gboolean found = FALSE;

  show_view (fixture, fixture->customer, GTK_TEXT_DIR_LTR);
  timeline = crm_timeline_view_get_data (fixture->view);
  g_assert_cmpint (crm_timeline_data_get_n_transactions (timeline), ==, 1);
  width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  height = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  /* Somewhere in the lower part of the view the bar is under the pointer. */
  for (double y = height / 2; y < height && !found; y += 2)
    for (double x = 0; x < width && !found; x += 1)
      {
        g_autofree char *at = crm_timeline_view_describe_at (fixture->view, x, y);

        if (at != NULL && g_str_has_prefix (at, "Annual plan"))
          {
            text = g_steal_pointer (&at);
            found = TRUE;
          }
      }
  g_assert_true (found);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "480"));
  g_assert_null (strstr (text, "148000"));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  show_view (fixture, fixture->empty_customer, GTK_TEXT_DIR_LTR);
  g_assert_true (crm_timeline_view_is_empty (fixture->view));
  g_assert_false (crm_timeline_view_get_window (fixture->view, NULL, NULL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No touchpoints yet.");
  /* The view still takes the focus, says nothing is focused and zooms
   * nothing. */
  tab_in (fixture, GTK_DIR_TAB_FORWARD);
  g_assert_cmpint (crm_timeline_view_get_focused_mark (fixture->view), ==, -1);
  g_assert_false (activate_shortcut (GTK_WIDGET (fixture->view), GDK_KEY_Right, 0));
  g_assert_false (crm_timeline_view_zoom (fixture->view, 2));
  g_assert_null (crm_timeline_view_describe_at (fixture->view, 450, 180));
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (fixture->view), GTK_DIR_TAB_FORWARD));

  /* The first touchpoint ends the empty state. */
  fixture->customer = fixture->empty_customer;
  add_touchpoint (fixture, T0, SIGN_UP, WEB, 4);
  while (crm_timeline_view_is_empty (fixture->view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (crm_timeline_data_get_n_marks (crm_timeline_view_get_data (fixture->view)), ==, 1);
}

/* GTK's test accessibility backend tells of every state change on
 * stdout, where TAP goes: those lines are left out. */
static void
print_tap_only (const char *text)
{
  if (!g_str_has_prefix (text, "Accessible state changed"))
    {
      fputs (text, stdout);
      fflush (stdout);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* What screen readers get is kept where the test can read it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_set_print_handler (print_tap_only);
  g_test_init (&argc, &argv, NULL);

  if (!init_display_or_skip ())
    return g_test_run ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/timeline-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("keyboard-zoom-and-scroll", test_keyboard_zoom_and_scroll);
  ADD ("focus-in-time-order", test_focus_in_time_order);
  ADD ("focus-scrolls", test_focus_scrolls);
  ADD ("right-to-left", test_right_to_left);
  ADD ("follows-the-store", test_follows_the_store);
  ADD ("transaction-tooltip", test_transaction_tooltip);
  ADD ("empty", test_empty);
#undef ADD

  return g_test_run ();
}
