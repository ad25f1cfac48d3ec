/* crm-xcard-mapping.c
 *
 * The rules of RFC 6351 between a vCard 4.0 property and its XML form:
 * text values are escaped as in vCard, other value types taken as they
 * are; the components of N, ADR, GENDER and CLIENTPIDMAP are elements of
 * their own, a repeated component a list; ORG's components are <text>
 * elements; a value of another type than the property's default brings a
 * VALUE parameter, as it would in vCard.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "crm-vcard-mapping.h"
#include "crm-xcard-mapping.h"

typedef struct
{
  const char *name;
  const char *components[8];
} Structured;

static const Structured structured[] = {
  { "N", { "surname", "given", "additional", "prefix", "suffix", NULL } },
  { "ADR", { "pobox", "ext", "street", "locality", "region", "code", "country", NULL } },
  { "GENDER", { "sex", "identity", NULL } },
  { "CLIENTPIDMAP", { "sourceid", "uri", NULL } },
};

typedef struct
{
  const char *name;
  const char *type;
} DefaultType;

/* The value type of each property of RFC 6350 when no VALUE says
 * otherwise; anything else (X-…) has none. Sorted, for bsearch(). */
static const DefaultType default_types[] = {
  { "ANNIVERSARY", "date-and-or-time" }, { "BDAY", "date-and-or-time" }, { "CALADRURI", "uri" },
  { "CALURI", "uri" }, { "CATEGORIES", "text" }, { "DEATHDATE", "date-and-or-time" }, { "EMAIL", "text" },
  { "FBURL", "uri" }, { "FN", "text" }, { "GEO", "uri" }, { "IMPP", "uri" }, { "KEY", "uri" },
  { "KIND", "text" }, { "LANG", "language-tag" }, { "LOGO", "uri" }, { "MEMBER", "uri" },
  { "NICKNAME", "text" }, { "NOTE", "text" }, { "ORG", "text" }, { "PHOTO", "uri" }, { "PRODID", "text" },
  { "RELATED", "uri" }, { "REV", "timestamp" }, { "ROLE", "text" }, { "SOUND", "uri" }, { "SOURCE", "uri" },
  { "TEL", "text" }, { "TITLE", "text" }, { "TZ", "text" }, { "UID", "uri" }, { "URL", "uri" },
  { "XML", "text" },
};

static const char * const value_types[] = {
  "text", "uri", "date", "time", "date-time", "date-and-or-time", "timestamp", "boolean", "integer",
  "float", "utc-offset", "language-tag", "unknown",
};

/* Whether @name can be both a vCard name and an XML element's name. */
gboolean
crm_xcard_is_name (const char *name)
{
  if (name == NULL || !g_ascii_isalpha (name[0]))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static const char *
find_value_type (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_types); i++)
    if (g_strcmp0 (type, value_types[i]) == 0)
      return value_types[i];
  return NULL;
}

/* Whether @name can be a vCard group: letters, digits and "-". */
gboolean
crm_xcard_is_group_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

gboolean
crm_xcard_is_value_type (const char *type)
{
  return find_value_type (type) != NULL;
}

static const Structured *
find_structured (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (structured); i++)
    if (g_ascii_strcasecmp (name, structured[i].name) == 0)
      return &structured[i];
  return NULL;
}

static int
compare_default_type (const void *key,
                      const void *entry)
{
  return g_ascii_strcasecmp (key, ((const DefaultType *) entry)->name);
}

static const char *
default_type (const char *name)
{
  const DefaultType *found = bsearch (name, default_types, G_N_ELEMENTS (default_types), sizeof (DefaultType),
                                      compare_default_type);

  return found != NULL ? found->type : NULL;
}

/* Whether a value of element @type needs no VALUE parameter on a property
 * whose default type is @fallback. */
