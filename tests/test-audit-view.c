/* test-audit-view.c: the CRM audit view under a (headless) display, driven
 * through its widgets: Enter on a KPI's row opens the target editor, a
 * target typed and activated is stored and the row's attainment shows
 * the actual value (read here with plain SQL) against it; removing a
 * target offers Undo in a toast, and Undo puts it back; what is not a
 * valid target is marked on the entry, said in words and never stored;
 * Escape closes the editor. Run with G_DEBUG=fatal-warnings. */
#include <math.h>

#include "crm-audit-view.h"
#include "crm-demo-generator.h"
#include "crm-test-utils.h"
#include "crm-ui-test-utils.h"

/* 2026-01-01T00:00:00Z: the demo data ends there, and 2025 is audited. */
#define END_OF_DATA G_GINT64_CONSTANT (1767225600)

typedef struct
{
  char         *dir;
  char         *path;
  CrmStore     *store;
  CrmKpiScope  *scope;
  CrmPeriod    *period;
  GtkWindow    *window;
  CrmAuditView *view;
  GPtrArray    *toasts;
} Fixture;

static void
on_toast (CrmAuditView *view,
          AdwToast     *toast,
          Fixture      *fixture)
{
  g_ptr_array_add (fixture->toasts, g_object_ref (toast));
}

static gboolean
view_idle (gpointer data)
{
  return !crm_audit_view_is_busy (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDemoGenerator) generator = crm_demo_generator_new (7, 60);

  fixture->dir = crm_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "audit.db", NULL);
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  crm_demo_generator_set_end_time (generator, END_OF_DATA);
  g_assert_true (crm_demo_generator_run (generator, fixture->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  fixture->scope = crm_kpi_scope_new_company ();
  fixture->period = crm_period_new_calendar (CRM_PERIOD_YEAR, 2025, 0);
  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 800);
  fixture->view = CRM_AUDIT_VIEW (crm_audit_view_new ());
  g_signal_connect (fixture->view, "toast", G_CALLBACK (on_toast), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  crm_audit_view_set_store (fixture->view, fixture->store);
  crm_audit_view_set_scope_and_period (fixture->view, fixture->scope, fixture->period);
  g_assert_true (crm_audit_view_is_busy (fixture->view));
  iterate_until (view_idle, fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->toasts);
  gtk_window_destroy (fixture->window);
  /* The computation's thread lets go of its connection. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_clear_pointer (&fixture->scope, crm_kpi_scope_free);
  g_clear_pointer (&fixture->period, crm_period_free);
  crm_test_finalize (fixture->store);
  crm_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Widgets */

static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found)
        return found;
    }
  return NULL;
}

static GtkListBoxRow *
kpi_row (Fixture *fixture,
         CrmKpi   kpi)
{
  GtkWidget *list = find_by_type (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  /* One row per KPI, in their order. */
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), kpi);
}

static GtkPopover *
row_editor (Fixture *fixture,
            CrmKpi   kpi)
{
  GtkWidget *popover = find_by_type (GTK_WIDGET (kpi_row (fixture, kpi)), GTK_TYPE_POPOVER);

  g_assert_nonnull (popover);
  return GTK_POPOVER (popover);
}

static GtkEntry *
row_entry (Fixture *fixture,
           CrmKpi   kpi)
{
  GtkWidget *entry = find_by_type (GTK_WIDGET (row_editor (fixture, kpi)), GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  return GTK_ENTRY (entry);
}

static const char *
attainment_text (Fixture *fixture,
                 CrmKpi   kpi)
{
  GtkWidget *cell = find_by_class (GTK_WIDGET (kpi_row (fixture, kpi)), "audit-attainment");

  g_assert_nonnull (cell);
  return gtk_label_get_label (GTK_LABEL (find_by_type (cell, GTK_TYPE_LABEL)));
}

static gboolean
attainment_has_class (Fixture    *fixture,
                      CrmKpi      kpi,
                      const char *css_class)
{
  return gtk_widget_has_css_class (find_by_class (GTK_WIDGET (kpi_row (fixture, kpi)), "audit-attainment"),
                                   css_class);
}

/* Enter on the KPI's row: the window activates the focused row. */
static GtkEntry *
open_editor (Fixture *fixture,
             CrmKpi   kpi)
{
  GtkListBoxRow *row = kpi_row (fixture, kpi);

  gtk_widget_grab_focus (GTK_WIDGET (row));
  /* The window's focus, not the display's: with tests running side by
   * side on one headless display, this window need not be the active
   * one. */
  g_assert_true (gtk_window_get_focus (fixture->window) == GTK_WIDGET (row));
  g_assert_true (activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_Return, 0));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row_editor (fixture, kpi))));
  return row_entry (fixture, kpi);
}

