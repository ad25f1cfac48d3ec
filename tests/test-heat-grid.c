/* test-heat-grid.c: the journey map's grid: golden images in light, dark
 * and right to left at two sizes, clicks that land on the cell drawn
 * there (mirrored too), shades that stay readable and ordered, the empty
 * message, PDF and SVG, and the time a drawing takes. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crm-golden.h"
#include "crm-heat-grid.h"
#include "crm-render-text.h"
#include "crm-value-format.h"

#define WIDTH 600
#define HEIGHT 400
#define SMALL_WIDTH 320
#define SMALL_HEIGHT 220

static const char *stages[] = { "Awareness", "Consideration", "Purchase", "Service", "Loyalty" };

/* Touchpoints, customers reaching the cell and their satisfaction (1–5),
 * by stage and channel; NAN: no touchpoint of that stage in that channel. */
static const double touchpoints[5][5] = {
  { 48210, 12480, 950, 3120, 27630 },
  { 21570, 9840, 4210, 6480, 8120 },
  { 6230, 2110, 3870, 9560, 1240 },
  { 2890, 5430, 11250, 4020, NAN },
  { 3310, 7920, 1450, 2280, 4870 },
};
static const double customers[5][5] = {
  { 18230, 6120, 610, 2010, 11870 },
  { 9310, 4870, 2950, 3840, 3660 },
  { 4420, 1630, 2760, 6910, 920 },
  { 1980, 3320, 6740, 2590, NAN },
  { 1720, 4110, 980, 1460, 2230 },
};
static const double satisfaction[5][5] = {
  { 3.9, 3.6, 3.2, 4.1, 3.8 },
  { 3.7, 3.5, 3.9, 4.3, 3.4 },
  { 4.2, 3.8, 4.0, 4.5, 3.6 },
  { 3.1, 3.4, 2.9, 4.0, NAN },
  { 4.4, 4.0, 3.7, 4.6, 4.1 },
};

typedef struct
{
  CrmChartData       *data;
  CrmHeatGridOptions  options;
} GridCase;

static char *
journey_detail (guint    row,
                guint    column,
                gpointer user_data)
{
  g_autofree char *reached = crm_value_format (customers[row][column], CRM_VALUE_COUNT, NULL);

  if (isnan (customers[row][column]))
    return NULL;
  /* The customers who reached the cell and their average satisfaction. */
  return g_strdup_printf ("%s · ★%.1f", reached, satisfaction[row][column]);
}

static CrmChartData *
journey_map (const char * const *channels)
{
  CrmChartData *data = crm_chart_data_new (CRM_VALUE_COUNT);

  for (guint c = 0; c < 5; c++)
    crm_chart_data_add_category (data, channels[c]);
  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      crm_chart_data_add_series (data, stages[s]);
      for (guint c = 0; c < 5; c++)
        crm_chart_data_set_value (data, s, c, touchpoints[s][c]);
    }
  return data;
}

static void
grid_case_init (GridCase *grid,
                gboolean  scripts,
                gboolean  detail)
{
  static const char *channels[] = { "Web", "E-mail", "Phone", "Store", "Social" };
  /* Channels as an international business names them: VKontakte,
   * WeChat and WhatsApp in their own scripts. */
  static const char *world_channels[] = { "Web", "ВКонтакте", "微信", "واتساب", "Store" };

  grid->data = journey_map (scripts ? world_channels : channels);
  grid->options = (CrmHeatGridOptions) { detail ? journey_detail : NULL, NULL, NULL };
}

static void
grid_case_clear (GridCase *grid)
{
  g_clear_pointer (&grid->data, crm_chart_data_unref);
}

static void
draw_grid (cairo_t              *cr,
           const CrmRenderStyle *style,
           double                width,
           double                height,
           gconstpointer         user_data)
{
  const GridCase *grid = user_data;

  crm_heat_grid_draw (grid->data, &grid->options, style, cr, width, height);
}

static void
test_golden (void)
{
  GridCase grid, world;

  grid_case_init (&grid, FALSE, TRUE);
  grid_case_init (&world, TRUE, FALSE);
  crm_golden_check_chart ("heat-grid", draw_grid, &grid, WIDTH, HEIGHT);
  crm_golden_check_chart ("heat-grid-small", draw_grid, &world, SMALL_WIDTH, SMALL_HEIGHT);
  grid_case_clear (&grid);
  grid_case_clear (&world);
}

