/* crm-xcard-writer.c
 *
 * One xmlTextWriter for the whole document, its buffer handed to the
 * caller after each card, so memory stays flat whatever the number of
 * customers. The layout (a property per line) is written by hand:
 * libxml2's own indenting would add white space inside mixed content.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-vcard-mapping.h"
#include "crm-vcard-reader.h"
#include "crm-vcard-writer.h"
#include "crm-xcard.h"
#include "crm-xcard-mapping.h"
#include "crm-xcard-writer.h"

struct _CrmXcardWriter
{
  GObject           parent_instance;
  xmlBufferPtr      buffer;
  xmlTextWriterPtr  writer;
  gboolean          begun;
  char             *group;    /* the <group> open in the card, if any */
};

/* A kept vCard line and what it reads as, NULL when it cannot be read. */
typedef struct
{
  const char       *line;
  CrmVcardProperty *property;
} Kept;

G_DEFINE_FINAL_TYPE (CrmXcardWriter, crm_xcard_writer, G_TYPE_OBJECT)

static void
crm_xcard_writer_finalize (GObject *object)
{
  CrmXcardWriter *self = (CrmXcardWriter *) object;

  xmlFreeTextWriter (self->writer);
  xmlBufferFree (self->buffer);
  g_free (self->group);

  G_OBJECT_CLASS (crm_xcard_writer_parent_class)->finalize (object);
}

static void
crm_xcard_writer_class_init (CrmXcardWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_xcard_writer_finalize;
}

static void
crm_xcard_writer_init (CrmXcardWriter *self)
{
  self->buffer = xmlBufferCreate ();
  self->writer = xmlNewTextWriterMemory (self->buffer, 0);
}

CrmXcardWriter *
crm_xcard_writer_new (void)
{
  return g_object_new (CRM_TYPE_XCARD_WRITER, NULL);
}

static void
flush (CrmXcardWriter *self,
       GString        *out)
{
  xmlTextWriterFlush (self->writer);
  g_string_append_len (out, (const char *) xmlBufferContent (self->buffer), xmlBufferLength (self->buffer));
  xmlBufferEmpty (self->buffer);
}

/* Appends the XML declaration and the start of <vcards>. */
void
crm_xcard_writer_begin (CrmXcardWriter *self,
                        GString        *out)
{
  g_return_if_fail (CRM_IS_XCARD_WRITER (self));
  g_return_if_fail (!self->begun);

  xmlTextWriterStartDocument (self->writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (self->writer, BAD_CAST "vcards");
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "xmlns", BAD_CAST CRM_XCARD_NAMESPACE);
  self->begun = TRUE;
  flush (self, out);
}

/* Appends the end of <vcards>; the writer is done. */
void
crm_xcard_writer_end (CrmXcardWriter *self,
                      GString        *out)
{
  g_return_if_fail (CRM_IS_XCARD_WRITER (self));
  g_return_if_fail (self->begun);

  xmlTextWriterWriteRaw (self->writer, BAD_CAST "\n");
  xmlTextWriterEndDocument (self->writer);
  flush (self, out);
}

static void
leave_group (CrmXcardWriter *self)
{
  if (self->group == NULL)
    return;
  xmlTextWriterWriteRaw (self->writer, BAD_CAST "\n    ");
  xmlTextWriterEndElement (self->writer);
  g_clear_pointer (&self->group, g_free);
}

/* Opens or closes <group> as the next property needs, and starts its
 * line. */
static void
enter_group (CrmXcardWriter *self,
             const char     *group)
{
  if (g_strcmp0 (group, self->group) == 0)
    {
      xmlTextWriterWriteRaw (self->writer, BAD_CAST (group ? "\n      " : "\n    "));
      return;
    }
  leave_group (self);
  xmlTextWriterWriteRaw (self->writer, BAD_CAST "\n    ");
  if (group != NULL)
    {
      xmlTextWriterStartElement (self->writer, BAD_CAST "group");
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "name", BAD_CAST group);
      self->group = g_strdup (group);
      xmlTextWriterWriteRaw (self->writer, BAD_CAST "\n      ");
    }
}

