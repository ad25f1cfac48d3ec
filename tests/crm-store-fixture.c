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

/* The building blocks of a hand-made journey. Each is saved at once, fails
 * the test if it cannot be, and returns its new id. */

gint64
crm_store_fixture_add_channel (CrmStoreFixture *fixture,
                               const char      *key,
                               const char      *name,
                               int              position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmChannel) channel = crm_channel_new ();

  crm_channel_set_key (channel, key);
  crm_channel_set_name (channel, name);
  crm_channel_set_position (channel, position);
  g_assert_true (crm_store_save_channel (fixture->store, channel, &error));
  g_assert_no_error (error);
  return crm_channel_get_id (channel);
}

/* A customer with a name and nothing else. */
gint64
crm_store_fixture_add_customer (CrmStoreFixture *fixture,
                                const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = crm_customer_new ();

  crm_customer_set_display_name (customer, name);
  g_assert_true (crm_store_save_customer (fixture->store, customer, &error));
  g_assert_no_error (error);
  return crm_customer_get_id (customer);
}

/* @satisfaction 0 leaves it unrated, as a new touchpoint is. */
gint64
crm_store_fixture_add_touchpoint (CrmStoreFixture *fixture,
                                  gint64           customer_id,
                                  gint64           occurred_at,
                                  gint64           type_id,
                                  gint64           channel_id,
                                  int              satisfaction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmTouchpoint) touchpoint = crm_touchpoint_new ();

  crm_touchpoint_set_customer_id (touchpoint, customer_id);
  crm_touchpoint_set_type_id (touchpoint, type_id);
  crm_touchpoint_set_channel_id (touchpoint, channel_id);
  crm_touchpoint_set_occurred_at (touchpoint, occurred_at);
  crm_touchpoint_set_satisfaction (touchpoint, satisfaction);
  g_assert_true (crm_store_save_touchpoint (fixture->store, touchpoint, &error));
  g_assert_no_error (error);
  return crm_touchpoint_get_id (touchpoint);
}
