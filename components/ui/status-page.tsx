import { getTranslations } from 'next-intl/server';
import { TextLink } from '@/components/ui/text-link';
import type { Messages } from '@/lib/i18n/messages';

/** The 403 and 404 pages: a code, a title, what happened, and the way home. */
export async function StatusPage({
  code,
  titleKey,
  bodyKey,
}: {
  code: number;
  titleKey: keyof Messages['errors'];
  bodyKey: keyof Messages['errors'];
}) {
  const t = await getTranslations('errors');
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-500">{code}</p>
      <h1 className="mt-4 text-xl font-semibold">{t(titleKey)}</h1>
      <p className="mt-2 text-slate-600">{t(bodyKey)}</p>
      <TextLink href="/" className="mt-6 inline-block">
        {t('backHome')}
      </TextLink>
    </div>
  );
}
