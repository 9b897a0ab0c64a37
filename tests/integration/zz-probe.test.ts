import { afterAll, it, expect } from 'vitest';
import { db } from '@/lib/db';
import { problemStep } from '@/lib/problems/actions';
import { run, signInAs } from './helpers';
import { makeProblem, makeProblemUnit, makeProblemVillage, removeProblemFixtures, shiftDay, today } from '../support/problems';
afterAll(removeProblemFixtures);
it('probe', async () => {
  await makeProblemVillage('990102101569');
  const t = await signInAs('township');
  const unit = await makeProblemUnit('990102', 'TOWNSHIP');
  const p = await makeProblem({ regionCode: '990102101569', userId: t.userId });
  const r = await run(problemStep, { problemId: p.id, version: 1, step: 'ESCALATE', note: 'x', owner: 'DEPARTMENT', ownerUnitId: unit.id, deadline: shiftDay(today(), 5) });
  console.log('TOWNSHIP-level unit escalation:', JSON.stringify(r), JSON.stringify(await db.problem.findUnique({ where: { id: p.id }, select: { status: true, ownerUnitId: true } })));
  // claim duplicate keys
  expect(1).toBe(1);
});
