'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import type { HouseholdStatus } from '@/lib/enums';
import { changeStatus } from '@/lib/households/actions';

/** The next steps this user may take; the server checks the step, the notice period and the exit rule again. */
export function StatusForm({ id, version, steps }: { id: number; version: number; steps: HouseholdStatus[] }) {
  const t = useTranslations('households');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(changeStatus);
  if (steps.length === 0) return <p className="text-sm text-slate-500">{t('noSteps')}</p>;
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey(version)}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <SelectField
        name="to"
        label={t('nextStep')}
        defaultValue={defaultValue('to', steps[0])}
        errors={fieldError('to')}
      >
        {steps.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        name="note"
        label={t('stepNote')}
        defaultValue={defaultValue('note')}
        errors={fieldError('note')}
        hint={t('stepNoteHint')}
      />
      <SubmitButton>{t('takeStep')}</SubmitButton>
    </form>
  );
}
