import { GraphQLError } from 'graphql';
import type { Actor } from '@kom/kernel';
import { PeriodicSweep } from '../session/periodic-sweep';
import type { ClosableSocket } from '../session/session-sockets';
import type { TokenVerifier } from '../tokens/token-verifier';
import { authenticateBearer } from './authenticate';

/** graphql-ws close code for a connection refused for its credentials (the protocol's Unauthorized). */
export const WS_UNAUTHORIZED = 4401;

/** The close reason of a refused socket: the same JSON as the refusal over HTTP (a close frame holds at most 123 bytes). */
export function socketCloseReason(code: unknown, reason: unknown): string {
  return JSON.stringify({ code, reason }).slice(0, 120);
}

/**
 * graphql-ws sockets opened with a bearer token. Over HTTP every request shows its token; a socket
 * shows it once, at `connection_init`, and may then stay open for days on keep-alives. So a socket
 * lives no longer than its token: each operation it starts verifies the token again (`recheck`), and
 * `sweep` (every few seconds) closes the sockets whose token the verifier now refuses — expired, or
 * signed by a key that has left the key set — so their subscriptions stop pushing. The verifier is
 * the cached one: a sweep costs a map lookup per socket until a token expires or its key goes.
 *
 * An identity provider that cannot be asked is not the client's fault: the socket stays, the new
 * operation gets SERVICE_UNAVAILABLE, and the next sweep asks again.
 */
export class BearerSockets {
  private readonly open = new Map<ClosableSocket, string>();
  private readonly sweeping = new PeriodicSweep(() => this.sweep());

  constructor(private readonly verifier: TokenVerifier) {}

  /** Follows a socket whose `connection_init` carried this (already verified) Authorization value. */
  track(socket: ClosableSocket, authorization: string): void {
    this.open.set(socket, authorization);
    socket.once?.('close', () => this.open.delete(socket));
  }

  follows(socket: ClosableSocket): boolean {
    return this.open.has(socket);
  }

  /**
   * The actor of a followed socket's token as the verifier sees it now; a refusal closes the socket
   * (4401, with the reason) and is thrown as the GraphQL error the operation answers with.
   */
  async recheck(socket: ClosableSocket): Promise<Actor> {
    const authorization = this.open.get(socket);
    // Closed by a sweep while this operation was on its way.
    if (authorization === undefined) throw new GraphQLError('This connection was closed: connect again', { extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_MISSING' } });
    try {
      return await authenticateBearer(this.verifier, authorization);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') this.close(socket, error);
      throw error;
    }
  }

  /** Closes every followed socket whose token is now refused. */
  async sweep(): Promise<void> {
    for (const socket of [...this.open.keys()]) {
      try {
        await this.recheck(socket);
      } catch {
        // closed by recheck when refused; kept when the identity provider could not be asked
      }
    }
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

  private close(socket: ClosableSocket, refusal: GraphQLError): void {
    this.open.delete(socket);
    socket.close(WS_UNAUTHORIZED, socketCloseReason('UNAUTHENTICATED', refusal.extensions.reason));
  }
}
