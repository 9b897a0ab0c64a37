import type { Permission } from '@/lib/auth/permissions';
import type { Messages } from '@/lib/i18n/messages';

/** `phone`: also in the bottom bar on phones (which holds six at most); the rest are desk work. */
export type NavItem = {
  href: string;
  key: keyof Messages['nav'];
  permission: Permission | null;
  phone: boolean;
  icon:
    | 'home'
    | 'house'
    | 'map'
    | 'users'
    | 'sliders'
    | 'scroll'
    | 'key'
    | 'flag'
    | 'check'
    | 'handshake'
    | 'badge'
    | 'clipboard'
    | 'alert'
    | 'chart'
    | 'search'
    | 'award'
    | 'book';
};

// Menus shown only to roles that may use them; the pages and actions check again.
export const NAV_ITEMS: NavItem[] = [
  { href: '/', key: 'home', permission: null, phone: true, icon: 'home' },
  { href: '/dashboard', key: 'dashboard', permission: 'region.view', phone: true, icon: 'chart' },
  { href: '/regions', key: 'regions', permission: 'region.view', phone: false, icon: 'map' },
  { href: '/households', key: 'households', permission: 'household.view', phone: true, icon: 'house' },
  { href: '/attendance', key: 'attendance', permission: 'attendance.checkin', phone: true, icon: 'check' },
  { href: '/teams', key: 'teams', permission: 'team.view', phone: false, icon: 'flag' },
  { href: '/my-households', key: 'myHouseholds', permission: 'pairing.own', phone: true, icon: 'handshake' },
  { href: '/pairings', key: 'pairings', permission: 'cadre.view', phone: false, icon: 'badge' },
  { href: '/visits', key: 'visits', permission: 'visit.view', phone: false, icon: 'clipboard' },
  { href: '/problems', key: 'problems', permission: 'problem.view', phone: false, icon: 'alert' },
  { href: '/projects', key: 'projects', permission: 'project.view', phone: false, icon: 'chart' },
  { href: '/monitoring', key: 'monitoring', permission: 'monitor.view', phone: false, icon: 'alert' },
  { href: '/inspections', key: 'inspections', permission: 'inspection.view', phone: true, icon: 'search' },
  { href: '/assessment', key: 'assessment', permission: 'assessment.view', phone: false, icon: 'award' },
  { href: '/admin/users', key: 'users', permission: 'user.manage', phone: false, icon: 'users' },
  { href: '/admin/approvals', key: 'approvals', permission: 'user.approve', phone: false, icon: 'users' },
  { href: '/admin/policy', key: 'policy', permission: 'policy.view', phone: false, icon: 'sliders' },
  { href: '/audit', key: 'audit', permission: 'audit.view', phone: false, icon: 'scroll' },
  { href: '/account', key: 'account', permission: 'account.self', phone: true, icon: 'key' },
  { href: '/glossary', key: 'glossary', permission: null, phone: false, icon: 'book' },
];
