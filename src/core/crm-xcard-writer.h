/* crm-xcard-writer.h: customers as an xCard (RFC 6351) document, one
 * <vcard> at a time into the caller's buffer, with everything the vCard
 * writer writes: names, organization, title, notes, e-mails, phones and
 * web addresses with their labels and preference, addresses, tags, uid,
 * kind, and the vCard properties Touchpoint keeps for a customer, each in
 * a form the xCard reader gives back unchanged. */
#pragma once

#include "crm-customer.h"

G_BEGIN_DECLS

#define CRM_TYPE_XCARD_WRITER (crm_xcard_writer_get_type ())
G_DECLARE_FINAL_TYPE (CrmXcardWriter, crm_xcard_writer, CRM, XCARD_WRITER, GObject)

CrmXcardWriter *crm_xcard_writer_new          (void);
void            crm_xcard_writer_begin        (CrmXcardWriter *self,
                                               GString        *out);
void            crm_xcard_writer_add_customer (CrmXcardWriter *self,
                                               CrmCustomer    *customer,
                                               GString        *out);
void            crm_xcard_writer_end          (CrmXcardWriter *self,
                                               GString        *out);

char           *crm_xcard_write_customers     (GPtrArray      *customers);

G_END_DECLS
