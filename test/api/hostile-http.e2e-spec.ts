import { GraphQLSchemaHost } from '@nestjs/graphql';
import { LoopbackIdentityProvider, unsignedToken } from '@kom/auth/testing';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { sendRaw, type RawResponse } from '../support/hostile/raw-http';
import { HostileHttp, type HostileRequest } from '../support/hostile/hostile-http';
import { SeededRandom } from '../support/hostile/seeded-random';
import { snapshotState } from '../support/hostile/state-snapshot';
import { TestApp } from '../support/test-app';

/**
 * Seeded fuzzing of the HTTP surface, on a real listening server (production settings, OIDC on
 * loopback) and raw sockets: malformed HTTP, bad JSON, wrong methods, batches, every root field of
 * the schema with hostile arguments, cursors, enum values, persisted-query extensions, tokens.
 * A client mistake gets a 4xx or a typed GraphQL error: any 5xx, any INTERNAL_SERVER_ERROR, or any
 * change to the event log or the read models fails the run.
 *
 * Another run: KOM_FUZZ_SEED=<n> KOM_FUZZ_REQUESTS=<n> npx jest test/api/hostile-http.e2e-spec.ts
 */
const SEED = Number(process.env.KOM_FUZZ_SEED ?? 20261203);
const REQUESTS = Number(process.env.KOM_FUZZ_REQUESTS ?? 600);

interface Finding {
  readonly request: HostileRequest;
  readonly response: RawResponse;
  readonly problem: string;
}

/** What is wrong with an answer to a client mistake, if anything. */
function problemWith(response: RawResponse): string | undefined {
  if (response.status === 0) return 'no HTTP answer';
  if (response.status >= 500) return `HTTP ${response.status}`;
  if (/INTERNAL_SERVER_ERROR|Internal server error/.test(response.body)) return 'an internal error for a client mistake';
  return undefined;
}

