/* crm-timeline-view-input.c
 *
 * The timeline view's keyboard, pointer and touchpad: zooming, scrolling
 * through time, and moving the keyboard's focus from touchpoint to
 * touchpoint. Whatever is on screen moves the way the hand does: the
 * arrows, a drag and a sideways swipe are mirrored from right to left,
 * where time runs leftwards.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "crm-timeline-view-private.h"

/* How much one step of the keyboard or of a mouse wheel zooms, and how
 * far (in windows) one wheel step or Shift+arrow scrolls. */
#define ZOOM_STEP      1.5
#define WHEEL_ZOOM     1.25
#define SCROLL_STEP    0.1
/* Below this many pixels a drag is still a click. */
#define DRAG_THRESHOLD 3.0

/* The keyboard */

static gboolean
crm_timeline_view_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);
  guint n = crm_timeline_view_n_marks (self);

  if (self->leaving)
    {
      self->leaving = FALSE;
      return FALSE;
    }
  if (!gtk_widget_is_focus (widget))
    {
      if (!gtk_widget_grab_focus (widget))
        return FALSE;
      /* Coming in with Tab starts at the first touchpoint shown, with
       * Shift+Tab at the last: the ones next to where the focus was. */
      if (n > 0)
        crm_timeline_view_set_focused (self, crm_timeline_view_first_visible_mark (self, direction == GTK_DIR_TAB_BACKWARD));
      return TRUE;
    }

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
      if (n == 0 || self->focused + 1 >= (int) n)
        return FALSE;
      crm_timeline_view_focus_mark (self, self->focused < 0 ? crm_timeline_view_first_visible_mark (self, FALSE) : (guint) self->focused + 1);
      return TRUE;
    case GTK_DIR_TAB_BACKWARD:
      if (n == 0 || self->focused == 0)
        return FALSE;
      crm_timeline_view_focus_mark (self, self->focused < 0 ? crm_timeline_view_first_visible_mark (self, TRUE) : (guint) self->focused - 1);
      return TRUE;
    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
    default:
      return FALSE;
    }
}

/* Ctrl+Tab leaves the timeline at once, past the touchpoints Tab would
 * go through, as it leaves a text view. */
static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             CrmTimelineView       *self)
{
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab)
      && (state & GDK_CONTROL_MASK))
    self->leaving = TRUE;
  return FALSE;
}

/* Left and Right go to the touchpoint before or after on screen:
 * earlier and later from left to right, the other way from right to
 * left. Without touchpoints they scroll. */
static gboolean
step_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);
  int step = g_variant_get_int32 (args) * (crm_timeline_view_is_rtl (self) ? -1 : 1);
  guint n = crm_timeline_view_n_marks (self);

  if (n == 0)
    return crm_timeline_view_pan (self, step * SCROLL_STEP) || self->data != NULL;
  if (self->focused < 0)
    crm_timeline_view_focus_mark (self, crm_timeline_view_first_visible_mark (self, step < 0));
  else
    crm_timeline_view_focus_mark (self, CLAMP (self->focused + step, 0, (int) n - 1));
  return TRUE;
}

/* Shift+Left and Right scroll a little, Page Up and Down a window; the
 * argument is in windows, later when positive, as the arrows point. */
static gboolean
scroll_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);
  double windows = g_variant_get_double (args);
  gboolean visual = GPOINTER_TO_INT (user_data);

  if (visual && crm_timeline_view_is_rtl (self))
    windows = -windows;
  crm_timeline_view_pan (self, windows);
  return self->data != NULL;
}

/* Home and End: the first or last touchpoint, and the window scrolled to
 * that end of the journey, as wide as it was. */
static gboolean
end_binding (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);
  gboolean last = g_variant_get_boolean (args);
  gint64 start, end, lo, hi;

  if (self->data == NULL)
    return FALSE;
  if (crm_timeline_data_get_window (self->data, &start, &end)
      && crm_timeline_data_get_bounds (self->data, &lo, &hi))
    crm_timeline_view_pan_seconds (self, last ? hi - end : lo - start);
  crm_timeline_view_focus_mark (self, last ? crm_timeline_view_n_marks (self) - 1 : 0);
  return TRUE;
}

