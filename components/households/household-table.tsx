'use client';
import { useTranslations } from 'next-intl';
import { HeadRow, NumCell, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { HouseholdStatus, PovertyCause } from '@/lib/enums';
import { BatchCheckbox, BatchSelectPage } from './batch-step-form';
import { StatusBadge } from './status-badge';

export type HouseholdListRow = {
  id: number;
  version: number;
  headName: string;
  idLast4: string;
  place: string;
  groupName: string | null;
  memberCount: number;
  status: HouseholdStatus;
  povertyCauses: PovertyCause[];
};

/**
 * The household list's page of rows. Drawn in the browser's code from plain rows: as server elements, every
 * row past the first few was streamed as a piece of its own (React defers each element past a row's first
 * 3 KB of its payload), which made the list half again as slow to serve.
 */
export function HouseholdTable({
  rows,
  batch,
  emptyLabel,
}: {
  rows: HouseholdListRow[];
  /** Rows carry a checkbox for the batch step. */
  batch: boolean;
  emptyLabel: string;
}) {
  const t = useTranslations('households');
  return (
    <Table minWidth="44rem">
      <HeadRow>
        {batch && (
          <Th className="w-8">
            <BatchSelectPage label={t('batch.selectPage')} />
          </Th>
        )}
        <Th>{t('headName')}</Th>
        <Th>{t('idLast4')}</Th>
        <Th>{t('village')}</Th>
        <Th>{t('groupName')}</Th>
        <NumTh>{t('members')}</NumTh>
        <Th>{t('status')}</Th>
        <Th>{t('povertyCauses')}</Th>
      </HeadRow>
      <tbody>
        {rows.map((row) => (
          <Row hover key={row.id}>
            {batch && (
              <Td>
                <BatchCheckbox id={row.id} version={row.version} label={t('batch.select', { name: row.headName })} />
              </Td>
            )}
            <Td>
              <TextLink href={`/households/${row.id}`} className="font-medium">
                {row.headName}
              </TextLink>
            </Td>
            <Td className="font-mono text-xs text-slate-500">{row.idLast4}</Td>
            <Td>{row.place}</Td>
            <Td>{row.groupName}</Td>
            <NumCell>{row.memberCount}</NumCell>
            <Td>
              <StatusBadge status={row.status} />
            </Td>
            <Td className="text-xs text-slate-600">
              {row.povertyCauses.map((c) => t(`causes.${c}`)).join('、') || '—'}
            </Td>
          </Row>
        ))}
        {rows.length === 0 && (
          <tr>
            <Td colSpan={batch ? 8 : 7} className="py-6 text-center text-slate-500">
              {emptyLabel}
            </Td>
          </tr>
        )}
      </tbody>
    </Table>
  );
}
