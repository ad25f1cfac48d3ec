/* crm-address.h: a postal address of a customer, in the components vCard's
 * ADR has, with its type label and preference. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_ADDRESS (crm_address_get_type ())
G_DECLARE_FINAL_TYPE (CrmAddress, crm_address, CRM, ADDRESS, GObject)

CrmAddress  *crm_address_new             (void);
const char  *crm_address_get_label       (CrmAddress *self);
void         crm_address_set_label       (CrmAddress *self,
                                          const char *label);
gboolean     crm_address_get_preferred   (CrmAddress *self);
void         crm_address_set_preferred   (CrmAddress *self,
                                          gboolean   preferred);
const char  *crm_address_get_po_box      (CrmAddress *self);
void         crm_address_set_po_box      (CrmAddress *self,
                                          const char *po_box);
const char  *crm_address_get_extended    (CrmAddress *self);
void         crm_address_set_extended    (CrmAddress *self,
                                          const char *extended);
const char  *crm_address_get_street      (CrmAddress *self);
void         crm_address_set_street      (CrmAddress *self,
                                          const char *street);
const char  *crm_address_get_locality    (CrmAddress *self);
void         crm_address_set_locality    (CrmAddress *self,
                                          const char *locality);
const char  *crm_address_get_region      (CrmAddress *self);
void         crm_address_set_region      (CrmAddress *self,
                                          const char *region);
const char  *crm_address_get_postal_code (CrmAddress *self);
void         crm_address_set_postal_code (CrmAddress *self,
                                          const char *postal_code);
const char  *crm_address_get_country     (CrmAddress *self);
void         crm_address_set_country     (CrmAddress *self,
                                          const char *country);
gboolean     crm_address_is_empty        (CrmAddress *self);
char        *crm_address_format          (CrmAddress *self);
char        *crm_address_format_parts    (const char * const parts[7]);

G_END_DECLS
