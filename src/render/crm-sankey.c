/* crm-sankey.c
 *
 * sankey_layout() places everything once, left to right: columns of nodes
 * ordered to cross fewer links (barycentre sweeps), links stacked at
 * their ends in the order of the nodes they lead to, and labels that do
 * not collide. Drawing, hit-testing and the geometry queries all read it;
 * right-to-left styles mirror every x at the end.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crm-render-text.h"
#include "crm-sankey.h"

#define MARGIN 8.0
#define NODE_WIDTH 12.0
#define NODE_PADDING 14.0     /* between the nodes of a column */
#define LABEL_GAP 6.0         /* between a node and its label */
#define OUTER_LABEL_SHARE 0.22 /* of the width, for each outer column's labels */
#define SWEEPS 4

typedef struct
{
  gboolean shown;       /* something flows through it */
  guint    column;
  double   value;
  double   key;         /* the sort key of the ordering sweeps */
  guint    rank;        /* its place in its column, from the top */
  /* Left to right, before mirroring. */
  double   x;
  double   y;
  double   height;
  double   in_used;     /* how much of its height the links in and out */
  double   out_used;    /* have taken, while they are stacked */
  double   name_width;  /* the label's natural widths */
  double   value_width;
  /* The label, when there is room for it: the box of its text. */
  gboolean label_shown;
  gboolean label_value; /* with the value on a second line */
  gboolean label_before; /* on the node's start side (the first column) */
  double   label_x;
  double   label_y;
  double   label_width;
  double   label_height;
} NodeLayout;

typedef struct
{
  gboolean shown;
  double   x0;          /* the source node's end edge */
  double   y0;          /* the band's top there */
  double   x1;          /* the target node's start edge */
  double   y1;
  double   thickness;
} LinkLayout;

typedef struct
{
  gboolean    empty;
  guint       n_nodes;
  guint       n_links;
  guint       n_columns;
  NodeLayout *nodes;
  LinkLayout *links;
  double      node_width;
  double      padding;     /* between the nodes of a column */
  double      line_body;
  double      line_small;
} SankeyLayout;

static void
sankey_layout_clear (SankeyLayout *layout)
{
  g_clear_pointer (&layout->nodes, g_free);
  g_clear_pointer (&layout->links, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SankeyLayout, sankey_layout_clear)

/* By key, then by the place the node had: a stable sort keeps the order
 * of nodes the sweep has no reason to move. */
static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SankeyLayout *layout = user_data;
  const NodeLayout *na = &layout->nodes[*(const guint *) a], *nb = &layout->nodes[*(const guint *) b];

  if (na->key != nb->key)
    return na->key < nb->key ? -1 : 1;
  return (int) na->rank - (int) nb->rank;
}

/* Stacks a column's nodes in rank order, centred in the height. */
static void
stack_column (SankeyLayout *layout,
              const guint  *nodes,
              guint         n,
              double        top,
              double        room,
              double        padding,
              double        scale_y)
{
  double used = 0, y;

  for (guint i = 0; i < n; i++)
    used += layout->nodes[nodes[i]].value * scale_y + (i > 0 ? padding : 0);
  y = top + MAX (room - used, 0) / 2;
  for (guint i = 0; i < n; i++)
    {
      NodeLayout *node = &layout->nodes[nodes[i]];

      node->rank = i;
      node->y = y;
      node->height = node->value * scale_y;
      y += node->height + padding;
    }
}

/* Reorders one column by where the nodes it is linked to sit in the
 * column before (@forward) or after: each node goes to the weighted mean
 * height of its neighbours, which uncrosses most bands. */
