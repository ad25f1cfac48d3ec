/* crm-utils.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-utils.h"

#include <locale.h>
#include <string.h>

/* Replaces *field with a copy of value; returns whether it changed, so the
 * caller notifies only on real changes. NULL is stored as "" so that the
 * getters of text properties never return NULL. */
gboolean
crm_set_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    value = "";

  if (*field != NULL && strcmp (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
crm_set_strv (char              ***field,
              const char * const  *value)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;

  if (*field != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

/* A unified customer ID: a random RFC 4122 UUID in the urn form vCard 4.0
 * uses, so it survives export to other systems unchanged. */
char *
crm_new_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("urn:uuid:", uuid, NULL);
}

/* A count with the locale's digit grouping (1,000 or 1 000), for messages
 * whose translatable text takes it as "%s". */
char *
crm_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

/* An amount in minor units as the locale writes numbers, with its ISO 4217
 * code: "1,234.56 EUR". Two decimals, which fits the currencies in use
 * here; currencies without minor units come with the import issue. */
char *
crm_format_money (gint64      amount,
                  const char *currency)
{
  gint64 whole = amount / 100;
  int cents = (int) ABS (amount % 100);
  g_autofree char *grouped = g_strdup_printf ("%'" G_GINT64_FORMAT, ABS (whole));
  struct lconv *conventions = localeconv ();
  const char *point = conventions->decimal_point && *conventions->decimal_point ? conventions->decimal_point : ".";

  return g_strdup_printf ("%s%s%s%02d %s", amount < 0 ? "−" : "", grouped, point, cents,
                          currency ? currency : "");
}

/* A day in the user's time zone and the locale's short date format; "" for
 * 0, which means "never". */
char *
crm_format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_time == 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (unix_time);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x");
}

/* A phone number as its digits, E.164-like, for finding the same number
 * written differently: "+49 (30) 123-45" and "0049 30 12345" both give
 * "493012345". A national number without its country code stays as it
 * is; telling those apart needs the country, which an address may give
 * later. */
char *
crm_normalize_phone (const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone ? phone : ""; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (g_str_has_prefix (digits->str, "00"))
    g_string_erase (digits, 0, 2);
  return g_string_free (digits, FALSE);
}

/* An e-mail address for comparing: trimmed and case-folded. */
char *
crm_normalize_email (const char *email)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (email ? email : ""));

  return g_utf8_casefold (trimmed, -1);
}
