/* crm-timeline-view-private.h: what the timeline view (crm-timeline-view.c)
 * and its handling of the keyboard, the pointer and the touchpad
 * (crm-timeline-view-input.c) share. */
#pragma once

#include <gtk/gtk.h>

#include "crm-timeline-view.h"
#include "crm-timeline.h"

G_BEGIN_DECLS

struct _CrmTimelineView
{
  GtkWidget        parent_instance;

  CrmJourney      *journey;
  CrmTimelineData *data;          /* NULL while there are no touchpoints */
  gboolean         windowed;      /* the user zoomed or scrolled */
  int              focused;       /* the mark the keyboard is on, or -1 */
  gint64           focused_id;    /* its touchpoint, kept across changes */
  char            *focused_text;
  gboolean         leaving;       /* Ctrl+Tab: focus leaves the view */

  double           pointer_x;     /* where Ctrl+wheel zooms around */
  gboolean         has_pointer;

  gint64           saved_start;   /* the window when a drag or pinch began */
  gint64           saved_end;
  double           drag_seconds_per_pixel;
  gboolean         dragging;
  gint64           pinch_around;
};

guint    crm_timeline_view_n_marks            (CrmTimelineView *self);
gboolean crm_timeline_view_is_rtl             (CrmTimelineView *self);
gboolean crm_timeline_view_time_at            (CrmTimelineView *self,
                                               double           x,
                                               gint64          *time);
double   crm_timeline_view_seconds_per_pixel  (CrmTimelineView *self);
int      crm_timeline_view_mark_at            (CrmTimelineView *self,
                                               double           x,
                                               double           y);
void     crm_timeline_view_set_focused        (CrmTimelineView *self,
                                               int              mark);
void     crm_timeline_view_focus_mark         (CrmTimelineView *self,
                                               guint            mark);
guint    crm_timeline_view_first_visible_mark (CrmTimelineView *self,
                                               gboolean         last);
void     crm_timeline_view_window_moved       (CrmTimelineView *self);
gboolean crm_timeline_view_pan_seconds        (CrmTimelineView *self,
                                               gint64           seconds);
gboolean crm_timeline_view_zoom_around        (CrmTimelineView *self,
                                               gint64           around,
                                               double           factor);
void     crm_timeline_view_activate_focused   (CrmTimelineView *self);

void     crm_timeline_view_class_init_input   (GtkWidgetClass  *widget_class);
void     crm_timeline_view_init_input         (CrmTimelineView *self);

G_END_DECLS
