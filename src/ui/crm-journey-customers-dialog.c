/* crm-journey-customers-dialog.c
 *
 * The search runs in a GTask on a connection of its own: finding who is
 * behind a path reads the touchpoints of every customer analysed. Closing
 * the window cancels it.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-journey-customers-dialog.h"
#include "crm-journeys-data.h"
#include "crm-progress-relay.h"
#include "crm-store.h"
#include "crm-ui.h"

struct _CrmJourneyCustomersDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkStack           *stack;
  GtkProgressBar     *progress;
  GtkWidget          *cancel_button;
  GtkLabel           *count_label;
  GtkListBox         *list;
  AdwStatusPage      *error_page;

  char               *database_path;
  CrmJourneyAnalysis *analysis;
  CrmJourneyElement   element;
  GListStore         *customers;     /* of CrmCustomerSummary */
  GCancellable       *cancellable;   /* while the search runs */
};

G_DEFINE_FINAL_TYPE (CrmJourneyCustomersDialog, crm_journey_customers_dialog, ADW_TYPE_WINDOW)

enum {
  CUSTOMER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char               *path;
  CrmJourneyAnalysis *analysis;
  CrmJourneyElement   element;
  CrmProgressRelay   *relay;
} Search;

static void
search_free (Search *search)
{
  g_free (search->path);
  g_object_unref (search->analysis);
  g_object_unref (search->relay);
  g_free (search);
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Search *search = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (search->path, &error);
  g_autoptr(GArray) ids = NULL;
  GPtrArray *summaries;

  if (store != NULL)
    ids = crm_store_find_journey_customers (store, search->analysis, &search->element, CRM_JOURNEY_CUSTOMERS_LIMIT,
                                            cancellable, crm_progress_relay_report, search->relay, &error);
  if (ids == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  summaries = crm_store_load_customer_summaries (store, (const gint64 *) ids->data, ids->len, &error);
  if (summaries == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summaries, (GDestroyNotify) g_ptr_array_unref);
}

/* How many are listed, and of how many when the list stops short. */
static void
show_count (CrmJourneyCustomersDialog *self,
            guint                      shown)
{
  gint64 total = crm_journeys_data_element_customers (self->analysis, &self->element);
  g_autofree char *shown_text = crm_journeys_format_count (shown);
  g_autofree char *text = NULL;

  /* Fewer than the analysis counted, without reaching the limit: the
   * data changed since, and the list is complete. */
  if (shown >= CRM_JOURNEY_CUSTOMERS_LIMIT && total > (gint64) shown)
    {
      g_autofree char *total_text = crm_journeys_format_count (total);

      /* Translators: the customers listed when the list is cut short:
       * “500 of 12,345 customers: those added first, by name”. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s customer: those added first, by name",
                                           "%s of %s customers: those added first, by name", total),
                              shown_text, total_text);
    }
  else if (total < 0 && shown >= CRM_JOURNEY_CUSTOMERS_LIMIT)
    /* Translators: the customers listed when there are more, their
     * number unknown. */
    text = g_strdup_printf (_("The %s customers added first, by name; there are more"), shown_text);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer, by name", "%s customers, by name", shown),
                            shown_text);
  gtk_label_set_label (self->count_label, text);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  CrmCustomerSummary *x = *(CrmCustomerSummary * const *) a, *y = *(CrmCustomerSummary * const *) b;
  int order = g_utf8_collate (crm_customer_summary_get_display_name (x) ?: "",
                              crm_customer_summary_get_display_name (y) ?: "");

  if (order != 0)
    return order;
  return (crm_customer_summary_get_id (x) > crm_customer_summary_get_id (y))
         - (crm_customer_summary_get_id (x) < crm_customer_summary_get_id (y));
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CrmJourneyCustomersDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (summaries == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_ptr_array_sort (summaries, compare_names);
  g_list_store_splice (self->customers, 0, 0, summaries->pdata, summaries->len);
  if (summaries->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_count (self, summaries->len);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0)));
}

static void
start_search (CrmJourneyCustomersDialog *self)
{
  Search *search = g_new0 (Search, 1);
  g_autoptr(GTask) task = NULL;

  self->cancellable = g_cancellable_new ();
  search->path = g_strdup (self->database_path);
  search->analysis = g_object_ref (self->analysis);
  search->element = self->element;
  search->relay = crm_progress_relay_new (self->progress, CRM_PROGRESS_RECORDS);
  gtk_progress_bar_set_show_text (self->progress, FALSE);
  task = g_task_new (NULL, self->cancellable, on_search_done, g_object_ref (self));
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, search, (GDestroyNotify) search_free);
  g_task_run_in_thread (task, search_thread);
}

