/* crm-report-layout.h: a CrmReport cut into pages for one page setup,
 * and each page drawn onto any cairo_t: the preview, a GtkPrintContext,
 * a PDF or SVG surface. Every page has a header (company, title,
 * subtitle) and a footer (printed date, "Page N of M"); tables split
 * between rows and repeat their header; charts and facts never split;
 * text is laid out with Pango (Arabic and Chinese shaped, right to left
 * when the style says so). Units are points (1/72 inch). */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "crm-progress.h"
#include "crm-render-style.h"
#include "crm-report.h"

G_BEGIN_DECLS

typedef struct
{
  double width;          /* the paper, in points: A4 is 595.28 × 841.89 */
  double height;
  double margin_top;
  double margin_bottom;
  double margin_start;   /* left in LTR, right in RTL */
  double margin_end;
} CrmPageSetup;

/* A4 or US Letter by the locale (Letter in the US and Canada), portrait,
 * 2 cm margins (0.75 inch on Letter). */
void                crm_page_setup_init_default   (CrmPageSetup *setup);
void                crm_page_setup_init_a4        (CrmPageSetup *setup,
                                                   gboolean      landscape);
void                crm_page_setup_init_letter    (CrmPageSetup *setup,
                                                   gboolean      landscape);

typedef struct _CrmReportLayout CrmReportLayout;

#define CRM_TYPE_REPORT_LAYOUT (crm_report_layout_get_type ())
GType               crm_report_layout_get_type    (void) G_GNUC_CONST;

/* Lays out the whole report: may take a while for thousands of rows, so
 * run it on a worker; @cancellable and @progress (rows laid out of all)
 * may be NULL. Returns NULL only when cancelled. */
CrmReportLayout    *crm_report_layout_new         (CrmReport            *report,
                                                   const CrmPageSetup   *setup,
                                                   const CrmRenderStyle *style,
                                                   GCancellable         *cancellable,
                                                   CrmProgressFunc       progress,
                                                   gpointer              progress_data);
CrmReportLayout    *crm_report_layout_ref         (CrmReportLayout      *self);
void                crm_report_layout_unref       (CrmReportLayout      *self);
guint               crm_report_layout_get_n_pages (CrmReportLayout      *self);
const CrmPageSetup *crm_report_layout_get_setup   (CrmReportLayout      *self);
/* Draws @page (from 0) with its top-left corner of the paper at 0,0. */
void                crm_report_layout_draw_page   (CrmReportLayout      *self,
                                                   cairo_t              *cr,
                                                   guint                 page);

/* The whole report as a PDF at @file, written atomically: a cancel, a full
 * disk or an error leaves any file already there as it was. */
gboolean            crm_report_layout_write_pdf   (CrmReportLayout      *self,
                                                   GFile                *file,
                                                   GCancellable         *cancellable,
                                                   CrmProgressFunc       progress,
                                                   gpointer              progress_data,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmReportLayout, crm_report_layout_unref)

G_END_DECLS
