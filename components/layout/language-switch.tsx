import { getLocale } from 'next-intl/server';

/** Plain links to a route that sets the language cookie: works without JavaScript. */
export async function LanguageSwitch({ returnTo = '/' }: { returnTo?: string }) {
  const locale = await getLocale();
  const other = locale === 'zh-CN' ? { code: 'en', label: 'English' } : { code: 'zh-CN', label: '中文' };
  return (
    <a
      href={`/api/locale?locale=${other.code}&next=${encodeURIComponent(returnTo)}`}
      className="text-sm text-slate-600 underline-offset-2 hover:underline"
      lang={other.code}
    >
      {other.label}
    </a>
  );
}
