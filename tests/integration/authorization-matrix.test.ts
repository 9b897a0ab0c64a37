// Every server action × every role, in scope and out of scope, against the permission table.
// A new action that is not listed here fails the first test.

import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as outboxRoute } from '@/app/api/outbox/route';
import type { ActionFunction } from '@/lib/action';
import type { Viewer } from '@/lib/auth/data';
import { hashPassword } from '@/lib/auth/password';
import { can, ROLES } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { DEFAULT_POLICY } from '@/lib/policy/rules';
import { chinaYear, dayOf } from '@/lib/time';
import { makeHousehold, newIdNumber, personRow } from '../support/households';
import {
  makeInspection,
  removeInspectionFixtures,
  trackAssessmentSubject,
  trackInspection,
} from '../support/inspections';
import {
  makePairing,
  makePairingCadre,
  makePairingHousehold,
  makePairingUnit,
  makePairingVillage,
  removePairingFixtures,
} from '../support/pairings';
import {
  makeProblem,
  makeProblemHousehold,
  makeProblemUnit,
  makeProblemVillage,
  removeProblemFixtures,
} from '../support/problems';
import { makeProject, removeProjectFixtures, trackFundYear, trackProjectVillage } from '../support/projects';
import {
  addDays,
  chinaToday,
  makePosting,
  makeTeam,
  makeUnit,
  makeVillage,
  removeTeamFixtures,
  teamIn,
} from '../support/teams';
import { OTHER_COUNTY, run, signInAs } from './helpers';

type Values = Record<string, string | number | boolean | undefined>;
type Case = {
  inScope: (viewer: Viewer) => Promise<Values> | Values;
  /** Input naming a record outside every county-level user's area; must change nothing. */
  outOfScope?: () => Promise<Values> | Values;
};

const USER_FOR_ROLE: Record<(typeof ROLES)[number], string> = {
  SYSTEM_ADMIN: 'sysadmin',
  COUNTY_ADMIN: 'county',
  TOWNSHIP_STAFF: 'township',
  TEAM_LEADER: 'teamleader',
  TEAM_MEMBER: 'member',
  PAIRING_CADRE: 'cadre',
  LEADER: 'leader',
  INSPECTOR: 'inspector',
  AUDITOR: 'auditor',
};

const userRef = async (username: string) => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  return { id: user.id, version: user.version };
};
const villageRef = async (code: string) => {
  const village = await db.region.findUniqueOrThrow({ where: { code } });
  return { code, version: village.version, isPoorVillage: village.isPoorVillage ? 'on' : undefined };
};
const policyInput = async (countyCode: string) => {
  const row = await db.policy.findFirst({ where: { countyCode }, orderBy: { year: 'desc' } });
  return { countyCode, year: row!.year, version: row!.version, ...DEFAULT_POLICY };
};
/** An in-person visit to a household, made directly (the matrix needs one to verify from). */
const visitOf = async (householdId: number, regionCode: string) => {
  const visitor = await db.user.findUniqueOrThrow({ where: { username: 'county' } });
  return db.visit.create({
    data: {
      clientKey: randomUUID(),
      householdId,
      regionCode,
      visitedOn: new Date(),
      kind: 'IN_PERSON',
      visitorId: visitor.id,
      visitorName: visitor.displayName,
    },
  });
};
let serial = 0;
/** A new account the account admin asked for, waiting for a county office admin. */
const pendingAccount = async (scopeCode: string, prefix: string) => {
  const requester = await db.user.findUniqueOrThrow({ where: { username: 'sysadmin' } });
  const user = await db.user.create({
    data: {
      username: `${prefix}${++serial}`,
      displayName: '待审批',
      role: 'LEADER',
      scopeCode,
      passwordHash: '!pending-approval',
      pendingApproval: 'CREATE',
      pendingRequestedById: requester.id,
      pendingRequestedAt: new Date(),
    },
  });
  return { id: user.id, version: user.version };
};

/** A village inside the viewer's area (any village of the demo county for roles above a village). */
const villageOf = (viewer: Viewer) =>
  viewer.scopeCode.length === 12
    ? viewer.scopeCode
    : viewer.scopeCode.length === 9
      ? `${viewer.scopeCode}201`
      : '990102101201';
const householdIn = async (village: string) => {
  const { household, head, idNumber } = await makeHousehold({ village, headName: `矩阵${++serial}` });
  return { household, head, idNumber };
};
const otherCountyHousehold = () => householdIn('990103101201');
/** A duplicate hit entered in `village` (its registered person there too: only the hit's area matters here). */
const duplicateHitIn = async (village: string) => {
  const { head } = await householdIn(village);
  const hit = await db.duplicateIdHit.create({
    data: {
      userId: 1,
      userName: '矩阵',
      areaCode: village,
      source: 'household.create',
      idMasked: '9901**********0000',
      existingPersonId: head.id,
      existingRegionCode: village,
    },
  });
  return hit.id;
};
const householdInput = (h: { id: number; version: number }) => ({
  id: h.id,
  version: h.version,
  groupName: '2组',
  allowance: 'NONE',
});
const memberInput = () => ({ name: '成员', idNumber: newIdNumber(), health: 'HEALTHY', labour: 'NORMAL' });
const extraMember = async (village: string) => {
  const { household } = await householdIn(village);
  const person = await db.person.create({
    data: { ...personRow('待移除', newIdNumber()), householdId: household.id, regionCode: village, relation: 'CHILD' },
  });
  await db.household.update({ where: { id: household.id }, data: { memberCount: 2 } });
  return { id: person.id, householdVersion: household.version, reason: '迁出' };
};

