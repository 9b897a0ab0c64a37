// The county's numbers per year: saving a year's policy (new, or a change with optimistic locking). Runs
// inside the caller's transaction and returns what it did for the audit row; ./actions.ts wires it to a form.
import 'server-only';
import type { z } from 'zod';
import { diffFields } from '@/lib/audit/rules';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { isWithinScope } from '@/lib/regions/rules';
import { POLICY_FIELD_NAMES, type PolicyValues } from './rules';
import type { policySchema } from './schema';

/** A county's numbers for a year, inside the viewer's area. */
export async function savePolicy({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof policySchema>>): Promise<CommandOutcome> {
  const { countyCode, year, version, ...values } = input;
  if (!isWithinScope(countyCode, viewer.scopeCode)) throw new NotFoundError();
  const county = await tx.region.findFirst({ where: { code: countyCode, level: 'COUNTY' } });
  if (!county) throw new NotFoundError();
  const existing = await tx.policy.findUnique({ where: { countyCode_year: { countyCode, year } } });
  const data = values as PolicyValues;
  if (!existing) {
    if (version !== undefined) throw new ConflictError();
    const created = await tx.policy.create({ data: { countyCode, year, ...data } });
    return { entity: 'Policy', entityId: created.id, regionCode: countyCode, changes: { year, ...data } };
  }
  const updated = await tx.policy.updateMany({
    where: { id: existing.id, version: version ?? -1 },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  const before = Object.fromEntries(POLICY_FIELD_NAMES.map((name) => [name, existing[name]]));
  return {
    entity: 'Policy',
    entityId: existing.id,
    regionCode: countyCode,
    changes: { year, ...diffFields(before, data) },
  };
}
