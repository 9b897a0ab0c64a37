import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

/**
 * A table that scrolls sideways on a phone instead of squeezing its columns. `relative`: screen-reader
 * text (sr-only is absolutely placed) stays inside the scroller instead of widening the whole page.
 */
export function Table({ children, minWidth = '40rem' }: { children: ReactNode; minWidth?: string }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm" style={{ minWidth }}>
        {children}
      </table>
    </div>
  );
}

export function Th({ className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={`py-2 pr-3 font-medium ${className}`} {...props} />;
}

export function Td({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`py-2 pr-3 ${className}`} {...props} />;
}

export function HeadRow({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-slate-200 text-slate-500">
      <tr>{children}</tr>
    </thead>
  );
}
