/* crm-import-dialog.h: the import flow for one file: what it is, a preview
 * of the first records as they will be stored, the choice for customers
 * already there (and for a spreadsheet its separator, encoding and
 * columns), then a progress bar with Cancel, then a report of what was
 * done and every problem with its line. One transaction: cancelled or
 * failed means nothing changed. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_IMPORT_DIALOG (crm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrmImportDialog, crm_import_dialog, CRM, IMPORT_DIALOG, AdwWindow)

CrmImportDialog *crm_import_dialog_new (GtkWindow  *parent,
                                        const char *database_path,
                                        GFile      *file);

G_END_DECLS
