import type { Permission } from '@/lib/auth/permissions';

export type NavItem = { href: string; key: string; permission: Permission | null; icon: 'home' | 'house' | 'map' | 'users' | 'sliders' | 'scroll' | 'key' | 'flag' | 'check' };

// Menus shown only to roles that may use them; the pages and actions check again.
export const NAV_ITEMS: NavItem[] = [
  { href: '/', key: 'home', permission: null, icon: 'home' },
  { href: '/regions', key: 'regions', permission: 'region.view', icon: 'map' },
  { href: '/households', key: 'households', permission: 'household.view', icon: 'house' },
  { href: '/attendance', key: 'attendance', permission: 'attendance.checkin', icon: 'check' },
  { href: '/teams', key: 'teams', permission: 'team.view', icon: 'flag' },
  { href: '/admin/users', key: 'users', permission: 'user.manage', icon: 'users' },
  { href: '/admin/policy', key: 'policy', permission: 'policy.view', icon: 'sliders' },
  { href: '/audit', key: 'audit', permission: 'audit.view', icon: 'scroll' },
  { href: '/account', key: 'account', permission: 'account.self', icon: 'key' },
];
