import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { coverProposal } from '@/lib/pairings/data';
import { Card, PageHeader } from '@/components/ui/card';
import { ProposalTable } from '@/components/pairings/proposal-table';
import { ConfirmProposalForm } from '@/components/pairings/pairing-forms';

export default async function ProposePage({ searchParams }: { searchParams: Promise<{ area?: string }> }) {
  const viewer = await requirePermission('pairing.manage');
  const { area } = await searchParams;
  const [proposal, t] = await Promise.all([coverProposal(viewer, area), getTranslations()]);
  if (!proposal) return null;
  return (
    <>
      <PageHeader title={t('pairings.proposalTitle')} description={<Link href={`/pairings?area=${proposal.area}`} className="text-brand-700 hover:underline">{t('pairings.coverageTitle')}</Link>} />
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t('pairings.proposalHint')}</p>
        <ProposalTable proposal={proposal} />
        <ConfirmProposalForm area={proposal.area} pairs={proposal.pairs} />
      </Card>
    </>
  );
}
