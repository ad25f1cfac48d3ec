/* crm-test-utils.c
 *
 * The tests read the database with plain SQL of their own, independently of
 * CrmStore, so that a store bug cannot hide itself.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-test-utils.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

char *
crm_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("touchpoint-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
crm_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      crm_test_remove_tree (child);
    }
  g_rmdir (path);
}

/* Asserts that @object goes away with the test's reference. Work that
 * finishes on a worker thread may still hold it until its callback has run
 * on the main context, so that runs first, for at most five seconds. */
void
crm_test_finalize (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (G_OBJECT (object)->ref_count > 1 && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_finalize_object (object);
}

static sqlite3 *
open_read_only (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* The application under test may be writing or checkpointing: wait
   * for it as the store does, rather than fail on SQLITE_BUSY. */
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* A SHA-256 over every row of every table, in a fixed order: two
 * databases with the same digest hold the same data. */
char *
crm_test_database_digest (const char *path)
{
  static const char * const tables[] = {
    "customers", "customer_tags", "contact_points", "addresses", "channels",
    "touchpoint_types", "transactions", "touchpoints", "external_ids",
    "customer_aliases", "customer_vcard_properties",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = open_read_only (path);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_checksum_update (checksum, (const guchar *) tables[t], -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const unsigned char *text = sqlite3_column_text (stmt, c);

            g_checksum_update (checksum, text ? text : (const guchar *) "\\N", -1);
            g_checksum_update (checksum, (const guchar *) "\t", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

gint64
crm_test_query_int (const char *path,
                    const char *sql)
{
  sqlite3 *db = open_read_only (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
crm_test_query_text (const char *path,
                     const char *sql)
{
  sqlite3 *db = open_read_only (path);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
crm_test_exec_sql (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s", message);
  sqlite3_close (db);
}

/* A digest of what @sql returns, to compare two databases on anything the
 * table digest leaves out. */
char *
crm_test_query_digest (const char *path,
                       const char *sql)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = open_read_only (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      {
        const unsigned char *text = sqlite3_column_text (stmt, c);

        g_checksum_update (checksum, text ? text : (const guchar *) "\\N", -1);
        g_checksum_update (checksum, (const guchar *) "\t", 1);
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}