// Work teams and attendance: a team of the matrix's own in township 990102101 (a village-level viewer
// uses their own village's team), and one in the other county that must stay untouched.
const MATRIX_VILLAGE = '990102101501';
const OTHER_VILLAGE = '990103101501';
let villageSerial = 510;
let monthSerial = 0;
const fixtures = {} as {
  unitId: number;
  otherUnitId: number;
  otherTeamId: number;
  otherLeader: { id: number; version: number };
};
const teamVillageOf = (viewer: Viewer) => (viewer.scopeCode.length === 12 ? viewer.scopeCode : MATRIX_VILLAGE);
const freshVillage = async (township: string) => (await makeVillage(`${township}${++villageSerial}`)).code;
/** A past month nobody has signed off yet: 2001-01, 2001-02, ... */
const pastMonth = () => {
  const n = monthSerial++;
  return `${2001 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};
const teamPosting = async (village: string, role: 'LEADER' | 'MEMBER' | 'TECHNICIAN' = 'MEMBER') => {
  const today = chinaToday();
  return makePosting({
    team: await teamIn(village),
    role,
    start: addDays(today, -30),
    plannedEnd: addDays(today, 300),
  });
};
const newPostingInput = (teamId: number, unitId: number, name: string) => {
  const today = chinaToday();
  return { teamId, unitId, name, role: 'TECHNICIAN', startDate: today, plannedEndDate: addDays(today, 364) };
};

// Cadre pairings: a village of the matrix's own in township 990102101 (in scope of the county and township
// users holding the permissions), and one in the other county whose records must stay untouched.
const PAIR_VILLAGE = '990102101451';
const PAIR_OTHER_VILLAGE = '990103101451';
const pairFixtures = {} as { unitId: number; otherUnitId: number };
/** Where the viewer keeps cadres: their township, or a township of the demo county for county-level users. */
const cadreAreaOf = (viewer: Viewer) => (viewer.scopeCode.length >= 9 ? viewer.scopeCode.slice(0, 9) : '990102101');
const pairCadre = (regionCode: string, rank: 'ORDINARY' | 'SECTION_CHIEF' = 'ORDINARY') =>
  makePairingCadre({
    regionCode,
    unitId: regionCode.startsWith(OTHER_COUNTY) ? pairFixtures.otherUnitId : pairFixtures.unitId,
    rank,
    name: `结对矩阵${++serial}`,
  });
const pairHouseholdIn = (village: string) => makePairingHousehold(village, { headName: `结对矩阵户${++serial}` });
const cadreInput = (cadre: { id: number; version: number; name: string; unitId: number }) => ({
  id: cadre.id,
  version: cadre.version,
  name: `${cadre.name}改`,
  unitId: cadre.unitId,
  rank: 'SECTION_CHIEF',
});
const liaisonIn = async (village: string) => {
  const unit = await makePairingUnit(village.slice(0, 6));
  return db.villageLiaison.create({ data: { villageCode: village, unitId: unit.id } });
};
/** A county leader (seed 002) kept by `county`, and one of their villages. */
const leaderIn = async (county: string) => {
  const cadre = await pairCadre(county, 'SECTION_CHIEF');
  return db.cadre.update({ where: { id: cadre.id }, data: { leaderRole: 'OTHER' } });
};
const leaderVillageIn = async (village: string) =>
  db.leaderVillage.create({
    data: { cadreId: (await leaderIn(village.slice(0, 6))).id, villageCode: village, since: dayOf(chinaToday()) },
  });
const activePairing = async (village: string) => {
  const household = await pairHouseholdIn(village);
  return makePairing(household, (await pairCadre(village.slice(0, 6), 'SECTION_CHIEF')).id);
};
const reassignInput = async (village: string) => {
  const pairing = await activePairing(village);
  const cadre = await db.cadre.findUniqueOrThrow({ where: { id: pairing.cadreId } });
  const next = await pairCadre(village.slice(0, 9));
  return {
    cadreId: cadre.id,
    version: cadre.version,
    pairs: `${pairing.householdId}:${next.id}`,
    reason: '矩阵调离',
    markLeft: 'on',
    leftOn: chinaToday(),
  };
};

// Visits and the problem ledger: a village of the matrix's own in township 990102101 (a village-level viewer
// uses their own village: households and problems made there are removed afterwards), and one in the
// other county whose problems must stay untouched.
const FIELD_VILLAGE = '990102101571';
const FIELD_OTHER_VILLAGE = '990103101571';
const fieldVillageOf = (viewer: Viewer) => (viewer.scopeCode.length === 12 ? viewer.scopeCode : FIELD_VILLAGE);
const fieldHousehold = (village: string) => makeProblemHousehold(village, { headName: `台账矩阵户${++serial}` });

// Projects and funds (lib/projects): a project of a field village at a stage, made by the county office.
const projectIn = async (village: string, stage: 'APPROVED' | 'IN_PROGRESS' | 'ACCEPTED') => {
  trackProjectVillage(village);
  return makeProject({ villages: [village], stage, userId: (await userRef('county')).id });
};
const proposalInput = async (village: string) => {
  trackProjectVillage(village);
  return {
    year: chinaYear(),
    name: '矩阵项目',
    kind: 'INDUSTRY',
    description: '矩阵',
    villageCodes: village,
    ownerUnitId: (await makeProblemUnit(village.slice(0, 6))).id,
    contactName: '矩阵',
    contactPhone: '13912345678',
    plannedEndOn: `${chinaYear()}-12-31`,
    fund_CENTRAL: '1000',
  };
};
const assetIn = async (village: string) => {
  const project = await projectIn(village, 'ACCEPTED');
  return db.asset.create({
    data: {
      projectId: project.id,
      regionCode: village,
      kind: 'PUBLIC_BENEFIT',
      name: '矩阵资产',
      ownerName: '村集体',
      custodian: '村委会',
      valueFen: 100_000n,
      registeredOn: dayOf(chinaToday()),
      createdById: project.createdById,
    },
  });
};
const fundedVillage = async (village: string) => {
  trackProjectVillage(village);
  await db.mutualFundCapital.create({
    data: {
      villageCode: village,
      receivedOn: dayOf(chinaToday()),
      amountFen: 10_000_000n,
      source: '矩阵',
      createdById: (await userRef('county')).id,
    },
  });
  return village;
};
const loanIn = async (village: string) => {
  const household = await fieldHousehold(await fundedVillage(village));
  return db.mutualLoan.create({
    data: {
      villageCode: village,
      householdId: household.id,
      amountFen: 100_000n,
      lentOn: dayOf(addDays(chinaToday(), -10)),
      dueOn: dayOf(addDays(chinaToday(), 100)),
      createdById: (await userRef('county')).id,
    },
  });
};
const lendInput = async (village: string) => ({
  villageCode: await fundedVillage(village),
  householdId: (await fieldHousehold(village)).id,
  amount: '100',
  lentOn: addDays(chinaToday(), -1),
  dueOn: addDays(chinaToday(), 100),
});
/** A voucher already paid, written directly (the matrix reverses it). */
const paymentRow = async (village: string) => {
  const project = await projectIn(village, 'APPROVED');
  return {
    projectId: project.id,
    source: 'CENTRAL' as const,
    kind: 'DISBURSEMENT' as const,
    paidOn: dayOf(chinaToday()),
    amountFen: 10_000n,
    voucherNo: `矩阵原-${++serial}`,
    payee: '矩阵',
    createdById: project.createdById,
  };
};
const paymentInput = async (village: string) => ({
  projectId: (await projectIn(village, 'APPROVED')).id,
  source: 'CENTRAL',
  kind: 'DISBURSEMENT',
  paidOn: chinaToday(),
  amount: '100',
  voucherNo: `矩阵-${++serial}`,
  payee: '矩阵',
});
const visitInput = (householdId: number) => ({
  clientKey: randomUUID(),
  householdId,
  visitedOn: chinaToday(),
  kind: 'IN_PERSON',
  findings: '矩阵走访',
  problems: JSON.stringify([{ category: 'HOUSING', urgency: 'NORMAL', description: '矩阵走访发现问题' }]),
});
const openInput = async (village: string) => ({
  villageCode: village,
  householdId: (await fieldHousehold(village)).id,
  source: 'INSPECTION',
  category: 'OTHER',
  urgency: 'NORMAL',
  description: '矩阵登记问题',
});
const openProblemIn = async (village: string, userId: number) => {
  const problem = await makeProblem({ regionCode: village, userId, description: `台账矩阵问题${++serial}` });
  return { problemId: problem.id, version: problem.version, step: 'START' };
};

// Oversight: inspections of the team villages above (the matrix's own, or a village-level viewer's own),
// and of the other county's village, which must stay untouched.
const inspectionIn = async (village: string) =>
  makeInspection({
    villages: [{ code: village }],
    plannedOn: chinaToday(),
    createdById: (await userRef('inspector')).id,
  });
const presenceInput = async (village: string) => ({
  inspectionId: (await inspectionIn(village)).id,
  cadreId: (await teamPosting(village)).cadreId,
  day: chinaToday(),
  present: 'no',
});
const householdCheckInput = async (village: string) => {
  const household = await fieldHousehold(village);
  const inspection = await makeInspection({
    villages: [{ code: village, householdIds: [household.id] }],
    createdById: (await userRef('inspector')).id,
  });
  return {
    inspectionId: inspection.id,
    householdId: household.id,
    visitedAsClaimed: 'yes',
    knowsCadre: 'yes',
    measuresReal: 'yes',
    satisfied: 'no',
  };
};
const planInput = (areaCode: string) => ({
  kind: 'UNANNOUNCED',
  areaCode,
  plannedOn: chinaToday(),
  villageCount: 1,
  householdsPerVillage: 1,
});

/** Plans and monitoring (lib/plans, lib/monitoring): a household of `village` (named apart from 矩阵 households) paired with a cadre. */
let monitorSerial = 0;
const pairedIn = async (village: string) => {
  const { household } = await makeHousehold({ village, headName: `监测矩阵${++monitorSerial}`, status: 'LIFTED_OUT' });
  const cadre = await makePairingCadre({ regionCode: village.slice(0, 6) });
  await makePairing(household, cadre.id);
  return { household, cadre };
};
const planMeasureIn = async (village: string) => {
  const { household, cadre } = await pairedIn(village);
  const plan = await db.helpPlan.create({
    data: {
      householdId: household.id,
      regionCode: village,
      year: chinaYear(),
      cadreId: cadre.id,
      incomeTargetYuan: 6000,
      measures: { create: { kind: 'PV', target: '光伏 3 千瓦' } },
    },
    include: { measures: true },
  });
  return plan.measures[0].id;
};
const warningIn = async (village: string) => {
  const { household, cadre } = await pairedIn(village);
  const warning = await db.riskWarning.create({
    data: {
      householdId: household.id,
      regionCode: village,
      year: chinaYear(),
      cause: 'LOW_INCOME',
      detail: JSON.stringify({ perCapita: 3000, line: 6000 }),
      cadreId: cadre.id,
      raisedOn: dayOf(chinaToday()),
      dueOn: dayOf(chinaToday()),
    },
  });
  return warning.id;
};
const monitoredIn = async (village: string) => {
  const { household, cadre } = await pairedIn(village);
  return db.monitoredHousehold.create({
    data: {
      householdId: household.id,
      regionCode: village,
      kind: 'MARGINAL',
      causes: ['LOW_INCOME'],
      cadreId: cadre.id,
      source: 'TOWNSHIP',
      startedOn: dayOf(chinaToday()),
      enteredById: 1,
      enteredByName: '矩阵',
      measures: { create: { kind: 'EMPLOYMENT', target: '公益岗位' } },
    },
    include: { measures: true },
  });
};
const monitorInput = { kind: 'UNSTABLE_EXITED', cause_LOW_INCOME: 'on', target_EMPLOYMENT: '公益岗位：护林员' };

const MATRIX: Record<string, Case> = {
  'auth.logout': { inScope: () => ({}) },
  // A wrong current password: passes the permission check, then the rule refuses; nothing changes.
  'auth.changePassword': {
    inScope: () => ({
      currentPassword: 'not-my-password',
      newPassword: 'Another#Pass9',
      confirmPassword: 'Another#Pass9',
    }),
  },
  'policy.save': {
    inScope: (viewer) => policyInput(viewer.scopeCode.slice(0, 6)),
    outOfScope: () => policyInput(OTHER_COUNTY),
  },
  'region.updateVillage': {
    inScope: async () => ({ ...(await villageRef('990102101202')), latitude: 34.6, longitude: 105.7 }),
    outOfScope: async () => ({ ...(await villageRef('990103101201')), latitude: 34.6, longitude: 105.7 }),
  },
  'user.create': {
    inScope: () => ({ username: `matrix${++serial}`, displayName: '矩阵测试', role: 'LEADER', scopeCode: '990102' }),
    outOfScope: () => ({
      username: `matrix${++serial}`,
      displayName: '矩阵测试',
      role: 'LEADER',
      scopeCode: OTHER_COUNTY,
    }),
  },
  'user.update': {
    inScope: async () => ({
      ...(await userRef('matrix-target')),
      displayName: `目标${++serial}`,
      role: 'TOWNSHIP_STAFF',
      scopeCode: '990102101',
    }),
    outOfScope: async () => ({
      ...(await userRef('county2')),
      displayName: '被改了',
      role: 'COUNTY_ADMIN',
      scopeCode: OTHER_COUNTY,
    }),
  },
  'user.setDisabled': {
    inScope: async () => ({ ...(await userRef('matrix-target')), disabled: 'false' }),
    outOfScope: async () => ({ ...(await userRef('county2')), disabled: 'true' }),
  },
  'household.create': {
    inScope: (viewer) => ({
      regionCode: villageOf(viewer),
      groupName: '1组',
      allowance: 'NONE',
      headName: '新户主',
      headIdNumber: newIdNumber(),
      headHealth: 'HEALTHY',
      headLabour: 'NORMAL',
    }),
    outOfScope: () => ({
      regionCode: '990103101201',
      groupName: '1组',
      allowance: 'NONE',
      headName: '越界户',
      headIdNumber: newIdNumber(),
      headHealth: 'HEALTHY',
      headLabour: 'NORMAL',
    }),
  },
  'household.update': {
    inScope: async (viewer) => householdInput((await householdIn(villageOf(viewer))).household),
    outOfScope: async () => householdInput((await otherCountyHousehold()).household),
  },
  'household.addMember': {
    inScope: async (viewer) => {
      const { household } = await householdIn(villageOf(viewer));
      return { householdId: household.id, householdVersion: household.version, relation: 'CHILD', ...memberInput() };
    },
    outOfScope: async () => {
      const { household } = await otherCountyHousehold();
      return { householdId: household.id, householdVersion: household.version, relation: 'CHILD', ...memberInput() };
    },
  },
  'household.updateMember': {
    inScope: async (viewer) => {
      const { head, idNumber } = await householdIn(villageOf(viewer));
      return {
        id: head.id,
        version: head.version,
        relation: 'HEAD',
        name: head.name,
        idNumber,
        health: 'CHRONIC',
        labour: 'WEAK',
      };
    },
    outOfScope: async () => {
      const { head, idNumber } = await otherCountyHousehold();
      return {
        id: head.id,
        version: head.version,
        relation: 'HEAD',
        name: '改名',
        idNumber,
        health: 'CHRONIC',
        labour: 'WEAK',
      };
    },
  },
  'household.removeMember': {
    inScope: (viewer) => extraMember(villageOf(viewer)),
    outOfScope: () => extraMember('990103101201'),
  },
  'household.changeStatus': {
    inScope: async (viewer) => {
      const { household } = await householdIn(villageOf(viewer));
      return { id: household.id, version: household.version, to: 'APPLIED', note: '申请' };
    },
    outOfScope: async () => {
      const { household } = await otherCountyHousehold();
      return { id: household.id, version: household.version, to: 'APPLIED', note: '申请' };
    },
  },
  'household.batchStatus': {
    inScope: async (viewer) => {
      const { household } = await householdIn(villageOf(viewer));
      return {
        area: household.regionCode,
        from: 'NOT_POOR',
        to: 'APPLIED',
        items: `${household.id}:${household.version}`,
      };
    },
    outOfScope: async () => {
      const { household } = await otherCountyHousehold();
      return {
        area: household.regionCode,
        from: 'NOT_POOR',
        to: 'APPLIED',
        items: `${household.id}:${household.version}`,
      };
    },
  },
  'household.recordGuarantees': {
    inScope: async (viewer) => {
      const { household } = await householdIn(villageOf(viewer));
      const visit = await visitOf(household.id, household.regionCode);
      return { householdId: household.id, visitId: String(visit.id), foodSecure: 'MET' };
    },
    outOfScope: async () => {
      const { household } = await otherCountyHousehold();
      const visit = await visitOf(household.id, household.regionCode);
      return { householdId: household.id, visitId: String(visit.id), foodSecure: 'MET' };
    },
  },
  'household.saveIncome': {
    inScope: async (viewer) => ({
      householdId: (await householdIn(villageOf(viewer))).household.id,
      year: 2026,
      wageYuan: 5000,
      productionYuan: 1000,
      propertyYuan: 0,
      transferYuan: 800,
    }),
    outOfScope: async () => ({
      householdId: (await otherCountyHousehold()).household.id,
      year: 2026,
      wageYuan: 1,
      productionYuan: 1,
      propertyYuan: 0,
      transferYuan: 0,
    }),
  },
  'plan.save': {
    inScope: async (viewer) => ({
      householdId: (await pairedIn(villageOf(viewer))).household.id,
      incomeTargetYuan: 6000,
      target_INDUSTRY: '养殖肉牛 2 头',
      amount_INDUSTRY: 5000,
    }),
    outOfScope: async () => ({
      householdId: (await pairedIn('990103101201')).household.id,
      incomeTargetYuan: 6000,
      target_INDUSTRY: '越界',
    }),
  },
  'plan.measureStatus': {
    inScope: async (viewer) => ({ measureId: await planMeasureIn(villageOf(viewer)), status: 'DONE' }),
    outOfScope: async () => ({ measureId: await planMeasureIn('990103101201'), status: 'DONE' }),
  },
  'monitor.runWarnings': { inScope: () => ({}) },
  'monitor.add': {
    inScope: async (viewer) => ({ householdId: (await pairedIn(villageOf(viewer))).household.id, ...monitorInput }),
    outOfScope: async () => ({ householdId: (await pairedIn('990103101201')).household.id, ...monitorInput }),
  },
  'monitor.verify': {
    inScope: async (viewer) => ({ warningId: await warningIn(villageOf(viewer)), version: 1, ...monitorInput }),
    outOfScope: async () => ({ warningId: await warningIn('990103101201'), version: 1, ...monitorInput }),
  },
  'monitor.dismiss': {
    inScope: async (viewer) => ({ warningId: await warningIn(villageOf(viewer)), version: 1, reason: '核实不属实' }),
    outOfScope: async () => ({ warningId: await warningIn('990103101201'), version: 1, reason: '越界' }),
  },
  'monitor.close': {
    inScope: async (viewer) => ({
      monitoredId: (await monitoredIn(villageOf(viewer))).id,
      version: 1,
      verifiedBy: '王核实',
      verifiedOn: chinaToday(),
      note: '已稳定',
    }),
    outOfScope: async () => ({
      monitoredId: (await monitoredIn('990103101201')).id,
      version: 1,
      verifiedBy: '越界',
      verifiedOn: chinaToday(),
      note: '越界',
    }),
  },
  'monitor.measureStatus': {
    inScope: async (viewer) => ({ measureId: (await monitoredIn(villageOf(viewer))).measures[0].id, status: 'DONE' }),
    outOfScope: async () => ({ measureId: (await monitoredIn('990103101201')).measures[0].id, status: 'DONE' }),
  },
  'person.revealId': {
    inScope: async (viewer) => ({ personId: (await householdIn(villageOf(viewer))).head.id }),
    outOfScope: async () => ({ personId: (await otherCountyHousehold()).head.id }),
  },
  'household.resolveDuplicate': {
    inScope: async (viewer) => ({ id: await duplicateHitIn(villageOf(viewer)), resolution: '已核实' }),
    outOfScope: async () => ({ id: await duplicateHitIn('990103101201'), resolution: '越界' }),
  },
  'user.resetPassword': {
    inScope: async () => userRef('matrix-target'),
    outOfScope: async () => userRef('county2'),
  },
  'user.approve': {
    inScope: () => pendingAccount('990102', 'approve-in'),
    outOfScope: () => pendingAccount(OTHER_COUNTY, 'approve-out'),
  },
  'user.reject': {
    inScope: () => pendingAccount('990102', 'reject-in'),
    outOfScope: () => pendingAccount(OTHER_COUNTY, 'reject-out'),
  },
  // Units are filed under the viewer's own county: there is no other county to name.
  'team.createUnit': { inScope: () => ({ name: `矩阵单位${++serial}`, level: 'COUNTY' }) },
  'team.create': {
    inScope: async (viewer) => ({
      villageCode: await freshVillage(viewer.scopeCode.length >= 9 ? viewer.scopeCode.slice(0, 9) : '990102101'),
      formedOn: '2026-01-01',
    }),
    outOfScope: async () => ({ villageCode: await freshVillage('990103101'), formedOn: '2026-01-01' }),
  },
  'team.addPosting': {
    inScope: async (viewer) =>
      newPostingInput((await teamIn(teamVillageOf(viewer))).id, fixtures.unitId, `矩阵干部${++serial}`),
    outOfScope: () => newPostingInput(fixtures.otherTeamId, fixtures.otherUnitId, '越界干部'),
  },
  'team.endPosting': {
    inScope: async (viewer) => {
      const p = await teamPosting(teamVillageOf(viewer));
      return { postingId: p.id, version: p.version, endedOn: addDays(chinaToday(), -1), endReason: '矩阵' };
    },
    outOfScope: async () => {
      const p = await teamPosting(OTHER_VILLAGE);
      return { postingId: p.id, version: p.version, endedOn: addDays(chinaToday(), -1), endReason: '越界' };
    },
  },
  'team.recordActivity': {
    inScope: async (viewer) => ({
      cadreId: (await teamPosting(teamVillageOf(viewer), 'TECHNICIAN')).cadreId,
      kind: 'GUIDANCE_SESSION',
      day: chinaToday(),
    }),
    outOfScope: async () => ({
      cadreId: (await teamPosting(OTHER_VILLAGE, 'TECHNICIAN')).cadreId,
      kind: 'GUIDANCE_SESSION',
      day: chinaToday(),
    }),
  },
  'team.confirmDetached': {
    inScope: async (viewer) => {
      const p = await teamPosting(teamVillageOf(viewer), 'LEADER');
      return { postingId: p.id, version: p.version };
    },
    outOfScope: () => ({ postingId: fixtures.otherLeader.id, version: fixtures.otherLeader.version }),
  },
  // A fix without its longitude: past the permission check, then refused as invalid; nothing is written.
  'attendance.checkIn': { inScope: () => ({ latitude: 34.5 }) },
  'attendance.setDays': {
    inScope: async (viewer) => ({
      postingId: (await teamPosting(teamVillageOf(viewer))).id,
      from: chinaToday(),
      to: chinaToday(),
      kind: 'IN_VILLAGE',
    }),
    outOfScope: async () => ({
      postingId: (await teamPosting(OTHER_VILLAGE)).id,
      from: chinaToday(),
      to: chinaToday(),
      kind: 'IN_VILLAGE',
    }),
  },
  'attendance.signOff': {
    inScope: async (viewer) => ({ teamId: (await teamIn(teamVillageOf(viewer))).id, month: pastMonth() }),
    outOfScope: () => ({ teamId: fixtures.otherTeamId, month: pastMonth() }),
  },
  'cadre.create': {
    inScope: (viewer) => ({
      name: `结对矩阵${++serial}`,
      unitId: pairFixtures.unitId,
      rank: 'ORDINARY',
      idNumber: newIdNumber(),
      regionCode: cadreAreaOf(viewer),
    }),
    outOfScope: () => ({
      name: '越界结对干部',
      unitId: pairFixtures.otherUnitId,
      rank: 'ORDINARY',
      idNumber: newIdNumber(),
      regionCode: OTHER_COUNTY,
    }),
  },
  'cadre.update': {
    inScope: async (viewer) => cadreInput(await pairCadre(cadreAreaOf(viewer))),
    outOfScope: async () => cadreInput(await pairCadre(OTHER_COUNTY)),
  },
  'liaison.set': {
    inScope: async () => ({ villageCode: PAIR_VILLAGE, unitId: (await makePairingUnit('990102')).id }),
    outOfScope: async () => ({ villageCode: PAIR_OTHER_VILLAGE, unitId: (await makePairingUnit(OTHER_COUNTY)).id }),
  },
  'liaison.remove': {
    inScope: async () => ({ id: (await liaisonIn(PAIR_VILLAGE)).id }),
    outOfScope: async () => ({ id: (await liaisonIn(PAIR_OTHER_VILLAGE)).id }),
  },
  'householdLiaison.set': {
    inScope: async () => ({
      householdId: (await makePairingHousehold(PAIR_VILLAGE, { status: 'NOT_POOR', headName: `联户矩阵${++serial}` }))
        .id,
      cadreId: (await pairCadre('990102')).id,
    }),
    outOfScope: async () => ({
      householdId: (await makePairingHousehold(PAIR_OTHER_VILLAGE, { status: 'NOT_POOR', headName: '越界联户' })).id,
      cadreId: (await pairCadre(OTHER_COUNTY)).id,
    }),
  },
  'householdLiaison.assignVillage': {
    inScope: async () => ({ villageCode: PAIR_VILLAGE, cadreId: (await pairCadre('990102')).id }),
    outOfScope: async () => ({ villageCode: PAIR_OTHER_VILLAGE, cadreId: (await pairCadre(OTHER_COUNTY)).id }),
  },
  'leaderVillage.add': {
    inScope: async () => ({ cadreId: (await leaderIn('990102')).id, villageCode: PAIR_VILLAGE }),
    outOfScope: async () => ({ cadreId: (await leaderIn(OTHER_COUNTY)).id, villageCode: PAIR_OTHER_VILLAGE }),
  },
  'leaderVillage.remove': {
    inScope: async () => ({ id: (await leaderVillageIn(PAIR_VILLAGE)).id }),
    outOfScope: async () => ({ id: (await leaderVillageIn(PAIR_OTHER_VILLAGE)).id }),
  },
  'pairing.create': {
    inScope: async () => ({
      householdId: (await pairHouseholdIn(PAIR_VILLAGE)).id,
      cadreId: (await pairCadre('990102101')).id,
    }),
    outOfScope: async () => ({
      householdId: (await pairHouseholdIn(PAIR_OTHER_VILLAGE)).id,
      cadreId: (await pairCadre(OTHER_COUNTY)).id,
    }),
  },
  'pairing.end': {
    inScope: async () => ({ pairingId: (await activePairing(PAIR_VILLAGE)).id, reason: '矩阵' }),
    outOfScope: async () => ({ pairingId: (await activePairing(PAIR_OTHER_VILLAGE)).id, reason: '越界' }),
  },
  'pairing.confirmProposal': {
    inScope: async () => ({
      area: PAIR_VILLAGE,
      pairs: `${(await pairHouseholdIn(PAIR_VILLAGE)).id}:${(await pairCadre('990102101')).id}`,
    }),
    outOfScope: async () => ({
      area: PAIR_OTHER_VILLAGE,
      pairs: `${(await pairHouseholdIn(PAIR_OTHER_VILLAGE)).id}:${(await pairCadre(OTHER_COUNTY)).id}`,
    }),
  },
  'pairing.reassign': {
    inScope: () => reassignInput(PAIR_VILLAGE),
    outOfScope: () => reassignInput(PAIR_OTHER_VILLAGE),
  },
  'visit.create': {
    inScope: async (viewer) => visitInput((await fieldHousehold(fieldVillageOf(viewer))).id),
    outOfScope: async () => visitInput((await fieldHousehold(FIELD_OTHER_VILLAGE)).id),
  },
  'problem.open': {
    inScope: (viewer) => openInput(fieldVillageOf(viewer)),
    outOfScope: () => openInput(FIELD_OTHER_VILLAGE),
  },
  'problem.step': {
    inScope: (viewer) => openProblemIn(fieldVillageOf(viewer), viewer.userId),
    outOfScope: async () => openProblemIn(FIELD_OTHER_VILLAGE, (await userRef('county2')).id),
  },
  'inspection.plan': {
    inScope: (viewer) => planInput(viewer.scopeCode.length >= 9 ? viewer.scopeCode.slice(0, 9) : '990102101'),
    outOfScope: () => planInput(OTHER_COUNTY),
  },
  'inspection.presence': {
    inScope: (viewer) => presenceInput(teamVillageOf(viewer)),
    outOfScope: () => presenceInput(OTHER_VILLAGE),
  },
  'inspection.householdCheck': {
    inScope: (viewer) => householdCheckInput(fieldVillageOf(viewer)),
    outOfScope: () => householdCheckInput(FIELD_OTHER_VILLAGE),
  },
  'inspection.finding': {
    inScope: async (viewer) => ({
      inspectionId: (await inspectionIn(teamVillageOf(viewer))).id,
      villageCode: teamVillageOf(viewer),
      description: '矩阵发现',
    }),
    outOfScope: async () => ({
      inspectionId: (await inspectionIn(OTHER_VILLAGE)).id,
      villageCode: OTHER_VILLAGE,
      description: '越界发现',
    }),
  },
  'inspection.complete': {
    inScope: async (viewer) => ({ inspectionId: (await inspectionIn(teamVillageOf(viewer))).id, version: 1 }),
    outOfScope: async () => ({ inspectionId: (await inspectionIn(OTHER_VILLAGE)).id, version: 1 }),
  },
  'inspection.followUp': {
    inScope: async (viewer) => ({
      kind: 'TALK',
      cadreId: (await teamPosting(teamVillageOf(viewer))).cadreId,
      heldOn: chinaToday(),
      reason: '矩阵约谈',
    }),
    outOfScope: async () => ({
      kind: 'TALK',
      cadreId: (await teamPosting(OTHER_VILLAGE)).cadreId,
      heldOn: chinaToday(),
      reason: '越界约谈',
    }),
  },
  'project.propose': {
    inScope: (viewer) => proposalInput(fieldVillageOf(viewer)),
    outOfScope: () => proposalInput(FIELD_OTHER_VILLAGE),
  },
  'project.update': {
    inScope: async (viewer) => {
      trackProjectVillage(fieldVillageOf(viewer));
      const project = await makeProject({ villages: [fieldVillageOf(viewer)], userId: (await userRef('county')).id });
      return { ...(await proposalInput(fieldVillageOf(viewer))), projectId: project.id, version: project.version };
    },
    outOfScope: async () => {
      const project = await makeProject({ villages: [FIELD_OTHER_VILLAGE], userId: (await userRef('county2')).id });
      return { ...(await proposalInput(FIELD_OTHER_VILLAGE)), projectId: project.id, version: project.version };
    },
  },
  'project.step': {
    inScope: async (viewer) => {
      const project = await projectIn(fieldVillageOf(viewer), 'IN_PROGRESS');
      return { projectId: project.id, version: project.version, step: 'PROGRESS', progressPercent: 50 };
    },
    outOfScope: async () => {
      const project = await projectIn(FIELD_OTHER_VILLAGE, 'IN_PROGRESS');
      return { projectId: project.id, version: project.version, step: 'PROGRESS', progressPercent: 50 };
    },
  },
  'project.addBeneficiary': {
    inScope: async (viewer) => ({
      projectId: (await projectIn(fieldVillageOf(viewer), 'IN_PROGRESS')).id,
      householdId: (await fieldHousehold(fieldVillageOf(viewer))).id,
      mechanism: 'DIVIDEND',
    }),
    outOfScope: async () => ({
      projectId: (await projectIn(FIELD_OTHER_VILLAGE, 'IN_PROGRESS')).id,
      householdId: (await fieldHousehold(FIELD_OTHER_VILLAGE)).id,
      mechanism: 'DIVIDEND',
    }),
  },
  'project.removeBeneficiary': {
    inScope: async (viewer) => {
      const project = await projectIn(fieldVillageOf(viewer), 'IN_PROGRESS');
      const household = await fieldHousehold(fieldVillageOf(viewer));
      await db.projectBeneficiary.create({
        data: {
          projectId: project.id,
          householdId: household.id,
          villageCode: household.regionCode,
          mechanism: 'DIVIDEND',
        },
      });
      return { projectId: project.id, householdId: household.id };
    },
    outOfScope: async () => {
      const project = await projectIn(FIELD_OTHER_VILLAGE, 'IN_PROGRESS');
      const household = await fieldHousehold(FIELD_OTHER_VILLAGE);
      await db.projectBeneficiary.create({
        data: {
          projectId: project.id,
          householdId: household.id,
          villageCode: household.regionCode,
          mechanism: 'DIVIDEND',
        },
      });
      return { projectId: project.id, householdId: household.id };
    },
  },
  'project.pay': {
    inScope: (viewer) => paymentInput(fieldVillageOf(viewer)),
    outOfScope: () => paymentInput(FIELD_OTHER_VILLAGE),
  },
  'project.reversePayment': {
    inScope: async (viewer) => {
      const payment = await db.projectPayment.create({ data: { ...(await paymentRow(fieldVillageOf(viewer))) } });
      return { paymentId: payment.id, voucherNo: `矩阵冲销-${++serial}`, paidOn: chinaToday(), reason: '矩阵' };
    },
    outOfScope: async () => {
      const payment = await db.projectPayment.create({ data: { ...(await paymentRow(FIELD_OTHER_VILLAGE)) } });
      return { paymentId: payment.id, voucherNo: `越界冲销-${++serial}`, paidOn: chinaToday(), reason: '越界' };
    },
  },
  'project.audit': {
    inScope: async (viewer) => ({
      projectId: (await projectIn(fieldVillageOf(viewer), 'ACCEPTED')).id,
      auditedOn: chinaToday(),
      auditor: '矩阵审计',
      finding: '规范',
    }),
    outOfScope: async () => ({
      projectId: (await projectIn(FIELD_OTHER_VILLAGE, 'ACCEPTED')).id,
      auditedOn: chinaToday(),
      auditor: '越界审计',
      finding: '规范',
    }),
  },
  'fundYear.save': {
    inScope: () => {
      trackFundYear('990102', 2032);
      return {
        year: 2032,
        localRevenueIncrease: '1',
        countySpending: '2',
        countyPovertySpending: '1',
        complaintPhone: '12317',
      };
    },
  },
  'asset.register': {
    inScope: async (viewer) => ({
      projectId: (await projectIn(fieldVillageOf(viewer), 'ACCEPTED')).id,
      kind: 'PUBLIC_BENEFIT',
      name: '矩阵资产',
      ownerName: '村集体',
      custodian: '村委会',
      value: '1000',
    }),
    outOfScope: async () => ({
      projectId: (await projectIn(FIELD_OTHER_VILLAGE, 'ACCEPTED')).id,
      kind: 'PUBLIC_BENEFIT',
      name: '越界资产',
      ownerName: '村集体',
      custodian: '村委会',
      value: '1000',
    }),
  },
  'asset.income': {
    inScope: async (viewer) => ({
      assetId: (await assetIn(fieldVillageOf(viewer))).id,
      paidOn: chinaToday(),
      amount: '10',
      households: 1,
    }),
    outOfScope: async () => ({
      assetId: (await assetIn(FIELD_OTHER_VILLAGE)).id,
      paidOn: chinaToday(),
      amount: '10',
      households: 1,
    }),
  },
  'mutual.capital': {
    inScope: (viewer) => {
      trackProjectVillage(fieldVillageOf(viewer));
      return { villageCode: fieldVillageOf(viewer), receivedOn: chinaToday(), amount: '1000', source: '矩阵' };
    },
    outOfScope: () => {
      trackProjectVillage(FIELD_OTHER_VILLAGE);
      return { villageCode: FIELD_OTHER_VILLAGE, receivedOn: chinaToday(), amount: '1000', source: '越界' };
    },
  },
  'mutual.lend': {
    inScope: (viewer) => lendInput(fieldVillageOf(viewer)),
    outOfScope: () => lendInput(FIELD_OTHER_VILLAGE),
  },
  'mutual.repay': {
    inScope: async (viewer) => ({
      loanId: (await loanIn(fieldVillageOf(viewer))).id,
      paidOn: chinaToday(),
      amount: '1',
    }),
    outOfScope: async () => ({ loanId: (await loanIn(FIELD_OTHER_VILLAGE)).id, paidOn: chinaToday(), amount: '1' }),
  },
  'assessment.adjust': {
    inScope: () => ({
      year: Number(chinaToday().slice(0, 4)),
      subjectCode: MATRIX_VILLAGE,
      score: '80',
      reason: '矩阵调整',
    }),
    outOfScope: () => ({
      year: Number(chinaToday().slice(0, 4)),
      subjectCode: OTHER_VILLAGE,
      score: '80',
      reason: '越界调整',
    }),
  },
};

// Actions open to anonymous users, tested on their own (auth.test.ts and the browser tests).
const PUBLIC_ACTIONS = ['login'];

const modules = import.meta.glob<Record<string, unknown>>('/lib/**/actions.ts', { eager: true });
const actions: ActionFunction[] = [];
const unlisted: string[] = [];
for (const [file, exports] of Object.entries(modules)) {
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== 'function') continue;
    if ('actionName' in value) actions.push(value as ActionFunction);
    else if (!PUBLIC_ACTIONS.includes(name)) unlisted.push(`${file}#${name} (not made with action())`);
  }
}

