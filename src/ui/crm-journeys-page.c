/* crm-journeys-page.c
 *
 * The analysis runs in a GTask on a connection of its own
 * (crm_store_analyze_journeys() reads every touchpoint of the period),
 * reports its progress to a bar, and is cancelled when the segment or
 * the period changes. Each run has its own GCancellable: a result is
 * shown only when it comes from the run still wanted, so the figures of
 * a filter given up never reach the screen. Results are kept per segment
 * and period until the data changes, and after a change the figures
 * shown stay until the new ones are ready.
 *
 * The map and the flow are drawn by the render library in chart views,
 * with the functions the printed journey report uses.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crm-change-pause.h"
#include "crm-chart-view.h"
#include "crm-journey-customers-dialog.h"
#include "crm-journey-map.h"
#include "crm-journey-moments-table.h"
#include "crm-journey-paths-list.h"
#include "crm-journeys-data.h"
#include "crm-journeys-page.h"
#include "crm-period-picker.h"
#include "crm-progress-relay.h"
#include "crm-render-text.h"
#include "crm-sankey.h"
#include "crm-ui.h"

struct _CrmJourneysPage
{
  GtkWidget               parent_instance;

  /* Template widgets */
  GtkWidget              *content;
  GtkDropDown            *segment_picker;
  CrmPeriodPicker        *period_picker;
  GtkLabel               *period_dates;
  GtkLabel               *summary_label;
  GtkStack               *stack;
  GtkProgressBar         *progress_bar;
  CrmJourneyMap          *map;
  GtkLabel               *paths_caption;
  CrmJourneyPathsList    *paths_list;
  GtkStack               *flow_stack;
  CrmChartView           *flow_view;
  GtkLabel               *moments_caption;
  CrmJourneyMomentsTable *moments_table;
  AdwStatusPage          *empty_page;
  AdwStatusPage          *error_page;

  CrmStore               *store;
  char                   *segment;         /* NULL for all customers */
  CrmJourneyAnalysis     *analysis;        /* shown */
  char                   *shown_key;       /* the filter it is for */
  GArray                 *flow_links;      /* the flow's links: CrmJourneyElement */
  GHashTable             *cache;           /* filter_key () → analysis, until the data changes */
  GCancellable           *cancellable;     /* of the run wanted, while it runs */
  CrmChangePause         *changes;         /* analyses again once writes pause */
  GCancellable           *segments_cancellable;
  gboolean                syncing_segments;
  gboolean                pending;         /* to analyse once shown */
};

