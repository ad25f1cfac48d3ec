/* crm-value-format.h: numbers as a chart, a tile or a report shows them,
 * grouped and with the currency as the user's locale writes them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CRM_VALUE_COUNT,     /* whole things: customers, touchpoints */
  CRM_VALUE_MONEY,     /* in major units of a currency (euros, not cents) */
  CRM_VALUE_PERCENT,   /* a share: 0.25 is shown as 25 % */
  CRM_VALUE_DECIMAL,   /* a ratio or a score with one decimal: 3.7 */
} CrmValueKind;

char *crm_value_format         (double        value,
                                CrmValueKind  kind,
                                const char   *currency);
char *crm_value_format_compact (double        value,
                                CrmValueKind  kind,
                                const char   *currency);
char *crm_value_format_tick    (double        value,
                                double        step,
                                double        largest,
                                CrmValueKind  kind,
                                const char   *currency);
char *crm_value_format_change  (double        value,
                                double        previous);
const char *crm_currency_symbol (const char  *currency);

G_END_DECLS
