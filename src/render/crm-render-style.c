/* crm-render-style.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-render-style.h"

#include <math.h>

struct _CrmRenderStyle
{
  gatomicrefcount   ref_count;
  CrmRenderPalette  palette;
  gboolean          rtl;
  double            scale;
  char             *font;
};

G_DEFINE_BOXED_TYPE (CrmRenderStyle, crm_render_style, crm_render_style_ref, crm_render_style_unref)

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Series colours after Okabe and Ito's palette, which people with the
 * common colour-vision deficiencies can tell apart; each palette's shades
 * are picked to keep at least 3:1 contrast with its background. */
static const CrmColor light_series[] = {
  RGB (0x0072b2), RGB (0xd55e00), RGB (0x009e73), RGB (0xcc79a7),
  RGB (0x8a6d00), RGB (0x3a87c8), RGB (0x6f4e9e), RGB (0x555555),
};
static const CrmColor dark_series[] = {
  RGB (0x56b4e9), RGB (0xe69f00), RGB (0x2fd1a0), RGB (0xe8a3c8),
  RGB (0xf0e442), RGB (0x7fb2ff), RGB (0xff8c5a), RGB (0xbbbbbb),
};
/* Ink for monochrome printers: greys that stay distinct when printed. */
static const CrmColor print_series[] = {
  RGB (0x000000), RGB (0x555555), RGB (0x2b2b2b), RGB (0x707070),
};

CrmRenderStyle *
crm_render_style_new (CrmRenderPalette palette,
                      gboolean         rtl)
{
  CrmRenderStyle *self = g_new0 (CrmRenderStyle, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->palette = palette;
  self->rtl = !!rtl;
  self->scale = 1.0;
  self->font = g_strdup ("Sans 10");
  return self;
}

CrmRenderStyle *
crm_render_style_ref (CrmRenderStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
crm_render_style_unref (CrmRenderStyle *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->font);
      g_free (self);
    }
}

CrmRenderPalette
crm_render_style_get_palette (const CrmRenderStyle *self)
{
  g_return_val_if_fail (self != NULL, CRM_RENDER_PALETTE_LIGHT);
  return self->palette;
}

gboolean
crm_render_style_is_rtl (const CrmRenderStyle *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->rtl;
}

double
crm_render_style_get_scale (const CrmRenderStyle *self)
{
  g_return_val_if_fail (self != NULL, 1.0);
  return self->scale;
}

void
crm_render_style_set_scale (CrmRenderStyle *self,
                            double          scale)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale > 0);
  self->scale = scale;
}

const char *
crm_render_style_get_font (const CrmRenderStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->font;
}

/* A Pango font description string, e.g. "Cantarell 11". */
void
crm_render_style_set_font (CrmRenderStyle *self,
                           const char     *font)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (font != NULL);

  g_free (self->font);
  self->font = g_strdup (font);
}

CrmColor
crm_render_style_get_background (const CrmRenderStyle *self)
{
  static const CrmColor light = RGB (0xffffff), dark = RGB (0x1e1e1e);

  g_return_val_if_fail (self != NULL, light);
  return self->palette == CRM_RENDER_PALETTE_DARK ? dark : light;
}

CrmColor
crm_render_style_get_foreground (const CrmRenderStyle *self)
{
  static const CrmColor light = RGB (0x1e1e1e), dark = RGB (0xffffff), print = RGB (0x000000);

  g_return_val_if_fail (self != NULL, light);
  switch (self->palette)
    {
    case CRM_RENDER_PALETTE_DARK:
      return dark;
    case CRM_RENDER_PALETTE_PRINT:
      return print;
    case CRM_RENDER_PALETTE_LIGHT:
    default:
      return light;
    }
}

static const CrmColor *
series_colors (const CrmRenderStyle *self,
               guint                *n)
{
  switch (self->palette)
    {
    case CRM_RENDER_PALETTE_DARK:
      *n = G_N_ELEMENTS (dark_series);
      return dark_series;
    case CRM_RENDER_PALETTE_PRINT:
      *n = G_N_ELEMENTS (print_series);
      return print_series;
    case CRM_RENDER_PALETTE_LIGHT:
    default:
      *n = G_N_ELEMENTS (light_series);
      return light_series;
    }
}

guint
crm_render_style_get_n_series_colors (const CrmRenderStyle *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);
  series_colors (self, &n);
  return n;
}

/* The colour of data series @index; colours repeat after the last one. */
CrmColor
crm_render_style_get_series_color (const CrmRenderStyle *self,
                                   guint                 index)
{
  const CrmColor *colors;
  guint n;

  g_return_val_if_fail (self != NULL, (CrmColor) RGB (0));

  colors = series_colors (self, &n);
  return colors[index % n];
}

static double
relative_luminance (CrmColor c)
{
  double channel[3] = { c.red, c.green, c.blue };

  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.03928 ? channel[i] / 12.92
                                       : pow ((channel[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

/* The WCAG 2 contrast ratio of two opaque colours, from 1 to 21. */
double
crm_color_contrast_ratio (CrmColor a,
                          CrmColor b)
{
  double la = relative_luminance (a), lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
