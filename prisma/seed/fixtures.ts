// Fixed records the browser tests rely on (test profile only): a household whose first village notice
// has run its full period (7 days, the local default), so a test can walk the rest of registration without
// waiting; and in the team leader's village, households for the batch step (tests/e2e/identification-batch*).
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { pinyinInitials } from '../../lib/households/identity';
import { encryptText, lookupHash } from '../../lib/personal-data';
import { idCheckChar } from '../../lib/validation';

export async function seedTestFixtures(client: PrismaClient): Promise<void> {
  const body = '99019619700315123';
  const idNumber = body + idCheckChar(body);
  const idNumberHash = lookupHash(idNumber);
  if (await client.person.findUnique({ where: { idNumberHash } })) return;
  const village = '990102101201';
  const since = new Date(Date.now() - 8 * 86_400_000);
  await client.household.create({
    data: {
      regionCode: village,
      groupName: '1组',
      headName: '期满户',
      headInitials: pinyinInitials('期满户'),
      memberCount: 1,
      status: 'FIRST_NOTICE',
      statusSince: since,
      povertyCauses: ['ILLNESS'],
      medicalSecure: false,
      members: {
        create: {
          regionCode: village,
          relation: 'HEAD',
          isHead: true,
          name: '期满户',
          idNumberEnc: encryptText(idNumber),
          idNumberHash,
          idLast4: idNumber.slice(-4),
          sex: 'MALE',
          birthDate: new Date('1970-03-15T00:00:00Z'),
          health: 'SERIOUS',
        },
      },
      statusEvents: {
        create: [
          {
            regionCode: village,
            fromStatus: 'NOT_POOR',
            toStatus: 'APPLIED',
            at: new Date(since.getTime() - 86_400_000),
            userName: '测试',
            note: '申请',
          },
          {
            regionCode: village,
            fromStatus: 'APPLIED',
            toStatus: 'FIRST_NOTICE',
            at: since,
            userName: '测试',
            note: '村内公示',
          },
        ],
      },
    },
  });
  await seedBatchFixtures(client);
}

/** Heads of the batch households: NOT_POOR ones to move through the village's steps, FIRST_NOTICE ones past their period. */
export const BATCH_FIXTURES = {
  applicants: ['批量甲', '批量乙', '批量丙'],
  phone: ['批量丁'],
  overdue: ['审一户', '审二户'],
} as const;

/** In the team leader's village (the first poor village of the first township, as prisma/seed/users.ts picks it). */
async function seedBatchFixtures(client: PrismaClient): Promise<void> {
  const township = await client.region.findFirst({
    where: { level: 'TOWNSHIP', code: { startsWith: '990102' } },
    orderBy: { code: 'asc' },
  });
  const village = township
    ? await client.region.findFirst({
        where: { level: 'VILLAGE', isPoorVillage: true, code: { startsWith: township.code } },
        orderBy: { code: 'asc' },
      })
    : null;
  if (!village) return;
  const heads = [
    ...[...BATCH_FIXTURES.applicants, ...BATCH_FIXTURES.phone].map((name) => ({
      name,
      status: 'NOT_POOR' as const,
      days: 0,
    })),
    ...BATCH_FIXTURES.overdue.map((name) => ({ name, status: 'FIRST_NOTICE' as const, days: 8 })),
  ];
  for (const [index, head] of heads.entries()) {
    const body = `99019619800101${String(index + 1).padStart(2, '0')}1`;
    const idNumber = body + idCheckChar(body);
    const idNumberHash = lookupHash(idNumber);
    if (await client.person.findUnique({ where: { idNumberHash } })) continue;
    const since = new Date(Date.now() - head.days * 86_400_000);
    await client.household.create({
      data: {
        regionCode: village.code,
        groupName: '9组',
        headName: head.name,
        headInitials: pinyinInitials(head.name),
        memberCount: 1,
        status: head.status,
        statusSince: since,
        povertyCauses: ['LACK_OF_FUNDS'],
        members: {
          create: {
            regionCode: village.code,
            relation: 'HEAD',
            isHead: true,
            name: head.name,
            idNumberEnc: encryptText(idNumber),
            idNumberHash,
            idLast4: idNumber.slice(-4),
            sex: 'MALE',
            birthDate: new Date('1980-01-01T00:00:00Z'),
          },
        },
        statusEvents: {
          create:
            head.status === 'FIRST_NOTICE'
              ? [
                  {
                    regionCode: village.code,
                    fromStatus: 'APPRAISED',
                    toStatus: 'FIRST_NOTICE',
                    at: since,
                    userName: '测试',
                    note: '村内第一次公示',
                  },
                ]
              : [{ regionCode: village.code, toStatus: 'NOT_POOR', at: since, userName: '测试', note: '建档' }],
        },
      },
    });
  }
}
