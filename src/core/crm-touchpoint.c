/* crm-touchpoint.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-touchpoint.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmTouchpoint
{
  GObject parent_instance;
  gint64 id;
  gint64 customer_id;
  gint64 type_id;
  gint64 channel_id;
  gint64 occurred_at;
  CrmDirection direction;
  CrmOutcome outcome;
  int satisfaction;
  char *note;
  gint64 transaction_id;
};

G_DEFINE_FINAL_TYPE (CrmTouchpoint, crm_touchpoint, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_TYPE_ID,
  PROP_CHANNEL_ID,
  PROP_OCCURRED_AT,
  PROP_DIRECTION,
  PROP_OUTCOME,
  PROP_SATISFACTION,
  PROP_NOTE,
  PROP_TRANSACTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_touchpoint_finalize (GObject *object)
{
  CrmTouchpoint *self = (CrmTouchpoint *) object;

  g_free (self->note);

  G_OBJECT_CLASS (crm_touchpoint_parent_class)->finalize (object);
}

static void
crm_touchpoint_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmTouchpoint *self = CRM_TOUCHPOINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_TYPE_ID:
      g_value_set_int64 (value, self->type_id);
      break;
    case PROP_CHANNEL_ID:
      g_value_set_int64 (value, self->channel_id);
      break;
    case PROP_OCCURRED_AT:
      g_value_set_int64 (value, self->occurred_at);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_SATISFACTION:
      g_value_set_int (value, self->satisfaction);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_TRANSACTION_ID:
      g_value_set_int64 (value, self->transaction_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_touchpoint_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmTouchpoint *self = CRM_TOUCHPOINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_touchpoint_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CUSTOMER_ID:
      crm_touchpoint_set_customer_id (self, g_value_get_int64 (value));
      break;
    case PROP_TYPE_ID:
      crm_touchpoint_set_type_id (self, g_value_get_int64 (value));
      break;
    case PROP_CHANNEL_ID:
      crm_touchpoint_set_channel_id (self, g_value_get_int64 (value));
      break;
    case PROP_OCCURRED_AT:
      crm_touchpoint_set_occurred_at (self, g_value_get_int64 (value));
      break;
    case PROP_DIRECTION:
      crm_touchpoint_set_direction (self, g_value_get_enum (value));
      break;
    case PROP_OUTCOME:
      crm_touchpoint_set_outcome (self, g_value_get_enum (value));
      break;
    case PROP_SATISFACTION:
      crm_touchpoint_set_satisfaction (self, g_value_get_int (value));
      break;
    case PROP_NOTE:
      crm_touchpoint_set_note (self, g_value_get_string (value));
      break;
    case PROP_TRANSACTION_ID:
      crm_touchpoint_set_transaction_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_touchpoint_class_init (CrmTouchpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_touchpoint_finalize;
  object_class->get_property = crm_touchpoint_get_property;
  object_class->set_property = crm_touchpoint_set_property;

  /* Row id in the store; 0 until the object has been saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The customer. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The touchpoint type. */
  properties[PROP_TYPE_ID] =
    g_param_spec_int64 ("type-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The channel. */
  properties[PROP_CHANNEL_ID] =
    g_param_spec_int64 ("channel-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When, in Unix seconds (UTC). */
  properties[PROP_OCCURRED_AT] =
    g_param_spec_int64 ("occurred-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the customer or the company started it. */
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, CRM_TYPE_DIRECTION, CRM_DIRECTION_INBOUND,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* How it went. */
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, CRM_TYPE_OUTCOME, CRM_OUTCOME_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Satisfaction 1 to 5; 0 when not rated. */
  properties[PROP_SATISFACTION] =
    g_param_spec_int ("satisfaction", NULL, NULL, 0, 5, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Free text. */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The transaction it led to; 0 for none. */
  properties[PROP_TRANSACTION_ID] =
    g_param_spec_int64 ("transaction-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_touchpoint_init (CrmTouchpoint *self)
{
  self->direction = CRM_DIRECTION_INBOUND;
  self->outcome = CRM_OUTCOME_NONE;
  self->note = g_strdup ("");
}

CrmTouchpoint *
crm_touchpoint_new (void)
{
  return g_object_new (CRM_TYPE_TOUCHPOINT, NULL);
}

gint64
crm_touchpoint_get_id (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), 0);
  return self->id;
}

void
crm_touchpoint_set_id (CrmTouchpoint *self,
                      gint64 id)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  g_return_if_fail (id >= 0);
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
crm_touchpoint_get_customer_id (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), 0);
  return self->customer_id;
}

void
crm_touchpoint_set_customer_id (CrmTouchpoint *self,
                               gint64 customer_id)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  g_return_if_fail (customer_id >= 0);
  if (self->customer_id == customer_id)
    return;
  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

gint64
crm_touchpoint_get_type_id (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), 0);
  return self->type_id;
}

void
crm_touchpoint_set_type_id (CrmTouchpoint *self,
                           gint64 type_id)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  g_return_if_fail (type_id >= 0);
  if (self->type_id == type_id)
    return;
  self->type_id = type_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_ID]);
}

gint64
crm_touchpoint_get_channel_id (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), 0);
  return self->channel_id;
}

void
crm_touchpoint_set_channel_id (CrmTouchpoint *self,
                              gint64 channel_id)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  g_return_if_fail (channel_id >= 0);
  if (self->channel_id == channel_id)
    return;
  self->channel_id = channel_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL_ID]);
}

gint64
crm_touchpoint_get_occurred_at (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), 0);
  return self->occurred_at;
}

void
crm_touchpoint_set_occurred_at (CrmTouchpoint *self,
                               gint64 occurred_at)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  if (self->occurred_at == occurred_at)
    return;
  self->occurred_at = occurred_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRED_AT]);
}

CrmDirection
crm_touchpoint_get_direction (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), CRM_DIRECTION_INBOUND);
  return self->direction;
}

void
crm_touchpoint_set_direction (CrmTouchpoint *self,
                             CrmDirection direction)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  if (self->direction == direction)
    return;
  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

CrmOutcome
crm_touchpoint_get_outcome (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), CRM_OUTCOME_NONE);
  return self->outcome;
}

void
crm_touchpoint_set_outcome (CrmTouchpoint *self,
                           CrmOutcome outcome)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  if (self->outcome == outcome)
    return;
  self->outcome = outcome;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

int
crm_touchpoint_get_satisfaction (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), 0);
  return self->satisfaction;
}

void
crm_touchpoint_set_satisfaction (CrmTouchpoint *self,
                                int satisfaction)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  g_return_if_fail (satisfaction >= 0 && satisfaction <= 5);
  if (self->satisfaction == satisfaction)
    return;
  self->satisfaction = satisfaction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFACTION]);
}

const char *
crm_touchpoint_get_note (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), NULL);
  return self->note;
}

void
crm_touchpoint_set_note (CrmTouchpoint *self,
                        const char * note)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  if (crm_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gint64
crm_touchpoint_get_transaction_id (CrmTouchpoint *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT (self), 0);
  return self->transaction_id;
}

void
crm_touchpoint_set_transaction_id (CrmTouchpoint *self,
                                  gint64 transaction_id)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT (self));

  g_return_if_fail (transaction_id >= 0);
  if (self->transaction_id == transaction_id)
    return;
  self->transaction_id = transaction_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSACTION_ID]);
}
