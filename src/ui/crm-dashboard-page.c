/* crm-dashboard-page.c
 *
 * The figures are computed off the UI thread (crm_store_compute_kpis_async
 * on a connection of its own) and drawn by the render library's charts,
 * the same functions the printed reports use.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "crm-bar-chart.h"
#include "crm-chart-view.h"
#include "crm-dashboard-page.h"
#include "crm-donut-chart.h"
#include "crm-kpi-format.h"
#include "crm-kpi-table.h"
#include "crm-kpi-tile.h"
#include "crm-kpi.h"

/* The tiles, in reading order. */
static const CrmKpi tile_kpis[] = {
  CRM_KPI_CUSTOMERS, CRM_KPI_NEW_CUSTOMERS, CRM_KPI_ACTIVE_CUSTOMERS, CRM_KPI_REVENUE,
  CRM_KPI_AVERAGE_ORDER_VALUE, CRM_KPI_CONVERSION_RATE, CRM_KPI_RETENTION_RATE, CRM_KPI_AVERAGE_SATISFACTION,
};

static const CrmKpi rfm_kpis[] = {
  CRM_KPI_RFM_CHAMPIONS, CRM_KPI_RFM_LOYAL, CRM_KPI_RFM_POTENTIAL_LOYALISTS, CRM_KPI_RFM_NEW,
  CRM_KPI_RFM_AT_RISK, CRM_KPI_RFM_CANT_LOSE, CRM_KPI_RFM_HIBERNATING, CRM_KPI_RFM_LOST,
};

/* At most this many customers of an owner, the rest in one row. */
#define MAX_CUSTOMERS 12

typedef enum
{
  CHART_REVENUE,      /* revenue by child: drills down */
  CHART_CUSTOMERS,    /* customers by child: drills down */
  CHART_RFM,          /* customers by RFM segment */
  CHART_TARGETS,      /* attainment of each KPI with a target */
  N_CHARTS
} ChartId;

struct _CrmDashboardPage
{
  GtkWidget       parent_instance;
  GtkWidget      *content;
  GtkBox         *breadcrumbs;
  GtkSpinner     *spinner;
  GtkDropDown    *period_picker;
  GtkLabel       *period_label;
  GtkLabel       *summary_label;
  gboolean        empty;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkFlowBox     *tiles;
  GtkFlowBox     *charts;

  CrmStore       *store;
  CrmKpiScope    *scope;
  CrmKpiTable    *table;
  GCancellable   *cancellable;
  guint           refresh_source;   /* a reload after changes, pending */
  CrmChartView   *tile_views[G_N_ELEMENTS (tile_kpis)];
  CrmChartView   *chart_views[N_CHARTS];
  GtkLabel       *chart_titles[N_CHARTS];
};

G_DEFINE_FINAL_TYPE (CrmDashboardPage, crm_dashboard_page, GTK_TYPE_WIDGET)

/* Money is stored in minor units; charts show major ones. */
static double
display_value (CrmKpi kpi,
               double value)
{
  return crm_kpi_display_value (kpi, value);
}

static CrmValueKind
value_kind (CrmKpi kpi)
{
  return crm_kpi_value_kind (kpi);
}

static char *
currency (void)
{
  return crm_kpi_currency ();
}

/* Chart drawing for the chart views: each view holds its data. */

static void
draw_tile (cairo_t *cr, const CrmRenderStyle *style, double width, double height, gpointer data)
{
  crm_kpi_tile_draw (data, style, cr, width, height);
}

static CrmChartHit
hit_nothing (cairo_t *cr, const CrmRenderStyle *style, double width, double height, double x, double y,
             gpointer data)
{
  return CRM_CHART_HIT_NONE;
}

static void
draw_bars (cairo_t *cr, const CrmRenderStyle *style, double width, double height, gpointer data)
{
  crm_bar_chart_draw (data, style, CRM_BAR_LAYOUT_HORIZONTAL, cr, width, height);
}

