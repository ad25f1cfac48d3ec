/* crm-kpi-format.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crm-kpi-format.h"
#include "crm-ui.h"

/* What kind of number a KPI is, for crm_value_format() and the charts. */
CrmValueKind
crm_kpi_value_kind (CrmKpi kpi)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, CRM_VALUE_COUNT);

  switch (crm_kpi_get_info (kpi)->unit)
    {
    case CRM_KPI_UNIT_MONEY:
      return CRM_VALUE_MONEY;
    case CRM_KPI_UNIT_PERCENT:
      return CRM_VALUE_PERCENT;
    case CRM_KPI_UNIT_RATIO:
    case CRM_KPI_UNIT_SCORE:
      return CRM_VALUE_DECIMAL;
    case CRM_KPI_UNIT_COUNT:
    default:
      return CRM_VALUE_COUNT;
    }
}

/* Money is stored in minor units; it is shown in major ones. */
double
crm_kpi_display_value (CrmKpi kpi,
                       double value)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, value);

  return crm_kpi_get_info (kpi)->unit == CRM_KPI_UNIT_MONEY ? value / 100 : value;
}

/**
 * crm_kpi_format_value:
 * @value: in the KPI's stored unit (minor units of money, a fraction for
 *   a percentage); NAN shows as a dash
 * @currency: (nullable): an ISO 4217 code, for money
 *
 * Returns: (transfer full): the value in full, as crm_value_format()
 *   writes it
 */
char *
crm_kpi_format_value (CrmKpi      kpi,
                      double      value,
                      const char *currency)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, NULL);

  return crm_value_format (crm_kpi_display_value (kpi, value), crm_kpi_value_kind (kpi), currency);
}

/**
 * crm_kpi_currency:
 *
 * Returns: (transfer full): the currency amounts are shown in, from the
 *   settings (EUR where the settings cannot be read)
 */
char *
crm_kpi_currency (void)
{
  g_autoptr(GSettings) settings = crm_ui_lookup_settings ();

  return settings != NULL ? g_settings_get_string (settings, "currency") : g_strdup ("EUR");
}

/**
 * crm_kpi_can_have_target:
 *
 * Whether a target can be set for the KPI. Target attainment is counted
 * from the other KPIs' targets, per scope: it has none of its own.
 */
gboolean
crm_kpi_can_have_target (CrmKpi kpi)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, FALSE);

  return crm_kpi_get_info (kpi)->aggregation != CRM_KPI_AGGREGATION_OWN;
}

/**
 * crm_kpi_input_unit:
 * @currency: (nullable): an ISO 4217 code
 *
 * Returns: (nullable): what a target is typed in, to show beside the
 *   entry: “%”, the currency's symbol, or %NULL for plain numbers
 */
const char *
crm_kpi_input_unit (CrmKpi      kpi,
                    const char *currency)
{
  g_return_val_if_fail ((guint) kpi < CRM_N_KPIS, NULL);

  switch (crm_kpi_get_info (kpi)->unit)
    {
    case CRM_KPI_UNIT_PERCENT:
      return "%";
    case CRM_KPI_UNIT_MONEY:
      return *crm_currency_symbol (currency) != '\0' ? crm_currency_symbol (currency) : NULL;
    case CRM_KPI_UNIT_COUNT:
    case CRM_KPI_UNIT_RATIO:
    case CRM_KPI_UNIT_SCORE:
    default:
      return NULL;
    }
}

static const char *
decimal_point (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && *point != '\0' ? point : ".";
}

/**
 * crm_kpi_format_input:
 * @value: in the KPI's stored unit
 *
 * Returns: (transfer full): @value as the user would type it: in major
 *   units of money, a percentage for a share, without grouping or symbol
 *   (25 for 0.25, 1234.50 for 123450 cents), so that it reads back the
 *   same through crm_kpi_parse_input()
 */
char *
crm_kpi_format_input (CrmKpi kpi,
                      double value)
{
  const CrmKpiInfo *info = crm_kpi_get_info (kpi);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;
  char *point;

  g_return_val_if_fail (info != NULL, NULL);

  if (isnan (value))
    return g_strdup ("");
  switch (info->unit)
    {
    case CRM_KPI_UNIT_MONEY:
      text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value / 100));
      break;
    case CRM_KPI_UNIT_COUNT:
      text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));
      break;
    case CRM_KPI_UNIT_PERCENT:
      value *= 100;
      G_GNUC_FALLTHROUGH;
    case CRM_KPI_UNIT_RATIO:
    case CRM_KPI_UNIT_SCORE:
    default:
      /* As many decimals as it has, up to four: 12.5, not 12.500000. */
      text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
      if (strchr (text, '.') != NULL)
        {
          gsize n = strlen (text);

          while (n > 0 && text[n - 1] == '0')
            text[--n] = '\0';
          if (n > 0 && text[n - 1] == '.')
            text[--n] = '\0';
        }
      break;
    }
  point = strchr (text, '.');
  if (point == NULL || g_str_equal (decimal_point (), "."))
    return g_steal_pointer (&text);
  *point = '\0';
  return g_strconcat (text, decimal_point (), point + 1, NULL);
}

/* Whether @c separates groups of digits where the locale's separator is
 * @separator: a space-like separator stands for any of them, since few
 * users type a no-break space. */
static gboolean
is_group_separator (gunichar    c,
                    const char *separator)
{
  gunichar expected = g_utf8_get_char (separator);

  if (*separator == '\0')
    return FALSE;
  if (g_unichar_isspace (expected) || expected == 0x202f || expected == 0xa0)
    return g_unichar_isspace (c) || c == 0x202f || c == 0xa0 || c == 0x2009;
  return c == expected;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x202f || c == 0xa0 || c == 0x2009;
}

