'use client';
import { useTranslations } from 'next-intl';
import { MeasureFields } from '@/components/plans/measure-fields';
import { CheckboxField, SelectField, TextareaField } from '@/components/ui/field';
import { MONITOR_KINDS, RISK_CAUSES } from '@/lib/monitoring/rules';

type Props = {
  kind: string;
  causes: readonly string[];
  cadres: { id: number; name: string }[];
  defaultValue: (name: string, fallback: string) => string;
  defaultChecked: (name: string, fallback?: boolean) => boolean | undefined;
  fieldError: (name: string) => string[] | undefined;
};

/** Kind, risks, responsible cadre (the paired cadre unless another is chosen), note and measures. */
export function MonitoredFields({ kind, causes, cadres, defaultValue, defaultChecked, fieldError }: Props) {
  const t = useTranslations('monitoring');
  const ticked = (c: string) => defaultChecked(`cause_${c}`, causes.includes(c));
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={t('kind')}
          defaultValue={defaultValue('kind', kind)}
          errors={fieldError('kind')}
        >
          {MONITOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="cadreId"
          label={t('cadre')}
          defaultValue={defaultValue('cadreId', '')}
          errors={fieldError('cadreId')}
        >
          <option value="">{t('cadreDefault')}</option>
          {cadres.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('causesLabel')}</legend>
        <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          {RISK_CAUSES.map((c) => (
            <CheckboxField key={c} name={`cause_${c}`} label={t(`causes.${c}`)} defaultChecked={ticked(c)} />
          ))}
        </div>
        {fieldError('cause_LOW_INCOME') && (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {fieldError('cause_LOW_INCOME')?.join(' ')}
          </p>
        )}
      </fieldset>
      <TextareaField
        name="note"
        label={t('note')}
        defaultValue={defaultValue('note', '')}
        errors={fieldError('note')}
      />
      <MeasureFields measures={[]} defaultValue={defaultValue} fieldError={fieldError} />
    </>
  );
}
