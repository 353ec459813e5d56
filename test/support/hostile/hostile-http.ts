import { createHash } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { SeededRandom } from './seeded-random';
import { hostileCursor, hostileOperation } from './schema-operations';

export interface HostileRequest {
  /** The attack class, to report which kind of request broke. */
  readonly kind: string;
  readonly bytes: string;
}

export interface Targets {
  readonly schema: GraphQLSchema;
  /** Valid tokens, one per role, and tokens that must be refused. */
  readonly tokens: { readonly valid: readonly string[]; readonly invalid: readonly string[] };
}

const CONNECTIONS = ['agreements', 'organizations', 'meetings', 'decisions', 'actionItems', 'issues', 'auditTrail'];
const METHODS = ['PUT', 'DELETE', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'OPTIONS', 'HEAD', 'FOO', 'get'];
const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/graphql',
  'application/graphql-response+json',
  'application/json;;;',
  'json',
];
const HOSTS = ['', ' ', '[::1', 'a b', '%zz', 'ex ample.org', 'x:99999', 'x:-1', '@', 'user@host', '[]', '\t', 'a'.repeat(300)];

function http(
  method: string,
  path: string,
  options: { host?: string | null; headers?: Record<string, string>; body?: string; version?: string; chunked?: boolean } = {},
): string {
  const lines = [`${method} ${path} HTTP/${options.version ?? '1.1'}`];
  if (options.host !== null) lines.push(`Host: ${options.host ?? '127.0.0.1'}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${value}`);
  const body = options.body ?? '';
  if (options.chunked) lines.push('Transfer-Encoding: chunked');
  else if (body || method === 'POST') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

const json = { 'Content-Type': 'application/json' };

export class HostileHttp {
  constructor(
    private readonly rng: SeededRandom,
    private readonly targets: Targets,
  ) {}

  private token(): string {
    const { valid, invalid } = this.targets.tokens;
    return this.rng.chance(0.85) ? this.rng.pick(valid) : this.rng.pick(invalid);
  }

  private auth(): Record<string, string> {
    return this.rng.chance(0.95) ? { Authorization: `Bearer ${this.token()}` } : {};
  }

  private post(body: string, headers: Record<string, string> = {}): string {
    return http('POST', '/graphql', { headers: { ...json, ...this.auth(), ...headers }, body });
  }

  private gql(query: string, variables?: unknown, extensions?: unknown): string {
    return this.post(JSON.stringify({ query, variables, extensions }));
  }

  /** One request of a randomly chosen attack class. */
  next(): HostileRequest {
    const kinds: Array<[string, () => string]> = [
      ['host header', () => this.hostHeader()],
      ['framing', () => this.framing()],
      ['content type', () => this.contentType()],
      ['bad JSON', () => this.badJson()],
      ['wrong method', () => this.wrongMethod()],
      ['batch', () => this.batch()],
      ['query field', () => this.schemaOperation('query')],
      ['query field', () => this.schemaOperation('query')],
      ['mutation of nothing', () => this.schemaOperation('mutation')],
      ['mutation of nothing', () => this.schemaOperation('mutation')],
      ['subscription over HTTP', () => this.schemaOperation('subscription')],
      ['cursor', () => this.cursor()],
      ['enum value', () => this.enumValue()],
      ['persisted query', () => this.persistedQuery()],
      ['GET', () => this.get()],
      ['huge header', () => this.hugeHeader()],
      ['token', () => this.badToken()],
      ['document', () => this.document()],
    ];
    const [kind, make] = this.rng.pick(kinds);
    return { kind, bytes: make() };
  }

  private hostHeader(): string {
    const body = JSON.stringify({ query: '{ __typename platformStatus { caughtUp } }' });
    const r = this.rng;
    switch (r.int(0, 3)) {
      case 0:
        return http('POST', '/graphql', { host: null, version: r.pick(['1.0', '1.1']), headers: json, body });
      case 1:
        return http('POST', '/graphql', { host: r.pick(HOSTS), headers: json, body });
      case 2:
        return http(r.pick(['GET', 'POST']), r.pick(['/graphql?query=%7B__typename%7D', '/health', '/health/ready', '/graphql']), {
          host: null,
          version: '1.0',
          headers: { 'apollo-require-preflight': '1', ...json },
          body: r.chance(0.5) ? body : '',
        });
      default:
        return http('POST', '/graphql', {
          headers: { ...json, [r.pick(['X-Forwarded-Host', 'X-Forwarded-Proto', 'Forwarded', 'X-Forwarded-For'])]: r.pick([...HOSTS, 'javascript:x', 'ht tp', '1.2.3.4, %%']) },
          body,
        });
    }
  }

  private framing(): string {
    const body = JSON.stringify({ query: '{ __typename }' });
    const head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n`;
    switch (this.rng.int(0, 5)) {
      case 0:
        return `${head}Transfer-Encoding: chunked\r\n\r\nZZ\r\n${body}\r\n0\r\n\r\n`;
      case 1:
        return `${head}Transfer-Encoding: chunked\r\n\r\n${Math.max(1, body.length - 5).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      case 2:
        return `${head}Transfer-Encoding: chunked\r\nContent-Length: ${body.length}\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      case 3:
        return `${head}Content-Length: ${body.length}\r\nContent-Length: 3\r\n\r\n${body}`;
      case 4:
        return `${head}Content-Length: -5\r\n\r\n${body}`;
      default:
        return `${head}Content-Length: 5\r\n\r\n${body}`;
    }
  }

  private contentType(): string {
    const body = JSON.stringify({ query: '{ me { userId } }' });
    return http('POST', '/graphql', { headers: { 'Content-Type': this.rng.pick(CONTENT_TYPES), ...this.auth() }, body });
  }

  private badJson(): string {
    const valid = JSON.stringify({ query: '{ me { userId } }', variables: {} });
    const r = this.rng;
    return this.post(
      r.pick([
        valid.slice(0, r.int(0, valid.length - 1)),
        'null',
        '42',
        '"x"',
        'true',
        '[]',
        '{}',
        '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
        '{"query":"{ me { userId } }","variables":{"__proto__":{"x":1}}}',
        '{"__proto__":{"query":"{ me { userId } }"}}',
        '{"query":"{ me { userId } }","query":"{ me { role } }"}',
        r.bytes(r.int(1, 64)).toString('latin1'),
        JSON.stringify({ query: 42 }),
        JSON.stringify({ query: '{ me { userId } }', variables: 'x' }),
        JSON.stringify({ query: '{ me { userId } }', variables: [1] }),
        JSON.stringify({ query: '{ me { userId } }', extensions: 'x' }),
        JSON.stringify({ query: '{ me { userId } }', operationName: 5 }),
        JSON.stringify({ query: '{ me { userId } }', operationName: 'Missing' }),
        JSON.stringify({ query: '' }),
        '\ufeff' + valid,
      ]),
    );
  }

  private wrongMethod(): string {
    const method = this.rng.pick(METHODS);
    return http(method, this.rng.pick(['/graphql', '/health', '/', '/graphql/', '/%%', '/graphql?query=%']), {
      headers: { ...json, ...this.auth() },
      body: method === 'HEAD' || method === 'get' ? '' : JSON.stringify({ query: '{ __typename }' }),
    });
  }

  private batch(): string {
    const op = { query: 'mutation { createAuditCheckpoint { position } }' };
    return this.post(JSON.stringify(Array.from({ length: this.rng.int(1, 5) }, () => op)));
  }

  private schemaOperation(kind: 'query' | 'mutation' | 'subscription'): string {
    const operation = hostileOperation(this.rng, this.targets.schema, kind);
    if (!operation) return this.gql('{ __typename }');
    return this.gql(operation.query, operation.variables);
  }

  private cursor(): string {
    const field = this.rng.pick(CONNECTIONS);
    const after = hostileCursor(this.rng);
    return this.rng.chance(0.5)
      ? this.gql(`query($after: String) { ${field}(after: $after) { edges { cursor } pageInfo { endCursor } } }`, { after })
      : this.gql(`{ ${field}(after: ${JSON.stringify(String(after))}) { edges { cursor } } }`);
  }

  private enumValue(): string {
    const bad = this.rng.pick(['NOPE', 'ngo', '0', '"NGO"', 'null', 'NGO_', '__proto__']);
    return this.rng.chance(0.5)
      ? this.gql(`{ organizations(kind: ${bad}) { edges { cursor } } }`)
      : this.gql('query($k: OrganizationKind) { organizations(kind: $k) { edges { cursor } } }', { k: this.rng.pick(['NOPE', 'ngo', 0, [], {}, true]) });
  }

  private persistedQuery(): string {
    const query = '{ me { userId } }';
    const sha = createHash('sha256').update(query).digest('hex');
    const r = this.rng;
    const persistedQuery = r.pick<unknown>([
      { version: 1, sha256Hash: 'abc' },
      { version: 2, sha256Hash: sha },
      { version: '1', sha256Hash: sha },
      { version: 1, sha256Hash: 42 },
      { version: 1 },
      'x',
      null,
      [],
      { version: 1, sha256Hash: sha.toUpperCase() },
    ]);
    return r.chance(0.5) ? this.gql(query, {}, { persistedQuery }) : this.post(JSON.stringify({ extensions: { persistedQuery } }));
  }

  private get(): string {
    const r = this.rng;
    const params = r.pick([
      `query=${encodeURIComponent('mutation { createAuditCheckpoint { position } }')}`,
      `query=${encodeURIComponent('{ me { userId } }')}&variables=%7Bx`,
      `query=${encodeURIComponent('{ me { userId } }')}&extensions=%7Bx`,
      `query=${encodeURIComponent('subscription { organizationChanged { name } }')}`,
      'query=%E0%A4%A',
      'query=&query=',
      'variables=%7B%7D',
      `extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'abc' } }))}`,
    ]);
    return http('GET', `/graphql?${params}`, { headers: { 'apollo-require-preflight': '1', ...this.auth() } });
  }

  private hugeHeader(): string {
    const r = this.rng;
    const headers: Record<string, string> = { ...json };
    if (r.chance(0.5)) headers['X-Big'] = 'a'.repeat(r.int(8_000, 40_000));
    else for (let i = 0; i < r.int(100, 2500); i++) headers[`X-H${i}`] = 'v';
    return http('POST', '/graphql', { headers, body: JSON.stringify({ query: '{ __typename }' }) });
  }

  private badToken(): string {
    const r = this.rng;
    const value = r.pick([
      `Bearer ${r.pick(this.targets.tokens.invalid)}`,
      'Bearer',
      'Bearer a.b.c',
      'Basic dXNlcjpwYXNz',
      `Bearer ${'x'.repeat(10_000)}`,
      `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}..`,
      'Bearer \u0000',
    ]);
    return http('POST', '/graphql', { headers: { ...json, Authorization: value }, body: JSON.stringify({ query: '{ me { userId } }' }) });
  }

  private document(): string {
    const r = this.rng;
    return this.gql(
      r.pick([
        '{ me { userId }',
        '{ me { userId } } { me { role } }',
        'query A { me { userId } } query A { me { role } }',
        `{ ${'a: me { userId } '.repeat(30)} }`,
        `{ me { ${'userId '.repeat(2500)} } }`,
        '{ __schema { types { name } } }',
        '{ me { userI } }',
        'fragment F on Query { ...F } { ...F }',
        `{ me ${'@include(if: true) '.repeat(20)} { userId } }`,
        'mutation { me { userId } }',
        '{ meeting(id: 1) { id } }',
        `query { ${'__typename '.repeat(500)} }`,
        r.bytes(r.int(1, 80)).toString('utf8'),
      ]),
    );
  }
}
