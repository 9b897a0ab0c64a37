'use client';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { SubmitButton } from './button';
import { type BUTTON_VARIANTS, buttonClass } from './button-class';

/**
 * A submit that asks first, for what cannot be taken back with one tap: the first tap says what will happen,
 * the second does it, 返回 steps back. Inside a form keyed per attempt (useActionForm's formKey), a refused
 * answer brings the first button back.
 */
export function ConfirmSubmit({
  label,
  question,
  confirmLabel,
  variant = 'primary',
}: {
  label: string;
  /** What will happen, in the user's words: who, how many, and what cannot be undone. */
  question: string;
  confirmLabel?: string;
  variant?: keyof typeof BUTTON_VARIANTS;
}) {
  const t = useTranslations('common');
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  if (!asking)
    return (
      <button type="button" className={buttonClass(variant)} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div className="w-full space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="confirm-step">
      <p id={questionId} className="text-sm text-amber-900">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        {/* Focus moves here, so the question is read out and Enter confirms. */}
        <SubmitButton variant={variant} aria-describedby={questionId} autoFocus>
          {confirmLabel ?? t('confirmLabel', { action: label })}
        </SubmitButton>
        <button type="button" className={buttonClass('secondary')} onClick={() => setAsking(false)}>
          {t('back')}
        </button>
      </div>
    </div>
  );
}
