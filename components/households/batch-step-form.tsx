'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button-class';
import { SelectField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { HouseholdStatus } from '@/lib/enums';
import { batchChangeStatus } from '@/lib/households/actions';
import type { StepOption } from './status-form';
import { StepFields } from './step-fields';

export const BATCH_FORM_ID = 'batch-step';

/**
 * One step for many households of a village: the rows' checkboxes (form="batch-step", value "id:version") or
 * every household of the village in this status; a confirmation, then one audited transaction on the server.
 */
export function BatchStepForm({
  area,
  from,
  total,
  steps,
  signer,
}: {
  area: string;
  from: HouseholdStatus;
  /** Households of the village in this status; null when the list is searched (then only ticked ones). */
  total: number | null;
  steps: StepOption[];
  signer: { name: string; today: string };
}) {
  const t = useTranslations('households');
  const { state, formAction, fieldError, defaultValue, formKey, pending } = useActionForm(batchChangeStatus);
  const [to, setTo] = useState<string>(steps[0]?.to ?? '');
  const [confirming, setConfirming] = useState<number | null>(null);
  const [all, setAll] = useState(false);
  if (steps.length === 0) return <p className="text-sm text-slate-500">{t('batch.noSteps')}</p>;
  const need = steps.find((s) => s.to === to)?.need;
  const ticked = () => document.querySelectorAll(`input[form="${BATCH_FORM_ID}"][name="items"]:checked`).length;
  const stepName = to ? t(`statuses.${to as HouseholdStatus}`) : '';
  return (
    <form
      id={BATCH_FORM_ID}
      action={(data) => {
        setConfirming(null);
        formAction(data);
      }}
      className="space-y-3"
      noValidate
      key={formKey(from)}
      data-testid="batch-form"
    >
      <input type="hidden" name="area" value={area} />
      <input type="hidden" name="from" value={from} />
      <p className="text-sm text-slate-600">{t('batch.hint', { status: t(`statuses.${from}`) })}</p>
      {state.formError && (
        <div
          role="alert"
          data-form-error
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <p className="whitespace-pre-line">{state.formError}</p>
        </div>
      )}
      {state.ok && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t('batch.done', { count: state.data?.count ?? '' })}
        </div>
      )}
      {total !== null && (
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input
            type="checkbox"
            name="all"
            className="h-4 w-4"
            checked={all}
            onChange={(e) => {
              setAll(e.target.checked);
              setConfirming(null);
            }}
          />
          {t('batch.all', { count: total })}
        </label>
      )}
      <SelectField
        id="batch-to"
        name="to"
        label={t('batch.step')}
        value={to}
        onChange={(e) => {
          setTo(e.target.value);
          setConfirming(null);
        }}
        errors={fieldError('to')}
      >
        {steps.map((s) => (
          <option key={s.to} value={s.to}>
            {t(`statuses.${s.to}`)}
          </option>
        ))}
      </SelectField>
      <StepFields need={need} signer={signer} fieldError={fieldError} defaultValue={defaultValue} idPrefix="batch-" />
      {fieldError('items') && <p className="text-sm text-red-700">{fieldError('items')?.join(' ')}</p>}
      {confirming === null ? (
        <button
          type="button"
          className={buttonClass()}
          onClick={() => setConfirming(all && total !== null ? total : ticked())}
        >
          {t('batch.review')}
        </button>
      ) : (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="batch-confirm">
          <p className="text-sm text-amber-900">{t('batch.confirmText', { count: confirming, step: stepName })}</p>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonClass()} disabled={pending}>
              {t('batch.confirm')}
            </button>
            <button type="button" className={buttonClass('secondary')} onClick={() => setConfirming(null)}>
              {t('batch.back')}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

/** A row's checkbox, outside the form but sent with it. */
export function BatchCheckbox({ id, version, label }: { id: number; version: number; label: string }) {
  return (
    <input
      type="checkbox"
      form={BATCH_FORM_ID}
      name="items"
      value={`${id}:${version}`}
      aria-label={label}
      className="h-4 w-4"
    />
  );
}

/** Ticks every row of the page. */
export function BatchSelectPage({ label }: { label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="h-4 w-4"
      onChange={(e) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BATCH_FORM_ID}"][name="items"]`))
          box.checked = e.target.checked;
      }}
    />
  );
}
