/* crm-customer-query.h: which customers the list shows and in which order:
 * the sort column and direction, the search text and the filters. Every
 * change is notified, so a list can follow it. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_QUERY (crm_customer_query_get_type ())
G_DECLARE_FINAL_TYPE (CrmCustomerQuery, crm_customer_query, CRM, CUSTOMER_QUERY, GObject)

CrmCustomerQuery  *crm_customer_query_new                 (void);
CrmCustomerQuery  *crm_customer_query_copy                (CrmCustomerQuery *self);
CrmCustomerSort    crm_customer_query_get_sort            (CrmCustomerQuery *self);
void               crm_customer_query_set_sort            (CrmCustomerQuery *self,
                                                           CrmCustomerSort  sort);
gboolean           crm_customer_query_get_descending      (CrmCustomerQuery *self);
void               crm_customer_query_set_descending      (CrmCustomerQuery *self,
                                                           gboolean         descending);
const char        *crm_customer_query_get_search          (CrmCustomerQuery *self);
void               crm_customer_query_set_search          (CrmCustomerQuery *self,
                                                           const char       *search);
const char        *crm_customer_query_get_segment         (CrmCustomerQuery *self);
void               crm_customer_query_set_segment         (CrmCustomerQuery *self,
                                                           const char       *segment);
const char        *crm_customer_query_get_owner           (CrmCustomerQuery *self);
void               crm_customer_query_set_owner           (CrmCustomerQuery *self,
                                                           const char       *owner);
const char        *crm_customer_query_get_tag             (CrmCustomerQuery *self);
void               crm_customer_query_set_tag             (CrmCustomerQuery *self,
                                                           const char       *tag);
int                crm_customer_query_get_lifecycle_stage (CrmCustomerQuery *self);
void               crm_customer_query_set_lifecycle_stage (CrmCustomerQuery *self,
                                                           int              lifecycle_stage);
int                crm_customer_query_get_rfm_segment     (CrmCustomerQuery *self);
void               crm_customer_query_set_rfm_segment     (CrmCustomerQuery *self,
                                                           int              rfm_segment);

G_END_DECLS
