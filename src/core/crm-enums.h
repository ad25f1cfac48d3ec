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

G_END_DECLS
