/* crm-store.h: the Touchpoint database. The only place in the program that
 * speaks SQL: it opens, checks and migrates the SQLite file and reads and
 * writes the domain objects. One store is one connection; a worker thread
 * opens its own store on the same path. */
#pragma once

#include <gio/gio.h>

#include "crm-archive-table.h"
#include "crm-channel.h"
#include "crm-customer.h"
#include "crm-customer-query.h"
#include "crm-customer-summary.h"
#include "crm-duplicate-group.h"
#include "crm-journey-analysis.h"
#include "crm-kpi-table.h"
#include "crm-kpi-target.h"
#include "crm-progress.h"
#include "crm-touchpoint.h"
#include "crm-touchpoint-type.h"
#include "crm-transaction.h"

G_BEGIN_DECLS

#define CRM_STORE_ERROR (crm_store_error_quark ())

typedef enum
{
  CRM_STORE_ERROR_FAILED,
  CRM_STORE_ERROR_NOT_A_DATABASE,   /* not SQLite, or damaged beyond opening */
  CRM_STORE_ERROR_FOREIGN,          /* an SQLite file of another application */
  CRM_STORE_ERROR_TOO_NEW,          /* written by a newer Touchpoint */
  CRM_STORE_ERROR_BUSY,             /* locked by another process for too long */
  CRM_STORE_ERROR_DISK_FULL,
  CRM_STORE_ERROR_IO,
  CRM_STORE_ERROR_READ_ONLY,
  CRM_STORE_ERROR_NOT_FOUND,
  CRM_STORE_ERROR_CONSTRAINT,       /* e.g. a duplicate uid or channel key */
} CrmStoreError;

typedef enum
{
  CRM_RECORD_CUSTOMERS,
  CRM_RECORD_TOUCHPOINTS,
  CRM_RECORD_TRANSACTIONS,
  CRM_RECORD_CHANNELS,
  CRM_RECORD_TOUCHPOINT_TYPES,
} CrmRecordKind;

/* "TPCR": the application_id in the SQLite header that marks our files. */
#define CRM_STORE_APPLICATION_ID 0x54504352

#define CRM_TYPE_STORE (crm_store_get_type ())
G_DECLARE_FINAL_TYPE (CrmStore, crm_store, CRM, STORE, GObject)

GQuark             crm_store_error_quark          (void);
char              *crm_store_default_path         (void);
int                crm_store_get_schema_version   (void);

CrmStore          *crm_store_open                 (const char          *path,
                                                   GError             **error);
