/* crm-report.c
 *
 * The document only: blocks in order, their strings copied. Facts added
 * one after another join one block, so that the layout keeps them
 * together; a table's cells are stored as they come and measured only
 * by the layout.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-report-private.h"

struct _CrmReport
{
  GObject  parent_instance;

  char    *title;
  char    *subtitle;
  char    *company;
  char    *printed;
  GArray  *blocks;   /* of CrmReportBlock */
};

G_DEFINE_FINAL_TYPE (CrmReport, crm_report, G_TYPE_OBJECT)

static void
table_free (CrmReportTable *table)
{
  g_strfreev (table->headers);
  g_free (table->widths);
  g_free (table->aligns);
  g_string_chunk_free (table->text);
  g_ptr_array_unref (table->cells);
  g_free (table);
}

static void
fact_clear (gpointer data)
{
  CrmReportFact *fact = data;

  g_free (fact->label);
  g_free (fact->value);
}

static void
block_clear (gpointer data)
{
  CrmReportBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->facts, g_array_unref);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_clear_pointer (&block->table, table_free);
}

static void
crm_report_finalize (GObject *object)
{
  CrmReport *self = CRM_REPORT (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->company);
  g_free (self->printed);
  g_array_unref (self->blocks);

  G_OBJECT_CLASS (crm_report_parent_class)->finalize (object);
}

static void
crm_report_class_init (CrmReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_report_finalize;
}

static void
crm_report_init (CrmReport *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (CrmReportBlock));
  g_array_set_clear_func (self->blocks, block_clear);
}

CrmReport *
crm_report_new (const char *title)
{
  CrmReport *self = g_object_new (CRM_TYPE_REPORT, NULL);

  self->title = g_strdup (title != NULL ? title : "");
  return self;
}

const char *
crm_report_get_title (CrmReport *self)
{
  g_return_val_if_fail (CRM_IS_REPORT (self), NULL);

  return self->title;
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
crm_report_set_subtitle (CrmReport  *self,
                         const char *subtitle)
{
  g_return_if_fail (CRM_IS_REPORT (self));

  replace_string (&self->subtitle, subtitle);
}

const char *
crm_report_get_subtitle (CrmReport *self)
{
  g_return_val_if_fail (CRM_IS_REPORT (self), NULL);

  return self->subtitle;
}

void
crm_report_set_company (CrmReport  *self,
                        const char *company)
{
  g_return_if_fail (CRM_IS_REPORT (self));

  replace_string (&self->company, company);
}

const char *
crm_report_get_company (CrmReport *self)
{
  g_return_val_if_fail (CRM_IS_REPORT (self), NULL);

  return self->company;
}

void
crm_report_set_printed (CrmReport  *self,
                        const char *printed)
{
  g_return_if_fail (CRM_IS_REPORT (self));

  replace_string (&self->printed, printed);
}

const char *
crm_report_get_printed (CrmReport *self)
{
  g_return_val_if_fail (CRM_IS_REPORT (self), NULL);

  return self->printed;
}

static CrmReportBlock *
append_block (CrmReport          *self,
              CrmReportBlockKind  kind,
              const char         *text)
{
  CrmReportBlock block = { 0, };

  block.kind = kind;
  block.text = g_strdup (text != NULL ? text : "");
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, CrmReportBlock, self->blocks->len - 1);
}

void
crm_report_add_heading (CrmReport  *self,
                        const char *text)
{
  g_return_if_fail (CRM_IS_REPORT (self));

  append_block (self, CRM_REPORT_BLOCK_HEADING, text);
}

void
crm_report_add_paragraph (CrmReport  *self,
                          const char *text)
{
  g_return_if_fail (CRM_IS_REPORT (self));

  append_block (self, CRM_REPORT_BLOCK_PARAGRAPH, text);
}

