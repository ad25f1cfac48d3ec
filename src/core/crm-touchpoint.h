/* crm-touchpoint.h: one interaction of a customer with the company at a
 * touchpoint: its type, channel, time, direction, outcome and
 * satisfaction, and the transaction it led to, if any. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_TOUCHPOINT (crm_touchpoint_get_type ())
G_DECLARE_FINAL_TYPE (CrmTouchpoint, crm_touchpoint, CRM, TOUCHPOINT, GObject)

CrmTouchpoint  *crm_touchpoint_new                (void);
gint64          crm_touchpoint_get_id             (CrmTouchpoint *self);
void            crm_touchpoint_set_id             (CrmTouchpoint *self,
                                                   gint64        id);
gint64          crm_touchpoint_get_customer_id    (CrmTouchpoint *self);
void            crm_touchpoint_set_customer_id    (CrmTouchpoint *self,
                                                   gint64        customer_id);
gint64          crm_touchpoint_get_type_id        (CrmTouchpoint *self);
void            crm_touchpoint_set_type_id        (CrmTouchpoint *self,
                                                   gint64        type_id);
gint64          crm_touchpoint_get_channel_id     (CrmTouchpoint *self);
void            crm_touchpoint_set_channel_id     (CrmTouchpoint *self,
                                                   gint64        channel_id);
gint64          crm_touchpoint_get_occurred_at    (CrmTouchpoint *self);
void            crm_touchpoint_set_occurred_at    (CrmTouchpoint *self,
                                                   gint64        occurred_at);
CrmDirection    crm_touchpoint_get_direction      (CrmTouchpoint *self);
void            crm_touchpoint_set_direction      (CrmTouchpoint *self,
                                                   CrmDirection  direction);
CrmOutcome      crm_touchpoint_get_outcome        (CrmTouchpoint *self);
void            crm_touchpoint_set_outcome        (CrmTouchpoint *self,
                                                   CrmOutcome    outcome);
int             crm_touchpoint_get_satisfaction   (CrmTouchpoint *self);
void            crm_touchpoint_set_satisfaction   (CrmTouchpoint *self,
                                                   int           satisfaction);
const char     *crm_touchpoint_get_note           (CrmTouchpoint *self);
void            crm_touchpoint_set_note           (CrmTouchpoint *self,
                                                   const char    *note);
gint64          crm_touchpoint_get_transaction_id (CrmTouchpoint *self);
void            crm_touchpoint_set_transaction_id (CrmTouchpoint *self,
                                                   gint64        transaction_id);

G_END_DECLS
