/* test-render-style.c: the palettes charts are drawn with stay readable:
 * every series colour stands out from its background in light, dark and
 * print, and neighbouring series differ. */
#include "crm-render-style.h"

static void
check_palette (CrmRenderPalette palette,
               double           min_contrast)
{
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (palette, FALSE);
  CrmColor background = crm_render_style_get_background (style);
  CrmColor foreground = crm_render_style_get_foreground (style);
  guint n = crm_render_style_get_n_series_colors (style);

  /* Text: WCAG AA needs 4.5:1. */
  g_assert_cmpfloat (crm_color_contrast_ratio (foreground, background), >=, 4.5);

  g_assert_cmpuint (n, >=, 4);
  for (guint i = 0; i < n; i++)
    {
      CrmColor color = crm_render_style_get_series_color (style, i);
      CrmColor next = crm_render_style_get_series_color (style, (i + 1) % n);

      /* Graphics: WCAG asks 3:1 against the background. */
      if (crm_color_contrast_ratio (color, background) < min_contrast)
        g_error ("palette %d series %u: contrast %.2f with the background",
                 palette, i, crm_color_contrast_ratio (color, background));
      g_assert_true (color.red != next.red || color.green != next.green || color.blue != next.blue);
    }

  /* Colours repeat rather than run out. */
  g_assert_cmpfloat (crm_render_style_get_series_color (style, n).red, ==,
                     crm_render_style_get_series_color (style, 0).red);
}

static void
test_light (void)
{
  check_palette (CRM_RENDER_PALETTE_LIGHT, 3.0);
}

static void
test_dark (void)
{
  check_palette (CRM_RENDER_PALETTE_DARK, 3.0);
}

static void
test_print (void)
{
  check_palette (CRM_RENDER_PALETTE_PRINT, 4.5);
}

static void
test_style_properties (void)
{
  g_autoptr(CrmRenderStyle) style = crm_render_style_new (CRM_RENDER_PALETTE_DARK, TRUE);
  g_autoptr(CrmRenderStyle) copy = NULL;

  g_assert_true (crm_render_style_is_rtl (style));
  g_assert_cmpint (crm_render_style_get_palette (style), ==, CRM_RENDER_PALETTE_DARK);
  crm_render_style_set_scale (style, 2.0);
  crm_render_style_set_font (style, "Noto Sans Arabic 11");
  copy = g_boxed_copy (CRM_TYPE_RENDER_STYLE, style);
  g_assert_cmpfloat (crm_render_style_get_scale (copy), ==, 2.0);
  g_assert_cmpstr (crm_render_style_get_font (copy), ==, "Noto Sans Arabic 11");
}

static void
test_contrast_ratio (void)
{
  CrmColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  g_assert_cmpfloat_with_epsilon (crm_color_contrast_ratio (black, white), 21.0, 0.01);
  g_assert_cmpfloat_with_epsilon (crm_color_contrast_ratio (white, white), 1.0, 0.001);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/style/light", test_light);
  g_test_add_func ("/render/style/dark", test_dark);
  g_test_add_func ("/render/style/print", test_print);
  g_test_add_func ("/render/style/properties", test_style_properties);
  g_test_add_func ("/render/style/contrast-ratio", test_contrast_ratio);

  return g_test_run ();
}