static void
type_target (GtkEntry   *entry,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static double
stored_target (Fixture *fixture,
               CrmKpi   kpi)
{
  g_autoptr(GError) error = NULL;
  double target = 0;

  g_assert_true (crm_store_get_kpi_target (fixture->store, kpi, fixture->scope, fixture->period, &target, &error));
  g_assert_no_error (error);
  return target;
}

/* The revenue of 2025 in minor units, from the transactions themselves. */
static gint64
revenue_2025 (Fixture *fixture)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(sum(amount), 0) FROM transactions WHERE status = 1"
                                          " AND occurred_at >= %" G_GINT64_FORMAT " AND occurred_at < %" G_GINT64_FORMAT,
                                          crm_period_get_start (fixture->period), crm_period_get_end (fixture->period));

  return crm_test_query_int (fixture->path, sql);
}

/* A share as crm_value_format() writes it in the C locale: 62.5 %. */
static char *
percent_text (double share)
{
  return g_strdup_printf ("%.1f %%", round (share * 1000) / 10);
}

static void
test_set_target (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 revenue = revenue_2025 (fixture);
  /* A target in whole euros a quarter above the revenue: about 80 %. */
  gint64 target_major = (gint64) ceil (revenue / 100.0 * 1.25);
  g_autofree char *typed = g_strdup_printf ("%" G_GINT64_FORMAT, target_major);
  g_autofree char *expected = percent_text ((double) revenue / (double) (target_major * 100));
  GtkEntry *entry;

  g_assert_cmpint (revenue, >, 0);
  g_assert_true (isnan (stored_target (fixture, CRM_KPI_REVENUE)));
  g_assert_cmpstr (attainment_text (fixture, CRM_KPI_REVENUE), ==, "No target");
  g_assert_true (attainment_has_class (fixture, CRM_KPI_REVENUE, "audit-no-target"));

  entry = open_editor (fixture, CRM_KPI_REVENUE);
  /* Money is typed in euros and stored in cents. */
  type_target (entry, typed);
  g_assert_cmpfloat (stored_target (fixture, CRM_KPI_REVENUE), ==, (double) target_major * 100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row_editor (fixture, CRM_KPI_REVENUE))));
  g_assert_cmpstr (attainment_text (fixture, CRM_KPI_REVENUE), ==, expected);
  g_assert_true (attainment_has_class (fixture, CRM_KPI_REVENUE, "audit-missed"));
  /* The same once the audit is computed again from the database. */
  iterate_until (view_idle, fixture->view);
  g_assert_cmpstr (attainment_text (fixture, CRM_KPI_REVENUE), ==, expected);
  /* Target attainment counts it: one target, not met. */
  g_assert_true (has_label (GTK_WIDGET (fixture->view), "0 of 1 target met"));

  /* Changed to just under the revenue: met. */
  entry = open_editor (fixture, CRM_KPI_REVENUE);
  g_free (typed);
  typed = g_strdup_printf ("%" G_GINT64_FORMAT ".00", target_major);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, typed);
  g_free (typed);
  typed = g_strdup_printf ("%.2f", (revenue - 1) / 100.0);
  type_target (entry, typed);
  g_assert_cmpfloat (stored_target (fixture, CRM_KPI_REVENUE), ==, (double) (revenue - 1));
  g_assert_true (attainment_has_class (fixture, CRM_KPI_REVENUE, "audit-met"));
  g_free (expected);
  expected = percent_text ((double) revenue / (double) (revenue - 1));
  g_assert_cmpstr (attainment_text (fixture, CRM_KPI_REVENUE), ==, expected);
  iterate_until (view_idle, fixture->view);
  g_assert_true (has_label (GTK_WIDGET (fixture->view), "1 of 1 target met"));

  /* A share is typed as a percentage, with or without the sign. */
  entry = open_editor (fixture, CRM_KPI_DATA_COMPLETENESS);
  type_target (entry, "25 %");
  g_assert_cmpfloat_with_epsilon (stored_target (fixture, CRM_KPI_DATA_COMPLETENESS), 0.25, 1e-12);
  entry = open_editor (fixture, CRM_KPI_CONVERSION_RATE);
  type_target (entry, "12.5");
  g_assert_cmpfloat_with_epsilon (stored_target (fixture, CRM_KPI_CONVERSION_RATE), 0.125, 1e-12);
  iterate_until (view_idle, fixture->view);
}

