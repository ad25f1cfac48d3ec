/* crm-store-fixture.h: the fixture most store and format tests start
 * from: a new database in a scratch folder, removed afterwards. */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *dir;
  char     *path;
  CrmStore *store;
} CrmStoreFixture;

void crm_store_fixture_set_up    (CrmStoreFixture *fixture,
                                  gconstpointer    data);
void crm_store_fixture_tear_down (CrmStoreFixture *fixture,
                                  gconstpointer    data);

gint64 crm_store_fixture_add_channel    (CrmStoreFixture *fixture,
                                         const char      *key,
                                         const char      *name,
                                         int              position);
gint64 crm_store_fixture_add_customer   (CrmStoreFixture *fixture,
                                         const char      *name);
gint64 crm_store_fixture_add_touchpoint (CrmStoreFixture *fixture,
                                         gint64           customer_id,
                                         gint64           occurred_at,
                                         gint64           type_id,
                                         gint64           channel_id,
                                         int              satisfaction);

G_END_DECLS
