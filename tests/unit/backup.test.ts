import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { RowDigest } from '../../scripts/backup-tables';

/** Digest of COPY text delivered in the given chunks. */
async function digestOf(chunks: string[]) {
  const digest = new RowDigest();
  await pipeline(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), digest, async function* (source) {
    for await (const _ of source);
  });
  return { rows: digest.rows, digest: digest.digest() };
}

describe('table digest', () => {
  const rows = ['1\t张三\t\\N\n', '2\tline\\nbreak\t2026-12-04\n', '3\ttab\\there\t\\N\n'];

  it('does not depend on row order or on where chunks split', async () => {
    const whole = await digestOf([rows.join('')]);
    expect(whole.rows).toBe(3);
    expect(await digestOf([...rows].reverse())).toEqual(whole);
    const text = rows.join('');
    expect(await digestOf([text.slice(0, 5), text.slice(5, 6), text.slice(6, 31), text.slice(31)])).toEqual(whole);
  });

  it('changes with any value, and with a row missing or repeated', async () => {
    const whole = (await digestOf(rows)).digest;
    expect((await digestOf([rows[0]!, rows[1]!, '3\ttab\\there\t1\n'])).digest).not.toBe(whole);
    expect((await digestOf(rows.slice(0, 2))).digest).not.toBe(whole);
    expect((await digestOf([...rows, rows[0]!])).digest).not.toBe(whole);
  });

  it('refuses output that ends inside a row', async () => {
    await expect(digestOf(['1\tx\n2\ty'])).rejects.toThrow(/inside a row/);
  });
});
