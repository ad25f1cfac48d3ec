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

#include "crm-audit-view.h"
#include "crm-bar-chart.h"
#include "crm-change-pause.h"
#include "crm-chart-export.h"
#include "crm-chart-view.h"
#include "crm-dashboard-data.h"
#include "crm-dashboard-page.h"
#include "crm-donut-chart.h"
#include "crm-funnel-chart.h"
#include "crm-kpi-format.h"
#include "crm-kpi-table.h"
#include "crm-kpi-tile.h"
#include "crm-kpi.h"
#include "crm-line-chart.h"
#include "crm-period-picker.h"

/* The tiles, in reading order. */
static const CrmKpi tile_kpis[] = {
  CRM_KPI_CUSTOMERS, CRM_KPI_NEW_CUSTOMERS, CRM_KPI_ACTIVE_CUSTOMERS, CRM_KPI_REVENUE,
  CRM_KPI_AVERAGE_ORDER_VALUE, CRM_KPI_CONVERSION_RATE, CRM_KPI_RETENTION_RATE, CRM_KPI_AVERAGE_SATISFACTION,
};

/* At most this many customers of an owner, the rest in one row. */
#define MAX_CUSTOMERS 12

typedef enum
{
  CHART_OVER_TIME,     /* revenue through the period and the previous one */
  CHART_REVENUE,       /* revenue by child: drills down */
  CHART_CUSTOMERS,     /* customers by child: drills down */
  CHART_CHANNELS,      /* touchpoints by channel */
  CHART_FUNNEL,        /* the period's new customers by lifecycle stage */
  CHART_SATISFACTION,  /* average satisfaction by channel */
  CHART_RFM,           /* customers by RFM segment */
  CHART_TARGETS,       /* attainment of each KPI with a target */
  N_CHARTS
} ChartId;

/* How each chart is drawn. */
typedef enum
{
  KIND_LINE,
  KIND_COLUMNS,
  KIND_BARS,
  KIND_DONUT,
  KIND_FUNNEL,
} ChartKind;

static const ChartKind chart_kinds[N_CHARTS] = {
  [CHART_OVER_TIME] = KIND_LINE,
  [CHART_REVENUE] = KIND_BARS,
  [CHART_CUSTOMERS] = KIND_DONUT,
  [CHART_CHANNELS] = KIND_COLUMNS,
  [CHART_FUNNEL] = KIND_FUNNEL,
  [CHART_SATISFACTION] = KIND_BARS,
  [CHART_RFM] = KIND_DONUT,
  [CHART_TARGETS] = KIND_BARS,
};

struct _CrmDashboardPage
{
  GtkWidget       parent_instance;
  GtkWidget      *content;
  GtkBox         *breadcrumbs;
  GtkSpinner     *spinner;
  GtkWidget      *audit_button;
  CrmPeriodPicker *period_picker;
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
  GHashTable     *cache;            /* cache_key () → CrmKpiTable, until data changes */
  GCancellable   *cancellable;
  CrmChangePause *changes;          /* reloads once writes pause */
  CrmChartView   *tile_views[G_N_ELEMENTS (tile_kpis)];
  CrmChartView   *chart_views[N_CHARTS];
  GtkLabel       *chart_titles[N_CHARTS];
  GtkWidget      *chart_cards[N_CHARTS];   /* the flow box children */
};

G_DEFINE_FINAL_TYPE (CrmDashboardPage, crm_dashboard_page, GTK_TYPE_WIDGET)

static void compute_figures (CrmDashboardPage *self,
                             const CrmPeriod  *period);
static void show_figures    (CrmDashboardPage *self);

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
draw_columns (cairo_t *cr, const CrmRenderStyle *style, double width, double height, gpointer data)
{
  crm_bar_chart_draw (data, style, CRM_BAR_LAYOUT_VERTICAL, cr, width, height);
}

static CrmChartHit
hit_columns (cairo_t *cr, const CrmRenderStyle *style, double width, double height, double x, double y,
             gpointer data)
{
  return crm_bar_chart_hit_test (data, style, CRM_BAR_LAYOUT_VERTICAL, cr, width, height, x, y);
}

