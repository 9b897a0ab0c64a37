'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { Disclosure } from '@/components/ui/disclosure';
import { CheckboxField, FieldError, SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionState } from '@/lib/action-state';
import {
  confirmProposal,
  endPairing,
  pairHousehold,
  reassignCadre,
  removeLiaison,
  setLiaison,
} from '@/lib/pairings/actions';

const pairList = (pairs: { householdId: number; cadreId: number }[]) =>
  pairs.map((p) => `${p.householdId}:${p.cadreId}`).join(',');

/** Pairs the household; once it has a cadre it shows only the answer just given (if any). */
export function PairForm({
  householdId,
  options,
  paired = false,
}: {
  householdId: number;
  options: { id: number; label: string }[];
  paired?: boolean;
}) {
  const t = useTranslations('pairings');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(pairHousehold);
  if (paired) return state.ok ? <FormMessage state={state} /> : null;
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()}>
      <input type="hidden" name="householdId" value={householdId} />
      <FormMessage state={state} />
      <SelectField
        name="cadreId"
        label={t('pairWith')}
        defaultValue={defaultValue('cadreId')}
        errors={fieldError('cadreId')}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <SubmitButton>{t('pair')}</SubmitButton>
    </form>
  );
}

export function EndPairingForm({ pairingId }: { pairingId: number }) {
  const t = useTranslations('pairings');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(endPairing);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate key={formKey()}>
      <input type="hidden" name="pairingId" value={pairingId} />
      <div className="min-w-48 flex-1">
        <TextField
          id={`reason-${pairingId}`}
          name="reason"
          label={t('reason')}
          defaultValue={defaultValue('reason')}
          errors={fieldError('reason')}
        />
      </div>
      <ConfirmSubmit variant="danger" label={t('endPairing')} question={t('endPairingAsk')} />
      {state.formError && (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.formError}
        </p>
      )}
    </form>
  );
}

/** Confirms the proposal; once nothing is left to pair it shows only the answer just given (if any). */
export function ConfirmProposalForm({
  area,
  pairs,
}: {
  area: string;
  pairs: { householdId: number; cadreId: number }[];
}) {
  const t = useTranslations('pairings');
  const { state, formAction, fieldError } = useActionForm(confirmProposal);
  if (pairs.length === 0 && !state.ok) return null;
  return (
    <form action={formAction} className="mt-4 space-y-2">
      <input type="hidden" name="area" value={area} />
      <input type="hidden" name="pairs" value={pairList(pairs)} />
      <FormMessage state={state} />
      <FieldError name="pairs" errors={fieldError('pairs')} role="alert" />
      {!state.ok && pairs.length > 0 && (
        <ConfirmSubmit
          label={t('confirm', { count: pairs.length })}
          question={t('confirmAsk', { count: pairs.length })}
          confirmLabel={t('confirmWrite', { count: pairs.length })}
        />
      )}
    </form>
  );
}

/**
 * 干部调离 card: the proposal (children) and the form while the cadre has households to hand over
 * (`open`); once they are handed over it shows only the answer just given (if any).
 */
export function ReassignCard({
  cadre,
  pairs,
  today,
  open,
  canSubmit,
  children,
}: {
  cadre: { id: number; version: number };
  pairs: { householdId: number; cadreId: number }[];
  today: string;
  open: boolean;
  canSubmit: boolean;
  children: ReactNode;
}) {
  const t = useTranslations('pairings');
  const { state, formAction } = useActionForm(reassignCadre);
  if (!open && !state.ok) return null;
  return (
    <Card title={t('reassignTitle')}>
      {open ? (
        // Closed until asked for: handing over every household is not something to do by a stray tap.
        <Disclosure
          initiallyOpen={false}
          summary={t('reassignOpen', { count: pairs.length })}
          summaryClassName="cursor-pointer text-sm font-medium text-brand-700"
        >
          <div className="mt-3">{children}</div>
          {canSubmit && (
            <div className="mt-4">
              <ReassignForm cadre={cadre} pairs={pairs} today={today} state={state} formAction={formAction} />
            </div>
          )}
        </Disclosure>
      ) : (
        <FormMessage state={state} />
      )}
    </Card>
  );
}

function ReassignForm({
  cadre,
  pairs,
  today,
  state,
  formAction,
}: {
  cadre: { id: number; version: number };
  pairs: { householdId: number; cadreId: number }[];
  today: string;
  state: ActionState;
  formAction: (formData: FormData) => void;
}) {
  const t = useTranslations('pairings');
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate key={state.attempt ?? 0}>
      <input type="hidden" name="cadreId" value={cadre.id} />
      <input type="hidden" name="version" value={cadre.version} />
      <input type="hidden" name="pairs" value={pairList(pairs)} />
      <FormMessage state={state} />
      <FieldError name="pairs" errors={errors.pairs} role="alert" />
      <div className="grid gap-3 sm:grid-cols-3 sm:items-end">
        <TextField name="reason" label={t('reason')} defaultValue={state.values?.reason} errors={errors.reason} />
        <TextField
          name="leftOn"
          type="date"
          label={t('leftOn')}
          defaultValue={state.values?.leftOn ?? today}
          errors={errors.leftOn}
        />
        <CheckboxField
          name="markLeft"
          label={t('markLeft')}
          defaultChecked={state.values?.markLeft === 'on'}
          errors={errors.markLeft}
        />
      </div>
      <ConfirmSubmit
        label={t('reassignStart')}
        question={t('reassignAsk', { count: pairs.length })}
        confirmLabel={t('reassign')}
      />
    </form>
  );
}

export function LiaisonForm({ villageCode, units }: { villageCode: string; units: { id: number; name: string }[] }) {
  const t = useTranslations('pairings');
  const { state, formAction, fieldError, formKey } = useActionForm(setLiaison);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate key={formKey()}>
      <input type="hidden" name="villageCode" value={villageCode} />
      <div className="min-w-48 flex-1">
        <SelectField id={`unit-${villageCode}`} name="unitId" label={t('unit')} errors={fieldError('unitId')}>
          <option value="">{t('chooseUnit')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton variant="secondary">{t('addLiaison')}</SubmitButton>
      {state.formError && (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.formError}
        </p>
      )}
    </form>
  );
}

export function RemoveLiaisonButton({ id }: { id: number }) {
  const t = useTranslations('pairings');
  const { formAction } = useActionForm(removeLiaison);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit variant="secondary" label={t('removeLiaison')} question={t('removeLiaisonAsk')} />
    </form>
  );
}
