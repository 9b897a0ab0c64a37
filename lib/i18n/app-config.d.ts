// Types next-intl's translators with the real message keys: a key missing from zh-CN.json fails tsc.
import type { Locale } from './locales';
import type { Messages } from './messages';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
