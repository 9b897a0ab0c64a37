import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { DismissWarningForm, VerifyWarningForm } from '@/components/monitoring/forms';
import { WarningText } from '@/components/monitoring/warning-text';
import { Card, PageHeader } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { parseId } from '@/lib/http';
import { cadresForVillage, getWarning } from '@/lib/monitoring/data';
import { isoDay } from '@/lib/time';

export default async function WarningPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('monitor.view');
  const warning = await getWarning(viewer, parseId((await params).id) ?? notFound());
  return (
    <PageBody>
      <WarningContent viewer={viewer} warning={warning} />
    </PageBody>
  );
}

async function WarningContent({
  viewer,
  warning: w,
}: {
  viewer: Viewer;
  warning: Awaited<ReturnType<typeof getWarning>>;
}) {
  const t = await getTranslations('monitoring');
  const manage = can(viewer.role, 'monitor.manage') && w.status === 'OPEN';
  const cadres = manage ? await cadresForVillage(viewer, w.household.regionCode) : [];
  return (
    <>
      <PageHeader
        title={`${t('warningTitle')} · ${t(`causes.${w.cause}`)}`}
        description={<TextLink href="/monitoring">{t('back')}</TextLink>}
      />
      <div className="space-y-4">
        <Card>
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t('household')}</dt>
              <dd>
                <TextLink href={`/households/${w.household.id}`}>
                  {w.household.village.parent?.name} {w.household.village.name}
                  {w.household.groupName} · {w.household.headName}
                </TextLink>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('detail')}</dt>
              <dd>
                <WarningText detail={w.detail} />（{w.year}）
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('cadre')}</dt>
              <dd>{w.cadre ? <TextLink href={`/cadres/${w.cadre.id}`}>{w.cadre.name}</TextLink> : '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('dueOn')}</dt>
              <dd className={w.overdue ? 'font-semibold text-red-700' : ''}>
                {isoDay(w.dueOn)}
                {w.overdue && ` · ${t('overdue')}`}（{t('raisedOn')} {isoDay(w.raisedOn)}）
              </dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t('status')}</dt>
              <dd>
                {t(`warningStatuses.${w.status}`)}
                {w.resolvedOn && ` · ${t('resolvedBy', { date: isoDay(w.resolvedOn), name: w.resolvedByName ?? '' })}`}
                {w.reason && `：${w.reason}`}
                {w.monitoredId && (
                  <>
                    {' · '}
                    <TextLink href={`/monitoring/${w.monitoredId}`}>{t('monitoring')}</TextLink>
                  </>
                )}
              </dd>
            </div>
          </dl>
        </Card>
        {manage && (
          <>
            <Card title={t('verifyTitle')}>
              <VerifyWarningForm
                warningId={w.id}
                version={w.version}
                kind={w.suggestedKind}
                cause={w.cause}
                cadres={cadres}
              />
            </Card>
            <Card title={t('dismissTitle')}>
              <DismissWarningForm warningId={w.id} version={w.version} />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
