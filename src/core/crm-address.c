/* crm-address.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-address.h"

#include "crm-enum-types.h"
#include "crm-utils.h"

struct _CrmAddress
{
  GObject parent_instance;
  char *label;
  gboolean preferred;
  char *po_box;
  char *extended;
  char *street;
  char *locality;
  char *region;
  char *postal_code;
  char *country;
};

G_DEFINE_FINAL_TYPE (CrmAddress, crm_address, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_PREFERRED,
  PROP_PO_BOX,
  PROP_EXTENDED,
  PROP_STREET,
  PROP_LOCALITY,
  PROP_REGION,
  PROP_POSTAL_CODE,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_address_finalize (GObject *object)
{
  CrmAddress *self = (CrmAddress *) object;

  g_free (self->label);
  g_free (self->po_box);
  g_free (self->extended);
  g_free (self->street);
  g_free (self->locality);
  g_free (self->region);
  g_free (self->postal_code);
  g_free (self->country);

  G_OBJECT_CLASS (crm_address_parent_class)->finalize (object);
}

static void
crm_address_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmAddress *self = CRM_ADDRESS (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_PREFERRED:
      g_value_set_boolean (value, self->preferred);
      break;
    case PROP_PO_BOX:
      g_value_set_string (value, self->po_box);
      break;
    case PROP_EXTENDED:
      g_value_set_string (value, self->extended);
      break;
    case PROP_STREET:
      g_value_set_string (value, self->street);
      break;
    case PROP_LOCALITY:
      g_value_set_string (value, self->locality);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_POSTAL_CODE:
      g_value_set_string (value, self->postal_code);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_address_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrmAddress *self = CRM_ADDRESS (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      crm_address_set_label (self, g_value_get_string (value));
      break;
    case PROP_PREFERRED:
      crm_address_set_preferred (self, g_value_get_boolean (value));
      break;
    case PROP_PO_BOX:
      crm_address_set_po_box (self, g_value_get_string (value));
      break;
    case PROP_EXTENDED:
      crm_address_set_extended (self, g_value_get_string (value));
      break;
    case PROP_STREET:
      crm_address_set_street (self, g_value_get_string (value));
      break;
    case PROP_LOCALITY:
      crm_address_set_locality (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      crm_address_set_region (self, g_value_get_string (value));
      break;
    case PROP_POSTAL_CODE:
      crm_address_set_postal_code (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      crm_address_set_country (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_address_class_init (CrmAddressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_address_finalize;
  object_class->get_property = crm_address_get_property;
  object_class->set_property = crm_address_set_property;

  /* "work", "home" or the user's own label. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the customer prefers this address. */
  properties[PROP_PREFERRED] =
    g_param_spec_boolean ("preferred", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Post office box. */
  properties[PROP_PO_BOX] =
    g_param_spec_string ("po-box", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Extended address: apartment, suite, building. */
  properties[PROP_EXTENDED] =
    g_param_spec_string ("extended", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Street and house number. */
  properties[PROP_STREET] =
    g_param_spec_string ("street", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* City or town. */
  properties[PROP_LOCALITY] =
    g_param_spec_string ("locality", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* State, province or region. */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Postal code. */
  properties[PROP_POSTAL_CODE] =
    g_param_spec_string ("postal-code", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Country name or code. */
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_address_init (CrmAddress *self)
{
  self->label = g_strdup ("");
  self->po_box = g_strdup ("");
  self->extended = g_strdup ("");
  self->street = g_strdup ("");
  self->locality = g_strdup ("");
  self->region = g_strdup ("");
  self->postal_code = g_strdup ("");
  self->country = g_strdup ("");
}

CrmAddress *
crm_address_new (void)
{
  return g_object_new (CRM_TYPE_ADDRESS, NULL);
}

const char *
crm_address_get_label (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), NULL);
  return self->label;
}

void
crm_address_set_label (CrmAddress *self,
                      const char * label)
{
  g_return_if_fail (CRM_IS_ADDRESS (self));

  if (crm_set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
crm_address_get_preferred (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), FALSE);
  return self->preferred;
}

void
crm_address_set_preferred (CrmAddress *self,
                          gboolean preferred)
{
  g_return_if_fail (CRM_IS_ADDRESS (self));

  preferred = !!preferred;
  if (self->preferred == preferred)
    return;
  self->preferred = preferred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED]);
}

const char *
crm_address_get_po_box (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), NULL);
  return self->po_box;
}

