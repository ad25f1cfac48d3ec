/* crm-vcard-writer.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-vcard-mapping.h"
#include "crm-vcard-writer.h"

#define FOLD_OCTETS 75

/**
 * crm_vcard_escape:
 * @structured: whether ';' separates components here (N, ADR, ORG)
 *
 * Returns: (transfer full): @text with vCard's text escapes
 */
char *
crm_vcard_escape (const char *text,
                  gboolean    structured)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ',': g_string_append (out, "\\,"); break;
        case ';': g_string_append (out, structured ? "\\;" : ";"); break;
        case '\r': if (p[1] == '\n') p++; G_GNUC_FALLTHROUGH;
        case '\n': g_string_append (out, "\\n"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

/* Appends @line folded at 75 octets, never inside a UTF-8 character, and
 * ended with CRLF, as RFC 6350 and 2426 ask. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize length = strlen (line), start = 0;
  gsize room = FOLD_OCTETS;

  while (length - start > room)
    {
      gsize end = start + room;

      /* Back up to the start of a character: continuation bytes are
       * 10xxxxxx. */
      while (end > start && ((guchar) line[end] & 0xc0) == 0x80)
        end--;
      /* A whole fold of continuation bytes is not UTF-8 and has no
       * character to keep whole; cut it where the room ends, or the loop
       * would never move on. */
      if (end == start)
        end = start + room;
      g_string_append_len (out, line + start, end - start);
      g_string_append (out, "\r\n ");
      start = end;
      room = FOLD_OCTETS - 1;   /* the leading space counts */
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

static void
append_line (GString    *out,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
append_line (GString    *out,
             const char *format,
             ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  append_folded (out, line);
}

/* The kept line for property @name (N, ORG), if the reader kept one. */
static const char *
kept_line (CrmCustomer *customer,
           const char  *name)
{
  const char * const *lines = crm_customer_get_vcard_properties (customer);
  gsize length = strlen (name);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_ascii_strncasecmp (lines[i], name, length) == 0 && (lines[i][length] == ':' || lines[i][length] == ';'))
      return lines[i];
  return NULL;
}

/* The escaped components of a kept structured line, or NULL. */
static GPtrArray *
kept_components (CrmCustomer *customer,
                 const char  *name)
{
  const char *line = kept_line (customer, name);
  const char *colon;

  if (line == NULL || (colon = strchr (line, ':')) == NULL)
    return NULL;
  return crm_vcard_split (colon + 1, ';');
}

static const char *
standard_type (const char     *label,
               CrmContactKind  kind)
{
  static const struct { const char *label; const char *type; } types[] = {
    { "work", "work" }, { "home", "home" }, { "mobile", "cell" }, { "fax", "fax" }, { "pager", "pager" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strcasecmp (label, types[i].label) == 0)
      return types[i].type;
  return NULL;
}

/* One e-mail, phone or URL line. A label vCard has no TYPE for is written
 * as Apple does, as a group with X-ABLabel, which most readers show. */
static void
append_contact (GString         *out,
                CrmContactPoint *point,
                CrmVcardVersion  version,
                guint           *group)
{
  static const char * const names[] = { "EMAIL", "TEL", "URL" };
  const char *label = crm_contact_point_get_label (point);
  const char *type = standard_type (label, crm_contact_point_get_kind (point));
  g_autofree char *value = crm_vcard_escape (crm_contact_point_get_value (point), FALSE);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autofree char *prefix = NULL;

  if (type != NULL)
    g_string_append_printf (params, ";TYPE=%s", type);
  if (crm_contact_point_get_preferred (point))
    g_string_append (params, version == CRM_VCARD_VERSION_4_0 ? ";PREF=1" : ";TYPE=pref");

  if (type == NULL && *label != '\0' && g_ascii_strcasecmp (label, "voice") != 0)
    {
      g_autofree char *escaped = crm_vcard_escape (label, FALSE);

      prefix = g_strdup_printf ("item%u.", ++*group);
      append_line (out, "%s%s%s:%s", prefix, names[crm_contact_point_get_kind (point)], params->str, value);
      append_line (out, "%sX-ABLabel:%s", prefix, escaped);
      return;
    }
  append_line (out, "%s%s:%s", names[crm_contact_point_get_kind (point)], params->str, value);
}

static void
append_address (GString         *out,
                CrmAddress      *address,
                CrmVcardVersion  version)
{
  static const char * const components[] = {
    "po-box", "extended", "street", "locality", "region", "postal-code", "country",
  };
  g_autoptr(GString) value = g_string_new (NULL);
  const char *type = standard_type (crm_address_get_label (address), CRM_CONTACT_KIND_EMAIL);

  for (guint i = 0; i < G_N_ELEMENTS (components); i++)
    {
      g_autofree char *part = NULL;
      g_autofree char *escaped = NULL;

      g_object_get (address, components[i], &part, NULL);
      escaped = crm_vcard_escape (part, TRUE);
      g_string_append_printf (value, "%s%s", i ? ";" : "", escaped);
    }
  append_line (out, "ADR%s%s%s:%s", type ? ";TYPE=" : "", type ? type : "",
               crm_address_get_preferred (address) ? (version == CRM_VCARD_VERSION_4_0 ? ";PREF=1" : ";TYPE=pref") : "",
               value->str);
}

/* A kept line as the target version wants it: 4.0 has no ENCODING=b; its
 * pictures are data: URIs. */
static void
append_kept (GString         *out,
             const char      *line,
             CrmVcardVersion  version)
{
  const char *colon = strchr (line, ':');

  if (version == CRM_VCARD_VERSION_4_0 && colon != NULL && strstr (line, ";ENCODING=b") != NULL &&
      strstr (line, ";ENCODING=b") < colon)
    {
      g_autoptr(GString) head = g_string_new_len (line, colon - line);
      const char *media = "application/octet-stream";

      g_string_replace (head, ";ENCODING=b", "", 1);
      if (strstr (head->str, "TYPE=JPEG") || strstr (head->str, "TYPE=jpeg"))
        media = "image/jpeg", g_string_replace (head, ";TYPE=JPEG", "", 1), g_string_replace (head, ";TYPE=jpeg", "", 1);
      else if (strstr (head->str, "TYPE=PNG") || strstr (head->str, "TYPE=png"))
        media = "image/png", g_string_replace (head, ";TYPE=PNG", "", 1), g_string_replace (head, ";TYPE=png", "", 1);
      append_line (out, "%s:data:%s;base64,%s", head->str, media, colon + 1);
      return;
    }
  append_folded (out, line);
}

/**
 * crm_vcard_write_customer:
 *
 * Appends one vCard for @customer to @out, CRLF line ends, folded.
 */
void
crm_vcard_write_customer (GString         *out,
                          CrmCustomer     *customer,
                          CrmVcardVersion  version)
{
  g_autoptr(GPtrArray) n_parts = kept_components (customer, "N");
  g_autoptr(GPtrArray) org_parts = kept_components (customer, "ORG");
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  const char * const *tags = crm_customer_get_tags (customer);
  const char * const *lines = crm_customer_get_vcard_properties (customer);
  g_autofree char *fn = crm_vcard_escape (crm_customer_get_display_name (customer), FALSE);
  g_autofree char *family = crm_vcard_escape (crm_customer_get_family_name (customer), TRUE);
  g_autofree char *given = crm_vcard_escape (crm_customer_get_given_name (customer), TRUE);
  g_autoptr(GString) n_extra = g_string_new (NULL);
  guint group = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (CRM_IS_CUSTOMER (customer));

  append_line (out, "BEGIN:VCARD");
  append_line (out, "VERSION:%s", version == CRM_VCARD_VERSION_4_0 ? "4.0" : "3.0");
  append_line (out, "PRODID:-//Touchpoint//Touchpoint %s//EN", PACKAGE_VERSION);
  if (*crm_customer_get_uid (customer))
    append_line (out, "UID:%s", crm_customer_get_uid (customer));
  if (version == CRM_VCARD_VERSION_4_0 && crm_customer_get_kind (customer) == CRM_CUSTOMER_KIND_ORGANIZATION)
    append_line (out, "KIND:org");
  append_line (out, "FN:%s", fn);

  /* N from the fields, with the parts Touchpoint has no field for (middle
   * names, prefixes, suffixes) from the line kept at import. */
  for (guint i = 2; i < 5; i++)
    {
      g_autofree char *part = crm_vcard_escape (n_parts && i < n_parts->len ? g_ptr_array_index (n_parts, i) : "", TRUE);

      g_string_append_printf (n_extra, ";%s", part);
    }
  append_line (out, "N:%s;%s%s", family, given, n_extra->str);

  if (*crm_customer_get_organization (customer))
    {
      g_autofree char *organization = crm_vcard_escape (crm_customer_get_organization (customer), TRUE);
      g_autoptr(GString) value = g_string_new (organization);

      for (guint i = 1; org_parts != NULL && i < org_parts->len; i++)
        {
          g_autofree char *unit = crm_vcard_escape (g_ptr_array_index (org_parts, i), TRUE);

          g_string_append_printf (value, ";%s", unit);
        }
      append_line (out, "ORG:%s", value->str);
    }
  if (*crm_customer_get_title (customer))
    {
      g_autofree char *title = crm_vcard_escape (crm_customer_get_title (customer), FALSE);

      append_line (out, "TITLE:%s", title);
    }

  for (guint i = 0; i < points->len; i++)
    append_contact (out, g_ptr_array_index (points, i), version, &group);
  for (guint i = 0; i < addresses->len; i++)
    append_address (out, g_ptr_array_index (addresses, i), version);

  if (tags[0] != NULL)
    {
      g_autoptr(GString) value = g_string_new (NULL);

      for (guint i = 0; tags[i] != NULL; i++)
        {
          g_autofree char *tag = crm_vcard_escape (tags[i], FALSE);

          g_string_append_printf (value, "%s%s", i ? "," : "", tag);
        }
      append_line (out, "CATEGORIES:%s", value->str);
    }
  if (*crm_customer_get_notes (customer))
    {
      g_autofree char *notes = crm_vcard_escape (crm_customer_get_notes (customer), FALSE);

      append_line (out, "NOTE:%s", notes);
    }

  /* What Touchpoint does not model, as it came in; N and ORG were merged
   * above. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i] != kept_line (customer, "N") && lines[i] != kept_line (customer, "ORG"))
      append_kept (out, lines[i], version);

  append_line (out, "END:VCARD");
}
