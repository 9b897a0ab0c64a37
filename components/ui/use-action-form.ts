'use client';
import { startTransition, useActionState } from 'react';
import { type ActionState, initialActionState } from '@/lib/action-state';

/**
 * The one way a form talks to its server action: React's useActionState plus what every form reads off the
 * answer. A refused answer echoes what was typed (`state.values`, never on success), so the fields show it
 * again; `formKey` changes with every answer, and a form keyed with it is remounted, which is what makes
 * selects and checkboxes take the echoed values (React resets a form after its action).
 *
 * ```tsx
 * const form = useActionForm(saveThing);
 * <form action={form.formAction} key={form.formKey(thing.version)} noValidate>
 *   <FormMessage state={form.state} />
 *   <TextField name="name" label={…} defaultValue={form.defaultValue('name', thing.name)} errors={form.fieldError('name')} />
 * ```
 *
 * A form that sends from its own submit handler (not a `<form action>`) calls `submit(payload)` instead.
 */
export function useActionForm<Payload = FormData, State extends ActionState = ActionState>(
  action: (state: State, payload: Payload) => Promise<State>,
  initialState: State = initialActionState as State,
) {
  // Awaited<State> is State (an object type), which TypeScript cannot see through a type parameter.
  const [state, formAction, pending] = useActionState<State, Payload>(
    action as (state: Awaited<State>, payload: Payload) => Promise<State>,
    initialState as Awaited<State>,
  );
  const errors = state.fieldErrors ?? {};
  const values = state.values;
  return {
    state,
    formAction,
    /** True from the moment the form is sent until its answer is in. */
    pending,
    /** All field errors of the last answer, by field name. */
    errors,
    /** The errors of one field, for its `errors` prop (undefined when it has none). */
    fieldError: (name: string): string[] | undefined => errors[name],
    /** What was typed into the field before a refused answer, else `fallback` (the stored or default value). */
    defaultValue: <F extends string | undefined = undefined>(name: string, fallback?: F): string | F =>
      values?.[name] ?? (fallback as F),
    /** A checkbox's state before a refused answer (ticked boxes are sent as 'on'), else `fallback`. */
    defaultChecked: (name: string, fallback?: boolean): boolean | undefined =>
      values ? values[name] === 'on' : fallback,
    /** The form's `key`: the given parts (e.g. the record's version) and the number of answers so far. */
    formKey: (...parts: (string | number | null | undefined)[]) => [...parts, state.attempt ?? 0].join('-'),
    /** Sends `payload` to the action from an event handler, as a transition (what `<form action>` does itself). */
    submit: (payload: Payload) => startTransition(() => formAction(payload)),
  };
}