static void
draw_line (cairo_t *cr, const CrmRenderStyle *style, double width, double height, gpointer data)
{
  crm_line_chart_draw (data, style, FALSE, cr, width, height);
}

static CrmChartHit
hit_line (cairo_t *cr, const CrmRenderStyle *style, double width, double height, double x, double y,
          gpointer data)
{
  return crm_line_chart_hit_test (data, style, FALSE, cr, width, height, x, y);
}

static void
draw_funnel (cairo_t *cr, const CrmRenderStyle *style, double width, double height, gpointer data)
{
  crm_funnel_chart_draw (data, style, cr, width, height);
}

static CrmChartHit
hit_funnel (cairo_t *cr, const CrmRenderStyle *style, double width, double height, double x, double y,
            gpointer data)
{
  return crm_funnel_chart_hit_test (data, style, cr, width, height, x, y);
}

static const struct
{
  CrmChartViewDrawFunc draw;
  CrmChartViewHitFunc  hit;
} chart_functions[] = {
  [KIND_LINE] = { draw_line, hit_line },
  [KIND_COLUMNS] = { draw_columns, hit_columns },
  [KIND_BARS] = { draw_bars, hit_bars },
  [KIND_DONUT] = { draw_donut, hit_donut },
  [KIND_FUNNEL] = { draw_funnel, hit_funnel },
};

/* Shows @data (transfer full) in @chart's view; its card is hidden when
 * there is none. */
