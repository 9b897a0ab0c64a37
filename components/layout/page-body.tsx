import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { Spinner } from '@/components/ui/spinner';

/** What a page shows while its data loads. */
export async function PageLoading() {
  const t = await getTranslations('common');
  return (
    <div className="flex items-center gap-2 py-10 text-slate-500" role="status" data-testid="page-loading">
      <Spinner size="md" muted />
      {t('loading')}
    </div>
  );
}

/**
 * The slow part of a page, streamed behind the loading skeleton. A page first runs the checks that
 * decide its status (permission, the record lies in the viewer's area) and only then renders the rest
 * in here: a 403 or 404 is known before the response starts. (A loading.tsx above the page would
 * stream the whole page, and forbidden()/notFound() would then arrive with HTTP 200.)
 */
export function PageBody({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}
