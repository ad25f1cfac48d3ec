/* crm-chart-fixtures.h: what the chart tests and the chart benchmark
 * share besides the golden images: chart data built from tables, a KPI
 * tile's data, a long customer journey for the timeline, a chart drawn onto an image in a style and its pixels read
 * back, a hit checked against the one expected, the time a drawing takes
 * against its budget, the median of the times of a benchmark's runs, and
 * numbers written as a locale writes them. */
#pragma once

#include <cairo.h>

#include "crm-chart-data.h"
#include "crm-chart-hit.h"
#include "crm-golden.h"
#include "crm-kpi-tile-data.h"
#include "crm-render-style.h"
#include "crm-timeline-data.h"

G_BEGIN_DECLS

/* A category of a chart of one series and its value. */
typedef struct
{
  const char *label;
  double      value;
} CrmFixtureEntry;

CrmChartData    *crm_chart_fixture_data             (CrmValueKind           kind,
                                                     const char            *currency,
                                                     const char * const    *series,
                                                     guint                  n_series,
                                                     const char * const    *categories,
                                                     guint                  n_categories,
                                                     const double          *values);
CrmChartData    *crm_chart_fixture_single_series    (CrmValueKind           kind,
                                                     const char            *currency,
                                                     const char            *series,
                                                     const CrmFixtureEntry *entries,
                                                     guint                  n_entries);
CrmKpiTileData  *crm_chart_fixture_revenue_tile     (void);
CrmTimelineData *crm_chart_fixture_journey          (guint                  n_touchpoints,
                                                     guint                  years,
                                                     guint                  n_channels);

cairo_surface_t *crm_chart_fixture_render           (CrmGoldenDrawFunc      draw,
                                                     gconstpointer          data,
                                                     const CrmRenderStyle  *style,
                                                     int                    width,
                                                     int                    height);
CrmColor         crm_chart_fixture_pixel            (cairo_surface_t       *surface,
                                                     double                 x,
                                                     double                 y);
double           crm_chart_fixture_color_distance   (CrmColor               a,
                                                     CrmColor               b);
void             crm_assert_color_near              (CrmColor               a,
                                                     CrmColor               b);

void             crm_chart_fixture_check_degenerate (CrmGoldenDrawFunc      draw,
                                                     gconstpointer          data,
                                                     const CrmRenderStyle  *style);
void             crm_chart_fixture_check_speed      (const char            *what,
                                                     CrmGoldenDrawFunc      draw,
                                                     gconstpointer          data,
                                                     int                    width,
                                                     int                    height,
                                                     guint                  repeats);
void             crm_chart_fixture_use_locale       (const char            *locale);
double           crm_chart_fixture_median           (double                *values,
                                                     guint                  n_values);

/* Fails the test, saying where, unless the hit @h is {@s, @c}: a series
 * (or link) and a category (or node). */
#define crm_assert_hit(h, s, c) G_STMT_START { \
  CrmChartHit h_ = (h); \
  if (h_.series != (int) (s) || h_.category != (int) (c)) \
    g_error ("%s: hit {%d, %d}, expected {%d, %d}", #h, h_.series, h_.category, (int) (s), (int) (c)); \
} G_STMT_END

G_END_DECLS
