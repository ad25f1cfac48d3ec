/* crm-store-fixture.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-store-fixture.h"
#include "crm-test-utils.h"

void
crm_store_fixture_set_up (CrmStoreFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = crm_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

void
crm_store_fixture_tear_down (CrmStoreFixture *fixture,
                             gconstpointer    data)
{
  crm_test_finalize (fixture->store);
  crm_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}
