'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useOutbox } from '@/components/offline/outbox-provider';
import { buttonClass } from '@/components/ui/button-class';
import { Spinner } from '@/components/ui/spinner';
import { newItem, type OutboxItem } from '@/lib/offline/outbox';

type Fix = { latitude: number; longitude: number; accuracy: number } | null;
type Phase = 'idle' | 'locating' | 'sending';

/** Asks the browser for a fix; a refusal or a timeout is not an error here, it is "no location". */
function locate(): Promise<Fix> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          latitude: p.coords.latitude,
          longitude: p.coords.longitude,
          accuracy: Math.round(p.coords.accuracy),
        }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}

/** The tap's day and time, China time: an item sent days later still says which day it was for. */
const clock = (at: number, locale: string) =>
  new Date(at).toLocaleString(locale, {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

/**
 * One tap: the time of the tap and the fix are recorded on the phone and go through the outbox, so a check-in
 * made without signal counts for the moment it was made and is sent by itself when the signal returns.
 * `done`: today's check-in is on record; the button goes, but the answer just given stays in view after the refresh.
 */
export function CheckInButton({ evening, done = false }: { evening: boolean; done?: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  const outbox = useOutbox();
  const [phase, setPhase] = useState<Phase>('idle');
  const [result, setResult] = useState<OutboxItem | null>(null);
  const [failed, setFailed] = useState(false);

  async function start() {
    if (!outbox) return;
    const tappedAt = Date.now();
    setResult(null);
    setFailed(false);
    setPhase('locating');
    const fix = await locate();
    setPhase('sending');
    try {
      const item = await outbox.enqueue(
        newItem({
          userId: outbox.userId,
          kind: 'checkin',
          label: t('outbox.labels.checkin', { time: clock(tappedAt, locale) }),
          href: '/attendance',
          payload: { ...(fix ?? {}), tappedAt: new Date(tappedAt).toISOString() },
        }),
      );
      setResult(item ?? null);
    } catch {
      setFailed(true); // this browser would not keep it (storage refused): nothing recorded, tap again
    }
    setPhase('idle');
  }

  const busy = phase !== 'idle';
  const shown = result && (result.state === 'stored' || result.state === 'refused' || result.state === 'waiting');
  if (done && !shown) return null;
  const location = result?.data?.location;
  return (
    <div className="space-y-3">
      {!done && (!result || result.state === 'refused') && (
        <button
          type="button"
          onClick={start}
          disabled={busy}
          aria-busy={busy}
          className={`${buttonClass('primary')} w-full py-4 text-lg`}
        >
          {busy && <Spinner size="md" />}
          {phase === 'locating'
            ? t('attendance.checkingLocation')
            : phase === 'sending'
              ? t('attendance.sending')
              : evening
                ? t('attendance.checkInNight')
                : t('attendance.checkInDay')}
        </button>
      )}
      {failed && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t('attendance.retry')}
        </div>
      )}
      {result?.state === 'waiting' && (
        <div role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {t('attendance.queued', { time: clock(result.createdAt, locale) })}
        </div>
      )}
      {result && (result.state === 'stored' || result.state === 'refused') && (
        <div
          role={result.state === 'stored' ? 'status' : 'alert'}
          data-location={location}
          className={`rounded-md border px-3 py-2 text-sm ${
            result.state === 'refused'
              ? 'border-red-200 bg-red-50 text-red-800'
              : location === 'INSIDE' || !location
                ? 'border-green-200 bg-green-50 text-green-800'
                : 'border-amber-200 bg-amber-50 text-amber-900'
          }`}
        >
          {result.reason}
        </div>
      )}
    </div>
  );
}
