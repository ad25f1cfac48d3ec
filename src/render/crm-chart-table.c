/* crm-chart-table.c
 *
 * table_layout() measures the columns once over every row, the totals
 * included, so that each page of a report split over several has the
 * same columns; drawing a page, drawing the chart form and hit-testing
 * all read it. Rows are one line each and all as tall, so a page holds a
 * known number of them. Right-to-left styles mirror every x at the end.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crm-chart-table.h"
#include "crm-render-text.h"

#define PADDING_X 8.0       /* between a cell's edges and its text */
#define PADDING_Y 6.0
#define MIN_LABEL_SHARE 0.3 /* of the width, kept for the categories */
#define LONGEST_MEASURED 8  /* figures measured per column */

typedef struct
{
  gboolean  empty;
  guint     n_series;
  guint     n_categories;
  guint     n_rows;           /* the categories and the totals row */
  double    width;
  double    padding;
  double    line;
  double    row_height;
  gboolean  compact;          /* figures in their short form, to fit */
  double    label_width;      /* the categories' column, from x = 0 */
  double   *column_x;         /* each series' column, left to right */
  double   *column_width;
} TableLayout;

/* Where the chart form (crm_chart_table_draw()) puts its rows when they
 * do not all fit: the first categories, a line that says how many more
 * there are, and the totals. */
typedef struct
{
  guint    n_slots;           /* rows drawn below the header */
  guint    n_leading;         /* categories from the first */
  gboolean more;              /* a “more” line after them */
  guint    n_more;
  gboolean totals;            /* the totals row last */
} ChartRows;

static const CrmChartTableOptions no_options = { NULL, FALSE, NULL };

static void
table_layout_clear (TableLayout *layout)
{
  g_clear_pointer (&layout->column_x, g_free);
  g_clear_pointer (&layout->column_width, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TableLayout, table_layout_clear)

/* Figures in columns read best with digits all as wide (tabular
 * figures), so that units line up under units. */
static PangoLayout *
figure_layout (cairo_t              *cr,
               const CrmRenderStyle *style,
               CrmTextRole           role)
{
  PangoLayout *layout = crm_render_text_layout (cr, style, role, NULL);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  return layout;
}

static gboolean
is_totals_row (const TableLayout *layout,
               guint              row)
{
  return row >= layout->n_categories;
}

static double
cell_value (const CrmChartData *data,
            const TableLayout  *layout,
            guint               series,
            guint               row)
{
  return is_totals_row (layout, row) ? crm_chart_data_get_series_total (data, series)
                                     : crm_chart_data_get_value (data, series, row);
}

static char *
format_figure (const CrmChartData *data,
               const TableLayout  *layout,
               double              value)
{
  return layout->compact ? crm_chart_data_format_compact (data, value)
                         : crm_chart_data_format_value (data, value);
}

/* The widest figure of a column, measured on its longest strings only:
 * digits are as wide as each other. */
static double
widest_figure (const CrmChartData *data,
               const TableLayout  *layout,
               guint               series,
               PangoLayout        *body,
               PangoLayout        *bold)
{
  g_autoptr(GPtrArray) longest = g_ptr_array_new_with_free_func (g_free);
  glong most = 0;
  double widest = 0;

  for (guint row = 0; row < layout->n_rows; row++)
    {
      char *formatted = format_figure (data, layout, cell_value (data, layout, series, row));
      glong length = g_utf8_strlen (formatted, -1);

      /* The totals are drawn in bold, which is wider. */
      if (is_totals_row (layout, row))
        {
          widest = MAX (widest, crm_render_text_width (bold, formatted));
          g_free (formatted);
          continue;
        }
      if (length > most)
        {
          g_ptr_array_set_size (longest, 0);
          most = length;
        }
      if (length == most && longest->len < LONGEST_MEASURED)
        g_ptr_array_add (longest, formatted);
      else
        g_free (formatted);
    }
  for (guint i = 0; i < longest->len; i++)
    widest = MAX (widest, crm_render_text_width (body, g_ptr_array_index (longest, i)));
  return widest;
}

static void
table_layout (cairo_t                    *cr,
              const CrmRenderStyle       *style,
              const CrmChartData         *data,
              const CrmChartTableOptions *options,
              double                      width,
              TableLayout                *layout)
{
  double scale = crm_render_style_get_scale (style);
  double figures = 0, least_label;
  g_autoptr(PangoLayout) header = NULL;
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) bold = NULL;

  memset (layout, 0, sizeof *layout);
  layout->n_series = crm_chart_data_get_n_series (data);
  layout->n_categories = crm_chart_data_get_n_categories (data);
  layout->n_rows = crm_chart_table_get_n_rows (data, options);
  layout->empty = layout->n_series == 0 || layout->n_categories == 0 || crm_chart_data_is_empty (data);
  if (layout->empty)
    return;

  layout->width = width;
  layout->padding = PADDING_X * scale;
  layout->line = crm_render_text_line_height (cr, style, CRM_TEXT_BODY);
  layout->row_height = crm_chart_table_get_row_height (style, cr);
  layout->column_x = g_new0 (double, layout->n_series);
  layout->column_width = g_new0 (double, layout->n_series);

  header = crm_render_text_layout (cr, style, CRM_TEXT_TITLE, NULL);
  body = figure_layout (cr, style, CRM_TEXT_BODY);
  bold = figure_layout (cr, style, CRM_TEXT_TITLE);
  /* The categories take what the figures leave, and keep a share; the
   * figures go short (€12K) to leave it, and only when even that is too
   * wide does every column give up room and long figures get cut. */
  least_label = floor (width * MIN_LABEL_SHARE);
  for (int compact = 0; compact < 2; compact++)
    {
      layout->compact = compact;
      figures = 0;
      for (guint s = 0; s < layout->n_series; s++)
        {
          layout->column_width[s] = MAX (crm_render_text_width (header, crm_chart_data_get_series_name (data, s)),
                                         widest_figure (data, layout, s, body, bold))
                                    + 2 * layout->padding;
          figures += layout->column_width[s];
        }
      if (width - figures >= least_label)
        break;
    }
  if (width - figures < least_label && figures > 0)
    {
      double shrink = MAX (width - least_label, 0) / figures;

      for (guint s = 0; s < layout->n_series; s++)
        layout->column_width[s] = floor (layout->column_width[s] * shrink);
      figures = MAX (width - least_label, 0);
    }
  layout->label_width = MAX (width - figures, 0);
  for (guint s = 0; s < layout->n_series; s++)
    layout->column_x[s] = s == 0 ? layout->label_width
                                 : layout->column_x[s - 1] + layout->column_width[s - 1];
}

