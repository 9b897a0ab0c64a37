import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { availableSteps, checkStep, deadlineDays, isOverdue, rectificationRate } from '@/lib/problems/rules';

const village = { userId: 1, level: 'VILLAGE' as const };
const township = { userId: 2, level: 'TOWNSHIP' as const };
const county = { userId: 3, level: 'COUNTY' as const };

describe('problem workflow', () => {
  it('goes open → in progress → solved → struck off', () => {
    expect(checkStep('START', 'OPEN', village, null)).toEqual({ ok: true, to: 'IN_PROGRESS' });
    expect(checkStep('SOLVE', 'IN_PROGRESS', village, null)).toEqual({ ok: true, to: 'SOLVED' });
    expect(checkStep('STRIKE_OFF', 'SOLVED', township, village.userId)).toEqual({ ok: true, to: 'STRUCK_OFF' });
  });
  it('refuses a step out of order', () => {
    expect(checkStep('STRIKE_OFF', 'OPEN', county, null)).toEqual({ ok: false, reason: 'wrongStatus' });
    expect(checkStep('STRIKE_OFF', 'IN_PROGRESS', county, null)).toEqual({ ok: false, reason: 'wrongStatus' });
    expect(checkStep('SOLVE', 'STRUCK_OFF', county, null)).toEqual({ ok: false, reason: 'wrongStatus' });
    expect(checkStep('REOPEN', 'SOLVED', county, null)).toEqual({ ok: false, reason: 'wrongStatus' });
    expect(checkStep('ESCALATE', 'SOLVED', township, null)).toEqual({ ok: false, reason: 'wrongStatus' });
  });
  it('strikes off only by a township or county user who did not solve it', () => {
    expect(checkStep('STRIKE_OFF', 'SOLVED', village, 99)).toEqual({ ok: false, reason: 'officeOnly' });
    expect(checkStep('STRIKE_OFF', 'SOLVED', township, township.userId)).toEqual({ ok: false, reason: 'ownSolution' });
    expect(checkStep('STRIKE_OFF', 'SOLVED', county, township.userId)).toEqual({ ok: true, to: 'STRUCK_OFF' });
  });
  it('escalates an open problem and lets the new owner work on it', () => {
    expect(checkStep('ESCALATE', 'IN_PROGRESS', village, null)).toEqual({ ok: true, to: 'ESCALATED' });
    expect(checkStep('START', 'ESCALATED', township, null)).toEqual({ ok: true, to: 'IN_PROGRESS' });
    expect(checkStep('SOLVE', 'ESCALATED', township, null)).toEqual({ ok: true, to: 'SOLVED' });
  });
  it('reopens a struck-off problem and sends back a solution, office users only', () => {
    expect(checkStep('REOPEN', 'STRUCK_OFF', county, null)).toEqual({ ok: true, to: 'OPEN' });
    expect(checkStep('REOPEN', 'STRUCK_OFF', village, null)).toEqual({ ok: false, reason: 'officeOnly' });
    expect(checkStep('RETURN', 'SOLVED', township, null)).toEqual({ ok: true, to: 'IN_PROGRESS' });
  });
  it('lists what an actor can do', () => {
    expect(availableSteps('OPEN', village, null)).toEqual(['START', 'SOLVE', 'ESCALATE']);
    expect(availableSteps('SOLVED', township, township.userId)).toEqual(['RETURN']);
    expect(availableSteps('SOLVED', county, township.userId)).toEqual(['RETURN', 'STRIKE_OFF']);
  });
});

describe('deadlines and rates', () => {
  it('takes the deadline from policy by urgency', () => {
    expect(deadlineDays('URGENT', DEFAULT_POLICY)).toBe(7);
    expect(deadlineDays('HIGH', DEFAULT_POLICY)).toBe(15);
    expect(deadlineDays('NORMAL', DEFAULT_POLICY)).toBe(30);
  });
  it('is overdue only while open and after the deadline day', () => {
    expect(isOverdue('OPEN', '2026-11-30', '2026-11-30')).toBe(false);
    expect(isOverdue('OPEN', '2026-11-30', '2026-12-01')).toBe(true);
    expect(isOverdue('ESCALATED', '2026-11-30', '2026-12-01')).toBe(true);
    expect(isOverdue('SOLVED', '2026-11-30', '2026-12-01')).toBe(false);
  });
  it('rounds the rectification rate down', () => {
    expect(rectificationRate(2255, 2142)).toBe(94.9);
    expect(rectificationRate(3, 2)).toBe(66.6);
    expect(rectificationRate(0, 0)).toBe(100);
    expect(rectificationRate(4, 4)).toBe(100);
  });
});
