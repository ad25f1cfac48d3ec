/* crm-xcard-reader.h: reads xCard (RFC 6351) from a stream one <vcard> at
 * a time, in constant memory whatever the file's size, through the
 * hardened CrmXmlInput. Each card comes as the vCard reader would give
 * the same card in vCard 4.0, so crm_vcard_card_to_customer() maps it;
 * properties Touchpoint does not model, elements of other namespaces
 * included, are kept. Problems within a card are listed on it with their
 * line; a document that is not well-formed is an error with its line. */
#pragma once

#include <gio/gio.h>

#include "crm-vcard-card.h"

G_BEGIN_DECLS

#define CRM_TYPE_XCARD_READER (crm_xcard_reader_get_type ())
G_DECLARE_FINAL_TYPE (CrmXcardReader, crm_xcard_reader, CRM, XCARD_READER, GObject)

CrmXcardReader *crm_xcard_reader_new            (GInputStream    *stream);
CrmVcardCard   *crm_xcard_reader_next           (CrmXcardReader  *self,
                                                 GCancellable    *cancellable,
                                                 GError         **error);
guint64         crm_xcard_reader_get_bytes_read (CrmXcardReader  *self);

G_END_DECLS
