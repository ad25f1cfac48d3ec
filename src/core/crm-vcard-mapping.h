/* crm-vcard-mapping.h: from a vCard as read to a Touchpoint customer: the
 * text escapes and structured values of vCard, the mapping of properties
 * to fields, and the properties Touchpoint does not model, kept as lines so
 * that they go out again on export. */
#pragma once

#include "crm-customer.h"
#include "crm-vcard-card.h"

G_BEGIN_DECLS

char        *crm_vcard_unescape            (const char       *text);
GPtrArray   *crm_vcard_split               (const char       *text,
                                            char              separator);
char        *crm_vcard_property_serialize  (CrmVcardProperty *property);
CrmCustomer *crm_vcard_card_to_customer    (CrmVcardCard     *card);

G_END_DECLS
