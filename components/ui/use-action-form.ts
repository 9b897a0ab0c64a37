'use client';
import { unstable_rethrow } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState } from 'react';
import { useOutbox } from '@/components/offline/outbox-provider';
import { type ActionState, initialActionState } from '@/lib/action-state';
import { newClientKey, newItem, type OutboxKind } from '@/lib/offline/outbox';

/** A form whose entry may wait in the outbox when there is no signal (field work: month grid, problem steps). */
export type OfflineEntry = {
  kind: OutboxKind;
  /** The line the outbox shows, from what was typed. */
  label: (values: Record<string, string>) => string;
};

/** What was typed, from the payload a form sent (secrets left out, as the server's own echo does). */
function typedValues(payload: unknown): Record<string, string> | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const entries = payload instanceof FormData ? [...payload.entries()] : Object.entries(payload);
  const values: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key.startsWith('$ACTION') || /password/i.test(key)) continue;
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

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
 *
 * A request that never gets its answer (no signal, the server gone) is an answer too: the form says nothing
 * was saved and keeps what was typed, instead of the error page taking the whole screen. With `offline`, an
 * entry made without signal goes into the outbox instead and is sent by itself later.
 */
export function useActionForm<Payload = FormData, State extends ActionState = ActionState>(
  action: (state: State, payload: Payload) => Promise<State>,
  initialState: State = initialActionState as State,
  offline?: OfflineEntry,
) {
  const t = useTranslations();
  const outbox = useOutbox();
  const guarded = async (previous: State, payload: Payload): Promise<State> => {
    // An entry that may be queued carries its key from the first try: were that try stored and its answer lost,
    // the queued copy is then recognised and stored once.
    if (offline && payload instanceof FormData && !payload.get('clientKey')) payload.set('clientKey', newClientKey());
    try {
      return await action(previous, payload);
    } catch (error) {
      unstable_rethrow(error); // redirects and not-found are Next's own answers, not failures
      const noSignal = (typeof navigator !== 'undefined' && navigator.onLine === false) || error instanceof TypeError;
      const values = typedValues(payload) ?? previous.values;
      const attempt = (previous.attempt ?? 0) + 1;
      if (noSignal && offline && outbox && values) {
        try {
          await outbox.enqueue(
            newItem({
              userId: outbox.userId,
              kind: offline.kind,
              label: offline.label(values),
              href: window.location.pathname + window.location.search,
              clientKey: values.clientKey,
              payload: values,
            }),
          );
          return {
            ...previous,
            ok: true,
            formError: undefined,
            fieldErrors: undefined,
            values: undefined,
            message: t('outbox.queued'),
            attempt,
          };
        } catch {
          // The browser would not keep it: fall through to "nothing saved", the form keeps the text.
        }
      }
      return {
        ...previous,
        ok: false,
        message: undefined,
        fieldErrors: undefined,
        formError: t(noSignal ? 'errors.networkFailed' : 'errors.sendFailed'),
        values,
        attempt,
      };
    }
  };
  // Awaited<State> is State (an object type), which TypeScript cannot see through a type parameter.
  const [state, formAction, pending] = useActionState<State, Payload>(
    guarded as (state: Awaited<State>, payload: Payload) => Promise<State>,
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
