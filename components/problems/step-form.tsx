'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { problemStep } from '@/lib/problems/actions';
import { TextArea } from './text-area';

type Step = 'START' | 'SOLVE' | 'RETURN' | 'STRIKE_OFF' | 'ESCALATE' | 'REOPEN';

/**
 * The next step on a problem: the steps this viewer may take now as a choice, and below it the
 * fields that step needs. One form and one answer, so the confirmation stays on screen after the
 * refresh even when the step just taken is no longer offered.
 */
export function StepForm({
  problem,
  steps,
  departments,
  today,
}: {
  problem: { id: number; version: number };
  steps: Step[];
  departments: { id: number; name: string }[];
  today: string;
}) {
  const t = useTranslations('problems');
  const tc = useTranslations('common');
  const [state, formAction] = useActionState(problemStep, initialActionState);
  const [chosen, setChosen] = useState<Step | undefined>(undefined);
  const [owner, setOwner] = useState<string>('');
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const fromAnswer = !state.ok && steps.includes(v.step as Step) ? (v.step as Step) : undefined;
  const step = chosen && steps.includes(chosen) ? chosen : (fromAnswer ?? steps[0]);
  const ownerNow = owner || v.owner || 'TOWNSHIP';
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
          key={`${problem.version}-${state.attempt ?? 0}`}
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
              <TextArea name="note" label={t('whatDone')} defaultValue={v.note} errors={errors.note} maxLength={1000} />
              <TextArea
                name="evidence"
                label={t('evidence')}
                defaultValue={v.evidence}
                errors={errors.evidence}
                maxLength={1000}
              />
              {errors.photoKeys && (
                <p className="text-sm text-red-700" data-field-error="photoKeys">
                  {errors.photoKeys.join('；')}
                </p>
              )}
            </>
          )}
          {step === 'ESCALATE' && (
            <>
              <TextArea
                name="note"
                label={t('explanation')}
                defaultValue={v.note}
                errors={errors.note}
                maxLength={1000}
              />
              <div className="grid gap-4 sm:grid-cols-3">
                <SelectField
                  name="owner"
                  label={t('newOwner')}
                  value={ownerNow}
                  onChange={(e) => setOwner(e.target.value)}
                  errors={errors.owner}
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
                    defaultValue={v.ownerUnitId ?? ''}
                    errors={errors.ownerUnitId}
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
                  defaultValue={v.deadline}
                  errors={errors.deadline}
                />
              </div>
            </>
          )}
          {(step === 'RETURN' || step === 'REOPEN') && (
            <TextArea name="note" label={t('reason')} defaultValue={v.note} errors={errors.note} maxLength={1000} />
          )}
          {(step === 'START' || step === 'STRIKE_OFF') && (
            <TextArea
              name="note"
              label={optional(t('note'))}
              defaultValue={v.note}
              errors={errors.note}
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
