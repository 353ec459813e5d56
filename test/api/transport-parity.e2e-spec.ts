import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { LoopbackIdentityProvider } from '@kom/auth/testing';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { MeasuresQueries } from '@kom/measures';
import { TestApp } from '../support/test-app';

/**
 * One pipeline for both transports: the same hostile operations, sent over HTTP and over
 * graphql-ws to the API as production runs it (NODE_ENV=production, OIDC on loopback), get the same
 * typed answer — code, reason, no suggestions, no internals, no stack traces — and change nothing.
 */

interface Outcome {
  code?: unknown;
  reason?: unknown;
  /** Everything the client was sent, to look for leaks. */
  text: string;
  data?: unknown;
}

type TokenKind = 'secretariat' | 'ngo' | 'none' | 'garbage' | 'expired' | 'tooOld';

interface Case {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly token?: TokenKind;
  readonly expected: { code: string; reason?: string };
  /** Must not appear in anything the client is sent. */
  readonly never?: RegExp;
}

const deep = (() => {
  let selection = 'id';
  for (let i = 0; i < 6; i++) selection = `meeting { decisions { ${selection} } }`;
  return `{ decisions(first: 1) { edges { node { ${selection} } } } }`;
})();

const CASES: readonly Case[] = [
  { name: 'a syntax error', query: '{ me { userId }', expected: { code: 'GRAPHQL_PARSE_FAILED' } },
  { name: 'more tokens than the limit', query: `{ me { ${'userId '.repeat(2500)} } }`, expected: { code: 'GRAPHQL_PARSE_FAILED' } },
  {
    name: 'a misspelt field (no suggestions)',
    query: '{ me { userI organisationId } platformStatu { caughtUp } }',
    expected: { code: 'GRAPHQL_VALIDATION_FAILED' },
    never: /Did you mean|organizationId|platformStatus/,
  },
  { name: 'introspection', query: '{ __schema { types { name } } }', expected: { code: 'GRAPHQL_VALIDATION_FAILED' }, never: /"types"/ },
  { name: 'a deep query', query: deep, expected: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP' } },
  { name: 'an alias flood', query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { userId }`).join(' ')} }`, expected: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES' } },
  { name: 'a directive flood', query: `{ me { ${'userId @include(if: true) '.repeat(11)} } }`, expected: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_DIRECTIVES' } },
  {
    name: 'a list above the limit, in variables',
    query: 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
    variables: { input: { meetingId: 'm', organizationIds: Array.from({ length: 201 }, (_, i) => `org-${i}`) } },
    expected: { code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG' },
  },
  {
    name: 'a list above the limit, in the document',
    query: `mutation { recordAttendance(input: { meetingId: "m", organizationIds: [${Array.from({ length: 201 }, () => '"o"').join(',')}] }) { id } }`,
    expected: { code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG' },
  },
  { name: 'a page above 100, as a variable', query: 'query($n: Int) { meetings(first: $n) { edges { cursor } } }', variables: { n: 100_000 }, expected: { code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_OUT_OF_RANGE' } },
  {
    name: 'an unknown enum value in variables (no suggestions)',
    query: 'query($k: OrganizationKind) { organizations(kind: $k) { edges { cursor } } }',
    variables: { k: 'NGOO' },
    expected: { code: 'BAD_USER_INPUT' },
    never: /Did you mean/,
  },
  { name: 'a variable of the wrong type', query: 'query($n: Int) { meetings(first: $n) { edges { cursor } } }', variables: { n: 'ten' }, expected: { code: 'BAD_USER_INPUT' } },
  {
    name: 'a cursor that decodes to {}',
    query: 'query($after: String) { agreements(after: $after) { edges { cursor } } }',
    variables: { after: Buffer.from('{}').toString('base64url') },
    expected: { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' },
  },
  { name: 'an internal fault (masked)', query: '{ measure(number: 34) { number } }', token: 'ngo', expected: { code: 'INTERNAL_SERVER_ERROR' }, never: /srv|sqlite|corrupt/ },
  {
    name: 'a mutation the role may not run',
    query: 'mutation { registerOrganization(input: { name: "Not allowed", kind: NGO }) { id } }',
    token: 'ngo',
    expected: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
  },
  {
    name: 'a mutation on nothing',
    query: 'mutation { signAgreement(input: { agreementId: "no-such-agreement", version: 1 }) { id } }',
    token: 'ngo',
    expected: { code: 'NOT_FOUND', reason: 'AGREEMENT_NOT_FOUND' },
  },
  { name: 'no token', query: '{ me { userId } }', token: 'none', expected: { code: 'UNAUTHENTICATED', reason: 'TOKEN_MISSING' } },
  { name: 'a forged token', query: '{ me { userId } }', token: 'garbage', expected: { code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' } },
  { name: 'an expired token', query: '{ me { userId } }', token: 'expired', expected: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } },
  { name: 'a token older than the maximum age', query: '{ me { userId } }', token: 'tooOld', expected: { code: 'UNAUTHENTICATED', reason: 'TOKEN_TOO_OLD' } },
];

describe('HTTP and graphql-ws answer hostile operations alike (production)', () => {
  let idp: LoopbackIdentityProvider;
  let t: TestApp;
  let store: EventStore;
  let url: string;
  const tokens = {} as Record<TokenKind, string | undefined>;
  const clients: Client[] = [];

  beforeAll(async () => {
    idp = await LoopbackIdentityProvider.start();
    t = await TestApp.start({
      env: {
        NODE_ENV: 'production',
        KOM_AUTH_JWKS_URL: idp.jwksUrl,
        KOM_AUTH_ISSUER: idp.issuer,
        KOM_AUTH_AUDIENCE: 'kom-platform',
        KOM_AUTH_MAX_TOKEN_AGE_SECONDS: '3600',
      },
    });
    await t.listen();
    store = t.app.get<EventStore>(EVENT_STORE);
    url = `ws://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}/graphql`;
    const now = Math.floor(Date.now() / 1000);
    tokens.secretariat = await idp.token({ sub: 'sara', kom_org: 'org-pod', kom_role: 'SECRETARIAT' });
    tokens.ngo = await idp.token({ sub: 'nina', kom_org: 'org-rosa', kom_role: 'NGO_REPRESENTATIVE' });
    tokens.none = undefined;
    tokens.garbage = `${tokens.ngo.slice(0, -4)}AAAA`;
    tokens.expired = await idp.token({ sub: 'nina', kom_org: 'org-rosa', kom_role: 'NGO_REPRESENTATIVE' }, { expiresIn: now - 120 });
    tokens.tooOld = await idp.token({ sub: 'nina', kom_org: 'org-rosa', kom_role: 'NGO_REPRESENTATIVE' }, { issuedAt: now - 7200, expiresIn: now + 600 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.stop();
    await idp?.stop();
  });
  beforeEach(() => {
    jest.spyOn(MeasuresQueries.prototype, 'byNumber').mockImplementation(() => {
      throw new Error('disk /srv/kom/data/read-models.sqlite is corrupt');
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const first = (errors: unknown): Outcome => {
    const list = (Array.isArray(errors) ? errors : []) as Array<{ extensions?: Record<string, unknown> }>;
    return { code: list[0]?.extensions?.code, reason: list[0]?.extensions?.reason, text: JSON.stringify(errors) };
  };

  async function overHttp(c: Case): Promise<Outcome> {
    const response = await t.gql(c.query, c.variables ?? {}, { token: tokens[c.token ?? 'secretariat'] });
    expect(response.status).toBeLessThan(500);
    return { ...first(response.errors), data: response.data ?? undefined };
  }

  function overWebSocket(c: Case): Promise<Outcome> {
    const token = tokens[c.token ?? 'secretariat'];
    const client = createClient({ url, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams: token ? { authorization: `Bearer ${token}` } : {} });
    clients.push(client);
    return new Promise((resolve) => {
      const results: unknown[] = [];
      client.subscribe(
        { query: c.query, variables: c.variables },
        {
          next: (result) => results.push(result),
          error: (error: unknown) => {
            if (Array.isArray(error)) return resolve(first(error));
            const close = error as { code?: number; reason?: string };
            // A refused connection: the close reason carries the code and reason, as JSON.
            const body = (() => {
              try {
                return JSON.parse(close.reason ?? '') as Record<string, unknown>;
              } catch {
                return {};
              }
            })();
            resolve({ code: body.code, reason: body.reason, text: `close ${close.code} ${close.reason}`, data: close.code });
          },
          complete: () => {
            const result = results[0] as { errors?: unknown; data?: unknown } | undefined;
            resolve({ ...first(result?.errors), data: result?.data ?? undefined });
          },
        },
      );
    });
  }

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await store.headPosition();
    const http = await overHttp(c);
    const ws = await overWebSocket(c);
    for (const outcome of [http, ws]) {
      expect({ code: outcome.code, reason: outcome.reason }).toEqual({ code: c.expected.code, reason: c.expected.reason ?? outcome.reason });
      expect(outcome.text).not.toMatch(/stacktrace|    at /);
      if (c.never) expect(outcome.text).not.toMatch(c.never);
    }
    expect({ code: ws.code, reason: ws.reason }).toEqual({ code: http.code, reason: http.reason });
    expect(await store.headPosition()).toBe(before);
  });

  it('a refused token closes the socket with 4401 (Unauthorized), never a bare 4403', async () => {
    const outcome = await overWebSocket({ name: 'expired', query: '{ me { userId } }', token: 'expired', expected: { code: 'UNAUTHENTICATED' } });
    expect(outcome.data).toBe(4401);
  });

  it('answers a valid query over graphql-ws', async () => {
    const ok = await overWebSocket({ name: 'me', query: '{ me { userId role } }', token: 'ngo', expected: { code: '' } });
    expect(ok.data).toEqual({ me: { userId: 'nina', role: 'NGO_REPRESENTATIVE' } });
    expect(ok.code).toBeUndefined();
  });
});
