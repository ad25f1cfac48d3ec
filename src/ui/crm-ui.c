/* crm-ui.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-ui.h"

#include "crm-ui-resources.h"

/* Registers the templates, the shortcuts window and the style sheet. They
 * are registered by hand because the linker leaves an unreferenced resource
 * object out of a static library, and with it any constructor that would
 * register it. Safe to call more than once and from any thread. */
void
crm_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      crm_ui_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

/* The app's settings, or NULL when the schema is not installed: window
 * state and preferences are then not kept, and a build-tree run without
 * the schema still works. */
GSettings *
crm_ui_lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}
