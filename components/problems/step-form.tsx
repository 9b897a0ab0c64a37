'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { FieldError, SelectField, TextareaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { problemStep } from '@/lib/problems/actions';

type Step = 'START' | 'SOLVE' | 'RETURN' | 'STRIKE_OFF' | 'ESCALATE' | 'REOPEN';

/**
 * The next step on a problem: the steps this viewer may take now as a choice, and below it the
 * fields that step needs. One form and one answer, so the confirmation stays on screen after the
 * refresh even when the step just taken is no longer offered.
 */
export function StepForm({
  problem,
  title,
  steps,
  departments,
  today,
}: {
  problem: { id: number; version: number };
  /** The problem as the outbox lists a step entered without signal. */
  title: string;
  steps: Step[];
  departments: { id: number; name: string }[];
  today: string;
}) {
  const t = useTranslations('problems');
  const tc = useTranslations('common');
  const tAll = useTranslations();
  const { state, formAction, errors, fieldError, defaultValue, formKey } = useActionForm(problemStep, undefined, {
    kind: 'problemStep',
    label: (v) =>
      `${tAll('outbox.labels.problemStep', { problem: title })} · ${v.step ? t(`steps.${v.step as Step}`) : ''}`,
  });
  const [chosen, setChosen] = useState<Step | undefined>(undefined);
  const [owner, setOwner] = useState<string>('');
  const fromAnswer =
    !state.ok && steps.includes(defaultValue('step') as Step) ? (defaultValue('step') as Step) : undefined;
  const step = chosen && steps.includes(chosen) ? chosen : (fromAnswer ?? steps[0]);
  const ownerNow = owner || defaultValue('owner') || 'TOWNSHIP';
  const optional = (label: string) => t('optional', { label });
  const other = Object.entries(errors).filter(
    ([field]) => !['note', 'evidence', 'owner', 'ownerUnitId', 'deadline', 'photoKeys'].includes(field),
  );
  return (
    <div className="space-y-3" data-testid="step-panel">
      <FormMessage state={state} />
      {steps.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noNextSteps')}</p>
      ) : (
        <form
          action={formAction}
          className="space-y-4"
          noValidate
          key={formKey(problem.version)}
          aria-label={t('submit')}
        >
          <input type="hidden" name="problemId" value={problem.id} />
          <input type="hidden" name="version" value={problem.version} />
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-700">{t('chooseStep')}</legend>
            <div className="flex flex-wrap gap-2">
              {steps.map((s) => (
                <label
                  key={s}
                  className={`inline-flex min-h-10 cursor-pointer items-center rounded-md border px-3 py-2 text-sm font-medium ${s === step ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
                >
                  <input
                    type="radio"
                    name="step"
                    value={s}
                    checked={s === step}
                    onChange={() => setChosen(s)}
                    className="sr-only"
                  />
                  {t(`steps.${s}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {step === 'SOLVE' && (
            <>
              <TextareaField
                name="note"
                label={t('whatDone')}
                defaultValue={defaultValue('note')}
                errors={fieldError('note')}
                maxLength={1000}
              />
              <TextareaField
                name="evidence"
                label={t('evidence')}
                defaultValue={defaultValue('evidence')}
                errors={fieldError('evidence')}
                maxLength={1000}
              />
              <FieldError name="photoKeys" errors={fieldError('photoKeys')} />
            </>
          )}
          {step === 'ESCALATE' && (
            <>
              <TextareaField
                name="note"
                label={t('explanation')}
                defaultValue={defaultValue('note')}
                errors={fieldError('note')}
                maxLength={1000}
              />
              <div className="grid gap-4 sm:grid-cols-3">
                <SelectField
                  name="owner"
                  label={t('newOwner')}
                  value={ownerNow}
                  onChange={(e) => setOwner(e.target.value)}
                  errors={fieldError('owner')}
                >
                  {(['TOWNSHIP', 'DEPARTMENT'] as const).map((o) => (
                    <option key={o} value={o}>
                      {t(`owners.${o}`)}
                    </option>
                  ))}
                </SelectField>
                {ownerNow === 'DEPARTMENT' && (
                  <SelectField
                    name="ownerUnitId"
                    label={t('department')}
                    defaultValue={defaultValue('ownerUnitId', '')}
                    errors={fieldError('ownerUnitId')}
                  >
                    <option value="">{tc('choose')}</option>
                    {departments.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </SelectField>
                )}
                <TextField
                  name="deadline"
                  type="date"
                  label={t('newDeadline')}
                  min={today}
                  defaultValue={defaultValue('deadline')}
                  errors={fieldError('deadline')}
                />
              </div>
            </>
          )}
          {(step === 'RETURN' || step === 'REOPEN') && (
            <TextareaField
              name="note"
              label={t('reason')}
              defaultValue={defaultValue('note')}
              errors={fieldError('note')}
              maxLength={1000}
            />
          )}
          {(step === 'START' || step === 'STRIKE_OFF') && (
            <TextareaField
              name="note"
              label={optional(t('note'))}
              defaultValue={defaultValue('note')}
              errors={fieldError('note')}
              maxLength={1000}
              rows={2}
            />
          )}
          {other.length > 0 && (
            <p role="alert" className="text-sm text-red-700">
              {other.map(([, e]) => e.join('；')).join('；')}
            </p>
          )}
          <SubmitButton variant={step === 'RETURN' ? 'danger' : 'primary'}>
            {step ? t(`steps.${step}`) : t('submit')}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
