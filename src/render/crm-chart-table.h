/* crm-chart-table.h: a CrmChartData as a plain table, the “show as table”
 * alternative of every chart and the tables of printed reports: a row per
 * category, a column per series, a header row, figures aligned at the
 * reading end, zebra rows and an optional totals row. A report splits a
 * long table over pages with crm_chart_table_rows_that_fit() and
 * crm_chart_table_draw_rows(), the header repeated on each, never cutting
 * a row. */
#pragma once

#include <cairo.h>

#include "crm-chart-data.h"
#include "crm-chart-hit.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

/* The category a hit on the totals row answers with. */
#define CRM_CHART_TABLE_TOTALS (-2)

typedef struct
{
  const char *category_title;  /* nullable: the first column's header (“Stage”, “Month”) */
  gboolean    show_totals;     /* a last row with each series' total */
  const char *empty_message;   /* nullable: the default “no data” message */
} CrmChartTableOptions;

guint       crm_chart_table_get_n_rows    (const CrmChartData         *data,
                                           const CrmChartTableOptions *options);
double      crm_chart_table_get_row_height (const CrmRenderStyle      *style,
                                           cairo_t                    *cr);
guint       crm_chart_table_rows_that_fit (const CrmChartData         *data,
                                           const CrmChartTableOptions *options,
                                           const CrmRenderStyle       *style,
                                           cairo_t                    *cr,
                                           double                      width,
                                           double                      height,
                                           guint                       first_row);
double      crm_chart_table_draw_rows     (const CrmChartData         *data,
                                           const CrmChartTableOptions *options,
                                           const CrmRenderStyle       *style,
                                           cairo_t                    *cr,
                                           double                      width,
                                           guint                       first_row,
                                           guint                       n_rows);

void        crm_chart_table_draw          (const CrmChartData         *data,
                                           const CrmChartTableOptions *options,
                                           const CrmRenderStyle       *style,
                                           cairo_t                    *cr,
                                           double                      width,
                                           double                      height);
CrmChartHit crm_chart_table_hit_test      (const CrmChartData         *data,
                                           const CrmChartTableOptions *options,
                                           const CrmRenderStyle       *style,
                                           cairo_t                    *cr,
                                           double                      width,
                                           double                      height,
                                           double                      x,
                                           double                      y);
gboolean    crm_chart_table_get_cell_rect (const CrmChartData         *data,
                                           const CrmChartTableOptions *options,
                                           const CrmRenderStyle       *style,
                                           cairo_t                    *cr,
                                           double                      width,
                                           double                      height,
                                           int                         series,
                                           int                         category,
                                           cairo_rectangle_t          *rect);

G_END_DECLS
