/* crm-journey-moments-table.c
 *
 * A boxed list, a row per touchpoint type in ranked order, the columns
 * lined up by size groups with their headers above the list. The rows
 * themselves take no focus: Tab goes from one customer count to the
 * next, and each is a button.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-column-list.h"
#include "crm-journey-moments-table.h"
#include "crm-journeys-data.h"

enum {
  COLUMN_RANK,
  COLUMN_WITH,
  COLUMN_WITHOUT,
  COLUMN_CONVERSION,
  COLUMN_CONVERSION_LIFT,
  COLUMN_RETENTION_LIFT,
  COLUMN_SATISFACTION,
  N_COLUMNS
};

struct _CrmJourneyMomentsTable
{
  GtkWidget           parent_instance;
  CrmColumnList       table;
  CrmJourneyAnalysis *analysis;
};

G_DEFINE_FINAL_TYPE (CrmJourneyMomentsTable, crm_journey_moments_table, GTK_TYPE_WIDGET)

enum {
  ELEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A figure, and under it in small type what it is compared with. */
static GtkWidget *
figure (CrmJourneyMomentsTable *self,
        guint                   column,
        const char             *text,
        const char             *comparison)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), crm_column_list_figure (&self->table, -1, text));
  if (comparison != NULL)
    {
      GtkWidget *small = crm_column_list_figure (&self->table, -1, comparison);

      gtk_widget_add_css_class (small, "caption");
      gtk_widget_add_css_class (small, "dim-label");
      gtk_box_append (GTK_BOX (box), small);
    }
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_size_group_add_widget (self->table.columns[column], box);
  return box;
}

static void
on_count_clicked (GtkButton              *button,
                  CrmJourneyMomentsTable *self)
{
  CrmJourneyElement element = {
    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind")),
    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "type")),
    0,
  };

  if (self->analysis != NULL)
    g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, &element);
}

/* A group's customers as a button that lists them. */
static GtkWidget *
count_button (CrmJourneyMomentsTable     *self,
              const CrmJourneysMomentRow *row,
              gboolean                    with)
{
  gint64 customers = with ? row->with : row->without;
  g_autofree char *count = crm_journeys_format_count (customers);
  g_autofree char *tooltip = NULL;
  GtkWidget *button = gtk_button_new_with_label (count);

  if (with && row->on_conversion)
    /* Translators: the tooltip of a count of customers: “List the 1,234
     * customers who had Store visit before buying”. */
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "List the %s customer who had %s before buying",
                                            "List the %s customers who had %s before buying", customers),
                               count, row->name);
  else if (row->on_conversion)
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "List the %s customer who never had %s before buying",
                                            "List the %s customers who never had %s before buying", customers),
                               count, row->name);
  else if (with)
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "List the %s customer who had %s after buying",
                                            "List the %s customers who had %s after buying", customers),
                               count, row->name);
  else
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "List the %s customer who bought but never had %s after",
                                            "List the %s customers who bought but never had %s after", customers),
                               count, row->name);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "numeric");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_sensitive (button, customers > 0);
  g_object_set_data (G_OBJECT (button), "kind",
                     GUINT_TO_POINTER (row->on_conversion
                                       ? (with ? CRM_JOURNEY_ELEMENT_WITH_TYPE : CRM_JOURNEY_ELEMENT_WITHOUT_TYPE)
                                       : (with ? CRM_JOURNEY_ELEMENT_WITH_TYPE_AFTER_BUYING
                                               : CRM_JOURNEY_ELEMENT_WITHOUT_TYPE_AFTER_BUYING)));
  g_object_set_data (G_OBJECT (button), "type", GUINT_TO_POINTER (row->type));
  g_signal_connect (button, "clicked", G_CALLBACK (on_count_clicked), self);
  gtk_size_group_add_widget (self->table.columns[with ? COLUMN_WITH : COLUMN_WITHOUT], button);
  return button;
}

