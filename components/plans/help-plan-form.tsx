'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { savePlan } from '@/lib/plans/actions';
import type { Measure } from '@/lib/plans/rules';
import { MeasureFields } from './measure-fields';

type Plan = { version: number; incomeTargetYuan: number; agreedOn: string | null; measures: Measure[] };

/** 一户一策: this year's income target and measures; the responsible person is the paired cadre (not typed). */
export function HelpPlanForm({ householdId, plan, base }: { householdId: number; plan?: Plan; base?: Plan }) {
  const t = useTranslations('plans');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(savePlan);
  const from = plan ?? base; // a new year's plan starts from last year's
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey(plan?.version ?? 0)}>
      <input type="hidden" name="householdId" value={householdId} />
      {plan && <input type="hidden" name="version" value={plan.version} />}
      <FormMessage state={state} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          name="incomeTargetYuan"
          label={t('incomeTarget')}
          inputMode="numeric"
          defaultValue={defaultValue('incomeTargetYuan', String(from?.incomeTargetYuan ?? ''))}
          errors={fieldError('incomeTargetYuan')}
        />
        <TextField
          name="agreedOn"
          type="date"
          label={t('agreedOn')}
          defaultValue={defaultValue('agreedOn', plan?.agreedOn ?? '')}
          errors={fieldError('agreedOn')}
        />
      </div>
      <MeasureFields measures={from?.measures ?? []} defaultValue={defaultValue} fieldError={fieldError} />
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
