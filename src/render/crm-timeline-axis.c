/* crm-timeline-axis.c: the timeline's time axis: ticks on round times
 * for any span from minutes to centuries, their labels kept clear of each
 * other, and the gridlines behind the lanes.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crm-timeline-private.h"

/* ----- the time axis ----- */


static const TickStep tick_steps[] = {
  { UNIT_MINUTE, 5, 300 }, { UNIT_MINUTE, 10, 600 }, { UNIT_MINUTE, 15, 900 }, { UNIT_MINUTE, 30, 1800 },
  { UNIT_HOUR, 1, HOUR }, { UNIT_HOUR, 2, 2 * HOUR }, { UNIT_HOUR, 3, 3 * HOUR },
  { UNIT_HOUR, 6, 6 * HOUR }, { UNIT_HOUR, 12, 12 * HOUR },
  { UNIT_DAY, 1, DAY }, { UNIT_DAY, 2, 2 * DAY },
  { UNIT_WEEK, 1, 7 * DAY }, { UNIT_WEEK, 2, 14 * DAY },
  { UNIT_MONTH, 1, 28 * DAY }, { UNIT_MONTH, 2, 59 * DAY }, { UNIT_MONTH, 3, 89 * DAY },
  { UNIT_MONTH, 6, 181 * DAY },
  { UNIT_YEAR, 1, 365 * DAY }, { UNIT_YEAR, 2, 730 * DAY }, { UNIT_YEAR, 5, 1826 * DAY },
  { UNIT_YEAR, 10, 3652 * DAY }, { UNIT_YEAR, 25, 9131 * DAY }, { UNIT_YEAR, 50, 18262 * DAY },
  { UNIT_YEAR, 100, 36524 * DAY },
};


void
crm_timeline_clear_tick (gpointer data)
{
  g_free (((Tick *) data)->label);
}

/* Days since 1 January of the year 1, which was a Monday. */
static guint
julian_day (int year,
            int month,
            int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* The tick of @step at or before @at, in @at's time zone: ticks fall on
 * round times (minutes and hours by the step, every other day by the calendar,
 * Mondays, the first of a quarter, years divisible by the step) so that
 * they stay where they are while the window scrolls. */
static GDateTime *
tick_floor (GDateTime      *at,
            const TickStep *step)
{
  GTimeZone *zone = g_date_time_get_timezone (at);
  int year, month, day, hour, minute;

  g_date_time_get_ymd (at, &year, &month, &day);
  hour = g_date_time_get_hour (at);
  switch (step->unit)
    {
    case UNIT_MINUTE:
      minute = g_date_time_get_minute (at);
      return g_date_time_new (zone, year, month, day, hour, minute - minute % step->step, 0);
    case UNIT_HOUR:
      return g_date_time_new (zone, year, month, day, hour - hour % step->step, 0, 0);
    case UNIT_DAY:
    case UNIT_WEEK:
      {
        g_autoptr(GDateTime) midnight = g_date_time_new (zone, year, month, day, 0, 0, 0);
        guint julian = julian_day (year, month, day);
        guint back = step->unit == UNIT_DAY
                     ? julian % step->step
                     : (julian - 1) % 7 + 7 * ((julian - 1) / 7 % step->step);

        return midnight != NULL ? g_date_time_add_days (midnight, -(int) back) : NULL;
      }
    case UNIT_MONTH:
      return g_date_time_new (zone, year, month - (month - 1) % step->step, 1, 0, 0, 0);
    case UNIT_YEAR:
    default:
      return g_date_time_new (zone, MAX (1, year - year % step->step), 1, 1, 0, 0, 0);
    }
}

static GDateTime *
tick_next (GDateTime      *at,
           const TickStep *step)
{
  switch (step->unit)
    {
    case UNIT_MINUTE:
      return g_date_time_add_minutes (at, step->step);
    case UNIT_HOUR:
      return g_date_time_add_hours (at, step->step);
    case UNIT_DAY:
      return g_date_time_add_days (at, step->step);
    case UNIT_WEEK:
      return g_date_time_add_weeks (at, step->step);
    case UNIT_MONTH:
      return g_date_time_add_months (at, step->step);
    case UNIT_YEAR:
    default:
      return g_date_time_add_years (at, step->step);
    }
}

/* A tick's label: the time in the step's unit, or at the start of a day
 * (ticks of minutes or hours) or of a year (the others), the day or the year. */
static char *
tick_label (GDateTime      *at,
            const TickStep *step,
            gboolean       *major)
{
  int year, month, day;

  g_date_time_get_ymd (at, &year, &month, &day);
  *major = FALSE;
  switch (step->unit)
    {
    case UNIT_MINUTE:
    case UNIT_HOUR:
      if (g_date_time_get_hour (at) != 0 || g_date_time_get_minute (at) != 0)
        /* Translators: an hour on the timeline's axis, in
         * g_date_time_format()'s notation: “14:00”. */
        return g_date_time_format (at, C_("time axis", "%H:%M"));
      *major = TRUE;
      /* Translators: a day on the timeline's axis, in
       * g_date_time_format()'s notation: “3 Mar”. */
      return g_date_time_format (at, C_("time axis", "%-d %b"));
    case UNIT_DAY:
    case UNIT_WEEK:
      if (month == 1 && day == 1)
        break;
      return g_date_time_format (at, C_("time axis", "%-d %b"));
    case UNIT_MONTH:
      if (month == 1)
        break;
      /* Translators: a month on the timeline's axis, in
       * g_date_time_format()'s notation: “Mar”. */
      return g_date_time_format (at, C_("time axis", "%b"));
    case UNIT_YEAR:
    default:
      return g_date_time_format (at, "%Y");
    }
  *major = TRUE;
  return g_date_time_format (at, "%Y");
}

/**
 * choose_ticks:
 * @step: (out): the step chosen, or %NULL when none fits
 *
 * The ticks of the shortest step whose labels, each centred on its tick,
 * keep clear of each other; a label that would leave the chart or run
 * into the lane labels is left out, its gridline kept.
 *
 * Returns: (transfer full) (element-type Tick): the ticks in the window
 */
GArray *
crm_timeline_choose_ticks (const Layout    *self,
                           const TickStep **step)
{
  double s = self->scale;
  double low = self->plot_x - COLUMN_GAP * s / 2, high = self->width - PAD * s;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->start);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (utc, crm_timeline_data_get_time_zone (self->data));

  *step = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    {
      const TickStep *candidate = &tick_steps[i];
      GArray *ticks;
      GDateTime *at;
      double placed_end = -G_MAXDOUBLE;
      gboolean fits = TRUE;

      if (candidate->seconds * self->px_per_second < TICK_MIN * s)
        continue;
      ticks = g_array_new (FALSE, FALSE, sizeof (Tick));
      g_array_set_clear_func (ticks, crm_timeline_clear_tick);
      for (at = tick_floor (start, candidate); fits && at != NULL && g_date_time_to_unix (at) <= self->end;)
        {
          gint64 time = g_date_time_to_unix (at);
          GDateTime *next;

          if (time >= self->start)
            {
              Tick tick = { crm_timeline_time_x (self, time), FALSE, NULL, 0, 0 };
              g_autofree char *label = tick_label (at, candidate, &tick.major);
              double width = crm_render_text_width (self->small, label);
              double x = tick.x - width / 2;

              if (x >= low && x + width <= high)
                {
                  fits = x >= placed_end + TICK_SPACING * s;
                  placed_end = x + width;
                  tick.label = g_steal_pointer (&label);
                  tick.label_x = x;
                  tick.label_width = width;
                }
              g_array_append_val (ticks, tick);
            }
          next = tick_next (at, candidate);
          g_date_time_unref (at);
          at = next;
        }
      g_clear_pointer (&at, g_date_time_unref);
      if (fits)
        {
          *step = candidate;
          return ticks;
        }
      g_array_unref (ticks);
    }
  return g_array_new (FALSE, FALSE, sizeof (Tick));
}

