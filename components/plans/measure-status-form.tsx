'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionState } from '@/lib/action-state';
import { MEASURE_STATUSES, type MeasureStatus } from '@/lib/plans/rules';

/** A measure's status moved on in place (a plan's or a monitored household's measure). */
export function MeasureStatusForm({
  action,
  measureId,
  status,
  label,
}: {
  action: (state: ActionState, payload: FormData) => Promise<ActionState>;
  measureId: number;
  status: MeasureStatus;
  label: string;
}) {
  const t = useTranslations('plans');
  const { state, formAction, formKey } = useActionForm(action);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" key={formKey(status)}>
      <input type="hidden" name="measureId" value={measureId} />
      <label className="sr-only" htmlFor={`status-${measureId}`}>
        {label}
      </label>
      <select
        id={`status-${measureId}`}
        name="status"
        defaultValue={status}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
      >
        {MEASURE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary">{t('setStatus')}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