static CrmChartHit
hit (const GridCase       *grid,
     const CrmRenderStyle *style,
     double                x,
     double                y)
{
  return crm_heat_grid_hit_test (grid->data, &grid->options, style, NULL, WIDTH, HEIGHT, x, y);
}

#define assert_hit(h, s, c) G_STMT_START { \
  CrmChartHit h_ = (h); \
  if (h_.series != (s) || h_.category != (c)) \
    g_error ("%s: hit {%d, %d}, expected {%d, %d}", #h, h_.series, h_.category, (s), (c)); \
} G_STMT_END

static void
test_hit (void)
{
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  cairo_rectangle_t first, last, mirrored;
  GridCase grid;

  grid_case_init (&grid, FALSE, TRUE);

  for (guint r = 0; r < 5; r++)
    for (guint c = 0; c < 5; c++)
      {
        cairo_rectangle_t rect;
        double x, y;

        g_assert_true (crm_heat_grid_get_cell_rect (grid.data, &grid.options, ltr, NULL, WIDTH, HEIGHT, r, c, &rect));
        x = rect.x + rect.width / 2;
        y = rect.y + rect.height / 2;
        assert_hit (hit (&grid, ltr, x, y), (int) r, (int) c);
        /* Near the edges of the cell, too. */
        assert_hit (hit (&grid, ltr, rect.x + 1, rect.y + 1), (int) r, (int) c);
        assert_hit (hit (&grid, ltr, rect.x + rect.width - 1, rect.y + rect.height - 1), (int) r, (int) c);
        /* The mirrored point is the same cell in right to left. */
        assert_hit (hit (&grid, rtl, WIDTH - x, y), (int) r, (int) c);
        g_assert_true (crm_heat_grid_get_cell_rect (grid.data, &grid.options, rtl, NULL, WIDTH, HEIGHT, r, c, &mirrored));
        g_assert_cmpfloat_with_epsilon (mirrored.x, WIDTH - rect.x - rect.width, 1e-6);
        g_assert_cmpfloat_with_epsilon (mirrored.y, rect.y, 1e-6);
      }

  /* Rows run down, columns along the reading direction, all inside the
   * chart. */
  crm_heat_grid_get_cell_rect (grid.data, &grid.options, ltr, NULL, WIDTH, HEIGHT, 0, 0, &first);
  crm_heat_grid_get_cell_rect (grid.data, &grid.options, ltr, NULL, WIDTH, HEIGHT, 4, 4, &last);
  g_assert_cmpfloat (first.x, <, last.x);
  g_assert_cmpfloat (first.y, <, last.y);
  g_assert_cmpfloat (first.x, >, WIDTH / 6.0);   /* the row labels come first */
  g_assert_cmpfloat (last.x + last.width, <=, WIDTH);
  g_assert_cmpfloat (last.y + last.height, <=, HEIGHT);
  g_assert_cmpfloat (first.width, >, 40);
  g_assert_cmpfloat (first.height, >, 30);
  g_assert_false (crm_heat_grid_get_cell_rect (grid.data, &grid.options, ltr, NULL, WIDTH, HEIGHT, 5, 0, &first));

  /* A row label answers its row; the margins nothing. */
  crm_heat_grid_get_cell_rect (grid.data, &grid.options, ltr, NULL, WIDTH, HEIGHT, 2, 0, &first);
  assert_hit (hit (&grid, ltr, 20, first.y + first.height / 2), 2, -1);
  assert_hit (hit (&grid, rtl, WIDTH - 20, first.y + first.height / 2), 2, -1);
  assert_hit (hit (&grid, ltr, 2, 2), -1, -1);
  assert_hit (hit (&grid, ltr, WIDTH - 2, HEIGHT - 2), -1, -1);
  assert_hit (hit (&grid, rtl, 2, HEIGHT - 2), -1, -1);
  assert_hit (hit (&grid, ltr, -10, 100), -1, -1);
  assert_hit (hit (&grid, ltr, 100, HEIGHT + 10), -1, -1);

  grid_case_clear (&grid);
}

