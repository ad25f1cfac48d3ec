/* crm-headless.h: what the command line does without a window, display or
 * session bus, for scripts, cron and benchmarks: generate demo data,
 * import and export. Each prints what it did and returns the exit
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

G_END_DECLS
