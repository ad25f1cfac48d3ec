/* crm-csv.h: customers from CSV files into the store, and customers,
 * touchpoints and transactions out to CSV files.
 *
 * Import: a file from a spreadsheet, Google Contacts, Outlook or another
 * CRM, in any delimiter and character set, with its columns guessed from
 * the header or chosen by the user; a preview of the first records as the
 * customers they would become; then the import in one transaction through
 * CrmImporter. Under %CRM_IMPORT_UPDATE a file changes only what it has
 * columns for, and an empty cell changes nothing.
 *
 * Export: UTF-8 with a byte-order mark, commas, CRLF, RFC 4180 quoting,
 * formulas made harmless; written atomically. */
#pragma once

#include "crm-csv-mapping.h"
#include "crm-csv-reader.h"
#include "crm-csv-writer.h"
#include "crm-importer.h"

G_BEGIN_DECLS

typedef struct
{
  char           delimiter;  /* 0: guessed from the start of the file */
  const char    *encoding;   /* NULL: UTF-8 (UTF-16 followed by its byte-order mark) */
  gboolean       has_header; /* the first record names the columns */
  CrmCsvMapping *mapping;    /* NULL: guessed from the header */
} CrmCsvOptions;

void             crm_csv_options_init        (CrmCsvOptions      *options);

/* What an import would read: for the import dialog to show before the
 * user commits to it. */
typedef struct
{
  char          **header;     /* the header, or "Column 1"… without one */
  char            delimiter;  /* the one used, guessed or given */
  CrmCsvMapping  *mapping;    /* the one used, guessed or given */
  GPtrArray      *customers;  /* (element-type CrmCustomer): the records that would come in */
  GPtrArray      *problems;   /* (element-type utf8): "line N: what" */
} CrmCsvPreview;

void             crm_csv_preview_free        (CrmCsvPreview      *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCsvPreview, crm_csv_preview_free)

CrmCsvPreview   *crm_csv_preview             (GInputStream        *stream,
                                              const CrmCsvOptions *options,
                                              guint                n_records,
                                              GError             **error);

CrmImportReport *crm_import_csv              (CrmStore            *store,
                                              GInputStream        *stream,
                                              const CrmCsvOptions *options,
                                              CrmImportPolicy      policy,
                                              CrmProgressFunc      progress,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);

gboolean         crm_export_csv_customers    (CrmStore            *store,
                                              GFile               *file,
                                              GArray              *ids,
                                              CrmProgressFunc      progress,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean         crm_export_csv_touchpoints  (CrmStore            *store,
                                              GFile               *file,
                                              CrmProgressFunc      progress,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean         crm_export_csv_transactions (CrmStore            *store,
                                              GFile               *file,
                                              CrmProgressFunc      progress,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);

G_END_DECLS
