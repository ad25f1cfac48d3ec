/* crm-report-page.c
 *
 * Drawing one page of a laid-out report: the page header and footer,
 * then what the layout placed in the body. Layouts are made once per
 * page and given each cell's text in turn, never kept per cell. Colours
 * are the palette's foreground blended into its background, opaque: a
 * grey that a black-and-white printer prints as a grey, and no
 * transparency groups in a PDF.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-render-text.h"
#include "crm-report-layout-private.h"

#define RULE_WIDTH 0.75
#define HAIRLINE 0.4

typedef struct
{
  CrmReportLayout *layout;
  cairo_t         *cr;
  gboolean         print;
  CrmColor         ink;       /* text */
  CrmColor         muted;     /* secondary text: labels, the header's small line */
  CrmColor         rule;      /* the header's and footer's rules, a table's edges */
  CrmColor         hairline;  /* between table rows */
  CrmColor         band;      /* a table header's fill */
  CrmColor         stripe;    /* every other row's fill */
  CrmColor         accent;    /* the rule under the page header */
} Painter;

static CrmColor
blend (CrmColor background,
       CrmColor foreground,
       double   amount)
{
  CrmColor color = {
    background.red + (foreground.red - background.red) * amount,
    background.green + (foreground.green - background.green) * amount,
    background.blue + (foreground.blue - background.blue) * amount,
    1.0,
  };

  return color;
}

static void
painter_init (Painter         *painter,
              CrmReportLayout *layout,
              cairo_t         *cr)
{
  const CrmRenderStyle *style = layout->style;
  CrmColor background = crm_render_style_get_background (style);
  CrmColor foreground = crm_render_style_get_foreground (style);

  painter->layout = layout;
  painter->cr = cr;
  painter->print = crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_PRINT;
  painter->ink = foreground;
  painter->muted = blend (background, foreground, painter->print ? 0.75 : 0.65);
  painter->rule = blend (background, foreground, painter->print ? 0.6 : 0.45);
  painter->hairline = blend (background, foreground, painter->print ? 0.35 : 0.18);
  /* Greys a laser printer still prints: lighter ones vanish. */
  painter->band = blend (background, foreground, painter->print ? 0.18 : 0.10);
  painter->stripe = blend (background, foreground, painter->print ? 0.08 : 0.04);
  painter->accent = painter->print ? foreground : crm_render_style_get_series_color (style, 0);
}

static void
fill_rect (Painter  *painter,
           CrmColor  color,
           double    x,
           double    y,
           double    width,
           double    height)
{
  crm_render_set_color (painter->cr, color);
  cairo_rectangle (painter->cr, x, y, width, height);
  cairo_fill (painter->cr);
}

static void
horizontal_rule (Painter  *painter,
                 CrmColor  color,
                 double    line_width,
                 double    y)
{
  CrmReportLayout *layout = painter->layout;

  /* Inside the body's width, its ends and its thickness included. */
  crm_render_set_color (painter->cr, color);
  cairo_rectangle (painter->cr, layout->body_x, y - line_width / 2, layout->body_width, line_width);
  cairo_fill (painter->cr);
}

/* @text on one line in the box from @x, elided when it is too long. */
static void
draw_line (Painter      *painter,
           PangoLayout  *layout,
           CrmColor      color,
           const char   *text,
           double        x,
           double        y,
           double        width,
           CrmTextAlign  align)
{
  crm_render_text_set (layout, text);
  crm_render_text_elide (layout, width);
  crm_render_set_color (painter->cr, color);
  crm_render_text_draw (painter->cr, painter->layout->style, layout, x, y, width, align);
}

static void
draw_wrapped (Painter        *painter,
              PangoLayout    *layout,
              CrmColor        color,
              const char     *text,
              double          x,
              double          y,
              double          width,
              CrmReportAlign  align)
{
  crm_report_text_wrap (layout, painter->layout->style, text, width, align);
  crm_render_set_color (painter->cr, color);
  cairo_move_to (painter->cr, x, y);
  pango_cairo_show_layout (painter->cr, layout);
}

