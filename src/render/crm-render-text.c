/* crm-render-text.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-render-text.h"

/* Sizes relative to the style's font. */
static double
role_scale (CrmTextRole role)
{
  switch (role)
    {
    case CRM_TEXT_SMALL:
      return 0.85;
    case CRM_TEXT_TITLE:
      return 1.0;
    case CRM_TEXT_VALUE:
      return 2.2;
    case CRM_TEXT_BODY:
    default:
      return 1.0;
    }
}

/**
 * crm_render_text_layout:
 *
 * A layout of @text in the style's font at the role's size and weight,
 * with the style's base direction for text that has none of its own
 * (numbers, punctuation).
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
crm_render_text_layout (cairo_t              *cr,
                        const CrmRenderStyle *style,
                        CrmTextRole           role,
                        const char           *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (crm_render_style_get_font (style));
  double size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  /* Points at 96 dpi whatever the surface: a chart is laid out in the
   * same units on screen, in a PDF and on paper. */
  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_base_dir (context, crm_render_style_is_rtl (style) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, (int) (size * role_scale (role) * crm_render_style_get_scale (style)));
  if (role == CRM_TEXT_TITLE || role == CRM_TEXT_VALUE)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/**
 * crm_render_figure_layout:
 *
 * A layout of a number as crm_value_format() writes it (“1 234,50 €”,
 * “+12.5 %”, “−3”), left to right in every style: in a right-to-left
 * paragraph the bidi algorithm would move the sign, the currency or the
 * percent sign to the other side of the digits. Where the figure sits is
 * still the caller's, in reading order.
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
crm_render_figure_layout (cairo_t              *cr,
                          const CrmRenderStyle *style,
                          CrmTextRole           role,
                          const char           *text)
{
  PangoLayout *layout = crm_render_text_layout (cr, style, role, text);

  pango_layout_set_auto_dir (layout, FALSE);
  pango_context_set_base_dir (pango_layout_get_context (layout), PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  return layout;
}

/* Cuts the text to @width with an ellipsis, on one line. */
void
crm_render_text_elide (PangoLayout *layout,
                       double       width)
{
  pango_layout_set_width (layout, (int) (MAX (width, 0) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
}

/* Gives a layout made once for many strings its next one, unelided: making
 * a layout costs more than the text it shows. */
void
crm_render_text_set (PangoLayout *layout,
                     const char  *text)
{
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
}

/* The width of @text in @layout's font, rounded up to whole units so
 * that columns measured with it never cut a glyph. */
double
crm_render_text_width (PangoLayout *layout,
                       const char  *text)
{
  double width;

  crm_render_text_set (layout, text);
  crm_render_text_size (layout, &width, NULL);
  return ceil (width);
}

void
crm_render_text_size (PangoLayout *layout,
                      double      *width,
                      double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/**
 * crm_render_text_draw:
 * @x: the left edge of the box, in the surface's coordinates
 * @y: the top of the text
 * @width: the box's width, which the text is aligned in
 * @align: in reading order: START is the right edge in a right-to-left
 *   style
 *
 * Draws a layout in the style's foreground colour unless the caller set
 * another source since (the current source is used as it is).
 */
void
crm_render_text_draw (cairo_t              *cr,
                      const CrmRenderStyle *style,
                      PangoLayout          *layout,
                      double                x,
                      double                y,
                      double                width,
                      CrmTextAlign          align)
{
  double text_width;
  gboolean rtl = crm_render_style_is_rtl (style);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  text_width = (double) logical.width / PANGO_SCALE;
  if (align == CRM_TEXT_CENTER)
    x += (width - text_width) / 2;
  else if ((align == CRM_TEXT_END) != rtl)
    x += width - text_width;
  cairo_move_to (cr, x - (double) logical.x / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
}

double
crm_render_text_line_height (cairo_t              *cr,
                             const CrmRenderStyle *style,
                             CrmTextRole           role)
{
  g_autoptr(PangoLayout) layout = crm_render_text_layout (cr, style, role, "Ag");
  double height;

  crm_render_text_size (layout, NULL, &height);
  return height;
}

void
crm_render_set_color (cairo_t  *cr,
                      CrmColor  color)
{
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
}

/* What a chart with nothing to show draws: its message, centred, in a
 * muted colour. */
void
crm_render_empty (cairo_t              *cr,
                  const CrmRenderStyle *style,
                  double                width,
                  double                height,
                  const char           *message)
{
  g_autoptr(PangoLayout) layout = crm_render_text_layout (cr, style, CRM_TEXT_BODY,
                                                          message != NULL ? message : _("No data for this period"));
  CrmColor color = crm_render_style_get_foreground (style);
  double text_height;

  color.alpha = 0.6;
  crm_render_text_elide (layout, width);
  crm_render_text_size (layout, NULL, &text_height);
  cairo_save (cr);
  crm_render_set_color (cr, color);
  crm_render_text_draw (cr, style, layout, 0, (height - text_height) / 2, width, CRM_TEXT_CENTER);
  cairo_restore (cr);
}

/* The colour for text on a @fill (a bar, a slice): the style's
 * foreground or background, whichever stands out more from it. */
CrmColor
crm_render_text_color_on (const CrmRenderStyle *style,
                          CrmColor              fill)
{
  CrmColor foreground = crm_render_style_get_foreground (style);
  CrmColor background = crm_render_style_get_background (style);

  return crm_color_contrast_ratio (foreground, fill) >= crm_color_contrast_ratio (background, fill)
         ? foreground : background;
}

/**
 * crm_render_measuring_context:
 * @cr: (nullable): the context a chart is drawn on
 *
 * A context to lay text out on: @cr itself, or when a hit test is asked
 * without one (a widget between draws), a context on a small image.
 *
 * Returns: (transfer full): a new reference; cairo_destroy() it
 */
cairo_t *
crm_render_measuring_context (cairo_t *cr)
{
  cairo_surface_t *surface;

  if (cr != NULL)
    return cairo_reference (cr);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  return cr;
}

/* @x as it is in a left-to-right style, mirrored within @width in a
 * right-to-left one: a chart's geometry is laid out once, left to right,
 * and every x goes through here. */
double
crm_render_mirror_x (const CrmRenderStyle *style,
                     double                width,
                     double                x)
{
  return crm_render_style_is_rtl (style) ? width - x : x;
}
