'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useOutbox } from '@/components/offline/outbox-provider';
import { SubmitButton } from '@/components/ui/button';
import { Field, TextareaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionState } from '@/lib/action-state';
import { deleteItem, newClientKey, newItem } from '@/lib/offline/outbox';
import { resizePhoto } from '@/lib/offline/photo';

type Sending = { percent: string; note: string; files: File[] };
type ProgressState = ActionState & { queued?: boolean };

/**
 * 报告进度 from the village on a phone: the percent, a note and photos of the work go through the outbox (photos
 * made small on the phone first), so no signal only means "sent later", and a resend is stored once (its key).
 */
export function ProgressForm({
  project,
}: {
  project: { id: number; version: number; progressPercent: number; name: string };
}) {
  const t = useTranslations();
  const outbox = useOutbox();
  const router = useRouter();
  const [percent, setPercent] = useState(String(project.progressPercent));
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileInput, setFileInput] = useState(0);

  async function send(_previous: ProgressState, { percent, note, files }: Sending): Promise<ProgressState> {
    if (!outbox) return { ok: false, formError: t('errors.sendFailed') };
    const photos = await Promise.all(files.map(resizePhoto));
    const clientKey = newClientKey();
    const item = newItem({
      clientKey,
      userId: outbox.userId,
      kind: 'projectStep',
      label: t('outbox.labels.projectStep', { project: project.name, percent }),
      href: `/projects/${project.id}`,
      photos,
      payload: {
        clientKey,
        projectId: project.id,
        version: project.version,
        step: 'PROGRESS',
        progressPercent: percent,
        note,
        photoKeys: '',
      },
    });
    let sent: Awaited<ReturnType<typeof outbox.enqueue>>;
    try {
      sent = await outbox.enqueue(item);
    } catch {
      return { ok: false, formError: t('visits.notKept') }; // this browser refused to keep it: nothing saved
    }
    if (sent?.state === 'refused') {
      await deleteItem(item.clientKey); // the form shows why and keeps what was typed; the outbox need not
      return { ok: false, formError: sent.fieldErrors ? undefined : sent.reason, fieldErrors: sent.fieldErrors };
    }
    setNote('');
    setFiles([]);
    setFileInput((n) => n + 1);
    if (sent?.state === 'stored') router.refresh(); // the new percent, history and version
    return sent?.state === 'stored'
      ? { ok: true, message: sent.reason }
      : { ok: true, queued: true, message: t('outbox.queued') };
  }

  const { state, fieldError, submit } = useActionForm<Sending, ProgressState>(send);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit({ percent, note, files });
      }}
      className="space-y-3"
      noValidate
      aria-label={t('projects.steps.PROGRESS')}
      data-testid="project-progress"
    >
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">{t('projects.stepHints.PROGRESS')}</p>
      <TextField
        name="progressPercent"
        id="progress-percent"
        label={t('projects.progressPercent')}
        inputMode="numeric"
        value={percent}
        onChange={(e) => setPercent(e.target.value)}
        errors={fieldError('progressPercent')}
      />
      <TextareaField
        name="note"
        id="progress-note"
        label={t('projects.noteOptional')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        errors={fieldError('note')}
        maxLength={1000}
        rows={2}
      />
      <Field
        name="photoKeys"
        id="progress-photos"
        label={t('projects.progressPhotos')}
        errors={fieldError('photoKeys')}
      >
        <input
          key={fileInput}
          type="file"
          id="progress-photos"
          name="photos"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          multiple
          className="block w-full text-sm text-slate-600 file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
          aria-describedby={fieldError('photoKeys') ? 'progress-photos-error' : undefined}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []).slice(0, 6))}
        />
      </Field>
      <SubmitButton>{t('projects.steps.PROGRESS')}</SubmitButton>
    </form>
  );
}
