import type { Position } from '@kom/event-store';

export const RECORDED_NOT_VISIBLE = 'RECORDED_NOT_VISIBLE';

export interface RecordedWrite {
  /** The stream the command appended to (for a multi-step workflow: the last one). */
  readonly streamId: string;
  /** The stream's revision after the append, when known. */
  readonly revision?: bigint;
  /** The log position of the last event appended. */
  readonly position: Position;
}

/**
 * The command's events ARE in the log, but this replica cannot yet show their effect (a read
 * model or a reactor is behind, stopped, or timed out). Never a refusal: retrying would record the
 * command again. The client reads the result later, or waits for `position`.
 */
export class RecordedNotVisible extends Error {
  override readonly name = 'RecordedNotVisible';
  readonly code = RECORDED_NOT_VISIBLE;

  constructor(
    readonly write: RecordedWrite,
    /** Read models and reactors that have not reached the position. */
    readonly lagging: readonly string[],
    options: { cause: unknown },
  ) {
    super(
      `Recorded at position ${write.position} (${write.streamId}${write.revision === undefined ? '' : `@${write.revision}`}), ` +
        `not yet visible here${lagging.length ? `: ${lagging.join(', ')} behind` : ''}. Do not send it again; read it later.`,
      options,
    );
  }

  /** The GraphQL extensions a client branches on. */
  extensions(): Record<string, unknown> {
    return {
      code: RECORDED_NOT_VISIBLE,
      reason: 'READ_MODELS_BEHIND',
      recorded: true,
      position: String(this.write.position),
      streamId: this.write.streamId,
      revision: this.write.revision === undefined ? null : String(this.write.revision),
      lagging: [...this.lagging],
    };
  }
}

/**
 * Waits for `visible`; when that fails the write is still answered as recorded, with what lags.
 * The one place a committed write's wait turns into an answer.
 */
export async function awaitVisible(write: RecordedWrite, visible: Promise<unknown>, lagging: () => readonly string[]): Promise<void> {
  try {
    await visible;
  } catch (cause) {
    let behind: readonly string[] = [];
    try {
      behind = lagging();
    } catch {
      // what lags is a courtesy; the answer is "recorded" regardless
    }
    throw new RecordedNotVisible(write, behind, { cause });
  }
}
