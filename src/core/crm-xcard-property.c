/* crm-xcard-property.c
 *
 * Values are written on the property's line, inside its element; empty
 * ones as empty elements. Text XML cannot hold (control characters,
 * invalid UTF-8) is cleaned, so the document is always well-formed.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-xcard-property.h"

typedef struct
{
  char *type;   /* the element's name: "text", "uri", "surname"… */
  char *text;
} Value;

typedef struct
{
  char   *name;
  GArray *values;   /* Value */
} Param;

struct _CrmXcardProperty
{
  char   *group;    /* NULL for none */
  char   *name;     /* the element's name, lower case when written */
  GArray *params;   /* Param */
  GArray *values;   /* Value, in document order */
};

static void
clear_value (gpointer data)
{
  Value *value = data;

  g_free (value->type);
  g_free (value->text);
}

static void
clear_param (gpointer data)
{
  Param *param = data;

  g_free (param->name);
  g_array_unref (param->values);
}

static GArray *
new_values (void)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (Value));

  g_array_set_clear_func (values, clear_value);
  return values;
}

CrmXcardProperty *
crm_xcard_property_new (const char *group,
                        const char *name)
{
  CrmXcardProperty *self = g_new0 (CrmXcardProperty, 1);

  g_return_val_if_fail (name != NULL, NULL);

  self->group = group && *group ? g_strdup (group) : NULL;
  self->name = g_strdup (name);
  self->values = new_values ();
  return self;
}

void
crm_xcard_property_free (CrmXcardProperty *self)
{
  if (self == NULL)
    return;
  g_free (self->group);
  g_free (self->name);
  g_clear_pointer (&self->params, g_array_unref);
  g_array_unref (self->values);
  g_free (self);
}

/**
 * crm_xcard_property_get_group:
 *
 * Returns: (nullable): the name of the <group> the property is in
 */
const char *
crm_xcard_property_get_group (CrmXcardProperty *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->group;
}

const char *
crm_xcard_property_get_name (CrmXcardProperty *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/* Starts a parameter; its values follow with add_param_value(). */
void
crm_xcard_property_add_param (CrmXcardProperty *self,
                              const char       *name)
{
  Param param;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (self->params == NULL)
    {
      self->params = g_array_new (FALSE, FALSE, sizeof (Param));
      g_array_set_clear_func (self->params, clear_param);
    }
  param.name = g_strdup (name);
  param.values = new_values ();
  g_array_append_val (self->params, param);
}

void
crm_xcard_property_add_param_value (CrmXcardProperty *self,
                                    const char       *type,
                                    const char       *text)
{
  Value value;

  g_return_if_fail (self != NULL && self->params != NULL && self->params->len > 0);

  value.type = g_strdup (type);
  value.text = g_strdup (text ? text : "");
  g_array_append_val (g_array_index (self->params, Param, self->params->len - 1).values, value);
}

void
crm_xcard_property_add_value (CrmXcardProperty *self,
                              const char       *type,
                              const char       *text)
{
  Value value;

  g_return_if_fail (self != NULL);

  value.type = g_strdup (type);
  value.text = g_strdup (text ? text : "");
  g_array_append_val (self->values, value);
}

guint
crm_xcard_property_get_n_values (CrmXcardProperty *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->values->len;
}

guint
crm_xcard_property_get_n_params (CrmXcardProperty *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->params != NULL ? self->params->len : 0;
}

const char *
crm_xcard_property_get_param_name (CrmXcardProperty *self,
                                   guint             index)
{
  g_return_val_if_fail (index < crm_xcard_property_get_n_params (self), NULL);
  return g_array_index (self->params, Param, index).name;
}

guint
crm_xcard_property_get_n_param_values (CrmXcardProperty *self,
                                       guint             index)
{
  g_return_val_if_fail (index < crm_xcard_property_get_n_params (self), 0);
  return g_array_index (self->params, Param, index).values->len;
}

/**
 * crm_xcard_property_get_param_value:
 * @type: (out) (optional): the name of the value's element
 *
 * Returns: the text of value @value of parameter @index
 */
const char *
crm_xcard_property_get_param_value (CrmXcardProperty  *self,
                                    guint              index,
                                    guint              value,
                                    const char       **type)
{
  GArray *values;

  g_return_val_if_fail (index < crm_xcard_property_get_n_params (self), NULL);
  values = g_array_index (self->params, Param, index).values;
  g_return_val_if_fail (value < values->len, NULL);
  if (type != NULL)
    *type = g_array_index (values, Value, value).type;
  return g_array_index (values, Value, value).text;
}

/**
 * crm_xcard_property_get_value:
 * @type: (out) (optional): the name of the value's element
 *
 * Returns: the text of the value element @index, in document order
 */
const char *
crm_xcard_property_get_value (CrmXcardProperty  *self,
                              guint              index,
                              const char       **type)
{
  g_return_val_if_fail (self != NULL && index < self->values->len, NULL);
  if (type != NULL)
    *type = g_array_index (self->values, Value, index).type;
  return g_array_index (self->values, Value, index).text;
}

/* Whether XML 1.0 can hold @text: valid UTF-8 without the control
 * characters it has no place for, not even as a reference. */
gboolean
crm_xcard_is_xml_text (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
      if (p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))
        return FALSE;
    }
  return g_utf8_validate (text, -1, NULL);
}

/**
 * crm_xcard_xml_text:
 *
 * Returns: (transfer full): @text as XML can hold it: invalid UTF-8
 *   replaced, the control characters XML 1.0 forbids left out
 */
char *
crm_xcard_xml_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
write_element (xmlTextWriterPtr  writer,
               const char       *name,
               const char       *text)
{
  if (*text == '\0')
    {
      xmlTextWriterStartElement (writer, BAD_CAST name);
      xmlTextWriterEndElement (writer);
    }
  else if (crm_xcard_is_xml_text (text))
    xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST text);
  else
    {
      g_autofree char *safe = crm_xcard_xml_text (text);

      xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST safe);
    }
}

/* Writes the property element, parameters and values on one line. */
void
crm_xcard_property_write (CrmXcardProperty *self,
                          xmlTextWriterPtr  writer)
{
  g_return_if_fail (self != NULL);

  xmlTextWriterStartElement (writer, BAD_CAST self->name);
  if (self->params != NULL && self->params->len > 0)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "parameters");
      for (guint i = 0; i < self->params->len; i++)
        {
          Param *param = &g_array_index (self->params, Param, i);

          xmlTextWriterStartElement (writer, BAD_CAST param->name);
          for (guint v = 0; v < param->values->len; v++)
            write_element (writer, g_array_index (param->values, Value, v).type,
                           g_array_index (param->values, Value, v).text);
          xmlTextWriterEndElement (writer);
        }
      xmlTextWriterEndElement (writer);
    }
  for (guint i = 0; i < self->values->len; i++)
    write_element (writer, g_array_index (self->values, Value, i).type, g_array_index (self->values, Value, i).text);
  xmlTextWriterEndElement (writer);
}
