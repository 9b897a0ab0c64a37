import { getTranslations } from 'next-intl/server';
import { OutboxBadge } from '@/components/offline/outbox-badge';
import { OutboxProvider } from '@/components/offline/outbox-provider';
import { ServiceWorkerRegistration } from '@/components/offline/service-worker-registration';
import type { Viewer } from '@/lib/auth/data';
import { can } from '@/lib/auth/permissions';
import { LanguageSwitch } from './language-switch';
import { NAV_ITEMS } from './nav-items';
import { BottomNav, type NavLink, SideNav } from './nav-links';
import { SignOutButton } from './sign-out-button';

/** The signed-in pages' frame: the side menu (desktop), header with the outbox and sign-out, the phone's bottom bar. */
export async function AppShell({ viewer, children }: { viewer: Viewer; children: React.ReactNode }) {
  const t = await getTranslations();
  const links: NavLink[] = NAV_ITEMS.filter(
    (item) => item.permission === null || can(viewer.role, item.permission),
  ).map((item) => ({
    href: item.href,
    label: t(`nav.${item.key}`),
    icon: item.icon,
    phone: item.phone,
  }));
  return (
    <OutboxProvider userId={String(viewer.userId)}>
      <ServiceWorkerRegistration userId={String(viewer.userId)} />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-3 focus:text-brand-700 focus:shadow"
      >
        {t('nav.skipToContent')}
      </a>
      <div className="min-h-screen md:flex">
        <aside className="no-print hidden w-56 shrink-0 border-r border-slate-200 bg-white md:flex md:flex-col">
          <div className="border-b border-slate-100 px-4 py-4">
            <div className="text-base font-bold text-brand-800">{t('app.name')}</div>
            <div className="text-xs text-slate-500">{t('app.tagline')}</div>
          </div>
          <div className="flex-1 p-2">
            <SideNav links={links} label={t('nav.menu')} />
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="no-print sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur">
            <div className="min-w-0">
              <div className="truncate text-sm font-medium text-slate-800" data-testid="viewer-name">
                {viewer.displayName}
              </div>
              <div className="truncate text-xs text-slate-500">
                {t(`roles.${viewer.role}`)} · {viewer.scopeName}
              </div>
            </div>
            <div className="flex shrink-0 items-center gap-3">
              <OutboxBadge />
              <LanguageSwitch />
              <SignOutButton label={t('nav.signOut')} />
            </div>
          </header>
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto focus:outline-none w-full max-w-6xl flex-1 px-3 pt-4 pb-24 md:px-6 md:pb-8"
          >
            {children}
          </main>
        </div>
        <BottomNav links={links.filter((link) => link.phone)} label={t('nav.phoneMenu')} />
      </div>
    </OutboxProvider>
  );
}