static CrmChartHit
hit_bars (cairo_t *cr, const CrmRenderStyle *style, double width, double height, double x, double y,
          gpointer data)
{
  return crm_bar_chart_hit_test (data, style, CRM_BAR_LAYOUT_HORIZONTAL, cr, width, height, x, y);
}

static void
draw_donut (cairo_t *cr, const CrmRenderStyle *style, double width, double height, gpointer data)
{
  crm_donut_chart_draw (data, style, cr, width, height);
}

static CrmChartHit
hit_donut (cairo_t *cr, const CrmRenderStyle *style, double width, double height, double x, double y,
           gpointer data)
{
  return crm_donut_chart_hit_test (data, style, cr, width, height, x, y);
}

static void
show_chart (CrmDashboardPage *self,
            ChartId           chart,
            CrmChartData     *data)
{
  CrmChartView *view = self->chart_views[chart];
  gboolean donut = chart == CHART_CUSTOMERS || chart == CHART_RFM;

  crm_chart_view_set_chart (view, donut ? draw_donut : draw_bars, donut ? hit_donut : hit_bars,
                            crm_chart_data_ref (data), (GDestroyNotify) crm_chart_data_unref);
  crm_chart_view_set_data (view, data);
}

static const char *
level_name (CrmKpiLevel level)
{
  switch (level)
    {
    case CRM_KPI_LEVEL_REGION:
      return _("Region");
    case CRM_KPI_LEVEL_SEGMENT:
      return _("Segment");
    case CRM_KPI_LEVEL_OWNER:
      return _("Owner");
    case CRM_KPI_LEVEL_CUSTOMER:
      return _("Customer");
    case CRM_KPI_LEVEL_COMPANY:
    default:
      return _("Company");
    }
}

/* One series of a KPI's value for each child of the table. */
static CrmChartData *
children_data (CrmDashboardPage *self,
               CrmKpi            kpi,
               const char       *code)
{
  CrmChartData *data = crm_chart_data_new (value_kind (kpi));
  guint series;

  crm_chart_data_set_currency (data, code);
  series = crm_chart_data_add_series (data, crm_kpi_get_name (kpi));
  for (guint i = 0; i < crm_kpi_table_get_n_children (self->table); i++)
    {
      guint category = crm_chart_data_add_category (data, crm_kpi_table_get_child_label (self->table, i));

      crm_chart_data_set_value (data, series, category,
                                display_value (kpi, crm_kpi_table_get_value (self->table, i, kpi, FALSE)));
    }
  return data;
}

