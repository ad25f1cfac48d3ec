/* crm-bench-database.h: the generated database the big benchmarks share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *crm_bench_database (guint n_customers);

G_END_DECLS
