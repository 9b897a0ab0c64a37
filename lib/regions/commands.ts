// The region registry's writes: a village's facts (poor village, exit years, its point on the map). Runs
// inside the caller's transaction and returns what it did for the audit row; ./actions.ts wires it to a form.
import 'server-only';
import type { z } from 'zod';
import { diffFields } from '@/lib/audit/rules';
import type { CommandContext, CommandOutcome } from '@/lib/command';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { isWithinScope } from './rules';
import type { updateVillageSchema } from './schema';

/** A village's facts, in the viewer's area, with optimistic locking. */
export async function updateVillage({
  viewer,
  input,
  tx,
}: CommandContext<z.output<typeof updateVillageSchema>>): Promise<CommandOutcome> {
  if (!isWithinScope(input.code, viewer.scopeCode)) throw new NotFoundError();
  const village = await tx.region.findFirst({ where: { code: input.code, level: 'VILLAGE' } });
  if (!village) throw new NotFoundError();
  const fields = {
    isPoorVillage: input.isPoorVillage,
    plannedExitYear: input.plannedExitYear ?? null,
    exitedYear: input.exitedYear ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
  const updated = await tx.region.updateMany({
    where: { code: village.code, version: input.version },
    data: { ...fields, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
  return {
    entity: 'Region',
    entityId: village.code,
    regionCode: village.code,
    changes: diffFields(village, fields),
    message: 'regions.villageSaved',
  };
}