static void
sweep_column (const CrmSankeyData *data,
              SankeyLayout        *layout,
              guint               *nodes,
              guint                n,
              gboolean             forward)
{
  g_autofree double *weight = g_new0 (double, layout->n_nodes);
  g_autofree double *sum = g_new0 (double, layout->n_nodes);

  for (guint l = 0; l < layout->n_links; l++)
    {
      guint source = crm_sankey_data_get_link_source (data, l);
      guint target = crm_sankey_data_get_link_target (data, l);
      double value = crm_sankey_data_get_link_value (data, l);
      guint self = forward ? target : source, other = forward ? source : target;
      const NodeLayout *neighbour = &layout->nodes[other];

      if (value <= 0)
        continue;
      weight[self] += value;
      sum[self] += value * (neighbour->y + neighbour->height / 2);
    }
  for (guint i = 0; i < n; i++)
    {
      NodeLayout *node = &layout->nodes[nodes[i]];

      node->key = weight[nodes[i]] > 0 ? sum[nodes[i]] / weight[nodes[i]] : node->y + node->height / 2;
    }
  g_qsort_with_data (nodes, n, sizeof (guint), compare_keys, layout);
}

/* How much the bands cross: a pair of links between the same columns
 * whose ends lie in opposite orders counts the product of their values,
 * as the patch where two bands overlap grows with both their widths. */
static double
crossings (const CrmSankeyData *data,
           const SankeyLayout  *layout)
{
  double total = 0;

  for (guint i = 0; i < layout->n_links; i++)
    {
      const NodeLayout *s1 = &layout->nodes[crm_sankey_data_get_link_source (data, i)];
      const NodeLayout *t1 = &layout->nodes[crm_sankey_data_get_link_target (data, i)];
      double v1 = crm_sankey_data_get_link_value (data, i);

      if (v1 <= 0)
        continue;
      for (guint j = i + 1; j < layout->n_links; j++)
        {
          const NodeLayout *s2 = &layout->nodes[crm_sankey_data_get_link_source (data, j)];
          const NodeLayout *t2 = &layout->nodes[crm_sankey_data_get_link_target (data, j)];
          double v2 = crm_sankey_data_get_link_value (data, j);

          if (v2 <= 0 || s1->column != s2->column || t1->column != t2->column
              || s1->rank == s2->rank || t1->rank == t2->rank)
            continue;
          if ((s1->rank < s2->rank) != (t1->rank < t2->rank))
            total += v1 * v2;
        }
    }
  return total;
}

/* Swaps neighbours in the columns while that uncrosses bands. */
static double
transpose (const CrmSankeyData *data,
           SankeyLayout        *layout,
           guint              **columns,
           const guint         *counts,
           double               current)
{
  gboolean improved = TRUE;

  for (guint pass = 0; improved && pass < 8; pass++)
    {
      improved = FALSE;
      for (guint c = 0; c < layout->n_columns; c++)
        for (guint i = 0; i + 1 < counts[c]; i++)
          {
            guint *pair = &columns[c][i], swap;
            double after;

            swap = pair[0], pair[0] = pair[1], pair[1] = swap;
            layout->nodes[pair[0]].rank = i;
            layout->nodes[pair[1]].rank = i + 1;
            after = crossings (data, layout);
            if (after < current * (1 - 1e-9))
              {
                current = after;
                improved = TRUE;
                continue;
              }
            swap = pair[0], pair[0] = pair[1], pair[1] = swap;
            layout->nodes[pair[0]].rank = i;
            layout->nodes[pair[1]].rank = i + 1;
          }
    }
  return current;
}

/* Two simple orders, each polished by swapping neighbours: the data's own
 * (a caller's order of channels means something) and the one barycentre
 * sweeps give; the one whose bands cross less wins, the data's on a
 * tie. */
