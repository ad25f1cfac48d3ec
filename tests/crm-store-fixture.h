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

G_END_DECLS
