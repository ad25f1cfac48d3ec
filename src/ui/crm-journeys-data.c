/* crm-journeys-data.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-journeys-data.h"

static double
rate (gint64 part,
      gint64 whole)
{
  return whole > 0 ? (double) part / whole : NAN;
}

/* The average rating of a group's touchpoints, NAN with none rated. */
static double
average (gint64 sum,
         gint64 rated)
{
  return rated > 0 ? (double) sum / rated : NAN;
}

/* Whether @text's first letter is of a script written right to left:
 * then so is the text, as Pango lays it out. */
static gboolean
starts_right_to_left (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_SAMARITAN:
        case G_UNICODE_SCRIPT_MANDAIC:
        case G_UNICODE_SCRIPT_ADLAM:
          return TRUE;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

/* Formatting */

char *
crm_journeys_format_count (gint64 count)
{
  return crm_value_format ((double) count, CRM_VALUE_COUNT, NULL);
}

/* A share (0.25 is “25.0 %”); an em dash for NAN. */
char *
crm_journeys_format_share (double share)
{
  return crm_value_format (share, CRM_VALUE_PERCENT, NULL);
}

/* How many times as likely: “2.3×”; an em dash when there is nothing to
 * compare with. */
char *
crm_journeys_format_lift (double lift)
{
  g_autofree char *number = NULL;

  if (isnan (lift) || isinf (lift))
    return g_strdup ("—");
  number = crm_value_format (lift, CRM_VALUE_DECIMAL, NULL);
  /* Translators: a lift, how many times as likely one group is to buy as
   * another: “2.3×”. */
  return g_strdup_printf (_("%s×"), number);
}

/* An average satisfaction rating, 1 to 5: “3.9”. */
char *
crm_journeys_format_rating (double rating)
{
  return crm_value_format (rating, CRM_VALUE_DECIMAL, NULL);
}

/* A signed difference of ratings: “+0.4”, “−0.4”, “±0.0”. */
char *
crm_journeys_format_difference (double difference)
{
  g_autofree char *number = NULL;

  if (isnan (difference))
    return g_strdup ("—");
  number = crm_value_format (fabs (difference), CRM_VALUE_DECIMAL, NULL);
  return g_strdup_printf ("%s%s", difference >= 0.05 ? "+" : difference <= -0.05 ? "−" : "±", number);
}

/* The journey map */

/**
 * crm_journeys_data_map:
 *
 * Returns: (transfer full): a row (series) per journey stage and a column
 *   (category) per channel, in the analysis' order, each cell the
 *   touchpoints there
 */
CrmChartData *
crm_journeys_data_map (CrmJourneyAnalysis *analysis)
{
  CrmChartData *data = crm_chart_data_new (CRM_VALUE_COUNT);
  guint n_stages = crm_journey_analysis_get_n_stages (analysis);
  guint n_channels = crm_journey_analysis_get_n_channels (analysis);

  for (guint c = 0; c < n_channels; c++)
    crm_chart_data_add_category (data, crm_journey_analysis_get_channel_name (analysis, c));
  for (guint s = 0; s < n_stages; s++)
    {
      guint series = crm_chart_data_add_series (data,
                                                crm_journey_stage_get_label (crm_journey_analysis_get_stage (analysis,
                                                                                                              s)));

      for (guint c = 0; c < n_channels; c++)
        crm_chart_data_set_value (data, series, c, (double) crm_journey_analysis_get_cell (analysis, s, c)->touchpoints);
    }
  return data;
}

/**
 * crm_journeys_data_cell_detail:
 *
 * Returns: (transfer full) (nullable): the small line under a cell's
 *   figure: the customers who reached it and their average satisfaction;
 *   %NULL for a cell nobody reached
 */
char *
crm_journeys_data_cell_detail (CrmJourneyAnalysis *analysis,
                               guint               stage,
                               guint               channel)
{
  const CrmJourneyCell *cell = crm_journey_analysis_get_cell (analysis, stage, channel);
  g_autofree char *customers = NULL;
  g_autofree char *rating = NULL;

  if (cell == NULL || cell->customers == 0)
    return NULL;
  customers = crm_value_format_compact ((double) cell->customers, CRM_VALUE_COUNT, NULL);
  if (cell->rated == 0)
    return g_steal_pointer (&customers);
  rating = crm_journeys_format_rating (average (cell->satisfaction, cell->rated));
  /* Translators: under a cell of the journey map, in as few letters as
   * will do: the customers who reached it and their average satisfaction
   * out of 5 (“1,234 · ★ 3.9”). */
  return g_strdup_printf (_("%s · ★ %s"), customers, rating);
}

/**
 * crm_journeys_data_describe_cell:
 *
 * Returns: (transfer full): a cell in words, for its tooltip and for
 *   screen readers
 */
char *
crm_journeys_data_describe_cell (CrmJourneyAnalysis *analysis,
                                 guint               stage,
                                 guint               channel)
{
  const CrmJourneyCell *cell = crm_journey_analysis_get_cell (analysis, stage, channel);
  const char *stage_name = crm_journey_stage_get_label (crm_journey_analysis_get_stage (analysis, stage));
  const char *channel_name = crm_journey_analysis_get_channel_name (analysis, channel);
  g_autofree char *touchpoints = crm_journeys_format_count (cell->touchpoints);
  g_autofree char *customers = crm_journeys_format_count (cell->customers);
  g_autofree char *touchpoints_text = NULL;
  g_autofree char *customers_text = NULL;

  touchpoints_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s touchpoint", "%s touchpoints",
                                                   cell->touchpoints), touchpoints);
  customers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer", "%s customers",
                                                 cell->customers), customers);
  if (cell->rated == 0)
    /* Translators: a cell of the journey map: a stage, a channel, “12
     * touchpoints”, “5 customers”. */
    return g_strdup_printf (_("%s · %s: %s by %s, none rated"), stage_name, channel_name, touchpoints_text,
                            customers_text);
  {
    g_autofree char *rating = crm_journeys_format_rating (average (cell->satisfaction, cell->rated));

    /* Translators: a cell of the journey map: a stage, a channel, “12
     * touchpoints”, “5 customers”, and an average rating out of 5. */
    return g_strdup_printf (_("%s · %s: %s by %s, average satisfaction %s"), stage_name, channel_name,
                            touchpoints_text, customers_text, rating);
  }
}

