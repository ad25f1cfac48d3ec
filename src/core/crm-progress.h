/* crm-progress.h: how long work reports how far it has got. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called now and then from the thread doing the work: @done of @total. */
typedef void (*CrmProgressFunc) (guint64  done,
                                 guint64  total,
                                 gpointer user_data);

G_END_DECLS
