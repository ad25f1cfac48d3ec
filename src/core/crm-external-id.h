/* crm-external-id.h: the id a customer has in another system (an ERP, a
 * web shop, a phone's address book), so that one customer keeps one
 * identity across systems. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_EXTERNAL_ID (crm_external_id_get_type ())
G_DECLARE_FINAL_TYPE (CrmExternalId, crm_external_id, CRM, EXTERNAL_ID, GObject)

CrmExternalId  *crm_external_id_new        (void);
const char     *crm_external_id_get_system (CrmExternalId *self);
void            crm_external_id_set_system (CrmExternalId *self,
                                            const char    *system);
const char     *crm_external_id_get_value  (CrmExternalId *self);
void            crm_external_id_set_value  (CrmExternalId *self,
                                            const char    *value);

G_END_DECLS
