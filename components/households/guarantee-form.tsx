'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { recordGuarantees } from '@/lib/households/actions';
import { CHECKLIST } from '@/lib/households/schema';

/** A cadre records, from an in-person visit, each of 两不愁三保障 met or not met (blank: not checked this time). */
export function GuaranteeForm({
  householdId,
  visits,
}: {
  householdId: number;
  visits: { id: string; on: string; by: string }[];
}) {
  const t = useTranslations('households');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(recordGuarantees);
  if (visits.length === 0) return <p className="text-sm text-slate-500">{t('guarantees.noVisits')}</p>;
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey(householdId)}>
      <input type="hidden" name="householdId" value={householdId} />
      <FormMessage state={state} />
      <SelectField
        name="visitId"
        label={t('guarantees.visit')}
        defaultValue={defaultValue('visitId', visits[0]?.id)}
        errors={fieldError('visitId')}
      >
        {visits.map((v) => (
          <option key={v.id} value={v.id}>
            {v.on} · {v.by}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {CHECKLIST.map((item) => (
          <SelectField
            key={item}
            name={item}
            label={t(`checklistItems.${item}`)}
            defaultValue={defaultValue(item, '')}
            errors={fieldError(item)}
          >
            <option value="">{t('guarantees.skip')}</option>
            <option value="MET">{t('guarantees.met')}</option>
            <option value="NOT_MET">{t('guarantees.notMet')}</option>
          </SelectField>
        ))}
      </div>
      <SubmitButton>{t('guarantees.save')}</SubmitButton>
    </form>
  );
}
