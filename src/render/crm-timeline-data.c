/* crm-timeline-data.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-timeline-data.h"

#define HOUR  G_GINT64_CONSTANT (3600)
#define DAY   (24 * HOUR)

/* The shortest window a zoom reaches, and the room around the journey a
 * window may show: a twentieth of its span, at least a day each side. */
#define MIN_WINDOW    HOUR
#define MARGIN_SHARE  0.05
#define MIN_MARGIN    DAY

/* At most this many moments of truth are named in the description. */
#define DESCRIBED_MOMENTS 5

struct _CrmTimelineData
{
  gatomicrefcount ref_count;
  GTimeZone      *time_zone;
  GStringChunk   *strings;      /* every string, each once: equal strings
                                 * are equal pointers */
  GPtrArray      *lanes;        /* names, in the chunk */
  GArray         *marks;        /* CrmTimelineMark, in time order */
  GArray         *transactions; /* CrmTimelineTransaction, in time order */
  GArray         *bands;        /* CrmTimelineStageBand, as given */
  GArray         *derived;      /* and as the marks' stages make them */
  double          largest;      /* the largest amount, refunds counted positive */
  gboolean        has_window;
  gint64          window_start;
  gint64          window_end;
};

G_DEFINE_BOXED_TYPE (CrmTimelineData, crm_timeline_data, crm_timeline_data_ref, crm_timeline_data_unref)

