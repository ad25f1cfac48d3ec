/* crm-render-text.h: every string a chart or a report draws goes through
 * Pango here, in the style's font and direction: Arabic shaped and right
 * to left, Chinese with its own font, long labels elided, never cairo's
 * toy text API. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "crm-render-style.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_TEXT_BODY,    /* labels, legends, table cells */
  CRM_TEXT_SMALL,   /* axis ticks, secondary figures */
  CRM_TEXT_TITLE,   /* a tile's or a section's title */
  CRM_TEXT_VALUE,   /* the big figure of a KPI tile */
} CrmTextRole;

/* Where text sits in its box, in reading order: START is the left in
 * left-to-right styles and the right in right-to-left ones. */
typedef enum
{
  CRM_TEXT_START,
  CRM_TEXT_CENTER,
  CRM_TEXT_END,
} CrmTextAlign;

PangoLayout *crm_render_text_layout  (cairo_t              *cr,
                                      const CrmRenderStyle *style,
                                      CrmTextRole           role,
                                      const char           *text);
PangoLayout *crm_render_figure_layout (cairo_t              *cr,
                                       const CrmRenderStyle *style,
                                       CrmTextRole           role,
                                       const char           *text);
void         crm_render_text_elide   (PangoLayout          *layout,
                                      double                width);
void         crm_render_text_set     (PangoLayout          *layout,
                                      const char           *text);
double       crm_render_text_width   (PangoLayout          *layout,
                                      const char           *text);
void         crm_render_text_size    (PangoLayout          *layout,
                                      double               *width,
                                      double               *height);
void         crm_render_text_draw    (cairo_t              *cr,
                                      const CrmRenderStyle *style,
                                      PangoLayout          *layout,
                                      double                x,
                                      double                y,
                                      double                width,
                                      CrmTextAlign          align);
double       crm_render_text_line_height (cairo_t              *cr,
                                          const CrmRenderStyle *style,
                                          CrmTextRole           role);
void         crm_render_set_color    (cairo_t              *cr,
                                      CrmColor              color);
void         crm_render_empty        (cairo_t              *cr,
                                      const CrmRenderStyle *style,
                                      double                width,
                                      double                height,
                                      const char           *message);
CrmColor     crm_render_text_color_on (const CrmRenderStyle *style,
                                       CrmColor              fill);
cairo_t     *crm_render_measuring_context (cairo_t       *cr);
double       crm_render_mirror_x     (const CrmRenderStyle *style,
                                      double                width,
                                      double                x);

G_END_DECLS
