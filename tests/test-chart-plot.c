/* test-chart-plot.c: the frame line and bar charts share: tick labels in
 * one form per axis, and category labels that never overlap, never leave
 * the chart and never run into the plot, at any size from a thumbnail to
 * a wide window, whether they are skipped, elided or rotated. */
#include <math.h>

#include "crm-chart-plot.h"
#include "crm-golden.h"
#include "crm-render-text.h"
#include "crm-value-format.h"

static void
assert_tick (double        value,
             double        step,
             double        largest,
             CrmValueKind  kind,
             const char   *currency,
             const char   *expected)
{
  g_autofree char *text = crm_value_format_tick (value, step, largest, kind, currency);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_tick_labels (void)
{
  /* One unit for the whole axis, chosen by its largest tick. */
  assert_tick (5000, 5000, 20000, CRM_VALUE_COUNT, NULL, "5K");
  assert_tick (20000, 5000, 20000, CRM_VALUE_COUNT, NULL, "20K");
  assert_tick (0, 5000, 20000, CRM_VALUE_COUNT, NULL, "0");
  assert_tick (1500, 500, 2000, CRM_VALUE_COUNT, NULL, "1500");
  assert_tick (250000, 50000, 250000, CRM_VALUE_MONEY, "EUR", "€250K");
  assert_tick (0, 50000, 250000, CRM_VALUE_MONEY, "EUR", "€0");
  /* As many decimals as the step needs. */
  assert_tick (2500000, 500000, 3000000, CRM_VALUE_MONEY, "USD", "$2.5M");
  assert_tick (2000000, 500000, 3000000, CRM_VALUE_MONEY, "USD", "$2.0M");
  assert_tick (12.5, 2.5, 20, CRM_VALUE_MONEY, "USD", "$12.5");
  assert_tick (0.05, 0.01, 0.06, CRM_VALUE_PERCENT, NULL, "5 %");
  assert_tick (-0.02, 0.01, 0.06, CRM_VALUE_PERCENT, NULL, "−2 %");
  assert_tick (0.025, 0.025, 0.1, CRM_VALUE_PERCENT, NULL, "2.5 %");
  assert_tick (0, 0.025, 0.1, CRM_VALUE_PERCENT, NULL, "0 %");
  assert_tick (2.5, 0.5, 5, CRM_VALUE_DECIMAL, NULL, "2.5");
  assert_tick (3, 1, 5, CRM_VALUE_DECIMAL, NULL, "3");
  assert_tick (-40, 20, 80, CRM_VALUE_COUNT, NULL, "−40");
}

static CrmChartData *
category_data (const char * const *names,
               guint               n)
{
  CrmChartData *data = crm_chart_data_new (CRM_VALUE_MONEY);

  crm_chart_data_set_currency (data, "EUR");
  crm_chart_data_add_series (data, "Revenue");
  crm_chart_data_add_series (data, "Target");
  for (guint i = 0; i < n; i++)
    {
      crm_chart_data_add_category (data, names[i]);
      crm_chart_data_set_value (data, 0, i, 1000 + 937.5 * i);
      crm_chart_data_set_value (data, 1, i, 1200 + 250 * (i % 5));
    }
  return data;
}

static gboolean
overlap (const cairo_rectangle_t *a,
         const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
      && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Lays the plot out at @width × @height and checks every label shown;
 * returns how many were elided. */
static guint
check_labels (CrmChartData              *data,
              const CrmChartPlotOptions *options,
              const CrmRenderStyle      *style,
              double                     width,
              double                     height)
{
  cairo_t *cr = crm_render_measuring_context (NULL);
  g_auto(CrmChartPlot) plot = { 0 };
  g_autoptr(GArray) labels = NULL;
  double plot_bottom;
  guint elided = 0;

  g_assert_true (crm_chart_plot_init (&plot, cr, style, data, options, width, height));
  labels = crm_chart_plot_category_labels (&plot);
  plot_bottom = plot.plot.y + plot.plot.height;
  g_assert_cmpuint (labels->len, >=, 1);

  for (guint i = 0; i < labels->len; i++)
    {
      const CrmChartPlotLabel *label = &g_array_index (labels, CrmChartPlotLabel, i);
      double natural;

      /* Elided, not cut: the text is no wider than its room. */
      g_assert_cmpfloat (label->width, <=, label->length + 0.5);
      crm_chart_plot_text (&plot, crm_chart_data_get_category (data, label->category), 0, &natural);
      elided += label->width < natural - 0.5;
      if (plot.rotate)
        {
          /* At 45°: its lowest corner inside the chart, its start too. */
          g_assert_cmpfloat (label->box.y + (label->width + plot.line_height / 2) * G_SQRT2 / 2, <=, height + 0.5);
          g_assert_cmpfloat (label->box.x - (label->width + plot.line_height / 2) * G_SQRT2 / 2, >=, -0.5);
          g_assert_cmpfloat (label->box.y - plot.line_height * G_SQRT2 / 4, >=, plot_bottom);
          /* Parallel neighbours a line apart, across their lines. */
          if (i > 0)
            {
              const CrmChartPlotLabel *before = &g_array_index (labels, CrmChartPlotLabel, i - 1);

              g_assert_cmpfloat ((label->box.x - before->box.x) * G_SQRT2 / 2, >=, plot.line_height);
            }
          continue;
        }

      g_assert_cmpfloat (label->box.x, >=, 0);
      g_assert_cmpfloat (label->box.x + label->box.width, <=, width);
      g_assert_cmpfloat (label->box.y, >=, 0);
      g_assert_cmpfloat (label->box.y + label->box.height, <=, height + 0.5);
      if (plot.horizontal)
        g_assert_cmpfloat (label->box.x + label->box.width, <=, plot.plot.x);
      else
        {
          g_assert_cmpfloat (label->box.y, >=, plot_bottom);
          /* Clear of the value axis' labels beside the plot. */
          g_assert_cmpfloat (label->box.x, >=, plot.plot.x - 8);
        }
      for (guint j = 0; j < i; j++)
        if (overlap (&label->box, &g_array_index (labels, CrmChartPlotLabel, j).box))
          g_error ("%g×%g: labels of categories %u and %u overlap", width, height,
                   label->category, g_array_index (labels, CrmChartPlotLabel, j).category);
    }
  cairo_destroy (cr);
  return elided;
}

static void
test_labels_never_overlap (void)
{
  static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December" };
  static const char *names[] = { "Web", "E-mail newsletter", "Телефон (колл-центр)", "门店",
                                 "وسائل التواصل الاجتماعي", "Mobile app", "Events & trade fairs in the region" };
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrmChartData) month_data = category_data (months, G_N_ELEMENTS (months));
  g_autoptr(CrmChartData) name_data = category_data (names, G_N_ELEMENTS (names));
  g_autoptr(CrmChartData) day_data = NULL;
  const CrmChartPlotOptions time_axis = { .skip_labels = TRUE };
  const CrmChartPlotOptions name_axis = { .skip_labels = FALSE, .room_after = 20 };
  const CrmChartPlotOptions side = { .horizontal = TRUE, .room_after = 40 };
  guint rotated = 0, skipped = 0, elided = 0;

  for (guint d = 0; d < 90; d++)
    g_ptr_array_add (days, g_strdup_printf ("2026-%02u-%02u", 1 + d / 30, 1 + d % 30));
  day_data = category_data ((const char * const *) days->pdata, days->len);

  for (guint rtl = 0; rtl < 2; rtl++)
    {
      g_autoptr(CrmRenderStyle) style = crm_golden_style (CRM_RENDER_PALETTE_LIGHT, rtl);

      for (double width = 100; width <= 1000; width += 15)
        for (double height = 120; height <= 480; height += 120)
          {
            CrmChartData *sets[] = { month_data, name_data, day_data };

            for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
              {
                cairo_t *cr = crm_render_measuring_context (NULL);
                g_auto(CrmChartPlot) plot = { 0 };

                elided += check_labels (sets[i], &time_axis, style, width, height);
                elided += check_labels (sets[i], &name_axis, style, width, height);
                elided += check_labels (sets[i], &side, style, width, height);

                /* Count what the sweep went through, so that it keeps
                 * testing every way of making room. */
                crm_chart_plot_init (&plot, cr, style, sets[i], &name_axis, width, height);
                rotated += plot.rotate;
                skipped += plot.label_every > 1;
                cairo_destroy (cr);
              }
          }
    }
  g_assert_cmpuint (rotated, >, 0);
  g_assert_cmpuint (skipped, >, 0);
  g_assert_cmpuint (elided, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-plot/tick-labels", test_tick_labels);
  g_test_add_func ("/chart-plot/labels-never-overlap", test_labels_never_overlap);
  return g_test_run ();
}
