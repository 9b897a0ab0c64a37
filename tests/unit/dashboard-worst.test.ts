// The dashboard's first screen: the areas most behind, worst first, with only the rules the viewer may see.
import { describe, expect, it } from 'vitest';
import {
  parseSort,
  SECTION_COLUMNS,
  sectionMarkCounts,
  sectionOfMark,
  sortRows,
  worstFirst,
  worstFirstDescending,
} from '@/lib/dashboard/columns';
import type { AreaMarks } from '@/lib/dashboard/rules';
import { emptyFigures, type Figures, ratesOf } from '@/lib/figures/rules';

describe('areas most behind', () => {
  const rows = [
    { code: '990102101', name: '甲乡', marks: { missed: ['overdue'], atRisk: [] } },
    {
      code: '990102102',
      name: '乙乡',
      marks: { missed: ['overdue', 'pairingGap'], atRisk: ['attendanceAtRisk'] },
    },
    { code: '990102103', name: '丙乡', marks: { missed: [], atRisk: [] } },
    { code: '990102104', name: '丁乡', marks: { missed: [], atRisk: ['attendanceAtRisk', 'cadreVisitGap'] } },
    { code: '990102105', name: '戊乡', marks: { missed: ['warningOverdue'], atRisk: [] } },
  ] satisfies { code: string; name: string; marks: AreaMarks }[];

  it('ranks by rules missed, then at risk; leaves out areas with nothing behind', () => {
    const all = worstFirst(rows, ['teams', 'pairings', 'visits', 'problems', 'households', 'monitoring']);
    expect(all.map((a) => a.name)).toEqual(['乙乡', '甲乡', '戊乡', '丁乡']);
    expect(all[0]).toEqual({
      code: '990102102',
      name: '乙乡',
      missed: ['overdue', 'pairingGap'],
      atRisk: ['attendanceAtRisk'],
    });
  });

  it('shows a rule only to a role that may see its section', () => {
    expect(sectionOfMark('warningOverdue')).toBe('monitoring');
    const withoutMonitoring = worstFirst(rows, ['teams', 'pairings', 'visits', 'problems', 'households']);
    expect(withoutMonitoring.map((a) => a.name)).not.toContain('戊乡');
  });
});

describe('each section, closed, says how many areas are behind; its headings sort the areas', () => {
  const none = { missed: [], atRisk: [] };
  it('counts an area once, red before amber, only for the marks of the section', () => {
    const rows: { marks: AreaMarks }[] = [
      { marks: { missed: ['cadreVisitGap'], atRisk: ['teamVisitGap'] } },
      { marks: { missed: [], atRisk: ['teamVisitGap'] } },
      { marks: { missed: ['overdue'], atRisk: [] } },
      { marks: none },
    ];
    expect(sectionMarkCounts('visits', rows)).toEqual({ missed: 1, atRisk: 1 });
    expect(sectionMarkCounts('problems', rows)).toEqual({ missed: 1, atRisk: 0 });
    expect(sectionMarkCounts('oversight', rows)).toEqual({ missed: 0, atRisk: 0 });
  });

  it('reads only a sort of a real column; shares first sort lowest first, counts highest first', () => {
    expect(parseSort('visits.cadreVisitRate', undefined)).toEqual({
      section: 'visits',
      column: 'cadreVisitRate',
      descending: false,
    });
    expect(parseSort('visits.cadreVisitRate', '1')?.descending).toBe(true);
    expect(parseSort('visits.nonsense', undefined)).toBeNull();
    expect(parseSort('secrets.x', undefined)).toBeNull();
    expect(parseSort(undefined, undefined)).toBeNull();
    const column = (key: string) => SECTION_COLUMNS.visits.find((c) => c.key === key)!;
    expect(worstFirstDescending(column('cadreVisitRate'))).toBe(false);
    expect(worstFirstDescending(column('cadreVisitsMissing'))).toBe(true);
  });

  it('sorts by the figure, ties in code order', () => {
    const area = (code: string, values: Partial<Figures>) => {
      const figures = { ...emptyFigures(), ...values };
      return { code, figures, rates: ratesOf(figures), marks: none };
    };
    const rows = [
      area('3', { cadreVisitsDue: 10, cadreVisitsDone: 9 }),
      area('1', { cadreVisitsDue: 10, cadreVisitsDone: 5 }),
      area('2', { cadreVisitsDue: 10, cadreVisitsDone: 9 }),
    ];
    const by = (descending: boolean) =>
      sortRows(rows, { section: 'visits', column: 'cadreVisitRate', descending }).map((r) => r.code);
    expect(by(false)).toEqual(['1', '2', '3']);
    expect(by(true)).toEqual(['2', '3', '1']);
  });
});
