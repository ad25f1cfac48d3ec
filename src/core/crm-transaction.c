/* crm-transaction.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-transaction.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmTransaction
{
  GObject parent_instance;
  gint64 id;
  gint64 customer_id;
  gint64 occurred_at;
  gint64 amount;
  char *currency;
  char *product;
  CrmTransactionStatus status;
};

G_DEFINE_FINAL_TYPE (CrmTransaction, crm_transaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_OCCURRED_AT,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_PRODUCT,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_transaction_finalize (GObject *object)
{
  CrmTransaction *self = (CrmTransaction *) object;

  g_free (self->currency);
  g_free (self->product);

  G_OBJECT_CLASS (crm_transaction_parent_class)->finalize (object);
}

static void
crm_transaction_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmTransaction *self = CRM_TRANSACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_OCCURRED_AT:
      g_value_set_int64 (value, self->occurred_at);
      break;
    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_PRODUCT:
      g_value_set_string (value, self->product);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_transaction_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmTransaction *self = CRM_TRANSACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_transaction_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CUSTOMER_ID:
      crm_transaction_set_customer_id (self, g_value_get_int64 (value));
      break;
    case PROP_OCCURRED_AT:
      crm_transaction_set_occurred_at (self, g_value_get_int64 (value));
      break;
    case PROP_AMOUNT:
      crm_transaction_set_amount (self, g_value_get_int64 (value));
      break;
    case PROP_CURRENCY:
      crm_transaction_set_currency (self, g_value_get_string (value));
      break;
    case PROP_PRODUCT:
      crm_transaction_set_product (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      crm_transaction_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_transaction_class_init (CrmTransactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_transaction_finalize;
  object_class->get_property = crm_transaction_get_property;
  object_class->set_property = crm_transaction_set_property;

  /* Row id in the store; 0 until the object has been saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The customer who made it. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When, in Unix seconds (UTC). */
  properties[PROP_OCCURRED_AT] =
    g_param_spec_int64 ("occurred-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Amount in minor units (cents); negative for refunds. */
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* ISO 4217 currency code. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What was bought. */
  properties[PROP_PRODUCT] =
    g_param_spec_string ("product", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Pending, completed, refunded or cancelled. */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CRM_TYPE_TRANSACTION_STATUS, CRM_TRANSACTION_STATUS_COMPLETED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_transaction_init (CrmTransaction *self)
{
  self->currency = g_strdup ("");
  self->product = g_strdup ("");
  self->status = CRM_TRANSACTION_STATUS_COMPLETED;
}

CrmTransaction *
crm_transaction_new (void)
{
  return g_object_new (CRM_TYPE_TRANSACTION, NULL);
}

gint64
crm_transaction_get_id (CrmTransaction *self)
{
  g_return_val_if_fail (CRM_IS_TRANSACTION (self), 0);
  return self->id;
}

void
crm_transaction_set_id (CrmTransaction *self,
                       gint64 id)
{
  g_return_if_fail (CRM_IS_TRANSACTION (self));

  g_return_if_fail (id >= 0);
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
crm_transaction_get_customer_id (CrmTransaction *self)
{
  g_return_val_if_fail (CRM_IS_TRANSACTION (self), 0);
  return self->customer_id;
}

void
crm_transaction_set_customer_id (CrmTransaction *self,
                                gint64 customer_id)
{
  g_return_if_fail (CRM_IS_TRANSACTION (self));

  g_return_if_fail (customer_id >= 0);
  if (self->customer_id == customer_id)
    return;
  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

gint64
crm_transaction_get_occurred_at (CrmTransaction *self)
{
  g_return_val_if_fail (CRM_IS_TRANSACTION (self), 0);
  return self->occurred_at;
}

void
crm_transaction_set_occurred_at (CrmTransaction *self,
                                gint64 occurred_at)
{
  g_return_if_fail (CRM_IS_TRANSACTION (self));

  if (self->occurred_at == occurred_at)
    return;
  self->occurred_at = occurred_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRED_AT]);
}

gint64
crm_transaction_get_amount (CrmTransaction *self)
{
  g_return_val_if_fail (CRM_IS_TRANSACTION (self), 0);
  return self->amount;
}

void
crm_transaction_set_amount (CrmTransaction *self,
                           gint64 amount)
{
  g_return_if_fail (CRM_IS_TRANSACTION (self));

  if (self->amount == amount)
    return;
  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

const char *
crm_transaction_get_currency (CrmTransaction *self)
{
  g_return_val_if_fail (CRM_IS_TRANSACTION (self), NULL);
  return self->currency;
}

void
crm_transaction_set_currency (CrmTransaction *self,
                             const char * currency)
{
  g_return_if_fail (CRM_IS_TRANSACTION (self));

  if (crm_set_string (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

const char *
crm_transaction_get_product (CrmTransaction *self)
{
  g_return_val_if_fail (CRM_IS_TRANSACTION (self), NULL);
  return self->product;
}

void
crm_transaction_set_product (CrmTransaction *self,
                            const char * product)
{
  g_return_if_fail (CRM_IS_TRANSACTION (self));

  if (crm_set_string (&self->product, product))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}

CrmTransactionStatus
crm_transaction_get_status (CrmTransaction *self)
{
  g_return_val_if_fail (CRM_IS_TRANSACTION (self), CRM_TRANSACTION_STATUS_COMPLETED);
  return self->status;
}

void
crm_transaction_set_status (CrmTransaction *self,
                           CrmTransactionStatus status)
{
  g_return_if_fail (CRM_IS_TRANSACTION (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
