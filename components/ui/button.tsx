'use client';
import type { ButtonHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';

const variants = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-brand-700/60',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:opacity-60',
  danger: 'border border-red-300 bg-white text-red-700 hover:bg-red-50 disabled:opacity-60',
} as const;

export function buttonClass(variant: keyof typeof variants = 'primary') {
  return `inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium shadow-sm transition ${variants[variant]}`;
}

/** A submit button that shows the form is being sent and cannot be tapped twice meanwhile. */
export function SubmitButton({ children, pendingText, variant = 'primary', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { pendingText?: string; variant?: keyof typeof variants }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass(variant)} {...props}>
      {pending && <span className="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
