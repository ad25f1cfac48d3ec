/* crm-importer.h: bringing customers read from any file format into the
 * store, as one transaction: cancelled or failed means nothing changed.
 * Records that are already there (same uid or alias, e-mail or phone) are
 * skipped, updated or imported as new, as the user chose; importing the
 * same file twice changes nothing the second time.
 *
 * A format's import function reads its file and hands each customer to
 * crm_importer_add(); the importer does the matching, the counting and
 * the report. */
#pragma once

#include "crm-demo-generator.h"
#include "crm-import-report.h"
#include "crm-store.h"
#include "crm-vcard-card.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_IMPORT_UPDATE,    /* a record already there takes the file's values */
  CRM_IMPORT_SKIP,      /* a record already there is left as it is */
  CRM_IMPORT_AS_NEW,    /* every record becomes a new customer */
} CrmImportPolicy;

/* Copies what a file format holds from @incoming onto @stored, an existing
 * customer; what the format does not hold must stay as it is. */
typedef void (*CrmImportMergeFunc) (CrmCustomer *stored,
                                    CrmCustomer *incoming);

#define CRM_TYPE_IMPORTER (crm_importer_get_type ())
G_DECLARE_FINAL_TYPE (CrmImporter, crm_importer, CRM, IMPORTER, GObject)

CrmImporter     *crm_importer_new          (CrmStore           *store,
                                            CrmImportPolicy     policy);
void             crm_importer_set_merge_func (CrmImporter      *self,
                                            CrmImportMergeFunc  merge);
void             crm_importer_set_progress (CrmImporter        *self,
                                            CrmProgressFunc     progress,
                                            gpointer            user_data,
                                            guint64             total);
gboolean         crm_importer_begin        (CrmImporter        *self,
                                            GError            **error);
gboolean         crm_importer_add          (CrmImporter        *self,
                                            CrmCustomer        *incoming,
                                            GError            **error);
void             crm_importer_skip         (CrmImporter        *self);
void             crm_importer_add_problem  (CrmImporter        *self,
                                            const char         *problem);
gboolean         crm_importer_record_done  (CrmImporter        *self,
                                            guint64             position,
                                            GCancellable       *cancellable,
                                            GError            **error);
CrmImportReport *crm_importer_commit       (CrmImporter        *self,
                                            GCancellable       *cancellable,
                                            GError            **error);
void             crm_importer_rollback     (CrmImporter        *self);

void             crm_import_merge_vcard_fields (CrmCustomer    *stored,
                                                CrmCustomer    *incoming);

/* A reader of vCard or xCard cards, for crm_import_cards(). */
typedef CrmVcardCard *(*CrmCardReadFunc)     (gpointer       reader,
                                              GCancellable  *cancellable,
                                              GError       **error);
typedef guint64       (*CrmCardPositionFunc) (gpointer       reader);

CrmImportReport *crm_import_cards          (CrmStore           *store,
                                            GInputStream       *stream,
                                            gpointer            reader,
                                            CrmCardReadFunc     next,
                                            CrmCardPositionFunc position,
                                            CrmImportPolicy     policy,
                                            CrmProgressFunc     progress,
                                            gpointer            user_data,
                                            GCancellable       *cancellable,
                                            GError            **error);
CrmImportReport *crm_import_vcard          (CrmStore           *store,
                                            GInputStream       *stream,
                                            CrmImportPolicy     policy,
                                            CrmProgressFunc     progress,
                                            gpointer            user_data,
                                            GCancellable       *cancellable,
                                            GError            **error);

G_END_DECLS
