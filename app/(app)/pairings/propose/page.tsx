import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { ConfirmProposalForm } from '@/components/pairings/pairing-forms';
import { ProposalTable } from '@/components/pairings/proposal-table';
import { Card, PageHeader } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { coverProposal } from '@/lib/pairings/data';

export default async function ProposePage(props: { searchParams: Promise<{ area?: string }> }) {
  const viewer = await requirePermission('pairing.manage'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <ProposeContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function ProposeContent({
  viewer,
  searchParams,
}: { searchParams: Promise<{ area?: string }> } & { viewer: Viewer }) {
  const { area } = await searchParams;
  const [proposal, t] = await Promise.all([coverProposal(viewer, area), getTranslations()]);
  return (
    <>
      <PageHeader
        title={t('pairings.proposalTitle')}
        description={<TextLink href={`/pairings?area=${proposal.area}`}>{t('pairings.coverageTitle')}</TextLink>}
      />
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t('pairings.proposalHint')}</p>
        <ProposalTable proposal={proposal} />
        <ConfirmProposalForm area={proposal.area} pairs={proposal.pairs} />
      </Card>
    </>
  );
}