describe(`hostile HTTP requests (seed ${SEED}, ${REQUESTS} requests)`, () => {
  let idp: LoopbackIdentityProvider;
  let t: TestApp;
  let port: number;
  let hostile: HostileHttp;

  beforeAll(async () => {
    idp = await LoopbackIdentityProvider.start();
    t = await TestApp.start({
      env: {
        NODE_ENV: 'production',
        KOM_AUTH_JWKS_URL: idp.jwksUrl,
        KOM_AUTH_ISSUER: idp.issuer,
        KOM_AUTH_AUDIENCE: 'kom-platform',
        KOM_AUTH_MAX_TOKEN_AGE_SECONDS: '3600',
        KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
      },
    });
    await t.listen();
    port = (t.app.getHttpServer().address() as { port: number }).port;
    const now = Math.floor(Date.now() / 1000);
    const claims = (role: string, org: string) => ({ sub: `fuzz-${role.toLowerCase()}`, kom_org: org, kom_role: role });
    const valid = await Promise.all([
      idp.token(claims('SECRETARIAT', 'org-pod')),
      idp.token(claims('AGENCY_MEMBER', 'org-politiet')),
      idp.token(claims('NGO_REPRESENTATIVE', 'org-rosa')),
      idp.token(claims('AUDITOR', 'org-riksrevisjonen')),
    ]);
    const invalid = await Promise.all([
      idp.token(claims('SECRETARIAT', 'org-pod'), { expiresIn: now - 120 }),
      idp.token(claims('SECRETARIAT', 'org-pod'), { issuedAt: now + 3600, expiresIn: now + 7200 }),
      idp.token(claims('SECRETARIAT', 'org-pod'), { issuedAt: now - 86_400, expiresIn: now + 600 }),
      idp.token(claims('SECRETARIAT', 'org-pod'), { audience: 'another-api' }),
      idp.token({ ...claims('SECRETARIAT', 'org-pod'), kom_role: 'ROOT' }),
      Promise.resolve(unsignedToken({ ...claims('SECRETARIAT', 'org-pod'), iss: idp.issuer, aud: 'kom-platform', exp: now + 600 })),
    ]);
    hostile = new HostileHttp(new SeededRandom(SEED), { schema: t.app.get(GraphQLSchemaHost).schema, tokens: { valid, invalid } });
  });
  afterAll(async () => {
    await t?.stop();
    await idp?.stop();
  });

  const post = (body: unknown, headers = 'Host: 127.0.0.1\r\n', version = '1.1') => {
    const text = JSON.stringify(body);
    return `POST /graphql HTTP/${version}\r\n${headers}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`;
  };
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['no Host header (HTTP/1.0)', 400, 'BAD_REQUEST', 'HOST_HEADER_INVALID', () => post({ query: '{ __typename }' }, '', '1.0')],
    ['an empty Host header', 400, 'BAD_REQUEST', 'HOST_HEADER_INVALID', () => post({ query: '{ __typename }' }, 'Host: \r\n')],
    ['a Host header no URL can hold', 400, 'BAD_REQUEST', 'HOST_HEADER_INVALID', () => post({ query: '{ __typename }' }, 'Host: [::1\r\n')],
    ['a broken X-Forwarded-Host', 400, 'BAD_REQUEST', 'HOST_HEADER_INVALID', () => post({ query: '{ __typename }' }, 'Host: 127.0.0.1\r\nX-Forwarded-Host: %zz\r\n')],
    ['a subscription over HTTP', 400, 'BAD_REQUEST', 'SUBSCRIPTION_NEEDS_WEBSOCKET', () => post({ query: 'subscription { organizationChanged { name } }' })],
    ['a persisted-query hash that does not match', 400, 'BAD_REQUEST', 'PERSISTED_QUERY_HASH_MISMATCH', () => post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } })],
    ['a persisted-query version 2', 400, 'BAD_REQUEST', 'PERSISTED_QUERY_VERSION_UNSUPPORTED', () => post({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } })],
    ['an agreements cursor that decodes to {}', 200, 'BAD_USER_INPUT', 'INVALID_CURSOR', () => post({ query: `{ agreements(after: "${cursorOf({})}") { edges { cursor } } }` })],
    ['an organizations cursor that decodes to []', 200, 'BAD_USER_INPUT', 'INVALID_CURSOR', () => post({ query: `{ organizations(after: "${cursorOf([])}") { edges { cursor } } }` })],
    ['a meetings cursor of numbers', 200, 'BAD_USER_INPUT', 'INVALID_CURSOR', () => post({ query: `{ meetings(after: "${cursorOf([1, 2])}") { edges { cursor } } }` })],
  ])('%s: %i %s %s', async (_name, status, code, reason, request) => {
    const secretariat = await idp.token({ sub: 'sara', kom_org: 'org-pod', kom_role: 'SECRETARIAT' });
    const bytes = request().replace('Content-Type:', `Authorization: Bearer ${secretariat}\r\nContent-Type:`);
    const response = await sendRaw(port, bytes);
    expect(response.status).toBe(status);
    const body = JSON.parse(response.body) as { errors?: Array<{ extensions?: Record<string, unknown> }>; code?: string; reason?: string };
    const answer = body.errors ? body.errors[0].extensions : body;
    expect(answer).toMatchObject({ code, reason });
  });

  it('answers every client mistake with a 4xx or a typed error, and changes nothing', async () => {
    const before = await snapshotState(t.app);
    const findings: Finding[] = [];
    const kinds = new Map<string, number>();
    const store = t.app.get<EventStore>(EVENT_STORE);
    let lastHead = await store.headPosition();
    for (let i = 0; i < REQUESTS; i++) {
      const request = hostile.next();
      kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
      const response = await sendRaw(port, request.bytes);
      const head = await store.headPosition();
      const problem = problemWith(response) ?? (head !== lastHead ? 'a change to the event log' : undefined);
      lastHead = head;
      if (problem) findings.push({ request, response, problem });
    }
    const report = findings
      .slice(0, 15)
      .map((f) => `${f.problem} for ${f.request.kind}:\n  ${f.request.bytes.slice(0, 600).replace(/\r\n/g, '\\r\\n')}\n  → ${f.response.status} ${f.response.body.slice(0, 300)}`);
    expect({ seed: SEED, findings: findings.length, first: report }).toEqual({ seed: SEED, findings: 0, first: [] });
    expect(await snapshotState(t.app)).toEqual(before);
    // Every attack class ran.
    expect(kinds.size).toBeGreaterThanOrEqual(15);
    // The server still answers.
    expect((await sendRaw(port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).status).toBe(200);
  });
});
