import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { CadreForm } from '@/components/pairings/cadre-form';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, NumTh, Row, Table, Td, Th } from '@/components/ui/table';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { CADRE_RANKS, type CadreRank } from '@/lib/enums';
import { parsePage } from '@/lib/http';
import { CADRE_PAGE_SIZE, cadreFormOptions, listCadres } from '@/lib/pairings/data';

type Query = { q?: string; rank?: string; load?: string; left?: string; page?: string };

export default async function CadresPage(props: { searchParams: Promise<Query> }) {
  const viewer = await requirePermission('cadre.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <CadresContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function CadresContent({ viewer, searchParams }: { searchParams: Promise<Query> } & { viewer: Viewer }) {
  const query = await searchParams;
  const rank = (CADRE_RANKS as readonly string[]).includes(query.rank ?? '') ? (query.rank as CadreRank) : undefined;
  const load = query.load === 'free' || query.load === 'full' ? query.load : undefined;
  const [list, options, t] = await Promise.all([
    listCadres(viewer, { q: query.q, rank, load, left: query.left === '1', page: parsePage(query.page) }),
    can(viewer.role, 'cadre.manage') ? cadreFormOptions(viewer) : null,
    getTranslations(),
  ]);
  const filter = (params: Query) =>
    `/cadres?${new URLSearchParams(Object.entries({ q: query.q, rank: query.rank, ...params }).filter((e): e is [string, string] => !!e[1]))}`;
  return (
    <>
      <PageHeader
        title={t('pairings.cadresTitle')}
        description={`${viewer.scopeName} · ${list.total}`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/pairings" className={buttonClass('secondary')}>
              {t('pairings.coverageTitle')}
            </Link>
            <Link href="/cadres/leaders" className={buttonClass('secondary')}>
              {t('pairings.leadersLink')}
            </Link>
          </div>
        }
      />
      <div className="space-y-4">
        <Card>
          <form className="mb-3 flex flex-wrap items-end gap-2" action="/cadres">
            <label className="text-sm">
              <span className="sr-only">{t('pairings.search')}</span>
              <input
                name="q"
                defaultValue={query.q}
                placeholder={t('pairings.search')}
                className="rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm"
              />
            </label>
            <select
              name="rank"
              defaultValue={query.rank ?? ''}
              aria-label={t('pairings.rank')}
              className="rounded-md border border-slate-300 px-2 py-2 text-base sm:text-sm"
            >
              <option value="">{t('pairings.rank')}</option>
              {CADRE_RANKS.map((r) => (
                <option key={r} value={r}>
                  {t(`teams.ranks.${r}`)}
                </option>
              ))}
            </select>
            <button type="submit" className={buttonClass('secondary')}>
              {t('pairings.filter')}
            </button>
          </form>
          <div className="mb-3 flex flex-wrap gap-3 text-sm">
            {(
              [
                ['', 'allCadres'],
                ['free', 'freeOnly'],
                ['full', 'fullOnly'],
              ] as const
            ).map(([value, label]) => (
              <Link
                key={label}
                href={filter({ load: value || undefined })}
                className={
                  (query.load ?? '') === value && query.left !== '1'
                    ? 'font-semibold text-brand-800'
                    : 'text-brand-700 hover:underline'
                }
              >
                {t(`pairings.${label}`)}
              </Link>
            ))}
            <Link
              href={filter({ left: '1' })}
              className={query.left === '1' ? 'font-semibold text-brand-800' : 'text-brand-700 hover:underline'}
            >
              {t('pairings.leftOnly')}
            </Link>
          </div>
          <Table minWidth="44rem">
            <HeadRow>
              <Th>{t('teams.name')}</Th>
              <Th>{t('pairings.rank')}</Th>
              <Th>{t('pairings.unit')}</Th>
              <Th>{t('pairings.idLast4')}</Th>
              <Th>{t('pairings.phone')}</Th>
              <NumTh>
                {t('pairings.used')}/{t('pairings.quota')}
              </NumTh>
            </HeadRow>
            <tbody>
              {list.rows.map((c) => (
                <Row hover key={c.id} data-cadre={c.id}>
                  <Td>
                    <TextLink href={`/cadres/${c.id}`} className="font-medium">
                      {c.name}
                    </TextLink>
                  </Td>
                  <Td>{t(`teams.ranks.${c.rank}`)}</Td>
                  <Td>{c.unitName}</Td>
                  <Td className="tabular-nums">{c.idLast4 ?? '—'}</Td>
                  <Td className="tabular-nums">{c.phone ?? '—'}</Td>
                  <Td className={`text-right tabular-nums ${c.used >= c.quota ? 'font-semibold' : ''}`}>
                    {c.used}/{c.quota}
                  </Td>
                </Row>
              ))}
            </tbody>
          </Table>
          <Pagination
            page={list.page}
            pageSize={CADRE_PAGE_SIZE}
            total={list.total}
            basePath="/cadres"
            params={{ q: query.q, rank: query.rank, load: query.load, left: query.left }}
          />
        </Card>
        {options && (
          <Card title={t('pairings.newCadre')}>
            <CadreForm options={options} />
          </Card>
        )}
      </div>
    </>
  );
}
