'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { ASSET_KINDS, BENEFIT_MECHANISMS } from '@/lib/enums';
import { addBeneficiary, recordAssetIncome, registerAsset, removeBeneficiary } from '@/lib/projects/actions';

type HouseholdOption = { id: number; label: string };

/** A household of the project's villages that benefits, and how (带贫机制). */
export function BeneficiaryForm({ projectId, households }: { projectId: number; households: HouseholdOption[] }) {
  const t = useTranslations('projects');
  const tc = useTranslations('common');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(addBeneficiary);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('addBeneficiary')}>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="householdId"
          id="ben-household"
          label={t('household')}
          defaultValue={defaultValue('householdId', '')}
          errors={fieldError('householdId')}
        >
          <option value="">{tc('choose')}</option>
          {households.map((h) => (
            <option key={h.id} value={h.id}>
              {h.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="mechanism"
          label={t('mechanism')}
          defaultValue={defaultValue('mechanism', '')}
          errors={fieldError('mechanism')}
        >
          <option value="">{tc('choose')}</option>
          {BENEFIT_MECHANISMS.map((m) => (
            <option key={m} value={m}>
              {t(`mechanisms.${m}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton variant="secondary">{t('addBeneficiary')}</SubmitButton>
    </form>
  );
}

/** Takes one household off the list, after asking. */
export function RemoveBeneficiaryForm({
  projectId,
  household,
}: {
  projectId: number;
  household: { id: number; name: string };
}) {
  const t = useTranslations('projects');
  const { state, formAction, formKey } = useActionForm(removeBeneficiary);
  return (
    <form
      action={formAction}
      className="inline-flex flex-wrap items-center gap-2"
      key={formKey()}
      aria-label={t('removeBeneficiary')}
    >
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="householdId" value={household.id} />
      <ConfirmSubmit variant="danger" label={t('remove')} question={t('removeAsk', { name: household.name })} />
    </form>
  );
}

/** An asset the project created (扶贫资产), from acceptance on. */
export function AssetForm({ projectId, households }: { projectId: number; households: HouseholdOption[] }) {
  const t = useTranslations('projects');
  const tc = useTranslations('common');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(registerAsset);
  const [kind, setKind] = useState('');
  const kindNow = kind || defaultValue('kind', 'PUBLIC_BENEFIT');
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('addAsset')}>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          name="kind"
          id="asset-kind"
          label={t('assetKind')}
          value={kindNow}
          onChange={(e) => setKind(e.target.value)}
          errors={fieldError('kind')}
        >
          {ASSET_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`assetKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="name"
          id="asset-name"
          label={t('assetName')}
          defaultValue={defaultValue('name')}
          errors={fieldError('name')}
          maxLength={100}
        />
        <TextField
          name="value"
          inputMode="decimal"
          label={t('assetValue')}
          defaultValue={defaultValue('value')}
          errors={fieldError('value')}
        />
        <TextField
          name="ownerName"
          label={t('assetOwner')}
          defaultValue={defaultValue('ownerName')}
          errors={fieldError('ownerName')}
          maxLength={100}
        />
        <TextField
          name="custodian"
          label={t('custodian')}
          defaultValue={defaultValue('custodian')}
          errors={fieldError('custodian')}
          maxLength={60}
        />
        {kindNow === 'HOUSEHOLD' && (
          <SelectField
            name="householdId"
            id="asset-household"
            label={t('household')}
            defaultValue={defaultValue('householdId', '')}
            errors={fieldError('householdId')}
          >
            <option value="">{tc('choose')}</option>
            {households.map((h) => (
              <option key={h.id} value={h.id}>
                {h.label}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <SubmitButton>{t('addAsset')}</SubmitButton>
    </form>
  );
}

/** Income an asset returned to households, as paid out. */
export function IncomeForm({ assetId, today }: { assetId: number; today: string }) {
  const t = useTranslations('projects');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(recordAssetIncome);
  return (
    <form action={formAction} className="space-y-2" noValidate key={formKey()} aria-label={t('addIncome')}>
      <FormMessage state={state} />
      <input type="hidden" name="assetId" value={assetId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          name="paidOn"
          id={`income-${assetId}-on`}
          type="date"
          max={today}
          label={t('paidOn')}
          defaultValue={defaultValue('paidOn', today)}
          errors={fieldError('paidOn')}
        />
        <TextField
          name="amount"
          id={`income-${assetId}-amount`}
          inputMode="decimal"
          label={t('incomeYuan')}
          defaultValue={defaultValue('amount')}
          errors={fieldError('amount')}
        />
        <TextField
          name="households"
          id={`income-${assetId}-households`}
          inputMode="numeric"
          label={t('householdsPaid')}
          defaultValue={defaultValue('households')}
          errors={fieldError('households')}
        />
      </div>
      <SubmitButton variant="secondary">{t('addIncome')}</SubmitButton>
    </form>
  );
}
