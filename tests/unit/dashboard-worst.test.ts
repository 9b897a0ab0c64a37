// The dashboard's first screen: the areas most behind, worst first, with only the rules the viewer may see.
import { describe, expect, it } from 'vitest';
import { sectionOfMark, worstFirst } from '@/lib/dashboard/columns';

describe('areas most behind', () => {
  const rows = [
    { code: '990102101', name: '甲乡', marks: ['overdue' as const] },
    {
      code: '990102102',
      name: '乙乡',
      marks: ['overdue' as const, 'pairingGap' as const, 'attendanceAtRisk' as const],
    },
    { code: '990102103', name: '丙乡', marks: [] },
    { code: '990102104', name: '丁乡', marks: ['attendanceAtRisk' as const] },
    { code: '990102105', name: '戊乡', marks: ['warningOverdue' as const] },
  ];

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