static cairo_surface_t *
render (const GridCase       *grid,
        const CrmRenderStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  CrmColor background = crm_render_style_get_background (style);

  crm_render_set_color (cr, background);
  cairo_paint (cr);
  crm_heat_grid_draw (grid->data, &grid->options, style, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static CrmColor
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface)
                                          + (int) y * cairo_image_surface_get_stride (surface));
  guint32 p = row[(int) x];

  return (CrmColor) { (p >> 16 & 0xff) / 255.0, (p >> 8 & 0xff) / 255.0, (p & 0xff) / 255.0, 1 };
}

static void
assert_color_near (CrmColor a,
                   CrmColor b)
{
  if (fabs (a.red - b.red) > 0.02 || fabs (a.green - b.green) > 0.02 || fabs (a.blue - b.blue) > 0.02)
    g_error ("colour (%.3f %.3f %.3f) is not (%.3f %.3f %.3f)",
             a.red, a.green, a.blue, b.red, b.green, b.blue);
}

/* What is drawn where the layout says: the largest value's cell has the
 * darkest shade, zero-or-least the lightest, in both directions. */
static void
test_shades_where_cells_are (void)
{
  static const gboolean directions[] = { FALSE, TRUE };
  GridCase grid;

  grid_case_init (&grid, FALSE, FALSE);
  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    {
      g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, directions[d]);
      cairo_surface_t *surface = render (&grid, style);
      cairo_rectangle_t top, low;
      double lo = 0, hi = 48210;

      crm_heat_grid_get_cell_rect (grid.data, &grid.options, style, NULL, WIDTH, HEIGHT, 0, 0, &top);
      crm_heat_grid_get_cell_rect (grid.data, &grid.options, style, NULL, WIDTH, HEIGHT, 0, 2, &low);
      /* Beside the text, away from the rounded corners. */
      assert_color_near (pixel (surface, top.x + 3, top.y + top.height / 2),
                         crm_heat_grid_cell_color (style, 1));
      assert_color_near (pixel (surface, low.x + 3, low.y + low.height / 2),
                         crm_heat_grid_cell_color (style, (950 - lo) / (hi - lo)));
      cairo_surface_destroy (surface);
    }
  grid_case_clear (&grid);
}

/* Scores are shaded over the range they cover, counts from zero: the
 * lowest satisfaction gets the lightest shade, the fewest touchpoints
 * do not. */
static void
test_score_range (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  GridCase scores = { crm_chart_data_new (CRM_VALUE_DECIMAL), { NULL, NULL, NULL } };
  GridCase counts;
  cairo_surface_t *surface;
  cairo_rectangle_t rect;
  guint lowest_row = 0, lowest_column = 0;

  grid_case_init (&counts, FALSE, FALSE);
  for (guint c = 0; c < 5; c++)
    crm_chart_data_add_category (scores.data, crm_chart_data_get_category (counts.data, c));
  for (guint s = 0; s < 5; s++)
    {
      crm_chart_data_add_series (scores.data, stages[s]);
      for (guint c = 0; c < 5; c++)
        {
          crm_chart_data_set_value (scores.data, s, c, satisfaction[s][c]);
          if (!isnan (satisfaction[s][c]) && satisfaction[s][c] < satisfaction[lowest_row][lowest_column])
            lowest_row = s, lowest_column = c;
        }
    }
  surface = render (&scores, style);
  crm_heat_grid_get_cell_rect (scores.data, &scores.options, style, NULL, WIDTH, HEIGHT, lowest_row, lowest_column, &rect);
  assert_color_near (pixel (surface, rect.x + 3, rect.y + rect.height / 2), crm_heat_grid_cell_color (style, 0));
  cairo_surface_destroy (surface);

  surface = render (&counts, style);
  crm_heat_grid_get_cell_rect (counts.data, &counts.options, style, NULL, WIDTH, HEIGHT, 0, 2, &rect);
  assert_color_near (pixel (surface, rect.x + 3, rect.y + rect.height / 2), crm_heat_grid_cell_color (style, 950 / 48210.0));
  cairo_surface_destroy (surface);

  grid_case_clear (&scores);
  grid_case_clear (&counts);
}

/* Lightness alone orders the shades, so the scale reads the same without
 * colour vision; every shade carries dark or light text at WCAG AA. */
