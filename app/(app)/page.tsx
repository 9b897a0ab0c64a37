import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageBody } from '@/components/layout/page-body';
import { buttonClass } from '@/components/ui/button-class';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { auditSummary } from '@/lib/audit/data';
import { requireViewer, type Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/enums';
import { areaSummary } from '@/lib/regions/data';
import { accountCounts } from '@/lib/users/data';

export default async function HomePage() {
  const viewer = await requireViewer();
  return (
    <PageBody>
      <HomeContent viewer={viewer} />
    </PageBody>
  );
}

async function HomeContent({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations();
  const [area, accounts, audit] = await Promise.all([
    can(viewer.role, 'region.view') ? areaSummary(viewer) : null,
    can(viewer.role, 'user.manage') ? accountCounts(viewer) : null,
    can(viewer.role, 'audit.view') ? auditSummary(viewer) : null,
  ]);
  return (
    <>
      <PageHeader title={t('home.title', { area: viewer.scopeName })} description={t('home.description')} />
      {(can(viewer.role, 'attendance.checkin') ||
        can(viewer.role, 'visit.create') ||
        can(viewer.role, 'pairing.own')) && (
        <nav aria-label={t('home.fieldWork')} className="mb-4 grid grid-cols-1 gap-2 sm:grid-cols-3">
          {can(viewer.role, 'attendance.checkin') && (
            <Link href="/attendance" className={`${buttonClass('primary')} py-3`}>
              {t('nav.attendance')}
            </Link>
          )}
          {can(viewer.role, 'visit.create') && (
            <Link href="/visits/new" className={`${buttonClass('secondary')} py-3`}>
              {t('visits.newVisit')}
            </Link>
          )}
          {can(viewer.role, 'pairing.own') && (
            <Link href="/my-households" className={`${buttonClass('secondary')} py-3`}>
              {t('pairings.myTitle')}
            </Link>
          )}
        </nav>
      )}
      {area && (
        <section className="space-y-3" aria-labelledby="area-heading">
          <h2 id="area-heading" className="sr-only">
            {t('home.area')}
          </h2>
          {area.village ? (
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
              <Stat
                label={t('regions.isPoorVillage')}
                value={area.village.isPoorVillage ? t('common.yes') : t('common.no')}
              />
              <Stat label={t('regions.plannedExitYear')} value={area.village.plannedExitYear ?? '—'} />
              <Stat label={t('regions.exitedYear')} value={area.village.exitedYear ?? '—'} />
            </div>
          ) : (
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
              {viewer.scopeCode.length < 9 && <Stat label={t('home.townships')} value={area.townships} />}
              <Stat label={t('home.villages')} value={area.villages} />
              <Stat label={t('home.poorVillages')} value={area.poorVillages} />
              <Stat label={t('home.exitedPoorVillages')} value={area.exitedPoorVillages} />
              <Stat label={t('home.plannedExitThisYear')} value={area.plannedExitThisYear} />
            </div>
          )}
          <div className="flex flex-wrap gap-4">
            <TextLink href="/dashboard" className="inline-block text-sm font-medium">
              {t('home.openDashboard')} →
            </TextLink>
            <TextLink href={`/regions/${viewer.scopeCode}`} className="inline-block text-sm font-medium">
              {area.village ? t('home.openVillage') : t('home.browseArea')} →
            </TextLink>
          </div>
        </section>
      )}
      {accounts && (
        <Card
          title={t('home.accounts')}
          actions={
            <TextLink href="/admin/users" className="text-sm">
              {t('nav.users')} →
            </TextLink>
          }
        >
          <ul className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
            {[
              ...accounts.reduce((byRole, row) => {
                const entry = byRole.get(row.role) ?? { active: 0, disabled: 0 };
                entry[row.disabled ? 'disabled' : 'active'] += row.count;
                return byRole.set(row.role, entry);
              }, new Map<Role, { active: number; disabled: number }>()),
            ].map(([role, counts]) => (
              <li key={role} className="flex justify-between rounded-md bg-slate-50 px-3 py-2">
                <span>{t(`roles.${role}`)}</span>
                <span className="tabular-nums">{t('home.activeDisabled', counts)}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {audit && (
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label={t('home.auditToday')} value={audit.today} />
          <Stat label={t('home.auditRefusedToday')} value={audit.refusedToday} />
          <Stat label={t('home.auditInvalidToday')} value={audit.invalidToday} />
          <Stat
            label={t('home.auditTotal')}
            value={audit.total}
            hint={<TextLink href="/audit">{t('nav.audit')} →</TextLink>}
          />
        </div>
      )}
    </>
  );
}
