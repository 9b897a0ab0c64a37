'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * A box that scrolls sideways (a wide table on a phone). While its content is wider than it, it takes the
 * keyboard focus, so the arrow keys scroll it; when everything fits it is no extra tab stop.
 */
export function ScrollArea({ children }: { children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600"
      tabIndex={overflows ? 0 : undefined}
    >
      {children}
    </div>
  );
}
