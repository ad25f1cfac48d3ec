/* crm-journeys-data.h: a journey analysis (crm-journey-analysis.h) as
 * the Journeys view shows it: the journey map as heat grid data, the
 * channel flow as Sankey data, the top paths and the moments of truth as
 * rows of figures, and the words for each element. Plain functions with
 * no widgets, so the view and the printed journey report show the same
 * figures, and tests check them without a display. */
#pragma once

#include "crm-chart-data.h"
#include "crm-journey-analysis.h"
#include "crm-journey-stage.h"
#include "crm-sankey-data.h"

G_BEGIN_DECLS

/* How many of the most common paths the view lists. */
#define CRM_JOURNEYS_TOP_PATHS 15

/* One of the most common paths. Shares are of the path's customers, NAN
 * when it has none. */
typedef struct
{
  guint   path;           /* in the analysis */
  char   *steps;          /* "Web visit → Store visit → Purchase" */
  guint   n_steps;
  gint64  customers;
  double  share;          /* of all the customers analysed */
  double  converted;
  double  retained;
} CrmJourneysPathRow;

/* One touchpoint type, measured: the customers who had it against those
 * who did not. Rates are shares of each group, NAN for an empty group;
 * satisfaction is the average rating of the group's touchpoints. A type
 * measured on buying again only (service, loyalty) counts in @with and
 * @without the buyers who had it after buying and those who did not; any
 * other, the customers who had it before buying and those who did not. */
typedef struct
{
  guint        type;      /* in the analysis */
  guint        rank;      /* by measured effect, from 0 */
  const char  *name;
  const char  *stage;     /* as crm_journey_stage_get_label() gives it */
  gboolean     flagged;   /* the user's own moment-of-truth flag */
  gboolean     small_sample;
  gboolean     on_conversion;  /* measured on buying */
  gboolean     on_retention;   /* measured on buying again */
  gint64       with;
  gint64       without;
  double       conversion_with;
  double       conversion_without;
  double       conversion_lift;
  double       retention_with;
  double       retention_without;
  double       retention_lift;
  double       satisfaction_with;
  double       satisfaction_without;
  double       satisfaction_effect; /* with minus without */
} CrmJourneysMomentRow;

CrmChartData  *crm_journeys_data_map              (CrmJourneyAnalysis      *analysis);
char          *crm_journeys_data_cell_detail      (CrmJourneyAnalysis      *analysis,
                                                   guint                    stage,
                                                   guint                    channel);
char          *crm_journeys_data_describe_cell    (CrmJourneyAnalysis      *analysis,
                                                   guint                    stage,
                                                   guint                    channel);

GArray        *crm_journeys_data_flow_links       (CrmJourneyAnalysis      *analysis);
CrmSankeyData *crm_journeys_data_flow             (CrmJourneyAnalysis      *analysis,
                                                   GArray                  *links);
CrmChartData  *crm_journeys_data_flow_table       (CrmJourneyAnalysis      *analysis,
                                                   GArray                  *links);

guint          crm_journeys_data_n_top_paths      (CrmJourneyAnalysis      *analysis);
void           crm_journeys_data_path_row         (CrmJourneyAnalysis      *analysis,
                                                   guint                    path,
                                                   CrmJourneysPathRow      *row);
void           crm_journeys_path_row_clear        (CrmJourneysPathRow      *row);

void           crm_journeys_data_moment_row       (CrmJourneyAnalysis      *analysis,
                                                   guint                    rank,
                                                   CrmJourneysMomentRow    *row);

char          *crm_journeys_data_summary          (CrmJourneyAnalysis      *analysis);
char          *crm_journeys_data_describe_element (CrmJourneyAnalysis      *analysis,
                                                   const CrmJourneyElement *element);
gint64         crm_journeys_data_element_customers (CrmJourneyAnalysis     *analysis,
                                                    const CrmJourneyElement *element);

char          *crm_journeys_format_count          (gint64                   count);
char          *crm_journeys_format_share          (double                   share);
char          *crm_journeys_format_lift           (double                   lift);
char          *crm_journeys_format_rating         (double                   rating);
char          *crm_journeys_format_difference     (double                   difference);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmJourneysPathRow, crm_journeys_path_row_clear)

G_END_DECLS