/* Channel flow */

static int
compare_links (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const CrmJourneyElement *x = a, *y = b;
  gint64 fx = crm_journey_analysis_get_flow (data, x->first, x->second);
  gint64 fy = crm_journey_analysis_get_flow (data, y->first, y->second);

  if (fx != fy)
    return fx > fy ? -1 : 1;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return (x->second > y->second) - (x->second < y->second);
}

/**
 * crm_journeys_data_flow_links:
 *
 * Returns: (transfer full) (element-type CrmJourneyElement): every
 *   transition from one channel to another that happened, the most
 *   frequent first: the links of the flow diagram, in the order of
 *   crm_journeys_data_flow() and crm_journeys_data_flow_table()
 */
GArray *
crm_journeys_data_flow_links (CrmJourneyAnalysis *analysis)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (CrmJourneyElement));
  guint n = crm_journey_analysis_get_n_channels (analysis);

  for (guint from = 0; from < n; from++)
    for (guint to = 0; to < n; to++)
      if (from != to && crm_journey_analysis_get_flow (analysis, from, to) > 0)
        {
          CrmJourneyElement link = { CRM_JOURNEY_ELEMENT_FLOW, from, to };

          g_array_append_val (links, link);
        }
  g_array_sort_with_data (links, compare_links, analysis);
  return links;
}

/**
 * crm_journeys_data_flow:
 * @links: (element-type CrmJourneyElement): from
 *   crm_journeys_data_flow_links()
 *
 * Returns: (transfer full): the channels a customer's touchpoint came
 *   through in one column, those of their next one in the other, and a
 *   link per transition, link i being @links' i-th
 */
CrmSankeyData *
crm_journeys_data_flow (CrmJourneyAnalysis *analysis,
                        GArray             *links)
{
  CrmSankeyData *data = crm_sankey_data_new (CRM_VALUE_COUNT);
  guint n = crm_journey_analysis_get_n_channels (analysis);

  /* Node c is channel c before the transition, node n + c after it. */
  for (guint column = 0; column < 2; column++)
    for (guint c = 0; c < n; c++)
      crm_sankey_data_add_node (data, crm_journey_analysis_get_channel_name (analysis, c), column);
  for (guint i = 0; i < links->len; i++)
    {
      const CrmJourneyElement *link = &g_array_index (links, CrmJourneyElement, i);

      crm_sankey_data_add_link (data, link->first, n + link->second,
                                (double) crm_journey_analysis_get_flow (analysis, link->first, link->second));
    }
  return data;
}

/**
 * crm_journeys_data_flow_table:
 * @links: (element-type CrmJourneyElement): from
 *   crm_journeys_data_flow_links()
 *
 * Returns: (transfer full): the same transitions as a chart's data, a
 *   category per link (“Web → Store”) and one series: for the table
 *   alternative, tooltips, the keyboard and screen readers
 */
