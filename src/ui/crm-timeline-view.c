/* crm-timeline-view.c
 *
 * The view keeps a CrmTimelineData made from the journey and makes it
 * again whenever the journey changes; the window of time the user zoomed
 * or scrolled to, and the touchpoint the keyboard is on, survive that.
 * Every pixel question (where is a mark, what time is under the pointer)
 * is put to the render library, laid out as it draws, so that what is hit
 * is what is seen. The keyboard, the pointer and the touchpad are
 * handled in crm-timeline-view-input.c.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "crm-chart-view.h"
#include "crm-journey-timeline.h"
#include "crm-render-text.h"
#include "crm-timeline-view-private.h"

/* A mark the keyboard moves to is kept this far (in windows) inside the
 * window's ends, so that its neighbour shows too. */
#define FOCUS_MARGIN   0.05
/* The focus ring, around a mark's extent. */
#define RING_GAP       3.0
#define RING_WIDTH     2.0
/* The least room the timeline is drawn in, and the width it would like. */
#define MIN_WIDTH      280
#define MIN_HEIGHT     200
#define NATURAL_WIDTH  1200

G_DEFINE_FINAL_TYPE (CrmTimelineView, crm_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNEY,
  PROP_FOCUSED_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOUCHPOINT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

guint
crm_timeline_view_n_marks (CrmTimelineView *self)
{
  return self->data != NULL ? crm_timeline_data_get_n_marks (self->data) : 0;
}

gboolean
crm_timeline_view_is_rtl (CrmTimelineView *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* Layout questions are asked with text measured as it is drawn. */
typedef struct
{
  CrmRenderStyle *style;
  cairo_t        *cr;
  double          width;
  double          height;
} Measure;

static void
measure_begin (CrmTimelineView *self,
               Measure         *measure)
{
  measure->style = crm_chart_view_make_style (GTK_WIDGET (self));
  measure->cr = crm_render_measuring_context (NULL);
  measure->width = gtk_widget_get_width (GTK_WIDGET (self));
  measure->height = gtk_widget_get_height (GTK_WIDGET (self));
}

static void
measure_end (Measure *measure)
{
  g_clear_pointer (&measure->cr, cairo_destroy);
  g_clear_pointer (&measure->style, crm_render_style_unref);
}

gboolean
crm_timeline_view_time_at (CrmTimelineView *self,
         double           x,
         gint64          *time)
{
  Measure m;
  gboolean found;

  if (self->data == NULL)
    return FALSE;
  measure_begin (self, &m);
  found = crm_timeline_get_time_at (self->data, m.style, m.cr, m.width, m.height, x, time);
  measure_end (&m);
  return found;
}

/* The seconds one pixel to the right stands for: negative from right to
 * left, where time runs the other way. */
double
crm_timeline_view_seconds_per_pixel (CrmTimelineView *self)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  gint64 a, b;

  if (!crm_timeline_view_time_at (self, x, &a) || !crm_timeline_view_time_at (self, x + 100, &b))
    return 0;
  return (double) (b - a) / 100.0;
}

static void
update_accessible (CrmTimelineView *self)
{
  g_autofree char *description = NULL;

  if (self->data != NULL)
    description = crm_timeline_data_describe (self->data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->focused_text != NULL ? self->focused_text : _("Journey timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No touchpoints yet."),
                                  -1);
}

/* The mark the keyboard is on, in words: for the label under the
 * timeline and for screen readers, which read a widget's label when it
 * changes under the focus. */
void
crm_timeline_view_set_focused (CrmTimelineView *self,
             int              mark)
{
  g_autofree char *text = NULL;

  if (mark >= 0 && (guint) mark >= crm_timeline_view_n_marks (self))
    mark = -1;
  self->focused = mark;
  self->focused_id = mark >= 0 ? crm_timeline_data_get_mark (self->data, mark)->id : 0;
  text = mark >= 0 ? crm_timeline_data_describe_mark (self->data, mark) : NULL;
  if (g_strcmp0 (text, self->focused_text) != 0)
    {
      g_free (self->focused_text);
      self->focused_text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_TEXT]);
    }
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* After a zoom or a scroll: a window that shows the whole journey again
 * is let go of, so that the journey keeps being shown whole as it grows. */
