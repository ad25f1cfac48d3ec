/* crm-journey-analysis.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "crm-journey-analysis-private.h"

typedef struct
{
  gint64  id;
  char   *name;
  guint   stage;
  gboolean flagged;
} Type;

typedef struct
{
  gint64  id;
  char   *name;
} Channel;

/* A path: its steps (type indices) and who took it. */
typedef struct
{
  guint           length;
  guint           steps[CRM_JOURNEY_MAX_PATH_LENGTH];
  CrmJourneyGroup group;
} Path;

struct _CrmJourneyAnalysis
{
  GObject          parent_instance;
  GPtrArray       *stages;     /* of char * */
  GArray          *channels;   /* of Channel */
  GArray          *types;      /* of Type */
  CrmJourneyCell  *cells;      /* stage × channel */
  gint64          *flows;      /* channel × channel */
  CrmJourneyGroup *with;       /* per type: had it before buying */
  CrmJourneyGroup *kept;       /* per type: had it after buying, before buying again */
  CrmJourneyGroup  all;
  CrmJourneyGroup  all_converted;
  gint64           touchpoints;
  GHashTable      *path_index; /* Path * (its steps) → itself */
  GPtrArray       *paths;      /* of Path *, most taken first once finished */
  GArray          *ranked;     /* of guint type indices, most effective first */
  char            *segment;
  CrmPeriod       *period;

  /* The element whose customers are listed, if any, and those found. */
  gboolean          watching;
  CrmJourneyElement watch;
  Path              watch_path;
  guint             watch_limit;
  GArray           *watched;   /* of gint64 customer ids */

  /* The customer being read. */
  gint64           customer;
  gboolean         touched;          /* had a touchpoint in the period */
  gint64           first_order_at;   /* G_MAXINT64 if none */
  gint64           second_order_at;
  gboolean         watch_flow_seen;
  gboolean         converted;
  gboolean         retained;
  guint8          *type_seen;  /* per type: SEEN_BEFORE_BUYING | SEEN_AFTER_BUYING */
  guint8          *cell_seen;
  GArray          *touched_types;
  GArray          *touched_cells;
  Path             path;
  int              last_channel;
  gint64           rated;
  gint64           satisfaction;
};

G_DEFINE_FINAL_TYPE (CrmJourneyAnalysis, crm_journey_analysis, G_TYPE_OBJECT)

/* When a customer had a type: whether it can have led them to buy, or,
 * once they had bought, to buy again. */
enum
{
  SEEN_BEFORE_BUYING = 1 << 0,
  SEEN_AFTER_BUYING  = 1 << 1,
};

static void
clear_type (gpointer data)
{
  g_free (((Type *) data)->name);
}

static void
clear_channel (gpointer data)
{
  g_free (((Channel *) data)->name);
}

static guint
path_hash (gconstpointer key)
{
  const Path *path = key;
  guint hash = path->length;

  for (guint i = 0; i < path->length; i++)
    hash = hash * 31 + path->steps[i];
  return hash;
}

static gboolean
path_equal (gconstpointer a,
            gconstpointer b)
{
  const Path *x = a, *y = b;

  return x->length == y->length && memcmp (x->steps, y->steps, x->length * sizeof (guint)) == 0;
}

static void
crm_journey_analysis_finalize (GObject *object)
{
  CrmJourneyAnalysis *self = CRM_JOURNEY_ANALYSIS (object);

  g_ptr_array_unref (self->stages);
  g_array_unref (self->channels);
  g_array_unref (self->types);
  g_free (self->cells);
  g_free (self->flows);
  g_free (self->with);
  g_free (self->kept);
  g_hash_table_unref (self->path_index);
  g_ptr_array_unref (self->paths);
  g_clear_pointer (&self->ranked, g_array_unref);
  g_free (self->type_seen);
  g_free (self->cell_seen);
  g_array_unref (self->touched_types);
  g_array_unref (self->touched_cells);
  g_free (self->segment);
  g_clear_pointer (&self->period, crm_period_free);
  g_clear_pointer (&self->watched, g_array_unref);
  G_OBJECT_CLASS (crm_journey_analysis_parent_class)->finalize (object);
}

