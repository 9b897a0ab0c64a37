'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { changeStatus } from '@/lib/households/actions';

/** The next steps this user may take; the server checks the step, the notice period and the exit rule again. */
export function StatusForm({ id, version, steps }: { id: number; version: number; steps: string[] }) {
  const t = useTranslations('households');
  const [state, formAction] = useActionState(changeStatus, initialActionState);
  const errors = state.fieldErrors ?? {};
  if (steps.length === 0) return <p className="text-sm text-slate-500">{t('noSteps')}</p>;
  return (
    <form action={formAction} className="space-y-3" noValidate key={`${version}-${state.attempt ?? 0}`}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <SelectField name="to" label={t('nextStep')} defaultValue={state.values?.to ?? steps[0]} errors={errors.to}>
        {steps.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        name="note"
        label={t('stepNote')}
        defaultValue={state.values?.note}
        errors={errors.note}
        hint={t('stepNoteHint')}
      />
      <SubmitButton>{t('takeStep')}</SubmitButton>
    </form>
  );
}
