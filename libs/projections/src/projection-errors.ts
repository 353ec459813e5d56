/** A projection threw while applying an event: its batch was rolled back and the runner stopped. */
export class ProjectionApplyError extends Error {
  override readonly name = 'ProjectionApplyError';
  constructor(
    readonly projection: string,
    readonly eventType: string,
    readonly position: bigint,
    readonly eventId: string,
    options: { cause: unknown },
  ) {
    super(
      `Projection "${projection}" failed to apply ${eventType} at position ${position} (event ${eventId}): ` +
        `${options.cause instanceof Error ? options.cause.message : String(options.cause)}`,
      options,
    );
  }
}

/** The runner is no longer running: a waitFor() on it cannot be satisfied. */
export class ProjectionRunnerStoppedError extends Error {
  override readonly name = 'ProjectionRunnerStoppedError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** waitFor() gave up before every projection had committed the position. */
export class ProjectionTimeoutError extends Error {
  override readonly name = 'ProjectionTimeoutError';
  constructor(
    readonly position: bigint,
    readonly timeoutMs: number,
    readonly behind: ReadonlyArray<{ name: string; position: bigint }>,
  ) {
    super(
      `Read models did not reach position ${position} within ${timeoutMs} ms; behind: ` +
        behind.map((p) => `${p.name}@${p.position}`).join(', '),
    );
  }
}
