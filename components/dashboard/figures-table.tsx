import Link from 'next/link';
import { HeadRow, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import { type Column, type ColumnLabel, formatFigure, isRed } from '@/lib/dashboard/columns';
import type { DashboardRow } from '@/lib/dashboard/data';

type Props = {
  rows: DashboardRow[];
  total: DashboardRow | null;
  columns: Column[];
  label: (key: ColumnLabel) => string;
  areaLabel: string;
  totalLabel: string;
  missedLabel: string;
  /** Where an area's name leads: its own dashboard. */
  drillHref: (code: string) => string;
};

/** One row per area of the next level down and a total row; each count links to the list behind it. */
export function FiguresTable({ rows, total, columns, label, areaLabel, totalLabel, missedLabel, drillHref }: Props) {
  const cell = (row: DashboardRow, column: Column) => {
    const value = column.value(row.figures, row.rates);
    const red = isRed(column, row.marks);
    const text = formatFigure(column, value);
    return (
      <Td
        key={column.key}
        className={`text-right tabular-nums ${red ? 'bg-red-50 font-semibold text-red-700' : ''}`}
        data-figure={column.key}
      >
        {red && (
          <span aria-hidden className="mr-1">
            ●
          </span>
        )}
        {red && <span className="sr-only">{missedLabel}</span>}
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
    <Table minWidth={`${12 + columns.length * 6}rem`}>
      <HeadRow>
        <Th>{areaLabel}</Th>
        {columns.map((c) => (
          <NumTh key={c.key}>{label(c.label)}</NumTh>
        ))}
      </HeadRow>
      <tbody>
        {rows.map((row) => (
          <Row hover key={row.code} data-area={row.code}>
            <Td>
              <TextLink href={drillHref(row.code)} className="font-medium">
                {row.name}
              </TextLink>
            </Td>
            {columns.map((c) => cell(row, c))}
          </Row>
        ))}
        {total && (
          <tr className="border-t-2 border-slate-300 font-semibold" data-area="total">
            <Td>{totalLabel}</Td>
            {columns.map((c) => cell(total, c))}
          </tr>
        )}
      </tbody>
    </Table>
  );
}
