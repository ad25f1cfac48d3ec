/* test-touchpoint-dialog.c: recording a touchpoint from a customer's page
 * under a (headless) display, with the keyboard only: Ctrl+T opens the
 * dialog on the type, typed letters pick the type, channel, direction,
 * outcome and transaction, a digit the satisfaction, and Enter stores
 * exactly what was chosen (checked with plain SQL); the timeline then
 * shows the touchpoint and a toast's Undo deletes it again. A type whose
 * minimum data needs an e-mail warns about a customer without one, not
 * about one with one, and still adds the touchpoint; Add and Fill In puts
 * the focus in the customer's e-mail field. A time that is not one is
 * refused on its row and nothing is stored; Escape stores nothing; an
 * edit is stored and undone; the list shows the touchpoints newest
 * first. Run with G_DEBUG=fatal-warnings. */
#include <string.h>

#include "crm-customer-editor.h"
#include "crm-journey-panel.h"
#include "crm-store-fixture.h"
#include "crm-test-utils.h"
#include "crm-ui-test-utils.h"

#define DAY G_GINT64_CONSTANT (86400)
/* 2025-03-01T09:00:00Z */
#define T0 G_GINT64_CONSTANT (1740819600)

typedef enum { WEB, EMAIL, PHONE, N_CHANNELS } Channel;
typedef enum { VISIT, TRIAL, COMPLAINT, N_TYPES } Type;

static const char *channel_names[] = { "Web", "E-mail", "Phone" };
static const char *type_names[] = { "Website visit", "Free trial sign-up", "Complaint" };
static const CrmDataField type_data[] = {
  CRM_DATA_FIELD_NONE, CRM_DATA_FIELD_EMAIL, CRM_DATA_FIELD_NAME | CRM_DATA_FIELD_PHONE,
};

typedef struct
{
  CrmStoreFixture    base;
  gint64             channels[N_CHANNELS];
  gint64             types[N_TYPES];
  gint64             with_email;     /* Ben: name, e-mail, two touchpoints, an order */
  gint64             without_email;  /* Ana: a name only */
  gint64             transaction;
  gint64             first_touchpoint;
  GtkWindow         *window;
  CrmCustomerEditor *editor;
  CrmJourneyPanel   *panel;
  GPtrArray         *toasts;
} Fixture;

static gint64
add_customer (Fixture    *fixture,
              const char *name,
              const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = crm_customer_new ();

  crm_customer_set_display_name (customer, name);
  if (email != NULL)
    {
      g_autoptr(CrmContactPoint) point = crm_contact_point_new (CRM_CONTACT_KIND_EMAIL, email, "work", TRUE);

      crm_customer_add_contact_point (customer, point);
    }
  g_assert_true (crm_store_save_customer (fixture->base.store, customer, &error));
  g_assert_no_error (error);
  return crm_customer_get_id (customer);
}

static gint64
add_touchpoint (Fixture *fixture,
                gint64   customer_id,
                gint64   time,
                Type     type,
                Channel  channel)
{
  return crm_store_fixture_add_touchpoint (&fixture->base, customer_id, time, fixture->types[type],
                                           fixture->channels[channel], 4);
}

