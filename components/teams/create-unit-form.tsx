'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { UNIT_LEVELS } from '@/lib/enums';
import { createUnit } from '@/lib/teams/actions';

export function CreateUnitForm() {
  const t = useTranslations('teams');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(createUnit);
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-3 sm:items-end" noValidate key={formKey()}>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
      <TextField
        name="name"
        label={t('unitName')}
        defaultValue={state.ok ? '' : state.values?.name}
        errors={fieldError('name')}
      />
      <SelectField
        name="level"
        label={t('level')}
        defaultValue={defaultValue('level', 'COUNTY')}
        errors={fieldError('level')}
      >
        {UNIT_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`unitLevels.${level}`)}
          </option>
        ))}
      </SelectField>
      <SubmitButton>{t('createUnit')}</SubmitButton>
    </form>
  );
}
