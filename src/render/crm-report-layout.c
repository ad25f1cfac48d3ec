/* crm-report-layout.c
 *
 * Cutting a report into pages. Every block is measured once, in points,
 * with the fonts the pages are drawn with (hinting off, so that a PDF, a
 * printer and the preview wrap text at the same words); a table keeps a
 * height per row and no PangoLayout per cell. Blocks then flow down the
 * body of each page: a heading goes with what follows it, charts and
 * facts move whole to the next page, tables split between rows and
 * repeat their header. Drawing is in crm-report-page.c.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crm-render-text.h"
#include "crm-report-layout-private.h"

#define HEADER_GAP 14.0       /* between the page header's rule and the body */
#define FOOTER_GAP 12.0       /* between the body and the footer's rule */
#define HEADER_RULE_GAP 5.0   /* between the header's text and its rule */
#define PROGRESS_ROWS 512

G_DEFINE_BOXED_TYPE (CrmReportLayout, crm_report_layout,
                     crm_report_layout_ref, crm_report_layout_unref)

/* Sizes relative to the style's font, whose size is taken in points. */
static void
text_font (CrmReportText  text,
           CrmTextRole   *role,
           double        *factor)
{
  *factor = 1.0;
  switch (text)
    {
    case CRM_REPORT_TEXT_HEADER_TITLE:
      *role = CRM_TEXT_TITLE;
      *factor = 1.3;
      break;
    case CRM_REPORT_TEXT_HEADING:
      *role = CRM_TEXT_TITLE;
      *factor = 1.25;
      break;
    case CRM_REPORT_TEXT_FACT_VALUE:
    case CRM_REPORT_TEXT_CHART_TITLE:
      *role = CRM_TEXT_TITLE;
      break;
    case CRM_REPORT_TEXT_TABLE_HEADER:
      *role = CRM_TEXT_TITLE;
      *factor = 0.85;
      break;
    case CRM_REPORT_TEXT_HEADER_SMALL:
    case CRM_REPORT_TEXT_CELL:
    case CRM_REPORT_TEXT_FIGURE:
      *role = CRM_TEXT_SMALL;
      break;
    case CRM_REPORT_TEXT_PARAGRAPH:
    case CRM_REPORT_TEXT_FACT_LABEL:
    default:
      *role = CRM_TEXT_BODY;
      break;
    }
}

/**
 * crm_report_text_layout:
 *
 * A layout for one kind of a report's text. Charts on screen lay text out
 * at 96 dpi; a page is in points, so the font's size is taken in points
 * here. Hinted metrics would make widths depend on the surface: off, the
 * words a cell wraps at are the same when measured and when drawn, on
 * any surface.
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
crm_report_text_layout (cairo_t              *cr,
                        const CrmRenderStyle *style,
                        CrmReportText         text)
{
  CrmTextRole role;
  double factor;
  PangoLayout *layout;
  PangoContext *context;
  cairo_font_options_t *options = cairo_font_options_create ();

  text_font (text, &role, &factor);
  layout = text == CRM_REPORT_TEXT_FIGURE ? crm_render_figure_layout (cr, style, role, NULL)
                                          : crm_render_text_layout (cr, style, role, NULL);
  context = pango_layout_get_context (layout);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);
  if (factor != 1.0)
    {
      PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

      pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * factor));
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  if (text == CRM_REPORT_TEXT_FIGURE)
    {
      /* Digits as wide as each other, so that units line up in a column. */
      PangoAttrList *attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum 1"));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  return layout;
}

/* Sets @text wrapped within @width and aligned in the page's reading
 * order: START is the right in a right-to-left report, for a Latin name
 * in an Arabic report as for an Arabic name. Each paragraph keeps the
 * direction of its own letters, and Pango swaps left and right for one
 * that reads against the page's direction; the swap is undone here
 * beforehand. */
