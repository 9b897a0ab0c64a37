'use client';
import {
  Award,
  BadgeCheck,
  BookOpen,
  CalendarCheck,
  ChartColumn,
  ClipboardList,
  Flag,
  Handshake,
  Home,
  House,
  KeyRound,
  Map as MapIcon,
  ScrollText,
  SearchCheck,
  SlidersHorizontal,
  TriangleAlert,
  Users,
} from 'lucide-react';
import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import { useRememberedHrefs } from './remembered-list';

const ICONS = {
  home: Home,
  house: House,
  map: MapIcon,
  users: Users,
  sliders: SlidersHorizontal,
  scroll: ScrollText,
  key: KeyRound,
  flag: Flag,
  check: CalendarCheck,
  handshake: Handshake,
  badge: BadgeCheck,
  clipboard: ClipboardList,
  alert: TriangleAlert,
  chart: ChartColumn,
  search: SearchCheck,
  award: Award,
  book: BookOpen,
};

export type NavLink = { href: string; label: string; icon: keyof typeof ICONS; phone: boolean };

function isActive(pathname: string, href: string) {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** Spins on a link from the click until its page answers: feedback at once, however slow the phone's connection. */
function Pending({ className = '' }: { className?: string }) {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden
      data-pending={pending || undefined}
      className={`h-3 w-3 rounded-full border-2 border-current border-t-transparent ${pending ? 'animate-spin' : 'invisible'} ${className}`}
    />
  );
}

export function SideNav({ links, label }: { links: NavLink[]; label: string }) {
  const pathname = usePathname();
  const remembered = useRememberedHrefs(links.map((link) => link.href));
  return (
    <nav className="space-y-1" aria-label={label}>
      {links.map(({ href, label, icon }) => {
        const Icon = ICONS[icon];
        const active = isActive(pathname, href);
        return (
          <Link
            key={href}
            href={remembered[href] ?? href}
            aria-current={active ? 'page' : undefined}
            className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm ${active ? 'bg-brand-50 font-semibold text-brand-800' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            <Icon className="h-4 w-4" aria-hidden />
            {label}
            <Pending className="ml-auto" />
          </Link>
        );
      })}
    </nav>
  );
}

/** Phone navigation: a bar at the bottom within thumb reach. */
export function BottomNav({ links, label }: { links: NavLink[]; label: string }) {
  const pathname = usePathname();
  const remembered = useRememberedHrefs(links.map((link) => link.href));
  return (
    <nav
      className="no-print fixed inset-x-0 bottom-0 z-20 flex border-t border-slate-200 bg-white md:hidden"
      aria-label={label}
    >
      {links.map(({ href, label, icon }) => {
        const Icon = ICONS[icon];
        const active = isActive(pathname, href);
        return (
          <Link
            key={href}
            href={remembered[href] ?? href}
            aria-current={active ? 'page' : undefined}
            className={`relative flex min-h-14 flex-1 flex-col items-center justify-center gap-0.5 text-xs ${active ? 'font-semibold text-brand-700' : 'text-slate-600'}`}
          >
            <Icon className="h-5 w-5" aria-hidden />
            {label}
            <Pending className="absolute top-1.5 right-2" />
          </Link>
        );
      })}
    </nav>
  );
}
