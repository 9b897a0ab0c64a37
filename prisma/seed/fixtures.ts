// Fixed records the browser tests rely on (test profile only): a household whose village notice
// has run its full period, so a test can walk the rest of registration without waiting 5 days.
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
  const since = new Date(Date.now() - 6 * 86_400_000);
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
}