G_DEFINE_FINAL_TYPE (CrmJourneysPage, crm_journeys_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_CUSTOMER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void analyse (CrmJourneysPage *self,
                     gboolean         keep_shown);

/* Charts */

static void
draw_flow (cairo_t              *cr,
           const CrmRenderStyle *style,
           double                width,
           double                height,
           gpointer              user_data)
{
  crm_sankey_draw (user_data, style, cr, width, height);
}

/* A band is its link, which is the link's category in the chart data
 * the view holds (crm_journeys_data_flow_table()); a node stands for no
 * customers of its own. */
static CrmChartHit
hit_flow (cairo_t              *cr,
          const CrmRenderStyle *style,
          double                width,
          double                height,
          double                x,
          double                y,
          gpointer              user_data)
{
  CrmChartHit hit = crm_sankey_hit_test (user_data, style, cr, width, height, x, y);

  if (hit.series < 0)
    return CRM_CHART_HIT_NONE;
  return (CrmChartHit) { 0, hit.series };
}

/* The customers behind an element */

static void
on_customer_chosen (CrmJourneyCustomersDialog *dialog,
                    gint64                     customer_id,
                    CrmJourneysPage           *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_signal_emit (self, signals[OPEN_CUSTOMER], 0, customer_id);
}

static void
open_customers (CrmJourneysPage         *self,
                const CrmJourneyElement *element)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CrmJourneyCustomersDialog *dialog;

  if (self->store == NULL || self->analysis == NULL)
    return;
  dialog = crm_journey_customers_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             crm_store_get_path (self->store), self->analysis, element);
  g_signal_connect_object (dialog, "customer-activated", G_CALLBACK (on_customer_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_element_activated (CrmJourneysPage         *self,
                      const CrmJourneyElement *element)
{
  open_customers (self, element);
}

static void
on_flow_activated (CrmChartView    *view,
                   int              series,
                   int              category,
                   CrmJourneysPage *self)
{
  if (self->analysis == NULL || self->flow_links == NULL || category < 0 || (guint) category >= self->flow_links->len)
    return;
  open_customers (self, &g_array_index (self->flow_links, CrmJourneyElement, category));
}

/* Showing an analysis */

static void
show_empty (CrmJourneysPage *self)
{
  g_autoptr(CrmPeriod) period = crm_period_picker_get_period (self->period_picker);
  g_autofree char *description = NULL;

  if (self->segment == NULL && period == NULL)
    description = g_strdup (_("No customer has a touchpoint yet. Record your customers’ touchpoints, or import "
                              "them, to see which paths they take."));
  else if (period == NULL)
    description = g_strdup_printf (_("No customer in the segment “%s” has a touchpoint. Choose another segment."),
                                   self->segment);
  else if (self->segment == NULL)
    description = g_strdup (_("No customer had a touchpoint in this period. Choose another period."));
  else
    description = g_strdup_printf (_("No customer in the segment “%s” had a touchpoint in this period. Choose "
                                     "another segment or period."), self->segment);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
present (CrmJourneysPage    *self,
         CrmJourneyAnalysis *analysis,
         const char         *key)
{
  g_autofree char *summary = crm_journeys_data_summary (analysis);
  const CrmPeriod *period = crm_journey_analysis_get_period (analysis);
  g_autofree char *dates = period != NULL ? crm_period_format (period) : NULL;

  g_set_object (&self->analysis, analysis);
  g_free (self->shown_key);
  self->shown_key = g_strdup (key);
  /* The days a month, quarter or year stands for, or the custom ones. */
  gtk_label_set_label (self->period_dates, dates != NULL ? dates : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_dates), dates != NULL);
  gtk_label_set_label (self->summary_label, crm_journey_analysis_get_customers (analysis) > 0 ? summary : "");
  g_clear_pointer (&self->flow_links, g_array_unref);
  if (crm_journey_analysis_get_customers (analysis) == 0)
    {
      crm_journey_map_set_analysis (self->map, NULL);
      crm_chart_view_set_chart (self->flow_view, NULL, NULL, NULL, NULL);
      crm_chart_view_set_data (self->flow_view, NULL);
      crm_journey_paths_list_set_analysis (self->paths_list, NULL);
      crm_journey_moments_table_set_analysis (self->moments_table, NULL);
      show_empty (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
      return;
    }

  crm_journey_map_set_analysis (self->map, analysis);

  {
    g_autoptr(CrmChartData) table = NULL;

    self->flow_links = crm_journeys_data_flow_links (analysis);
    table = crm_journeys_data_flow_table (analysis, self->flow_links);
    crm_chart_view_set_chart (self->flow_view, draw_flow, hit_flow, crm_journeys_data_flow (analysis, self->flow_links),
                              (GDestroyNotify) crm_sankey_data_unref);
    crm_chart_view_set_data (self->flow_view, table);
    gtk_stack_set_visible_child_name (self->flow_stack, self->flow_links->len > 0 ? "chart" : "none");
  }

  {
    guint shown = crm_journeys_data_n_top_paths (analysis);
    guint all = crm_journey_analysis_get_n_paths (analysis);
    g_autofree char *shown_text = crm_journeys_format_count (shown);
    g_autofree char *all_text = crm_journeys_format_count (all);
    g_autofree char *caption = NULL;

    if (shown < all)
      /* Translators: over the list of top paths: “The 15 most common of
       * 1,234 different paths…”. */
      caption = g_strdup_printf (_("The %s most common of %s different paths to the first purchase (or, for those who never bought, "
                                   "their whole journeys), a step repeated in a row counted once. "
                                   "Choose a path to see who took it."), shown_text, all_text);
    else
      caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The only path taken to the first purchase (or the whole journey), a step repeated in a row counted once. "
                                              "Choose it to see who took it.",
                                              "All %s paths taken to the first purchase (or the whole journey), a step repeated in a row counted once. "
                                              "Choose a path to see who took it.", all), all_text);
    gtk_label_set_label (self->paths_caption, caption);
    crm_journey_paths_list_set_analysis (self->paths_list, analysis);
  }

  {
    g_autofree char *caption =
      g_strdup_printf (_("Every touchpoint type, ranked by how much more often the customers who had it before "
                         "buying bought than those who did not (awareness, consideration and purchase types), or the "
                         "buyers who had it afterwards bought again (service and loyalty types); "
                         "measured where at least %d customers stand on each side, "
                         "marked “Small sample” where fewer do. Your own moments of truth are flagged ★. "
                         "Choose a count to see those customers."), CRM_JOURNEY_MIN_SAMPLE);

    gtk_label_set_label (self->moments_caption, caption);
    crm_journey_moments_table_set_analysis (self->moments_table, analysis);
  }

  gtk_stack_set_visible_child_name (self->stack, "results");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

/* Running the analysis */

/* The key of a segment and period in the cache. */
static char *
filter_key (const char      *segment,
            const CrmPeriod *period)
{
  g_autofree char *period_key = period != NULL
                                ? g_strdup_printf ("%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                                   crm_period_get_kind (period), crm_period_get_start (period),
                                                   crm_period_get_end (period))
                                : g_strdup ("all time");

  return segment != NULL ? g_strdup_printf ("%s|segment %s", period_key, segment)
                         : g_strdup_printf ("%s|all customers", period_key);
}

typedef struct
{
  char             *path;
  char             *segment;
  CrmPeriod        *period;
  char             *key;
  CrmProgressRelay *relay;
} Run;

static void
run_free (Run *run)
{
  g_free (run->path);
  g_free (run->segment);
  g_clear_pointer (&run->period, crm_period_free);
  g_free (run->key);
  g_object_unref (run->relay);
  g_free (run);
}

static void
analyse_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Run *run = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (run->path, &error);
  CrmJourneyAnalysis *analysis = NULL;

  if (store != NULL)
    analysis = crm_store_analyze_journeys (store, run->segment, run->period, cancellable, crm_progress_relay_report,
                                           run->relay, &error);
  if (analysis == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, analysis, g_object_unref);
}

static void
set_busy (CrmJourneysPage *self,
          GCancellable    *cancellable)
{
  g_clear_object (&self->cancellable);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.cancel", cancellable != NULL);
}

static void
on_analysed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CrmJourneysPage *self = CRM_JOURNEYS_PAGE (source);
  GTask *task = G_TASK (result);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmJourneyAnalysis) analysis = g_task_propagate_pointer (task, &error);

  /* A run given up for another, or stopped: whatever it found is not
   * what is wanted now. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_task_get_cancellable (task) != self->cancellable)
    return;
  set_busy (self, NULL);
  if (analysis == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_hash_table_replace (self->cache, g_strdup (run->key), g_object_ref (analysis));
  present (self, analysis, run->key);
}

/* Shows the journeys of the segment and period chosen: at once when they
 * were analysed since the data last changed, else analysed anew. With
 * @keep_shown, figures of the same filter stay on screen meanwhile. */
