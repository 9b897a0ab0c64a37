import { getTranslations } from 'next-intl/server';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import type { ProposalView } from '@/lib/pairings/data';

/** The proposal as the clerk reviews it: each household, the proposed cadre and why, and what is left over. */
export async function ProposalTable({ proposal }: { proposal: ProposalView }) {
  const t = await getTranslations('pairings');
  if (proposal.pairs.length === 0 && proposal.unassigned.length === 0)
    return <p className="text-sm text-green-700">{t('noProposal')}</p>;
  return (
    <div className="space-y-3">
      {proposal.pairs.length > 0 && (
        <Table minWidth="40rem">
          <HeadRow>
            <Th>{t('household')}</Th>
            <Th>{t('village')}</Th>
            <Th>{t('cadre')}</Th>
            <Th>{t('unit')}</Th>
            <Th>{t('tier')}</Th>
            <NumTh>{t('load')}</NumTh>
          </HeadRow>
          <tbody>
            {proposal.pairs.map((p) => (
              <Row key={p.householdId} data-household={p.householdId}>
                <Td className="font-medium">{p.headName}</Td>
                <Td>{p.villageName}</Td>
                <Td>{p.cadreName}</Td>
                <Td>{p.unitName}</Td>
                <Td>{t(`tiers.${p.tier}`)}</Td>
                <NumCell>
                  {p.usedAfter}/{p.quota}
                </NumCell>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
      {proposal.unassigned.length > 0 && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('unassigned', { count: proposal.unassigned.length })}：
          {proposal.unassigned.map((h) => `${h.headName}（${h.villageName}）`).join('、')}
        </p>
      )}
    </div>
  );
}
