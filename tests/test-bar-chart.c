/* test-bar-chart.c: bar charts grouped and stacked, vertical and
 * horizontal: golden images in light, dark and right to left at a
 * dashboard's size and a small one, with names in four scripts and
 * negative values; hit tests at the bars drawn, bars in proportion to
 * their values, the empty chart, PDF and SVG output, and the time a
 * drawing takes. */
#include <math.h>

#include "crm-bar-chart.h"
#include "crm-chart-fixtures.h"

typedef struct
{
  CrmChartData *data;
  CrmBarLayout  layout;
} BarCase;

static void
draw_bar_case (cairo_t              *cr,
               const CrmRenderStyle *style,
               double                width,
               double                height,
               gconstpointer         user_data)
{
  const BarCase *bar = user_data;

  crm_bar_chart_draw (bar->data, style, bar->layout, cr, width, height);
}

/* Touchpoints by channel, as a dashboard counts them; the channels are
 * named by their users, in their languages. */
static CrmChartData *
channel_data (void)
{
  static const CrmFixtureEntry channels[] = {
    { "Web", 18342 },
    { "E-mail newsletter", 12907 },
    { "Телефон (колл-центр)", 9655 },
    { "门店", 7218 },
    { "وسائل التواصل الاجتماعي", 5480 },
    { "Mobile app", 4126 },
    { "Events & trade fairs in the region", 1391 },
  };

  return crm_chart_fixture_single_series (CRM_VALUE_COUNT, NULL, "Touchpoints", channels, G_N_ELEMENTS (channels));
}

/* Revenue a quarter, this year against last; this year's last quarter
 * has not happened yet. */
static CrmChartData *
quarter_data (void)
{
  static const char *years[] = { "2025", "2026" };
  static const char *quarters[] = { "Q1", "Q2", "Q3", "Q4" };
  static const double revenue[][4] = {
    { 184200, 201500, 176900, 248300 },
    { 212800, 236400, 229100, NAN },
  };

  return crm_chart_fixture_data (CRM_VALUE_MONEY, "EUR", years, G_N_ELEMENTS (years),
                                 quarters, G_N_ELEMENTS (quarters), revenue[0]);
}

/* Customers a month: won from new and returning business above zero,
 * lost ones below. */
static CrmChartData *
customer_change_data (void)
{
  static const char *kinds[] = { "New", "Returning", "Lost" };
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun" };
  static const double customers[][6] = {
    { 142, 128, 167, 181, 156, 203 },
    { 38, 45, 41, 52, 60, 57 },
    { -61, -84, -72, -55, -98, -66 },
  };

  return crm_chart_fixture_data (CRM_VALUE_COUNT, NULL, kinds, G_N_ELEMENTS (kinds),
                                 months, G_N_ELEMENTS (months), customers[0]);
}

/* Won, open and lost deals by owner: a drill-down list of people. */
static CrmChartData *
owner_data (void)
{
  static const char *outcomes[] = { "Won", "Open", "Lost" };
  static const char *owners[] = {
    "Amelia Hartmann", "Дмитрий Соколов", "王芳", "فاطمة الزهراء", "Jean-Baptiste Delacroix-Montclair",
  };
  static const double deals[][5] = {
    { 22, 17, 12, 15, 8 },
    { 14, 9, 19, 7, 11 },
    { 6, 11, 4, 3, 9 },
  };

  return crm_chart_fixture_data (CRM_VALUE_COUNT, NULL, outcomes, G_N_ELEMENTS (outcomes),
                                 owners, G_N_ELEMENTS (owners), deals[0]);
}

