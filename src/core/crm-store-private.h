/* crm-store-private.h: what the parts of CrmStore share among themselves.
 * CrmStore is split by subject (connection, schema, customers, journeys); no
 * code outside src/core/crm-store*.c includes this. */
#pragma once

#include <sqlite3.h>

#include "crm-store.h"

G_BEGIN_DECLS

struct _CrmStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *backup_path;     /* the copy made before the last migration */
  GHashTable *statements;      /* SQL text → prepared sqlite3_stmt */
  guint       depth;           /* nesting of crm_store_begin() */
  gboolean    batch;           /* inner levels take no savepoints */
  gboolean    batch_failed;    /* an inner level of a batch failed */
  GArray     *pending_changes; /* customer ids written in the open transaction */
  struct _CrmStoreRestore *restore;  /* while an archive is restored */
};

sqlite3_stmt *crm_store_prepare      (CrmStore      *self,
                                      const char    *sql,
                                      GError       **error);
gboolean      crm_store_step_done    (CrmStore      *self,
                                      sqlite3_stmt  *stmt,
                                      const char    *what,
                                      GError       **error);
gboolean      crm_store_exec         (CrmStore      *self,
                                      const char    *sql,
                                      const char    *what,
                                      GError       **error);
void          crm_store_set_error    (CrmStore      *self,
                                      int            rc,
                                      const char    *what,
                                      GError       **error);
int           crm_store_is_cancelled (void          *cancellable);
void          crm_store_bind_text    (sqlite3_stmt  *stmt,
                                      int            index,
                                      const char    *text);
const char   *crm_store_column_text  (sqlite3_stmt  *stmt,
                                      int            column);
gpointer      crm_store_read_text    (sqlite3_stmt  *stmt);
GPtrArray    *crm_store_list_rows    (CrmStore      *self,
                                      const char    *sql,
                                      gint64         key,
                                      gpointer     (*read_row) (sqlite3_stmt *stmt),
                                      GDestroyNotify free_row,
                                      const char    *what,
                                      GError       **error);

void          crm_store_note_change  (CrmStore      *self,
                                      gint64         customer_id);
gboolean      crm_store_rebuild_search_index (CrmStore  *self,
                                              GError   **error);
gboolean      crm_store_index_customer (CrmStore    *self,
                                        gint64       id,
                                        CrmCustomer *customer,
                                        gboolean     is_new,
                                        GError     **error);

gboolean      crm_store_journal_merge (CrmStore     *self,
                                       gint64        survivor_id,
                                       gint64        other_id,
                                       gint64       *journal_id,
                                       GError      **error);
gboolean      crm_store_remove_customer (CrmStore   *self,
                                         gint64      id,
                                         GError    **error);
gboolean      crm_store_prune_journal (CrmStore     *self,
                                       GError      **error);

gboolean      crm_store_add_journey_functions (CrmStore *self,
                                               GError  **error);

gboolean      crm_store_migrate      (CrmStore      *self,
                                      int            from_version,
                                      GError       **error);

/* The RFM segment of scores r, f and m, as an SQL expression: the first
 * rule that matches. Frequency and monetary value are read together as
 * fm, their mean rounded up, because frequency alone is lumpy: most
 * customers buy once or twice, so its quintiles tie and skip scores.
 * Champions bought recently, often and much; new customers recently,
 * once; loyal ones recently, with fair frequency and value; potential
 * loyalists recently, not yet much. Of those who have not bought for a
 * while, the best (fm 5) must not be lost, fair ones (fm 3, 4) are at
 * risk, the rest hibernate (recency 2) or are lost (recency 1). Shared by
 * the triggers and the full refresh, from schema version 7 on. */
#define CRM_STORE_RFM_SEGMENT_SQL \
  "(CASE WHEN r >= 4 AND f >= 4 AND m >= 4 THEN 0" \
  " WHEN r >= 4 AND f = 1 THEN 3" \
  " WHEN r >= 3 AND (f + m + 1) / 2 >= 3 THEN 1" \
  " WHEN r >= 3 THEN 2" \
  " WHEN (f + m + 1) / 2 = 5 THEN 5" \
  " WHEN (f + m + 1) / 2 >= 3 THEN 4" \
  " WHEN r = 2 THEN 6" \
  " ELSE 7 END)"

/* The rules of schema version 6, which left "at risk" empty on real data
 * (frequency 3 hardly occurs); kept for that version's migration. */
#define CRM_STORE_RFM_SEGMENT_SQL_V6 \
  "(CASE WHEN r >= 4 AND f >= 4 AND m >= 4 THEN 0" \
  " WHEN r >= 3 AND f >= 3 THEN 1" \
  " WHEN r >= 4 AND f = 1 THEN 3" \
  " WHEN r >= 3 THEN 2" \
  " WHEN f >= 4 OR m = 5 THEN 5" \
  " WHEN f >= 3 THEN 4" \
  " WHEN r = 2 THEN 6" \
  " ELSE 7 END)"

gboolean      crm_store_rebuild_kpis (CrmStore      *self,
                                      GError       **error);
gboolean      crm_store_rebuild_kpi_breakdowns (CrmStore  *self,
                                                GError   **error);
gboolean      crm_store_migrate_kpi_breakdowns (CrmStore  *self,
                                                GError   **error);
gboolean      crm_store_refresh_rfm_locked (CrmStore *self,
                                            GError  **error);

G_END_DECLS
