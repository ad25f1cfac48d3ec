/* crm-reports-page.c
 *
 * Every change of an option cancels the run under way and starts another
 * on a worker with a store connection of its own: the report is built,
 * then laid out for the page setup; only the newest run's pages are ever
 * shown. While the view is hidden, changes only mark the preview stale:
 * it is made again when the view is shown.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crm-change-pause.h"
#include "crm-file-chooser.h"
#include "crm-period-picker.h"
#include "crm-progress-relay.h"
#include "crm-report-preview.h"
#include "crm-report-print.h"
#include "crm-reports-page.h"
#include "crm-ui.h"

struct _CrmReportsPage
{
  GtkWidget          parent_instance;
  GtkWidget         *content;
  GtkDropDown       *kind_picker;
  GtkWidget         *period_label;
  CrmPeriodPicker   *period_picker;
  GtkWidget         *query_label;
  GtkLabel          *scope_label;
  GtkWidget         *segment_label;
  GtkDropDown       *segment_picker;
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  CrmReportPreview  *preview;
  GtkLabel          *working_label;
  GtkProgressBar    *progress_bar;
  AdwStatusPage     *error_page;
  GtkWidget         *retry_button;
  GtkLabel          *page_label;
  GtkScrolledWindow *scroller;

  CrmStore          *store;
  CrmChangePause    *changes;          /* lays out again once writes pause */
  CrmCustomerQuery  *query;            /* the Customers view's, for the list */
  CrmKpiScope       *scope;            /* the Dashboard's, for it and the audit */
  GCancellable      *segments_cancellable;
  gboolean           syncing_segments;
  CrmReportsBuildFunc build;
  CrmPageSetup       setup;
  CrmReport         *report;           /* the report previewed */
  GCancellable      *cancellable;      /* the run under way */
  GCancellable      *export_cancellable;
  gboolean           stale;            /* options changed while hidden */
};

G_DEFINE_FINAL_TYPE (CrmReportsPage, crm_reports_page, GTK_TYPE_WIDGET)

static void update_actions (CrmReportsPage *self);

/* Which options each report has. */
static gboolean
kind_has_period (CrmReportKind kind)
{
  return kind == CRM_REPORT_KIND_DASHBOARD || kind == CRM_REPORT_KIND_JOURNEYS || kind == CRM_REPORT_KIND_AUDIT;
}

static gboolean
kind_has_scope (CrmReportKind kind)
{
  return kind == CRM_REPORT_KIND_DASHBOARD || kind == CRM_REPORT_KIND_AUDIT;
}

