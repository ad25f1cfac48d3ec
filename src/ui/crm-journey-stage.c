/* crm-journey-stage.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-journey-stage.h"

/* In journey order, as the journey analysis orders its map. */
static const char * const known_keys[] = {
  "awareness", "consideration", "purchase", "service", "loyalty", NULL,
};

static const char * const known_labels[] = {
  NC_("journey stage", "Awareness"),
  NC_("journey stage", "Consideration"),
  NC_("journey stage", "Purchase"),
  NC_("journey stage", "Service"),
  NC_("journey stage", "Loyalty"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (known_keys) == G_N_ELEMENTS (known_labels) + 1);

/* Returns: (array length=n_stages): the stages Touchpoint knows, as
 *   stored, in journey order; %NULL-terminated */
const char * const *
crm_journey_stage_get_known (guint *n_stages)
{
  if (n_stages != NULL)
    *n_stages = G_N_ELEMENTS (known_labels);
  return known_keys;
}

gboolean
crm_journey_stage_is_known (const char *stage)
{
  return stage != NULL && g_strv_contains (known_keys, stage);
}

/* Returns: @stage as the user reads it: a known one translated, their own
 *   as they typed it */
const char *
crm_journey_stage_get_label (const char *stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_labels); i++)
    if (g_strcmp0 (stage, known_keys[i]) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "journey stage", known_labels[i]);
  return stage != NULL ? stage : "";
}

/* Returns: (transfer full): the stage to store for what the user typed:
 *   "Purchase" or "purchase" (or its translation) is the known stage, not
 *   a second one that the journey map would show apart */
char *
crm_journey_stage_from_label (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (known_labels); i++)
    {
      g_autofree char *folded_label = g_utf8_casefold (crm_journey_stage_get_label (known_keys[i]), -1);

      if (g_ascii_strcasecmp (text, known_keys[i]) == 0 || g_strcmp0 (folded, folded_label) == 0)
        return g_strdup (known_keys[i]);
    }
  return g_strdup (text);
}
