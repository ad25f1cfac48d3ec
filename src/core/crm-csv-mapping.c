/* crm-csv-mapping.c
 *
 * Headers are compared in a normal form (NFKC, case-folded, letters and
 * digits only), so "E-mail Address", "e_mail address" and "EMAILADDRESS"
 * are one header, and Arabic vowel marks do not matter. Google Contacts
 * numbers its columns in groups ("E-mail 1 - Type", "E-mail 1 - Value");
 * Outlook names an address's parts after its kind ("Business Street",
 * "Business City"); both are read as groups, so the type a file gives a
 * value, and the parts of one address, stay together.
 *
 * Copyright 2026 The Touchpoint authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-csv-mapping.h"

typedef struct
{
  CrmCsvTarget  target;
  char         *label;
  guint         group;
} Column;

struct _CrmCsvMapping
{
  GObject  parent_instance;
  GArray  *columns;
};

G_DEFINE_FINAL_TYPE (CrmCsvMapping, crm_csv_mapping, G_TYPE_OBJECT)

/* Google's groups are numbered from here, clear of Outlook's. */
#define FIRST_NUMBERED_GROUP 100
enum { NO_GROUP, BUSINESS_GROUP, HOME_GROUP, OTHER_GROUP };

/* Known headers by what they mean, "|" between them, compared in normal
 * form: English and the exports of Outlook, Google Contacts and other
 * CRMs, some German, French and Spanish, Russian, Chinese and Arabic. */
typedef struct
{
  CrmCsvTarget  target;
  const char   *label;
  guint         group;
  const char   *headers;
} Known;