void
crm_timeline_view_window_moved (CrmTimelineView *self)
{
  gint64 start, end, lo, hi;

  self->windowed = TRUE;
  if (crm_timeline_data_get_window (self->data, &start, &end)
      && crm_timeline_data_get_bounds (self->data, &lo, &hi)
      && start <= lo && end >= hi)
    {
      crm_timeline_data_reset_window (self->data);
      self->windowed = FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
crm_timeline_view_pan_seconds (CrmTimelineView *self,
             gint64           seconds)
{
  if (self->data == NULL || seconds == 0 || !crm_timeline_data_pan (self->data, seconds))
    return FALSE;
  crm_timeline_view_window_moved (self);
  return TRUE;
}

gboolean
crm_timeline_view_zoom_around (CrmTimelineView *self,
             gint64           around,
             double           factor)
{
  if (self->data == NULL || !crm_timeline_data_zoom (self->data, around, factor))
    return FALSE;
  crm_timeline_view_window_moved (self);
  return TRUE;
}

/* Scrolls as little as it takes to show the mark a little inside the
 * window. */
static void
show_mark (CrmTimelineView *self,
           guint            mark)
{
  gint64 start, end, time, margin;

  if (!crm_timeline_data_get_window (self->data, &start, &end))
    return;
  time = crm_timeline_data_get_mark (self->data, mark)->time;
  margin = (gint64) ((end - start) * FOCUS_MARGIN);
  if (time < start + margin)
    crm_timeline_view_pan_seconds (self, time - (start + margin));
  else if (time > end - margin)
    crm_timeline_view_pan_seconds (self, time - (end - margin));
}

void
crm_timeline_view_focus_mark (CrmTimelineView *self,
            guint            mark)
{
  show_mark (self, mark);
  crm_timeline_view_set_focused (self, mark);
}

/* The first (or last) mark in the window: where the keyboard starts. */
guint
crm_timeline_view_first_visible_mark (CrmTimelineView *self,
                    gboolean         last)
{
  gint64 start, end;
  guint n = crm_timeline_view_n_marks (self), at;

  if (!crm_timeline_data_get_window (self->data, &start, &end))
    return last ? n - 1 : 0;
  if (!last)
    {
      at = crm_timeline_data_find_mark (self->data, start);
      return at < n ? at : n - 1;
    }
  at = crm_timeline_data_find_mark (self->data, end + 1);
  return at > 0 ? at - 1 : 0;
}

/* Makes the timeline of the journey as it is now. Marks are added in the
 * journey's order, which the data keeps for equal times, so a mark's index
 * is its touchpoint's position in the journey. */
static void
rebuild (CrmTimelineView *self)
{
  gint64 start = 0, end = 0;
  gboolean keep_window;
  guint n;
  int focused = -1;

  keep_window = self->windowed && self->data != NULL
                && crm_timeline_data_get_window (self->data, &start, &end);
  g_clear_pointer (&self->data, crm_timeline_data_unref);

  n = self->journey != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->journey)) : 0;
  if (n == 0)
    {
      self->windowed = FALSE;
      crm_timeline_view_set_focused (self, -1);
      return;
    }

  /* The same data the printed profile draws; its marks are the journey's
   * touchpoints, in the same order. */
  self->data = crm_journey_timeline_data (self->journey);
  for (guint i = 0; i < n && self->focused_id != 0 && focused < 0; i++)
    {
      g_autoptr(CrmTouchpoint) touchpoint = g_list_model_get_item (G_LIST_MODEL (self->journey), i);

      if (crm_touchpoint_get_id (touchpoint) == self->focused_id)
        focused = i;
    }

  if (keep_window)
    crm_timeline_data_set_window (self->data, start, end);
  self->windowed = keep_window;
  crm_timeline_view_set_focused (self, focused);
}

static void
on_journey_changed (CrmTimelineView *self)
{
  rebuild (self);
}

/* Drawing */

