/* crm-store-kpis-private.h: what the KPI table's queries and the
 * breakdown's share (crm-store-kpis.c, crm-store-kpi-breakdown.c). */
#pragma once

#include "crm-kpi-breakdown-private.h"
#include "crm-kpi-table-private.h"
#include "crm-store-private.h"

G_BEGIN_DECLS

#define CRM_STORE_KPIS_DAY (24 * 60 * 60)

/* One computation of a scope for a period. */
typedef struct
{
  CrmStore          *self;
  const CrmKpiScope *scope;
  const char        *key_column;  /* the children's column, or NULL */
  gint64             start;       /* the period */
  gint64             end;
  gint64             previous;    /* the previous period's start (it ends at start) */
  gint64             before;      /* the start of the one before that */
  CrmPeriodKind      kind;
  char              *ids;         /* customers, as a JSON array */
  GHashTable        *rows;        /* a child's key → gint64[2][CRM_N_KPI_MEASURES] */
  gint64             scope_row[2 * CRM_N_KPI_MEASURES];
} Compute;

void     crm_store_kpis_append_filters  (GString           *sql,
                                         const CrmKpiScope *scope,
                                         const char        *prefix);
void     crm_store_kpis_bind            (Compute           *compute,
                                         sqlite3_stmt      *stmt);
gboolean crm_store_kpis_step_failed     (Compute           *compute,
                                         int                rc,
                                         GCancellable      *cancellable,
                                         GError           **error);
CrmKpiBreakdown *crm_store_kpis_breakdown (Compute         *compute,
                                           GCancellable    *cancellable,
                                           GError         **error);

G_END_DECLS