/* Writes @property and frees it. */
static void
emit (CrmXcardWriter   *self,
      CrmXcardProperty *property)
{
  enter_group (self, crm_xcard_property_get_group (property));
  crm_xcard_property_write (property, self->writer);
  crm_xcard_property_free (property);
}

static CrmXcardProperty *
text_property (const char *name,
               const char *text)
{
  CrmXcardProperty *property = crm_xcard_property_new (NULL, name);

  crm_xcard_property_add_value (property, "text", text);
  return property;
}

/* A line xCard has no elements for goes in Touchpoint's namespace, as the
 * vCard line it is. */
static void
emit_line (CrmXcardWriter *self,
           const char     *line)
{
  g_autofree char *text = crm_xcard_xml_text (line);

  enter_group (self, NULL);
  xmlTextWriterStartElementNS (self->writer, NULL, BAD_CAST "vcard-line", BAD_CAST CRM_XCARD_TOUCHPOINT_NAMESPACE);
  xmlTextWriterWriteString (self->writer, BAD_CAST text);
  xmlTextWriterEndElement (self->writer);
}

static void
emit_vcard (CrmXcardWriter   *self,
            CrmVcardProperty *property)
{
  CrmXcardProperty *xcard = crm_xcard_property_from_vcard (property);

  if (xcard != NULL)
    emit (self, xcard);
  else
    {
      g_autofree char *line = crm_vcard_property_serialize (property);

      emit_line (self, line);
    }
}

/* RFC 6350's XML property is the element it holds, back in the card, when
 * reading it again gives the same property. */
static gboolean
emit_xml (CrmXcardWriter   *self,
          CrmVcardProperty *property)
{
  const char *group = crm_vcard_property_get_group (property);
  g_autofree char *xml = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *embedded = NULL;
  g_autofree char *uri = NULL;

  if (crm_vcard_property_get_n_params (property) > 0 || crm_vcard_property_get_binary (property) != NULL ||
      (*group && !crm_xcard_is_group_name (group)))
    return FALSE;
  xml = crm_vcard_unescape (crm_vcard_property_get_value (property));
  normal = crm_xcard_normalize_xml (xml, NULL, &uri, NULL);
  if (normal == NULL || *uri == '\0' || g_str_equal (uri, CRM_XCARD_NAMESPACE) ||
      g_str_equal (uri, CRM_XCARD_TOUCHPOINT_NAMESPACE) || g_str_equal (uri, CRM_XCARD_XINCLUDE_NAMESPACE))
    return FALSE;
  escaped = crm_vcard_escape (normal, FALSE);
  if (!g_str_equal (escaped, crm_vcard_property_get_value (property)))
    return FALSE;
  embedded = crm_xcard_normalize_xml (xml, CRM_XCARD_NAMESPACE, NULL, NULL);
  if (embedded == NULL)
    return FALSE;
  enter_group (self, *group ? group : NULL);
  xmlTextWriterWriteRaw (self->writer, BAD_CAST embedded);
  return TRUE;
}

/* Whether a kept line can go through the vCard reader as one line. */
static gboolean
is_single_line (const char *line)
{
  return *line != '\0' && !g_ascii_isspace (*line) && strpbrk (line, "\r\n") == NULL &&
         g_ascii_strncasecmp (line, "BEGIN:", 6) != 0 && g_ascii_strncasecmp (line, "END:", 4) != 0 &&
         g_ascii_strncasecmp (line, "VERSION:", 8) != 0;
}

