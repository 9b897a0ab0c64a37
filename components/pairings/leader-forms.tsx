'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { SelectField } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { addLeaderVillage, removeLeaderVillage } from '@/lib/pairings/actions';

/** A poor village the leader takes in hand (包抓); the county office records it. */
export function LeaderVillageForm({
  cadreId,
  name,
  villages,
}: {
  cadreId: number;
  name: string;
  villages: { code: string; label: string }[];
}) {
  const t = useTranslations('pairings');
  const { state, formAction, fieldError, formKey } = useActionForm(addLeaderVillage);
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-end gap-2"
      noValidate
      key={formKey()}
      aria-label={`${t('addLeaderVillage')} ${name}`}
    >
      <input type="hidden" name="cadreId" value={cadreId} />
      <div className="min-w-48 flex-1">
        <SelectField
          id={`village-${cadreId}`}
          name="villageCode"
          label={t('addLeaderVillage')}
          errors={fieldError('villageCode')}
        >
          <option value="">{t('chooseVillage')}</option>
          {villages.map((v) => (
            <option key={v.code} value={v.code}>
              {v.label}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton variant="secondary">{t('addLeaderVillage')}</SubmitButton>
      {state.formError && (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.formError}
        </p>
      )}
    </form>
  );
}

export function RemoveLeaderVillageButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations('pairings');
  const { formAction } = useActionForm(removeLeaderVillage);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit
        variant="secondary"
        label={t('removeLeaderVillage')}
        question={t('removeLeaderVillageAsk', { name })}
      />
    </form>
  );
}
