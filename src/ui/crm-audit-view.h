/* crm-audit-view.h: the CRM audit of one scope of the KPI pyramid for one
 * period: every KPI with the previous period's value, the actual value,
 * its target and the attainment, coloured by whether the target was met;
 * targets are set, changed and removed (with Undo) in place. */
#pragma once

#include <adwaita.h>

#include "crm-kpi-scope.h"
#include "crm-period.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_AUDIT_VIEW (crm_audit_view_get_type ())
G_DECLARE_FINAL_TYPE (CrmAuditView, crm_audit_view, CRM, AUDIT_VIEW, GtkWidget)

GtkWidget         *crm_audit_view_new                  (void);
void               crm_audit_view_set_store            (CrmAuditView      *self,
                                                        CrmStore          *store);
CrmStore          *crm_audit_view_get_store            (CrmAuditView      *self);
void               crm_audit_view_set_scope_and_period (CrmAuditView      *self,
                                                        const CrmKpiScope *scope,
                                                        const CrmPeriod   *period);
const CrmKpiScope *crm_audit_view_get_scope            (CrmAuditView      *self);
const CrmPeriod   *crm_audit_view_get_period           (CrmAuditView      *self);
void               crm_audit_view_reload               (CrmAuditView      *self);
gboolean           crm_audit_view_is_busy              (CrmAuditView      *self);
void               crm_audit_view_edit_target          (CrmAuditView      *self,
                                                        CrmKpi             kpi);

G_END_DECLS
