/* crm-xml-input.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "crm-xml-input.h"

/* Both can only start a declaration inside a DTD. The raw bytes are
 * scanned for them before libxml2 sees anything, so no declaration, and no
 * entity, is ever parsed. */
static const char * const refused_markup[] = { "<!DOCTYPE", "<!ENTITY" };
#define LONGEST_REFUSED 9

struct _CrmXmlInput
{
  GObject           parent_instance;
  GInputStream     *stream;
  xmlTextReaderPtr  reader;
  xmlRelaxNGPtr     schema;
  GCancellable     *cancellable;      /* of the read in progress */
  GError           *stream_error;     /* from the stream, or a refusal */
  GError           *xml_error;        /* the first libxml2 reported */
  char              tail[LONGEST_REFUSED];   /* the end of the last chunk */
  gsize             tail_len;
  guint64           bytes_read;
};

G_DEFINE_FINAL_TYPE (CrmXmlInput, crm_xml_input, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-xml-input-error-quark, crm_xml_input_error)

/* Nothing Touchpoint reads may load another file or a URL. Installed once
 * for the process: libxml2 asks it for every external entity, DTD or
 * schema include, whatever the parser options. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  return NULL;
}

static void
crm_xml_input_finalize (GObject *object)
{
  CrmXmlInput *self = (CrmXmlInput *) object;

  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_pointer (&self->schema, xmlRelaxNGFree);
  g_clear_object (&self->stream);
  g_clear_error (&self->stream_error);
  g_clear_error (&self->xml_error);

  G_OBJECT_CLASS (crm_xml_input_parent_class)->finalize (object);
}

static void
crm_xml_input_class_init (CrmXmlInputClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_xml_input_finalize;

  xmlInitParser ();
  xmlSetExternalEntityLoader (refuse_external_entity);
}

static void
crm_xml_input_init (CrmXmlInput *self)
{
}

static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  gsize needle_len = strlen (needle);

  for (const char *p = data; p + needle_len <= data + len; p++)
    {
      p = memchr (p, needle[0], data + len - p);
      if (p == NULL || p + needle_len > data + len)
        return FALSE;
      if (memcmp (p, needle, needle_len) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
contains_refused_markup (CrmXmlInput *self,
                         const char  *data,
                         gsize        len)
{
  /* The tail of the previous chunk goes in front, so that a declaration
   * split across two reads is seen. */
  g_autofree char *joined = NULL;

  /* The end of the stream adds nothing to look at (and g_malloc (0) gives
   * NULL, which memcpy() may not be passed even for no bytes). */
  if (len == 0)
    return FALSE;

  joined = g_malloc (self->tail_len + len);
  memcpy (joined, self->tail, self->tail_len);
  memcpy (joined + self->tail_len, data, len);
  len += self->tail_len;

  for (guint i = 0; i < G_N_ELEMENTS (refused_markup); i++)
    if (contains (joined, len, refused_markup[i]))
      return TRUE;

  self->tail_len = MIN (len, LONGEST_REFUSED - 1);
  memcpy (self->tail, joined + len - self->tail_len, self->tail_len);
  return FALSE;
}

static int
read_stream (void *context,
             char *buffer,
             int   len)
{
  CrmXmlInput *self = context;
  gssize n;

  if (self->stream_error != NULL)
    return -1;
  n = g_input_stream_read (self->stream, buffer, len, self->cancellable, &self->stream_error);
  if (n < 0)
    return -1;
  self->bytes_read += n;
  if (contains_refused_markup (self, buffer, n))
    {
      g_set_error_literal (&self->stream_error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_REFUSED,
                           _("The file declares a document type (DTD) or entities, which Touchpoint does not "
                             "accept: they can expand without end or read other files"));
      return -1;
    }
  return n;
}

static void
record_error (void        *context,
              xmlErrorPtr  error)
{
  CrmXmlInput *self = context;
  g_autofree char *message = NULL;
  CrmXmlInputError code = CRM_XML_INPUT_ERROR_MALFORMED;

  if (self->xml_error != NULL || error == NULL || error->level == XML_ERR_WARNING)
    return;

  message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
  if (error->domain == XML_FROM_RELAXNGV)
    code = CRM_XML_INPUT_ERROR_INVALID;
  else if (strstr (message, "huge") != NULL || strstr (message, "too long") != NULL)
    code = CRM_XML_INPUT_ERROR_TOO_LARGE;
  else if (strstr (message, "depth") != NULL)
    code = CRM_XML_INPUT_ERROR_TOO_DEEP;

  self->xml_error = g_error_new (CRM_XML_INPUT_ERROR, code, _("line %d: %s"), error->line, message);
}

/**
 * crm_xml_input_new:
 *
 * A reader of the XML in @stream, which must be UTF-8 (what Touchpoint and
 * every xCard producer write); nothing is read yet.
 */
