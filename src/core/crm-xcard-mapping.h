/* crm-xcard-mapping.h: between a vCard property and its xCard element, by
 * RFC 6351. The reader turns each element into the CrmVcardProperty the
 * vCard reader would have made from the same property in vCard 4.0, so
 * crm_vcard_card_to_customer() reads both formats alike; the writer takes
 * an xCard form of a vCard property only if turning it back gives the
 * same vCard line, so that nothing is lost on the way through XML. */
#pragma once

#include "crm-vcard-property.h"
#include "crm-xcard-property.h"

G_BEGIN_DECLS

CrmVcardProperty *crm_xcard_property_to_vcard   (CrmXcardProperty  *self,
                                                 char             **problem);
CrmXcardProperty *crm_xcard_property_from_vcard (CrmVcardProperty  *property);

gboolean          crm_xcard_is_name             (const char        *name);
gboolean          crm_xcard_is_group_name       (const char        *name);
gboolean          crm_xcard_is_value_type       (const char        *type);
GPtrArray        *crm_xcard_split_escaped       (const char        *text,
                                                 char               separator);

G_END_DECLS
