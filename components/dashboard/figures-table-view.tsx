'use client';
import Link from 'next/link';
import { HeadRow, NumTh, Row, SortTh, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import {
  dashboardSortHref,
  formatFigure,
  SECTION_COLUMNS,
  type Section,
  worstFirstDescending,
} from '@/lib/dashboard/columns';
import type { MarkLevel } from '@/lib/dashboard/rules';

/** An area's figures for one section's columns, in column order: only numbers travel to the browser. */
export type FiguresRow = { code: string; name: string; values: number[]; levels: (MarkLevel | null)[] };

type Props = {
  section: Section;
  rows: FiguresRow[];
  total: FiguresRow | null;
  columnLabels: string[];
  areaLabel: string;
  totalLabel: string;
  missedLabel: string;
  atRiskLabel: string;
  /** An area's own dashboard is this plus its code. */
  drillBase: string;
  /** Headings that sort the rows of `area`'s dashboard (none for a village's single row). */
  sort?: { area: string; active: string | null; descending: boolean };
};

// The area column stays in view while the figures scroll sideways (a phone); print needs no stickiness.
const STICKY = 'sticky left-0 z-10 whitespace-nowrap bg-white pl-1 print:static';
// Never colour alone: ● missed, ▲ behind, and words for a screen reader.
const LEVEL_CLASS = { missed: 'bg-red-50 font-semibold text-red-700', atRisk: 'bg-amber-50 text-amber-900' };

/**
 * The table itself, drawn from numbers: the columns (labels, formats, the lists behind) are the shared
 * definitions, so the page sends each figure once instead of a rendered cell twice (HTML and React's payload).
 */
export function FiguresTableView(props: Props) {
  const { section, rows, total, columnLabels, areaLabel, totalLabel, missedLabel, atRiskLabel, drillBase, sort } =
    props;
  const columns = SECTION_COLUMNS[section];
  const cells = (row: FiguresRow) =>
    columns.map((column, i) => {
      const value = row.values[i];
      const level = row.levels[i];
      const text = formatFigure(column, value);
      return (
        <Td
          key={column.key}
          className={`text-right tabular-nums ${level ? LEVEL_CLASS[level] : ''}`}
          data-figure={column.key}
          data-mark={level ?? undefined}
        >
          {level && (
            <span aria-hidden className="mr-1">
              {level === 'missed' ? '●' : '▲'}
            </span>
          )}
          {level && <span className="sr-only">{level === 'missed' ? missedLabel : atRiskLabel}</span>}
          {column.href && value > 0 ? (
            <Link href={column.href(row.code)} className="hover:underline">
              {text}
            </Link>
          ) : (
            text
          )}
        </Td>
      );
    });
  return (
    // Headings wrap, so a section's columns fit 1,366 px; on a phone the table scrolls and the area stays.
    <Table minWidth={`${8 + columns.length * 4.5}rem`}>
      <HeadRow>
        <Th className={STICKY}>{areaLabel}</Th>
        {columns.map((c, i) =>
          sort ? (
            <SortTh
              key={c.key}
              numeric
              label={columnLabels[i]}
              active={sort.active === c.key}
              descending={sort.descending}
              href={dashboardSortHref(
                sort.area,
                section,
                c.key,
                sort.active === c.key ? !sort.descending : worstFirstDescending(c),
              )}
            />
          ) : (
            <NumTh key={c.key}>{columnLabels[i]}</NumTh>
          ),
        )}
      </HeadRow>
      <tbody>
        {rows.map((row) => (
          <Row hover key={row.code} data-area={row.code}>
            <Td className={STICKY}>
              <TextLink href={drillBase + row.code} className="font-medium">
                {row.name}
              </TextLink>
            </Td>
            {cells(row)}
          </Row>
        ))}
        {total && (
          <tr className="border-t-2 border-slate-300 font-semibold" data-area="total">
            <Td className={STICKY}>{totalLabel}</Td>
            {cells(total)}
          </tr>
        )}
      </tbody>
    </Table>
  );
}