static void
on_toast (CrmJourneyPanel *panel,
          AdwToast        *toast,
          Fixture         *fixture)
{
  g_ptr_array_add (fixture->toasts, g_object_ref (toast));
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
      crm_touchpoint_type_set_stage (type, i == COMPLAINT ? "service" : "awareness");
      crm_touchpoint_type_set_required_data (type, type_data[i]);
      g_assert_true (crm_store_save_touchpoint_type (fixture->base.store, type, &error));
      fixture->types[i] = crm_touchpoint_type_get_id (type);
    }
  g_assert_no_error (error);

  fixture->with_email = add_customer (fixture, "Ben Okafor", "ben@example.org");
  fixture->without_email = add_customer (fixture, "Ana Lima", NULL);
  fixture->first_touchpoint = add_touchpoint (fixture, fixture->with_email, T0, VISIT, WEB);
  add_touchpoint (fixture, fixture->with_email, T0 + 3 * DAY, TRIAL, EMAIL);
  crm_transaction_set_customer_id (transaction, fixture->with_email);
  crm_transaction_set_occurred_at (transaction, T0 + 5 * DAY);
  crm_transaction_set_amount (transaction, 148000);
  crm_transaction_set_currency (transaction, "EUR");
  crm_transaction_set_product (transaction, "Annual plan");
  crm_transaction_set_status (transaction, CRM_TRANSACTION_STATUS_COMPLETED);
  g_assert_true (crm_store_save_transaction (fixture->base.store, transaction, &error));
  g_assert_no_error (error);
  fixture->transaction = crm_transaction_get_id (transaction);

  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 900);
  fixture->editor = CRM_CUSTOMER_EDITOR (crm_customer_editor_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  fixture->panel = CRM_JOURNEY_PANEL (find_by_type (GTK_WIDGET (fixture->editor), CRM_TYPE_JOURNEY_PANEL));
  g_assert_nonnull (fixture->panel);
  g_signal_connect (fixture->panel, "toast", G_CALLBACK (on_toast), fixture);
  gtk_window_present (fixture->window);
}

static void
close_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRM_IS_TOUCHPOINT_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_dialogs ();
  gtk_window_destroy (fixture->window);
  g_ptr_array_unref (fixture->toasts);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  crm_store_fixture_tear_down (&fixture->base, data);
}

static void
open_customer (Fixture *fixture,
               gint64   customer_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_customer_editor_load (fixture->editor, fixture->base.store, customer_id, &error));
  g_assert_no_error (error);
}

/* Widgets */

static GtkWidget *
row (CrmTouchpointDialog *dialog,
     const char          *title)
{
  GtkWidget *found = find_row_titled (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (found);
  return found;
}

/* Typing on the focused row, letter by letter, as a new search: what
 * was typed before is erased first, as a pause would. */
static void
type_on (GtkWidget  *widget,
         const char *text)
{
  gtk_widget_grab_focus (widget);
  while (send_key_press (widget, GDK_KEY_BackSpace, 0))
    ;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_true (send_key_press (widget, gdk_unicode_to_keyval (g_utf8_get_char (p)), 0));
}

static const char *
selected_text (GtkWidget *combo_row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (combo_row));

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

static CrmTouchpointDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  CrmTouchpointDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRM_IS_TOUCHPOINT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

/* Ctrl+T on the customer's page opens the dialog with the focus on the
 * type. */
static CrmTouchpointDialog *
press_ctrl_t (Fixture *fixture)
{
  CrmTouchpointDialog *dialog;

  press_ctrl (GTK_WIDGET (fixture->editor), GDK_KEY_t);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == row (dialog, "_Type"));
  return dialog;
}

static void
press_enter (CrmTouchpointDialog *dialog)
{
  g_assert_true (send_key_press (GTK_WIDGET (dialog), GDK_KEY_Return, 0));
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return crm_test_query_int (fixture->base.path, sql);
}

static gint64
n_touchpoints (Fixture *fixture)
{
  return count (fixture, "SELECT count(*) FROM touchpoints");
}

static gint64
local_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static gboolean
journey_has (gpointer data)
{
  gpointer *args = data;
  CrmJourney *journey = args[0];

  return crm_journey_get_n_items (journey) == GPOINTER_TO_UINT (args[1]);
}

static void
wait_for_n (CrmJourney *journey,
            guint       n)
{
  gpointer args[] = { journey, GUINT_TO_POINTER (n) };

  iterate_until (journey_has, args);
}

/* Tests */

