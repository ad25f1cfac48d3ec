/* crm-xcard-reader.c
 *
 * The document is walked node by node; only the card being read is held.
 * What a card holds that xCard does not allow (an unknown value element,
 * text outside a value, an XInclude) is reported on the card with its
 * line and left out, and reading goes on. Only what makes the document
 * unreadable, or hostile, stops it.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-vcard-reader.h"
#include "crm-vcard-writer.h"
#include "crm-xcard.h"
#include "crm-xcard-mapping.h"
#include "crm-xcard-reader.h"

struct _CrmXcardReader
{
  GObject           parent_instance;
  CrmXmlInput      *input;
  xmlTextReaderPtr  reader;
  gboolean          started;    /* past the start of the root element */
  gboolean          single;     /* the root is a <vcard>, not <vcards> */
  gboolean          finished;   /* at the end of the document */
  int               type;       /* of the node the reader is at */
  int               depth;
  GError           *failure;    /* once reading failed, it stays failed */
};

G_DEFINE_FINAL_TYPE (CrmXcardReader, crm_xcard_reader, G_TYPE_OBJECT)

static void
crm_xcard_reader_finalize (GObject *object)
{
  CrmXcardReader *self = (CrmXcardReader *) object;

  g_clear_object (&self->input);
  g_clear_error (&self->failure);

  G_OBJECT_CLASS (crm_xcard_reader_parent_class)->finalize (object);
}

static void
crm_xcard_reader_class_init (CrmXcardReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_xcard_reader_finalize;
}

static void
crm_xcard_reader_init (CrmXcardReader *self)
{
}

CrmXcardReader *
crm_xcard_reader_new (GInputStream *stream)
{
  CrmXcardReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (CRM_TYPE_XCARD_READER, NULL);
  self->input = crm_xml_input_new (stream);
  self->reader = crm_xml_input_get_reader (self->input);
  return self;
}

/**
 * crm_xcard_reader_get_bytes_read:
 *
 * How far into the stream the reader is, give or take its read-ahead:
 * for a progress bar.
 */
guint64
crm_xcard_reader_get_bytes_read (CrmXcardReader *self)
{
  g_return_val_if_fail (CRM_IS_XCARD_READER (self), 0);
  return crm_xml_input_get_bytes_read (self->input);
}

/* The line of the node the reader is at. libxml2 counts node lines in 16
 * bits; beyond that the parser's line, a little ahead, has to do. */
static guint
node_line (CrmXcardReader *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line > 0 && line < 65535)
    return line;
  return crm_xml_input_get_line (self->input);
}

static gboolean
in_namespace (CrmXcardReader *self,
              const char     *uri)
{
  return g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (self->reader), uri) == 0;
}

static const char *
local_name (CrmXcardReader *self)
{
  return (const char *) xmlTextReaderConstLocalName (self->reader);
}

static gboolean
is_end_of (CrmXcardReader *self,
           int             depth)
{
  return self->type == XML_READER_TYPE_END_ELEMENT &&
         self->depth == depth;
}

static gboolean
is_text_node (CrmXcardReader *self)
{
  int type = self->type;

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* The next node; the end of the document inside an element is an error. */
static gboolean
read_node (CrmXcardReader  *self,
           GCancellable    *cancellable,
           GError         **error)
{
  int result = crm_xml_input_read (self->input, cancellable, error);

  if (result == 1)
    {
      /* Asked for again and again; libxml2 works them out each time. */
      self->type = xmlTextReaderNodeType (self->reader);
      self->depth = xmlTextReaderDepth (self->reader);
    }
  if (result == 0)
    g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_MALFORMED,
                 _("line %d: the file ends inside an element"), crm_xml_input_get_line (self->input));
  return result == 1;
}

/* Moves past the element the reader is at, through CrmXmlInput, so that
 * its limits hold for what is skipped too. */
