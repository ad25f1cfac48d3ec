/* crm-headless.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "crm-demo-generator.h"
#include "crm-enum-types.h"
#include "crm-file-transfer.h"
#include "crm-headless.h"
#include "crm-report-layout.h"
#include "crm-reports.h"
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

/* "2026-03-14" as midnight UTC, the way periods count days. */
static gboolean
parse_day (const char *text,
           gint64     *time)
{
  int year, month, day;
  char end;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return FALSE;
  *time = g_date_time_to_unix (date);
  return TRUE;
}

/* --period: this month, quarter or year, or the days from one date to
 * another, both included. */
static CrmPeriod *
parse_period (const char *text)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_auto(GStrv) days = NULL;
  gint64 start, last;

  if (text == NULL || g_strcmp0 (text, "year") == 0)
    return crm_period_new_year (now);
  if (g_strcmp0 (text, "month") == 0)
    return crm_period_new_month (now);
  if (g_strcmp0 (text, "quarter") == 0)
    return crm_period_new_quarter (now);
  days = g_strsplit (text, "..", 2);
  if (g_strv_length (days) != 2 || !parse_day (days[0], &start) || !parse_day (days[1], &last) || last < start)
    return NULL;
  return crm_period_new_custom (start, last + 24 * 60 * 60);
}

static gboolean
parse_paper (const char   *paper,
             CrmPageSetup *setup)
{
  if (paper == NULL)
    crm_page_setup_init_default (setup);
  else if (g_strcmp0 (paper, "a4") == 0 || g_strcmp0 (paper, "a4-landscape") == 0)
    crm_page_setup_init_a4 (setup, g_str_has_suffix (paper, "-landscape"));
  else if (g_strcmp0 (paper, "letter") == 0 || g_strcmp0 (paper, "letter-landscape") == 0)
    crm_page_setup_init_letter (setup, g_str_has_suffix (paper, "-landscape"));
  else
    return FALSE;
  return TRUE;
}

/* Without GTK there is no text direction to ask for: the languages
 * written right to left, by the first the user reads. */
static gboolean
locale_is_rtl (void)
{
  static const char *rtl_languages[] = { "ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi" };
  const char *language = g_get_language_names ()[0];

  for (guint i = 0; i < G_N_ELEMENTS (rtl_languages); i++)
    {
      gsize n = strlen (rtl_languages[i]);

      if (strncmp (language, rtl_languages[i], n) == 0 && (language[n] == '\0' || language[n] == '_'))
        return TRUE;
    }
  return FALSE;
}

/* --report: one report as a PDF, written atomically, for cron jobs. */
int
crm_headless_report (const char              *database,
                     const CrmHeadlessReport *request)
{
  /* TRANSLATORS: progress on the command line: "Laid out 1,000 of 5,000 rows" */
  Progress layout_progress = { _("Laid out %s of %s rows"), FALSE };
  /* TRANSLATORS: progress on the command line: "Wrote 10 of 250 pages" */
  Progress write_progress = { _("Wrote %s of %s pages"), FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmPeriod) period = NULL;
  g_autoptr(CrmKpiScope) company = crm_kpi_scope_new_company ();
  g_autoptr(CrmKpiScope) scope = NULL;
  g_autoptr(CrmCustomerQuery) query = NULL;
  g_autoptr(CrmReport) report = NULL;
  g_autoptr(CrmRenderStyle) style = NULL;
  g_autoptr(CrmReportLayout) layout = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *pages = NULL;
  CrmReportOptions options = { 0 };
  CrmPageSetup setup;
  CrmReportKind kind;
  guint n_pages;

  if (!crm_report_kind_from_nick (request->kind, &kind))
    {
      g_printerr (_("--report: “%s” is not dashboard, customers, customer, journeys or audit\n"), request->kind);
      return 1;
    }
  if (request->output == NULL)
    {
      g_printerr (_("--report needs --output FILE.pdf: the file to write\n"));
      return 1;
    }
  period = parse_period (request->period);
  if (period == NULL)
    {
      g_printerr (_("--period: “%s” is not month, quarter, year or FIRST..LAST as YYYY-MM-DD..YYYY-MM-DD\n"),
                  request->period);
      return 1;
    }
  if (!parse_paper (request->paper, &setup))
    {
      g_printerr (_("--paper: “%s” is not a4, letter, a4-landscape or letter-landscape\n"), request->paper);
      return 1;
    }
  if (kind == CRM_REPORT_KIND_CUSTOMER && request->customer == NULL)
    {
      g_printerr (_("--report customer needs --customer UID: whose profile to print\n"));
      return 1;
    }

  store = open_store (database);
  if (store == NULL)
    return 1;

  options.period = period;
  options.segment = request->segment;
  if (request->segment != NULL)
    {
      scope = crm_kpi_scope_new_child (company, CRM_KPI_LEVEL_SEGMENT, request->segment);
      options.scope = scope;
    }
  query = crm_customer_query_new ();
  crm_customer_query_set_segment (query, request->segment);
  crm_customer_query_set_search (query, request->search);
  options.query = query;
  if (request->customer != NULL)
    {
      options.customer_id = crm_store_find_customer_id_by_uid (store, request->customer, &error);
      if (options.customer_id <= 0)
        {
          if (error != NULL)
            g_printerr ("%s\n", error->message);
          else
            g_printerr (_("--customer: there is no customer with the UID “%s”\n"), request->customer);
          return 1;
        }
    }

  report = crm_reports_build (store, kind, &options, NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      g_printerr (_("Could not make the report: %s\n"), error->message);
      return 1;
    }
  style = crm_render_style_new (CRM_RENDER_PALETTE_PRINT, locale_is_rtl ());
  layout = crm_report_layout_new (report, &setup, style, NULL, print_progress, &layout_progress);
  end_progress ();
  file = g_file_new_for_commandline_arg (request->output);
  if (!crm_report_layout_write_pdf (layout, file, NULL, print_progress, &write_progress, &error))
    {
      end_progress ();
      g_printerr (_("Could not write %s: %s\n"), request->output, error->message);
      return 1;
    }
  end_progress ();
  n_pages = crm_report_layout_get_n_pages (layout);
  pages = crm_format_count (n_pages);
  /* TRANSLATORS: after --report: "Wrote Customer List, 12 pages, to list.pdf" */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s, %s page, to %s\n", "Wrote %s, %s pages, to %s\n", n_pages),
           crm_report_get_title (report), pages, request->output);
  return 0;
}
