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

/** Translates a full key such as "errors.required"; unknown keys come back unchanged. */
export function translateKey(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const t = translatorFor(locale) as unknown as {
    (key: string, params?: Record<string, string | number>): string;
    has(key: string): boolean;
  };
  return t.has(key) ? t(key, params) : key;
}