static gboolean
skip_element (CrmXcardReader  *self,
              GCancellable    *cancellable,
              GError         **error)
{
  int depth = self->depth;

  if (xmlTextReaderIsEmptyElement (self->reader))
    return TRUE;
  do
    if (!read_node (self, cancellable, error))
      return FALSE;
  while (!is_end_of (self, depth));
  return TRUE;
}

/* The text of a value element; an element inside it is left out. */
static char *
read_text (CrmXcardReader  *self,
           CrmVcardCard    *card,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int depth = self->depth;

  if (xmlTextReaderIsEmptyElement (self->reader))
    return g_strdup ("");
  for (;;)
    {
      if (!read_node (self, cancellable, error))
        return NULL;
      if (is_end_of (self, depth))
        break;
      if (is_text_node (self))
        {
          g_string_append (text, (const char *) xmlTextReaderConstValue (self->reader));
          if (text->len > CRM_XML_INPUT_MAX_TEXT)
            {
              g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_TOO_LARGE,
                           _("line %d: a text of more than %d MiB"), crm_xml_input_get_line (self->input),
                           CRM_XML_INPUT_MAX_TEXT / (1024 * 1024));
              return NULL;
            }
        }
      else if (self->type == XML_READER_TYPE_ELEMENT)
        {
          /* TRANSLATORS: "<b> inside a value was left out" */
          crm_vcard_card_add_problem (card, node_line (self), _("<%s> inside a value was left out"),
                                      local_name (self));
          if (!skip_element (self, cancellable, error))
            return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
read_parameters (CrmXcardReader    *self,
                 CrmVcardCard      *card,
                 CrmXcardProperty  *property,
                 GCancellable      *cancellable,
                 GError           **error)
{
  int depth = self->depth;

  if (xmlTextReaderIsEmptyElement (self->reader))
    return TRUE;
  for (;;)
    {
      int param_depth;
      g_autoptr(GString) bare = NULL;
      gboolean have_values = FALSE;

      if (!read_node (self, cancellable, error))
        return FALSE;
      if (is_end_of (self, depth))
        return TRUE;
      if (self->type != XML_READER_TYPE_ELEMENT)
        continue;
      if (!in_namespace (self, CRM_XCARD_NAMESPACE) || !crm_xcard_is_name (local_name (self)))
        {
          crm_vcard_card_add_problem (card, node_line (self), _("the parameter <%s> cannot be read; it was left out"),
                                      local_name (self));
          if (!skip_element (self, cancellable, error))
            return FALSE;
          continue;
        }

      crm_xcard_property_add_param (property, local_name (self));
      if (xmlTextReaderIsEmptyElement (self->reader))
        continue;
      param_depth = self->depth;
      bare = g_string_new (NULL);
      for (;;)
        {
          if (!read_node (self, cancellable, error))
            return FALSE;
          if (is_end_of (self, param_depth))
            break;
          if (is_text_node (self) && bare->len < CRM_XML_INPUT_MAX_TEXT)
            g_string_append (bare, (const char *) xmlTextReaderConstValue (self->reader));
          else if (self->type == XML_READER_TYPE_ELEMENT)
            {
              g_autofree char *type = g_strdup (local_name (self));
              g_autofree char *text = read_text (self, card, cancellable, error);

              if (text == NULL)
                return FALSE;
              crm_xcard_property_add_param_value (property, type, text);
              have_values = TRUE;
            }
        }
      /* <pref>1</pref> for <pref><integer>1</integer></pref>: a common
       * slip, taken as meant. */
      g_strstrip (bare->str);
      if (!have_values && *bare->str != '\0')
        crm_xcard_property_add_param_value (property, "text", bare->str);
    }
}

static void
add_property (CrmVcardCard     *card,
              CrmXcardProperty *property,
              guint             line)
{
  g_autofree char *problem = NULL;
  g_autoptr(CrmVcardProperty) vcard = crm_xcard_property_to_vcard (property, &problem);

  if (problem != NULL)
    crm_vcard_card_add_problem (card, line, "%s", problem);
  if (vcard == NULL)
    return;
  crm_vcard_property_set_line_number (vcard, line);
  crm_vcard_card_add_property (card, vcard);
}

static gboolean
read_property (CrmXcardReader  *self,
               CrmVcardCard    *card,
               const char      *group,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(CrmXcardProperty) property = NULL;
  g_autoptr(GString) bare = g_string_new (NULL);
  int depth = self->depth;
  guint line = node_line (self);

  if (!crm_xcard_is_name (local_name (self)))
    {
      crm_vcard_card_add_problem (card, line, _("<%s> cannot be the name of a vCard property; it was left out"),
                                  local_name (self));
      return skip_element (self, cancellable, error);
    }

  property = crm_xcard_property_new (group, local_name (self));
  for (gboolean empty = xmlTextReaderIsEmptyElement (self->reader); !empty; )
    {
      if (!read_node (self, cancellable, error))
        return FALSE;
      if (is_end_of (self, depth))
        break;
      if (is_text_node (self) && bare->len < CRM_XML_INPUT_MAX_TEXT)
        g_string_append (bare, (const char *) xmlTextReaderConstValue (self->reader));
      if (self->type != XML_READER_TYPE_ELEMENT)
        continue;

      if (!in_namespace (self, CRM_XCARD_NAMESPACE))
        {
          crm_vcard_card_add_problem (card, node_line (self), _("<%s> inside <%s> is not xCard; it was left out"),
                                      local_name (self), crm_xcard_property_get_name (property));
          if (!skip_element (self, cancellable, error))
            return FALSE;
        }
      else if (g_str_equal (local_name (self), "parameters"))
        {
          if (!read_parameters (self, card, property, cancellable, error))
            return FALSE;
        }
      else
        {
          g_autofree char *type = g_strdup (local_name (self));
          g_autofree char *text = read_text (self, card, cancellable, error);

          if (text == NULL)
            return FALSE;
          crm_xcard_property_add_value (property, type, text);
        }
    }

  if (crm_xcard_property_get_n_values (property) == 0 && *g_strstrip (bare->str) != '\0')
    {
      crm_vcard_card_add_problem (card, line, _("the value of <%s> is not in an element such as <text>; "
                                                "it was read as text"), crm_xcard_property_get_name (property));
      crm_xcard_property_add_value (property, "text", bare->str);
    }
  add_property (card, property, line);
  return TRUE;
}

/* An element of another namespace: RFC 6350's XML property holds it. */
static gboolean
read_foreign (CrmXcardReader  *self,
              CrmVcardCard    *card,
              const char      *group,
              GCancellable    *cancellable,
              GError         **error)
{
  guint line = node_line (self);
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  gboolean copied;

  copied = crm_xcard_copy_element (self->input, writer, NULL, CRM_XML_INPUT_MAX_TEXT, cancellable, error);
  self->type = xmlTextReaderNodeType (self->reader);
  self->depth = xmlTextReaderDepth (self->reader);
  xmlTextWriterFlush (writer);
  if (copied)
    {
      g_autoptr(CrmVcardProperty) property = crm_vcard_property_new (group, "XML");
      g_autofree char *xml = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
      g_autofree char *value = crm_vcard_escape (xml, FALSE);

      crm_vcard_property_set_value (property, value);
      crm_vcard_property_set_line_number (property, line);
      crm_vcard_card_add_property (card, property);
    }
  xmlFreeTextWriter (writer);
  xmlBufferFree (buffer);
  return copied;
}

/* A vCard line in Touchpoint's namespace: a property that XML could not
 * hold as elements, read as the vCard it is. */
static gboolean
read_vcard_line (CrmXcardReader  *self,
                 CrmVcardCard    *card,
                 GCancellable    *cancellable,
                 GError         **error)
{
  guint line = node_line (self);
  g_autofree char *text = read_text (self, card, cancellable, error);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrmVcardReader) reader = NULL;
  g_autoptr(CrmVcardCard) parsed = NULL;
  g_autofree char *vcard = NULL;

  if (text == NULL)
    return FALSE;
  if (strpbrk (text, "\r\n") == NULL && !g_ascii_isspace (text[0]) && g_ascii_strncasecmp (text, "BEGIN:", 6) != 0 &&
      g_ascii_strncasecmp (text, "END:", 4) != 0 && g_ascii_strncasecmp (text, "VERSION:", 8) != 0)
    {
      vcard = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:4.0\r\n%s\r\nEND:VCARD\r\n", text);
      stream = g_memory_input_stream_new_from_data (vcard, strlen (vcard), NULL);
      reader = crm_vcard_reader_new (stream);
      parsed = crm_vcard_reader_next (reader, NULL, NULL);
    }
  if (parsed == NULL || crm_vcard_card_get_properties (parsed)->len != 1 ||
      crm_vcard_card_get_problems (parsed)->len != 0)
    {
      crm_vcard_card_add_problem (card, line, _("the vCard line “%s” cannot be read; it was left out"), text);
      return TRUE;
    }
  crm_vcard_property_set_line_number (g_ptr_array_index (crm_vcard_card_get_properties (parsed), 0), line);
  crm_vcard_card_add_property (card, g_ptr_array_index (crm_vcard_card_get_properties (parsed), 0));
  return TRUE;
}

static gboolean read_card_child (CrmXcardReader  *self,
                                 CrmVcardCard    *card,
                                 gboolean         in_group,
                                 const char      *group,
                                 GCancellable    *cancellable,
                                 GError         **error);

static gboolean
read_group (CrmXcardReader  *self,
            CrmVcardCard    *card,
            GCancellable    *cancellable,
            GError         **error)
{
  int depth = self->depth;
  xmlChar *attribute = xmlTextReaderGetAttribute (self->reader, BAD_CAST "name");
  g_autofree char *name = g_strdup ((const char *) attribute);

  xmlFree (attribute);
  if (!crm_xcard_is_group_name (name))
    {
      crm_vcard_card_add_problem (card, node_line (self), _("“%s” cannot be the name of a vCard group; "
                                                            "its properties were read without a group"),
                                  name ? name : "");
      g_clear_pointer (&name, g_free);
    }
  if (xmlTextReaderIsEmptyElement (self->reader))
    return TRUE;
  for (;;)
    {
      if (!read_node (self, cancellable, error))
        return FALSE;
      if (is_end_of (self, depth))
        return TRUE;
      if (self->type == XML_READER_TYPE_ELEMENT &&
          !read_card_child (self, card, TRUE, name, cancellable, error))
        return FALSE;
    }
}

static gboolean
read_card_child (CrmXcardReader  *self,
                 CrmVcardCard    *card,
                 gboolean         in_group,
                 const char      *group,
                 GCancellable    *cancellable,
                 GError         **error)
{
  const char *name = local_name (self);

  if (in_namespace (self, CRM_XCARD_NAMESPACE))
    {
      if (g_str_equal (name, "group") && !in_group)
        return read_group (self, card, cancellable, error);
      if (g_str_equal (name, "group") || g_str_equal (name, "vcard"))
        {
          crm_vcard_card_add_problem (card, node_line (self), _("<%s> cannot be inside a <vcard> here; "
                                                                "it was left out"), name);
          return skip_element (self, cancellable, error);
        }
      /* The namespace says 4.0; a <version> says nothing more. */
      if (g_str_equal (name, "version"))
        return skip_element (self, cancellable, error);
      return read_property (self, card, group, cancellable, error);
    }
  if (in_namespace (self, CRM_XCARD_TOUCHPOINT_NAMESPACE) && g_str_equal (name, "vcard-line"))
    return read_vcard_line (self, card, cancellable, error);
  if (in_namespace (self, CRM_XCARD_XINCLUDE_NAMESPACE))
    {
      /* Never followed (CrmXmlInput has no XInclude), and not kept
       * either, so that no export carries it on. */
      crm_vcard_card_add_problem (card, node_line (self), _("an XInclude element is not followed; it was left out"));
      return skip_element (self, cancellable, error);
    }
  return read_foreign (self, card, group, cancellable, error);
}

static CrmVcardCard *
read_card (CrmXcardReader  *self,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(CrmVcardCard) card = crm_vcard_card_new (node_line (self));
  int depth = self->depth;

  crm_vcard_card_set_version (card, "4.0");
  if (xmlTextReaderIsEmptyElement (self->reader))
    {
      crm_vcard_card_set_complete (card, TRUE);
      return g_steal_pointer (&card);
    }
  for (;;)
    {
      if (!read_node (self, cancellable, error))
        return NULL;
      if (is_end_of (self, depth))
        break;
      if (self->type == XML_READER_TYPE_ELEMENT &&
          !read_card_child (self, card, FALSE, NULL, cancellable, error))
        return NULL;
    }
  crm_vcard_card_set_complete (card, TRUE);
  return g_steal_pointer (&card);
}

/* Up to the root element, which must be xCard's. */
static gboolean
read_root (CrmXcardReader  *self,
           GCancellable    *cancellable,
           GError         **error)
{
  do
    if (!read_node (self, cancellable, error))
      return FALSE;
  while (self->type != XML_READER_TYPE_ELEMENT);

  if (in_namespace (self, CRM_XCARD_NAMESPACE) && g_str_equal (local_name (self), "vcards"))
    self->finished = xmlTextReaderIsEmptyElement (self->reader);
  else if (in_namespace (self, CRM_XCARD_NAMESPACE) && g_str_equal (local_name (self), "vcard"))
    self->single = TRUE;
  else
    {
      g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_INVALID,
                   _("line %d: this is not an xCard file: it starts with <%s>, not with <vcards> in the "
                     "namespace %s"), crm_xml_input_get_line (self->input), local_name (self), CRM_XCARD_NAMESPACE);
      return FALSE;
    }
  self->started = TRUE;
  return TRUE;
}

