'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button-class';
import { TextareaField, TextField } from '@/components/ui/field';
import { deleteItem, type OutboxItem, type OutboxKind, updateItem } from '@/lib/offline/outbox';
import { chinaMoment } from '@/lib/time';
import { useOutbox, useOutboxItems } from './outbox-provider';

/** The fields a refused item can be corrected in, per kind, with the label each has on its own form. */
// client messages: outbox, visits, attendance, problems, projects
const EDITABLE: Record<OutboxKind, { name: string; label: string; long?: boolean; date?: boolean }[]> = {
  checkin: [],
  visit: [
    { name: 'visitedOn', label: 'visits.date', date: true },
    { name: 'metWith', label: 'visits.metWith' },
    { name: 'findings', label: 'visits.findings', long: true },
    { name: 'helpDelivered', label: 'visits.helpDelivered', long: true },
  ],
  days: [
    { name: 'from', label: 'attendance.from', date: true },
    { name: 'to', label: 'attendance.to', date: true },
    { name: 'awayReason', label: 'attendance.awayReason' },
    { name: 'correctionReason', label: 'attendance.correctionReason' },
  ],
  problemStep: [
    { name: 'note', label: 'problems.note', long: true },
    { name: 'evidence', label: 'problems.evidence', long: true },
    { name: 'deadline', label: 'problems.deadline', date: true },
  ],
  projectStep: [
    { name: 'progressPercent', label: 'projects.progressPercent' },
    { name: 'note', label: 'projects.noteOptional', long: true },
  ],
};

const STATE_STYLE: Record<OutboxItem['state'], string> = {
  waiting: 'bg-sky-100 text-sky-900',
  sending: 'bg-sky-100 text-sky-900',
  stored: 'bg-green-100 text-green-900',
  refused: 'bg-amber-100 text-amber-900',
};

function Correction({ item, onDone }: { item: OutboxItem; onDone: () => void }) {
  const t = useTranslations();
  const outbox = useOutbox();
  const fields = EDITABLE[item.kind].filter(
    (f) => typeof item.payload[f.name] === 'string' || item.fieldErrors?.[f.name],
  );
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, String(item.payload[f.name] ?? '')])),
  );
  return (
    <form
      className="mt-3 space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        await updateItem(item.clientKey, {
          payload: { ...item.payload, ...values },
          state: 'waiting',
          reason: undefined,
          fieldErrors: undefined,
        });
        onDone();
        await outbox?.flush();
      }}
    >
      {fields.map((f) =>
        f.long ? (
          <TextareaField
            key={f.name}
            name={f.name}
            label={t(f.label as never)}
            value={values[f.name]}
            onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            errors={item.fieldErrors?.[f.name]}
          />
        ) : (
          <TextField
            key={f.name}
            name={f.name}
            type={f.date ? 'date' : 'text'}
            label={t(f.label as never)}
            value={values[f.name]}
            onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            errors={item.fieldErrors?.[f.name]}
          />
        ),
      )}
      <button type="submit" className={buttonClass('primary')}>
        {t('outbox.resend')}
      </button>
    </form>
  );
}

function Entry({ item }: { item: OutboxItem }) {
  const t = useTranslations('outbox');
  const [editing, setEditing] = useState(false);
  const when = chinaMoment(new Date(item.createdAt), true);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid="outbox-item" data-state={item.state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <div className="font-medium text-slate-900">{item.label}</div>
          <div className="text-xs text-slate-500">
            {t('enteredAt', { when })}
            {item.photos.length + item.photoKeys.length > 0 &&
              ` · ${t('photos', { count: Math.max(item.photos.length, item.photoKeys.length) })}`}
          </div>
        </div>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLE[item.state]}`}>
          {t(`states.${item.state}`)}
        </span>
      </div>
      {item.reason && (
        <p
          className={`mt-2 text-sm ${item.state === 'refused' ? 'text-amber-900' : 'text-slate-600'}`}
          role={item.state === 'refused' ? 'alert' : undefined}
        >
          {item.reason}
        </p>
      )}
      {item.state === 'refused' && (
        <div className="mt-2 flex flex-wrap gap-2">
          {EDITABLE[item.kind].length > 0 && !editing && (
            <button type="button" className={buttonClass('secondary')} onClick={() => setEditing(true)}>
              {t('correct')}
            </button>
          )}
          <button
            type="button"
            className={buttonClass('secondary')}
            onClick={async () => {
              if (window.confirm(t('confirmDelete', { label: item.label }))) await deleteItem(item.clientKey);
            }}
          >
            {t('delete')}
          </button>
        </div>
      )}
      {editing && <Correction item={item} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** What this phone holds for the signed-in user: waiting, being sent, stored (a day's receipt), refused. */
export function OutboxList() {
  const t = useTranslations('outbox');
  const outbox = useOutbox();
  const { items, pendingCount } = useOutboxItems();
  const [sending, setSending] = useState(false);
  if (!outbox) return null;
  const waiting = items.filter((item) => item.state === 'waiting').length;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" role="status">
          {pendingCount === 0 ? t('empty') : t('summary', { count: pendingCount })}
        </p>
        <button
          type="button"
          className={buttonClass('primary')}
          disabled={sending || waiting === 0}
          onClick={async () => {
            setSending(true);
            await outbox.flush();
            setSending(false);
          }}
        >
          {sending ? t('sending') : t('sendNow')}
        </button>
      </div>
      {items.length > 0 && (
        <ul className="space-y-2">
          {[...items].reverse().map((item) => (
            <Entry key={item.clientKey} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}