static void
test_golden_channels (void)
{
  g_autoptr(CrmChartData) data = channel_data ();
  BarCase horizontal = { data, CRM_BAR_LAYOUT_HORIZONTAL }, vertical = { data, CRM_BAR_LAYOUT_VERTICAL };

  crm_golden_check_chart ("bar-channels", draw_bar_case, &horizontal, 600, 400);
  crm_golden_check_chart ("bar-channels-small", draw_bar_case, &horizontal, 300, 200);
  crm_golden_check_chart ("bar-channels-vertical", draw_bar_case, &vertical, 600, 400);
  crm_golden_check_chart ("bar-channels-vertical-small", draw_bar_case, &vertical, 300, 200);
}

static void
test_golden_grouped (void)
{
  g_autoptr(CrmChartData) data = quarter_data ();
  BarCase grouped = { data, CRM_BAR_LAYOUT_GROUPED };

  crm_golden_check_chart ("bar-quarters", draw_bar_case, &grouped, 600, 400);
  crm_golden_check_chart ("bar-quarters-small", draw_bar_case, &grouped, 300, 200);
}

static void
test_golden_stacked (void)
{
  g_autoptr(CrmChartData) change = customer_change_data ();
  g_autoptr(CrmChartData) owners = owner_data ();
  BarCase stacked = { change, CRM_BAR_LAYOUT_STACKED };
  BarCase grouped = { change, CRM_BAR_LAYOUT_GROUPED };
  BarCase horizontal = { owners, CRM_BAR_LAYOUT_STACKED | CRM_BAR_LAYOUT_HORIZONTAL };

  crm_golden_check_chart ("bar-customers-stacked", draw_bar_case, &stacked, 600, 400);
  crm_golden_check_chart ("bar-customers-grouped", draw_bar_case, &grouped, 600, 400);
  crm_golden_check_chart ("bar-owners-stacked", draw_bar_case, &horizontal, 600, 400);
  crm_golden_check_chart ("bar-owners-stacked-small", draw_bar_case, &horizontal, 300, 200);
}

static void
test_golden_empty (void)
{
  g_autoptr(CrmChartData) data = crm_chart_data_new (CRM_VALUE_COUNT);
  BarCase empty = { data, CRM_BAR_LAYOUT_HORIZONTAL };

  crm_golden_check_chart ("bar-empty", draw_bar_case, &empty, 600, 400);
}

/* Every bar is hit at its centre, in left-to-right and mirrored, where
 * the bar is drawn in its series' colour; the corners hit nothing. */
static void
check_hits (CrmChartData *data,
            CrmBarLayout  layout,
            int           width,
            int           height)
{
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  BarCase bar = { data, layout };
  cairo_surface_t *surface = crm_chart_fixture_render (draw_bar_case, &bar, ltr, width, height);
  cairo_surface_t *mirrored = crm_chart_fixture_render (draw_bar_case, &bar, rtl, width, height);
  guint n_bars = 0;

  for (guint s = 0; s < crm_chart_data_get_n_series (data); s++)
    for (guint c = 0; c < crm_chart_data_get_n_categories (data); c++)
      {
        cairo_rectangle_t rect, rtl_rect;
        double x, y;

        if (!crm_bar_chart_get_bar_rect (data, ltr, layout, NULL, width, height, s, c, &rect))
          {
            g_assert_true (isnan (crm_chart_data_get_value (data, s, c)));
            continue;
          }
        n_bars++;
        g_assert_cmpfloat (rect.x, >=, 0);
        g_assert_cmpfloat (rect.y, >=, 0);
        g_assert_cmpfloat (rect.x + rect.width, <=, width);
        g_assert_cmpfloat (rect.y + rect.height, <=, height);

        /* A point off the centre, clear of any value label on the bar. */
        x = rect.x + rect.width * 0.5;
        y = rect.y + rect.height * 0.5;
        if (layout & CRM_BAR_LAYOUT_HORIZONTAL)
          x = rect.x + MIN (3, rect.width / 2);
        else
          y = rect.y + rect.height - MIN (3, rect.height / 2);
        crm_assert_hit (crm_bar_chart_hit_test (data, ltr, layout, NULL, width, height, x, y), s, c);
        crm_assert_color_near (crm_chart_fixture_pixel (surface, x, y), crm_render_style_get_series_color (ltr, s));

        /* Mirrored: the same bar at the mirrored place. */
        g_assert_true (crm_bar_chart_get_bar_rect (data, rtl, layout, NULL, width, height, s, c, &rtl_rect));
        g_assert_cmpfloat_with_epsilon (rtl_rect.x, width - rect.x - rect.width, 0.01);
        g_assert_cmpfloat_with_epsilon (rtl_rect.y, rect.y, 0.01);
        g_assert_cmpfloat_with_epsilon (rtl_rect.width, rect.width, 0.01);
        crm_assert_hit (crm_bar_chart_hit_test (data, rtl, layout, NULL, width, height, width - x, y), s, c);
        crm_assert_color_near (crm_chart_fixture_pixel (mirrored, width - x, y), crm_render_style_get_series_color (rtl, s));
      }
  g_assert_cmpuint (n_bars, >, 0);

  for (guint i = 0; i < 2; i++)
    {
      const CrmRenderStyle *style = i == 0 ? ltr : rtl;

      crm_assert_hit (crm_bar_chart_hit_test (data, style, layout, NULL, width, height, width - 1, height - 1), -1, -1);
      crm_assert_hit (crm_bar_chart_hit_test (data, style, layout, NULL, width, height, 1, height - 1), -1, -1);
      crm_assert_hit (crm_bar_chart_hit_test (data, style, layout, NULL, width, height, -10, 10), -1, -1);
    }
  cairo_surface_destroy (surface);
  cairo_surface_destroy (mirrored);
}

