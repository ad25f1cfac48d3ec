/* crm-importer.h: importing customers from files into the store, as one
 * transaction: cancelled or failed means nothing changed. Records that are
 * already there (same uid or alias, e-mail or phone) are skipped, updated
 * or imported as new, as the user chose; importing the same file twice
 * changes nothing the second time. */
#pragma once

#include "crm-demo-generator.h"
#include "crm-import-report.h"
#include "crm-store.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_IMPORT_UPDATE,    /* a record already there takes the file's values */
  CRM_IMPORT_SKIP,      /* a record already there is left as it is */
  CRM_IMPORT_AS_NEW,    /* every record becomes a new customer */
} CrmImportPolicy;

CrmImportReport *crm_import_vcard (CrmStore         *store,
                                   GInputStream     *stream,
                                   CrmImportPolicy   policy,
                                   CrmProgressFunc   progress,
                                   gpointer          user_data,
                                   GCancellable     *cancellable,
                                   GError          **error);

G_END_DECLS
