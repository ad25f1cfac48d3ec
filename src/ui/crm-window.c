/* crm-window.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-customers-page.h"
#include "crm-dashboard-page.h"
#include "crm-export-dialog.h"
#include "crm-file-chooser.h"
#include "crm-import-dialog.h"
#include "crm-journeys-page.h"
#include "crm-reports-page.h"
#include "crm-ui.h"
#include "crm-utils.h"
#include "crm-window.h"

struct _CrmWindow
{
  AdwApplicationWindow  parent_instance;

  char                 *database_path;
  CrmStore             *store;
  GSettings            *settings;
  GCancellable         *cancellable;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;      /* "loading", "error" or "views" */
  AdwStatusPage        *loading_page;
  AdwStatusPage        *error_page;
  GtkStack             *views;
  AdwWindowTitle       *view_title;
  CrmCustomersPage     *customers_page;
  CrmDashboardPage     *dashboard_page;
  CrmJourneysPage      *journeys_page;
  CrmReportsPage       *reports_page;
};

G_DEFINE_FINAL_TYPE (CrmWindow, crm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_STORE,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_view_title (CrmWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->views);
  GtkStackPage *page = child ? gtk_stack_get_page (self->views, child) : NULL;

  adw_window_title_set_title (self->view_title, page ? gtk_stack_page_get_title (page) : "");
  adw_window_title_set_subtitle (self->view_title,
                                 self->database_path ? self->database_path : "");
}

static void
on_visible_child_changed (CrmWindow *self)
{
  update_view_title (self);
  /* The dashboard and audit reports are of where the Dashboard went down to. */
  if (gtk_stack_get_visible_child (self->views) == GTK_WIDGET (self->reports_page))
    crm_reports_page_set_scope (self->reports_page, crm_dashboard_page_get_scope (self->dashboard_page));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
on_counts_ready (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CrmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *touchpoints = NULL;
  g_autofree char *transactions = NULL;
  char *n;
  CrmStoreCounts counts;

  if (!crm_store_count_all_finish (CRM_STORE (source), result, &counts, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        crm_window_show_error (self, _("Could Not Read the Database"), error);
      return;
    }

  if (counts.customers == 0)
    {
      crm_dashboard_page_set_summary (self->dashboard_page, "", TRUE);
      return;
    }

  n = crm_format_count (counts.customers);
  customers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer", "%s customers",
                                            counts.customers), n);
  g_free (n);
  n = crm_format_count (counts.touchpoints);
  touchpoints = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s touchpoint", "%s touchpoints",
                                              counts.touchpoints), n);
  g_free (n);
  n = crm_format_count (counts.transactions);
  transactions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s transaction", "%s transactions",
                                               counts.transactions), n);
  g_free (n);
  /* TRANSLATORS: a summary of the database, e.g. "1,000 customers · 10,043 touchpoints · 812 transactions" */
  summary = g_strdup_printf (_("%s · %s · %s"), customers, touchpoints, transactions);
  crm_dashboard_page_set_summary (self->dashboard_page, summary, FALSE);
}

static void
crm_window_dispose (GObject *object)
{
  CrmWindow *self = (CrmWindow *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_WINDOW);

  G_OBJECT_CLASS (crm_window_parent_class)->dispose (object);
}

