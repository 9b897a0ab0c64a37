'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/action-state';

/**
 * The form-level outcome: an error the user must fix (the form's own, or how many fields to correct), or a
 * success note. A refused answer takes the focus, so a keyboard or screen-reader user (and a phone's screen)
 * lands on what went wrong instead of the button.
 */
export function FormMessage({ state }: { state: ActionState }) {
  const t = useTranslations('errors');
  const box = useRef<HTMLDivElement>(null);
  const fieldCount = Object.values(state.fieldErrors ?? {}).filter((messages) => messages?.length).length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each answer (attempt) moves the focus once
  useEffect(() => {
    if (!state.ok && (state.formError || fieldCount > 0)) box.current?.focus();
  }, [state]);
  const refusal = state.formError ?? (!state.ok && fieldCount > 0 ? t('fixFields', { count: fieldCount }) : null);
  if (refusal)
    return (
      <div
        ref={box}
        tabIndex={-1}
        role="alert"
        className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-2 focus:outline-red-600"
        {...(state.formError ? { 'data-form-error': '' } : { 'data-error-summary': '' })}
      >
        {refusal}
      </div>
    );
  if (state.ok && state.message)
    return (
      <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
        {state.message}
      </div>
    );
  return null;
}
