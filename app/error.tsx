'use client';
import { useTranslations } from 'next-intl';

// Shows the digest as the request id the clerk can quote; the stack stays in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center" role="alert">
      <p className="text-5xl font-bold text-slate-300">500</p>
      <h1 className="mt-4 text-xl font-semibold">{t('errorTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('errorBody')}</p>
      {error.digest && <p className="mt-2 font-mono text-sm text-slate-500">{t('requestId', { id: error.digest })}</p>}
      <button onClick={reset} className="mt-6 rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50">{t('retry')}</button>
    </div>
  );
}
