/* crm-channel.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-channel.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmChannel
{
  GObject parent_instance;
  gint64 id;
  char *key;
  char *name;
  int position;
};

G_DEFINE_FINAL_TYPE (CrmChannel, crm_channel, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_channel_finalize (GObject *object)
{
  CrmChannel *self = (CrmChannel *) object;

  g_free (self->key);
  g_free (self->name);

  G_OBJECT_CLASS (crm_channel_parent_class)->finalize (object);
}

static void
crm_channel_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmChannel *self = CRM_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_channel_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrmChannel *self = CRM_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_channel_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_KEY:
      crm_channel_set_key (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      crm_channel_set_name (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      crm_channel_set_position (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_channel_class_init (CrmChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_channel_finalize;
  object_class->get_property = crm_channel_get_property;
  object_class->set_property = crm_channel_set_property;

  /* Row id in the store; 0 until the object has been saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A stable machine name ("web", "email"); unique. */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The name shown to the user. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Order in lists and lanes. */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_channel_init (CrmChannel *self)
{
  self->key = g_strdup ("");
  self->name = g_strdup ("");
}

CrmChannel *
crm_channel_new (void)
{
  return g_object_new (CRM_TYPE_CHANNEL, NULL);
}

gint64
crm_channel_get_id (CrmChannel *self)
{
  g_return_val_if_fail (CRM_IS_CHANNEL (self), 0);
  return self->id;
}

void
crm_channel_set_id (CrmChannel *self,
                   gint64 id)
{
  g_return_if_fail (CRM_IS_CHANNEL (self));

  g_return_if_fail (id >= 0);
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
crm_channel_get_key (CrmChannel *self)
{
  g_return_val_if_fail (CRM_IS_CHANNEL (self), NULL);
  return self->key;
}

void
crm_channel_set_key (CrmChannel *self,
                    const char * key)
{
  g_return_if_fail (CRM_IS_CHANNEL (self));

  if (crm_set_string (&self->key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

const char *
crm_channel_get_name (CrmChannel *self)
{
  g_return_val_if_fail (CRM_IS_CHANNEL (self), NULL);
  return self->name;
}

void
crm_channel_set_name (CrmChannel *self,
                     const char * name)
{
  g_return_if_fail (CRM_IS_CHANNEL (self));

  if (crm_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

int
crm_channel_get_position (CrmChannel *self)
{
  g_return_val_if_fail (CRM_IS_CHANNEL (self), 0);
  return self->position;
}

void
crm_channel_set_position (CrmChannel *self,
                         int position)
{
  g_return_if_fail (CRM_IS_CHANNEL (self));

  g_return_if_fail (position >= 0 && position <= G_MAXINT);
  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
