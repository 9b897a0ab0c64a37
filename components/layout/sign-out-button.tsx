'use client';
import { LogOut } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { useOutbox } from '@/components/offline/outbox-provider';
import { useActionForm } from '@/components/ui/use-action-form';
import { logout } from '@/lib/auth/actions';
import { clearUser, isPending, listItems } from '@/lib/offline/outbox';
import { clearKeptPages } from '@/lib/offline/pages';

/**
 * Signing out leaves nothing of the user on the phone: entries not yet on the server are sent first where there
 * is signal; what still waits is named, and only removed with the user's consent (or the user stays signed in).
 */
const FLUSH_WAIT_MS = 8_000;

export function SignOutButton({ label }: { label: string }) {
  const t = useTranslations('outbox');
  const outbox = useOutbox();
  const { formAction, pending } = useActionForm(logout);
  const outboxCleared = useRef(false);
  const asking = useRef(false); // a second tap while the first one sends or asks does nothing
  return (
    <form
      action={formAction}
      onSubmit={async (event) => {
        if (!outbox || outboxCleared.current) return; // the second pass: the action signs out
        event.preventDefault();
        if (asking.current) return;
        asking.current = true;
        const form = event.currentTarget;
        try {
          // One try to send what waits, but a weak signal must not hold the sign-out for long.
          const queued = await listItems(outbox.userId).catch(() => []);
          if (queued.some(isPending) && navigator.onLine !== false)
            await Promise.race([outbox.flush(), new Promise((resolve) => setTimeout(resolve, FLUSH_WAIT_MS))]);
          const left = await listItems(outbox.userId).then(
            (items) => items.filter((item) => item.state !== 'stored').length,
            () => 0,
          );
          if (left > 0 && !window.confirm(t('signOutWithPending', { count: left }))) return;
          await clearUser(outbox.userId).catch(() => {});
          await clearKeptPages().catch(() => {});
          navigator.serviceWorker?.controller?.postMessage({ type: 'signedOut' });
          outboxCleared.current = true;
          form.requestSubmit();
        } finally {
          asking.current = false;
        }
      }}
    >
      <button
        type="submit"
        disabled={pending}
        className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <LogOut className="h-4 w-4" aria-hidden />
        {label}
      </button>
    </form>
  );
}
