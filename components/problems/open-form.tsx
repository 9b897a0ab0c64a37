'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { PROBLEM_CATEGORIES, URGENCIES } from '@/lib/enums';
import { openProblem } from '@/lib/problems/actions';
import { TextArea } from './text-area';

export type VillageOption = { code: string; name: string; township: string };

/** 登记问题: a village-level problem, or one from an inspection or a report. On success the action opens the new problem. */
export function OpenProblemForm({ villages }: { villages: VillageOption[] }) {
  const t = useTranslations('problems');
  const tc = useTranslations('common');
  const [state, formAction] = useActionState(openProblem, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const only = villages.length === 1 ? villages[0] : null;
  return (
    <form action={formAction} className="space-y-4" noValidate key={state.attempt ?? 0} aria-label={t('newProblem')}>
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">{t('openHint')}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          name="villageCode"
          label={t('village')}
          defaultValue={v.villageCode ?? only?.code ?? ''}
          errors={errors.villageCode}
        >
          {!only && <option value="">{tc('choose')}</option>}
          {villages.map((village) => (
            <option key={village.code} value={village.code}>
              {village.township ? `${village.township} ${village.name}` : village.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="source" label={t('source')} defaultValue={v.source ?? 'INSPECTION'} errors={errors.source}>
          {(['INSPECTION', 'REPORT'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sources.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="category" label={t('category')} defaultValue={v.category ?? ''} errors={errors.category}>
          <option value="">{tc('choose')}</option>
          {PROBLEM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="urgency" label={t('urgency')} defaultValue={v.urgency ?? 'NORMAL'} errors={errors.urgency}>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t(`urgencies.${u}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextArea
        name="description"
        label={t('description')}
        defaultValue={v.description}
        errors={errors.description}
        maxLength={1000}
      />
      {errors.householdId && (
        <p className="text-sm text-red-700" data-field-error="householdId">
          {errors.householdId.join('；')}
        </p>
      )}
      <SubmitButton>{t('newProblem')}</SubmitButton>
    </form>
  );
}