static void
test_add_with_the_keyboard (Fixture       *fixture,
                            gconstpointer  data)
{
  CrmTouchpointDialog *dialog;
  CrmJourney *journey;
  g_autofree char *sql = NULL;
  g_autofree char *note = NULL;
  gint64 id, now, shown;
  GtkTextBuffer *buffer;
  AdwToast *toast;

  open_customer (fixture, fixture->with_email);
  journey = crm_journey_panel_get_journey (fixture->panel);
  g_assert_cmpint (crm_journey_get_n_items (journey), ==, 2);
  dialog = press_ctrl_t (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* The time is now, to the minute. */
  now = g_get_real_time () / G_USEC_PER_SEC;
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
    g_autofree char *text = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "_When (year-month-day hours:minutes)"))),
                                         ":00", NULL);
    g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, zone);

    g_assert_nonnull (parsed);
    shown = g_date_time_to_unix (parsed);
    g_assert_cmpint (now - shown, >=, 0);
    g_assert_cmpint (now - shown, <, 120);
  }

  type_on (row (dialog, "_Type"), "comp");
  g_assert_cmpstr (selected_text (row (dialog, "_Type")), ==, "Complaint");
  type_on (row (dialog, "C_hannel"), "pho");
  g_assert_cmpstr (selected_text (row (dialog, "C_hannel")), ==, "Phone");
  gtk_editable_set_text (GTK_EDITABLE (row (dialog, "_When (year-month-day hours:minutes)")), "2025-03-14 15:42");
  type_on (row (dialog, "_Direction"), "out");
  type_on (row (dialog, "_Outcome"), "neg");
  type_on (row (dialog, "_Satisfaction"), "2");
  type_on (row (dialog, "Led to a T_ransaction"), "ann");
  g_assert_true (g_str_has_prefix (selected_text (row (dialog, "Led to a T_ransaction")), "Annual plan"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, "Parcel arrived damaged", -1);

  gtk_widget_grab_focus (row (dialog, "Led to a T_ransaction"));
  press_enter (dialog);
  g_assert_null (dialog);

  g_assert_cmpint (n_touchpoints (fixture), ==, 3);
  id = count (fixture, "SELECT max(id) FROM touchpoints");
  sql = g_strdup_printf ("SELECT customer_id = %" G_GINT64_FORMAT " AND type_id = %" G_GINT64_FORMAT
                         " AND channel_id = %" G_GINT64_FORMAT " AND occurred_at = %" G_GINT64_FORMAT
                         " AND direction = %d AND outcome = %d AND satisfaction = 2"
                         " AND transaction_id = %" G_GINT64_FORMAT " FROM touchpoints WHERE id = %" G_GINT64_FORMAT,
                         fixture->with_email, fixture->types[COMPLAINT], fixture->channels[PHONE],
                         local_time (2025, 3, 14, 15, 42), CRM_DIRECTION_OUTBOUND, CRM_OUTCOME_NEGATIVE,
                         fixture->transaction, id);
  g_assert_cmpint (count (fixture, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT note FROM touchpoints WHERE id = %" G_GINT64_FORMAT, id);
  note = crm_test_query_text (fixture->base.path, sql);
  g_assert_cmpstr (note, ==, "Parcel arrived damaged");

  /* The timeline shows it, with the keyboard on it. */
  wait_for_n (journey, 3);
  g_assert_cmpint (crm_timeline_view_get_focused_touchpoint (crm_journey_panel_get_timeline (fixture->panel)), ==, id);
  g_assert_true (g_str_has_prefix (crm_timeline_view_get_focused_text (crm_journey_panel_get_timeline (fixture->panel)),
                                   "Complaint · Phone · 14 March 2025, 15:42"));

  /* Undo, in the toast, deletes it. */
  g_assert_cmpint (fixture->toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture->toasts, 0);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "Complaint"));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpint (n_touchpoints (fixture), ==, 2);
  wait_for_n (journey, 2);
}

