'use client';
import { ChevronRight } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

const KEY = 'dashboard-open:';

/**
 * A dashboard section that opens and closes. Closed by default, so the first screen is the tiles and the
 * worst-first list; a section the reader opened stays open on the next area they drill into (remembered
 * for the browser tab). Printed open whatever its state (globals.css). A closed section's body is drawn only
 * when it is first opened (or printed): its numbers come with the page, its table and chart do not weigh on it.
 */
export function DashboardSection({
  id,
  title,
  summary,
  forceOpen,
  children,
}: {
  id: string;
  title: string;
  summary: React.ReactNode;
  /** Open from the server: the section a sort link points into. */
  forceOpen: boolean;
  children: React.ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const [drawn, setDrawn] = useState(forceOpen);
  // After hydration, not in the first render: the server cannot know what this tab remembers.
  useEffect(() => {
    if (details.current && sessionStorage.getItem(KEY + id) === '1') details.current.open = true;
  }, [id]);
  // Printing shows every section: drawn before the page is laid out for print (the print dialog), or when the
  // print media starts to apply (a print preview, an emulated print).
  useEffect(() => {
    const drawAll = () => flushSync(() => setDrawn(true));
    const print = window.matchMedia('print');
    const onPrintMedia = (event: MediaQueryListEvent) => event.matches && drawAll();
    window.addEventListener('beforeprint', drawAll);
    print.addEventListener('change', onPrintMedia);
    return () => {
      window.removeEventListener('beforeprint', drawAll);
      print.removeEventListener('change', onPrintMedia);
    };
  }, []);
  return (
    <details
      ref={details}
      open={forceOpen || undefined}
      onToggle={(event) => {
        const { open } = event.currentTarget;
        sessionStorage.setItem(KEY + id, open ? '1' : '0');
        if (open) setDrawn(true);
      }}
      className="group min-w-0 scroll-mt-4 rounded-lg border border-slate-200 bg-white shadow-sm"
      id={`section-${id}`}
      data-testid={`section-${id}`}
    >
      <summary className="flex min-h-11 cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="no-print h-4 w-4 shrink-0 text-slate-500 group-open:rotate-90" />
        <h2 className="text-base font-semibold text-slate-800">{title}</h2>
        <span className="text-sm">{summary}</span>
      </summary>
      <div className="space-y-4 border-t border-slate-100 p-4">{drawn && children}</div>
    </details>
  );
}
