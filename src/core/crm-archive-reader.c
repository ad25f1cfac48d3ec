/* crm-archive-reader.c: a Touchpoint XML archive into a new database,
 * streamed and validated against the archive's RELAX NG schema as it is
 * read; one transaction, so a bad archive or a cancel leaves the database
 * as it was.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-archive.h"
#include "crm-file-io.h"
#include "crm-xml-input.h"

/* Progress is told, and a cancel checked, every this many rows. */
#define PROGRESS_STEP 1000

typedef struct
{
  CrmStore        *store;
  CrmXmlInput     *input;
  xmlTextReaderPtr reader;
  GCancellable    *cancellable;
  CrmProgressFunc  progress;
  gpointer         progress_data;
  guint64          size;
  guint64          rows;
  GStringChunk    *strings;       /* the texts of the row being read */
} Restore;

static gboolean
invalid (Restore     *restore,
         GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (Restore     *restore,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CRM_XML_INPUT_ERROR, CRM_XML_INPUT_ERROR_INVALID, _("line %d: %s"),
               crm_xml_input_get_line (restore->input), message);
  return FALSE;
}

static void
clear_row (Restore               *restore,
           const CrmArchiveTable *table,
           CrmArchiveValue       *values)
{
  g_string_chunk_clear (restore->strings);
  for (guint i = 0; i < table->n_columns; i++)
    {
      values[i].is_null = table->columns[i].kind == CRM_ARCHIVE_OPTIONAL;
      values[i].number = 0;
      values[i].text = "";
    }
}

static gboolean
parse_value (Restore                *restore,
             const CrmArchiveColumn *column,
             const char             *text,
             CrmArchiveValue        *value,
             GError                **error)
{
  switch (column->kind)
    {
    case CRM_ARCHIVE_INT:
    case CRM_ARCHIVE_OPTIONAL:
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value->number, NULL))
        return invalid (restore, error, _("“%s” is not a whole number in %s"), text, column->name);
      value->is_null = FALSE;
      return TRUE;
    case CRM_ARCHIVE_TIME:
      if (!crm_archive_parse_time (text, &value->number))
        return invalid (restore, error, _("“%s” is not a time like 2026-11-22T09:30:00Z in %s"), text, column->name);
      return TRUE;
    case CRM_ARCHIVE_BOOL:
      value->number = strcmp (text, "true") == 0 || strcmp (text, "1") == 0;
      return TRUE;
    case CRM_ARCHIVE_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (column->enum_type ());
        GEnumValue *found = g_enum_get_value_by_nick (klass, text);

        if (found == NULL)
          return invalid (restore, error, _("“%s” is not a known %s"), text, column->name);
        value->number = found->value;
        return TRUE;
      }
    default:
      value->text = g_string_chunk_insert (restore->strings, text);
      return TRUE;
    }
}

/* The attributes of the element the reader is at, into @values. */
static gboolean
read_attributes (Restore               *restore,
                 const CrmArchiveTable *table,
                 CrmArchiveValue       *values,
                 GError               **error)
{
  xmlTextReaderPtr reader = restore->reader;
  int found = xmlTextReaderMoveToFirstAttribute (reader);

  for (; found == 1; found = xmlTextReaderMoveToNextAttribute (reader))
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      int column;

      if (xmlTextReaderIsNamespaceDecl (reader))
        continue;
      column = crm_archive_table_find_column (table, name);
      if (column < 0)
        return invalid (restore, error, _("a %s has no attribute “%s”"), table->element, name);
      if (!parse_value (restore, &table->columns[column], (const char *) xmlTextReaderConstValue (reader),
                        &values[column], error))
        return FALSE;
    }
  xmlTextReaderMoveToElement (reader);
  return found == 0 || invalid (restore, error, _("the attributes of a %s could not be read"), table->element);
}

static int
content_column (const CrmArchiveTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (table->columns[i].kind == CRM_ARCHIVE_CONTENT)
      return i;
  return -1;
}

static gboolean
row_done (Restore  *restore,
          GError  **error)
{
  if (++restore->rows % PROGRESS_STEP != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (restore->cancellable, error))
    return FALSE;
  if (restore->progress != NULL)
    restore->progress (MIN (crm_xml_input_get_bytes_read (restore->input), restore->size), restore->size,
                       restore->progress_data);
  return TRUE;
}

