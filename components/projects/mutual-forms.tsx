'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { addMutualCapital, lendMutualLoan, repayMutualLoan } from '@/lib/projects/actions';

/** Capital put into the village's mutual-aid fund. */
export function CapitalForm({ villageCode, today }: { villageCode: string; today: string }) {
  const t = useTranslations('projects');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(addMutualCapital);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('addCapital')}>
      <FormMessage state={state} />
      <input type="hidden" name="villageCode" value={villageCode} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          name="receivedOn"
          type="date"
          max={today}
          label={t('receivedOn')}
          defaultValue={defaultValue('receivedOn', today)}
          errors={fieldError('receivedOn')}
        />
        <TextField
          name="amount"
          id="capital-amount"
          inputMode="decimal"
          label={t('amountYuan')}
          defaultValue={defaultValue('amount')}
          errors={fieldError('amount')}
        />
        <TextField
          name="source"
          id="capital-source"
          label={t('capitalSource')}
          defaultValue={defaultValue('source')}
          errors={fieldError('source')}
          maxLength={100}
        />
      </div>
      <SubmitButton variant="secondary">{t('addCapital')}</SubmitButton>
    </form>
  );
}

/** A loan to a household of the village, out of what the fund has not lent. */
export function LoanForm({
  villageCode,
  households,
  today,
}: {
  villageCode: string;
  households: { id: number; headName: string }[];
  today: string;
}) {
  const t = useTranslations('projects');
  const tc = useTranslations('common');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(lendMutualLoan);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('addLoan')}>
      <FormMessage state={state} />
      <input type="hidden" name="villageCode" value={villageCode} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          name="householdId"
          id="loan-household"
          label={t('household')}
          defaultValue={defaultValue('householdId', '')}
          errors={fieldError('householdId')}
        >
          <option value="">{tc('choose')}</option>
          {households.map((h) => (
            <option key={h.id} value={h.id}>
              {h.headName}
            </option>
          ))}
        </SelectField>
        <TextField
          name="amount"
          id="loan-amount"
          inputMode="decimal"
          label={t('amountYuan')}
          defaultValue={defaultValue('amount')}
          errors={fieldError('amount')}
        />
        <TextField
          name="lentOn"
          type="date"
          max={today}
          label={t('lentOn')}
          defaultValue={defaultValue('lentOn', today)}
          errors={fieldError('lentOn')}
        />
        <TextField
          name="dueOn"
          type="date"
          label={t('dueOn')}
          defaultValue={defaultValue('dueOn')}
          errors={fieldError('dueOn')}
        />
      </div>
      <SubmitButton>{t('addLoan')}</SubmitButton>
    </form>
  );
}

/** A repayment of one loan. */
export function RepayForm({ loanId, today }: { loanId: number; today: string }) {
  const t = useTranslations('projects');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(repayMutualLoan);
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-end gap-2"
      noValidate
      key={formKey()}
      aria-label={t('repay')}
    >
      <FormMessage state={state} />
      <input type="hidden" name="loanId" value={loanId} />
      <TextField
        name="paidOn"
        id={`repay-${loanId}-on`}
        type="date"
        max={today}
        label={t('paidOn')}
        defaultValue={defaultValue('paidOn', today)}
        errors={fieldError('paidOn')}
      />
      <TextField
        name="amount"
        id={`repay-${loanId}-amount`}
        inputMode="decimal"
        label={t('amountYuan')}
        defaultValue={defaultValue('amount')}
        errors={fieldError('amount')}
      />
      <SubmitButton variant="secondary">{t('repay')}</SubmitButton>
    </form>
  );
}
