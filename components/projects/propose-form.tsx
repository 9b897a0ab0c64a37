'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { Field, inputClass, SelectField, TextareaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { FUND_SOURCES, PROJECT_KINDS } from '@/lib/enums';
import { proposeProject, updateProject } from '@/lib/projects/actions';

/** A proposal being changed: its id and version, and what it holds now (amounts in yuan as typed). */
export type ProposalValues = {
  projectId: number;
  version: number;
  villageCodes: string[];
  values: Record<string, string>;
};

/**
 * 项目入库: what, where, who owns it, the budget by fund source; with `project`, the same proposal changed while it
 * waits for approval. On success the action opens the project.
 */
export function ProposeForm({
  villages,
  units,
  year,
  project,
}: {
  villages: { code: string; label: string; poor: boolean }[];
  units: { id: number; name: string }[];
  year: number;
  project?: ProposalValues;
}) {
  const t = useTranslations('projects');
  const tc = useTranslations('common');
  const {
    state,
    formAction,
    fieldError,
    defaultValue: typed,
    formKey,
  } = useActionForm(project ? updateProject : proposeProject);
  const defaultValue = (name: string, fallback?: string) => typed(name, project?.values[name] ?? fallback);
  const chosen = (
    typed('villageCodes', project?.villageCodes.join(',') ?? (villages.length === 1 ? villages[0].code : '')) ?? ''
  ).split(',');
  return (
    <form
      action={formAction}
      className="space-y-4"
      noValidate
      key={formKey(project?.version)}
      aria-label={project ? t('edit') : t('propose')}
    >
      <FormMessage state={state} />
      {project && (
        <>
          <input type="hidden" name="projectId" value={project.projectId} />
          <input type="hidden" name="version" value={project.version} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField
          name="name"
          label={t('name')}
          defaultValue={defaultValue('name')}
          errors={fieldError('name')}
          maxLength={100}
        />
        <SelectField name="kind" label={t('kind')} defaultValue={defaultValue('kind', '')} errors={fieldError('kind')}>
          <option value="">{tc('choose')}</option>
          {PROJECT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="year"
          label={t('year')}
          inputMode="numeric"
          defaultValue={defaultValue('year', String(year))}
          errors={fieldError('year')}
        />
        <TextField
          name="plannedEndOn"
          type="date"
          label={t('plannedEndOn')}
          defaultValue={defaultValue('plannedEndOn')}
          errors={fieldError('plannedEndOn')}
        />
      </div>
      <TextareaField
        name="description"
        label={t('description')}
        defaultValue={defaultValue('description')}
        errors={fieldError('description')}
        maxLength={1000}
        rows={3}
      />
      <Field name="villageCodes" label={t('villages')} errors={fieldError('villageCodes')} hint={t('villagesHint')}>
        <select
          id="villageCodes"
          name="villageCodes"
          multiple
          size={Math.min(8, Math.max(3, villages.length))}
          defaultValue={chosen}
          className={inputClass}
          aria-invalid={fieldError('villageCodes') ? true : undefined}
          aria-describedby={fieldError('villageCodes') ? 'villageCodes-error' : 'villageCodes-hint'}
        >
          {villages.map((v) => (
            <option key={v.code} value={v.code}>
              {v.label}
              {v.poor ? ` · ${t('poorVillage')}` : ''}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="ownerUnitId"
          label={t('ownerUnit')}
          defaultValue={defaultValue('ownerUnitId', '')}
          errors={fieldError('ownerUnitId')}
        >
          <option value="">{tc('choose')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="contactName"
          label={t('contactName')}
          defaultValue={defaultValue('contactName')}
          errors={fieldError('contactName')}
          maxLength={30}
        />
        <TextField
          name="contactPhone"
          type="tel"
          label={t('contactPhone')}
          defaultValue={defaultValue('contactPhone')}
          errors={fieldError('contactPhone')}
        />
      </div>
      <fieldset className="rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{t('budgetBySource')}</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {FUND_SOURCES.map((s) => (
            <TextField
              key={s}
              name={`fund_${s}`}
              label={t(`sources.${s}`)}
              inputMode="decimal"
              defaultValue={defaultValue(`fund_${s}`)}
              errors={fieldError(`fund_${s}`)}
              placeholder="0.00"
            />
          ))}
        </div>
      </fieldset>
      <SubmitButton>{project ? t('save') : t('propose')}</SubmitButton>
    </form>
  );
}
