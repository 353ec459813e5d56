import type { Actor } from '@kom/kernel';
import { readCookie, SESSION_COOKIE } from './session-cookie';
import { hashSecret, sameSecret } from './session-secrets';
import { PeriodicSweep } from './periodic-sweep';
import { actorOf, type Sessions } from './sessions';

/** What graphql-ws hands over: the upgrade request and the socket. */
export interface SocketRequest {
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}
export interface ClosableSocket {
  close(code: number, reason: string): void;
  once?(event: 'close', listener: () => void): unknown;
}

/** graphql-ws close codes: 4401 Unauthorized, 4403 Forbidden; the reason is the stable key. */
export const SOCKET_CLOSE = {
  SESSION_EXPIRED: [4401, 'SESSION_EXPIRED'],
  SESSION_ENDED: [4401, 'SESSION_ENDED'],
  SESSION_UNKNOWN: [4401, 'SESSION_UNKNOWN'],
  CSRF_TOKEN_INVALID: [4403, 'CSRF_TOKEN_INVALID'],
  ORIGIN_NOT_ALLOWED: [4403, 'ORIGIN_NOT_ALLOWED'],
} as const;

const header = (request: SocketRequest, name: string): string | undefined => {
  const value = request.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * graphql-ws sockets of the web app, authenticated by the cookie of the upgrade request, the CSRF
 * token in the connection parameters and the Origin. A socket lives no longer than its session:
 * `sweep` (every few seconds) closes the sockets whose session expired, `endSession` those of a
 * session that was logged out.
 */
export class SessionSockets {
  private readonly open = new Map<ClosableSocket, string>();
  private readonly sweeping = new PeriodicSweep(() => this.sweep());

  constructor(
    private readonly sessions: Sessions,
    /** Unset: the Origin must name the host the request was sent to. */
    private readonly publicOrigin: string | undefined,
  ) {}

  /**
   * The actor, or: undefined when the request has no session cookie (the caller decides), null when
   * refused (the socket is then closed with the reason).
   */
  async connect(request: SocketRequest, params: Record<string, unknown>, socket: ClosableSocket): Promise<Actor | null | undefined> {
    const id = readCookie(request.headers, SESSION_COOKIE);
    if (!id) return undefined;
    const refuse = ([code, reason]: readonly [number, string]) => {
      socket.close(code, reason);
      return null;
    };
    if (!this.originAllowed(request)) return refuse(SOCKET_CLOSE.ORIGIN_NOT_ALLOWED);
    const found = await this.sessions.lookup(id);
    if (found.status === 'unknown') return refuse(SOCKET_CLOSE.SESSION_UNKNOWN);
    if (found.status === 'expired') return refuse(SOCKET_CLOSE.SESSION_EXPIRED);
    if (!sameSecret(params.csrfToken, found.session.csrfToken)) return refuse(SOCKET_CLOSE.CSRF_TOKEN_INVALID);
    this.open.set(socket, hashSecret(id));
    socket.once?.('close', () => this.open.delete(socket));
    return actorOf(found.session);
  }

  /** Closes every socket whose session is no longer active. */
  async sweep(): Promise<void> {
    for (const [socket, idHash] of [...this.open]) {
      const found = await this.sessions.lookupHash(idHash);
      if (found.status === 'active') continue;
      this.close(socket, found.status === 'expired' ? SOCKET_CLOSE.SESSION_EXPIRED : SOCKET_CLOSE.SESSION_ENDED);
    }
  }

  endSession(idHash: string): void {
    for (const [socket, hash] of [...this.open]) if (hash === idHash) this.close(socket, SOCKET_CLOSE.SESSION_ENDED);
  }

  startSweeping(everyMs: number): void {
    this.sweeping.start(everyMs);
  }

  stop(): void {
    this.sweeping.stop();
    this.open.clear();
  }

  get count(): number {
    return this.open.size;
  }

  private close(socket: ClosableSocket, [code, reason]: readonly [number, string]): void {
    this.open.delete(socket);
    socket.close(code, reason);
  }

  private originAllowed(request: SocketRequest): boolean {
    const origin = header(request, 'origin');
    if (!origin) return false;
    if (this.publicOrigin) return origin === this.publicOrigin;
    try {
      return new URL(origin).host === header(request, 'host');
    } catch {
      return false;
    }
  }
}