/* The customer's kept lines, read back into properties all at once. */
static GArray *
read_kept (CrmCustomer *customer)
{
  const char * const *lines = crm_customer_get_vcard_properties (customer);
  GArray *kept = g_array_new (FALSE, TRUE, sizeof (Kept));
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\n");
  g_autoptr(GArray) first_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint physical = 2;   /* BEGIN and VERSION */

  for (guint i = 0; lines[i] != NULL; i++)
    {
      Kept entry = { lines[i], NULL };
      guint first_line = 0;   /* none: the line is not read */

      if (is_single_line (lines[i]))
        {
          g_string_append_printf (text, "%s\r\n", lines[i]);
          first_line = ++physical;
        }
      g_array_append_val (kept, entry);
      g_array_append_val (first_lines, first_line);
    }
  if (kept->len == 0)
    return kept;

  g_string_append (text, "END:VCARD\r\n");
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
    g_autoptr(CrmVcardReader) reader = crm_vcard_reader_new (stream);
    g_autoptr(CrmVcardCard) card = crm_vcard_reader_next (reader, NULL, NULL);
    GPtrArray *properties = card ? crm_vcard_card_get_properties (card) : NULL;

    for (guint p = 0; properties != NULL && p < properties->len; p++)
      {
        CrmVcardProperty *property = g_ptr_array_index (properties, p);

        for (guint i = 0; i < kept->len; i++)
          if (g_array_index (first_lines, guint, i) == crm_vcard_property_get_line_number (property))
            g_array_index (kept, Kept, i).property = crm_vcard_property_ref (property);
      }
  }
  return kept;
}

static void
clear_kept (GArray *kept)
{
  for (guint i = 0; i < kept->len; i++)
    g_clear_pointer (&g_array_index (kept, Kept, i).property, crm_vcard_property_unref);
  g_array_unref (kept);
}

static CrmVcardProperty *
find_kept (GArray     *kept,
           const char *name)
{
  for (guint i = 0; i < kept->len; i++)
    {
      CrmVcardProperty *property = g_array_index (kept, Kept, i).property;

      if (property != NULL && g_str_equal (crm_vcard_property_get_name (property), name))
        return property;
    }
  return NULL;
}

/* N or ORG from the fields, with the parameters, group and components
 * Touchpoint has no field for taken from the line kept at import. */
static CrmVcardProperty *
merge_kept (CrmVcardProperty *kept,
            const char       *name,
            const char       *value,
            guint             first_kept_part)
{
  CrmVcardProperty *property = crm_vcard_property_new (kept ? crm_vcard_property_get_group (kept) : NULL, name);
  g_autoptr(GString) text = g_string_new (value);

  for (guint i = 0; kept != NULL && i < crm_vcard_property_get_n_params (kept); i++)
    {
      const char * const *values = crm_vcard_property_get_param_values (kept, i);

      if (values[0] == NULL)
        crm_vcard_property_add_param (property, crm_vcard_property_get_param_name (kept, i), NULL);
      for (guint v = 0; values[v] != NULL; v++)
        crm_vcard_property_add_param (property, crm_vcard_property_get_param_name (kept, i), values[v]);
    }
  if (kept != NULL)
    {
      g_autoptr(GPtrArray) parts = crm_xcard_split_escaped (crm_vcard_property_get_value (kept), ';');

      for (guint i = first_kept_part; i < parts->len; i++)
        g_string_append_printf (text, ";%s", (char *) g_ptr_array_index (parts, i));
    }
  crm_vcard_property_set_value (property, text->str);
  return property;
}

static void
emit_names (CrmXcardWriter *self,
            CrmCustomer    *customer,
            GArray         *kept)
{
  CrmVcardProperty *kept_n = find_kept (kept, "N");
  CrmVcardProperty *kept_org = find_kept (kept, "ORG");
  g_autofree char *family = crm_vcard_escape (crm_customer_get_family_name (customer), TRUE);
  g_autofree char *given = crm_vcard_escape (crm_customer_get_given_name (customer), TRUE);
  g_autofree char *n_value = g_strdup_printf ("%s;%s%s", family, given, kept_n ? "" : ";;;");
  g_autoptr(CrmVcardProperty) n = merge_kept (kept_n, "N", n_value, 2);

  emit_vcard (self, n);

  /* An ORG with only units (";Sales") has no organization but is kept. */
  if (*crm_customer_get_organization (customer) || kept_org != NULL)
    {
      g_autofree char *organization = crm_vcard_escape (crm_customer_get_organization (customer), TRUE);
      g_autoptr(CrmVcardProperty) org = merge_kept (kept_org, "ORG", organization, 1);

      emit_vcard (self, org);
    }
  if (*crm_customer_get_title (customer))
    emit (self, text_property ("title", crm_customer_get_title (customer)));
}