static void
test_no_target_for_attainment (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkListBoxRow *row = kpi_row (fixture, CRM_KPI_TARGET_ATTAINMENT);

  /* Counted from the others' targets: nothing to edit or remove. */
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_assert_false (gtk_widget_get_visible (find_by_class (GTK_WIDGET (row), "audit-edit")));
  g_assert_false (gtk_widget_get_visible (find_by_class (GTK_WIDGET (row), "audit-remove")));
  crm_audit_view_edit_target (fixture->view, CRM_KPI_TARGET_ATTAINMENT);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row_editor (fixture, CRM_KPI_TARGET_ATTAINMENT))));
  /* The snapshots of RFM can have one. */
  g_assert_true (gtk_widget_get_visible (find_by_class (GTK_WIDGET (kpi_row (fixture, CRM_KPI_RFM_CHAMPIONS)),
                                                        "audit-edit")));
}

static void
assert_rejected (Fixture    *fixture,
                 CrmKpi      kpi,
                 const char *text)
{
  GtkEntry *entry = open_editor (fixture, kpi);
  GtkPopover *editor = row_editor (fixture, kpi);
  GtkWidget *message = find_by_class (GTK_WIDGET (editor), "error");
  const char *tooltip;

  type_target (entry, text);
  g_assert_true (isnan (stored_target (fixture, kpi)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (entry));
  g_assert_nonnull (tooltip);
  /* The message beside the entry says the same. */
  while (message != NULL && !GTK_IS_LABEL (message))
    message = find_by_class (gtk_widget_get_next_sibling (message), "error");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (message)), ==, tooltip);
  g_test_message ("%s → %s", text, tooltip);

  /* Typing again clears the mark; Escape closes the editor. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "1");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (send_key_press (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (isnan (stored_target (fixture, kpi)));
}

static void
test_invalid_input (Fixture       *fixture,
                    gconstpointer  data)
{
  assert_rejected (fixture, CRM_KPI_NEW_CUSTOMERS, "many");
  assert_rejected (fixture, CRM_KPI_NEW_CUSTOMERS, "");
  assert_rejected (fixture, CRM_KPI_NEW_CUSTOMERS, "12.5");
  assert_rejected (fixture, CRM_KPI_NEW_CUSTOMERS, "-4");
  assert_rejected (fixture, CRM_KPI_CONVERSION_RATE, "150 %");
  assert_rejected (fixture, CRM_KPI_AVERAGE_SATISFACTION, "7");
  assert_rejected (fixture, CRM_KPI_REVENUE, "12,34,5");
  assert_rejected (fixture, CRM_KPI_REVENUE, "1e999");
  g_assert_cmpuint (fixture->toasts->len, ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM kpi_targets"), ==, 0);
}

static void
test_remove_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkListBoxRow *row = kpi_row (fixture, CRM_KPI_NEW_CUSTOMERS);
  GtkWidget *remove = find_by_class (GTK_WIDGET (row), "audit-remove");
  g_autofree char *expected = NULL;
  AdwToast *toast;
  GtkEntry *entry;

  g_assert_false (gtk_widget_get_visible (remove));
  entry = open_editor (fixture, CRM_KPI_NEW_CUSTOMERS);
  type_target (entry, "40");
  g_assert_cmpfloat (stored_target (fixture, CRM_KPI_NEW_CUSTOMERS), ==, 40);
  expected = g_strdup (attainment_text (fixture, CRM_KPI_NEW_CUSTOMERS));
  g_assert_cmpstr (expected, !=, "No target");
  iterate_until (view_idle, fixture->view);

  /* Removed at once, without a question; the toast can take it back. */
  g_assert_true (gtk_widget_get_visible (remove));
  g_signal_emit_by_name (remove, "clicked");
  g_assert_true (isnan (stored_target (fixture, CRM_KPI_NEW_CUSTOMERS)));
  g_assert_cmpstr (attainment_text (fixture, CRM_KPI_NEW_CUSTOMERS), ==, "No target");
  g_assert_false (gtk_widget_get_visible (remove));
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture->toasts, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Target for “New customers” removed");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  iterate_until (view_idle, fixture->view);
  g_assert_true (has_label (GTK_WIDGET (fixture->view), "No targets set"));

  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpfloat (stored_target (fixture, CRM_KPI_NEW_CUSTOMERS), ==, 40);
  g_assert_cmpstr (attainment_text (fixture, CRM_KPI_NEW_CUSTOMERS), ==, expected);
  g_assert_true (gtk_widget_get_visible (remove));
  iterate_until (view_idle, fixture->view);
  g_assert_cmpstr (attainment_text (fixture, CRM_KPI_NEW_CUSTOMERS), ==, expected);

  /* Delete on the row removes it too. */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (activate_shortcut (GTK_WIDGET (fixture->view), GDK_KEY_Delete, 0));
  g_assert_true (isnan (stored_target (fixture, CRM_KPI_NEW_CUSTOMERS)));
  g_assert_cmpuint (fixture->toasts->len, ==, 2);
  iterate_until (view_idle, fixture->view);
}