void
crm_report_text_wrap (PangoLayout          *layout,
                      const CrmRenderStyle *style,
                      const char           *text,
                      double                width,
                      CrmReportAlign        align)
{
  gboolean right = (align == CRM_REPORT_ALIGN_END) != crm_render_style_is_rtl (style);
  PangoAlignment alignment;

  if (text == NULL)
    text = "";
  if (align != CRM_REPORT_ALIGN_CENTER && pango_layout_get_auto_dir (layout))
    {
      PangoDirection page = pango_context_get_base_dir (pango_layout_get_context (layout));
      PangoDirection direction;

      /* Deprecated for fribidi, which Pango does not export; this is the
       * rule Pango itself applies to the paragraph. */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      direction = pango_find_base_dir (text, -1);
      G_GNUC_END_IGNORE_DEPRECATIONS
      if ((direction == PANGO_DIRECTION_RTL && page != PANGO_DIRECTION_RTL) ||
          (direction == PANGO_DIRECTION_LTR && page == PANGO_DIRECTION_RTL))
        right = !right;
    }
  if (align == CRM_REPORT_ALIGN_CENTER)
    alignment = PANGO_ALIGN_CENTER;
  else
    alignment = right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
}

double
crm_report_text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return ceil ((double) logical.height / PANGO_SCALE);
}

/* A box at @x (as it is left to right) where the page's direction puts it. */
double
crm_report_mirror (CrmReportLayout *self,
                   double           x,
                   double           width)
{
  if (!crm_render_style_is_rtl (self->style))
    return x;
  return self->body_x + self->body_width - (x - self->body_x) - width;
}

/* What measures a table's cells: a layout per kind of cell, and how many
 * characters of the simple kind surely fit on one line, so that the
 * common short cell is not shaped at all to be measured. */
typedef struct
{
  PangoLayout *cell;
  PangoLayout *figure;
  double       line_height;
  double       widest_simple;   /* the widest simple character */
} CellMeasure;

/* Beyond Latin-1 and Latin Extended-A, what figures and names are
 * written with: dashes, quotes, the euro, the spaces that group digits. */
static const gunichar simple_extras[] = {
  0x2009, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x202f, 0x20ac, 0x2212,
};

/* Characters that take one glyph each whatever comes next, in the same
 * font as the report's text: a line of them is as wide as the sum of
 * their advances, kerning aside. */
static gboolean
is_simple (gunichar c)
{
  if (c >= 0x20 && c < 0x7f)
    return TRUE;
  if (c >= 0xa0 && c < 0x180)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (simple_extras); i++)
    if (c == simple_extras[i])
      return TRUE;
  return FALSE;
}

static double
widest_simple (PangoLayout *layout)
{
  double widest = 0;

  pango_layout_set_width (layout, -1);
  for (gunichar c = 0x20; c < 0x2300; c++)
    {
      char character[8];
      PangoRectangle logical;

      if (!is_simple (c))
        continue;
      pango_layout_set_text (layout, character, g_unichar_to_utf8 (c, character));
      pango_layout_get_extents (layout, NULL, &logical);
      widest = MAX (widest, (double) logical.width / PANGO_SCALE);
    }
  return widest;
}

static gboolean
fits_on_one_line (const char *text,
                  guint       most)
{
  guint length = 0;

  for (const char *p = text; *p != '\0'; length++)
    {
      if ((guchar) *p < 0x80)
        {
          if ((guchar) *p < 0x20 || *p == 0x7f)
            return FALSE;
          p++;
        }
      else
        {
          if (!is_simple (g_utf8_get_char (p)))
            return FALSE;
          p = g_utf8_next_char (p);
        }
      if (length >= most)
        return FALSE;
    }
  return TRUE;
}

static double
cell_height (CellMeasure          *measure,
             const CrmRenderStyle *style,
             const char           *text,
             double                width,
             CrmReportAlign        align)
{
  PangoLayout *layout = align == CRM_REPORT_ALIGN_END ? measure->figure : measure->cell;
  /* A hair under the width: kerning never widens a line by that much. */
  guint most = measure->widest_simple > 0 ? (guint) floor ((width - 1) / measure->widest_simple) : 0;

  if (fits_on_one_line (text, most))
    return measure->line_height;
  crm_report_text_wrap (layout, style, text, width, align);
  return crm_report_text_height (layout);
}

