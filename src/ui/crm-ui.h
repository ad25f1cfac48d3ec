/* crm-ui.h: set-up the UI layer needs before any of its widgets is made. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void       crm_ui_init             (void);
GSettings *crm_ui_lookup_settings (void);

G_END_DECLS
