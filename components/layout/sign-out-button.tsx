'use client';
import { LogOut } from 'lucide-react';
import { useActionState } from 'react';
import { initialActionState } from '@/lib/action-state';
import { logout } from '@/lib/auth/actions';

export function SignOutButton({ label }: { label: string }) {
  const [, formAction, pending] = useActionState(logout, initialActionState);
  return (
    <form action={formAction}>
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