static void
crm_journey_analysis_class_init (CrmJourneyAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_journey_analysis_finalize;
}

static void
crm_journey_analysis_init (CrmJourneyAnalysis *self)
{
  self->stages = g_ptr_array_new_with_free_func (g_free);
  self->channels = g_array_new (FALSE, TRUE, sizeof (Channel));
  g_array_set_clear_func (self->channels, clear_channel);
  self->types = g_array_new (FALSE, TRUE, sizeof (Type));
  g_array_set_clear_func (self->types, clear_type);
  self->path_index = g_hash_table_new (path_hash, path_equal);
  self->paths = g_ptr_array_new_with_free_func (g_free);
  self->touched_types = g_array_new (FALSE, FALSE, sizeof (guint));
  self->touched_cells = g_array_new (FALSE, FALSE, sizeof (guint));
}

CrmJourneyAnalysis *
crm_journey_analysis_new (void)
{
  return g_object_new (CRM_TYPE_JOURNEY_ANALYSIS, NULL);
}

/* What was analysed: @segment (or all customers) over @period (or all
 * time). */
void
crm_journey_analysis_set_scope (CrmJourneyAnalysis *self,
                                const char         *segment,
                                const CrmPeriod    *period)
{
  g_free (self->segment);
  self->segment = g_strdup (segment);
  g_clear_pointer (&self->period, crm_period_free);
  self->period = period != NULL ? crm_period_copy (period) : NULL;
}

/* Collects the ids of the first @limit customers behind @element (in the
 * order they are read) instead of only counting them. A path's steps come
 * in @path, as this analysis's type indices. */
