/* crm-vcard-writer.h: customers as vCard 4.0 (the default) or 3.0, folded
 * at 75 octets without splitting a character, with the properties
 * Touchpoint keeps for them written back. */
#pragma once

#include "crm-customer.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_VCARD_VERSION_4_0,
  CRM_VCARD_VERSION_3_0,
} CrmVcardVersion;

void  crm_vcard_write_customer (GString         *out,
                                CrmCustomer     *customer,
                                CrmVcardVersion  version);
char *crm_vcard_escape         (const char      *text,
                                gboolean         structured);

G_END_DECLS
