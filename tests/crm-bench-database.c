/* crm-bench-database.c
 *
 * Generating a million customers with ten million touchpoints takes
 * minutes, so the benchmarks share one database per size, kept in the build
 * directory beside a stamp of the generator's fingerprint and made again
 * only when the fingerprint changes. Benchmarks open it read-mostly; one
 * that writes must work on a copy.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-bench-database.h"

#include <glib/gstdio.h>

#include "crm-demo-generator.h"

/* The path of a database of @n_customers generated customers (seed 1,
 * journeys ending on 2026-01-01), generating it first when needed. */
char *
crm_bench_database (guint n_customers)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "bench-data", NULL);
  g_autofree char *name = g_strdup_printf ("customers-%u.db", n_customers);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *stamp_path = g_strconcat (path, ".stamp", NULL);
  g_autofree char *fingerprint = crm_demo_generator_get_fingerprint ();
  g_autofree char *stamp = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmDemoGenerator) generator = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;

  if (g_file_get_contents (stamp_path, &stamp, NULL, NULL) && g_strcmp0 (stamp, fingerprint) == 0 &&
      g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;

  g_printerr ("Generating %u customers into %s (once per generator version)\n", n_customers, path);
  g_mkdir_with_parents (dir, 0755);
  g_remove (stamp_path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }

  store = crm_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  generator = crm_demo_generator_new (1, n_customers);
  crm_demo_generator_set_end_time (generator, 1767225600);
  started = g_get_monotonic_time ();
  if (!crm_demo_generator_run (generator, store, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_printerr ("Generated %u customers, %" G_GUINT64_FORMAT " touchpoints in %.0f s\n", n_customers,
              crm_demo_generator_get_n_touchpoints (generator),
              (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  if (!g_file_set_contents (stamp_path, fingerprint, -1, &error))
    g_error ("%s", error->message);
  return path;
}
