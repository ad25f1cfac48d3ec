/* crm-journey-paths-list.c
 *
 * A boxed list, a row per path, its figures lined up by size groups with
 * their headers above the list, as in the CRM audit.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-column-list.h"
#include "crm-journey-paths-list.h"
#include "crm-journeys-data.h"

enum { COLUMN_RANK, COLUMN_CUSTOMERS, COLUMN_CONVERTED, COLUMN_RETAINED, N_COLUMNS };

struct _CrmJourneyPathsList
{
  GtkWidget           parent_instance;
  CrmColumnList       table;
  CrmJourneyAnalysis *analysis;
};

G_DEFINE_FINAL_TYPE (CrmJourneyPathsList, crm_journey_paths_list, GTK_TYPE_WIDGET)

enum {
  ELEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
make_row (CrmJourneyPathsList *self,
          guint                path,
          gint64               most)
{
  g_auto(CrmJourneysPathRow) figures = { 0, };
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *customers_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *steps, *bar, *rank, *customers;
  g_autofree char *rank_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *share = NULL;
  g_autofree char *customers_text = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *retained = NULL;
  g_autofree char *description = NULL;

  crm_journeys_data_path_row (self->analysis, path, &figures);
  rank_text = g_strdup_printf ("%u", path + 1);
  count = crm_journeys_format_count (figures.customers);
  share = crm_journeys_format_share (figures.share);
  /* Translators: the customers who took a path and their share of all
   * the customers analysed: “1,234 (12.3 %)”. */
  customers_text = g_strdup_printf (_("%s (%s)"), count, share);
  converted = crm_journeys_format_share (figures.converted);
  retained = crm_journeys_format_share (figures.retained);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  rank = crm_column_list_figure (&self->table, COLUMN_RANK, rank_text);
  gtk_widget_add_css_class (rank, "dim-label");
  steps = gtk_label_new (figures.steps);
  gtk_label_set_wrap (GTK_LABEL (steps), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (steps), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (steps), 0);
  gtk_widget_set_hexpand (steps, TRUE);

  /* The bar is as long as the path's customers against the most common
   * path's: the list's shape shows how fast the paths thin out. */
  bar = gtk_level_bar_new_for_interval (0, MAX (most, 1));
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double) figures.customers);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Customers"), -1);
  customers = crm_column_list_figure (&self->table, -1, customers_text);
  gtk_box_append (GTK_BOX (customers_box), customers);
  gtk_box_append (GTK_BOX (customers_box), bar);
  gtk_widget_set_valign (customers_box, GTK_ALIGN_CENTER);
  gtk_size_group_add_widget (self->table.columns[COLUMN_CUSTOMERS], customers_box);

  gtk_box_append (GTK_BOX (box), rank);
  gtk_box_append (GTK_BOX (box), steps);
  gtk_box_append (GTK_BOX (box), customers_box);
  gtk_box_append (GTK_BOX (box), crm_column_list_figure (&self->table, COLUMN_CONVERTED, converted));
  gtk_box_append (GTK_BOX (box), crm_column_list_figure (&self->table, COLUMN_RETAINED, retained));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("List the customers who took this path"));

  /* Translators: a path for screen readers: its steps, the customers
   * who took it and their share, the share who bought and who stayed. */
  description = g_strdup_printf (_("%s: %s customers (%s), %s bought, %s stayed"), figures.steps, count, share,
                                 converted, retained);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (row), "path", GUINT_TO_POINTER (path));
  return row;
}

static void
on_row_activated (CrmJourneyPathsList *self,
                  GtkListBoxRow       *row)
{
  CrmJourneyElement element = { CRM_JOURNEY_ELEMENT_PATH, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row),
                                                                                               "path")), 0 };

  if (self->analysis != NULL)
    g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, &element);
}

static GtkWidget *
make_header (CrmJourneyPathsList *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const struct { int column; const char *title; } titles[] = {
    { COLUMN_RANK, "" },
    { -1, N_("Path") },
    { COLUMN_CUSTOMERS, N_("Customers") },
    /* Translators: a column: the share of a path's customers who bought. */
    { COLUMN_CONVERTED, N_("Bought") },
    /* Translators: a column: the share of a path's customers who bought
     * again. */
    { COLUMN_RETAINED, N_("Stayed") },
  };

  /* As far in as the rows' content: the list's frame and the rows'
   * margins. */
  gtk_widget_set_margin_start (header, 13);
  gtk_widget_set_margin_end (header, 13);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *title = *titles[i].title != '\0' ? _(titles[i].title) : "";

      gtk_box_append (GTK_BOX (header), crm_column_list_heading (&self->table, titles[i].column, title));
    }
  return header;
}

static void
crm_journey_paths_list_dispose (GObject *object)
{
  CrmJourneyPathsList *self = (CrmJourneyPathsList *) object;

  crm_column_list_clear (&self->table);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (crm_journey_paths_list_parent_class)->dispose (object);
}

static void
crm_journey_paths_list_class_init (CrmJourneyPathsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_journey_paths_list_dispose;

  /**
   * CrmJourneyPathsList::element-activated:
   * @element: (type gpointer): the #CrmJourneyElement of the path
   *
   * A path was activated: its customers are wanted.
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_journey_paths_list_init (CrmJourneyPathsList *self)
{
  crm_column_list_init (&self->table, GTK_WIDGET (self), N_COLUMNS, _("Top Paths"));
  crm_column_list_set_header (&self->table, make_header (self));
  g_signal_connect_swapped (self->table.list, "row-activated", G_CALLBACK (on_row_activated), self);
}

GtkWidget *
crm_journey_paths_list_new (void)
{
  return g_object_new (CRM_TYPE_JOURNEY_PATHS_LIST, NULL);
}

/**
 * crm_journey_paths_list_set_analysis:
 * @analysis: (nullable): the analysis whose paths to list
 */
void
crm_journey_paths_list_set_analysis (CrmJourneyPathsList *self,
                                     CrmJourneyAnalysis  *analysis)
{
  guint n;

  g_return_if_fail (CRM_IS_JOURNEY_PATHS_LIST (self));
  g_return_if_fail (analysis == NULL || CRM_IS_JOURNEY_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  crm_column_list_remove_rows (&self->table);
  if (analysis == NULL)
    return;
  n = crm_journeys_data_n_top_paths (analysis);
  for (guint p = 0; p < n; p++)
    gtk_list_box_append (self->table.list,
                         make_row (self, p, crm_journey_analysis_get_path_group (analysis, 0)->customers));
}

/* Returns: (transfer none): the list of paths, a row per path in order */
GtkListBox *
crm_journey_paths_list_get_list (CrmJourneyPathsList *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_PATHS_LIST (self), NULL);
  return self->table.list;
}
