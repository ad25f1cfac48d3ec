/* crm-enums.h: the enumerations of the Touchpoint domain.
 *
 * Values are stored in the database as integers, so never renumber them;
 * add new values at the end.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CRM_CUSTOMER_KIND_PERSON,
  CRM_CUSTOMER_KIND_ORGANIZATION,
} CrmCustomerKind;

typedef enum
{
  CRM_LIFECYCLE_STAGE_LEAD,
  CRM_LIFECYCLE_STAGE_PROSPECT,
  CRM_LIFECYCLE_STAGE_CUSTOMER,
  CRM_LIFECYCLE_STAGE_ADVOCATE,
  CRM_LIFECYCLE_STAGE_CHURNED,
} CrmLifecycleStage;

typedef enum
{
  CRM_CONTACT_KIND_EMAIL,
  CRM_CONTACT_KIND_PHONE,
  CRM_CONTACT_KIND_URL,
} CrmContactKind;

typedef enum
{
  CRM_DIRECTION_INBOUND,
  CRM_DIRECTION_OUTBOUND,
} CrmDirection;

typedef enum
{
  CRM_OUTCOME_NONE,
  CRM_OUTCOME_POSITIVE,
  CRM_OUTCOME_NEUTRAL,
  CRM_OUTCOME_NEGATIVE,
} CrmOutcome;

typedef enum
{
  CRM_TRANSACTION_STATUS_PENDING,
  CRM_TRANSACTION_STATUS_COMPLETED,
  CRM_TRANSACTION_STATUS_REFUNDED,
  CRM_TRANSACTION_STATUS_CANCELLED,
} CrmTransactionStatus;

/* The columns the customer list can be sorted by. */
typedef enum
{
  CRM_CUSTOMER_SORT_NAME,
  CRM_CUSTOMER_SORT_ORGANIZATION,
  CRM_CUSTOMER_SORT_SEGMENT,
  CRM_CUSTOMER_SORT_OWNER,
  CRM_CUSTOMER_SORT_LAST_TOUCHPOINT,
  CRM_CUSTOMER_SORT_LIFETIME_VALUE,
  CRM_CUSTOMER_SORT_TOUCHPOINTS,
} CrmCustomerSort;

/* Why customers are taken for the same person or organization. */
typedef enum
{
  CRM_DUPLICATE_REASON_EMAIL,
  CRM_DUPLICATE_REASON_PHONE,
  CRM_DUPLICATE_REASON_NAME,
} CrmDuplicateReason;

/* The data a touchpoint type expects to be known about the customer when the
 * touchpoint happens (its minimum-data profile). */
typedef enum /*< flags >*/
{
  CRM_DATA_FIELD_NONE         = 0,
  CRM_DATA_FIELD_NAME         = 1 << 0,
  CRM_DATA_FIELD_EMAIL        = 1 << 1,
  CRM_DATA_FIELD_PHONE        = 1 << 2,
  CRM_DATA_FIELD_ADDRESS      = 1 << 3,
  CRM_DATA_FIELD_ORGANIZATION = 1 << 4,
} CrmDataField;

/* The files customers come in and go out as. For import, VCARD is any
 * version; for export, VCARD_4 or VCARD_3. */
typedef enum
{
  CRM_FILE_FORMAT_UNKNOWN,          /*< nick=unknown >*/
  CRM_FILE_FORMAT_VCARD,            /*< nick=vcard >*/
  CRM_FILE_FORMAT_VCARD_4,          /*< nick=vcard4 >*/
  CRM_FILE_FORMAT_VCARD_3,          /*< nick=vcard3 >*/
  CRM_FILE_FORMAT_XCARD,            /*< nick=xcard >*/
  CRM_FILE_FORMAT_ARCHIVE,          /*< nick=archive >*/
  CRM_FILE_FORMAT_CSV,              /*< nick=csv >*/
  CRM_FILE_FORMAT_CSV_TOUCHPOINTS,  /*< nick=csv-touchpoints >*/
  CRM_FILE_FORMAT_CSV_TRANSACTIONS, /*< nick=csv-transactions >*/
} CrmFileFormat;

/* The key performance indicators of the dashboard and the audit. Targets
 * are stored by each KPI's id string, not by these numbers. */
typedef enum
{
  CRM_KPI_CUSTOMERS,
  CRM_KPI_NEW_CUSTOMERS,
  CRM_KPI_ACTIVE_CUSTOMERS,
  CRM_KPI_REVENUE,
  CRM_KPI_AVERAGE_ORDER_VALUE,
  CRM_KPI_CONVERSION_RATE,
  CRM_KPI_RETENTION_RATE,
  CRM_KPI_CHURN_RATE,
  CRM_KPI_AVERAGE_SATISFACTION,
  CRM_KPI_TOUCHPOINTS_PER_CUSTOMER,
  CRM_KPI_DATA_COMPLETENESS,
  CRM_KPI_RFM_CHAMPIONS,
  CRM_KPI_RFM_LOYAL,
  CRM_KPI_RFM_POTENTIAL_LOYALISTS,
  CRM_KPI_RFM_NEW,
  CRM_KPI_RFM_AT_RISK,
  CRM_KPI_RFM_CANT_LOSE,
  CRM_KPI_RFM_HIBERNATING,
  CRM_KPI_RFM_LOST,
  CRM_KPI_TARGET_ATTAINMENT,
  CRM_N_KPIS,                 /*< skip >*/
} CrmKpi;

/* What a KPI's value is, for formatting. Money is in minor units; a
 * percent is a fraction (0.25 for 25 %). */
typedef enum
{
  CRM_KPI_UNIT_COUNT,
  CRM_KPI_UNIT_MONEY,
  CRM_KPI_UNIT_PERCENT,
  CRM_KPI_UNIT_RATIO,
  CRM_KPI_UNIT_SCORE,
} CrmKpiUnit;

/* How a KPI adds up from one level of the pyramid to the one above. */
typedef enum
{
  CRM_KPI_AGGREGATION_SUM,    /* the parent's value is the sum of its children's */
  CRM_KPI_AGGREGATION_RATIO,  /* sum of numerators over sum of denominators */
  CRM_KPI_AGGREGATION_OWN,    /* each scope against its own targets: does not add up */
} CrmKpiAggregation;

/* The levels of the KPI pyramid. */
typedef enum
{
  CRM_KPI_LEVEL_COMPANY,
  CRM_KPI_LEVEL_REGION,
  CRM_KPI_LEVEL_SEGMENT,
  CRM_KPI_LEVEL_OWNER,
  CRM_KPI_LEVEL_CUSTOMER,
} CrmKpiLevel;

typedef enum
{
  CRM_PERIOD_MONTH,
  CRM_PERIOD_QUARTER,
  CRM_PERIOD_YEAR,
  CRM_PERIOD_CUSTOM,
} CrmPeriodKind;

/* The usual RFM segments; stored as these numbers. */
typedef enum
{
  CRM_RFM_SEGMENT_CHAMPIONS,
  CRM_RFM_SEGMENT_LOYAL,
  CRM_RFM_SEGMENT_POTENTIAL_LOYALISTS,
  CRM_RFM_SEGMENT_NEW,
  CRM_RFM_SEGMENT_AT_RISK,
  CRM_RFM_SEGMENT_CANT_LOSE,
  CRM_RFM_SEGMENT_HIBERNATING,
  CRM_RFM_SEGMENT_LOST,
} CrmRfmSegment;

G_END_DECLS
