'use client';
import { useState } from 'react';

/**
 * A <details> that starts open or closed and then stays as the user leaves it: a page refreshed after a save
 * (the first help plan, say) does not fold away the form and the message saying it was saved.
 */
export function Disclosure({
  initiallyOpen,
  summary,
  summaryClassName,
  className,
  children,
}: {
  initiallyOpen: boolean;
  summary: React.ReactNode;
  summaryClassName?: string;
  className?: string;
  children: React.ReactNode;
}) {
  const [open] = useState(initiallyOpen);
  return (
    <details open={open} className={className}>
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