CrmTimelineData *
crm_timeline_data_new (void)
{
  CrmTimelineData *self = g_new0 (CrmTimelineData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->time_zone = g_time_zone_new_local ();
  self->strings = g_string_chunk_new (256);
  self->lanes = g_ptr_array_new ();
  self->marks = g_array_new (FALSE, FALSE, sizeof (CrmTimelineMark));
  self->transactions = g_array_new (FALSE, FALSE, sizeof (CrmTimelineTransaction));
  self->bands = g_array_new (FALSE, FALSE, sizeof (CrmTimelineStageBand));
  self->derived = g_array_new (FALSE, FALSE, sizeof (CrmTimelineStageBand));
  return self;
}

CrmTimelineData *
crm_timeline_data_ref (CrmTimelineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
crm_timeline_data_unref (CrmTimelineData *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_time_zone_unref (self->time_zone);
  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->lanes);
  g_array_unref (self->marks);
  g_array_unref (self->transactions);
  g_array_unref (self->bands);
  g_array_unref (self->derived);
  g_free (self);
}

/* The time zone the axis and the descriptions show times in: the local
 * one unless set. */
GTimeZone *
crm_timeline_data_get_time_zone (const CrmTimelineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->time_zone;
}

/**
 * crm_timeline_data_set_time_zone:
 * @time_zone: (nullable): %NULL for the local time zone
 */
void
crm_timeline_data_set_time_zone (CrmTimelineData *self,
                                 GTimeZone       *time_zone)
{
  g_return_if_fail (self != NULL);
  g_time_zone_unref (self->time_zone);
  self->time_zone = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
}

static const char *
intern (CrmTimelineData *self,
        const char      *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

/* A channel's lane; lanes are drawn top down in the order they are added.
 * Returns: the lane's index */
guint
crm_timeline_data_add_lane (CrmTimelineData *self,
                            const char      *name)
{
  g_return_val_if_fail (self != NULL, 0);
  g_ptr_array_add (self->lanes, (gpointer) intern (self, name != NULL ? name : ""));
  return self->lanes->len - 1;
}

guint
crm_timeline_data_get_n_lanes (const CrmTimelineData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lanes->len;
}

const char *
crm_timeline_data_get_lane_name (const CrmTimelineData *self,
                                 guint                  lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);
  return g_ptr_array_index (self->lanes, lane);
}

/* The first element of @array, whose elements have their time at
 * @offset, that comes after @time, or with @after FALSE, at or after it. */
static guint
search (const GArray *array,
        gsize         offset,
        gint64        time,
        gboolean      after)
{
  guint lo = 0, hi = array->len;
  guint size = g_array_get_element_size ((GArray *) array);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 at = *(const gint64 *) (array->data + (gsize) mid * size + offset);

      if (at < time || (after && at == time))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* One mark more, in time order, for the derived bands. */
static void
derive_step (CrmTimelineData       *self,
             const CrmTimelineMark *mark)
{
  CrmTimelineStageBand *last = self->derived->len > 0
    ? &g_array_index (self->derived, CrmTimelineStageBand, self->derived->len - 1) : NULL;

  if (mark->stage == NULL || *mark->stage == '\0' || (last != NULL && last->stage == mark->stage))
    {
      if (last != NULL)
        last->end = mark->time;
      return;
    }
  if (last != NULL)
    last->end = mark->time;
  g_array_append_val (self->derived, ((CrmTimelineStageBand) { mark->stage, mark->time, mark->time }));
}

/**
 * crm_timeline_data_add_mark:
 * @mark: the touchpoint; its strings are copied
 *
 * Returns: the mark's index in time order, after the marks at the same
 *   time already there
 */
guint
crm_timeline_data_add_mark (CrmTimelineData       *self,
                            const CrmTimelineMark *mark)
{
  CrmTimelineMark copy;
  guint at;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (mark != NULL, 0);
  g_return_val_if_fail (mark->lane < self->lanes->len, 0);
  g_return_val_if_fail (mark->satisfaction >= 0 && mark->satisfaction <= 5, 0);

  copy = *mark;
  copy.moment_of_truth = !!mark->moment_of_truth;
  copy.label = intern (self, mark->label != NULL ? mark->label : "");
  copy.stage = mark->stage != NULL && *mark->stage != '\0' ? intern (self, mark->stage) : NULL;
  at = search (self->marks, G_STRUCT_OFFSET (CrmTimelineMark, time), copy.time, TRUE);
  g_array_insert_val (self->marks, at, copy);

  if (at + 1 == self->marks->len)
    derive_step (self, &copy);
  else
    {
      g_array_set_size (self->derived, 0);
      for (guint i = 0; i < self->marks->len; i++)
        derive_step (self, &g_array_index (self->marks, CrmTimelineMark, i));
    }
  return at;
}

guint
crm_timeline_data_get_n_marks (const CrmTimelineData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->marks->len;
}

/**
 * crm_timeline_data_get_mark:
 *
 * Returns: (transfer none): the mark, valid until the data changes
 */
const CrmTimelineMark *
crm_timeline_data_get_mark (const CrmTimelineData *self,
                            guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);
  return &g_array_index (self->marks, CrmTimelineMark, index);
}

/* The index of the first mark at or after @time; the number of marks
 * when there is none. */
guint
crm_timeline_data_find_mark (const CrmTimelineData *self,
                             gint64                 time)
{
  g_return_val_if_fail (self != NULL, 0);
  return search (self->marks, G_STRUCT_OFFSET (CrmTimelineMark, time), time, FALSE);
}

/**
 * crm_timeline_data_add_transaction:
 * @transaction: the order or refund; its strings are copied
 *
 * Returns: the transaction's index in time order
 */
guint
crm_timeline_data_add_transaction (CrmTimelineData              *self,
                                   const CrmTimelineTransaction *transaction)
{
  CrmTimelineTransaction copy;
  guint at;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (transaction != NULL, 0);
  g_return_val_if_fail (!isnan (transaction->amount), 0);

  copy = *transaction;
  copy.currency = intern (self, transaction->currency != NULL ? transaction->currency : "");
  copy.label = transaction->label != NULL ? intern (self, transaction->label) : NULL;
  at = search (self->transactions, G_STRUCT_OFFSET (CrmTimelineTransaction, time), copy.time, TRUE);
  g_array_insert_val (self->transactions, at, copy);
  self->largest = MAX (self->largest, fabs (copy.amount));
  return at;
}

guint
crm_timeline_data_get_n_transactions (const CrmTimelineData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->transactions->len;
}

/**
 * crm_timeline_data_get_transaction:
 *
 * Returns: (transfer none): the transaction, valid until the data changes
 */
const CrmTimelineTransaction *
crm_timeline_data_get_transaction (const CrmTimelineData *self,
                                   guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->transactions->len, NULL);
  return &g_array_index (self->transactions, CrmTimelineTransaction, index);
}

