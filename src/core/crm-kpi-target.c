/* crm-kpi-target.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-kpi-target.h"

struct _CrmKpiTarget
{
  CrmKpi     kpi;
  char      *scope_key;  /* crm_kpi_scope_to_key() */
  CrmPeriod *period;
  double     value;      /* in the KPI's unit: minor units, a fraction, … */
};

G_DEFINE_BOXED_TYPE (CrmKpiTarget, crm_kpi_target, crm_kpi_target_copy, crm_kpi_target_free)

CrmKpiTarget *
crm_kpi_target_new (CrmKpi           kpi,
                    const char      *scope_key,
                    const CrmPeriod *period,
                    double           value)
{
  CrmKpiTarget *self;

  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, NULL);
  g_return_val_if_fail (scope_key != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_new0 (CrmKpiTarget, 1);
  self->kpi = kpi;
  self->scope_key = g_strdup (scope_key);
  self->period = crm_period_copy (period);
  self->value = value;
  return self;
}

CrmKpiTarget *
crm_kpi_target_copy (const CrmKpiTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return crm_kpi_target_new (self->kpi, self->scope_key, self->period, self->value);
}

void
crm_kpi_target_free (CrmKpiTarget *self)
{
  if (self == NULL)
    return;
  g_free (self->scope_key);
  crm_period_free (self->period);
  g_free (self);
}

CrmKpi
crm_kpi_target_get_kpi (const CrmKpiTarget *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->kpi;
}

const char *
crm_kpi_target_get_scope_key (const CrmKpiTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scope_key;
}

const CrmPeriod *
crm_kpi_target_get_period (const CrmKpiTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->period;
}

double
crm_kpi_target_get_value (const CrmKpiTarget *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->value;
}
