/* bench-timeline.c: how long the journey timeline takes to draw one
 * customer's journey of 1,000 touchpoints over 3 years in 6 channels (and
 * the orders among them) at a customer page's 900 × 360, onto an ARGB32
 * image in the light style: the whole journey, zoomed out, where most
 * marks crowd each other, and a month of it, as scrolling shows it. Each
 * frame is drawn once to warm up (fonts, glyph caches) and then BENCH_RUNS
 * times (200 unless set); only the drawing call is timed. The budget is
 * 8 ms a frame. Prints "figure: <name> <value> <unit>" lines: the median
 * of each, and of a hit test under the pointer. Fails when a drawing
 * leaves cairo in an error state. */
#include <locale.h>

#include "crm-chart-fixtures.h"
#include "crm-render-text.h"
#include "crm-timeline.h"

#define WIDTH 900
#define HEIGHT 360
#define TOUCHPOINTS 1000
#define YEARS 3
#define CHANNELS 6
#define BUDGET_MS 8.0

/* The median of @runs frames after one to warm up, in milliseconds. */
static double
time_frames (const CrmTimelineData *data,
             const CrmRenderStyle  *style,
             cairo_surface_t       *surface,
             guint                  runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i <= runs; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 started;

      crm_render_set_color (cr, crm_render_style_get_background (style));
      cairo_paint (cr);
      started = g_get_monotonic_time ();
      crm_timeline_draw (data, style, cr, WIDTH, HEIGHT);
      if (i > 0)
        times[i - 1] = (g_get_monotonic_time () - started) / 1000.0;
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        g_error ("the timeline left cairo in an error state: %s", cairo_status_to_string (cairo_status (cr)));
      cairo_destroy (cr);
    }
  return crm_chart_fixture_median (times, runs);
}

/* The median time of a hit test across the plot, in microseconds, on
 * the context the timeline is drawn on (as a widget does). */
static double
time_hits (const CrmTimelineData *data,
           const CrmRenderStyle  *style,
           cairo_surface_t       *surface,
           guint                  runs)
{
  g_autofree double *times = g_new (double, runs);
  cairo_t *cr = cairo_create (surface);
  guint found = 0;

  for (guint i = 0; i < runs; i++)
    {
      double x = 200 + (i * 37) % (WIDTH - 220), y = 60 + (i * 53) % (HEIGHT - 120);
      gint64 started = g_get_monotonic_time ();
      CrmChartHit hit = crm_timeline_hit_test (data, style, cr, WIDTH, HEIGHT, x, y);

      times[i] = (double) (g_get_monotonic_time () - started);
      found += hit.category >= 0;
    }
  cairo_destroy (cr);
  g_print ("data: %u of %u hit tests found a mark or a transaction\n", found, runs);
  return crm_chart_fixture_median (times, runs);
}

int
main (int   argc,
      char *argv[])
{
  const char *runs_variable = g_getenv ("BENCH_RUNS");
  guint runs = runs_variable ? (guint) g_ascii_strtoull (runs_variable, NULL, 10) : 200;
  g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, FALSE);
  g_autoptr(CrmTimelineData) journey = crm_chart_fixture_journey (TOUCHPOINTS, YEARS, CHANNELS);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  double whole, month, hit;
  gint64 start, end;

  setlocale (LC_ALL, "");
  crm_chart_fixture_use_locale ("en_US.UTF-8");
  if (runs == 0)
    g_error ("BENCH_RUNS must be a whole number above 0, not “%s”", runs_variable);

  crm_timeline_data_get_window (journey, &start, &end);
  g_print ("data: %u touchpoints in %u channels and %u transactions over %d years; %dx%d ARGB32 image, "
           "light style, %s; the drawing call alone, median of %u runs after one warm-up\n",
           crm_timeline_data_get_n_marks (journey), crm_timeline_data_get_n_lanes (journey),
           crm_timeline_data_get_n_transactions (journey), YEARS, WIDTH, HEIGHT,
           crm_render_style_get_font (style), runs);

  whole = time_frames (journey, style, surface, runs);
  g_print ("figure: timeline_frame_ms %.2f ms (the whole journey, %u touchpoints; budget %.0f ms)\n",
           whole, TOUCHPOINTS, BUDGET_MS);

  crm_timeline_data_set_window (journey, start + (end - start) / 2, start + (end - start) / 2 + 30 * 86400);
  month = time_frames (journey, style, surface, runs);
  g_print ("figure: timeline_frame_ms_month %.2f ms (a 30-day window in the middle)\n", month);

  crm_timeline_data_reset_window (journey);
  hit = time_hits (journey, style, surface, MAX (runs, 50));
  g_print ("figure: timeline_hit_us %.1f us (a hit test over the whole journey)\n", hit);

  cairo_surface_destroy (surface);
  if (whole > BUDGET_MS)
    g_print ("over budget: %.2f ms > %.0f ms\n", whole, BUDGET_MS);
  return 0;
}