/* The index of the first transaction at or after @time; the number of
 * transactions when there is none. */
guint
crm_timeline_data_find_transaction (const CrmTimelineData *self,
                                    gint64                 time)
{
  g_return_val_if_fail (self != NULL, 0);
  return search (self->transactions, G_STRUCT_OFFSET (CrmTimelineTransaction, time), time, FALSE);
}

/* The largest amount of a transaction, a refund's counted positive: the
 * height of the highest bar. */
double
crm_timeline_data_get_largest_amount (const CrmTimelineData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->largest;
}

/**
 * crm_timeline_data_add_stage_band:
 *
 * A stage from @start to @end. Once one band is given, the bands derived
 * from the marks are no longer used.
 */
void
crm_timeline_data_add_stage_band (CrmTimelineData *self,
                                  const char      *stage,
                                  gint64           start,
                                  gint64           end)
{
  CrmTimelineStageBand band;

  g_return_if_fail (self != NULL);
  g_return_if_fail (stage != NULL);
  g_return_if_fail (start <= end);

  band = (CrmTimelineStageBand) { intern (self, stage), start, end };
  g_array_append_val (self->bands, band);
}

static const GArray *
stage_bands (const CrmTimelineData *self)
{
  return self->bands->len > 0 ? self->bands : self->derived;
}

/* The stage bands: those given, or else those the marks' stages make. */
guint
crm_timeline_data_get_n_stage_bands (const CrmTimelineData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return stage_bands (self)->len;
}

/**
 * crm_timeline_data_get_stage_band:
 *
 * Returns: (transfer none): the band, valid until the data changes
 */
const CrmTimelineStageBand *
crm_timeline_data_get_stage_band (const CrmTimelineData *self,
                                  guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < stage_bands (self)->len, NULL);
  return &g_array_index (stage_bands (self), CrmTimelineStageBand, index);
}

/* Nothing to draw: no touchpoint and no transaction. */
gboolean
crm_timeline_data_is_empty (const CrmTimelineData *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->marks->len == 0 && self->transactions->len == 0;
}

/**
 * crm_timeline_data_get_extent:
 * @start: (out) (optional): the time of the first mark, transaction or band
 * @end: (out) (optional): and of the last
 *
 * Returns: %FALSE when the data is empty
 */
gboolean
crm_timeline_data_get_extent (const CrmTimelineData *self,
                              gint64                *start,
                              gint64                *end)
{
  gint64 lo = G_MAXINT64, hi = G_MININT64;

  g_return_val_if_fail (self != NULL, FALSE);
  if (crm_timeline_data_is_empty (self))
    return FALSE;

  if (self->marks->len > 0)
    {
      lo = g_array_index (self->marks, CrmTimelineMark, 0).time;
      hi = g_array_index (self->marks, CrmTimelineMark, self->marks->len - 1).time;
    }
  if (self->transactions->len > 0)
    {
      lo = MIN (lo, g_array_index (self->transactions, CrmTimelineTransaction, 0).time);
      hi = MAX (hi, g_array_index (self->transactions, CrmTimelineTransaction, self->transactions->len - 1).time);
    }
  for (guint i = 0; i < self->bands->len; i++)
    {
      lo = MIN (lo, g_array_index (self->bands, CrmTimelineStageBand, i).start);
      hi = MAX (hi, g_array_index (self->bands, CrmTimelineStageBand, i).end);
    }
  if (start != NULL)
    *start = lo;
  if (end != NULL)
    *end = hi;
  return TRUE;
}

/**
 * crm_timeline_data_get_bounds:
 * @start: (out) (optional):
 * @end: (out) (optional):
 *
 * How far a window may reach: the extent and a margin each side, a
 * twentieth of the extent and at least a day. The whole journey is shown
 * in this window until another is set.
 *
 * Returns: %FALSE when the data is empty
 */
