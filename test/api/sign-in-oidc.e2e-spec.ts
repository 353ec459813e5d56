import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { ManualClock } from '@kom/platform';
import { Browser, cookieAttributes, type BrowserResponse } from '../support/browser';
import { ProviderUserAgent, TestOidcProvider } from '../support/oidc-provider';
import { TestApp } from '../support/test-app';

const PUBLIC_ORIGIN = 'http://localhost:8080';
const ME = '{ me { userId organizationId role } }';
const REGISTER = 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }';
const MINUTE = 60_000;

// The provider speaks in organisation numbers and group ids; the claim mapping of the Bearer path
// (KOM_AUTH_CLAIM_*, KOM_AUTH_ORG_MAP, KOM_AUTH_ROLE_MAP) turns them into the platform's actor.
const MAPPING = {
  KOM_AUTH_CLAIM_ORG: 'org_number',
  KOM_AUTH_CLAIM_ROLE: 'groups',
  KOM_AUTH_ORG_MAP: '0192:974760746=org-pod,0192:974760673=org-udi,0192:971277882=org-rosa',
  KOM_AUTH_ROLE_MAP: 'grp-kom-secretariat=SECRETARIAT,grp-kom-agency=AGENCY_MEMBER,grp-kom-ngo=NGO_REPRESENTATIVE',
};
const ACCOUNTS = {
  'kari.sekretariat': { password: 'correct horse', claims: { org_number: '0192:974760746', groups: ['grp-kom-secretariat', 'grp-other'] } },
  'rolf.rosa': { password: 'battery staple', claims: { org_number: '0192:971277882', groups: ['grp-kom-ngo'] } },
  'ola.unknown-org': { password: 'pw', claims: { org_number: '0192:000000000', groups: ['grp-kom-ngo'] } },
};

