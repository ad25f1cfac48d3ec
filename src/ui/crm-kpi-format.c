/* crm-kpi-format.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "crm-kpi-format.h"
#include "crm-ui.h"

/* What kind of number a KPI is, for crm_value_format() and the charts. */
CrmValueKind
crm_kpi_value_kind (CrmKpi kpi)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, CRM_VALUE_COUNT);

  switch (crm_kpi_get_info (kpi)->unit)
    {
    case CRM_KPI_UNIT_MONEY:
      return CRM_VALUE_MONEY;
    case CRM_KPI_UNIT_PERCENT:
      return CRM_VALUE_PERCENT;
    case CRM_KPI_UNIT_RATIO:
    case CRM_KPI_UNIT_SCORE:
      return CRM_VALUE_DECIMAL;
    case CRM_KPI_UNIT_COUNT:
    default:
      return CRM_VALUE_COUNT;
    }
}

/* Money is stored in minor units; it is shown in major ones. */
double
crm_kpi_display_value (CrmKpi kpi,
                       double value)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, value);

  return crm_kpi_get_info (kpi)->unit == CRM_KPI_UNIT_MONEY ? value / 100 : value;
}

/**
 * crm_kpi_format_value:
 * @value: in the KPI's stored unit (minor units of money, a fraction for
 *   a percentage); NAN shows as a dash
 * @currency: (nullable): an ISO 4217 code, for money
 *
 * Returns: (transfer full): the value in full, as crm_value_format()
 *   writes it
 */
char *
crm_kpi_format_value (CrmKpi      kpi,
                      double      value,
                      const char *currency)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, NULL);

  return crm_value_format (crm_kpi_display_value (kpi, value), crm_kpi_value_kind (kpi), currency);
}

/**
 * crm_kpi_currency:
 *
 * Returns: (transfer full): the currency amounts are shown in, from the
 *   settings (EUR where the settings cannot be read)
 */
char *
crm_kpi_currency (void)
{
  g_autoptr(GSettings) settings = crm_ui_lookup_settings ();

  return settings != NULL ? g_settings_get_string (settings, "currency") : g_strdup ("EUR");
}
