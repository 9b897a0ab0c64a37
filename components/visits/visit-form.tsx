'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { buttonClass } from '@/components/ui/button-class';
import type { ActionState } from '@/lib/action-state';
import { PROBLEM_CATEGORIES, URGENCIES, VISIT_KINDS } from '@/lib/enums';
import { createVisit } from '@/lib/visits/actions';

type Problem = { category: string; urgency: string; description: string };
type Draft = {
  clientKey: string;
  visitedOn: string;
  kind: string;
  metWith: string;
  findings: string;
  helpDelivered: string;
  problems: Problem[];
  photoKeys: string[];
};
type Fix = { latitude: number; longitude: number; accuracy: number } | null;

const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600';
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
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'saving' | 'failed'>('idle');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [state, setState] = useState<ActionState | null>(null);
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

  async function uploadPhotos(): Promise<string[] | null> {
    const keys = [...draft.photoKeys];
    const pending = files.slice(keys.length);
    setProgress({ done: keys.length, total: files.length });
    for (const file of pending) {
      setPhase('uploading');
      const response = await fetch('/api/uploads', {
        method: 'POST',
        body: file,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      });
      const answer = (await response.json()) as { ok: boolean; key?: string; formError?: string };
      if (!answer.ok || !answer.key) {
        setState({ ok: false, fieldErrors: { photoKeys: [answer.formError ?? t('visits.uploadFailed')] } });
        return null;
      }
      keys.push(answer.key);
      update({ photoKeys: keys });
      setProgress({ done: keys.length, total: files.length });
    }
    return keys;
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setState(null);
    try {
      const photoKeys = await uploadPhotos();
      if (!photoKeys) return setPhase('idle');
      setPhase('saving');
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
          photoKeys: photoKeys.join(','),
          problems: draft.problems,
          ...(fix ? { latitude: fix.latitude, longitude: fix.longitude, accuracy: fix.accuracy } : {}),
        },
      );
      setState(answer);
      setPhase('idle');
      if (answer.ok) {
        localStorage.removeItem(draftKey(householdId));
        setDraft(newDraft(today));
        setFiles([]);
        setRestored(false);
      }
    } catch {
      setPhase('failed'); // the draft (and the key) stay: the retry is the same submission
    }
  }

  const errors = state?.fieldErrors ?? {};
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p className="text-sm text-red-700" data-field-error={name}>
        {errors[name].join('；')}
      </p>
    ) : null;
  const busy = phase === 'uploading' || phase === 'saving';
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {restored && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('visits.draftKept')}</p>}
      {state?.ok && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {state.message}
        </div>
      )}
      {state?.formError && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.formError}
        </div>
      )}
      {phase === 'failed' && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('visits.retry')}
        </div>
      )}
      <div className="grid grid-cols-2 gap-3">
        <label className="space-y-1 text-sm font-medium text-slate-700">
          {t('visits.date')}
          <input
            type="date"
            name="visitedOn"
            className={inputClass}
            value={draft.visitedOn}
            max={today}
            onChange={(e) => update({ visitedOn: e.target.value })}
            aria-invalid={errors.visitedOn ? true : undefined}
          />
          {fieldError('visitedOn')}
        </label>
        <label className="space-y-1 text-sm font-medium text-slate-700">
          {t('visits.kind')}
          <select
            name="kind"
            className={inputClass}
            value={draft.kind}
            onChange={(e) => update({ kind: e.target.value })}
          >
            {VISIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`visits.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="block space-y-1 text-sm font-medium text-slate-700">
        {t('visits.metWith')}
        <input
          name="metWith"
          className={inputClass}
          value={draft.metWith}
          onChange={(e) => update({ metWith: e.target.value })}
        />
        {fieldError('metWith')}
      </label>
      <label className="block space-y-1 text-sm font-medium text-slate-700">
        {t('visits.findings')}
        <textarea
          name="findings"
          rows={3}
          className={inputClass}
          value={draft.findings}
          onChange={(e) => update({ findings: e.target.value })}
        />
        {fieldError('findings')}
      </label>
      <label className="block space-y-1 text-sm font-medium text-slate-700">
        {t('visits.helpDelivered')}
        <textarea
          name="helpDelivered"
          rows={2}
          className={inputClass}
          value={draft.helpDelivered}
          onChange={(e) => update({ helpDelivered: e.target.value })}
        />
        {fieldError('helpDelivered')}
      </label>
      <label className="block space-y-1 text-sm font-medium text-slate-700">
        {t('visits.addPhotos')}
        <input
          type="file"
          name="photos"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          multiple
          className="block w-full text-sm"
          onChange={(e) => {
            setFiles(Array.from(e.target.files ?? []).slice(0, 6));
            update({ photoKeys: [] });
          }}
        />
        {fieldError('photoKeys')}
      </label>
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
        {fieldError('problems')}
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
      <button
        type="submit"
        disabled={busy}
        aria-busy={busy}
        className={`${buttonClass('primary')} w-full py-3 text-base`}
      >
        {busy && (
          <span
            className="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent"
            aria-hidden
          />
        )}
        {phase === 'uploading'
          ? t('visits.uploading', progress)
          : phase === 'saving'
            ? t('visits.saving')
            : t('visits.save')}
      </button>
    </form>
  );
}