void
crm_journey_analysis_watch (CrmJourneyAnalysis      *self,
                            const CrmJourneyElement *element,
                            const guint             *path,
                            guint                    path_length,
                            guint                    limit)
{
  g_return_if_fail (path_length <= CRM_JOURNEY_MAX_PATH_LENGTH);

  self->watching = TRUE;
  self->watch = *element;
  self->watch_path.length = path_length;
  if (path_length > 0)
    memcpy (self->watch_path.steps, path, path_length * sizeof (guint));
  self->watch_limit = limit;
  g_clear_pointer (&self->watched, g_array_unref);
  self->watched = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Returns: whether as many customers as asked for have been found */
gboolean
crm_journey_analysis_watch_is_full (CrmJourneyAnalysis *self)
{
  return self->watching && self->watched->len >= self->watch_limit;
}

/* Returns: (transfer full): the watched customers' ids */
GArray *
crm_journey_analysis_steal_watched (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (self->watching, NULL);
  return g_steal_pointer (&self->watched);
}

/* Stages, channels and types come before the first customer. */

guint
crm_journey_analysis_add_stage (CrmJourneyAnalysis *self,
                                const char         *name)
{
  g_return_val_if_fail (self->cells == NULL, 0);
  g_ptr_array_add (self->stages, g_strdup (name));
  return self->stages->len - 1;
}

guint
crm_journey_analysis_add_channel (CrmJourneyAnalysis *self,
                                  gint64              id,
                                  const char         *name)
{
  Channel channel = { id, g_strdup (name) };

  g_return_val_if_fail (self->cells == NULL, 0);
  g_array_append_val (self->channels, channel);
  return self->channels->len - 1;
}

guint
crm_journey_analysis_add_type (CrmJourneyAnalysis *self,
                               gint64              id,
                               const char         *name,
                               guint               stage,
                               gboolean            flagged)
{
  Type type = { id, g_strdup (name), stage, flagged };

  g_return_val_if_fail (self->cells == NULL, 0);
  g_return_val_if_fail (stage < self->stages->len, 0);
  g_array_append_val (self->types, type);
  return self->types->len - 1;
}

static void
allocate (CrmJourneyAnalysis *self)
{
  guint n_cells = self->stages->len * self->channels->len;

  self->cells = g_new0 (CrmJourneyCell, MAX (n_cells, 1));
  self->flows = g_new0 (gint64, MAX (self->channels->len * self->channels->len, 1));
  self->with = g_new0 (CrmJourneyGroup, MAX (self->types->len, 1));
  self->kept = g_new0 (CrmJourneyGroup, MAX (self->types->len, 1));
  self->type_seen = g_new0 (guint8, MAX (self->types->len, 1));
  self->cell_seen = g_new0 (guint8, MAX (n_cells, 1));
}

/**
 * crm_journey_analysis_begin_customer:
 * @customer: the customer's id
 * @orders: the customer's completed transactions in the period
 * @first_order_at: when the first of them was, %G_MAXINT64 if none
 * @second_order_at: when the second was, %G_MAXINT64 if none
 */
void
crm_journey_analysis_begin_customer (CrmJourneyAnalysis *self,
                                     gint64              customer,
                                     gint64              orders,
                                     gint64              first_order_at,
                                     gint64              second_order_at)
{
  if (self->cells == NULL)
    allocate (self);
  self->customer = customer;
  self->first_order_at = orders >= 1 ? first_order_at : G_MAXINT64;
  self->second_order_at = orders >= 2 ? second_order_at : G_MAXINT64;
  self->watch_flow_seen = FALSE;
  self->converted = orders >= 1;
  self->retained = orders >= 2;
  self->touched = FALSE;
  self->path.length = 0;
  self->last_channel = -1;
  self->rated = 0;
  self->satisfaction = 0;
}

/* The customer's next touchpoint, in time order, which happened at @time. */
void
crm_journey_analysis_add_touchpoint (CrmJourneyAnalysis *self,
                                     guint               type,
                                     guint               channel,
                                     int                 satisfaction,
                                     gint64              time)
{
  guint stage, cell, seen;

  g_return_if_fail (type < self->types->len && channel < self->channels->len);

  stage = g_array_index (self->types, Type, type).stage;
  cell = stage * self->channels->len + channel;
  self->touchpoints++;
  self->cells[cell].touchpoints++;
  if (satisfaction > 0)
    {
      self->cells[cell].rated++;
      self->cells[cell].satisfaction += satisfaction;
      self->rated++;
      self->satisfaction += satisfaction;
    }
  if (!self->cell_seen[cell])
    {
      self->cell_seen[cell] = TRUE;
      g_array_append_val (self->touched_cells, cell);
    }
  /* A touchpoint at the moment of the purchase is the purchase itself:
   * neither what led to it nor what came of it. */
  seen = time < self->first_order_at ? SEEN_BEFORE_BUYING
       : time > self->first_order_at && time < self->second_order_at ? SEEN_AFTER_BUYING
       : 0;
  if (seen != 0 && !(self->type_seen[type] & seen))
    {
      if (self->type_seen[type] == 0)
        g_array_append_val (self->touched_types, type);
      self->type_seen[type] |= seen;
    }
  self->touched = TRUE;
  /* A path is the way to the first purchase (the whole journey of those
   * who never bought): what comes after it would make every buyer's path
   * unlike every other's. Consecutive repeats are one step. */
  if (time < self->first_order_at && self->path.length < CRM_JOURNEY_MAX_PATH_LENGTH &&
      (self->path.length == 0 || self->path.steps[self->path.length - 1] != type))
    self->path.steps[self->path.length++] = type;
  if (self->last_channel >= 0 && (guint) self->last_channel != channel)
    {
      self->flows[self->last_channel * self->channels->len + channel]++;
      if (self->watching && self->watch.kind == CRM_JOURNEY_ELEMENT_FLOW &&
          self->watch.first == (guint) self->last_channel && self->watch.second == channel)
        self->watch_flow_seen = TRUE;
    }
  self->last_channel = channel;
}

static void
add_to_group (CrmJourneyGroup    *group,
              CrmJourneyAnalysis *self)
{
  group->customers++;
  group->converted += self->converted;
  group->retained += self->retained;
  group->rated += self->rated;
  group->satisfaction += self->satisfaction;
}

/* Whether the customer just read is behind the watched element. */
static gboolean
is_watched (CrmJourneyAnalysis *self)
{
  const CrmJourneyElement *element = &self->watch;

  switch (element->kind)
    {
    case CRM_JOURNEY_ELEMENT_CELL:
      return element->first < self->stages->len && element->second < self->channels->len &&
             self->cell_seen[element->first * self->channels->len + element->second];
    case CRM_JOURNEY_ELEMENT_PATH:
      return path_equal (&self->path, &self->watch_path);
    case CRM_JOURNEY_ELEMENT_FLOW:
      return self->watch_flow_seen;
    case CRM_JOURNEY_ELEMENT_WITH_TYPE:
      return element->first < self->types->len && (self->type_seen[element->first] & SEEN_BEFORE_BUYING);
    case CRM_JOURNEY_ELEMENT_WITHOUT_TYPE:
      return element->first < self->types->len && !(self->type_seen[element->first] & SEEN_BEFORE_BUYING);
    case CRM_JOURNEY_ELEMENT_WITH_TYPE_AFTER_BUYING:
      return element->first < self->types->len && self->converted &&
             (self->type_seen[element->first] & SEEN_AFTER_BUYING);
    case CRM_JOURNEY_ELEMENT_WITHOUT_TYPE_AFTER_BUYING:
      return element->first < self->types->len && self->converted &&
             !(self->type_seen[element->first] & SEEN_AFTER_BUYING);
    default:
      g_return_val_if_reached (FALSE);
    }
}

void
crm_journey_analysis_end_customer (CrmJourneyAnalysis *self)
{
  Path *path;

  /* A customer without a touchpoint in the period is not analysed. */
  if (!self->touched)
    return;
  if (self->watching && self->watched->len < self->watch_limit && is_watched (self))
    g_array_append_val (self->watched, self->customer);
  add_to_group (&self->all, self);
  if (self->converted)
    add_to_group (&self->all_converted, self);
  for (guint i = 0; i < self->touched_types->len; i++)
    {
      guint type = g_array_index (self->touched_types, guint, i);

      if (self->type_seen[type] & SEEN_BEFORE_BUYING)
        add_to_group (&self->with[type], self);
      if (self->type_seen[type] & SEEN_AFTER_BUYING)
        add_to_group (&self->kept[type], self);
      self->type_seen[type] = 0;
    }
  for (guint i = 0; i < self->touched_cells->len; i++)
    {
      guint cell = g_array_index (self->touched_cells, guint, i);

      self->cells[cell].customers++;
      self->cell_seen[cell] = FALSE;
    }
  g_array_set_size (self->touched_types, 0);
  g_array_set_size (self->touched_cells, 0);

  /* A buyer with no touchpoint before buying took no path to it. */
  if (self->path.length == 0)
    return;
  path = g_hash_table_lookup (self->path_index, &self->path);
  if (path == NULL)
    {
      path = g_new0 (Path, 1);
      path->length = self->path.length;
      memcpy (path->steps, self->path.steps, sizeof path->steps);
      g_hash_table_add (self->path_index, path);
      g_ptr_array_add (self->paths, path);
    }
  add_to_group (&path->group, self);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  const Path *x = *(const Path * const *) a, *y = *(const Path * const *) b;

  if (x->group.customers != y->group.customers)
    return x->group.customers > y->group.customers ? -1 : 1;
  if (x->length != y->length)
    return x->length < y->length ? -1 : 1;
  return memcmp (x->steps, y->steps, x->length * sizeof (guint));
}

static double
rate (gint64 part,
      gint64 whole)
{
  return whole > 0 ? (double) part / whole : NAN;
}

static gboolean
is_small_conversion_sample (CrmJourneyAnalysis *self,
                            guint               type)
{
  return self->with[type].customers < CRM_JOURNEY_MIN_SAMPLE ||
         self->all.customers - self->with[type].customers < CRM_JOURNEY_MIN_SAMPLE;
}

static gboolean
is_small_retention_sample (CrmJourneyAnalysis *self,
                           guint               type)
{
  return self->kept[type].customers < CRM_JOURNEY_MIN_SAMPLE ||
         self->all_converted.customers - self->kept[type].customers < CRM_JOURNEY_MIN_SAMPLE;
}

/* How many percentage points more of the customers who had the type
 * bought, or, having bought, bought again, than of those who did not;
 * -G_MAXDOUBLE where that cannot be told. */
static double
effect (CrmJourneyAnalysis *self,
        guint               type,
        gboolean            retention)
{
  double difference;

  if (retention)
    {
      CrmJourneyGroup without = crm_journey_analysis_get_retention_without (self, type);

      difference = rate (self->kept[type].retained, self->kept[type].customers) -
                   rate (without.retained, without.customers);
    }
  else
    {
      CrmJourneyGroup without = crm_journey_analysis_get_without (self, type);

      difference = rate (self->with[type].converted, self->with[type].customers) -
                   rate (without.converted, without.customers);
    }
  return isnan (difference) ? -G_MAXDOUBLE : difference;
}

/* What a type is measured on: its journey stage says what it is for.
 * Awareness, consideration and purchase lead to buying; service and
 * loyalty to buying again; a stage of the user's own, either. Measuring
 * a consideration touchpoint on buying again would credit it with the
 * next purchase it led to, and rank every pre-purchase type high. */
enum
{
  MEASURE_CONVERSION = 1 << 0,
  MEASURE_RETENTION  = 1 << 1,
};

static guint
measures_of (CrmJourneyAnalysis *self,
             guint               type)
{
  static const char * const before_buying[] = { "awareness", "consideration", "purchase" };
  static const char * const after_buying[] = { "service", "loyalty" };
  const char *stage = g_ptr_array_index (self->stages, g_array_index (self->types, Type, type).stage);

  if (g_strv_contains ((const char * const *) before_buying, stage))
    return MEASURE_CONVERSION;
  if (g_strv_contains ((const char * const *) after_buying, stage))
    return MEASURE_RETENTION;
  return MEASURE_CONVERSION | MEASURE_RETENTION;
}

static gboolean
is_small_measured_sample (CrmJourneyAnalysis *self,
                          guint               type)
{
  guint measures = measures_of (self, type);

  return (!(measures & MEASURE_CONVERSION) || is_small_conversion_sample (self, type)) &&
         (!(measures & MEASURE_RETENTION) || is_small_retention_sample (self, type));
}

/* What ranks a type: its effect on what it is measured on (the larger of
 * the two for a stage of the user's own), counting only a comparison
 * with enough customers behind it, unless none has. */
static double
rank_effect (CrmJourneyAnalysis *self,
             guint               type)
{
  guint measures = measures_of (self, type);
  gboolean all_small = is_small_measured_sample (self, type);
  double best = -G_MAXDOUBLE;

  if ((measures & MEASURE_CONVERSION) && (all_small || !is_small_conversion_sample (self, type)))
    best = MAX (best, effect (self, type, FALSE));
  if ((measures & MEASURE_RETENTION) && (all_small || !is_small_retention_sample (self, type)))
    best = MAX (best, effect (self, type, TRUE));
  return best;
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  CrmJourneyAnalysis *ranking_of = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  gboolean small_x = crm_journey_analysis_is_small_sample (ranking_of, x);
  gboolean small_y = crm_journey_analysis_is_small_sample (ranking_of, y);
  double ex, ey;

  if (small_x != small_y)
    return small_x ? 1 : -1;
  ex = rank_effect (ranking_of, x);
  ey = rank_effect (ranking_of, y);
  if (ex != ey)
    return ex > ey ? -1 : 1;
  return (x > y) - (x < y);
}

/* Paths most taken first; types by their measured effect. */
void
crm_journey_analysis_finish (CrmJourneyAnalysis *self)
{
  if (self->cells == NULL)
    allocate (self);
  g_ptr_array_sort (self->paths, compare_paths);
  self->ranked = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->types->len);
  for (guint t = 0; t < self->types->len; t++)
    g_array_append_val (self->ranked, t);
  g_array_sort_with_data (self->ranked, compare_ranks, self);
}

