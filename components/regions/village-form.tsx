'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
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
  const [state, formAction] = useActionState(updateVillage, initialActionState);
  const value = (name: keyof Village) => state.values?.[name] ?? (village[name] === null ? '' : String(village[name]));
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate key={`${village.version}-${state.attempt ?? 0}`}>
      <input type="hidden" name="code" value={village.code} />
      <input type="hidden" name="version" value={village.version} />
      <FormMessage state={state} />
      <CheckboxField
        name="isPoorVillage"
        label={t('isPoorVillage')}
        defaultChecked={state.values ? state.values.isPoorVillage === 'on' : village.isPoorVillage}
        errors={errors.isPoorVillage}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          name="plannedExitYear"
          label={t('plannedExitYear')}
          inputMode="numeric"
          defaultValue={value('plannedExitYear')}
          errors={errors.plannedExitYear}
        />
        <TextField
          name="exitedYear"
          label={t('exitedYear')}
          inputMode="numeric"
          defaultValue={value('exitedYear')}
          errors={errors.exitedYear}
        />
        <TextField
          name="latitude"
          label={t('latitude')}
          inputMode="decimal"
          defaultValue={value('latitude')}
          errors={errors.latitude}
          hint={t('locationHint')}
        />
        <TextField
          name="longitude"
          label={t('longitude')}
          inputMode="decimal"
          defaultValue={value('longitude')}
          errors={errors.longitude}
        />
      </div>
      <SubmitButton>{t('saveVillage')}</SubmitButton>
    </form>
  );
}