/* A small label beside a type's stage: the user's flag, a small sample. */
static GtkWidget *
tag (const char *text,
     const char *css_class,
     const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

static GtkWidget *
make_row (CrmJourneyMomentsTable *self,
          guint                   rank)
{
  CrmJourneysMomentRow figures;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *figures_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name, *stage, *rank_label;
  g_autofree char *rank_text = NULL;
  g_autofree char *conversion_with = NULL;
  g_autofree char *conversion_without = NULL;
  g_autofree char *conversion_against = NULL;
  g_autofree char *conversion_lift = NULL;
  g_autofree char *retention_with = NULL;
  g_autofree char *retention_without = NULL;
  g_autofree char *retention_against = NULL;
  g_autofree char *retention_lift = NULL;
  g_autofree char *satisfaction_with = NULL;
  g_autofree char *satisfaction_without = NULL;
  g_autofree char *satisfaction_against = NULL;
  g_autofree char *satisfaction_effect = NULL;
  g_autofree char *with_count = NULL;
  g_autofree char *without_count = NULL;
  g_autofree char *description = NULL;

  crm_journeys_data_moment_row (self->analysis, rank, &figures);
  rank_text = g_strdup_printf ("%u", rank + 1);
  conversion_with = crm_journeys_format_share (figures.conversion_with);
  conversion_without = crm_journeys_format_share (figures.conversion_without);
  conversion_lift = crm_journeys_format_lift (figures.conversion_lift);
  retention_with = crm_journeys_format_share (figures.retention_with);
  retention_without = crm_journeys_format_share (figures.retention_without);
  retention_lift = crm_journeys_format_lift (figures.retention_lift);
  satisfaction_with = crm_journeys_format_rating (figures.satisfaction_with);
  satisfaction_without = crm_journeys_format_rating (figures.satisfaction_without);
  satisfaction_effect = crm_journeys_format_difference (figures.satisfaction_effect);
  /* Translators: under a figure of the customers who had a touchpoint,
   * the same figure of those who did not: “vs 18.0 %”. */
  conversion_against = g_strdup_printf (_("vs %s"), conversion_without);
  retention_against = g_strdup_printf (_("%s vs %s"), retention_with, retention_without);
  satisfaction_against = g_strdup_printf (_("%s vs %s"), satisfaction_with, satisfaction_without);
  with_count = crm_journeys_format_count (figures.with);
  without_count = crm_journeys_format_count (figures.without);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  rank_label = crm_column_list_figure (&self->table, COLUMN_RANK, rank_text);
  gtk_widget_add_css_class (rank_label, "dim-label");

  name = gtk_label_new (figures.name);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  stage = gtk_label_new (figures.stage);
  gtk_widget_add_css_class (stage, "caption");
  gtk_widget_add_css_class (stage, "dim-label");
  gtk_box_append (GTK_BOX (tags), stage);
  if (figures.flagged)
    gtk_box_append (GTK_BOX (tags), tag (_("★ Flagged by you"), "accent",
                                         _("You marked this touchpoint type a moment of truth")));
  if (figures.small_sample)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Fewer than %d customers had it or did not: the figures may "
                                                    "be chance"), CRM_JOURNEY_MIN_SAMPLE);

      gtk_box_append (GTK_BOX (tags), tag (_("Small sample"), "warning", tooltip));
    }
  gtk_box_append (GTK_BOX (name_box), name);
  gtk_box_append (GTK_BOX (name_box), tags);
  gtk_widget_set_hexpand (name_box, TRUE);
  gtk_widget_set_valign (name_box, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (figures_box), count_button (self, &figures, TRUE));
  gtk_box_append (GTK_BOX (figures_box), count_button (self, &figures, FALSE));
  {
    GtkWidget *conversion = figure (self, COLUMN_CONVERSION, conversion_with, conversion_against);
    GtkWidget *conversion_lift_figure = figure (self, COLUMN_CONVERSION_LIFT, conversion_lift, NULL);
    GtkWidget *retention_lift_figure = figure (self, COLUMN_RETENTION_LIFT, retention_lift, retention_against);

    /* What the type is not measured on is there, but says less. */
    if (!figures.on_conversion)
      {
        gtk_widget_add_css_class (conversion, "dim-label");
        gtk_widget_add_css_class (conversion_lift_figure, "dim-label");
      }
    if (!figures.on_retention)
      gtk_widget_add_css_class (retention_lift_figure, "dim-label");
    gtk_box_append (GTK_BOX (figures_box), conversion);
    gtk_box_append (GTK_BOX (figures_box), conversion_lift_figure);
    gtk_box_append (GTK_BOX (figures_box), retention_lift_figure);
  }
  gtk_box_append (GTK_BOX (figures_box), figure (self, COLUMN_SATISFACTION, satisfaction_effect,
                                                 satisfaction_against));
  /* Figures of a small sample are there, but say less. */
  if (figures.small_sample)
    gtk_widget_add_css_class (figures_box, "dim-label");

  gtk_box_append (GTK_BOX (box), rank_label);
  gtk_box_append (GTK_BOX (box), name_box);
  gtk_box_append (GTK_BOX (box), figures_box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  /* Translators: a touchpoint type measured, for screen readers: its
   * rank, name, the customers with and without it, conversion with and
   * without, the lifts, and the satisfaction effect. */
  description = g_strdup_printf (_("%s. %s: %s customers had it, %s did not; %s of them bought against %s, "
                                   "conversion lift %s, retention lift %s, satisfaction %s"),
                                 rank_text, figures.name, with_count, without_count, conversion_with,
                                 conversion_without, conversion_lift, retention_lift, satisfaction_effect);
  if (figures.flagged || figures.small_sample)
    {
      g_autofree char *plain = g_steal_pointer (&description);

      description = g_strdup_printf ("%s%s%s", plain, figures.flagged ? _("; flagged by you as a moment of truth") : "",
                                     figures.small_sample ? _("; small sample") : "");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (row), "type", GUINT_TO_POINTER (figures.type));
  return row;
}

