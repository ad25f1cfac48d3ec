/* crm-kpi-target.h: a target for one KPI, one scope and one period, as
 * set in the preferences and measured by the CRM audit. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"
#include "crm-period.h"

G_BEGIN_DECLS

#define CRM_TYPE_KPI_TARGET (crm_kpi_target_get_type ())

typedef struct _CrmKpiTarget CrmKpiTarget;

GType            crm_kpi_target_get_type      (void) G_GNUC_CONST;
CrmKpiTarget    *crm_kpi_target_new           (CrmKpi              kpi,
                                               const char         *scope_key,
                                               const CrmPeriod    *period,
                                               double              value);
CrmKpiTarget    *crm_kpi_target_copy          (const CrmKpiTarget *self);
void             crm_kpi_target_free          (CrmKpiTarget       *self);
CrmKpi           crm_kpi_target_get_kpi       (const CrmKpiTarget *self);
const char      *crm_kpi_target_get_scope_key (const CrmKpiTarget *self);
const CrmPeriod *crm_kpi_target_get_period    (const CrmKpiTarget *self);
double           crm_kpi_target_get_value     (const CrmKpiTarget *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmKpiTarget, crm_kpi_target_free)

G_END_DECLS