CrmChartData *
crm_journeys_data_flow_table (CrmJourneyAnalysis *analysis,
                              GArray             *links)
{
  CrmChartData *data = crm_chart_data_new (CRM_VALUE_COUNT);
  guint series = crm_chart_data_add_series (data, _("Transitions"));

  for (guint i = 0; i < links->len; i++)
    {
      const CrmJourneyElement *link = &g_array_index (links, CrmJourneyElement, i);
      /* Translators: a transition from one channel to another: “Web → Store”. */
      g_autofree char *label = g_strdup_printf (_("%s → %s"),
                                                crm_journey_analysis_get_channel_name (analysis, link->first),
                                                crm_journey_analysis_get_channel_name (analysis, link->second));
      guint category = crm_chart_data_add_category (data, label);

      crm_chart_data_set_value (data, series, category,
                                (double) crm_journey_analysis_get_flow (analysis, link->first, link->second));
    }
  return data;
}

/* Top paths */

/* Returns: how many paths the view lists: the most common ones, up to
 *   %CRM_JOURNEYS_TOP_PATHS */
guint
crm_journeys_data_n_top_paths (CrmJourneyAnalysis *analysis)
{
  return MIN (crm_journey_analysis_get_n_paths (analysis), CRM_JOURNEYS_TOP_PATHS);
}

/* Fills @row with the figures of @path; clear it with
 * crm_journeys_path_row_clear(). */
void
crm_journeys_data_path_row (CrmJourneyAnalysis *analysis,
                            guint               path,
                            CrmJourneysPathRow *row)
{
  const CrmJourneyGroup *group = crm_journey_analysis_get_path_group (analysis, path);

  row->path = path;
  row->steps = crm_journey_analysis_format_path (analysis, path);
  /* Steps named in a right-to-left script are read from the right: the
   * arrows point that way too. */
  if (starts_right_to_left (row->steps))
    {
      g_auto(GStrv) steps = g_strsplit (row->steps, " → ", -1);

      g_free (row->steps);
      row->steps = g_strjoinv (" ← ", steps);
    }
  crm_journey_analysis_get_path (analysis, path, &row->n_steps);
  row->customers = group->customers;
  row->share = rate (group->customers, crm_journey_analysis_get_customers (analysis));
  row->converted = rate (group->converted, group->customers);
  row->retained = rate (group->retained, group->customers);
}

void
crm_journeys_path_row_clear (CrmJourneysPathRow *row)
{
  g_clear_pointer (&row->steps, g_free);
}

/* Moments of truth */

/* Fills @row with the figures of the type ranked @rank by measured
 * effect. */
void
crm_journeys_data_moment_row (CrmJourneyAnalysis   *analysis,
                              guint                 rank,
                              CrmJourneysMomentRow *row)
{
  guint type = crm_journey_analysis_get_ranked_type (analysis, rank);
  const CrmJourneyGroup *with = crm_journey_analysis_get_with (analysis, type);
  CrmJourneyGroup without = crm_journey_analysis_get_without (analysis, type);
  const CrmJourneyGroup *kept = crm_journey_analysis_get_retention_with (analysis, type);
  CrmJourneyGroup not_kept = crm_journey_analysis_get_retention_without (analysis, type);

  row->type = type;
  row->rank = rank;
  row->name = crm_journey_analysis_get_type_name (analysis, type);
  row->stage = crm_journey_stage_get_label (crm_journey_analysis_get_stage (analysis,
                                                                             crm_journey_analysis_get_type_stage (analysis,
                                                                                                                  type)));
  row->flagged = crm_journey_analysis_get_type_flagged (analysis, type);
  row->small_sample = crm_journey_analysis_is_small_sample (analysis, type);
  row->on_conversion = crm_journey_analysis_is_measured_on_conversion (analysis, type);
  row->on_retention = crm_journey_analysis_is_measured_on_retention (analysis, type);
  row->with = row->on_conversion ? with->customers : kept->customers;
  row->without = row->on_conversion ? without.customers : not_kept.customers;
  row->conversion_with = rate (with->converted, with->customers);
  row->conversion_without = rate (without.converted, without.customers);
  row->conversion_lift = crm_journey_analysis_get_conversion_lift (analysis, type);
  /* Buying again is measured on the buyers, by what they had after
   * buying (crm-journey-analysis.h). */
  row->retention_with = rate (kept->retained, kept->customers);
  row->retention_without = rate (not_kept.retained, not_kept.customers);
  row->retention_lift = crm_journey_analysis_get_retention_lift (analysis, type);
  row->satisfaction_with = average (with->satisfaction, with->rated);
  row->satisfaction_without = average (without.satisfaction, without.rated);
  row->satisfaction_effect = row->satisfaction_with - row->satisfaction_without;
}

/* Words */

/**
 * crm_journeys_data_summary:
 *
 * Returns: (transfer full): who was analysed, in a line: “1,234 customers,
 *   12,345 touchpoints · 40.0 % bought, 12.5 % stayed”
 */
