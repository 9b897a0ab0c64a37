import { describe, expect, it } from 'vitest';
import { ChainChecker, type ChainRow, chainHash, chainText, GENESIS_HASH } from '@/lib/audit/chain';
import { diffFields, maskMiddle, sanitizeChanges } from '@/lib/audit/rules';

describe('audit changes', () => {
  it('never keeps a password and masks personal numbers', () => {
    const clean = sanitizeChanges({
      password: 'Secret123!',
      newPassword: 'x',
      idNumber: '110101199003071234',
      phone: '13812345678',
      name: '张三',
    });
    expect(clean).toEqual({
      password: '[hidden]',
      newPassword: '[hidden]',
      idNumber: '1101**********1234',
      phone: '1381***5678',
      name: '张三',
    });
  });

  it('masks inside nested changes', () => {
    expect(sanitizeChanges({ head: { idNumber: '110101199003071234' } })).toEqual({
      head: { idNumber: '1101**********1234' },
    });
  });

  it('masks short values entirely', () => {
    expect(maskMiddle('1234567')).toBe('*******');
  });

  it('lists only the fields that changed', () => {
    expect(diffFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: null })).toEqual({ b: { from: 'x', to: 'y' } });
    expect(diffFields<Record<string, unknown>>({ a: null }, { a: 5 })).toEqual({ a: { from: null, to: 5 } });
  });
});

describe('audit chain', () => {
  const row = (id: number, prevHash: string, extra: Partial<ChainRow> = {}): ChainRow => {
    const base: ChainRow = {
      id: String(id),
      at: new Date(Date.UTC(2026, 11, 4, 8, 0, id, 5)),
      userId: 7,
      username: 'auditor',
      role: 'AUDITOR',
      action: 'test',
      entity: null,
      entityId: null,
      regionCode: '990102',
      result: 'OK',
      changes: '{"a": 1}',
      message: null,
      requestId: null,
      prevHash,
      hash: null,
      ...extra,
    };
    return { ...base, hash: chainHash(base) };
  };
  const chain = (ids: number[]) =>
    ids.reduce<ChainRow[]>((rows, id) => [...rows, row(id, rows.at(-1)?.hash ?? GENESIS_HASH)], []);
  const check = (rows: ChainRow[], head = { lastId: rows.at(-1)!.id, hash: rows.at(-1)!.hash! }) => {
    const checker = new ChainChecker();
    rows.forEach((r) => checker.add(r));
    return checker.finish(head);
  };

  it('hashes the same text PostgreSQL builds with json_build_array', () => {
    const text = chainText(row(3, GENESIS_HASH, { message: 'a"b\\c\n\u0001 村 😀', userId: null }));
    expect(text).toBe(
      `["3", "2026-12-04T08:00:03.005Z", null, "auditor", "AUDITOR", "test", null, null, "990102", "OK", "{\\"a\\": 1}", "a\\"b\\\\c\\n\\u0001 村 😀", null, "${GENESIS_HASH}"]`,
    );
  });

  it('passes an intact chain whose ids skip', () => {
    expect(check(chain([1, 2, 5, 9]))).toEqual([]);
  });

  it('names a changed row', () => {
    const rows = chain([1, 2, 3, 4]);
    rows[2] = { ...rows[2]!, result: 'REFUSED' };
    expect(check(rows)).toEqual([{ kind: 'changed', id: '3' }]);
  });

  it('names a deleted row by its neighbours', () => {
    const rows = chain([1, 2, 3, 4]);
    expect(check([rows[0]!, rows[1]!, rows[3]!])).toEqual([{ kind: 'missing', afterId: '2', beforeId: '4' }]);
    expect(check(rows.slice(1))).toEqual([{ kind: 'missing', afterId: null, beforeId: '2' }]);
  });

  it('names deleted newest rows from the head', () => {
    const rows = chain([1, 2, 3]);
    expect(check(rows.slice(0, 2), { lastId: '3', hash: rows[2]!.hash! })).toEqual([
      { kind: 'missingNewest', afterId: '2', headId: '3' },
    ]);
    expect(new ChainChecker().finish({ lastId: '0', hash: GENESIS_HASH })).toEqual([]);
  });
});
