/* crm-report-flow.c
 *
 * Blocks flowing down the body of page after page, once everything is
 * measured: a heading goes with the start of what follows it, charts and
 * facts move whole to the next page, paragraphs split between lines and
 * tables between rows, with their header again on every page.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-report-layout-private.h"

#define BLOCK_GAP 10.0
#define HEADING_SPACE 18.0    /* above a heading that does not start a page */
#define PARAGRAPH_LINES_KEPT 2 /* a paragraph's lines kept with a heading above */

typedef struct
{
  CrmReportLayout *self;
  GArray          *page;
  double           y;
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, TRUE, sizeof (CrmReportPlaced));
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->self->body_y;
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->page->len == 0;
}

static double
flow_bottom (Flow *flow)
{
  return flow->self->body_y + flow->self->body_height;
}

static double
gap_before (Flow                 *flow,
            const CrmReportBlock *block)
{
  if (flow_at_top (flow))
    return 0;
  /* A heading's own space below it sets it off from what it introduces. */
  if (g_array_index (flow->page, CrmReportPlaced, flow->page->len - 1).kind == CRM_REPORT_ITEM_HEADING)
    return 0;
  return block->kind == CRM_REPORT_BLOCK_HEADING ? HEADING_SPACE : BLOCK_GAP;
}

static CrmReportPlaced *
flow_place (Flow              *flow,
            CrmReportItemKind  kind,
            guint              block,
            double             height)
{
  CrmReportPlaced placed = { kind, block, flow->y, height, 0, 0 };

  g_array_append_val (flow->page, placed);
  flow->y += height;
  return &g_array_index (flow->page, CrmReportPlaced, flow->page->len - 1);
}

/* How much of a block must come on the same page as a heading above it. */
static double
first_part_height (CrmReportLayout *self,
                   guint            index)
{
  const CrmReportBlock *block;

  if (index >= crm_report_get_n_blocks (self->report))
    return 0;
  block = crm_report_get_block (self->report, index);
  switch (block->kind)
    {
    case CRM_REPORT_BLOCK_TABLE:
      return self->tables[index].header_height
             + (block->table->cells->len > 0 ? self->tables[index].row_heights[0] : 0);
    case CRM_REPORT_BLOCK_PAGE_BREAK:
      return 0;
    case CRM_REPORT_BLOCK_PARAGRAPH:
      {
        double height = 0;

        for (guint line = 0; line < MIN (self->tables[index].n_lines, PARAGRAPH_LINES_KEPT); line++)
          height += self->tables[index].row_heights[line];
        return height;
      }
    case CRM_REPORT_BLOCK_HEADING:
    case CRM_REPORT_BLOCK_FACTS:
    case CRM_REPORT_BLOCK_CHART:
    default:
      return self->block_heights[index];
    }
}

static void
flow_whole (Flow              *flow,
            CrmReportItemKind  kind,
            guint              index,
            double             height,
            double             keep_with)
{
  const CrmReportBlock *block = crm_report_get_block (flow->self->report, index);
  double gap = gap_before (flow, block);

  if (!flow_at_top (flow) && flow->y + gap + height + keep_with > flow_bottom (flow))
    {
      flow_new_page (flow);
      gap = 0;
    }
  flow->y += gap;
  flow_place (flow, kind, index, height);
}

static void
flow_table (Flow  *flow,
            guint  index)
{
  CrmReportLayout *self = flow->self;
  const CrmReportBlock *block = crm_report_get_block (self->report, index);
  const CrmReportTableMetrics *metrics = &self->tables[index];
  guint n_rows = block->table->cells->len / block->table->n_columns;
  CrmReportPlaced *rows = NULL;
  double gap = gap_before (flow, block);

  if (!flow_at_top (flow) && flow->y + gap + first_part_height (self, index) > flow_bottom (flow))
    {
      flow_new_page (flow);
      gap = 0;
    }
  flow->y += gap;
  flow_place (flow, CRM_REPORT_ITEM_TABLE_HEADER, index, metrics->header_height);
  for (guint row = 0; row < n_rows; row++)
    {
      double height = metrics->row_heights[row];

      if (flow->y + height > flow_bottom (flow) + 1e-6)
        {
          flow_new_page (flow);
          flow_place (flow, CRM_REPORT_ITEM_TABLE_HEADER, index, metrics->header_height);
          rows = NULL;
        }
      if (rows == NULL)
        {
          rows = flow_place (flow, CRM_REPORT_ITEM_TABLE_ROW, index, 0);
          rows->first_row = row;
        }
      rows->n_rows++;
      rows->height += height;
      flow->y += height;
    }
}

/* Lines go on while they fit, the rest on the next page; a paragraph
 * whose first two lines do not fit starts on the next page. */
static void
flow_paragraph (Flow  *flow,
                guint  index)
{
  CrmReportLayout *self = flow->self;
  const CrmReportBlock *block = crm_report_get_block (self->report, index);
  const CrmReportTableMetrics *lines = &self->tables[index];
  CrmReportPlaced *run = NULL;
  double gap = gap_before (flow, block);

  if (!flow_at_top (flow) && flow->y + gap + first_part_height (self, index) > flow_bottom (flow))
    {
      flow_new_page (flow);
      gap = 0;
    }
  flow->y += gap;
  for (guint line = 0; line < lines->n_lines; line++)
    {
      double height = lines->row_heights[line];

      if (flow->y + height > flow_bottom (flow) + 1e-6 && !flow_at_top (flow))
        {
          flow_new_page (flow);
          run = NULL;
        }
      if (run == NULL)
        {
          run = flow_place (flow, CRM_REPORT_ITEM_PARAGRAPH, index, 0);
          run->first_row = line;
        }
      run->n_rows++;
      run->height += height;
      flow->y += height;
    }
}

void
crm_report_layout_paginate (CrmReportLayout *self)
{
  Flow flow = { self, NULL, 0 };
  guint n_blocks = crm_report_get_n_blocks (self->report);

  flow_new_page (&flow);
  for (guint i = 0; i < n_blocks; i++)
    {
      const CrmReportBlock *block = crm_report_get_block (self->report, i);

      switch (block->kind)
        {
        case CRM_REPORT_BLOCK_PAGE_BREAK:
          if (!flow_at_top (&flow))
            flow_new_page (&flow);
          break;
        case CRM_REPORT_BLOCK_HEADING:
          /* Never the last thing on a page. */
          flow_whole (&flow, CRM_REPORT_ITEM_HEADING, i, self->block_heights[i],
                      MIN (first_part_height (self, i + 1) + BLOCK_GAP,
                           self->body_height - self->block_heights[i]));
          break;
        case CRM_REPORT_BLOCK_PARAGRAPH:
          flow_paragraph (&flow, i);
          break;
        case CRM_REPORT_BLOCK_FACTS:
          flow_whole (&flow, CRM_REPORT_ITEM_FACTS, i, self->block_heights[i], 0);
          break;
        case CRM_REPORT_BLOCK_CHART:
          flow_whole (&flow, CRM_REPORT_ITEM_CHART, i, self->block_heights[i], 0);
          break;
        case CRM_REPORT_BLOCK_TABLE:
        default:
          flow_table (&flow, i);
          break;
        }
    }
}
