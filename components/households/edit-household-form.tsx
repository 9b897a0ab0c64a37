'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { updateHousehold } from '@/lib/households/actions';
import { HouseholdFields, type HouseholdValues, typedValues } from './household-fields';

export function EditHouseholdForm({ id, version, values }: { id: number; version: number; values: HouseholdValues }) {
  const t = useTranslations('households');
  const { state, formAction, errors, formKey } = useActionForm(updateHousehold);
  return (
    <form action={formAction} className="space-y-5" noValidate key={formKey(version)}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <HouseholdFields values={typedValues(state.values, values)} errors={errors} editing />
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