/* A customer's row: the name, and what tells namesakes apart. */
static GtkWidget *
make_row (gpointer item,
          gpointer user_data)
{
  CrmCustomerSummary *summary = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  const char *name = crm_customer_summary_get_display_name (summary);
  const char *organization = crm_customer_summary_get_organization (summary);
  const char *segment = crm_customer_summary_get_segment (summary);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && *name != '\0' ? name : _("Unnamed customer"));
  if (organization != NULL && *organization != '\0' && g_strcmp0 (organization, name) != 0)
    g_string_append (subtitle, organization);
  if (segment != NULL && *segment != '\0')
    /* Translators: between a customer's organisation and segment. */
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? _(" · ") : "", segment);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "summary", g_object_ref (summary), g_object_unref);
  /* go-next points the way of reading: the icon theme's -rtl variant
   * is picked in right-to-left locales. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static void
on_row_activated (CrmJourneyCustomersDialog *self,
                  GtkListBoxRow             *row)
{
  CrmCustomerSummary *summary = g_object_get_data (G_OBJECT (row), "summary");

  if (summary == NULL)
    return;
  g_signal_emit (self, signals[CUSTOMER_ACTIVATED], 0, crm_customer_summary_get_id (summary));
}

static void
crm_journey_customers_dialog_dispose (GObject *object)
{
  CrmJourneyCustomersDialog *self = (CrmJourneyCustomersDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_JOURNEY_CUSTOMERS_DIALOG);

  G_OBJECT_CLASS (crm_journey_customers_dialog_parent_class)->dispose (object);
}

static void
crm_journey_customers_dialog_finalize (GObject *object)
{
  CrmJourneyCustomersDialog *self = (CrmJourneyCustomersDialog *) object;

  g_free (self->database_path);
  g_clear_object (&self->analysis);
  g_clear_object (&self->customers);

  G_OBJECT_CLASS (crm_journey_customers_dialog_parent_class)->finalize (object);
}

static void
crm_journey_customers_dialog_class_init (CrmJourneyCustomersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_journey_customers_dialog_dispose;
  object_class->finalize = crm_journey_customers_dialog_finalize;

  /**
   * CrmJourneyCustomersDialog::customer-activated:
   * @customer_id: the customer chosen
   *
   * A customer of the list was chosen: their page is wanted.
   */
  signals[CUSTOMER_ACTIVATED] =
    g_signal_new ("customer-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  crm_ui_init ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-journey-customers-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyCustomersDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyCustomersDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyCustomersDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyCustomersDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyCustomersDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyCustomersDialog, list);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneyCustomersDialog, error_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
crm_journey_customers_dialog_init (CrmJourneyCustomersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->customers = g_list_store_new (CRM_TYPE_CUSTOMER_SUMMARY);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->customers), make_row, NULL, NULL);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (gtk_window_close), self);
}

/**
 * crm_journey_customers_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @database_path: the database the analysis was made on
 * @element: which customers to list
 *
 * Returns: (transfer none): the dialog, already looking for the
 *   customers; present it
 */
CrmJourneyCustomersDialog *
crm_journey_customers_dialog_new (GtkWindow               *parent,
                                  const char              *database_path,
                                  CrmJourneyAnalysis      *analysis,
                                  const CrmJourneyElement *element)
{
  CrmJourneyCustomersDialog *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (element != NULL, NULL);

  self = g_object_new (CRM_TYPE_JOURNEY_CUSTOMERS_DIALOG, "transient-for", parent, NULL);
  self->database_path = g_strdup (database_path);
  self->analysis = g_object_ref (analysis);
  self->element = *element;
  subtitle = crm_journeys_data_describe_element (analysis, element);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  start_search (self);
  return self;
}

const CrmJourneyElement *
crm_journey_customers_dialog_get_element (CrmJourneyCustomersDialog *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_CUSTOMERS_DIALOG (self), NULL);
  return &self->element;
}

/* Whether the customers are still being looked for. */
gboolean
crm_journey_customers_dialog_is_busy (CrmJourneyCustomersDialog *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_CUSTOMERS_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * crm_journey_customers_dialog_get_customers:
 *
 * Returns: (transfer none): the customers listed, as #CrmCustomerSummary
 */
GListModel *
crm_journey_customers_dialog_get_customers (CrmJourneyCustomersDialog *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_CUSTOMERS_DIALOG (self), NULL);
  return G_LIST_MODEL (self->customers);
}
