/* crm-period.h: the stretch of time a KPI is computed for: a calendar
 * month, quarter or year, or a custom run of whole days, and the period it
 * is compared with.
 *
 * Figures are kept per calendar day in UTC, so every period starts and ends
 * at midnight UTC. Which month "this month" is follows the local calendar:
 * crm_period_new_month() takes the month that contains @time in local time
 * and spans that month's days. */
#pragma once

#include <glib-object.h>

#include "crm-enums.h"

G_BEGIN_DECLS

#define CRM_TYPE_PERIOD (crm_period_get_type ())

typedef struct _CrmPeriod CrmPeriod;

GType          crm_period_get_type      (void) G_GNUC_CONST;
CrmPeriod     *crm_period_new           (CrmPeriodKind    kind,
                                         gint64           start,
                                         gint64           end);
CrmPeriod     *crm_period_new_month     (gint64           time);
CrmPeriod     *crm_period_new_quarter   (gint64           time);
CrmPeriod     *crm_period_new_year      (gint64           time);
CrmPeriod     *crm_period_new_custom    (gint64           start,
                                         gint64           end);
CrmPeriod     *crm_period_new_calendar  (CrmPeriodKind    kind,
                                         int              year,
                                         int              index);
CrmPeriod     *crm_period_copy          (const CrmPeriod *self);
void           crm_period_free          (CrmPeriod       *self);
CrmPeriodKind  crm_period_get_kind      (const CrmPeriod *self);
gint64         crm_period_get_start     (const CrmPeriod *self);
gint64         crm_period_get_end       (const CrmPeriod *self);
CrmPeriod     *crm_period_get_previous  (const CrmPeriod *self);
gboolean       crm_period_equal         (const CrmPeriod *a,
                                         const CrmPeriod *b);
char          *crm_period_format        (const CrmPeriod *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPeriod, crm_period_free)

G_END_DECLS