static void
test_missing_data (Fixture       *fixture,
                   gconstpointer  data)
{
  CrmTouchpointDialog *dialog;
  GtkWidget *warning, *focus;
  g_autofree char *sql = NULL;

  /* Ana has no e-mail: a free trial sign-up needs one. */
  open_customer (fixture, fixture->without_email);
  dialog = press_ctrl_t (fixture);
  type_on (row (dialog, "_Type"), "web");
  g_assert_cmpstr (selected_text (row (dialog, "_Type")), ==, "Website visit");
  g_assert_cmpint (crm_touchpoint_dialog_get_missing (dialog), ==, CRM_DATA_FIELD_NONE);
  g_assert_null (find_row_titled (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "“Free trial sign-up” needs the customer’s e-mail"));

  type_on (row (dialog, "_Type"), "trial");
  g_assert_cmpstr (selected_text (row (dialog, "_Type")), ==, "Free trial sign-up");
  g_assert_cmpint (crm_touchpoint_dialog_get_missing (dialog), ==, CRM_DATA_FIELD_EMAIL);
  warning = row (dialog, "“Free trial sign-up” needs the customer’s e-mail");
  g_assert_true (gtk_widget_is_visible (warning));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (warning)), ==,
                   "Missing: e-mail. The touchpoint can be added all the same.");

  /* A complaint needs a name, which she has, and a phone, which she has
   * not: only the phone is said to be missing. */
  type_on (row (dialog, "_Type"), "comp");
  g_assert_cmpint (crm_touchpoint_dialog_get_missing (dialog), ==, CRM_DATA_FIELD_PHONE);
  warning = row (dialog, "“Complaint” needs the customer’s name, phone");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (warning)), ==,
                   "Missing: phone. The touchpoint can be added all the same.");

  /* Add and Fill In adds it and takes the focus to her (new) e-mail field. */
  type_on (row (dialog, "_Type"), "trial");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "touchpoint.save-and-fill-in", NULL));
  g_assert_null (find_dialog ());
  sql = g_strdup_printf ("SELECT count(*) FROM touchpoints WHERE customer_id = %" G_GINT64_FORMAT,
                         fixture->without_email);
  g_assert_cmpint (count (fixture, sql), ==, 1);
  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW))),
                   ==, "E-mail");

  /* Ben has an e-mail: no warning, and Enter adds as usual. */
  open_customer (fixture, fixture->with_email);
  dialog = press_ctrl_t (fixture);
  type_on (row (dialog, "_Type"), "trial");
  g_assert_cmpint (crm_touchpoint_dialog_get_missing (dialog), ==, CRM_DATA_FIELD_NONE);
  g_assert_null (find_row_titled (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "“Free trial sign-up” needs the customer’s e-mail"));
  press_enter (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpint (n_touchpoints (fixture), ==, 4);
}

static void
test_invalid_time (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *invalid[] = { "2025-02-30 10:00", "yesterday", "2025-03-14 25:00", "14.03.2025 10:00",
                                   "2025-03-14 10:00 and more", "" };
  CrmTouchpointDialog *dialog;
  GtkWidget *time;

  open_customer (fixture, fixture->with_email);
  dialog = press_ctrl_t (fixture);
  time = row (dialog, "_When (year-month-day hours:minutes)");
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (time), invalid[i]);
      gtk_widget_grab_focus (row (dialog, "_Type"));
      press_enter (dialog);
      /* Refused, said on the row, which gets the focus; nothing stored. */
      g_assert_true (find_dialog () == dialog);
      g_assert_true (gtk_widget_has_css_class (time, "error"));
      g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (time)),
                                       "Not a date and time: write it as "));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), time)
                     || gtk_root_get_focus (GTK_ROOT (dialog)) == time);
      g_assert_cmpint (n_touchpoints (fixture), ==, 2);
    }

  /* Put right, it is taken: seconds and the ISO "T" too. */
  gtk_editable_set_text (GTK_EDITABLE (time), "2025-03-14T08:05:30");
  g_assert_false (gtk_widget_has_css_class (time, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (time)), ==,
                   "_When (year-month-day hours:minutes)");
  press_enter (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpint (count (fixture, "SELECT max(occurred_at) FROM touchpoints"), ==,
                   local_time (2025, 3, 14, 8, 5) + 30);
}

static void
test_escape (Fixture       *fixture,
             gconstpointer  data)
{
  CrmTouchpointDialog *dialog;

  open_customer (fixture, fixture->with_email);
  dialog = press_ctrl_t (fixture);
  type_on (row (dialog, "_Type"), "comp");

  /* Escape: the shortcut bound in the dialog's class. */
  press_shortcut (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_dialog ());
  g_assert_cmpint (n_touchpoints (fixture), ==, 2);
  g_assert_cmpint (fixture->toasts->len, ==, 0);
}

