/* crm-csv-mapping.h: what each column of a CSV file means for a customer,
 * guessed from the header row (English, Russian, Chinese and Arabic
 * headers, and the ones Google Contacts and Outlook write) or chosen by the
 * user, and how a record becomes a customer or updates a stored one. */
#pragma once

#include <glib-object.h>

#include "crm-customer.h"

G_BEGIN_DECLS

/* Never renumber: the user's choices may be saved as these numbers. */
typedef enum
{
  CRM_CSV_TARGET_IGNORE,
  CRM_CSV_TARGET_DISPLAY_NAME,
  CRM_CSV_TARGET_GIVEN_NAME,
  CRM_CSV_TARGET_FAMILY_NAME,
  CRM_CSV_TARGET_ORGANIZATION,
  CRM_CSV_TARGET_TITLE,
  CRM_CSV_TARGET_EMAIL,
  CRM_CSV_TARGET_PHONE,
  CRM_CSV_TARGET_MOBILE_PHONE,
  CRM_CSV_TARGET_WORK_PHONE,
  CRM_CSV_TARGET_URL,
  CRM_CSV_TARGET_STREET,
  CRM_CSV_TARGET_LOCALITY,
  CRM_CSV_TARGET_REGION,        /* of the postal address: state, province */
  CRM_CSV_TARGET_POSTAL_CODE,
  CRM_CSV_TARGET_COUNTRY,
  CRM_CSV_TARGET_TAGS,          /* separated by ";" or "," */
  CRM_CSV_TARGET_NOTES,
  CRM_CSV_TARGET_OWNER,
  CRM_CSV_TARGET_SEGMENT,
  CRM_CSV_TARGET_SALES_REGION,
  CRM_CSV_TARGET_UID,
  CRM_CSV_TARGET_LABEL,         /* the type of the values of its group ("E-mail 1 - Type") */
  CRM_CSV_N_TARGETS
} CrmCsvTarget;

#define CRM_TYPE_CSV_MAPPING (crm_csv_mapping_get_type ())
G_DECLARE_FINAL_TYPE (CrmCsvMapping, crm_csv_mapping, CRM, CSV_MAPPING, GObject)

const char    *crm_csv_target_get_name      (CrmCsvTarget        target);

CrmCsvMapping *crm_csv_mapping_new          (guint               n_columns);
CrmCsvMapping *crm_csv_guess_mapping        (const char * const *header);
guint          crm_csv_mapping_get_n_columns (CrmCsvMapping     *self);
CrmCsvTarget   crm_csv_mapping_get_target   (CrmCsvMapping      *self,
                                             guint               column);
const char    *crm_csv_mapping_get_label    (CrmCsvMapping      *self,
                                             guint               column);
guint          crm_csv_mapping_get_group    (CrmCsvMapping      *self,
                                             guint               column);
void           crm_csv_mapping_set_column   (CrmCsvMapping      *self,
                                             guint               column,
                                             CrmCsvTarget        target,
                                             const char         *label,
                                             guint               group);
gboolean       crm_csv_mapping_maps         (CrmCsvMapping      *self,
                                             CrmCsvTarget        target);
gboolean       crm_csv_mapping_is_usable    (CrmCsvMapping      *self);

CrmCustomer   *crm_csv_mapping_apply        (CrmCsvMapping      *self,
                                             const char * const *fields,
                                             guint               line,
                                             GPtrArray          *problems);
gboolean       crm_csv_mapping_name_was_composed (CrmCustomer   *customer);
char          *crm_csv_compose_display_name (CrmCustomer        *customer);

G_END_DECLS
