/* crm-chart-view.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "crm-chart-table.h"
#include "crm-chart-view.h"
#include "crm-render-text.h"

struct _CrmChartView
{
  GtkWidget             parent_instance;
  CrmChartViewDrawFunc  draw;
  CrmChartViewHitFunc   hit_test;
  gpointer              user_data;
  GDestroyNotify        destroy;
  CrmChartData         *data;
  gboolean              show_table;
  int                   focused;   /* the category chosen by keyboard, or -1 */
};

G_DEFINE_FINAL_TYPE (CrmChartView, crm_chart_view, GTK_TYPE_WIDGET)

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

/**
 * crm_chart_view_make_style:
 *
 * The render style of @widget as it is now: the dark palette when the
 * application is dark, its text direction, its font.
 *
 * Returns: (transfer full): the style
 */
CrmRenderStyle *
crm_chart_view_make_style (GtkWidget *widget)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  CrmRenderStyle *style = crm_render_style_new (dark ? CRM_RENDER_PALETTE_DARK : CRM_RENDER_PALETTE_LIGHT, rtl);
  g_autofree char *font = NULL;

  g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &font, NULL);
  if (font != NULL)
    crm_render_style_set_font (style, font);
  return style;
}

/* The height kept under the chart for the keyboard's caption. */
static double
caption_height (CrmChartView *self)
{
  return self->focused >= 0 ? 24 : 0;
}

static void
crm_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CrmChartView *self = CRM_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(CrmRenderStyle) style = NULL;
  cairo_t *cr;

  if (self->draw == NULL || width <= 0 || height <= 0)
    return;
  style = crm_chart_view_make_style (widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->show_table && self->data != NULL)
    crm_chart_table_draw (self->data, NULL, style, cr, width, height - caption_height (self));
  else
    self->draw (cr, style, width, height - caption_height (self), self->user_data);

  if (self->focused >= 0 && self->data != NULL
      && (guint) self->focused < crm_chart_data_get_n_categories (self->data))
    {
      /* What the keyboard has chosen, in words: a chart cannot show a
       * focus ring around an element it does not know the shape of. */
      double total = crm_chart_data_get_category_total (self->data, self->focused);
      g_autofree char *value = crm_chart_data_format_value (self->data, total);
      g_autofree char *text = g_strdup_printf ("%s: %s",
                                               crm_chart_data_get_category (self->data, self->focused), value);
      g_autoptr(PangoLayout) layout = crm_render_text_layout (cr, style, CRM_TEXT_BODY, text);

      crm_render_text_elide (layout, width);
      crm_render_set_color (cr, crm_render_style_get_foreground (style));
      crm_render_text_draw (cr, style, layout, 0, height - caption_height (self) + 4, width, CRM_TEXT_CENTER);
    }
  cairo_destroy (cr);
}

/* Hit-tests need text measured as it was drawn, on any cairo context. */
static CrmChartHit
hit_test_at (CrmChartView *self,
             double        x,
             double        y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(CrmRenderStyle) style = NULL;
  cairo_t *cr;
  CrmChartHit hit;

  if (self->hit_test == NULL)
    return CRM_CHART_HIT_NONE;
  style = crm_chart_view_make_style (widget);
  cr = crm_render_measuring_context (NULL);
  if (self->show_table && self->data != NULL)
    hit = crm_chart_table_hit_test (self->data, NULL, style, cr, gtk_widget_get_width (widget),
                                    gtk_widget_get_height (widget) - caption_height (self), x, y);
  else
    hit = self->hit_test (cr, style, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget) - caption_height (self), x, y, self->user_data);
  cairo_destroy (cr);
  return hit;
}

