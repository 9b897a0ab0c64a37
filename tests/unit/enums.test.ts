import { describe, expect, expectTypeOf, it } from 'vitest';
import * as App from '@/lib/enums';
import * as Db from '@/lib/generated/prisma/enums';

// The app's copies of the database enums must match the schema value for value, in order.
describe('enums', () => {
  const pairs: [string, readonly string[], Record<string, string>][] = [
    ['Role', App.ROLES, Db.Role],
    ['RegionLevel', App.REGION_LEVELS, Db.RegionLevel],
    ['AuditResult', App.AUDIT_RESULTS, Db.AuditResult],
    ['HouseholdStatus', App.HOUSEHOLD_STATUSES, Db.HouseholdStatus],
    ['PovertyCause', App.POVERTY_CAUSES, Db.PovertyCause],
    ['AllowanceType', App.ALLOWANCES, Db.AllowanceType],
    ['Relation', App.RELATIONS, Db.Relation],
    ['Sex', App.SEXES, Db.Sex],
    ['HealthStatus', App.HEALTH, Db.HealthStatus],
    ['LabourAbility', App.LABOUR, Db.LabourAbility],
    ['UnitLevel', App.UNIT_LEVELS, Db.UnitLevel],
    ['CadreRank', App.CADRE_RANKS, Db.CadreRank],
    ['TeamRole', App.TEAM_ROLES, Db.TeamRole],
    ['DayKind', App.DAY_KINDS, Db.DayKind],
    ['LocationCheck', App.LOCATION_CHECKS, Db.LocationCheck],
    ['RecordSource', App.RECORD_SOURCES, Db.RecordSource],
    ['VisitKind', App.VISIT_KINDS, Db.VisitKind],
    ['ProblemCategory', App.PROBLEM_CATEGORIES, Db.ProblemCategory],
    ['Urgency', App.URGENCIES, Db.Urgency],
    ['ProblemSource', App.PROBLEM_SOURCES, Db.ProblemSource],
    ['ProblemStatus', App.PROBLEM_STATUSES, Db.ProblemStatus],
    ['ProblemOwner', App.PROBLEM_OWNERS, Db.ProblemOwner],
    ['ProblemStepKind', App.PROBLEM_STEPS, Db.ProblemStepKind],
    ['InspectionKind', App.INSPECTION_KINDS, Db.InspectionKind],
    ['InspectionStatus', App.INSPECTION_STATUSES, Db.InspectionStatus],
    ['FollowUpKind', App.FOLLOW_UP_KINDS, Db.FollowUpKind],
    ['AssessmentSubject', App.ASSESSMENT_SUBJECTS, Db.AssessmentSubject],
    ['ActivityKind', App.ACTIVITY_KINDS, Db.ActivityKind],
    ['LeaderRole', App.LEADER_ROLES, Db.LeaderRole],
    ['ProjectKind', App.PROJECT_KINDS, Db.ProjectKind],
    ['ProjectStage', App.PROJECT_STAGES, Db.ProjectStage],
    ['ProjectStepKind', App.PROJECT_STEPS, Db.ProjectStepKind],
    ['FundSource', App.FUND_SOURCES, Db.FundSource],
    ['BenefitMechanism', App.BENEFIT_MECHANISMS, Db.BenefitMechanism],
    ['PaymentKind', App.PAYMENT_KINDS, Db.PaymentKind],
    ['AssetKind', App.ASSET_KINDS, Db.AssetKind],
  ];
  for (const [name, app, db] of pairs)
    it(`${name} matches the schema`, () => expect([...app]).toEqual(Object.values(db)));

  it('have the same types', () => {
    expectTypeOf<App.Role>().toEqualTypeOf<Db.Role>();
    expectTypeOf<App.HouseholdStatus>().toEqualTypeOf<Db.HouseholdStatus>();
    expectTypeOf<App.RegionLevel>().toEqualTypeOf<Db.RegionLevel>();
    expectTypeOf<App.AuditResult>().toEqualTypeOf<Db.AuditResult>();
  });
});
