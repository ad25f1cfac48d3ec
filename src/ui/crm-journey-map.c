/* crm-journey-map.c
 *
 * The grid is crm_heat_grid_draw() in a CrmChartView, which gives it the
 * table alternative, the keyboard and the description for screen
 * readers. A chart view's keyboard chooses a column, not a cell: Enter on
 * a channel opens a popover of that channel's cells, so that every cell
 * can be reached without a mouse.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-heat-grid.h"
#include "crm-journey-map.h"
#include "crm-journeys-data.h"

struct _CrmJourneyMap
{
  GtkWidget           parent_instance;
  CrmChartView       *view;
  GtkPopover         *cells_popover;   /* the cells of a row or column */
  CrmJourneyAnalysis *analysis;
};

G_DEFINE_FINAL_TYPE (CrmJourneyMap, crm_journey_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ELEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Drawing */

typedef struct
{
  CrmChartData       *data;
  CrmJourneyAnalysis *analysis;
} MapChart;

static void
map_chart_free (MapChart *chart)
{
  crm_chart_data_unref (chart->data);
  g_object_unref (chart->analysis);
  g_free (chart);
}

static char *
cell_detail (guint    row,
             guint    column,
             gpointer user_data)
{
  return crm_journeys_data_cell_detail (user_data, row, column);
}

static CrmHeatGridOptions
grid_options (CrmJourneyAnalysis *analysis)
{
  return (CrmHeatGridOptions) { cell_detail, analysis, _("No touchpoints") };
}

static void
draw_map (cairo_t              *cr,
          const CrmRenderStyle *style,
          double                width,
          double                height,
          gpointer              user_data)
{
  MapChart *chart = user_data;
  CrmHeatGridOptions options = grid_options (chart->analysis);

  crm_heat_grid_draw (chart->data, &options, style, cr, width, height);
}

static CrmChartHit
hit_map (cairo_t              *cr,
         const CrmRenderStyle *style,
         double                width,
         double                height,
         double                x,
         double                y,
         gpointer              user_data)
{
  MapChart *chart = user_data;
  CrmHeatGridOptions options = grid_options (chart->analysis);

  return crm_heat_grid_hit_test (chart->data, &options, style, cr, width, height, x, y);
}

/* The tooltip tells the cell's customers and satisfaction, not only its
 * touchpoints. The keyboard's caption and the table are left to the
 * view. */
static gboolean
on_query_tooltip (CrmChartView  *view,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  CrmJourneyMap *self)
{
  CrmChartData *data = crm_chart_view_get_data (view);
  g_autoptr(CrmRenderStyle) style = NULL;
  g_autofree char *text = NULL;
  CrmHeatGridOptions options;
  CrmChartHit hit;

  if (keyboard || data == NULL || self->analysis == NULL || crm_chart_view_get_show_table (view)
      || crm_chart_view_get_focused_category (view) >= 0)
    return FALSE;
  options = grid_options (self->analysis);
  style = crm_chart_view_make_style (GTK_WIDGET (view));
  hit = crm_heat_grid_hit_test (data, &options, style, NULL, gtk_widget_get_width (GTK_WIDGET (view)),
                                gtk_widget_get_height (GTK_WIDGET (view)), x, y);
  if (hit.series < 0 || hit.category < 0
      || (guint) hit.series >= crm_journey_analysis_get_n_stages (self->analysis)
      || (guint) hit.category >= crm_journey_analysis_get_n_channels (self->analysis))
    return FALSE;
  text = crm_journeys_data_describe_cell (self->analysis, hit.series, hit.category);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Choosing a cell */

static void
activate_cell (CrmJourneyMap *self,
               guint          stage,
               guint          channel)
{
  CrmJourneyElement element = { CRM_JOURNEY_ELEMENT_CELL, stage, channel };

  g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, &element);
}

static void
on_popover_cell_clicked (GtkButton     *button,
                         CrmJourneyMap *self)
{
  gtk_popover_popdown (self->cells_popover);
  activate_cell (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "stage")),
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "channel")));
}

