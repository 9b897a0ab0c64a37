import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { CloseRiskForm } from '@/components/monitoring/forms';
import { WarningText } from '@/components/monitoring/warning-text';
import { MeasureStatusForm } from '@/components/plans/measure-status-form';
import { Card, PageHeader } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parseId } from '@/lib/http';
import { setMonitorMeasure } from '@/lib/monitoring/actions';
import { getMonitored } from '@/lib/monitoring/data';
import { measuresTotalYuan } from '@/lib/plans/rules';
import { chinaToday, isoDay } from '@/lib/time';

export default async function MonitoredPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('monitor.view');
  const monitored = await getMonitored(viewer, parseId((await params).id) ?? notFound());
  return (
    <PageBody>
      <MonitoredContent viewer={viewer} monitored={monitored} />
    </PageBody>
  );
}

async function MonitoredContent({
  viewer,
  monitored: m,
}: {
  viewer: Viewer;
  monitored: Awaited<ReturnType<typeof getMonitored>>;
}) {
  const [t, tp] = await Promise.all([getTranslations('monitoring'), getTranslations('plans')]);
  const manage = can(viewer.role, 'monitor.manage') && !m.closedOn;
  return (
    <>
      <PageHeader
        title={`${m.household.headName} · ${t(`kinds.${m.kind}`)}`}
        description={<TextLink href="/monitoring">{t('back')}</TextLink>}
      />
      <div className="space-y-4">
        <Card>
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t('village')}</dt>
              <dd>
                <TextLink href={`/households/${m.household.id}`}>
                  {m.household.village.parent?.name} {m.household.village.name}
                  {m.household.groupName} · {m.household.headName}
                </TextLink>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('cadre')}</dt>
              <dd>
                <TextLink href={`/cadres/${m.cadre.id}`}>{m.cadre.name}</TextLink>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('causesLabel')}</dt>
              <dd>{m.causes.map((c) => t(`causes.${c}`)).join('、')}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('startedOn')}</dt>
              <dd>
                {isoDay(m.startedOn)} · {t(`sources.${m.source}`)} · {t('enteredBy')} {m.enteredByName}
              </dd>
            </div>
            {m.note && (
              <div className="sm:col-span-2">
                <dt className="text-slate-500">{t('note')}</dt>
                <dd>{m.note}</dd>
              </div>
            )}
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t('state')}</dt>
              <dd className={m.closedOn ? 'text-green-800' : 'font-medium text-amber-700'}>
                {m.closedOn
                  ? t('closedInfo', {
                      date: isoDay(m.closedOn),
                      name: m.closedVerifiedBy ?? '',
                      note: m.closedNote ?? '',
                    })
                  : t('monitoring')}
              </dd>
            </div>
          </dl>
        </Card>
        <Card title={`${t('measuresTitle')} · ${tp('totalYuan', { yuan: measuresTotalYuan(m.measures) })}`}>
          <ul className="divide-y divide-slate-100 text-sm">
            {m.measures.map((x) => (
              <li key={x.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{tp(`kinds.${x.kind}`)}</span>：{x.target}
                  {x.amountYuan !== null && `（${tp('yuan', { yuan: x.amountYuan })}）`}
                </span>
                {manage ? (
                  <MeasureStatusForm
                    action={setMonitorMeasure}
                    measureId={x.id}
                    status={x.status}
                    label={tp(`kinds.${x.kind}`)}
                  />
                ) : (
                  <span className="text-slate-600">{tp(`statuses.${x.status}`)}</span>
                )}
              </li>
            ))}
          </ul>
        </Card>
        {m.warnings.length > 0 && (
          <Card title={t('warningsFrom')}>
            <ul className="space-y-1 text-sm">
              {m.warnings.map((w) => (
                <li key={w.id}>
                  <TextLink href={`/monitoring/warnings/${w.id}`}>{t(`causes.${w.cause}`)}</TextLink>（{w.year}）：
                  <WarningText detail={w.detail} />
                </li>
              ))}
            </ul>
          </Card>
        )}
        {manage && (
          <Card title={t('closeTitle')}>
            <CloseRiskForm monitoredId={m.id} version={m.version} today={chinaToday()} />
          </Card>
        )}
      </div>
    </>
  );
}
