'use client';
import type { ButtonHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';
import { type BUTTON_VARIANTS, buttonClass } from './button-class';
import { Spinner } from './spinner';

/**
 * A submit button that shows the form is being sent and cannot be tapped twice meanwhile. It knows that from
 * the form's action; a form that sends from its own submit handler says so with `pending`.
 */
export function SubmitButton({
  children,
  pendingText,
  pending: sending,
  variant = 'primary',
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  pendingText?: string;
  pending?: boolean;
  variant?: keyof typeof BUTTON_VARIANTS;
}) {
  const status = useFormStatus();
  const pending = sending ?? status.pending;
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      // A caller's classes add to the variant's (width, size), never replace them.
      className={className ? `${buttonClass(variant)} ${className}` : buttonClass(variant)}
      {...props}
    >
      {pending && <Spinner />}
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
