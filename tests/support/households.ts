// Test data factory: households with valid, unique ID numbers, stored as the app stores them.
import { expect } from 'vitest';
import { db } from '@/lib/db';
import type { HouseholdStatus } from '@/lib/generated/prisma/enums';
import { pinyinInitials } from '@/lib/households/identity';
import { encryptText, lookupHash } from '@/lib/personal-data';
import { idCheckChar } from '@/lib/validation';

let serial = 0;

function fileBlock(): number {
  const path = expect.getState().testPath ?? '';
  let hash = 0;
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 1_000;
}

/**
 * A valid ID number (GB 11643) never issued before in this process. Its area digits (990199) are used
 * by no seeded county, so factory IDs cannot collide with the seed's.
 */
export function newIdNumber(male = true): string {
  serial += 1;
  // Each test file draws from its own block of 1,800 (files share one database but not this counter).
  const index = fileBlock() * 1_800 + (serial % 1_800);
  const birth = new Date(Date.UTC(1950, 0, 1) + (index % 18_000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const sequence = String(Math.floor(index / 18_000) % 100).padStart(2, '0');
  const body = `990199${birth}${sequence}${male ? 1 : 2}`;
  return body + idCheckChar(body);
}

export function personRow(name: string, idNumber: string) {
  return {
    name,
    idNumberEnc: encryptText(idNumber),
    idNumberHash: lookupHash(idNumber),
    idLast4: idNumber.slice(-4),
    sex: Number(idNumber[16]) % 2 ? ('MALE' as const) : ('FEMALE' as const),
    birthDate: new Date(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}T00:00:00Z`),
  };
}

export async function makeHousehold(options: {
  village: string;
  headName?: string;
  status?: HouseholdStatus;
  statusSince?: Date;
  idNumber?: string;
}) {
  const headName = options.headName ?? '测试户主';
  const idNumber = options.idNumber ?? newIdNumber();
  const household = await db.household.create({
    data: {
      regionCode: options.village,
      groupName: '1组',
      headName,
      headInitials: pinyinInitials(headName),
      memberCount: 1,
      status: options.status ?? 'NOT_POOR',
      statusSince: options.statusSince ?? new Date(),
      members: {
        create: { ...personRow(headName, idNumber), regionCode: options.village, relation: 'HEAD', isHead: true },
      },
    },
    include: { members: true },
  });
  return { household, head: household.members[0], idNumber };
}
