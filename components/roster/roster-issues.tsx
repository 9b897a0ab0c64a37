'use client';
// The report's problem list: sheet (when several were read), row number, column, what is wrong (in the user's language).
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import type { RosterReport } from '@/lib/roster/data';

export function RosterIssues({ report }: { report: RosterReport }) {
  const t = useTranslations('roster');
  const format = useFormatter();
  const locale = useLocale();
  const sheets = report.issues.some((issue) => issue.sheet);
  if (report.issueCount === 0) return <p className="text-sm text-green-800">{t('noIssues')}</p>;
  const summary = Object.entries(report.issuesByColumn)
    .sort((a, b) => b[1] - a[1])
    .map(([column, count]) => `${column || t('wholeRow')} ${format.number(count)}`)
    .join(locale === 'zh-CN' ? '，' : '; ');
  return (
    <section className="space-y-2" aria-labelledby="roster-issues-title">
      <h3 id="roster-issues-title" className="text-sm font-semibold text-slate-800">
        {t('issuesTitle', { count: format.number(report.issueCount) })}
      </h3>
      <p className="text-xs text-slate-500">{t('issuesByColumn', { summary })}</p>
      {report.issueCount > report.issues.length && (
        <p className="text-xs text-slate-500">
          {t('issuesMore', { total: format.number(report.issueCount), shown: format.number(report.issues.length) })}
        </p>
      )}
      <div className="max-h-[28rem] overflow-y-auto rounded-md border border-slate-200">
        <Table minWidth="32rem">
          <HeadRow>
            {sheets && <Th className="pl-3">{t('issueSheet')}</Th>}
            <Th className="w-20 pl-3 text-right">{t('issueRow')}</Th>
            <Th className="w-36">{t('issueColumn')}</Th>
            <Th>{t('issueMessage')}</Th>
          </HeadRow>
          <tbody data-roster-issues>
            {report.issues.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one cell can carry two issues; the list never reorders
              <Row top key={`${issue.sheet}-${issue.row}-${issue.column}-${index}`}>
                {sheets && <Td className="pl-3">{issue.sheet}</Td>}
                <Td className="pl-3 text-right tabular-nums">{issue.row}</Td>
                <Td>{issue.column ?? t('wholeRow')}</Td>
                <Td className="text-red-800">{issue.message}</Td>
              </Row>
            ))}
          </tbody>
        </Table>
      </div>
    </section>
  );
}
