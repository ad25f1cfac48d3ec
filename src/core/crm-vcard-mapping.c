/* crm-vcard-mapping.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-vcard-mapping.h"

#include <string.h>

/**
 * crm_vcard_unescape:
 *
 * Resolves vCard text escapes: \n (or \N) a new line, \, \; \\ the
 * character itself. A backslash before any other character is a common
 * exporter mistake (http\://) and stands for that character.
 *
 * Returns: (transfer full): the text
 */
char *
crm_vcard_unescape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      g_string_append_c (out, (*p == 'n' || *p == 'N') ? '\n' : *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * crm_vcard_split:
 * @separator: ';' for the components of N, ADR and ORG, ',' for lists
 *
 * Splits an escaped value at unescaped separators and unescapes each part.
 *
 * Returns: (transfer full) (element-type utf8): the parts
 */
GPtrArray *
crm_vcard_split (const char *text,
                 char        separator)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *part = g_string_new (NULL);

  for (const char *p = text; ; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_c (part, *p);
          g_string_append_c (part, *++p);
          continue;
        }
      if (*p == separator || *p == '\0')
        {
          g_ptr_array_add (parts, crm_vcard_unescape (part->str));
          g_string_truncate (part, 0);
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (part, *p);
    }
  g_string_free (part, TRUE);
  return parts;
}

static gboolean
needs_quotes (const char *value)
{
  return strpbrk (value, ";:,\"") != NULL;
}

/**
 * crm_vcard_property_serialize:
 *
 * The property as one 3.0/4.0 content line, unfolded: group, name,
 * parameters (quoted where needed) and the escaped value; a binary value
 * as ENCODING=b and base64. Whatever version it was read from, the line
 * is in the form the writer folds and writes back.
 *
 * Returns: (transfer full): the line
 */
char *
crm_vcard_property_serialize (CrmVcardProperty *property)
{
  GString *line = g_string_new (NULL);
  GBytes *binary = crm_vcard_property_get_binary (property);

  if (*crm_vcard_property_get_group (property))
    g_string_append_printf (line, "%s.", crm_vcard_property_get_group (property));
  g_string_append (line, crm_vcard_property_get_name (property));
  if (binary != NULL)
    g_string_append (line, ";ENCODING=b");
  for (guint i = 0; i < crm_vcard_property_get_n_params (property); i++)
    {
      const char * const *values = crm_vcard_property_get_param_values (property, i);

      g_string_append_printf (line, ";%s=", crm_vcard_property_get_param_name (property, i));
      for (guint v = 0; values[v] != NULL; v++)
        {
          g_autoptr(GString) value = g_string_new (values[v]);

          /* RFC 6868, for what a quoted value cannot hold. */
          g_string_replace (value, "^", "^^", 0);
          g_string_replace (value, "\n", "^n", 0);
          g_string_replace (value, "\"", "^'", 0);
          if (v > 0)
            g_string_append_c (line, ',');
          if (needs_quotes (value->str))
            g_string_append_printf (line, "\"%s\"", value->str);
          else
            g_string_append (line, value->str);
        }
    }
  g_string_append_c (line, ':');
  if (binary != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (binary, &size);
      g_autofree char *encoded = g_base64_encode (data, size);

      g_string_append (line, encoded);
    }
  else
    g_string_append (line, crm_vcard_property_get_value (property));
  return g_string_free (line, FALSE);
}

/* Apple writes its standard labels as _$!<Mobile>!$_; custom ones plain. */
static char *
apple_label (const char *label)
{
  if (g_str_has_prefix (label, "_$!<") && g_str_has_suffix (label, ">!$_"))
    return g_strndup (label + 4, strlen (label) - 8);
  return g_strdup (label);
}

/* The label of an e-mail, phone or address: the custom label of its group
 * (Apple's X-ABLabel) if any, else its first meaningful TYPE. */
