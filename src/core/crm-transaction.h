/* crm-transaction.h: an order or payment of a customer. Money is an
 * integer amount in minor units of its currency, never a float. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_TRANSACTION (crm_transaction_get_type ())
G_DECLARE_FINAL_TYPE (CrmTransaction, crm_transaction, CRM, TRANSACTION, GObject)

CrmTransaction       *crm_transaction_new             (void);
gint64                crm_transaction_get_id          (CrmTransaction       *self);
void                  crm_transaction_set_id          (CrmTransaction       *self,
                                                       gint64               id);
gint64                crm_transaction_get_customer_id (CrmTransaction       *self);
void                  crm_transaction_set_customer_id (CrmTransaction       *self,
                                                       gint64               customer_id);
gint64                crm_transaction_get_occurred_at (CrmTransaction       *self);
void                  crm_transaction_set_occurred_at (CrmTransaction       *self,
                                                       gint64               occurred_at);
gint64                crm_transaction_get_amount      (CrmTransaction       *self);
void                  crm_transaction_set_amount      (CrmTransaction       *self,
                                                       gint64               amount);
const char           *crm_transaction_get_currency    (CrmTransaction       *self);
void                  crm_transaction_set_currency    (CrmTransaction       *self,
                                                       const char           *currency);
const char           *crm_transaction_get_product     (CrmTransaction       *self);
void                  crm_transaction_set_product     (CrmTransaction       *self,
                                                       const char           *product);
CrmTransactionStatus  crm_transaction_get_status      (CrmTransaction       *self);
void                  crm_transaction_set_status      (CrmTransaction       *self,
                                                       CrmTransactionStatus status);

G_END_DECLS
