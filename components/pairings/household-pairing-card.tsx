import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { householdPairing } from '@/lib/pairings/data';
import { HouseholdLiaisonForm } from './liaison-cadre-forms';
import { EndPairingForm, PairForm } from './pairing-forms';

/** 帮扶责任人: who is responsible for the household now (with the pair or end form), and before. */
export async function HouseholdPairingCard({ viewer, householdId }: { viewer: Viewer; householdId: number }) {
  const [pairing, t] = await Promise.all([householdPairing(viewer, householdId), getTranslations()]);
  const current = pairing.pairings.find((p) => p.endedOn === null);
  const history = pairing.pairings.filter((p) => p.endedOn !== null);
  const manage = can(viewer.role, 'pairing.manage');
  const cadreLink = (p: { cadreId: number; cadreName: string }) =>
    can(viewer.role, 'cadre.view') ? (
      <TextLink href={`/cadres/${p.cadreId}`} className="font-medium">
        {p.cadreName}
      </TextLink>
    ) : (
      <span className="font-medium">{p.cadreName}</span>
    );
  return (
    <Card title={t('pairings.responsible')}>
      <div className="space-y-3 text-sm" data-testid="responsible-cadre">
        {current ? (
          <>
            <p>
              {cadreLink(current)} · {t(`teams.ranks.${current.rank}`)} · {current.unitName}
              {current.phone ? ` · ${current.phone}` : ''} · {t('pairings.since')} {current.startedOn}
            </p>
            {manage && (
              <details>
                <summary className="cursor-pointer text-red-700">{t('pairings.endPairing')}</summary>
                <div className="mt-2">
                  <EndPairingForm pairingId={current.id} />
                </div>
              </details>
            )}
          </>
        ) : pairing.pairable ? (
          <p className={pairing.mustPair ? 'font-medium text-red-700' : 'text-slate-600'}>{t('pairings.noCadre')}</p>
        ) : (
          <p className="text-slate-600">{t('pairings.notPairable')}</p>
        )}
        {(current ? manage : pairing.options.length > 0) && (
          <PairForm householdId={householdId} options={pairing.options} paired={Boolean(current)} />
        )}
        {pairing.liaison && (
          <div className="space-y-2 border-t border-slate-100 pt-3" data-testid="liaison-cadre">
            <p className="font-medium">{t('pairings.liaisonCadre')}</p>
            {pairing.liaison.current ? (
              <p>
                {cadreLink(pairing.liaison.current)} · {pairing.liaison.current.unitName} · {t('pairings.since')}{' '}
                {pairing.liaison.current.startedOn}
              </p>
            ) : (
              <p className="font-medium text-red-700">{t('pairings.noLiaisonCadre')}</p>
            )}
            <p className="text-xs text-slate-600">{t('pairings.liaisonCadreHint')}</p>
            {pairing.liaison.options.length > 0 && (
              <HouseholdLiaisonForm
                householdId={householdId}
                options={pairing.liaison.options}
                change={Boolean(pairing.liaison.current)}
              />
            )}
          </div>
        )}
        {history.length > 0 && (
          <ul className="border-l border-slate-200 pl-3 text-xs text-slate-500">
            {history.map((p) => (
              <li key={p.id}>
                {p.cadreName} · {p.startedOn} – {p.endedOn} · {p.endReason}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
