/* crm-customer-summary.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-customer-summary.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmCustomerSummary
{
  GObject parent_instance;
  gint64 id;
  char *display_name;
  char *organization;
  char *segment;
  char *owner;
  CrmCustomerKind kind;
  CrmLifecycleStage lifecycle_stage;
  gint64 last_touchpoint_at;
  gint64 lifetime_value;
  gint64 n_touchpoints;
};

G_DEFINE_FINAL_TYPE (CrmCustomerSummary, crm_customer_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_ORGANIZATION,
  PROP_SEGMENT,
  PROP_OWNER,
  PROP_KIND,
  PROP_LIFECYCLE_STAGE,
  PROP_LAST_TOUCHPOINT_AT,
  PROP_LIFETIME_VALUE,
  PROP_N_TOUCHPOINTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_customer_summary_finalize (GObject *object)
{
  CrmCustomerSummary *self = (CrmCustomerSummary *) object;

  g_free (self->display_name);
  g_free (self->organization);
  g_free (self->segment);
  g_free (self->owner);

  G_OBJECT_CLASS (crm_customer_summary_parent_class)->finalize (object);
}

static void
crm_customer_summary_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrmCustomerSummary *self = CRM_CUSTOMER_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LIFECYCLE_STAGE:
      g_value_set_enum (value, self->lifecycle_stage);
      break;
    case PROP_LAST_TOUCHPOINT_AT:
      g_value_set_int64 (value, self->last_touchpoint_at);
      break;
    case PROP_LIFETIME_VALUE:
      g_value_set_int64 (value, self->lifetime_value);
      break;
    case PROP_N_TOUCHPOINTS:
      g_value_set_int64 (value, self->n_touchpoints);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_summary_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrmCustomerSummary *self = CRM_CUSTOMER_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_customer_summary_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_DISPLAY_NAME:
      crm_customer_summary_set_display_name (self, g_value_get_string (value));
      break;
    case PROP_ORGANIZATION:
      crm_customer_summary_set_organization (self, g_value_get_string (value));
      break;
    case PROP_SEGMENT:
      crm_customer_summary_set_segment (self, g_value_get_string (value));
      break;
    case PROP_OWNER:
      crm_customer_summary_set_owner (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      crm_customer_summary_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_LIFECYCLE_STAGE:
      crm_customer_summary_set_lifecycle_stage (self, g_value_get_enum (value));
      break;
    case PROP_LAST_TOUCHPOINT_AT:
      crm_customer_summary_set_last_touchpoint_at (self, g_value_get_int64 (value));
      break;
    case PROP_LIFETIME_VALUE:
      crm_customer_summary_set_lifetime_value (self, g_value_get_int64 (value));
      break;
    case PROP_N_TOUCHPOINTS:
      crm_customer_summary_set_n_touchpoints (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_summary_class_init (CrmCustomerSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_customer_summary_finalize;
  object_class->get_property = crm_customer_summary_get_property;
  object_class->set_property = crm_customer_summary_set_property;

  /* The customer's row id. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The name shown. */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Company or organization. */
  properties[PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Customer segment. */
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Account owner. */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Person or organization. */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CRM_TYPE_CUSTOMER_KIND, CRM_CUSTOMER_KIND_PERSON,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Lifecycle stage. */
  properties[PROP_LIFECYCLE_STAGE] =
    g_param_spec_enum ("lifecycle-stage", NULL, NULL, CRM_TYPE_LIFECYCLE_STAGE, CRM_LIFECYCLE_STAGE_LEAD,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Time of the latest touchpoint, Unix seconds; 0 for none. */
  properties[PROP_LAST_TOUCHPOINT_AT] =
    g_param_spec_int64 ("last-touchpoint-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Sum of completed transactions, in minor units. */
  properties[PROP_LIFETIME_VALUE] =
    g_param_spec_int64 ("lifetime-value", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Number of touchpoints. */
  properties[PROP_N_TOUCHPOINTS] =
    g_param_spec_int64 ("n-touchpoints", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_customer_summary_init (CrmCustomerSummary *self)
{
  self->display_name = g_strdup ("");
  self->organization = g_strdup ("");
  self->segment = g_strdup ("");
  self->owner = g_strdup ("");
  self->kind = CRM_CUSTOMER_KIND_PERSON;
  self->lifecycle_stage = CRM_LIFECYCLE_STAGE_LEAD;
}

CrmCustomerSummary *
crm_customer_summary_new (void)
{
  return g_object_new (CRM_TYPE_CUSTOMER_SUMMARY, NULL);
}

gint64
crm_customer_summary_get_id (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), 0);
  return self->id;
}

void
crm_customer_summary_set_id (CrmCustomerSummary *self,
                            gint64 id)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  g_return_if_fail (id >= 0);
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
crm_customer_summary_get_display_name (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), NULL);
  return self->display_name;
}

void
crm_customer_summary_set_display_name (CrmCustomerSummary *self,
                                      const char * display_name)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  if (crm_set_string (&self->display_name, display_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
crm_customer_summary_get_organization (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), NULL);
  return self->organization;
}

void
crm_customer_summary_set_organization (CrmCustomerSummary *self,
                                      const char * organization)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  if (crm_set_string (&self->organization, organization))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION]);
}

