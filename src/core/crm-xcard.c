/* crm-xcard.c: xCard files into the store and out of it, and the copying
 * of XML from other namespaces that RFC 6350's XML property carries.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-file-io.h"
#include "crm-vcard-mapping.h"
#include "crm-xcard.h"
#include "crm-xcard-reader.h"
#include "crm-xcard-writer.h"

/* The bytes an xmlTextWriter call wrote; -1 for an error counts none. */
static gsize
counted (int written)
{
  return written > 0 ? written : 0;
}

/* A namespace prefix bound on the way down, and at what depth. */
typedef struct
{
  char *prefix;   /* NULL for the default namespace */
  char *uri;      /* "" for none */
  int   depth;
} Binding;

static void
clear_binding (gpointer data)
{
  Binding *binding = data;

  g_free (binding->prefix);
  g_free (binding->uri);
}

static const char *
lookup (GArray     *scope,
        const char *prefix)
{
  for (guint i = scope->len; i > 0; i--)
    if (g_strcmp0 (g_array_index (scope, Binding, i - 1).prefix, prefix) == 0)
      return g_array_index (scope, Binding, i - 1).uri;
  return prefix == NULL ? "" : NULL;
}

/* Declares @prefix as @uri on the element being written, unless it is so
 * already. */
static gsize
bind (xmlTextWriterPtr  writer,
      GArray           *scope,
      const char       *prefix,
      const char       *uri,
      int               depth)
{
  Binding binding = { g_strdup (prefix), g_strdup (uri), depth };
  g_autofree char *name = NULL;

  if (g_strcmp0 (lookup (scope, prefix), uri) == 0)
    {
      clear_binding (&binding);
      return 0;
    }
  g_array_append_val (scope, binding);
  name = prefix != NULL ? g_strconcat ("xmlns:", prefix, NULL) : g_strdup ("xmlns");
  return counted (xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST uri));
}

static void
unbind (GArray *scope,
        int     depth)
{
  while (scope->len > 0 && g_array_index (scope, Binding, scope->len - 1).depth == depth)
    g_array_set_size (scope, scope->len - 1);
}

/* Writes the start tag of the element the reader is at. The namespace
 * declarations of the file are not copied but made again where the names
 * need them, so the same element comes out the same wherever its file
 * declared its namespaces. */
static gsize
copy_start_tag (xmlTextReaderPtr  reader,
                xmlTextWriterPtr  writer,
                GArray           *scope)
{
  const char *prefix = (const char *) xmlTextReaderConstPrefix (reader);
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (reader);
  int depth = xmlTextReaderDepth (reader);
  gsize count = 0;

  count += counted (xmlTextWriterStartElementNS (writer, BAD_CAST prefix, xmlTextReaderConstLocalName (reader), NULL));
  count += bind (writer, scope, prefix, uri ? uri : "", depth);
  if (xmlTextReaderMoveToFirstAttribute (reader) == 1)
    {
      do
        {
          const char *attribute_prefix = (const char *) xmlTextReaderConstPrefix (reader);

          if (xmlTextReaderIsNamespaceDecl (reader))
            continue;
          if (attribute_prefix != NULL && !g_str_equal (attribute_prefix, "xml"))
            count += bind (writer, scope, attribute_prefix, (const char *) xmlTextReaderConstNamespaceUri (reader),
                           depth);
          count += counted (xmlTextWriterWriteAttribute (writer, xmlTextReaderConstName (reader),
                                                        xmlTextReaderConstValue (reader)));
        }
      while (xmlTextReaderMoveToNextAttribute (reader) == 1);
      xmlTextReaderMoveToElement (reader);
    }
  return count;
}

/**
 * crm_xcard_copy_element:
 * @default_namespace: (nullable): the default namespace where @writer
 *   is, which an element in no namespace must then unset
 * @limit: the most bytes to write before giving up
 *
 * Copies the element @input is at, with everything in it, to @writer:
 * elements, attributes and text, not comments or processing
 * instructions. Leaves @input at the element's end.
 */
gboolean
crm_xcard_copy_element (CrmXmlInput       *input,
                        xmlTextWriterPtr   writer,
                        const char        *default_namespace,
                        gsize              limit,
                        GCancellable      *cancellable,
                        GError           **error)
{
  xmlTextReaderPtr reader = crm_xml_input_get_reader (input);
  int base = xmlTextReaderDepth (reader);
  g_autoptr(GArray) scope = g_array_new (FALSE, FALSE, sizeof (Binding));
  gsize written = 0;

  g_return_val_if_fail (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT, FALSE);

  g_array_set_clear_func (scope, clear_binding);
  if (default_namespace != NULL && *default_namespace != '\0')
    {
      Binding binding = { NULL, g_strdup (default_namespace), base - 1 };

      g_array_append_val (scope, binding);
    }

  for (;;)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      int result;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          written += copy_start_tag (reader, writer, scope);
          if (xmlTextReaderIsEmptyElement (reader))
            {
              xmlTextWriterEndElement (writer);
              unbind (scope, depth);
              if (depth == base)
                return TRUE;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          xmlTextWriterEndElement (writer);
          unbind (scope, depth);
          if (depth == base)
            return TRUE;
        }
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        written += counted (xmlTextWriterWriteString (writer, xmlTextReaderConstValue (reader)));

      if (written > limit)
        {
          g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_TOO_LARGE,
                       _("line %d: an element of more than %" G_GSIZE_FORMAT " MiB"),
                       crm_xml_input_get_line (input), limit / (1024 * 1024));
          return FALSE;
        }
      result = crm_xml_input_read (input, cancellable, error);
      if (result != 1)
        {
          if (result == 0)
            g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_MALFORMED,
                         _("line %d: the file ends inside an element"), crm_xml_input_get_line (input));
          return FALSE;
        }
    }
}

