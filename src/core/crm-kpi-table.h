/* crm-kpi-table.h: the KPIs of one scope for one period and the previous
 * one, with a row for each child one level down (the company's regions, a
 * region's owners, an owner's customers), as the dashboard and the audit
 * show them. Every row keeps its measures, the numerators and
 * denominators, so that anyone can check that the children add up to the
 * scope. Made by crm_store_compute_kpis(). */
#pragma once

#include <glib-object.h>

#include "crm-kpi.h"
#include "crm-kpi-breakdown.h"
#include "crm-kpi-scope.h"
#include "crm-period.h"

G_BEGIN_DECLS

/* The row of the scope itself, where a child's index is asked for. */
#define CRM_KPI_TABLE_SCOPE (-1)

#define CRM_TYPE_KPI_TABLE (crm_kpi_table_get_type ())
G_DECLARE_FINAL_TYPE (CrmKpiTable, crm_kpi_table, CRM, KPI_TABLE, GObject)

const CrmKpiScope *crm_kpi_table_get_scope           (CrmKpiTable *self);
const CrmPeriod   *crm_kpi_table_get_period          (CrmKpiTable *self);
const CrmPeriod   *crm_kpi_table_get_previous_period (CrmKpiTable *self);
CrmKpiLevel        crm_kpi_table_get_child_level     (CrmKpiTable *self);
guint              crm_kpi_table_get_n_children      (CrmKpiTable *self);
const CrmKpiScope *crm_kpi_table_get_child_scope     (CrmKpiTable *self,
                                                      guint        child);
const char        *crm_kpi_table_get_child_label     (CrmKpiTable *self,
                                                      guint        child);
gboolean           crm_kpi_table_get_child_is_rest   (CrmKpiTable *self,
                                                      guint        child);
const gint64      *crm_kpi_table_get_measures        (CrmKpiTable *self,
                                                      int          child,
                                                      gboolean     previous);
double             crm_kpi_table_get_value           (CrmKpiTable *self,
                                                      int          child,
                                                      CrmKpi       kpi,
                                                      gboolean     previous);
gboolean           crm_kpi_table_get_target          (CrmKpiTable *self,
                                                      CrmKpi       kpi,
                                                      double      *target);
double             crm_kpi_table_get_attainment      (CrmKpiTable *self,
                                                      CrmKpi       kpi);
CrmKpiBreakdown   *crm_kpi_table_get_breakdown       (CrmKpiTable *self);

G_END_DECLS
