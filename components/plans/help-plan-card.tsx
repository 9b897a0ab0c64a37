import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Disclosure } from '@/components/ui/disclosure';
import { TextLink } from '@/components/ui/text-link';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { setMeasureStatus } from '@/lib/plans/actions';
import { planOfHousehold } from '@/lib/plans/data';
import { measuresDone, measuresTotalYuan } from '@/lib/plans/rules';
import { isoDay } from '@/lib/time';
import { HelpPlanForm } from './help-plan-form';
import { MeasureStatusForm } from './measure-status-form';

/** 一户一策一干部 on the household page: this year's plan, its cadre (the paired cadre), its measures. */
export async function HelpPlanCard({ viewer, householdId }: { viewer: Viewer; householdId: number }) {
  const [{ year, current, latest, pairedCadre }, t, format] = await Promise.all([
    planOfHousehold(viewer, householdId),
    getTranslations('plans'),
    getFormatter(),
  ]);
  const editable = can(viewer.role, 'plan.edit');
  const shown = current ?? latest;
  const progress = shown ? measuresDone(shown.measures) : null;
  const asForm = (p: NonNullable<typeof shown>) => ({
    version: p.version,
    incomeTargetYuan: p.incomeTargetYuan,
    agreedOn: p.agreedOn ? isoDay(p.agreedOn) : null,
    measures: p.measures,
  });
  return (
    <Card title={t('title', { year })}>
      {shown ? (
        <div className="mb-4 space-y-2 text-sm">
          {!current && <p className="text-amber-700">{t('noCurrentPlan', { year, lastYear: shown.year })}</p>}
          <p>
            {t('incomeTarget')}：{format.number(shown.incomeTargetYuan)}
            {' · '}
            {t('responsible')}：
            {shown.cadre ? (
              <TextLink href={`/cadres/${shown.cadre.id}`}>{shown.cadre.name}</TextLink>
            ) : (
              <span className="text-slate-500">{t('noCadre')}</span>
            )}
            {progress && ` · ${t('progress', progress)}`}
            {` · ${t('totalYuan', { yuan: measuresTotalYuan(shown.measures) })}`}
          </p>
          <ul className="divide-y divide-slate-100">
            {shown.measures.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{t(`kinds.${m.kind}`)}</span>：{m.target}
                  {m.amountYuan !== null && `（${t('yuan', { yuan: m.amountYuan })}）`}
                </span>
                {editable && current ? (
                  <MeasureStatusForm
                    action={setMeasureStatus}
                    measureId={m.id}
                    status={m.status}
                    label={t(`kinds.${m.kind}`)}
                  />
                ) : (
                  <span className="text-slate-600">{t(`statuses.${m.status}`)}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mb-4 text-sm text-slate-500">{t('noPlan')}</p>
      )}
      {editable &&
        (pairedCadre ? (
          <Disclosure
            initiallyOpen={!current}
            summary={current ? t('edit') : t('create', { year })}
            summaryClassName="cursor-pointer text-sm font-medium text-brand-700"
          >
            <p className="my-2 text-sm text-slate-600">{t('cadreIsPaired', { name: pairedCadre.name })}</p>
            <HelpPlanForm
              householdId={householdId}
              plan={current ? asForm(current) : undefined}
              base={!current && latest ? asForm(latest) : undefined}
            />
          </Disclosure>
        ) : (
          <p className="text-sm text-amber-700">{t('needsPairing')}</p>
        ))}
    </Card>
  );
}
