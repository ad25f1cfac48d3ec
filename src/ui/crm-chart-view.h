/* crm-chart-view.h: a widget that shows one chart of the render library:
 * drawn with the same function that prints it, in the window's palette and
 * direction, with a tooltip for what is under the pointer, drill-down by
 * click and by keyboard, and the chart's data as a table for those who
 * would rather read numbers (and for screen readers). */
#pragma once

#include <gtk/gtk.h>

#include "crm-chart-data.h"
#include "crm-chart-hit.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

typedef void        (*CrmChartViewDrawFunc) (cairo_t              *cr,
                                             const CrmRenderStyle *style,
                                             double                width,
                                             double                height,
                                             gpointer              user_data);
typedef CrmChartHit (*CrmChartViewHitFunc)  (cairo_t              *cr,
                                             const CrmRenderStyle *style,
                                             double                width,
                                             double                height,
                                             double                x,
                                             double                y,
                                             gpointer              user_data);

#define CRM_TYPE_CHART_VIEW (crm_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmChartView, crm_chart_view, CRM, CHART_VIEW, GtkWidget)

GtkWidget      *crm_chart_view_new            (void);
void            crm_chart_view_set_chart      (CrmChartView         *self,
                                               CrmChartViewDrawFunc  draw,
                                               CrmChartViewHitFunc   hit_test,
                                               gpointer              user_data,
                                               GDestroyNotify        destroy);
void            crm_chart_view_set_data       (CrmChartView         *self,
                                               CrmChartData         *data);
CrmChartData   *crm_chart_view_get_data       (CrmChartView         *self);
gboolean        crm_chart_view_get_chart      (CrmChartView         *self,
                                               CrmChartViewDrawFunc *draw,
                                               gpointer             *user_data);
void            crm_chart_view_set_show_table (CrmChartView         *self,
                                               gboolean              show_table);
gboolean        crm_chart_view_get_show_table (CrmChartView         *self);
int             crm_chart_view_get_focused_category (CrmChartView   *self);
CrmRenderStyle *crm_chart_view_make_style     (GtkWidget            *widget);

G_END_DECLS
