/* crm-chart-data.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-chart-data.h"

struct _CrmChartData
{
  gatomicrefcount ref_count;
  CrmValueKind    kind;
  char           *currency;
  GPtrArray      *categories;   /* char * */
  GPtrArray      *series;       /* char * */
  GArray         *values;       /* double, series-major; NAN where unset */
};

G_DEFINE_BOXED_TYPE (CrmChartData, crm_chart_data, crm_chart_data_ref, crm_chart_data_unref)

CrmChartData *
crm_chart_data_new (CrmValueKind kind)
{
  CrmChartData *self = g_new0 (CrmChartData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->currency = g_strdup ("");
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

CrmChartData *
crm_chart_data_ref (CrmChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
crm_chart_data_unref (CrmChartData *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->currency);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
  g_array_unref (self->values);
  g_free (self);
}

CrmValueKind
crm_chart_data_get_kind (const CrmChartData *self)
{
  g_return_val_if_fail (self != NULL, CRM_VALUE_COUNT);
  return self->kind;
}

const char *
crm_chart_data_get_currency (const CrmChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->currency;
}

void
crm_chart_data_set_currency (CrmChartData *self,
                             const char   *currency)
{
  g_return_if_fail (self != NULL);
  g_free (self->currency);
  self->currency = g_strdup (currency ? currency : "");
}

/* Values are kept series-major with room for every category; a new
 * category or series makes the matrix anew, which only happens while the
 * data is being built. */
static void
resize (CrmChartData *self,
        guint         n_series,
        guint         n_categories)
{
  guint old_series = self->series->len, old_categories = self->categories->len;
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_series * n_categories);

  for (guint s = 0; s < n_series; s++)
    for (guint c = 0; c < n_categories; c++)
      {
        double value = s < old_series && c < old_categories
                     ? g_array_index (self->values, double, s * old_categories + c) : NAN;

        g_array_append_val (values, value);
      }
  g_array_unref (self->values);
  self->values = g_steal_pointer (&values);
}

guint
crm_chart_data_add_category (CrmChartData *self,
                             const char   *label)
{
  g_return_val_if_fail (self != NULL, 0);
  resize (self, self->series->len, self->categories->len + 1);
  g_ptr_array_add (self->categories, g_strdup (label ? label : ""));
  return self->categories->len - 1;
}

guint
crm_chart_data_get_n_categories (const CrmChartData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->categories->len;
}

const char *
crm_chart_data_get_category (const CrmChartData *self,
                             guint               category)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, category);
}

guint
crm_chart_data_add_series (CrmChartData *self,
                           const char   *name)
{
  g_return_val_if_fail (self != NULL, 0);
  resize (self, self->series->len + 1, self->categories->len);
  g_ptr_array_add (self->series, g_strdup (name ? name : ""));
  return self->series->len - 1;
}

guint
crm_chart_data_get_n_series (const CrmChartData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->series->len;
}

const char *
crm_chart_data_get_series_name (const CrmChartData *self,
                                guint               series)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  return g_ptr_array_index (self->series, series);
}

void
crm_chart_data_set_value (CrmChartData *self,
                          guint         series,
                          guint         category,
                          double        value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (category < self->categories->len);
  g_array_index (self->values, double, series * self->categories->len + category) = value;
}

/**
 * crm_chart_data_get_value:
 *
 * Returns: the value, or NAN where none was set (a gap in a line, no bar)
 */
double
crm_chart_data_get_value (const CrmChartData *self,
                          guint               series,
                          guint               category)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (series < self->series->len, NAN);
  g_return_val_if_fail (category < self->categories->len, NAN);
  return g_array_index (self->values, double, series * self->categories->len + category);
}

/* The sum of a category's values over all series (a stacked bar's
 * height), missing values counting as nothing. */
double
crm_chart_data_get_category_total (const CrmChartData *self,
                                   guint               category)
{
  double total = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint s = 0; s < self->series->len; s++)
    {
      double value = crm_chart_data_get_value (self, s, category);

      if (!isnan (value))
        total += value;
    }
  return total;
}

double
crm_chart_data_get_series_total (const CrmChartData *self,
                                 guint               series)
{
  double total = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint c = 0; c < self->categories->len; c++)
    {
      double value = crm_chart_data_get_value (self, series, c);

      if (!isnan (value))
        total += value;
    }
  return total;
}

/**
 * crm_chart_data_get_range:
 * @stacked: whether values of a category are piled up (positive and
 *   negative values on their own piles)
 *
 * The smallest and largest value an axis has to show.
 *
 * Returns: %FALSE when there is no value at all
 */
gboolean
crm_chart_data_get_range (const CrmChartData *self,
                          gboolean            stacked,
                          double             *min,
                          double             *max)
{
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  *min = INFINITY;
  *max = -INFINITY;
  for (guint c = 0; c < self->categories->len; c++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double value = crm_chart_data_get_value (self, s, c);

          if (isnan (value))
            continue;
          any = TRUE;
          if (!stacked)
            {
              *min = MIN (*min, value);
              *max = MAX (*max, value);
            }
          else if (value >= 0)
            up += value;
          else
            down += value;
        }
      if (stacked)
        {
          *min = MIN (*min, down);
          *max = MAX (*max, up);
        }
    }
  if (!any)
    *min = *max = 0;
  return any;
}

gboolean
crm_chart_data_is_empty (const CrmChartData *self)
{
  double min, max;

  g_return_val_if_fail (self != NULL, TRUE);
  return !crm_chart_data_get_range (self, FALSE, &min, &max);
}

char *
crm_chart_data_format_value (const CrmChartData *self,
                             double              value)
{
  g_return_val_if_fail (self != NULL, NULL);
  return crm_value_format (value, self->kind, self->currency);
}

char *
crm_chart_data_format_compact (const CrmChartData *self,
                               double              value)
{
  g_return_val_if_fail (self != NULL, NULL);
  return crm_value_format_compact (value, self->kind, self->currency);
}

/**
 * crm_chart_data_describe:
 *
 * The data in words, for a screen reader's description of a chart:
 * each series with each category's value.
 */
char *
crm_chart_data_describe (const CrmChartData *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  if (crm_chart_data_is_empty (self))
    {
      g_string_free (text, TRUE);
      return g_strdup (_("No data"));
    }
  for (guint s = 0; s < self->series->len; s++)
    {
      const char *name = crm_chart_data_get_series_name (self, s);

      if (text->len > 0)
        g_string_append (text, "\n");
      if (*name != '\0')
        /* Translators: a series of a chart, followed by its values. */
        g_string_append_printf (text, _("%s: "), name);
      for (guint c = 0, n = 0; c < self->categories->len; c++)
        {
          double value = crm_chart_data_get_value (self, s, c);
          g_autofree char *formatted = NULL;

          if (isnan (value))
            continue;
          formatted = crm_chart_data_format_value (self, value);
          /* Translators: a category of a chart and its value, e.g. “March 1,234”. */
          g_string_append_printf (text, n++ > 0 ? _(", %s %s") : _("%s %s"),
                                  crm_chart_data_get_category (self, c), formatted);
        }
    }
  return g_string_free (text, FALSE);
}
