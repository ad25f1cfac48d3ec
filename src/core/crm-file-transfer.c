/* crm-file-transfer.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-archive.h"
#include "crm-exporter.h"
#include "crm-file-transfer.h"
#include "crm-vcard-mapping.h"
#include "crm-vcard-reader.h"
#include "crm-xcard.h"
#include "crm-xcard-reader.h"

static gboolean
has_prefix_nocase (const char *text,
                   gsize       len,
                   const char *prefix)
{
  gsize prefix_len = strlen (prefix);

  return len >= prefix_len && g_ascii_strncasecmp (text, prefix, prefix_len) == 0;
}

static gboolean
contains (const char *text,
          gsize       len,
          const char *needle)
{
  return g_strstr_len (text, len, needle) != NULL;
}

/* "VERSION:3.0" in the first card, if it is there. */
static char *
vcard_version (const char *head,
               gsize       len)
{
  for (const char *p = head; p + 8 < head + len; p++)
    if ((p == head || p[-1] == '\n') && has_prefix_nocase (p, head + len - p, "VERSION:"))
      {
        const char *start = p + 8;
        const char *end = start;

        while (end < head + len && (g_ascii_isdigit (*end) || *end == '.'))
          end++;
        if (end > start)
          return g_strndup (start, end - start);
      }
  return NULL;
}

/* Text whose first line holds a delimiter. */
static gboolean
looks_like_csv (const char *head,
                gsize       len)
{
  const char *line_end = memchr (head, '\n', len);
  char delimiter;

  if (line_end == NULL || memchr (head, '\0', len) != NULL)
    return FALSE;
  delimiter = crm_csv_guess_delimiter (head, len);
  return memchr (head, delimiter, line_end - head) != NULL;
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ';':
      return _("semicolon-separated");
    case '\t':
      return _("tab-separated");
    case '|':
      return _("separated by |");
    default:
      return _("comma-separated");
    }
}

/**
 * crm_file_format_detect:
 * @head: the first bytes of a file (up to %CRM_FILE_DETECT_BYTES)
 * @name: (nullable): the file's name, a hint when the content says little
 * @description: (out) (optional): what the file is, for the user, such
 *   as "vCard 2.1" or "CSV, semicolon-separated"
 *
 * Returns: the format, or %CRM_FILE_FORMAT_UNKNOWN
 */
CrmFileFormat
crm_file_format_detect (const char  *head,
                        gsize        len,
                        const char  *name,
                        char       **description)
{
  CrmFileFormat format = CRM_FILE_FORMAT_UNKNOWN;
  g_autofree char *text = NULL;
  g_autofree char *lower_name = name != NULL ? g_ascii_strdown (name, -1) : g_strdup ("");
  const char *start = head;
  gsize rest = len;

  /* A byte-order mark and blank lines come before what counts. */
  if (rest >= 3 && memcmp (start, "\xEF\xBB\xBF", 3) == 0)
    start += 3, rest -= 3;
  while (rest > 0 && g_ascii_isspace (*start))
    start++, rest--;

  if (has_prefix_nocase (start, rest, "BEGIN:VCARD"))
    {
      g_autofree char *version = vcard_version (start, rest);

      format = CRM_FILE_FORMAT_VCARD;
      text = version != NULL ? g_strdup_printf (_("vCard %s"), version) : g_strdup (_("vCard"));
    }
  else if (rest > 0 && *start == '<')
    {
      if (contains (start, rest, "touchpoint-archive") && contains (start, rest, CRM_ARCHIVE_NAMESPACE))
        {
          format = CRM_FILE_FORMAT_ARCHIVE;
          text = g_strdup (_("Touchpoint archive"));
        }
      else if (contains (start, rest, CRM_XCARD_NAMESPACE))
        {
          format = CRM_FILE_FORMAT_XCARD;
          text = g_strdup (_("xCard (vCard in XML)"));
        }
    }
  else if (g_str_has_suffix (lower_name, ".vcf") || g_str_has_suffix (lower_name, ".vcard"))
    {
      format = CRM_FILE_FORMAT_VCARD;
      text = g_strdup (_("vCard"));
    }
  else if (g_str_has_suffix (lower_name, ".csv") || g_str_has_suffix (lower_name, ".tsv")
           || g_str_has_suffix (lower_name, ".txt")
           || (len >= 2 && (memcmp (head, "\xFF\xFE", 2) == 0 || memcmp (head, "\xFE\xFF", 2) == 0))
           || looks_like_csv (head, len))
    {
      char delimiter = crm_csv_guess_delimiter (head, len);

      format = CRM_FILE_FORMAT_CSV;
      text = g_strdup_printf (_("CSV, %s"), delimiter_name (delimiter));
    }

  if (description != NULL)
    *description = g_steal_pointer (&text);
  return format;
}