static void
order_nodes (const CrmSankeyData *data,
             SankeyLayout        *layout,
             guint              **columns,
             const guint         *counts,
             guint               *all,
             double               top,
             double               room,
             double               padding,
             double               scale_y)
{
  guint n_shown = 0;
  g_autofree guint *saved = NULL;
  double own, swept;

  for (guint c = 0; c < layout->n_columns; c++)
    n_shown += counts[c];

  for (guint c = 0; c < layout->n_columns; c++)
    stack_column (layout, columns[c], counts[c], top, room, padding, scale_y);
  own = transpose (data, layout, columns, counts, crossings (data, layout));
  saved = g_memdup2 (all, n_shown * sizeof (guint));

  if (own > 0)
    {
      for (guint c = 0; c < layout->n_columns; c++)
        stack_column (layout, columns[c], counts[c], top, room, padding, scale_y);
      for (guint sweep = 0; sweep < SWEEPS; sweep++)
        {
          for (guint c = 1; c < layout->n_columns; c++)
            {
              sweep_column (data, layout, columns[c], counts[c], TRUE);
              stack_column (layout, columns[c], counts[c], top, room, padding, scale_y);
            }
          for (guint c = layout->n_columns - 1; c-- > 0;)
            {
              sweep_column (data, layout, columns[c], counts[c], FALSE);
              stack_column (layout, columns[c], counts[c], top, room, padding, scale_y);
            }
        }
      swept = transpose (data, layout, columns, counts, crossings (data, layout));
      if (own <= swept)
        memcpy (all, saved, n_shown * sizeof (guint));
      else
        {
          /* Upside down, the bands cross as much: keep whichever way
           * is closer to the data's order. */
          glong kept = 0, flipped = 0;

          for (guint c = 0; c < layout->n_columns; c++)
            for (guint i = 0; i < counts[c]; i++)
              {
                guint wanted = 0;

                for (guint j = 0; j < counts[c]; j++)
                  wanted += columns[c][j] < columns[c][i];
                kept += labs ((glong) i - (glong) wanted);
                flipped += labs ((glong) (counts[c] - 1 - i) - (glong) wanted);
              }
          if (flipped < kept)
            for (guint c = 0; c < layout->n_columns; c++)
              for (guint i = 0; i < counts[c] / 2; i++)
                {
                  guint swap = columns[c][i];

                  columns[c][i] = columns[c][counts[c] - 1 - i];
                  columns[c][counts[c] - 1 - i] = swap;
                }
        }
    }
  for (guint c = 0; c < layout->n_columns; c++)
    stack_column (layout, columns[c], counts[c], top, room, padding, scale_y);
}

/* Links leave a node in the order of their targets from the top, and
 * arrive in the order of their sources, so that they do not cross at
 * their ends. */
static int
compare_links_out (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const CrmSankeyData *data = ((gpointer *) user_data)[0];
  const SankeyLayout *layout = ((gpointer *) user_data)[1];
  guint la = *(const guint *) a, lb = *(const guint *) b;
  const NodeLayout *ta = &layout->nodes[crm_sankey_data_get_link_target (data, la)];
  const NodeLayout *tb = &layout->nodes[crm_sankey_data_get_link_target (data, lb)];
  const NodeLayout *sa = &layout->nodes[crm_sankey_data_get_link_source (data, la)];
  const NodeLayout *sb = &layout->nodes[crm_sankey_data_get_link_source (data, lb)];

  if (ta->y != tb->y)
    return ta->y < tb->y ? -1 : 1;
  if (sa->y != sb->y)
    return sa->y < sb->y ? -1 : 1;
  return (int) la - (int) lb;
}

static int
compare_links_in (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const CrmSankeyData *data = ((gpointer *) user_data)[0];
  const SankeyLayout *layout = ((gpointer *) user_data)[1];
  guint la = *(const guint *) a, lb = *(const guint *) b;
  const NodeLayout *sa = &layout->nodes[crm_sankey_data_get_link_source (data, la)];
  const NodeLayout *sb = &layout->nodes[crm_sankey_data_get_link_source (data, lb)];
  const NodeLayout *ta = &layout->nodes[crm_sankey_data_get_link_target (data, la)];
  const NodeLayout *tb = &layout->nodes[crm_sankey_data_get_link_target (data, lb)];

  if (sa->y != sb->y)
    return sa->y < sb->y ? -1 : 1;
  if (ta->y != tb->y)
    return ta->y < tb->y ? -1 : 1;
  return (int) la - (int) lb;
}

