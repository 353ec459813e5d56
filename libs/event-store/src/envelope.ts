import type { Actor } from '@kom/kernel';

/** The metadata every stored event carries. Written by the command path, never by clients. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  /** The name of the command that produced the event. */
  readonly command: string;
  /** When it happened, from the injected clock (ISO 8601). */
  readonly occurredAt: string;
  readonly schemaVersion: number;
}
