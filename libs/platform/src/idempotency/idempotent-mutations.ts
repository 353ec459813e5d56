import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InvalidInput, InvalidState, type Actor } from '@kom/kernel';
import { CLOCK, type Clock } from '../clock';
import { acceptedFingerprints, assertIdempotencyKey, requestFingerprint, sha256 } from './idempotency-key';
import { IDEMPOTENCY_STORE, type IdempotencyScope, type IdempotencyStore } from './idempotency-store.port';
import { RecordedNotVisible } from '../command/recorded-not-visible';

export interface IdempotentRequest {
  readonly actor: Actor;
  /** The mutation's name. */
  readonly operation: string;
  readonly key: string | null | undefined;
  /** What the client sent (the key inside it is ignored). */
  readonly input: unknown;
}

export interface IdempotencyTimings {
  /** How long a key answers with its first result. */
  readonly retentionMs: number;
  /** After this, a claim whose process never finished it is taken over. */
  readonly leaseMs: number;
  /** How long a request waits for another one with the same key before answering CONFLICT. */
  readonly waitMs: number;
  readonly pollMs: number;
}

export const DEFAULT_IDEMPOTENCY_TIMINGS: IdempotencyTimings = {
  retentionMs: 24 * 60 * 60 * 1000,
  leaseMs: 2 * 60 * 1000,
  waitMs: 30_000,
  pollMs: 20,
};

export const IDEMPOTENCY_TIMINGS = Symbol.for('kom.IdempotencyTimings');

/**
 * Resolves once this replica's read models show everything the log holds now; rejects (with
 * RecordedNotVisible) when they do not in time. A replayed outcome may have been written by another
 * replica a moment ago, and the caller reads it from this replica's read models next.
 */
export type ReplayVisibility = () => Promise<void>;
export const REPLAY_VISIBILITY = Symbol.for('kom.ReplayVisibility');

interface InFlight {
  readonly fingerprint: string;
  readonly promise: Promise<unknown>;
}

/**
 * Runs a creating mutation at most once per (actor, operation, idempotency key) within the
 * retention period. Identical concurrent calls in this process share one execution; other
 * processes find the claim in the shared store and wait for its result. `work` returns what
 * identifies the outcome (the new ids, as JSON): a replay gets exactly that back.
 *
 * A refusal (or any failure before the write) releases the key: nothing was recorded, so the client
 * may correct the request and retry with the same key. A write recorded but not yet shown
 * (RecordedNotVisible) keeps it: a retry must not write again. `remember` gives the outcome before
 * the write (the new id), so that a retry answers with it; without it, a retry answers
 * RECORDED_NOT_VISIBLE with the same write again.
 */
@Injectable()
export class IdempotentMutations {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDEMPOTENCY_TIMINGS) private readonly timings: IdempotencyTimings,
    @Optional() @Inject(REPLAY_VISIBILITY) private readonly visible: ReplayVisibility = async () => undefined,
  ) {}

  async run<T>(request: IdempotentRequest, work: (remember: Remember<T>) => Promise<T>): Promise<T> {
    if (request.key === null || request.key === undefined) return work((value) => value);
    assertIdempotencyKey(request.key);
    const scope: IdempotencyScope = {
      userId: request.actor.userId,
      organizationId: request.actor.organizationId,
      operation: request.operation,
      keyHash: sha256(request.key),
    };
    const fingerprint = requestFingerprint(request.input);
    const local = [scope.userId, scope.organizationId, scope.operation, scope.keyHash].join('\u0000');
    const running = this.inFlight.get(local);
    if (running) {
      if (running.fingerprint !== fingerprint) throw reused();
      return running.promise as Promise<T>;
    }
    const promise = this.execute(scope, fingerprint, acceptedFingerprints(request.input), work).finally(() => this.inFlight.delete(local));
    this.inFlight.set(local, { fingerprint, promise });
    return promise;
  }

  private async execute<T>(scope: IdempotencyScope, fingerprint: string, accepted: ReadonlySet<string>, work: (remember: Remember<T>) => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + this.timings.waitMs;
    for (;;) {
      const now = this.clock.now();
      const claim = await this.store.claim(scope, fingerprint, {
        now,
        expiredBefore: new Date(now.getTime() - this.timings.retentionMs),
        abandonedBefore: new Date(now.getTime() - this.timings.leaseMs),
      });
      if (claim.claimed) return this.executeClaimed(scope, claim.claimId, work);
      const { record } = claim;
      // A claim stored before nulls were dropped carries the older hash (idempotency-key.ts).
      if (!accepted.has(record.fingerprint)) throw reused();
      if (record.state === 'completed') {
        const value = replay<T>(record.result);
        await this.visible();
        return value;
      }
      if (Date.now() >= giveUpAt) {
        throw new InvalidState('IDEMPOTENT_REQUEST_IN_PROGRESS', 'A request with this idempotency key is still being processed; retry later');
      }
      await sleep(this.timings.pollMs);
    }
  }

  private async executeClaimed<T>(scope: IdempotencyScope, claimId: string, work: (remember: Remember<T>) => Promise<T>): Promise<T> {
    let value: T;
    let remembered: { value: T } | undefined;
    try {
      value = await work((outcome) => ((remembered = { value: outcome }), outcome));
    } catch (error) {
      if (error instanceof RecordedNotVisible) {
        const result: StoredResult<T> = remembered ? { value: remembered.value ?? null } : { recorded: storedWrite(error) };
        await this.store.complete(scope, claimId, JSON.stringify(result));
      } else {
        await this.store.release(scope, claimId).catch(() => undefined);
      }
      throw error;
    }
    await this.store.complete(scope, claimId, JSON.stringify({ value: value ?? null }));
    return value;
  }
}

/** Gives the outcome of the work before its write: what a retry of a write recorded but not yet shown answers. */
export type Remember<T> = (value: T) => T;

type StoredResult<T> = { value: T | null } | { recorded: { streamId: string; revision: string | null; position: string } };

const storedWrite = (error: RecordedNotVisible) => ({
  streamId: error.write.streamId,
  revision: error.write.revision === undefined ? null : String(error.write.revision),
  position: String(error.write.position),
});

/** The first answer again; for a write recorded whose outcome was not remembered, that it was recorded. */
function replay<T>(stored: string): T {
  const result = JSON.parse(stored) as StoredResult<T>;
  if ('recorded' in result) {
    const { streamId, revision, position } = result.recorded;
    throw new RecordedNotVisible({ streamId, revision: revision === null ? undefined : BigInt(revision), position: BigInt(position) }, [], { cause: undefined });
  }
  return result.value as T;
}

function reused(): InvalidInput {
  return new InvalidInput('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different request');
}