/* Accessors */

/* Returns: (nullable): the segment analysed; %NULL for all customers */
const char *
crm_journey_analysis_get_segment (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  return self->segment;
}

/* Returns: (nullable): the period analysed; %NULL for all time */
const CrmPeriod *
crm_journey_analysis_get_period (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  return self->period;
}

/* Returns: the customers with a touchpoint in the period */
gint64
crm_journey_analysis_get_customers (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  return self->all.customers;
}

gint64
crm_journey_analysis_get_touchpoints (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  return self->touchpoints;
}

/* Returns: everyone analysed, as one group */
const CrmJourneyGroup *
crm_journey_analysis_get_all (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  return &self->all;
}

guint
crm_journey_analysis_get_n_stages (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  return self->stages->len;
}

const char *
crm_journey_analysis_get_stage (CrmJourneyAnalysis *self,
                                guint               stage)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  g_return_val_if_fail (stage < self->stages->len, NULL);
  return g_ptr_array_index (self->stages, stage);
}

guint
crm_journey_analysis_get_n_channels (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  return self->channels->len;
}

gint64
crm_journey_analysis_get_channel_id (CrmJourneyAnalysis *self,
                                     guint               channel)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  g_return_val_if_fail (channel < self->channels->len, 0);
  return g_array_index (self->channels, Channel, channel).id;
}

