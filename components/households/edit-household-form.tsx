'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { updateHousehold } from '@/lib/households/actions';
import { HouseholdFields, type HouseholdValues, typedValues } from './household-fields';

export function EditHouseholdForm({ id, version, values }: { id: number; version: number; values: HouseholdValues }) {
  const t = useTranslations('households');
  const [state, formAction] = useActionState(updateHousehold, initialActionState);
  return (
    <form action={formAction} className="space-y-5" noValidate key={`${version}-${state.attempt ?? 0}`}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <HouseholdFields
        values={typedValues(state.ok ? undefined : state.values, values)}
        errors={state.fieldErrors ?? {}}
      />
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
