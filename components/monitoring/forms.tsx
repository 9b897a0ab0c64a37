'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { TextareaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { addMonitored, closeRisk, dismissWarning, runWarnings, verifyWarning } from '@/lib/monitoring/actions';
import { MonitoredFields } from './monitored-fields';

type Cadre = { id: number; name: string };

/** The county office's button: compute the area's warnings now. */
export function RunWarningsForm() {
  const t = useTranslations('monitoring');
  const { state, formAction } = useActionForm(runWarnings);
  return (
    <form action={formAction} className="space-y-2">
      <p className="text-sm text-slate-600">{t('runHint')}</p>
      <SubmitButton>{t('runButton')}</SubmitButton>
      <FormMessage state={state} />
      {state.ok && state.data && (
        <p className="text-sm text-slate-700" role="status">
          {t('computedResult', { raised: state.data.raised, checked: state.data.checked })}
        </p>
      )}
    </form>
  );
}

/** The township enters a household under monitoring. */
export function AddMonitoredForm({
  householdId,
  kind,
  cadres,
  today,
}: {
  householdId: number;
  kind: string;
  cadres: Cadre[];
  today: string;
}) {
  const t = useTranslations('monitoring');
  const form = useActionForm(addMonitored);
  return (
    <form action={form.formAction} className="space-y-4" noValidate key={form.formKey()}>
      <input type="hidden" name="householdId" value={householdId} />
      <FormMessage state={form.state} />
      <TextField
        name="startedOn"
        type="date"
        label={t('startedOn')}
        defaultValue={form.defaultValue('startedOn', today)}
        errors={form.fieldError('startedOn')}
      />
      <MonitoredFields
        kind={kind}
        causes={[]}
        cadres={cadres}
        defaultValue={form.defaultValue}
        defaultChecked={form.defaultChecked}
        fieldError={form.fieldError}
      />
      <SubmitButton>{t('submitAdd')}</SubmitButton>
    </form>
  );
}

/** A warning verified: the household becomes monitored. */
export function VerifyWarningForm({
  warningId,
  version,
  kind,
  cause,
  cadres,
}: {
  warningId: number;
  version: number;
  kind: string;
  cause: string;
  cadres: Cadre[];
}) {
  const t = useTranslations('monitoring');
  const form = useActionForm(verifyWarning);
  return (
    <form action={form.formAction} className="space-y-4" noValidate key={form.formKey(version)}>
      <input type="hidden" name="warningId" value={warningId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-600">{t('verifyHint')}</p>
      <FormMessage state={form.state} />
      <MonitoredFields
        kind={kind}
        causes={[cause]}
        cadres={cadres}
        defaultValue={form.defaultValue}
        defaultChecked={form.defaultChecked}
        fieldError={form.fieldError}
      />
      <SubmitButton>{t('verifyTitle')}</SubmitButton>
    </form>
  );
}

/** A warning dismissed with the reason. */
export function DismissWarningForm({ warningId, version }: { warningId: number; version: number }) {
  const t = useTranslations('monitoring');
  const form = useActionForm(dismissWarning);
  return (
    <form action={form.formAction} className="space-y-3" noValidate key={form.formKey(version)}>
      <input type="hidden" name="warningId" value={warningId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={form.state} />
      <TextareaField
        name="reason"
        label={t('reason')}
        defaultValue={form.defaultValue('reason', '')}
        errors={form.fieldError('reason')}
        maxLength={500}
      />
      <SubmitButton variant="danger">{t('submitDismiss')}</SubmitButton>
    </form>
  );
}

/** 风险消除 on a named person's verification on a day. */
export function CloseRiskForm({
  monitoredId,
  version,
  today,
}: {
  monitoredId: number;
  version: number;
  today: string;
}) {
  const t = useTranslations('monitoring');
  const form = useActionForm(closeRisk);
  return (
    <form action={form.formAction} className="space-y-3" noValidate key={form.formKey(version)}>
      <input type="hidden" name="monitoredId" value={monitoredId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-600">{t('closeHint')}</p>
      <FormMessage state={form.state} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          name="verifiedBy"
          label={t('verifiedBy')}
          defaultValue={form.defaultValue('verifiedBy', '')}
          errors={form.fieldError('verifiedBy')}
          maxLength={40}
        />
        <TextField
          name="verifiedOn"
          type="date"
          label={t('verifiedOn')}
          defaultValue={form.defaultValue('verifiedOn', today)}
          errors={form.fieldError('verifiedOn')}
        />
      </div>
      <TextareaField
        name="note"
        label={t('closeNote')}
        defaultValue={form.defaultValue('note', '')}
        errors={form.fieldError('note')}
        maxLength={500}
      />
      <SubmitButton>{t('submitClose')}</SubmitButton>
    </form>
  );
}