static void
draw_page_frame (Painter *painter,
                 guint    page)
{
  CrmReportLayout *self = painter->layout;
  CrmReport *report = self->report;
  g_autoptr(PangoLayout) title = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_HEADER_TITLE);
  g_autoptr(PangoLayout) small = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_HEADER_SMALL);
  g_autofree char *number = NULL;
  const char *company = crm_report_get_company (report);
  const char *subtitle = crm_report_get_subtitle (report);
  const char *printed = crm_report_get_printed (report);
  double title_height, small_height, company_width = 0, number_width, x, y, width;

  crm_report_text_wrap (title, self->style, "Ag", 1000, CRM_REPORT_ALIGN_START);
  crm_report_text_wrap (small, self->style, "Ag", 1000, CRM_REPORT_ALIGN_START);
  title_height = crm_report_text_height (title);
  small_height = crm_report_text_height (small);
  x = self->body_x;
  y = self->header_y;
  width = self->body_width;

  /* The company at the end of the title's line, small; the title takes
   * the rest and is elided before the company is. */
  if (company != NULL && *company != '\0')
    {
      company_width = MIN (crm_render_text_width (small, company), width * 0.4);
      draw_line (painter, small, painter->muted, company,
                 crm_report_mirror (self, x + width - company_width, company_width),
                 y + title_height - small_height, company_width, CRM_TEXT_END);
      company_width += 12;
    }
  draw_line (painter, title, painter->ink, crm_report_get_title (report),
             crm_report_mirror (self, x, width - company_width), y, width - company_width, CRM_TEXT_START);
  if (subtitle != NULL && *subtitle != '\0')
    draw_line (painter, small, painter->muted, subtitle, x, y + title_height, width, CRM_TEXT_START);
  horizontal_rule (painter, painter->accent, 1.0, self->header_rule_y);

  /* The footer: the printed date at the start, the page number at the end. */
  horizontal_rule (painter, painter->rule, HAIRLINE, self->footer_y);
  y = self->footer_y + 5.0;
  /* TRANSLATORS: the footer of every page of a printed report */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  number_width = MIN (crm_render_text_width (small, number), width / 2);
  draw_line (painter, small, painter->muted, number,
             crm_report_mirror (self, x + width - number_width, number_width), y, number_width, CRM_TEXT_END);
  if (printed != NULL && *printed != '\0')
    draw_line (painter, small, painter->muted, printed,
               crm_report_mirror (self, x, width - number_width - 12), y, width - number_width - 12,
               CRM_TEXT_START);
}

static void
draw_heading (Painter               *painter,
              const CrmReportBlock  *block,
              const CrmReportPlaced *placed)
{
  CrmReportLayout *self = painter->layout;
  g_autoptr(PangoLayout) layout = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_HEADING);

  draw_wrapped (painter, layout, painter->ink, block->text, self->body_x, placed->y, self->body_width,
                CRM_REPORT_ALIGN_START);
}

