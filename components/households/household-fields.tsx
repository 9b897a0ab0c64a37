'use client';
import { useTranslations } from 'next-intl';
import { FieldError, SelectField, TextField } from '@/components/ui/field';
import { ALLOWANCES, POVERTY_CAUSES } from '@/lib/households/schema';

export type HouseholdValues = {
  groupName: string;
  phone: string;
  allowance: string;
  povertyCauses: string[];
};

/** The fields a household shares between the create and edit forms. */
/** `editing`: an existing household's form, where a blank phone keeps the stored number. */
export function HouseholdFields({
  values,
  errors,
  editing = false,
}: {
  values: HouseholdValues;
  errors: Record<string, string[]>;
  editing?: boolean;
}) {
  const t = useTranslations('households');
  return (
    <>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <TextField
          name="groupName"
          label={t('groupName')}
          placeholder="3组"
          defaultValue={values.groupName}
          errors={errors.groupName}
        />
        <TextField
          name="phone"
          label={t('phone')}
          inputMode="tel"
          defaultValue={values.phone}
          errors={errors.phone}
          hint={editing ? t('phoneHintEdit') : t('phoneHint')}
        />
        <SelectField name="allowance" label={t('allowance')} defaultValue={values.allowance} errors={errors.allowance}>
          {ALLOWANCES.map((a) => (
            <option key={a} value={a}>
              {t(`allowances.${a}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t('povertyCauses')}</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {POVERTY_CAUSES.map((cause) => (
            <label key={cause} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="povertyCauses"
                value={cause}
                defaultChecked={values.povertyCauses.includes(cause)}
                className="h-4 w-4"
              />
              {t(`causes.${cause}`)}
            </label>
          ))}
        </div>
        <FieldError name="povertyCauses" errors={errors.povertyCauses} />
      </fieldset>
    </>
  );
}

/** What the user typed, from a failed submission, in the shape the fields take. */
export function typedValues(raw: Record<string, string> | undefined, fallback: HouseholdValues): HouseholdValues {
  if (!raw) return fallback;
  return {
    groupName: raw.groupName ?? '',
    phone: raw.phone ?? '',
    allowance: raw.allowance ?? 'NONE',
    povertyCauses: raw.povertyCauses ? raw.povertyCauses.split(',') : [],
  };
}