const char *
crm_customer_summary_get_segment (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), NULL);
  return self->segment;
}

void
crm_customer_summary_set_segment (CrmCustomerSummary *self,
                                 const char * segment)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  if (crm_set_string (&self->segment, segment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

const char *
crm_customer_summary_get_owner (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), NULL);
  return self->owner;
}

void
crm_customer_summary_set_owner (CrmCustomerSummary *self,
                               const char * owner)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  if (crm_set_string (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

CrmCustomerKind
crm_customer_summary_get_kind (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), CRM_CUSTOMER_KIND_PERSON);
  return self->kind;
}

void
crm_customer_summary_set_kind (CrmCustomerSummary *self,
                              CrmCustomerKind kind)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

CrmLifecycleStage
crm_customer_summary_get_lifecycle_stage (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), CRM_LIFECYCLE_STAGE_LEAD);
  return self->lifecycle_stage;
}

void
crm_customer_summary_set_lifecycle_stage (CrmCustomerSummary *self,
                                         CrmLifecycleStage lifecycle_stage)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  if (self->lifecycle_stage == lifecycle_stage)
    return;
  self->lifecycle_stage = lifecycle_stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIFECYCLE_STAGE]);
}

gint64
crm_customer_summary_get_last_touchpoint_at (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), 0);
  return self->last_touchpoint_at;
}

void
crm_customer_summary_set_last_touchpoint_at (CrmCustomerSummary *self,
                                            gint64 last_touchpoint_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  g_return_if_fail (last_touchpoint_at >= 0);
  if (self->last_touchpoint_at == last_touchpoint_at)
    return;
  self->last_touchpoint_at = last_touchpoint_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_TOUCHPOINT_AT]);
}

gint64
crm_customer_summary_get_lifetime_value (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), 0);
  return self->lifetime_value;
}

void
crm_customer_summary_set_lifetime_value (CrmCustomerSummary *self,
                                        gint64 lifetime_value)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  if (self->lifetime_value == lifetime_value)
    return;
  self->lifetime_value = lifetime_value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIFETIME_VALUE]);
}

gint64
crm_customer_summary_get_n_touchpoints (CrmCustomerSummary *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SUMMARY (self), 0);
  return self->n_touchpoints;
}

void
crm_customer_summary_set_n_touchpoints (CrmCustomerSummary *self,
                                       gint64 n_touchpoints)
{
  g_return_if_fail (CRM_IS_CUSTOMER_SUMMARY (self));

  g_return_if_fail (n_touchpoints >= 0);
  if (self->n_touchpoints == n_touchpoints)
    return;
  self->n_touchpoints = n_touchpoints;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOUCHPOINTS]);
}