/* The toast outlives the view: Undo still puts the target back. */
static void
test_undo_after_view_is_gone (void)
{
  Fixture fixture = { 0 };
  g_autoptr(AdwToast) toast = NULL;
  GtkEntry *entry;

  fixture_set_up (&fixture, NULL);
  entry = open_editor (&fixture, CRM_KPI_ACTIVE_CUSTOMERS);
  type_target (entry, "30");
  iterate_until (view_idle, fixture.view);
  g_signal_emit_by_name (find_by_class (GTK_WIDGET (kpi_row (&fixture, CRM_KPI_ACTIVE_CUSTOMERS)), "audit-remove"),
                         "clicked");
  g_assert_cmpuint (fixture.toasts->len, ==, 1);
  toast = g_object_ref (g_ptr_array_index (fixture.toasts, 0));
  iterate_until (view_idle, fixture.view);
  gtk_window_destroy (fixture.window);
  fixture.window = GTK_WINDOW (gtk_window_new ());

  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpfloat (stored_target (&fixture, CRM_KPI_ACTIVE_CUSTOMERS), ==, 30);
  /* It holds the store. */
  g_clear_object (&toast);
  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!init_display_or_skip ())
    return g_test_run ();
  adw_init ();

  g_test_add ("/audit-view/set-target", Fixture, NULL, fixture_set_up, test_set_target, fixture_tear_down);
  g_test_add ("/audit-view/no-target-for-attainment", Fixture, NULL, fixture_set_up,
              test_no_target_for_attainment, fixture_tear_down);
  g_test_add ("/audit-view/invalid-input", Fixture, NULL, fixture_set_up, test_invalid_input, fixture_tear_down);
  g_test_add ("/audit-view/remove-and-undo", Fixture, NULL, fixture_set_up, test_remove_and_undo,
              fixture_tear_down);
  g_test_add_func ("/audit-view/undo-after-view-is-gone", test_undo_after_view_is_gone);

  return g_test_run ();
}
