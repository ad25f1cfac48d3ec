/* crm-vcard-property.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-vcard-property.h"

#include <stdlib.h>
#include <string.h>

typedef struct
{
  const char *name;    /* upper case, from upper_case_name() */
  GPtrArray  *values;  /* char *, NULL-terminated */
} Param;

/* The names and TYPE values nearly every card has, in ASCII order, shared
 * instead of allocated for each property. */
static const char common_names[][12] = {
  "ADR", "BDAY", "CATEGORIES", "CELL", "EMAIL", "FAX", "FN", "HOME", "INTERNET", "JPEG", "KIND", "LABEL",
  "N", "NICKNAME", "NOTE", "ORG", "PHOTO", "PREF", "PRODID", "REV", "ROLE", "TEL", "TITLE", "TYPE", "UID",
  "URL", "VALUE", "VOICE", "WORK", "X-ABLABEL",
};

static gboolean
is_common_name (const char *name)
{
  return name >= common_names[0] && name <= common_names[G_N_ELEMENTS (common_names) - 1];
}

/* g_ascii_strcasecmp(), inline: this runs for every name and TYPE value. */
static int
compare_name (const void *name,
              const void *common)
{
  const guchar *a = name, *b = common;

  for (;; a++, b++)
    {
      int upper = *a >= 'a' && *a <= 'z' ? *a - ('a' - 'A') : *a;

      if (upper != *b || *b == '\0')
        return upper - *b;
    }
}

/* @name in upper case: one of common_names, or a new string. */
static char *
upper_case_name (const char *name)
{
  const char *common = bsearch (name, common_names, G_N_ELEMENTS (common_names), sizeof common_names[0],
                                compare_name);

  return common != NULL ? (char *) common : g_ascii_strup (name, -1);
}

static void
free_name (gpointer name)
{
  if (!is_common_name (name))
    g_free (name);
}

/* A reader makes millions of these, so nothing is allocated that need not
 * be: no group is NULL, and a value that is the line's own text (most
 * are) points into the line instead of being a copy. */
struct _CrmVcardProperty
{
  gatomicrefcount ref_count;
  gboolean value_in_line;
  char    *group;      /* NULL for none */
  char    *name;
  GArray  *params;     /* Param, in the order they first appear; NULL for none */
  char    *value;      /* decoded text, vCard escapes kept; NULL for empty */
  GBytes  *binary;     /* decoded base64, when the value was one */
  char    *line;       /* the unfolded content line, for writing back; NULL for empty */
  guint    line_number;
};

G_DEFINE_BOXED_TYPE (CrmVcardProperty, crm_vcard_property, crm_vcard_property_ref, crm_vcard_property_unref)

static void
clear_value (CrmVcardProperty *self)
{
  if (!self->value_in_line)
    g_free (self->value);
  self->value = NULL;
  self->value_in_line = FALSE;
}

static void
clear_param (gpointer data)
{
  Param *param = data;

  free_name ((char *) param->name);
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
  self->group = group != NULL && *group != '\0' ? g_strdup (group) : NULL;
  self->name = upper_case_name (name ? name : "");
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
  free_name (self->name);
  g_clear_pointer (&self->params, g_array_unref);
  clear_value (self);
  g_clear_pointer (&self->binary, g_bytes_unref);
  g_free (self->line);
  g_free (self);
}

const char *
crm_vcard_property_get_group (CrmVcardProperty *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->group != NULL ? self->group : "";
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
      Param fresh = { upper_case_name (name), g_ptr_array_new_null_terminated (1, free_name, TRUE) };

      if (self->params == NULL)
        {
          self->params = g_array_new (FALSE, TRUE, sizeof (Param));
          g_array_set_clear_func (self->params, clear_param);
        }

      g_array_append_val (self->params, fresh);
      param = &g_array_index (self->params, Param, self->params->len - 1);
    }
  if (value != NULL)
    g_ptr_array_add (param->values, g_str_equal (param->name, "TYPE") ? upper_case_name (value)
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
  return self->value != NULL ? self->value : "";
}

void
crm_vcard_property_set_value (CrmVcardProperty *self,
                              const char       *value)
{
  g_return_if_fail (self != NULL);
  crm_vcard_property_take_value (self, g_strdup (value));
}

void
crm_vcard_property_take_value (CrmVcardProperty *self,
                               char             *value)
{
  g_return_if_fail (self != NULL);
  clear_value (self);
  self->value = value;
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
  return self->line != NULL ? self->line : "";
}

void
crm_vcard_property_set_line (CrmVcardProperty *self,
                             const char       *line)
{
  g_return_if_fail (self != NULL);
  crm_vcard_property_take_line (self, g_strdup (line), -1);
}

/**
 * crm_vcard_property_take_line:
 * @line: (transfer full) (nullable): the content line
 * @value_at: where in @line the value starts, when the value is the rest
 *   of the line as it stands, or -1
 */
void
crm_vcard_property_take_line (CrmVcardProperty *self,
                              char             *line,
                              gssize            value_at)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (value_at < 0 || line != NULL);

  /* The value outlives the line it pointed into. */
  if (self->value_in_line)
    {
      self->value = g_strdup (self->value);
      self->value_in_line = FALSE;
    }
  g_free (self->line);
  self->line = line;
  if (value_at >= 0)
    {
      clear_value (self);
      self->value = line + value_at;
      self->value_in_line = TRUE;
    }
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
