'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { resolveDuplicate } from '@/lib/households/actions';

/** The county office says how a duplicate across areas was resolved. */
export function ResolveDuplicateForm({ id }: { id: number }) {
  const t = useTranslations('households');
  const [state, formAction] = useActionState(resolveDuplicate, initialActionState);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate key={state.attempt ?? 0}>
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <TextField
        name="resolution"
        id={`resolution-${id}`}
        label={t('duplicateResolution')}
        defaultValue={state.values?.resolution}
        errors={state.fieldErrors?.resolution}
      />
      <SubmitButton variant="secondary">{t('duplicateResolve')}</SubmitButton>
    </form>
  );
}
