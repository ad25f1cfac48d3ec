/* crm-kpi-format.h: a KPI's value as the dashboard and the audit show it:
 * money in major units of the user's currency, shares as percentages,
 * ratios and scores with one decimal; and a target as the user types it,
 * in the same units. */
#pragma once

#include <glib.h>

#include "crm-kpi.h"
#include "crm-value-format.h"

G_BEGIN_DECLS

CrmValueKind crm_kpi_value_kind    (CrmKpi      kpi);
double       crm_kpi_display_value (CrmKpi      kpi,
                                    double      value);
char        *crm_kpi_format_value  (CrmKpi      kpi,
                                    double      value,
                                    const char *currency);
char        *crm_kpi_currency      (void);

gboolean     crm_kpi_can_have_target (CrmKpi      kpi);
const char  *crm_kpi_input_unit    (CrmKpi      kpi,
                                    const char *currency);
char        *crm_kpi_format_input  (CrmKpi      kpi,
                                    double      value);
gboolean     crm_kpi_parse_input   (CrmKpi      kpi,
                                    const char *text,
                                    const char *currency,
                                    double     *value,
                                    GError    **error);

G_END_DECLS
