/* crm-kpi-scope.h: where in the KPI pyramid a figure is taken: the whole
 * company; a region or a segment; an owner within one; one customer. Each
 * level is its parent narrowed by one more condition, so the children of a
 * scope split it without overlap and their figures add up to it. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_KPI_SCOPE (crm_kpi_scope_get_type ())

typedef struct _CrmKpiScope CrmKpiScope;

GType         crm_kpi_scope_get_type          (void) G_GNUC_CONST;
CrmKpiScope  *crm_kpi_scope_new_company       (void);
CrmKpiScope  *crm_kpi_scope_new_child         (const CrmKpiScope *parent,
                                               CrmKpiLevel        level,
                                               const char        *key);
CrmKpiScope  *crm_kpi_scope_new_customer      (const CrmKpiScope *parent,
                                               gint64             customer_id,
                                               const char        *name);
CrmKpiScope  *crm_kpi_scope_copy              (const CrmKpiScope *self);
void          crm_kpi_scope_free              (CrmKpiScope       *self);
CrmKpiLevel   crm_kpi_scope_get_level         (const CrmKpiScope *self);
const char   *crm_kpi_scope_get_region        (const CrmKpiScope *self);
const char   *crm_kpi_scope_get_segment       (const CrmKpiScope *self);
const char   *crm_kpi_scope_get_owner         (const CrmKpiScope *self);
gint64        crm_kpi_scope_get_customer_id   (const CrmKpiScope *self);
const char   *crm_kpi_scope_get_label         (const CrmKpiScope *self);
CrmKpiScope  *crm_kpi_scope_get_parent        (const CrmKpiScope *self);
gboolean      crm_kpi_scope_can_drill         (const CrmKpiScope *self,
                                               CrmKpiLevel        level);
CrmKpiLevel   crm_kpi_scope_get_default_child_level (const CrmKpiScope *self);
char         *crm_kpi_scope_to_key            (const CrmKpiScope *self);
gboolean      crm_kpi_scope_equal             (const CrmKpiScope *a,
                                               const CrmKpiScope *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmKpiScope, crm_kpi_scope_free)

G_END_DECLS
