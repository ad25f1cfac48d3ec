/* crm-vcard-reader.h: reads vCard 2.1, 3.0 and 4.0 from a stream one card
 * at a time, in constant memory whatever the file's size: unfolding,
 * quoted-printable, legacy charsets, base64, parameters in every style real
 * exporters write, with every problem reported by line. */
#pragma once

#include <gio/gio.h>

#include "crm-vcard-card.h"

G_BEGIN_DECLS

#define CRM_TYPE_VCARD_READER (crm_vcard_reader_get_type ())
G_DECLARE_FINAL_TYPE (CrmVcardReader, crm_vcard_reader, CRM, VCARD_READER, GObject)

CrmVcardReader *crm_vcard_reader_new             (GInputStream    *stream);
CrmVcardCard   *crm_vcard_reader_next            (CrmVcardReader  *self,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
guint           crm_vcard_reader_get_line_number (CrmVcardReader  *self);
guint64         crm_vcard_reader_get_bytes_read  (CrmVcardReader  *self);

G_END_DECLS