static void
show_table (CrmDashboardPage *self)
{
  CrmKpiLevel child_level = crm_kpi_table_get_child_level (self->table);
  gboolean has_children = crm_kpi_table_get_n_children (self->table) > 0;
  g_autofree char *code = currency ();
  g_autofree char *revenue_title = NULL;
  g_autofree char *customers_title = NULL;
  g_autoptr(CrmChartData) revenue = NULL;
  g_autoptr(CrmChartData) customers = NULL;
  g_autoptr(CrmChartData) rfm = crm_chart_data_new (CRM_VALUE_COUNT);
  g_autoptr(CrmChartData) targets = crm_chart_data_new (CRM_VALUE_PERCENT);
  guint rfm_series, target_series;

  for (guint i = 0; i < G_N_ELEMENTS (tile_kpis); i++)
    {
      CrmKpi kpi = tile_kpis[i];
      g_autoptr(CrmKpiTileData) tile = crm_kpi_tile_data_new (crm_kpi_get_name (kpi), value_kind (kpi));
      g_autofree char *description = NULL;
      double target;

      crm_kpi_tile_data_set_currency (tile, code);
      crm_kpi_tile_data_set_higher_is_better (tile, crm_kpi_get_info (kpi)->higher_is_better);
      crm_kpi_tile_data_set_value (tile, display_value (kpi, crm_kpi_table_get_value (self->table, CRM_KPI_TABLE_SCOPE, kpi, FALSE)));
      crm_kpi_tile_data_set_previous (tile, display_value (kpi, crm_kpi_table_get_value (self->table, CRM_KPI_TABLE_SCOPE, kpi, TRUE)));
      if (crm_kpi_table_get_target (self->table, kpi, &target))
        crm_kpi_tile_data_set_target (tile, display_value (kpi, target));
      crm_chart_view_set_chart (self->tile_views[i], draw_tile, hit_nothing, crm_kpi_tile_data_ref (tile),
                                (GDestroyNotify) crm_kpi_tile_data_unref);
      description = crm_kpi_tile_data_describe (tile);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tile_views[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, crm_kpi_get_name (kpi),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  revenue = children_data (self, CRM_KPI_REVENUE, code);
  customers = children_data (self, CRM_KPI_CUSTOMERS, code);
  /* Translators: a chart's title: revenue by region, owner, customer… */
  revenue_title = g_strdup_printf (_("Revenue by %s"), level_name (child_level));
  /* Translators: a chart's title: customers by region, owner… */
  customers_title = g_strdup_printf (_("Customers by %s"), level_name (child_level));
  gtk_label_set_label (self->chart_titles[CHART_REVENUE], revenue_title);
  gtk_label_set_label (self->chart_titles[CHART_CUSTOMERS], customers_title);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->chart_titles[CHART_REVENUE])), has_children);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->chart_titles[CHART_CUSTOMERS])), has_children);
  show_chart (self, CHART_REVENUE, revenue);
  show_chart (self, CHART_CUSTOMERS, customers);

  rfm_series = crm_chart_data_add_series (rfm, _("Customers"));
  for (guint i = 0; i < G_N_ELEMENTS (rfm_kpis); i++)
    {
      CrmKpi kpi = rfm_kpis[i];
      const CrmKpiInfo *info = crm_kpi_get_info (kpi);
      const gint64 *measures = crm_kpi_table_get_measures (self->table, CRM_KPI_TABLE_SCOPE, FALSE);
      guint category = crm_chart_data_add_category (rfm, crm_rfm_segment_get_name ((CrmRfmSegment) i));

      crm_chart_data_set_value (rfm, rfm_series, category, (double) measures[info->numerator]);
    }
  show_chart (self, CHART_RFM, rfm);

  target_series = crm_chart_data_add_series (targets, _("Attainment"));
  for (CrmKpi kpi = 0; kpi < CRM_N_KPIS; kpi++)
    {
      double target;

      if (kpi == CRM_KPI_TARGET_ATTAINMENT || !crm_kpi_table_get_target (self->table, kpi, &target))
        continue;
      crm_chart_data_set_value (targets, target_series, crm_chart_data_add_category (targets, crm_kpi_get_name (kpi)),
                                crm_kpi_table_get_attainment (self->table, kpi));
    }
  show_chart (self, CHART_TARGETS, targets);
}

static void
clear_breadcrumbs (CrmDashboardPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->breadcrumbs))) != NULL)
    gtk_box_remove (self->breadcrumbs, child);
}

static void
breadcrumb_clicked (GtkButton        *button,
                    CrmDashboardPage *self)
{
  crm_dashboard_page_set_scope (self, g_object_get_data (G_OBJECT (button), "scope"));
}

/* Company › Region › Owner: each step up is a button, the scope itself a
 * label. */
static void
show_breadcrumbs (CrmDashboardPage *self)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_kpi_scope_free);
  CrmKpiScope *at = crm_kpi_scope_copy (self->scope);

  clear_breadcrumbs (self);
  while (at != NULL)
    {
      g_ptr_array_insert (path, 0, at);
      at = crm_kpi_scope_get_parent (at);
    }
  for (guint i = 0; i < path->len; i++)
    {
      CrmKpiScope *scope = g_ptr_array_index (path, i);
      GtkWidget *crumb;

      if (i > 0)
        {
          GtkWidget *separator = gtk_image_new_from_icon_name (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                                               ? "go-previous-symbolic" : "go-next-symbolic");

          gtk_widget_add_css_class (separator, "dim-label");
          gtk_box_append (self->breadcrumbs, separator);
        }
      if (i + 1 < path->len)
        {
          crumb = gtk_button_new_with_label (crm_kpi_scope_get_label (scope));
          gtk_widget_add_css_class (crumb, "flat");
          g_object_set_data_full (G_OBJECT (crumb), "scope", crm_kpi_scope_copy (scope),
                                  (GDestroyNotify) crm_kpi_scope_free);
          g_signal_connect (crumb, "clicked", G_CALLBACK (breadcrumb_clicked), self);
        }
      else
        {
          crumb = gtk_label_new (crm_kpi_scope_get_label (scope));
          gtk_widget_add_css_class (crumb, "heading");
          gtk_widget_set_margin_start (crumb, 8);
          gtk_widget_set_margin_end (crumb, 8);
        }
      gtk_box_append (self->breadcrumbs, crumb);
    }
}