gboolean
crm_timeline_data_get_bounds (const CrmTimelineData *self,
                              gint64                *start,
                              gint64                *end)
{
  gint64 lo, hi, margin;

  g_return_val_if_fail (self != NULL, FALSE);
  if (!crm_timeline_data_get_extent (self, &lo, &hi))
    return FALSE;
  margin = MAX ((gint64) ((hi - lo) * MARGIN_SHARE), MIN_MARGIN);
  if (start != NULL)
    *start = lo - margin;
  if (end != NULL)
    *end = hi + margin;
  return TRUE;
}

/* [@start, @end] made at least MIN_WINDOW and at most the bounds long,
 * and moved inside them. */
static void
clamp_window (const CrmTimelineData *self,
              gint64                *start,
              gint64                *end)
{
  gint64 lo, hi, span;

  if (!crm_timeline_data_get_bounds (self, &lo, &hi))
    return;
  span = CLAMP (*end - *start, MIN_WINDOW, hi - lo);
  *start = CLAMP (*start, lo, hi - span);
  *end = *start + span;
}

/**
 * crm_timeline_data_get_window:
 * @start: (out) (optional): the first time shown
 * @end: (out) (optional): the last
 *
 * The window of time the timeline shows: the one set, kept inside the
 * bounds of the data as it is now, or else the bounds.
 *
 * Returns: %FALSE when the data is empty and no window was set
 */
gboolean
crm_timeline_data_get_window (const CrmTimelineData *self,
                              gint64                *start,
                              gint64                *end)
{
  gint64 lo, hi;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_window)
    {
      lo = self->window_start;
      hi = self->window_end;
      clamp_window (self, &lo, &hi);
    }
  else if (!crm_timeline_data_get_bounds (self, &lo, &hi))
    return FALSE;
  if (start != NULL)
    *start = lo;
  if (end != NULL)
    *end = hi;
  return TRUE;
}

/**
 * crm_timeline_data_set_window:
 *
 * Shows the time from @start to @end, as far as the bounds allow: a
 * window longer than the bounds is cut to them, one shorter than an hour
 * widened to an hour, and one beyond them moved back inside.
 */
void
crm_timeline_data_set_window (CrmTimelineData *self,
                              gint64           start,
                              gint64           end)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (start < end);

  clamp_window (self, &start, &end);
  self->has_window = TRUE;
  self->window_start = start;
  self->window_end = end;
}

/* Shows the whole journey again, however the data grows. */
void
crm_timeline_data_reset_window (CrmTimelineData *self)
{
  g_return_if_fail (self != NULL);
  self->has_window = FALSE;
}

static gboolean
move_window (CrmTimelineData *self,
             gint64           start,
             gint64           end)
{
  gint64 old_start, old_end;

  crm_timeline_data_get_window (self, &old_start, &old_end);
  crm_timeline_data_set_window (self, start, end);
  crm_timeline_data_get_window (self, &start, &end);
  return start != old_start || end != old_end;
}

/**
 * crm_timeline_data_zoom:
 * @around: the time that stays where it is, e.g. the one under the
 *   pointer; a time outside the window counts as its nearer end
 * @factor: above 1 zooms in (2: half the time shown), below 1 out
 *
 * Returns: whether the window changed: %FALSE at the limits (an hour, or
 *   the whole journey) and when the data is empty
 */
gboolean
crm_timeline_data_zoom (CrmTimelineData *self,
                        gint64           around,
                        double           factor)
{
  gint64 start, end;
  double share, span;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (factor > 0 && isfinite (factor), FALSE);

  if (crm_timeline_data_is_empty (self) || !crm_timeline_data_get_window (self, &start, &end))
    return FALSE;
  around = CLAMP (around, start, end);
  share = (double) (around - start) / (double) (end - start);
  span = (double) (end - start) / factor;
  /* Past a limit, the zoom stops at it with @around where it was. */
  span = CLAMP (span, (double) MIN_WINDOW, 1e17);
  start = around - (gint64) llround (share * span);
  return move_window (self, start, start + (gint64) llround (span));
}

