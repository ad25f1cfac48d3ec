/* crm-demo-generator.h: fills a store with realistic, deterministic demo
 * data: customers in Latin, Cyrillic, Chinese and Arabic script with their
 * contact data, owners and regions, non-linear journeys across channels,
 * and the transactions some journeys lead to. The same seed, size and end
 * time always give the same data. */
#pragma once

#include "crm-progress.h"
#include "crm-store.h"

G_BEGIN_DECLS


#define CRM_TYPE_DEMO_GENERATOR (crm_demo_generator_get_type ())
G_DECLARE_FINAL_TYPE (CrmDemoGenerator, crm_demo_generator, CRM, DEMO_GENERATOR, GObject)

CrmDemoGenerator *crm_demo_generator_new              (guint64            seed,
                                                       guint              n_customers);
guint64           crm_demo_generator_get_seed         (CrmDemoGenerator  *self);
guint             crm_demo_generator_get_n_customers  (CrmDemoGenerator  *self);
gint64            crm_demo_generator_get_end_time     (CrmDemoGenerator  *self);
void              crm_demo_generator_set_end_time     (CrmDemoGenerator  *self,
                                                       gint64             end_time);
gboolean          crm_demo_generator_run              (CrmDemoGenerator  *self,
                                                       CrmStore          *store,
                                                       CrmProgressFunc    progress,
                                                       gpointer           user_data,
                                                       GCancellable      *cancellable,
                                                       GError           **error);
void              crm_demo_generator_run_async        (CrmDemoGenerator  *self,
                                                       const char        *path,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
gboolean          crm_demo_generator_run_finish       (CrmDemoGenerator  *self,
                                                       GAsyncResult      *result,
                                                       GError           **error);
char             *crm_demo_generator_get_fingerprint  (void);
guint64           crm_demo_generator_get_n_touchpoints   (CrmDemoGenerator *self);
guint64           crm_demo_generator_get_n_transactions  (CrmDemoGenerator *self);

G_END_DECLS
