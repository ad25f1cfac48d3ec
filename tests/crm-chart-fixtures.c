/* crm-chart-fixtures.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "crm-chart-fixtures.h"
#include "crm-render-text.h"

/**
 * crm_chart_fixture_data:
 * @currency: (nullable): for money
 * @values: @n_series rows of @n_categories values, a row per series; NAN
 *   for a missing value
 *
 * Returns: (transfer full): the data
 */
CrmChartData *
crm_chart_fixture_data (CrmValueKind        kind,
                        const char         *currency,
                        const char * const *series,
                        guint               n_series,
                        const char * const *categories,
                        guint               n_categories,
                        const double       *values)
{
  CrmChartData *data = crm_chart_data_new (kind);

  if (currency != NULL)
    crm_chart_data_set_currency (data, currency);
  for (guint s = 0; s < n_series; s++)
    crm_chart_data_add_series (data, series[s]);
  for (guint c = 0; c < n_categories; c++)
    crm_chart_data_add_category (data, categories[c]);
  for (guint s = 0; s < n_series; s++)
    for (guint c = 0; c < n_categories; c++)
      crm_chart_data_set_value (data, s, c, values[s * n_categories + c]);
  return data;
}

/**
 * crm_chart_fixture_single_series:
 * @currency: (nullable): for money
 *
 * Returns: (transfer full): data of one series named @series, a category
 *   an entry
 */
CrmChartData *
crm_chart_fixture_single_series (CrmValueKind           kind,
                                 const char            *currency,
                                 const char            *series,
                                 const CrmFixtureEntry *entries,
                                 guint                  n_entries)
{
  CrmChartData *data = crm_chart_data_new (kind);

  if (currency != NULL)
    crm_chart_data_set_currency (data, currency);
  crm_chart_data_add_series (data, series);
  for (guint i = 0; i < n_entries; i++)
    crm_chart_data_set_value (data, 0, crm_chart_data_add_category (data, entries[i].label), entries[i].value);
  return data;
}

/**
 * crm_chart_fixture_revenue_tile:
 *
 * Returns: (transfer full): a month's revenue as a KPI tile shows it, in
 *   euros, up on the month before and short of its target, with a year's
 *   sparkline and its title in Russian
 */
CrmKpiTileData *
crm_chart_fixture_revenue_tile (void)
{
  static const double months[] = { 912000, 958500, 1004200, 987300, 1052000, 1110400,
                                   1089900, 1146300, 1183000, 1115000, 1198700, 1254300.5 };
  CrmKpiTileData *data = crm_kpi_tile_data_new ("Выручка", CRM_VALUE_MONEY);

  crm_kpi_tile_data_set_currency (data, "EUR");
  crm_kpi_tile_data_set_value (data, 1254300.5);
  crm_kpi_tile_data_set_previous (data, 1198700);
  crm_kpi_tile_data_set_target (data, 1500000);
  crm_kpi_tile_data_set_sparkline (data, months, G_N_ELEMENTS (months));
  return data;
}

/**
 * crm_chart_fixture_journey:
 * @n_channels: up to 8
 *
 * A customer's journey of @n_touchpoints over @years from 1 January 2023
 * (UTC), the same every time: touchpoints through the stages from
 * awareness to loyalty with a return to an earlier stage now and then, a
 * quarter of them unrated, one in twelve a moment of truth, channels
 * named in Latin, Cyrillic, Chinese and Arabic script; an order every
 * tenth touchpoint or so, in euros, a few of them refunds.
 *
 * Returns: (transfer full): the journey, its whole span in the window
 */
CrmTimelineData *
crm_chart_fixture_journey (guint n_touchpoints,
                           guint years,
                           guint n_channels)
{
  static const char *channels[] = {
    "Web", "E-mail", "Телефон", "门店", "واتساب", "Mobile app", "ВКонтакте", "微信",
  };
  static const struct { const char *stage; const char *types[2]; } stages[] = {
    { "Awareness", { "Ad click", "Newsletter" } },
    { "Consideration", { "Product demo", "Price request" } },
    { "Purchase", { "Checkout", "Contract signed" } },
    { "Service", { "Support call", "Complaint" } },
    { "Loyalty", { "Review", "Referral" } },
  };
  static const int ratings[] = { 0, 0, 0, 1, 2, 3, 3, 4, 4, 4, 5, 5 };
  const gint64 start = 1672531200;   /* 2023-01-01 00:00 UTC */
  double span = years * 365.0 * 86400;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  CrmTimelineData *data = crm_timeline_data_new ();

  g_assert_cmpuint (n_channels, >=, 1);
  g_assert_cmpuint (n_channels, <=, G_N_ELEMENTS (channels));
  crm_timeline_data_set_time_zone (data, utc);
  for (guint c = 0; c < n_channels; c++)
    crm_timeline_data_add_lane (data, channels[c]);
  for (guint i = 0; i < n_touchpoints; i++)
    {
      guint stage = MIN (i * G_N_ELEMENTS (stages) / MAX (n_touchpoints, 1), G_N_ELEMENTS (stages) - 1);
      CrmTimelineMark mark = { .id = i + 1 };

      if (g_rand_int_range (rand, 0, 100) < 12)
        stage = g_rand_int_range (rand, 0, stage + 1);
      mark.time = start + (gint64) (span * (i + g_rand_double (rand)) / n_touchpoints);
      /* The first channels are the busiest. */
      mark.lane = MIN ((guint) (n_channels * pow (g_rand_double (rand), 1.6)), n_channels - 1);
      mark.satisfaction = ratings[g_rand_int_range (rand, 0, G_N_ELEMENTS (ratings))];
      mark.moment_of_truth = g_rand_int_range (rand, 0, 12) == 0;
      mark.label = stages[stage].types[g_rand_int_range (rand, 0, 2)];
      mark.stage = stages[stage].stage;
      crm_timeline_data_add_mark (data, &mark);
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          CrmTimelineTransaction order = {
            .id = i + 1, .time = mark.time + 3600, .currency = "EUR", .label = "Order",
            .amount = round (g_rand_double_range (rand, 20, 2400)),
          };

          if (g_rand_int_range (rand, 0, 20) == 0)
            {
              order.amount = -order.amount / 4;
              order.label = "Refund";
            }
          crm_timeline_data_add_transaction (data, &order);
        }
    }
  return data;
}