static void
crm_timeline_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(CrmRenderStyle) style = NULL;
  cairo_rectangle_t rect;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  style = crm_chart_view_make_style (widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->data == NULL)
    {
      crm_render_empty (cr, style, width, height, _("No touchpoints yet"));
      cairo_destroy (cr);
      return;
    }

  crm_timeline_draw (self->data, style, cr, width, height);

  /* The ring shows where the keyboard is; it is drawn only while the
   * view has the focus, as GTK draws its own focus rings. */
  if (self->focused >= 0 && gtk_widget_has_focus (widget)
      && crm_timeline_get_mark_rect (self->data, style, NULL, width, height, self->focused, &rect))
    {
      double gap = RING_GAP * crm_render_style_get_scale (style);
      double radius = MIN (rect.width, rect.height) / 2 + gap;

      cairo_new_sub_path (cr);
      cairo_arc (cr, rect.x + rect.width / 2, rect.y + rect.height / 2, radius, 0, 2 * G_PI);
      cairo_set_line_width (cr, RING_WIDTH * crm_render_style_get_scale (style));
      crm_render_set_color (cr, crm_render_style_get_foreground (style));
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

/**
 * crm_timeline_view_describe_at:
 * @x: a point in the view
 * @y:
 *
 * What a tooltip at (@x, @y) says: the touchpoint or the transaction
 * there, in words.
 *
 * Returns: (transfer full) (nullable): the description, or %NULL when
 *   there is neither
 */
char *
crm_timeline_view_describe_at (CrmTimelineView *self,
                               double           x,
                               double           y)
{
  CrmChartHit hit;
  Measure m;

  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), NULL);

  if (self->data == NULL)
    return NULL;
  measure_begin (self, &m);
  hit = crm_timeline_hit_test (self->data, m.style, m.cr, m.width, m.height, x, y);
  measure_end (&m);

  if (hit.series >= 0 && hit.category >= 0 && (guint) hit.category < crm_timeline_view_n_marks (self))
    return crm_timeline_data_describe_mark (self->data, hit.category);
  if (hit.series == CRM_TIMELINE_TRANSACTIONS && hit.category >= 0
      && (guint) hit.category < crm_timeline_data_get_n_transactions (self->data))
    return crm_timeline_data_describe_transaction (self->data, hit.category);
  return NULL;
}

int
crm_timeline_view_mark_at (CrmTimelineView *self,
         double           x,
         double           y)
{
  CrmChartHit hit;
  Measure m;

  if (self->data == NULL)
    return -1;
  measure_begin (self, &m);
  hit = crm_timeline_hit_test (self->data, m.style, m.cr, m.width, m.height, x, y);
  measure_end (&m);
  return hit.series >= 0 && hit.category >= 0 ? hit.category : -1;
}

/* Enter on a touchpoint, or a double click. */
void
crm_timeline_view_activate_focused (CrmTimelineView *self)
{
  if (self->focused >= 0)
    g_signal_emit (self, signals[TOUCHPOINT_ACTIVATED], 0, self->focused_id);
}

static gboolean
crm_timeline_view_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);
  g_autofree char *text = NULL;
  graphene_rect_t rect;
  int mark;

  if (keyboard && self->focused >= 0)
    {
      gtk_tooltip_set_text (tooltip, self->focused_text);
      if (crm_timeline_view_get_mark_rect (self, self->focused, &rect))
        gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { rect.origin.x, rect.origin.y,
                                                             ceil (rect.size.width), ceil (rect.size.height) });
      return TRUE;
    }
  text = crm_timeline_view_describe_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  /* Kept to the mark, so that the next one under the pointer gets a
   * tooltip of its own. */
  mark = crm_timeline_view_mark_at (self, x, y);
  if (mark >= 0 && crm_timeline_view_get_mark_rect (self, mark, &rect))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { rect.origin.x, rect.origin.y,
                                                         ceil (rect.size.width), ceil (rect.size.height) });
  return TRUE;
}

