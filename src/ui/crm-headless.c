/* crm-headless.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "crm-demo-generator.h"
#include "crm-enum-types.h"
#include "crm-file-transfer.h"
#include "crm-headless.h"
#include "crm-utils.h"

typedef struct
{
  const char *what;       /* e.g. "Generated %s of %s customers" */
  gboolean    in_bytes;
} Progress;

static void
print_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  Progress *progress = user_data;
  g_autofree char *done_text = progress->in_bytes ? g_format_size (done) : crm_format_count (done);
  g_autofree char *total_text = progress->in_bytes ? g_format_size (total) : crm_format_count (total);
  gboolean terminal = isatty (fileno (stderr));

  /* On a terminal the line rewrites itself; in a log each is a line. */
  g_printerr ("%s", terminal ? "\r" : "");
  g_printerr (progress->what, done_text, total_text);
  g_printerr ("%s", terminal ? "   " : "\n");
}

static void
end_progress (void)
{
  if (isatty (fileno (stderr)))
    g_printerr ("\n");
}

/* The database of a headless verb: --database, or the user's own. */
static CrmStore *
open_store (const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database ? g_strdup (database) : crm_store_default_path ();
  CrmStore *store = crm_store_open (path, &error);

  if (store == NULL)
    g_printerr ("%s\n", error->message);
  return store;
}

/* --generate: fills a database, for benchmarks, scripts and anyone who
 * wants a big test database. */
int
crm_headless_generate (const char *path,
                       gint64      n_customers,
                       gint64      seed)
{
  /* TRANSLATORS: progress on the command line: "Generated 1,000 of 5,000 customers" */
  Progress progress = { _("Generated %s of %s customers"), FALSE };
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmDemoGenerator) generator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *touchpoints = NULL;
  g_autofree char *transactions = NULL;
  gint64 started;

  if (path == NULL)
    {
      g_printerr (_("--generate needs --database PATH: the database to fill\n"));
      return 1;
    }
  if (n_customers < 0 || n_customers > G_MAXUINT)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, n_customers);

      g_printerr (_("--generate: %s is not a number of customers\n"), text);
      return 1;
    }

  store = open_store (path);
  if (store == NULL)
    return 1;

  generator = crm_demo_generator_new (seed, (guint) n_customers);
  started = g_get_monotonic_time ();
  if (!crm_demo_generator_run (generator, store, print_progress, &progress, NULL, &error))
    {
      g_printerr ("\n%s\n", error->message);
      return 1;
    }

  end_progress ();
  customers = crm_format_count (n_customers);
  touchpoints = crm_format_count (crm_demo_generator_get_n_touchpoints (generator));
  transactions = crm_format_count (crm_demo_generator_get_n_transactions (generator));
  g_print (_("Added %s customers, %s touchpoints and %s transactions to %s in %.1f s\n"),
           customers, touchpoints, transactions,
           path, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return 0;
}

/* --import: one transaction, a report on standard output, problems each
 * with its line; non-zero exit when nothing could be imported. */
int
crm_headless_import (const char *database,
                     const char *file_name,
                     const char *policy_name)
{
  /* TRANSLATORS: progress on the command line: "Read 1.2 MB of 53.7 MB" */
  Progress progress = { _("Read %s of %s"), TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_name);
  g_autoptr(CrmImportReport) report = NULL;
  g_autofree char *description = NULL;
  CrmImportPolicy policy = CRM_IMPORT_UPDATE;
  CrmFileFormat format;
  GPtrArray *problems;

  if (g_strcmp0 (policy_name, "skip") == 0)
    policy = CRM_IMPORT_SKIP;
  else if (g_strcmp0 (policy_name, "new") == 0)
    policy = CRM_IMPORT_AS_NEW;
  else if (policy_name != NULL && g_strcmp0 (policy_name, "update") != 0)
    {
      g_printerr (_("--policy: “%s” is not update, skip or new\n"), policy_name);
      return 1;
    }

  format = crm_file_format_detect_file (file, &description, NULL, &error);
  if (format == CRM_FILE_FORMAT_UNKNOWN)
    {
      g_printerr (_("Nothing was imported from %s: %s\n"), file_name, error->message);
      return 1;
    }
  store = open_store (database);
  if (store == NULL)
    return 1;

  report = crm_import_file (store, file, format, policy, NULL, print_progress, &progress, NULL, &error);
  end_progress ();
  if (report == NULL)
    {
      g_printerr (_("Nothing was imported from %s: %s\n"), file_name, error->message);
      return 1;
    }

  /* TRANSLATORS: the report of an import from the command line; the
   * second %s is the format, e.g. "vCard 3.0" */
  g_print (_("%s (%s): %d added, %d updated, %d unchanged, %d skipped\n"), file_name, description,
           crm_import_report_get_added (report), crm_import_report_get_updated (report),
           crm_import_report_get_unchanged (report), crm_import_report_get_skipped (report));
  problems = crm_import_report_get_problems (report);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s: %s\n", file_name, (char *) g_ptr_array_index (problems, i));
  return 0;
}

int
crm_headless_export (const char *database,
                     const char *file_name,
                     const char *format_name)
{
  /* TRANSLATORS: progress on the command line: "Wrote 1,000 of 5,000 records" */
  Progress progress = { _("Wrote %s of %s records"), FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_name);
  g_autoptr(GEnumClass) formats = g_type_class_ref (CRM_TYPE_FILE_FORMAT);
  GEnumValue *format = g_enum_get_value_by_nick (formats, format_name != NULL ? format_name : "vcard4");

  if (format == NULL || format->value == CRM_FILE_FORMAT_UNKNOWN || format->value == CRM_FILE_FORMAT_VCARD)
    {
      g_printerr (_("--format: “%s” is not vcard4, vcard3, xcard, archive, csv, csv-touchpoints or "
                    "csv-transactions\n"), format_name);
      return 1;
    }
  store = open_store (database);
  if (store == NULL)
    return 1;

  if (!crm_export_file (store, file, format->value, NULL, print_progress, &progress, NULL, &error))
    {
      end_progress ();
      g_printerr (_("Could not export to %s: %s\n"), file_name, error->message);
      return 1;
    }
  end_progress ();
  return 0;
}
