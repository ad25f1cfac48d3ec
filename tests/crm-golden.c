/* crm-golden.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "crm-golden.h"

/* A channel may differ this much (of 255) before a pixel counts as
 * different: anti-aliasing and hinting wobble at edges. */
#define CHANNEL_TOLERANCE 48
/* and this share of the pixels may differ. */
#define PIXEL_TOLERANCE 0.002

/* The font is named, not "Sans": which family "Sans" is depends on the
 * fonts a machine happens to have, and the images would follow it. */
CrmRenderStyle *
crm_golden_style (CrmRenderPalette palette,
                  gboolean         rtl)
{
  CrmRenderStyle *style = crm_render_style_new (palette, rtl);

  crm_render_style_set_font (style, "Noto Sans 10");
  return style;
}

static gboolean
updating (void)
{
  const char *update = g_getenv ("TOUCHPOINT_UPDATE_GOLDEN");

  return update != NULL && *update != '\0' && *update != '0';
}

/* The share of pixels of @a and @b that differ, or 1 when their sizes do. */
static double
difference (cairo_surface_t *a,
            cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint64 differing = 0;

  if (width != cairo_image_surface_get_width (b) || height != cairo_image_surface_get_height (b))
    return 1;
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row_a = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *row_b = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        for (int shift = 0; shift < 32; shift += 8)
          if (abs ((int) (row_a[x] >> shift & 0xff) - (int) (row_b[x] >> shift & 0xff)) > CHANNEL_TOLERANCE)
            {
              differing++;
              break;
            }
    }
  return (double) differing / ((double) width * height);
}

/**
 * crm_golden_check:
 *
 * Compares @surface with the golden image @name. On a difference the
 * image drawn is written to golden-failures/ in the build directory, to
 * look at next to the golden one.
 */
void
crm_golden_check (cairo_surface_t *surface,
                  const char      *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "golden", file, NULL);
  cairo_surface_t *golden;
  double differs;

  if (updating ())
    {
      g_assert_cmpint (cairo_surface_write_to_png (surface, golden_path), ==, CAIRO_STATUS_SUCCESS);
      return;
    }

  golden = cairo_image_surface_create_from_png (golden_path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (golden);
      g_error ("no golden image %s: run the test with TOUCHPOINT_UPDATE_GOLDEN=1 and look at it", golden_path);
    }
  differs = difference (surface, golden);
  cairo_surface_destroy (golden);
  if (differs > PIXEL_TOLERANCE)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "golden-failures", NULL);
      g_autofree char *actual = g_build_filename (dir, file, NULL);

      g_mkdir_with_parents (dir, 0755);
      cairo_surface_write_to_png (surface, actual);
      g_error ("%s differs from its golden image in %.2f%% of its pixels; drawn: %s", name, differs * 100, actual);
    }
}

/* Draws onto an opaque image of the style's background. */
static cairo_surface_t *
draw_image (CrmGoldenDrawFunc     draw,
            const CrmRenderStyle *style,
            gconstpointer         data,
            int                   width,
            int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  CrmColor background = crm_render_style_get_background (style);

  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  draw (cr, style, width, height, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/**
 * crm_golden_check_chart:
 * @name: the golden images' base name; "-light", "-dark" and "-rtl"
 *   (light, right to left) are appended
 *
 * Draws a chart in the light, dark and right-to-left styles and compares
 * each with its golden image.
 */
void
crm_golden_check_chart (const char        *name,
                        CrmGoldenDrawFunc  draw,
                        gconstpointer      data,
                        int                width,
                        int                height)
{
  static const struct { const char *suffix; CrmRenderPalette palette; gboolean rtl; } variants[] = {
    { "light", CRM_RENDER_PALETTE_LIGHT, FALSE },
    { "dark", CRM_RENDER_PALETTE_DARK, FALSE },
    { "rtl", CRM_RENDER_PALETTE_LIGHT, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(CrmRenderStyle) style = crm_golden_style (variants[i].palette, variants[i].rtl);
      g_autofree char *full = g_strdup_printf ("%s-%s", name, variants[i].suffix);
      cairo_surface_t *surface = draw_image (draw, style, data, width, height);

      crm_golden_check (surface, full);
      cairo_surface_destroy (surface);
    }
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The same drawing code onto PDF and SVG surfaces, in the print palette:
 * it must leave both in a good state and write something. */
void
crm_golden_check_vector_output (CrmGoldenDrawFunc  draw,
                                gconstpointer      data,
                                int                width,
                                int                height)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_PRINT, FALSE);

  for (int kind = 0; kind < 2; kind++)
    {
      gsize written = 0;
      cairo_surface_t *surface = kind == 0
        ? cairo_pdf_surface_create_for_stream (count_bytes, &written, width, height)
        : cairo_svg_surface_create_for_stream (count_bytes, &written, width, height);
      cairo_t *cr = cairo_create (surface);

      draw (cr, style, width, height, data);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (written, >, 500);
    }
}

/* Milliseconds per drawing onto a light image, the best of @repeats, for
 * the charts' speed figure. */
double
crm_golden_time_draw (CrmGoldenDrawFunc  draw,
                      gconstpointer      data,
                      int                width,
                      int                height,
                      guint              repeats)
{
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < repeats; i++)
    {
      gint64 started = g_get_monotonic_time ();
      cairo_surface_t *surface = draw_image (draw, style, data, width, height);

      best = MIN (best, (g_get_monotonic_time () - started) / 1000.0);
      cairo_surface_destroy (surface);
    }
  return best;
}
