/* crm-csv-reader.h: reads comma-separated values (RFC 4180 and what
 * spreadsheets really write) from a stream one record at a time, in
 * constant memory whatever the file's size: any one-character delimiter,
 * quoted fields with doubled quotes and line breaks, every line ending, a
 * byte-order mark, a character set given by the caller. What is malformed
 * is reported with its line and the reading goes on. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest field read; a longer one is dropped and reported, so that a
 * runaway quote or a file that is not CSV cannot fill the memory. */
#define CRM_CSV_MAX_FIELD_BYTES (1024 * 1024)

#define CRM_TYPE_CSV_READER (crm_csv_reader_get_type ())
G_DECLARE_FINAL_TYPE (CrmCsvReader, crm_csv_reader, CRM, CSV_READER, GObject)

CrmCsvReader *crm_csv_reader_new              (GInputStream  *stream,
                                               char           delimiter,
                                               const char    *encoding,
                                               GError       **error);
char        **crm_csv_reader_next             (CrmCsvReader  *self,
                                               GCancellable  *cancellable,
                                               GError       **error);
char          crm_csv_reader_get_delimiter    (CrmCsvReader  *self);
guint         crm_csv_reader_get_record_line  (CrmCsvReader  *self);
gboolean      crm_csv_reader_get_record_broken (CrmCsvReader *self);
GPtrArray    *crm_csv_reader_get_problems     (CrmCsvReader  *self);
guint64       crm_csv_reader_get_bytes_read   (CrmCsvReader  *self);

char          crm_csv_guess_delimiter         (const char    *head,
                                               gsize          length);

G_END_DECLS