static gboolean
is_rtl (CrmReportsPage *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* One run: what it was asked for, copied for the worker. */
typedef struct
{
  char                *path;
  CrmReportKind        kind;
  CrmPeriod           *period;
  CrmCustomerQuery    *query;
  CrmKpiScope         *scope;
  char                *segment;
  char                *search;
  CrmPageSetup         setup;
  gboolean             rtl;
  CrmReportsBuildFunc  build;
  CrmProgressRelay    *relay;
} Run;

static void
run_free (gpointer data)
{
  Run *run = data;

  g_free (run->path);
  g_clear_pointer (&run->period, crm_period_free);
  g_clear_object (&run->query);
  g_clear_pointer (&run->scope, crm_kpi_scope_free);
  g_free (run->segment);
  g_free (run->search);
  g_clear_object (&run->relay);
  g_free (run);
}

typedef struct
{
  CrmReport       *report;
  CrmReportLayout *layout;
} Made;

static void
made_free (gpointer data)
{
  Made *made = data;

  g_clear_object (&made->report);
  g_clear_pointer (&made->layout, crm_report_layout_unref);
  g_free (made);
}

/* The customer whose profile is asked for: the first that @search finds. */
static gint64
find_customer (CrmStore      *store,
               const char    *search,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(CrmCustomerQuery) query = crm_customer_query_new ();
  g_autoptr(GArray) ids = NULL;

  crm_customer_query_set_search (query, search);
  ids = crm_store_query_customer_ids (store, query, 1, cancellable, error);
  if (ids == NULL)
    return 0;
  if (ids->len == 0)
    {
      g_set_error (error, CRM_REPORTS_ERROR, CRM_REPORTS_ERROR_NOT_FOUND, _("No customer matches “%s”."), search);
      return 0;
    }
  return g_array_index (ids, gint64, 0);
}

static void
make_report (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Run *run = task_data;
  CrmReportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (run->path, &error);
  g_autoptr(CrmReport) report = NULL;
  g_autoptr(CrmRenderStyle) style = NULL;
  Made *made;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  options.period = run->period;
  options.query = run->query;
  options.scope = run->scope;
  options.segment = run->segment;
  if (run->kind == CRM_REPORT_KIND_CUSTOMER)
    {
      options.customer_id = find_customer (store, run->search, cancellable, &error);
      if (options.customer_id == 0)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  report = run->build (store, run->kind, &options, cancellable, crm_progress_relay_report, run->relay, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The preview and the PDF in colour on white paper; the printer gets
   * its own layout in ink (crm-report-print.c). */
  style = crm_render_style_new (CRM_RENDER_PALETTE_LIGHT, run->rtl);
  made = g_new0 (Made, 1);
  made->layout = crm_report_layout_new (report, &run->setup, style, cancellable, crm_progress_relay_report,
                                        run->relay);
  made->report = g_steal_pointer (&report);
  if (made->layout == NULL)
    {
      made_free (made);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The report was cancelled."));
      return;
    }
  g_task_return_pointer (task, made, made_free);
}

static void
show_page_number (CrmReportsPage *self)
{
  guint n_pages = crm_report_preview_get_n_pages (self->preview);
  g_autofree char *text = NULL;

  if (n_pages > 0)
    /* Translators: the page of the report shown: Page 2 of 10 */
    text = g_strdup_printf (_("Page %u of %u"), crm_report_preview_get_page (self->preview) + 1, n_pages);
  gtk_label_set_label (self->page_label, text != NULL ? text : "");
  update_actions (self);
}

static void
show_error (CrmReportsPage *self,
            const char     *title,
            const char     *description)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->retry_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_report_made (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CrmReportsPage) self = user_data;
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  Made *made;

  /* A run cancelled or overtaken by a newer one never shows. */
  if (g_task_get_cancellable (task) != self->cancellable || g_cancellable_is_cancelled (self->cancellable))
    return;
  g_clear_object (&self->cancellable);
  made = g_task_propagate_pointer (task, &error);
  if (made == NULL)
    {
      crm_report_preview_set_layout (self->preview, NULL);
      g_clear_object (&self->report);
      if (g_error_matches (error, CRM_REPORTS_ERROR, CRM_REPORTS_ERROR_NOT_FOUND))
        show_error (self, _("No Such Customer"), error->message);
      else
        show_error (self, _("The Report Could Not Be Made"), error->message);
      show_page_number (self);
      return;
    }
  g_set_object (&self->report, made->report);
  crm_report_preview_set_layout (self->preview, made->layout);
  made_free (made);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  show_page_number (self);
}

static void
cancel_run (CrmReportsPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* Lays the report out again for the options shown, now if the view is
 * shown, else when it next is. */
static void
start_run (CrmReportsPage *self)
{
  g_autoptr(GTask) task = NULL;
  CrmReportKind kind = crm_reports_page_get_kind (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (search));
  Run *run;

  cancel_run (self);
  self->stale = FALSE;
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (kind == CRM_REPORT_KIND_CUSTOMER && stripped[0] == '\0')
    {
      crm_report_preview_set_layout (self->preview, NULL);
      g_clear_object (&self->report);
      show_error (self, _("Which Customer?"), _("Search for the customer whose profile to print."));
      adw_status_page_set_icon_name (self->error_page, "system-search-symbolic");
      /* Nothing to try again: the search entry is the way on. */
      gtk_widget_set_visible (self->retry_button, FALSE);
      show_page_number (self);
      return;
    }
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");

  run = g_new0 (Run, 1);
  run->path = g_strdup (crm_store_get_path (self->store));
  run->kind = kind;
  if (kind_has_period (kind))
    run->period = crm_period_picker_get_period (self->period_picker);
  if (kind == CRM_REPORT_KIND_CUSTOMERS && self->query != NULL)
    run->query = crm_customer_query_copy (self->query);
  if (kind_has_scope (kind) && self->scope != NULL)
    run->scope = crm_kpi_scope_copy (self->scope);
  if (kind == CRM_REPORT_KIND_JOURNEYS && gtk_drop_down_get_selected (self->segment_picker) > 0 &&
      gtk_drop_down_get_selected (self->segment_picker) != GTK_INVALID_LIST_POSITION)
    run->segment = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (self->segment_picker)),
                                                         gtk_drop_down_get_selected (self->segment_picker)));
  run->search = g_strdup (search);
  run->setup = self->setup;
  run->rtl = is_rtl (self);
  run->build = self->build;
  run->relay = crm_progress_relay_new (self->progress_bar, CRM_PROGRESS_RECORDS);

  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (self->working_label, _("Preparing the report…"));
  gtk_stack_set_visible_child_name (self->stack, "working");
  task = g_task_new (NULL, self->cancellable, on_report_made, g_object_ref (self));
  g_task_set_task_data (task, run, run_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, make_report);
  update_actions (self);
}

