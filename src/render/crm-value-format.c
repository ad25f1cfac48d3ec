/* crm-value-format.c
 *
 * Grouping and the decimal mark come from the C library's locale
 * (localeconv()), so a German user reads 1.234.567,89 and a Russian one
 * 1 234 567,89 without the charts knowing either.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crm-value-format.h"

static const struct
{
  const char *code;
  const char *symbol;
} currency_symbols[] = {
  { "AED", "د.إ" }, { "CHF", "CHF" }, { "CNY", "¥" }, { "EUR", "€" }, { "GBP", "£" },
  { "JPY", "¥" }, { "RUB", "₽" }, { "SAR", "﷼" }, { "USD", "$" },
};

/* The symbol of an ISO 4217 code, or the code itself when it has none
 * Touchpoint knows. */
const char *
crm_currency_symbol (const char *currency)
{
  if (currency == NULL || *currency == '\0')
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (currency_symbols); i++)
    if (g_ascii_strcasecmp (currency, currency_symbols[i].code) == 0)
      return currency_symbols[i].symbol;
  return currency;
}

/* The whole part of a non-negative number, grouped by the locale. */
static void
append_grouped (GString *out,
                double   whole)
{
  struct lconv *conv = localeconv ();
  const char *separator = conv->thousands_sep != NULL ? conv->thousands_sep : "";
  int group = conv->grouping != NULL && conv->grouping[0] > 0 && conv->grouping[0] < CHAR_MAX
            ? conv->grouping[0] : 0;
  g_autofree char *digits = g_strdup_printf ("%.0f", whole);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      g_string_append_c (out, digits[i]);
      if (group > 0 && *separator != '\0' && i + 1 < n && (n - i - 1) % group == 0)
        g_string_append (out, separator);
    }
}

/* @value, which is not negative, with @decimals decimals. */
static void
append_number (GString *out,
               double   value,
               int      decimals)
{
  struct lconv *conv = localeconv ();
  double scale = pow (10, decimals);
  double rounded = round (value * scale) / scale;
  double whole = floor (rounded);

  append_grouped (out, whole);
  if (decimals > 0)
    {
      g_autofree char *fraction = g_strdup_printf ("%0*.0f", decimals, round ((rounded - whole) * scale));

      g_string_append (out, conv->decimal_point != NULL ? conv->decimal_point : ".");
      g_string_append (out, fraction);
    }
}

/* Wraps a number in the currency's symbol the way the locale places its
 * own: before (“$1,234”) or after (“1 234 €”). */
static char *
with_currency (GString    *number,
               const char *currency)
{
  struct lconv *conv = localeconv ();
  const char *symbol = crm_currency_symbol (currency);

  if (*symbol == '\0')
    return g_string_free (number, FALSE);
  /* A no-break space, so that the symbol never wraps alone. */
  if (conv->p_cs_precedes == 0)
    {
      g_string_append (number, "\u00a0");
      g_string_append (number, symbol);
    }
  else
    {
      if (conv->p_sep_by_space == 1)
        g_string_prepend (number, "\u00a0");
      g_string_prepend (number, symbol);
    }
  return g_string_free (number, FALSE);
}

/* The text of a number written without its sign into @absolute: with the
 * currency for money, and the sign in front of everything (−€20.00).
 * U+2212 MINUS SIGN: the hyphen is too short next to digits. */
static char *
finish (GString      *absolute,
        gboolean      negative,
        CrmValueKind  kind,
        const char   *currency)
{
  g_autofree char *text = kind == CRM_VALUE_MONEY ? with_currency (absolute, currency)
                                                  : g_string_free (absolute, FALSE);

  return negative ? g_strconcat ("−", text, NULL) : g_steal_pointer (&text);
}

/* Whether @value shows as negative with @decimals decimals: −0.001 is 0. */
static gboolean
shows_negative (double value,
                int    decimals)
{
  return value < 0 && round (fabs (value) * pow (10, decimals)) > 0;
}

/**
 * crm_value_format:
 * @currency: (nullable): an ISO 4217 code, for %CRM_VALUE_MONEY
 *
 * The value in full: counts whole, money with two decimals, percentages
 * with one, decimals with one.
 */
char *
crm_value_format (double        value,
                  CrmValueKind  kind,
                  const char   *currency)
{
  GString *out = g_string_new (NULL);
  int decimals = kind == CRM_VALUE_MONEY ? 2 : kind == CRM_VALUE_COUNT ? 0 : 1;

  if (isnan (value))
    {
      /* An em dash: a KPI with nothing to measure (no customers yet). */
      g_string_append (out, "—");
      return g_string_free (out, FALSE);
    }
  if (kind == CRM_VALUE_PERCENT)
    {
      g_autofree char *number = NULL;

      append_number (out, fabs (value) * 100, 1);
      number = finish (out, shows_negative (value * 100, 1), kind, NULL);
      /* Translators: a percentage; %s is the number. */
      return g_strdup_printf (_("%s %%"), number);
    }
  append_number (out, fabs (value), decimals);
  return finish (out, shows_negative (value, decimals), kind, currency);
}

