/* crm-application.h: the Touchpoint application: one instance per user
 * session, a window per open database, the command line, and the headless
 * verbs that work without a display. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_APPLICATION (crm_application_get_type ())
G_DECLARE_FINAL_TYPE (CrmApplication, crm_application, CRM, APPLICATION, AdwApplication)

CrmApplication *crm_application_new (void);

G_END_DECLS
