import { ManualClock } from '@kom/platform';
import { SessionSockets } from './session-sockets';
import { Sessions } from './sessions';
import { SqliteSessionStore } from './sqlite-session-store';

class FakeSocket {
  closed: [number, string] | undefined;
  close(code: number, reason: string) {
    this.closed ??= [code, reason];
  }
}

describe('SessionSockets', () => {
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  let store: SqliteSessionStore;
  let sessions: Sessions;
  const actor = { userId: 'u', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' as const };

  beforeEach(() => {
    store = SqliteSessionStore.open(':memory:');
    sessions = new Sessions(store, clock, { idleMinutes: 30, maxHours: 10 });
  });
  afterEach(() => store.close());

  const request = (id: string, origin?: string, host = 'api.internal:3000') => ({
    headers: { cookie: `kom_session=${id}`, host, ...(origin ? { origin } : {}) },
  });

  it('with a public origin, accepts that Origin only (a proxy may change the Host)', async () => {
    const sockets = new SessionSockets(sessions, 'https://kom.example.no');
    const { id, session } = await sessions.start(actor, null);
    const good = new FakeSocket();
    expect(await sockets.connect(request(id, 'https://kom.example.no'), { csrfToken: session.csrfToken }, good)).toEqual(actor);
    expect(good.closed).toBeUndefined();
    const other = new FakeSocket();
    expect(await sockets.connect(request(id, 'http://api.internal:3000'), { csrfToken: session.csrfToken }, other)).toBeNull();
    expect(other.closed).toEqual([4403, 'ORIGIN_NOT_ALLOWED']);
  });

  it('leaves a socket without the session cookie to the token path', async () => {
    const sockets = new SessionSockets(sessions, undefined);
    const socket = new FakeSocket();
    expect(await sockets.connect({ headers: { origin: 'x' } }, {}, socket)).toBeUndefined();
    expect(socket.closed).toBeUndefined();
  });

  it('closes only the sockets whose session is no longer active', async () => {
    const sockets = new SessionSockets(sessions, 'https://kom.example.no');
    const early = await sessions.start(actor, null);
    clock.advance(20 * 60_000);
    const late = await sessions.start(actor, null);
    const a = new FakeSocket();
    const b = new FakeSocket();
    await sockets.connect(request(early.id, 'https://kom.example.no'), { csrfToken: early.session.csrfToken }, a);
    await sockets.connect(request(late.id, 'https://kom.example.no'), { csrfToken: late.session.csrfToken }, b);
    clock.advance(15 * 60_000); // early idle 35 min, late 15 min
    await sockets.sweep();
    expect(a.closed).toEqual([4401, 'SESSION_EXPIRED']);
    expect(b.closed).toBeUndefined();
    expect(sockets.count).toBe(1);
  });
});
