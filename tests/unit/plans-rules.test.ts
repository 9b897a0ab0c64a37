import { describe, expect, it } from 'vitest';
import { MEASURE_KINDS, measuresDone, measuresOfForm, measuresTotalYuan } from '@/lib/plans/rules';
import { savePlanSchema } from '@/lib/plans/schema';

describe('help plan measures (一户一策)', () => {
  it('are the eight kinds of the brief, in order', () => {
    expect(MEASURE_KINDS).toEqual([
      'INDUSTRY',
      'EMPLOYMENT',
      'EDUCATION',
      'HEALTH',
      'SOCIAL_ASSISTANCE',
      'RELOCATION',
      'HOUSING',
      'PV',
    ]);
  });

  it('take a kind when it has a target, with its amount and status (planned by default)', () => {
    const { measures, amountWithoutTarget } = measuresOfForm({
      target_INDUSTRY: '养殖肉牛 2 头',
      amount_INDUSTRY: 5000,
      status_INDUSTRY: 'IN_PROGRESS',
      target_PV: '光伏 3 千瓦',
      target_HEALTH: undefined,
    });
    expect(amountWithoutTarget).toBeNull();
    expect(measures).toEqual([
      { kind: 'INDUSTRY', target: '养殖肉牛 2 头', amountYuan: 5000, status: 'IN_PROGRESS' },
      { kind: 'PV', target: '光伏 3 千瓦', amountYuan: null, status: 'PLANNED' },
    ]);
  });

  it('name the first kind with an amount but no target', () => {
    expect(measuresOfForm({ amount_HOUSING: 20000, amount_PV: 1 }).amountWithoutTarget).toBe('HOUSING');
  });

  it('sum the yuan and count the done', () => {
    const list = [
      { amountYuan: 3000, status: 'DONE' as const },
      { amountYuan: null, status: 'PLANNED' as const },
      { amountYuan: 2000, status: 'DONE' as const },
    ];
    expect(measuresTotalYuan(list)).toBe(5000);
    expect(measuresDone(list)).toEqual({ done: 2, all: 3 });
  });

  it('parse from a form: empty fields are absent, a bad status or a negative amount is refused', () => {
    const ok = savePlanSchema.safeParse({
      householdId: '7',
      incomeTargetYuan: '6000',
      target_PV: '光伏',
      amount_PV: '',
    });
    expect(ok.success && ok.data).toMatchObject({ householdId: 7, incomeTargetYuan: 6000, target_PV: '光伏' });
    expect(ok.success && ok.data.amount_PV).toBeUndefined();
    expect(savePlanSchema.safeParse({ householdId: '7', incomeTargetYuan: '1', status_PV: 'MAYBE' }).success).toBe(
      false,
    );
    expect(savePlanSchema.safeParse({ householdId: '7', incomeTargetYuan: '1', amount_PV: '-5' }).success).toBe(false);
    expect(savePlanSchema.safeParse({ householdId: '7', incomeTargetYuan: '1', responsible: '张三' }).success).toBe(
      false,
    );
  });
});