/* Enter in the note starts a new line; Ctrl+Enter adds. */
static void
test_note_keys (Fixture       *fixture,
                gconstpointer  data)
{
  CrmTouchpointDialog *dialog;
  GtkWidget *note;

  open_customer (fixture, fixture->with_email);
  dialog = press_ctrl_t (fixture);
  note = find_by_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  gtk_widget_grab_focus (note);
  g_assert_false (send_key_press (GTK_WIDGET (dialog), GDK_KEY_Return, 0));
  g_assert_true (find_dialog () == dialog);

  g_assert_true (send_key_press (GTK_WIDGET (dialog), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_null (find_dialog ());
  g_assert_cmpint (n_touchpoints (fixture), ==, 3);
}

/* Enter on a touchpoint of the timeline opens it; a change is stored and
 * Undo puts it back as it was. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  CrmTouchpointDialog *dialog;
  CrmTimelineView *timeline;
  g_autofree char *sql = g_strdup_printf ("SELECT satisfaction * 10 + channel_id FROM touchpoints WHERE id = %"
                                          G_GINT64_FORMAT, fixture->first_touchpoint);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (T0);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  gint64 before;

  open_customer (fixture, fixture->with_email);
  before = count (fixture, sql);
  timeline = crm_journey_panel_get_timeline (fixture->panel);
  g_assert_true (crm_timeline_view_focus_touchpoint (timeline, fixture->first_touchpoint));
  g_signal_emit_by_name (timeline, "touchpoint-activated", fixture->first_touchpoint);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (selected_text (row (dialog, "_Type")), ==, "Website visit");
  g_assert_cmpstr (selected_text (row (dialog, "C_hannel")), ==, "Web");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, "_When (year-month-day hours:minutes)"))), ==,
                   when);

  type_on (row (dialog, "_Satisfaction"), "1");
  type_on (row (dialog, "C_hannel"), "e-");
  press_enter (dialog);
  g_assert_null (find_dialog ());
  g_assert_cmpint (n_touchpoints (fixture), ==, 2);
  g_assert_cmpint (count (fixture, sql), ==, 10 + fixture->channels[EMAIL]);

  g_assert_cmpint (fixture->toasts->len, ==, 1);
  g_assert_nonnull (strstr (adw_toast_get_title (g_ptr_array_index (fixture->toasts, 0)), "changed"));
  g_signal_emit_by_name (g_ptr_array_index (fixture->toasts, 0), "button-clicked");
  g_assert_cmpint (count (fixture, sql), ==, before);
}

/* The list alternative: the same touchpoints, newest first. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *model;
  g_autoptr(CrmTouchpoint) first = NULL;
  g_autoptr(CrmTouchpoint) second = NULL;

  open_customer (fixture, fixture->with_email);
  g_assert_false (crm_journey_panel_get_show_list (fixture->panel));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "journey.show-list", NULL));
  g_assert_true (crm_journey_panel_get_show_list (fixture->panel));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (crm_journey_panel_get_list (fixture->panel))));

  model = G_LIST_MODEL (gtk_list_view_get_model (crm_journey_panel_get_list (fixture->panel)));
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpint (crm_touchpoint_get_occurred_at (first), >, crm_touchpoint_get_occurred_at (second));
  g_assert_cmpint (crm_touchpoint_get_id (second), ==, fixture->first_touchpoint);

  /* A new touchpoint comes first. */
  add_touchpoint (fixture, fixture->with_email, T0 + 30 * DAY, COMPLAINT, PHONE);
  wait_for_n (crm_journey_panel_get_journey (fixture->panel), 3);
  g_clear_object (&first);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (crm_touchpoint_get_occurred_at (first), ==, T0 + 30 * DAY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!init_display_or_skip ())
    return g_test_run ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/touchpoint-dialog/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-with-the-keyboard", test_add_with_the_keyboard);
  ADD ("missing-data", test_missing_data);
  ADD ("invalid-time", test_invalid_time);
  ADD ("escape", test_escape);
  ADD ("note-keys", test_note_keys);
  ADD ("edit", test_edit);
  ADD ("list", test_list);
#undef ADD

  return g_test_run ();
}
