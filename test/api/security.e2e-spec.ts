import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { SignJWT } from 'jose';
import { LoopbackIdentityProvider, unsignedToken } from '@kom/auth/testing';
import { OidcVerifier, type TokenVerifier } from '@kom/auth';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { MeasuresQueries } from '@kom/measures';
import { loadConfig } from '@kom/platform';
import { graphqlOptions } from '../../apps/api/src/graphql/graphql-options';
import { TestApp, type GraphQLResponse } from '../support/test-app';

/**
 * The API as production runs it: NODE_ENV=production, tokens from an OIDC provider (a JWKS served on
 * loopback by this test), the default hardening limits, and a low mutation budget. Every hostile
 * request gets a typed error and changes nothing.
 */

const main = join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.ts');

describe('start-up: production needs an OIDC provider', () => {
  it('refuses NODE_ENV=production without OIDC settings, with exit code 1 and a message saying what to set', () => {
    const result = spawnSync(process.execPath, ['-r', join(__dirname, '..', 'support', 'ts-register.js'), main], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      encoding: 'utf8',
      // main checks the settings before it loads the application; a busy machine still gets time.
      timeout: 80_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('NODE_ENV=production needs an OIDC provider');
    expect(result.stderr).toContain('KOM_AUTH_JWKS_URL');
  }, 90_000);
});

describe('Apollo settings are explicit, never left to NODE_ENV defaults', () => {
  const verifier: TokenVerifier = { verify: async () => Promise.reject(new Error('unused')) };
  const oidc = { KOM_AUTH_JWKS_URL: 'https://idp.example/jwks', KOM_AUTH_ISSUER: 'https://idp.example', KOM_AUTH_AUDIENCE: 'kom-api' };

  it('production: no introspection, no stack traces, no schema details in errors, CSRF prevention, no batches', () => {
    const options = graphqlOptions(loadConfig({ NODE_ENV: 'production', ...oidc }), verifier, false) as Record<string, unknown>;
    expect(options).toMatchObject({
      introspection: false,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      playground: false,
      fieldResolverEnhancers: ['guards'],
      parseOptions: { maxTokens: 2000 },
    });
    expect((options.validationRules as unknown[]).length).toBe(4);
  });

  it('production with KOM_GRAPHQL_INTROSPECTION=true: introspection on, the rest unchanged', () => {
    const options = graphqlOptions(loadConfig({ NODE_ENV: 'production', KOM_GRAPHQL_INTROSPECTION: 'true', ...oidc }), verifier, false);
    expect(options).toMatchObject({ introspection: true, includeStacktraceInErrorResponses: false });
  });
});

describe('GraphQL hardening in production (OIDC on loopback)', () => {
  let idp: LoopbackIdentityProvider;
  let t: TestApp;
  let store: EventStore;
  let secretariat: string;
  let ngo: string;

  const claims = (role: string, org: string, sub: string) => ({ sub, kom_org: org, kom_role: role });

  beforeAll(async () => {
    idp = await LoopbackIdentityProvider.start();
    t = await TestApp.start({
      env: {
        NODE_ENV: 'production',
        KOM_AUTH_JWKS_URL: idp.jwksUrl,
        KOM_AUTH_ISSUER: idp.issuer,
        KOM_AUTH_AUDIENCE: 'kom-platform',
        KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '3',
      },
    });
    store = t.app.get<EventStore>(EVENT_STORE);
    secretariat = await idp.token(claims('SECRETARIAT', 'org-pod', 'sara'));
    ngo = await idp.token(claims('NGO_REPRESENTATIVE', 'org-rosa', 'nina'));
  });
  afterAll(async () => {
    await t?.stop();
    await idp?.stop();
  });

  const head = () => store.headPosition();
  const codes = (r: GraphQLResponse) => (r.errors ?? []).map((e) => e.extensions?.code);
  const reasons = (r: GraphQLResponse) => (r.errors ?? []).map((e) => e.extensions?.reason);
  const noStackTraces = (r: GraphQLResponse) => {
    for (const error of r.errors ?? []) expect(error.extensions?.stacktrace).toBeUndefined();
  };

  describe('identity', () => {
    it('runs on the OIDC verifier and accepts the provider’s tokens', async () => {
      const response = await t.gql('{ me { userId organizationId role } }', {}, { token: ngo });
      expect(response.data?.me).toEqual({ userId: 'nina', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' });
    });

    it('accepts a token signed with a rotated key, once the provider publishes it', async () => {
      // A provider of its own: the app's verifier waits 30 s after a fetch before it fetches again
      // for an unknown kid (so random kids cannot make it hammer the provider).
      const rotating = await LoopbackIdentityProvider.start(idp.issuer);
      const verifier = new OidcVerifier({
        issuer: idp.issuer,
        audience: 'kom-platform',
        jwksUrl: rotating.jwksUrl,
        algorithms: ['RS256', 'ES256', 'EdDSA'],
        clockToleranceSeconds: 30,
        mapping: { user: 'sub', organization: 'kom_org', role: 'kom_role' },
        jwksCooldownMs: 0,
      });
      await expect(verifier.verify(await rotating.token(claims('AUDITOR', 'org-riksrevisjonen', 'aud')))).resolves.toMatchObject({ role: 'AUDITOR' });
      await rotating.rotate('ES256');
      await expect(verifier.verify(await rotating.token(claims('AUDITOR', 'org-riksrevisjonen', 'aud')))).resolves.toMatchObject({ role: 'AUDITOR' });
      expect(rotating.fetches).toBe(2);
      await rotating.stop();
    });

    it.each([
      ['expired', () => idp.token(claims('SECRETARIAT', 'org-pod', 'sara'), { expiresIn: Math.floor(Date.now() / 1000) - 120 })],
      ['for another audience', () => idp.token(claims('SECRETARIAT', 'org-pod', 'sara'), { audience: 'another-api' })],
      ['from another issuer', () => idp.token(claims('SECRETARIAT', 'org-pod', 'sara'), { issuer: 'https://evil.test' })],
      [
        'alg: none',
        async () => unsignedToken({ ...claims('SECRETARIAT', 'org-pod', 'sara'), iss: idp.issuer, aud: 'kom-platform', exp: Math.floor(Date.now() / 1000) + 600 }),
      ],
      [
        'HS256 with the public key as secret',
        () =>
          new SignJWT(claims('SECRETARIAT', 'org-pod', 'sara'))
            .setProtectedHeader({ alg: 'HS256', kid: idp.currentKey.kid })
            .setIssuer(idp.issuer)
            .setAudience('kom-platform')
            .setExpirationTime('10m')
            .sign(new TextEncoder().encode(JSON.stringify(idp.currentKey.publicJwk))),
      ],
    ])('refuses a token %s with UNAUTHENTICATED, and the mutation changes nothing', async (_name, make) => {
      const before = await head();
      const response = await t.gql('mutation { registerOrganization(input: { name: "Forged", kind: NGO }) { id } }', {}, { token: await make() });
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(await head()).toBe(before);
    });
  });

  describe('what production never shows', () => {
    it('refuses introspection', async () => {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Mutation") { fields { name } } }']) {
        const response = await t.gql(query, {}, { token: secretariat });
        expect(response.status).toBe(400);
        expect(codes(response)).toContain('GRAPHQL_VALIDATION_FAILED');
        expect(response.data ?? undefined).toBeUndefined();
        noStackTraces(response);
      }
    });

    it('gives no field suggestions', async () => {
      const response = await t.gql('{ me { userI organisationId } platformStatu { caughtUp } }', {}, { token: secretariat });
      expect(codes(response)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean|userId|organizationId|platformStatus/);
      noStackTraces(response);
    });

    it('masks internal errors: no message, no stack trace', async () => {
      const spy = jest.spyOn(MeasuresQueries.prototype, 'byNumber').mockImplementation(() => {
        throw new Error('disk /srv/kom/data/read-models.sqlite is corrupt');
      });
      try {
        const response = await t.gql('{ measure(number: 34) { number } }', {}, { token: ngo });
        expect(response.errors).toEqual([
          expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
        ]);
        expect(JSON.stringify(response)).not.toMatch(/srv|sqlite|corrupt|stack/);
      } finally {
        spy.mockRestore();
      }
    });

    it('sends no stack traces with typed errors either', async () => {
      for (const response of [
        await t.gql('{ me { userId } }'),
        await t.gql('{ platformStatus { caughtUp } }', {}, { token: ngo }),
        await t.gql('{ me { userId }', {}, { token: ngo }),
        await t.gql('query($first: Int) { organizations(first: $first) { edges { cursor } } }', { first: 1000 }, { token: ngo }),
      ]) {
        expect(response.errors?.length).toBeGreaterThan(0);
        noStackTraces(response);
      }
    });
  });

  describe('hostile requests are refused with a typed error and change nothing', () => {
    const register = (alias: string) => `${alias}: registerOrganization(input: { name: "${alias}", kind: NGO }) { id }`;

    it('a deep query (depth above 10)', async () => {
      let selection = 'id';
      for (let i = 0; i < 6; i++) selection = `meeting { decisions { ${selection} } }`;
      const response = await t.gql(`{ decisions(first: 1) { edges { node { ${selection} } } } }`, {}, { token: ngo });
      expect(response.status).toBe(400);
      expect(reasons(response)).toContain('QUERY_TOO_DEEP');
      noStackTraces(response);
    });

    it('an alias flood (more than 15), also of mutations', async () => {
      const before = await head();
      const aliases = Array.from({ length: 16 }, (_, i) => register(`a${i}`)).join(' ');
      const response = await t.gql(`mutation { ${aliases} }`, {}, { token: secretariat });
      expect(response.status).toBe(400);
      expect(reasons(response)).toContain('TOO_MANY_ALIASES');
      expect(await head()).toBe(before);
    });

    it('a directive flood (more than 10)', async () => {
      const fields = Array.from({ length: 11 }, () => 'userId @include(if: true)').join(' ');
      const response = await t.gql(`{ me { ${fields} } }`, {}, { token: ngo });
      expect(response.status).toBe(400);
      expect(reasons(response)).toContain('TOO_MANY_DIRECTIVES');
    });

    it('a huge token count (more than 2000)', async () => {
      const response = await t.gql(`{ me { ${'userId '.repeat(2500)} } }`, {}, { token: ngo });
      expect(response.status).toBe(400);
      expect(codes(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect(response.errors?.[0].message).toMatch(/tokens/);
    });

    it('a costly query (estimated cost above 20000)', async () => {
      const node = 'id title startsAt kindLabel statusLabel agenda { id title } decisions { id text positions { organizationId position } } attendance { organizationId }';
      const aliases = Array.from({ length: 4 }, (_, i) => `m${i}: meetings(first: 100) { edges { node { ${node} } } }`).join(' ');
      const response = await t.gql(`{ ${aliases} }`, {}, { token: secretariat });
      expect(response.status).toBe(400);
      expect(reasons(response)).toContain('QUERY_TOO_COSTLY');
    });

    it('a page above 100, passed as a variable (which a cost estimate cannot see)', async () => {
      const response = await t.gql('query($n: Int) { meetings(first: $n) { edges { cursor } } }', { n: 100000 }, { token: ngo });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_OUT_OF_RANGE' });
    });

    it('a list above 200 items, in variables or in the document', async () => {
      const before = await head();
      const ids = Array.from({ length: 201 }, (_, i) => `org-${i}`);
      const viaVariables = await t.gql(
        'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
        { input: { meetingId: 'm', organizationIds: ids } },
        { token: secretariat },
      );
      expect(viaVariables.status).toBe(400);
      expect(viaVariables.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG' });
      const inline = await t.gql(
        `mutation { recordAttendance(input: { meetingId: "m", organizationIds: [${ids.map((id) => `"${id}"`).join(',')}] }) { id } }`,
        {},
        { token: secretariat },
      );
      expect(inline.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG' });
      const huge = await t.gql(
        'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
        { input: { meetingId: 'm', organizationIds: new Array(300_000).fill('') } },
        { token: secretariat },
      );
      expect(huge.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG' });
      expect(await head()).toBe(before);
    });

    it('an oversized body (above 1 MiB): 413 before any parsing', async () => {
      const before = await head();
      const response = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secretariat}` },
        payload: JSON.stringify({
          query: 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }',
          variables: { input: { name: 'x'.repeat(2 * 1024 * 1024), kind: 'NGO' } },
        }),
      });
      expect(response.statusCode).toBe(413);
      expect(await head()).toBe(before);
    });

    it('a batch of operations', async () => {
      const before = await head();
      const response = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secretariat}` },
        payload: JSON.stringify([{ query: `mutation { ${register('b1')} }` }, { query: `mutation { ${register('b2')} }` }]),
      });
      expect(response.statusCode).toBe(400);
      expect(await head()).toBe(before);
    });

    it('a cross-site request (no JSON content type, no preflight header)', async () => {
      const before = await head();
      const get = await t.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('{ me { userId } }')}`, headers: { authorization: `Bearer ${ngo}` } });
      expect(get.statusCode).toBe(400);
      expect(get.body).toMatch(/Cross-Site Request Forgery/);
      const form = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${secretariat}` },
        payload: JSON.stringify({ query: `mutation { ${register('csrf')} }` }),
      });
      expect([400, 415]).toContain(form.statusCode);
      expect(await head()).toBe(before);
    });

    it('mutations above the per-user budget: RATE_LIMITED, nothing stored, other users unaffected', async () => {
      const hasty = await idp.token(claims('SECRETARIAT', 'org-pod', 'hasty'));
      for (let i = 0; i < 3; i++) {
        const ok = await t.gql(`mutation { ${register(`rl${i}`)} }`, {}, { token: hasty });
        expect(ok.errors).toBeUndefined();
      }
      const before = await head();
      const refused = await t.gql(`mutation { ${register('rl3')} }`, {}, { token: hasty });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(refused.errors?.[0].message).toMatch(/Too many/);
      noStackTraces(refused);
      expect(await head()).toBe(before);
      // Queries are not limited; another user has their own budget.
      expect((await t.gql('{ me { userId } }', {}, { token: hasty })).data?.me).toEqual({ userId: 'hasty' });
      const other = await idp.token(claims('SECRETARIAT', 'org-pod', 'patient'));
      expect((await t.gql(`mutation { ${register('rlOther')} }`, {}, { token: other })).errors).toBeUndefined();
    });
  });
});

