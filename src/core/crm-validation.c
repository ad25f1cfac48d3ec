/* crm-validation.c
 *
 * Deliberately lenient: they catch typing mistakes (a missing @, letters in
 * a phone number), not every address the RFCs forbid, because rejecting a
 * real address a customer gave is worse than keeping an odd one.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-validation.h"

/**
 * crm_validate_email:
 *
 * Returns: (transfer full) (nullable): %NULL when @email looks like an
 *   e-mail address or is empty, else what is wrong with it
 */
char *
crm_validate_email (const char *email)
{
  const char *at, *domain;

  if (email == NULL || *email == '\0')
    return NULL;
  if (!g_utf8_validate (email, -1, NULL))
    return g_strdup (_("Not valid text"));

  for (const char *p = email; *p; p++)
    if (g_ascii_isspace (*p))
      return g_strdup (_("An e-mail address has no spaces"));

  at = strchr (email, '@');
  if (at == NULL)
    return g_strdup (_("An e-mail address needs an @, as in name@example.org"));
  if (strchr (at + 1, '@') != NULL)
    return g_strdup (_("An e-mail address has only one @"));
  if (at == email)
    return g_strdup (_("A name is missing before the @"));

  domain = at + 1;
  if (*domain == '\0')
    return g_strdup (_("A domain is missing after the @, as in example.org"));
  if (strchr (domain, '.') == NULL || domain[0] == '.' ||
      domain[strlen (domain) - 1] == '.' || strstr (domain, "..") != NULL)
    return g_strdup (_("The domain after the @ needs a dot, as in example.org"));
  return NULL;
}

/**
 * crm_validate_phone:
 *
 * Accepts digits with the usual separators (spaces, + at the start,
 * - ( ) . /) and an extension at the end ("x 12", "ext. 12").
 *
 * Returns: (transfer full) (nullable): %NULL when @phone looks like a phone
 *   number or is empty, else what is wrong with it
 */
char *
crm_validate_phone (const char *phone)
{
  g_autofree char *lower = NULL;
  const char *extension;
  guint digits = 0;
  gsize length;

  if (phone == NULL || *phone == '\0')
    return NULL;

  lower = g_ascii_strdown (phone, -1);
  extension = strstr (lower, "ext");
  if (extension == NULL)
    extension = strrchr (lower, 'x');
  length = extension ? (gsize) (extension - lower) : strlen (lower);

  for (gsize i = 0; i < length; i++)
    {
      char c = lower[i];

      if (g_ascii_isdigit (c))
        digits++;
      else if (c == '+' && digits == 0)
        continue;
      else if (strchr (" -().//", c) == NULL)
        return g_strdup (_("A phone number has only digits, spaces and + - ( ) . /"));
    }

  if (extension != NULL)
    {
      const char *p = extension + (g_str_has_prefix (extension, "ext") ? 3 : 1);
      guint extension_digits = 0;

      for (; *p; p++)
        {
          if (g_ascii_isdigit (*p))
            extension_digits++;
          else if (*p != '.' && *p != ' ' && *p != ':')
            return g_strdup (_("A phone number has only digits, spaces and + - ( ) . /"));
        }
      if (extension_digits == 0)
        return g_strdup (_("The extension needs digits, as in “ext. 12”"));
    }

  if (digits < 3)
    return g_strdup (_("A phone number needs at least three digits"));
  return NULL;
}
