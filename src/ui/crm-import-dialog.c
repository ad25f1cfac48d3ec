/* crm-import-dialog.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-file-transfer.h"
#include "crm-import-dialog.h"
#include "crm-progress-relay.h"
#include "crm-utils.h"

/* Records shown in the preview, and problems listed in the report. */
#define PREVIEW_RECORDS 20
#define REPORT_PROBLEMS 500

static const char delimiters[] = { ',', ';', '\t', '|' };
static const char * const encodings[] = { NULL, "WINDOWS-1252", "WINDOWS-1251", "WINDOWS-1256", "GB18030" };

struct _CrmImportDialog
{
  AdwWindow       parent_instance;

  char           *database_path;
  GFile          *file;
  CrmFileFormat   format;
  gboolean        database_empty;
  CrmCsvMapping  *mapping;           /* of a spreadsheet, as the user set it */
  guint           n_columns;
  GCancellable   *cancellable;
  GPtrArray      *record_rows;
  GPtrArray      *column_rows;
  gboolean        updating;          /* filling the rows, not the user */
  gboolean        running;

  CrmProgressRelay *progress;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *import_button;
  GtkStack             *stack;
  AdwActionRow         *file_row;
  AdwPreferencesGroup  *archive_group;
  AdwPreferencesGroup  *policy_group;
  AdwComboRow          *policy_row;
  AdwPreferencesGroup  *csv_group;
  AdwComboRow          *delimiter_row;
  AdwComboRow          *encoding_row;
  GtkSwitch            *header_switch;
  AdwExpanderRow       *columns_row;
  AdwPreferencesGroup  *records_group;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *report_page;
  GtkListBox           *problems_list;
};