static void
show_chart (CrmDashboardPage *self,
            ChartId           chart,
            CrmChartData     *data)
{
  CrmChartView *view = self->chart_views[chart];
  ChartKind kind = chart_kinds[chart];

  gtk_widget_set_visible (self->chart_cards[chart], data != NULL);
  if (data == NULL)
    return;
  crm_chart_view_set_chart (view, chart_functions[kind].draw, chart_functions[kind].hit,
                            data, (GDestroyNotify) crm_chart_data_unref);
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

static void
show_table (CrmDashboardPage *self)
{
  CrmKpiLevel child_level = crm_kpi_table_get_child_level (self->table);
  gboolean has_children = crm_kpi_table_get_n_children (self->table) > 0;
  g_autofree char *code = crm_kpi_currency ();
  g_autofree char *revenue_title = NULL;
  g_autofree char *customers_title = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tile_kpis); i++)
    {
      CrmKpi kpi = tile_kpis[i];
      CrmKpiTileData *tile = crm_dashboard_data_tile (self->table, kpi, code);
      g_autofree char *description = crm_kpi_tile_data_describe (tile);

      crm_chart_view_set_chart (self->tile_views[i], draw_tile, hit_nothing, tile,
                                (GDestroyNotify) crm_kpi_tile_data_unref);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tile_views[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, crm_kpi_get_name (kpi),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  /* Translators: a chart's title: revenue by region, owner, customer… */
  revenue_title = g_strdup_printf (_("Revenue by %s"), level_name (child_level));
  /* Translators: a chart's title: customers by region, owner… */
  customers_title = g_strdup_printf (_("Customers by %s"), level_name (child_level));
  gtk_label_set_label (self->chart_titles[CHART_REVENUE], revenue_title);
  gtk_label_set_label (self->chart_titles[CHART_CUSTOMERS], customers_title);
  show_chart (self, CHART_OVER_TIME, crm_dashboard_data_over_time (self->table, CRM_KPI_REVENUE, code));
  show_chart (self, CHART_REVENUE,
              has_children ? crm_dashboard_data_children (self->table, CRM_KPI_REVENUE, code) : NULL);
  show_chart (self, CHART_CUSTOMERS,
              has_children ? crm_dashboard_data_children (self->table, CRM_KPI_CUSTOMERS, code) : NULL);
  show_chart (self, CHART_CHANNELS, crm_dashboard_data_channels (self->table, CRM_KPI_TOUCHPOINTS_PER_CUSTOMER));
  show_chart (self, CHART_FUNNEL, crm_dashboard_data_funnel (self->table));
  show_chart (self, CHART_SATISFACTION, crm_dashboard_data_channels (self->table, CRM_KPI_AVERAGE_SATISFACTION));
  show_chart (self, CHART_RFM, crm_dashboard_data_rfm (self->table));
  show_chart (self, CHART_TARGETS, crm_dashboard_data_targets (self->table));
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
          /* The icon theme's -rtl variant points it the way of reading. */
          GtkWidget *separator = gtk_image_new_from_icon_name ("go-next-symbolic");

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

/* The key of a scope and period in the cache of computed tables. */
static char *
cache_key (const CrmKpiScope *scope,
           const CrmPeriod   *period)
{
  g_autofree char *scope_key = crm_kpi_scope_to_key (scope);

  return g_strdup_printf ("%s|%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, scope_key, crm_period_get_kind (period),
                          crm_period_get_start (period), crm_period_get_end (period));
}

static void
present_table (CrmDashboardPage *self,
               CrmKpiTable      *table)
{
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
  g_hash_table_replace (self->cache, cache_key (crm_kpi_table_get_scope (table), crm_kpi_table_get_period (table)),
                        g_object_ref (table));
  present_table (self, table);
}

/* Shows the figures of the current scope and period: at once when they
 * were computed since the data last changed (back up the breadcrumbs, the
 * period before), else computed. */
static void
show_figures (CrmDashboardPage *self)
{
  g_autoptr(CrmPeriod) period = crm_period_picker_get_period (self->period_picker);
  g_autofree char *key = cache_key (self->scope, period);
  CrmKpiTable *cached = g_hash_table_lookup (self->cache, key);

  if (cached == NULL)
    {
      compute_figures (self, period);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  show_breadcrumbs (self);
  present_table (self, cached);
}

static void
compute_figures (CrmDashboardPage *self,
                 const CrmPeriod  *period)
{
  CrmKpiLevel child_level;

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  child_level = crm_kpi_scope_get_default_child_level (self->scope);
  if (!crm_kpi_scope_can_drill (self->scope, child_level))
    child_level = crm_kpi_scope_get_level (self->scope);
  show_breadcrumbs (self);
  gtk_spinner_start (self->spinner);
  crm_store_compute_kpis_async (self->store, self->scope, period, child_level, MAX_CUSTOMERS, self->cancellable,
                                on_kpis_computed, g_object_ref (self));
}

/**
 * crm_dashboard_page_reload:
 *
 * Computes the figures of the current scope and period again, cancelling
 * a computation still running, and forgets those computed before: the
 * data or the targets have changed.
 */
void
crm_dashboard_page_reload (CrmDashboardPage *self)
{
  g_autoptr(CrmPeriod) period = NULL;

  g_return_if_fail (CRM_IS_DASHBOARD_PAGE (self));

  g_hash_table_remove_all (self->cache);
  period = crm_period_picker_get_period (self->period_picker);
  compute_figures (self, period);
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

/* The chart of a card as an SVG or PNG file, named after its title. */
static void
on_export_chart (CrmChartView *view,
                 GtkWidget    *button)
{
  GtkLabel *title = g_object_get_data (G_OBJECT (button), "chart-title");

  crm_chart_export_run (view, gtk_label_get_label (title));
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
  {
    GtkWidget *export = gtk_button_new_from_icon_name ("document-save-symbolic");

    gtk_widget_add_css_class (export, "flat");
    gtk_widget_set_tooltip_text (export, _("Export Chart as SVG or PNG…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export Chart…"), -1);
    g_object_set_data (G_OBJECT (export), "chart-title", label);
    g_signal_connect_swapped (export, "clicked", G_CALLBACK (on_export_chart), view);
    gtk_box_append (GTK_BOX (header), export);
  }
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

static void
on_audit_toast (AdwToastOverlay *overlay,
                AdwToast        *toast)
{
  adw_toast_overlay_add_toast (overlay, g_object_ref (toast));
}

/* The CRM audit of the scope and period shown, in a window of its own:
 * every KPI against its target, where targets are set. The figures are
 * computed again when a target changes. */
static void
open_audit (CrmDashboardPage *self)
{
  g_autoptr(CrmPeriod) period = crm_period_picker_get_period (self->period_picker);
  g_autofree char *period_text = crm_period_format (period);
  /* Translators: the audit window's subtitle: a scope and a period. */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), crm_kpi_scope_get_label (self->scope), period_text);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *audit = crm_audit_view_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("CRM Audit"), subtitle));
  gtk_window_set_title (GTK_WINDOW (window), _("CRM Audit"));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 880, 640);
  gtk_widget_set_vexpand (audit, TRUE);
  crm_audit_view_set_store (CRM_AUDIT_VIEW (audit), self->store);
  crm_audit_view_set_scope_and_period (CRM_AUDIT_VIEW (audit), self->scope, period);
  g_signal_connect_swapped (audit, "toast", G_CALLBACK (on_audit_toast), overlay);
  g_signal_connect_object (audit, "targets-changed", G_CALLBACK (crm_dashboard_page_reload), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), audit);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), overlay);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|<Control>w"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_present (GTK_WINDOW (window));
}


