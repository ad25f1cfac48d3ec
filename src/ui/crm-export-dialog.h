/* crm-export-dialog.h: exporting customers: the format, which customers
 * (everyone, the current search, the selected customer), then the file,
 * then progress with Cancel. Files are written atomically: a cancel or a
 * full disk leaves any file that was there as it was. */
#pragma once

#include <adwaita.h>

#include "crm-customer-query.h"

G_BEGIN_DECLS

#define CRM_TYPE_EXPORT_DIALOG (crm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrmExportDialog, crm_export_dialog, CRM, EXPORT_DIALOG, AdwWindow)

CrmExportDialog *crm_export_dialog_new (GtkWindow        *parent,
                                        const char       *database_path,
                                        CrmCustomerQuery *search,
                                        guint             n_found,
                                        gint64            selected_id);

G_END_DECLS
