/* crm-archive-writer.c: the whole database as a Touchpoint XML archive,
 * streamed: every table is read once in order and written as it is read,
 * so memory stays flat for any size.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>

#include "crm-archive.h"
#include "crm-file-io.h"

/* Progress is told every this many rows. */
#define PROGRESS_STEP 1000

typedef struct
{
  CrmStore        *store;
  GOutputStream   *stream;
  xmlTextWriterPtr writer;
  GCancellable    *cancellable;
  GError          *error;          /* of the stream, or of the data */
  CrmProgressFunc  progress;
  gpointer         progress_data;
  guint64          done;
  guint64          total;
} Export;

static int
write_stream (void       *context,
              const char *buffer,
              int         len)
{
  Export *export = context;

  if (export->error != NULL)
    return -1;
  if (!g_output_stream_write_all (export->stream, buffer, len, NULL, export->cancellable, &export->error))
    return -1;
  return len;
}

/* XML 1.0 cannot hold most control characters, even escaped; such a value
 * is an error, not silently changed. */
static gboolean
check_text (Export                *export,
            const CrmArchiveTable *table,
            const char            *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      {
        if (export->error == NULL)
          g_set_error (&export->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("A %s holds a control character (U+%04X) that XML cannot store: “%s”"),
                       table->element, *p, text);
        return FALSE;
      }
  return TRUE;
}

static const char *
enum_nick (GType  type,
           gint64 value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, (int) value);

  return found != NULL ? found->value_nick : NULL;
}

static gboolean
write_row (Export                *export,
           const CrmArchiveTable *table,
           const CrmArchiveValue *values,
           gboolean               leave_open)
{
  xmlTextWriterPtr writer = export->writer;
  int content = -1;
  gboolean ok = xmlTextWriterStartElement (writer, BAD_CAST table->element) >= 0;

  for (guint i = 0; ok && i < table->n_columns; i++)
    {
      const CrmArchiveColumn *column = &table->columns[i];
      const char *name = column->name;
      char number[32];

      switch (column->kind)
        {
        case CRM_ARCHIVE_INT:
          g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, values[i].number);
          ok = xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST number) >= 0;
          break;
        case CRM_ARCHIVE_OPTIONAL:
          if (!values[i].is_null)
            {
              g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, values[i].number);
              ok = xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST number) >= 0;
            }
          break;
        case CRM_ARCHIVE_TIME:
          crm_archive_format_time (values[i].number, number);
          ok = xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST number) >= 0;
          break;
        case CRM_ARCHIVE_BOOL:
          ok = xmlTextWriterWriteAttribute (writer, BAD_CAST name,
                                            BAD_CAST (values[i].number != 0 ? "true" : "false")) >= 0;
          break;
        case CRM_ARCHIVE_ENUM:
          {
            const char *nick = enum_nick (column->enum_type (), values[i].number);

            if (nick == NULL)
              {
                g_set_error (&export->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("A %s has a %s the archive format does not know: %" G_GINT64_FORMAT),
                             table->element, name, values[i].number);
                return FALSE;
              }
            ok = xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST nick) >= 0;
          }
          break;
        case CRM_ARCHIVE_TEXT:
          if (*values[i].text != '\0')
            ok = check_text (export, table, values[i].text)
                 && xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST values[i].text) >= 0;
          break;
        case CRM_ARCHIVE_CONTENT:
          content = i;
          break;
        case CRM_ARCHIVE_CHILD_TEXT:
          if (*values[i].text != '\0')
            ok = check_text (export, table, values[i].text)
                 && xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST values[i].text) >= 0;
          break;
        case CRM_ARCHIVE_PARENT:
          break;
        }
    }
  if (ok && content >= 0 && *values[content].text != '\0')
    ok = check_text (export, table, values[content].text)
         && xmlTextWriterWriteString (writer, BAD_CAST values[content].text) >= 0;
  if (ok && !leave_open)
    ok = xmlTextWriterEndElement (writer) >= 0;
  return ok;
}

/* Counts a row; tells the progress and checks for a cancel now and then. */
static gboolean
row_done (Export *export)
{
  if (++export->done % PROGRESS_STEP != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (export->cancellable, &export->error))
    return FALSE;
  if (export->progress != NULL)
    export->progress (MIN (export->done, export->total), export->total, export->progress_data);
  return TRUE;
}

static gboolean
write_table (Export            *export,
             CrmArchiveTableId  id)
{
  const CrmArchiveTable *table = crm_archive_table_get (id);
  CrmArchiveValue values[CRM_ARCHIVE_MAX_COLUMNS];
  CrmStoreRows *rows = crm_store_archive_rows_open (export->store, id, &export->error);
  gboolean ok = rows != NULL && xmlTextWriterStartElement (export->writer, BAD_CAST table->section) >= 0;
  int result = 0;

  while (ok && (result = crm_store_archive_rows_next (export->store, rows, values, &export->error)) > 0)
    ok = write_row (export, table, values, FALSE) && row_done (export);
  crm_store_archive_rows_close (rows);
  return ok && result == 0 && xmlTextWriterEndElement (export->writer) >= 0;
}

/* One reader per table kept inside customers, all in customer order, so
 * each customer's rows are merged in as the customers go by. */
typedef struct
{
  CrmArchiveTableId id;
  CrmStoreRows     *rows;
  CrmArchiveValue   values[CRM_ARCHIVE_MAX_COLUMNS];
  int               state;      /* 1 at a row, 0 at the end, -1 failed */
} ChildRows;

static const CrmArchiveTableId child_tables[] = {
  CRM_ARCHIVE_TAGS, CRM_ARCHIVE_CONTACT_POINTS, CRM_ARCHIVE_ADDRESSES,
  CRM_ARCHIVE_EXTERNAL_IDS, CRM_ARCHIVE_ALIASES, CRM_ARCHIVE_VCARD_PROPERTIES,
};