static void
stack_links (const CrmSankeyData *data,
             SankeyLayout        *layout,
             double               scale_y)
{
  g_autofree guint *order = g_new (guint, layout->n_links);
  guint n = 0;
  gpointer context[2] = { (gpointer) data, layout };

  for (guint l = 0; l < layout->n_links; l++)
    if (crm_sankey_data_get_link_value (data, l) > 0)
      order[n++] = l;

  g_qsort_with_data (order, n, sizeof (guint), compare_links_out, context);
  for (guint i = 0; i < n; i++)
    {
      LinkLayout *link = &layout->links[order[i]];
      NodeLayout *source = &layout->nodes[crm_sankey_data_get_link_source (data, order[i])];

      link->shown = TRUE;
      link->thickness = crm_sankey_data_get_link_value (data, order[i]) * scale_y;
      link->x0 = source->x + layout->node_width;
      link->y0 = source->y + source->out_used;
      source->out_used += link->thickness;
    }
  g_qsort_with_data (order, n, sizeof (guint), compare_links_in, context);
  for (guint i = 0; i < n; i++)
    {
      LinkLayout *link = &layout->links[order[i]];
      NodeLayout *target = &layout->nodes[crm_sankey_data_get_link_target (data, order[i])];

      link->x1 = target->x;
      link->y1 = target->y + target->in_used;
      target->in_used += link->thickness;
    }
}

/* Labels sit beside their nodes, centred on them, the biggest nodes'
 * first; a label that would run into one already placed drops its value
 * line, then itself: never two labels on top of each other. */
static void
place_labels (SankeyLayout *layout,
              const guint  *nodes,
              guint         n,
              double        x,
              double        label_width,
              gboolean      before,
              double        top,
              double        bottom)
{
  g_autofree guint *by_value = g_memdup2 (nodes, n * sizeof (guint));

  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && layout->nodes[by_value[j]].value > layout->nodes[by_value[j - 1]].value; j--)
      {
        guint swap = by_value[j];

        by_value[j] = by_value[j - 1];
        by_value[j - 1] = swap;
      }

  for (guint i = 0; i < n; i++)
    {
      NodeLayout *node = &layout->nodes[by_value[i]];

      for (int lines = 2; lines >= 1 && !node->label_shown; lines--)
        {
          double height = layout->line_body + (lines == 2 ? layout->line_small : 0);
          double y = CLAMP (node->y + node->height / 2 - height / 2, top, MAX (bottom - height, top));
          gboolean free = label_width > 0;

          /* The value line only beside a node tall enough to explain it. */
          if (lines == 2 && node->height + layout->padding < height)
            continue;
          for (guint j = 0; j < i && free; j++)
            {
              const NodeLayout *other = &layout->nodes[by_value[j]];

              if (other->label_shown && y < other->label_y + other->label_height
                  && other->label_y < y + height)
                free = FALSE;
            }
          if (!free)
            continue;
          node->label_shown = TRUE;
          node->label_value = lines == 2;
          node->label_before = before;
          node->label_width = MIN (lines == 2 ? MAX (node->name_width, node->value_width) : node->name_width,
                                   label_width);
          /* A label before its node ends at it. */
          node->label_x = before ? x + label_width - node->label_width : x;
          node->label_y = y;
          node->label_height = height;
        }
    }
}

