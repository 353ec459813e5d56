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
  /**
   * Added by the store on append (both adapters; never by writers): the hash of the previous event
   * of the stream (64 zeros for the first) and this event's own hash. See hash-chain.ts.
   */
  readonly prevHash?: string;
  readonly hash?: string;
}