char *
crm_journeys_data_summary (CrmJourneyAnalysis *analysis)
{
  const CrmJourneyGroup *all = crm_journey_analysis_get_all (analysis);
  gint64 touchpoints = crm_journey_analysis_get_touchpoints (analysis);
  g_autofree char *customers_number = crm_journeys_format_count (all->customers);
  g_autofree char *touchpoints_number = crm_journeys_format_count (touchpoints);
  g_autofree char *converted = crm_journeys_format_share (rate (all->converted, all->customers));
  g_autofree char *retained = crm_journeys_format_share (rate (all->retained, all->customers));
  g_autofree char *customers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer", "%s customers",
                                                             all->customers), customers_number);
  g_autofree char *touchpoints_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s touchpoint",
                                                                    "%s touchpoints", touchpoints),
                                                       touchpoints_number);

  /* Translators: the customers analysed, their touchpoints, the share
   * who bought and the share who bought again. */
  return g_strdup_printf (_("%s, %s · %s bought, %s stayed"), customers, touchpoints_text, converted, retained);
}

/**
 * crm_journeys_data_describe_element:
 *
 * Returns: (transfer full): which customers an element stands for, as
 *   the title of their list: “Awareness · Web”, “Web visit → Purchase”,
 *   “From Web to Store”, “Had Web visit before buying”, “Never had Web
 *   visit before buying”
 */
char *
crm_journeys_data_describe_element (CrmJourneyAnalysis      *analysis,
                                    const CrmJourneyElement *element)
{
  switch (element->kind)
    {
    case CRM_JOURNEY_ELEMENT_CELL:
      /* Translators: a cell of the journey map: a stage and a channel. */
      return g_strdup_printf (_("%s · %s"),
                              crm_journey_stage_get_label (crm_journey_analysis_get_stage (analysis, element->first)),
                              crm_journey_analysis_get_channel_name (analysis, element->second));
    case CRM_JOURNEY_ELEMENT_PATH:
      return crm_journey_analysis_format_path (analysis, element->first);
    case CRM_JOURNEY_ELEMENT_FLOW:
      /* Translators: customers whose touchpoint through one channel was
       * followed by one through another. */
      return g_strdup_printf (_("From %s to %s"), crm_journey_analysis_get_channel_name (analysis, element->first),
                              crm_journey_analysis_get_channel_name (analysis, element->second));
    case CRM_JOURNEY_ELEMENT_WITH_TYPE:
      /* Translators: the customers who had a touchpoint of a type before
       * they first bought (or at all, if they never bought). */
      return g_strdup_printf (_("Had %s before buying"), crm_journey_analysis_get_type_name (analysis, element->first));
    case CRM_JOURNEY_ELEMENT_WITHOUT_TYPE:
      /* Translators: the customers analysed who had no touchpoint of a
       * type before they first bought. */
      return g_strdup_printf (_("Never had %s before buying"),
                              crm_journey_analysis_get_type_name (analysis, element->first));
    case CRM_JOURNEY_ELEMENT_WITH_TYPE_AFTER_BUYING:
      /* Translators: the customers who bought and then had a touchpoint of
       * a type (before they bought again, if they did). */
      return g_strdup_printf (_("Had %s after buying"), crm_journey_analysis_get_type_name (analysis, element->first));
    case CRM_JOURNEY_ELEMENT_WITHOUT_TYPE_AFTER_BUYING:
      /* Translators: the customers who bought and then had no touchpoint
       * of a type. */
      return g_strdup_printf (_("Bought but never had %s after"),
                              crm_journey_analysis_get_type_name (analysis, element->first));
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/**
 * crm_journeys_data_element_customers:
 *
 * Returns: how many customers the analysis counted behind @element; -1
 *   for a flow, which counts transitions rather than customers
 */
gint64
crm_journeys_data_element_customers (CrmJourneyAnalysis      *analysis,
                                     const CrmJourneyElement *element)
{
  switch (element->kind)
    {
    case CRM_JOURNEY_ELEMENT_CELL:
      return crm_journey_analysis_get_cell (analysis, element->first, element->second)->customers;
    case CRM_JOURNEY_ELEMENT_PATH:
      return crm_journey_analysis_get_path_group (analysis, element->first)->customers;
    case CRM_JOURNEY_ELEMENT_WITH_TYPE:
      return crm_journey_analysis_get_with (analysis, element->first)->customers;
    case CRM_JOURNEY_ELEMENT_WITHOUT_TYPE:
      return crm_journey_analysis_get_without (analysis, element->first).customers;
    case CRM_JOURNEY_ELEMENT_WITH_TYPE_AFTER_BUYING:
      return crm_journey_analysis_get_retention_with (analysis, element->first)->customers;
    case CRM_JOURNEY_ELEMENT_WITHOUT_TYPE_AFTER_BUYING:
      return crm_journey_analysis_get_retention_without (analysis, element->first).customers;
    case CRM_JOURNEY_ELEMENT_FLOW:
    default:
      return -1;
    }
}
