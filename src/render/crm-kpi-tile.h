/* crm-kpi-tile.h: a KPI as a dashboard tile: its title, the value (in
 * short when the full figure does not fit), the change against the
 * previous period with an arrow and a sign, green when it is good news
 * and red when it is bad (whichever way is good for the KPI), a
 * sparkline of the last periods and a bar of progress to the target. The
 * tile draws its own card, rounded and outlined, so that it looks the
 * same on screen, on paper and in a PDF; from a dashboard's 220 × 120 up. */
#pragma once

#include <cairo.h>

#include "crm-kpi-tile-data.h"
#include "crm-render-style.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_KPI_TILE_PART_NONE,       /* outside the card */
  CRM_KPI_TILE_PART_TILE,       /* the card, away from its figures */
  CRM_KPI_TILE_PART_TITLE,
  CRM_KPI_TILE_PART_VALUE,
  CRM_KPI_TILE_PART_CHANGE,
  CRM_KPI_TILE_PART_SPARKLINE,  /* with the point nearest across */
  CRM_KPI_TILE_PART_TARGET,
} CrmKpiTilePart;

typedef struct
{
  CrmKpiTilePart part;
  int            point;         /* the sparkline's point, or -1 */
} CrmKpiTileHit;

void          crm_kpi_tile_draw             (const CrmKpiTileData *data,
                                             const CrmRenderStyle *style,
                                             cairo_t              *cr,
                                             double                width,
                                             double                height);
CrmKpiTileHit crm_kpi_tile_hit_test         (const CrmKpiTileData *data,
                                             const CrmRenderStyle *style,
                                             cairo_t              *cr,
                                             double                width,
                                             double                height,
                                             double                x,
                                             double                y);
gboolean      crm_kpi_tile_get_part_rect    (const CrmKpiTileData *data,
                                             const CrmRenderStyle *style,
                                             cairo_t              *cr,
                                             double                width,
                                             double                height,
                                             CrmKpiTilePart        part,
                                             cairo_rectangle_t    *rect);
gboolean      crm_kpi_tile_get_point        (const CrmKpiTileData *data,
                                             const CrmRenderStyle *style,
                                             cairo_t              *cr,
                                             double                width,
                                             double                height,
                                             guint                 point,
                                             double               *x,
                                             double               *y);
CrmColor      crm_kpi_tile_get_change_color (const CrmKpiTileData *data,
                                             const CrmRenderStyle *style);

G_END_DECLS
