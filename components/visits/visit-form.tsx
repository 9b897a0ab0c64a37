'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useOutbox } from '@/components/offline/outbox-provider';
import { SubmitButton } from '@/components/ui/button';
import { buttonClass } from '@/components/ui/button-class';
import { Field, FieldError, inputClass, SelectField, TextareaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { type ActionState, initialActionState } from '@/lib/action-state';
import { PROBLEM_CATEGORIES, URGENCIES, VISIT_KINDS } from '@/lib/enums';
import { deleteItem, newClientKey, newItem } from '@/lib/offline/outbox';
import { resizePhoto } from '@/lib/offline/photo';
import { RISK_EVENTS } from '@/lib/problems/rules';

type Problem = { category: string; urgency: string; description: string };
type Draft = {
  clientKey: string;
  visitedOn: string;
  kind: string;
  /** A phone visit only: why nobody could be met at home (锁门户). */
  phoneReason?: string;
  metWith: string;
  findings: string;
  helpDelivered: string;
  riskEvent?: string;
  problems: Problem[];
  /** Photos chosen: their bytes are not in the draft (only a saved visit keeps them, in the outbox). */
  photoCount?: number;
};
type Fix = { latitude: number; longitude: number; accuracy: number } | null;
/** What one tap on "save" sends: the draft as it is then, the photos chosen, and the location if there is one. */
type Sending = { draft: Draft; files: File[]; fix: Fix | undefined };
/** `queued`: no signal; the visit and its photos wait in the outbox and go by themselves. */
type VisitState = ActionState & { queued?: boolean };
const draftKey = (householdId: number) => `visit-draft-${householdId}`;

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
  };
}

/**
 * The visit form for a phone on a weak signal: what is typed is kept in the browser while it is typed, and a
 * saved visit goes through the outbox with its photos (made small on the phone), so no signal only means
 * "sent later". The key made with the draft lets every resend be recognised and stored once.
 */
export function VisitForm({
  householdId,
  householdName,
  today,
}: {
  householdId: number;
  householdName: string;
  today: string;
}) {
  const t = useTranslations();
  const outbox = useOutbox();
  const [fileInput, setFileInput] = useState(0);
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

  async function send(_previous: VisitState, { draft, files, fix }: Sending): Promise<VisitState> {
    if (!outbox) return { ok: false, formError: t('errors.sendFailed') };
    const photos = await Promise.all(files.map(resizePhoto));
    const item = newItem({
      clientKey: draft.clientKey,
      userId: outbox.userId,
      kind: 'visit',
      label: t('outbox.labels.visit', { household: householdName }),
      href: `/visits/new?household=${householdId}`,
      photos,
      payload: {
        clientKey: draft.clientKey,
        householdId,
        visitedOn: draft.visitedOn,
        kind: draft.kind,
        phoneReason: draft.kind === 'PHONE' ? (draft.phoneReason ?? '') : '',
        metWith: draft.metWith,
        findings: draft.findings,
        helpDelivered: draft.helpDelivered,
        riskEvent: draft.riskEvent ?? '',
        photoKeys: '',
        problems: draft.problems,
        ...(fix ? { latitude: fix.latitude, longitude: fix.longitude, accuracy: fix.accuracy } : {}),
      },
    });
    let sent: Awaited<ReturnType<typeof outbox.enqueue>>;
    try {
      sent = await outbox.enqueue(item);
    } catch {
      return { ok: false, formError: t('visits.notKept') }; // this browser refused to keep it: nothing saved
    }
    if (sent?.state === 'refused') {
      // Refused while the form is open: the form shows why beside the fields and keeps it; the outbox need not.
      await deleteItem(item.clientKey);
      return { ok: false, formError: sent.fieldErrors ? undefined : sent.reason, fieldErrors: sent.fieldErrors };
    }
    localStorage.removeItem(draftKey(householdId));
    setDraft(newDraft(today));
    setFiles([]);
    setFileInput((n) => n + 1); // a new file input: the old one would still show the last file's name
    setRestored(false);
    return sent?.state === 'stored'
      ? { ok: true, message: sent.reason }
      : { ok: true, queued: true, message: t('outbox.queued') };
  }

  const { state, pending, fieldError, submit } = useActionForm<Sending, VisitState>(send);
  // The last answer goes the moment the form is sent again; what is typed stays.
  const answer: VisitState = pending ? initialActionState : state;
  const errors = (name: string) => (pending ? undefined : fieldError(name));
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
      {restored && (draft.photoCount ?? 0) > 0 && files.length === 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="alert">
          {t('visits.choosePhotosAgain', { count: draft.photoCount ?? 0 })}
        </p>
      )}
      {answer.queued ? (
        <div role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {answer.message}
        </div>
      ) : (
        <FormMessage state={answer} />
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
      {draft.kind === 'PHONE' && (
        <TextField
          name="phoneReason"
          label={t('visits.phoneReason')}
          hint={t('visits.phoneReasonHint')}
          value={draft.phoneReason ?? ''}
          onChange={(e) => update({ phoneReason: e.target.value })}
          errors={errors('phoneReason')}
        />
      )}
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
          key={fileInput}
          type="file"
          id="photos"
          name="photos"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          multiple
          className="block w-full text-sm text-slate-600 file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
          aria-describedby={errors('photoKeys') ? 'photos-error' : undefined}
          onChange={(e) => {
            const chosen = Array.from(e.target.files ?? []).slice(0, 6);
            setFiles(chosen);
            update({ photoCount: chosen.length });
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
      <SubmitButton pending={pending} className="w-full py-3 text-base">
        {pending ? t('visits.saving') : t('visits.save')}
      </SubmitButton>
    </form>
  );
}
