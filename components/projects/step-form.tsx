'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { TextareaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { projectStep } from '@/lib/projects/actions';
import type { ProjectMove } from '@/lib/projects/rules';

/**
 * The next step of a project: the steps this viewer may take now, and the fields the chosen one needs. It stays
 * mounted with no step left, so the answer to the last one stays on screen; `quietWhenNone`: another form (the
 * progress report) is beside it, so "nothing to do" is not said.
 */
export function ProjectStepForm({
  project,
  moves,
  quietWhenNone = false,
}: {
  project: { id: number; version: number; progressPercent: number };
  moves: ProjectMove[];
  quietWhenNone?: boolean;
}) {
  const t = useTranslations('projects');
  const { state, formAction, fieldError, defaultValue, formKey } = useActionForm(projectStep);
  const [chosen, setChosen] = useState<ProjectMove | undefined>(undefined);
  const fromAnswer =
    !state.ok && moves.includes(defaultValue('step') as ProjectMove)
      ? (defaultValue('step') as ProjectMove)
      : undefined;
  const step = chosen && moves.includes(chosen) ? chosen : (fromAnswer ?? moves[0]);
  return (
    <div className="space-y-3" data-testid="project-step">
      <FormMessage state={state} />
      {moves.length === 0 ? (
        !quietWhenNone && <p className="text-sm text-slate-600">{t('noNextSteps')}</p>
      ) : (
        <form
          action={formAction}
          className="space-y-4"
          noValidate
          key={formKey(project.version)}
          aria-label={t('nextStep')}
        >
          <input type="hidden" name="projectId" value={project.id} />
          <input type="hidden" name="version" value={project.version} />
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-700">{t('chooseStep')}</legend>
            <div className="flex flex-wrap gap-2">
              {moves.map((s) => (
                <label
                  key={s}
                  className={`inline-flex min-h-10 cursor-pointer items-center rounded-md border px-3 py-2 text-sm font-medium ${s === step ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
                >
                  <input
                    type="radio"
                    name="step"
                    value={s}
                    checked={s === step}
                    onChange={() => setChosen(s)}
                    className="sr-only"
                  />
                  {t(`steps.${s}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {step && <p className="text-sm text-slate-600">{t(`stepHints.${step}`)}</p>}
          {(step === 'PROGRESS' || step === 'START') && (
            <TextField
              name="progressPercent"
              label={t('progressPercent')}
              inputMode="numeric"
              defaultValue={defaultValue('progressPercent', String(project.progressPercent))}
              errors={fieldError('progressPercent')}
            />
          )}
          <TextareaField
            name="note"
            label={step === 'REJECT' ? t('rejectReason') : step === 'EVALUATE' ? t('evaluation') : t('noteOptional')}
            defaultValue={defaultValue('note')}
            errors={fieldError('note')}
            maxLength={1000}
            rows={2}
          />
          <SubmitButton variant={step === 'REJECT' ? 'danger' : 'primary'}>
            {step ? t(`steps.${step}`) : t('nextStep')}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