static void
measure_table (CrmReportLayout       *self,
               cairo_t               *cr,
               const CrmReportTable  *table,
               CrmReportTableMetrics *metrics,
               GCancellable          *cancellable,
               CrmProgressFunc        progress,
               gpointer               progress_data,
               guint64               *done,
               guint64                total)
{
  g_autoptr(PangoLayout) header = crm_report_text_layout (cr, self->style, CRM_REPORT_TEXT_TABLE_HEADER);
  CellMeasure measure = { 0, };
  guint n_rows = table->cells->len / table->n_columns;
  double x = 0, most_row = 0;
  g_autofree double *content = g_new0 (double, table->n_columns);

  measure.cell = crm_report_text_layout (cr, self->style, CRM_REPORT_TEXT_CELL);
  measure.figure = crm_report_text_layout (cr, self->style, CRM_REPORT_TEXT_FIGURE);
  crm_report_text_wrap (measure.cell, self->style, "Ag", 1000, CRM_REPORT_ALIGN_START);
  measure.line_height = crm_report_text_height (measure.cell);
  measure.widest_simple = MAX (widest_simple (measure.cell), widest_simple (measure.figure));

  metrics->column_x = g_new0 (double, table->n_columns);
  metrics->column_width = g_new0 (double, table->n_columns);
  metrics->row_heights = g_new0 (float, n_rows);
  metrics->header_height = 0;
  for (guint c = 0; c < table->n_columns; c++)
    {
      metrics->column_x[c] = x;
      metrics->column_width[c] = c + 1 == table->n_columns ? self->body_width - x
                                                           : round (table->widths[c] * self->body_width);
      x += metrics->column_width[c];
      content[c] = MAX (metrics->column_width[c] - 2 * CRM_REPORT_CELL_PADDING_X, 1);
      crm_report_text_wrap (header, self->style, table->headers[c], content[c], table->aligns[c]);
      metrics->header_height = MAX (metrics->header_height, crm_report_text_height (header));
    }
  metrics->header_height += 2 * CRM_REPORT_CELL_PADDING_Y;
  /* A row taller than a page is cut at the page's foot, not carried on
   * from page to page forever. */
  most_row = MAX (self->body_height - metrics->header_height, measure.line_height);

  for (guint row = 0; row < n_rows; row++)
    {
      double tallest = measure.line_height;

      for (guint c = 0; c < table->n_columns && !table->single_line; c++)
        tallest = MAX (tallest, cell_height (&measure, self->style, crm_report_table_get_cell (table, row, c),
                                             content[c], table->aligns[c]));
      metrics->row_heights[row] = MIN (tallest + 2 * CRM_REPORT_CELL_PADDING_Y, most_row);
      if (++*done % PROGRESS_ROWS == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            break;
          if (progress != NULL)
            progress (*done, total, progress_data);
        }
    }
  g_object_unref (measure.cell);
  g_object_unref (measure.figure);
}

static double
measure_facts (CrmReportLayout      *self,
               cairo_t              *cr,
               const CrmReportBlock *block)
{
  g_autoptr(PangoLayout) label = crm_report_text_layout (cr, self->style, CRM_REPORT_TEXT_FACT_LABEL);
  g_autoptr(PangoLayout) value = crm_report_text_layout (cr, self->style, CRM_REPORT_TEXT_FACT_VALUE);
  double label_width = floor (self->body_width * CRM_REPORT_FACT_LABEL_SHARE);
  double height = 0;

  for (guint i = 0; i < block->facts->len; i++)
    {
      const CrmReportFact *fact = &g_array_index (block->facts, CrmReportFact, i);

      crm_report_text_wrap (label, self->style, fact->label, label_width - 2 * CRM_REPORT_CELL_PADDING_X,
                            CRM_REPORT_ALIGN_START);
      crm_report_text_wrap (value, self->style, fact->value,
                            self->body_width - label_width - CRM_REPORT_CELL_PADDING_X, CRM_REPORT_ALIGN_START);
      height += MAX (crm_report_text_height (label), crm_report_text_height (value)) + 2 * CRM_REPORT_FACT_GAP;
    }
  return height;
}

static double
measure_text (CrmReportLayout *self,
              cairo_t         *cr,
              CrmReportText    kind,
              const char      *text)
{
  g_autoptr(PangoLayout) layout = crm_report_text_layout (cr, self->style, kind);

  crm_report_text_wrap (layout, self->style, text, self->body_width, CRM_REPORT_ALIGN_START);
  return crm_report_text_height (layout);
}

