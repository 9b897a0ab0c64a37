import { z } from 'zod';
import { checkbox, optionalInteger, optionalNumber, version } from '@/lib/validation';

export const updateVillageSchema = z
  .strictObject({
    code: z.string().regex(/^\d{12}$/),
    version,
    isPoorVillage: checkbox,
    plannedExitYear: optionalInteger(2014, 2035),
    exitedYear: optionalInteger(2014, 2035),
    latitude: optionalNumber(3, 54), // China's extent
    longitude: optionalNumber(73, 136),
  })
  .superRefine((v, ctx) => {
    if ((v.latitude === undefined) !== (v.longitude === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [v.latitude === undefined ? 'latitude' : 'longitude'],
        message: 'regions.bothCoordinates',
      });
    if (!v.isPoorVillage && v.plannedExitYear !== undefined)
      ctx.addIssue({ code: 'custom', path: ['plannedExitYear'], message: 'regions.exitYearNeedsPoor' });
  });
