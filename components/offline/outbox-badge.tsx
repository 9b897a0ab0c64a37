'use client';
import { CloudUpload } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useOutboxItems } from './outbox-provider';

/** How many entries wait to be sent or corrected; nothing when the outbox is empty. */
export function OutboxBadge() {
  const t = useTranslations('outbox');
  const { items, pendingCount } = useOutboxItems();
  if (pendingCount === 0) return null;
  const refused = items.some((item) => item.state === 'refused');
  return (
    <Link
      href="/outbox"
      className={`inline-flex min-h-11 items-center gap-1 rounded-full px-3 text-sm font-medium ${
        refused ? 'bg-amber-100 text-amber-900' : 'bg-sky-100 text-sky-900'
      }`}
      data-testid="outbox-badge"
    >
      <CloudUpload className="h-4 w-4" aria-hidden />
      <span>{t('badge', { count: pendingCount })}</span>
    </Link>
  );
}