static void
test_scale_readable (void)
{
  static const CrmRenderPalette palettes[] = {
    CRM_RENDER_PALETTE_LIGHT, CRM_RENDER_PALETTE_DARK, CRM_RENDER_PALETTE_PRINT,
  };
  static const CrmColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    {
      g_autoptr(CrmRenderStyle) style = crm_render_style_new (palettes[p], FALSE);
      CrmColor background = crm_render_style_get_background (style);
      double previous = 0;

      for (guint i = 0; i <= 20; i++)
        {
          CrmColor shade = crm_heat_grid_cell_color (style, i / 20.0);
          double contrast = crm_color_contrast_ratio (shade, background);
          double ink = MAX (crm_color_contrast_ratio (shade, black), crm_color_contrast_ratio (shade, white));

          if (contrast < previous - 1e-9)
            g_error ("palette %d: shade %u is closer to the background than the one before", palettes[p], i);
          if (ink < 4.5)
            g_error ("palette %d: shade %u carries text at %.2f:1 at best", palettes[p], i, ink);
          previous = contrast;
        }
      /* The lightest and the darkest shade are far apart. */
      g_assert_cmpfloat (crm_color_contrast_ratio (crm_heat_grid_cell_color (style, 0),
                                                   crm_heat_grid_cell_color (style, 1)), >=, 4.5);
    }
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) stride * cairo_image_surface_get_height (a)) == 0;
}

static void
test_empty (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  GridCase empty = { crm_chart_data_new (CRM_VALUE_COUNT), { NULL, NULL, NULL } };
  cairo_surface_t *drawn, *expected, *blank;
  cairo_t *cr;

  /* Labels but no value is no data too. */
  crm_chart_data_add_series (empty.data, "Awareness");
  crm_chart_data_add_category (empty.data, "Web");
  drawn = render (&empty, style);

  expected = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (expected);
  crm_render_set_color (cr, crm_render_style_get_background (style));
  cairo_paint (cr);
  crm_render_empty (cr, style, WIDTH, HEIGHT, NULL);
  cairo_destroy (cr);

  blank = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (blank);
  crm_render_set_color (cr, crm_render_style_get_background (style));
  cairo_paint (cr);
  cairo_destroy (cr);

  g_assert_true (surfaces_equal (drawn, expected));
  g_assert_false (surfaces_equal (drawn, blank));
  assert_hit (hit (&empty, style, WIDTH / 2.0, HEIGHT / 2.0), -1, -1);

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (blank);
  grid_case_clear (&empty);
}

/* The detail line is drawn when asked for and there is room. */
static void
test_detail (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  GridCase plain, detailed;
  cairo_surface_t *a, *b;

  grid_case_init (&plain, FALSE, FALSE);
  grid_case_init (&detailed, FALSE, TRUE);
  a = render (&plain, style);
  b = render (&detailed, style);
  g_assert_false (surfaces_equal (a, b));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  grid_case_clear (&plain);
  grid_case_clear (&detailed);
}

static void
test_vector_output (void)
{
  GridCase grid;

  grid_case_init (&grid, TRUE, TRUE);
  crm_golden_check_vector_output (draw_grid, &grid, WIDTH, HEIGHT);
  grid_case_clear (&grid);
}

static void
test_speed (void)
{
  GridCase grid;
  double ms;

  grid_case_init (&grid, FALSE, TRUE);
  ms = crm_golden_time_draw (draw_grid, &grid, WIDTH, HEIGHT, 20);
  g_test_message ("heat grid 5×5 with details at %d×%d: %.2f ms", WIDTH, HEIGHT, ms);
  /* The budget is 5 ms; the bound is loose so that a busy machine never
   * fails the build. */
  g_assert_cmpfloat (ms, <, 50);
  grid_case_clear (&grid);
}

int
main (int   argc,
      char *argv[])
{
  /* Grouped figures in the images: 48,210 */
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    g_error ("locale en_US.UTF-8 is not installed (the locales-all package)");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/heat-grid/golden", test_golden);
  g_test_add_func ("/heat-grid/hit", test_hit);
  g_test_add_func ("/heat-grid/shades-where-cells-are", test_shades_where_cells_are);
  g_test_add_func ("/heat-grid/score-range", test_score_range);
  g_test_add_func ("/heat-grid/scale-readable", test_scale_readable);
  g_test_add_func ("/heat-grid/empty", test_empty);
  g_test_add_func ("/heat-grid/detail", test_detail);
  g_test_add_func ("/heat-grid/vector-output", test_vector_output);
  g_test_add_func ("/heat-grid/speed", test_speed);
  return g_test_run ();
}
