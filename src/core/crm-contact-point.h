/* crm-contact-point.h: one e-mail address, phone number or web address of a
 * customer, with its type label ("work", "home", "mobile" or the user's own)
 * and whether the customer prefers it. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_CONTACT_POINT (crm_contact_point_get_type ())
G_DECLARE_FINAL_TYPE (CrmContactPoint, crm_contact_point, CRM, CONTACT_POINT, GObject)

CrmContactPoint *crm_contact_point_new           (CrmContactKind   kind,
                                                  const char      *value,
                                                  const char      *label,
                                                  gboolean         preferred);
CrmContactKind   crm_contact_point_get_kind      (CrmContactPoint *self);
void             crm_contact_point_set_kind      (CrmContactPoint *self,
                                                  CrmContactKind   kind);
const char      *crm_contact_point_get_value     (CrmContactPoint *self);
void             crm_contact_point_set_value     (CrmContactPoint *self,
                                                  const char      *value);
const char      *crm_contact_point_get_label     (CrmContactPoint *self);
void             crm_contact_point_set_label     (CrmContactPoint *self,
                                                  const char      *label);
gboolean         crm_contact_point_get_preferred (CrmContactPoint *self);
void             crm_contact_point_set_preferred (CrmContactPoint *self,
                                                  gboolean         preferred);

G_END_DECLS