G_DEFINE_FINAL_TYPE (CrmImportDialog, crm_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the preview thread found. */
typedef struct
{
  CrmFileFormat   format;
  char           *description;
  GPtrArray      *customers;
  GPtrArray      *problems;
  char          **header;
  CrmCsvMapping  *mapping;
  char            delimiter;
  gboolean        database_empty;
} Preview;

static void
preview_free (Preview *preview)
{
  g_free (preview->description);
  g_clear_pointer (&preview->customers, g_ptr_array_unref);
  g_clear_pointer (&preview->problems, g_ptr_array_unref);
  g_strfreev (preview->header);
  g_clear_object (&preview->mapping);
  g_free (preview);
}

typedef struct
{
  char          *database_path;
  GFile         *file;
  CrmCsvOptions  csv_options;
  CrmCsvMapping *mapping;
} PreviewRequest;

static void
preview_request_free (PreviewRequest *request)
{
  g_free (request->database_path);
  g_object_unref (request->file);
  g_clear_object (&request->mapping);
  g_free (request);
}

static void
read_preview (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  PreviewRequest *request = data;
  Preview *preview = g_new0 (Preview, 1);
  GError *error = NULL;

  preview->problems = g_ptr_array_new_with_free_func (g_free);
  preview->format = crm_file_format_detect_file (request->file, &preview->description, cancellable, &error);
  switch (preview->format)
    {
    case CRM_FILE_FORMAT_UNKNOWN:
      preview_free (preview);
      g_task_return_error (task, error);
      return;
    case CRM_FILE_FORMAT_ARCHIVE:
      {
        /* An archive goes only into an empty database. */
        g_autoptr(CrmStore) store = crm_store_open (request->database_path, &error);

        if (store == NULL)
          {
            preview_free (preview);
            g_task_return_error (task, error);
            return;
          }
        preview->database_empty = crm_store_count (store, CRM_RECORD_CUSTOMERS, NULL) == 0;
      }
      break;
    case CRM_FILE_FORMAT_CSV:
      {
        g_autoptr(GFileInputStream) stream = g_file_read (request->file, cancellable, &error);
        g_autoptr(CrmCsvPreview) csv = NULL;

        if (stream != NULL)
          csv = crm_csv_preview (G_INPUT_STREAM (stream), &request->csv_options, PREVIEW_RECORDS, &error);
        if (csv == NULL)
          {
            preview_free (preview);
            g_task_return_error (task, error);
            return;
          }
        preview->customers = g_ptr_array_ref (csv->customers);
        g_ptr_array_extend (preview->problems, csv->problems, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
        preview->header = g_strdupv (csv->header);
        preview->mapping = g_object_ref (csv->mapping);
        preview->delimiter = csv->delimiter;
      }
      break;
    default:
      preview->customers = crm_file_preview (request->file, preview->format, PREVIEW_RECORDS,
                                             preview->problems, cancellable, &error);
      if (preview->customers == NULL)
        {
          preview_free (preview);
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_pointer (task, preview, (GDestroyNotify) preview_free);
}

static void start_preview (CrmImportDialog *self,
                           gboolean         keep_mapping);

static void
on_column_changed (CrmImportDialog *self,
                   GParamSpec      *pspec,
                   AdwComboRow     *row)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  if (self->updating || self->mapping == NULL)
    return;
  crm_csv_mapping_set_column (self->mapping, column, adw_combo_row_get_selected (row),
                              crm_csv_mapping_get_label (self->mapping, column),
                              crm_csv_mapping_get_group (self->mapping, column));
  start_preview (self, TRUE);
}

/* One row per column of the spreadsheet, with what it means. */
static void
show_columns (CrmImportDialog *self,
              char           **header)
{
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_expander_row_remove (self->columns_row, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (CrmCsvTarget target = 0; target < CRM_CSV_N_TARGETS; target++)
    gtk_string_list_append (targets, crm_csv_target_get_name (target));

  for (guint i = 0; i < self->n_columns; i++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header != NULL && header[i] != NULL ? header[i] : "");
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (targets));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), crm_csv_mapping_get_target (self->mapping, i));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_column_changed), self);
      adw_expander_row_add_row (self->columns_row, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

static char *
describe_customer (CrmCustomer *customer)
{
  GPtrArray *points = crm_customer_get_contact_points (customer);
  g_autoptr(GString) text = g_string_new (crm_customer_get_organization (customer));

  for (guint i = 0; i < points->len && i < 3; i++)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, crm_contact_point_get_value (g_ptr_array_index (points, i)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
clear_records (CrmImportDialog *self)
{
  for (guint i = 0; i < self->record_rows->len; i++)
    adw_preferences_group_remove (self->records_group, g_ptr_array_index (self->record_rows, i));
  g_ptr_array_set_size (self->record_rows, 0);
}

static void
add_record_row (CrmImportDialog *self,
                const char      *title,
                const char      *subtitle,
                const char      *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (icon != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_preferences_group_add (self->records_group, row);
  g_ptr_array_add (self->record_rows, row);
}

static void
show_preview (CrmImportDialog *self,
              Preview         *preview,
              gboolean         keep_mapping)
{
  gboolean is_csv = preview->format == CRM_FILE_FORMAT_CSV;
  gboolean is_archive = preview->format == CRM_FILE_FORMAT_ARCHIVE;
  gboolean can_import = TRUE;

  self->format = preview->format;
  self->database_empty = preview->database_empty;
  adw_action_row_set_subtitle (self->file_row, preview->description);
  gtk_widget_set_visible (GTK_WIDGET (self->csv_group), is_csv);
  gtk_widget_set_visible (GTK_WIDGET (self->policy_group), !is_archive);
  gtk_widget_set_visible (GTK_WIDGET (self->archive_group), is_archive);
  gtk_widget_set_visible (GTK_WIDGET (self->records_group), !is_archive);
  clear_records (self);

  self->updating = TRUE;
  if (is_csv)
    {
      for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
        if (delimiters[i] == preview->delimiter)
          adw_combo_row_set_selected (self->delimiter_row, i);
      if (!keep_mapping || self->mapping == NULL
          || crm_csv_mapping_get_n_columns (preview->mapping) != self->n_columns)
        {
          g_set_object (&self->mapping, preview->mapping);
          self->n_columns = crm_csv_mapping_get_n_columns (preview->mapping);
          show_columns (self, preview->header);
        }
      can_import = crm_csv_mapping_is_usable (self->mapping);
      if (!can_import)
        add_record_row (self, _("No column holds a name, an e-mail address or a phone number"),
                        _("Choose what the columns mean under Columns."), "dialog-warning-symbolic");
    }
  self->updating = FALSE;

  if (is_archive)
    {
      adw_preferences_group_set_description (self->archive_group,
        preview->database_empty
        ? _("The archive’s customers, journeys and transactions become this database’s. Nothing else is in it yet.")
        : _("This database already holds customers, so the archive cannot be restored into it. "
            "Open a new, empty database (touchpoint --database NEW-FILE) and import the archive there."));
      can_import = preview->database_empty;
    }
  else
    {
      for (guint i = 0; i < preview->customers->len; i++)
        {
          CrmCustomer *customer = g_ptr_array_index (preview->customers, i);
          g_autofree char *subtitle = describe_customer (customer);

          add_record_row (self, crm_customer_get_display_name (customer), subtitle, NULL);
        }
      for (guint i = 0; i < preview->problems->len && i < 5; i++)
        add_record_row (self, g_ptr_array_index (preview->problems, i), NULL, "dialog-warning-symbolic");
      if (preview->customers->len == 0 && can_import)
        add_record_row (self, _("The file holds no customers"), NULL, "dialog-warning-symbolic");
      can_import = can_import && preview->customers->len > 0;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), can_import);
}

static void
on_preview_ready (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Preview *preview = g_task_propagate_pointer (G_TASK (result), &error);
  PreviewRequest *request;

  if (preview == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      clear_records (self);
      adw_action_row_set_subtitle (self->file_row, _("Cannot be imported"));
      add_record_row (self, error->message, NULL, "dialog-error-symbolic");
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  request = g_task_get_task_data (G_TASK (result));
  show_preview (self, preview, request->mapping != NULL);
  preview_free (preview);
}

static void
fill_csv_options (CrmImportDialog *self,
                  CrmCsvOptions   *options)
{
  crm_csv_options_init (options);
  options->encoding = encodings[MIN (adw_combo_row_get_selected (self->encoding_row), G_N_ELEMENTS (encodings) - 1)];
  options->has_header = gtk_switch_get_active (self->header_switch);
  if (self->format == CRM_FILE_FORMAT_CSV)
    options->delimiter = delimiters[MIN (adw_combo_row_get_selected (self->delimiter_row), G_N_ELEMENTS (delimiters) - 1)];
}

/* Reads the preview again; @keep_mapping keeps the columns as the user set
 * them (a change of encoding), else they are guessed again (a new
 * separator makes new columns). */
static void
start_preview (CrmImportDialog *self,
               gboolean         keep_mapping)
{
  g_autoptr(GTask) task = NULL;
  PreviewRequest *request = g_new0 (PreviewRequest, 1);

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());

  request->database_path = g_strdup (self->database_path);
  request->file = g_object_ref (self->file);
  fill_csv_options (self, &request->csv_options);
  if (keep_mapping && self->mapping != NULL)
    {
      request->mapping = g_object_ref (self->mapping);
      request->csv_options.mapping = request->mapping;
    }
  task = g_task_new (self, self->cancellable, on_preview_ready, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) preview_request_free);
  g_task_run_in_thread (task, read_preview);
}

static void
on_csv_option_changed (CrmImportDialog *self)
{
  if (!self->updating && !self->running)
    start_preview (self, FALSE);
}

static void
on_encoding_changed (CrmImportDialog *self)
{
  if (!self->updating && !self->running)
    start_preview (self, TRUE);
}

typedef struct
{
  char            *database_path;
  GFile           *file;
  CrmFileFormat    format;
  CrmImportPolicy  policy;
  CrmCsvOptions    csv_options;
  CrmCsvMapping   *mapping;
  CrmProgressRelay *progress;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_clear_object (&request->progress);
  g_free (request->database_path);
  g_object_unref (request->file);
  g_clear_object (&request->mapping);
  g_free (request);
}

/* On a thread of its own, with a connection of its own: the window stays
 * responsive, and its reads see the database as it was until the import
 * commits. */
static void
run_import (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  ImportRequest *request = data;
  GError *error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (request->database_path, &error);
  CrmImportReport *report;

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  report = crm_import_file (store, request->file, request->format, request->policy, &request->csv_options,
                            crm_progress_relay_report, request->progress, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

static void
show_report (CrmImportDialog *self,
             CrmImportReport *report,
             const GError    *error)
{
  self->running = FALSE;
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "report");

  if (report == NULL)
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      adw_status_page_set_icon_name (self->report_page, cancelled ? "process-stop-symbolic" : "dialog-error-symbolic");
      adw_status_page_set_title (self->report_page, cancelled ? _("Import Cancelled") : _("Nothing Was Imported"));
      adw_status_page_set_description (self->report_page,
                                       cancelled ? _("The database is as it was before.") : error->message);
      return;
    }

  {
    GPtrArray *problems = crm_import_report_get_problems (report);
    g_autofree char *summary = NULL;

    /* TRANSLATORS: the result of an import */
    summary = g_strdup_printf (_("Added: %d · Updated: %d · Unchanged: %d · Skipped: %d"),
                               crm_import_report_get_added (report), crm_import_report_get_updated (report),
                               crm_import_report_get_unchanged (report), crm_import_report_get_skipped (report));
    adw_status_page_set_icon_name (self->report_page, "emblem-ok-symbolic");
    adw_status_page_set_title (self->report_page, _("Import Complete"));
    adw_status_page_set_description (self->report_page, summary);

    gtk_widget_set_visible (GTK_WIDGET (self->problems_list), problems->len > 0);
    for (guint i = 0; i < problems->len && i < REPORT_PROBLEMS; i++)
      {
        GtkWidget *row = adw_action_row_new ();

        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (problems, i));
        adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
        gtk_list_box_append (self->problems_list, row);
      }
    if (problems->len > REPORT_PROBLEMS)
      {
        g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more problem",
                                                              "and %u more problems",
                                                              problems->len - REPORT_PROBLEMS),
                                                 problems->len - REPORT_PROBLEMS);

        gtk_list_box_append (self->problems_list, gtk_label_new (more));
      }
  }
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmImportReport) report = g_task_propagate_pointer (G_TASK (result), &error);

  show_report (self, report, error);
}

