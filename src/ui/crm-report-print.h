/* crm-report-print.h: printing a report through GtkPrintOperation (the
 * print portal when sandboxed): the paper size and orientation chosen in
 * the print dialog lay the report out again, its pages drawn by the same
 * code as the preview and PDF. */
#pragma once

#include <gtk/gtk.h>

#include "crm-report-layout.h"
#include "crm-report.h"

G_BEGIN_DECLS

/* The paper, orientation and margins of @page_setup in points: margins
 * never narrower than the report's own (2 cm) nor than the printer's. */
void               crm_report_print_page_setup   (GtkPageSetup *page_setup,
                                                  gboolean      rtl,
                                                  CrmPageSetup *setup);
/* A4 or Letter by the locale, portrait. */
GtkPageSetup      *crm_report_print_default_page_setup (void);

/* A print operation for @report, laid out on a worker for the paper
 * chosen (pagination waits for it); run it with any action. */
GtkPrintOperation *crm_report_print_operation_new (CrmReport    *report,
                                                   gboolean      rtl);

/* The print dialog, then printing, without blocking. */
void               crm_report_print_run           (CrmReport    *report,
                                                   GtkWidget    *widget,
                                                   guint         current_page);

G_END_DECLS