/**
 * crm_timeline_data_pan:
 * @seconds: how far to move the window: later when positive
 *
 * Returns: whether the window moved: %FALSE at the ends of the bounds and
 *   when the data is empty
 */
gboolean
crm_timeline_data_pan (CrmTimelineData *self,
                       gint64           seconds)
{
  gint64 start, end;

  g_return_val_if_fail (self != NULL, FALSE);

  if (crm_timeline_data_is_empty (self) || !crm_timeline_data_get_window (self, &start, &end))
    return FALSE;
  return move_window (self, start + seconds, end + seconds);
}

/**
 * crm_timeline_data_format_time:
 * @format: as g_date_time_format() takes it
 *
 * @time in the data's time zone.
 */
char *
crm_timeline_data_format_time (const CrmTimelineData *self,
                               gint64                 time,
                               const char            *format)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  utc = g_date_time_new_from_unix_utc (time);
  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (utc, self->time_zone);
  return g_date_time_format (local, format);
}

static char *
format_day (const CrmTimelineData *self,
            gint64                 time)
{
  /* Translators: a day in the timeline's descriptions, in
   * g_date_time_format()'s notation: “3 March 2026”. */
  return crm_timeline_data_format_time (self, time, _("%-d %B %Y"));
}

/* How long @seconds are, in the largest unit that says it well. */
static char *
describe_span (gint64 seconds)
{
  double days = seconds / (double) DAY;
  guint n;

  if (days < 1)
    {
      n = MAX (1, (guint) llround (seconds / (double) HOUR));
      return g_strdup_printf (ngettext ("%u hour", "%u hours", n), n);
    }
  if (days < 61)
    {
      n = (guint) llround (days);
      return g_strdup_printf (ngettext ("%u day", "%u days", n), n);
    }
  if (days < 730)
    {
      n = (guint) llround (days / 30.44);
      return g_strdup_printf (ngettext ("%u month", "%u months", n), n);
    }
  n = (guint) llround (days / 365.25);
  return g_strdup_printf (ngettext ("%u year", "%u years", n), n);
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

static void
describe_touchpoints (const CrmTimelineData *self,
                      GString               *text)
{
  g_autofree guint *per_lane = g_new0 (guint, MAX (self->lanes->len, 1));
  g_autoptr(GString) channels = g_string_new (NULL);
  guint n_channels = 0, rated = 0, n_moments = 0;
  double satisfaction = 0;
  g_autoptr(GString) moments = g_string_new (NULL);
  g_autofree char *count = NULL;
  g_autofree char *in = NULL;
  g_autofree char *sentence = NULL;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const CrmTimelineMark *mark = &g_array_index (self->marks, CrmTimelineMark, i);

      per_lane[mark->lane]++;
      if (mark->satisfaction > 0)
        {
          rated++;
          satisfaction += mark->satisfaction;
        }
      if (mark->moment_of_truth && n_moments++ < DESCRIBED_MOMENTS)
        {
          g_autofree char *day = format_day (self, mark->time);

          if (moments->len > 0)
            g_string_append (moments, ", ");
          /* Translators: a moment of truth in the timeline's description:
           * what happened, the channel and the day, e.g. “Product demo
           * (Phone, 3 March 2026)”. */
          g_string_append_printf (moments, _("%s (%s, %s)"), mark->label,
                                  crm_timeline_data_get_lane_name (self, mark->lane), day);
        }
    }
  for (guint l = 0; l < self->lanes->len; l++)
    if (per_lane[l] > 0)
      {
        if (channels->len > 0)
          g_string_append (channels, ", ");
        /* Translators: a channel and its number of touchpoints, e.g. “Web 12”. */
        g_string_append_printf (channels, _("%s %u"), crm_timeline_data_get_lane_name (self, l), per_lane[l]);
        n_channels++;
      }

  count = g_strdup_printf (ngettext ("%u touchpoint", "%u touchpoints", self->marks->len), self->marks->len);
  in = g_strdup_printf (ngettext ("%u channel", "%u channels", n_channels), n_channels);
  /* Translators: “12 touchpoints in 3 channels: Web 5, E-mail 4, Phone 3.” */
  sentence = g_strdup_printf (_("%s in %s: %s."), count, in, channels->str);
  append_sentence (text, sentence);

  if (rated > 0)
    {
      g_autofree char *average = crm_value_format (satisfaction / rated, CRM_VALUE_DECIMAL, NULL);
      g_autofree char *rated_text = g_strdup_printf (ngettext ("%u rated touchpoint", "%u rated touchpoints", rated), rated);
      g_autofree char *line = NULL;

      /* Translators: “Average satisfaction 3.8 out of 5 from 9 rated touchpoints.” */
      line = g_strdup_printf (_("Average satisfaction %s out of 5 from %s."), average, rated_text);
      append_sentence (text, line);
    }
  else
    append_sentence (text, _("No touchpoint is rated."));

  if (n_moments > 0)
    {
      g_autofree char *line = NULL;

      if (n_moments > DESCRIBED_MOMENTS)
        g_string_append_printf (moments, ngettext (", and %u more", ", and %u more", n_moments - DESCRIBED_MOMENTS),
                                n_moments - DESCRIBED_MOMENTS);
      line = g_strdup_printf (ngettext ("%u moment of truth: %s.", "%u moments of truth: %s.", n_moments),
                              n_moments, moments->str);
      append_sentence (text, line);
    }
  else
    append_sentence (text, _("No moment of truth."));
}