static gboolean
is_default_type (const char *fallback,
                 const char *type)
{
  if (g_str_equal (type, "unknown"))
    return TRUE;
  if (fallback == NULL)
    return g_str_equal (type, "text");
  if (g_str_equal (fallback, "date-and-or-time"))
    return g_str_equal (type, "date") || g_str_equal (type, "time") || g_str_equal (type, "date-time") ||
           g_str_equal (type, "date-and-or-time");
  return g_str_equal (type, fallback);
}

/* A value that is not text goes into vCard as it is; only a line break,
 * which would end the vCard line, is escaped. */
static void
append_raw (GString    *out,
            const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        p++;
      if (*p == '\r' || *p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
}

/* crm_vcard_escape(), straight into @out: every text value of a file
 * goes through here. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    structured_value)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ',': g_string_append (out, "\\,"); break;
        case ';': g_string_append (out, structured_value ? "\\;" : ";"); break;
        case '\r': if (p[1] == '\n') p++; G_GNUC_FALLTHROUGH;
        case '\n': g_string_append (out, "\\n"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

/* Strict base64, as the vCard reader takes it: the alphabet, padding only
 * at the end, whitespace ignored. */
static GBytes *
decode_base64 (const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gsize length;
  guchar *data;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
        return NULL;
      if (clean->len > 0 && clean->str[clean->len - 1] == '=' && *p != '=')
        return NULL;
      g_string_append_c (clean, *p);
    }
  if (clean->len % 4 != 0)
    return NULL;
  data = g_base64_decode (clean->str, &length);
  return g_bytes_new_take (data, length);
}

static gboolean
is_base64_name (const char *name)
{
  return g_ascii_strcasecmp (name, "b") == 0 || g_ascii_strcasecmp (name, "base64") == 0;
}

/* A parameter value with a carriage return would break the vCard line;
 * RFC 6868 has an escape only for the line feed. */
static char *
param_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, *p == '\r' ? '\n' : *p);
    }
  return g_string_free (out, FALSE);
}

static void
structured_value (CrmXcardProperty *self,
                  const Structured *shape,
                  GString          *out,
                  char            **problem)
{
  GString *components[G_N_ELEMENTS (shape->components)] = { NULL, };
  int last = 0;

  for (guint i = 0; i < crm_xcard_property_get_n_values (self); i++)
    {
      const char *type;
      const char *text = crm_xcard_property_get_value (self, i, &type);
      int index = -1;

      for (int c = 0; shape->components[c] != NULL; c++)
        if (g_str_equal (type, shape->components[c]))
          index = c;
      if (index < 0)
        {
          if (problem != NULL && *problem == NULL)
            /* TRANSLATORS: "<city> is not a part of <adr>; it was left out" */
            *problem = g_strdup_printf (_("<%s> is not a part of <%s>; it was left out"), type,
                                        crm_xcard_property_get_name (self));
          continue;
        }
      if (components[index] == NULL)
        components[index] = g_string_new (NULL);
      else
        g_string_append_c (components[index], ',');
      append_escaped (components[index], text, TRUE);
      last = MAX (last, index);
    }

  /* As many components as the element had, so that a vCard line with
   * fewer than all of them comes back as it was. */
  for (int c = 0; c <= last; c++)
    {
      if (c > 0)
        g_string_append_c (out, ';');
      if (components[c] != NULL)
        g_string_append_len (out, components[c]->str, components[c]->len);
    }
  for (guint c = 0; c < G_N_ELEMENTS (components); c++)
    if (components[c] != NULL)
      g_string_free (components[c], TRUE);
}

/* Adds the parameters to @property; returns whether ENCODING said the
 * value is base64. */