static GtkWidget *
make_header (CrmJourneyMomentsTable *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const struct { int column; const char *title; const char *tooltip; } titles[] = {
    { COLUMN_RANK, "", NULL },
    { -1, N_("Touchpoint"), NULL },
    /* Translators: a column: the customers who had a touchpoint type. */
    { COLUMN_WITH, N_("Had It"),
      N_("Customers who had a touchpoint of this type before they bought (or at all, if they never did); "
         "for service and loyalty types, the buyers who had one after buying") },
    /* Translators: a column: the customers analysed who did not. */
    { COLUMN_WITHOUT, N_("Never"), N_("The others: those who had none in that time") },
    { COLUMN_CONVERSION, N_("Bought"), N_("The share of those who had it who bought, against the share of the others") },
    { COLUMN_CONVERSION_LIFT, N_("Conversion Lift"), N_("How many times as often those who had it bought") },
    { COLUMN_RETENTION_LIFT, N_("Retention Lift"),
      N_("Of the customers who bought: how many times as often those who had it after buying bought again, "
         "against the share of the others") },
    { COLUMN_SATISFACTION, N_("Satisfaction"),
      N_("The average rating of those who had it, less that of the others (1 to 5)") },
  };

  gtk_widget_set_margin_start (header, 13);
  gtk_widget_set_margin_end (header, 7);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *title = *titles[i].title != '\0' ? _(titles[i].title) : "";
      GtkWidget *label = crm_column_list_heading (&self->table, titles[i].column, title);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      if (titles[i].tooltip != NULL)
        gtk_widget_set_tooltip_text (label, _(titles[i].tooltip));
      if (titles[i].column < 0)
        {
          gtk_box_append (GTK_BOX (header), label);
          continue;
        }
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (titles[i].column == COLUMN_RANK ? header : figures), label);
    }
  gtk_box_append (GTK_BOX (header), figures);
  return header;
}

static void
crm_journey_moments_table_dispose (GObject *object)
{
  CrmJourneyMomentsTable *self = (CrmJourneyMomentsTable *) object;

  crm_column_list_clear (&self->table);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (crm_journey_moments_table_parent_class)->dispose (object);
}

static void
crm_journey_moments_table_class_init (CrmJourneyMomentsTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_journey_moments_table_dispose;

  /**
   * CrmJourneyMomentsTable::element-activated:
   * @element: (type gpointer): the #CrmJourneyElement: the customers with
   *   or without a type
   *
   * A count of customers was activated: those customers are wanted.
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_journey_moments_table_init (CrmJourneyMomentsTable *self)
{
  crm_column_list_init (&self->table, GTK_WIDGET (self), N_COLUMNS, _("Moments of Truth, Measured"));
  crm_column_list_set_header (&self->table, make_header (self));
}

GtkWidget *
crm_journey_moments_table_new (void)
{
  return g_object_new (CRM_TYPE_JOURNEY_MOMENTS_TABLE, NULL);
}

/**
 * crm_journey_moments_table_set_analysis:
 * @analysis: (nullable): the analysis whose touchpoint types to rank
 */
void
crm_journey_moments_table_set_analysis (CrmJourneyMomentsTable *self,
                                        CrmJourneyAnalysis     *analysis)
{
  g_return_if_fail (CRM_IS_JOURNEY_MOMENTS_TABLE (self));
  g_return_if_fail (analysis == NULL || CRM_IS_JOURNEY_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  crm_column_list_remove_rows (&self->table);
  if (analysis == NULL)
    return;
  for (guint rank = 0; rank < crm_journey_analysis_get_n_types (analysis); rank++)
    gtk_list_box_append (self->table.list, make_row (self, rank));
}

/* Returns: (transfer none): the list, a row per type in ranked order */
GtkListBox *
crm_journey_moments_table_get_list (CrmJourneyMomentsTable *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_MOMENTS_TABLE (self), NULL);
  return self->table.list;
}
