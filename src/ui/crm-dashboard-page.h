/* crm-dashboard-page.h: the Dashboard view: KPI tiles and charts for one
 * scope of the KPI pyramid and one period, drilled down by clicking a bar
 * or a slice and back up by the breadcrumbs. */
#pragma once

#include <gtk/gtk.h>

#include "crm-kpi-scope.h"
#include "crm-kpi-table.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_DASHBOARD_PAGE (crm_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmDashboardPage, crm_dashboard_page, CRM, DASHBOARD_PAGE, GtkWidget)

void               crm_dashboard_page_set_store (CrmDashboardPage  *self,
                                                 CrmStore          *store);
void               crm_dashboard_page_reload    (CrmDashboardPage  *self);
const CrmKpiScope *crm_dashboard_page_get_scope (CrmDashboardPage  *self);
void               crm_dashboard_page_set_scope (CrmDashboardPage  *self,
                                                 const CrmKpiScope *scope);
gboolean           crm_dashboard_page_is_busy   (CrmDashboardPage  *self);
CrmKpiTable       *crm_dashboard_page_get_table (CrmDashboardPage  *self);
void               crm_dashboard_page_set_summary (CrmDashboardPage *self,
                                                   const char       *summary,
                                                   gboolean          empty);

G_END_DECLS