/**
 * crm_xcard_normalize_xml:
 * @xml: one XML element, as RFC 6350's XML property holds it
 * @default_namespace: (nullable): as for crm_xcard_copy_element()
 * @root_namespace: (out) (optional): the element's namespace, "" for none
 *
 * The element as crm_xcard_copy_element() writes it: the form the xCard
 * reader gives an element from another namespace, so that writing it and
 * reading it back changes nothing. Read through CrmXmlInput, like a file.
 *
 * Returns: (transfer full) (nullable): the element, or %NULL with @error
 *   set when @xml is not one well-formed element
 */
char *
crm_xcard_normalize_xml (const char  *xml,
                         const char  *default_namespace,
                         char       **root_namespace,
                         GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (xml, strlen (xml), NULL);
  g_autoptr(CrmXmlInput) input = crm_xml_input_new (stream);
  xmlTextReaderPtr reader = crm_xml_input_get_reader (input);
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  char *result = NULL;
  int status;

  while ((status = crm_xml_input_read (input, NULL, error)) == 1 &&
         xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
    ;
  if (status == 0)
    g_set_error_literal (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_MALFORMED, _("there is no XML element"));
  if (status == 1)
    {
      const char *uri = (const char *) xmlTextReaderConstNamespaceUri (reader);

      if (root_namespace != NULL)
        *root_namespace = g_strdup (uri ? uri : "");
      if (crm_xcard_copy_element (input, writer, default_namespace, CRM_XML_INPUT_MAX_TEXT, NULL, error))
        {
          /* Nothing may follow the element but white space. */
          while ((status = crm_xml_input_read (input, NULL, error)) == 1)
            ;
          if (status == 0)
            {
              xmlTextWriterFlush (writer);
              result = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
            }
        }
      if (result == NULL && root_namespace != NULL)
        g_clear_pointer (root_namespace, g_free);
    }
  xmlFreeTextWriter (writer);
  xmlBufferFree (buffer);
  return result;
}

static void
write_begin (gpointer  state,
             GString  *out)
{
  crm_xcard_writer_begin (state, out);
}

static void
write_customer (gpointer     state,
                CrmCustomer *customer,
                GString     *out)
{
  crm_xcard_writer_add_customer (state, customer, out);
}

static void
write_end (gpointer  state,
           GString  *out)
{
  crm_xcard_writer_end (state, out);
}

/**
 * crm_export_xcard:
 * @ids: (nullable) (element-type gint64): as for crm_export_customers()
 *
 * Writes customers as one xCard document, atomically.
 */
gboolean
crm_export_xcard (CrmStore         *store,
                  GFile            *file,
                  GArray           *ids,
                  CrmProgressFunc   progress,
                  gpointer          user_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  static const CrmCustomerFormat xcard = { write_begin, write_customer, write_end };
  g_autoptr(CrmXcardWriter) writer = crm_xcard_writer_new ();

  return crm_export_customers (store, file, ids, &xcard, writer, progress, user_data, cancellable, error);
}

/**
 * crm_import_xcard:
 * @progress: (nullable): told the bytes read so far and the stream's size
 *   when it can be known, else the records read and 0
 *
 * Imports every <vcard> of an xCard document in one transaction, by
 * @policy, as crm_import_vcard() does for vCard. Problems in a card are
 * reported with their line and the rest of it imported. A document that
 * is not well-formed, declares a DTD or entities, or goes beyond
 * CrmXmlInput's limits fails with the line where it did, and nothing is
 * imported.
 *
 * Returns: (transfer full) (nullable): what was done, or %NULL with @error
 *   set and nothing changed
 */
CrmImportReport *
crm_import_xcard (CrmStore         *store,
                  GInputStream     *stream,
                  CrmImportPolicy   policy,
                  CrmProgressFunc   progress,
                  gpointer          user_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(CrmXcardReader) reader = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = crm_xcard_reader_new (stream);
  return crm_import_cards (store, stream, reader, (CrmCardReadFunc) crm_xcard_reader_next,
                           (CrmCardPositionFunc) crm_xcard_reader_get_bytes_read, policy, progress, user_data,
                           cancellable, error);
}