#define T(x) CRM_CSV_TARGET_##x
static const Known known_headers[] = {
  { T (DISPLAY_NAME), NULL, 0,
    "Name|Display Name|Full Name|Contact Name|Contact|Customer|Customer Name|ФИО|Полное имя|Контакт|"
    "Клиент|姓名|全名|联系人|客户名称|الاسم|الاسم الكامل|اسم العميل|اسم جهة الاتصال" },
  { T (GIVEN_NAME), NULL, 0,
    "Given Name|First Name|First|Forename|Vorname|Prénom|Nombre|Имя|名|名字|الاسم الأول" },
  { T (FAMILY_NAME), NULL, 0,
    "Family Name|Last Name|Surname|Last|Nachname|Apellidos|Фамилия|姓|姓氏|اسم العائلة|الكنية" },
  { T (ORGANIZATION), NULL, 0,
    "Organization|Organisation|Company|Company Name|Organization Name|Account Name|Employer|Firma|"
    "Société|Empresa|Организация|Компания|Название компании|公司|公司名称|单位|组织|الشركة|المؤسسة|اسم الشركة" },
  { T (TITLE), NULL, 0,
    "Title|Job Title|Position|Role|Organization Title|Должность|职位|职务|头衔|المسمى الوظيفي|الوظيفة|"
    "المنصب" },
  { T (EMAIL), NULL, 0,
    "Email|E-mail Address|Email Address|Mail|E-mail 2 Address|E-mail 3 Address|Primary Email|"
    "Эл. почта|Электронная почта|Почта|Адрес электронной почты|电子邮件|邮箱|电子邮箱|电邮|البريد الإلكتروني|"
    "البريد الالكتروني|البريد" },
  { T (EMAIL), "work", 0, "Work Email" },
  { T (EMAIL), "home", 0, "Home Email|Personal Email" },
  { T (EMAIL), "other", 0, "Other Email" },
  { T (PHONE), NULL, 0,
    "Phone|Telephone|Tel|Phone Number|Primary Phone|Telefon|Teléfono|Телефон|Номер телефона|电话|电话号码|"
    "联系电话|الهاتف|رقم الهاتف|هاتف" },
  { T (PHONE), "home", 0, "Home Phone|Home Phone 2|Домашний телефон" },
  { T (PHONE), "other", 0, "Other Phone" },
  { T (PHONE), "fax", 0, "Business Fax|Home Fax|Other Fax|Fax" },
  { T (PHONE), "pager", 0, "Pager" },
  { T (MOBILE_PHONE), NULL, 0,
    "Mobile|Mobile Phone|Cell|Cell Phone|Mobile Number|Handy|Мобильный|Мобильный телефон|Сотовый|手机|"
    "手机号|手机号码|移动电话|الجوال|رقم الجوال|الهاتف المحمول|المحمول" },
  { T (WORK_PHONE), NULL, 0,
    "Work Phone|Business Phone|Business Phone 2|Office Phone|Company Phone|Company Main Phone|"
    "Рабочий телефон|工作电话|办公电话|公司电话|هاتف العمل|هاتف المكتب" },
  { T (URL), NULL, 0,
    "URL|Website|Web Site|Web Page|Homepage|Web|Сайт|Веб-сайт|网站|网址|主页|الموقع الإلكتروني|الموقع" },
  { T (STREET), NULL, 0,
    "Street|Street Address|Address|Address Line 1|Address Line 2|Mailing Street|Straße|Адрес|Улица|"
    "地址|街道|详细地址|العنوان|الشارع" },
  { T (LOCALITY), NULL, 0,
    "City|Town|Locality|Mailing City|Ort|Ville|Ciudad|Город|Населённый пункт|城市|المدينة" },
  { T (REGION), NULL, 0,
    "State|Province|Region|State/Province|County|Mailing State|Регион|Область|省份|省|地区|المنطقة|"
    "المحافظة|الولاية" },
  { T (POSTAL_CODE), NULL, 0,
    "Postal Code|Postcode|ZIP|ZIP Code|Mailing Postal Code|PLZ|Code postal|Индекс|Почтовый индекс|邮编|"
    "邮政编码|الرمز البريدي" },
  { T (COUNTRY), NULL, 0,
    "Country|Country/Region|Mailing Country|Land|Pays|País|Страна|国家|国家/地区|الدولة|البلد" },
  { T (TAGS), NULL, 0,
    "Tags|Tag|Labels|Categories|Category|Groups|Group Membership|Теги|Метки|Категории|标签|分类|分组|"
    "الوسوم|العلامات|التصنيفات" },
  { T (NOTES), NULL, 0,
    "Notes|Note|Comments|Comment|Description|Remarks|Notizen|Примечание|Примечания|Заметки|"
    "Комментарий|备注|说明|ملاحظات|ملاحظة|تعليقات" },
  { T (OWNER), NULL, 0,
    "Owner|Account Owner|Contact Owner|Lead Owner|Sales Rep|Assigned To|Account Manager|"
    "Ответственный|Владелец|Менеджер|负责人|所有者|客户经理|销售代表|المسؤول|المالك|مدير الحساب" },
  { T (SEGMENT), NULL, 0, "Segment|Customer Segment|Сегмент|细分|客户细分|客户分群|الشريحة|شريحة العملاء" },
  { T (SALES_REGION), NULL, 0,
    "Sales Region|Sales Territory|Territory|Регион продаж|Территория|销售区域|销售大区|منطقة المبيعات" },
  { T (UID), NULL, 0, "UID|Unique ID|Customer UID|UUID|Идентификатор|唯一标识|المعرف|المعرف الفريد" },
  { T (STREET), "work", BUSINESS_GROUP, "Business Street|Business Street 2|Business Street 3" },
  { T (LOCALITY), "work", BUSINESS_GROUP, "Business City" },
  { T (REGION), "work", BUSINESS_GROUP, "Business State" },
  { T (POSTAL_CODE), "work", BUSINESS_GROUP, "Business Postal Code" },
  { T (COUNTRY), "work", BUSINESS_GROUP, "Business Country/Region" },
  { T (STREET), "home", HOME_GROUP, "Home Street|Home Street 2|Home Street 3" },
  { T (LOCALITY), "home", HOME_GROUP, "Home City" },
  { T (REGION), "home", HOME_GROUP, "Home State" },
  { T (POSTAL_CODE), "home", HOME_GROUP, "Home Postal Code" },
  { T (COUNTRY), "home", HOME_GROUP, "Home Country/Region" },
  { T (STREET), "other", OTHER_GROUP, "Other Street" },
  { T (LOCALITY), "other", OTHER_GROUP, "Other City" },
  { T (REGION), "other", OTHER_GROUP, "Other State" },
  { T (POSTAL_CODE), "other", OTHER_GROUP, "Other Postal Code" },
  { T (COUNTRY), "other", OTHER_GROUP, "Other Country/Region" },
};
#undef T
static const char * const target_names[CRM_CSV_N_TARGETS] = {
  N_("Do not import"), N_("Display name"), N_("Given name"), N_("Family name"), N_("Organization"),
  N_("Job title"), N_("E-mail"), N_("Phone"), N_("Mobile phone"), N_("Work phone"), N_("Website"),
  N_("Street"), N_("City"), N_("State or province"), N_("Postal code"), N_("Country"), N_("Tags"),
  N_("Notes"), N_("Owner"), N_("Segment"), N_("Sales region"), N_("Unique ID"),
  N_("Type of the values beside it"),
};

