/* crm-vcard-property.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-vcard-property.h"

#include <string.h>

typedef struct
{
  char      *name;
  GPtrArray *values;   /* char *, NULL-terminated */
} Param;

struct _CrmVcardProperty
{
  gatomicrefcount ref_count;
  char    *group;
  char    *name;
  GArray  *params;     /* Param, in the order they first appear; NULL for none */
  char    *value;      /* decoded text, vCard escapes kept */
  GBytes  *binary;     /* decoded base64, when the value was one */
  char    *line;       /* the unfolded content line, for writing back */
  guint    line_number;
};

G_DEFINE_BOXED_TYPE (CrmVcardProperty, crm_vcard_property, crm_vcard_property_ref, crm_vcard_property_unref)

static void
clear_param (gpointer data)
{
  Param *param = data;

  g_free (param->name);
  g_ptr_array_unref (param->values);
}

/* Property and parameter names are case-insensitive; they are kept in
 * upper case. The group is kept as written. */
CrmVcardProperty *
crm_vcard_property_new (const char *group,
                        const char *name)
{
  CrmVcardProperty *self = g_new0 (CrmVcardProperty, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->group = g_strdup (group ? group : "");
  self->name = g_ascii_strup (name ? name : "", -1);
  self->value = g_strdup ("");
  self->line = g_strdup ("");
  return self;
}

CrmVcardProperty *
crm_vcard_property_ref (CrmVcardProperty *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
crm_vcard_property_unref (CrmVcardProperty *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->group);
  g_free (self->name);
  g_clear_pointer (&self->params, g_array_unref);
  g_free (self->value);
  g_clear_pointer (&self->binary, g_bytes_unref);
  g_free (self->line);
  g_free (self);
}

const char *
crm_vcard_property_get_group (CrmVcardProperty *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->group;
}

const char *
crm_vcard_property_get_name (CrmVcardProperty *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

static Param *
find_param (CrmVcardProperty *self,
            const char       *name)
{
  if (self->params == NULL)
    return NULL;
  for (guint i = 0; i < self->params->len; i++)
    {
      Param *param = &g_array_index (self->params, Param, i);

      if (g_ascii_strcasecmp (param->name, name) == 0)
        return param;
    }
  return NULL;
}

/* Adds a value to a parameter; a parameter given twice (type=HOME;
 * type=pref) collects its values in one list. TYPE values are case-
 * insensitive and kept in upper case. */
void
crm_vcard_property_add_param (CrmVcardProperty *self,
                              const char       *name,
                              const char       *value)
{
  Param *param;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  param = find_param (self, name);
  if (param == NULL)
    {
      Param fresh = { g_ascii_strup (name, -1), g_ptr_array_new_null_terminated (1, g_free, TRUE) };

      if (self->params == NULL)
        {
          self->params = g_array_new (FALSE, TRUE, sizeof (Param));
          g_array_set_clear_func (self->params, clear_param);
        }

      g_array_append_val (self->params, fresh);
      param = &g_array_index (self->params, Param, self->params->len - 1);
    }
  if (value != NULL)
    g_ptr_array_add (param->values, g_ascii_strcasecmp (name, "TYPE") == 0 ? g_ascii_strup (value, -1)
                                                                           : g_strdup (value));
}

guint
crm_vcard_property_get_n_params (CrmVcardProperty *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->params ? self->params->len : 0;
}

const char *
crm_vcard_property_get_param_name (CrmVcardProperty *self,
                                   guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < crm_vcard_property_get_n_params (self), NULL);
  return g_array_index (self->params, Param, index).name;
}

const char * const *
crm_vcard_property_get_param_values (CrmVcardProperty *self,
                                     guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < crm_vcard_property_get_n_params (self), NULL);
  return (const char * const *) g_array_index (self->params, Param, index).values->pdata;
}

/**
 * crm_vcard_property_get_param:
 *
 * Returns: (nullable): the values of the parameter @name, or %NULL
 */
const char * const *
crm_vcard_property_get_param (CrmVcardProperty *self,
                              const char       *name)
{
  Param *param;

  g_return_val_if_fail (self != NULL, NULL);

  param = find_param (self, name);
  return param ? (const char * const *) param->values->pdata : NULL;
}

gboolean
crm_vcard_property_has_type (CrmVcardProperty *self,
                             const char       *type)
{
  const char * const *types = crm_vcard_property_get_param (self, "TYPE");

  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    if (g_ascii_strcasecmp (types[i], type) == 0)
      return TRUE;
  return FALSE;
}

const char *
crm_vcard_property_get_value (CrmVcardProperty *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->value;
}

void
crm_vcard_property_set_value (CrmVcardProperty *self,
                              const char       *value)
{
  g_return_if_fail (self != NULL);
  g_free (self->value);
  self->value = g_strdup (value ? value : "");
}

/**
 * crm_vcard_property_get_binary:
 *
 * Returns: (nullable): the decoded bytes of a base64 value
 */
GBytes *
crm_vcard_property_get_binary (CrmVcardProperty *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->binary;
}

void
crm_vcard_property_set_binary (CrmVcardProperty *self,
                               GBytes           *binary)
{
  g_return_if_fail (self != NULL);
  g_clear_pointer (&self->binary, g_bytes_unref);
  self->binary = binary ? g_bytes_ref (binary) : NULL;
}

const char *
crm_vcard_property_get_line (CrmVcardProperty *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->line;
}

void
crm_vcard_property_set_line (CrmVcardProperty *self,
                             const char       *line)
{
  g_return_if_fail (self != NULL);
  g_free (self->line);
  self->line = g_strdup (line ? line : "");
}

guint
crm_vcard_property_get_line_number (CrmVcardProperty *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->line_number;
}

void
crm_vcard_property_set_line_number (CrmVcardProperty *self,
                                    guint             line_number)
{
  g_return_if_fail (self != NULL);
  self->line_number = line_number;
}
