import Link from 'next/link';
import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { ScrollArea } from './scroll-area';

/**
 * A table that scrolls sideways on a phone instead of squeezing its columns (reachable by keyboard while it
 * overflows). `relative`: screen-reader
 * text (sr-only is absolutely placed) stays inside the scroller instead of widening the whole page.
 */
export function Table({ children, minWidth = '40rem' }: { children: ReactNode; minWidth?: string }) {
  return (
    <ScrollArea>
      <table className="w-full text-left text-sm" style={{ minWidth }}>
        {children}
      </table>
    </ScrollArea>
  );
}

export function Th({ className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={`py-2 pr-3 font-medium ${className}`} {...props} />;
}

export function Td({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`py-2 pr-3 ${className}`} {...props} />;
}

/** The heading of a column of numbers: right-aligned like its cells. */
export function NumTh({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <Th className={className ? `text-right ${className}` : 'text-right'} {...props} />;
}

/** A number in a table: right-aligned, with digits of equal width so the column lines up. */
export function NumCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <Td className={className ? `text-right tabular-nums ${className}` : 'text-right tabular-nums'} {...props} />;
}

/**
 * A body row with the line under it; `hover` shades it under the pointer (lists whose rows lead somewhere),
 * `top` aligns its cells to the top (rows whose cells wrap onto several lines).
 */
export function Row({
  hover = false,
  top = false,
  className,
  ...props
}: HTMLAttributes<HTMLTableRowElement> & { hover?: boolean; top?: boolean }) {
  const classes = ['border-b border-slate-100', hover && 'hover:bg-slate-50', top && 'align-top', className];
  return <tr className={classes.filter(Boolean).join(' ')} {...props} />;
}

export function HeadRow({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-slate-200 text-slate-500">
      <tr>{children}</tr>
    </thead>
  );
}

/**
 * A column heading that sorts the list by it: a link (the sort lives in the address, so it survives a reload
 * and a way back), marked ▲/▼ and aria-sort while it is the sort in force.
 */
export function SortTh({
  label,
  href,
  active,
  descending = false,
  numeric = false,
}: {
  label: string;
  href: string;
  active: boolean;
  descending?: boolean;
  numeric?: boolean;
}) {
  return (
    <Th
      className={numeric ? 'text-right' : undefined}
      aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
    >
      <Link href={href} className="hover:text-brand-700 hover:underline">
        {label}
        {active && <span aria-hidden>{descending ? ' ▼' : ' ▲'}</span>}
      </Link>
    </Th>
  );
}