/* A row element with its attributes and, if the table has one, its text. */
static gboolean
read_row (Restore               *restore,
          CrmArchiveTableId      id,
          gint64                 parent,
          GError               **error)
{
  const CrmArchiveTable *table = crm_archive_table_get (id);
  CrmArchiveValue values[CRM_ARCHIVE_MAX_COLUMNS];
  int content = content_column (table);

  clear_row (restore, table, values);
  if (!read_attributes (restore, table, values, error))
    return FALSE;
  if (table->columns[0].kind == CRM_ARCHIVE_PARENT)
    values[0].number = parent;
  if (content >= 0)
    {
      g_autofree char *text = crm_xml_input_read_text (restore->input, restore->cancellable, error);

      if (text == NULL)
        return FALSE;
      values[content].text = g_string_chunk_insert (restore->strings, text);
    }
  return crm_store_restore_row (restore->store, id, values, error);
}

static CrmArchiveTableId
find_table (const char *element,
            gboolean    in_customer)
{
  for (CrmArchiveTableId id = 0; id < CRM_ARCHIVE_N_TABLES; id++)
    {
      const CrmArchiveTable *table = crm_archive_table_get (id);

      if (crm_archive_table_is_child (table) == in_customer
          && strcmp (in_customer ? table->element : table->section, element) == 0)
        return id;
    }
  return CRM_ARCHIVE_N_TABLES;
}

/* Moves to the next element at @depth or the end of its parent (an end
 * tag at @depth - 1). Returns 1 at an element, 0 at the end, -1 failed. */
static int
next_element (Restore  *restore,
              int       depth,
              GError  **error)
{
  for (;;)
    {
      int type;

      if (crm_xml_input_read (restore->input, restore->cancellable, error) != 1)
        {
          if (error == NULL || *error == NULL)
            invalid (restore, error, _("the archive ends too early"));
          return -1;
        }
      type = xmlTextReaderNodeType (restore->reader);
      if (type == XML_READER_TYPE_ELEMENT && xmlTextReaderDepth (restore->reader) == depth)
        return 1;
      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (restore->reader) == depth - 1)
        return 0;
      if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_TEXT)
        return invalid (restore, error, _("unexpected content")), -1;
    }
}

/* A customer: its attributes, its notes, then its contact data. The
 * customer's row goes in before the first row that refers to it. */
static gboolean
read_customer (Restore  *restore,
               GError  **error)
{
  const CrmArchiveTable *table = crm_archive_table_get (CRM_ARCHIVE_CUSTOMERS);
  CrmArchiveValue values[CRM_ARCHIVE_MAX_COLUMNS];
  int notes = crm_archive_table_find_column (table, "notes");
  gboolean written = FALSE;
  int found;

  clear_row (restore, table, values);
  if (!read_attributes (restore, table, values, error))
    return FALSE;
  if (xmlTextReaderIsEmptyElement (restore->reader))
    return crm_store_restore_row (restore->store, CRM_ARCHIVE_CUSTOMERS, values, error);

  while ((found = next_element (restore, 3, error)) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (restore->reader);
      CrmArchiveTableId child;

      if (!written && strcmp (name, "notes") == 0)
        {
          g_autofree char *text = crm_xml_input_read_text (restore->input, restore->cancellable, error);

          if (text == NULL)
            return FALSE;
          values[notes].text = g_string_chunk_insert (restore->strings, text);
          continue;
        }
      if (!written)
        {
          if (!crm_store_restore_row (restore->store, CRM_ARCHIVE_CUSTOMERS, values, error))
            return FALSE;
          written = TRUE;
        }
      child = find_table (name, TRUE);
      if (child == CRM_ARCHIVE_N_TABLES)
        return invalid (restore, error, _("a customer holds an unknown element <%s>"), name);
      if (!read_row (restore, child, values[0].number, error))
        return FALSE;
    }
  if (found < 0)
    return FALSE;
  return written || crm_store_restore_row (restore->store, CRM_ARCHIVE_CUSTOMERS, values, error);
}

static gboolean
read_section (Restore  *restore,
              GError  **error)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (restore->reader);
  CrmArchiveTableId id = find_table (name, FALSE);
  int found;

  if (id == CRM_ARCHIVE_N_TABLES)
    return invalid (restore, error, _("unknown section <%s>"), name);
  if (xmlTextReaderIsEmptyElement (restore->reader))
    return TRUE;

  while ((found = next_element (restore, 2, error)) == 1)
    {
      gboolean ok = id == CRM_ARCHIVE_CUSTOMERS ? read_customer (restore, error) : read_row (restore, id, 0, error);

      if (!ok || !row_done (restore, error))
        return FALSE;
    }
  return found == 0;
}