static ChartRows
chart_rows (const TableLayout          *layout,
            const CrmChartTableOptions *options,
            double                      height)
{
  ChartRows rows = { 0, };
  guint fit = height > layout->row_height
            ? (guint) floor ((height - layout->row_height) / layout->row_height + 1e-9) : 0;
  gboolean totals = options->show_totals;

  if (fit >= layout->n_rows)
    {
      rows.n_slots = layout->n_rows;
      rows.n_leading = layout->n_categories;
      rows.totals = totals;
      return rows;
    }
  /* Not all fit: the “more” line and the totals keep their places. */
  rows.n_slots = fit;
  rows.more = fit >= 1;
  rows.totals = totals && fit >= 2;
  rows.n_leading = fit - (rows.more ? 1 : 0) - (rows.totals ? 1 : 0);
  rows.n_more = layout->n_categories - rows.n_leading;
  return rows;
}

static double
mirror_rect_x (const CrmRenderStyle *style,
               double                width,
               double                x,
               double                rect_width)
{
  return crm_render_style_is_rtl (style) ? width - x - rect_width : x;
}

static CrmColor
muted_color (const CrmRenderStyle *style,
             double                alpha)
{
  CrmColor color = crm_render_style_get_foreground (style);

  color.alpha = alpha;
  return color;
}

static void
draw_rule (cairo_t              *cr,
           const CrmRenderStyle *style,
           double                width,
           double                y,
           double                alpha)
{
  double line = MAX (1, round (crm_render_style_get_scale (style)));

  crm_render_set_color (cr, muted_color (style, alpha));
  cairo_rectangle (cr, 0, y - line / 2, width, line);
  cairo_fill (cr);
}

/* One line of text in a cell, left to right at @x, mirrored, elided. */
static void
draw_cell_text (cairo_t              *cr,
                const CrmRenderStyle *style,
                const TableLayout    *layout,
                PangoLayout          *text_layout,
                const char           *text,
                double                x,
                double                y,
                double                cell_width,
                CrmTextAlign          align)
{
  double room = MAX (cell_width - 2 * layout->padding, 0);

  crm_render_text_set (text_layout, text);
  crm_render_text_elide (text_layout, room);
  crm_render_text_draw (cr, style, text_layout,
                        mirror_rect_x (style, layout->width, x + layout->padding, room),
                        y + (layout->row_height - layout->line) / 2, room, align);
}