static void
test_hit (void)
{
  g_autoptr(CrmChartData) channels = channel_data ();
  g_autoptr(CrmChartData) quarters = quarter_data ();
  g_autoptr(CrmChartData) change = customer_change_data ();
  g_autoptr(CrmChartData) owners = owner_data ();

  check_hits (channels, CRM_BAR_LAYOUT_HORIZONTAL, 600, 400);
  check_hits (channels, CRM_BAR_LAYOUT_HORIZONTAL, 300, 200);
  check_hits (channels, CRM_BAR_LAYOUT_VERTICAL, 600, 400);
  check_hits (quarters, CRM_BAR_LAYOUT_GROUPED, 600, 400);
  check_hits (quarters, CRM_BAR_LAYOUT_GROUPED, 300, 200);
  check_hits (change, CRM_BAR_LAYOUT_STACKED, 600, 400);
  check_hits (change, CRM_BAR_LAYOUT_GROUPED, 600, 400);
  check_hits (owners, CRM_BAR_LAYOUT_STACKED | CRM_BAR_LAYOUT_HORIZONTAL, 600, 400);
  check_hits (owners, CRM_BAR_LAYOUT_HORIZONTAL, 300, 200);
}

/* Over a bar's band but off the bar, or on a category's name: the whole
 * category, for a tooltip of its total or a drill-down. */
static void
test_hit_category (void)
{
  g_autoptr(CrmChartData) data = channel_data ();
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  cairo_rectangle_t rect, longest;

  /* The smallest bar (the events) and the longest (the web). */
  g_assert_true (crm_bar_chart_get_bar_rect (data, ltr, CRM_BAR_LAYOUT_HORIZONTAL, NULL, 600, 400, 0, 6, &rect));
  g_assert_true (crm_bar_chart_get_bar_rect (data, ltr, CRM_BAR_LAYOUT_HORIZONTAL, NULL, 600, 400, 0, 0, &longest));
  /* Beyond its end, under the web's bar's end. */
  crm_assert_hit (crm_bar_chart_hit_test (data, ltr, CRM_BAR_LAYOUT_HORIZONTAL, NULL, 600, 400,
                                          longest.x + longest.width - 2, rect.y + rect.height / 2), -1, 6);
  /* On its name, at the other side of the chart in RTL. */
  crm_assert_hit (crm_bar_chart_hit_test (data, ltr, CRM_BAR_LAYOUT_HORIZONTAL, NULL, 600, 400,
                                          rect.x - 20, rect.y + rect.height / 2), -1, 6);
  crm_assert_hit (crm_bar_chart_hit_test (data, rtl, CRM_BAR_LAYOUT_HORIZONTAL, NULL, 600, 400,
                                          600 - rect.x + 20, rect.y + rect.height / 2), -1, 6);
}