static void
on_kind_changed (CrmReportsPage *self)
{
  CrmReportKind kind = crm_reports_page_get_kind (self);

  gtk_widget_set_visible (self->period_label, kind_has_period (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->period_picker), kind_has_period (kind));
  gtk_widget_set_visible (self->query_label, kind == CRM_REPORT_KIND_CUSTOMERS);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_label), kind_has_scope (kind));
  gtk_widget_set_visible (self->segment_label, kind == CRM_REPORT_KIND_JOURNEYS);
  gtk_widget_set_visible (GTK_WIDGET (self->segment_picker), kind == CRM_REPORT_KIND_JOURNEYS);
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), kind == CRM_REPORT_KIND_CUSTOMER);
  start_run (self);
}

static void
on_query_changed (CrmReportsPage *self)
{
  if (crm_reports_page_get_kind (self) == CRM_REPORT_KIND_CUSTOMERS)
    start_run (self);
}

static void
on_segment_selected (CrmReportsPage *self)
{
  if (!self->syncing_segments && crm_reports_page_get_kind (self) == CRM_REPORT_KIND_JOURNEYS)
    start_run (self);
}

/* The choices: all customers, then the segments in use; the one chosen
 * stays chosen. */
static void
on_segments_listed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CrmReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) values = crm_store_list_values_finish (CRM_STORE (source), result, &error);
  g_autoptr(GtkStringList) strings = NULL;
  GListModel *old = gtk_drop_down_get_model (self->segment_picker);
  guint old_selected = gtk_drop_down_get_selected (self->segment_picker);
  const char *chosen = NULL;
  guint selected = 0;

  if (values == NULL)
    {
      /* Without the list, all customers can still be reported on. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not list the segments: %s", error->message);
      return;
    }
  g_clear_object (&self->segments_cancellable);
  if (old_selected > 0 && old_selected < g_list_model_get_n_items (old))
    chosen = gtk_string_list_get_string (GTK_STRING_LIST (old), old_selected);
  strings = gtk_string_list_new (NULL);
  gtk_string_list_append (strings, _("All Customers"));
  for (guint i = 0; values[i] != NULL; i++)
    {
      gtk_string_list_append (strings, values[i]);
      if (g_strcmp0 (values[i], chosen) == 0)
        selected = i + 1;
    }
  self->syncing_segments = TRUE;
  gtk_drop_down_set_model (self->segment_picker, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->segment_picker, selected);
  self->syncing_segments = FALSE;
  /* The segment chosen is gone: the report is of everyone now. */
  if (chosen != NULL && selected == 0)
    on_segment_selected (self);
}

static void
list_segments (CrmReportsPage *self)
{
  g_cancellable_cancel (self->segments_cancellable);
  g_clear_object (&self->segments_cancellable);
  if (self->store == NULL)
    return;
  self->segments_cancellable = g_cancellable_new ();
  crm_store_list_values_async (self->store, CRM_CUSTOMER_FIELD_SEGMENT, self->segments_cancellable,
                               on_segments_listed, g_object_ref (self));
}

static void
on_search_changed (CrmReportsPage *self)
{
  if (crm_reports_page_get_kind (self) == CRM_REPORT_KIND_CUSTOMER)
    start_run (self);
}