static void
sankey_layout (cairo_t              *cr,
               const CrmRenderStyle *style,
               const CrmSankeyData  *data,
               double                width,
               double                height,
               SankeyLayout         *layout)
{
  double scale = crm_render_style_get_scale (style);
  double margin = MARGIN * scale, gap = LABEL_GAP * scale;
  double top = margin, room = MAX (height - 2 * margin, 0);
  double padding = NODE_PADDING * scale, scale_y = G_MAXDOUBLE;
  double first_label = 0, last_label = 0, first_x, last_x, step;
  g_autofree guint *counts = NULL;
  g_autofree double *totals = NULL;
  g_autofree guint **columns = NULL;
  g_autofree guint *all = NULL;  /* the columns' nodes, one column after the other */
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) small = NULL;
  guint most = 0;

  memset (layout, 0, sizeof *layout);
  layout->n_nodes = crm_sankey_data_get_n_nodes (data);
  layout->n_links = crm_sankey_data_get_n_links (data);
  layout->n_columns = crm_sankey_data_get_n_columns (data);
  layout->empty = crm_sankey_data_is_empty (data) || layout->n_columns < 2;
  if (layout->empty)
    return;

  layout->nodes = g_new0 (NodeLayout, layout->n_nodes);
  layout->links = g_new0 (LinkLayout, layout->n_links);
  layout->line_body = crm_render_text_line_height (cr, style, CRM_TEXT_BODY);
  layout->line_small = crm_render_text_line_height (cr, style, CRM_TEXT_SMALL);
  layout->node_width = NODE_WIDTH * scale;

  /* The columns, each a list of its shown nodes in the data's order. */
  counts = g_new0 (guint, layout->n_columns);
  totals = g_new0 (double, layout->n_columns);
  columns = g_new0 (guint *, layout->n_columns);
  all = g_new (guint, layout->n_nodes);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      NodeLayout *node = &layout->nodes[i];

      node->column = crm_sankey_data_get_node_column (data, i);
      node->value = crm_sankey_data_get_node_value (data, i);
      node->shown = node->value > 0;
      if (node->shown)
        {
          counts[node->column]++;
          totals[node->column] += node->value;
        }
    }
  for (guint c = 0, at = 0; c < layout->n_columns; c++)
    {
      columns[c] = all + at;
      at += counts[c];
      most = MAX (most, counts[c]);
      counts[c] = 0;
    }
  for (guint i = 0; i < layout->n_nodes; i++)
    if (layout->nodes[i].shown)
      {
        guint c = layout->nodes[i].column;

        columns[c][counts[c]++] = i;
      }

  /* One vertical scale for all columns, the fullest column filling the
   * height; a crowded column gives up some padding first. */
  if (most > 1)
    padding = MIN (padding, room * 0.3 / (most - 1));
  for (guint c = 0; c < layout->n_columns; c++)
    if (totals[c] > 0)
      scale_y = MIN (scale_y, (room - padding * (MAX (counts[c], 1) - 1)) / totals[c]);
  scale_y = MAX (scale_y, 0);
  layout->padding = padding;

  /* The outer columns' labels outside the flow, the others' beside their
   * nodes over the bands. */
  body = crm_render_text_layout (cr, style, CRM_TEXT_BODY, NULL);
  small = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, NULL);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      NodeLayout *node = &layout->nodes[i];
      g_autofree char *value = NULL;

      if (!node->shown)
        continue;
      value = crm_sankey_data_format_value (data, node->value);
      node->name_width = crm_render_text_width (body, crm_sankey_data_get_node_label (data, i));
      node->value_width = crm_render_text_width (small, value);
      if (node->column == 0)
        first_label = MAX (first_label, MAX (node->name_width, node->value_width));
      else if (node->column == layout->n_columns - 1)
        last_label = MAX (last_label, MAX (node->name_width, node->value_width));
    }
  first_label = MIN (first_label, floor (width * OUTER_LABEL_SHARE));
  last_label = MIN (last_label, floor (width * OUTER_LABEL_SHARE));
  first_x = margin + first_label + gap;
  last_x = MAX (width - margin - last_label - gap - layout->node_width, first_x);
  step = (last_x - first_x) / (layout->n_columns - 1);

  for (guint c = 0; c < layout->n_columns; c++)
    {
      for (guint i = 0; i < counts[c]; i++)
        layout->nodes[columns[c][i]].x = first_x + c * step;
      stack_column (layout, columns[c], counts[c], top, room, padding, scale_y);
    }
  order_nodes (data, layout, columns, counts, all, top, room, padding, scale_y);
  stack_links (data, layout, scale_y);

  for (guint c = 0; c < layout->n_columns; c++)
    {
      double x = first_x + c * step;

      if (c == 0)
        place_labels (layout, columns[c], counts[c], margin, first_label, TRUE, top, top + room);
      else if (c == layout->n_columns - 1)
        place_labels (layout, columns[c], counts[c], x + layout->node_width + gap, last_label, FALSE, top, top + room);
      else
        place_labels (layout, columns[c], counts[c], x + layout->node_width + gap,
                      MAX (step - layout->node_width - 2 * gap, 0), FALSE, top, top + room);
    }
}

static double
mirror_rect_x (const CrmRenderStyle *style,
               double                width,
               double                x,
               double                rect_width)
{
  return crm_render_style_is_rtl (style) ? width - x - rect_width : x;
}