static gboolean
crm_chart_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  CrmChartView *self = CRM_CHART_VIEW (widget);
  CrmChartHit hit = hit_test_at (self, x, y);
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;

  if (self->data == NULL || hit.category < 0
      || (guint) hit.category >= crm_chart_data_get_n_categories (self->data))
    return FALSE;
  if (hit.series >= 0 && (guint) hit.series < crm_chart_data_get_n_series (self->data))
    {
      value = crm_chart_data_format_value (self->data,
                                           crm_chart_data_get_value (self->data, hit.series, hit.category));
      /* Translators: a chart's tooltip: a series, a category, a value. */
      text = g_strdup_printf (_("%s · %s: %s"), crm_chart_data_get_series_name (self->data, hit.series),
                              crm_chart_data_get_category (self->data, hit.category), value);
    }
  else
    {
      value = crm_chart_data_format_value (self->data, crm_chart_data_get_category_total (self->data, hit.category));
      text = g_strdup_printf ("%s: %s", crm_chart_data_get_category (self->data, hit.category), value);
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
clicked (GtkGestureClick *gesture,
         int              n_press,
         double           x,
         double           y,
         CrmChartView    *self)
{
  CrmChartHit hit = hit_test_at (self, x, y);

  if (hit.category < 0 && hit.series < 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, hit.series, hit.category);
}

static void
move_focus (CrmChartView *self,
            int           to)
{
  int n = self->data != NULL ? (int) crm_chart_data_get_n_categories (self->data) : 0;

  if (n == 0)
    return;
  self->focused = CLAMP (to, 0, n - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             CrmChartView          *self)
{
  /* Arrows move the way the categories run on screen. */
  int forward = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1;
  int at = self->focused;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, at < 0 ? 0 : at + forward);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, at < 0 ? 0 : at - forward);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_focus (self, at + 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_focus (self, at - 1);
      return TRUE;
    case GDK_KEY_Home:
      move_focus (self, 0);
      return TRUE;
    case GDK_KEY_End:
      move_focus (self, G_MAXINT);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (at < 0)
        return FALSE;
      g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, -1, at);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_left (GtkEventControllerFocus *controller,
            CrmChartView            *self)
{
  self->focused = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed (CrmChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
crm_chart_view_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static void
crm_chart_view_dispose (GObject *object)
{
  CrmChartView *self = (CrmChartView *) object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  crm_chart_view_set_chart (self, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->data, crm_chart_data_unref);

  G_OBJECT_CLASS (crm_chart_view_parent_class)->dispose (object);
}

static void
crm_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmChartView *self = CRM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmChartView *self = CRM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      crm_chart_view_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_chart_view_class_init (CrmChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_chart_view_dispose;
  object_class->get_property = crm_chart_view_get_property;
  object_class->set_property = crm_chart_view_set_property;
  widget_class->snapshot = crm_chart_view_snapshot;
  widget_class->query_tooltip = crm_chart_view_query_tooltip;
  widget_class->direction_changed = crm_chart_view_direction_changed;

  /**
   * CrmChartView:show-table:
   *
   * Whether the chart's data is shown as a table instead of the chart.
   */
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmChartView::element-activated:
   * @series: the series, row or link clicked, or -1
   * @category: the category, column or node, or -1
   *
   * An element was clicked, or chosen with the keyboard and Enter: the
   * dashboard goes one level down from it.
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
crm_chart_view_init (CrmChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focused = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 140);

  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed), self);
}

GtkWidget *
crm_chart_view_new (void)
{
  return g_object_new (CRM_TYPE_CHART_VIEW, NULL);
}

/**
 * crm_chart_view_set_chart:
 * @draw: (nullable): draws the chart
 * @hit_test: (nullable): what is under a point, laid out as @draw lays it
 * @destroy: (nullable): frees @user_data when the chart is replaced
 */
void
crm_chart_view_set_chart (CrmChartView         *self,
                          CrmChartViewDrawFunc  draw,
                          CrmChartViewHitFunc   hit_test,
                          gpointer              user_data,
                          GDestroyNotify        destroy)
{
  g_return_if_fail (CRM_IS_CHART_VIEW (self));

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->draw = draw;
  self->hit_test = hit_test;
  self->user_data = user_data;
  self->destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * crm_chart_view_get_chart:
 * @draw: (out): the chart's drawing function
 * @user_data: (out): what it draws, owned by the view
 *
 * The chart as set, to draw it elsewhere (a file) the way it is shown.
 *
 * Returns: whether a chart is set
 */
gboolean
crm_chart_view_get_chart (CrmChartView         *self,
                          CrmChartViewDrawFunc *draw,
                          gpointer             *user_data)
{
  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), FALSE);

  *draw = self->draw;
  *user_data = self->user_data;
  return self->draw != NULL;
}

/**
 * crm_chart_view_set_data:
 * @data: (nullable): what the chart shows, for tooltips, the keyboard and
 *   screen readers
 */
void
crm_chart_view_set_data (CrmChartView *self,
                         CrmChartData *data)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CRM_IS_CHART_VIEW (self));

  if (data != NULL)
    crm_chart_data_ref (data);
  g_clear_pointer (&self->data, crm_chart_data_unref);
  self->data = data;
  self->focused = -1;
  description = data != NULL ? crm_chart_data_describe (data) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CrmChartData *
crm_chart_view_get_data (CrmChartView *self)
{
  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), NULL);
  return self->data;
}

void
crm_chart_view_set_show_table (CrmChartView *self,
                               gboolean      show_table)
{
  g_return_if_fail (CRM_IS_CHART_VIEW (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

gboolean
crm_chart_view_get_show_table (CrmChartView *self)
{
  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), FALSE);
  return self->show_table;
}

/* The category chosen with the keyboard, or -1. */
int
crm_chart_view_get_focused_category (CrmChartView *self)
{
  g_return_val_if_fail (CRM_IS_CHART_VIEW (self), -1);
  return self->focused;
}
