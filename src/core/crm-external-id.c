/* crm-external-id.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-external-id.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmExternalId
{
  GObject parent_instance;
  char *system;
  char *value;
};

G_DEFINE_FINAL_TYPE (CrmExternalId, crm_external_id, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SYSTEM,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_external_id_finalize (GObject *object)
{
  CrmExternalId *self = (CrmExternalId *) object;

  g_free (self->system);
  g_free (self->value);

  G_OBJECT_CLASS (crm_external_id_parent_class)->finalize (object);
}

static void
crm_external_id_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmExternalId *self = CRM_EXTERNAL_ID (object);

  switch (prop_id)
    {
    case PROP_SYSTEM:
      g_value_set_string (value, self->system);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_external_id_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmExternalId *self = CRM_EXTERNAL_ID (object);

  switch (prop_id)
    {
    case PROP_SYSTEM:
      crm_external_id_set_system (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      crm_external_id_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_external_id_class_init (CrmExternalIdClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_external_id_finalize;
  object_class->get_property = crm_external_id_get_property;
  object_class->set_property = crm_external_id_set_property;

  /* The other system, e.g. "erp" or "shop.example". */
  properties[PROP_SYSTEM] =
    g_param_spec_string ("system", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The customer's id in that system. */
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_external_id_init (CrmExternalId *self)
{
  self->system = g_strdup ("");
  self->value = g_strdup ("");
}

CrmExternalId *
crm_external_id_new (void)
{
  return g_object_new (CRM_TYPE_EXTERNAL_ID, NULL);
}

const char *
crm_external_id_get_system (CrmExternalId *self)
{
  g_return_val_if_fail (CRM_IS_EXTERNAL_ID (self), NULL);
  return self->system;
}

void
crm_external_id_set_system (CrmExternalId *self,
                           const char * system)
{
  g_return_if_fail (CRM_IS_EXTERNAL_ID (self));

  if (crm_set_string (&self->system, system))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYSTEM]);
}

const char *
crm_external_id_get_value (CrmExternalId *self)
{
  g_return_val_if_fail (CRM_IS_EXTERNAL_ID (self), NULL);
  return self->value;
}

void
crm_external_id_set_value (CrmExternalId *self,
                          const char * value)
{
  g_return_if_fail (CRM_IS_EXTERNAL_ID (self));

  if (crm_set_string (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