static void
update_actions (CrmReportsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_pages = crm_report_preview_get_n_pages (self->preview);
  guint page = crm_report_preview_get_page (self->preview);
  gboolean ready = self->report != NULL && self->cancellable == NULL && self->export_cancellable == NULL;

  gtk_widget_action_set_enabled (widget, "reports.previous-page", ready && page > 0);
  gtk_widget_action_set_enabled (widget, "reports.next-page", ready && page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "reports.print", ready);
  gtk_widget_action_set_enabled (widget, "reports.export-pdf", ready);
  gtk_widget_action_set_enabled (widget, "reports.cancel", self->cancellable != NULL || self->export_cancellable != NULL);
  gtk_widget_action_set_enabled (widget, "reports.refresh", self->store != NULL);
}

static void
turn_page (CrmReportsPage *self,
           int             by)
{
  guint page = crm_report_preview_get_page (self->preview);

  if (by < 0 && page == 0)
    return;
  crm_report_preview_set_page (self->preview, page + by);
  /* A new page starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  show_page_number (self);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  turn_page (CRM_REPORTS_PAGE (widget), -1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  turn_page (CRM_REPORTS_PAGE (widget), 1);
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (widget);

  if (self->export_cancellable != NULL)
    {
      g_cancellable_cancel (self->export_cancellable);
      return;
    }
  cancel_run (self);
  crm_report_preview_set_layout (self->preview, NULL);
  g_clear_object (&self->report);
  show_error (self, _("Cancelled"), _("The report was not made."));
  show_page_number (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  start_run (CRM_REPORTS_PAGE (widget));
}

/* Printing */

static void
show_failure (CrmReportsPage *self,
              const char     *heading,
              const char     *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (widget);

  if (self->report != NULL)
    crm_report_print_run (self->report, widget, crm_report_preview_get_page (self->preview));
}

/* Export to PDF */

typedef struct
{
  CrmReportLayout  *layout;
  CrmProgressRelay *relay;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  crm_report_layout_unref (export->layout);
  g_object_unref (export->relay);
  g_free (export);
}

static void
write_pdf (GTask        *task,
           gpointer      source,
           gpointer      task_data,
           GCancellable *cancellable)
{
  Export *export = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (crm_report_layout_write_pdf (export->layout, file, cancellable, crm_progress_relay_report, export->relay,
                                   &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_toast_open (AdwToast *toast,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  /* Through the OpenURI portal when sandboxed. */
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (source);
  GTask *task = G_TASK (result);
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GTask *outer = user_data;
  GError *error = NULL;

  g_clear_object (&self->export_cancellable);
  gtk_stack_set_visible_child_name (self->stack, self->report != NULL ? "preview" : "empty");
  update_actions (self);
  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *path = g_file_get_parse_name (file);
          /* Translators: %s is the file the report could not be saved to. */
          g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), path);

          show_failure (self, heading, error->message);
        }
      g_task_return_error (outer, error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a toast after a report was saved; %s is a file name. */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_open), g_object_ref (file),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      g_signal_emit_by_name (self, "toast", toast);
      g_object_unref (toast);
      g_task_return_boolean (outer, TRUE);
    }
  g_object_unref (outer);
}

/**
 * crm_reports_page_export_pdf_async:
 *
 * Writes the report previewed to @file as a PDF on a worker, with
 * progress and Cancel in the view; says how it went in a toast ("Saved …"
 * with Open) or a dialog naming the file.
 */
void
crm_reports_page_export_pdf_async (CrmReportsPage      *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  CrmReportLayout *layout;
  Export *export;

  g_return_if_fail (CRM_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  layout = crm_report_preview_get_layout (self->preview);
  if (layout == NULL || self->export_cancellable != NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY, _("There is no report to save yet."));
      g_object_unref (outer);
      return;
    }
  self->export_cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  export = g_new0 (Export, 1);
  export->layout = crm_report_layout_ref (layout);
  export->relay = crm_progress_relay_new (self->progress_bar, CRM_PROGRESS_RECORDS);
  name = g_file_get_basename (file);
  /* Translators: %s is the name of the PDF file being written. */
  label = g_strdup_printf (_("Saving “%s”…"), name);
  gtk_label_set_label (self->working_label, label);
  gtk_stack_set_visible_child_name (self->stack, "working");
  update_actions (self);

  task = g_task_new (self, self->export_cancellable, on_pdf_written, outer);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_set_task_data (task, export, export_free);
  g_task_run_in_thread (task, write_pdf);
}