/* Removes @affix from the start or the end of @text, with the spaces
 * around it; case-insensitive for a currency code. */
static void
strip_affix (GString    *text,
             const char *affix)
{
  gsize n = strlen (affix);

  if (n == 0 || text->len < n)
    return;
  if (g_ascii_strncasecmp (text->str, affix, n) == 0)
    g_string_erase (text, 0, n);
  else if (g_ascii_strcasecmp (text->str + text->len - n, affix) == 0)
    g_string_truncate (text, text->len - n);
}

static void
strip_spaces (GString *text)
{
  const char *start = text->str;
  const char *end = text->str + text->len;

  while (start < end && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *last = g_utf8_find_prev_char (start, end);

      if (last == NULL || !is_space (g_utf8_get_char (last)))
        break;
      end = last;
    }
  g_string_truncate (text, end - text->str);
  g_string_erase (text, 0, start - text->str);
}

/* The number in @text, written with the locale's decimal mark (or a full
 * stop, where that cannot be mistaken for grouping) and optionally
 * grouped by the locale's separator, into @ascii as g_ascii_strtod()
 * reads it. */
static gboolean
read_number (const char *text,
             GString    *ascii)
{
  const char *point = decimal_point ();
  const char *separator = localeconv ()->thousands_sep;
  gboolean accept_stop = !g_str_equal (point, ".") && (separator == NULL || !g_str_equal (separator, "."));
  gboolean fraction = FALSE, grouped = FALSE;
  guint digits = 0, group_digits = 0;

  if (separator == NULL)
    separator = "";
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          g_string_append_c (ascii, (char) c);
          digits++;
          group_digits++;
          p++;
          continue;
        }
      if (!fraction && (g_str_has_prefix (p, point) || (accept_stop && c == '.')))
        {
          /* Every group after a separator has three digits. */
          if (grouped && group_digits != 3)
            return FALSE;
          g_string_append_c (ascii, '.');
          fraction = TRUE;
          p += c == '.' ? 1 : strlen (point);
          continue;
        }
      if (!fraction && is_group_separator (c, separator))
        {
          if (group_digits == 0 || group_digits > 3 || (grouped && group_digits != 3))
            return FALSE;
          grouped = TRUE;
          group_digits = 0;
          p = g_utf8_next_char (p);
          continue;
        }
      return FALSE;
    }
  if (!fraction && grouped && group_digits != 3)
    return FALSE;
  return digits > 0;
}

/**
 * crm_kpi_parse_input:
 * @text: a target as the user typed it, in the KPI's display unit: “25”
 *   or “25 %” for a share of 25 %, “1,234.50” or “€1,234.50” for money
 *   (in the locale's decimal mark and grouping)
 * @currency: (nullable): the currency money is typed in
 * @value: (out): the target in the KPI's stored unit (0.25; 123450 minor
 *   units), for crm_store_set_kpi_target()
 *
 * Returns: %FALSE with @error (%G_IO_ERROR_INVALID_DATA) saying what is
 *   wrong, in words for the user, when @text is no valid target
 */
gboolean
crm_kpi_parse_input (CrmKpi       kpi,
                     const char  *text,
                     const char  *currency,
                     double      *value,
                     GError     **error)
{
  const CrmKpiInfo *info = crm_kpi_get_info (kpi);
  g_autoptr(GString) number = NULL;
  g_autoptr(GString) ascii = g_string_new (NULL);
  gboolean negative = FALSE;
  double parsed;
  char *end;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  number = g_string_new (text);
  strip_spaces (number);
  if (number->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Enter a target"));
      return FALSE;
    }
  if (info->unit == CRM_KPI_UNIT_PERCENT)
    strip_affix (number, "%");
  else if (info->unit == CRM_KPI_UNIT_MONEY && currency != NULL)
    {
      strip_affix (number, crm_currency_symbol (currency));
      strip_affix (number, currency);
    }
  strip_spaces (number);
  if (g_str_has_prefix (number->str, "-") || g_str_has_prefix (number->str, "−"))
    {
      negative = TRUE;
      g_string_erase (number, 0, number->str[0] == '-' ? 1 : strlen ("−"));
    }
  else if (g_str_has_prefix (number->str, "+"))
    g_string_erase (number, 0, 1);
  strip_spaces (number);

  if (!read_number (number->str, ascii))
    {
      /* Translators: %s is what the user typed as a target. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a number"), text);
      return FALSE;
    }
  parsed = g_ascii_strtod (ascii->str, &end);
  if (*end != '\0' || !isfinite (parsed) || parsed > 1e15)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a number"), text);
      return FALSE;
    }
  if (negative && parsed != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("A target cannot be negative"));
      return FALSE;
    }

  switch (info->unit)
    {
    case CRM_KPI_UNIT_COUNT:
      if (parsed != floor (parsed))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Enter a whole number"));
          return FALSE;
        }
      *value = parsed;
      return TRUE;
    case CRM_KPI_UNIT_MONEY:
      /* Whole minor units, as amounts are stored. */
      *value = round (parsed * 100);
      return TRUE;
    case CRM_KPI_UNIT_PERCENT:
      if (parsed > 100)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Enter a percentage from 0 to 100"));
          return FALSE;
        }
      *value = parsed / 100;
      return TRUE;
    case CRM_KPI_UNIT_SCORE:
      if (parsed < 1 || parsed > 5)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Enter a rating from 1 to 5"));
          return FALSE;
        }
      *value = parsed;
      return TRUE;
    case CRM_KPI_UNIT_RATIO:
    default:
      *value = parsed;
      return TRUE;
    }
}
