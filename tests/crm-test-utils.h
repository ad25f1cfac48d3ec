/* crm-test-utils.h: helpers shared by the test programs. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char    *crm_test_make_temp_dir   (void);
void     crm_test_remove_tree     (const char *path);
void     crm_test_finalize        (gpointer    object);
char    *crm_test_database_digest (const char *path);
gint64   crm_test_query_int       (const char *path,
                                   const char *sql);
char    *crm_test_query_digest    (const char *path,
                                   const char *sql);
char    *crm_test_query_text      (const char *path,
                                   const char *sql);
void     crm_test_exec_sql        (const char *path,
                                   const char *sql);

G_END_DECLS