static gboolean
activate_binding (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);

  if (self->focused < 0)
    return FALSE;
  crm_timeline_view_activate_focused (self);
  return TRUE;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);

  if (g_str_equal (action_name, "timeline.zoom-reset"))
    crm_timeline_view_reset_zoom (self);
  else
    crm_timeline_view_zoom (self, g_str_equal (action_name, "timeline.zoom-in") ? ZOOM_STEP : 1 / ZOOM_STEP);
}

/* The pointer and the touchpad */

static void
pointer_moved (GtkEventControllerMotion *controller,
               double                    x,
               double                    y,
               CrmTimelineView          *self)
{
  self->pointer_x = x;
  self->has_pointer = TRUE;
}

static void
pointer_left (GtkEventControllerMotion *controller,
              CrmTimelineView          *self)
{
  self->has_pointer = FALSE;
}

/* Ctrl+wheel zooms around the time under the pointer. A horizontal
 * wheel, a touchpad's sideways swipe and Shift+wheel scroll through time;
 * a plain wheel does too while zoomed in, and scrolls the page once the
 * window reaches an end or when the whole journey is shown. */
static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          CrmTimelineView          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  gint64 start, end;
  double sideways, step;

  if (self->data == NULL || !crm_timeline_data_get_window (self->data, &start, &end))
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      gint64 around = start + (end - start) / 2;

      if (self->has_pointer)
        crm_timeline_view_time_at (self, self->pointer_x, &around);
      crm_timeline_view_zoom_around (self, around, pow (wheel ? WHEEL_ZOOM : 1.01, -dy));
      return TRUE;
    }

  /* Seconds per wheel step, or per pixel of a touchpad. */
  step = wheel ? (end - start) * SCROLL_STEP : fabs (crm_timeline_view_seconds_per_pixel (self));
  sideways = dx != 0 ? dx : (state & GDK_SHIFT_MASK) ? dy : 0;
  if (sideways != 0)
    return crm_timeline_view_pan_seconds (self, (gint64) llround (sideways * step * (crm_timeline_view_is_rtl (self) ? -1 : 1)));
  if (!self->windowed)
    return FALSE;
  return crm_timeline_view_pan_seconds (self, (gint64) llround (dy * step));
}

static void
drag_begin (GtkGestureDrag  *gesture,
            double           x,
            double           y,
            CrmTimelineView *self)
{
  self->dragging = FALSE;
  if (self->data == NULL || !crm_timeline_data_get_window (self->data, &self->saved_start, &self->saved_end))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_seconds_per_pixel = crm_timeline_view_seconds_per_pixel (self);
}