const char *
crm_journey_analysis_get_channel_name (CrmJourneyAnalysis *self,
                                       guint               channel)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  g_return_val_if_fail (channel < self->channels->len, NULL);
  return g_array_index (self->channels, Channel, channel).name;
}

guint
crm_journey_analysis_get_n_types (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  return self->types->len;
}

static const Type *
type_at (CrmJourneyAnalysis *self,
         guint               type)
{
  g_return_val_if_fail (type < self->types->len, NULL);
  return &g_array_index (self->types, Type, type);
}

gint64
crm_journey_analysis_get_type_id (CrmJourneyAnalysis *self,
                                  guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  return type < self->types->len ? type_at (self, type)->id : 0;
}

const char *
crm_journey_analysis_get_type_name (CrmJourneyAnalysis *self,
                                    guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  return type < self->types->len ? type_at (self, type)->name : NULL;
}

guint
crm_journey_analysis_get_type_stage (CrmJourneyAnalysis *self,
                                     guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  return type < self->types->len ? type_at (self, type)->stage : 0;
}

/* Returns: whether the user flagged the type as a moment of truth */
gboolean
crm_journey_analysis_get_type_flagged (CrmJourneyAnalysis *self,
                                       guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), FALSE);
  return type < self->types->len && type_at (self, type)->flagged;
}

