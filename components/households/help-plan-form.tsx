'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { saveHelpPlan } from '@/lib/households/actions';
import { HELP_MEASURES } from '@/lib/households/schema';

type Plan = {
  version: number;
  incomeTargetYuan: number;
  responsible: string | null;
  agreedOn: string | null;
  measures: { kind: string; detail: string }[];
};

/** 一户一策: an income target and the measures agreed with the household; a detail per measure taken. */
export function HelpPlanForm({ householdId, plan }: { householdId: number; plan?: Plan }) {
  const t = useTranslations('households');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(saveHelpPlan);
  const detail = (kind: string) =>
    defaultValue(`measure_${kind}`, plan?.measures.find((m) => m.kind === kind)?.detail ?? '');
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey(plan?.version ?? 0)}>
      <input type="hidden" name="householdId" value={householdId} />
      {plan && <input type="hidden" name="version" value={plan.version} />}
      <FormMessage state={state} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          name="incomeTargetYuan"
          label={t('plan.incomeTarget')}
          inputMode="numeric"
          defaultValue={defaultValue('incomeTargetYuan', String(plan?.incomeTargetYuan ?? ''))}
          errors={fieldError('incomeTargetYuan')}
        />
        <TextField
          name="responsible"
          label={t('plan.responsible')}
          defaultValue={defaultValue('responsible', plan?.responsible ?? '')}
          errors={fieldError('responsible')}
          hint={t('plan.responsibleHint')}
        />
        <TextField
          name="agreedOn"
          type="date"
          label={t('plan.agreedOn')}
          defaultValue={defaultValue('agreedOn', plan?.agreedOn ?? '')}
          errors={fieldError('agreedOn')}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t('plan.measures')}</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {HELP_MEASURES.map((kind) => (
            <TextField
              key={kind}
              name={`measure_${kind}`}
              label={t(`measures.${kind}`)}
              defaultValue={detail(kind)}
              errors={fieldError(`measure_${kind}`)}
              placeholder={t('plan.measurePlaceholder')}
            />
          ))}
        </div>
      </fieldset>
      <SubmitButton>{t('plan.save')}</SubmitButton>
    </form>
  );
}
