import { getTranslations } from 'next-intl/server';
import { RetryButton } from '@/components/offline/retry-button';

export async function generateMetadata() {
  return { title: (await getTranslations('offline'))('title') };
}

const FIELD_LINKS = [
  ['/', 'home'],
  ['/attendance', 'attendance'],
  ['/my-households', 'myHouseholds'],
  ['/visits/new', 'visit'],
  ['/problems', 'problems'],
  ['/outbox', 'outbox'],
] as const;

/**
 * What the service worker answers for a page it cannot fetch and has not kept (it keeps this one at install):
 * not the browser's own "no internet" page, but where the field work can go on.
 */
export default async function OfflinePage() {
  const t = await getTranslations('offline');
  return (
    <main className="mx-auto max-w-md space-y-4 px-4 py-10">
      <h1 className="text-xl font-bold text-slate-900">{t('title')}</h1>
      <p className="text-slate-700">{t('lead')}</p>
      <p className="text-sm text-slate-600">{t('fieldPages')}</p>
      <ul className="grid grid-cols-2 gap-2">
        {FIELD_LINKS.map(([href, key]) => (
          <li key={href}>
            {/* A full page load, which the worker answers from what it kept; a client navigation would need the server. */}
            <a
              href={href}
              className="flex min-h-11 items-center rounded-md border border-slate-200 bg-white px-3 text-sm text-brand-700"
            >
              {t(`links.${key}`)}
            </a>
          </li>
        ))}
      </ul>
      <RetryButton label={t('retry')} />
    </main>
  );
}
