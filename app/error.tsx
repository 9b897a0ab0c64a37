'use client';
import { useTranslations } from 'next-intl';
import { DATABASE_BUSY_DIGEST } from '@/lib/errors';

// Shows the digest as the request id the clerk can quote; the stack stays in the server log.
// A database that is down or has no free connection (lib/db.ts marks it) reads "busy, retry" instead: Next
// answers such a page with 500 (or 200 when it streams) since a page cannot set its own status.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  const busy = error.digest === DATABASE_BUSY_DIGEST;
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center" role="alert">
      <p className="text-5xl font-bold text-slate-500">{busy ? 503 : 500}</p>
      <h1 className="mt-4 text-xl font-semibold">{t(busy ? 'busyTitle' : 'errorTitle')}</h1>
      <p className="mt-2 text-slate-600">{t(busy ? 'busyBody' : 'errorBody')}</p>
      {error.digest && !busy && (
        <p className="mt-2 font-mono text-sm text-slate-500">{t('requestId', { id: error.digest })}</p>
      )}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50"
      >
        {t('retry')}
      </button>
    </div>
  );
}