static gboolean
read_document (Restore  *restore,
               GError  **error)
{
  g_autofree char *format = NULL;
  gint64 version = 0;
  int found;

  if (next_element (restore, 0, error) != 1)
    return FALSE;
  if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (restore->reader), "touchpoint-archive") != 0
      || g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (restore->reader), CRM_ARCHIVE_NAMESPACE) != 0)
    return invalid (restore, error, _("this is not a Touchpoint archive"));

  format = (char *) xmlTextReaderGetAttribute (restore->reader, BAD_CAST "format");
  if (format == NULL || !g_ascii_string_to_signed (format, 10, 1, G_MAXINT, &version, NULL))
    return invalid (restore, error, _("the archive does not say its format version"));
  if (version > CRM_ARCHIVE_FORMAT_VERSION)
    return invalid (restore, error, _("the archive is in format %s, written by a newer Touchpoint; "
                                      "this one reads format %d"), format, CRM_ARCHIVE_FORMAT_VERSION);
  if (xmlTextReaderIsEmptyElement (restore->reader))
    return TRUE;

  while ((found = next_element (restore, 1, error)) == 1)
    if (!read_section (restore, error))
      return FALSE;
  return found == 0;
}

/* The validation against the schema, on a thread of its own over a second
 * stream of the same file: it costs as much as the restore itself, and
 * this way the two share the machine's cores. */
typedef struct
{
  GFile        *file;
  GCancellable *cancellable;     /* cancelled when the restore fails */
  GCancellable *abort_restore;   /* cancelled when the file is invalid */
  GError       *error;
} Validation;

static gpointer
validate (gpointer data)
{
  Validation *validation = data;
  g_autoptr(GFileInputStream) stream = g_file_read (validation->file, validation->cancellable, &validation->error);
  g_autoptr(CrmXmlInput) input = NULL;
  int result;

  if (stream == NULL)
    goto done;
  input = crm_xml_input_new (G_INPUT_STREAM (stream));
  if (!crm_xml_input_set_schema (input, CRM_ARCHIVE_SCHEMA_RESOURCE, &validation->error))
    goto done;
  while ((result = crm_xml_input_read (input, validation->cancellable, &validation->error)) == 1)
    ;

done:
  if (validation->error != NULL)
    g_cancellable_cancel (validation->abort_restore);
  return NULL;
}

static void
forward_cancel (GCancellable *cancellable,
                gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

static gboolean
restore_stream (Restore       *restore,
                GInputStream  *stream,
                GError       **error)
{
  g_autoptr(CrmXmlInput) input = crm_xml_input_new (stream);
  gboolean ok;

  restore->input = input;
  restore->reader = crm_xml_input_get_reader (input);
  restore->size = crm_stream_get_size (stream);
  if (!crm_store_restore_begin (restore->store, error))
    return FALSE;
  ok = read_document (restore, error) && !g_cancellable_set_error_if_cancelled (restore->cancellable, error);
  restore->input = NULL;
  restore->reader = NULL;
  if (!ok)
    crm_store_restore_abort (restore->store);
  return ok;
}

/**
 * crm_restore_archive:
 * @store: a new database, with no customers
 * @progress: (nullable): told the bytes read and the file's size
 *
 * Restores a Touchpoint XML archive, validated against its schema as it
 * is read. One transaction: an invalid archive, a failure or a cancel
 * leaves @store as it was.
 */
gboolean
crm_restore_archive (CrmStore         *store,
                     GFile            *file,
                     CrmProgressFunc   progress,
                     gpointer          user_data,
                     GCancellable     *cancellable,
                     GError          **error)
{
  g_autoptr(GCancellable) abort_restore = g_cancellable_new ();
  g_autoptr(GCancellable) stop_validation = g_cancellable_new ();
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) restore_error = NULL;
  Validation validation = { file, stop_validation, abort_restore, NULL };
  Restore restore = { store, NULL, NULL, abort_restore, progress, user_data, 0, 0, NULL };
  GThread *thread;
  gulong handler = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel), abort_restore, NULL);

  thread = g_thread_new ("archive-validation", validate, &validation);
  restore.strings = g_string_chunk_new (256);
  ok = restore_stream (&restore, G_INPUT_STREAM (stream), &restore_error);
  g_string_chunk_free (restore.strings);
  /* When the file is at fault, the validation says where against the
   * schema, which it soon reaches; otherwise it has nothing to add. */
  if (!ok && (restore_error == NULL || restore_error->domain != CRM_XML_INPUT_ERROR))
    g_cancellable_cancel (stop_validation);
  g_thread_join (thread);
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  /* The file's own fault comes first: a restore stopped because the file
   * is invalid reports where it is invalid. */
  if (validation.error != NULL && !g_error_matches (validation.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (ok)
        crm_store_restore_abort (store);
      g_propagate_error (error, validation.error);
      return FALSE;
    }
  g_clear_error (&validation.error);
  if (!ok)
    {
      if (g_error_matches (restore_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_cancellable_set_error_if_cancelled (cancellable, error);
      else
        g_propagate_error (error, g_steal_pointer (&restore_error));
      return FALSE;
    }
  return crm_store_restore_finish (store, error);
}