static char *
label_for (CrmVcardCard     *card,
           CrmVcardProperty *property,
           CrmContactKind    kind)
{
  const char *group = crm_vcard_property_get_group (property);
  const char * const *types = crm_vcard_property_get_param (property, "TYPE");

  if (*group != '\0')
    {
      GPtrArray *properties = crm_vcard_card_get_properties (card);

      for (guint i = 0; i < properties->len; i++)
        {
          CrmVcardProperty *other = g_ptr_array_index (properties, i);

          if (g_str_equal (crm_vcard_property_get_group (other), group) &&
              g_str_equal (crm_vcard_property_get_name (other), "X-ABLABEL"))
            {
              g_autofree char *text = crm_vcard_unescape (crm_vcard_property_get_value (other));

              return apple_label (text);
            }
        }
    }

  /* What kind of line it is says more than where it is: a work fax is a
   * fax first. */
  if (crm_vcard_property_has_type (property, "CELL"))
    return g_strdup ("mobile");
  if (crm_vcard_property_has_type (property, "FAX"))
    return g_strdup ("fax");
  if (crm_vcard_property_has_type (property, "PAGER"))
    return g_strdup ("pager");
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    {
      const char *type = types[i];

      if (g_str_equal (type, "PREF") || g_str_equal (type, "INTERNET") || g_str_equal (type, "VOICE") ||
          g_str_equal (type, "X400") || g_str_equal (type, "TEXT"))
        continue;
      return g_ascii_strdown (type, -1);
    }
  return g_strdup (kind == CRM_CONTACT_KIND_PHONE ? "voice" : "");
}

/* PREF as a 2.1/3.0 TYPE, or PREF=1 (the most preferred) in 4.0. */
static gboolean
is_preferred (CrmVcardProperty *property)
{
  const char * const *pref = crm_vcard_property_get_param (property, "PREF");

  return crm_vcard_property_has_type (property, "PREF") ||
         (pref != NULL && pref[0] != NULL && g_str_equal (pref[0], "1"));
}

static void
add_contact (CrmCustomer      *customer,
             CrmVcardCard     *card,
             CrmVcardProperty *property,
             CrmContactKind    kind)
{
  g_autofree char *value = crm_vcard_unescape (crm_vcard_property_get_value (property));
  g_autofree char *label = label_for (card, property, kind);
  g_autoptr(CrmContactPoint) point = NULL;
  const char *text = value;

  /* 4.0 may write a phone number as a tel: URI. */
  if (kind == CRM_CONTACT_KIND_PHONE && g_str_has_prefix (text, "tel:"))
    text += 4;
  if (*g_strstrip ((char *) text) == '\0')
    return;
  point = crm_contact_point_new (kind, text, label, is_preferred (property));
  crm_customer_add_contact_point (customer, point);
}

static void
add_address (CrmCustomer      *customer,
             CrmVcardCard     *card,
             CrmVcardProperty *property)
{
  static const char * const components[] = {
    "po-box", "extended", "street", "locality", "region", "postal-code", "country",
  };
  g_autoptr(GPtrArray) parts = crm_vcard_split (crm_vcard_property_get_value (property), ';');
  g_autoptr(CrmAddress) address = crm_address_new ();
  g_autofree char *label = label_for (card, property, CRM_CONTACT_KIND_EMAIL);

  for (guint i = 0; i < G_N_ELEMENTS (components) && i < parts->len; i++)
    g_object_set (address, components[i], g_ptr_array_index (parts, i), NULL);
  crm_address_set_label (address, label);
  crm_address_set_preferred (address, is_preferred (property));
  if (!crm_address_is_empty (address))
    crm_customer_add_address (customer, address);
}

/* Whether a structured value has parts beyond the ones Touchpoint keeps in
 * fields (the middle name of N, the departments of ORG): then the whole
 * line is kept too, for the writer to merge with the fields. */
static gboolean
has_parts_beyond (GPtrArray *parts,
                  guint      kept)
{
  for (guint i = kept; i < parts->len; i++)
    if (*(char *) g_ptr_array_index (parts, i) != '\0')
      return TRUE;
  return FALSE;
}

/**
 * crm_vcard_card_to_customer:
 *
 * The customer a card describes. Fields Touchpoint has are filled; every
 * other property (BDAY, PHOTO, X-…) is kept as a line in the customer's
 * vCard properties. A card without UID gets one when the customer is
 * saved.
 *
 * Returns: (transfer full): the customer, not yet stored
 */