void
crm_report_add_fact (CrmReport  *self,
                     const char *label,
                     const char *value)
{
  CrmReportBlock *block = NULL;
  CrmReportFact fact;

  g_return_if_fail (CRM_IS_REPORT (self));

  if (self->blocks->len > 0)
    block = &g_array_index (self->blocks, CrmReportBlock, self->blocks->len - 1);
  if (block == NULL || block->kind != CRM_REPORT_BLOCK_FACTS)
    {
      block = append_block (self, CRM_REPORT_BLOCK_FACTS, NULL);
      block->facts = g_array_new (FALSE, FALSE, sizeof (CrmReportFact));
      g_array_set_clear_func (block->facts, fact_clear);
    }
  fact.label = g_strdup (label != NULL ? label : "");
  fact.value = g_strdup (value != NULL ? value : "");
  g_array_append_val (block->facts, fact);
}

void
crm_report_add_chart (CrmReport         *self,
                      const char        *title,
                      double             height_ratio,
                      CrmReportDrawFunc  draw,
                      gpointer           user_data,
                      GDestroyNotify     destroy)
{
  CrmReportBlock *block;

  g_return_if_fail (CRM_IS_REPORT (self));
  g_return_if_fail (draw != NULL);

  block = append_block (self, CRM_REPORT_BLOCK_CHART, title);
  block->height_ratio = height_ratio > 0 ? height_ratio : 0.5;
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
}

void
crm_report_add_page_break (CrmReport *self)
{
  g_return_if_fail (CRM_IS_REPORT (self));

  append_block (self, CRM_REPORT_BLOCK_PAGE_BREAK, NULL);
}

CrmReportTable *
crm_report_add_table (CrmReport            *self,
                      guint                 n_columns,
                      const char * const   *headers,
                      const double         *widths,
                      const CrmReportAlign *aligns)
{
  CrmReportBlock *block;
  CrmReportTable *table;
  double total = 0;

  g_return_val_if_fail (CRM_IS_REPORT (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (CrmReportTable, 1);
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->widths = g_new0 (double, n_columns);
  table->aligns = g_new0 (CrmReportAlign, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      table->headers[c] = g_strdup (headers != NULL && headers[c] != NULL ? headers[c] : "");
      table->widths[c] = widths != NULL ? MAX (widths[c], 0) : 1;
      table->aligns[c] = aligns != NULL ? aligns[c] : CRM_REPORT_ALIGN_START;
      total += table->widths[c];
    }
  /* Shares that do not add up to 1 are taken as proportions. */
  for (guint c = 0; c < n_columns; c++)
    table->widths[c] = total > 0 ? table->widths[c] / total : 1.0 / n_columns;
  table->text = g_string_chunk_new (64 * 1024);
  table->cells = g_ptr_array_new ();

  block = append_block (self, CRM_REPORT_BLOCK_TABLE, NULL);
  block->table = table;
  return table;
}

void
crm_report_table_add_row (CrmReportTable     *table,
                          const char * const *cells)
{
  g_return_if_fail (table != NULL);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *cell = cells != NULL ? cells[c] : NULL;

      g_ptr_array_add (table->cells, cell != NULL && *cell != '\0'
                                     ? g_string_chunk_insert (table->text, cell) : (char *) "");
    }
}

void
crm_report_table_set_single_line (CrmReportTable *table,
                                  gboolean        single_line)
{
  g_return_if_fail (table != NULL);

  table->single_line = single_line;
}

guint
crm_report_table_get_n_rows (CrmReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->cells->len / table->n_columns;
}

guint
crm_report_get_n_blocks (CrmReport *self)
{
  g_return_val_if_fail (CRM_IS_REPORT (self), 0);

  return self->blocks->len;
}

const CrmReportBlock *
crm_report_get_block (CrmReport *self,
                      guint      index)
{
  g_return_val_if_fail (CRM_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, CrmReportBlock, index);
}

const char *
crm_report_table_get_cell (const CrmReportTable *table,
                           guint                 row,
                           guint                 column)
{
  return g_ptr_array_index (table->cells, (gsize) row * table->n_columns + column);
}