typedef struct
{
  const char *currency;   /* interned: equal codes are equal pointers */
  double      total;
} Revenue;

static void
describe_transactions (const CrmTimelineData *self,
                       GString               *text)
{
  g_autoptr(GArray) revenue = g_array_new (FALSE, FALSE, sizeof (Revenue));
  g_autoptr(GString) totals = g_string_new (NULL);
  g_autofree char *line = NULL;
  guint n = self->transactions->len;

  if (n == 0)
    {
      append_sentence (text, _("No transactions."));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const CrmTimelineTransaction *transaction = &g_array_index (self->transactions, CrmTimelineTransaction, i);
      guint r;

      for (r = 0; r < revenue->len; r++)
        if (g_array_index (revenue, Revenue, r).currency == transaction->currency)
          break;
      if (r == revenue->len)
        g_array_append_val (revenue, ((Revenue) { transaction->currency, 0 }));
      g_array_index (revenue, Revenue, r).total += transaction->amount;
    }
  for (guint r = 0; r < revenue->len; r++)
    {
      const Revenue *total = &g_array_index (revenue, Revenue, r);
      g_autofree char *money = crm_value_format (total->total, CRM_VALUE_MONEY, total->currency);

      if (totals->len > 0)
        g_string_append (totals, ", ");
      g_string_append (totals, money);
    }
  /* Translators: “7 transactions, revenue 12,480.00 €.” */
  line = g_strdup_printf (ngettext ("%u transaction, revenue %s.", "%u transactions, revenue %s.", n),
                          n, totals->str);
  append_sentence (text, line);
}

static void
describe_stages (const CrmTimelineData *self,
                 GString               *text)
{
  const GArray *bands = stage_bands (self);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *line = NULL;

  for (guint i = 0; i < bands->len; i++)
    {
      const char *stage = g_array_index (bands, CrmTimelineStageBand, i).stage;

      if (g_ptr_array_find (seen, stage, NULL))
        continue;
      g_ptr_array_add (seen, (gpointer) stage);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, stage);
    }
  if (seen->len == 0)
    return;
  /* Translators: the journey's stages in the order they were reached. */
  line = g_strdup_printf (_("Stages: %s."), names->str);
  append_sentence (text, line);
}

