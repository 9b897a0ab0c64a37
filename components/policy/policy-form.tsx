'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import type { Messages } from '@/lib/i18n/messages';
import { savePolicy } from '@/lib/policy/actions';
import { POLICY_FIELDS, type PolicyField, type PolicyValues } from '@/lib/policy/rules';

const GROUPS: { key: keyof Messages['policy']['groups']; fields: PolicyField[] }[] = [
  {
    key: 'attendance',
    fields: [
      'villageDaysPerYear',
      'villageNightsPerYear',
      'leaderDaysPerMonth',
      'technicianSessionsPerYear',
      'technicianFarmDaysPerYear',
      'inductionTrainingDays',
      'minPostingMonths',
      'teamSizeMin',
      'teamSizeMax',
      'checkinRadiusMeters',
      'lateSyncHours',
      'offlineCheckinDays',
    ],
  },
  {
    key: 'pairing',
    fields: [
      'quotaCountyChief',
      'quotaCountyDeputy',
      'quotaSectionChief',
      'quotaSectionDeputy',
      'quotaOrdinary',
      'quotaTownshipBackstop',
      'principalVillagesMin',
      'principalHouseholdsMin',
      'leaderVillagesMin',
      'leaderHouseholdsMin',
    ],
  },
  { key: 'registry', fields: ['incomeLineYuan', 'returnRateMaxPercent'] },
  {
    key: 'projects',
    fields: ['projectNoticeDays', 'revenueSharePercent', 'countySpendingSharePercent', 'mutualFundMinYuan'],
  },
  {
    key: 'notices',
    fields: [
      'firstNoticeDays',
      'secondNoticeDays',
      'announcementDays',
      'exitNoticeDays',
      'exitAnnouncementDays',
      'removalNoticeDays',
      'returnNoticeDays',
    ],
  },
  { key: 'problems', fields: ['deadlineUrgentDays', 'deadlineHighDays', 'deadlineNormalDays'] },
  { key: 'visits', fields: ['cadreVisitDays', 'teamVisitDays', 'leaderVisitDays'] },
  { key: 'assessment', fields: ['scoreGood', 'scoreFairlyGood', 'scoreFair'] },
  {
    key: 'outcomes',
    fields: [
      'excellentSharePercent',
      'prizeFirstCount',
      'prizeSecondCount',
      'prizeThirdCount',
      'prizeFirstYuan',
      'prizeSecondYuan',
      'prizeThirdYuan',
      'unitPrizeFirstYuan',
      'unitPrizeSecondYuan',
      'unitPrizeThirdYuan',
      'weightUnitTeams',
      'weightUnitReturnVisits',
    ],
  },
  {
    key: 'weights',
    fields: [
      'weightAttendance',
      'weightVisits',
      'weightPairing',
      'weightRectification',
      'weightInspection',
      'weightSatisfaction',
    ],
  },
  { key: 'monitoring', fields: ['monitorLineYuan', 'incomeDropPercent', 'warningVerifyDays'] },
  { key: 'oversight', fields: ['unannouncedPerMonth', 'concentratedPerQuarter', 'returnVisitsPerQuarter'] },
  { key: 'marks', fields: ['pairingRedBelowPercent', 'visitRedBelowPercent'] },
];

type Props = { countyCode: string; year: number; version: number | null; values: PolicyValues; editable: boolean };

export function PolicyForm({ countyCode, year, version, values, editable }: Props) {
  const t = useTranslations('policy');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(savePolicy);
  return (
    <form action={formAction} className="space-y-6" noValidate key={formKey(year, version)}>
      <input type="hidden" name="countyCode" value={countyCode} />
      <input type="hidden" name="year" value={year} />
      {version !== null && <input type="hidden" name="version" value={version} />}
      <FormMessage state={state} />
      {GROUPS.map((group) => (
        <fieldset key={group.key} className="rounded-lg border border-slate-200 bg-white p-4" disabled={!editable}>
          <legend className="px-1 text-sm font-semibold text-slate-800">{t(`groups.${group.key}`)}</legend>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {group.fields.map((field) => (
              <TextField
                key={field}
                name={field}
                label={t(`fields.${field}`)}
                inputMode="numeric"
                defaultValue={defaultValue(field, String(values[field]))}
                errors={fieldError(field)}
                hint={
                  POLICY_FIELDS[field].source ? t('source', { source: POLICY_FIELDS[field].source }) : t('sourceOffice')
                }
              />
            ))}
          </div>
        </fieldset>
      ))}
      {editable && <SubmitButton>{version === null ? t('createYear', { year }) : t('save')}</SubmitButton>}
    </form>
  );
}
