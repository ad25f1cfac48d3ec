/* crm-period.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-period.h"

#define DAY (24 * 60 * 60)

struct _CrmPeriod
{
  CrmPeriodKind kind;
  gint64        start;
  gint64        end;
};

G_DEFINE_BOXED_TYPE (CrmPeriod, crm_period, crm_period_copy, crm_period_free)

static CrmPeriod *
period_new (CrmPeriodKind kind,
            gint64        start,
            gint64        end)
{
  CrmPeriod *self = g_new0 (CrmPeriod, 1);

  self->kind = kind;
  self->start = start;
  self->end = end;
  return self;
}

static gint64
utc_midnight (int year,
              int month)
{
  /* Months past December roll into the next year. */
  g_autoptr(GDateTime) date = NULL;

  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  date = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  return g_date_time_to_unix (date);
}

static int
months_of (CrmPeriodKind kind)
{
  return kind == CRM_PERIOD_MONTH ? 1 : kind == CRM_PERIOD_QUARTER ? 3 : 12;
}

/**
 * crm_period_new:
 *
 * A period as stored (with a target): @start and @end as they were.
 *
 * Returns: (transfer full): the period
 */
CrmPeriod *
crm_period_new (CrmPeriodKind kind,
                gint64        start,
                gint64        end)
{
  g_return_val_if_fail (kind <= CRM_PERIOD_CUSTOM, NULL);
  g_return_val_if_fail (end > start, NULL);

  return period_new (kind, start, end);
}

/**
 * crm_period_new_calendar:
 * @kind: month, quarter or year
 * @year: the year, e.g. 2025
 * @index: the month (1–12) or quarter (1–4); ignored for a year
 *
 * Returns: (transfer full): that calendar period, from midnight UTC on its
 *   first day to midnight UTC after its last
 */
CrmPeriod *
crm_period_new_calendar (CrmPeriodKind kind,
                         int           year,
                         int           index)
{
  int first_month;

  g_return_val_if_fail (kind != CRM_PERIOD_CUSTOM, NULL);
  g_return_val_if_fail (year >= 1900 && year < 2200, NULL);

  if (kind == CRM_PERIOD_MONTH)
    {
      g_return_val_if_fail (index >= 1 && index <= 12, NULL);
      first_month = index;
    }
  else if (kind == CRM_PERIOD_QUARTER)
    {
      g_return_val_if_fail (index >= 1 && index <= 4, NULL);
      first_month = (index - 1) * 3 + 1;
    }
  else
    first_month = 1;

  return period_new (kind, utc_midnight (year, first_month),
                     utc_midnight (year, first_month + months_of (kind)));
}

static CrmPeriod *
containing (CrmPeriodKind kind,
            gint64        time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time);
  int month;

  g_return_val_if_fail (local != NULL, NULL);

  month = g_date_time_get_month (local);
  return crm_period_new_calendar (kind, g_date_time_get_year (local),
                                  kind == CRM_PERIOD_QUARTER ? (month - 1) / 3 + 1 : month);
}

/**
 * crm_period_new_month:
 * @time: Unix seconds
 *
 * Returns: (transfer full): the calendar month that contains @time on the
 *   local calendar
 */
CrmPeriod *
crm_period_new_month (gint64 time)
{
  return containing (CRM_PERIOD_MONTH, time);
}

CrmPeriod *
crm_period_new_quarter (gint64 time)
{
  return containing (CRM_PERIOD_QUARTER, time);
}

CrmPeriod *
crm_period_new_year (gint64 time)
{
  return containing (CRM_PERIOD_YEAR, time);
}

/**
 * crm_period_new_custom:
 * @start: Unix seconds; rounded down to midnight UTC
 * @end: Unix seconds, not included; rounded up to midnight UTC
 *
 * Returns: (transfer full): the whole days from @start to @end
 */
CrmPeriod *
crm_period_new_custom (gint64 start,
                       gint64 end)
{
  g_return_val_if_fail (start >= 0 && end > start, NULL);

  start -= start % DAY;
  if (end % DAY != 0)
    end += DAY - end % DAY;
  return period_new (CRM_PERIOD_CUSTOM, start, end);
}

CrmPeriod *
crm_period_copy (const CrmPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return period_new (self->kind, self->start, self->end);
}

void
crm_period_free (CrmPeriod *self)
{
  g_free (self);
}

CrmPeriodKind
crm_period_get_kind (const CrmPeriod *self)
{
  g_return_val_if_fail (self != NULL, CRM_PERIOD_CUSTOM);
  return self->kind;
}

gint64
crm_period_get_start (const CrmPeriod *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->start;
}

gint64
crm_period_get_end (const CrmPeriod *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->end;
}

/**
 * crm_period_get_previous:
 *
 * The period a figure is compared with: the calendar period before a
 * month, quarter or year (March → February, whatever their lengths), or
 * the same number of days just before a custom period.
 *
 * Returns: (transfer full): the previous period
 */
CrmPeriod *
crm_period_get_previous (const CrmPeriod *self)
{
  g_autoptr(GDateTime) start = NULL;
  int year, month;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == CRM_PERIOD_CUSTOM)
    return period_new (CRM_PERIOD_CUSTOM, self->start - (self->end - self->start), self->start);

  start = g_date_time_new_from_unix_utc (self->start);
  year = g_date_time_get_year (start);
  month = g_date_time_get_month (start) - months_of (self->kind);
  if (month < 1)
    {
      month += 12;
      year--;
    }
  return period_new (self->kind, utc_midnight (year, month), self->start);
}

gboolean
crm_period_equal (const CrmPeriod *a,
                  const CrmPeriod *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind && a->start == b->start && a->end == b->end;
}

/**
 * crm_period_format:
 *
 * Returns: (transfer full): the period as a user reads it: "March 2026",
 *   "Q1 2026", "2026" or "2026-03-01 – 2026-03-14"
 */
char *
crm_period_format (const CrmPeriod *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  start = g_date_time_new_from_unix_utc (self->start);
  switch (self->kind)
    {
    case CRM_PERIOD_MONTH:
      /* TRANSLATORS: a month of a year, as strftime() writes it: "March 2026" */
      return g_date_time_format (start, _("%B %Y"));
    case CRM_PERIOD_QUARTER:
      /* TRANSLATORS: a quarter of a year: "Q1 2026" */
      return g_strdup_printf (_("Q%d %d"), (g_date_time_get_month (start) - 1) / 3 + 1,
                              g_date_time_get_year (start));
    case CRM_PERIOD_YEAR:
      return g_strdup_printf ("%d", g_date_time_get_year (start));
    case CRM_PERIOD_CUSTOM:
    default:
      {
        g_autofree char *from = g_date_time_format (start, "%Y-%m-%d");
        g_autofree char *to = NULL;

        last = g_date_time_new_from_unix_utc (self->end - DAY);
        to = g_date_time_format (last, "%Y-%m-%d");
        /* TRANSLATORS: a range of days: "2026-03-01 – 2026-03-14" */
        return g_strdup_printf (_("%s – %s"), from, to);
      }
    }
}
