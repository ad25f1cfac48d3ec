/* crm-export-dialog.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-export-dialog.h"
#include "crm-file-chooser.h"
#include "crm-file-transfer.h"
#include "crm-progress-relay.h"
#include "crm-utils.h"

/* In the order of the format row's items. */
static const CrmFileFormat formats[] = {
  CRM_FILE_FORMAT_VCARD_4, CRM_FILE_FORMAT_VCARD_3, CRM_FILE_FORMAT_XCARD, CRM_FILE_FORMAT_CSV,
  CRM_FILE_FORMAT_CSV_TOUCHPOINTS, CRM_FILE_FORMAT_CSV_TRANSACTIONS, CRM_FILE_FORMAT_ARCHIVE,
};

typedef enum
{
  SCOPE_EVERYONE,
  SCOPE_SEARCH,
  SCOPE_SELECTED,
} Scope;

struct _CrmExportDialog
{
  AdwWindow         parent_instance;

  char             *database_path;
  CrmCustomerQuery *search;
  gint64            selected_id;
  GArray           *scopes;          /* of Scope, in the scope row's order */
  GCancellable     *cancellable;
  gboolean          running;

  CrmProgressRelay *progress;

  /* Template widgets */
  GtkButton         *export_button;
  GtkStack          *stack;
  AdwComboRow       *format_row;
  AdwComboRow       *scope_row;
  AdwStatusPage     *progress_page;
  GtkProgressBar    *progress_bar;
};

G_DEFINE_FINAL_TYPE (CrmExportDialog, crm_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CrmFileFormat
chosen_format (CrmExportDialog *self)
{
  return formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)];
}

/* The archive and the touchpoint and transaction tables are always whole. */
static void
on_format_changed (CrmExportDialog *self)
{
  CrmFileFormat format = chosen_format (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row),
                            format != CRM_FILE_FORMAT_ARCHIVE && format != CRM_FILE_FORMAT_CSV_TOUCHPOINTS
                            && format != CRM_FILE_FORMAT_CSV_TRANSACTIONS);
}

typedef struct
{
  char             *database_path;
  GFile            *file;
  CrmFileFormat     format;
  Scope             scope;
  CrmCustomerQuery *search;
  gint64            selected_id;
  CrmProgressRelay *progress;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->progress);
  g_free (request->database_path);
  g_object_unref (request->file);
  g_clear_object (&request->search);
  g_free (request);
}