/**
 * crm_chart_fixture_render:
 *
 * Draws onto a new ARGB32 image painted in the style's background, which
 * the drawing must leave in a good state.
 *
 * Returns: (transfer full): the image, flushed, to read pixels of
 */
cairo_surface_t *
crm_chart_fixture_render (CrmGoldenDrawFunc     draw,
                          gconstpointer         data,
                          const CrmRenderStyle *style,
                          int                   width,
                          int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  crm_render_set_color (cr, crm_render_style_get_background (style));
  cairo_paint (cr);
  draw (cr, style, width, height, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* The colour of the pixel at (@x, @y) of an image from
 * crm_chart_fixture_render(), opaque. */
CrmColor
crm_chart_fixture_pixel (cairo_surface_t *surface,
                         double           x,
                         double           y)
{
  const guint8 *row;
  guint32 argb;

  g_assert_true (x >= 0 && x < cairo_image_surface_get_width (surface));
  g_assert_true (y >= 0 && y < cairo_image_surface_get_height (surface));
  row = cairo_image_surface_get_data (surface) + (int) y * cairo_image_surface_get_stride (surface);
  argb = ((const guint32 *) row)[(int) x];
  return (CrmColor) { (argb >> 16 & 0xff) / 255.0, (argb >> 8 & 0xff) / 255.0, (argb & 0xff) / 255.0, 1 };
}

/* How far apart two colours are: the sum of their channels' differences,
 * 0 to 3. */
double
crm_chart_fixture_color_distance (CrmColor a,
                                  CrmColor b)
{
  return fabs (a.red - b.red) + fabs (a.green - b.green) + fabs (a.blue - b.blue);
}

/* Each channel of @a within 0.08 of @b's: the same colour, anti-aliased. */
void
crm_assert_color_near (CrmColor a,
                                     CrmColor b)
{
  g_assert_cmpfloat (fabs (a.red - b.red), <, 0.08);
  g_assert_cmpfloat (fabs (a.green - b.green), <, 0.08);
  g_assert_cmpfloat (fabs (a.blue - b.blue), <, 0.08);
}

/* Draws in boxes too small, too flat or too tall for the chart: it must
 * draw what it can and leave cairo in a good state. */
void
crm_chart_fixture_check_degenerate (CrmGoldenDrawFunc     draw,
                                    gconstpointer         data,
                                    const CrmRenderStyle *style)
{
  static const int sizes[][2] = { { 1, 1 }, { 40, 30 }, { 120, 60 }, { 2000, 90 }, { 90, 1200 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    cairo_surface_destroy (crm_chart_fixture_render (draw, data, style, sizes[i][0], sizes[i][1]));
}

/* The best of @repeats drawings of @what, onto a light image, against the
 * budget of 5 ms; the bound is ten times that so that a busy machine never
 * fails the tests (bench-charts measures it properly). */
void
crm_chart_fixture_check_speed (const char        *what,
                               CrmGoldenDrawFunc  draw,
                               gconstpointer      data,
                               int                width,
                               int                height,
                               guint              repeats)
{
  double ms = crm_golden_time_draw (draw, data, width, height, repeats);

  g_test_message ("%s at %d×%d: %.2f ms per draw", what, width, height, ms);
  g_assert_cmpfloat (ms, <, 50);
}

/* Numbers and money as @locale writes them (the locales-all package has
 * every locale). */
void
crm_chart_fixture_use_locale (const char *locale)
{
  if (setlocale (LC_NUMERIC, locale) == NULL || setlocale (LC_MONETARY, locale) == NULL)
    g_error ("locale %s is not installed (the locales-all package)", locale);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @n_values values, which are sorted in place. */
double
crm_chart_fixture_median (double *values,
                          guint   n_values)
{
  g_assert_cmpuint (n_values, >, 0);
  qsort (values, n_values, sizeof (double), compare_doubles);
  return n_values % 2 == 1 ? values[n_values / 2] : (values[n_values / 2 - 1] + values[n_values / 2]) / 2;
}
