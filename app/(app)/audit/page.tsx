import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import { auditActionNames, searchAudit } from '@/lib/audit/data';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { AUDIT_RESULTS, type AuditResult } from '@/lib/enums';
import { parsePage } from '@/lib/http';
import { chinaMoment } from '@/lib/time';

const RESULTS: readonly AuditResult[] = AUDIT_RESULTS;
type Search = { username?: string; action?: string; result?: string; from?: string; to?: string; page?: string };

export default async function AuditPage(props: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission('audit.view'); // before the response starts: a refusal answers 403, not 200
  return (
    <PageBody>
      <AuditContent {...props} viewer={viewer} />
    </PageBody>
  );
}

async function AuditContent({ viewer, searchParams }: { searchParams: Promise<Search> } & { viewer: Viewer }) {
  const search = await searchParams;
  const result = RESULTS.includes(search.result as AuditResult) ? (search.result as AuditResult) : undefined;
  const filters = {
    username: search.username?.trim() || undefined,
    action: search.action || undefined,
    result,
    from: search.from,
    to: search.to,
    page: parsePage(search.page),
  };
  const [rows, actions, t] = await Promise.all([searchAudit(viewer, filters), auditActionNames(), getTranslations()]);
  return (
    <>
      <PageHeader title={t('nav.audit')} description={t('audit.description')} />
      <Card>
        <form className="mb-4 grid grid-cols-2 gap-2 md:grid-cols-6" role="search">
          <input
            name="username"
            defaultValue={search.username}
            placeholder={t('audit.user')}
            aria-label={t('audit.user')}
            className={inputClass}
          />
          <select
            name="action"
            defaultValue={search.action ?? ''}
            aria-label={t('audit.action')}
            className={inputClass}
          >
            <option value="">{t('audit.allActions')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          <select name="result" defaultValue={result ?? ''} aria-label={t('audit.result')} className={inputClass}>
            <option value="">{t('audit.allResults')}</option>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`audit.results.${r}`)}
              </option>
            ))}
          </select>
          <input
            type="date"
            name="from"
            defaultValue={search.from}
            aria-label={t('audit.from')}
            className={inputClass}
          />
          <input type="date" name="to" defaultValue={search.to} aria-label={t('audit.to')} className={inputClass} />
          <button type="submit" className={buttonClass('secondary')}>
            {t('common.search')}
          </button>
        </form>
        <Table minWidth="48rem">
          <HeadRow>
            <Th>{t('audit.time')}</Th>
            <Th>{t('audit.user')}</Th>
            <Th>{t('audit.action')}</Th>
            <Th>{t('audit.record')}</Th>
            <Th>{t('audit.area')}</Th>
            <Th>{t('audit.result')}</Th>
            <Th>{t('audit.details')}</Th>
          </HeadRow>
          <tbody>
            {rows.rows.map((row) => (
              <Row top key={row.id}>
                <Td className="whitespace-nowrap tabular-nums">{chinaMoment(row.at, true)}</Td>
                <Td>
                  {row.username ?? '—'}
                  {row.role && <div className="text-xs text-slate-500">{t(`roles.${row.role}`)}</div>}
                </Td>
                <Td className="font-mono text-xs">{row.action}</Td>
                <Td className="text-xs">{row.entity ? `${row.entity} ${row.entityId ?? ''}` : '—'}</Td>
                <Td className="tabular-nums text-xs">{row.regionCode ?? '—'}</Td>
                <Td>
                  <span
                    className={`rounded px-1.5 py-0.5 text-xs ${row.result === 'OK' ? 'bg-green-50 text-green-800' : 'bg-red-50 text-red-800'}`}
                  >
                    {t(`audit.results.${row.result}`)}
                  </span>
                </Td>
                <Td className="max-w-xs break-all font-mono text-xs text-slate-600">
                  {row.message}
                  {row.changes ? <div>{JSON.stringify(row.changes)}</div> : null}
                  {row.requestId && <div className="text-slate-500">#{row.requestId}</div>}
                </Td>
              </Row>
            ))}
            {rows.rows.length === 0 && (
              <tr>
                <Td colSpan={7} className="py-6 text-center text-slate-500">
                  {t('common.noResults')}
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
        <Pagination
          page={rows.page}
          pageSize={rows.pageSize}
          total={rows.total}
          basePath="/audit"
          params={{ ...filters, page: undefined, result }}
        />
      </Card>
    </>
  );
}