/* Past the root element's end: only comments and white space may follow,
 * which CrmXmlInput checks. */
static gboolean
read_to_end (CrmXcardReader  *self,
             GCancellable    *cancellable,
             GError         **error)
{
  int result;

  while ((result = crm_xml_input_read (self->input, cancellable, error)) == 1)
    ;
  self->finished = TRUE;
  return result == 0;
}

static CrmVcardCard *
next_card (CrmXcardReader  *self,
           GCancellable    *cancellable,
           GError         **error)
{
  if (!self->started)
    {
      if (!read_root (self, cancellable, error))
        return NULL;
      if (self->single)
        return read_card (self, cancellable, error);
    }
  if (self->single || self->finished)
    {
      read_to_end (self, cancellable, error);
      return NULL;
    }

  for (;;)
    {
      if (!read_node (self, cancellable, error))
        return NULL;
      if (is_end_of (self, 0))
        {
          read_to_end (self, cancellable, error);
          return NULL;
        }
      if (self->type != XML_READER_TYPE_ELEMENT || self->depth != 1)
        continue;
      if (in_namespace (self, CRM_XCARD_NAMESPACE) && g_str_equal (local_name (self), "vcard"))
        return read_card (self, cancellable, error);
      /* Anything else between cards is no card's business. */
      if (!skip_element (self, cancellable, error))
        return NULL;
    }
}

/**
 * crm_xcard_reader_next:
 *
 * Reads the next <vcard>, with the problems found in it listed on it.
 * A document that cannot be read further (not well-formed, a DTD, beyond
 * CrmXmlInput's limits, not xCard) is an error with the line; it, or a
 * cancel, stays the answer on every later call.
 *
 * Returns: (transfer full) (nullable): the card, or %NULL at the end of
 *   the document or with @error set
 */
CrmVcardCard *
crm_xcard_reader_next (CrmXcardReader  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  CrmVcardCard *card;

  g_return_val_if_fail (CRM_IS_XCARD_READER (self), NULL);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return NULL;
    }
  if (self->finished)
    return NULL;

  card = next_card (self, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_clear_object (&card);
      /* Halfway through a card, and a cancel too, there is no going on. */
      self->failure = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return card;
}
