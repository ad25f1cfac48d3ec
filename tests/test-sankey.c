/* test-sankey.c: the channel flow: golden images in light, dark and right
 * to left at two sizes, the data's sums and colours, bands and nodes found
 * where they are drawn (mirrored too), fewer crossings than the data's
 * order, the empty message, PDF and SVG, and the time a drawing takes. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crm-golden.h"
#include "crm-render-text.h"
#include "crm-sankey.h"

#define WIDTH 600
#define HEIGHT 400
#define SMALL_WIDTH 320
#define SMALL_HEIGHT 220

/* Customers' first, second and buying touchpoint by channel, with
 * VKontakte, WeChat and WhatsApp in their own scripts. */
static const struct { const char *label; guint column; } flow_nodes[] = {
  { "Web", 0 }, { "Social", 0 }, { "E-mail", 0 }, { "ВКонтакте", 0 }, { "微信", 0 },
  { "Web", 1 }, { "E-mail", 1 }, { "Phone", 1 }, { "واتساب", 1 }, { "Store", 1 },
  { "Web", 2 }, { "Store", 2 }, { "Phone", 2 },
};
static const struct { guint source, target; double value; } flow_links[] = {
  { 0, 5, 2140 }, { 0, 6, 980 }, { 0, 7, 420 }, { 0, 9, 610 },
  { 1, 5, 1320 }, { 1, 8, 540 }, { 1, 9, 380 },
  { 2, 5, 760 }, { 2, 6, 410 }, { 2, 7, 230 },
  { 3, 5, 520 }, { 3, 8, 260 },
  { 4, 8, 690 }, { 4, 5, 180 },
  { 5, 10, 3260 }, { 5, 11, 720 }, { 5, 12, 310 },
  { 6, 10, 890 }, { 6, 11, 240 },
  { 7, 12, 410 }, { 7, 11, 150 },
  { 8, 10, 760 }, { 8, 12, 330 },
  { 9, 11, 840 }, { 9, 10, 90 },
};

static CrmSankeyData *
channel_flow (void)
{
  CrmSankeyData *data = crm_sankey_data_new (CRM_VALUE_COUNT);

  for (guint i = 0; i < G_N_ELEMENTS (flow_nodes); i++)
    crm_sankey_data_add_node (data, flow_nodes[i].label, flow_nodes[i].column);
  for (guint i = 0; i < G_N_ELEMENTS (flow_links); i++)
    crm_sankey_data_add_link (data, flow_links[i].source, flow_links[i].target, flow_links[i].value);
  return data;
}

static void
draw_sankey (cairo_t              *cr,
             const CrmRenderStyle *style,
             double                width,
             double                height,
             gconstpointer         data)
{
  crm_sankey_draw (data, style, cr, width, height);
}

static void
test_data (void)
{
  g_autoptr(CrmSankeyData) data = channel_flow ();
  g_autofree char *description = NULL;

  g_assert_cmpuint (crm_sankey_data_get_n_nodes (data), ==, G_N_ELEMENTS (flow_nodes));
  g_assert_cmpuint (crm_sankey_data_get_n_links (data), ==, G_N_ELEMENTS (flow_links));
  g_assert_cmpuint (crm_sankey_data_get_n_columns (data), ==, 3);
  /* A first step has only what goes out, a last only what comes in, a
   * middle one the larger: here more arrive at Web than go on. */
  g_assert_cmpfloat (crm_sankey_data_get_node_value (data, 0), ==, 2140 + 980 + 420 + 610);
  g_assert_cmpfloat (crm_sankey_data_get_node_value (data, 10), ==, 3260 + 890 + 760 + 90);
  g_assert_cmpfloat (crm_sankey_data_get_node_value (data, 5), ==, 2140 + 1320 + 760 + 520 + 180);
  /* A channel has one colour at every step; different channels differ. */
  g_assert_cmpuint (crm_sankey_data_get_node_color (data, 0), ==, crm_sankey_data_get_node_color (data, 5));
  g_assert_cmpuint (crm_sankey_data_get_node_color (data, 0), ==, crm_sankey_data_get_node_color (data, 10));
  g_assert_cmpuint (crm_sankey_data_get_node_color (data, 9), ==, crm_sankey_data_get_node_color (data, 11));
  g_assert_cmpuint (crm_sankey_data_get_node_color (data, 0), !=, crm_sankey_data_get_node_color (data, 1));
  g_assert_false (crm_sankey_data_is_empty (data));

  description = crm_sankey_data_describe (data);
  g_assert_true (g_str_has_prefix (description, "Web → Web: 2,140\nWeb → E-mail: 980\n"));
}

