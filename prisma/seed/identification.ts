// Demo only: the team leader's village shows every stage of 两公示一公告, exit, removal (清退) and return, with
// what each step records (the appraisal, the township's signature, the reason, the cause), and 两不愁三保障
// verified in person for some of its poor households (others left unverified: unknown, as in real work).
// Runs after the visits (the checks hang on in-person visits). Households are taken in id order, so the
// demo is the same on every seed; the test profile is left as it is.
import type { HouseholdStatus, PrismaClient } from '../../lib/generated/prisma/client';
import type { StepDetails } from '../../lib/households/rules';
import { GUARANTEE_COLUMNS, GUARANTEES } from '../../lib/households/rules';
import { chinaToday, dateOfDayNumber, dayNumber } from '../../lib/time';

type Stage = { path: HouseholdStatus[]; from: HouseholdStatus };

// Each target stage, the statuses on the way there from the household's present status.
const IDENTIFICATION: HouseholdStatus[] = [
  'APPLIED',
  'APPRAISED',
  'FIRST_NOTICE',
  'TOWNSHIP_REVIEWED',
  'SECOND_NOTICE',
  'COUNTY_REVIEWED',
  'COUNTY_ANNOUNCEMENT',
];
const EXIT: HouseholdStatus[] = ['EXIT_APPRAISED', 'EXIT_NOTICE', 'EXIT_REVIEWED', 'EXIT_ANNOUNCEMENT'];
const STAGES: Stage[] = [
  ...IDENTIFICATION.map((_, i) => ({ from: 'NOT_POOR' as const, path: IDENTIFICATION.slice(0, i + 1) })),
  ...EXIT.map((_, i) => ({ from: 'REGISTERED_POOR' as const, path: EXIT.slice(0, i + 1) })),
  { from: 'REGISTERED_POOR', path: ['REMOVAL_PROPOSED'] },
  { from: 'REGISTERED_POOR', path: ['REMOVAL_PROPOSED', 'REMOVAL_NOTICE'] },
  { from: 'REGISTERED_POOR', path: ['REMOVAL_PROPOSED', 'REMOVAL_NOTICE', 'REMOVED'] },
  { from: 'LIFTED_OUT', path: ['RETURN_NOTICE'] },
];

const NOTES: Partial<Record<HouseholdStatus, string>> = {
  APPLIED: '农户申请',
  APPRAISED: '村民代表大会民主评议通过',
  FIRST_NOTICE: '村内第一次公示',
  TOWNSHIP_REVIEWED: '公示期满无异议，乡镇审核签字背书',
  SECOND_NOTICE: '第二次公示',
  COUNTY_REVIEWED: '第二次公示无异议，县级复核',
  COUNTY_ANNOUNCEMENT: '县级公告',
  EXIT_APPRAISED: '拟退出：村民主评议通过',
  EXIT_NOTICE: '村内退出公示',
  EXIT_REVIEWED: '公示期满无异议，乡镇审核签字背书',
  EXIT_ANNOUNCEMENT: '县级公告退出',
  REMOVAL_PROPOSED: '乡镇提出清退：家庭成员有财政供养人员，不符合识别标准',
  REMOVAL_NOTICE: '县级审定，清退公示',
  REMOVED: '公示期满无异议，清退',
  RETURN_NOTICE: '因病返贫，返贫公示',
};

export async function seedIdentification(client: PrismaClient, log: (line: string) => void): Promise<void> {
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
  const removal: HouseholdStatus[] = ['REMOVAL_PROPOSED', 'REMOVAL_NOTICE', 'REMOVED'];
  if (!village) return;
  if ((await client.household.count({ where: { regionCode: village.code, status: { in: removal } } })) > 0) return; // seeded already
  const today = dayNumber(chinaToday());
  const at = (daysAgo: number) => new Date(`${dateOfDayNumber(today - daysAgo)}T10:00:00+08:00`);
  const clerk = await client.user.findUnique({ where: { username: 'township' } });
  const signer = { userId: clerk?.id ?? 0, name: clerk?.displayName ?? `${township?.name ?? ''} 李建国` };
  let moved = 0;
  const taken = new Set<number>();
  for (const stage of STAGES) {
    const household = await client.household.findFirst({
      where: { regionCode: village.code, status: stage.from, id: { notIn: [...taken] } },
      orderBy: { id: 'asc' },
    });
    if (!household) continue;
    taken.add(household.id);
    // 8 days apart, the last step 3 days ago: every notice of the path has run its 7 days but the current one.
    const events = stage.path.map((to, i) => {
      const daysAgo = 3 + 8 * (stage.path.length - 1 - i);
      const details: StepDetails | null =
        to === 'APPRAISED' || to === 'EXIT_APPRAISED'
          ? {
              appraisal: {
                on: dateOfDayNumber(today - daysAgo),
                attendees: 41,
                result: 'AGREED',
                ...(to === 'EXIT_APPRAISED'
                  ? { assessYear: Number(dateOfDayNumber(today - daysAgo).slice(0, 4)) }
                  : {}),
              },
            }
          : to === 'TOWNSHIP_REVIEWED' || to === 'EXIT_REVIEWED'
            ? { vouch: { ...signer, on: dateOfDayNumber(today - daysAgo) } }
            : to === 'REMOVAL_PROPOSED'
              ? { reason: '家庭成员有财政供养人员，不符合识别标准' }
              : to === 'RETURN_NOTICE'
                ? { cause: 'ILLNESS' }
                : null;
      return {
        householdId: household.id,
        regionCode: village.code,
        fromStatus: i === 0 ? stage.from : stage.path[i - 1],
        toStatus: to,
        at: at(daysAgo),
        userName:
          to.startsWith('REMOVAL') || to === 'REMOVED' || to.includes('COUNTY') ? '县扶贫办 王晓丽' : signer.name,
        note: NOTES[to] ?? null,
        ...(details ? { details } : {}),
      };
    });
    await client.statusEvent.createMany({ data: events });
    const last = stage.path[stage.path.length - 1] as HouseholdStatus;
    await client.household.update({
      where: { id: household.id },
      data: { status: last, statusSince: at(3), version: { increment: 1 } },
    });
    moved += 1;
  }
  // 两不愁三保障 verified in person: every item for some poor households, some items for others.
  const visits = await client.visit.findMany({
    where: {
      regionCode: village.code,
      kind: 'IN_PERSON',
      household: { status: { in: ['REGISTERED_POOR', 'EXIT_APPRAISED', 'EXIT_NOTICE'] } },
    },
    orderBy: [{ visitedOn: 'desc' }, { id: 'asc' }],
    distinct: ['householdId'],
    take: 12,
  });
  let checks = 0;
  for (const [index, visit] of visits.entries()) {
    const items = index % 3 === 2 ? GUARANTEES.slice(0, 4) : GUARANTEES;
    const data = items.map((g) => ({
      householdId: visit.householdId,
      regionCode: visit.regionCode,
      item: GUARANTEE_COLUMNS[g],
      met: !(index % 4 === 3 && g === 'housing'),
      checkedOn: visit.visitedOn,
      visitId: visit.id,
      checkedById: visit.visitorId,
      checkedByName: visit.visitorName,
    }));
    await client.guaranteeCheck.createMany({ data });
    await client.household.update({
      where: { id: visit.householdId },
      data: Object.fromEntries(data.map((d) => [d.item, d.met])),
    });
    checks += data.length;
  }
  log(`identification stages: ${moved} households in ${village.name}, ${checks} in-person guarantee checks`);
}