static gboolean
write_customers (Export *export)
{
  const CrmArchiveTable *customers = crm_archive_table_get (CRM_ARCHIVE_CUSTOMERS);
  ChildRows children[G_N_ELEMENTS (child_tables)] = { 0 };
  CrmArchiveValue values[CRM_ARCHIVE_MAX_COLUMNS];
  CrmStoreRows *rows = crm_store_archive_rows_open (export->store, CRM_ARCHIVE_CUSTOMERS, &export->error);
  gboolean ok = rows != NULL && xmlTextWriterStartElement (export->writer, BAD_CAST customers->section) >= 0;
  int result = 0;

  for (guint c = 0; ok && c < G_N_ELEMENTS (children); c++)
    {
      children[c].id = child_tables[c];
      children[c].rows = crm_store_archive_rows_open (export->store, child_tables[c], &export->error);
      ok = children[c].rows != NULL;
      if (ok)
        children[c].state = crm_store_archive_rows_next (export->store, children[c].rows, children[c].values,
                                                         &export->error);
    }

  while (ok && (result = crm_store_archive_rows_next (export->store, rows, values, &export->error)) > 0)
    {
      gint64 id = values[0].number;

      ok = write_row (export, customers, values, TRUE);
      for (guint c = 0; ok && c < G_N_ELEMENTS (children); c++)
        {
          const CrmArchiveTable *table = crm_archive_table_get (children[c].id);

          /* The parent is each child table's first column. */
          while (ok && children[c].state > 0 && children[c].values[0].number <= id)
            {
              if (children[c].values[0].number == id)
                ok = write_row (export, table, children[c].values, FALSE);
              children[c].state = crm_store_archive_rows_next (export->store, children[c].rows,
                                                               children[c].values, &export->error);
            }
          ok = ok && children[c].state >= 0;
        }
      ok = ok && xmlTextWriterEndElement (export->writer) >= 0 && row_done (export);
    }

  crm_store_archive_rows_close (rows);
  for (guint c = 0; c < G_N_ELEMENTS (children); c++)
    crm_store_archive_rows_close (children[c].rows);
  return ok && result == 0 && xmlTextWriterEndElement (export->writer) >= 0;
}

static gboolean
write_document (Export *export)
{
  xmlTextWriterPtr writer = export->writer;
  char now[32];
  char schema[16];

  crm_archive_format_time (g_get_real_time () / G_USEC_PER_SEC, now);
  g_snprintf (schema, sizeof schema, "%d", crm_store_get_schema_version ());

  if (xmlTextWriterSetIndent (writer, 1) < 0 || xmlTextWriterSetIndentString (writer, BAD_CAST " ") < 0
      || xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) < 0
      || xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "touchpoint-archive", BAD_CAST CRM_ARCHIVE_NAMESPACE) < 0
      || xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "format", "%d", CRM_ARCHIVE_FORMAT_VERSION) < 0
      || xmlTextWriterWriteAttribute (writer, BAD_CAST "database-schema", BAD_CAST schema) < 0
      || xmlTextWriterWriteAttribute (writer, BAD_CAST "exported", BAD_CAST now) < 0
      || xmlTextWriterWriteAttribute (writer, BAD_CAST "generator", BAD_CAST "Touchpoint " PACKAGE_VERSION) < 0)
    return FALSE;

  return write_table (export, CRM_ARCHIVE_CHANNELS)
         && write_table (export, CRM_ARCHIVE_TOUCHPOINT_TYPES)
         && write_customers (export)
         && write_table (export, CRM_ARCHIVE_TRANSACTIONS)
         && write_table (export, CRM_ARCHIVE_TOUCHPOINTS)
         && write_table (export, CRM_ARCHIVE_JOURNAL)
         && xmlTextWriterEndDocument (writer) >= 0
         && xmlTextWriterFlush (writer) >= 0;
}

/**
 * crm_export_archive:
 * @progress: (nullable): told the rows written (customers, transactions,
 *   touchpoints, journal entries) and how many there are
 *
 * Writes the whole database as a Touchpoint XML archive, as of one
 * moment, atomically: a full disk, a failure or a cancel leaves any
 * existing file as it was.
 */
gboolean
crm_export_archive (CrmStore         *store,
                    GFile            *file,
                    CrmProgressFunc   progress,
                    gpointer          user_data,
                    GCancellable     *cancellable,
                    GError          **error)
{
  Export export = { store, NULL, NULL, cancellable, NULL, progress, user_data, 0, 0 };
  xmlOutputBufferPtr output;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!crm_store_archive_snapshot_begin (store, error))
    return FALSE;
  for (CrmRecordKind kind = CRM_RECORD_CUSTOMERS; kind <= CRM_RECORD_TRANSACTIONS; kind++)
    export.total += MAX (crm_store_count (store, kind, NULL), 0);

  export.stream = crm_atomic_file_create (file, cancellable, error);
  if (export.stream == NULL)
    {
      crm_store_archive_snapshot_end (store);
      return FALSE;
    }
  output = xmlOutputBufferCreateIO (write_stream, NULL, &export, NULL);
  export.writer = xmlNewTextWriter (output);

  ok = write_document (&export);
  xmlFreeTextWriter (export.writer);
  crm_store_archive_snapshot_end (store);

  if (ok && export.error == NULL && crm_atomic_file_finish (export.stream, cancellable, &export.error))
    {
      g_object_unref (export.stream);
      return TRUE;
    }
  crm_atomic_file_abandon (export.stream);
  g_object_unref (export.stream);
  if (export.error != NULL)
    g_propagate_error (error, export.error);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the archive"));
  return FALSE;
}