static void
analyse (CrmJourneysPage *self,
         gboolean         keep_shown)
{
  g_autoptr(CrmPeriod) period = crm_period_picker_get_period (self->period_picker);
  g_autofree char *key = filter_key (self->segment, period);
  CrmJourneyAnalysis *cached = g_hash_table_lookup (self->cache, key);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_cancellable_cancel (self->cancellable);
  set_busy (self, NULL);
  if (self->store == NULL)
    return;
  /* Seconds of work on a big database: not for a view nobody looks at. */
  self->pending = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->pending)
    return;
  if (cached != NULL)
    {
      present (self, cached, key);
      return;
    }

  cancellable = g_cancellable_new ();
  run = g_new0 (Run, 1);
  run->path = g_strdup (crm_store_get_path (self->store));
  run->segment = g_strdup (self->segment);
  run->period = period != NULL ? crm_period_copy (period) : NULL;
  run->key = g_strdup (key);
  run->relay = crm_progress_relay_new (self->progress_bar, CRM_PROGRESS_RECORDS);
  gtk_progress_bar_set_show_text (self->progress_bar, FALSE);
  set_busy (self, cancellable);
  if (!keep_shown || g_strcmp0 (self->shown_key, key) != 0
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") != 0)
    {
      g_autofree char *dates = period != NULL ? crm_period_format (period) : NULL;

      /* Nothing of the figures before stays beside the new filter. */
      gtk_label_set_label (self->summary_label, "");
      gtk_label_set_label (self->period_dates, dates != NULL ? dates : "");
      gtk_widget_set_visible (GTK_WIDGET (self->period_dates), dates != NULL);
      gtk_stack_set_visible_child_name (self->stack, "progress");
    }

  task = g_task_new (self, cancellable, on_analysed, NULL);
  g_task_set_source_tag (task, analyse);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_run_in_thread (task, analyse_thread);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmJourneysPage *self = CRM_JOURNEYS_PAGE (widget);

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  set_busy (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "cancelled");
}

static void
analyse_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  analyse (CRM_JOURNEYS_PAGE (widget), FALSE);
}

static void
focus_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  crm_journeys_page_focus_filter (CRM_JOURNEYS_PAGE (widget));
}

/* The filter */