static void
draw_header (cairo_t                    *cr,
             const CrmRenderStyle       *style,
             const CrmChartData         *data,
             const CrmChartTableOptions *options,
             const TableLayout          *layout,
             PangoLayout                *header)
{
  crm_render_set_color (cr, muted_color (style, 0.8));
  draw_cell_text (cr, style, layout, header, options->category_title != NULL ? options->category_title : "",
                  0, 0, layout->label_width, CRM_TEXT_START);
  for (guint s = 0; s < layout->n_series; s++)
    draw_cell_text (cr, style, layout, header, crm_chart_data_get_series_name (data, s),
                    layout->column_x[s], 0, layout->column_width[s], CRM_TEXT_END);
  draw_rule (cr, style, layout->width, layout->row_height, 0.25);
}

/* Draws table row @row (a category, or the totals past the last) in the
 * slot at @y; @stripe is the slot's place, for the zebra. */
static void
draw_row (cairo_t              *cr,
          const CrmRenderStyle *style,
          const CrmChartData   *data,
          const TableLayout    *layout,
          PangoLayout          *label,
          PangoLayout          *figures,
          PangoLayout          *bold_label,
          PangoLayout          *bold_figures,
          guint                 row,
          guint                 stripe,
          double                y)
{
  gboolean totals = is_totals_row (layout, row);

  if (totals)
    draw_rule (cr, style, layout->width, y, 0.6);
  else if (stripe % 2 == 1)
    {
      crm_render_set_color (cr, muted_color (style, crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_DARK ? 0.06 : 0.045));
      cairo_rectangle (cr, 0, y, layout->width, layout->row_height);
      cairo_fill (cr);
    }

  crm_render_set_color (cr, crm_render_style_get_foreground (style));
  draw_cell_text (cr, style, layout, totals ? bold_label : label,
                  /* Translators: the label of a table's last row, the totals of its columns. */
                  totals ? _("Total") : crm_chart_data_get_category (data, row),
                  0, y, layout->label_width, CRM_TEXT_START);
  for (guint s = 0; s < layout->n_series; s++)
    {
      g_autofree char *text = format_figure (data, layout, cell_value (data, layout, s, row));

      /* Figures line up at the reading end: the right in left to right. */
      draw_cell_text (cr, style, layout, totals ? bold_figures : figures, text,
                      layout->column_x[s], y, layout->column_width[s], CRM_TEXT_END);
    }
}

typedef struct
{
  PangoLayout *header;
  PangoLayout *label;
  PangoLayout *figures;
  PangoLayout *bold_figures;
} TableText;

static void
table_text_init (TableText            *text,
                 cairo_t              *cr,
                 const CrmRenderStyle *style)
{
  text->header = crm_render_text_layout (cr, style, CRM_TEXT_TITLE, NULL);
  text->label = crm_render_text_layout (cr, style, CRM_TEXT_BODY, NULL);
  text->figures = figure_layout (cr, style, CRM_TEXT_BODY);
  text->bold_figures = figure_layout (cr, style, CRM_TEXT_TITLE);
}

static void
table_text_clear (TableText *text)
{
  g_clear_object (&text->header);
  g_clear_object (&text->label);
  g_clear_object (&text->figures);
  g_clear_object (&text->bold_figures);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TableText, table_text_clear)

/**
 * crm_chart_table_get_n_rows:
 * @options: (nullable):
 *
 * The rows of the table below its header: a row per category, and the
 * totals row last when the options ask for it.
 */
guint
crm_chart_table_get_n_rows (const CrmChartData         *data,
                            const CrmChartTableOptions *options)
{
  g_return_val_if_fail (data != NULL, 0);

  if (options == NULL)
    options = &no_options;
  return crm_chart_data_get_n_categories (data) + (options->show_totals ? 1 : 0);
}

/**
 * crm_chart_table_get_row_height:
 * @cr: (nullable): the context the table is drawn on, for measuring
 *   text; %NULL measures on a scratch surface
 *
 * The height of every row, the header's included.
 */
double
crm_chart_table_get_row_height (const CrmRenderStyle *style,
                                cairo_t              *cr)
{
  cairo_t *measure;
  double line;

  g_return_val_if_fail (style != NULL, 0);

  measure = crm_render_measuring_context (cr);
  line = crm_render_text_line_height (measure, style, CRM_TEXT_BODY);
  cairo_destroy (measure);
  return ceil (line + 2 * PADDING_Y * crm_render_style_get_scale (style));
}