static void
test_golden (void)
{
  g_autoptr(CrmSankeyData) data = channel_flow ();

  crm_golden_check_chart ("sankey", draw_sankey, data, WIDTH, HEIGHT);
  crm_golden_check_chart ("sankey-small", draw_sankey, data, SMALL_WIDTH, SMALL_HEIGHT);
}

#define assert_hit(h, s, c) G_STMT_START { \
  CrmChartHit h_ = (h); \
  if (h_.series != (s) || h_.category != (c)) \
    g_error ("%s: hit {%d, %d}, expected {%d, %d}", #h, h_.series, h_.category, (s), (c)); \
} G_STMT_END

static void
check_hits (int width,
            int height)
{
  g_autoptr(CrmRenderStyle) ltr = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmRenderStyle) rtl = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, TRUE);
  g_autoptr(CrmSankeyData) data = channel_flow ();
  cairo_rectangle_t first, last;

  for (guint n = 0; n < crm_sankey_data_get_n_nodes (data); n++)
    {
      cairo_rectangle_t rect, mirrored;
      double x, y;

      g_assert_true (crm_sankey_get_node_rect (data, ltr, NULL, width, height, n, &rect));
      g_assert_cmpfloat (rect.x, >=, 0);
      g_assert_cmpfloat (rect.y, >=, 0);
      g_assert_cmpfloat (rect.x + rect.width, <=, width);
      g_assert_cmpfloat (rect.y + rect.height, <=, height);
      x = rect.x + rect.width / 2;
      y = rect.y + rect.height / 2;
      assert_hit (crm_sankey_hit_test (data, ltr, NULL, width, height, x, y), -1, (int) n);
      assert_hit (crm_sankey_hit_test (data, rtl, NULL, width, height, width - x, y), -1, (int) n);
      g_assert_true (crm_sankey_get_node_rect (data, rtl, NULL, width, height, n, &mirrored));
      g_assert_cmpfloat_with_epsilon (mirrored.x, width - rect.x - rect.width, 1e-6);
    }
  for (guint l = 0; l < crm_sankey_data_get_n_links (data); l++)
    {
      double x, y, rx, ry;

      g_assert_true (crm_sankey_get_link_point (data, ltr, NULL, width, height, l, &x, &y));
      assert_hit (crm_sankey_hit_test (data, ltr, NULL, width, height, x, y), (int) l, -1);
      assert_hit (crm_sankey_hit_test (data, rtl, NULL, width, height, width - x, y), (int) l, -1);
      g_assert_true (crm_sankey_get_link_point (data, rtl, NULL, width, height, l, &rx, &ry));
      g_assert_cmpfloat_with_epsilon (rx, width - x, 1e-6);
      g_assert_cmpfloat_with_epsilon (ry, y, 1e-6);
    }

  /* The flow runs in the reading direction. */
  crm_sankey_get_node_rect (data, ltr, NULL, width, height, 0, &first);
  crm_sankey_get_node_rect (data, ltr, NULL, width, height, 10, &last);
  g_assert_cmpfloat (first.x, <, last.x);
  crm_sankey_get_node_rect (data, rtl, NULL, width, height, 0, &first);
  crm_sankey_get_node_rect (data, rtl, NULL, width, height, 10, &last);
  g_assert_cmpfloat (first.x, >, last.x);

  /* The corners are empty. */
  assert_hit (crm_sankey_hit_test (data, ltr, NULL, width, height, 2, 2), -1, -1);
  assert_hit (crm_sankey_hit_test (data, ltr, NULL, width, height, width - 2, height - 2), -1, -1);
  assert_hit (crm_sankey_hit_test (data, rtl, NULL, width, height, width - 2, 2), -1, -1);
  assert_hit (crm_sankey_hit_test (data, ltr, NULL, width, height, -5, height / 2.0), -1, -1);
}

static void
test_hit (void)
{
  check_hits (WIDTH, HEIGHT);
  check_hits (SMALL_WIDTH, SMALL_HEIGHT);
}

/* Nodes are as tall as what flows through them, on one scale. */
static void
test_proportions (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmSankeyData) data = channel_flow ();
  cairo_rectangle_t rect;
  double per_unit;

  crm_sankey_get_node_rect (data, style, NULL, WIDTH, HEIGHT, 5, &rect);
  per_unit = rect.height / crm_sankey_data_get_node_value (data, 5);
  /* The fullest column fills most of the height. */
  g_assert_cmpfloat (per_unit * crm_sankey_data_get_node_value (data, 5), >, HEIGHT / 4.0);
  for (guint n = 0; n < crm_sankey_data_get_n_nodes (data); n++)
    {
      crm_sankey_get_node_rect (data, style, NULL, WIDTH, HEIGHT, n, &rect);
      g_assert_cmpfloat_with_epsilon (rect.height, per_unit * crm_sankey_data_get_node_value (data, n), 0.01);
    }
}

