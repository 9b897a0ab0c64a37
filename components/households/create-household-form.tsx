'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { createHousehold } from '@/lib/households/actions';
import { HEALTH, LABOUR } from '@/lib/households/schema';
import { HouseholdFields, typedValues } from './household-fields';

type Village = { code: string; name: string; parent: { name: string } | null };
const EMPTY = {
  groupName: '',
  phone: '',
  allowance: 'NONE',
  povertyCauses: [],
};

export function CreateHouseholdForm({ villages, defaultVillage }: { villages: Village[]; defaultVillage?: string }) {
  const t = useTranslations('households');
  const { state, formAction, errors, fieldError, defaultValue, formKey } = useActionForm(createHousehold);
  return (
    <form action={formAction} className="space-y-5" noValidate key={formKey()}>
      <FormMessage state={state} />
      <SelectField
        name="regionCode"
        label={t('village')}
        defaultValue={defaultValue('regionCode', defaultVillage ?? (villages.length === 1 ? villages[0].code : ''))}
        errors={fieldError('regionCode')}
      >
        <option value="">{t('chooseVillage')}</option>
        {villages.map((v) => (
          <option key={v.code} value={v.code}>
            {v.parent?.name} {v.name}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          name="headName"
          label={t('headName')}
          defaultValue={defaultValue('headName')}
          errors={fieldError('headName')}
        />
        <TextField
          name="headIdNumber"
          label={t('headIdNumber')}
          defaultValue={defaultValue('headIdNumber')}
          errors={fieldError('headIdNumber')}
          hint={t('idHint')}
          autoComplete="off"
        />
        <SelectField
          name="headHealth"
          label={t('health')}
          defaultValue={defaultValue('headHealth', 'HEALTHY')}
          errors={fieldError('headHealth')}
        >
          {HEALTH.map((h) => (
            <option key={h} value={h}>
              {t(`healthValues.${h}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="headLabour"
          label={t('labour')}
          defaultValue={defaultValue('headLabour', 'NORMAL')}
          errors={fieldError('headLabour')}
        >
          {LABOUR.map((l) => (
            <option key={l} value={l}>
              {t(`labourValues.${l}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <HouseholdFields values={typedValues(state.values, EMPTY)} errors={errors} />
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}
