import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { auditActionNames, searchAudit } from '@/lib/audit/data';
import type { AuditResult } from '@/lib/generated/prisma/enums';
import { Card, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { buttonClass } from '@/components/ui/button-class';
import { Pagination } from '@/components/ui/pagination';

const RESULTS: AuditResult[] = ['OK', 'REFUSED', 'INVALID', 'ERROR'];
type Search = { username?: string; action?: string; result?: string; from?: string; to?: string; page?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission('audit.view');
  const search = await searchParams;
  const result = RESULTS.includes(search.result as AuditResult) ? (search.result as AuditResult) : undefined;
  const filters = { username: search.username?.trim() || undefined, action: search.action || undefined, result, from: search.from, to: search.to, page: Number(search.page) || 1 };
  const [data, actions, t, format] = await Promise.all([searchAudit(viewer, filters), auditActionNames(), getTranslations(), getFormatter()]);
  const rows = data!;
  return (
    <>
      <PageHeader title={t('nav.audit')} description={t('audit.description')} />
      <Card>
        <form className="mb-4 grid grid-cols-2 gap-2 md:grid-cols-6" role="search">
          <input name="username" defaultValue={search.username} placeholder={t('audit.user')} aria-label={t('audit.user')} className={inputClass} />
          <select name="action" defaultValue={search.action ?? ''} aria-label={t('audit.action')} className={inputClass}>
            <option value="">{t('audit.allActions')}</option>
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          <select name="result" defaultValue={result ?? ''} aria-label={t('audit.result')} className={inputClass}>
            <option value="">{t('audit.allResults')}</option>
            {RESULTS.map((r) => <option key={r} value={r}>{t(`audit.results.${r}`)}</option>)}
          </select>
          <input type="date" name="from" defaultValue={search.from} aria-label={t('audit.from')} className={inputClass} />
          <input type="date" name="to" defaultValue={search.to} aria-label={t('audit.to')} className={inputClass} />
          <button className={buttonClass('secondary')}>{t('common.search')}</button>
        </form>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">{t('audit.time')}</th>
                <th className="py-2 pr-3 font-medium">{t('audit.user')}</th>
                <th className="py-2 pr-3 font-medium">{t('audit.action')}</th>
                <th className="py-2 pr-3 font-medium">{t('audit.record')}</th>
                <th className="py-2 pr-3 font-medium">{t('audit.area')}</th>
                <th className="py-2 pr-3 font-medium">{t('audit.result')}</th>
                <th className="py-2 pr-3 font-medium">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 align-top">
                  <td className="whitespace-nowrap py-2 pr-3 tabular-nums">{format.dateTime(row.at, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <td className="py-2 pr-3">{row.username ?? '—'}{row.role && <div className="text-xs text-slate-500">{t(`roles.${row.role}`)}</div>}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{row.action}</td>
                  <td className="py-2 pr-3 text-xs">{row.entity ? `${row.entity} ${row.entityId ?? ''}` : '—'}</td>
                  <td className="py-2 pr-3 tabular-nums text-xs">{row.regionCode ?? '—'}</td>
                  <td className="py-2 pr-3">
                    <span className={`rounded px-1.5 py-0.5 text-xs ${row.result === 'OK' ? 'bg-green-50 text-green-800' : 'bg-red-50 text-red-800'}`}>{t(`audit.results.${row.result}`)}</span>
                  </td>
                  <td className="max-w-xs break-all py-2 pr-3 font-mono text-xs text-slate-600">
                    {row.message}
                    {row.changes ? <div>{JSON.stringify(row.changes)}</div> : null}
                    {row.requestId && <div className="text-slate-400">#{row.requestId}</div>}
                  </td>
                </tr>
              ))}
              {rows.rows.length === 0 && <tr><td colSpan={7} className="py-6 text-center text-slate-500">{t('common.noResults')}</td></tr>}
            </tbody>
          </table>
        </div>
        <Pagination page={rows.page} pageSize={rows.pageSize} total={rows.total} basePath="/audit" params={{ ...filters, page: undefined, result }} />
      </Card>
    </>
  );
}