static const char *
standard_type (const char *label)
{
  static const struct { const char *label; const char *type; } types[] = {
    { "work", "work" }, { "home", "home" }, { "mobile", "cell" }, { "fax", "fax" }, { "pager", "pager" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strcasecmp (label, types[i].label) == 0)
      return types[i].type;
  return NULL;
}

/* A group name for a custom label, "itemN" as Apple writes it, not one a
 * kept property already uses. */
static char *
new_group (GArray *kept,
           guint  *counter)
{
  for (;;)
    {
      char *group = g_strdup_printf ("item%u", ++*counter);
      gboolean taken = FALSE;

      for (guint i = 0; i < kept->len && !taken; i++)
        {
          CrmVcardProperty *property = g_array_index (kept, Kept, i).property;

          taken = property != NULL && g_ascii_strcasecmp (crm_vcard_property_get_group (property), group) == 0;
        }
      if (!taken)
        return group;
      g_free (group);
    }
}

/* The TYPE and PREF of a contact point or address; a label vCard has no
 * type for goes into a group with an X-ABLabel, as for vCard. */
static CrmXcardProperty *
labelled_property (const char  *name,
                   const char  *label,
                   gboolean     preferred,
                   gboolean     default_voice,
                   GArray      *kept,
                   guint       *counter,
                   char       **label_group)
{
  const char *type = standard_type (label);
  g_autofree char *group = NULL;
  CrmXcardProperty *property;

  if (type == NULL && *label != '\0' && !(default_voice && g_ascii_strcasecmp (label, "voice") == 0))
    group = new_group (kept, counter);
  property = crm_xcard_property_new (group, name);
  if (type != NULL)
    {
      crm_xcard_property_add_param (property, "type");
      crm_xcard_property_add_param_value (property, "text", type);
    }
  if (preferred)
    {
      crm_xcard_property_add_param (property, "pref");
      crm_xcard_property_add_param_value (property, "integer", "1");
    }
  *label_group = g_steal_pointer (&group);
  return property;
}

static void
emit_label (CrmXcardWriter *self,
            char           *group,
            const char     *label)
{
  CrmXcardProperty *property;

  if (group == NULL)
    return;
  property = crm_xcard_property_new (group, "x-ablabel");
  crm_xcard_property_add_value (property, "text", label);
  emit (self, property);
  g_free (group);
}

static void
emit_contacts (CrmXcardWriter *self,
               CrmCustomer    *customer,
               GArray         *kept)
{
  static const char * const names[] = { "email", "tel", "url" };
  GPtrArray *points = crm_customer_get_contact_points (customer);
  GPtrArray *addresses = crm_customer_get_addresses (customer);
  guint counter = 0;

  for (guint i = 0; i < points->len; i++)
    {
      CrmContactPoint *point = g_ptr_array_index (points, i);
      CrmContactKind kind = crm_contact_point_get_kind (point);
      const char *value = crm_contact_point_get_value (point);
      char *group = NULL;
      CrmXcardProperty *property = labelled_property (names[kind], crm_contact_point_get_label (point),
                                                      crm_contact_point_get_preferred (point),
                                                      kind == CRM_CONTACT_KIND_PHONE, kept, &counter, &group);

      /* A URL is a <uri>, but the reader takes a URI as it is and the
       * mapping reads escapes, so one with a backslash goes as text. */
      crm_xcard_property_add_value (property, kind == CRM_CONTACT_KIND_URL && !strchr (value, '\\') ? "uri" : "text",
                                    value);
      emit (self, property);
      emit_label (self, group, crm_contact_point_get_label (point));
    }

  for (guint i = 0; i < addresses->len; i++)
    {
      static const char * const components[][2] = {
        { "po-box", "pobox" }, { "extended", "ext" }, { "street", "street" }, { "locality", "locality" },
        { "region", "region" }, { "postal-code", "code" }, { "country", "country" },
      };
      CrmAddress *address = g_ptr_array_index (addresses, i);
      char *group = NULL;
      CrmXcardProperty *property = labelled_property ("adr", crm_address_get_label (address),
                                                      crm_address_get_preferred (address), FALSE, kept, &counter,
                                                      &group);

      for (guint c = 0; c < G_N_ELEMENTS (components); c++)
        {
          g_autofree char *part = NULL;

          g_object_get (address, components[c][0], &part, NULL);
          crm_xcard_property_add_value (property, components[c][1], part);
        }
      emit (self, property);
      emit_label (self, group, crm_address_get_label (address));
    }
}

/**
 * crm_xcard_writer_add_customer:
 *
 * Appends one <vcard> for @customer to @out.
 */
void
crm_xcard_writer_add_customer (CrmXcardWriter *self,
                               CrmCustomer    *customer,
                               GString        *out)
{
  const char * const *tags = crm_customer_get_tags (customer);
  const char *uid = crm_customer_get_uid (customer);
  GArray *kept;

  g_return_if_fail (CRM_IS_XCARD_WRITER (self));
  g_return_if_fail (CRM_IS_CUSTOMER (customer));
  g_return_if_fail (self->begun);

  kept = read_kept (customer);
  xmlTextWriterWriteRaw (self->writer, BAD_CAST "\n  ");
  xmlTextWriterStartElement (self->writer, BAD_CAST "vcard");

  emit (self, text_property ("prodid", "-//Touchpoint//Touchpoint " PACKAGE_VERSION "//EN"));
  if (*uid)
    {
      CrmXcardProperty *property = crm_xcard_property_new (NULL, "uid");

      crm_xcard_property_add_value (property, strchr (uid, '\\') ? "text" : "uri", uid);
      emit (self, property);
    }
  if (crm_customer_get_kind (customer) == CRM_CUSTOMER_KIND_ORGANIZATION)
    emit (self, text_property ("kind", "org"));
  emit (self, text_property ("fn", crm_customer_get_display_name (customer)));
  emit_names (self, customer, kept);
  emit_contacts (self, customer, kept);

  if (tags[0] != NULL)
    {
      CrmXcardProperty *property = crm_xcard_property_new (NULL, "categories");

      for (guint i = 0; tags[i] != NULL; i++)
        crm_xcard_property_add_value (property, "text", tags[i]);
      emit (self, property);
    }
  if (*crm_customer_get_notes (customer))
    emit (self, text_property ("note", crm_customer_get_notes (customer)));

  /* What Touchpoint does not model, as it came in; N and ORG were merged
   * above. */
  for (guint i = 0; i < kept->len; i++)
    {
      Kept *entry = &g_array_index (kept, Kept, i);

      if (entry->property == NULL)
        emit_line (self, entry->line);
      else if (entry->property == find_kept (kept, "N") || entry->property == find_kept (kept, "ORG"))
        continue;
      else if (!g_str_equal (crm_vcard_property_get_name (entry->property), "XML") ||
               !emit_xml (self, entry->property))
        emit_vcard (self, entry->property);
    }

  leave_group (self);
  xmlTextWriterWriteRaw (self->writer, BAD_CAST "\n  ");
  xmlTextWriterEndElement (self->writer);
  clear_kept (kept);
  flush (self, out);
}

/**
 * crm_xcard_write_customers:
 * @customers: (element-type CrmCustomer)
 *
 * Returns: (transfer full): a whole xCard document of @customers
 */
char *
crm_xcard_write_customers (GPtrArray *customers)
{
  g_autoptr(CrmXcardWriter) writer = crm_xcard_writer_new ();
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (customers != NULL, NULL);

  crm_xcard_writer_begin (writer, out);
  for (guint i = 0; i < customers->len; i++)
    crm_xcard_writer_add_customer (writer, g_ptr_array_index (customers, i), out);
  crm_xcard_writer_end (writer, out);
  return g_string_free (out, FALSE);
}
