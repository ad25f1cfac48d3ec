/* crm-xcard.h: xCard (RFC 6351), vCard 4.0 as XML, in and out of the
 * store. Reading goes through CrmXmlInput, which refuses DTDs, entities
 * and other hostile constructs; cards come in as the same CrmVcardCard
 * the vCard reader makes, so one mapping serves both formats, and every
 * property Touchpoint does not model survives an xCard round trip. */
#pragma once

#include <libxml/xmlwriter.h>

#include "crm-exporter.h"
#include "crm-importer.h"
#include "crm-xml-input.h"

G_BEGIN_DECLS

#define CRM_XCARD_NAMESPACE "urn:ietf:params:xml:ns:vcard-4.0"

/* Touchpoint's own extension namespace: a vCard line that has no xCard
 * form (a property name XML cannot take) travels in it verbatim. */
#define CRM_XCARD_TOUCHPOINT_NAMESPACE "https://touchpointcrm.github.io/ns/xcard/1"

#define CRM_XCARD_XINCLUDE_NAMESPACE "http://www.w3.org/2001/XInclude"

gboolean         crm_export_xcard       (CrmStore         *store,
                                         GFile            *file,
                                         GArray           *ids,
                                         CrmProgressFunc   progress,
                                         gpointer          user_data,
                                         GCancellable     *cancellable,
                                         GError          **error);

CrmImportReport *crm_import_xcard       (CrmStore         *store,
                                         GInputStream     *stream,
                                         CrmImportPolicy   policy,
                                         CrmProgressFunc   progress,
                                         gpointer          user_data,
                                         GCancellable     *cancellable,
                                         GError          **error);

/* Shared by the xCard reader and writer. */
gboolean         crm_xcard_copy_element  (CrmXmlInput      *input,
                                          xmlTextWriterPtr  writer,
                                          const char       *default_namespace,
                                          gsize             limit,
                                          GCancellable     *cancellable,
                                          GError          **error);
char            *crm_xcard_normalize_xml (const char       *xml,
                                          const char       *default_namespace,
                                          char            **root_namespace,
                                          GError          **error);

G_END_DECLS