static CrmPeriod *
chosen_period (CrmDashboardPage *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  switch (gtk_drop_down_get_selected (self->period_picker))
    {
    case 0:
      return crm_period_new_month (now);
    case 1:
      return crm_period_new_quarter (now);
    default:
      return crm_period_new_year (now);
    }
}

static void
on_kpis_computed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CrmDashboardPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmKpiTable) table = crm_store_compute_kpis_finish (CRM_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);
  if (table == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_set_object (&self->table, table);
  {
    g_autofree char *period = crm_period_format (crm_kpi_table_get_period (table));
    g_autofree char *previous = crm_period_format (crm_kpi_table_get_previous_period (table));
    /* Translators: the dashboard's period and the one it is compared with. */
    g_autofree char *text = g_strdup_printf (_("%s, compared with %s"), period, previous);

    gtk_label_set_label (self->period_label, text);
  }
  show_table (self);
  gtk_stack_set_visible_child_name (self->stack, self->empty ? "empty" : "charts");
}

/**
 * crm_dashboard_page_reload:
 *
 * Computes the figures of the current scope and period again, cancelling
 * a computation still running.
 */
void
crm_dashboard_page_reload (CrmDashboardPage *self)
{
  g_autoptr(CrmPeriod) period = NULL;
  CrmKpiLevel child_level;

  g_return_if_fail (CRM_IS_DASHBOARD_PAGE (self));

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  period = chosen_period (self);
  child_level = crm_kpi_scope_get_default_child_level (self->scope);
  if (!crm_kpi_scope_can_drill (self->scope, child_level))
    child_level = crm_kpi_scope_get_level (self->scope);
  show_breadcrumbs (self);
  gtk_spinner_start (self->spinner);
  crm_store_compute_kpis_async (self->store, self->scope, period, child_level, MAX_CUSTOMERS, self->cancellable,
                                on_kpis_computed, g_object_ref (self));
}

/* A bar or slice of a breakdown: one level down, to that child. */
static void
on_breakdown_activated (CrmChartView     *view,
                        int               series,
                        int               category,
                        CrmDashboardPage *self)
{
  if (self->table == NULL || category < 0 || (guint) category >= crm_kpi_table_get_n_children (self->table)
      || crm_kpi_table_get_child_is_rest (self->table, category))
    return;
  crm_dashboard_page_set_scope (self, crm_kpi_table_get_child_scope (self->table, category));
}

static void
on_period_changed (CrmDashboardPage *self)
{
  crm_dashboard_page_reload (self);
}

/* A titled card with a "show as table" switch around a chart view. */
static GtkWidget *
make_card (CrmDashboardPage *self,
           ChartId           chart,
           const char       *title)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *view = crm_chart_view_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "dashboard-card");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_button_set_icon_name (GTK_BUTTON (toggle), "view-list-symbolic");
  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_set_tooltip_text (toggle, _("Show as Table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show as Table"), -1);
  g_object_bind_property (toggle, "active", view, "show-table", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), toggle);
  gtk_widget_set_size_request (view, 280, 300);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (card), header);
  gtk_box_append (GTK_BOX (card), view);

  self->chart_views[chart] = CRM_CHART_VIEW (view);
  self->chart_titles[chart] = GTK_LABEL (label);
  if (chart == CHART_REVENUE || chart == CHART_CUSTOMERS)
    g_signal_connect (view, "element-activated", G_CALLBACK (on_breakdown_activated), self);
  return card;
}

