import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { SessionSockets } from '@kom/auth';
import { ManualClock } from '@kom/platform';
import { Browser, browserSocket, cookieAttributes } from '../support/browser';
import { TestApp } from '../support/test-app';

const ME = '{ me { userId organizationId role } }';
const REGISTER = 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }';
const MINUTE = 60_000;

async function signedIn(t: TestApp, userId: string): Promise<{ browser: Browser; csrfToken: string; session: any }> {
  const browser = new Browser(t);
  const response = await browser.request('POST', '/auth/embedded/sign-in', { json: { userId } });
  expect(response.status).toBe(204);
  const session = await browser.session();
  return { browser, csrfToken: session.csrfToken, session };
}

describe('sign-in for the web app, embedded mode', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    // Many sign-ins from one address here; the budget itself is tested below.
    t = await TestApp.start({ clock, env: { KOM_RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('says who is signed in: nobody yet, in embedded mode, never cached', async () => {
    const response = await new Browser(t).request('GET', '/auth/session');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ authenticated: false, mode: 'embedded' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('offers demo people for every role over seeded organisations', async () => {
    const people = (await new Browser(t).request('GET', '/auth/embedded/people')).json() as any[];
    expect(new Set(people.map((p) => p.role))).toEqual(new Set(['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE', 'AUDITOR']));
    for (const org of ['org-pod', 'org-udi', 'org-politiet', 'org-rosa', 'org-noas']) {
      expect(people.some((p) => p.organizationId === org)).toBe(true);
    }
    expect(people.find((p) => p.organizationId === 'org-udi')).toMatchObject({ organizationName: 'Utlendingsdirektoratet', role: 'AGENCY_MEMBER' });
    for (const p of people) expect(Object.keys(p).sort()).toEqual(['displayName', 'organizationId', 'organizationName', 'role', 'userId']);
  });

  it('refuses an unknown person and sets no cookie', async () => {
    const browser = new Browser(t);
    const response = await browser.request('POST', '/auth/embedded/sign-in', { json: { userId: 'mallory' } });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: 'UNKNOWN_PERSON' });
    expect(response.setCookies).toEqual([]);
  });

  it('signs in with an httpOnly, SameSite=Lax, Secure session cookie and reports the session', async () => {
    const browser = new Browser(t);
    const response = await browser.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' } });
    expect(response.status).toBe(204);
    const [line] = response.setCookies.filter((c) => c.startsWith('kom_session='));
    expect(cookieAttributes(line)).toMatchObject({ httponly: true, samesite: 'Lax', path: '/', secure: true });
    expect(browser.cookies.get('kom_session')).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    const session = await browser.session();
    expect(session).toEqual({
      authenticated: true,
      mode: 'embedded',
      user: { userId: 'demo-rosa', organizationId: 'org-rosa', organizationName: 'ROSA-prosjektet', role: 'NGO_REPRESENTATIVE' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: new Date(clock.now().getTime() + 30 * MINUTE).toISOString(),
    });
  });

  it('answers GraphQL as the signed-in person when the cookie comes with the CSRF token', async () => {
    const { browser, csrfToken } = await signedIn(t, 'demo-politiet');
    const response = await browser.gql(ME, {}, { csrfToken });
    expect(response.errors).toBeUndefined();
    expect(response.data.me).toEqual({ userId: 'demo-politiet', organizationId: 'org-politiet', role: 'AGENCY_MEMBER' });
  });

  it('refuses the cookie without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const { browser, csrfToken } = await signedIn(t, 'demo-secretariat');
    const store = t.app.get<EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    for (const headers of [{}, { csrfToken: 'wrong' }, { csrfToken: `${csrfToken.slice(0, -1)}x` }]) {
      const response = await browser.gql(REGISTER, { input: { name: 'Forged Org', kind: 'NGO' } }, headers);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CSRF_TOKEN_INVALID' });
      expect(response.data?.registerOrganization ?? null).toBeNull();
    }
    expect(await store.headPosition()).toEqual(before);
    const accepted = await browser.gql(REGISTER, { input: { name: 'Real Org', kind: 'NGO' } }, { csrfToken });
    expect(accepted.errors).toBeUndefined();
    expect(await store.headPosition()).not.toEqual(before);
  });

  it('lets the cookie alone download through a link (GET), but never write or verify without the CSRF token', async () => {
    const { browser, csrfToken } = await signedIn(t, 'demo-auditor');
    // A link the browser follows carries no header of the page's: a safe read needs only the session.
    const bundle = await browser.request('GET', '/evidence/bundle.jsonl?from=2026-01-01&to=2026-12-31');
    expect(bundle.status).toBe(200);
    expect(bundle.body.split('\n')[0]).toContain('"kind":"header"');
    // A POST is no read: the cookie without the token is refused, with it accepted.
    const verify = { json: { contentBase64: Buffer.from('not a document').toString('base64') } };
    const refused = await browser.request('POST', '/documents/verify', verify);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).error).toMatchObject({ reason: 'CSRF_TOKEN_INVALID' });
    const checked = await browser.request('POST', '/documents/verify', { ...verify, headers: { 'x-csrf-token': csrfToken } });
    expect(checked.status).toBe(400);
    // GraphQL always needs it, whatever the method.
    const query = await browser.request('GET', `/graphql?query=${encodeURIComponent(ME)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(query.body).toContain('CSRF_TOKEN_INVALID');
    // And a role the route does not allow is still refused on a read.
    const { browser: ngo } = await signedIn(t, 'demo-rosa');
    expect((await ngo.request('GET', '/evidence/bundle.jsonl?from=2026-01-01&to=2026-12-31')).status).toBe(403);
  });

  it('lets a Bearer token take precedence over the cookie, without a CSRF token', async () => {
    const { browser } = await signedIn(t, 'demo-rosa');
    const token = await t.token('AUDITOR', 'org-pod', 'bearer-auditor');
    const response = await browser.gql(ME, {}, { headers: { authorization: `Bearer ${token}` } });
    expect(response.data.me).toEqual({ userId: 'bearer-auditor', organizationId: 'org-pod', role: 'AUDITOR' });
  });

  it('treats a tampered or unknown cookie as unauthenticated', async () => {
    const { browser, csrfToken } = await signedIn(t, 'demo-noas');
    const id = browser.cookies.get('kom_session')!;
    browser.cookies.set('kom_session', `${id.slice(0, -2)}${id.endsWith('AA') ? 'BB' : 'AA'}`);
    const response = await browser.gql(ME, {}, { csrfToken });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_UNKNOWN' });
    const session = await browser.request('GET', '/auth/session');
    expect(session.json()).toEqual({ authenticated: false, mode: 'embedded' });
    expect(browser.cookies.has('kom_session')).toBe(false); // cleared
  });

  it('keeps only the hash of the session id, and nothing about the person but the actor', async () => {
    const { browser } = await signedIn(t, 'demo-udi');
    const id = browser.cookies.get('kom_session')!;
    const db = new Database(t.config.session.storeFile, { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM sessions').all() as Array<Record<string, unknown>>;
      expect(JSON.stringify(rows)).not.toContain(id);
      const mine = rows.find((r) => r.id_hash === createHash('sha256').update(id).digest('hex'));
      expect(mine).toMatchObject({ user_id: 'demo-udi', organization_id: 'org-udi', role: 'AGENCY_MEMBER', id_token: null });
      expect(Object.keys(mine!).sort()).toEqual(['created_at', 'csrf_token', 'id_hash', 'id_token', 'last_seen_at', 'organization_id', 'role', 'user_id']);
    } finally {
      db.close();
    }
  });

  it('gives a new session id on every sign-in and ends the one the browser came with', async () => {
    const { browser, csrfToken: oldCsrf } = await signedIn(t, 'demo-rosa');
    const before = browser.cookies.get('kom_session')!;
    expect((await browser.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-udi' } })).status).toBe(204);
    const after = browser.cookies.get('kom_session')!;
    expect(after).not.toBe(before);
    const stale = new Browser(t);
    stale.cookies.set('kom_session', before);
    expect((await stale.gql(ME, {}, { csrfToken: oldCsrf })).errors?.[0].extensions).toMatchObject({ reason: 'SESSION_UNKNOWN' });
    const { csrfToken } = await browser.session();
    expect((await browser.gql(ME, {}, { csrfToken })).data.me.userId).toBe('demo-udi');
  });

  it('ends an idle session after the idle timeout: SESSION_EXPIRED; activity keeps it alive', async () => {
    const { browser, csrfToken } = await signedIn(t, 'demo-auditor');
    clock.advance(20 * MINUTE);
    expect((await browser.gql(ME, {}, { csrfToken })).data.me.userId).toBe('demo-auditor'); // activity
    clock.advance(20 * MINUTE); // 40 min after sign-in, 20 after the last request
    expect((await browser.gql(ME, {}, { csrfToken })).data.me.userId).toBe('demo-auditor');
    expect((await browser.session()).expiresAt).toBe(new Date(clock.now().getTime() + 30 * MINUTE).toISOString());
    clock.advance(30 * MINUTE + 1);
    const expired = await browser.gql(ME, {}, { csrfToken });
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    expect(await browser.session()).toEqual({ authenticated: false, mode: 'embedded' });
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const { browser, csrfToken } = await signedIn(t, 'demo-secretariat');
    for (let minutes = 0; minutes < 10 * 60 - 20; minutes += 20) {
      clock.advance(20 * MINUTE);
      expect((await browser.gql(ME, {}, { csrfToken })).errors).toBeUndefined();
    }
    clock.advance(20 * MINUTE);
    expect((await browser.gql(ME, {}, { csrfToken })).errors?.[0].extensions).toMatchObject({ reason: 'SESSION_EXPIRED' });
  });

  it('logs out only with the CSRF token: the session ends and the cookie is cleared', async () => {
    const { browser, csrfToken } = await signedIn(t, 'demo-noas');
    const id = browser.cookies.get('kom_session')!;
    const refused = await browser.request('POST', '/auth/logout');
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({ error: 'CSRF_TOKEN_INVALID' });
    expect((await browser.gql(ME, {}, { csrfToken })).data.me.userId).toBe('demo-noas');

    const response = await browser.request('POST', '/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ redirectTo: null });
    expect(cookieAttributes(response.setCookies.find((c) => c.startsWith('kom_session='))!)).toMatchObject({ 'max-age': '0' });
    expect(browser.cookies.has('kom_session')).toBe(false);
    const again = new Browser(t);
    again.cookies.set('kom_session', id);
    expect((await again.gql(ME, {}, { csrfToken })).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_UNKNOWN' });
  });

  it('drops Secure only for plain http at a host other than localhost', async () => {
    const lan = new Browser(t, '192.168.1.20:3000');
    const response = await lan.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' } });
    expect(cookieAttributes(response.setCookies[0]).secure).toBeUndefined();
    const loopback = new Browser(t, '127.0.0.1:3000');
    const local = await loopback.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' } });
    expect(cookieAttributes(local.setCookies[0]).secure).toBe(true);
  });

  it('has no OIDC routes in embedded mode', async () => {
    expect((await new Browser(t).request('GET', '/auth/login?returnTo=/')).status).toBe(404);
    expect((await new Browser(t).request('GET', '/auth/callback?state=x&code=y')).status).toBe(404);
  });

  describe('graphql-ws', () => {
    beforeAll(async () => {
      await t.listen();
    });

    const origin = () => `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    const query = (client: import('graphql-ws').Client) =>
      new Promise<any>((resolve, reject) => {
        client.subscribe({ query: ME }, { next: resolve, error: reject, complete: () => undefined });
      });

    it('accepts the cookie with the CSRF token in the connection parameters and a same-origin Origin', async () => {
      const { browser, csrfToken } = await signedIn(t, 'demo-rosa');
      const { client } = browserSocket(t, { cookie: browser.cookieHeader(), origin: origin(), csrfToken });
      expect((await query(client)).data.me).toEqual({ userId: 'demo-rosa', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' });
      await client.dispose();
    });

    it.each([
      ['no CSRF token', { csrfToken: undefined }, 4403, 'CSRF_TOKEN_INVALID'],
      ['a wrong CSRF token', { csrfToken: 'wrong' }, 4403, 'CSRF_TOKEN_INVALID'],
      ['another Origin', { origin: 'https://evil.example' }, 4403, 'ORIGIN_NOT_ALLOWED'],
      ['no Origin', { origin: undefined }, 4403, 'ORIGIN_NOT_ALLOWED'],
    ])('refuses a socket with %s', async (_, override, code, reason) => {
      const { browser, csrfToken } = await signedIn(t, 'demo-rosa');
      const { client, closed } = browserSocket(t, { cookie: browser.cookieHeader(), origin: origin(), csrfToken, ...override });
      await expect(query(client)).rejects.toMatchObject({ code });
      expect(await closed).toEqual({ code, reason });
      await client.dispose();
    });

    it('closes the socket with SESSION_EXPIRED when the session expires', async () => {
      const { browser, csrfToken } = await signedIn(t, 'demo-udi');
      const { client, closed } = browserSocket(t, { cookie: browser.cookieHeader(), origin: origin(), csrfToken });
      await query(client);
      clock.advance(31 * MINUTE);
      await t.app.get(SessionSockets).sweep();
      expect(await closed).toEqual({ code: 4401, reason: 'SESSION_EXPIRED' });
      await client.dispose();
    });

    it('closes the socket with SESSION_ENDED on logout', async () => {
      const { browser, csrfToken } = await signedIn(t, 'demo-udi');
      const { client, closed } = browserSocket(t, { cookie: browser.cookieHeader(), origin: origin(), csrfToken });
      await query(client);
      await browser.request('POST', '/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
      expect(await closed).toEqual({ code: 4401, reason: 'SESSION_ENDED' });
      await client.dispose();
    });
  });
});

describe('sign-in attempts are rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ env: { KOM_RATE_LIMIT_SIGN_INS_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers 429 with Retry-After once a client has used its attempts for the minute', async () => {
    const browser = new Browser(t);
    for (let i = 0; i < 3; i++) expect((await browser.request('POST', '/auth/embedded/sign-in', { json: { userId: 'nobody' } })).status).toBe(400);
    const refused = await browser.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' } });
    expect(refused.status).toBe(429);
    expect(refused.json()).toMatchObject({ error: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.setCookies).toEqual([]);
  });

  it('keeps Secure behind a TLS-terminating proxy (X-Forwarded-Proto: https)', async () => {
    const fresh = await TestApp.start({ env: { KOM_RATE_LIMIT_SIGN_INS_PER_MINUTE: '5' } });
    try {
      const lan = new Browser(fresh, '192.168.1.20:3000');
      const plain = await lan.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' } });
      expect(cookieAttributes(plain.setCookies[0]).secure).toBeUndefined();
      const proxied = await lan.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' }, headers: { 'x-forwarded-proto': 'https' } });
      expect(cookieAttributes(proxied.setCookies[0]).secure).toBe(true);
    } finally {
      await fresh.stop();
    }
  });
});