beforeAll(async () => {
  await db.user.upsert({
    where: { username: 'matrix-target' },
    create: {
      username: 'matrix-target',
      displayName: '目标',
      role: 'TOWNSHIP_STAFF',
      scopeCode: '990102101',
      passwordHash: await hashPassword('Target#Pass1'),
    },
    update: {},
  });
});

beforeAll(async () => {
  await makeTeam({ village: MATRIX_VILLAGE });
  const other = await makeTeam({ village: OTHER_VILLAGE });
  fixtures.unitId = (await makeUnit('990102')).id;
  fixtures.otherUnitId = (await makeUnit(OTHER_COUNTY)).id;
  fixtures.otherTeamId = other.team.id;
  const leader = await makePosting({ team: other.team, role: 'LEADER' });
  fixtures.otherLeader = { id: leader.id, version: leader.version };
});
afterAll(removeTeamFixtures);

beforeAll(async () => {
  await makePairingVillage(PAIR_VILLAGE);
  await makePairingVillage(PAIR_OTHER_VILLAGE);
  pairFixtures.unitId = (await makePairingUnit('990102')).id;
  pairFixtures.otherUnitId = (await makePairingUnit(OTHER_COUNTY)).id;
});
afterAll(removePairingFixtures);

// Inspections the matrix planned through the action are removed with the rest.
let lastInspectionBefore = 0;
beforeAll(async () => {
  lastInspectionBefore = (await db.inspection.aggregate({ _max: { id: true } }))._max.id ?? 0;
  trackAssessmentSubject(MATRIX_VILLAGE);
  trackAssessmentSubject(OTHER_VILLAGE);
});
afterAll(async () => {
  for (const { id } of await db.inspection.findMany({
    where: { id: { gt: lastInspectionBefore } },
    select: { id: true },
  }))
    trackInspection(id);
  await removeInspectionFixtures();
});
beforeAll(async () => {
  await makeProblemVillage(FIELD_VILLAGE);
  await makeProblemVillage(FIELD_OTHER_VILLAGE);
});
afterAll(removeProblemFixtures);
afterAll(removeProjectFixtures); // after hooks run last-registered first: projects go before their villages

