/* test-chart-basics.c: what every chart rests on: numbers written as the
 * user's locale writes them, axes with nice ticks that cover the data,
 * chart data that sums and describes itself right. */
#include <locale.h>
#include <math.h>

#include "crm-chart-axis.h"
#include "crm-chart-data.h"
#include "crm-value-format.h"

static void
assert_format (double        value,
               CrmValueKind  kind,
               const char   *currency,
               const char   *expected)
{
  g_autofree char *text = crm_value_format (value, kind, currency);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_c_locale (void)
{
  assert_format (1234567, CRM_VALUE_COUNT, NULL, "1234567");
  assert_format (-42, CRM_VALUE_COUNT, NULL, "−42");
  assert_format (1234.5, CRM_VALUE_MONEY, "USD", "$1234.50");
  assert_format (0.256, CRM_VALUE_PERCENT, NULL, "25.6 %");
  assert_format (3.74, CRM_VALUE_DECIMAL, NULL, "3.7");
  assert_format (NAN, CRM_VALUE_COUNT, NULL, "—");
  /* Rounding carries into the whole part. */
  assert_format (1.999, CRM_VALUE_MONEY, "XYZ", "XYZ2.00");
}

/* Runs @check in @locale, which ./dev installs with every other locale. */
static void
in_locale (const char *locale,
           void      (*check) (void))
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, locale) == NULL)
    g_error ("locale %s is not installed (the locales-all package)", locale);
  check ();
  setlocale (LC_ALL, saved);
}

static void
check_english (void)
{
  g_autofree char *compact = crm_value_format_compact (1234567, CRM_VALUE_MONEY, "USD");
  g_autofree char *small = crm_value_format_compact (9999, CRM_VALUE_COUNT, NULL);

  assert_format (1234567, CRM_VALUE_COUNT, NULL, "1,234,567");
  assert_format (1234567.891, CRM_VALUE_MONEY, "USD", "$1,234,567.89");
  assert_format (999, CRM_VALUE_COUNT, NULL, "999");
  assert_format (1000, CRM_VALUE_COUNT, NULL, "1,000");
  g_assert_cmpstr (compact, ==, "$1.2M");
  g_assert_cmpstr (small, ==, "9,999");
}

static void
check_german (void)
{
  assert_format (1234567.891, CRM_VALUE_MONEY, "EUR", "1.234.567,89\u00a0€");
  assert_format (0.5, CRM_VALUE_PERCENT, NULL, "50,0 %");
}

static void
check_russian (void)
{
  /* Russian groups with a (narrow) no-break space. */
  g_autofree char *text = crm_value_format (1234567, CRM_VALUE_COUNT, NULL);
  struct lconv *conv = localeconv ();
  g_autofree char *expected = g_strdup_printf ("1%s234%s567", conv->thousands_sep, conv->thousands_sep);

  g_assert_cmpstr (conv->thousands_sep, !=, "");
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_locales (void)
{
  in_locale ("en_US.UTF-8", check_english);
  in_locale ("de_DE.UTF-8", check_german);
  in_locale ("ru_RU.UTF-8", check_russian);
}

static void
test_format_change (void)
{
  g_autofree char *up = crm_value_format_change (110, 100);
  g_autofree char *down = crm_value_format_change (75, 100);
  g_autofree char *none = crm_value_format_change (75, 0);

  g_assert_cmpstr (up, ==, "+10.0 %");
  g_assert_cmpstr (down, ==, "−25.0 %");
  g_assert_cmpstr (none, ==, "—");
}

static void
assert_axis (double min,
             double max,
             guint  max_ticks,
             double first,
             double last,
             double step)
{
  CrmChartAxis axis = crm_chart_axis_nice (min, max, max_ticks);

  g_assert_cmpfloat_with_epsilon (axis.min, first, 1e-9);
  g_assert_cmpfloat_with_epsilon (axis.max, last, 1e-9);
  g_assert_cmpfloat_with_epsilon (axis.step, step, 1e-9);
  g_assert_cmpuint (axis.n_ticks, <=, max_ticks);
  g_assert_cmpfloat_with_epsilon (crm_chart_axis_tick (&axis, axis.n_ticks - 1), last, 1e-9);
  g_assert_cmpfloat (axis.min, <=, MIN (min, 0));
  g_assert_cmpfloat (axis.max, >=, max);
}

static void
test_axis (void)
{
  assert_axis (0, 97, 6, 0, 100, 20);
  assert_axis (0, 1234567, 6, 0, 1250000, 250000);
  assert_axis (3, 7, 5, 0, 8, 2);
  assert_axis (-35, 80, 7, -40, 80, 20);
  assert_axis (0, 0.37, 5, 0, 0.4, 0.1);
  assert_axis (0, 0, 5, 0, 1, 0.25);
  assert_axis (0, 9, 11, 0, 9, 1);
  {
    /* A tick that should be zero is exactly zero, not 1e-17. */
    CrmChartAxis axis = crm_chart_axis_nice (-0.3, 0.7, 11);

    for (guint i = 0; i < axis.n_ticks; i++)
      if (fabs (crm_chart_axis_tick (&axis, i)) < 1e-6)
        g_assert_cmpfloat (crm_chart_axis_tick (&axis, i), ==, 0);
  }
}

static void
test_chart_data (void)
{
  g_autoptr(CrmChartData) data = crm_chart_data_new (CRM_VALUE_MONEY);
  g_autofree char *description = NULL;
  double min, max;
  guint web, shop;

  crm_chart_data_set_currency (data, "EUR");
  g_assert_true (crm_chart_data_is_empty (data));
  crm_chart_data_add_category (data, "January");
  web = crm_chart_data_add_series (data, "Web");
  crm_chart_data_add_category (data, "February");
  shop = crm_chart_data_add_series (data, "Shop");
  crm_chart_data_set_value (data, web, 0, 100);
  crm_chart_data_set_value (data, web, 1, -20);
  crm_chart_data_set_value (data, shop, 1, 50);

  /* Growing the matrix kept what was set; what was not is NAN. */
  g_assert_cmpfloat (crm_chart_data_get_value (data, web, 0), ==, 100);
  g_assert_true (isnan (crm_chart_data_get_value (data, shop, 0)));
  g_assert_cmpfloat (crm_chart_data_get_category_total (data, 1), ==, 30);
  g_assert_cmpfloat (crm_chart_data_get_series_total (data, web), ==, 80);

  g_assert_true (crm_chart_data_get_range (data, FALSE, &min, &max));
  g_assert_cmpfloat (min, ==, -20);
  g_assert_cmpfloat (max, ==, 100);
  /* Stacked: positive and negative values pile up apart. */
  g_assert_true (crm_chart_data_get_range (data, TRUE, &min, &max));
  g_assert_cmpfloat (min, ==, -20);
  g_assert_cmpfloat (max, ==, 100);

  description = crm_chart_data_describe (data);
  g_assert_cmpstr (description, ==, "Web: January €100.00, February −€20.00\nShop: February €50.00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-basics/format/c-locale", test_format_c_locale);
  g_test_add_func ("/chart-basics/format/locales", test_format_locales);
  g_test_add_func ("/chart-basics/format/change", test_format_change);
  g_test_add_func ("/chart-basics/axis", test_axis);
  g_test_add_func ("/chart-basics/data", test_chart_data);
  return g_test_run ();
}