CrmXmlInput *
crm_xml_input_new (GInputStream *stream)
{
  CrmXmlInput *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (CRM_TYPE_XML_INPUT, NULL);
  self->stream = g_object_ref (stream);
  /* NONET, and none of NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or
   * HUGE: entities stay unexpanded, no DTD is loaded, and libxml2's own
   * limits on text and depth hold. */
  self->reader = xmlReaderForIO (read_stream, NULL, self, NULL, "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
  xmlTextReaderSetStructuredErrorHandler (self->reader, record_error, self);
  return self;
}

/**
 * crm_xml_input_set_schema:
 * @resource_path: a RELAX NG schema among the application's resources
 *
 * Validates the document against the schema as it is read; the first
 * place it does not match is an error. Call before the first read.
 */
gboolean
crm_xml_input_set_schema (CrmXmlInput  *self,
                          const char   *resource_path,
                          GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr context;
  gsize size;
  const char *data;

  g_return_val_if_fail (CRM_IS_XML_INPUT (self), FALSE);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  context = xmlRelaxNGNewMemParserCtxt (data, size);
  self->schema = xmlRelaxNGParse (context);
  xmlRelaxNGFreeParserCtxt (context);
  if (self->schema == NULL || xmlTextReaderRelaxNGSetSchema (self->reader, self->schema) != 0)
    {
      g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_INVALID,
                   "The schema %s could not be used", resource_path);
      return FALSE;
    }
  return TRUE;
}

static int
fail (CrmXmlInput  *self,
      GError      **error,
      GError       *own)
{
  if (own != NULL)
    g_propagate_error (error, own);
  else if (self->stream_error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->stream_error));
  else if (self->xml_error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->xml_error));
  else
    g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_MALFORMED,
                 _("line %d: the XML could not be read"), crm_xml_input_get_line (self));
  return -1;
}

/**
 * crm_xml_input_read:
 *
 * Moves to the next node, like xmlTextReaderRead().
 *
 * Returns: 1 at a node, 0 at the end of the document, -1 with @error set
 */
int
crm_xml_input_read (CrmXmlInput   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  int result;
  int type;

  g_return_val_if_fail (CRM_IS_XML_INPUT (self), -1);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  self->cancellable = cancellable;
  result = xmlTextReaderRead (self->reader);
  self->cancellable = NULL;

  /* Validity errors are reported without failing the read. */
  if (result < 0 || self->stream_error != NULL || self->xml_error != NULL)
    return fail (self, error, NULL);
  if (result == 0)
    return 0;

  type = xmlTextReaderNodeType (self->reader);
  if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE
      || type == XML_READER_TYPE_ENTITY)
    return fail (self, error,
                 g_error_new (CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_REFUSED,
                              _("line %d: document types and entities are not accepted"),
                              crm_xml_input_get_line (self)));
  if (xmlTextReaderDepth (self->reader) > CRM_XML_INPUT_MAX_DEPTH)
    return fail (self, error,
                 g_error_new (CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_TOO_DEEP,
                              _("line %d: elements are nested more than %d deep"),
                              crm_xml_input_get_line (self), CRM_XML_INPUT_MAX_DEPTH));
  if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA)
    {
      const xmlChar *value = xmlTextReaderConstValue (self->reader);

      if (value != NULL && strlen ((const char *) value) > CRM_XML_INPUT_MAX_TEXT)
        return fail (self, error,
                     g_error_new (CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_TOO_LARGE,
                                  _("line %d: a text of more than %d MiB"),
                                  crm_xml_input_get_line (self), CRM_XML_INPUT_MAX_TEXT / (1024 * 1024)));
    }
  return 1;
}

/**
 * crm_xml_input_read_text:
 *
 * At an element, reads its text content up to its end tag.
 *
 * Returns: (transfer full) (nullable): the text ("" for an empty
 *   element), or %NULL with @error set, also when the element holds
 *   another element
 */
char *
crm_xml_input_read_text (CrmXmlInput   *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GString) text = NULL;
  int depth;

  g_return_val_if_fail (CRM_IS_XML_INPUT (self), NULL);
  g_return_val_if_fail (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT, NULL);

  if (xmlTextReaderIsEmptyElement (self->reader))
    return g_strdup ("");

  text = g_string_new (NULL);
  depth = xmlTextReaderDepth (self->reader);
  for (;;)
    {
      int type;

      if (crm_xml_input_read (self, cancellable, error) != 1)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_MALFORMED,
                         _("line %d: the file ends inside an element"), crm_xml_input_get_line (self));
          return NULL;
        }
      type = xmlTextReaderNodeType (self->reader);
      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (self->reader) == depth)
        break;
      if (type == XML_READER_TYPE_ELEMENT)
        {
          g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_INVALID,
                       _("line %d: unexpected element <%s> inside a text"),
                       crm_xml_input_get_line (self), (const char *) xmlTextReaderConstLocalName (self->reader));
          return NULL;
        }
      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
          || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE)
        {
          g_string_append (text, (const char *) xmlTextReaderConstValue (self->reader));
          if (text->len > CRM_XML_INPUT_MAX_TEXT)
            {
              g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_TOO_LARGE,
                           _("line %d: a text of more than %d MiB"),
                           crm_xml_input_get_line (self), CRM_XML_INPUT_MAX_TEXT / (1024 * 1024));
              return NULL;
            }
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

xmlTextReaderPtr
crm_xml_input_get_reader (CrmXmlInput *self)
{
  g_return_val_if_fail (CRM_IS_XML_INPUT (self), NULL);
  return self->reader;
}

/* The line of the node the reader is at; the parser itself may already be
 * a few lines further on. */
int
crm_xml_input_get_line (CrmXmlInput *self)
{
  xmlNodePtr node;
  long line;

  g_return_val_if_fail (CRM_IS_XML_INPUT (self), 0);

  node = xmlTextReaderCurrentNode (self->reader);
  line = node != NULL ? xmlGetLineNo (node) : -1;
  return line > 0 ? (int) line : xmlTextReaderGetParserLineNumber (self->reader);
}

guint64
crm_xml_input_get_bytes_read (CrmXmlInput *self)
{
  g_return_val_if_fail (CRM_IS_XML_INPUT (self), 0);
  return self->bytes_read;
}
