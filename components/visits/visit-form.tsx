'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { buttonClass } from '@/components/ui/button-class';
import { Field, FieldError, inputClass, SelectField, TextareaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { type ActionState, initialActionState } from '@/lib/action-state';
import { PROBLEM_CATEGORIES, URGENCIES, VISIT_KINDS } from '@/lib/enums';
import { RISK_EVENTS } from '@/lib/problems/rules';
import { createVisit } from '@/lib/visits/actions';

type Problem = { category: string; urgency: string; description: string };
type Draft = {
  clientKey: string;
  visitedOn: string;
  kind: string;
  metWith: string;
  findings: string;
  helpDelivered: string;
  riskEvent?: string;
  problems: Problem[];
  photoKeys: string[];
};
type Fix = { latitude: number; longitude: number; accuracy: number } | null;
/** What one tap on "save" sends: the draft as it is then, the photos chosen, and the location if there is one. */
type Sending = { draft: Draft; files: File[]; fix: Fix | undefined };
/** `unsent`: the request or its answer was lost on the way (no signal); the draft and its key stay for the retry. */
type VisitState = ActionState & { unsent?: boolean };
const draftKey = (householdId: number) => `visit-draft-${householdId}`;

/** A v4 UUID from getRandomValues: randomUUID exists only on https pages, and county servers often run on plain http. */
function newClientKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function newDraft(today: string): Draft {
  return {
    clientKey: newClientKey(),
    visitedOn: today,
    kind: 'IN_PERSON',
    metWith: '',
    findings: '',
    helpDelivered: '',
    riskEvent: '',
    problems: [],
    photoKeys: [],
  };
}

/**
 * The visit form for a phone on a weak signal: what is typed is kept in the browser until the server
 * has it (a reload or a dropped connection loses nothing), photos are uploaded once each, and the
 * key made before the first try lets a retry be recognised and stored once.
 */
export function VisitForm({ householdId, today }: { householdId: number; today: string }) {
  const t = useTranslations();
  const [draft, setDraft] = useState<Draft>(() => newDraft(today));
  const [files, setFiles] = useState<File[]>([]);
  const [fix, setFix] = useState<Fix | undefined>(undefined);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const saved = localStorage.getItem(draftKey(householdId));
    if (saved) {
      try {
        setDraft(JSON.parse(saved) as Draft);
        setRestored(true);
      } catch {
        localStorage.removeItem(draftKey(householdId));
      }
    }
    if (!('geolocation' in navigator)) return setFix(null);
    navigator.geolocation.getCurrentPosition(
      (p) =>
        setFix({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: Math.round(p.coords.accuracy) }),
      () => setFix(null),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }, [householdId]);

  const update = (patch: Partial<Draft>) => {
    setDraft((current) => {
      const next = { ...current, ...patch };
      localStorage.setItem(draftKey(householdId), JSON.stringify(next));
      return next;
    });
  };
  const setProblem = (index: number, patch: Partial<Problem>) =>
    update({ problems: draft.problems.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  /** Uploads the photos not uploaded yet, keeping each key in the draft at once; the refusal's text if one is refused. */
  async function uploadPhotos(uploaded: string[], chosen: File[]): Promise<string[] | { refused: string }> {
    const keys = [...uploaded];
    for (const file of chosen.slice(keys.length)) {
      const response = await fetch('/api/uploads', {
        method: 'POST',
        body: file,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      });
      const answer = (await response.json()) as { ok: boolean; key?: string; formError?: string };
      if (!answer.ok || !answer.key) return { refused: answer.formError ?? t('visits.uploadFailed') };
      keys.push(answer.key);
      update({ photoKeys: keys });
    }
    return keys;
  }

  async function send(_previous: VisitState, { draft, files, fix }: Sending): Promise<VisitState> {
    try {
      const photoKeys = await uploadPhotos(draft.photoKeys, files);
      if (!Array.isArray(photoKeys)) return { ok: false, fieldErrors: { photoKeys: [photoKeys.refused] } };
      const answer = await createVisit(
        { ok: false },
        {
          clientKey: draft.clientKey,
          householdId,
          visitedOn: draft.visitedOn,
          kind: draft.kind,
          metWith: draft.metWith,
          findings: draft.findings,
          helpDelivered: draft.helpDelivered,
          riskEvent: draft.riskEvent ?? '',
          photoKeys: photoKeys.join(','),
          problems: draft.problems,
          ...(fix ? { latitude: fix.latitude, longitude: fix.longitude, accuracy: fix.accuracy } : {}),
        },
      );
      if (answer.ok) {
        localStorage.removeItem(draftKey(householdId));
        setDraft(newDraft(today));
        setFiles([]);
        setRestored(false);
      }
      return answer;
    } catch {
      return { ok: false, unsent: true }; // the draft (and the key) stay: the retry is the same submission
    }
  }

  const { state, pending, fieldError, submit } = useActionForm<Sending, VisitState>(send);
  // The last answer goes the moment the form is sent again; what is typed stays.
  const answer: VisitState = pending ? initialActionState : state;
  const errors = (name: string) => (pending ? undefined : fieldError(name));
  const uploading = pending && draft.photoKeys.length < files.length;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit({ draft, files, fix });
      }}
      className="space-y-4"
      noValidate
    >
      {restored && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('visits.draftKept')}</p>}
      <FormMessage state={answer} />
      {answer.unsent && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('visits.retry')}
        </div>
      )}
      <div className="grid grid-cols-2 gap-3">
        <TextField
          type="date"
          name="visitedOn"
          label={t('visits.date')}
          value={draft.visitedOn}
          max={today}
          onChange={(e) => update({ visitedOn: e.target.value })}
          errors={errors('visitedOn')}
        />
        <SelectField
          name="kind"
          label={t('visits.kind')}
          value={draft.kind}
          onChange={(e) => update({ kind: e.target.value })}
          errors={errors('kind')}
        >
          {VISIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`visits.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        name="metWith"
        label={t('visits.metWith')}
        value={draft.metWith}
        onChange={(e) => update({ metWith: e.target.value })}
        errors={errors('metWith')}
      />
      <TextareaField
        name="findings"
        label={t('visits.findings')}
        value={draft.findings}
        onChange={(e) => update({ findings: e.target.value })}
        errors={errors('findings')}
      />
      <TextareaField
        name="helpDelivered"
        label={t('visits.helpDelivered')}
        rows={2}
        value={draft.helpDelivered}
        onChange={(e) => update({ helpDelivered: e.target.value })}
        errors={errors('helpDelivered')}
      />
      <SelectField
        name="riskEvent"
        label={t('monitoring.eventField')}
        value={draft.riskEvent ?? ''}
        onChange={(e) => update({ riskEvent: e.target.value })}
        errors={errors('riskEvent')}
        hint={t('monitoring.eventHint')}
      >
        <option value="">{t('monitoring.eventNone')}</option>
        {RISK_EVENTS.map((e) => (
          <option key={e} value={e}>
            {t(`monitoring.events.${e}`)}
          </option>
        ))}
      </SelectField>
      <Field name="photoKeys" id="photos" label={t('visits.addPhotos')} errors={errors('photoKeys')}>
        <input
          type="file"
          id="photos"
          name="photos"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          multiple
          className="block w-full text-sm"
          aria-describedby={errors('photoKeys') ? 'photos-error' : undefined}
          onChange={(e) => {
            setFiles(Array.from(e.target.files ?? []).slice(0, 6));
            update({ photoKeys: [] });
          }}
        />
      </Field>
      <p className="text-sm text-slate-600" data-location={fix ? 'found' : fix === null ? 'none' : 'pending'}>
        {t('visits.location')}：
        {fix === undefined
          ? t('visits.locating')
          : fix
            ? t('visits.locationOk', { accuracy: fix.accuracy })
            : t('visits.locationNone')}
      </p>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-800">{t('visits.problemsFound')}</legend>
        <FieldError name="problems" errors={errors('problems')} />
        {draft.problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no ids until saved; rows are only appended or removed from the end
          <div key={i} className="space-y-2 rounded-md bg-slate-50 p-2" data-problem={i}>
            <div className="grid grid-cols-2 gap-2">
              <select
                aria-label={t('problems.category')}
                className={inputClass}
                value={p.category}
                onChange={(e) => setProblem(i, { category: e.target.value })}
              >
                {PROBLEM_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`problems.categories.${c}`)}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('problems.urgency')}
                className={inputClass}
                value={p.urgency}
                onChange={(e) => setProblem(i, { urgency: e.target.value })}
              >
                {URGENCIES.map((u) => (
                  <option key={u} value={u}>
                    {t(`problems.urgencies.${u}`)}
                  </option>
                ))}
              </select>
            </div>
            <textarea
              aria-label={t('problems.description')}
              placeholder={t('problems.description')}
              rows={2}
              className={inputClass}
              value={p.description}
              onChange={(e) => setProblem(i, { description: e.target.value })}
            />
            <button
              type="button"
              className="text-sm text-red-700"
              onClick={() => update({ problems: draft.problems.filter((_, j) => j !== i) })}
            >
              {t('visits.removeProblem')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={() =>
            update({ problems: [...draft.problems, { category: 'HOUSING', urgency: 'NORMAL', description: '' }] })
          }
        >
          {t('visits.addProblem')}
        </button>
      </fieldset>
      <SubmitButton pending={pending} className={`${buttonClass('primary')} w-full py-3 text-base`}>
        {uploading
          ? t('visits.uploading', { done: draft.photoKeys.length, total: files.length })
          : pending
            ? t('visits.saving')
            : t('visits.save')}
      </SubmitButton>
    </form>
  );
}
