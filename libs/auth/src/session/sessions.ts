import type { Actor, Role } from '@kom/kernel';
import type { Clock } from '@kom/platform';
import { hashSecret, randomSecret } from './session-secrets';
import type { SessionRecord, SessionStore } from './session-store';

export interface SessionLifetimes {
  readonly idleMinutes: number;
  readonly maxHours: number;
}

export type SessionLookup =
  | { readonly status: 'unknown' }
  | { readonly status: 'expired' }
  | { readonly status: 'active'; readonly session: SessionRecord; readonly expiresAt: Date };

/** Expired sessions are kept this long, so that a returning browser hears "expired" rather than "unknown". */
const EXPIRED_KEPT_MS = 24 * 3600_000;

/**
 * Server-side sessions: the browser holds only a random id (256 bits), the store only its hash.
 * A session ends when idle for `idleMinutes`, or `maxHours` after sign-in, whichever comes first.
 */
export class Sessions {
  private readonly idleMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly store: SessionStore,
    private readonly clock: Clock,
    lifetimes: SessionLifetimes,
  ) {
    this.idleMs = lifetimes.idleMinutes * 60_000;
    this.maxMs = lifetimes.maxHours * 3600_000;
  }

  /**
   * A new session for the actor, always under a new id; the session the browser came with (if any)
   * ends, so an id planted before sign-in never becomes a signed-in one.
   */
  async start(actor: Actor, idToken: string | null, previousId?: string): Promise<{ id: string; session: SessionRecord; expiresAt: Date }> {
    const now = this.clock.now().getTime();
    if (previousId) await this.store.delete(hashSecret(previousId));
    await this.store.deleteExpired(now - this.idleMs - EXPIRED_KEPT_MS, now - this.maxMs - EXPIRED_KEPT_MS);
    const id = randomSecret();
    const session: SessionRecord = {
      idHash: hashSecret(id),
      userId: actor.userId,
      organizationId: actor.organizationId,
      role: actor.role as Role,
      csrfToken: randomSecret(),
      idToken,
      createdAt: now,
      lastSeenAt: now,
    };
    await this.store.insert(session);
    return { id, session, expiresAt: this.expiresAt(session) };
  }

  lookup(id: string): Promise<SessionLookup> {
    return this.lookupHash(hashSecret(id));
  }

  async lookupHash(idHash: string): Promise<SessionLookup> {
    const session = await this.store.find(idHash);
    if (!session) return { status: 'unknown' };
    const expiresAt = this.expiresAt(session);
    if (expiresAt.getTime() <= this.clock.now().getTime()) return { status: 'expired' };
    return { status: 'active', session, expiresAt };
  }

  /** Activity: the idle timeout counts from now (never past the absolute lifetime). */
  async touch(session: SessionRecord): Promise<Date> {
    const now = this.clock.now().getTime();
    await this.store.touch(session.idHash, now);
    return this.expiresAt({ ...session, lastSeenAt: Math.max(now, session.lastSeenAt) });
  }

  /** Ends the session; returns it (for the logout hint) when it existed. */
  async end(id: string): Promise<SessionRecord | undefined> {
    const idHash = hashSecret(id);
    const session = await this.store.find(idHash);
    await this.store.delete(idHash);
    return session;
  }

  expiresAt(session: Pick<SessionRecord, 'createdAt' | 'lastSeenAt'>): Date {
    return new Date(Math.min(session.lastSeenAt + this.idleMs, session.createdAt + this.maxMs));
  }
}

export const actorOf = (session: SessionRecord): Actor => ({
  userId: session.userId,
  organizationId: session.organizationId,
  role: session.role,
});
