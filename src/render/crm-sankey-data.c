/* crm-sankey-data.c
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crm-sankey-data.h"

typedef struct
{
  char  *label;
  guint  column;
  guint  color;
  double in;       /* the values of the links into the node */
  double out;      /* and out of it */
} Node;

typedef struct
{
  guint  source;
  guint  target;
  double value;
} Link;

struct _CrmSankeyData
{
  gatomicrefcount ref_count;
  CrmValueKind    kind;
  char           *currency;
  GArray         *nodes;      /* Node */
  GArray         *links;      /* Link */
  GHashTable     *colors;     /* label → colour index + 1 */
  guint           n_columns;
};

G_DEFINE_BOXED_TYPE (CrmSankeyData, crm_sankey_data, crm_sankey_data_ref, crm_sankey_data_unref)

static void
clear_node (gpointer data)
{
  Node *node = data;

  g_free (node->label);
}

CrmSankeyData *
crm_sankey_data_new (CrmValueKind kind)
{
  CrmSankeyData *self = g_new0 (CrmSankeyData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->currency = g_strdup ("");
  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g_array_set_clear_func (self->nodes, clear_node);
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  self->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

CrmSankeyData *
crm_sankey_data_ref (CrmSankeyData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
crm_sankey_data_unref (CrmSankeyData *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->currency);
  g_array_unref (self->nodes);
  g_array_unref (self->links);
  g_hash_table_unref (self->colors);
  g_free (self);
}

CrmValueKind
crm_sankey_data_get_kind (const CrmSankeyData *self)
{
  g_return_val_if_fail (self != NULL, CRM_VALUE_COUNT);
  return self->kind;
}

const char *
crm_sankey_data_get_currency (const CrmSankeyData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->currency;
}

void
crm_sankey_data_set_currency (CrmSankeyData *self,
                              const char    *currency)
{
  g_return_if_fail (self != NULL);
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "");
}

/**
 * crm_sankey_data_add_node:
 * @column: the step of the flow the node belongs to, from 0
 *
 * Nodes with the same label share a colour, so that a channel looks the
 * same at every step.
 *
 * Returns: the node's index
 */
guint
crm_sankey_data_add_node (CrmSankeyData *self,
                          const char    *label,
                          guint          column)
{
  Node node = { 0, };
  gpointer color;

  g_return_val_if_fail (self != NULL, 0);

  node.label = g_strdup (label != NULL ? label : "");
  node.column = column;
  color = g_hash_table_lookup (self->colors, node.label);
  if (color == NULL)
    {
      color = GUINT_TO_POINTER (g_hash_table_size (self->colors) + 1);
      g_hash_table_insert (self->colors, g_strdup (node.label), color);
    }
  node.color = GPOINTER_TO_UINT (color) - 1;
  g_array_append_val (self->nodes, node);
  self->n_columns = MAX (self->n_columns, column + 1);
  return self->nodes->len - 1;
}

guint
crm_sankey_data_get_n_nodes (const CrmSankeyData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->nodes->len;
}

const char *
crm_sankey_data_get_node_label (const CrmSankeyData *self,
                                guint                node)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node < self->nodes->len, NULL);
  return g_array_index (self->nodes, Node, node).label;
}

guint
crm_sankey_data_get_node_column (const CrmSankeyData *self,
                                 guint                node)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (node < self->nodes->len, 0);
  return g_array_index (self->nodes, Node, node).column;
}

/* The node's series colour index (crm_render_style_get_series_color()). */
guint
crm_sankey_data_get_node_color (const CrmSankeyData *self,
                                guint                node)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (node < self->nodes->len, 0);
  return g_array_index (self->nodes, Node, node).color;
}

/* What flows through a node: the larger of what comes in and what goes
 * out (the first step has nothing coming in, the last nothing going out,
 * and some customers stop on the way). */
double
crm_sankey_data_get_node_value (const CrmSankeyData *self,
                                guint                node)
{
  const Node *n;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (node < self->nodes->len, 0);
  n = &g_array_index (self->nodes, Node, node);
  return MAX (n->in, n->out);
}

guint
crm_sankey_data_get_n_columns (const CrmSankeyData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

/**
 * crm_sankey_data_add_link:
 * @source: a node
 * @target: a node in a later column than @source's
 * @value: what flows, not negative; NAN counts as nothing
 *
 * Returns: the link's index
 */
guint
crm_sankey_data_add_link (CrmSankeyData *self,
                          guint          source,
                          guint          target,
                          double         value)
{
  Link link = { source, target, isnan (value) ? 0 : value };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (source < self->nodes->len, 0);
  g_return_val_if_fail (target < self->nodes->len, 0);
  g_return_val_if_fail (crm_sankey_data_get_node_column (self, source)
                        < crm_sankey_data_get_node_column (self, target), 0);
  g_return_val_if_fail (link.value >= 0, 0);

  g_array_index (self->nodes, Node, source).out += link.value;
  g_array_index (self->nodes, Node, target).in += link.value;
  g_array_append_val (self->links, link);
  return self->links->len - 1;
}

guint
crm_sankey_data_get_n_links (const CrmSankeyData *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->links->len;
}

guint
crm_sankey_data_get_link_source (const CrmSankeyData *self,
                                 guint                link)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (link < self->links->len, 0);
  return g_array_index (self->links, Link, link).source;
}

guint
crm_sankey_data_get_link_target (const CrmSankeyData *self,
                                 guint                link)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (link < self->links->len, 0);
  return g_array_index (self->links, Link, link).target;
}

double
crm_sankey_data_get_link_value (const CrmSankeyData *self,
                                guint                link)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (link < self->links->len, 0);
  return g_array_index (self->links, Link, link).value;
}

/* Nothing to draw: no link carries anything. */
gboolean
crm_sankey_data_is_empty (const CrmSankeyData *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  for (guint i = 0; i < self->links->len; i++)
    if (g_array_index (self->links, Link, i).value > 0)
      return FALSE;
  return TRUE;
}

char *
crm_sankey_data_format_value (const CrmSankeyData *self,
                              double               value)
{
  g_return_val_if_fail (self != NULL, NULL);
  return crm_value_format (value, self->kind, self->currency);
}

char *
crm_sankey_data_format_compact (const CrmSankeyData *self,
                                double               value)
{
  g_return_val_if_fail (self != NULL, NULL);
  return crm_value_format_compact (value, self->kind, self->currency);
}

/**
 * crm_sankey_data_describe:
 *
 * The flow in words, for a screen reader's description of the diagram: a
 * line per link.
 */
char *
crm_sankey_data_describe (const CrmSankeyData *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);
  if (crm_sankey_data_is_empty (self))
    return g_strdup (_("No data"));

  text = g_string_new (NULL);
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);
      g_autofree char *value = NULL;

      if (link->value <= 0)
        continue;
      value = crm_sankey_data_format_value (self, link->value);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a flow from one node of a Sankey diagram to another
       * and what flows, e.g. “Web → E-mail: 1,234”. */
      g_string_append_printf (text, _("%s → %s: %s"),
                              crm_sankey_data_get_node_label (self, link->source),
                              crm_sankey_data_get_node_label (self, link->target), value);
    }
  return g_string_free (text, FALSE);
}
