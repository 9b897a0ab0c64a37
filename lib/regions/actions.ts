'use server';
import 'server-only';
import { action } from '@/lib/action';
import { diffFields } from '@/lib/audit/rules';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { isWithinScope } from './rules';
import { updateVillageSchema } from './schema';

export const updateVillage = action(
  'region.updateVillage',
  'region.edit',
  updateVillageSchema,
  async ({ viewer, input, tx }) => {
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
  },
);