static gboolean
add_vcard_params (CrmVcardProperty *property,
                  CrmXcardProperty *self)
{
  gboolean binary = FALSE;

  for (guint i = 0; i < crm_xcard_property_get_n_params (self); i++)
    {
      const char *name = crm_xcard_property_get_param_name (self, i);
      guint n_values = crm_xcard_property_get_n_param_values (self, i);

      if (g_ascii_strcasecmp (name, "encoding") == 0 && n_values == 1 &&
          is_base64_name (crm_xcard_property_get_param_value (self, i, 0, NULL)))
        {
          binary = TRUE;
          continue;
        }
      if (n_values == 0)
        crm_vcard_property_add_param (property, name, NULL);
      for (guint v = 0; v < n_values; v++)
        {
          g_autofree char *text = param_text (crm_xcard_property_get_param_value (self, i, v, NULL));

          crm_vcard_property_add_param (property, name, text);
        }
    }
  return binary;
}

/**
 * crm_xcard_property_to_vcard:
 * @problem: (out) (optional) (nullable): what was left out, or could not
 *   be read, if anything
 *
 * Returns: (transfer full) (nullable): the property as the vCard reader
 *   would give it, or %NULL with @problem set when it cannot be read
 */
CrmVcardProperty *
crm_xcard_property_to_vcard (CrmXcardProperty  *self,
                             char             **problem)
{
  g_autoptr(CrmVcardProperty) property = NULL;
  g_autoptr(GString) value = g_string_new (NULL);
  const char *name = crm_xcard_property_get_name (self);
  const Structured *shape = find_structured (name);
  const char *fallback = default_type (name);
  gboolean binary;

  property = crm_vcard_property_new (crm_xcard_property_get_group (self), name);
  binary = add_vcard_params (property, self);

  if (shape != NULL)
    structured_value (self, shape, value, problem);
  else if (g_ascii_strcasecmp (name, "org") == 0)
    {
      for (guint i = 0; i < crm_xcard_property_get_n_values (self); i++)
        {
          if (i > 0)
            g_string_append_c (value, ';');
          append_escaped (value, crm_xcard_property_get_value (self, i, NULL), TRUE);
        }
    }
  else
    {
      const char *first_type = NULL;

      for (guint i = 0; i < crm_xcard_property_get_n_values (self); i++)
        {
          const char *type;
          const char *text = crm_xcard_property_get_value (self, i, &type);

          if (!crm_xcard_is_value_type (type))
            {
              if (problem != NULL && *problem == NULL)
                /* TRANSLATORS: "<colour> is not a value type of xCard; it was left out" */
                *problem = g_strdup_printf (_("<%s> is not a value type of xCard; it was left out"), type);
              continue;
            }
          if (first_type != NULL)
            g_string_append_c (value, ',');
          else
            first_type = find_value_type (type);
          if (g_str_equal (type, "text"))
            append_escaped (value, text, FALSE);
          else if (g_str_equal (type, "time") && g_strcmp0 (fallback, "date-and-or-time") == 0)
            {
              /* <time> has no "T"; a time in a date-and-or-time does. */
              g_string_append_c (value, 'T');
              append_raw (value, text);
            }
          else
            append_raw (value, text);
        }
      if (first_type != NULL && !binary && crm_vcard_property_get_param (property, "VALUE") == NULL &&
          !is_default_type (fallback, first_type))
        crm_vcard_property_add_param (property, "VALUE", first_type);
    }

  if (binary)
    {
      g_autoptr(GBytes) bytes = decode_base64 (value->str);

      if (bytes == NULL)
        {
          if (problem != NULL)
            {
              g_free (*problem);
              *problem = g_strdup_printf (_("the %s value is not valid base64"), crm_vcard_property_get_name (property));
            }
          return NULL;
        }
      crm_vcard_property_set_binary (property, bytes);
    }
  else
    crm_vcard_property_set_value (property, value->str);
  return g_steal_pointer (&property);
}

/**
 * crm_xcard_split_escaped:
 *
 * Splits a vCard value at unescaped @separator, leaving the escapes in
 * the parts, so that a list inside a component can still be told from a
 * comma in a value.
 *
 * Returns: (transfer full) (element-type utf8): the parts
 */