/* Given in the order that crosses its bands, the nodes are reordered so
 * that they do not: A flows to Y, B to X. */
static void
test_fewer_crossings (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmSankeyData) data = crm_sankey_data_new (CRM_VALUE_COUNT);
  guint a = crm_sankey_data_add_node (data, "A", 0);
  guint b = crm_sankey_data_add_node (data, "B", 0);
  guint x = crm_sankey_data_add_node (data, "X", 1);
  guint y = crm_sankey_data_add_node (data, "Y", 1);
  cairo_rectangle_t ra, rb, rx, ry;

  crm_sankey_data_add_link (data, a, y, 100);
  crm_sankey_data_add_link (data, b, x, 80);
  crm_sankey_data_add_link (data, a, x, 5);
  crm_sankey_get_node_rect (data, style, NULL, WIDTH, HEIGHT, a, &ra);
  crm_sankey_get_node_rect (data, style, NULL, WIDTH, HEIGHT, b, &rb);
  crm_sankey_get_node_rect (data, style, NULL, WIDTH, HEIGHT, x, &rx);
  crm_sankey_get_node_rect (data, style, NULL, WIDTH, HEIGHT, y, &ry);
  g_assert_cmpfloat (ra.y < rb.y, ==, ry.y < rx.y);
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)) == 0;
}

static cairo_surface_t *
render (const CrmSankeyData  *data,
        const CrmRenderStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  crm_render_set_color (cr, crm_render_style_get_background (style));
  cairo_paint (cr);
  if (data != NULL)
    crm_sankey_draw (data, style, cr, WIDTH, HEIGHT);
  else
    crm_render_empty (cr, style, WIDTH, HEIGHT, NULL);
  cairo_destroy (cr);
  return surface;
}

static void
test_empty (void)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_DARK, FALSE);
  g_autoptr(CrmSankeyData) data = crm_sankey_data_new (CRM_VALUE_COUNT);
  cairo_surface_t *drawn, *expected;
  guint web, store;

  /* Nodes, and a link that carries nothing: no flow to show. */
  web = crm_sankey_data_add_node (data, "Web", 0);
  store = crm_sankey_data_add_node (data, "Store", 1);
  crm_sankey_data_add_link (data, web, store, 0);
  g_assert_true (crm_sankey_data_is_empty (data));

  drawn = render (data, style);
  expected = render (NULL, style);
  g_assert_true (surfaces_equal (drawn, expected));
  assert_hit (crm_sankey_hit_test (data, style, NULL, WIDTH, HEIGHT, WIDTH / 2.0, HEIGHT / 2.0), -1, -1);
  g_assert_false (crm_sankey_get_node_rect (data, style, NULL, WIDTH, HEIGHT, web, &(cairo_rectangle_t) { 0 }));
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (expected);
}

static void
test_vector_output (void)
{
  g_autoptr(CrmSankeyData) data = channel_flow ();

  crm_golden_check_vector_output (draw_sankey, data, WIDTH, HEIGHT);
}

static void
test_speed (void)
{
  g_autoptr(CrmSankeyData) data = channel_flow ();
  double ms = crm_golden_time_draw (draw_sankey, data, WIDTH, HEIGHT, 20);

  g_test_message ("Sankey of %u nodes and %u links at %d×%d: %.2f ms",
                  crm_sankey_data_get_n_nodes (data), crm_sankey_data_get_n_links (data), WIDTH, HEIGHT, ms);
  /* The budget is 5 ms; the bound is loose so that a busy machine never
   * fails the build. */
  g_assert_cmpfloat (ms, <, 50);
}

int
main (int   argc,
      char *argv[])
{
  /* Grouped figures in the images: 4,150 */
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    g_error ("locale en_US.UTF-8 is not installed (the locales-all package)");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sankey/data", test_data);
  g_test_add_func ("/sankey/golden", test_golden);
  g_test_add_func ("/sankey/hit", test_hit);
  g_test_add_func ("/sankey/proportions", test_proportions);
  g_test_add_func ("/sankey/fewer-crossings", test_fewer_crossings);
  g_test_add_func ("/sankey/empty", test_empty);
  g_test_add_func ("/sankey/vector-output", test_vector_output);
  g_test_add_func ("/sankey/speed", test_speed);
  return g_test_run ();
}