const CrmJourneyCell *
crm_journey_analysis_get_cell (CrmJourneyAnalysis *self,
                               guint               stage,
                               guint               channel)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  g_return_val_if_fail (stage < self->stages->len && channel < self->channels->len, NULL);
  return &self->cells[stage * self->channels->len + channel];
}

/* Paths, the most taken first. */
guint
crm_journey_analysis_get_n_paths (CrmJourneyAnalysis *self)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  return self->paths->len;
}

/* Returns: the path's steps, as type indices */
const guint *
crm_journey_analysis_get_path (CrmJourneyAnalysis *self,
                               guint               path,
                               guint              *length)
{
  Path *found;

  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  g_return_val_if_fail (path < self->paths->len, NULL);
  found = g_ptr_array_index (self->paths, path);
  *length = found->length;
  return found->steps;
}

const CrmJourneyGroup *
crm_journey_analysis_get_path_group (CrmJourneyAnalysis *self,
                                     guint               path)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  g_return_val_if_fail (path < self->paths->len, NULL);
  return &((Path *) g_ptr_array_index (self->paths, path))->group;
}

/* Returns: (transfer full): the path's type names joined by arrows */
char *
crm_journey_analysis_format_path (CrmJourneyAnalysis *self,
                                  guint               path)
{
  GString *text = g_string_new (NULL);
  guint length;
  const guint *steps = crm_journey_analysis_get_path (self, path, &length);

  for (guint i = 0; i < length; i++)
    g_string_append_printf (text, "%s%s", i ? " → " : "", crm_journey_analysis_get_type_name (self, steps[i]));
  return g_string_free (text, FALSE);
}

