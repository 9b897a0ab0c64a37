'use client';
import { Eye } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/ui/use-action-form';
import { revealIdNumber } from '@/lib/households/actions';

/** Masked by default; the full number is fetched on request and the view is audited. */
export function RevealId({ personId, masked }: { personId: number; masked: string }) {
  const t = useTranslations('households');
  const { state, formAction, pending } = useActionForm(revealIdNumber);
  if (state.ok && state.data?.idNumber)
    return (
      <span className="font-mono" data-testid="revealed-id">
        {state.data.idNumber}
      </span>
    );
  return (
    <form action={formAction} className="inline-flex items-center gap-1">
      <input type="hidden" name="personId" value={personId} />
      <span className="font-mono">{masked}</span>
      <button
        type="submit"
        disabled={pending}
        className="text-slate-500 hover:text-brand-700"
        title={t('reveal')}
        aria-label={t('reveal')}
      >
        <Eye className="h-4 w-4" aria-hidden />
      </button>
      {state.formError && <span className="text-xs text-red-700">{state.formError}</span>}
    </form>
  );
}
