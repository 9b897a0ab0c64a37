import { type ColumnLabel, SECTION_COLUMNS, type Section } from '@/lib/dashboard/columns';
import type { DashboardRow } from '@/lib/dashboard/data';
import { markLevel } from '@/lib/dashboard/rules';
import { type FiguresRow, FiguresTableView } from './figures-table-view';

type Props = {
  section: Section;
  rows: DashboardRow[];
  total: DashboardRow | null;
  label: (key: ColumnLabel) => string;
  areaLabel: string;
  totalLabel: string;
  missedLabel: string;
  atRiskLabel: string;
  /** An area's own dashboard is this plus its code. */
  drillBase: string;
  /** Headings that sort the rows (none for a village's single row). */
  sort?: { area: string; active: string | null; descending: boolean };
};

/** One row per area of the next level down and a total row; each count links to the list behind it. */
export function FiguresTable({ section, rows, total, label, ...rest }: Props) {
  const columns = SECTION_COLUMNS[section];
  const compact = (row: DashboardRow): FiguresRow => ({
    code: row.code,
    name: row.name,
    values: columns.map((c) => c.value(row.figures, row.rates)),
    levels: columns.map((c) => markLevel(c.mark, row.marks)),
  });
  return (
    <FiguresTableView
      section={section}
      rows={rows.map(compact)}
      total={total && compact(total)}
      columnLabels={columns.map((c) => label(c.label))}
      {...rest}
    />
  );
}
