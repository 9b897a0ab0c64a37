// The area filter, in one place. A viewer's scope is a division-code prefix; every read and write of an
// area-keyed row merges the fragment for its model, so a record outside the area is simply not found.
// `area` (from ?area=) narrows the scope when it lies inside it and is ignored otherwise.

/** Anything with a scope: the signed-in viewer, or a user row. */
export type Scoped = { readonly scopeCode: string };

/** The viewer's area, narrowed to `area` when that lies inside it. */
export function areaPrefix(viewer: Scoped, area?: string | null): string {
  return area && /^\d+$/.test(area) && area.startsWith(viewer.scopeCode) ? area : viewer.scopeCode;
}

type Prefix<C extends string> = { [K in C]: { startsWith: string } };
const byColumn =
  <C extends string>(column: C) =>
  (viewer: Scoped, area?: string | null): Prefix<C> =>
    ({ [column]: { startsWith: areaPrefix(viewer, area) } }) as Prefix<C>;

/** Per model: the Prisma `where` fragment that keeps rows inside the viewer's area. */
export const scope = {
  region: byColumn('code'),
  user: byColumn('scopeCode'),
  auditLog: byColumn('regionCode'),
  household: byColumn('regionCode'),
  person: byColumn('regionCode'),
  statusEvent: byColumn('regionCode'),
  cadre: byColumn('regionCode'),
  pairing: byColumn('regionCode'),
  visit: byColumn('regionCode'),
  problem: byColumn('regionCode'),
  workTeam: byColumn('villageCode'),
  posting: byColumn('villageCode'),
  attendanceRecord: byColumn('villageCode'),
  attendanceSignoff: byColumn('villageCode'),
  villageLiaison: byColumn('villageCode'),
  villageFigures: byColumn('villageCode'),
  inspection: byColumn('areaCode'),
  inspectionVillage: byColumn('villageCode'),
  presenceCheck: byColumn('villageCode'),
  householdCheck: byColumn('villageCode'),
  finding: byColumn('villageCode'),
  followUp: byColumn('villageCode'),
  replacementRequest: byColumn('villageCode'),
  helpPlan: byColumn('regionCode'),
  monitoredHousehold: byColumn('regionCode'),
  riskWarning: byColumn('regionCode'),
  project: byColumn('regionCode'),
  asset: byColumn('regionCode'),
  mutualLoan: byColumn('villageCode'),
  mutualFundCapital: byColumn('villageCode'),
} as const;