void               crm_store_open_async           (const char          *path,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
CrmStore          *crm_store_open_finish          (GAsyncResult        *result,
                                                   GError             **error);
const char        *crm_store_get_path             (CrmStore            *self);
const char        *crm_store_get_backup_path      (CrmStore            *self);

void               crm_store_set_cache_size       (CrmStore            *self,
                                                   guint                megabytes);

gboolean           crm_store_begin                (CrmStore            *self,
                                                   GError             **error);
gboolean           crm_store_begin_batch          (CrmStore            *self,
                                                   GError             **error);
gboolean           crm_store_commit               (CrmStore            *self,
                                                   GError             **error);
void               crm_store_rollback             (CrmStore            *self);

gint64             crm_store_count                (CrmStore            *self,
                                                   CrmRecordKind        kind,
                                                   GError             **error);

/* How much a database holds, for summaries and empty states. */
typedef struct
{
  gint64 customers;
  gint64 touchpoints;
  gint64 transactions;
} CrmStoreCounts;

void               crm_store_count_all_async      (CrmStore            *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean           crm_store_count_all_finish     (CrmStore            *self,
                                                   GAsyncResult        *result,
                                                   CrmStoreCounts      *counts,
                                                   GError             **error);

/* Customers */
gboolean           crm_store_save_customer        (CrmStore            *self,
                                                   CrmCustomer         *customer,
                                                   GError             **error);
CrmCustomer       *crm_store_load_customer        (CrmStore            *self,
                                                   gint64               id,
                                                   GError             **error);
gint64             crm_store_find_customer_id_by_uid (CrmStore         *self,
                                                      const char       *uid,
                                                      GError          **error);
CrmCustomer       *crm_store_find_customer_by_uid (CrmStore            *self,
                                                   const char          *uid,
                                                   GError             **error);
gint64             crm_store_find_customer_by_contact (CrmStore        *self,
                                                       CrmContactKind   kind,
                                                       const char      *value,
                                                       GError         **error);
gboolean           crm_store_delete_customer      (CrmStore            *self,
                                                   gint64               id,
                                                   gint64              *journal_id,
                                                   GError             **error);
gboolean           crm_store_undo                 (CrmStore            *self,
                                                   gint64               journal_id,
                                                   GError             **error);

/* The customer list */
typedef enum
{
  CRM_CUSTOMER_FIELD_SEGMENT,
  CRM_CUSTOMER_FIELD_OWNER,
  CRM_CUSTOMER_FIELD_TAG,
} CrmCustomerField;

/* Called once the first rows of a query are known, with a copy of them. */
typedef void (*CrmIdsFunc) (GArray   *ids,
                            gpointer  user_data);

GArray            *crm_store_query_customer_ids   (CrmStore            *self,
                                                   CrmCustomerQuery    *query,
                                                   guint                limit,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
GArray            *crm_store_stream_customer_ids  (CrmStore            *self,
                                                   CrmCustomerQuery    *query,
                                                   guint                first_count,
                                                   CrmIdsFunc           first_rows,
                                                   gpointer             user_data,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
GPtrArray         *crm_store_load_customer_summaries (CrmStore         *self,
                                                      const gint64     *ids,
                                                      guint             n_ids,
                                                      GError          **error);
char             **crm_store_list_values          (CrmStore            *self,
                                                   CrmCustomerField     field,
                                                   GError             **error);
void               crm_store_list_values_async    (CrmStore            *self,
                                                   CrmCustomerField     field,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
char             **crm_store_list_values_finish   (CrmStore            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Duplicates and merge */
GPtrArray         *crm_store_find_duplicates      (CrmStore            *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
gboolean           crm_store_merge_customers      (CrmStore            *self,
                                                   CrmCustomer         *survivor,
                                                   gint64               other_id,
                                                   gint64              *journal_id,
                                                   GError             **error);

/* Channels and touchpoint types: the menu of touchpoints the company offers */
gboolean           crm_store_save_channel         (CrmStore            *self,
                                                   CrmChannel          *channel,
                                                   GError             **error);
GPtrArray         *crm_store_list_channels        (CrmStore            *self,
                                                   GError             **error);
gboolean           crm_store_delete_channel       (CrmStore            *self,
                                                   gint64               id,
                                                   GError             **error);
gboolean           crm_store_save_touchpoint_type (CrmStore            *self,
                                                   CrmTouchpointType   *type,
                                                   GError             **error);
gint64             crm_store_count_touchpoints_using (CrmStore        *self,
                                                      CrmRecordKind    kind,
                                                      gint64           id,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
GPtrArray         *crm_store_list_touchpoint_types (CrmStore           *self,
                                                    GError            **error);
gboolean           crm_store_delete_touchpoint_type (CrmStore          *self,
                                                     gint64             id,
                                                     GError           **error);

/* Touchpoints and transactions */
gboolean           crm_store_save_touchpoint      (CrmStore            *self,
                                                   CrmTouchpoint       *touchpoint,
                                                   GError             **error);
CrmTouchpoint     *crm_store_load_touchpoint      (CrmStore            *self,
                                                   gint64               id,
                                                   GError             **error);
gboolean           crm_store_delete_touchpoint    (CrmStore            *self,
                                                   gint64               id,
                                                   GError             **error);
GPtrArray         *crm_store_list_touchpoints     (CrmStore            *self,
                                                   gint64               customer_id,
                                                   GError             **error);
gboolean           crm_store_save_transaction     (CrmStore            *self,
                                                   CrmTransaction      *transaction,
                                                   GError             **error);
CrmTransaction    *crm_store_load_transaction     (CrmStore            *self,
                                                   gint64               id,
                                                   GError             **error);
gboolean           crm_store_delete_transaction   (CrmStore            *self,
                                                   gint64               id,
                                                   GError             **error);
GPtrArray         *crm_store_list_transactions    (CrmStore            *self,
                                                   gint64               customer_id,
                                                   GError             **error);

/* Exports: every touchpoint or transaction of the database, oldest first,
 * one row at a time, so that memory stays flat whatever their number. The
 * strings of a row are valid only during the call. */
typedef struct
{
  gint64        id;
  gint64        occurred_at;
  const char   *customer_uid;
  const char   *customer_name;
  const char   *type_name;
  const char   *stage;
  gboolean      moment_of_truth;
  const char   *channel_name;
  CrmDirection  direction;
  CrmOutcome    outcome;
  int           satisfaction;
  const char   *note;
  gint64        transaction_id;
} CrmTouchpointRow;

typedef struct
{
  gint64                id;
  gint64                occurred_at;
  const char           *customer_uid;
  const char           *customer_name;
  gint64                amount;
  const char           *currency;
  const char           *product;
  CrmTransactionStatus  status;
} CrmTransactionRow;

/* Returns FALSE with @error set to stop. */
typedef gboolean (*CrmTouchpointRowFunc)  (const CrmTouchpointRow  *row,
                                           gpointer                 user_data,
                                           GError                 **error);
typedef gboolean (*CrmTransactionRowFunc) (const CrmTransactionRow *row,
                                           gpointer                 user_data,
                                           GError                 **error);

gboolean           crm_store_foreach_touchpoint   (CrmStore              *self,
                                                   CrmTouchpointRowFunc   func,
                                                   gpointer               user_data,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
gboolean           crm_store_foreach_transaction  (CrmStore              *self,
                                                   CrmTransactionRowFunc  func,
                                                   gpointer               user_data,
                                                   GCancellable          *cancellable,
                                                   GError               **error);

/* Reading whole tables for the archive, and restoring one. */
typedef struct _CrmStoreRows CrmStoreRows;

gboolean           crm_store_archive_snapshot_begin (CrmStore          *self,
                                                     GError           **error);
void               crm_store_archive_snapshot_end (CrmStore            *self);
CrmStoreRows      *crm_store_archive_rows_open    (CrmStore            *self,
                                                   CrmArchiveTableId    id,
                                                   GError             **error);
int                crm_store_archive_rows_next    (CrmStore            *self,
                                                   CrmStoreRows        *rows,
                                                   CrmArchiveValue     *values,
                                                   GError             **error);
void               crm_store_archive_rows_close   (CrmStoreRows        *rows);
gboolean           crm_store_restore_begin        (CrmStore            *self,
                                                   GError             **error);
gboolean           crm_store_restore_row          (CrmStore            *self,
                                                   CrmArchiveTableId    id,
                                                   const CrmArchiveValue *values,
                                                   GError             **error);
gboolean           crm_store_restore_finish       (CrmStore            *self,
                                                   GError             **error);
void               crm_store_restore_abort        (CrmStore            *self);

/* KPIs: the dashboard's pyramid, and targets for the CRM audit */
CrmKpiTable       *crm_store_compute_kpis         (CrmStore            *self,
                                                   const CrmKpiScope   *scope,
                                                   const CrmPeriod     *period,
                                                   CrmKpiLevel          child_level,
                                                   guint                max_children,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void               crm_store_compute_kpis_async   (CrmStore            *self,
                                                   const CrmKpiScope   *scope,
                                                   const CrmPeriod     *period,
                                                   CrmKpiLevel          child_level,
                                                   guint                max_children,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
CrmKpiTable       *crm_store_compute_kpis_finish  (CrmStore            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
CrmKpiTable       *crm_store_audit_kpis           (CrmStore            *self,
                                                   const CrmKpiScope   *scope,
                                                   const CrmPeriod     *period,
                                                   GError             **error);
gboolean           crm_store_set_kpi_target       (CrmStore            *self,
                                                   CrmKpi               kpi,
                                                   const CrmKpiScope   *scope,
                                                   const CrmPeriod     *period,
                                                   double               target,
                                                   GError             **error);
gboolean           crm_store_remove_kpi_target    (CrmStore            *self,
                                                   CrmKpi               kpi,
                                                   const CrmKpiScope   *scope,
                                                   const CrmPeriod     *period,
                                                   GError             **error);
gboolean           crm_store_get_kpi_target       (CrmStore            *self,
                                                   CrmKpi               kpi,
                                                   const CrmKpiScope   *scope,
                                                   const CrmPeriod     *period,
                                                   double              *target,
                                                   GError             **error);
GPtrArray         *crm_store_list_kpi_targets     (CrmStore            *self,
                                                   GError             **error);

/* RFM: a customer's recency, frequency and monetary quintile scores (1–5),
 * segment and lifetime value (completed orders, minor units). */
typedef struct
{
  gint64         customer_id;
  gint64         last_order_at;
  gint64         orders;
  gint64         lifetime_value;
  int            recency;
  int            frequency;
  int            monetary;
  CrmRfmSegment  segment;
} CrmCustomerRfm;

gboolean           crm_store_refresh_rfm          (CrmStore            *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
gboolean           crm_store_refresh_rfm_if_stale (CrmStore            *self,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
gboolean           crm_store_get_rfm_stale        (CrmStore            *self,
                                                   gboolean            *stale,
                                                   GError             **error);
gboolean           crm_store_get_customer_rfm     (CrmStore            *self,
                                                   gint64               customer_id,
                                                   CrmCustomerRfm      *rfm,
                                                   GError             **error);

/* Journeys of many customers */
CrmJourneyAnalysis *crm_store_analyze_journeys    (CrmStore            *self,
                                                   const char          *segment,
                                                   const CrmPeriod     *period,
                                                   GCancellable        *cancellable,
                                                   CrmProgressFunc      progress,
                                                   gpointer             progress_data,
                                                   GError             **error);
GArray            *crm_store_find_journey_customers (CrmStore          *self,
                                                     CrmJourneyAnalysis *analysis,
                                                     const CrmJourneyElement *element,
                                                     guint              limit,
                                                     GCancellable      *cancellable,
                                                     CrmProgressFunc    progress,
                                                     gpointer           progress_data,
                                                     GError           **error);

G_END_DECLS
