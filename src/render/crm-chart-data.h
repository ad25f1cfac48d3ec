/* crm-chart-data.h: what most charts draw: values by series and category.
 * A bar or line chart has a series per legend entry and a category per
 * bar group or point on the x axis; a donut or funnel one series; a heat
 * grid a series per row and a category per column; the table view any of
 * them. */
#pragma once

#include <glib-object.h>

#include "crm-value-format.h"

G_BEGIN_DECLS

typedef struct _CrmChartData CrmChartData;

#define CRM_TYPE_CHART_DATA (crm_chart_data_get_type ())

GType         crm_chart_data_get_type          (void) G_GNUC_CONST;
CrmChartData *crm_chart_data_new               (CrmValueKind        kind);
CrmChartData *crm_chart_data_ref               (CrmChartData       *self);
void          crm_chart_data_unref             (CrmChartData       *self);

CrmValueKind  crm_chart_data_get_kind          (const CrmChartData *self);
const char   *crm_chart_data_get_currency      (const CrmChartData *self);
void          crm_chart_data_set_currency      (CrmChartData       *self,
                                                const char         *currency);

guint         crm_chart_data_add_category      (CrmChartData       *self,
                                                const char         *label);
guint         crm_chart_data_get_n_categories  (const CrmChartData *self);
const char   *crm_chart_data_get_category      (const CrmChartData *self,
                                                guint               category);

guint         crm_chart_data_add_series        (CrmChartData       *self,
                                                const char         *name);
guint         crm_chart_data_get_n_series      (const CrmChartData *self);
const char   *crm_chart_data_get_series_name   (const CrmChartData *self,
                                                guint               series);

void          crm_chart_data_set_value         (CrmChartData       *self,
                                                guint               series,
                                                guint               category,
                                                double              value);
double        crm_chart_data_get_value         (const CrmChartData *self,
                                                guint               series,
                                                guint               category);
double        crm_chart_data_get_category_total (const CrmChartData *self,
                                                 guint               category);
double        crm_chart_data_get_series_total  (const CrmChartData *self,
                                                guint               series);
gboolean      crm_chart_data_get_range         (const CrmChartData *self,
                                                gboolean            stacked,
                                                double             *min,
                                                double             *max);
gboolean      crm_chart_data_is_empty          (const CrmChartData *self);

char         *crm_chart_data_format_value      (const CrmChartData *self,
                                                double              value);
char         *crm_chart_data_format_compact    (const CrmChartData *self,
                                                double              value);
char         *crm_chart_data_describe          (const CrmChartData *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmChartData, crm_chart_data_unref)

G_END_DECLS
