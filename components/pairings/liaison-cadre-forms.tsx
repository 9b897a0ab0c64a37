'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { assignVillageLiaisons, setHouseholdLiaison } from '@/lib/pairings/actions';

type Options = { id: number; label: string }[];

function CadreSelect({
  options,
  errors,
  defaultValue,
}: {
  options: Options;
  errors?: string[];
  defaultValue?: string;
}) {
  const t = useTranslations('pairings');
  return (
    <SelectField name="cadreId" label={t('liaisonCadre')} errors={errors} defaultValue={defaultValue ?? ''}>
      <option value="">{t('chooseCadre')}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

/** 联户干部 of one household: set, or change. */
export function HouseholdLiaisonForm({
  householdId,
  options,
  change,
}: {
  householdId: number;
  options: Options;
  change: boolean;
}) {
  const t = useTranslations('pairings');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(setHouseholdLiaison);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()}>
      <input type="hidden" name="householdId" value={householdId} />
      <FormMessage state={state} />
      <CadreSelect options={options} errors={fieldError('cadreId')} defaultValue={defaultValue('cadreId')} />
      <SubmitButton variant={change ? 'secondary' : 'primary'}>
        {change ? t('changeLiaisonCadre') : t('setLiaisonCadre')}
      </SubmitButton>
    </form>
  );
}

/** One cadre as the liaison of every household of the village still without one. */
export function VillageLiaisonsForm({ villageCode, options }: { villageCode: string; options: Options }) {
  const t = useTranslations('pairings');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(assignVillageLiaisons);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('assignVillageLiaisons')}>
      <input type="hidden" name="villageCode" value={villageCode} />
      <FormMessage state={state} />
      <CadreSelect options={options} errors={fieldError('cadreId')} defaultValue={defaultValue('cadreId')} />
      <SubmitButton>{t('assignVillageLiaisons')}</SubmitButton>
    </form>
  );
}