/**
 * crm_chart_table_rows_that_fit:
 * @options: (nullable):
 * @cr: (nullable): as for crm_chart_table_get_row_height()
 * @height: the room on the page, for the header and the rows
 * @first_row: the first row the page would show
 *
 * How many rows from @first_row a page of @height holds under the
 * repeated header, whole rows only; no more than there are left.
 */
guint
crm_chart_table_rows_that_fit (const CrmChartData         *data,
                               const CrmChartTableOptions *options,
                               const CrmRenderStyle       *style,
                               cairo_t                    *cr,
                               double                      width,
                               double                      height,
                               guint                       first_row)
{
  guint n_rows, fit;
  double row_height;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);

  n_rows = crm_chart_table_get_n_rows (data, options);
  if (first_row >= n_rows)
    return 0;
  row_height = crm_chart_table_get_row_height (style, cr);
  if (height < 2 * row_height)
    return 0;
  /* A hair of slack: a page of exactly n rows holds n rows. */
  fit = (guint) floor ((height - row_height) / row_height + 1e-9);
  return MIN (fit, n_rows - first_row);
}

/**
 * crm_chart_table_draw_rows:
 * @options: (nullable):
 * @first_row: the first row to draw (crm_chart_table_get_n_rows())
 * @n_rows: how many, at most
 *
 * Draws the header and rows @first_row to @first_row + @n_rows − 1 from
 * the top of the box at (0, 0), @width wide: a page of a report. The
 * columns are as wide on every page. The zebra stripes follow the row
 * numbers, so they continue from one page to the next.
 *
 * Returns: the height drawn
 */
double
crm_chart_table_draw_rows (const CrmChartData         *data,
                           const CrmChartTableOptions *options,
                           const CrmRenderStyle       *style,
                           cairo_t                    *cr,
                           double                      width,
                           guint                       first_row,
                           guint                       n_rows)
{
  g_auto(TableLayout) layout = { 0, };
  g_auto(TableText) text = { 0, };
  guint last;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  if (options == NULL)
    options = &no_options;
  table_layout (cr, style, data, options, width, &layout);
  if (layout.empty)
    return 0;
  last = MIN (first_row + MIN (n_rows, layout.n_rows), layout.n_rows);
  first_row = MIN (first_row, last);

  cairo_save (cr);
  table_text_init (&text, cr, style);
  draw_header (cr, style, data, options, &layout, text.header);
  for (guint row = first_row; row < last; row++)
    draw_row (cr, style, data, &layout, text.label, text.figures, text.header, text.bold_figures,
              row, row, layout.row_height * (1 + row - first_row));
  cairo_restore (cr);
  return layout.row_height * (1 + last - first_row);
}

/**
 * crm_chart_table_draw:
 * @options: (nullable):
 *
 * Draws the table in the box from (0, 0) to (@width, @height): the
 * chart's “show as table” form. When the rows do not all fit, the last
 * line that does says how many more there are (the totals row stays).
 */
void
crm_chart_table_draw (const CrmChartData         *data,
                      const CrmChartTableOptions *options,
                      const CrmRenderStyle       *style,
                      cairo_t                    *cr,
                      double                      width,
                      double                      height)
{
  g_auto(TableLayout) layout = { 0, };
  g_auto(TableText) text = { 0, };
  ChartRows rows;
  double y;

  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  if (options == NULL)
    options = &no_options;
  table_layout (cr, style, data, options, width, &layout);
  if (layout.empty)
    {
      crm_render_empty (cr, style, width, height, options->empty_message);
      return;
    }
  rows = chart_rows (&layout, options, height);

  cairo_save (cr);
  table_text_init (&text, cr, style);
  draw_header (cr, style, data, options, &layout, text.header);
  y = layout.row_height;
  for (guint row = 0; row < rows.n_leading; row++, y += layout.row_height)
    draw_row (cr, style, data, &layout, text.label, text.figures, text.header, text.bold_figures,
              row, row, y);
  if (rows.more)
    {
      /* Translators: the last line of a table too long for its box. */
      g_autofree char *more = g_strdup_printf (ngettext ("%u more row", "%u more rows", rows.n_more),
                                               rows.n_more);

      crm_render_set_color (cr, muted_color (style, 0.7));
      draw_cell_text (cr, style, &layout, text.label, more, 0, y, width, CRM_TEXT_START);
      y += layout.row_height;
    }
  if (rows.totals)
    draw_row (cr, style, data, &layout, text.label, text.figures, text.header, text.bold_figures,
              layout.n_categories, 0, y);
  cairo_restore (cr);
}