/* The name of a target for the user, in their language. */
const char *
crm_csv_target_get_name (CrmCsvTarget target)
{
  g_return_val_if_fail (target < CRM_CSV_N_TARGETS, NULL);
  return _(target_names[target]);
}

static void
clear_column (gpointer data)
{
  g_free (((Column *) data)->label);
}

static void
crm_csv_mapping_finalize (GObject *object)
{
  CrmCsvMapping *self = (CrmCsvMapping *) object;

  g_array_unref (self->columns);

  G_OBJECT_CLASS (crm_csv_mapping_parent_class)->finalize (object);
}

static void
crm_csv_mapping_class_init (CrmCsvMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_csv_mapping_finalize;
}

static void
crm_csv_mapping_init (CrmCsvMapping *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, clear_column);
}

/* A mapping of @n_columns columns, all ignored. */
CrmCsvMapping *
crm_csv_mapping_new (guint n_columns)
{
  CrmCsvMapping *self = g_object_new (CRM_TYPE_CSV_MAPPING, NULL);

  g_array_set_size (self->columns, n_columns);
  return self;
}

guint
crm_csv_mapping_get_n_columns (CrmCsvMapping *self)
{
  g_return_val_if_fail (CRM_IS_CSV_MAPPING (self), 0);
  return self->columns->len;
}

CrmCsvTarget
crm_csv_mapping_get_target (CrmCsvMapping *self,
                            guint          column)
{
  g_return_val_if_fail (CRM_IS_CSV_MAPPING (self), CRM_CSV_TARGET_IGNORE);
  return column < self->columns->len ? g_array_index (self->columns, Column, column).target
                                     : CRM_CSV_TARGET_IGNORE;
}

/* The type label the column's values get ("home", "work"), or "". */
const char *
crm_csv_mapping_get_label (CrmCsvMapping *self,
                           guint          column)
{
  g_return_val_if_fail (CRM_IS_CSV_MAPPING (self), "");
  if (column >= self->columns->len || g_array_index (self->columns, Column, column).label == NULL)
    return "";
  return g_array_index (self->columns, Column, column).label;
}

/* Columns of one group are the parts of one address, or a value and its
 * type; 0 is no group, and every address column without one is one
 * address. */
guint
crm_csv_mapping_get_group (CrmCsvMapping *self,
                           guint          column)
{
  g_return_val_if_fail (CRM_IS_CSV_MAPPING (self), 0);
  return column < self->columns->len ? g_array_index (self->columns, Column, column).group : 0;
}

/**
 * crm_csv_mapping_set_column:
 * @label: (nullable): the type label of the column's values
 *
 * Sets what a column means; the mapping grows to hold it.
 */
void
crm_csv_mapping_set_column (CrmCsvMapping *self,
                            guint          column,
                            CrmCsvTarget   target,
                            const char    *label,
                            guint          group)
{
  Column *slot;

  g_return_if_fail (CRM_IS_CSV_MAPPING (self));
  g_return_if_fail (target < CRM_CSV_N_TARGETS);

  if (column >= self->columns->len)
    g_array_set_size (self->columns, column + 1);
  slot = &g_array_index (self->columns, Column, column);
  slot->target = target;
  g_free (slot->label);
  slot->label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
  slot->group = group;
}

gboolean
crm_csv_mapping_maps (CrmCsvMapping *self,
                      CrmCsvTarget   target)
{
  g_return_val_if_fail (CRM_IS_CSV_MAPPING (self), FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, Column, i).target == target)
      return TRUE;
  return FALSE;
}

/* Whether a record can become a customer at all: some column gives a
 * name, an organization, an e-mail address or a phone number. */
gboolean
crm_csv_mapping_is_usable (CrmCsvMapping *self)
{
  g_return_val_if_fail (CRM_IS_CSV_MAPPING (self), FALSE);

  for (CrmCsvTarget t = CRM_CSV_TARGET_DISPLAY_NAME; t <= CRM_CSV_TARGET_WORK_PHONE; t++)
    if (t != CRM_CSV_TARGET_TITLE && crm_csv_mapping_maps (self, t))
      return TRUE;
  return FALSE;
}

/* A header in the form it is compared in. */
static char *
normalize_header (const char *header)
{
  g_autofree char *composed = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (composed ? composed : "", -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (key, g_utf8_get_char (p));
  return g_string_free (key, FALSE);
}

static gpointer
build_known_table (gpointer data)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known_headers); i++)
    {
      g_auto(GStrv) headers = g_strsplit (known_headers[i].headers, "|", -1);

      for (guint h = 0; headers[h] != NULL; h++)
        g_hash_table_insert (table, normalize_header (headers[h]), (gpointer) &known_headers[i]);
    }
  return table;
}