/* The band's top edge is a cubic from (x0, y0) to (x1, y1) whose control
 * points sit half way across at each end's height; its bottom edge is the
 * same curve @thickness lower. */
static void
band_path (cairo_t              *cr,
           const CrmRenderStyle *style,
           double                width,
           const LinkLayout     *link)
{
  double x0 = crm_render_mirror_x (style, width, link->x0);
  double x1 = crm_render_mirror_x (style, width, link->x1);
  double middle = (x0 + x1) / 2;

  cairo_move_to (cr, x0, link->y0);
  cairo_curve_to (cr, middle, link->y0, middle, link->y1, x1, link->y1);
  cairo_line_to (cr, x1, link->y1 + link->thickness);
  cairo_curve_to (cr, middle, link->y1 + link->thickness, middle, link->y0 + link->thickness,
                  x0, link->y0 + link->thickness);
  cairo_close_path (cr);
}

/* Where the top edge of a band is at @x (left to right), by bisection on
 * the curve's parameter: its x grows with it. */
static double
band_top_at (const LinkLayout *link,
             double            x)
{
  double lo = 0, hi = 1, middle = (link->x0 + link->x1) / 2;

  for (int i = 0; i < 30; i++)
    {
      double t = (lo + hi) / 2, u = 1 - t;
      double at = u * u * u * link->x0 + 3 * u * t * middle + t * t * t * link->x1;

      if (at < x)
        lo = t;
      else
        hi = t;
    }
  lo = (lo + hi) / 2;
  return link->y0 + (link->y1 - link->y0) * (3 * lo * lo - 2 * lo * lo * lo);
}

static CrmColor
node_color (const CrmRenderStyle *style,
            const CrmSankeyData  *data,
            guint                 node)
{
  return crm_render_style_get_series_color (style, crm_sankey_data_get_node_color (data, node));
}

/* A label over the bands keeps a rim of the background around its
 * letters, so that it reads on any colour. */