/* The table row in chart-form slot @slot, or -1 for the “more” line. */
static int
slot_row (const TableLayout *layout,
          const ChartRows   *rows,
          guint              slot)
{
  if (slot < rows->n_leading)
    return (int) slot;
  if (rows->more && slot == rows->n_leading)
    return -1;
  return rows->totals ? (int) layout->n_categories : -1;
}

/**
 * crm_chart_table_hit_test:
 * @options: (nullable):
 * @cr: (nullable): as for crm_chart_table_get_row_height()
 * @x: a point in the table's box as crm_chart_table_draw() draws it,
 *   mirrored in right-to-left styles
 *
 * What is under a point: a cell answers its series (-1 in the categories'
 * column) and category, %CRM_CHART_TABLE_TOTALS in the totals row; a
 * series' header its series with category -1; anything else, the
 * “more” line included, %CRM_CHART_HIT_NONE.
 */
CrmChartHit
crm_chart_table_hit_test (const CrmChartData         *data,
                          const CrmChartTableOptions *options,
                          const CrmRenderStyle       *style,
                          cairo_t                    *cr,
                          double                      width,
                          double                      height,
                          double                      x,
                          double                      y)
{
  g_auto(TableLayout) layout = { 0, };
  CrmChartHit hit = CRM_CHART_HIT_NONE;
  cairo_t *measure;
  ChartRows rows;
  int series = -2, row;

  g_return_val_if_fail (data != NULL, hit);
  g_return_val_if_fail (style != NULL, hit);

  if (options == NULL)
    options = &no_options;
  measure = crm_render_measuring_context (cr);
  table_layout (measure, style, data, options, width, &layout);
  cairo_destroy (measure);
  if (layout.empty || x < 0 || x >= width || y < 0)
    return hit;

  x = crm_render_mirror_x (style, width, x);
  if (x < layout.label_width)
    series = -1;
  for (guint s = 0; s < layout.n_series; s++)
    if (x >= layout.column_x[s] && x < layout.column_x[s] + layout.column_width[s])
      series = (int) s;
  if (series == -2)
    return hit;

  if (y < layout.row_height)
    {
      hit.series = series;
      return series >= 0 ? hit : CRM_CHART_HIT_NONE;
    }
  rows = chart_rows (&layout, options, height);
  if (y >= layout.row_height * (1 + rows.n_slots))
    return hit;
  row = slot_row (&layout, &rows, (guint) floor (y / layout.row_height) - 1);
  if (row < 0)
    return hit;
  hit.series = series;
  hit.category = is_totals_row (&layout, row) ? CRM_CHART_TABLE_TOTALS : row;
  return hit;
}

/**
 * crm_chart_table_get_cell_rect:
 * @series: a series, or -1 for the categories' column
 * @category: a category, -1 for the header or %CRM_CHART_TABLE_TOTALS
 * @rect: (out): the cell as crm_chart_table_draw() draws it, mirrored in
 *   right-to-left styles
 *
 * Returns: %FALSE when the cell is not drawn (no data, or a row that did
 *   not fit)
 */
gboolean
crm_chart_table_get_cell_rect (const CrmChartData         *data,
                               const CrmChartTableOptions *options,
                               const CrmRenderStyle       *style,
                               cairo_t                    *cr,
                               double                      width,
                               double                      height,
                               int                         series,
                               int                         category,
                               cairo_rectangle_t          *rect)
{
  g_auto(TableLayout) layout = { 0, };
  cairo_t *measure;
  ChartRows rows;
  int slot = -1;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (options == NULL)
    options = &no_options;
  measure = crm_render_measuring_context (cr);
  table_layout (measure, style, data, options, width, &layout);
  cairo_destroy (measure);
  if (layout.empty || series < -1 || series >= (int) layout.n_series)
    return FALSE;

  rows = chart_rows (&layout, options, height);
  if (category >= 0 && (guint) category < rows.n_leading)
    slot = category;
  else if (category == CRM_CHART_TABLE_TOTALS && rows.totals)
    slot = (int) rows.n_slots - 1;
  else if (category != -1)
    return FALSE;

  rect->x = series < 0 ? 0 : layout.column_x[series];
  rect->width = series < 0 ? layout.label_width : layout.column_width[series];
  rect->y = layout.row_height * (slot + 1);
  rect->height = layout.row_height;
  rect->x = mirror_rect_x (style, width, rect->x, rect->width);
  return TRUE;
}