gboolean
crm_reports_page_export_pdf_finish (CrmReportsPage  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_pdf_chosen (GFile    *file,
               gpointer  user_data)
{
  g_autoptr(CrmReportsPage) self = user_data;

  if (file != NULL)
    crm_reports_page_export_pdf_async (self, file, NULL, NULL, NULL);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *suggested = NULL;

  if (self->report == NULL)
    return;
  suggested = g_strconcat (crm_report_get_title (self->report), ".pdf", NULL);
  g_strdelimit (suggested, "/\\", '-');
  crm_file_chooser_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Export PDF"), suggested,
                         on_pdf_chosen, g_object_ref (self));
}

/* The view's shortcuts work from anywhere in the window while it is shown. */
static gboolean
activate_when_shown (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action_variant (widget, user_data, NULL);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_callback_action_new (activate_when_shown,
                                                                                   (gpointer) action, NULL)));
}

static void
crm_reports_page_map (GtkWidget *widget)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (crm_reports_page_parent_class)->map (widget);
  if (self->stale)
    start_run (self);
}

static void
crm_reports_page_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (crm_reports_page_parent_class)->direction_changed (widget, previous);
  /* The pages mirror: lay them out again. */
  start_run (CRM_REPORTS_PAGE (widget));
}

static void
on_changes (gpointer data)
{
  list_segments (data);
  start_run (data);
}

static void
crm_reports_page_dispose (GObject *object)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (object);

  cancel_run (self);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_pointer (&self->changes, crm_change_pause_free);
  g_cancellable_cancel (self->segments_cancellable);
  g_clear_object (&self->segments_cancellable);
  g_clear_pointer (&self->scope, crm_kpi_scope_free);
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  g_clear_object (&self->query);
  g_clear_object (&self->store);
  g_clear_object (&self->report);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_REPORTS_PAGE);

  G_OBJECT_CLASS (crm_reports_page_parent_class)->dispose (object);
}

static void
crm_reports_page_class_init (CrmReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_reports_page_dispose;
  widget_class->map = crm_reports_page_map;
  widget_class->direction_changed = crm_reports_page_direction_changed;

  /**
   * CrmReportsPage::toast:
   *
   * Something to tell the user in the window's toast overlay.
   */
  g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  crm_ui_init ();
  g_type_ensure (CRM_TYPE_PERIOD_PICKER);
  g_type_ensure (CRM_TYPE_REPORT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpointcrm/Touchpoint/ui/crm-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, content);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, kind_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, period_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, query_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, scope_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, segment_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, segment_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, preview);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, working_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, scroller);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "reports.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "reports.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "reports.refresh", NULL, refresh_action);
}

