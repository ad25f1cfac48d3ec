/* crm-customer-editor.h: one customer's page: every field editable and
 * checked as it is typed, the data completeness, and the customer's
 * touchpoints and transactions, newest first. */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_EDITOR (crm_customer_editor_get_type ())
G_DECLARE_FINAL_TYPE (CrmCustomerEditor, crm_customer_editor, CRM, CUSTOMER_EDITOR, AdwBin)

GtkWidget   *crm_customer_editor_new          (void);
gboolean     crm_customer_editor_load         (CrmCustomerEditor *self,
                                               CrmStore          *store,
                                               gint64             customer_id,
                                               GError           **error);
void         crm_customer_editor_new_customer (CrmCustomerEditor *self,
                                               CrmStore          *store);
CrmCustomer *crm_customer_editor_get_customer (CrmCustomerEditor *self);
gboolean     crm_customer_editor_is_valid     (CrmCustomerEditor *self);
gboolean     crm_customer_editor_is_dirty     (CrmCustomerEditor *self);
gboolean     crm_customer_editor_save         (CrmCustomerEditor *self,
                                               GError           **error);

G_END_DECLS