/* Bars are as long as their values, from zero; stacked pieces sit on one
 * another, negative ones below zero. */
static void
test_proportions (void)
{
  g_autoptr(CrmChartData) channels = channel_data ();
  g_autoptr(CrmChartData) change = customer_change_data ();
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  cairo_rectangle_t web, mail, won, back, lost, grouped_won, grouped_lost;

  g_assert_true (crm_bar_chart_get_bar_rect (channels, style, CRM_BAR_LAYOUT_HORIZONTAL, NULL, 600, 400, 0, 0, &web));
  g_assert_true (crm_bar_chart_get_bar_rect (channels, style, CRM_BAR_LAYOUT_HORIZONTAL, NULL, 600, 400, 0, 1, &mail));
  g_assert_cmpfloat_with_epsilon (web.width / mail.width, 18342.0 / 12907.0, 0.01);
  g_assert_cmpfloat_with_epsilon (web.x, mail.x, 0.01);
  /* Categories run down in order. */
  g_assert_cmpfloat (web.y, <, mail.y);

  /* March: 167 new on zero, 41 returning on top, 72 lost below. */
  g_assert_true (crm_bar_chart_get_bar_rect (change, style, CRM_BAR_LAYOUT_STACKED, NULL, 600, 400, 0, 2, &won));
  g_assert_true (crm_bar_chart_get_bar_rect (change, style, CRM_BAR_LAYOUT_STACKED, NULL, 600, 400, 1, 2, &back));
  g_assert_true (crm_bar_chart_get_bar_rect (change, style, CRM_BAR_LAYOUT_STACKED, NULL, 600, 400, 2, 2, &lost));
  g_assert_cmpfloat_with_epsilon (won.x, back.x, 0.01);
  g_assert_cmpfloat_with_epsilon (won.x, lost.x, 0.01);
  /* The returning piece ends where the new one begins, but for a hairline. */
  g_assert_cmpfloat (back.y + back.height, <=, won.y);
  g_assert_cmpfloat (back.y + back.height, >=, won.y - 1.5);
  /* The lost piece hangs from zero, where the new one stands. */
  g_assert_cmpfloat_with_epsilon (lost.y, won.y + won.height, 0.01);
  g_assert_cmpfloat_with_epsilon (lost.height / won.height, 72.0 / 167.0, 0.01);

  /* Grouped: side by side, from the same zero line. */
  g_assert_true (crm_bar_chart_get_bar_rect (change, style, CRM_BAR_LAYOUT_GROUPED, NULL, 600, 400, 0, 2, &grouped_won));
  g_assert_true (crm_bar_chart_get_bar_rect (change, style, CRM_BAR_LAYOUT_GROUPED, NULL, 600, 400, 2, 2, &grouped_lost));
  g_assert_cmpfloat (grouped_won.x + grouped_won.width, <=, grouped_lost.x);
  g_assert_cmpfloat_with_epsilon (grouped_lost.y, grouped_won.y + grouped_won.height, 0.01);
}