/**
 * crm_file_format_detect_file:
 *
 * Reads the start of @file and says what it is.
 *
 * Returns: the format, %CRM_FILE_FORMAT_UNKNOWN when it is none Touchpoint
 *   reads (with @error set to say so), or when it cannot be read
 */
CrmFileFormat
crm_file_format_detect_file (GFile         *file,
                             char         **description,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autofree char *name = g_file_get_basename (file);
  char head[CRM_FILE_DETECT_BYTES];
  gsize len = 0;
  CrmFileFormat format;

  if (stream == NULL)
    return CRM_FILE_FORMAT_UNKNOWN;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &len, cancellable, error))
    return CRM_FILE_FORMAT_UNKNOWN;
  format = crm_file_format_detect (head, len, name, description);
  if (format == CRM_FILE_FORMAT_UNKNOWN)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("%s is not a file Touchpoint can import: not vCard, xCard, CSV or a Touchpoint archive"),
                 name);
  return format;
}

/* The usual extension of a file in @format, without the dot. */
const char *
crm_file_format_get_extension (CrmFileFormat format)
{
  switch (format)
    {
    case CRM_FILE_FORMAT_VCARD:
    case CRM_FILE_FORMAT_VCARD_4:
    case CRM_FILE_FORMAT_VCARD_3:
      return "vcf";
    case CRM_FILE_FORMAT_XCARD:
      return "xml";
    case CRM_FILE_FORMAT_ARCHIVE:
      return "touchpoint.xml";
    case CRM_FILE_FORMAT_CSV:
    case CRM_FILE_FORMAT_CSV_TOUCHPOINTS:
    case CRM_FILE_FORMAT_CSV_TRANSACTIONS:
      return "csv";
    case CRM_FILE_FORMAT_UNKNOWN:
    default:
      return "";
    }
}

/**
 * crm_file_preview:
 * @format: %CRM_FILE_FORMAT_VCARD or %CRM_FILE_FORMAT_XCARD (a CSV file
 *   is previewed with its options by crm_csv_preview())
 * @problems: (element-type utf8): gets the problems of the cards read
 *
 * Reads the first @n_records cards of @file as the customers they would
 * become, for an import preview.
 *
 * Returns: (transfer container) (element-type CrmCustomer) (nullable):
 *   the customers, or %NULL with @error set
 */
GPtrArray *
crm_file_preview (GFile         *file,
                  CrmFileFormat  format,
                  guint          n_records,
                  GPtrArray     *problems,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrmVcardReader) vcard_reader = NULL;
  g_autoptr(CrmXcardReader) xcard_reader = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (format == CRM_FILE_FORMAT_VCARD || format == CRM_FILE_FORMAT_XCARD, NULL);

  if (stream == NULL)
    return NULL;
  if (format == CRM_FILE_FORMAT_XCARD)
    xcard_reader = crm_xcard_reader_new (G_INPUT_STREAM (stream));
  else
    vcard_reader = crm_vcard_reader_new (G_INPUT_STREAM (stream));

  while (customers->len < n_records)
    {
      g_autoptr(CrmVcardCard) card = NULL;
      GPtrArray *card_problems;

      card = xcard_reader != NULL ? crm_xcard_reader_next (xcard_reader, cancellable, &local_error)
                                  : crm_vcard_reader_next (vcard_reader, cancellable, &local_error);
      if (card == NULL)
        break;
      card_problems = crm_vcard_card_get_problems (card);
      for (guint i = 0; i < card_problems->len; i++)
        g_ptr_array_add (problems, g_strdup (g_ptr_array_index (card_problems, i)));
      if (!crm_vcard_card_get_skipped (card))
        g_ptr_array_add (customers, crm_vcard_card_to_customer (card));
    }
  /* What was read before a damaged part still shows; the import will say
   * where the damage is. */
  if (local_error != NULL && customers->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (local_error != NULL)
    g_ptr_array_add (problems, g_strdup (local_error->message));
  return g_steal_pointer (&customers);
}

