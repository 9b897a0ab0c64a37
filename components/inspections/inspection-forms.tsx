'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, SelectField, TextareaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { FOLLOW_UP_KINDS, INSPECTION_KINDS, PROBLEM_CATEGORIES, URGENCIES } from '@/lib/enums';
import {
  addFinding,
  adjustAssessment,
  completeInspection,
  planInspection,
  recordFollowUp,
  recordHouseholdCheck,
  recordPresence,
} from '@/lib/inspections/actions';

/** 新建督查: the area, kind and date; villages and households are drawn by the server. */
export function PlanInspectionForm({
  areas,
  units,
  today,
}: {
  areas: { code: string; name: string; level: string }[];
  units: { id: number; name: string }[];
  today: string;
}) {
  const t = useTranslations('inspections');
  const tc = useTranslations('common');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(planInspection);
  return (
    <form action={formAction} className="space-y-4" noValidate key={formKey()} aria-label={t('plan')}>
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">{t('planHint')}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          name="kind"
          label={t('kind')}
          defaultValue={defaultValue('kind', 'UNANNOUNCED')}
          errors={fieldError('kind')}
        >
          {INSPECTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="areaCode"
          label={t('area')}
          defaultValue={defaultValue('areaCode', areas[0]?.code)}
          errors={fieldError('areaCode')}
        >
          {areas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="plannedOn"
          type="date"
          label={t('plannedOn')}
          defaultValue={defaultValue('plannedOn', today)}
          errors={fieldError('plannedOn')}
        />
        <TextField
          name="villageCount"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          label={t('villageCount')}
          defaultValue={defaultValue('villageCount', '2')}
          errors={fieldError('villageCount')}
        />
        <TextField
          name="householdsPerVillage"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          label={t('householdsPerVillage')}
          defaultValue={defaultValue('householdsPerVillage', '4')}
          errors={fieldError('householdsPerVillage')}
        />
        <SelectField
          name="unitId"
          label={t('unit')}
          defaultValue={defaultValue('unitId', '')}
          errors={fieldError('unitId')}
          hint={t('unitHint')}
        >
          <option value="">{tc('choose')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton>{t('drawAndPlan')}</SubmitButton>
    </form>
  );
}

/** 在岗 / 不在岗 for one member on one day: two buttons, one tap on a phone. */
export function PresenceForm({
  inspectionId,
  cadreId,
  day,
  name,
  recorded,
}: {
  inspectionId: number;
  cadreId: number;
  day: string;
  name: string;
  recorded: boolean | null;
}) {
  const t = useTranslations('inspections');
  const { state, formAction } = useActionForm(recordPresence);
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-center gap-2"
      aria-label={t('presenceOf', { name })}
      data-presence={cadreId}
    >
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="cadreId" value={cadreId} />
      <input type="hidden" name="day" value={day} />
      <span className="min-w-20 font-medium">{name}</span>
      {recorded !== null && (
        <span
          className={`rounded-full px-2 py-0.5 text-xs ${recorded ? 'bg-green-50 text-green-800' : 'bg-red-50 text-red-800'}`}
        >
          {recorded ? t('present') : t('absent')}
        </span>
      )}
      <SubmitButton name="present" value="yes" variant="secondary">
        {t('markPresent')}
      </SubmitButton>
      <SubmitButton name="present" value="no" variant="secondary">
        {t('markAbsent')}
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

const ANSWERS = ['yes', 'no', 'unknown'] as const;
const answerOf = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

/** The four questions asked of a drawn household. */
export function HouseholdCheckForm({
  inspectionId,
  householdId,
  headName,
  current,
}: {
  inspectionId: number;
  householdId: number;
  headName: string;
  current: {
    visitedAsClaimed: boolean | null;
    knowsCadre: boolean | null;
    measuresReal: boolean | null;
    satisfied: boolean | null;
    note: string | null;
  } | null;
}) {
  const t = useTranslations('inspections');
  const { state, formAction, fieldError } = useActionForm(recordHouseholdCheck);
  const id = (field: string) => `${field}-${householdId}`;
  return (
    <form
      action={formAction}
      className="space-y-2"
      aria-label={t('checkOf', { name: headName })}
      data-household-check={householdId}
    >
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="householdId" value={householdId} />
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        {(['visitedAsClaimed', 'knowsCadre', 'measuresReal', 'satisfied'] as const).map((q) => (
          <SelectField
            key={q}
            id={id(q)}
            name={q}
            label={t(`questions.${q}`)}
            defaultValue={answerOf(current?.[q])}
            errors={fieldError(q)}
          >
            {ANSWERS.map((a) => (
              <option key={a} value={a}>
                {t(`answers.${a}`)}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <TextField
        id={id('note')}
        name="note"
        label={t('note')}
        defaultValue={current?.note ?? ''}
        errors={fieldError('note')}
      />
      <FormMessage state={state} />
      <SubmitButton variant="secondary">{t('saveCheck')}</SubmitButton>
    </form>
  );
}

/** A finding in one of the drawn villages; ticked, it also opens a problem in the ledger. */
export function FindingForm({
  inspectionId,
  villages,
}: {
  inspectionId: number;
  villages: { code: string; name: string }[];
}) {
  const t = useTranslations('inspections');
  const tp = useTranslations('problems');
  const tc = useTranslations('common');
  const { state, formAction, fieldError, defaultValue, defaultChecked, formKey } = useActionForm(addFinding);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('addFinding')}>
      <FormMessage state={state} />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <SelectField
        name="villageCode"
        label={t('village')}
        defaultValue={defaultValue('villageCode', villages[0]?.code)}
        errors={fieldError('villageCode')}
      >
        {villages.map((village) => (
          <option key={village.code} value={village.code}>
            {village.name}
          </option>
        ))}
      </SelectField>
      <TextareaField
        name="description"
        label={t('findingText')}
        defaultValue={defaultValue('description')}
        errors={fieldError('description')}
        maxLength={1000}
      />
      <CheckboxField
        name="openProblem"
        label={t('openProblem')}
        defaultChecked={defaultChecked('openProblem')}
        errors={fieldError('openProblem')}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="category"
          label={tp('category')}
          defaultValue={defaultValue('category', '')}
          errors={fieldError('category')}
        >
          <option value="">{tc('choose')}</option>
          {PROBLEM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {tp(`categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="urgency"
          label={tp('urgency')}
          defaultValue={defaultValue('urgency', 'NORMAL')}
          errors={fieldError('urgency')}
        >
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {tp(`urgencies.${u}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton>{t('addFinding')}</SubmitButton>
    </form>
  );
}

export function CompleteInspectionForm({ inspectionId, version }: { inspectionId: number; version: number }) {
  const t = useTranslations('inspections');
  const { state, formAction, fieldError } = useActionForm(completeInspection);
  return (
    <form action={formAction} className="space-y-3" aria-label={t('complete')}>
      <FormMessage state={state} />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="version" value={version} />
      <TextareaField name="summary" label={t('summary')} errors={fieldError('summary')} maxLength={2000} />
      <SubmitButton>{t('complete')}</SubmitButton>
    </form>
  );
}

export function FollowUpForm({
  members,
  inspections,
  today,
}: {
  members: { cadreId: number; label: string }[];
  inspections: { id: number; label: string }[];
  today: string;
}) {
  const t = useTranslations('inspections');
  const tc = useTranslations('common');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(recordFollowUp);
  return (
    <form action={formAction} className="space-y-3" noValidate key={formKey()} aria-label={t('newFollowUp')}>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          name="kind"
          label={t('followUpKind')}
          defaultValue={defaultValue('kind', 'TALK')}
          errors={fieldError('kind')}
        >
          {FOLLOW_UP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`followUpKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="cadreId"
          label={t('member')}
          defaultValue={defaultValue('cadreId', '')}
          errors={fieldError('cadreId')}
        >
          <option value="">{tc('choose')}</option>
          {members.map((m) => (
            <option key={m.cadreId} value={m.cadreId}>
              {m.label}
            </option>
          ))}
        </SelectField>
        <TextField
          name="heldOn"
          type="date"
          label={t('heldOn')}
          defaultValue={defaultValue('heldOn', today)}
          errors={fieldError('heldOn')}
        />
        <SelectField
          name="inspectionId"
          label={t('followsInspection')}
          defaultValue={defaultValue('inspectionId', '')}
          errors={fieldError('inspectionId')}
        >
          <option value="">{t('noInspection')}</option>
          {inspections.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        name="headName"
        label={t('headName')}
        hint={t('headNameHint')}
        defaultValue={defaultValue('headName')}
        errors={fieldError('headName')}
        maxLength={40}
      />
      <TextareaField
        name="reason"
        label={t('reason')}
        defaultValue={defaultValue('reason')}
        errors={fieldError('reason')}
        maxLength={500}
      />
      <p className="text-sm text-slate-600">{t('recallHint')}</p>
      <SubmitButton>{t('newFollowUp')}</SubmitButton>
    </form>
  );
}

/** The county's adjusted score with its reason, beside the computed one. */
export function AdjustScoreForm({
  year,
  subjectCode,
  name,
  score,
}: {
  year: number;
  subjectCode: string;
  name: string;
  /** The score now; none for an area not assessed. */
  score?: number;
}) {
  const t = useTranslations('inspections');
  const { state, formAction, fieldError } = useActionForm(adjustAssessment);
  const id = (field: string) => `${field}-${subjectCode}`;
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-end gap-2"
      noValidate
      aria-label={t('adjustOf', { name })}
    >
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="subjectCode" value={subjectCode} />
      <div className="w-24">
        <TextField
          id={id('score')}
          name="score"
          type="number"
          step="0.1"
          min={0}
          max={100}
          label={t('adjustedScore')}
          defaultValue={score === undefined ? '' : String(score)}
          errors={fieldError('score')}
        />
      </div>
      <div className="min-w-48 flex-1">
        <TextField id={id('reason')} name="reason" label={t('adjustReason')} errors={fieldError('reason')} />
      </div>
      <SubmitButton variant="secondary">{t('adjust')}</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