/* The time under the pointer stays under it as the journey is dragged. */
static void
drag_update (GtkGestureDrag  *gesture,
             double           offset_x,
             double           offset_y,
             CrmTimelineView *self)
{
  gint64 shift;

  if (!self->dragging && fabs (offset_x) < DRAG_THRESHOLD)
    return;
  if (!self->dragging)
    {
      self->dragging = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  shift = (gint64) llround (-offset_x * self->drag_seconds_per_pixel);
  crm_timeline_data_set_window (self->data, self->saved_start + shift, self->saved_end + shift);
  crm_timeline_view_window_moved (self);
}

static void
drag_end (GtkGestureDrag  *gesture,
          double           offset_x,
          double           offset_y,
          CrmTimelineView *self)
{
  /* :dragging stays set until the next press, so that the click gesture,
   * which may hear of the release after this, does not take it for a
   * click. */
  if (self->dragging)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
pinch_begin (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             CrmTimelineView  *self)
{
  double x, y;

  if (self->data == NULL || !crm_timeline_data_get_window (self->data, &self->saved_start, &self->saved_end))
    return;
  self->pinch_around = self->saved_start + (self->saved_end - self->saved_start) / 2;
  if (gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    crm_timeline_view_time_at (self, x, &self->pinch_around);
}

static void
pinch_changed (GtkGestureZoom  *gesture,
               double           scale,
               CrmTimelineView *self)
{
  if (self->data == NULL || scale <= 0 || !isfinite (scale))
    return;
  crm_timeline_data_set_window (self->data, self->saved_start, self->saved_end);
  crm_timeline_data_zoom (self->data, self->pinch_around, scale);
  crm_timeline_view_window_moved (self);
}

/* A click puts the keyboard on the touchpoint clicked; a double click
 * opens it. */
static void
clicked (GtkGestureClick *gesture,
         int              n_press,
         double           x,
         double           y,
         CrmTimelineView *self)
{
  int mark;

  if (self->dragging)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  mark = crm_timeline_view_mark_at (self, x, y);
  if (mark < 0)
    return;
  crm_timeline_view_set_focused (self, mark);
  if (n_press == 2)
    crm_timeline_view_activate_focused (self);
}

static void
add_key (GtkWidgetClass  *widget_class,
         const guint     *keyvals,
         guint            n_keyvals,
         GdkModifierType  mods,
         GtkShortcutFunc  func,
         gpointer         user_data,
         GVariant        *args)
{
  g_variant_ref_sink (args);
  for (guint i = 0; i < n_keyvals; i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyvals[i], mods),
                                                gtk_callback_action_new (func, user_data, NULL));

      gtk_shortcut_set_arguments (shortcut, args);
      gtk_widget_class_add_shortcut (widget_class, shortcut);
      g_object_unref (shortcut);
    }
  g_variant_unref (args);
}

void
crm_timeline_view_class_init_input (GtkWidgetClass *widget_class)
{
  static const guint left[] = { GDK_KEY_Left, GDK_KEY_KP_Left };
  static const guint right[] = { GDK_KEY_Right, GDK_KEY_KP_Right };
  static const guint home[] = { GDK_KEY_Home, GDK_KEY_KP_Home };
  static const guint end[] = { GDK_KEY_End, GDK_KEY_KP_End };
  static const guint page_up[] = { GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up };
  static const guint page_down[] = { GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down };
  static const guint enter[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space };
  static const guint zoom_in[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint zoom_out[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  static const guint zoom_reset[] = { GDK_KEY_0, GDK_KEY_KP_0 };

  widget_class->focus = crm_timeline_view_focus;

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, zoom_action);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_in); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_in[i], 0, "timeline.zoom-in", NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_in[i], GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
    }
  /* + is Shift+= on many layouts. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "timeline.zoom-in", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_out[i], 0, "timeline.zoom-out", NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_out[i], GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (zoom_reset); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_reset[i], 0, "timeline.zoom-reset", NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_reset[i], GDK_CONTROL_MASK, "timeline.zoom-reset", NULL);
    }

  add_key (widget_class, left, G_N_ELEMENTS (left), 0, step_binding, NULL, g_variant_new_int32 (-1));
  add_key (widget_class, right, G_N_ELEMENTS (right), 0, step_binding, NULL, g_variant_new_int32 (1));
  add_key (widget_class, left, G_N_ELEMENTS (left), GDK_SHIFT_MASK, scroll_binding, GINT_TO_POINTER (TRUE),
           g_variant_new_double (-SCROLL_STEP));
  add_key (widget_class, right, G_N_ELEMENTS (right), GDK_SHIFT_MASK, scroll_binding, GINT_TO_POINTER (TRUE),
           g_variant_new_double (SCROLL_STEP));
  add_key (widget_class, page_up, G_N_ELEMENTS (page_up), 0, scroll_binding, GINT_TO_POINTER (FALSE),
           g_variant_new_double (-1));
  add_key (widget_class, page_down, G_N_ELEMENTS (page_down), 0, scroll_binding, GINT_TO_POINTER (FALSE),
           g_variant_new_double (1));
  add_key (widget_class, home, G_N_ELEMENTS (home), 0, end_binding, NULL, g_variant_new_boolean (FALSE));
  add_key (widget_class, end, G_N_ELEMENTS (end), 0, end_binding, NULL, g_variant_new_boolean (TRUE));
  add_key (widget_class, enter, G_N_ELEMENTS (enter), 0, activate_binding, NULL, g_variant_new_boolean (TRUE));
}

void
crm_timeline_view_init_input (CrmTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));
  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (widget, scroll);
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved), self);
  g_signal_connect (motion, "leave", G_CALLBACK (pointer_left), self);
  gtk_widget_add_controller (widget, motion);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (widget, keys);
}
