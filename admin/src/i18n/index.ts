import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale, TranslationMessages } from 'react-admin';
import { en } from './en';
import { zh } from './zh';

const messages: Record<string, TranslationMessages> = { 'zh-CN': zh as TranslationMessages, en };

/** Chinese or English, chosen from the browser's language at first, switched from the app bar. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? en,
  resolveBrowserLocale('en', { fullLocale: true }).startsWith('zh') ? 'zh-CN' : 'en',
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