/* Google's numbered columns: "E-mail 1 - Value", "Address 2 - City".
 * Returns FALSE when @header is not one. */
static gboolean
guess_numbered (const char   *header,
                GHashTable   *groups,
                Column       *column)
{
  const char *dash = g_strrstr (header, " - ");
  const char *digits;
  g_autofree char *prefix = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *part = NULL;
  gpointer group;
  gboolean first;

  if (dash == NULL || dash == header)
    return FALSE;
  for (digits = dash; digits > header && g_ascii_isdigit (digits[-1]); digits--)
    ;
  if (digits == dash || digits == header || digits[-1] != ' ')
    return FALSE;

  prefix = g_strndup (header, dash - header);
  kind = normalize_header (prefix);
  kind[strspn (kind, "abcdefghijklmnopqrstuvwxyz")] = '\0';
  part = normalize_header (dash + 3);
  first = (dash - digits == 1 && *digits == '1');

  if (!g_hash_table_lookup_extended (groups, prefix, NULL, &group))
    {
      group = GUINT_TO_POINTER (FIRST_NUMBERED_GROUP + g_hash_table_size (groups));
      g_hash_table_insert (groups, g_strdup (prefix), group);
    }
  column->group = GPOINTER_TO_UINT (group);
  column->target = CRM_CSV_TARGET_IGNORE;

  if (g_str_equal (part, "type") || g_str_equal (part, "label"))
    column->target = CRM_CSV_TARGET_LABEL;
  else if (g_str_equal (kind, "email") && g_str_equal (part, "value"))
    column->target = CRM_CSV_TARGET_EMAIL;
  else if (g_str_equal (kind, "phone") && g_str_equal (part, "value"))
    column->target = CRM_CSV_TARGET_PHONE;
  else if (g_str_equal (kind, "website") && g_str_equal (part, "value"))
    column->target = CRM_CSV_TARGET_URL;
  else if (g_str_equal (kind, "address"))
    {
      static const struct { const char *part; CrmCsvTarget target; } parts[] = {
        { "street", CRM_CSV_TARGET_STREET }, { "city", CRM_CSV_TARGET_LOCALITY },
        { "region", CRM_CSV_TARGET_REGION }, { "postalcode", CRM_CSV_TARGET_POSTAL_CODE },
        { "country", CRM_CSV_TARGET_COUNTRY },
      };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (g_str_equal (part, parts[i].part))
          column->target = parts[i].target;
    }
  /* A customer has one organization: the first. */
  else if (g_str_equal (kind, "organization") && first && g_str_equal (part, "name"))
    column->target = CRM_CSV_TARGET_ORGANIZATION;
  else if (g_str_equal (kind, "organization") && first && g_str_equal (part, "title"))
    column->target = CRM_CSV_TARGET_TITLE;
  return TRUE;
}

/**
 * crm_csv_guess_mapping:
 * @header: the first record of a file
 *
 * Guesses what each column means from its name. A column no guess fits
 * is ignored; the user can change any column afterwards.
 *
 * Returns: (transfer full): the mapping
 */
CrmCsvMapping *
crm_csv_guess_mapping (const char * const *header)
{
  static GOnce known_once = G_ONCE_INIT;
  GHashTable *known = g_once (&known_once, build_known_table, NULL);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CrmCsvMapping *self;
  int job_title = -1, plain_title = -1;

  g_return_val_if_fail (header != NULL, NULL);

  self = crm_csv_mapping_new (g_strv_length ((char **) header));
  for (guint i = 0; header[i] != NULL; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      g_autofree char *key = normalize_header (header[i]);
      const Known *entry;

      if (guess_numbered (header[i], groups, column))
        continue;
      entry = g_hash_table_lookup (known, key);
      if (entry == NULL)
        continue;
      crm_csv_mapping_set_column (self, i, entry->target, entry->label, entry->group);
      if (g_str_equal (key, "jobtitle"))
        job_title = i;
      else if (g_str_equal (key, "title"))
        plain_title = i;
    }
  /* Outlook writes both: "Title" is then "Mr." or "Dr.". */
  if (job_title >= 0 && plain_title >= 0)
    crm_csv_mapping_set_column (self, plain_title, CRM_CSV_TARGET_IGNORE, NULL, 0);
  return self;
}
