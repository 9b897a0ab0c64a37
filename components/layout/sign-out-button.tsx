'use client';
import { LogOut } from 'lucide-react';
import { useActionForm } from '@/components/ui/use-action-form';
import { logout } from '@/lib/auth/actions';

export function SignOutButton({ label }: { label: string }) {
  const { formAction, pending } = useActionForm(logout);
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