CrmCustomer *
crm_vcard_card_to_customer (CrmVcardCard *card)
{
  CrmCustomer *customer = crm_customer_new ();
  GPtrArray *properties = crm_vcard_card_get_properties (card);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) kept_lines = NULL;
  g_auto(GStrv) tag_list = NULL;
  gboolean have_note = FALSE;

  g_return_val_if_fail (CRM_IS_VCARD_CARD (card), NULL);

  for (guint i = 0; i < properties->len; i++)
    {
      CrmVcardProperty *property = g_ptr_array_index (properties, i);
      const char *name = crm_vcard_property_get_name (property);
      const char *value = crm_vcard_property_get_value (property);
      gboolean keep = FALSE;

      if (g_str_equal (name, "FN"))
        {
          g_autofree char *text = crm_vcard_unescape (value);

          crm_customer_set_display_name (customer, text);
        }
      else if (g_str_equal (name, "N"))
        {
          g_autoptr(GPtrArray) parts = crm_vcard_split (value, ';');

          crm_customer_set_family_name (customer, g_ptr_array_index (parts, 0));
          if (parts->len > 1)
            crm_customer_set_given_name (customer, g_ptr_array_index (parts, 1));
          keep = has_parts_beyond (parts, 2);
        }
      else if (g_str_equal (name, "ORG"))
        {
          g_autoptr(GPtrArray) parts = crm_vcard_split (value, ';');

          crm_customer_set_organization (customer, g_ptr_array_index (parts, 0));
          keep = has_parts_beyond (parts, 1);
        }
      else if (g_str_equal (name, "TITLE"))
        {
          g_autofree char *text = crm_vcard_unescape (value);

          crm_customer_set_title (customer, text);
        }
      else if (g_str_equal (name, "NOTE") && !have_note)
        {
          g_autofree char *text = crm_vcard_unescape (value);

          crm_customer_set_notes (customer, text);
          have_note = TRUE;
        }
      else if (g_str_equal (name, "EMAIL"))
        add_contact (customer, card, property, CRM_CONTACT_KIND_EMAIL);
      else if (g_str_equal (name, "TEL"))
        add_contact (customer, card, property, CRM_CONTACT_KIND_PHONE);
      else if (g_str_equal (name, "URL"))
        add_contact (customer, card, property, CRM_CONTACT_KIND_URL);
      else if (g_str_equal (name, "ADR"))
        add_address (customer, card, property);
      else if (g_str_equal (name, "CATEGORIES"))
        {
          g_autoptr(GPtrArray) parts = crm_vcard_split (value, ',');

          for (guint t = 0; t < parts->len; t++)
            if (*g_strstrip ((char *) g_ptr_array_index (parts, t)) != '\0')
              g_strv_builder_add (tags, g_ptr_array_index (parts, t));
        }
      else if (g_str_equal (name, "UID"))
        {
          g_autofree char *text = crm_vcard_unescape (value);

          crm_customer_set_uid (customer, g_strstrip (text));
        }
      else if (g_str_equal (name, "KIND"))
        {
          if (g_ascii_strcasecmp (value, "org") == 0)
            crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_ORGANIZATION);
          else
            keep = g_ascii_strcasecmp (value, "individual") != 0;
        }
      else if (g_str_equal (name, "X-ABLABEL") || g_str_equal (name, "PRODID") || g_str_equal (name, "VERSION")
               || g_str_equal (name, "BEGIN") || g_str_equal (name, "END"))
        ;   /* labels are read with their property; the others are the writer's,
             * and kept (".END:VCARD" has an empty group) they would be written
             * back into the middle of the card */
      else
        {
          if (g_str_equal (name, "X-ABSHOWAS") && g_ascii_strcasecmp (value, "COMPANY") == 0)
            crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_ORGANIZATION);
          keep = TRUE;
        }

      if (keep)
        {
          g_autofree char *line = crm_vcard_property_serialize (property);

          g_strv_builder_add (kept, line);
        }
    }

  if (*crm_customer_get_display_name (customer) == '\0')
    {
      g_autofree char *name = g_strjoin (" ", crm_customer_get_given_name (customer),
                                         crm_customer_get_family_name (customer), NULL);

      crm_customer_set_display_name (customer, *g_strstrip (name) ? name : crm_customer_get_organization (customer));
    }

  kept_lines = g_strv_builder_end (kept);
  crm_customer_set_vcard_properties (customer, (const char * const *) kept_lines);
  tag_list = g_strv_builder_end (tags);
  crm_customer_set_tags (customer, (const char * const *) tag_list);
  return customer;
}
