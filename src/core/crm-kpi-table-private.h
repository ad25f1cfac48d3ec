/* crm-kpi-table-private.h: how the store fills a CrmKpiTable. */
#pragma once

#include "crm-kpi-table.h"

G_BEGIN_DECLS

CrmKpiTable *crm_kpi_table_new        (const CrmKpiScope *scope,
                                       const CrmPeriod   *period,
                                       CrmKpiLevel        child_level);
guint        crm_kpi_table_add_child  (CrmKpiTable       *self,
                                       CrmKpiScope       *scope,
                                       const char        *label);
gint64      *crm_kpi_table_peek_measures (CrmKpiTable    *self,
                                          int             child,
                                          gboolean        previous);
void         crm_kpi_table_set_target (CrmKpiTable       *self,
                                       CrmKpi             kpi,
                                       double             target,
                                       gboolean           previous);
void         crm_kpi_table_set_breakdown (CrmKpiTable  *self,
                                          CrmKpiBreakdown *breakdown);
void         crm_kpi_table_finish     (CrmKpiTable       *self);

G_END_DECLS