/* What the ticks leave unsaid, in the label column beside them: the year
 * of the window's start, or with ticks of minutes or hours its day. */
static char *
axis_context (const Layout   *self,
              const TickStep *step)
{
  if (step == NULL || step->unit == UNIT_YEAR)
    return NULL;
  if (step->unit == UNIT_MINUTE || step->unit == UNIT_HOUR)
    /* Translators: the day the timeline's window begins on, beside its
     * hourly axis, in g_date_time_format()'s notation: “3 Mar 2026”. */
    return crm_timeline_data_format_time (self->data, self->start, C_("time axis", "%-d %b %Y"));
  return crm_timeline_data_format_time (self->data, self->start, "%Y");
}

void
crm_timeline_draw_gridlines (const Layout *self,
                             cairo_t      *cr,
                             GArray       *ticks)
{
  double top = self->lanes_y, bottom = self->tx_y + self->tx_height;

  cairo_set_line_width (cr, self->scale);
  for (int major = 0; major < 2; major++)
    {
      for (guint i = 0; i < ticks->len; i++)
        {
          const Tick *tick = &g_array_index (ticks, Tick, i);
          double x = floor (crm_timeline_mirror (self, tick->x)) + 0.5;

          if (tick->major != major)
            continue;
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, bottom);
        }
      crm_timeline_set_faint (cr, self->style, major ? 0.16 : 0.08);
      cairo_stroke (cr);
    }
}

void
crm_timeline_draw_axis_labels (Painter        *painter,
                               GArray         *ticks,
                               const TickStep *step)
{
  const Layout *self = painter->layout;
  g_autofree char *context = axis_context (self, step);

  crm_timeline_set_muted (painter);
  for (guint i = 0; i < ticks->len; i++)
    {
      const Tick *tick = &g_array_index (ticks, Tick, i);

      if (tick->label == NULL)
        continue;
      crm_render_text_set (self->small, tick->label);
      crm_timeline_emit_text (painter, CRM_TIMELINE_TEXT_AXIS, self->small, tick->label_x, self->axis_y,
                 tick->label_width, CRM_TEXT_CENTER);
    }
  if (context != NULL && self->label_width > 0)
    {
      crm_render_text_set (self->small, context);
      crm_render_text_elide (self->small, self->label_width);
      crm_timeline_emit_text (painter, CRM_TIMELINE_TEXT_AXIS, self->small, self->label_x, self->axis_y,
                 self->label_width, CRM_TEXT_START);
    }
}

