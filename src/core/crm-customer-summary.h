/* crm-customer-summary.h: one row of the customer list: the few fields the
 * list shows and sorts by, read in pages so that a million customers never
 * sit in memory at once. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_SUMMARY (crm_customer_summary_get_type ())
G_DECLARE_FINAL_TYPE (CrmCustomerSummary, crm_customer_summary, CRM, CUSTOMER_SUMMARY, GObject)

CrmCustomerSummary  *crm_customer_summary_new                    (void);
gint64               crm_customer_summary_get_id                 (CrmCustomerSummary *self);
void                 crm_customer_summary_set_id                 (CrmCustomerSummary *self,
                                                                  gint64             id);
const char          *crm_customer_summary_get_display_name       (CrmCustomerSummary *self);
void                 crm_customer_summary_set_display_name       (CrmCustomerSummary *self,
                                                                  const char         *display_name);
const char          *crm_customer_summary_get_organization       (CrmCustomerSummary *self);
void                 crm_customer_summary_set_organization       (CrmCustomerSummary *self,
                                                                  const char         *organization);
const char          *crm_customer_summary_get_segment            (CrmCustomerSummary *self);
void                 crm_customer_summary_set_segment            (CrmCustomerSummary *self,
                                                                  const char         *segment);
const char          *crm_customer_summary_get_owner              (CrmCustomerSummary *self);
void                 crm_customer_summary_set_owner              (CrmCustomerSummary *self,
                                                                  const char         *owner);
CrmCustomerKind      crm_customer_summary_get_kind               (CrmCustomerSummary *self);
void                 crm_customer_summary_set_kind               (CrmCustomerSummary *self,
                                                                  CrmCustomerKind    kind);
CrmLifecycleStage    crm_customer_summary_get_lifecycle_stage    (CrmCustomerSummary *self);
void                 crm_customer_summary_set_lifecycle_stage    (CrmCustomerSummary *self,
                                                                  CrmLifecycleStage  lifecycle_stage);
gint64               crm_customer_summary_get_last_touchpoint_at (CrmCustomerSummary *self);
void                 crm_customer_summary_set_last_touchpoint_at (CrmCustomerSummary *self,
                                                                  gint64             last_touchpoint_at);
gint64               crm_customer_summary_get_lifetime_value     (CrmCustomerSummary *self);
void                 crm_customer_summary_set_lifetime_value     (CrmCustomerSummary *self,
                                                                  gint64             lifetime_value);
gint64               crm_customer_summary_get_n_touchpoints      (CrmCustomerSummary *self);
void                 crm_customer_summary_set_n_touchpoints      (CrmCustomerSummary *self,
                                                                  gint64             n_touchpoints);

G_END_DECLS
