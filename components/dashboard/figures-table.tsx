import Link from 'next/link';
import { HeadRow, NumTh, Row, SortTh, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { type Column, type ColumnLabel, formatFigure, worstFirstDescending } from '@/lib/dashboard/columns';
import type { DashboardRow } from '@/lib/dashboard/data';
import { markLevel } from '@/lib/dashboard/rules';

type Props = {
  rows: DashboardRow[];
  total: DashboardRow | null;
  columns: Column[];
  label: (key: ColumnLabel) => string;
  areaLabel: string;
  totalLabel: string;
  missedLabel: string;
  atRiskLabel: string;
  /** Where an area's name leads: its own dashboard. */
  drillHref: (code: string) => string;
  /** Headings that sort the rows (none for a village's single row). */
  sort?: { active: string | null; descending: boolean; href: (column: string, descending: boolean) => string };
};

// The area column stays in view while the figures scroll sideways (a phone); print needs no stickiness.
const STICKY = 'sticky left-0 z-10 bg-white pl-1 print:static';
// Never colour alone: ● missed, ▲ behind, and words for a screen reader.
const LEVEL_CLASS = { missed: 'bg-red-50 font-semibold text-red-700', atRisk: 'bg-amber-50 text-amber-900' };

/** One row per area of the next level down and a total row; each count links to the list behind it. */
export function FiguresTable({
  rows,
  total,
  columns,
  label,
  areaLabel,
  totalLabel,
  missedLabel,
  atRiskLabel,
  drillHref,
  sort,
}: Props) {
  const cell = (row: DashboardRow, column: Column) => {
    const value = column.value(row.figures, row.rates);
    const level = markLevel(column.mark, row.marks);
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
  };
  return (
    // Headings wrap, so a section's columns fit 1,366 px; on a phone the table scrolls and the area stays.
    <Table minWidth={`${8 + columns.length * 4.5}rem`}>
      <HeadRow>
        <Th className={STICKY}>{areaLabel}</Th>
        {columns.map((c) =>
          sort ? (
            <SortTh
              key={c.key}
              numeric
              label={label(c.label)}
              active={sort.active === c.key}
              descending={sort.descending}
              href={sort.href(c.key, sort.active === c.key ? !sort.descending : worstFirstDescending(c))}
            />
          ) : (
            <NumTh key={c.key}>{label(c.label)}</NumTh>
          ),
        )}
      </HeadRow>
      <tbody>
        {rows.map((row) => (
          <Row hover key={row.code} data-area={row.code}>
            <Td className={STICKY}>
              <TextLink href={drillHref(row.code)} className="font-medium">
                {row.name}
              </TextLink>
            </Td>
            {columns.map((c) => cell(row, c))}
          </Row>
        ))}
        {total && (
          <tr className="border-t-2 border-slate-300 font-semibold" data-area="total">
            <Td className={STICKY}>{totalLabel}</Td>
            {columns.map((c) => cell(total, c))}
          </tr>
        )}
      </tbody>
    </Table>
  );
}
