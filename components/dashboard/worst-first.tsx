import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { BehindArea } from '@/lib/dashboard/columns';

const SHOWN = 10;

/**
 * The first thing a leader reads: the areas most behind and the rules each misses (red, ●) or is about to
 * miss (amber, ▲), worst first; each area leads to its own dashboard.
 */
export async function WorstFirst({ areas, drillHref }: { areas: BehindArea[]; drillHref: (code: string) => string }) {
  const t = await getTranslations('dashboard');
  return (
    <Card title={t('worstTitle')}>
      {areas.length === 0 ? (
        <p className="text-sm text-slate-600">{t('worstNone')}</p>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="worst-first">
          {areas.slice(0, SHOWN).map((area) => (
            <li key={area.code} className="flex flex-wrap items-center gap-2 py-2" data-area={area.code}>
              <Link href={drillHref(area.code)} className="min-w-24 font-medium text-brand-700 hover:underline">
                {area.name}
              </Link>
              {area.missed.map((mark) => (
                <span key={mark} className="rounded-full bg-red-100 px-2 py-0.5 text-xs text-red-800">
                  <span aria-hidden>● </span>
                  {t(`marks.${mark}`)}
                </span>
              ))}
              {area.atRisk.map((mark) => (
                <span key={mark} className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
                  <span aria-hidden>▲ </span>
                  {t(`marks.${mark}`)}
                </span>
              ))}
            </li>
          ))}
        </ol>
      )}
      {areas.length > SHOWN && (
        <p className="mt-2 text-sm text-slate-600">{t('worstMore', { count: areas.length - SHOWN })}</p>
      )}
    </Card>
  );
}