/* Points the popover at the row or column of the map whose cells it
 * offers; in the table, at the table. */
static void
point_at_cells (CrmJourneyMap *self,
                int            stage,
                int            channel)
{
  CrmChartData *data = crm_chart_view_get_data (self->view);
  GtkWidget *view = GTK_WIDGET (self->view);
  CrmHeatGridOptions options = grid_options (self->analysis);
  g_autoptr(CrmRenderStyle) style = NULL;
  cairo_rectangle_t first, last;
  guint last_stage = crm_journey_analysis_get_n_stages (self->analysis) - 1;
  guint last_channel = crm_journey_analysis_get_n_channels (self->analysis) - 1;
  double width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);

  gtk_popover_set_pointing_to (self->cells_popover, NULL);
  if (data == NULL || crm_chart_view_get_show_table (self->view))
    return;
  style = crm_chart_view_make_style (view);
  if (!crm_heat_grid_get_cell_rect (data, &options, style, NULL, width, height, stage >= 0 ? stage : 0,
                                    channel >= 0 ? channel : 0, &first) ||
      !crm_heat_grid_get_cell_rect (data, &options, style, NULL, width, height, stage >= 0 ? (guint) stage : last_stage,
                                    channel >= 0 ? (guint) channel : last_channel, &last))
    return;
  gtk_popover_set_pointing_to (self->cells_popover,
                               &(GdkRectangle) { (int) MIN (first.x, last.x), (int) first.y,
                                                 (int) (MAX (first.x + first.width, last.x + last.width)
                                                        - MIN (first.x, last.x)),
                                                 (int) (last.y + last.height - first.y) });
}

/* A row or a column chosen as a whole (a channel with the keyboard, a
 * label with the mouse): its cells to choose from, each with the
 * customers who reached it. */
static void
show_cells_popover (CrmJourneyMap *self,
                    int            stage,
                    int            channel)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title;
  guint n = stage >= 0 ? crm_journey_analysis_get_n_channels (self->analysis)
                       : crm_journey_analysis_get_n_stages (self->analysis);
  GtkWidget *first = NULL;

  title = gtk_label_new (stage >= 0 ? crm_journey_stage_get_label (crm_journey_analysis_get_stage (self->analysis,
                                                                                                   stage))
                                    : crm_journey_analysis_get_channel_name (self->analysis, channel));
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_bottom (title, 6);
  gtk_box_append (GTK_BOX (box), title);
  for (guint i = 0; i < n; i++)
    {
      guint s = stage >= 0 ? (guint) stage : i, c = stage >= 0 ? i : (guint) channel;
      const CrmJourneyCell *cell = crm_journey_analysis_get_cell (self->analysis, s, c);
      g_autofree char *count = NULL;
      g_autofree char *text = NULL;
      GtkWidget *button, *label;

      if (cell->customers == 0)
        continue;
      count = crm_journeys_format_count (cell->customers);
      /* Translators: a cell of the journey map to list the customers of:
       * a stage or a channel, and the customers who reached it. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s customer", "%s: %s customers", cell->customers),
                              stage >= 0 ? crm_journey_analysis_get_channel_name (self->analysis, c)
                                         : crm_journey_stage_get_label (crm_journey_analysis_get_stage (self->analysis,
                                                                                                         s)),
                              count);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "stage", GUINT_TO_POINTER (s));
      g_object_set_data (G_OBJECT (button), "channel", GUINT_TO_POINTER (c));
      g_signal_connect (button, "clicked", G_CALLBACK (on_popover_cell_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
      if (first == NULL)
        first = button;
    }
  if (first == NULL)
    {
      GtkWidget *none = gtk_label_new (_("Nobody reached these cells."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
  gtk_popover_set_child (self->cells_popover, box);
  point_at_cells (self, stage, channel);
  gtk_popover_popup (self->cells_popover);
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
on_view_activated (CrmChartView  *view,
                   int            series,
                   int            category,
                   CrmJourneyMap *self)
{
  if (self->analysis == NULL || series >= (int) crm_journey_analysis_get_n_stages (self->analysis)
      || category >= (int) crm_journey_analysis_get_n_channels (self->analysis))
    return;
  if (series >= 0 && category >= 0)
    {
      if (crm_journey_analysis_get_cell (self->analysis, series, category)->customers > 0)
        activate_cell (self, series, category);
    }
  else if (series >= 0 || category >= 0)
    show_cells_popover (self, series, category);
}

/* GObject */

static void
crm_journey_map_dispose (GObject *object)
{
  CrmJourneyMap *self = (CrmJourneyMap *) object;

  if (self->cells_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->cells_popover));
      self->cells_popover = NULL;
    }
  if (self->view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->view));
      self->view = NULL;
    }
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (crm_journey_map_parent_class)->dispose (object);
}