/* A paragraph may run over pages, split between its lines: each line's
 * height, as for a table's rows. */
static double
measure_paragraph (CrmReportLayout       *self,
                   cairo_t               *cr,
                   const CrmReportBlock  *block,
                   CrmReportTableMetrics *lines)
{
  g_autoptr(PangoLayout) layout = crm_report_text_layout (cr, self->style, CRM_REPORT_TEXT_PARAGRAPH);
  PangoLayoutIter *iter;
  double height = 0;
  guint line = 0;

  crm_report_text_wrap (layout, self->style, block->text, self->body_width, CRM_REPORT_ALIGN_START);
  lines->n_lines = pango_layout_get_line_count (layout);
  lines->row_heights = g_new0 (float, lines->n_lines);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      lines->row_heights[line] = MIN ((double) logical.height / PANGO_SCALE, self->body_height);
      height += lines->row_heights[line];
      line++;
    }
  while (line < lines->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return height;
}

/* A chart keeps its proportions and, when taller than a page, shrinks to
 * fit one. */
static double
measure_chart (CrmReportLayout      *self,
               cairo_t              *cr,
               const CrmReportBlock *block)
{
  double title = *block->text != '\0'
                 ? measure_text (self, cr, CRM_REPORT_TEXT_CHART_TITLE, block->text) + CRM_REPORT_CHART_TITLE_GAP
                 : 0;

  return MIN (title + self->body_width * block->height_ratio, self->body_height);
}

/* The page header: title and company on one line, the subtitle under
 * them, a rule; the footer: a rule, the printed date and the page number.
 * Both inside the margins. */
static void
measure_page (CrmReportLayout *self,
              cairo_t         *cr)
{
  g_autoptr(PangoLayout) title = crm_report_text_layout (cr, self->style, CRM_REPORT_TEXT_HEADER_TITLE);
  g_autoptr(PangoLayout) small = crm_report_text_layout (cr, self->style, CRM_REPORT_TEXT_HEADER_SMALL);
  gboolean rtl = crm_render_style_is_rtl (self->style);
  double title_height, small_height, header;

  crm_report_text_wrap (title, self->style, "Ag", 1000, CRM_REPORT_ALIGN_START);
  crm_report_text_wrap (small, self->style, "Ag", 1000, CRM_REPORT_ALIGN_START);
  title_height = crm_report_text_height (title);
  small_height = crm_report_text_height (small);
  header = title_height + small_height + HEADER_RULE_GAP;

  self->body_x = rtl ? self->setup.margin_end : self->setup.margin_start;
  self->body_width = MAX (self->setup.width - self->setup.margin_start - self->setup.margin_end, 1);
  self->header_y = self->setup.margin_top;
  self->header_rule_y = self->setup.margin_top + header - 0.5;
  self->body_y = self->setup.margin_top + header + HEADER_GAP;
  self->footer_y = self->setup.height - self->setup.margin_bottom - small_height - HEADER_RULE_GAP;
  self->body_height = MAX (self->footer_y - FOOTER_GAP - self->body_y, 1);
}

static void
table_metrics_clear (CrmReportTableMetrics *metrics)
{
  g_free (metrics->column_x);
  g_free (metrics->column_width);
  g_free (metrics->row_heights);
}

