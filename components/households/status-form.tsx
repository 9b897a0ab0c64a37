'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import type { HouseholdStatus } from '@/lib/enums';
import { changeStatus } from '@/lib/households/actions';
import type { StepNeed } from '@/lib/households/rules';
import { StepFields } from './step-fields';

export type StepOption = { to: HouseholdStatus; need?: StepNeed };

/** The next steps this user may take; the server checks the step, its period, its records and the exit rule again. */
export function StatusForm({
  id,
  version,
  steps,
  signer,
}: {
  id: number;
  version: number;
  steps: StepOption[];
  signer: { name: string; today: string };
}) {
  const t = useTranslations('households');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(changeStatus);
  const [chosen, setTo] = useState<string>(defaultValue('to', steps[0]?.to) ?? '');
  if (steps.length === 0) return <p className="text-sm text-slate-500">{t('noSteps')}</p>;
  const to = steps.some((s) => s.to === chosen) ? chosen : (steps[0]?.to ?? '');
  const need = steps.find((s) => s.to === to)?.need;
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey(version)}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <SelectField
        name="to"
        label={t('nextStep')}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        errors={fieldError('to')}
      >
        {steps.map((s) => (
          <option key={s.to} value={s.to}>
            {t(`statuses.${s.to}`)}
          </option>
        ))}
      </SelectField>
      <StepFields need={need} signer={signer} fieldError={fieldError} defaultValue={defaultValue} />
      <ConfirmSubmit label={t('takeStep')} question={t('stepAsk', { step: t(`statuses.${to as HouseholdStatus}`) })} />
    </form>
  );
}
