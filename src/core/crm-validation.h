/* crm-validation.h: checks of what users type, with a message that says
 * what is wrong, for the editor to show next to the field as they type. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *crm_validate_email (const char *email);
char *crm_validate_phone (const char *phone);

G_END_DECLS
