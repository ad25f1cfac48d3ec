/* crm-render-style.h: everything a drawing function needs to know about how
 * to draw, so that it never asks a widget: light or dark palette, text
 * direction, scale and the font. The screen, the printer and PDF export each
 * make a style and hand it to the same drawing code. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CrmColor;

typedef enum
{
  CRM_RENDER_PALETTE_LIGHT,
  CRM_RENDER_PALETTE_DARK,
  CRM_RENDER_PALETTE_PRINT,   /* black and white printers: dark ink, no fills that vanish */
} CrmRenderPalette;

typedef struct _CrmRenderStyle CrmRenderStyle;

#define CRM_TYPE_RENDER_STYLE (crm_render_style_get_type ())

GType           crm_render_style_get_type          (void) G_GNUC_CONST;
CrmRenderStyle *crm_render_style_new               (CrmRenderPalette      palette,
                                                    gboolean              rtl);
CrmRenderStyle *crm_render_style_ref               (CrmRenderStyle       *self);
void            crm_render_style_unref             (CrmRenderStyle       *self);
CrmRenderPalette crm_render_style_get_palette      (const CrmRenderStyle *self);
gboolean        crm_render_style_is_rtl            (const CrmRenderStyle *self);
double          crm_render_style_get_scale         (const CrmRenderStyle *self);
void            crm_render_style_set_scale         (CrmRenderStyle       *self,
                                                    double                scale);
const char     *crm_render_style_get_font          (const CrmRenderStyle *self);
void            crm_render_style_set_font          (CrmRenderStyle       *self,
                                                    const char           *font);
CrmColor        crm_render_style_get_background    (const CrmRenderStyle *self);
CrmColor        crm_render_style_get_foreground    (const CrmRenderStyle *self);
guint           crm_render_style_get_n_series_colors (const CrmRenderStyle *self);
CrmColor        crm_render_style_get_series_color  (const CrmRenderStyle *self,
                                                    guint                 index);
double          crm_color_contrast_ratio           (CrmColor              a,
                                                    CrmColor              b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmRenderStyle, crm_render_style_unref)

G_END_DECLS
