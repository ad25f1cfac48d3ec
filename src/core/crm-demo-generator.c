/* crm-demo-generator.c
 *
 * The journeys follow a hidden model so that later analytics find real
 * signal: every customer has a propensity to buy; some touchpoint types
 * (a product demo, a free trial, a referral) raise it and some the demo
 * company believes in (a price enquiry) do not; after a purchase, service
 * touchpoints and satisfaction decide whether the customer buys again or
 * leaves. The model's numbers live in seeds/touchpoint-types.tsv.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crm-demo-generator.h"
#include "crm-demo-vocabulary.h"
#include "crm-seeds-resources.h"

struct _CrmDemoGenerator
{
  GObject  parent_instance;
  guint64  seed;
  guint    n_customers;
  gint64   end_time;

  guint64  n_touchpoints;
  guint64  n_transactions;
};

G_DEFINE_FINAL_TYPE (CrmDemoGenerator, crm_demo_generator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEED,
  PROP_N_CUSTOMERS,
  PROP_END_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Bump when the generator's model or its use of the random sequence
 * changes, so that databases generated before are made again. */
#define MODEL_VERSION 1

#define DAY (24 * 60 * 60)
/* Customers per transaction: small enough to keep the WAL file modest,
 * large enough that commits (each an fsync) do not dominate. */
#define BATCH_SIZE 5000

/* Journey stages, in the order customers usually move through them. */
enum { AWARENESS, CONSIDERATION, PURCHASE, SERVICE, LOYALTY, N_STAGES };

static const char * const stage_keys[N_STAGES] = {
  "awareness", "consideration", "purchase", "service", "loyalty",
};

/* xoshiro256**: fast, and unlike GRand its sequence is ours to keep, so the
 * same seed gives the same data on every platform and GLib version. */
typedef struct
{
  guint64 s[4];
} Rng;

static inline guint64
rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

static void
rng_init (Rng     *rng,
          guint64  seed)
{
  /* splitmix64 spreads any seed, even 0, over the whole state. */
  for (guint i = 0; i < 4; i++)
    {
      guint64 z = (seed += 0x9e3779b97f4a7c15ULL);

      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      rng->s[i] = z ^ (z >> 31);
    }
}

/* Uniform in [0, 1). */
static double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return (guint) (rng_double (rng) * n);
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

