/* crm-kpi-tile-data.h: what a KPI tile shows: a titled value, the value
 * of the period before to compare with, a target, and the values of the
 * last periods for a sparkline. Whether a rise is good news (revenue) or
 * bad (churn) decides the colour of the change. */
#pragma once

#include <glib-object.h>

#include "crm-value-format.h"

G_BEGIN_DECLS

typedef struct _CrmKpiTileData CrmKpiTileData;

#define CRM_TYPE_KPI_TILE_DATA (crm_kpi_tile_data_get_type ())

GType           crm_kpi_tile_data_get_type             (void) G_GNUC_CONST;
CrmKpiTileData *crm_kpi_tile_data_new                  (const char           *title,
                                                        CrmValueKind          kind);
CrmKpiTileData *crm_kpi_tile_data_ref                  (CrmKpiTileData       *self);
void            crm_kpi_tile_data_unref                (CrmKpiTileData       *self);

const char     *crm_kpi_tile_data_get_title            (const CrmKpiTileData *self);
CrmValueKind    crm_kpi_tile_data_get_kind             (const CrmKpiTileData *self);
const char     *crm_kpi_tile_data_get_currency         (const CrmKpiTileData *self);
void            crm_kpi_tile_data_set_currency         (CrmKpiTileData       *self,
                                                        const char           *currency);
double          crm_kpi_tile_data_get_value            (const CrmKpiTileData *self);
void            crm_kpi_tile_data_set_value            (CrmKpiTileData       *self,
                                                        double                value);
double          crm_kpi_tile_data_get_previous         (const CrmKpiTileData *self);
void            crm_kpi_tile_data_set_previous         (CrmKpiTileData       *self,
                                                        double                previous);
double          crm_kpi_tile_data_get_target           (const CrmKpiTileData *self);
void            crm_kpi_tile_data_set_target           (CrmKpiTileData       *self,
                                                        double                target);
gboolean        crm_kpi_tile_data_get_higher_is_better (const CrmKpiTileData *self);
void            crm_kpi_tile_data_set_higher_is_better (CrmKpiTileData       *self,
                                                        gboolean              higher_is_better);
const char     *crm_kpi_tile_data_get_comparison       (const CrmKpiTileData *self);
void            crm_kpi_tile_data_set_comparison       (CrmKpiTileData       *self,
                                                        const char           *comparison);
GArray         *crm_kpi_tile_data_get_sparkline        (const CrmKpiTileData *self);
void            crm_kpi_tile_data_set_sparkline        (CrmKpiTileData       *self,
                                                        const double         *values,
                                                        guint                 n_values);

double          crm_kpi_tile_data_get_change           (const CrmKpiTileData *self);
gboolean        crm_kpi_tile_data_is_improvement       (const CrmKpiTileData *self);
double          crm_kpi_tile_data_get_attainment       (const CrmKpiTileData *self);
gboolean        crm_kpi_tile_data_is_target_met       (const CrmKpiTileData *self);
char           *crm_kpi_tile_data_format_value         (const CrmKpiTileData *self,
                                                        double                value);
char           *crm_kpi_tile_data_format_compact       (const CrmKpiTileData *self,
                                                        double                value);
char           *crm_kpi_tile_data_describe             (const CrmKpiTileData *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmKpiTileData, crm_kpi_tile_data_unref)

G_END_DECLS
