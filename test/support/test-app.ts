import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { EmbeddedIssuer, TOKEN_VERIFIER, type TokenVerifier } from '@kom/auth';
import type { Role } from '@kom/kernel';
import { CLOCK, loadConfig, type KomConfig, type ManualClock } from '@kom/platform';
import { AppModule } from '../../apps/api/src/app.module';
import { createApp } from '../../apps/api/src/bootstrap';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }>;
}

export interface TestAppOptions {
  /** Environment on top of the test defaults (temporary data directory, silent log, NODE_ENV=test). */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * A manual clock in place of the real one: meetings can be planned ahead and then held, and a
   * scenario can move time on. Without it the application is built as production builds it.
   */
  readonly clock?: ManualClock;
  /** An existing data directory (to start again on the same data); a new temporary one otherwise. */
  readonly dataDir?: string;
  /** Wraps the application's token verifier (a key withdrawn, an identity provider down). */
  readonly verifier?: (verifier: TokenVerifier) => TokenVerifier;
}

/** A bearer token, or the token and extra headers of a GraphQL request. */
export type GqlOptions = string | { token?: string; headers?: Record<string, string> };

/** The real application on the embedded store in a temporary data directory. */
export class TestApp {
  private readonly clients: Client[] = [];

  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: KomConfig,
    readonly schemaFile: string,
    private readonly issuer: EmbeddedIssuer,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kom-e2e-'));
    const config = loadConfig({ KOM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...options.env });
    const schemaFile = join(dataDir, 'kom.graphql');
    const app = await createTestApplication(config, schemaFile, options);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const issuer = await EmbeddedIssuer.open(config.auth);
    return new TestApp(app, config, schemaFile, issuer);
  }

  token(role: Role, organizationId = 'org-pod', userId = `user-${role.toLowerCase()}`): Promise<string> {
    return this.issuer.issue({ userId, organizationId, role });
  }

  /**
   * A token for a registered representative: the secretariat adds the representative to the
   * organisation and links the token's subject to it (signing needs both).
   */
  async representative(role: Role, organizationId: string, userId: string, name = `Rep ${userId}`): Promise<{ token: string; representativeId: string }> {
    const secretariat = await this.token('SECRETARIAT', 'org-pod', 'test-secretariat');
    const { addRepresentative } = await this.data(
      'mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }',
      { input: { organizationId, name, email: `${userId.replace(/[^a-z0-9-]/gi, '')}@example.org` } },
      secretariat,
    );
    await this.linkIdentity(addRepresentative.id, organizationId, userId);
    return { token: await this.token(role, organizationId, userId), representativeId: addRepresentative.id as string };
  }

  /** Links a sign-in subject to a representative (as the secretariat). */
  async linkIdentity(representativeId: string, organizationId: string, subject: string): Promise<void> {
    const secretariat = await this.token('SECRETARIAT', 'org-pod', 'test-secretariat');
    await this.data(
      'mutation($input: LinkRepresentativeIdentityInput!) { linkRepresentativeIdentity(input: $input) { id } }',
      { input: { representativeId, organizationId, subject } },
      secretariat,
    );
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<GraphQLResponse<T>> {
    const { token, headers } = typeof options === 'string' ? { token: options, headers: undefined } : options;
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      payload: JSON.stringify({ query, variables }),
    });
    return { status: response.statusCode, ...(JSON.parse(response.body) as object) };
  }

  /** The data of a query that must succeed; throws with the errors and the start of the query otherwise. */
  async data<T = any>(query: string, variables: Record<string, unknown>, options: GqlOptions): Promise<T> {
    const response = await this.gql(query, variables, options);
    if (response.errors) throw new Error(`${JSON.stringify(response.errors)} for ${query.slice(0, 60)}`);
    return response.data as T;
  }

  /** Listens on a free local port, for graphql-ws clients (see subscriber). */
  async listen(): Promise<void> {
    await this.app.listen(0, '127.0.0.1');
  }

  /** A lazy graphql-ws client (no retries) of the listening application, disposed on stop. */
  subscriber(token?: string): Client {
    const { port } = this.app.getHttpServer().address() as { port: number };
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    });
    this.clients.push(client);
    return client;
  }

  /** Stops the application and removes its data directory, unless asked to keep it (for the CLI to read or to start again). */
  async stop(options: { keepData?: boolean } = {}): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => client.dispose()));
    await this.app.close();
    if (!options.keepData) rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}

/** The production bootstrap; with a clock or a verifier, the same module compiled for tests with those overridden. */
async function createTestApplication(config: KomConfig, schemaFile: string, { clock, verifier }: TestAppOptions): Promise<NestFastifyApplication> {
  if (!clock && !verifier) return createApp({ config, schemaFile });
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot({ config, schemaFile })] });
  if (clock) builder = builder.overrideProvider(CLOCK).useValue(clock);
  if (verifier) {
    const wrapped = verifier(await EmbeddedIssuer.open(config.auth));
    builder = builder.overrideProvider(TOKEN_VERIFIER).useValue(wrapped);
  }
  const moduleRef = await builder.compile();
  return moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
}