static void
focus_changed (CrmTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A journey reads better wide: the view asks for as much room as a page
 * gives, and makes do with less. */
static void
crm_timeline_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? MIN_WIDTH : MIN_HEIGHT;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? NATURAL_WIDTH : MIN_HEIGHT;
}

static void
crm_timeline_view_direction_changed (GtkWidget        *widget,
                                     GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

/* GObject */

static void
crm_timeline_view_dispose (GObject *object)
{
  CrmTimelineView *self = (CrmTimelineView *) object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  crm_timeline_view_set_journey (self, NULL);

  G_OBJECT_CLASS (crm_timeline_view_parent_class)->dispose (object);
}

static void
crm_timeline_view_finalize (GObject *object)
{
  CrmTimelineView *self = (CrmTimelineView *) object;

  g_clear_pointer (&self->data, crm_timeline_data_unref);
  g_free (self->focused_text);

  G_OBJECT_CLASS (crm_timeline_view_parent_class)->finalize (object);
}

static void
crm_timeline_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      g_value_set_object (value, self->journey);
      break;
    case PROP_FOCUSED_TEXT:
      g_value_set_string (value, self->focused_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_timeline_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      crm_timeline_view_set_journey (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_timeline_view_class_init (CrmTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_timeline_view_dispose;
  object_class->finalize = crm_timeline_view_finalize;
  object_class->get_property = crm_timeline_view_get_property;
  object_class->set_property = crm_timeline_view_set_property;
  widget_class->snapshot = crm_timeline_view_snapshot;
  widget_class->query_tooltip = crm_timeline_view_query_tooltip;
  widget_class->direction_changed = crm_timeline_view_direction_changed;
  widget_class->measure = crm_timeline_view_measure;

  /**
   * CrmTimelineView:journey:
   *
   * The journey shown, followed as it changes.
   */
  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL, CRM_TYPE_JOURNEY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrmTimelineView:focused-text:
   *
   * The touchpoint the keyboard is on, in words; %NULL when it is on none.
   */
  properties[PROP_FOCUSED_TEXT] =
    g_param_spec_string ("focused-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmTimelineView::touchpoint-activated:
   * @touchpoint_id: the touchpoint's id
   *
   * Enter on a touchpoint, or a double click: the user wants to edit it.
   */
  signals[TOUCHPOINT_ACTIVATED] =
    g_signal_new ("touchpoint-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  crm_timeline_view_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
crm_timeline_view_init (CrmTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focused = -1;
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);

  crm_timeline_view_init_input (self);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed), self);
  gtk_widget_add_controller (widget, focus);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self);

  update_accessible (self);
}

GtkWidget *
crm_timeline_view_new (void)
{
  return g_object_new (CRM_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * crm_timeline_view_set_journey:
 * @journey: (nullable): the journey to show
 *
 * Shows @journey whole, with the keyboard on none of its touchpoints.
 */
void
crm_timeline_view_set_journey (CrmTimelineView *self,
                               CrmJourney      *journey)
{
  g_return_if_fail (CRM_IS_TIMELINE_VIEW (self));
  g_return_if_fail (journey == NULL || CRM_IS_JOURNEY (journey));

  if (self->journey == journey)
    return;
  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_data (self->journey, self);
  g_set_object (&self->journey, journey);
  if (journey != NULL)
    {
      g_signal_connect_swapped (journey, "items-changed", G_CALLBACK (on_journey_changed), self);
      g_signal_connect_swapped (journey, "notify::transactions", G_CALLBACK (on_journey_changed), self);
    }
  self->windowed = FALSE;
  self->focused_id = 0;
  g_clear_pointer (&self->data, crm_timeline_data_unref);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNEY]);
}

CrmJourney *
crm_timeline_view_get_journey (CrmTimelineView *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), NULL);
  return self->journey;
}

/**
 * crm_timeline_view_get_data:
 *
 * Returns: (transfer none) (nullable): what is drawn, %NULL while the
 *   journey has no touchpoints
 */
CrmTimelineData *
crm_timeline_view_get_data (CrmTimelineView *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), NULL);
  return self->data;
}

/* The customer has no touchpoints: the view says so instead. */
gboolean
crm_timeline_view_is_empty (CrmTimelineView *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), TRUE);
  return self->data == NULL;
}

