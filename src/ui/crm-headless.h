/* crm-headless.h: what the command line does without a window, display or
 * session bus, for scripts, cron and benchmarks: generate demo data,
 * import, export and print reports to PDF. Each prints what it did and returns the exit
 * status. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int crm_headless_generate (const char *database,
                           gint64      n_customers,
                           gint64      seed);
int crm_headless_import   (const char *database,
                           const char *file_name,
                           const char *policy_name);
int crm_headless_export   (const char *database,
                           const char *file_name,
                           const char *format_name);

typedef struct
{
  const char *kind;       /* dashboard, customers, customer, journeys or audit */
  const char *period;     /* month, quarter, year or YYYY-MM-DD..YYYY-MM-DD */
  const char *segment;
  const char *customer;   /* a customer's UID */
  const char *search;
  const char *paper;      /* a4, letter, a4-landscape or letter-landscape */
  const char *output;
} CrmHeadlessReport;

int crm_headless_report   (const char              *database,
                           const CrmHeadlessReport *report);

G_END_DECLS
