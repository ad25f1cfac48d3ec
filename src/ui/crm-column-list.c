/* crm-column-list.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-column-list.h"

/**
 * crm_column_list_init:
 * @parent: the widget the list is shown in, whose child the box becomes
 * @label: the list's name for screen readers
 *
 * A list with no rows and no headings yet, in @parent.
 */
void
crm_column_list_init (CrmColumnList *self,
                      GtkWidget     *parent,
                      guint          n_columns,
                      const char    *label)
{
  self->n_columns = n_columns;
  self->columns = g_new0 (GtkSizeGroup *, n_columns);
  for (guint i = 0; i < n_columns; i++)
    self->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->box, parent);
}

/* @header, made of crm_column_list_heading()s, goes above the list. */
void
crm_column_list_set_header (CrmColumnList *self,
                            GtkWidget     *header)
{
  gtk_box_prepend (GTK_BOX (self->box), header);
}

/* For the parent's dispose. */
void
crm_column_list_clear (CrmColumnList *self)
{
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->list = NULL;
  for (guint i = 0; i < self->n_columns && self->columns != NULL; i++)
    g_clear_object (&self->columns[i]);
  g_clear_pointer (&self->columns, g_free);
  self->n_columns = 0;
}

void
crm_column_list_remove_rows (CrmColumnList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

/**
 * crm_column_list_heading:
 * @column: the column headed, or -1 for the one that takes the room left
 *   (at the start, the figures lined up at the end)
 * @title: (nullable): the heading, already translated
 *
 * Returns: (transfer floating): the heading of @column
 */
GtkWidget *
crm_column_list_heading (CrmColumnList *self,
                         int            column,
                         const char    *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  if (column < 0)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    {
      g_return_val_if_fail ((guint) column < self->n_columns, label);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_size_group_add_widget (self->columns[column], label);
    }
  return label;
}

/**
 * crm_column_list_figure:
 * @column: the column, or -1 for a figure that a box of its own lines up
 *
 * Returns: (transfer floating): a figure lined up at the reading end
 */
GtkWidget *
crm_column_list_figure (CrmColumnList *self,
                        int            column,
                        const char    *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  if (column >= 0)
    {
      g_return_val_if_fail ((guint) column < self->n_columns, label);
      gtk_size_group_add_widget (self->columns[column], label);
    }
  return label;
}
