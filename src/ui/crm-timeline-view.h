/* crm-timeline-view.h: one customer's journey as a widget: the render
 * library's timeline of a CrmJourney, drawn with the function that prints
 * it, in the window's palette and direction. It zooms (Ctrl+wheel, a
 * touchpad pinch, + and −) and scrolls (dragging, a touchpad, Shift+wheel,
 * Page Up and Down) through time; the touchpoint or transaction under the
 * pointer is described in a tooltip; and the keyboard's focus moves from
 * touchpoint to touchpoint in time order (Tab, the arrow keys, Home, End),
 * each one ringed on screen and described in words for screen readers.
 * The view follows the journey as the store changes it. */
#pragma once

#include <gtk/gtk.h>

#include "crm-journey.h"
#include "crm-timeline-data.h"

G_BEGIN_DECLS

#define CRM_TYPE_TIMELINE_VIEW (crm_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (CrmTimelineView, crm_timeline_view, CRM, TIMELINE_VIEW, GtkWidget)

GtkWidget       *crm_timeline_view_new                    (void);
void             crm_timeline_view_set_journey            (CrmTimelineView   *self,
                                                           CrmJourney        *journey);
CrmJourney      *crm_timeline_view_get_journey            (CrmTimelineView   *self);
CrmTimelineData *crm_timeline_view_get_data               (CrmTimelineView   *self);
gboolean         crm_timeline_view_is_empty               (CrmTimelineView   *self);
gboolean         crm_timeline_view_get_window             (CrmTimelineView   *self,
                                                           gint64            *start,
                                                           gint64            *end);
gboolean         crm_timeline_view_zoom                   (CrmTimelineView   *self,
                                                           double             factor);
gboolean         crm_timeline_view_pan                    (CrmTimelineView   *self,
                                                           double             windows);
void             crm_timeline_view_reset_zoom             (CrmTimelineView   *self);
int              crm_timeline_view_get_focused_mark       (CrmTimelineView   *self);
gint64           crm_timeline_view_get_focused_touchpoint (CrmTimelineView   *self);
gboolean         crm_timeline_view_focus_touchpoint       (CrmTimelineView   *self,
                                                           gint64             touchpoint_id);
const char      *crm_timeline_view_get_focused_text       (CrmTimelineView   *self);
gboolean         crm_timeline_view_get_mark_rect          (CrmTimelineView   *self,
                                                           guint              mark,
                                                           graphene_rect_t   *rect);
char            *crm_timeline_view_describe_at            (CrmTimelineView   *self,
                                                           double             x,
                                                           double             y);

G_END_DECLS
