/* crm-dashboard-data.h: the dashboard's charts as data for the render
 * library, made from a KPI table and its breakdown. Plain functions with
 * no widgets, so the dashboard and the printed dashboard report draw the
 * same figures, and tests check them without a display. */
#pragma once

#include "crm-chart-data.h"
#include "crm-kpi-table.h"
#include "crm-kpi-tile-data.h"

G_BEGIN_DECLS

CrmKpiTileData *crm_dashboard_data_tile         (CrmKpiTable *table,
                                                 CrmKpi       kpi,
                                                 const char  *currency);
CrmChartData   *crm_dashboard_data_children     (CrmKpiTable *table,
                                                 CrmKpi       kpi,
                                                 const char  *currency);
CrmChartData   *crm_dashboard_data_over_time    (CrmKpiTable *table,
                                                 CrmKpi       kpi,
                                                 const char  *currency);
CrmChartData   *crm_dashboard_data_channels     (CrmKpiTable *table,
                                                 CrmKpi       kpi);
CrmChartData   *crm_dashboard_data_funnel       (CrmKpiTable *table);
CrmChartData   *crm_dashboard_data_rfm          (CrmKpiTable *table);
CrmChartData   *crm_dashboard_data_targets      (CrmKpiTable *table);

G_END_DECLS
