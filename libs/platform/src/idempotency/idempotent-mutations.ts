import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InvalidInput, InvalidState, type Actor } from '@kom/kernel';
import { CLOCK, type Clock } from '../clock';
import { acceptedFingerprints, assertIdempotencyKey, requestFingerprint, sha256 } from './idempotency-key';
import { IDEMPOTENCY_STORE, type IdempotencyScope, type IdempotencyStore } from './idempotency-store.port';

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
 * Only success is remembered. A refusal (or any failure) releases the key: nothing was recorded,
 * so the client may correct the request and retry with the same key.
 */
@Injectable()
export class IdempotentMutations {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDEMPOTENCY_TIMINGS) private readonly timings: IdempotencyTimings,
  ) {}

  async run<T>(request: IdempotentRequest, work: () => Promise<T>): Promise<T> {
    if (request.key === null || request.key === undefined) return work();
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

  private async execute<T>(scope: IdempotencyScope, fingerprint: string, accepted: ReadonlySet<string>, work: () => Promise<T>): Promise<T> {
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
      if (record.state === 'completed') return (JSON.parse(record.result) as { value: T }).value;
      if (Date.now() >= giveUpAt) {
        throw new InvalidState('IDEMPOTENT_REQUEST_IN_PROGRESS', 'A request with this idempotency key is still being processed; retry later');
      }
      await sleep(this.timings.pollMs);
    }
  }

  private async executeClaimed<T>(scope: IdempotencyScope, claimId: string, work: () => Promise<T>): Promise<T> {
    let value: T;
    try {
      value = await work();
    } catch (error) {
      await this.store.release(scope, claimId).catch(() => undefined);
      throw error;
    }
    await this.store.complete(scope, claimId, JSON.stringify({ value: value ?? null }));
    return value;
  }
}

function reused(): InvalidInput {
  return new InvalidInput('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different request');
}
