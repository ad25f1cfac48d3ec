/* crm-report-private.h: a report's blocks as the layout reads them. A
 * report is filled on one thread and laid out afterwards; nothing here
 * changes it. */
#pragma once

#include "crm-report.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_REPORT_BLOCK_HEADING,
  CRM_REPORT_BLOCK_PARAGRAPH,
  CRM_REPORT_BLOCK_FACTS,
  CRM_REPORT_BLOCK_CHART,
  CRM_REPORT_BLOCK_PAGE_BREAK,
  CRM_REPORT_BLOCK_TABLE,
} CrmReportBlockKind;

typedef struct
{
  char *label;
  char *value;
} CrmReportFact;

struct _CrmReportTable
{
  guint           n_columns;
  char          **headers;
  double         *widths;     /* shares of the printable width, summing to 1 */
  CrmReportAlign *aligns;
  /* Every cell's text in one chunk and a pointer per cell, row after row:
   * a 10,000-row table is its strings and little more. */
  GStringChunk   *text;
  GPtrArray      *cells;
  gboolean        single_line;
};

typedef struct
{
  CrmReportBlockKind  kind;
  char               *text;        /* a heading's, a paragraph's, a chart's title */
  GArray             *facts;       /* of CrmReportFact: facts added one after another */
  double              height_ratio;
  CrmReportDrawFunc   draw;
  gpointer            user_data;
  GDestroyNotify      destroy;
  CrmReportTable     *table;
} CrmReportBlock;

guint                 crm_report_get_n_blocks     (CrmReport            *self);
const CrmReportBlock *crm_report_get_block        (CrmReport            *self,
                                                   guint                 index);
const char           *crm_report_table_get_cell   (const CrmReportTable *table,
                                                   guint                 row,
                                                   guint                 column);

G_END_DECLS