/**
 * crm_import_file:
 * @format: as detected, or %CRM_FILE_FORMAT_UNKNOWN to detect it here
 * @csv_options: (nullable): for a CSV file; %NULL guesses everything
 *
 * Imports @file in one transaction. An archive is restored whole, into an
 * empty database only; every other format is matched against the
 * customers already there by @policy.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error
 *   set and nothing changed
 */
CrmImportReport *
crm_import_file (CrmStore            *store,
                 GFile               *file,
                 CrmFileFormat        format,
                 CrmImportPolicy      policy,
                 const CrmCsvOptions *csv_options,
                 CrmProgressFunc      progress,
                 gpointer             user_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  CrmCsvOptions default_options;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (format == CRM_FILE_FORMAT_UNKNOWN)
    {
      format = crm_file_format_detect_file (file, NULL, cancellable, error);
      if (format == CRM_FILE_FORMAT_UNKNOWN)
        return NULL;
    }

  if (format == CRM_FILE_FORMAT_ARCHIVE)
    {
      CrmImportReport *report;

      if (!crm_restore_archive (store, file, progress, user_data, cancellable, error))
        return NULL;
      report = crm_import_report_new ();
      crm_import_report_set_added (report, crm_store_count (store, CRM_RECORD_CUSTOMERS, NULL));
      return report;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  switch (format)
    {
    case CRM_FILE_FORMAT_XCARD:
      return crm_import_xcard (store, G_INPUT_STREAM (stream), policy, progress, user_data, cancellable, error);
    case CRM_FILE_FORMAT_CSV:
      if (csv_options == NULL)
        {
          crm_csv_options_init (&default_options);
          csv_options = &default_options;
        }
      return crm_import_csv (store, G_INPUT_STREAM (stream), csv_options, policy, progress, user_data,
                             cancellable, error);
    default:
      return crm_import_vcard (store, G_INPUT_STREAM (stream), policy, progress, user_data, cancellable, error);
    }
}

/**
 * crm_export_file:
 * @ids: (nullable) (element-type gint64): the customers to write, or %NULL
 *   for all; an archive and the touchpoint and transaction tables are
 *   always whole
 *
 * Writes @file in @format, atomically.
 */
gboolean
crm_export_file (CrmStore         *store,
                 GFile            *file,
                 CrmFileFormat     format,
                 GArray           *ids,
                 CrmProgressFunc   progress,
                 gpointer          user_data,
                 GCancellable     *cancellable,
                 GError          **error)
{
  switch (format)
    {
    case CRM_FILE_FORMAT_VCARD:
    case CRM_FILE_FORMAT_VCARD_4:
      return crm_export_vcard (store, file, ids, CRM_VCARD_VERSION_4_0, progress, user_data, cancellable, error);
    case CRM_FILE_FORMAT_VCARD_3:
      return crm_export_vcard (store, file, ids, CRM_VCARD_VERSION_3_0, progress, user_data, cancellable, error);
    case CRM_FILE_FORMAT_XCARD:
      return crm_export_xcard (store, file, ids, progress, user_data, cancellable, error);
    case CRM_FILE_FORMAT_ARCHIVE:
      return crm_export_archive (store, file, progress, user_data, cancellable, error);
    case CRM_FILE_FORMAT_CSV:
      return crm_export_csv_customers (store, file, ids, progress, user_data, cancellable, error);
    case CRM_FILE_FORMAT_CSV_TOUCHPOINTS:
      return crm_export_csv_touchpoints (store, file, progress, user_data, cancellable, error);
    case CRM_FILE_FORMAT_CSV_TRANSACTIONS:
      return crm_export_csv_transactions (store, file, progress, user_data, cancellable, error);
    case CRM_FILE_FORMAT_UNKNOWN:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No export format was chosen"));
      return FALSE;
    }
}
