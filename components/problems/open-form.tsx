'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { FieldError, SelectField, TextareaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { PROBLEM_CATEGORIES, URGENCIES } from '@/lib/enums';
import { openProblem } from '@/lib/problems/actions';
import { RISK_EVENTS } from '@/lib/problems/rules';

export type VillageOption = { code: string; name: string; township: string };

/** 登记问题: a village-level problem, or one from an inspection or a report. On success the action opens the new problem. */
export function OpenProblemForm({ villages }: { villages: VillageOption[] }) {
  const t = useTranslations('problems');
  const tc = useTranslations('common');
  const tm = useTranslations('monitoring');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(openProblem);
  const only = villages.length === 1 ? villages[0] : null;
  return (
    <form action={formAction} className="space-y-4" noValidate key={formKey()} aria-label={t('newProblem')}>
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">{t('openHint')}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          name="villageCode"
          label={t('village')}
          defaultValue={defaultValue('villageCode', only?.code ?? '')}
          errors={fieldError('villageCode')}
        >
          {!only && <option value="">{tc('choose')}</option>}
          {villages.map((village) => (
            <option key={village.code} value={village.code}>
              {village.township ? `${village.township} ${village.name}` : village.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="source"
          label={t('source')}
          defaultValue={defaultValue('source', 'INSPECTION')}
          errors={fieldError('source')}
        >
          {(['INSPECTION', 'REPORT'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sources.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="category"
          label={t('category')}
          defaultValue={defaultValue('category', '')}
          errors={fieldError('category')}
        >
          <option value="">{tc('choose')}</option>
          {PROBLEM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="urgency"
          label={t('urgency')}
          defaultValue={defaultValue('urgency', 'NORMAL')}
          errors={fieldError('urgency')}
        >
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t(`urgencies.${u}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="riskEvent"
          label={tm('eventField')}
          defaultValue={defaultValue('riskEvent', '')}
          errors={fieldError('riskEvent')}
          hint={tm('eventHint')}
        >
          <option value="">{tm('eventNone')}</option>
          {RISK_EVENTS.map((e) => (
            <option key={e} value={e}>
              {tm(`events.${e}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField
        name="description"
        label={t('description')}
        defaultValue={defaultValue('description')}
        errors={fieldError('description')}
        maxLength={1000}
      />
      <FieldError name="householdId" errors={fieldError('householdId')} />
      <SubmitButton>{t('newProblem')}</SubmitButton>
    </form>
  );
}