static double
rng_normal (Rng    *rng,
            double  mean,
            double  sd)
{
  double u = 1.0 - rng_double (rng);
  double v = rng_double (rng);

  return mean + sd * sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static double
rng_exponential (Rng    *rng,
                 double  mean)
{
  return -log (1.0 - rng_double (rng)) * mean;
}

static gpointer
pick (Rng       *rng,
      GPtrArray *array)
{
  return g_ptr_array_index (array, rng_below (rng, array->len));
}

static double
sigmoid (double x)
{
  return 1.0 / (1.0 + exp (-x));
}

/* Everything one run needs besides the generator's parameters. */
typedef struct
{
  CrmDemoVocabulary *vocabulary;
  CrmStore          *store;
  Rng                rng;
  gint64             end_time;
  gint64            *channel_ids;           /* by vocabulary channel index */
  gint64            *type_ids;              /* by vocabulary type index */
  GArray            *stage_types[N_STAGES]; /* vocabulary type indexes with weight > 0 */
  guint              cart_abandoned;        /* the type emitted for a purchase not made */
  guint64            n_touchpoints;
  guint64            n_transactions;
} Run;

static void
crm_demo_generator_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrmDemoGenerator *self = CRM_DEMO_GENERATOR (object);

  switch (prop_id)
    {
    case PROP_SEED:
      g_value_set_uint64 (value, self->seed);
      break;
    case PROP_N_CUSTOMERS:
      g_value_set_uint (value, self->n_customers);
      break;
    case PROP_END_TIME:
      g_value_set_int64 (value, self->end_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_demo_generator_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrmDemoGenerator *self = CRM_DEMO_GENERATOR (object);

  switch (prop_id)
    {
    case PROP_SEED:
      self->seed = g_value_get_uint64 (value);
      break;
    case PROP_N_CUSTOMERS:
      self->n_customers = g_value_get_uint (value);
      break;
    case PROP_END_TIME:
      crm_demo_generator_set_end_time (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_demo_generator_class_init (CrmDemoGeneratorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_demo_generator_get_property;
  object_class->set_property = crm_demo_generator_set_property;

  /* The seed of the random sequence: same seed, same data. */
  properties[PROP_SEED] =
    g_param_spec_uint64 ("seed", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* How many customers to make. */
  properties[PROP_N_CUSTOMERS] =
    g_param_spec_uint ("n-customers", NULL, NULL, 0, G_MAXUINT, 1000,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Journeys end before this time (Unix seconds); 0 for the start of today
   * (UTC), so the demo always has recent activity. */
  properties[PROP_END_TIME] =
    g_param_spec_int64 ("end-time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_demo_generator_init (CrmDemoGenerator *self)
{
}

CrmDemoGenerator *
crm_demo_generator_new (guint64 seed,
                        guint   n_customers)
{
  return g_object_new (CRM_TYPE_DEMO_GENERATOR,
                       "seed", seed,
                       "n-customers", n_customers,
                       NULL);
}

guint64
crm_demo_generator_get_seed (CrmDemoGenerator *self)
{
  g_return_val_if_fail (CRM_IS_DEMO_GENERATOR (self), 0);
  return self->seed;
}

guint
crm_demo_generator_get_n_customers (CrmDemoGenerator *self)
{
  g_return_val_if_fail (CRM_IS_DEMO_GENERATOR (self), 0);
  return self->n_customers;
}

gint64
crm_demo_generator_get_end_time (CrmDemoGenerator *self)
{
  g_return_val_if_fail (CRM_IS_DEMO_GENERATOR (self), 0);
  return self->end_time;
}

void
crm_demo_generator_set_end_time (CrmDemoGenerator *self,
                                 gint64            end_time)
{
  g_return_if_fail (CRM_IS_DEMO_GENERATOR (self));
  g_return_if_fail (end_time >= 0);

  if (self->end_time == end_time)
    return;
  self->end_time = end_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TIME]);
}

/**
 * crm_demo_generator_get_n_touchpoints:
 *
 * Returns: how many touchpoints the last run stored
 */
guint64
crm_demo_generator_get_n_touchpoints (CrmDemoGenerator *self)
{
  g_return_val_if_fail (CRM_IS_DEMO_GENERATOR (self), 0);
  return self->n_touchpoints;
}

guint64
crm_demo_generator_get_n_transactions (CrmDemoGenerator *self)
{
  g_return_val_if_fail (CRM_IS_DEMO_GENERATOR (self), 0);
  return self->n_transactions;
}

/* Names and contact data */

/* A Latin-letter rendering of a name for the local part of an e-mail
 * address: people write their mail addresses in ASCII even when their name
 * is in another script. */
static void
append_romanized (GString    *out,
                  const char *name)
{
  static const struct { gunichar c; const char *latin; } table[] = {
    /* Russian and Ukrainian */
    { 0x430, "a" }, { 0x431, "b" }, { 0x432, "v" }, { 0x433, "g" }, { 0x434, "d" },
    { 0x435, "e" }, { 0x451, "e" }, { 0x436, "zh" }, { 0x437, "z" }, { 0x438, "i" },
    { 0x439, "y" }, { 0x43a, "k" }, { 0x43b, "l" }, { 0x43c, "m" }, { 0x43d, "n" },
    { 0x43e, "o" }, { 0x43f, "p" }, { 0x440, "r" }, { 0x441, "s" }, { 0x442, "t" },
    { 0x443, "u" }, { 0x444, "f" }, { 0x445, "kh" }, { 0x446, "ts" }, { 0x447, "ch" },
    { 0x448, "sh" }, { 0x449, "shch" }, { 0x44b, "y" }, { 0x44d, "e" }, { 0x44e, "yu" },
    { 0x44f, "ya" }, { 0x456, "i" }, { 0x457, "yi" }, { 0x454, "ye" }, { 0x491, "g" },
    /* Arabic consonants; short vowels are not written */
    { 0x627, "a" }, { 0x623, "a" }, { 0x625, "i" }, { 0x622, "a" }, { 0x628, "b" },
    { 0x62a, "t" }, { 0x62b, "th" }, { 0x62c, "j" }, { 0x62d, "h" }, { 0x62e, "kh" },
    { 0x62f, "d" }, { 0x630, "dh" }, { 0x631, "r" }, { 0x632, "z" }, { 0x633, "s" },
    { 0x634, "sh" }, { 0x635, "s" }, { 0x636, "d" }, { 0x637, "t" }, { 0x638, "z" },
    { 0x639, "a" }, { 0x63a, "gh" }, { 0x641, "f" }, { 0x642, "q" }, { 0x643, "k" },
    { 0x644, "l" }, { 0x645, "m" }, { 0x646, "n" }, { 0x647, "h" }, { 0x648, "w" },
    { 0x64a, "y" }, { 0x629, "a" }, { 0x649, "a" }, { 0x626, "y" }, { 0x624, "w" },
  };
  g_autofree char *lower = g_utf8_strdown (name, -1);
  const char *p;

  /* g_str_to_ascii() handles Latin letters with diacritics (ü → u); other
   * scripts go through the table; anything else is left out. */
  for (p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          if (g_ascii_isalnum (c))
            g_string_append_c (out, c);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (table); i++)
        if (table[i].c == c)
          {
            g_string_append (out, table[i].latin);
            goto next;
          }
      if (c < 0x250)
        {
          char utf8[7] = { 0 };
          g_autofree char *folded = NULL;

          g_unichar_to_utf8 (c, utf8);
          folded = g_str_to_ascii (utf8, "C");
          for (guint i = 0; folded[i] != '\0'; i++)
            if (g_ascii_isalnum (folded[i]))
              g_string_append_c (out, g_ascii_tolower (folded[i]));
        }
    next:
      ;
    }
}

static char *
make_email (Run           *run,
            CrmDemoScript  script,
            const char    *given,
            const char    *family,
            const char    *company_domain)
{
  Rng *rng = &run->rng;
  GString *local = g_string_new (NULL);
  const char *domain;

  if (script == CRM_DEMO_SCRIPT_HAN)
    {
      /* Chinese users commonly mail from a numeric QQ or 163 account. */
      g_string_append_printf (local, "%u", 10000000 + rng_below (rng, 900000000));
      domain = rng_chance (rng, 0.6) ? "qq.com" : "163.com";
    }
  else
    {
      append_romanized (local, given);
      if (rng_chance (rng, 0.5))
        {
          g_string_truncate (local, MIN (local->len, 1));
          g_string_append_c (local, '.');
        }
      else
        g_string_append_c (local, rng_chance (rng, 0.5) ? '.' : '_');
      append_romanized (local, family);
      if (rng_chance (rng, 0.3))
        g_string_append_printf (local, "%u", 1 + rng_below (rng, 99));
      domain = company_domain ? company_domain : pick (rng, run->vocabulary->email_domains);
    }

  if (local->len == 0 || local->str[local->len - 1] == '.')
    g_string_append (local, "client");
  g_string_append_printf (local, "@%s", domain);
  return g_string_free (local, FALSE);
}

/* A business domain for an organization: its first Latin word, if any. */
static char *
company_domain (const char *company)
{
  GString *word = g_string_new (NULL);

  for (const char *p = company; *p != '\0' && word->len < 20; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (word, g_ascii_tolower (*p));
      else if (word->len >= 3)
        break;
      else
        g_string_truncate (word, 0);
    }
  if (word->len < 3)
    {
      g_string_free (word, TRUE);
      return NULL;
    }
  g_string_append (word, ".example");
  return g_string_free (word, FALSE);
}

static char *
make_phone (Run               *run,
            const CrmDemoCity *city)
{
  return g_strdup_printf ("+%s %u %07u", city->calling_code,
                          20 + rng_below (&run->rng, 980),
                          rng_below (&run->rng, 10000000));
}

static char *
fill_pattern (Run        *run,
              const char *pattern)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '#')
        g_string_append_c (out, '0' + rng_below (&run->rng, 10));
      else if (*p == 'A')
        g_string_append_c (out, 'A' + rng_below (&run->rng, 26));
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static CrmAddress *
make_address (Run               *run,
              CrmDemoScript      script,
              const CrmDemoCity *city,
              const char        *label)
{
  CrmAddress *address = crm_address_new ();
  const char *street = pick (&run->rng, run->vocabulary->streets[script]);
  guint number = 1 + rng_below (&run->rng, 180);
  g_autofree char *line = NULL;
  g_autofree char *postal_code = fill_pattern (run, city->postal_pattern);

  /* Each script's own habit of writing a house number. */
  switch (script)
    {
    case CRM_DEMO_SCRIPT_CYRILLIC:
      line = g_strdup_printf ("%s, д. %u", street, number);
      break;
    case CRM_DEMO_SCRIPT_HAN:
      line = g_strdup_printf ("%s%u号", street, number);
      break;
    default:
      line = g_strdup_printf ("%s %u", street, number);
      break;
    }

  crm_address_set_label (address, label);
  crm_address_set_street (address, line);
  crm_address_set_locality (address, city->name);
  crm_address_set_postal_code (address, postal_code);
  crm_address_set_country (address, city->country);
  return address;
}

static CrmDemoScript
pick_script (Run *run)
{
  double r = rng_double (&run->rng);

  if (r < 0.50)
    return CRM_DEMO_SCRIPT_LATIN;
  if (r < 0.70)
    return CRM_DEMO_SCRIPT_CYRILLIC;
  if (r < 0.85)
    return CRM_DEMO_SCRIPT_HAN;
  return CRM_DEMO_SCRIPT_ARABIC;
}

/* An owner from the customer's region, so the pyramid company → region →
 * owner → customer holds together. */
static const CrmDemoOwner *
pick_owner (Run        *run,
            const char *region)
{
  GArray *owners = run->vocabulary->owners;
  guint start = rng_below (&run->rng, owners->len);

  for (guint i = 0; i < owners->len; i++)
    {
      const CrmDemoOwner *owner = &g_array_index (owners, CrmDemoOwner, (start + i) % owners->len);

      if (strcmp (owner->region, region) == 0)
        return owner;
    }
  return &g_array_index (owners, CrmDemoOwner, start);
}

static CrmCustomer *
make_customer (Run *run)
{
  CrmDemoVocabulary *vocabulary = run->vocabulary;
  Rng *rng = &run->rng;
  CrmDemoScript script = pick_script (run);
  GArray *cities = vocabulary->cities[script];
  const CrmDemoCity *city = &g_array_index (cities, CrmDemoCity, rng_below (rng, cities->len));
  const CrmDemoOwner *owner = pick_owner (run, city->region);
  CrmCustomer *customer = crm_customer_new ();
  g_autofree char *uid = NULL;
  gboolean organization = rng_chance (rng, 0.15);
  const char *company = NULL;
  g_autofree char *domain = NULL;
  const char *tags[3] = { NULL, NULL, NULL };

  /* The uid comes from the seeded sequence too (a version-4 UUID), so the
   * same seed gives the same customers down to their identities. */
  {
    guint64 hi = rng_next (rng), lo = rng_next (rng);

    uid = g_strdup_printf ("urn:uuid:%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
                           (guint) (hi >> 32), (guint) (hi >> 16) & 0xffff, (guint) hi & 0xfff,
                           (guint) ((lo >> 48) & 0x3fff) | 0x8000, lo & G_GUINT64_CONSTANT (0xffffffffffff));
    crm_customer_set_uid (customer, uid);
  }

  if (organization || rng_chance (rng, 0.55))
    {
      company = pick (rng, vocabulary->companies[script]);
      domain = company_domain (company);
      crm_customer_set_organization (customer, company);
    }

  if (organization)
    {
      crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_ORGANIZATION);
      crm_customer_set_display_name (customer, company);
      crm_customer_set_segment (customer, "Enterprise");
      if (rng_chance (rng, 0.85))
        {
          g_autofree char *email = g_strdup_printf ("info@%s", domain ? domain : "company.example");
          g_autoptr(CrmContactPoint) point = crm_contact_point_new (CRM_CONTACT_KIND_EMAIL, email, "work", TRUE);

          crm_customer_add_contact_point (customer, point);
        }
    }
  else
    {
      gboolean female = rng_chance (rng, 0.5);
      guint family_index = rng_below (rng, vocabulary->family_names[script][0]->len);
      const char *given = pick (rng, vocabulary->given_names[script][female]);
      const char *family = g_ptr_array_index (vocabulary->family_names[script][female], family_index);
      g_autofree char *display = NULL;

      /* Chinese names are written family name first, without a space. */
      if (script == CRM_DEMO_SCRIPT_HAN)
        display = g_strconcat (family, given, NULL);
      else
        display = g_strconcat (given, " ", family, NULL);

      crm_customer_set_given_name (customer, given);
      crm_customer_set_family_name (customer, family);
      crm_customer_set_display_name (customer, display);
      crm_customer_set_segment (customer, company ? "Small business" : "Consumer");
      if (company && rng_chance (rng, 0.4))
        crm_customer_set_title (customer, rng_chance (rng, 0.5) ? "Purchasing Manager" : "Director");

      /* Data completeness is itself a KPI: not everyone gave everything. */
      if (rng_chance (rng, 0.85))
        {
          g_autofree char *email = make_email (run, script, given, family,
                                               company && rng_chance (rng, 0.5) ? domain : NULL);
          g_autoptr(CrmContactPoint) point =
            crm_contact_point_new (CRM_CONTACT_KIND_EMAIL, email, company ? "work" : "home", TRUE);

          crm_customer_add_contact_point (customer, point);
          if (rng_chance (rng, 0.1))
            {
              g_autofree char *second = make_email (run, script, given, family, NULL);
              g_autoptr(CrmContactPoint) other =
                crm_contact_point_new (CRM_CONTACT_KIND_EMAIL, second, "home", FALSE);

              crm_customer_add_contact_point (customer, other);
            }
        }
    }

  if (rng_chance (rng, 0.75))
    {
      g_autofree char *phone = make_phone (run, city);
      g_autoptr(CrmContactPoint) point =
        crm_contact_point_new (CRM_CONTACT_KIND_PHONE, phone,
                               organization ? "work" : (rng_chance (rng, 0.7) ? "mobile" : "home"),
                               TRUE);

      crm_customer_add_contact_point (customer, point);
    }

  if (rng_chance (rng, 0.6))
    {
      g_autoptr(CrmAddress) address = make_address (run, script, city, company ? "work" : "home");

      crm_address_set_preferred (address, TRUE);
      crm_customer_add_address (customer, address);
    }

  crm_customer_set_owner (customer, owner->name);
  crm_customer_set_region (customer, city->region);

  if (rng_chance (rng, 0.3))
    tags[0] = pick (rng, vocabulary->tags);
  if (tags[0] && rng_chance (rng, 0.3))
    tags[1] = pick (rng, vocabulary->tags);
  if (tags[1] && strcmp (tags[0], tags[1]) == 0)
    tags[1] = NULL;
  crm_customer_set_tags (customer, tags);

  if (rng_chance (rng, 0.25))
    crm_customer_set_notes (customer, pick (rng, vocabulary->notes[script]));

  return customer;
}

/* Journeys */

static guint
pick_type (Run   *run,
           guint  stage)
{
  GArray *candidates = run->stage_types[stage];
  GArray *types = run->vocabulary->touchpoint_types;
  double total = 0, r;

  for (guint i = 0; i < candidates->len; i++)
    total += g_array_index (types, CrmDemoTouchpointType, g_array_index (candidates, guint, i)).weight;

  r = rng_double (&run->rng) * total;
  for (guint i = 0; i < candidates->len; i++)
    {
      guint index = g_array_index (candidates, guint, i);

      r -= g_array_index (types, CrmDemoTouchpointType, index).weight;
      if (r < 0)
        return index;
    }
  return g_array_index (candidates, guint, candidates->len - 1);
}

static int
rate (Run                         *run,
      const CrmDemoTouchpointType *type)
{
  /* Three in ten touchpoints are never rated. */
  int score;

  if (rng_chance (&run->rng, 0.3))
    return 0;
  /* Not inside CLAMP(), which would draw again on every use. */
  score = (int) lround (rng_normal (&run->rng, type->satisfaction_mean, 0.8));
  return CLAMP (score, 1, 5);
}

/* A touchpoint of the journey being made, with the transaction it led to;
 * both are written once the customer has an id. */
typedef struct
{
  CrmTouchpoint  *touchpoint;
  CrmTransaction *transaction;
} Event;

static void
clear_event (gpointer data)
{
  Event *event = data;

  g_clear_object (&event->touchpoint);
  g_clear_object (&event->transaction);
}

static void
plan_touchpoint (Run            *run,
                 GArray         *events,
                 guint           type_index,
                 gint64          when,
                 int             satisfaction,
                 CrmTransaction *transaction)
{
  const CrmDemoTouchpointType *type =
    &g_array_index (run->vocabulary->touchpoint_types, CrmDemoTouchpointType, type_index);
  Event event = { crm_touchpoint_new (), transaction };
  guint channel = type->channels[rng_below (&run->rng, type->n_channels)];
  CrmOutcome outcome;

  if (transaction != NULL)
    outcome = CRM_OUTCOME_POSITIVE;
  else if (type_index == run->cart_abandoned)
    outcome = CRM_OUTCOME_NEGATIVE;
  else if (satisfaction == 0)
    outcome = CRM_OUTCOME_NONE;
  else
    outcome = satisfaction >= 4 ? CRM_OUTCOME_POSITIVE
            : satisfaction == 3 ? CRM_OUTCOME_NEUTRAL : CRM_OUTCOME_NEGATIVE;

  crm_touchpoint_set_type_id (event.touchpoint, run->type_ids[type_index]);
  crm_touchpoint_set_channel_id (event.touchpoint, run->channel_ids[channel]);
  crm_touchpoint_set_occurred_at (event.touchpoint, when);
  crm_touchpoint_set_direction (event.touchpoint, type->direction);
  crm_touchpoint_set_outcome (event.touchpoint, outcome);
  crm_touchpoint_set_satisfaction (event.touchpoint, satisfaction);
  g_array_append_val (events, event);
}

static void
plan_purchase (Run    *run,
               GArray *events,
               gint64  when,
               double  satisfaction_so_far)
{
  GArray *products = run->vocabulary->products;
  const CrmDemoProduct *product = &g_array_index (products, CrmDemoProduct,
                                                  rng_below (&run->rng, products->len));
  CrmTransaction *transaction = crm_transaction_new ();
  guint type_index = pick_type (run, PURCHASE);
  gint64 amount = product->price_min +
                  (gint64) (rng_double (&run->rng) * (product->price_max - product->price_min));
  CrmTransactionStatus status = CRM_TRANSACTION_STATUS_COMPLETED;

  if (when > run->end_time - 3 * DAY && rng_chance (&run->rng, 0.5))
    status = CRM_TRANSACTION_STATUS_PENDING;
  else if (rng_chance (&run->rng, satisfaction_so_far < 3 ? 0.12 : 0.03))
    status = CRM_TRANSACTION_STATUS_REFUNDED;

  crm_transaction_set_occurred_at (transaction, when);
  crm_transaction_set_amount (transaction, amount);
  crm_transaction_set_currency (transaction, "EUR");
  crm_transaction_set_product (transaction, product->name);
  crm_transaction_set_status (transaction, status);

  plan_touchpoint (run, events, type_index, when,
                   rate (run, &g_array_index (run->vocabulary->touchpoint_types,
                                              CrmDemoTouchpointType, type_index)),
                   transaction);
}

static gboolean
write_events (Run     *run,
              gint64   customer_id,
              GArray  *events,
              GError **error)
{
  for (guint i = 0; i < events->len; i++)
    {
      Event *event = &g_array_index (events, Event, i);

      if (event->transaction != NULL)
        {
          crm_transaction_set_customer_id (event->transaction, customer_id);
          if (!crm_store_save_transaction (run->store, event->transaction, error))
            return FALSE;
          crm_touchpoint_set_transaction_id (event->touchpoint,
                                             crm_transaction_get_id (event->transaction));
          run->n_transactions++;
        }
      crm_touchpoint_set_customer_id (event->touchpoint, customer_id);
      if (!crm_store_save_touchpoint (run->store, event->touchpoint, error))
        return FALSE;
      run->n_touchpoints++;
    }
  return TRUE;
}

/* Walks one customer through a journey of their own choosing: back and
 * forth between awareness and consideration, a purchase decision that the
 * touchpoints seen so far sway, then service and loyalty touchpoints whose
 * quality decides whether the customer buys again or leaves. */
static void
make_journey (Run         *run,
              CrmCustomer *customer,
              GArray      *events)
{
  GArray *types = run->vocabulary->touchpoint_types;
  Rng *rng = &run->rng;
  gint64 start = crm_customer_get_created_at (customer);
  gint64 when = start, last = start;
  guint stage = AWARENESS;
  guint budget = 2 + (guint) rng_exponential (rng, 12.0);
  double propensity = rng_normal (rng, -1.4, 0.8);
  double loyalty = rng_normal (rng, -0.2, 0.5);
  double conversion_boost = 0, retention_boost = 0, satisfaction_sum = 0;
  guint n_rated = 0, purchases = 0;
  gboolean churned = FALSE;
  g_autofree gboolean *seen = g_new0 (gboolean, types->len);
  CrmLifecycleStage lifecycle;

  for (guint step = 0; step < budget && !churned; step++)
    {
      when += (gint64) (rng_exponential (rng, purchases ? 30.0 : 7.0) * DAY) + rng_below (rng, DAY);
      if (when >= run->end_time)
        break;

      if (stage == PURCHASE)
        {
          double mean = n_rated ? satisfaction_sum / n_rated : 3.5;

          if (rng_chance (rng, sigmoid (propensity + conversion_boost)))
            {
              plan_purchase (run, events, when, mean);
              purchases++;
              stage = SERVICE;
            }
          else
            {
              if (rng_chance (rng, 0.6))
                plan_touchpoint (run, events, run->cart_abandoned, when,
                                 rate (run, &g_array_index (types, CrmDemoTouchpointType,
                                                            run->cart_abandoned)),
                                 NULL);
              stage = CONSIDERATION;
              propensity -= 0.3;
            }
        }
      else
        {
          guint index = pick_type (run, stage);
          const CrmDemoTouchpointType *type = &g_array_index (types, CrmDemoTouchpointType, index);
          int satisfaction = rate (run, type);

          if (!seen[index])
            {
              conversion_boost += type->conversion_effect;
              retention_boost += type->retention_effect;
              seen[index] = TRUE;
            }
          if (satisfaction > 0)
            {
              satisfaction_sum += satisfaction;
              n_rated++;
            }
          plan_touchpoint (run, events, index, when, satisfaction, NULL);

          switch (stage)
            {
            case AWARENESS:
              if (rng_chance (rng, 0.55))
                stage = CONSIDERATION;
              break;
            case CONSIDERATION:
              if (rng_chance (rng, 0.3))
                stage = PURCHASE;
              else if (rng_chance (rng, 0.12))
                stage = AWARENESS;
              break;
            default:
              /* After a purchase: now and then the customer decides
               * whether to buy again, swayed by how they were served. */
              stage = rng_chance (rng, 0.6) ? SERVICE : LOYALTY;
              if (rng_chance (rng, 0.3))
                {
                  double mean = n_rated ? satisfaction_sum / n_rated : 3.5;
                  double p = sigmoid (loyalty + retention_boost + 1.2 * (mean - 3.5));

                  if (rng_chance (rng, p))
                    stage = PURCHASE, propensity += 2.5;
                  else if (rng_chance (rng, 0.5))
                    churned = TRUE;
                }
              break;
            }
        }
      last = when;
    }

  if (purchases == 0)
    lifecycle = last - start > 21 * DAY ? CRM_LIFECYCLE_STAGE_PROSPECT : CRM_LIFECYCLE_STAGE_LEAD;
  else if (churned || run->end_time - last > 365 * DAY)
    lifecycle = CRM_LIFECYCLE_STAGE_CHURNED;
  else if (purchases >= 3 && n_rated > 0 && satisfaction_sum / n_rated >= 3.8)
    lifecycle = CRM_LIFECYCLE_STAGE_ADVOCATE;
  else
    lifecycle = CRM_LIFECYCLE_STAGE_CUSTOMER;

  crm_customer_set_lifecycle_stage (customer, lifecycle);
  crm_customer_set_updated_at (customer, last);
}

/* Channels and touchpoint types already in the store (a second run into
 * the same database) are reused by key and name. */
static gboolean
prepare_menu (Run     *run,
              GError **error)
{
  CrmDemoVocabulary *vocabulary = run->vocabulary;
  g_autoptr(GPtrArray) channels = crm_store_list_channels (run->store, error);
  g_autoptr(GPtrArray) types = NULL;

  if (channels == NULL)
    return FALSE;
  types = crm_store_list_touchpoint_types (run->store, error);
  if (types == NULL)
    return FALSE;

  run->channel_ids = g_new0 (gint64, vocabulary->channels->len);
  for (guint i = 0; i < vocabulary->channels->len; i++)
    {
      const CrmDemoChannel *wanted = &g_array_index (vocabulary->channels, CrmDemoChannel, i);
      g_autoptr(CrmChannel) channel = NULL;

      for (guint j = 0; j < channels->len && channel == NULL; j++)
        if (strcmp (crm_channel_get_key (g_ptr_array_index (channels, j)), wanted->key) == 0)
          channel = g_object_ref (g_ptr_array_index (channels, j));
      if (channel == NULL)
        {
          channel = crm_channel_new ();
          crm_channel_set_key (channel, wanted->key);
          crm_channel_set_name (channel, wanted->name);
          crm_channel_set_position (channel, i);
          if (!crm_store_save_channel (run->store, channel, error))
            return FALSE;
        }
      run->channel_ids[i] = crm_channel_get_id (channel);
    }

  run->type_ids = g_new0 (gint64, vocabulary->touchpoint_types->len);
  for (guint s = 0; s < N_STAGES; s++)
    run->stage_types[s] = g_array_new (FALSE, FALSE, sizeof (guint));
  run->cart_abandoned = G_MAXUINT;

  for (guint i = 0; i < vocabulary->touchpoint_types->len; i++)
    {
      const CrmDemoTouchpointType *wanted =
        &g_array_index (vocabulary->touchpoint_types, CrmDemoTouchpointType, i);
      g_autoptr(CrmTouchpointType) type = NULL;

      for (guint j = 0; j < types->len && type == NULL; j++)
        if (strcmp (crm_touchpoint_type_get_name (g_ptr_array_index (types, j)), wanted->name) == 0)
          type = g_object_ref (g_ptr_array_index (types, j));
      if (type == NULL)
        {
          type = crm_touchpoint_type_new ();
          crm_touchpoint_type_set_name (type, wanted->name);
          crm_touchpoint_type_set_stage (type, wanted->stage);
          crm_touchpoint_type_set_moment_of_truth (type, wanted->moment_of_truth);
          crm_touchpoint_type_set_required_data (type, wanted->required_data);
          if (!crm_store_save_touchpoint_type (run->store, type, error))
            return FALSE;
        }
      run->type_ids[i] = crm_touchpoint_type_get_id (type);

      for (guint s = 0; s < N_STAGES; s++)
        if (strcmp (wanted->stage, stage_keys[s]) == 0 && wanted->weight > 0)
          g_array_append_val (run->stage_types[s], i);
      if (wanted->weight == 0 && strcmp (wanted->stage, "purchase") == 0)
        run->cart_abandoned = i;
    }

  for (guint s = 0; s < N_STAGES; s++)
    if (run->stage_types[s]->len == 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "seeds/touchpoint-types.tsv: no touchpoint type for the stage “%s”",
                     stage_keys[s]);
        return FALSE;
      }
  if (run->cart_abandoned == G_MAXUINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "seeds/touchpoint-types.tsv: no purchase type with weight 0 for a purchase not made");
      return FALSE;
    }
  return TRUE;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->vocabulary, crm_demo_vocabulary_free);
  g_clear_pointer (&run->channel_ids, g_free);
  g_clear_pointer (&run->type_ids, g_free);
  for (guint s = 0; s < N_STAGES; s++)
    g_clear_pointer (&run->stage_types[s], g_array_unref);
}

static gint64
start_of_today_utc (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return now - now % DAY;
}

/**
 * crm_demo_generator_run:
 * @store: where the data goes; existing data is kept
 * @progress: (nullable): called after each batch of customers
 * @cancellable: (nullable): stops the run between batches; what was
 *   committed stays
 *
 * Generates the customers with their journeys. Customers are written in
 * batches, each one transaction.
 */
gboolean
crm_demo_generator_run (CrmDemoGenerator  *self,
                        CrmStore          *store,
                        CrmProgressFunc    progress,
                        gpointer           user_data,
                        GCancellable      *cancellable,
                        GError           **error)
{
  Run run = { 0 };
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  gboolean ok = FALSE;
  gint64 existing;
  /* Journeys start within the three years before the end time. */
  const gint64 span = 3 * 365 * DAY;

  g_return_val_if_fail (CRM_IS_DEMO_GENERATOR (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  self->n_touchpoints = 0;
  self->n_transactions = 0;
  g_array_set_clear_func (events, clear_event);

  run.store = store;
  crm_store_set_cache_size (store, 32);
  run.end_time = self->end_time ? self->end_time : start_of_today_utc ();

  /* Same seed and same starting database, same data. The customers already
   * there take part in the seed so that a second run with the same seed
   * adds new customers instead of repeating the uids of the first. */
  existing = crm_store_count (store, CRM_RECORD_CUSTOMERS, error);
  if (existing < 0)
    return FALSE;
  rng_init (&run.rng, self->seed + (guint64) existing * 0x9e3779b97f4a7c15ULL);

  run.vocabulary = crm_demo_vocabulary_load (error);
  if (run.vocabulary == NULL)
    goto out;

  if (!crm_store_begin (store, error))
    goto out;
  if (!prepare_menu (&run, error))
    {
      crm_store_rollback (store);
      goto out;
    }

  for (guint i = 0; i < self->n_customers; i++)
    {
      g_autoptr(CrmCustomer) customer = make_customer (&run);
      gint64 created = run.end_time - 14 * DAY - (gint64) (rng_double (&run.rng) * span);

      crm_customer_set_created_at (customer, created);
      g_array_set_size (events, 0);
      make_journey (&run, customer, events);

      if (!crm_store_save_customer (store, customer, error) ||
          !write_events (&run, crm_customer_get_id (customer), events, error))
        {
          crm_store_rollback (store);
          goto out;
        }

      if ((i + 1) % BATCH_SIZE == 0 || i + 1 == self->n_customers)
        {
          if (!crm_store_commit (store, error))
            goto out;
          if (progress != NULL)
            progress (i + 1, self->n_customers, user_data);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (i + 1 < self->n_customers && !crm_store_begin (store, error))
            goto out;
        }
    }

  if (self->n_customers == 0 && !crm_store_commit (store, error))
    goto out;

  /* A run is a batch: the customers' RFM scores are ranked once at its end. */
  if (!crm_store_refresh_rfm (store, cancellable, error))
    goto out;

  ok = TRUE;

out:
  self->n_touchpoints = run.n_touchpoints;
  self->n_transactions = run.n_transactions;
  run_clear (&run);
  return ok;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CrmDemoGenerator *self = source_object;
  const char *path = task_data;
  g_autoptr(CrmStore) store = NULL;
  GError *error = NULL;

  /* A connection of its own: SQLite connections are not shared between
   * threads here. */
  store = crm_store_open (path, &error);
  if (store == NULL || !crm_demo_generator_run (self, store, NULL, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * crm_demo_generator_run_async:
 * @path: the database file to fill, opened on a worker thread
 *
 * Runs the generator on a worker thread.
 */
void
crm_demo_generator_run_async (CrmDemoGenerator    *self,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_DEMO_GENERATOR (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_demo_generator_run_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
crm_demo_generator_run_finish (CrmDemoGenerator  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (CRM_IS_DEMO_GENERATOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * crm_demo_generator_get_fingerprint:
 *
 * What decides the data a seed gives: the model's version and the
 * vocabularies. Benchmarks keep a generated database while its fingerprint
 * stays the same; a newer schema reaches it through the migrations, like
 * any user's database.
 *
 * Returns: (transfer full): a short string
 */
char *
crm_demo_generator_get_fingerprint (void)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_auto(GStrv) names = g_resource_enumerate_children (crm_seeds_get_resource (),
                                                       RESOURCE_BASE "/seeds/", 0, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_BASE "/seeds/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (crm_seeds_get_resource (), path, 0, NULL);

      g_checksum_update (checksum, (const guchar *) names[i], -1);
      if (bytes != NULL)
        g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }

  return g_strdup_printf ("model-%d-seeds-%.16s", MODEL_VERSION, g_checksum_get_string (checksum));
}
