'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
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
  const [state, formAction] = useActionState(setDays, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form
      action={formAction}
      className="space-y-4"
      noValidate
      key={`${preset.postingId}-${preset.from}-${state.attempt ?? 0}`}
      id="entry"
    >
      <FormMessage state={state} />
      {errors.postingId && <p className="text-sm text-red-700">{errors.postingId.join('；')}</p>}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          name="postingId"
          label={t('person')}
          defaultValue={v.postingId ?? String(preset.postingId ?? people[0]?.postingId ?? '')}
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
          defaultValue={v.from ?? preset.from}
          errors={errors.from}
        />
        <TextField name="to" type="date" label={t('to')} defaultValue={v.to ?? preset.to} errors={errors.to} />
        <SelectField name="kind" label={t('kind')} defaultValue={v.kind ?? 'OVERNIGHT'} errors={errors.kind}>
          {[...DAY_KINDS, 'CLEAR' as const].map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField name="awayReason" label={t('awayReason')} defaultValue={v.awayReason} errors={errors.awayReason} />
        <div className="sm:col-span-2 lg:col-span-3">
          <TextField
            name="correctionReason"
            label={t('correctionReason')}
            defaultValue={v.correctionReason}
            errors={errors.correctionReason}
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
  const [state, formAction] = useActionState(signOffMonth, initialActionState);
  if (signed && !state.ok) return null;
  return (
    <Card title={t('signOff')}>
      <form action={formAction} className="space-y-2">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="month" value={month} />
        <FormMessage state={state} />
        {state.fieldErrors?.month && (
          <p role="alert" className="text-sm text-red-700">
            {state.fieldErrors.month.join('；')}
          </p>
        )}
        {!signed && <SubmitButton variant="secondary">{t('signOff')}</SubmitButton>}
      </form>
    </Card>
  );
}
