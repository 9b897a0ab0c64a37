'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { SelectField, TextareaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { type FundSource, PAYMENT_ENTRY_KINDS } from '@/lib/enums';
import { recordAudit, recordPayment, reversePayment, saveFundYear } from '@/lib/projects/actions';

/** A voucher paid out of one of the project's fund sources (refused over what the source has left). */
export function PaymentForm({
  projectId,
  sources,
  today,
}: {
  projectId: number;
  sources: FundSource[];
  today: string;
}) {
  const t = useTranslations('projects');
  const tc = useTranslations('common');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(recordPayment);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('addPayment')}>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          name="source"
          id="pay-source"
          label={t('source')}
          defaultValue={defaultValue('source', sources.length === 1 ? sources[0] : '')}
          errors={fieldError('source')}
        >
          {sources.length !== 1 && <option value="">{tc('choose')}</option>}
          {sources.map((s) => (
            <option key={s} value={s}>
              {t(`sources.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="kind"
          id="pay-kind"
          label={t('paymentKind')}
          defaultValue={defaultValue('kind', 'DISBURSEMENT')}
          errors={fieldError('kind')}
        >
          {PAYMENT_ENTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`paymentKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="paidOn"
          id="pay-paidOn"
          type="date"
          max={today}
          label={t('paidOn')}
          defaultValue={defaultValue('paidOn', today)}
          errors={fieldError('paidOn')}
        />
        <TextField
          name="amount"
          id="pay-amount"
          inputMode="decimal"
          label={t('amountYuan')}
          defaultValue={defaultValue('amount')}
          errors={fieldError('amount')}
        />
        <TextField
          name="voucherNo"
          id="pay-voucher"
          label={t('voucherNo')}
          defaultValue={defaultValue('voucherNo')}
          errors={fieldError('voucherNo')}
          maxLength={40}
        />
        <TextField
          name="payee"
          id="pay-payee"
          label={t('payee')}
          defaultValue={defaultValue('payee')}
          errors={fieldError('payee')}
          maxLength={100}
        />
      </div>
      <SubmitButton>{t('addPayment')}</SubmitButton>
    </form>
  );
}

/** A voucher entered wrongly, reversed by one of its own (红字冲销), after asking. */
export function ReversalForm({
  payment,
  today,
}: {
  payment: { id: number; voucherNo: string; amount: string; paidOn: string };
  today: string;
}) {
  const t = useTranslations('projects');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(reversePayment);
  const id = (name: string) => `rev-${payment.id}-${name}`;
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('reverseTitle')}>
      <FormMessage state={state} />
      <input type="hidden" name="paymentId" value={payment.id} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          name="voucherNo"
          id={id('voucher')}
          label={t('reverseVoucherNo')}
          defaultValue={defaultValue('voucherNo')}
          errors={fieldError('voucherNo')}
          maxLength={40}
        />
        <TextField
          name="paidOn"
          id={id('on')}
          type="date"
          min={payment.paidOn}
          max={today}
          label={t('reverseOn')}
          defaultValue={defaultValue('paidOn', today)}
          errors={fieldError('paidOn')}
        />
        <TextField
          name="reason"
          id={id('reason')}
          label={t('reverseReason')}
          defaultValue={defaultValue('reason')}
          errors={fieldError('reason')}
          maxLength={200}
        />
      </div>
      <ConfirmSubmit
        variant="danger"
        label={t('reverse')}
        question={t('reverseAsk', { amount: payment.amount, voucher: payment.voucherNo })}
      />
    </form>
  );
}

/** An audit of the project (审计): a project closes only with one. */
export function AuditForm({ projectId, today }: { projectId: number; today: string }) {
  const t = useTranslations('projects');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(recordAudit);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('addAudit')}>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          name="auditedOn"
          id="audit-on"
          type="date"
          max={today}
          label={t('auditedOn')}
          defaultValue={defaultValue('auditedOn', today)}
          errors={fieldError('auditedOn')}
        />
        <TextField
          name="auditor"
          label={t('auditor')}
          defaultValue={defaultValue('auditor')}
          errors={fieldError('auditor')}
          maxLength={100}
        />
        <TextField
          name="amountQuestioned"
          inputMode="decimal"
          label={t('amountQuestioned')}
          defaultValue={defaultValue('amountQuestioned')}
          errors={fieldError('amountQuestioned')}
          placeholder="0.00"
        />
      </div>
      <TextareaField
        name="finding"
        label={t('finding')}
        defaultValue={defaultValue('finding')}
        errors={fieldError('finding')}
        maxLength={1000}
        rows={2}
      />
      <SubmitButton>{t('addAudit')}</SubmitButton>
    </form>
  );
}

/** The county's own figures of the year and the complaint phone printed on the public boards. */
export function FundYearForm({
  year,
  values,
}: {
  year: number;
  values: {
    localRevenueIncrease: string;
    countySpending: string;
    countyPovertySpending: string;
    complaintPhone: string;
  };
}) {
  const t = useTranslations('projects');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(saveFundYear);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey(year)} aria-label={t('fundYearForm')}>
      <FormMessage state={state} />
      <input type="hidden" name="year" value={year} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField
          name="localRevenueIncrease"
          inputMode="decimal"
          label={t('localRevenueIncrease')}
          defaultValue={defaultValue('localRevenueIncrease', values.localRevenueIncrease)}
          errors={fieldError('localRevenueIncrease')}
        />
        <TextField
          name="countySpending"
          inputMode="decimal"
          label={t('countySpending')}
          defaultValue={defaultValue('countySpending', values.countySpending)}
          errors={fieldError('countySpending')}
        />
        <TextField
          name="countyPovertySpending"
          inputMode="decimal"
          label={t('countyPovertySpending')}
          defaultValue={defaultValue('countyPovertySpending', values.countyPovertySpending)}
          errors={fieldError('countyPovertySpending')}
        />
        <TextField
          name="complaintPhone"
          type="tel"
          label={t('complaintPhone')}
          defaultValue={defaultValue('complaintPhone', values.complaintPhone)}
          errors={fieldError('complaintPhone')}
          maxLength={20}
        />
      </div>
      <SubmitButton>{t('saveFundYear')}</SubmitButton>
    </form>
  );
}
