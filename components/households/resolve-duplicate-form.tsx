'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { resolveDuplicate } from '@/lib/households/actions';

/** The county office says how a duplicate across areas was resolved. */
export function ResolveDuplicateForm({ id }: { id: number }) {
  const t = useTranslations('households');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(resolveDuplicate);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate key={formKey()}>
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state} />
      <TextField
        name="resolution"
        id={`resolution-${id}`}
        label={t('duplicateResolution')}
        defaultValue={defaultValue('resolution')}
        errors={fieldError('resolution')}
      />
      <SubmitButton variant="secondary">{t('duplicateResolve')}</SubmitButton>
    </form>
  );
}