/* Returns: how often a customer's next touchpoint came through
 *   @to_channel after one through @from_channel (a channel to itself is
 *   no flow, and 0) */
gint64
crm_journey_analysis_get_flow (CrmJourneyAnalysis *self,
                               guint               from_channel,
                               guint               to_channel)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  g_return_val_if_fail (from_channel < self->channels->len && to_channel < self->channels->len, 0);
  return self->flows[from_channel * self->channels->len + to_channel];
}

/* Moments of truth. A touchpoint can lead a customer to buy only before
 * they do, and to buy again only after: conversion is measured on what
 * customers had before their first purchase (everything, for those who
 * never bought), retention on what the customers who bought had between
 * their first purchase and the second. Otherwise what comes with buying
 * (the order, the delivery, the support) would rank first. */

/* Returns: the customers who had a touchpoint of @type before they first
 *   bought (or at all, if they never did) */
const CrmJourneyGroup *
crm_journey_analysis_get_with (CrmJourneyAnalysis *self,
                               guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  g_return_val_if_fail (type < self->types->len, NULL);
  return &self->with[type];
}

/* Returns: the customers analysed who had none of @type before they first
 *   bought */
CrmJourneyGroup
crm_journey_analysis_get_without (CrmJourneyAnalysis *self,
                                  guint               type)
{
  CrmJourneyGroup without = { 0 };
  const CrmJourneyGroup *with;

  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), without);
  g_return_val_if_fail (type < self->types->len, without);
  with = &self->with[type];
  without.customers = self->all.customers - with->customers;
  without.converted = self->all.converted - with->converted;
  without.retained = self->all.retained - with->retained;
  without.rated = self->all.rated - with->rated;
  without.satisfaction = self->all.satisfaction - with->satisfaction;
  return without;
}

/* Returns: the customers who bought and had a touchpoint of @type after
 *   their first purchase and before their second (or after the first, if
 *   they never bought again) */
const CrmJourneyGroup *
crm_journey_analysis_get_retention_with (CrmJourneyAnalysis *self,
                                         guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), NULL);
  g_return_val_if_fail (type < self->types->len, NULL);
  return &self->kept[type];
}

/* Returns: the customers who bought and had none of @type in that time */
CrmJourneyGroup
crm_journey_analysis_get_retention_without (CrmJourneyAnalysis *self,
                                            guint               type)
{
  CrmJourneyGroup without = { 0 };
  const CrmJourneyGroup *kept;

  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), without);
  g_return_val_if_fail (type < self->types->len, without);
  kept = &self->kept[type];
  without.customers = self->all_converted.customers - kept->customers;
  without.converted = self->all_converted.converted - kept->converted;
  without.retained = self->all_converted.retained - kept->retained;
  without.rated = self->all_converted.rated - kept->rated;
  without.satisfaction = self->all_converted.satisfaction - kept->satisfaction;
  return without;
}