void
crm_address_set_po_box (CrmAddress *self,
                       const char * po_box)
{
  g_return_if_fail (CRM_IS_ADDRESS (self));

  if (crm_set_string (&self->po_box, po_box))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PO_BOX]);
}

const char *
crm_address_get_extended (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), NULL);
  return self->extended;
}

void
crm_address_set_extended (CrmAddress *self,
                         const char * extended)
{
  g_return_if_fail (CRM_IS_ADDRESS (self));

  if (crm_set_string (&self->extended, extended))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTENDED]);
}

const char *
crm_address_get_street (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), NULL);
  return self->street;
}

void
crm_address_set_street (CrmAddress *self,
                       const char * street)
{
  g_return_if_fail (CRM_IS_ADDRESS (self));

  if (crm_set_string (&self->street, street))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREET]);
}

const char *
crm_address_get_locality (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), NULL);
  return self->locality;
}

void
crm_address_set_locality (CrmAddress *self,
                         const char * locality)
{
  g_return_if_fail (CRM_IS_ADDRESS (self));

  if (crm_set_string (&self->locality, locality))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCALITY]);
}

const char *
crm_address_get_region (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), NULL);
  return self->region;
}

void
crm_address_set_region (CrmAddress *self,
                       const char * region)
{
  g_return_if_fail (CRM_IS_ADDRESS (self));

  if (crm_set_string (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

const char *
crm_address_get_postal_code (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), NULL);
  return self->postal_code;
}

void
crm_address_set_postal_code (CrmAddress *self,
                            const char * postal_code)
{
  g_return_if_fail (CRM_IS_ADDRESS (self));

  if (crm_set_string (&self->postal_code, postal_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTAL_CODE]);
}

const char *
crm_address_get_country (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), NULL);
  return self->country;
}

void
crm_address_set_country (CrmAddress *self,
                        const char * country)
{
  g_return_if_fail (CRM_IS_ADDRESS (self));

  if (crm_set_string (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

/* An address with no component filled in carries no information and is not
 * stored. */
gboolean
crm_address_is_empty (CrmAddress *self)
{
  g_return_val_if_fail (CRM_IS_ADDRESS (self), TRUE);

  return self->po_box[0] == '\0' && self->extended[0] == '\0' &&
         self->street[0] == '\0' && self->locality[0] == '\0' &&
         self->region[0] == '\0' && self->postal_code[0] == '\0' &&
         self->country[0] == '\0';
}

/* One line for lists and tooltips: the non-empty components joined by
 * commas. */
char *
crm_address_format (CrmAddress *self)
{
  const char *parts[7];

  g_return_val_if_fail (CRM_IS_ADDRESS (self), NULL);

  parts[0] = self->po_box;
  parts[1] = self->extended;
  parts[2] = self->street;
  parts[3] = self->postal_code;
  parts[4] = self->locality;
  parts[5] = self->region;
  parts[6] = self->country;
  return crm_address_format_parts (parts);
}

/**
 * crm_address_format_parts:
 * @parts: post office box, extended, street, postal code, locality,
 *   region and country, in this order
 *
 * The one-line form of crm_address_format() from the parts alone.
 */
char *
crm_address_format_parts (const char * const parts[7])
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < 7; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (line->len > 0)
        g_string_append (line, i == 4 && parts[3][0] != '\0' ? " " : ", ");
      g_string_append (line, parts[i]);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}