describe('outside production, Apollo would show more: the same app with NODE_ENV=test', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.stop());

  it('allows introspection and suggests fields (which production turns off)', async () => {
    const token = await t.token('AUDITOR', 'org-riksrevisjonen');
    expect((await t.gql('{ __type(name: "Query") { name } }', {}, { token })).data).toEqual({ __type: { name: 'Query' } });
    expect(JSON.stringify((await t.gql('{ me { userI } }', {}, { token })).errors)).toMatch(/Did you mean/);
  });
});

describe('an identity provider whose key set cannot be had', () => {
  let t: TestApp;
  let broken: Server;
  let jwks: LoopbackIdentityProvider;

  beforeAll(async () => {
    // Serves an error instead of the key set; tokens are signed by a provider the app never reaches.
    broken = createServer((_req, res) => res.writeHead(500).end('down'));
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    jwks = await LoopbackIdentityProvider.start();
    t = await TestApp.start({
      env: {
        NODE_ENV: 'production',
        KOM_AUTH_JWKS_URL: `http://127.0.0.1:${(broken.address() as AddressInfo).port}/jwks`,
        KOM_AUTH_ISSUER: jwks.issuer,
        KOM_AUTH_AUDIENCE: 'kom-platform',
      },
    });
    await t.listen();
  });
  afterAll(async () => {
    await t?.stop();
    await jwks?.stop();
    await new Promise((resolve) => broken?.close(resolve));
  });

  it('answers SERVICE_UNAVAILABLE (not UNAUTHENTICATED, not a masked internal error), logs why, over HTTP and graphql-ws', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const token = await jwks.token({ sub: 'sara', kom_org: 'org-pod', kom_role: 'SECRETARIAT' });
      const response = await t.gql('{ me { userId } }', {}, { token });
      expect(response.errors?.map((e) => e.extensions)).toEqual([{ code: 'SERVICE_UNAVAILABLE', reason: 'IDENTITY_PROVIDER_UNAVAILABLE' }]);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/identity provider key set unavailable .*Expected 200 OK/));
      const closed = (await t.subscriber(token).iterate({ query: '{ me { userId } }' }).next().catch((e: unknown) => e)) as { code: number; reason: string };
      expect(closed.code).toBe(1013);
      expect(JSON.parse(closed.reason)).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'IDENTITY_PROVIDER_UNAVAILABLE' });
    } finally {
      logged.mockRestore();
    }
  });
});