static gboolean
refresh_after_changes (gpointer data)
{
  CrmDashboardPage *self = data;

  self->refresh_source = 0;
  crm_dashboard_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Edits come one customer at a time, imports by the thousand: the figures
 * are computed again once the changes pause. */
static void
on_customer_changed (CrmStore         *store,
                     gint64            customer_id,
                     CrmDashboardPage *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (500, refresh_after_changes, self);
}

static void
crm_dashboard_page_dispose (GObject *object)
{
  CrmDashboardPage *self = (CrmDashboardPage *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->table);
  g_clear_pointer (&self->scope, crm_kpi_scope_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (crm_dashboard_page_parent_class)->dispose (object);
}

static void
crm_dashboard_page_class_init (CrmDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_dashboard_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpointcrm/Touchpoint/ui/crm-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, content);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, breadcrumbs);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, period_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, charts);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_dashboard_page_init (CrmDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scope = crm_kpi_scope_new_company ();
  gtk_drop_down_set_selected (self->period_picker, 2);
  g_signal_connect_swapped (self->period_picker, "notify::selected", G_CALLBACK (on_period_changed), self);

  for (guint i = 0; i < G_N_ELEMENTS (tile_kpis); i++)
    {
      GtkWidget *view = crm_chart_view_new ();

      gtk_widget_set_size_request (view, 220, 130);
      gtk_widget_set_focusable (view, FALSE);
      self->tile_views[i] = CRM_CHART_VIEW (view);
      gtk_flow_box_append (self->tiles, view);
    }
  gtk_flow_box_append (self->charts, make_card (self, CHART_REVENUE, _("Revenue")));
  gtk_flow_box_append (self->charts, make_card (self, CHART_CUSTOMERS, _("Customers")));
  gtk_flow_box_append (self->charts, make_card (self, CHART_RFM, _("Customers by RFM Segment")));
  gtk_flow_box_append (self->charts, make_card (self, CHART_TARGETS, _("Target Attainment")));
}

void
crm_dashboard_page_set_store (CrmDashboardPage *self,
                              CrmStore         *store)
{
  g_return_if_fail (CRM_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect (store, "customer-changed", G_CALLBACK (on_customer_changed), self);
  crm_dashboard_page_set_scope (self, NULL);
}

const CrmKpiScope *
crm_dashboard_page_get_scope (CrmDashboardPage *self)
{
  g_return_val_if_fail (CRM_IS_DASHBOARD_PAGE (self), NULL);
  return self->scope;
}

/**
 * crm_dashboard_page_set_scope:
 * @scope: (nullable): where in the pyramid; %NULL for the company
 */
void
crm_dashboard_page_set_scope (CrmDashboardPage  *self,
                              const CrmKpiScope *scope)
{
  CrmKpiScope *copy;

  g_return_if_fail (CRM_IS_DASHBOARD_PAGE (self));

  /* Copied first: @scope may belong to the table or a breadcrumb about
   * to go. */
  copy = scope != NULL ? crm_kpi_scope_copy (scope) : crm_kpi_scope_new_company ();
  g_clear_pointer (&self->scope, crm_kpi_scope_free);
  self->scope = copy;
  crm_dashboard_page_reload (self);
}

/* Whether figures are being computed. */
gboolean
crm_dashboard_page_is_busy (CrmDashboardPage *self)
{
  g_return_val_if_fail (CRM_IS_DASHBOARD_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * crm_dashboard_page_set_summary:
 * @summary: what the whole database holds, in words
 * @empty: whether it holds no customers, for the empty state
 */
void
crm_dashboard_page_set_summary (CrmDashboardPage *self,
                                const char       *summary,
                                gboolean          empty)
{
  g_return_if_fail (CRM_IS_DASHBOARD_PAGE (self));

  gtk_label_set_label (self->summary_label, summary);
  self->empty = empty;
  if (empty)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (self->table != NULL)
    gtk_stack_set_visible_child_name (self->stack, "charts");
}
