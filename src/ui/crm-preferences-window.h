/* crm-preferences-window.h: the Preferences of one database: its channels
 * (renamed in place, added, put in order, deleted) and its touchpoint
 * types (name, journey stage, moment of truth, minimum data). Every change
 * is stored at once; nothing is deleted that touchpoints still use, and a
 * deletion can be undone from its toast. */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_WINDOW (crm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, CRM, PREFERENCES_WINDOW, AdwPreferencesWindow)

CrmPreferencesWindow *crm_preferences_window_new       (GtkWindow            *parent,
                                                        CrmStore             *store);
CrmStore             *crm_preferences_window_get_store (CrmPreferencesWindow *self);
void                  crm_preferences_window_reload    (CrmPreferencesWindow *self);
gboolean              crm_preferences_window_is_busy   (CrmPreferencesWindow *self);

G_END_DECLS
