/* crm-column-list.h: a boxed list whose rows' figures line up in columns
 * under headings above the list, a size group per column, as the Journeys
 * view lists its top paths and its moments of truth. Not a widget: the
 * widget showing it holds one and parents its box. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  GtkWidget     *box;       /* the headings, then the list */
  GtkListBox    *list;
  GtkSizeGroup **columns;
  guint          n_columns;
} CrmColumnList;

void        crm_column_list_init        (CrmColumnList *self,
                                         GtkWidget     *parent,
                                         guint          n_columns,
                                         const char    *label);
void        crm_column_list_set_header  (CrmColumnList *self,
                                         GtkWidget     *header);
void        crm_column_list_clear       (CrmColumnList *self);
void        crm_column_list_remove_rows (CrmColumnList *self);
GtkWidget  *crm_column_list_heading     (CrmColumnList *self,
                                         int            column,
                                         const char    *title);
GtkWidget  *crm_column_list_figure      (CrmColumnList *self,
                                         int            column,
                                         const char    *text);

G_END_DECLS
