import type { ActionState } from '@/lib/action-state';

/** The form-level outcome: an error the user must fix, or a success note. */
export function FormMessage({ state }: { state: ActionState }) {
  if (state.formError)
    return (
      <div
        role="alert"
        className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        data-form-error
      >
        {state.formError}
      </div>
    );
  if (state.ok && state.message)
    return (
      <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
        {state.message}
      </div>
    );
  return null;
}