GPtrArray *
crm_xcard_split_escaped (const char *text,
                         char        separator)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text; ; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == separator || *p == '\0')
        {
          g_ptr_array_add (parts, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return parts;
}

static const char *
param_value_type (const char *name,
                  const char *text)
{
  if (g_str_equal (name, "pref") && *text && strspn (text, "0123456789") == strlen (text))
    return "integer";
  if (g_str_equal (name, "geo") || (g_str_equal (name, "tz") && strchr (text, ':') != NULL))
    return "uri";
  if (g_str_equal (name, "language"))
    return "language-tag";
  return "text";
}

static void
add_params (CrmXcardProperty *self,
            CrmVcardProperty *property,
            gboolean          typed,
            const char      **value_type)
{
  for (guint i = 0; i < crm_vcard_property_get_n_params (property); i++)
    {
      g_autofree char *name = g_ascii_strdown (crm_vcard_property_get_param_name (property, i), -1);
      const char * const *values = crm_vcard_property_get_param_values (property, i);

      /* In xCard the element says the type; VALUE comes back from it. */
      if (typed && g_str_equal (name, "value") && values[0] != NULL && values[1] == NULL)
        {
          g_autofree char *type = g_ascii_strdown (values[0], -1);

          if (find_value_type (type) != NULL && !g_str_equal (type, "unknown"))
            {
              *value_type = find_value_type (type);
              continue;
            }
        }
      crm_xcard_property_add_param (self, name);
      for (guint v = 0; values[v] != NULL; v++)
        {
          /* TYPE is case-insensitive, kept upper case in vCard and
           * written in lower case in xCard, as RFC 6351 does. */
          g_autofree char *text = g_str_equal (name, "type") ? g_ascii_strdown (values[v], -1) : g_strdup (values[v]);

          crm_xcard_property_add_param_value (self, typed ? param_value_type (name, text) : "text", text);
        }
    }
}

/* The property with its values in the elements of their types. */
static CrmXcardProperty *
typed_property (CrmVcardProperty *property)
{
  const char *name = crm_vcard_property_get_name (property);
  const char *value = crm_vcard_property_get_value (property);
  const Structured *shape = find_structured (name);
  const char *type = NULL;
  g_autofree char *element = g_ascii_strdown (name, -1);
  g_autoptr(CrmXcardProperty) self = crm_xcard_property_new (crm_vcard_property_get_group (property), element);

  add_params (self, property, TRUE, &type);
  if (type == NULL)
    type = default_type (name) ? default_type (name) : "text";

  if (shape != NULL)
    {
      g_autoptr(GPtrArray) parts = crm_xcard_split_escaped (value, ';');

      for (guint i = 0; i < parts->len; i++)
        {
          g_autoptr(GPtrArray) items = NULL;

          if (shape->components[i] == NULL)
            return NULL;
          items = crm_vcard_split (g_ptr_array_index (parts, i), ',');
          for (guint v = 0; v < items->len; v++)
            crm_xcard_property_add_value (self, shape->components[i], g_ptr_array_index (items, v));
        }
    }
  else if (g_str_equal (name, "ORG"))
    {
      g_autoptr(GPtrArray) parts = crm_vcard_split (value, ';');

      for (guint i = 0; i < parts->len; i++)
        crm_xcard_property_add_value (self, "text", g_ptr_array_index (parts, i));
    }
  else if (g_str_equal (type, "text") && (g_str_equal (name, "CATEGORIES") || g_str_equal (name, "NICKNAME")))
    {
      g_autoptr(GPtrArray) parts = crm_vcard_split (value, ',');

      for (guint i = 0; i < parts->len; i++)
        crm_xcard_property_add_value (self, "text", g_ptr_array_index (parts, i));
    }
  else if (g_str_equal (type, "text"))
    {
      g_autofree char *text = crm_vcard_unescape (value);

      crm_xcard_property_add_value (self, "text", text);
    }
  else if (g_str_equal (type, "date-and-or-time"))
    {
      /* xCard has no element for the union: a date, a date and time, or
       * a time, which vCard marks with a leading "T". */
      if (value[0] == 'T')
        crm_xcard_property_add_value (self, "time", value + 1);
      else
        crm_xcard_property_add_value (self, strchr (value, 'T') ? "date-time" : "date", value);
    }
  else
    crm_xcard_property_add_value (self, type, value);
  return g_steal_pointer (&self);
}

/* The property with its value as vCard has it, in <unknown>, as jCard
 * (RFC 7095) carries a value of unknown type: always exact. */
static CrmXcardProperty *
plain_property (CrmVcardProperty *property)
{
  g_autofree char *element = g_ascii_strdown (crm_vcard_property_get_name (property), -1);
  CrmXcardProperty *self = crm_xcard_property_new (crm_vcard_property_get_group (property), element);
  GBytes *binary = crm_vcard_property_get_binary (property);

  if (binary != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (binary, &size);
      g_autofree char *encoded = g_base64_encode (data, size);

      crm_xcard_property_add_param (self, "encoding");
      crm_xcard_property_add_param_value (self, "text", "b");
      add_params (self, property, FALSE, NULL);
      crm_xcard_property_add_value (self, "unknown", encoded);
    }
  else
    {
      add_params (self, property, FALSE, NULL);
      crm_xcard_property_add_value (self, "unknown", crm_vcard_property_get_value (property));
    }
  return self;
}

/* Whether @self reads back as the line @line, and XML can hold it. */
static gboolean
reads_back_as (CrmXcardProperty *self,
               const char       *line)
{
  g_autoptr(CrmVcardProperty) back = NULL;
  g_autofree char *back_line = NULL;

  for (guint i = 0; i < crm_xcard_property_get_n_params (self); i++)
    for (guint v = 0; v < crm_xcard_property_get_n_param_values (self, i); v++)
      if (!crm_xcard_is_xml_text (crm_xcard_property_get_param_value (self, i, v, NULL)))
        return FALSE;
  for (guint i = 0; i < crm_xcard_property_get_n_values (self); i++)
    if (!crm_xcard_is_xml_text (crm_xcard_property_get_value (self, i, NULL)))
      return FALSE;

  back = crm_xcard_property_to_vcard (self, NULL);
  if (back == NULL)
    return FALSE;
  back_line = crm_vcard_property_serialize (back);
  return g_str_equal (back_line, line);
}

/**
 * crm_xcard_property_from_vcard:
 *
 * The xCard form of a vCard property: with its values in typed elements
 * where that reads back exactly, else with the vCard value in <unknown>.
 *
 * Returns: (transfer full) (nullable): the property, or %NULL when XML
 *   cannot hold it losslessly (a name XML or a group does not allow, a
 *   control character)
 */
CrmXcardProperty *
crm_xcard_property_from_vcard (CrmVcardProperty *property)
{
  g_autofree char *line = NULL;
  const char *group;
  CrmXcardProperty *self;

  g_return_val_if_fail (property != NULL, NULL);

  group = crm_vcard_property_get_group (property);
  if (!crm_xcard_is_name (crm_vcard_property_get_name (property)) || (*group && !crm_xcard_is_group_name (group)))
    return NULL;
  for (guint i = 0; i < crm_vcard_property_get_n_params (property); i++)
    if (!crm_xcard_is_name (crm_vcard_property_get_param_name (property, i)))
      return NULL;

  line = crm_vcard_property_serialize (property);
  if (crm_vcard_property_get_binary (property) == NULL)
    {
      self = typed_property (property);
      if (self != NULL && reads_back_as (self, line))
        return self;
      crm_xcard_property_free (self);
    }
  self = plain_property (property);
  if (reads_back_as (self, line))
    return self;
  crm_xcard_property_free (self);
  return NULL;
}