CrmReportLayout *
crm_report_layout_new (CrmReport            *report,
                       const CrmPageSetup   *setup,
                       const CrmRenderStyle *style,
                       GCancellable         *cancellable,
                       CrmProgressFunc       progress,
                       gpointer              progress_data)
{
  g_autoptr(CrmReportLayout) self = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_blocks;
  guint64 done = 0, total = 0;

  g_return_val_if_fail (CRM_IS_REPORT (report), NULL);
  g_return_val_if_fail (setup != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = g_new0 (CrmReportLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->report = g_object_ref (report);
  self->setup = *setup;
  self->style = crm_render_style_ref ((CrmRenderStyle *) style);
  /* Charts lay their text out at 96 dpi; three quarters of their size
   * puts it in points, as large as the report's own text. */
  self->chart_style = crm_render_style_new (crm_render_style_get_palette (style),
                                            crm_render_style_is_rtl (style));
  crm_render_style_set_font (self->chart_style, crm_render_style_get_font (style));
  crm_render_style_set_scale (self->chart_style, crm_render_style_get_scale (style) * 0.75);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  n_blocks = crm_report_get_n_blocks (report);
  self->block_heights = g_new0 (double, n_blocks);
  self->tables = g_new0 (CrmReportTableMetrics, n_blocks);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  measure_page (self, cr);
  for (guint i = 0; i < n_blocks; i++)
    {
      const CrmReportBlock *block = crm_report_get_block (report, i);

      if (block->kind == CRM_REPORT_BLOCK_TABLE)
        total += block->table->cells->len / block->table->n_columns;
    }
  for (guint i = 0; i < n_blocks && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const CrmReportBlock *block = crm_report_get_block (report, i);

      switch (block->kind)
        {
        case CRM_REPORT_BLOCK_HEADING:
          self->block_heights[i] = MIN (measure_text (self, cr, CRM_REPORT_TEXT_HEADING, block->text)
                                        + CRM_REPORT_HEADING_GAP, self->body_height);
          break;
        case CRM_REPORT_BLOCK_PARAGRAPH:
          self->block_heights[i] = measure_paragraph (self, cr, block, &self->tables[i]);
          break;
        case CRM_REPORT_BLOCK_FACTS:
          self->block_heights[i] = MIN (measure_facts (self, cr, block), self->body_height);
          break;
        case CRM_REPORT_BLOCK_CHART:
          self->block_heights[i] = measure_chart (self, cr, block);
          break;
        case CRM_REPORT_BLOCK_TABLE:
          measure_table (self, cr, block->table, &self->tables[i],
                         cancellable, progress, progress_data, &done, total);
          break;
        case CRM_REPORT_BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  cairo_destroy (cr);
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  crm_report_layout_paginate (self);
  if (progress != NULL)
    progress (total, total, progress_data);
  return g_steal_pointer (&self);
}

CrmReportLayout *
crm_report_layout_ref (CrmReportLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
crm_report_layout_unref (CrmReportLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < crm_report_get_n_blocks (self->report); i++)
    table_metrics_clear (&self->tables[i]);
  g_free (self->tables);
  g_free (self->block_heights);
  g_ptr_array_unref (self->pages);
  crm_render_style_unref (self->style);
  crm_render_style_unref (self->chart_style);
  g_object_unref (self->report);
  g_free (self);
}

guint
crm_report_layout_get_n_pages (CrmReportLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

const CrmPageSetup *
crm_report_layout_get_setup (CrmReportLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->setup;
}

GArray *
crm_report_layout_get_items (CrmReportLayout *self,
                             guint            page)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (CrmReportItem));
  GArray *placed;

  g_return_val_if_fail (self != NULL, items);
  g_return_val_if_fail (page < self->pages->len, items);

  placed = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < placed->len; i++)
    {
      const CrmReportPlaced *run = &g_array_index (placed, CrmReportPlaced, i);
      CrmReportItem item = { run->kind, run->block, 0, self->body_x, run->y, self->body_width, run->height };

      if (run->kind != CRM_REPORT_ITEM_TABLE_ROW)
        {
          g_array_append_val (items, item);
          continue;
        }
      for (guint row = run->first_row; row < run->first_row + run->n_rows; row++)
        {
          item.row = row;
          item.height = self->tables[run->block].row_heights[row];
          g_array_append_val (items, item);
          item.y += item.height;
        }
    }
  return items;
}

void
crm_report_layout_get_body (CrmReportLayout *self,
                            double          *x,
                            double          *y,
                            double          *width,
                            double          *height)
{
  g_return_if_fail (self != NULL);

  *x = self->body_x;
  *y = self->body_y;
  *width = self->body_width;
  *height = self->body_height;
}

void
crm_report_layout_get_column (CrmReportLayout *self,
                              guint            block,
                              guint            column,
                              double          *x,
                              double          *width)
{
  const CrmReportTableMetrics *metrics;

  g_return_if_fail (self != NULL);
  g_return_if_fail (block < crm_report_get_n_blocks (self->report));

  metrics = &self->tables[block];
  g_return_if_fail (metrics->column_x != NULL);
  *width = metrics->column_width[column];
  *x = crm_report_mirror (self, self->body_x + metrics->column_x[column], *width);
}