static void
crm_journey_map_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmJourneyMap *self = CRM_JOURNEY_MAP (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, crm_chart_view_get_show_table (self->view));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_journey_map_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmJourneyMap *self = CRM_JOURNEY_MAP (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      crm_chart_view_set_show_table (self->view, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_show_table_changed (CrmJourneyMap *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

static void
crm_journey_map_class_init (CrmJourneyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_journey_map_dispose;
  object_class->get_property = crm_journey_map_get_property;
  object_class->set_property = crm_journey_map_set_property;

  /**
   * CrmJourneyMap:show-table:
   *
   * Whether the map is shown as a table of figures instead of a grid.
   */
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmJourneyMap::element-activated:
   * @element: (type gpointer): the #CrmJourneyElement of the cell
   *
   * A cell was chosen: its customers are wanted.
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_journey_map_init (CrmJourneyMap *self)
{
  self->view = CRM_CHART_VIEW (crm_chart_view_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey Map"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->view), GTK_WIDGET (self));
  self->cells_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->cells_popover), GTK_WIDGET (self->view));

  g_signal_connect (self->view, "element-activated", G_CALLBACK (on_view_activated), self);
  g_signal_connect (self->view, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect_swapped (self->view, "notify::show-table", G_CALLBACK (on_show_table_changed), self);
}

GtkWidget *
crm_journey_map_new (void)
{
  return g_object_new (CRM_TYPE_JOURNEY_MAP, NULL);
}

/**
 * crm_journey_map_set_analysis:
 * @analysis: (nullable): the analysis whose map to show
 */
void
crm_journey_map_set_analysis (CrmJourneyMap      *self,
                              CrmJourneyAnalysis *analysis)
{
  MapChart *chart;

  g_return_if_fail (CRM_IS_JOURNEY_MAP (self));
  g_return_if_fail (analysis == NULL || CRM_IS_JOURNEY_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  gtk_popover_popdown (self->cells_popover);
  if (analysis == NULL)
    {
      crm_chart_view_set_chart (self->view, NULL, NULL, NULL, NULL);
      crm_chart_view_set_data (self->view, NULL);
      return;
    }
  chart = g_new0 (MapChart, 1);
  chart->data = crm_journeys_data_map (analysis);
  chart->analysis = g_object_ref (analysis);
  crm_chart_view_set_chart (self->view, draw_map, hit_map, chart, (GDestroyNotify) map_chart_free);
  crm_chart_view_set_data (self->view, chart->data);

  /* Screen readers hear what the tooltips say: every cell reached, with
   * its customers and their satisfaction, not only its touchpoints. */
  {
    g_autoptr(GString) description = g_string_new (NULL);

    for (guint s = 0; s < crm_journey_analysis_get_n_stages (analysis); s++)
      for (guint c = 0; c < crm_journey_analysis_get_n_channels (analysis); c++)
        if (crm_journey_analysis_get_cell (analysis, s, c)->touchpoints > 0)
          {
            g_autofree char *cell = crm_journeys_data_describe_cell (analysis, s, c);

            g_string_append_printf (description, "%s%s", description->len > 0 ? "\n" : "", cell);
          }
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description->str, -1);
  }
}

/* Returns: (transfer none): the chart view that draws the map */
CrmChartView *
crm_journey_map_get_view (CrmJourneyMap *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_MAP (self), NULL);
  return self->view;
}