static void
on_segment_selected (CrmJourneysPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->segment_picker);
  GListModel *model = gtk_drop_down_get_model (self->segment_picker);
  const char *segment = NULL;

  if (self->syncing_segments || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    segment = gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
  crm_journeys_page_set_segment (self, segment);
}

/* The choices: all customers, then the segments in use; the segment
 * chosen stays chosen, even when no customer is in it any more. */
static void
fill_segments (CrmJourneysPage    *self,
               const char * const *values)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (strings, _("All Customers"));
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gtk_string_list_append (strings, values[i]);
      if (g_strcmp0 (values[i], self->segment) == 0)
        selected = i + 1;
    }
  if (self->segment != NULL && selected == 0)
    {
      gtk_string_list_append (strings, self->segment);
      selected = g_list_model_get_n_items (G_LIST_MODEL (strings)) - 1;
    }
  self->syncing_segments = TRUE;
  gtk_drop_down_set_model (self->segment_picker, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->segment_picker, selected);
  self->syncing_segments = FALSE;
}

static void
on_segments_listed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CrmJourneysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) values = crm_store_list_values_finish (CRM_STORE (source), result, &error);

  if (values == NULL)
    {
      /* Without the list, all customers can still be analysed. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not list the segments: %s", error->message);
      return;
    }
  g_clear_object (&self->segments_cancellable);
  fill_segments (self, (const char * const *) values);
}

static void
list_segments (CrmJourneysPage *self)
{
  g_cancellable_cancel (self->segments_cancellable);
  g_clear_object (&self->segments_cancellable);
  if (self->store == NULL)
    return;
  self->segments_cancellable = g_cancellable_new ();
  crm_store_list_values_async (self->store, CRM_CUSTOMER_FIELD_SEGMENT, self->segments_cancellable,
                               on_segments_listed, g_object_ref (self));
}

static void
on_period_changed (CrmJourneysPage *self)
{
  analyse (self, FALSE);
}

/* The data changed: everything analysed before is out of date. */
static void
on_data_changed (gpointer data)
{
  CrmJourneysPage *self = data;

  g_hash_table_remove_all (self->cache);
  list_segments (self);
  analyse (self, TRUE);
}

/* GObject */

static void
crm_journeys_page_map (GtkWidget *widget)
{
  CrmJourneysPage *self = CRM_JOURNEYS_PAGE (widget);

  GTK_WIDGET_CLASS (crm_journeys_page_parent_class)->map (widget);
  if (self->pending)
    analyse (self, TRUE);
}

static void
crm_journeys_page_dispose (GObject *object)
{
  CrmJourneysPage *self = (CrmJourneysPage *) object;

  g_clear_pointer (&self->changes, crm_change_pause_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->segments_cancellable);
  g_clear_object (&self->segments_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->flow_links, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_JOURNEYS_PAGE);

  G_OBJECT_CLASS (crm_journeys_page_parent_class)->dispose (object);
}

static void
crm_journeys_page_finalize (GObject *object)
{
  CrmJourneysPage *self = (CrmJourneysPage *) object;

  g_free (self->segment);
  g_free (self->shown_key);

  G_OBJECT_CLASS (crm_journeys_page_parent_class)->finalize (object);
}

static void
crm_journeys_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmJourneysPage *self = CRM_JOURNEYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_journeys_page_class_init (CrmJourneysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_journeys_page_dispose;
  object_class->finalize = crm_journeys_page_finalize;
  object_class->get_property = crm_journeys_page_get_property;
  widget_class->map = crm_journeys_page_map;

  /**
   * CrmJourneysPage:analysis:
   *
   * The analysis shown, once there is one: notified each time figures
   * reach the screen.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, CRM_TYPE_JOURNEY_ANALYSIS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmJourneysPage::open-customer:
   * @customer_id: the customer
   *
   * A customer behind an element was chosen: their page is wanted.
   */
  signals[OPEN_CUSTOMER] =
    g_signal_new ("open-customer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  crm_ui_init ();
  g_type_ensure (CRM_TYPE_CHART_VIEW);
  g_type_ensure (CRM_TYPE_JOURNEY_MAP);
  g_type_ensure (CRM_TYPE_JOURNEY_MOMENTS_TABLE);
  g_type_ensure (CRM_TYPE_JOURNEY_PATHS_LIST);
  g_type_ensure (CRM_TYPE_PERIOD_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/crm-journeys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, content);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, segment_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, period_picker);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, period_dates);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, map);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, paths_caption);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, paths_list);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, flow_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, flow_view);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, moments_caption);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, moments_table);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrmJourneysPage, error_page);

  gtk_widget_class_install_action (widget_class, "journeys.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "journeys.analyse", NULL, analyse_action);
  gtk_widget_class_install_action (widget_class, "journeys.focus-filter", NULL, focus_filter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "journeys.focus-filter", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_journeys_page_init (CrmJourneysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  fill_segments (self, NULL);
  set_busy (self, NULL);

  g_signal_connect_swapped (self->segment_picker, "notify::selected", G_CALLBACK (on_segment_selected), self);
  g_signal_connect_swapped (self->period_picker, "changed", G_CALLBACK (on_period_changed), self);
  g_signal_connect_swapped (self->map, "element-activated", G_CALLBACK (on_element_activated), self);
  g_signal_connect (self->flow_view, "element-activated", G_CALLBACK (on_flow_activated), self);
  g_signal_connect_swapped (self->paths_list, "element-activated", G_CALLBACK (on_element_activated), self);
  g_signal_connect_swapped (self->moments_table, "element-activated", G_CALLBACK (on_element_activated), self);
}

GtkWidget *
crm_journeys_page_new (void)
{
  return g_object_new (CRM_TYPE_JOURNEYS_PAGE, NULL);
}

/**
 * crm_journeys_page_set_store:
 * @store: (nullable): the database whose journeys to show
 */
void
crm_journeys_page_set_store (CrmJourneysPage *self,
                             CrmStore        *store)
{
  g_return_if_fail (CRM_IS_JOURNEYS_PAGE (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (self->store == store)
    return;
  g_clear_pointer (&self->changes, crm_change_pause_free);
  g_set_object (&self->store, store);
  g_hash_table_remove_all (self->cache);
  g_clear_pointer (&self->shown_key, g_free);
  if (store != NULL)
    self->changes = crm_change_pause_new (store, 500, on_data_changed, self);
  list_segments (self);
  analyse (self, FALSE);
}

/**
 * crm_journeys_page_reload:
 *
 * Analyses the journeys again, forgetting those analysed before: the
 * database has changed behind the store's back (an import).
 */
void
crm_journeys_page_reload (CrmJourneysPage *self)
{
  g_return_if_fail (CRM_IS_JOURNEYS_PAGE (self));

  if (self->changes != NULL)
    crm_change_pause_cancel (self->changes);
  on_data_changed (self);
}

/* Returns: (nullable): the segment whose journeys are shown; %NULL for
 *   all customers */
const char *
crm_journeys_page_get_segment (CrmJourneysPage *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEYS_PAGE (self), NULL);
  return self->segment;
}

/**
 * crm_journeys_page_set_segment:
 * @segment: (nullable): a segment; %NULL for all customers
 */
void
crm_journeys_page_set_segment (CrmJourneysPage *self,
                               const char      *segment)
{
  GListModel *model;
  guint n, selected = 0;

  g_return_if_fail (CRM_IS_JOURNEYS_PAGE (self));

  if (segment != NULL && *segment == '\0')
    segment = NULL;
  if (g_strcmp0 (self->segment, segment) == 0)
    return;
  g_free (self->segment);
  self->segment = g_strdup (segment);

  /* The picker shows it, added when the list does not have it yet. */
  model = gtk_drop_down_get_model (self->segment_picker);
  n = g_list_model_get_n_items (model);
  for (guint i = 1; i < n && segment != NULL && selected == 0; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), segment) == 0)
      selected = i;
  self->syncing_segments = TRUE;
  if (segment != NULL && selected == 0)
    {
      gtk_string_list_append (GTK_STRING_LIST (model), segment);
      selected = n;
    }
  gtk_drop_down_set_selected (self->segment_picker, selected);
  self->syncing_segments = FALSE;
  analyse (self, FALSE);
}

/**
 * crm_journeys_page_get_period:
 *
 * Returns: (transfer full) (nullable): the period chosen; %NULL for all
 *   time
 */
CrmPeriod *
crm_journeys_page_get_period (CrmJourneysPage *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEYS_PAGE (self), NULL);
  return crm_period_picker_get_period (self->period_picker);
}

/* Returns: (transfer none) (nullable): the analysis shown */
CrmJourneyAnalysis *
crm_journeys_page_get_analysis (CrmJourneysPage *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEYS_PAGE (self), NULL);
  return self->analysis;
}

/* Whether the journeys are being analysed. */
gboolean
crm_journeys_page_is_busy (CrmJourneysPage *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEYS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

/* Puts the keyboard on the segment picker, the start of the filter. */
void
crm_journeys_page_focus_filter (CrmJourneysPage *self)
{
  g_return_if_fail (CRM_IS_JOURNEYS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->segment_picker));
}
