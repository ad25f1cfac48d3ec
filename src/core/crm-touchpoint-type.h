/* crm-touchpoint-type.h: a kind of touchpoint the company offers (a web
 * sign-up, a store visit, a support call), the journey stage it belongs
 * to, whether it is a moment of truth, and the minimum data it needs. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_TOUCHPOINT_TYPE (crm_touchpoint_type_get_type ())
G_DECLARE_FINAL_TYPE (CrmTouchpointType, crm_touchpoint_type, CRM, TOUCHPOINT_TYPE, GObject)

CrmTouchpointType  *crm_touchpoint_type_new                 (void);
gint64              crm_touchpoint_type_get_id              (CrmTouchpointType *self);
void                crm_touchpoint_type_set_id              (CrmTouchpointType *self,
                                                             gint64            id);
const char         *crm_touchpoint_type_get_name            (CrmTouchpointType *self);
void                crm_touchpoint_type_set_name            (CrmTouchpointType *self,
                                                             const char        *name);
const char         *crm_touchpoint_type_get_stage           (CrmTouchpointType *self);
void                crm_touchpoint_type_set_stage           (CrmTouchpointType *self,
                                                             const char        *stage);
gboolean            crm_touchpoint_type_get_moment_of_truth (CrmTouchpointType *self);
void                crm_touchpoint_type_set_moment_of_truth (CrmTouchpointType *self,
                                                             gboolean          moment_of_truth);
CrmDataField        crm_touchpoint_type_get_required_data   (CrmTouchpointType *self);
void                crm_touchpoint_type_set_required_data   (CrmTouchpointType *self,
                                                             CrmDataField      required_data);

G_END_DECLS