/**
 * crm_timeline_view_get_window:
 * @start: (out) (optional): the first time shown
 * @end: (out) (optional): the last
 *
 * Returns: %FALSE when nothing is shown
 */
gboolean
crm_timeline_view_get_window (CrmTimelineView *self,
                              gint64          *start,
                              gint64          *end)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), FALSE);
  return self->data != NULL && crm_timeline_data_get_window (self->data, start, end);
}

/**
 * crm_timeline_view_zoom:
 * @factor: above 1 zooms in
 *
 * Zooms around the touchpoint the keyboard is on, when it shows, or
 * else around the middle of the window.
 *
 * Returns: whether the window changed
 */
gboolean
crm_timeline_view_zoom (CrmTimelineView *self,
                        double           factor)
{
  gint64 start, end, around;

  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), FALSE);

  if (!crm_timeline_view_get_window (self, &start, &end))
    return FALSE;
  around = start + (end - start) / 2;
  if (self->focused >= 0)
    {
      gint64 time = crm_timeline_data_get_mark (self->data, self->focused)->time;

      if (time >= start && time <= end)
        around = time;
    }
  return crm_timeline_view_zoom_around (self, around, factor);
}

/**
 * crm_timeline_view_pan:
 * @windows: how far, in windows: later when positive
 *
 * Returns: whether the window moved
 */
gboolean
crm_timeline_view_pan (CrmTimelineView *self,
                       double           windows)
{
  gint64 start, end;

  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), FALSE);

  if (!crm_timeline_view_get_window (self, &start, &end))
    return FALSE;
  return crm_timeline_view_pan_seconds (self, (gint64) llround (windows * (end - start)));
}

/* Shows the whole journey again. */
void
crm_timeline_view_reset_zoom (CrmTimelineView *self)
{
  g_return_if_fail (CRM_IS_TIMELINE_VIEW (self));

  if (self->data != NULL)
    crm_timeline_data_reset_window (self->data);
  self->windowed = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The index of the mark the keyboard is on (its touchpoint's position in
 * the journey), or -1. */
int
crm_timeline_view_get_focused_mark (CrmTimelineView *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), -1);
  return self->focused;
}

gint64
crm_timeline_view_get_focused_touchpoint (CrmTimelineView *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), 0);
  return self->focused >= 0 ? self->focused_id : 0;
}

/**
 * crm_timeline_view_focus_touchpoint:
 *
 * Puts the keyboard on the touchpoint and scrolls to it, e.g. one just
 * added.
 *
 * Returns: whether the journey has it
 */
gboolean
crm_timeline_view_focus_touchpoint (CrmTimelineView *self,
                                    gint64           touchpoint_id)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), FALSE);

  for (guint i = 0; i < crm_timeline_view_n_marks (self); i++)
    if (crm_timeline_data_get_mark (self->data, i)->id == touchpoint_id)
      {
        crm_timeline_view_focus_mark (self, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * crm_timeline_view_get_focused_text:
 *
 * Returns: (nullable): the touchpoint the keyboard is on, in words, as
 *   screen readers hear it
 */
const char *
crm_timeline_view_get_focused_text (CrmTimelineView *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), NULL);
  return self->focused_text;
}

/**
 * crm_timeline_view_get_mark_rect:
 * @rect: (out): where the mark is drawn, in the view's coordinates
 *
 * Returns: %FALSE when the mark does not show in the window
 */
gboolean
crm_timeline_view_get_mark_rect (CrmTimelineView *self,
                                 guint            mark,
                                 graphene_rect_t *rect)
{
  cairo_rectangle_t extent;
  gboolean shown;
  Measure m;

  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (mark >= crm_timeline_view_n_marks (self))
    return FALSE;
  measure_begin (self, &m);
  shown = crm_timeline_get_mark_rect (self->data, m.style, m.cr, m.width, m.height, mark, &extent);
  measure_end (&m);
  if (shown)
    graphene_rect_init (rect, extent.x, extent.y, extent.width, extent.height);
  return shown;
}