/**
 * crm_value_format_compact:
 *
 * A short form for axis ticks and small tiles: 12.3K, 4.5M, 1.2B; whole
 * numbers below ten thousand stay as they are. Money has no cents.
 */
char *
crm_value_format_compact (double        value,
                          CrmValueKind  kind,
                          const char   *currency)
{
  static const struct { double size; const char *suffix; } steps[] = {
    /* Translators: the suffix of a compact number in billions: 1.2B. */
    { 1e9, N_("B") },
    /* Translators: the suffix of a compact number in millions: 4.5M. */
    { 1e6, N_("M") },
    /* Translators: the suffix of a compact number in thousands: 12K. */
    { 1e3, N_("K") },
  };
  GString *out;

  if (isnan (value) || kind == CRM_VALUE_PERCENT || kind == CRM_VALUE_DECIMAL)
    return crm_value_format (value, kind, currency);

  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (fabs (value) >= steps[i].size && fabs (value) >= 1e4)
      {
        double scaled = fabs (value) / steps[i].size;
        int decimals = scaled < 10 && fmod (scaled, 1) >= 0.05 ? 1 : 0;

        append_number (out, scaled, decimals);
        g_string_append (out, _(steps[i].suffix));
        return finish (out, value < 0, kind, currency);
      }
  append_number (out, fabs (value), 0);
  return finish (out, shows_negative (value, 0), kind, currency);
}

/**
 * crm_value_format_tick:
 * @step: the distance between the axis' ticks
 * @largest: the largest absolute value of a tick on the axis
 *
 * A value axis' tick label: every tick of an axis in the same form, so
 * that they read as one scale (“0, 5K, 10K”, not “0, 5000, 10K”): in
 * thousands, millions or billions after the largest tick, with as many
 * decimals as the step needs and no more (“25 %”, “2.5 %”). Money has no
 * cents unless the step has.
 */
char *
crm_value_format_tick (double        value,
                       double        step,
                       double        largest,
                       CrmValueKind  kind,
                       const char   *currency)
{
  static const struct { double size; const char *suffix; } steps[] = {
    { 1e9, N_("B") },
    { 1e6, N_("M") },
    { 1e3, N_("K") },
  };
  double scale = kind == CRM_VALUE_PERCENT ? 100 : 1, unit = 1;
  const char *suffix = NULL;
  int decimals = 0;
  GString *out;

  if (isnan (value) || isnan (step) || step <= 0)
    return crm_value_format (value, kind, currency);
  /* Counts and money in units from ten thousand on, as the compact form. */
  if (kind == CRM_VALUE_COUNT || kind == CRM_VALUE_MONEY)
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      if (fabs (largest) >= steps[i].size && fabs (largest) >= 1e4)
        {
          unit = steps[i].size;
          suffix = steps[i].suffix;
          break;
        }
  for (double shown = step * scale / unit;
       decimals < 4 && fabs (shown * pow (10, decimals) - round (shown * pow (10, decimals))) > 1e-6;
       decimals++)
    ;

  /* Zero is zero in any unit: “0”, not “0K” or “0.0”. */
  if (fabs (value) < step * 1e-9)
    {
      value = 0;
      decimals = 0;
      suffix = NULL;
    }
  out = g_string_new (NULL);
  append_number (out, fabs (value) * scale / unit, decimals);
  if (suffix != NULL)
    g_string_append (out, _(suffix));
  if (kind == CRM_VALUE_PERCENT)
    {
      g_autofree char *number = finish (out, shows_negative (value * scale, decimals), kind, NULL);

      /* Translators: a percentage; %s is the number. */
      return g_strdup_printf (_("%s %%"), number);
    }
  return finish (out, shows_negative (value * scale / unit, decimals), kind, currency);
}

/**
 * crm_value_format_change:
 *
 * The change from @previous to @value as a signed percentage: “+12.5 %”,
 * “−3.0 %”; an em dash when there was nothing before to compare with.
 */
char *
crm_value_format_change (double value,
                         double previous)
{
  g_autofree char *number = NULL;
  double change;

  if (isnan (value) || isnan (previous) || previous == 0)
    return g_strdup ("—");
  change = (value - previous) / fabs (previous);
  number = crm_value_format (fabs (change), CRM_VALUE_PERCENT, NULL);
  return g_strdup_printf ("%s%s", change > 0.0005 ? "+" : change < -0.0005 ? "−" : "±", number);
}
