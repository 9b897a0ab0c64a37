// Errors an action handler throws on purpose; the action wrapper turns them into ActionState.
// Messages are keys into messages/*.json ("errors" namespace) so they follow the user's language.

export class NotFoundError extends Error {
  constructor() {
    super('errors.notFound');
  }
}

/** A rule refused the request. `field` puts the message beside that field. */
export class RefusedError extends Error {
  constructor(
    public readonly key: string,
    public readonly field?: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** The record changed since the user loaded it (optimistic locking). */
export class ConflictError extends Error {
  constructor() {
    super('errors.conflict');
  }
}
