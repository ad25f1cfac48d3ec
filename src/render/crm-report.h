/* crm-report.h: a printable report as a document: a title, a subtitle
 * (usually the period), the company name, and a list of blocks (headings,
 * paragraphs, label/value facts, tables, charts, page breaks). It says
 * what is on the pages, not where: CrmReportLayout (crm-report-layout.h)
 * cuts it into pages for a page setup and draws them, the same for the
 * screen preview, the printer, PDF, SVG and PNG.
 *
 * Strings are copied. Tables are filled row by row after they are added;
 * a table of 10,000 rows keeps its cells as plain strings, measured only
 * when laid out. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "crm-render-style.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_REPORT_ALIGN_START,    /* the start of the line: left, or right in RTL */
  CRM_REPORT_ALIGN_END,      /* numbers, money */
  CRM_REPORT_ALIGN_CENTER,
} CrmReportAlign;

/* Draws a chart (or anything else that must stay whole on one page) at
 * 0,0 in @width × @height (points), in @style. */
typedef void (*CrmReportDrawFunc) (cairo_t              *cr,
                                   const CrmRenderStyle *style,
                                   double                width,
                                   double                height,
                                   gpointer              user_data);

typedef struct _CrmReportTable CrmReportTable;

#define CRM_TYPE_REPORT (crm_report_get_type ())
G_DECLARE_FINAL_TYPE (CrmReport, crm_report, CRM, REPORT, GObject)

CrmReport      *crm_report_new                (const char         *title);
const char     *crm_report_get_title          (CrmReport          *self);
void            crm_report_set_subtitle       (CrmReport          *self,
                                               const char         *subtitle);
const char     *crm_report_get_subtitle       (CrmReport          *self);
void            crm_report_set_company        (CrmReport          *self,
                                               const char         *company);
const char     *crm_report_get_company        (CrmReport          *self);
/* The "printed on" date in the footer, already formatted for the locale. */
void            crm_report_set_printed        (CrmReport          *self,
                                               const char         *printed);
const char     *crm_report_get_printed        (CrmReport          *self);

void            crm_report_add_heading        (CrmReport          *self,
                                               const char         *text);
void            crm_report_add_paragraph      (CrmReport          *self,
                                               const char         *text);
/* Label/value pairs in two columns, kept together on a page when they fit. */
void            crm_report_add_fact           (CrmReport          *self,
                                               const char         *label,
                                               const char         *value);
/* A chart: @height_ratio is its height over the printable width (0.5 for
 * a chart half as high as wide); it never splits across pages. */
void            crm_report_add_chart          (CrmReport          *self,
                                               const char         *title,
                                               double              height_ratio,
                                               CrmReportDrawFunc   draw,
                                               gpointer            user_data,
                                               GDestroyNotify      destroy);
void            crm_report_add_page_break     (CrmReport          *self);

/* A table: its header row repeats at the top of every page it runs on, and
 * no row is ever cut across pages. @widths are the columns' shares of the
 * printable width (summing to 1). */
CrmReportTable *crm_report_add_table          (CrmReport          *self,
                                               guint               n_columns,
                                               const char * const *headers,
                                               const double       *widths,
                                               const CrmReportAlign *aligns);
void            crm_report_table_add_row      (CrmReportTable     *table,
                                               const char * const *cells);
guint           crm_report_table_get_n_rows   (CrmReportTable     *table);
/* Every row on one line, a cell too long for its column cut with an
 * ellipsis: a long list stays compact and quick to lay out. */
void            crm_report_table_set_single_line (CrmReportTable  *table,
                                                  gboolean         single_line);

G_END_DECLS
