import { GraphQLError } from 'graphql';
import { IdentityProviderUnavailableError, InvalidTokenError, type TokenRefusal } from '../tokens/claims';
import type { TokenVerifier } from '../tokens/token-verifier';
import { BearerSockets } from './bearer-sockets';

class FakeSocket {
  closed: [number, string] | undefined;
  private onClose: (() => void) | undefined;
  close(code: number, reason: string) {
    this.closed ??= [code, reason];
    this.onClose?.();
  }
  once(_event: 'close', listener: () => void) {
    this.onClose = listener;
  }
}

describe('BearerSockets', () => {
  const refused = new Map<string, TokenRefusal>();
  let down = false;
  const verifier: TokenVerifier = {
    async verify(token) {
      const reason = refused.get(token);
      if (reason) throw new InvalidTokenError('refused', reason);
      if (down) throw new IdentityProviderUnavailableError('down');
      return { userId: token, organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
    },
  };
  beforeEach(() => {
    refused.clear();
    down = false;
  });
  const reasonOf = (socket: FakeSocket) => JSON.parse(socket.closed![1]) as unknown;

  it('answers the actor while the token holds, and closes the socket with 4401 and the reason once it is refused', async () => {
    const sockets = new BearerSockets(verifier);
    const socket = new FakeSocket();
    sockets.track(socket, 'Bearer a');
    expect(await sockets.recheck(socket)).toMatchObject({ userId: 'a' });
    refused.set('a', 'TOKEN_EXPIRED');
    const error = (await sockets.recheck(socket).catch((e: unknown) => e)) as GraphQLError;
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    expect(socket.closed?.[0]).toBe(4401);
    expect(reasonOf(socket)).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    expect(sockets.follows(socket)).toBe(false);
  });

  it('sweeps: closes only the sockets whose token is now refused', async () => {
    const sockets = new BearerSockets(verifier);
    const [a, b] = [new FakeSocket(), new FakeSocket()];
    sockets.track(a, 'Bearer a');
    sockets.track(b, 'Bearer b');
    refused.set('b', 'TOKEN_INVALID');
    await sockets.sweep();
    expect(a.closed).toBeUndefined();
    expect(reasonOf(b)).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    expect(sockets.count).toBe(1);
  });

  it('keeps every socket while the identity provider cannot be asked, and refuses the operation as SERVICE_UNAVAILABLE', async () => {
    const sockets = new BearerSockets(verifier);
    const socket = new FakeSocket();
    sockets.track(socket, 'Bearer a');
    down = true;
    await sockets.sweep();
    const error = (await sockets.recheck(socket).catch((e: unknown) => e)) as GraphQLError;
    expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(socket.closed).toBeUndefined();
    expect(sockets.follows(socket)).toBe(true);
  });

  it('forgets a socket once it closes, and refuses an operation that arrives after', async () => {
    const sockets = new BearerSockets(verifier);
    const socket = new FakeSocket();
    sockets.track(socket, 'Bearer a');
    socket.close(1000, 'bye');
    expect(sockets.count).toBe(0);
    await expect(sockets.recheck(socket)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
