// The two languages carry the same message keys, so no page falls back to showing a raw key.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { type ComponentProps, createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { StrictMessages } from '@/components/layout/strict-messages';
import { translateKey } from '@/lib/i18n/messages';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';

function keysOf(messages: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** The message (a string) at a full key, or undefined when there is none. */
function messageAt(messages: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

/** The ICU arguments a message names: "{count}", "{count, plural, …}". */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((match) => match[1]))].sort();
}

describe('messages', () => {
  it('zh-CN and en have the same keys', () => {
    const chinese = new Set(keysOf(zh));
    const english = new Set(keysOf(en));
    expect([...chinese].filter((key) => !english.has(key))).toEqual([]);
    expect([...english].filter((key) => !chinese.has(key))).toEqual([]);
  });

  it('no message is empty', () => {
    for (const [name, messages] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
      const empty = keysOf(messages).filter(
        (key) =>
          !String(
            key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages),
          ).trim(),
      );
      expect(empty, name).toEqual([]);
    }
  });

  it('a message names the same arguments in both languages', () => {
    // t() is typed by the Chinese message's arguments; an English one with another name would fail only in English.
    const differ = keysOf(zh).filter(
      (key) => argumentsOf(String(messageAt(zh, key))).join() !== argumentsOf(String(messageAt(en, key) ?? '')).join(),
    );
    expect(differ).toEqual([]);
  });
});

describe('a missing message key', () => {
  it('throws under test instead of showing the key, and a present key translates', () => {
    expect(translateKey('zh-CN', 'errors.required')).not.toBe('errors.required');
    expect(() => translateKey('zh-CN', 'errors.noSuchKey')).toThrow('Missing message: errors.noSuchKey');
  });
});

// Keys that server code names as strings (refusals, schema errors, outcome messages, translateKey) are not typed
// by next-intl; each one written out in lib/, app/ or components/ must be a message.
describe('message keys named in server code', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const sources = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(relative);
      return /\.tsx?$/.test(entry.name) ? [relative] : [];
    });
  const namespaces = Object.keys(zh).join('|');
  const fullKey = `'((?:${namespaces})\\.[\\w.]+)'`;
  const places = [
    new RegExp(`RefusedError\\(\\s*${fullKey}`, 'g'),
    new RegExp(`translateKey\\(\\s*[^,()]+,\\s*${fullKey}`, 'g'),
    new RegExp(`\\b(?:key|message|error):\\s*${fullKey}`, 'g'), // refusals, outcomes, zod issues
  ];
  // Files that translate through translateKey name full keys in their own t().
  const translateKeyCall = new RegExp(`\\bt\\(\\s*${fullKey}`, 'g');

  it('exist in the messages', () => {
    const named: string[] = [];
    for (const file of ['lib', 'app', 'components'].flatMap(sources)) {
      const text = readFileSync(path.join(root, file), 'utf8');
      const patterns = text.includes('translateKey(') ? [...places, translateKeyCall] : places;
      for (const pattern of patterns) for (const [, key] of text.matchAll(pattern)) named.push(`${file}: ${key}`);
    }
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((entry) => typeof messageAt(zh, entry.split(': ')[1]) !== 'string')).toEqual([]);
  });
});

/** A client component that shows one message; the key is any string, as a computed key's would be. */
function Text({ messageKey }: { messageKey: string }) {
  const t = useTranslations() as unknown as (key: string) => string;
  return createElement('p', null, t(messageKey));
}

// createElement passes children as its third argument; the props types want them among the props.
type ProviderProps = ComponentProps<typeof NextIntlClientProvider>;
const render = (messageKey: string, strict: boolean) => {
  const text = createElement(Text, { messageKey });
  const config = { locale: 'zh-CN', messages: zh, timeZone: 'Asia/Shanghai' } as ProviderProps;
  return renderToString(
    createElement(
      NextIntlClientProvider,
      config,
      strict ? createElement(StrictMessages, {} as ComponentProps<typeof StrictMessages>, text) : text,
    ),
  );
};

describe('client components', () => {
  it('under test throw on a missing message key (the page breaks), and translate a present one', () => {
    expect(render('errors.required', true)).toContain(zh.errors.required);
    expect(() => render('errors.noSuchKey', true)).toThrow('MISSING_MESSAGE');
  });

  it('in production log a missing key and show its path', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(render('errors.noSuchKey', false)).toContain('errors.noSuchKey');
    expect(String(log.mock.calls[0]?.[0])).toContain('MISSING_MESSAGE');
    log.mockRestore();
  });
});
