// Small HTTP pieces (lib/http.ts): where the language switch may send the user back to, and ids and
// page numbers read from URLs.
import { describe, expect, it } from 'vitest';
import { MAX_ID, parseId, parsePage, sameOriginPath } from '@/lib/http';
import { recordId } from '@/lib/validation';

const ORIGIN = 'http://county.example:3000';
// What the route reads: searchParams.get() has already decoded the query once.
const fromQuery = (raw: string) => new URL(`${ORIGIN}/api/locale?next=${raw}`).searchParams.get('next');

describe('sameOriginPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(sameOriginPath('/', ORIGIN)).toBe('/');
    expect(sameOriginPath('/households?q=%E5%BC%A0&page=2', ORIGIN)).toBe('/households?q=%E5%BC%A0&page=2');
    expect(sameOriginPath('/visits/new?household=12#photos', ORIGIN)).toBe('/visits/new?household=12#photos');
    expect(sameOriginPath(fromQuery(encodeURIComponent('/households?status=POOR&area=990102101')), ORIGIN)).toBe(
      '/households?status=POOR&area=990102101',
    );
    expect(sameOriginPath('/a/../b', ORIGIN)).toBe('/b');
  });

  it('never leaves the site, whatever the encoding', () => {
    const payloads = [
      '/%5Cevil.example/x', // the reported one: '/\evil.example/x', which browsers read as '//evil.example/x'
      '/%09/evil.example/', // the reported one: a tab dropped by the URL parser
      '/%0A/evil.example',
      '/%0D/evil.example',
      '/%00/evil.example',
      '/%7F/evil.example',
      '//evil.example',
      '//evil.example/x',
      '///evil.example',
      '/%2F/evil.example',
      '/%5C%5Cevil.example',
      '%5C%5Cevil.example',
      '%2F%2Fevil.example',
      'http://evil.example',
      'https:evil.example',
      'javascript:alert(1)',
      '%20//evil.example',
      'evil.example',
      '.evil.example',
      '',
      '?next=//evil.example',
      '/\\evil.example',
      '/ /evil.example'.replace(' ', '\t'),
      '/\r\n/evil.example',
      // dot segments that normalise to '//evil.example' (found by npm run bench:security)
      '/.%2F%2Fevil.example',
      '/./%2Fevil.example',
      '/..//evil.example',
      '/a/..//evil.example',
      '/.//evil.example/x',
    ];
    for (const payload of payloads) {
      const next = fromQuery(payload);
      const target = new URL(sameOriginPath(next, ORIGIN), ORIGIN);
      expect(target.origin, payload).toBe(ORIGIN);
    }
    expect(sameOriginPath(fromQuery('/%5Cevil.example/x'), ORIGIN)).toBe('/');
    expect(sameOriginPath(fromQuery('/%09/'), ORIGIN)).toBe('/');
    expect(sameOriginPath(null, ORIGIN)).toBe('/');
    expect(sameOriginPath(undefined, ORIGIN)).toBe('/');
  });

  it('takes the origin from a whole request URL too', () => {
    expect(sameOriginPath('/dashboard', `${ORIGIN}/api/locale?locale=en&next=%2Fdashboard`)).toBe('/dashboard');
    expect(sameOriginPath('//evil.example', `${ORIGIN}/api/locale`)).toBe('/');
  });
});

describe('parseId', () => {
  it('reads positive whole numbers up to PostgreSQL integer', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId('42')).toBe(42);
    expect(parseId(String(MAX_ID))).toBe(2_147_483_647);
  });

  it('answers null for anything else, so the route or page says "not found" instead of failing', () => {
    for (const text of [
      '2147483648',
      '99999999999999999999',
      '9'.repeat(400),
      '0',
      '-1',
      '01',
      '1.0',
      '1e3',
      ' 1',
      '1 ',
      '+1',
      '0x10',
      'abc',
      '',
      '١٢',
      '１２',
    ])
      expect(parseId(text), text).toBeNull();
    expect(parseId(null)).toBeNull();
    expect(parseId(undefined)).toBeNull();
  });
});

describe("recordId (a form's hidden id)", () => {
  it('takes the same ids as parseId, and refuses the rest before the database sees them', () => {
    expect(recordId.safeParse('7').data).toBe(7);
    expect(recordId.safeParse(String(MAX_ID)).data).toBe(MAX_ID);
    for (const text of ['2147483648', '99999999999999999999', '0', '-3', '1.5', 'x'])
      expect(recordId.safeParse(text).success, text).toBe(false);
    expect(recordId.safeParse('99999999999').error?.issues[0].message).toBe('errors.notFound');
  });
});

describe('parsePage', () => {
  it('reads a page number and falls back to the first page', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage('100000')).toBe(100_000);
    expect(parsePage('999999')).toBe(100_000);
    for (const text of ['99999999999999999999', '1e400', 'Infinity', '0', '-2', 'x', '', ' 2', '2.5'])
      expect(parsePage(text), text).toBe(1);
    expect(parsePage(undefined)).toBe(1);
  });
});
