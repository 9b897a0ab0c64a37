// Projects for the tests: a project made straight in the database at any stage, and the removal of every project,
// voucher, audit, asset and mutual-aid record in the given villages (run before removeProblemFixtures, which
// removes the villages, households, units and users of tests/support/problems.ts the tests build on).
import { db } from '@/lib/db';
import type { FundSource, ProjectStage } from '@/lib/enums';
import { homeArea } from '@/lib/projects/rules';
import { chinaToday, dateOfDayNumber, dayNumber, dayOf } from '@/lib/time';
import { makeProblemUnit } from './problems';

const made = { projects: new Set<number>(), villages: new Set<string>(), fundYears: new Set<string>() };

export function trackProjectVillage(code: string) {
  made.villages.add(code);
}
export function trackFundYear(countyCode: string, year: number) {
  made.fundYears.add(`${countyCode}:${year}`);
}

/** A project of `villages` at `stage`, its budget by source (fen), made by `userId`. */
export async function makeProject(options: {
  villages: string[];
  userId: number;
  stage?: ProjectStage;
  funds?: Partial<Record<FundSource, bigint>>;
  year?: number;
  plannedEndOn?: string;
  progressPercent?: number;
  name?: string;
}) {
  for (const v of options.villages) made.villages.add(v);
  const unit = await makeProblemUnit(options.villages[0].slice(0, 6));
  const today = chinaToday();
  const funds = Object.entries(options.funds ?? { CENTRAL: 10_000_000n }) as [FundSource, bigint][];
  const stage = options.stage ?? 'PROPOSED';
  const project = await db.project.create({
    data: {
      regionCode: homeArea([...options.villages].sort()),
      year: options.year ?? Number(today.slice(0, 4)),
      name: options.name ?? `测试项目${made.projects.size + 1}`,
      kind: 'INFRASTRUCTURE',
      description: '测试',
      ownerUnitId: unit.id,
      contactName: '测试',
      contactPhone: '13900000000',
      plannedEndOn: dayOf(options.plannedEndOn ?? dateOfDayNumber(dayNumber(today) + 90)),
      stage,
      progressPercent:
        options.progressPercent ?? (['ACCEPTED', 'ASSETS_REGISTERED', 'EVALUATED', 'CLOSED'].includes(stage) ? 100 : 0),
      noticeStartOn:
        stage === 'PROPOSED' || stage === 'APPROVED' ? null : dayOf(dateOfDayNumber(dayNumber(today) - 30)),
      noticeEndOn: stage === 'PROPOSED' || stage === 'APPROVED' ? null : dayOf(dateOfDayNumber(dayNumber(today) - 21)),
      createdById: options.userId,
      villages: { create: options.villages.map((villageCode) => ({ villageCode })) },
      funds: { create: funds.map(([source, amountFen]) => ({ source, amountFen })) },
      steps: {
        create: [
          {
            kind: 'PROPOSE',
            toStage: 'PROPOSED',
            userId: options.userId,
            userName: '测试',
            createdAt: dayOf(dateOfDayNumber(dayNumber(today) - 40)),
          },
          ...(stage !== 'PROPOSED' && stage !== 'REJECTED'
            ? [
                {
                  kind: 'APPROVE' as const,
                  fromStage: 'PROPOSED' as const,
                  toStage: 'APPROVED' as const,
                  userId: options.userId,
                  userName: '测试',
                  createdAt: dayOf(dateOfDayNumber(dayNumber(today) - 35)),
                },
              ]
            : []),
        ],
      },
    },
  });
  made.projects.add(project.id);
  return project;
}

export async function removeProjectFixtures() {
  const villages = [...made.villages];
  const projects = [
    ...made.projects,
    ...(
      await db.project.findMany({
        where: { OR: [{ villages: { some: { villageCode: { in: villages } } } }, { regionCode: { in: villages } }] },
        select: { id: true },
      })
    ).map((p) => p.id),
  ];
  const assets = (await db.asset.findMany({ where: { projectId: { in: projects } }, select: { id: true } })).map(
    (a) => a.id,
  );
  await db.assetIncome.deleteMany({ where: { assetId: { in: assets } } });
  await db.asset.deleteMany({ where: { id: { in: assets } } });
  await db.projectAudit.deleteMany({ where: { projectId: { in: projects } } });
  await db.projectPayment.deleteMany({ where: { projectId: { in: projects } } });
  await db.project.deleteMany({ where: { id: { in: projects } } }); // villages, funds, beneficiaries and steps go with them
  const loans = (await db.mutualLoan.findMany({ where: { villageCode: { in: villages } }, select: { id: true } })).map(
    (l) => l.id,
  );
  await db.mutualRepayment.deleteMany({ where: { loanId: { in: loans } } });
  await db.mutualLoan.deleteMany({ where: { id: { in: loans } } });
  await db.mutualFundCapital.deleteMany({ where: { villageCode: { in: villages } } });
  for (const key of made.fundYears) {
    const [countyCode, year] = key.split(':');
    await db.fundYear.deleteMany({ where: { countyCode, year: Number(year) } });
  }
  for (const set of Object.values(made)) set.clear();
}
