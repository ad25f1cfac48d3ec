/* crm-window.h: a main window on one database: a sidebar with the views
 * (Dashboard, Customers, Journeys, Reports), a header bar with the primary
 * menu, and the view's content. */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_WINDOW (crm_window_get_type ())
G_DECLARE_FINAL_TYPE (CrmWindow, crm_window, CRM, WINDOW, AdwApplicationWindow)

CrmWindow  *crm_window_new              (GtkApplication *application,
                                         const char     *database_path);
const char *crm_window_get_database_path (CrmWindow     *self);
CrmStore   *crm_window_get_store        (CrmWindow      *self);
void        crm_window_set_store        (CrmWindow      *self,
                                         CrmStore       *store);
void        crm_window_show_error       (CrmWindow      *self,
                                         const char     *title,
                                         const GError   *error);
const char *crm_window_get_view         (CrmWindow      *self);
void        crm_window_set_view         (CrmWindow      *self,
                                         const char     *view);

void           crm_window_import_file       (CrmWindow    *self,
                                            GFile        *file);
void           crm_window_reload            (CrmWindow    *self);

G_END_DECLS