/* The lines of the paragraph this page has, from placed->first_row. */
static void
draw_paragraph (Painter               *painter,
                const CrmReportBlock  *block,
                const CrmReportPlaced *placed)
{
  CrmReportLayout *self = painter->layout;
  g_autoptr(PangoLayout) layout = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_PARAGRAPH);
  PangoLayoutIter *iter;
  guint line = 0;
  double top = 0;

  crm_report_text_wrap (layout, self->style, block->text, self->body_width, CRM_REPORT_ALIGN_START);
  crm_render_set_color (painter->cr, painter->ink);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (line == placed->first_row)
        top = (double) logical.y / PANGO_SCALE;
      if (line >= placed->first_row)
        {
          cairo_move_to (painter->cr, self->body_x + (double) logical.x / PANGO_SCALE,
                         placed->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top);
          pango_cairo_show_layout_line (painter->cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < placed->first_row + placed->n_rows && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_facts (Painter               *painter,
            const CrmReportBlock  *block,
            const CrmReportPlaced *placed)
{
  CrmReportLayout *self = painter->layout;
  g_autoptr(PangoLayout) label = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_FACT_LABEL);
  g_autoptr(PangoLayout) value = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_FACT_VALUE);
  double label_width = floor (self->body_width * CRM_REPORT_FACT_LABEL_SHARE);
  double value_width = self->body_width - label_width - CRM_REPORT_CELL_PADDING_X;
  double y = placed->y;

  for (guint i = 0; i < block->facts->len; i++)
    {
      const CrmReportFact *fact = &g_array_index (block->facts, CrmReportFact, i);
      double height;

      crm_report_text_wrap (label, self->style, fact->label, label_width - 2 * CRM_REPORT_CELL_PADDING_X,
                            CRM_REPORT_ALIGN_START);
      crm_report_text_wrap (value, self->style, fact->value, value_width, CRM_REPORT_ALIGN_START);
      height = MAX (crm_report_text_height (label), crm_report_text_height (value)) + 2 * CRM_REPORT_FACT_GAP;
      if (y + height > placed->y + placed->height + 0.5)
        break;
      crm_render_set_color (painter->cr, painter->muted);
      cairo_move_to (painter->cr,
                     crm_report_mirror (self, self->body_x, label_width - CRM_REPORT_CELL_PADDING_X),
                     y + CRM_REPORT_FACT_GAP);
      pango_cairo_show_layout (painter->cr, label);
      crm_render_set_color (painter->cr, painter->ink);
      cairo_move_to (painter->cr,
                     crm_report_mirror (self, self->body_x + label_width, value_width),
                     y + CRM_REPORT_FACT_GAP);
      pango_cairo_show_layout (painter->cr, value);
      if (i + 1 < block->facts->len)
        horizontal_rule (painter, painter->hairline, HAIRLINE, y + height);
      y += height;
    }
}

static void
draw_chart (Painter               *painter,
            const CrmReportBlock  *block,
            const CrmReportPlaced *placed)
{
  CrmReportLayout *self = painter->layout;
  double y = placed->y, width = self->body_width, height, x;

  if (*block->text != '\0')
    {
      g_autoptr(PangoLayout) title = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_CHART_TITLE);

      draw_wrapped (painter, title, painter->ink, block->text, self->body_x, y, width, CRM_REPORT_ALIGN_START);
      y += crm_report_text_height (title) + CRM_REPORT_CHART_TITLE_GAP;
    }
  height = placed->y + placed->height - y;
  /* Shrunk to fit a page, a chart keeps its proportions, centred. */
  if (height < width * block->height_ratio - 0.5)
    width = height / block->height_ratio;
  x = self->body_x + (self->body_width - width) / 2;
  cairo_save (painter->cr);
  cairo_rectangle (painter->cr, x, y, width, height);
  cairo_clip (painter->cr);
  cairo_translate (painter->cr, x, y);
  block->draw (painter->cr, self->chart_style, width, height, block->user_data);
  cairo_restore (painter->cr);
}

static void
draw_table_header (Painter               *painter,
                   const CrmReportBlock  *block,
                   const CrmReportPlaced *placed)
{
  CrmReportLayout *self = painter->layout;
  const CrmReportTable *table = block->table;
  const CrmReportTableMetrics *metrics = &self->tables[placed->block];
  g_autoptr(PangoLayout) layout = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_TABLE_HEADER);

  fill_rect (painter, painter->band, self->body_x, placed->y, self->body_width, placed->height);
  for (guint c = 0; c < table->n_columns; c++)
    {
      double width = metrics->column_width[c] - 2 * CRM_REPORT_CELL_PADDING_X;
      double x = crm_report_mirror (self, self->body_x + metrics->column_x[c] + CRM_REPORT_CELL_PADDING_X, width);

      draw_wrapped (painter, layout, painter->ink, table->headers[c], x, placed->y + CRM_REPORT_CELL_PADDING_Y,
                    width, table->aligns[c]);
    }
  horizontal_rule (painter, painter->rule, RULE_WIDTH, placed->y + placed->height - RULE_WIDTH / 2);
}

