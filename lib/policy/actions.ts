'use server';
import 'server-only';
import { action } from '@/lib/action';
import { diffFields } from '@/lib/audit/rules';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { isWithinScope } from '@/lib/regions/rules';
import { POLICY_FIELD_NAMES, type PolicyValues } from './rules';
import { policySchema } from './schema';

export const savePolicy = action('policy.save', 'policy.edit', policySchema, async ({ viewer, input, tx }) => {
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
});
