/* crm-ui.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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
