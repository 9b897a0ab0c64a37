import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/households/status-badge';
import { PageBody } from '@/components/layout/page-body';
import { CadreForm } from '@/components/pairings/cadre-form';
import { EndPairingForm, ReassignCard } from '@/components/pairings/pairing-forms';
import { ProposalTable } from '@/components/pairings/proposal-table';
import { Card, PageHeader } from '@/components/ui/card';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parseId } from '@/lib/http';
import { cadreFormOptions, getCadre, reassignProposal } from '@/lib/pairings/data';
import { chinaToday } from '@/lib/time';

export default async function CadrePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('cadre.view');
  const { id } = await params;
  const cadre = await getCadre(viewer, parseId(id) ?? notFound()); // 404 outside what the viewer may list
  return (
    <PageBody>
      <CadreContent viewer={viewer} cadre={cadre} />
    </PageBody>
  ); // the checks above set the status (403, 404) before the response starts
}

async function CadreContent({ viewer, cadre }: { viewer: Viewer; cadre: Awaited<ReturnType<typeof getCadre>> }) {
  const manage = can(viewer.role, 'pairing.manage');
  const [t, options, proposal] = await Promise.all([
    getTranslations(),
    cadre.editable ? cadreFormOptions(viewer, cadre.id) : null,
    manage && cadre.used > 0 ? reassignProposal(viewer, cadre.id) : null,
  ]);
  const current = cadre.pairings.filter((p) => p.endedOn === null);
  const history = cadre.pairings.filter((p) => p.endedOn !== null);
  return (
    <>
      <PageHeader
        title={cadre.name}
        description={`${t(`teams.ranks.${cadre.rank}`)} · ${cadre.unit.name} · ${cadre.active ? t('pairings.active') : `${t('pairings.left')} ${cadre.leftOn ?? ''} ${cadre.leftReason ?? ''}`}`}
        actions={
          <TextLink href="/cadres" className="text-sm">
            {t('pairings.cadresTitle')}
          </TextLink>
        }
      />
      <div className="space-y-4">
        <Card title={`${t('pairings.current')}（${t('pairings.usedOf', { used: cadre.used, quota: cadre.quota })}）`}>
          {current.length === 0 ? (
            <p className="text-sm text-slate-600">{t('pairings.myNone')}</p>
          ) : (
            <Table minWidth="40rem">
              <HeadRow>
                <Th>{t('pairings.household')}</Th>
                <Th>{t('pairings.village')}</Th>
                <Th>{t('households.status')}</Th>
                <Th>{t('pairings.since')}</Th>
                <Th />
              </HeadRow>
              <tbody>
                {current.map((p) => (
                  <Row top key={p.id} data-household={p.householdId}>
                    <Td>
                      {p.inArea ? (
                        <TextLink href={`/households/${p.householdId}`} className="font-medium">
                          {p.headName}
                        </TextLink>
                      ) : (
                        p.headName
                      )}
                    </Td>
                    <Td>{p.villageName}</Td>
                    <Td>
                      <StatusBadge status={p.status} />
                    </Td>
                    <Td className="tabular-nums">{p.startedOn}</Td>
                    <Td>
                      {manage && p.inArea && (
                        <details>
                          <summary className="cursor-pointer text-sm text-red-700">{t('pairings.endPairing')}</summary>
                          <div className="mt-2 w-72">
                            <EndPairingForm pairingId={p.id} />
                          </div>
                        </details>
                      )}
                    </Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        {manage && (
          <ReassignCard
            cadre={cadre}
            pairs={proposal?.pairs ?? []}
            today={chinaToday()}
            open={!!proposal && proposal.pairs.length + proposal.unassigned.length > 0}
            canSubmit={proposal?.unassigned.length === 0}
          >
            <p className="mb-3 text-sm text-slate-600">{t('pairings.reassignHint')}</p>
            {proposal && <ProposalTable proposal={proposal} />}
          </ReassignCard>
        )}
        {history.length > 0 && (
          <Card title={t('pairings.history')}>
            <Table minWidth="36rem">
              <HeadRow>
                <Th>{t('pairings.household')}</Th>
                <Th>{t('pairings.village')}</Th>
                <Th>{t('pairings.since')}</Th>
                <Th>{t('pairings.endedOn')}</Th>
                <Th>{t('pairings.endReason')}</Th>
              </HeadRow>
              <tbody>
                {history.map((p) => (
                  <Row key={p.id}>
                    <Td>{p.headName}</Td>
                    <Td>{p.villageName}</Td>
                    <Td className="tabular-nums">{p.startedOn}</Td>
                    <Td className="tabular-nums">{p.endedOn}</Td>
                    <Td>{p.endReason}</Td>
                  </Row>
                ))}
              </tbody>
            </Table>
          </Card>
        )}
        {options && (
          <Card title={t('pairings.editCadre')}>
            <p className="mb-3 text-sm text-slate-600">
              {t('pairings.idLast4')} {cadre.idLast4 ?? '—'} · {t('pairings.phone')} {cadre.phone ?? '—'}
            </p>
            <CadreForm options={options} cadre={cadre} />
          </Card>
        )}
      </div>
    </>
  );
}