describe('authorization matrix', () => {
  it('covers every server action', () => {
    expect(unlisted).toEqual([]);
    expect(actions.length).toBeGreaterThanOrEqual(8);
    expect(actions.map((a) => a.actionName).filter((name) => !(name in MATRIX))).toEqual([]);
  });

  for (const role of ROLES) {
    describe(role, () => {
      for (const name of Object.keys(MATRIX)) {
        it(`${name}: ${'allowed only with its permission'}`, async () => {
          const fn = actions.find((a) => a.actionName === name)!;
          const viewer = await signInAs(USER_FOR_ROLE[role]);
          const allowed = can(role, fn.permission);
          const state = await run(fn, await MATRIX[name].inScope(viewer));
          if (allowed) expect(state.formError ?? '').not.toContain('没有这项操作的权限');
          else expect(state).toMatchObject({ ok: false, formError: '您的账号没有这项操作的权限。' });

          const outOfScope = MATRIX[name].outOfScope;
          if (!outOfScope) return;
          const auditBefore = await db.auditLog.count({ where: { action: name, result: 'OK' } });
          const refused = await run(fn, await outOfScope());
          expect(refused.ok).toBe(false);
          expect(await db.auditLog.count({ where: { action: name, result: 'OK' } })).toBe(auditBefore);
        });
      }
    });
  }

  it('leaves records of another county untouched', async () => {
    const other = await db.user.findUniqueOrThrow({ where: { username: 'county2' } });
    expect(other).toMatchObject({ displayName: '临河县扶贫办 钱进', disabled: false, version: 1 });
    const village = await db.region.findUniqueOrThrow({ where: { code: '990103101201' } });
    expect(village.version).toBe(1);
    expect(await db.user.count({ where: { scopeCode: OTHER_COUNTY, username: { startsWith: 'matrix' } } })).toBe(0);
    // Households of the other county: none created, none changed, no member added or removed.
    expect(await db.household.count({ where: { regionCode: { startsWith: OTHER_COUNTY }, headName: '越界户' } })).toBe(
      0,
    );
    expect(
      await db.household.count({
        where: {
          regionCode: { startsWith: OTHER_COUNTY },
          headName: { startsWith: '矩阵' },
          OR: [{ version: { gt: 1 } }, { status: { not: 'NOT_POOR' } }, { groupName: { not: '1组' } }],
        },
      }),
    ).toBe(0);
    expect(
      await db.helpPlan.count({
        where: { household: { regionCode: { startsWith: OTHER_COUNTY }, headName: { startsWith: '矩阵' } } },
      }),
    ).toBe(0);
  });

  it('leaves cadres, liaison units and pairings of another county untouched', async () => {
    // Per role: one cadre.update target, and one liaison and two active pairings (pairing.end, pairing.reassign) made there.
    expect(await db.cadre.count({ where: { name: '越界结对干部' } })).toBe(0);
    const cadres = await db.cadre.findMany({
      where: { regionCode: { startsWith: OTHER_COUNTY }, name: { startsWith: '结对矩阵' } },
    });
    expect(cadres.length).toBeGreaterThan(ROLES.length);
    expect(cadres.filter((c) => c.version !== 1 || !c.active || c.name.endsWith('改'))).toEqual([]);
    expect(await db.villageLiaison.count({ where: { villageCode: PAIR_OTHER_VILLAGE } })).toBe(ROLES.length);
    const pairings = await db.pairing.findMany({ where: { regionCode: PAIR_OTHER_VILLAGE } });
    expect(pairings).toHaveLength(2 * ROLES.length);
    expect(pairings.filter((p) => p.endedOn !== null)).toEqual([]);
  });

  it('leaves visits and problems of another county untouched', async () => {
    // Per role: one visit refused, one problem not opened, one OPEN problem (made directly) not started.
    expect(await db.visit.count({ where: { regionCode: FIELD_OTHER_VILLAGE } })).toBe(0);
    const problems = await db.problem.findMany({
      where: { regionCode: FIELD_OTHER_VILLAGE },
      include: { steps: true },
    });
    expect(problems).toHaveLength(ROLES.length);
    expect(problems.filter((p) => p.status !== 'OPEN' || p.version !== 1 || p.steps.length !== 1)).toEqual([]);
    expect(
      await db.problem.count({
        where: { regionCode: { startsWith: OTHER_COUNTY }, description: { in: ['矩阵登记问题', '矩阵走访发现问题'] } },
      }),
    ).toBe(0);
    // In scope, each role holding the permission did what it asked.
    const fieldRoles = ROLES.filter((role) => can(role, 'problem.work'));
    expect(
      await db.problem.count({
        where: {
          description: { startsWith: '台账矩阵问题' },
          regionCode: { startsWith: '990102' },
          status: 'IN_PROGRESS',
        },
      }),
    ).toBe(fieldRoles.length);
    expect(await db.visit.count({ where: { findings: '矩阵走访', regionCode: { startsWith: '990102' } } })).toBe(
      ROLES.filter((role) => can(role, 'visit.create')).length,
    );
    expect(
      await db.problem.count({ where: { description: '矩阵登记问题', regionCode: { startsWith: '990102' } } }),
    ).toBe(ROLES.filter((role) => can(role, 'problem.report')).length);
  });

  it('leaves teams and attendance of another county untouched', async () => {
    // No team formed in the other county's fresh villages, nobody posted there, nothing ended, confirmed, recorded or signed off.
    expect(
      await db.workTeam.count({
        where: {
          villageCode: { startsWith: '990103101', not: OTHER_VILLAGE },
          village: { name: { startsWith: '测试' } },
        },
      }),
    ).toBe(0);
    expect(
      await db.region.count({ where: { code: { startsWith: '990103101' }, name: { startsWith: '测试' } } }),
    ).toBeGreaterThan(1);
    expect(await db.cadre.count({ where: { name: '越界干部' } })).toBe(0);
    const postings = await db.posting.findMany({ where: { villageCode: OTHER_VILLAGE } });
    expect(postings.length).toBeGreaterThan(1);
    expect(postings.filter((p) => p.endedOn !== null || p.detachedConfirmed || p.version !== 1)).toEqual([]);
    expect(await db.attendanceRecord.count({ where: { villageCode: OTHER_VILLAGE } })).toBe(0);
    expect(await db.attendanceSignoff.count({ where: { villageCode: OTHER_VILLAGE } })).toBe(0);
  });
});

