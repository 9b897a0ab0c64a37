'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button-class';
import { Spinner } from '@/components/ui/spinner';
import type { ActionState } from '@/lib/action-state';

type Fix = { latitude: number; longitude: number; accuracy: number } | null;
type Phase = 'idle' | 'locating' | 'sending' | 'failed';

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

/** One tap: locate, send, show the answer. On a failed send the fix is kept and "try again" resends it. */
/** `done`: today's check-in is on record; the button goes, but the answer just given stays in view after the refresh. */
export function CheckInButton({ evening, done = false }: { evening: boolean; done?: boolean }) {
  const t = useTranslations('attendance');
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>('idle');
  const [fix, setFix] = useState<Fix | undefined>(undefined);
  const [answer, setAnswer] = useState<ActionState | null>(null);

  async function send(position: Fix) {
    setPhase('sending');
    try {
      const response = await fetch('/api/attendance/checkin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(position ?? {}),
      });
      const state = (await response.json()) as ActionState;
      setAnswer(state);
      setPhase('idle');
      if (state.ok) router.refresh();
    } catch {
      setPhase('failed');
    }
  }

  async function start() {
    setAnswer(null);
    setPhase('locating');
    const position = await locate();
    setFix(position);
    await send(position);
  }

  const busy = phase === 'locating' || phase === 'sending';
  if (done && !answer) return null;
  return (
    <div className="space-y-3">
      {!done && (
        <button
          type="button"
          onClick={phase === 'failed' && fix !== undefined ? () => send(fix) : start}
          disabled={busy}
          aria-busy={busy}
          className={`${buttonClass('primary')} w-full py-4 text-lg`}
        >
          {busy && <Spinner size="md" />}
          {phase === 'locating'
            ? t('checkingLocation')
            : phase === 'sending'
              ? t('sending')
              : phase === 'failed'
                ? t('retry')
                : evening
                  ? t('checkInNight')
                  : t('checkInDay')}
        </button>
      )}
      {answer && (
        <div
          role={answer.ok ? 'status' : 'alert'}
          data-location={answer.data?.location}
          className={`rounded-md border px-3 py-2 text-sm ${!answer.ok ? 'border-red-200 bg-red-50 text-red-800' : answer.data?.location === 'INSIDE' || !answer.data ? 'border-green-200 bg-green-50 text-green-800' : 'border-amber-200 bg-amber-50 text-amber-900'}`}
        >
          {answer.ok
            ? answer.message
            : (answer.formError ??
              Object.values(answer.fieldErrors ?? {})
                .flat()
                .join('；'))}
        </div>
      )}
    </div>
  );
}
