/* crm-touchpoint-type.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-touchpoint-type.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmTouchpointType
{
  GObject parent_instance;
  gint64 id;
  char *name;
  char *stage;
  gboolean moment_of_truth;
  CrmDataField required_data;
};

G_DEFINE_FINAL_TYPE (CrmTouchpointType, crm_touchpoint_type, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STAGE,
  PROP_MOMENT_OF_TRUTH,
  PROP_REQUIRED_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_touchpoint_type_finalize (GObject *object)
{
  CrmTouchpointType *self = (CrmTouchpointType *) object;

  g_free (self->name);
  g_free (self->stage);

  G_OBJECT_CLASS (crm_touchpoint_type_parent_class)->finalize (object);
}

static void
crm_touchpoint_type_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrmTouchpointType *self = CRM_TOUCHPOINT_TYPE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_MOMENT_OF_TRUTH:
      g_value_set_boolean (value, self->moment_of_truth);
      break;
    case PROP_REQUIRED_DATA:
      g_value_set_flags (value, self->required_data);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_touchpoint_type_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrmTouchpointType *self = CRM_TOUCHPOINT_TYPE (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_touchpoint_type_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      crm_touchpoint_type_set_name (self, g_value_get_string (value));
      break;
    case PROP_STAGE:
      crm_touchpoint_type_set_stage (self, g_value_get_string (value));
      break;
    case PROP_MOMENT_OF_TRUTH:
      crm_touchpoint_type_set_moment_of_truth (self, g_value_get_boolean (value));
      break;
    case PROP_REQUIRED_DATA:
      crm_touchpoint_type_set_required_data (self, g_value_get_flags (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_touchpoint_type_class_init (CrmTouchpointTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_touchpoint_type_finalize;
  object_class->get_property = crm_touchpoint_type_get_property;
  object_class->set_property = crm_touchpoint_type_set_property;

  /* Row id in the store; 0 until the object has been saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The name shown to the user; unique. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Journey stage: "awareness", "consideration", "purchase", "service", "loyalty" or the user's own. */
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the user flagged it as a moment of truth. */
  properties[PROP_MOMENT_OF_TRUTH] =
    g_param_spec_boolean ("moment-of-truth", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The minimum-data profile: what must be known about the customer. */
  properties[PROP_REQUIRED_DATA] =
    g_param_spec_flags ("required-data", NULL, NULL, CRM_TYPE_DATA_FIELD, CRM_DATA_FIELD_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_touchpoint_type_init (CrmTouchpointType *self)
{
  self->name = g_strdup ("");
  self->stage = g_strdup ("");
  self->required_data = CRM_DATA_FIELD_NONE;
}

CrmTouchpointType *
crm_touchpoint_type_new (void)
{
  return g_object_new (CRM_TYPE_TOUCHPOINT_TYPE, NULL);
}

gint64
crm_touchpoint_type_get_id (CrmTouchpointType *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT_TYPE (self), 0);
  return self->id;
}

void
crm_touchpoint_type_set_id (CrmTouchpointType *self,
                           gint64 id)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT_TYPE (self));

  g_return_if_fail (id >= 0);
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
crm_touchpoint_type_get_name (CrmTouchpointType *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT_TYPE (self), NULL);
  return self->name;
}

void
crm_touchpoint_type_set_name (CrmTouchpointType *self,
                             const char * name)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT_TYPE (self));

  if (crm_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
crm_touchpoint_type_get_stage (CrmTouchpointType *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT_TYPE (self), NULL);
  return self->stage;
}

void
crm_touchpoint_type_set_stage (CrmTouchpointType *self,
                              const char * stage)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT_TYPE (self));

  if (crm_set_string (&self->stage, stage))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

gboolean
crm_touchpoint_type_get_moment_of_truth (CrmTouchpointType *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT_TYPE (self), FALSE);
  return self->moment_of_truth;
}

void
crm_touchpoint_type_set_moment_of_truth (CrmTouchpointType *self,
                                        gboolean moment_of_truth)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT_TYPE (self));

  moment_of_truth = !!moment_of_truth;
  if (self->moment_of_truth == moment_of_truth)
    return;
  self->moment_of_truth = moment_of_truth;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOMENT_OF_TRUTH]);
}

CrmDataField
crm_touchpoint_type_get_required_data (CrmTouchpointType *self)
{
  g_return_val_if_fail (CRM_IS_TOUCHPOINT_TYPE (self), CRM_DATA_FIELD_NONE);
  return self->required_data;
}

void
crm_touchpoint_type_set_required_data (CrmTouchpointType *self,
                                      CrmDataField required_data)
{
  g_return_if_fail (CRM_IS_TOUCHPOINT_TYPE (self));

  if (self->required_data == required_data)
    return;
  self->required_data = required_data;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRED_DATA]);
}
