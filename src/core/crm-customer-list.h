/* crm-customer-list.h: the customers a query selects, as a GListModel of
 * CrmCustomerSummary that stays instant at a million customers. The sorted
 * ids are computed on a worker thread (first a screenful, then all of
 * them); rows are read a page at a time when the view asks for them and
 * only a bounded number of pages is kept. */
#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_LIST (crm_customer_list_get_type ())
G_DECLARE_FINAL_TYPE (CrmCustomerList, crm_customer_list, CRM, CUSTOMER_LIST, GObject)

CrmCustomerList  *crm_customer_list_new           (CrmStore         *store,
                                                   CrmCustomerQuery *query);
CrmCustomerQuery *crm_customer_list_get_query     (CrmCustomerList  *self);
gboolean          crm_customer_list_get_loading   (CrmCustomerList  *self);
gboolean          crm_customer_list_get_complete  (CrmCustomerList  *self);
guint             crm_customer_list_get_n_items   (CrmCustomerList  *self);
gint64            crm_customer_list_get_id        (CrmCustomerList  *self,
                                                   guint             position);
guint             crm_customer_list_find          (CrmCustomerList  *self,
                                                   gint64            customer_id);
void              crm_customer_list_refresh       (CrmCustomerList  *self);
const GError     *crm_customer_list_get_error     (CrmCustomerList  *self);

G_END_DECLS
