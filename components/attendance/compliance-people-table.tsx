'use client';
import type { ReactNode } from 'react';
import { HeadRow, NumCell, Row, Table, Td } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { AttendanceStatus } from '@/lib/attendance/rules';
import { AttendancePill } from './attendance-pill';

/** One person's row of the compliance table, its words already in the reader's language. */
export type CompliancePersonRow = {
  postingId: number;
  href: string;
  name: string;
  place: string;
  role: string;
  days: string;
  nights: string;
  projected: string;
  shortfall: string;
  marked: number;
  status: AttendanceStatus;
  statusLabel: string;
  /** Leaders and deputies: this month's days, and the months missed (red when any). */
  monthCurrent: string | null;
  monthMissed: { text: string; red: boolean } | null;
};

/**
 * The compliance table's page of people. Drawn in the browser's code from plain rows: as server elements, each
 * row past the first few was streamed as a piece of its own (see HouseholdTable).
 */
export function CompliancePeopleTable({ head, rows }: { head: ReactNode; rows: CompliancePersonRow[] }) {
  return (
    <Table minWidth="64rem">
      <HeadRow>{head}</HeadRow>
      <tbody>
        {rows.map((p) => (
          <Row hover key={p.postingId} data-posting={p.postingId}>
            <Td>
              <TextLink href={p.href} className="font-medium">
                {p.name}
              </TextLink>
            </Td>
            <Td>{p.place}</Td>
            <Td>{p.role}</Td>
            <NumCell>{p.days}</NumCell>
            <NumCell>{p.nights}</NumCell>
            <NumCell>{p.projected}</NumCell>
            <NumCell>{p.shortfall}</NumCell>
            <Td className={`text-right tabular-nums ${p.marked ? 'text-amber-700' : ''}`}>{p.marked}</Td>
            <Td>
              <AttendancePill status={p.status} label={p.statusLabel} />
            </Td>
            <Td className="text-sm">
              {p.monthMissed ? (
                <>
                  {p.monthCurrent && <div className="tabular-nums">{p.monthCurrent}</div>}
                  <div className={p.monthMissed.red ? 'font-semibold text-red-700' : 'text-slate-600'}>
                    {p.monthMissed.text}
                  </div>
                </>
              ) : (
                '—'
              )}
            </Td>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
