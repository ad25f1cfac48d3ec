/* crm-golden.h: golden-image tests for the render library. A chart is drawn
 * onto an image surface and compared with tests/golden/NAME.png, with a
 * tolerance for anti-aliasing; TOUCHPOINT_UPDATE_GOLDEN=1 writes the images
 * anew (look at every one before committing it). */
#pragma once

#include <cairo.h>

#include "crm-render-style.h"

G_BEGIN_DECLS

typedef void (*CrmGoldenDrawFunc) (cairo_t              *cr,
                                   const CrmRenderStyle *style,
                                   double                width,
                                   double                height,
                                   gconstpointer         data);

CrmRenderStyle *crm_golden_style       (CrmRenderPalette   palette,
                                        gboolean           rtl);
void            crm_golden_check       (cairo_surface_t   *surface,
                                        const char        *name);
void            crm_golden_check_chart (const char        *name,
                                        CrmGoldenDrawFunc  draw,
                                        gconstpointer      data,
                                        int                width,
                                        int                height);
void            crm_golden_check_vector_output (CrmGoldenDrawFunc  draw,
                                                gconstpointer      data,
                                                int                width,
                                                int                height);
double          crm_golden_time_draw   (CrmGoldenDrawFunc  draw,
                                        gconstpointer      data,
                                        int                width,
                                        int                height,
                                        guint              repeats);

G_END_DECLS
