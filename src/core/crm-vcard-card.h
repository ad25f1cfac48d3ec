/* crm-vcard-card.h: one vCard as read from a file: its version, where it
 * starts, its properties in file order, and the problems found in it, each
 * with the line it is on. */
#pragma once

#include <glib-object.h>

#include "crm-vcard-property.h"

G_BEGIN_DECLS

#define CRM_TYPE_VCARD_CARD (crm_vcard_card_get_type ())
G_DECLARE_FINAL_TYPE (CrmVcardCard, crm_vcard_card, CRM, VCARD_CARD, GObject)

CrmVcardCard *crm_vcard_card_new             (guint             first_line);
guint         crm_vcard_card_get_first_line  (CrmVcardCard     *self);
const char   *crm_vcard_card_get_version     (CrmVcardCard     *self);
void          crm_vcard_card_set_version     (CrmVcardCard     *self,
                                              const char       *version);
GPtrArray    *crm_vcard_card_get_properties  (CrmVcardCard     *self);
void          crm_vcard_card_add_property    (CrmVcardCard     *self,
                                              CrmVcardProperty *property);
void          crm_vcard_card_take_property   (CrmVcardCard     *self,
                                              CrmVcardProperty *property);
CrmVcardProperty *crm_vcard_card_find        (CrmVcardCard     *self,
                                              const char       *name);
GPtrArray    *crm_vcard_card_get_problems    (CrmVcardCard     *self);
void          crm_vcard_card_add_problem     (CrmVcardCard     *self,
                                              guint             line,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (3, 4);
gboolean      crm_vcard_card_get_skipped     (CrmVcardCard     *self);
void          crm_vcard_card_set_skipped     (CrmVcardCard     *self,
                                              gboolean          skipped);
gboolean      crm_vcard_card_get_complete    (CrmVcardCard     *self);
void          crm_vcard_card_set_complete    (CrmVcardCard     *self,
                                              gboolean          complete);

G_END_DECLS
