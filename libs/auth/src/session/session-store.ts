import type { Role } from '@kom/kernel';

/**
 * What a session holds: the actor and what logout needs, nothing else about the person.
 * `idHash` is the SHA-256 of the cookie value; the value itself is never stored.
 */
export interface SessionRecord {
  readonly idHash: string;
  readonly userId: string;
  readonly organizationId: string;
  readonly role: Role;
  readonly csrfToken: string;
  /** The provider's ID token, sent back as `id_token_hint` on logout (OIDC mode only). */
  readonly idToken: string | null;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly lastSeenAt: number;
}

/** A browser's sign-in in progress at the OIDC provider, keyed by the SHA-256 of its `state`. */
export interface PendingSignIn {
  readonly stateHash: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly returnTo: string;
  readonly createdAt: number;
}

/**
 * Where sessions live. Asynchronous so that a shared store (PostgreSQL) can stand in for the
 * embedded SQLite file when several replicas serve one web app.
 */
export interface SessionStore {
  insert(session: SessionRecord): Promise<void>;
  find(idHash: string): Promise<SessionRecord | undefined>;
  touch(idHash: string, lastSeenAt: number): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Removes sessions last seen before `idleBefore` or created before `createdBefore`. */
  deleteExpired(idleBefore: number, createdBefore: number): Promise<number>;
  insertPendingSignIn(pending: PendingSignIn): Promise<void>;
  /** Returns and removes it: a `state` is good for one callback only. */
  takePendingSignIn(stateHash: string): Promise<PendingSignIn | undefined>;
  deletePendingSignInsBefore(createdBefore: number): Promise<void>;
  close(): Promise<void>;
}

export const SESSION_STORE = Symbol.for('kom.SessionStore');
