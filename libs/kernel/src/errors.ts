/**
 * Domain refusals. Each maps to one GraphQL `extensions.code`; `reason` is a stable key a client
 * can branch on (`MEETING_ALREADY_CANCELLED`).
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** The input breaks a rule of the domain (a bad date, an empty title). */
export class InvalidInput extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  override readonly name = 'InvalidInput';
  /** The input field refused (`description`), when one is to blame: a form shows the reason there. */
  constructor(
    reason: string,
    message: string = reason,
    readonly field?: string,
  ) {
    super(reason, message);
  }
}

/** The aggregate is in a state where the command does not apply. */
export class InvalidState extends DomainError {
  readonly code = 'CONFLICT';
  override readonly name = 'InvalidState';
  constructor(reason: string, message: string = reason) {
    super(reason, message);
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  override readonly name = 'NotFound';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    // Entities are named as people read them ('webhook endpoint'); a reason is a key without spaces.
    super(`${entity.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_NOT_FOUND`, `${entity} ${id} not found`);
  }
}

/** The actor may not do this (wrong role, or acting for another organisation). */
export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN';
  override readonly name = 'Forbidden';
  constructor(reason: string, message: string = reason) {
    super(reason, message);
  }
}

/**
 * The stream moved on: concurrent writers kept winning after the bounded retries, or the client's
 * expected revision is stale. Carries both revisions so a client can reload and decide again.
 */
export class ConcurrencyConflict extends DomainError {
  readonly code = 'CONFLICT';
  override readonly name = 'ConcurrencyConflict';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
    /** -1n: the writer expected no stream. */
    readonly expectedRevision: bigint,
    /** -1n: the stream does not exist. */
    readonly actualRevision: bigint,
  ) {
    super(
      'CONCURRENT_MODIFICATION',
      `${streamId} is at revision ${actualRevision}, not ${expectedRevision}; reload and try again`,
    );
  }
}
