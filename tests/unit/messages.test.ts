// The two languages carry the same message keys, so no page falls back to showing a raw key.
import { describe, expect, it } from 'vitest';
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
});

describe('a missing message key', () => {
  it('throws under test instead of showing the key, and a present key translates', () => {
    expect(translateKey('zh-CN', 'errors.required')).not.toBe('errors.required');
    expect(() => translateKey('zh-CN', 'errors.noSuchKey')).toThrow('Missing message: errors.noSuchKey');
  });
});