describe('sign-in for the web app with an OIDC provider (authorization code + PKCE)', () => {
  let provider: TestOidcProvider;
  let t: TestApp;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    provider = await TestOidcProvider.start({
      clientId: 'kom-web',
      clientSecret: 'kom-web-secret',
      redirectUri: `${PUBLIC_ORIGIN}/auth/callback`,
      postLogoutRedirectUri: `${PUBLIC_ORIGIN}/`,
      claimNames: ['org_number', 'groups'],
      accounts: ACCOUNTS,
    });
    t = await TestApp.start({
      clock,
      env: {
        KOM_OIDC_ISSUER_URL: provider.issuer,
        KOM_OIDC_CLIENT_ID: 'kom-web',
        KOM_OIDC_CLIENT_SECRET: 'kom-web-secret',
        KOM_OIDC_SCOPES: 'openid kom',
        KOM_PUBLIC_ORIGIN: PUBLIC_ORIGIN,
        KOM_RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000',
        ...MAPPING,
      },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await provider?.stop();
  });

  /** /auth/login → the provider's login form, submitted → /auth/callback; returns the callback's response. */
  async function signIn(browser: Browser, login: keyof typeof ACCOUNTS, returnTo = '/issues'): Promise<BrowserResponse> {
    const start = await browser.request('GET', `/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    const agent = new ProviderUserAgent();
    let url = String(start.headers.location);
    for (let hop = 0; hop < 10; hop++) {
      if (url.startsWith(`${PUBLIC_ORIGIN}/`)) {
        const back = new URL(url);
        return browser.request('GET', `${back.pathname}${back.search}`);
      }
      const page = await agent.request(url);
      if (page.status === 200) {
        const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
        if (!action) throw new Error(`no login form at ${url}: ${page.body.slice(0, 200)}`);
        const posted = await agent.request(new URL(action, url).href, { method: 'POST', form: { login, password: ACCOUNTS[login].password } });
        if (!posted.location) throw new Error(`login refused: ${posted.body.slice(0, 200)}`);
        url = posted.location;
      } else if (page.location) {
        url = page.location;
      } else {
        throw new Error(`the provider answered ${page.status}: ${page.body.slice(0, 200)}`);
      }
    }
    throw new Error('too many redirects');
  }

  async function signedIn(login: keyof typeof ACCOUNTS) {
    const browser = new Browser(t);
    const back = await signIn(browser, login);
    expect(back.status).toBe(302);
    const session = await browser.session();
    return { browser, csrfToken: session.csrfToken as string, session };
  }

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const browser = new Browser(t);
    const start = await browser.request('GET', '/auth/login?returnTo=/meetings');
    const url = new URL(String(start.headers.location));
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'kom-web',
      response_type: 'code',
      redirect_uri: `${PUBLIC_ORIGIN}/auth/callback`,
      scope: 'openid kom',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    const [line] = start.setCookies.filter((c) => c.startsWith('kom_sign_in='));
    expect(cookieAttributes(line)).toMatchObject({ httponly: true, samesite: 'Lax', path: '/auth' });
    expect(browser.cookies.get('kom_sign_in')).toBe(url.searchParams.get('state'));
  });

  it('signs in: back to returnTo with a session; the actor comes from the ID token through the claim mapping', async () => {
    const browser = new Browser(t);
    const back = await signIn(browser, 'kari.sekretariat', '/meetings?body=PROJECT_GROUP');
    expect(back.status).toBe(302);
    expect(back.headers.location).toBe('/meetings?body=PROJECT_GROUP');
    expect(cookieAttributes(back.setCookies.find((c) => c.startsWith('kom_session='))!)).toMatchObject({ httponly: true, samesite: 'Lax', path: '/', secure: true });
    expect(browser.cookies.has('kom_sign_in')).toBe(false);
    const session = await browser.session();
    expect(session).toMatchObject({
      authenticated: true,
      mode: 'oidc',
      user: { userId: 'kari.sekretariat', organizationId: 'org-pod', organizationName: 'Politidirektoratet', role: 'SECRETARIAT' },
    });
    const me = await browser.gql(ME, {}, { csrfToken: session.csrfToken });
    expect(me.data.me).toEqual({ userId: 'kari.sekretariat', organizationId: 'org-pod', role: 'SECRETARIAT' });
  });

  it('applies the policy to the session actor as to a token: an NGO representative may not register organisations', async () => {
    const { browser, csrfToken } = await signedIn('rolf.rosa');
    const refused = await browser.gql(REGISTER, { input: { name: 'Not mine to add', kind: 'NGO' } }, { csrfToken });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });

  it('refuses a person whose claims map to no platform organisation, and starts no session', async () => {
    const browser = new Browser(t);
    const back = await signIn(browser, 'ola.unknown-org');
    expect(back.status).toBe(403);
    expect(back.json()).toEqual({ error: 'SIGN_IN_NOT_PERMITTED' });
    expect(browser.cookies.has('kom_session')).toBe(false);
  });

  it.each(['//evil.example', 'https://evil.example/steal', '/\\evil.example', 'http:evil.example'])(
    'sends the browser to / instead of returnTo=%j',
    async (returnTo) => {
      const browser = new Browser(t);
      const back = await signIn(browser, 'rolf.rosa', returnTo);
      expect(back.status).toBe(302);
      expect(back.headers.location).toBe('/');
    },
  );

  it('refuses a callback whose state is not the one this browser was given, and one used twice', async () => {
    const victim = new Browser(t);
    await victim.request('GET', '/auth/login?returnTo=/');
    const attacker = new Browser(t);
    const start = await attacker.request('GET', '/auth/login?returnTo=/');
    const attackerState = new URL(String(start.headers.location)).searchParams.get('state')!;
    // The attacker's own state, replayed into the victim's browser (login CSRF).
    const forged = await victim.request('GET', `/auth/callback?code=anything&state=${attackerState}`);
    expect(forged.status).toBe(400);
    expect(forged.json()).toEqual({ error: 'SIGN_IN_STATE_INVALID' });
    expect(victim.cookies.has('kom_session')).toBe(false);

    const wrong = new Browser(t);
    await wrong.request('GET', '/auth/login?returnTo=/');
    expect((await wrong.request('GET', '/auth/callback?code=anything&state=not-the-state')).json()).toEqual({ error: 'SIGN_IN_STATE_INVALID' });

    // A real sign-in's callback, replayed: the state is spent.
    const browser = new Browser(t);
    const start2 = await browser.request('GET', '/auth/login?returnTo=/');
    const state = new URL(String(start2.headers.location)).searchParams.get('state')!;
    const replay = new Browser(t);
    replay.cookies.set('kom_sign_in', state);
    expect((await replay.request('GET', `/auth/callback?code=x&state=${state}`)).status).toBe(400); // spends it (bad code)
    expect((await browser.request('GET', `/auth/callback?code=x&state=${state}`)).json()).toEqual({ error: 'SIGN_IN_STATE_INVALID' });
  });

  it('refuses GraphQL with the cookie but without the right CSRF token, and changes nothing', async () => {
    const { browser, csrfToken } = await signedIn('kari.sekretariat');
    const store = t.app.get<EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    for (const options of [{}, { csrfToken: 'x'.repeat(43) }]) {
      const refused = await browser.gql(REGISTER, { input: { name: 'Forged', kind: 'NGO' } }, options);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CSRF_TOKEN_INVALID' });
    }
    expect(await store.headPosition()).toEqual(before);
    expect((await browser.gql(ME, {}, { csrfToken })).data.me.userId).toBe('kari.sekretariat');
  });

  it('treats a tampered or unknown cookie as unauthenticated', async () => {
    const { browser, csrfToken } = await signedIn('rolf.rosa');
    browser.cookies.set('kom_session', 'A'.repeat(43));
    expect((await browser.gql(ME, {}, { csrfToken })).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await browser.session()).toEqual({ authenticated: false, mode: 'oidc' });
  });

  it('answers SESSION_EXPIRED once the session has been idle too long', async () => {
    const { browser, csrfToken } = await signedIn('rolf.rosa');
    clock.advance(30 * MINUTE + 1);
    const expired = await browser.gql(ME, {}, { csrfToken });
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
  });

  it('logs out: the session is gone, the cookie cleared, and the provider\'s end-session URL returned', async () => {
    const { browser, csrfToken } = await signedIn('kari.sekretariat');
    const id = browser.cookies.get('kom_session')!;
    const response = await browser.request('POST', '/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
    expect(response.status).toBe(200);
    const { redirectTo } = response.json();
    const end = new URL(redirectTo);
    expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_ORIGIN}/`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(cookieAttributes(response.setCookies.find((c) => c.startsWith('kom_session='))!)).toMatchObject({ 'max-age': '0' });
    // The provider accepts the logout request (its confirmation page).
    expect((await new ProviderUserAgent().request(redirectTo)).status).toBe(200);
    const stale = new Browser(t);
    stale.cookies.set('kom_session', id);
    expect((await stale.gql(ME, {}, { csrfToken })).errors?.[0].extensions).toMatchObject({ reason: 'SESSION_UNKNOWN' });
  });

  it('offers no embedded sign-in', async () => {
    expect((await new Browser(t).request('GET', '/auth/embedded/people')).status).toBe(404);
    expect((await new Browser(t).request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' } })).status).toBe(404);
  });
});