static double
lift (CrmJourneyAnalysis *self,
      guint               type,
      gboolean            retention)
{
  CrmJourneyGroup without;
  double rate_with, rate_without;

  if (retention)
    {
      without = crm_journey_analysis_get_retention_without (self, type);
      rate_with = rate (self->kept[type].retained, self->kept[type].customers);
      rate_without = rate (without.retained, without.customers);
    }
  else
    {
      without = crm_journey_analysis_get_without (self, type);
      rate_with = rate (self->with[type].converted, self->with[type].customers);
      rate_without = rate (without.converted, without.customers);
    }
  return rate_without > 0 ? rate_with / rate_without : NAN;
}

/* Returns: the conversion rate of the customers who had @type before
 *   buying over that of those who did not; NAN where the latter is 0 or
 *   undefined */
double
crm_journey_analysis_get_conversion_lift (CrmJourneyAnalysis *self,
                                          guint               type)
{
  return lift (self, type, FALSE);
}

/* Returns: the share of the customers who had @type after buying who
 *   bought again, over that of those who did not; NAN likewise */
double
crm_journey_analysis_get_retention_lift (CrmJourneyAnalysis *self,
                                         guint               type)
{
  return lift (self, type, TRUE);
}

/* Returns: whether fewer than %CRM_JOURNEY_MIN_SAMPLE customers stand
 *   behind either side of @type's conversion comparison */
gboolean
crm_journey_analysis_is_small_conversion_sample (CrmJourneyAnalysis *self,
                                                 guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), TRUE);
  g_return_val_if_fail (type < self->types->len, TRUE);
  return is_small_conversion_sample (self, type);
}

/* Returns: likewise for @type's retention comparison */
gboolean
crm_journey_analysis_is_small_retention_sample (CrmJourneyAnalysis *self,
                                                guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), TRUE);
  g_return_val_if_fail (type < self->types->len, TRUE);
  return is_small_retention_sample (self, type);
}

/* Returns: whether @type is measured on buying again (a service or
 *   loyalty type) rather than on buying; a stage of the user's own is
 *   measured on both */
gboolean
crm_journey_analysis_is_measured_on_retention (CrmJourneyAnalysis *self,
                                               guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), FALSE);
  g_return_val_if_fail (type < self->types->len, FALSE);
  return (measures_of (self, type) & MEASURE_RETENTION) != 0;
}

gboolean
crm_journey_analysis_is_measured_on_conversion (CrmJourneyAnalysis *self,
                                                guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), FALSE);
  g_return_val_if_fail (type < self->types->len, FALSE);
  return (measures_of (self, type) & MEASURE_CONVERSION) != 0;
}

/* Returns: whether none of the comparisons @type is measured on has
 *   enough customers behind it */
gboolean
crm_journey_analysis_is_small_sample (CrmJourneyAnalysis *self,
                                      guint               type)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), TRUE);
  g_return_val_if_fail (type < self->types->len, TRUE);
  return is_small_measured_sample (self, type);
}

/* Returns: the type at @rank: by how many more percentage points of the
 *   customers who had it bought (awareness, consideration and purchase
 *   types) or bought again (service and loyalty types); types with too
 *   few customers to tell last */
guint
crm_journey_analysis_get_ranked_type (CrmJourneyAnalysis *self,
                                      guint               rank)
{
  g_return_val_if_fail (CRM_IS_JOURNEY_ANALYSIS (self), 0);
  g_return_val_if_fail (self->ranked != NULL && rank < self->ranked->len, 0);
  return g_array_index (self->ranked, guint, rank);
}
