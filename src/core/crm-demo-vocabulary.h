/* crm-demo-vocabulary.h: the words the demo-data generator builds customers
 * and journeys from, read from the files in seeds/ (compiled in as
 * resources): names in four scripts, companies, streets, cities, products,
 * owners, the channels and touchpoint types of the demo company and the
 * hidden effects those types have on purchase and loyalty. */
#pragma once

#include <glib.h>

#include "crm-enums.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_DEMO_SCRIPT_LATIN,
  CRM_DEMO_SCRIPT_CYRILLIC,
  CRM_DEMO_SCRIPT_HAN,
  CRM_DEMO_SCRIPT_ARABIC,
  CRM_DEMO_N_SCRIPTS
} CrmDemoScript;

typedef struct
{
  const char *name;
  const char *country;
  const char *calling_code;
  const char *postal_pattern;   /* '#' a digit, 'A' a capital letter */
  const char *region;
} CrmDemoCity;

typedef struct
{
  const char *name;
  const char *region;
} CrmDemoOwner;

typedef struct
{
  const char *name;
  gint64      price_min;        /* euro cents */
  gint64      price_max;
} CrmDemoProduct;

typedef struct
{
  const char *key;
  const char *name;
} CrmDemoChannel;

typedef struct
{
  const char    *name;
  const char    *stage;
  guint         *channels;        /* indexes into the channel array */
  guint          n_channels;
  gboolean       moment_of_truth; /* what the demo company believes */
  CrmDataField   required_data;
  CrmDirection   direction;
  double         conversion_effect; /* what really happens */
  double         retention_effect;
  double         satisfaction_mean;
  double         weight;
} CrmDemoTouchpointType;

typedef struct _CrmDemoVocabulary CrmDemoVocabulary;

struct _CrmDemoVocabulary
{
  GStringChunk *strings;
  GPtrArray    *given_names[CRM_DEMO_N_SCRIPTS][2];   /* [script][female] */
  GPtrArray    *family_names[CRM_DEMO_N_SCRIPTS][2];
  GPtrArray    *companies[CRM_DEMO_N_SCRIPTS];
  GPtrArray    *streets[CRM_DEMO_N_SCRIPTS];
  GPtrArray    *notes[CRM_DEMO_N_SCRIPTS];
  GArray       *cities[CRM_DEMO_N_SCRIPTS];           /* CrmDemoCity */
  GPtrArray    *email_domains;
  GPtrArray    *tags;
  GArray       *owners;                               /* CrmDemoOwner */
  GArray       *products;                             /* CrmDemoProduct */
  GArray       *channels;                             /* CrmDemoChannel */
  GArray       *touchpoint_types;                     /* CrmDemoTouchpointType */
};

CrmDemoVocabulary *crm_demo_vocabulary_load (GError            **error);
void               crm_demo_vocabulary_free (CrmDemoVocabulary  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmDemoVocabulary, crm_demo_vocabulary_free)

G_END_DECLS