static void
crm_window_finalize (GObject *object)
{
  CrmWindow *self = (CrmWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_free (self->database_path);

  G_OBJECT_CLASS (crm_window_parent_class)->finalize (object);
}

static void
crm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_VIEW:
      g_value_set_string (value, crm_window_get_view (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;
    case PROP_STORE:
      crm_window_set_store (self, g_value_get_object (value));
      break;
    case PROP_VIEW:
      crm_window_set_view (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_constructed (GObject *object)
{
  CrmWindow *self = (CrmWindow *) object;

  G_OBJECT_CLASS (crm_window_parent_class)->constructed (object);

  self->settings = crm_ui_lookup_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  update_view_title (self);
}

static void
on_page_toast (CrmWindow *self,
               AdwToast  *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

/* Undoes a delete or merge, from the Undo button of its toast; the
 * journal entry is the parameter. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!crm_store_undo (self->store, g_variant_get_int64 (parameter), &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* A customer chosen in the Journeys view: their page in the Customers
 * view. */
static void
on_open_customer (CrmWindow *self,
                  gint64     customer_id)
{
  crm_window_set_view (self, "customers");
  crm_customers_page_open_customer (self->customers_page, customer_id);
}

static void
on_exported (CrmWindow  *self,
             const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Opens the import flow for @file: from the menu's file chooser or a file
 * dropped on the window. */
void
crm_window_import_file (CrmWindow *self,
                        GFile     *file)
{
  CrmImportDialog *dialog;

  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  dialog = crm_import_dialog_new (GTK_WINDOW (self), self->database_path, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (crm_window_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_file_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(CrmWindow) self = user_data;

  if (file != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    crm_window_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  crm_file_chooser_open (GTK_WINDOW (widget), _("Import Customers"), on_import_file_chosen, g_object_ref (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GListModel *found = crm_customers_page_get_model (self->customers_page);
  CrmExportDialog *dialog;

  dialog = crm_export_dialog_new (GTK_WINDOW (self), self->database_path,
                                  crm_customers_page_get_query (self->customers_page),
                                  found != NULL ? g_list_model_get_n_items (found) : 0,
                                  crm_customers_page_get_selected_id (self->customers_page));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CrmWindow     *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  /* One import at a time: the first file dropped. */
  crm_window_import_file (self, files->data);
  return TRUE;
}

static void
select_view (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  crm_window_set_view (self, g_variant_get_string (parameter, NULL));
}

static void
crm_window_class_init (CrmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const views[] = { "dashboard", "customers", "journeys", "reports" };

  object_class->dispose = crm_window_dispose;
  object_class->finalize = crm_window_finalize;
  object_class->get_property = crm_window_get_property;
  object_class->set_property = crm_window_set_property;
  object_class->constructed = crm_window_constructed;

  /* The database file this window shows. */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The open database; NULL while it is being opened. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The name of the visible view: "dashboard", "customers", "journeys" or "reports". */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "dashboard",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  crm_ui_init ();
  g_type_ensure (CRM_TYPE_CUSTOMERS_PAGE);
  g_type_ensure (CRM_TYPE_DASHBOARD_PAGE);
  g_type_ensure (CRM_TYPE_JOURNEYS_PAGE);
  g_type_ensure (CRM_TYPE_REPORTS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, views);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, view_title);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, customers_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, journeys_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, reports_page);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_page_toast);
  gtk_widget_class_bind_template_callback (widget_class, on_open_customer);

  gtk_widget_class_install_action (widget_class, "win.view", "s", select_view);
  gtk_widget_class_install_action (widget_class, "win.undo", "x", undo_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  /* Ctrl+1 … Ctrl+4 switch views, as in other GNOME apps with a sidebar. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.view", "s", views[i]);
}

static void
crm_window_init (CrmWindow *self)
{
  GtkDropTarget *drop;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Files dropped on the window are imported. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* Reads everything again after the database changed behind the window's
 * back (an import on another connection). */
void
crm_window_reload (CrmWindow *self)
{
  g_return_if_fail (CRM_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  crm_customers_page_reload (self->customers_page);
  crm_dashboard_page_reload (self->dashboard_page);
  crm_journeys_page_reload (self->journeys_page);
  crm_reports_page_refresh (self->reports_page);
  crm_store_count_all_async (self->store, self->cancellable, on_counts_ready, g_object_ref (self));
}

CrmWindow *
crm_window_new (GtkApplication *application,
                const char     *database_path)
{
  return g_object_new (CRM_TYPE_WINDOW,
                       "application", application,
                       "database-path", database_path,
                       NULL);
}

const char *
crm_window_get_database_path (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return self->database_path;
}

CrmStore *
crm_window_get_store (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return self->store;
}

/* Shows the views on @store; until a store is set the window shows that
 * the database is being opened. */
void
crm_window_set_store (CrmWindow *self,
                      CrmStore  *store)
{
  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_stack_set_visible_child_name (self->main_stack, store ? "views" : "loading");
  if (store != NULL)
    {
      /* Its pages serve the list's scrolling. */
      crm_store_set_cache_size (store, 16);
      crm_customers_page_set_store (self->customers_page, store);
      crm_dashboard_page_set_store (self->dashboard_page, store);
      crm_journeys_page_set_store (self->journeys_page, store);
      /* The customer list report follows the Customers view's search. */
      crm_reports_page_set_customer_query (self->reports_page, crm_customers_page_get_query (self->customers_page));
      crm_reports_page_set_store (self->reports_page, store);
      crm_store_count_all_async (store, self->cancellable, on_counts_ready, g_object_ref (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Replaces the content with an error page that says what went wrong, for
 * a database that cannot be opened; the file itself is never touched. */
void
crm_window_show_error (CrmWindow    *self,
                       const char   *title,
                       const GError *error)
{
  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (error != NULL);

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

const char *
crm_window_get_view (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->views);
}

void
crm_window_set_view (CrmWindow  *self,
                     const char *view)
{
  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (gtk_stack_get_child_by_name (self->views, view) == NULL)
    {
      g_warning ("No view called “%s”", view);
      return;
    }
  gtk_stack_set_visible_child_name (self->views, view);

  /* The keyboard goes where the view is: arrows move in the list, typing
   * searches. */
  if (g_str_equal (view, "customers"))
    crm_customers_page_focus_list (self->customers_page);
}
