/* crm-customer.h: a person or organization the company serves. The uid is
 * the unified customer ID: stable for the customer's whole life, shared
 * with other systems and kept through merges. Besides its properties a
 * customer holds lists of contact points, addresses, external IDs and the
 * vCard properties Touchpoint does not model, kept verbatim so that an
 * import followed by an export loses nothing. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"
#include "crm-address.h"
#include "crm-contact-point.h"
#include "crm-external-id.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER (crm_customer_get_type ())
G_DECLARE_FINAL_TYPE (CrmCustomer, crm_customer, CRM, CUSTOMER, GObject)

CrmCustomer         *crm_customer_new                   (void);
gint64               crm_customer_get_id                (CrmCustomer        *self);
void                 crm_customer_set_id                (CrmCustomer        *self,
                                                         gint64             id);
const char          *crm_customer_get_uid               (CrmCustomer        *self);
void                 crm_customer_set_uid               (CrmCustomer        *self,
                                                         const char         *uid);
CrmCustomerKind      crm_customer_get_kind              (CrmCustomer        *self);
void                 crm_customer_set_kind              (CrmCustomer        *self,
                                                         CrmCustomerKind    kind);
const char          *crm_customer_get_given_name        (CrmCustomer        *self);
void                 crm_customer_set_given_name        (CrmCustomer        *self,
                                                         const char         *given_name);
const char          *crm_customer_get_family_name       (CrmCustomer        *self);
void                 crm_customer_set_family_name       (CrmCustomer        *self,
                                                         const char         *family_name);
const char          *crm_customer_get_display_name      (CrmCustomer        *self);
void                 crm_customer_set_display_name      (CrmCustomer        *self,
                                                         const char         *display_name);
const char          *crm_customer_get_organization      (CrmCustomer        *self);
void                 crm_customer_set_organization      (CrmCustomer        *self,
                                                         const char         *organization);
const char          *crm_customer_get_title             (CrmCustomer        *self);
void                 crm_customer_set_title             (CrmCustomer        *self,
                                                         const char         *title);
const char          *crm_customer_get_owner             (CrmCustomer        *self);
void                 crm_customer_set_owner             (CrmCustomer        *self,
                                                         const char         *owner);
const char          *crm_customer_get_region            (CrmCustomer        *self);
void                 crm_customer_set_region            (CrmCustomer        *self,
                                                         const char         *region);
const char          *crm_customer_get_segment           (CrmCustomer        *self);
void                 crm_customer_set_segment           (CrmCustomer        *self,
                                                         const char         *segment);
CrmLifecycleStage    crm_customer_get_lifecycle_stage   (CrmCustomer        *self);
void                 crm_customer_set_lifecycle_stage   (CrmCustomer        *self,
                                                         CrmLifecycleStage  lifecycle_stage);
const char * const  *crm_customer_get_tags              (CrmCustomer        *self);
void                 crm_customer_set_tags              (CrmCustomer        *self,
                                                         const char * const *tags);
const char          *crm_customer_get_notes             (CrmCustomer        *self);
void                 crm_customer_set_notes             (CrmCustomer        *self,
                                                         const char         *notes);
const char * const  *crm_customer_get_vcard_properties  (CrmCustomer        *self);
void                 crm_customer_set_vcard_properties  (CrmCustomer        *self,
                                                         const char * const *vcard_properties);
gint64               crm_customer_get_created_at        (CrmCustomer        *self);
void                 crm_customer_set_created_at        (CrmCustomer        *self,
                                                         gint64             created_at);
gint64               crm_customer_get_updated_at        (CrmCustomer        *self);
void                 crm_customer_set_updated_at        (CrmCustomer        *self,
                                                         gint64             updated_at);
GPtrArray           *crm_customer_get_contact_points    (CrmCustomer        *self);
void                 crm_customer_add_contact_point     (CrmCustomer        *self,
                                                         CrmContactPoint    *point);
void                 crm_customer_clear_contact_points  (CrmCustomer        *self);
const char          *crm_customer_get_preferred_contact (CrmCustomer        *self,
                                                         CrmContactKind     kind);
GPtrArray           *crm_customer_get_addresses         (CrmCustomer        *self);
void                 crm_customer_add_address           (CrmCustomer        *self,
                                                         CrmAddress         *address);
void                 crm_customer_clear_addresses       (CrmCustomer        *self);
GPtrArray           *crm_customer_get_external_ids      (CrmCustomer        *self);
void                 crm_customer_add_external_id       (CrmCustomer        *self,
                                                         CrmExternalId      *external_id);
void                 crm_customer_clear_external_ids    (CrmCustomer        *self);
CrmDataField         crm_customer_get_missing_data      (CrmCustomer        *self,
                                                         CrmDataField       required);

G_END_DECLS
