/* fuzz-inputs.h: one input through one of the file readers, the way the
 * application would go through it. Shared by the libFuzzer targets and by
 * tests/test-fuzz-regressions.c, so that every input the fuzzers ever
 * crashed on is run again by the ordinary test suite with the same code.
 *
 * None of these fail on bad input: a reader's error is the expected
 * answer to garbage. What they must never do is crash, leak, read out of
 * bounds or hit a critical. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads every card, maps it to a customer, writes the customer as vCard
 * 4.0 and 3.0 and reads that again: what the writer makes of anything the
 * reader accepted must be one complete card the reader takes back. */
void crm_fuzz_feed_vcard     (const guint8 *data,
                              gsize         size);

/* Reads every card of an xCard document, maps it to a customer, writes
 * the customer as xCard and reads that again: one card must come back. */
void crm_fuzz_feed_xcard     (const guint8 *data,
                              gsize         size);

/* What a CSV import shows before it commits: the delimiter, character set
 * and columns guessed from the file, every record made a customer. */
void crm_fuzz_feed_csv       (const guint8 *data,
                              gsize         size);

/* Reads the document to its end through CrmXmlInput, visiting every
 * attribute, as the archive and xCard readers do. */
void crm_fuzz_feed_xml_input (const guint8 *data,
                              gsize         size);

/* Restoring an archive needs a store and a file; one CrmFuzzArchive keeps
 * both in @directory for many inputs, and makes the database new again
 * only when a restore has filled it (a failed one leaves it as it was). */
typedef struct _CrmFuzzArchive CrmFuzzArchive;

CrmFuzzArchive *crm_fuzz_archive_new  (const char     *directory);
void            crm_fuzz_archive_feed (CrmFuzzArchive *self,
                                       const guint8   *data,
                                       gsize           size);
void            crm_fuzz_archive_free (CrmFuzzArchive *self);

G_END_DECLS
