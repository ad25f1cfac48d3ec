/* crm-contact-point.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-contact-point.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmContactPoint
{
  GObject         parent_instance;
  CrmContactKind  kind;
  char           *value;
  char           *label;
  gboolean        preferred;
};

G_DEFINE_FINAL_TYPE (CrmContactPoint, crm_contact_point, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_VALUE,
  PROP_LABEL,
  PROP_PREFERRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_contact_point_finalize (GObject *object)
{
  CrmContactPoint *self = (CrmContactPoint *) object;

  g_free (self->value);
  g_free (self->label);

  G_OBJECT_CLASS (crm_contact_point_parent_class)->finalize (object);
}

static void
crm_contact_point_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmContactPoint *self = CRM_CONTACT_POINT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_PREFERRED:
      g_value_set_boolean (value, self->preferred);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_contact_point_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmContactPoint *self = CRM_CONTACT_POINT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      crm_contact_point_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_VALUE:
      crm_contact_point_set_value (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      crm_contact_point_set_label (self, g_value_get_string (value));
      break;
    case PROP_PREFERRED:
      crm_contact_point_set_preferred (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_contact_point_class_init (CrmContactPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_contact_point_finalize;
  object_class->get_property = crm_contact_point_get_property;
  object_class->set_property = crm_contact_point_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CRM_TYPE_CONTACT_KIND, CRM_CONTACT_KIND_EMAIL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREFERRED] =
    g_param_spec_boolean ("preferred", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_contact_point_init (CrmContactPoint *self)
{
  self->value = g_strdup ("");
  self->label = g_strdup ("");
}

CrmContactPoint *
crm_contact_point_new (CrmContactKind  kind,
                       const char     *value,
                       const char     *label,
                       gboolean        preferred)
{
  CrmContactPoint *self = g_object_new (CRM_TYPE_CONTACT_POINT, NULL);

  /* Nobody can listen yet, so the fields are set without notifications. */
  self->kind = kind;
  crm_set_string (&self->value, value);
  crm_set_string (&self->label, label);
  self->preferred = !!preferred;

  return self;
}

CrmContactKind
crm_contact_point_get_kind (CrmContactPoint *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT_POINT (self), CRM_CONTACT_KIND_EMAIL);
  return self->kind;
}

void
crm_contact_point_set_kind (CrmContactPoint *self,
                            CrmContactKind   kind)
{
  g_return_if_fail (CRM_IS_CONTACT_POINT (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
crm_contact_point_get_value (CrmContactPoint *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT_POINT (self), NULL);
  return self->value;
}

void
crm_contact_point_set_value (CrmContactPoint *self,
                             const char      *value)
{
  g_return_if_fail (CRM_IS_CONTACT_POINT (self));

  if (crm_set_string (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
crm_contact_point_get_label (CrmContactPoint *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT_POINT (self), NULL);
  return self->label;
}

void
crm_contact_point_set_label (CrmContactPoint *self,
                             const char      *label)
{
  g_return_if_fail (CRM_IS_CONTACT_POINT (self));

  if (crm_set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
crm_contact_point_get_preferred (CrmContactPoint *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT_POINT (self), FALSE);
  return self->preferred;
}

void
crm_contact_point_set_preferred (CrmContactPoint *self,
                                 gboolean         preferred)
{
  g_return_if_fail (CRM_IS_CONTACT_POINT (self));

  preferred = !!preferred;
  if (self->preferred == preferred)
    return;
  self->preferred = preferred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED]);
}