static void
draw_label_text (cairo_t              *cr,
                 const CrmRenderStyle *style,
                 PangoLayout          *text,
                 double                x,
                 double                y,
                 double                width,
                 CrmTextAlign          align,
                 CrmColor              color,
                 gboolean              halo)
{
  if (halo)
    {
      CrmColor background = crm_render_style_get_background (style);
      double text_width;
      PangoRectangle logical;

      /* Where crm_render_text_draw() puts the text. */
      crm_render_text_size (text, &text_width, NULL);
      pango_layout_get_extents (text, NULL, &logical);
      if (align == CRM_TEXT_CENTER)
        x += (width - text_width) / 2;
      else if ((align == CRM_TEXT_END) != crm_render_style_is_rtl (style))
        x += width - text_width;
      width = text_width;
      align = CRM_TEXT_START;

      cairo_save (cr);
      cairo_move_to (cr, x - (double) logical.x / PANGO_SCALE, y);
      pango_cairo_layout_path (cr, text);
      background.alpha = 0.85;
      crm_render_set_color (cr, background);
      cairo_set_line_width (cr, 3 * crm_render_style_get_scale (style));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  crm_render_set_color (cr, color);
  crm_render_text_draw (cr, style, text, x, y, width, align);
}

/**
 * crm_sankey_draw:
 *
 * Draws @data in the box from (0, 0) to (@width, @height), or the “no
 * data” message when nothing flows.
 */
void
crm_sankey_draw (const CrmSankeyData  *data,
                 const CrmRenderStyle *style,
                 cairo_t              *cr,
                 double                width,
                 double                height)
{
  g_auto(SankeyLayout) layout = { 0, };
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) small = NULL;
  gboolean dark = crm_render_style_get_palette (style) == CRM_RENDER_PALETTE_DARK;
  CrmColor foreground, muted;

  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  sankey_layout (cr, style, data, width, height, &layout);
  if (layout.empty)
    {
      crm_render_empty (cr, style, width, height, NULL);
      return;
    }

  cairo_save (cr);
  for (guint l = 0; l < layout.n_links; l++)
    {
      CrmColor color;

      if (!layout.links[l].shown)
        continue;
      color = node_color (style, data, crm_sankey_data_get_link_source (data, l));
      color.alpha = dark ? 0.5 : 0.4;
      crm_render_set_color (cr, color);
      band_path (cr, style, width, &layout.links[l]);
      cairo_fill (cr);
    }

  for (guint i = 0; i < layout.n_nodes; i++)
    {
      const NodeLayout *node = &layout.nodes[i];

      if (!node->shown)
        continue;
      crm_render_set_color (cr, node_color (style, data, i));
      cairo_rectangle (cr, mirror_rect_x (style, width, node->x, layout.node_width), node->y,
                       layout.node_width, MAX (node->height, 1));
      cairo_fill (cr);
    }

  body = crm_render_text_layout (cr, style, CRM_TEXT_BODY, NULL);
  small = crm_render_text_layout (cr, style, CRM_TEXT_SMALL, NULL);
  foreground = muted = crm_render_style_get_foreground (style);
  muted.alpha = 0.7;
  for (guint i = 0; i < layout.n_nodes; i++)
    {
      const NodeLayout *node = &layout.nodes[i];
      double x;
      /* Labels read towards their node: those before it end at it. */
      CrmTextAlign align;
      gboolean halo;

      if (!node->shown || !node->label_shown)
        continue;
      x = mirror_rect_x (style, width, node->label_x, node->label_width);
      align = node->label_before ? CRM_TEXT_END : CRM_TEXT_START;
      halo = node->column > 0 && node->column < layout.n_columns - 1;
      crm_render_text_set (body, crm_sankey_data_get_node_label (data, i));
      crm_render_text_elide (body, node->label_width);
      draw_label_text (cr, style, body, x, node->label_y, node->label_width, align, foreground, halo);
      if (node->label_value)
        {
          g_autofree char *value = crm_sankey_data_format_value (data, node->value);

          crm_render_text_set (small, value);
          crm_render_text_elide (small, node->label_width);
          draw_label_text (cr, style, small, x, node->label_y + layout.line_body,
                           node->label_width, align, halo ? foreground : muted, halo);
        }
    }
  cairo_restore (cr);
}

/* The band drawn last, so on top, under a point (left to right). */
static CrmChartHit
link_at (const SankeyLayout *layout,
         double              x,
         double              y)
{
  for (guint l = layout->n_links; l-- > 0;)
    {
      const LinkLayout *link = &layout->links[l];
      double band_y;

      if (!link->shown || x < link->x0 || x > link->x1)
        continue;
      band_y = band_top_at (link, x);
      if (y >= band_y && y <= band_y + link->thickness)
        return (CrmChartHit) { (int) l, -1 };
    }
  return CRM_CHART_HIT_NONE;
}

/* What is under a point (left to right): nodes and labels, drawn over
 * the bands, first. */
static CrmChartHit
hit_at (const SankeyLayout *layout,
        double              scale,
        double              x,
        double              y)
{
  /* A thin node is hard to point at: a little room around it counts. */
  double slack = 2 * scale;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const NodeLayout *node = &layout->nodes[i];

      if (!node->shown)
        continue;
      if (x >= node->x - slack && x < node->x + layout->node_width + slack
          && y >= node->y - slack && y < node->y + MAX (node->height, 1) + slack)
        return (CrmChartHit) { -1, (int) i };
      if (node->label_shown && x >= node->label_x && x < node->label_x + node->label_width
          && y >= node->label_y && y < node->label_y + node->label_height)
        return (CrmChartHit) { -1, (int) i };
    }
  return link_at (layout, x, y);
}

/**
 * crm_sankey_hit_test:
 * @cr: (nullable): the context the diagram is drawn on, for measuring
 *   text; %NULL measures on a scratch surface
 * @x: a point in the diagram's box, as drawn (mirrored in right-to-left)
 *
 * What is under a point: a node or its label answers the node as the
 * category (series -1); a band the link as the series (category -1), the
 * band drawn on top where bands overlap; anything else
 * %CRM_CHART_HIT_NONE.
 */
