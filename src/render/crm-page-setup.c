/* crm-page-setup.c
 *
 * The paper a report is laid out on when nobody chose one: A4, or US
 * Letter where the locale's paper is Letter.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "crm-report-layout-private.h"

#define POINTS_PER_CM (72.0 / 2.54)

static void
init_paper (CrmPageSetup *setup,
            double        width,
            double        height,
            double        margin,
            gboolean      landscape)
{
  setup->width = landscape ? height : width;
  setup->height = landscape ? width : height;
  setup->margin_top = setup->margin_bottom = margin;
  setup->margin_start = setup->margin_end = margin;
}

void
crm_page_setup_init_a4 (CrmPageSetup *setup,
                        gboolean      landscape)
{
  g_return_if_fail (setup != NULL);

  init_paper (setup, 595.28, 841.89, 2 * POINTS_PER_CM, landscape);
}

void
crm_page_setup_init_letter (CrmPageSetup *setup,
                            gboolean      landscape)
{
  g_return_if_fail (setup != NULL);

  init_paper (setup, 612, 792, 0.75 * 72, landscape);
}

/* @locale as setlocale() names it: "en_US.UTF-8", "fr_CA", "C". */
void
crm_page_setup_init_for_locale (CrmPageSetup *setup,
                                const char   *locale)
{
  static const char * const letter_territories[] = { "US", "CA", NULL };
  const char *underscore = locale != NULL ? strchr (locale, '_') : NULL;

  if (underscore != NULL)
    for (guint i = 0; letter_territories[i] != NULL; i++)
      if (strncmp (underscore + 1, letter_territories[i], 2) == 0)
        {
          crm_page_setup_init_letter (setup, FALSE);
          return;
        }
  crm_page_setup_init_a4 (setup, FALSE);
}

void
crm_page_setup_init_default (CrmPageSetup *setup)
{
  g_return_if_fail (setup != NULL);

  /* The paper is its own locale category: someone reading English in
   * Germany prints on A4. */
#ifdef LC_PAPER
  crm_page_setup_init_for_locale (setup, setlocale (LC_PAPER, NULL));
#else
  crm_page_setup_init_for_locale (setup, setlocale (LC_ALL, NULL));
#endif
}