static void
crm_reports_page_init (CrmReportsPage *self)
{
  GtkStringList *kinds;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->build = crm_reports_build;
  crm_page_setup_init_default (&self->setup);
  kinds = GTK_STRING_LIST (gtk_drop_down_get_model (self->kind_picker));
  for (CrmReportKind kind = 0; kind < CRM_N_REPORT_KINDS; kind++)
    gtk_string_list_append (kinds, crm_report_kind_get_name (kind));
  /* The audit compares with the period before, so no All Time, as on
   * the dashboard. */
  crm_period_picker_set_offers_all_time (self->period_picker, FALSE);
  crm_period_picker_set_choice (self->period_picker, CRM_PERIOD_CHOICE_YEAR);

  g_signal_connect_swapped (self->kind_picker, "notify::selected", G_CALLBACK (on_kind_changed), self);
  g_signal_connect_swapped (self->period_picker, "changed", G_CALLBACK (start_run), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (self->segment_picker)), _("All Customers"));
  g_signal_connect_swapped (self->segment_picker, "notify::selected", G_CALLBACK (on_segment_selected), self);
  crm_reports_page_set_scope (self, NULL);
  g_signal_connect_swapped (self->preview, "notify::page", G_CALLBACK (show_page_number), self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  /* Before the focused widget: the sidebar's list would take Ctrl+Page
   * Up and Down to move its selection. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_p, GDK_CONTROL_MASK, "reports.print");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "reports.export-pdf");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Up, GDK_CONTROL_MASK, "reports.previous-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Down, GDK_CONTROL_MASK, "reports.next-page");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  on_kind_changed (self);
}

void
crm_reports_page_set_store (CrmReportsPage *self,
                            CrmStore       *store)
{
  g_return_if_fail (CRM_IS_REPORTS_PAGE (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (self->store == store)
    return;
  g_clear_pointer (&self->changes, crm_change_pause_free);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changes = crm_change_pause_new (store, 500, on_changes, self);
  list_segments (self);
  start_run (self);
}

/**
 * crm_reports_page_set_scope:
 * @scope: (nullable): where in the pyramid the dashboard and audit
 *   reports are of: the Dashboard view's; %NULL for the company
 */
void
crm_reports_page_set_scope (CrmReportsPage    *self,
                            const CrmKpiScope *scope)
{
  g_autofree char *old_key = NULL;
  g_autofree char *new_key = NULL;
  g_autofree char *text = NULL;
  CrmKpiScope *copy;

  g_return_if_fail (CRM_IS_REPORTS_PAGE (self));

  copy = scope != NULL ? crm_kpi_scope_copy (scope) : crm_kpi_scope_new_company ();
  old_key = self->scope != NULL ? crm_kpi_scope_to_key (self->scope) : NULL;
  new_key = crm_kpi_scope_to_key (copy);
  g_clear_pointer (&self->scope, crm_kpi_scope_free);
  self->scope = copy;
  /* Translators: the part of the company a dashboard or audit report is of. */
  text = g_strdup_printf (_("Of %s"), crm_kpi_scope_get_label (copy));
  gtk_label_set_label (self->scope_label, text);
  if (old_key != NULL && g_strcmp0 (old_key, new_key) != 0 && kind_has_scope (crm_reports_page_get_kind (self)))
    start_run (self);
}

/**
 * crm_reports_page_set_customer_query:
 * @query: (nullable): the Customers view's search and filters, followed
 *   by the customer list report
 */
void
crm_reports_page_set_customer_query (CrmReportsPage   *self,
                                     CrmCustomerQuery *query)
{
  g_return_if_fail (CRM_IS_REPORTS_PAGE (self));

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  g_set_object (&self->query, query);
  if (query != NULL)
    g_signal_connect_swapped (query, "notify", G_CALLBACK (on_query_changed), self);
  on_query_changed (self);
}

void
crm_reports_page_set_build_func (CrmReportsPage      *self,
                                 CrmReportsBuildFunc  build)
{
  g_return_if_fail (CRM_IS_REPORTS_PAGE (self));

  self->build = build != NULL ? build : crm_reports_build;
  start_run (self);
}

CrmReportKind
crm_reports_page_get_kind (CrmReportsPage *self)
{
  guint selected;

  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), CRM_REPORT_KIND_DASHBOARD);

  selected = gtk_drop_down_get_selected (self->kind_picker);
  return selected < CRM_N_REPORT_KINDS ? (CrmReportKind) selected : CRM_REPORT_KIND_DASHBOARD;
}

void
crm_reports_page_set_kind (CrmReportsPage *self,
                           CrmReportKind   kind)
{
  g_return_if_fail (CRM_IS_REPORTS_PAGE (self));
  g_return_if_fail (kind < CRM_N_REPORT_KINDS);

  gtk_drop_down_set_selected (self->kind_picker, kind);
}

/* Whether a report is being made or saved. */
gboolean
crm_reports_page_is_busy (CrmReportsPage *self)
{
  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), FALSE);
  return self->cancellable != NULL || self->export_cancellable != NULL;
}

/* Returns: (transfer none) (nullable): the report previewed */
CrmReport *
crm_reports_page_get_report (CrmReportsPage *self)
{
  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), NULL);
  return self->report;
}

/* Returns: (transfer none) (nullable): its pages */
CrmReportLayout *
crm_reports_page_get_layout (CrmReportsPage *self)
{
  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), NULL);
  return crm_report_preview_get_layout (self->preview);
}

const CrmPageSetup *
crm_reports_page_get_page_setup (CrmReportsPage *self)
{
  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), NULL);
  return &self->setup;
}

/* Makes the report again: the data changed. */
void
crm_reports_page_refresh (CrmReportsPage *self)
{
  g_return_if_fail (CRM_IS_REPORTS_PAGE (self));
  start_run (self);
}
