/* crm-ui.h: set-up the UI layer needs before any of its widgets is made. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void crm_ui_init (void);

G_END_DECLS
