'use client';
import { useTranslations } from 'next-intl';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { APPRAISAL_RESULTS, RETURN_CAUSES, type StepNeed } from '@/lib/households/rules';

type FieldsProps = {
  need: StepNeed | undefined;
  /** The signer's name and today's date (China), shown beside the signature box. */
  signer: { name: string; today: string };
  fieldError: (name: string) => string[] | undefined;
  defaultValue: (name: string, fallback?: string) => string | undefined;
  /** Prefix for element ids when two forms share a page. */
  idPrefix?: string;
};

/** What a step records besides the note: the appraisal, the signature, a reason or a return's cause. */
export function StepFields({ need, signer, fieldError, defaultValue, idPrefix = '' }: FieldsProps) {
  const t = useTranslations('households.step');
  return (
    <>
      {need === 'appraisal' && (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <TextField
            id={`${idPrefix}appraisalOn`}
            name="appraisalOn"
            type="date"
            label={t('appraisalOn')}
            defaultValue={defaultValue('appraisalOn', signer.today)}
            errors={fieldError('appraisalOn')}
          />
          <TextField
            id={`${idPrefix}attendees`}
            name="attendees"
            inputMode="numeric"
            label={t('attendees')}
            defaultValue={defaultValue('attendees')}
            errors={fieldError('attendees')}
          />
          <SelectField
            id={`${idPrefix}appraisalResult`}
            name="appraisalResult"
            label={t('appraisalResult')}
            defaultValue={defaultValue('appraisalResult', 'AGREED')}
            errors={fieldError('appraisalResult')}
          >
            {APPRAISAL_RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`appraisalResults.${r}`)}
              </option>
            ))}
          </SelectField>
          <div className="sm:col-span-3">
            <TextField
              id={`${idPrefix}attendeeNames`}
              name="attendeeNames"
              label={t('attendeeNames')}
              defaultValue={defaultValue('attendeeNames')}
              errors={fieldError('attendeeNames')}
            />
          </div>
        </div>
      )}
      {need === 'vouch' && (
        <div>
          <CheckboxField
            id={`${idPrefix}vouch`}
            name="vouch"
            label={t('vouch')}
            defaultChecked={defaultValue('vouch') === 'on'}
            errors={fieldError('vouch')}
          />
          <p className="mt-1 text-xs text-slate-500">{t('vouchHint', { name: signer.name, date: signer.today })}</p>
        </div>
      )}
      {need === 'cause' && (
        <SelectField
          id={`${idPrefix}returnCause`}
          name="returnCause"
          label={t('returnCause')}
          defaultValue={defaultValue('returnCause', '')}
          errors={fieldError('returnCause')}
        >
          <option value="">{t('choose')}</option>
          {RETURN_CAUSES.map((c) => (
            <option key={c} value={c}>
              {t(`returnCauses.${c}`)}
            </option>
          ))}
        </SelectField>
      )}
      {need === 'reason' && (
        <TextField
          id={`${idPrefix}reason`}
          name="reason"
          label={t('reason')}
          defaultValue={defaultValue('reason')}
          errors={fieldError('reason')}
        />
      )}
      <TextField
        id={`${idPrefix}note`}
        name="note"
        label={t('note')}
        defaultValue={defaultValue('note')}
        errors={fieldError('note')}
        hint={t('noteHint')}
      />
    </>
  );
}