// The outbox's endpoint (POST /api/outbox, issue 16) sends each kind through one of the actions above: per
// role, the same permission decides (403 without it), and an item naming a record out of scope stores
// nothing. After the block above, whose counts of in-scope records this would change.
const OUTBOX_KINDS = {
  checkin: 'attendance.checkIn',
  visit: 'visit.create',
  days: 'attendance.setDays',
  problemStep: 'problem.step',
} as const;

async function sendToOutbox(kind: string, values: Values) {
  const { clientKey, ...rest } = values;
  const payload = kind === 'checkin' ? rest : values;
  const response = await outboxRoute(
    new NextRequest('http://localhost/api/outbox', {
      method: 'POST',
      headers: { origin: 'http://localhost', host: 'localhost', 'content-type': 'application/json' },
      body: JSON.stringify({ kind, clientKey: typeof clientKey === 'string' ? clientKey : randomUUID(), payload }),
    }),
  );
  return { status: response.status, state: (await response.json()) as { ok: boolean; formError?: string } };
}

describe('authorization matrix: the outbox route', () => {
  for (const role of ROLES) {
    it(`${role}: each kind only with its action's permission, nothing out of scope`, async () => {
      for (const [kind, name] of Object.entries(OUTBOX_KINDS)) {
        const fn = actions.find((a) => a.actionName === name)!;
        const viewer = await signInAs(USER_FOR_ROLE[role]);
        const allowed = can(role, fn.permission);
        if (!allowed) {
          const refused = await sendToOutbox(kind, await MATRIX[name].inScope(viewer));
          expect(refused.status, `${role} ${kind}`).toBe(403);
          expect(refused.state).toMatchObject({ ok: false, formError: '您的账号没有这项操作的权限。' });
        }
        const outOfScope = MATRIX[name].outOfScope;
        if (!outOfScope) continue;
        const auditBefore = await db.auditLog.count({ where: { action: name, result: 'OK' } });
        const answer = await sendToOutbox(kind, await outOfScope());
        expect(answer.status, `${role} ${kind}`).toBe(allowed ? 200 : 403);
        expect(answer.state.ok).toBe(false);
        expect(await db.auditLog.count({ where: { action: name, result: 'OK' } })).toBe(auditBefore);
      }
    });
  }

  it('leaves the other county untouched by the outbox too', async () => {
    expect(await db.visit.count({ where: { regionCode: FIELD_OTHER_VILLAGE } })).toBe(0);
    expect(
      await db.problemStep.count({ where: { problem: { regionCode: FIELD_OTHER_VILLAGE }, kind: { not: 'OPEN' } } }),
    ).toBe(0);
    expect(await db.attendanceRecord.count({ where: { villageCode: OTHER_VILLAGE } })).toBe(0);
    expect(await db.attendanceEntry.count({ where: { posting: { villageCode: OTHER_VILLAGE } } })).toBe(0);
  });
});
