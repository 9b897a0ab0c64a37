'use client';
import { buttonClass } from '@/components/ui/button-class';

/** Loads the page the user wanted again (the address bar still shows it; the worker answered this page instead). */
export function RetryButton({ label }: { label: string }) {
  return (
    <button type="button" className={`${buttonClass('primary')} w-full`} onClick={() => window.location.reload()}>
      {label}
    </button>
  );
}
