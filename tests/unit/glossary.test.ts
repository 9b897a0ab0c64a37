// One glossary for the words shown (issue 17): each term in one meaning, no second word for it, and a slash
// that means only "of" or "per".
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';

function strings(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    strings(value, path ? `${path}.${key}` : key),
  );
}

const shown = strings(zh).filter(([path]) => !path.startsWith('glossary.'));

describe('the glossary', () => {
  it('defines every term it lists, in both languages, and each term is used in the app', () => {
    const zhTerms = Object.values(zh.glossary.terms).map((entry) => entry.term);
    expect(Object.keys(en.glossary.terms)).toEqual(Object.keys(zh.glossary.terms));
    for (const term of zhTerms.filter((term) => !term.startsWith('斜线')))
      expect(
        shown.some(([, text]) => text.includes(term)),
        term,
      ).toBe(true);
  });

  it('uses no second word for a term', () => {
    // The words the walk-through found beside the glossary's (issue 17).
    for (const other of ['标记打卡', '位置异常', '考勤预警', '风险预警', '不合格'])
      expect(
        shown.filter(([, text]) => text.includes(other)).map(([path]) => path),
        other,
      ).toEqual([]);
  });

  it('writes a slash only for "of" or "per", never between parallel items', () => {
    // Parallel items: 、 or ·; "done/required" and "元/人·年" have no spaces around the slash.
    expect(shown.filter(([, text]) => / \/ /.test(text)).map(([path]) => path)).toEqual([]);
  });
});
