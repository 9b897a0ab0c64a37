'use client';
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

type Size = { width?: number; height?: number };

/**
 * A chart sized to its box on screen, and drawn a second time at a fixed width for paper: a printout is laid
 * out without running the scripts that measure the box (and a closed dashboard section has no box at all).
 */
export function SizedChart({
  label,
  height,
  printWidth,
  chart,
}: {
  label: string;
  height: number;
  /** Fits the page it prints on (the dashboard: A4 landscape). */
  printWidth: number;
  chart: (size: Size) => ReactElement;
}) {
  return (
    <>
      <figure aria-label={label} className="w-full print:hidden" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {chart({})}
        </ResponsiveContainer>
      </figure>
      <figure aria-label={label} className="hidden print:block">
        {chart({ width: printWidth, height })}
      </figure>
    </>
  );
}
