import { createTranslator } from 'use-intl/core';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import type { Locale } from './locales';

export type Messages = typeof zhCN;
export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** A translator for code that runs outside React (server actions, route handlers). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

/** In tests (vitest, and the Playwright server with BANGFU_STRICT_MESSAGES=1) a missing message key is an error. */
export const strictMessages = () => Boolean(process.env.VITEST) || process.env.BANGFU_STRICT_MESSAGES === '1';

/**
 * Translates a full key such as "errors.required" (keys computed at run time: refusals, audit names).
 * A key with no message comes back unchanged and is logged; under test it throws.
 */
export function translateKey(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const t = translatorFor(locale) as unknown as {
    (key: string, params?: Record<string, string | number>): string;
    has(key: string): boolean;
  };
  if (t.has(key)) return t(key, params);
  if (strictMessages()) throw new Error(`Missing message: ${key} (${locale})`);
  console.error(JSON.stringify({ level: 'warn', message: 'missing message', key, locale }));
  return key;
}
