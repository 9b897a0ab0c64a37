'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { ACTIVITY_KINDS } from '@/lib/enums';
import { recordActivity } from '@/lib/teams/actions';

/** A technician's session or day in households (team roles: their village), training or a Tuesday work day (offices). */
export function ActivityForm({
  options,
  today,
}: {
  options: { office: boolean; cadres: { id: number; label: string }[]; villages: { code: string; label: string }[] };
  today: string;
}) {
  const t = useTranslations('teams');
  const tc = useTranslations('common');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(recordActivity);
  const kinds = options.office
    ? ACTIVITY_KINDS
    : ACTIVITY_KINDS.filter((k) => k === 'GUIDANCE_SESSION' || k === 'FARM_DAY');
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('recordActivity')}>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          name="kind"
          label={t('activityKind')}
          defaultValue={defaultValue('kind', kinds[0])}
          errors={fieldError('kind')}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`activityKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="cadreId"
          label={t('activityCadre')}
          defaultValue={defaultValue('cadreId', '')}
          errors={fieldError('cadreId')}
        >
          <option value="">{tc('choose')}</option>
          {options.cadres.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <TextField
          name="day"
          type="date"
          label={t('activityDay')}
          max={today}
          defaultValue={defaultValue('day', today)}
          errors={fieldError('day')}
        />
        {options.office && (
          <>
            <TextField
              name="days"
              type="number"
              inputMode="numeric"
              min={1}
              max={30}
              label={t('activityDays')}
              defaultValue={defaultValue('days', '')}
              errors={fieldError('days')}
            />
            <SelectField
              name="villageCode"
              label={t('activityVillage')}
              defaultValue={defaultValue('villageCode', '')}
              errors={fieldError('villageCode')}
            >
              <option value="">{tc('choose')}</option>
              {options.villages.map((v) => (
                <option key={v.code} value={v.code}>
                  {v.label}
                </option>
              ))}
            </SelectField>
          </>
        )}
        <TextField
          name="note"
          label={t('activityNote')}
          maxLength={200}
          defaultValue={defaultValue('note')}
          errors={fieldError('note')}
        />
      </div>
      <SubmitButton>{t('recordActivity')}</SubmitButton>
    </form>
  );
}
