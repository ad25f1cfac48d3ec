/* crm-duplicate-group.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-duplicate-group.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmDuplicateGroup
{
  GObject parent_instance;
  CrmDuplicateReason reason;
  char *key;
  GArray *ids;
};

G_DEFINE_FINAL_TYPE (CrmDuplicateGroup, crm_duplicate_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REASON,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_duplicate_group_finalize (GObject *object)
{
  CrmDuplicateGroup *self = (CrmDuplicateGroup *) object;

  g_free (self->key);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (crm_duplicate_group_parent_class)->finalize (object);
}

static void
crm_duplicate_group_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrmDuplicateGroup *self = CRM_DUPLICATE_GROUP (object);

  switch (prop_id)
    {
    case PROP_REASON:
      g_value_set_enum (value, self->reason);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_duplicate_group_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrmDuplicateGroup *self = CRM_DUPLICATE_GROUP (object);

  switch (prop_id)
    {
    case PROP_REASON:
      crm_duplicate_group_set_reason (self, g_value_get_enum (value));
      break;
    case PROP_KEY:
      crm_duplicate_group_set_key (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_duplicate_group_class_init (CrmDuplicateGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_duplicate_group_finalize;
  object_class->get_property = crm_duplicate_group_get_property;
  object_class->set_property = crm_duplicate_group_set_property;

  /* What the customers share. */
  properties[PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL, CRM_TYPE_DUPLICATE_REASON, CRM_DUPLICATE_REASON_EMAIL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The shared value: the e-mail address, the phone digits, or the organization. */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_duplicate_group_init (CrmDuplicateGroup *self)
{
  self->reason = CRM_DUPLICATE_REASON_EMAIL;
  self->key = g_strdup ("");
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

CrmDuplicateGroup *
crm_duplicate_group_new (void)
{
  return g_object_new (CRM_TYPE_DUPLICATE_GROUP, NULL);
}

CrmDuplicateReason
crm_duplicate_group_get_reason (CrmDuplicateGroup *self)
{
  g_return_val_if_fail (CRM_IS_DUPLICATE_GROUP (self), CRM_DUPLICATE_REASON_EMAIL);
  return self->reason;
}

void
crm_duplicate_group_set_reason (CrmDuplicateGroup *self,
                               CrmDuplicateReason reason)
{
  g_return_if_fail (CRM_IS_DUPLICATE_GROUP (self));

  if (self->reason == reason)
    return;
  self->reason = reason;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
crm_duplicate_group_get_key (CrmDuplicateGroup *self)
{
  g_return_val_if_fail (CRM_IS_DUPLICATE_GROUP (self), NULL);
  return self->key;
}

void
crm_duplicate_group_set_key (CrmDuplicateGroup *self,
                            const char * key)
{
  g_return_if_fail (CRM_IS_DUPLICATE_GROUP (self));

  if (crm_set_string (&self->key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

/* Adds a customer to the group once; the ids stay in ascending order. */
void
crm_duplicate_group_add_id (CrmDuplicateGroup *self,
                            gint64             customer_id)
{
  guint i;

  g_return_if_fail (CRM_IS_DUPLICATE_GROUP (self));

  for (i = 0; i < self->ids->len; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (id == customer_id)
        return;
      if (id > customer_id)
        break;
    }
  g_array_insert_val (self->ids, i, customer_id);
}

guint
crm_duplicate_group_get_n_ids (CrmDuplicateGroup *self)
{
  g_return_val_if_fail (CRM_IS_DUPLICATE_GROUP (self), 0);
  return self->ids->len;
}

gint64
crm_duplicate_group_get_id (CrmDuplicateGroup *self,
                            guint              index)
{
  g_return_val_if_fail (CRM_IS_DUPLICATE_GROUP (self), 0);
  g_return_val_if_fail (index < self->ids->len, 0);

  return g_array_index (self->ids, gint64, index);
}