static void
test_empty (void)
{
  g_autoptr(CrmChartData) data = crm_chart_data_new (CRM_VALUE_COUNT);
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  cairo_rectangle_t rect;

  crm_assert_hit (crm_bar_chart_hit_test (data, style, CRM_BAR_LAYOUT_GROUPED, NULL, 600, 400, 300, 200), -1, -1);
  g_assert_false (crm_bar_chart_get_bar_rect (data, style, CRM_BAR_LAYOUT_GROUPED, NULL, 600, 400, 0, 0, &rect));
  crm_chart_data_add_series (data, "Calls");
  crm_chart_data_add_category (data, "Phone");
  crm_assert_hit (crm_bar_chart_hit_test (data, style, CRM_BAR_LAYOUT_STACKED, NULL, 600, 400, 300, 200), -1, -1);
  /* A zero is no bar, but the axis is there for it. */
  crm_chart_data_set_value (data, 0, 0, 0);
  g_assert_false (crm_bar_chart_get_bar_rect (data, style, CRM_BAR_LAYOUT_GROUPED, NULL, 600, 400, 0, 0, &rect));
  crm_assert_hit (crm_bar_chart_hit_test (data, style, CRM_BAR_LAYOUT_GROUPED, NULL, 600, 400, 300, 200), -1, 0);
}

/* Degenerate boxes draw something sane and leave cairo in a good state. */
static void
test_tiny (void)
{
  g_autoptr(CrmChartData) data = owner_data ();
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_DARK, TRUE);
  static const CrmBarLayout layouts[] = {
    CRM_BAR_LAYOUT_GROUPED, CRM_BAR_LAYOUT_STACKED, CRM_BAR_LAYOUT_HORIZONTAL,
    CRM_BAR_LAYOUT_HORIZONTAL | CRM_BAR_LAYOUT_STACKED,
  };

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      BarCase bar = { data, layouts[l] };

      crm_chart_fixture_check_degenerate (draw_bar_case, &bar, style);
    }
}

static void
test_vector_output (void)
{
  g_autoptr(CrmChartData) channels = channel_data ();
  g_autoptr(CrmChartData) change = customer_change_data ();
  BarCase horizontal = { channels, CRM_BAR_LAYOUT_HORIZONTAL }, stacked = { change, CRM_BAR_LAYOUT_STACKED };

  crm_golden_check_vector_output (draw_bar_case, &horizontal, 600, 400);
  crm_golden_check_vector_output (draw_bar_case, &stacked, 600, 400);
}

static void
test_speed (void)
{
  g_autoptr(CrmChartData) channels = channel_data ();
  g_autoptr(CrmChartData) change = customer_change_data ();
  g_autoptr(CrmChartData) owners = owner_data ();
  BarCase cases[] = {
    { channels, CRM_BAR_LAYOUT_HORIZONTAL },
    { channels, CRM_BAR_LAYOUT_VERTICAL },
    { change, CRM_BAR_LAYOUT_STACKED },
    { change, CRM_BAR_LAYOUT_GROUPED },
    { owners, CRM_BAR_LAYOUT_STACKED | CRM_BAR_LAYOUT_HORIZONTAL },
  };
  const char *names[] = {
    "horizontal, 7 channels", "vertical, 7 channels", "stacked, 3 series x 6",
    "grouped, 3 series x 6", "stacked horizontal, 3 series x 5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    crm_chart_fixture_check_speed (names[i], draw_bar_case, &cases[i], 600, 400, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bar-chart/golden/channels", test_golden_channels);
  g_test_add_func ("/bar-chart/golden/grouped", test_golden_grouped);
  g_test_add_func ("/bar-chart/golden/stacked", test_golden_stacked);
  g_test_add_func ("/bar-chart/golden/empty", test_golden_empty);
  g_test_add_func ("/bar-chart/hit", test_hit);
  g_test_add_func ("/bar-chart/hit/category", test_hit_category);
  g_test_add_func ("/bar-chart/proportions", test_proportions);
  g_test_add_func ("/bar-chart/empty", test_empty);
  g_test_add_func ("/bar-chart/tiny", test_tiny);
  g_test_add_func ("/bar-chart/vector-output", test_vector_output);
  g_test_add_func ("/bar-chart/speed", test_speed);
  return g_test_run ();
}
