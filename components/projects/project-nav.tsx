import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const LINKS = [
  ['/projects', 'overview'],
  ['/projects/payments', 'payments'],
  ['/projects/assets', 'assets'],
  ['/projects/beneficiaries', 'beneficiaries'],
  ['/projects/funds', 'funds'],
  ['/projects/mutual-aid', 'mutualAid'],
] as const;

/** The projects section's pages, one row of tabs. */
export async function ProjectNav({ current }: { current: (typeof LINKS)[number][0] }) {
  const t = await getTranslations('projects.nav');
  return (
    <nav aria-label={t('label')} className="-mt-2 mb-4 flex flex-wrap gap-1 border-b border-slate-200 text-sm">
      {LINKS.map(([href, key]) => (
        <Link
          key={href}
          href={href}
          aria-current={href === current ? 'page' : undefined}
          className={`-mb-px inline-flex min-h-10 items-center border-b-2 px-3 ${href === current ? 'border-brand-700 font-semibold text-brand-800' : 'border-transparent text-slate-700 hover:text-slate-900'}`}
        >
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}
