import { getTranslations } from 'next-intl/server';
import { ResolveDuplicateForm } from '@/components/households/resolve-duplicate-form';
import { PageBody } from '@/components/layout/page-body';
import { Card, PageHeader } from '@/components/ui/card';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { listDuplicateHits } from '@/lib/households/data';
import type { Messages } from '@/lib/i18n/messages';
import { chinaDate, chinaMoment } from '@/lib/time';

type DuplicateSourceKey = keyof Messages['households']['duplicateSources'];

/** ID numbers registered in one area and entered again in another: the county office's list to resolve. */
export default async function DuplicatesPage() {
  const viewer = await requirePermission('household.duplicates');
  const t = await getTranslations('households');
  return (
    <>
      <PageHeader title={t('duplicatesTitle')} description={t('duplicatesHint')} />
      <PageBody>
        <DuplicateList viewer={viewer} />
      </PageBody>
    </>
  );
}

async function DuplicateList({ viewer }: { viewer: Viewer }) {
  const [list, t] = await Promise.all([listDuplicateHits(viewer), getTranslations('households')]);
  return (
    <Card title={t('duplicatesTitle')}>
      {list.length === 0 ? (
        <p className="text-sm text-slate-600">{t('duplicatesNone')}</p>
      ) : (
        <Table minWidth="56rem">
          <HeadRow>
            {(['at', 'idMasked', 'user', 'area', 'source', 'existing', 'state'] as const).map((col) => (
              <Th key={col}>{t(`duplicateColumns.${col}`)}</Th>
            ))}
          </HeadRow>
          <tbody>
            {list.map((r) => (
              <Row top key={r.id} data-duplicate={r.id}>
                <Td className="tabular-nums">{chinaMoment(r.at)}</Td>
                <Td className="font-mono">{r.idMasked}</Td>
                <Td>{r.userName}</Td>
                <Td>{r.area}</Td>
                <Td>
                  {/* source: a DuplicateSource (lib/households/rules.ts), "roster.import" → key "roster_import" */}
                  {t(`duplicateSources.${r.source.replace('.', '_') as DuplicateSourceKey}`)}
                </Td>
                <Td>{r.existingVillage}</Td>
                <Td>
                  {r.resolvedAt ? (
                    `${chinaDate(r.resolvedAt)} ${r.resolution ?? ''}`
                  ) : (
                    <ResolveDuplicateForm id={r.id} />
                  )}
                </Td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