static void
start_import (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  ImportRequest *request;
  static const CrmImportPolicy policies[] = { CRM_IMPORT_UPDATE, CRM_IMPORT_SKIP, CRM_IMPORT_AS_NEW };

  if (self->running || !gtk_widget_get_sensitive (GTK_WIDGET (self->import_button)))
    return;

  request = g_new0 (ImportRequest, 1);
  request->database_path = g_strdup (self->database_path);
  request->file = g_object_ref (self->file);
  request->format = self->format;
  request->policy = policies[MIN (adw_combo_row_get_selected (self->policy_row), G_N_ELEMENTS (policies) - 1)];
  fill_csv_options (self, &request->csv_options);
  if (self->mapping != NULL)
    {
      request->mapping = g_object_ref (self->mapping);
      request->csv_options.mapping = request->mapping;
    }

  self->running = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  g_clear_object (&self->progress);
  self->progress = crm_progress_relay_new (self->progress_bar, CRM_PROGRESS_BYTES);
  request->progress = g_object_ref (self->progress);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  task = g_task_new (self, self->cancellable, on_import_done, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) import_request_free);
  g_task_run_in_thread (task, run_import);
}

/* Cancel stops a running import, which then rolls back; otherwise it
 * closes the dialog. */
static void
cancel_import (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (widget);

  if (self->running)
    {
      adw_status_page_set_title (self->progress_page, _("Cancelling…"));
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_close_request (CrmImportDialog *self)
{
  /* Closing mid-import cancels it; the window goes once it has rolled
   * back, so the database is never left half-imported. */
  if (self->running)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
crm_import_dialog_dispose (GObject *object)
{
  CrmImportDialog *self = (CrmImportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->dispose (object);
}

static void
crm_import_dialog_finalize (GObject *object)
{
  CrmImportDialog *self = (CrmImportDialog *) object;

  g_free (self->database_path);
  g_clear_object (&self->file);
  g_clear_object (&self->mapping);
  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->record_rows);
  g_ptr_array_unref (self->column_rows);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->finalize (object);
}

static void
crm_import_dialog_class_init (CrmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_import_dialog_dispose;
  object_class->finalize = crm_import_dialog_finalize;

  /* Emitted when an import has committed, for the views to reload. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, archive_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, policy_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, policy_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, csv_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, columns_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, records_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, report_page);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, problems_list);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_import);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_import);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
crm_import_dialog_init (CrmImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->record_rows = g_ptr_array_new ();
  self->column_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (on_csv_option_changed), self);
  g_signal_connect_swapped (self->header_switch, "notify::active", G_CALLBACK (on_csv_option_changed), self);
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (on_encoding_changed), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

/**
 * crm_import_dialog_new:
 * @database_path: the database to import into; the import opens a
 *   connection of its own
 *
 * A dialog for importing @file; it starts reading the preview at once.
 */
CrmImportDialog *
crm_import_dialog_new (GtkWindow  *parent,
                       const char *database_path,
                       GFile      *file)
{
  CrmImportDialog *self = g_object_new (CRM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *name = g_file_get_basename (file);

  self->database_path = g_strdup (database_path);
  self->file = g_object_ref (file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, _("Reading…"));
  adw_window_title_set_subtitle (self->window_title, name);
  start_preview (self, FALSE);
  return self;
}