static void
draw_table_rows (Painter               *painter,
                 const CrmReportBlock  *block,
                 const CrmReportPlaced *placed)
{
  CrmReportLayout *self = painter->layout;
  const CrmReportTable *table = block->table;
  const CrmReportTableMetrics *metrics = &self->tables[placed->block];
  g_autoptr(PangoLayout) cell = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_CELL);
  g_autoptr(PangoLayout) figure = crm_report_text_layout (painter->cr, self->style, CRM_REPORT_TEXT_FIGURE);
  g_autofree double *x = g_new (double, table->n_columns);
  g_autofree double *width = g_new (double, table->n_columns);
  double y = placed->y;

  if (table->single_line)
    {
      /* One line each (Pango's default height of -1 line a paragraph). */
      pango_layout_set_ellipsize (cell, PANGO_ELLIPSIZE_END);
      pango_layout_set_ellipsize (figure, PANGO_ELLIPSIZE_END);
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      width[c] = MAX (metrics->column_width[c] - 2 * CRM_REPORT_CELL_PADDING_X, 1);
      x[c] = crm_report_mirror (self, self->body_x + metrics->column_x[c] + CRM_REPORT_CELL_PADDING_X, width[c]);
    }
  /* The stripes first, in one path: a PDF viewer draws one fill faster
   * than a hundred. */
  for (guint row = placed->first_row; row < placed->first_row + placed->n_rows; row++)
    {
      if (row % 2 == 1)
        cairo_rectangle (painter->cr, self->body_x, y, self->body_width, metrics->row_heights[row]);
      y += metrics->row_heights[row];
    }
  crm_render_set_color (painter->cr, painter->stripe);
  cairo_fill (painter->cr);

  y = placed->y;
  crm_render_set_color (painter->cr, painter->ink);
  for (guint row = placed->first_row; row < placed->first_row + placed->n_rows; row++)
    {
      double height = metrics->row_heights[row];
      gboolean clip = FALSE;

      for (guint c = 0; c < table->n_columns; c++)
        {
          PangoLayout *layout = table->aligns[c] == CRM_REPORT_ALIGN_END ? figure : cell;

          crm_report_text_wrap (layout, self->style, crm_report_table_get_cell (table, row, c),
                                width[c], table->aligns[c]);
          /* A row cut to the page's height is cut, not spilled over the
           * footer. */
          if (!clip && crm_report_text_height (layout) + 2 * CRM_REPORT_CELL_PADDING_Y > height + 0.5)
            {
              clip = TRUE;
              cairo_save (painter->cr);
              cairo_rectangle (painter->cr, self->body_x, y, self->body_width, height);
              cairo_clip (painter->cr);
            }
          cairo_move_to (painter->cr, x[c], y + CRM_REPORT_CELL_PADDING_Y);
          pango_cairo_show_layout (painter->cr, layout);
        }
      if (clip)
        cairo_restore (painter->cr);
      y += height;
    }
  horizontal_rule (painter, painter->rule, RULE_WIDTH, y - RULE_WIDTH / 2);
}

void
crm_report_layout_draw_page (CrmReportLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  Painter painter;
  GArray *placed;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  painter_init (&painter, self, cr);
  placed = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  crm_render_set_color (cr, crm_render_style_get_background (self->style));
  cairo_rectangle (cr, 0, 0, self->setup.width, self->setup.height);
  cairo_fill (cr);
  draw_page_frame (&painter, page);
  for (guint i = 0; i < placed->len; i++)
    {
      const CrmReportPlaced *run = &g_array_index (placed, CrmReportPlaced, i);
      const CrmReportBlock *block = crm_report_get_block (self->report, run->block);

      switch (run->kind)
        {
        case CRM_REPORT_ITEM_HEADING:
          draw_heading (&painter, block, run);
          break;
        case CRM_REPORT_ITEM_PARAGRAPH:
          draw_paragraph (&painter, block, run);
          break;
        case CRM_REPORT_ITEM_FACTS:
          draw_facts (&painter, block, run);
          break;
        case CRM_REPORT_ITEM_CHART:
          draw_chart (&painter, block, run);
          break;
        case CRM_REPORT_ITEM_TABLE_HEADER:
          draw_table_header (&painter, block, run);
          break;
        case CRM_REPORT_ITEM_TABLE_ROW:
        default:
          draw_table_rows (&painter, block, run);
          break;
        }
    }
  cairo_restore (cr);
}