static void
crm_dashboard_page_dispose (GObject *object)
{
  CrmDashboardPage *self = (CrmDashboardPage *) object;

  g_clear_pointer (&self->changes, crm_change_pause_free);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->table);
  g_clear_pointer (&self->cache, g_hash_table_unref);
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

  g_type_ensure (CRM_TYPE_PERIOD_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpointcrm/Touchpoint/ui/crm-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, content);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, breadcrumbs);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmDashboardPage, audit_button);
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
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  /* Up to now, to start with. */
  crm_period_picker_set_choice (self->period_picker, CRM_PERIOD_CHOICE_YEAR);
  /* The audit needs a database to read and write targets in. */
  gtk_widget_set_sensitive (self->audit_button, FALSE);
  g_signal_connect_swapped (self->audit_button, "clicked", G_CALLBACK (open_audit), self);
  g_signal_connect_swapped (self->period_picker, "changed", G_CALLBACK (show_figures), self);

  for (guint i = 0; i < G_N_ELEMENTS (tile_kpis); i++)
    {
      GtkWidget *view = crm_chart_view_new ();

      gtk_widget_set_size_request (view, 220, 130);
      gtk_widget_set_focusable (view, FALSE);
      self->tile_views[i] = CRM_CHART_VIEW (view);
      gtk_flow_box_append (self->tiles, view);
    }
  {
    const char *titles[N_CHARTS] = {
      [CHART_OVER_TIME] = _("Revenue over Time"),
      [CHART_REVENUE] = _("Revenue"),
      [CHART_CUSTOMERS] = _("Customers"),
      [CHART_CHANNELS] = _("Touchpoints by Channel"),
      [CHART_FUNNEL] = _("New Customers by Stage"),
      [CHART_SATISFACTION] = _("Satisfaction by Channel"),
      [CHART_RFM] = _("Customers by RFM Segment"),
      [CHART_TARGETS] = _("Target Attainment"),
    };

    for (ChartId chart = 0; chart < N_CHARTS; chart++)
      {
        gtk_flow_box_append (self->charts, make_card (self, chart, titles[chart]));
        self->chart_cards[chart] = gtk_widget_get_last_child (GTK_WIDGET (self->charts));
      }
  }
}

void
crm_dashboard_page_set_store (CrmDashboardPage *self,
                              CrmStore         *store)
{
  g_return_if_fail (CRM_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (self->store == store)
    return;
  g_clear_pointer (&self->changes, crm_change_pause_free);
  g_set_object (&self->store, store);
  gtk_widget_set_sensitive (self->audit_button, store != NULL);
  g_hash_table_remove_all (self->cache);
  if (store != NULL)
    self->changes = crm_change_pause_new (store, 500, (void (*) (gpointer)) crm_dashboard_page_reload, self);
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
  show_figures (self);
}

/**
 * crm_dashboard_page_get_table:
 *
 * Returns: (transfer none) (nullable): the figures shown, once computed
 */
CrmKpiTable *
crm_dashboard_page_get_table (CrmDashboardPage *self)
{
  g_return_val_if_fail (CRM_IS_DASHBOARD_PAGE (self), NULL);
  return self->table;
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
