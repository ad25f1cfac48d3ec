/* crm-report-layout-private.h: where a layout put things, for the tests
 * (no row cut, headers repeated, mirrored columns) and for hit-testing a
 * preview. */
#pragma once

#include "crm-report-layout.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_REPORT_ITEM_HEADING,
  CRM_REPORT_ITEM_PARAGRAPH,
  CRM_REPORT_ITEM_FACTS,
  CRM_REPORT_ITEM_CHART,
  CRM_REPORT_ITEM_TABLE_HEADER,
  CRM_REPORT_ITEM_TABLE_ROW,
} CrmReportItemKind;

/* One thing on a page, in points from the paper's top-left corner. */
typedef struct
{
  CrmReportItemKind kind;
  guint             block;  /* the report's block it comes from */
  guint             row;    /* a table row's index in its table */
  double            x;
  double            y;
  double            width;
  double            height;
} CrmReportItem;

/* The items of @page from the top, a table row each: (transfer full). */
GArray *crm_report_layout_get_items       (CrmReportLayout *self,
                                           guint            page);
/* The area below the page header and above the footer that blocks flow in. */
void    crm_report_layout_get_body        (CrmReportLayout *self,
                                           double          *x,
                                           double          *y,
                                           double          *width,
                                           double          *height);
/* A table column's left edge and width on the page (mirrored in RTL). */
void    crm_report_layout_get_column      (CrmReportLayout *self,
                                           guint            block,
                                           guint            column,
                                           double          *x,
                                           double          *width);
void    crm_page_setup_init_for_locale    (CrmPageSetup    *setup,
                                           const char      *locale);

G_END_DECLS

/* Below: shared by the files of the layout (crm-report-layout.c cuts the
 * pages, crm-report-page.c draws them, crm-report-pdf.c writes them). */

#include <pango/pangocairo.h>

#include "crm-report-private.h"

#define CRM_REPORT_CELL_PADDING_X 5.0
#define CRM_REPORT_CELL_PADDING_Y 2.5
#define CRM_REPORT_FACT_LABEL_SHARE 0.38
#define CRM_REPORT_FACT_GAP 3.0
#define CRM_REPORT_HEADING_GAP 7.0     /* below a heading's text */
#define CRM_REPORT_CHART_TITLE_GAP 5.0

/* A run of what one block put on a page: a table's rows as one run. */
typedef struct
{
  CrmReportItemKind kind;
  guint             block;
  double            y;
  double            height;
  guint             first_row;
  guint             n_rows;
} CrmReportPlaced;

typedef struct
{
  double *column_x;       /* from the body's start edge, in reading order */
  double *column_width;
  double  header_height;
  float  *row_heights;    /* each row's, its tallest cell wrapped; a paragraph's lines */
  guint   n_lines;        /* a paragraph's */
} CrmReportTableMetrics;

struct _CrmReportLayout
{
  gatomicrefcount        ref_count;
  CrmReport             *report;
  CrmPageSetup           setup;
  CrmRenderStyle        *style;
  CrmRenderStyle        *chart_style;   /* the style with its sizes in points */
  double                 body_x;
  double                 body_y;
  double                 body_width;
  double                 body_height;
  double                 header_y;      /* the page header's top */
  double                 header_rule_y; /* the middle of the rule under it */
  double                 footer_y;      /* the footer's rule */
  double                *block_heights; /* a block's height whole, tables aside */
  CrmReportTableMetrics *tables;        /* per block; only tables' are filled */
  GPtrArray             *pages;         /* of GArray of CrmReportPlaced */
};

typedef enum
{
  CRM_REPORT_TEXT_HEADER_TITLE,
  CRM_REPORT_TEXT_HEADER_SMALL,
  CRM_REPORT_TEXT_HEADING,
  CRM_REPORT_TEXT_PARAGRAPH,
  CRM_REPORT_TEXT_FACT_LABEL,
  CRM_REPORT_TEXT_FACT_VALUE,
  CRM_REPORT_TEXT_CHART_TITLE,
  CRM_REPORT_TEXT_TABLE_HEADER,
  CRM_REPORT_TEXT_CELL,
  CRM_REPORT_TEXT_FIGURE,
} CrmReportText;

PangoLayout *crm_report_text_layout  (cairo_t              *cr,
                                      const CrmRenderStyle *style,
                                      CrmReportText         text);
void         crm_report_text_wrap    (PangoLayout          *layout,
                                      const CrmRenderStyle *style,
                                      const char           *text,
                                      double                width,
                                      CrmReportAlign        align);
double       crm_report_text_height  (PangoLayout          *layout);
double       crm_report_mirror       (CrmReportLayout      *self,
                                      double                x,
                                      double                width);
void         crm_report_layout_paginate (CrmReportLayout   *self);