static void
run_export (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  ExportRequest *request = data;
  GError *error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (request->database_path, &error);
  g_autoptr(GArray) ids = NULL;

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (request->scope == SCOPE_SEARCH)
    {
      ids = crm_store_query_customer_ids (store, request->search, 0, cancellable, &error);
      if (ids == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else if (request->scope == SCOPE_SELECTED)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, request->selected_id);
    }
  if (!crm_export_file (store, request->file, request->format, ids, crm_progress_relay_report, request->progress, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  self->running = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup_printf (_("Export to %s cancelled; nothing was written"), name);
      else
        message = g_strdup_printf (_("Could not export to %s: %s"), name, error->message);
    }
  else
    message = g_strdup_printf (_("Exported to %s"), name);
  g_signal_emit (self, signals[EXPORTED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(CrmExportDialog) self = user_data;
  g_autoptr(GTask) task = NULL;
  ExportRequest *request;

  if (file == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  request = g_new0 (ExportRequest, 1);
  request->database_path = g_strdup (self->database_path);
  request->file = g_object_ref (file);
  request->format = chosen_format (self);
  request->scope = g_array_index (self->scopes, Scope, MIN (adw_combo_row_get_selected (self->scope_row),
                                                            self->scopes->len - 1));
  request->search = self->search != NULL ? crm_customer_query_copy (self->search) : NULL;
  request->selected_id = self->selected_id;

  self->running = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  g_clear_object (&self->progress);
  self->progress = crm_progress_relay_new (self->progress_bar, CRM_PROGRESS_RECORDS);
  request->progress = g_object_ref (self->progress);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  task = g_task_new (self, self->cancellable, on_export_done, g_object_ref (file));
  g_task_set_task_data (task, request, (GDestroyNotify) export_request_free);
  g_task_run_in_thread (task, run_export);
}

static void
choose_file (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (widget);
  CrmFileFormat format = chosen_format (self);
  g_autofree char *name = NULL;

  if (self->running)
    return;
  /* TRANSLATORS: the suggested file name of an export, without extension */
  name = g_strdup_printf ("%s.%s", format == CRM_FILE_FORMAT_ARCHIVE ? _("touchpoint-backup")
                                   : format == CRM_FILE_FORMAT_CSV_TOUCHPOINTS ? _("touchpoints")
                                   : format == CRM_FILE_FORMAT_CSV_TRANSACTIONS ? _("transactions")
                                   : _("customers"),
                          crm_file_format_get_extension (format));
  crm_file_chooser_save (GTK_WINDOW (self), _("Export To"), name, on_file_chosen, g_object_ref (self));
}

static void
cancel_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmExportDialog *self = CRM_EXPORT_DIALOG (widget);

  if (self->running)
    {
      adw_status_page_set_title (self->progress_page, _("Cancelling…"));
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_close_request (CrmExportDialog *self)
{
  /* The window goes once the export has stopped and thrown its file away. */
  g_cancellable_cancel (self->cancellable);
  return self->running;
}

static void
crm_export_dialog_dispose (GObject *object)
{
  CrmExportDialog *self = (CrmExportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (crm_export_dialog_parent_class)->dispose (object);
}

static void
crm_export_dialog_finalize (GObject *object)
{
  CrmExportDialog *self = (CrmExportDialog *) object;

  g_free (self->database_path);
  g_clear_object (&self->search);
  g_clear_object (&self->cancellable);
  g_array_unref (self->scopes);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (crm_export_dialog_parent_class)->finalize (object);
}

static void
crm_export_dialog_class_init (CrmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_export_dialog_dispose;
  object_class->finalize = crm_export_dialog_finalize;

  /* Emitted when the export ended, with a message for the user. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, CrmExportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_export);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
crm_export_dialog_init (CrmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->scopes = g_array_new (FALSE, FALSE, sizeof (Scope));
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_format_changed), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
}

static void
add_scope (CrmExportDialog *self,
           GtkStringList   *names,
           Scope            scope,
           const char      *name)
{
  g_array_append_val (self->scopes, scope);
  gtk_string_list_append (names, name);
}

/**
 * crm_export_dialog_new:
 * @search: (nullable): the customer list's current search and filters
 * @n_found: how many customers @search finds
 * @selected_id: the selected customer, or 0
 */
CrmExportDialog *
crm_export_dialog_new (GtkWindow        *parent,
                       const char       *database_path,
                       CrmCustomerQuery *search,
                       guint             n_found,
                       gint64            selected_id)
{
  CrmExportDialog *self = g_object_new (CRM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->database_path = g_strdup (database_path);
  self->search = search != NULL ? crm_customer_query_copy (search) : NULL;
  self->selected_id = selected_id;

  add_scope (self, names, SCOPE_EVERYONE, _("Everyone"));
  if (search != NULL && (*crm_customer_query_get_search (search) != '\0' || *crm_customer_query_get_segment (search) != '\0'
                         || *crm_customer_query_get_owner (search) != '\0' || *crm_customer_query_get_tag (search) != '\0'
                         || crm_customer_query_get_lifecycle_stage (search) >= 0))
    {
      g_autofree char *count = crm_format_count (n_found);
      g_autofree char *name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The current search (%s customer)",
                                                            "The current search (%s customers)", n_found), count);

      add_scope (self, names, SCOPE_SEARCH, name);
    }
  if (selected_id > 0)
    add_scope (self, names, SCOPE_SELECTED, _("The selected customer"));
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (names));
  return self;
}
