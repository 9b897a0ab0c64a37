'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { saveIncome } from '@/lib/households/actions';

type Income = {
  year: number;
  version: number;
  wageYuan: number;
  productionYuan: number;
  propertyYuan: number;
  transferYuan: number;
};
const PARTS = ['wageYuan', 'productionYuan', 'propertyYuan', 'transferYuan'] as const;

/** This year's income components; per-capita disposable income is computed from them. */
export function IncomeForm({ householdId, year, income }: { householdId: number; year: number; income?: Income }) {
  const t = useTranslations('households');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(saveIncome);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey(income?.version ?? 0)}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="year" value={year} />
      {income && <input type="hidden" name="version" value={income.version} />}
      <FormMessage state={state} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {PARTS.map((part) => (
          <TextField
            key={part}
            name={part}
            label={t(`income.${part}`)}
            inputMode="numeric"
            defaultValue={defaultValue(part, String(income?.[part] ?? 0))}
            errors={fieldError(part)}
          />
        ))}
      </div>
      <SubmitButton>{t('saveIncome', { year })}</SubmitButton>
    </form>
  );
}
