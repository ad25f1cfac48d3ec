/* crm-file-transfer.h: one way in and one way out for every file format:
 * what a file is (from its first bytes, its name as a hint), importing it
 * whatever it is, and exporting in a chosen format. The command line and
 * the import and export dialogs both go through here. */
#pragma once

#include "crm-csv.h"
#include "crm-enums.h"
#include "crm-importer.h"

G_BEGIN_DECLS

/* How much of a file detection reads. */
#define CRM_FILE_DETECT_BYTES 4096

CrmFileFormat    crm_file_format_detect      (const char       *head,
                                              gsize             len,
                                              const char       *name,
                                              char            **description);
CrmFileFormat    crm_file_format_detect_file (GFile            *file,
                                              char            **description,
                                              GCancellable     *cancellable,
                                              GError          **error);
const char      *crm_file_format_get_extension (CrmFileFormat   format);

GPtrArray       *crm_file_preview            (GFile               *file,
                                              CrmFileFormat        format,
                                              guint                n_records,
                                              GPtrArray           *problems,
                                              GCancellable        *cancellable,
                                              GError             **error);
CrmImportReport *crm_import_file             (CrmStore            *store,
                                              GFile               *file,
                                              CrmFileFormat        format,
                                              CrmImportPolicy      policy,
                                              const CrmCsvOptions *csv_options,
                                              CrmProgressFunc      progress,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean         crm_export_file             (CrmStore            *store,
                                              GFile               *file,
                                              CrmFileFormat        format,
                                              GArray              *ids,
                                              CrmProgressFunc      progress,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);

G_END_DECLS
