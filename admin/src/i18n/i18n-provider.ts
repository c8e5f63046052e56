import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';
import { enums, resources } from '../metadata';
import type { Bilingual } from '../metadata/types';
import { enMessages, zhMessages } from './app-messages';
import { raChineseMessages } from './ra-zh';

export type Locale = 'zh' | 'en';

/** Resource names, field labels, help texts and enum values in one language, from the schema. */
function schemaMessages(locale: Locale) {
  const pick = (b: Bilingual) => b[locale];
  return {
    resources: Object.fromEntries(
      resources.map((r) => [
        r.name,
        {
          name: pick(r.label),
          fields: Object.fromEntries([...r.fields, ...r.createOnly].map((f) => [f.name, pick(f.label)])),
          helpers: Object.fromEntries([...r.fields, ...r.createOnly].filter((f) => f.help).map((f) => [f.name, pick(f.help!)])),
        },
      ]),
    ),
    enums: Object.fromEntries(Object.values(enums).map((e) => [e.name, Object.fromEntries(e.values.map((v) => [v.value, pick(v.label)]))])),
  };
}

const catalogs: Record<Locale, TranslationMessages> = {
  zh: { ...raChineseMessages, ...zhMessages, ...schemaMessages('zh') } as TranslationMessages,
  en: { ...englishMessages, ...enMessages, ...schemaMessages('en') } as TranslationMessages,
};

let current: Locale = 'zh';

/** The language the user chose; the data provider picks server messages in it. */
export const currentLocale = (): Locale => current;

export const i18nProvider = polyglotI18nProvider(
  (locale) => {
    current = locale === 'en' ? 'en' : 'zh';
    return catalogs[current];
  },
  'zh',
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  // A missing key shows the key itself instead of crashing the page.
  { allowMissing: true },
);
