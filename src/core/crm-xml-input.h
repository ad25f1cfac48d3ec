/* crm-xml-input.h: libxml2's streaming reader set up for files from
 * anywhere. libxml2 is not safe on untrusted input by default; this never
 * lets a document type declaration through (no entity expansion, no
 * external entity, no DTD loading), never touches the network or another
 * file, and refuses nesting or text beyond sane limits, each with an
 * error that says where and what. Optionally validates against a RELAX NG
 * schema while streaming. */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

#define CRM_XML_INPUT_ERROR (crm_xml_input_error_quark ())

typedef enum
{
  CRM_XML_INPUT_ERROR_MALFORMED,   /* not well-formed XML */
  CRM_XML_INPUT_ERROR_REFUSED,     /* a DTD or entity declaration */
  CRM_XML_INPUT_ERROR_TOO_DEEP,
  CRM_XML_INPUT_ERROR_TOO_LARGE,
  CRM_XML_INPUT_ERROR_INVALID,     /* against the format's schema */
} CrmXmlInputError;

/* Deeper than any format Touchpoint reads needs, far below what makes a
 * recursive consumer run out of stack. */
#define CRM_XML_INPUT_MAX_DEPTH 64

/* A text node or attribute larger than this is refused: the biggest
 * legitimate value is a photo, and 8 MiB of base64 is a 6 MiB picture. */
#define CRM_XML_INPUT_MAX_TEXT (8 * 1024 * 1024)

#define CRM_TYPE_XML_INPUT (crm_xml_input_get_type ())
G_DECLARE_FINAL_TYPE (CrmXmlInput, crm_xml_input, CRM, XML_INPUT, GObject)

GQuark            crm_xml_input_error_quark    (void);
CrmXmlInput      *crm_xml_input_new            (GInputStream  *stream);
gboolean          crm_xml_input_set_schema     (CrmXmlInput   *self,
                                                const char    *resource_path,
                                                GError       **error);
int               crm_xml_input_read           (CrmXmlInput   *self,
                                                GCancellable  *cancellable,
                                                GError       **error);
xmlTextReaderPtr  crm_xml_input_get_reader     (CrmXmlInput   *self);
int               crm_xml_input_get_line       (CrmXmlInput   *self);
guint64           crm_xml_input_get_bytes_read (CrmXmlInput   *self);
char             *crm_xml_input_read_text      (CrmXmlInput   *self,
                                                GCancellable  *cancellable,
                                                GError       **error);

G_END_DECLS
