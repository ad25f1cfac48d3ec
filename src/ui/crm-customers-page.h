/* crm-customers-page.h: the Customers view: search as you type, filters,
 * and a sortable list that stays instant at a million customers. */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMERS_PAGE (crm_customers_page_get_type ())
G_DECLARE_FINAL_TYPE (CrmCustomersPage, crm_customers_page, CRM, CUSTOMERS_PAGE, AdwBin)

GtkWidget        *crm_customers_page_new        (void);
void              crm_customers_page_set_store  (CrmCustomersPage *self,
                                                 CrmStore         *store);
CrmCustomerQuery *crm_customers_page_get_query  (CrmCustomersPage *self);
GListModel       *crm_customers_page_get_model  (CrmCustomersPage *self);
gint64            crm_customers_page_get_selected_id (CrmCustomersPage *self);
void              crm_customers_page_reload     (CrmCustomersPage *self);
void              crm_customers_page_focus_search (CrmCustomersPage *self);
void              crm_customers_page_focus_list   (CrmCustomersPage *self);
void              crm_customers_page_open_customer (CrmCustomersPage *self,
                                                   gint64            customer_id);

G_END_DECLS
