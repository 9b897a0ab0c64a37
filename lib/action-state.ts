// What every server action returns to its form (shared by server and client code).
export type ActionState = {
  ok: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, returned on failure so the form keeps it. */
  values?: Record<string, string>;
  /** Data to show once, e.g. an issued password; never audited. */
  data?: Record<string, string>;
  /**
   * Changes with every answer. Forms use it in their `key`: React resets a form after its action, and
   * only a remount makes selects and checkboxes show the returned values again.
   */
  attempt?: number;
};

export const initialActionState: ActionState = { ok: false };
