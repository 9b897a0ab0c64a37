'use client';
import { useTranslations } from 'next-intl';
import { SelectField, TextField } from '@/components/ui/field';
import { MEASURE_KINDS, MEASURE_STATUSES, type Measure } from '@/lib/plans/rules';

type Props = {
  measures: readonly Pick<Measure, 'kind' | 'target' | 'amountYuan' | 'status'>[];
  defaultValue: (name: string, fallback: string) => string;
  fieldError: (name: string) => string[] | undefined;
};

/** One row per measure kind: a target (the kind is taken when it has one), yuan where it has an amount, a status. */
export function MeasureFields({ measures, defaultValue, fieldError }: Props) {
  const t = useTranslations('plans');
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">{t('measures')}</legend>
      <p className="text-xs text-slate-500">{t('measuresHint')}</p>
      {MEASURE_KINDS.map((kind) => {
        const m = measures.find((x) => x.kind === kind);
        return (
          <div
            key={kind}
            className="grid grid-cols-1 gap-2 rounded border border-slate-200 p-2 sm:grid-cols-[2fr_1fr_1fr]"
          >
            <TextField
              name={`target_${kind}`}
              label={t(`kinds.${kind}`)}
              placeholder={t(`placeholders.${kind}`)}
              defaultValue={defaultValue(`target_${kind}`, m?.target ?? '')}
              errors={fieldError(`target_${kind}`)}
            />
            <TextField
              name={`amount_${kind}`}
              id={`amount_${kind}`}
              label={t('amountYuan')}
              inputMode="numeric"
              defaultValue={defaultValue(`amount_${kind}`, m?.amountYuan == null ? '' : String(m.amountYuan))}
              errors={fieldError(`amount_${kind}`)}
            />
            <SelectField
              name={`status_${kind}`}
              label={t('status')}
              defaultValue={defaultValue(`status_${kind}`, m?.status ?? 'PLANNED')}
              errors={fieldError(`status_${kind}`)}
            >
              {MEASURE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </SelectField>
          </div>
        );
      })}
    </fieldset>
  );
}
