import { createTestDatabase, describeWithPostgres, type TestDatabase } from '@kom/event-store/testing';
import { TcpProxy } from '@kom/platform/testing';
import { Browser } from '../support/browser';
import { TestApp } from '../support/test-app';

/**
 * Sessions live in the shared-state database. While it does not answer, the session routes answer
 * as every other route does: 503 SERVICE_UNAVAILABLE (reason STORE_UNAVAILABLE) with retry-after,
 * never a 500, and a session made before the outage still holds after it.
 */
describeWithPostgres('the session routes during a shared-state outage', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await TcpProxy.start(database.url);
    t = await TestApp.start({ env: { KOM_SHARED_STATE_URL: proxy.url(database.url) } });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await proxy?.close();
    await database?.drop();
  });

  const unavailable = (response: { status: number; headers: Record<string, unknown>; json: () => any }) => ({
    status: response.status,
    retryAfter: response.headers['retry-after'],
    error: response.json().error,
  });
  const expected = { status: 503, retryAfter: '5', error: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', reason: 'STORE_UNAVAILABLE' }) };

  it('answers sign-in, the session and logout with 503 SERVICE_UNAVAILABLE, and the session holds afterwards', async () => {
    const rosa = new Browser(t);
    expect((await rosa.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' } })).status).toBe(204);
    const before = (await rosa.request('GET', '/auth/session')).json();
    expect(before).toMatchObject({ authenticated: true, user: { userId: 'demo-rosa' } });

    await proxy.cut();
    try {
      const stranger = new Browser(t);
      expect(unavailable(await stranger.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' } }))).toEqual(expected);
      expect(unavailable(await rosa.request('GET', '/auth/session'))).toEqual(expected);
      const logout = await rosa.request('POST', '/auth/logout', { headers: { 'x-csrf-token': before.csrfToken } });
      expect(unavailable(logout)).toEqual(expected);
      // An answer that failed clears nothing: the browser keeps its cookie.
      expect(logout.setCookies).toEqual([]);
    } finally {
      await proxy.restore();
    }

    const after = (await rosa.request('GET', '/auth/session')).json();
    expect(after).toMatchObject({ authenticated: true, user: { userId: 'demo-rosa' }, csrfToken: before.csrfToken });
  }, 60_000);
});