/**
 * crm_timeline_data_describe:
 *
 * The journey in one paragraph, for a screen reader's description of the
 * timeline: when it began and ended, the touchpoints by channel, the
 * average satisfaction, the moments of truth, the revenue and the stages.
 */
char *
crm_timeline_data_describe (const CrmTimelineData *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *span = NULL;
  g_autofree char *line = NULL;
  GString *text;
  gint64 start, end;

  g_return_val_if_fail (self != NULL, NULL);
  if (!crm_timeline_data_get_extent (self, &start, &end))
    return g_strdup (_("No touchpoints or transactions"));

  text = g_string_new (NULL);
  from = format_day (self, start);
  to = format_day (self, end);
  span = describe_span (end - start);
  /* Translators: the span of a customer's journey: “From 3 March 2024 to
   * 14 February 2026, 2 years.” */
  line = g_strdup_printf (_("From %s to %s, %s."), from, to, span);
  append_sentence (text, line);
  if (self->marks->len > 0)
    describe_touchpoints (self, text);
  else
    append_sentence (text, _("No touchpoints."));
  describe_transactions (self, text);
  describe_stages (self, text);
  return g_string_free (text, FALSE);
}

static char *
format_when (const CrmTimelineData *self,
             gint64                 time)
{
  /* Translators: a day and a time in g_date_time_format()'s notation,
   * for a touchpoint's or a transaction's details: “3 March 2026, 14:30”. */
  return crm_timeline_data_format_time (self, time, _("%-d %B %Y, %H:%M"));
}

/**
 * crm_timeline_data_describe_mark:
 *
 * A touchpoint's details on a line, for its tooltip, its accessible
 * label and the timeline's list view: what happened, the channel, when,
 * the stage, the satisfaction and whether it is a moment of truth.
 */
char *
crm_timeline_data_describe_mark (const CrmTimelineData *self,
                                 guint                  index)
{
  const CrmTimelineMark *mark;
  g_autofree char *when = NULL;
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  mark = crm_timeline_data_get_mark (self, index);
  when = format_when (self, mark->time);
  text = g_string_new (NULL);
  /* Translators: a touchpoint: what happened, the channel and when, e.g.
   * “Product demo · Phone · 3 March 2026, 14:30”. */
  g_string_append_printf (text, C_("touchpoint", "%s · %s · %s"), mark->label,
                          crm_timeline_data_get_lane_name (self, mark->lane), when);
  if (mark->stage != NULL)
    {
      g_string_append (text, " · ");
      /* Translators: the journey stage of a touchpoint. */
      g_string_append_printf (text, _("Stage: %s"), mark->stage);
    }
  g_string_append (text, " · ");
  if (mark->satisfaction > 0)
    g_string_append_printf (text, _("Satisfaction %d out of 5"), mark->satisfaction);
  else
    g_string_append (text, _("Not rated"));
  if (mark->moment_of_truth)
    {
      g_string_append (text, " · ");
      g_string_append (text, _("Moment of truth"));
    }
  return g_string_free (text, FALSE);
}

/**
 * crm_timeline_data_describe_transaction:
 *
 * A transaction's details on a line: what was bought, the amount (a
 * refund said to be one) and when.
 */
char *
crm_timeline_data_describe_transaction (const CrmTimelineData *self,
                                        guint                  index)
{
  const CrmTimelineTransaction *transaction;
  g_autofree char *when = NULL;
  g_autofree char *amount = NULL;
  const char *label;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->transactions->len, NULL);

  transaction = crm_timeline_data_get_transaction (self, index);
  when = format_when (self, transaction->time);
  amount = crm_value_format (transaction->amount, CRM_VALUE_MONEY, transaction->currency);
  label = transaction->label != NULL ? transaction->label
          : transaction->amount < 0 ? _("Refund") : _("Transaction");
  /* Translators: a transaction: what was bought, the amount and when, e.g.
   * “Annual plan · 1,200.00 € · 3 March 2026, 14:30”. */
  return g_strdup_printf (C_("transaction", "%s · %s · %s"), label, amount, when);
}
