'use client';
import type { ButtonHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';
import { type BUTTON_VARIANTS, buttonClass } from './button-class';

/** A submit button that shows the form is being sent and cannot be tapped twice meanwhile. */
export function SubmitButton({
  children,
  pendingText,
  variant = 'primary',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { pendingText?: string; variant?: keyof typeof BUTTON_VARIANTS }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass(variant)} {...props}>
      {pending && (
        <span className="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
      )}
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