CrmChartHit
crm_sankey_hit_test (const CrmSankeyData  *data,
                     const CrmRenderStyle *style,
                     cairo_t              *cr,
                     double                width,
                     double                height,
                     double                x,
                     double                y)
{
  g_auto(SankeyLayout) layout = { 0, };
  cairo_t *measure;

  g_return_val_if_fail (data != NULL, CRM_CHART_HIT_NONE);
  g_return_val_if_fail (style != NULL, CRM_CHART_HIT_NONE);

  measure = crm_render_measuring_context (cr);
  sankey_layout (measure, style, data, width, height, &layout);
  cairo_destroy (measure);
  if (layout.empty)
    return CRM_CHART_HIT_NONE;

  return hit_at (&layout, crm_render_style_get_scale (style), crm_render_mirror_x (style, width, x), y);
}

/**
 * crm_sankey_get_node_rect:
 * @rect: (out): the node's bar as drawn, mirrored in right-to-left styles
 *
 * Returns: %FALSE when the node is not drawn (nothing flows through it,
 *   or the diagram is empty)
 */
gboolean
crm_sankey_get_node_rect (const CrmSankeyData  *data,
                          const CrmRenderStyle *style,
                          cairo_t              *cr,
                          double                width,
                          double                height,
                          guint                 node,
                          cairo_rectangle_t    *rect)
{
  g_auto(SankeyLayout) layout = { 0, };
  cairo_t *measure;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  measure = crm_render_measuring_context (cr);
  sankey_layout (measure, style, data, width, height, &layout);
  cairo_destroy (measure);
  if (layout.empty || node >= layout.n_nodes || !layout.nodes[node].shown)
    return FALSE;
  rect->x = mirror_rect_x (style, width, layout.nodes[node].x, layout.node_width);
  rect->y = layout.nodes[node].y;
  rect->width = layout.node_width;
  rect->height = MAX (layout.nodes[node].height, 1);
  return TRUE;
}

/**
 * crm_sankey_get_link_point:
 * @x: (out): the middle of the band, as drawn
 * @y: (out):
 *
 * A point in a link's band, to point a tooltip at: half way between its
 * nodes, or where it shows nearest to that when another band covers it
 * there.
 *
 * Returns: %FALSE when the link is not drawn
 */
gboolean
crm_sankey_get_link_point (const CrmSankeyData  *data,
                           const CrmRenderStyle *style,
                           cairo_t              *cr,
                           double                width,
                           double                height,
                           guint                 link,
                           double               *x,
                           double               *y)
{
  /* Bands never overlap where they reach their target (they are stacked
   * there, and labels are on the other side of a node), so the last
   * place tried always shows. */
  static const double along[] = { 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.97 };
  static const double across[] = { 0.5, 0.25, 0.75 };
  g_auto(SankeyLayout) layout = { 0, };
  const LinkLayout *band;
  cairo_t *measure;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  measure = crm_render_measuring_context (cr);
  sankey_layout (measure, style, data, width, height, &layout);
  cairo_destroy (measure);
  if (layout.empty || link >= layout.n_links || !layout.links[link].shown)
    return FALSE;
  band = &layout.links[link];

  /* Half way along the band unless another band covers it there: then
   * the nearest place along it that shows. */
  for (guint i = 0; i < G_N_ELEMENTS (along); i++)
    for (guint j = 0; j < G_N_ELEMENTS (across); j++)
      {
        double t = along[i], u = 1 - t, middle = (band->x0 + band->x1) / 2;
        double at_x = u * u * u * band->x0 + 3 * u * t * middle + t * t * t * band->x1;
        double at_y = band->y0 + (band->y1 - band->y0) * (3 * t * t - 2 * t * t * t)
                      + band->thickness * across[j];

        if (i == 0 && j == 0)
          {
            *x = crm_render_mirror_x (style, width, at_x);
            *y = at_y;
          }
        if (hit_at (&layout, crm_render_style_get_scale (style), at_x, at_y).series == (int) link)
          {
            *x = crm_render_mirror_x (style, width, at_x);
            *y = at_y;
            return TRUE;
          }
      }
  return TRUE;
}
