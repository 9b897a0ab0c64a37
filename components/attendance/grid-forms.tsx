'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FieldError, SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { setDays, signOffMonth } from '@/lib/attendance/actions';
import { DAY_KINDS } from '@/lib/enums';

type Person = { postingId: number; name: string };

/** Fill or correct a run of days for one person; a change to a recorded day asks for the reason. */
export function DayEntryForm({
  people,
  preset,
}: {
  people: Person[];
  preset: { postingId?: number; from: string; to: string };
}) {
  const t = useTranslations('attendance');
  const tAll = useTranslations();
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(setDays, undefined, {
    kind: 'days',
    label: (v) =>
      tAll('outbox.labels.days', {
        name: people.find((p) => String(p.postingId) === v.postingId)?.name ?? '',
        from: v.from ?? '',
        to: v.to ?? '',
      }),
  });
  return (
    <form action={formAction} className="space-y-4" noValidate key={formKey(preset.postingId, preset.from)} id="entry">
      <FormMessage state={state} />
      <FieldError name="postingId" errors={fieldError('postingId')} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          name="postingId"
          label={t('person')}
          defaultValue={defaultValue('postingId', String(preset.postingId ?? people[0]?.postingId ?? ''))}
        >
          {people.map((p) => (
            <option key={p.postingId} value={p.postingId}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="from"
          type="date"
          label={t('from')}
          defaultValue={defaultValue('from', preset.from)}
          errors={fieldError('from')}
        />
        <TextField
          name="to"
          type="date"
          label={t('to')}
          defaultValue={defaultValue('to', preset.to)}
          errors={fieldError('to')}
        />
        <SelectField
          name="kind"
          label={t('kind')}
          defaultValue={defaultValue('kind', 'OVERNIGHT')}
          errors={fieldError('kind')}
        >
          {[...DAY_KINDS, 'CLEAR' as const].map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="awayReason"
          label={t('awayReason')}
          defaultValue={defaultValue('awayReason')}
          errors={fieldError('awayReason')}
        />
        <div className="sm:col-span-2 lg:col-span-3">
          <TextField
            name="correctionReason"
            label={t('correctionReason')}
            defaultValue={defaultValue('correctionReason')}
            errors={fieldError('correctionReason')}
          />
        </div>
      </div>
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}

/** The township's sign-off card; once the month is signed off it shows only the answer just given (if any). */
export function SignOffForm({ teamId, month, signed }: { teamId: number; month: string; signed: boolean }) {
  const t = useTranslations('attendance');
  const { state, formAction, fieldError } = useActionForm(signOffMonth);
  if (signed && !state.ok) return null;
  return (
    <Card title={t('signOff')}>
      <form action={formAction} className="space-y-2">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="month" value={month} />
        <FormMessage state={state} />
        <FieldError name="month" errors={fieldError('month')} role="alert" />
        {!signed && <SubmitButton variant="secondary">{t('signOff')}</SubmitButton>}
      </form>
    </Card>
  );
}
