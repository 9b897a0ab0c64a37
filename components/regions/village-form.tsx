'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { updateVillage } from '@/lib/regions/actions';

type Village = {
  code: string;
  version: number;
  isPoorVillage: boolean;
  plannedExitYear: number | null;
  exitedYear: number | null;
  latitude: number | null;
  longitude: number | null;
};

export function VillageForm({ village }: { village: Village }) {
  const t = useTranslations('regions');
  const { state, formAction, fieldError, defaultValue, defaultChecked, formKey } = useActionForm(updateVillage);
  const value = (name: keyof Village) => defaultValue(name, village[name] === null ? '' : String(village[name]));
  return (
    <form action={formAction} className="space-y-4" noValidate key={formKey(village.version)}>
      <input type="hidden" name="code" value={village.code} />
      <input type="hidden" name="version" value={village.version} />
      <FormMessage state={state} />
      <CheckboxField
        name="isPoorVillage"
        label={t('isPoorVillage')}
        defaultChecked={defaultChecked('isPoorVillage', village.isPoorVillage)}
        errors={fieldError('isPoorVillage')}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          name="plannedExitYear"
          label={t('plannedExitYear')}
          inputMode="numeric"
          defaultValue={value('plannedExitYear')}
          errors={fieldError('plannedExitYear')}
        />
        <TextField
          name="exitedYear"
          label={t('exitedYear')}
          inputMode="numeric"
          defaultValue={value('exitedYear')}
          errors={fieldError('exitedYear')}
        />
        <TextField
          name="latitude"
          label={t('latitude')}
          inputMode="decimal"
          defaultValue={value('latitude')}
          errors={fieldError('latitude')}
          hint={t('locationHint')}
        />
        <TextField
          name="longitude"
          label={t('longitude')}
          inputMode="decimal"
          defaultValue={value('longitude')}
          errors={fieldError('longitude')}
        />
      </div>
      <SubmitButton>{t('saveVillage')}</SubmitButton>
    </form>
  );
}
