import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import type { ArgumentsHost } from '@nestjs/common';
import { EventStoreUnavailableError, PostgresEventStore } from '@kom/event-store';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '@kom/event-store/testing';
import type { Actor } from '@kom/kernel';
import { systemClock } from '../clock';
import { DEFAULT_IDEMPOTENCY_TIMINGS, IdempotentMutations } from '../idempotency/idempotent-mutations';
import { PostgresIdempotencyStore } from '../idempotency/postgres-idempotency-store';
import { HttpRefusalFilter } from '../nest/http-refusal.filter';
import { SharedStatePostgres, SharedStateUnavailableError } from '../shared-state/shared-state-postgres';
import { TcpProxy } from '../shared-state/testing/tcp-proxy';
import { createFormatError } from './format-error';

/**
 * A database outage as a client sees it: a GraphQL server with the platform's formatError, whose
 * mutation claims its idempotency key in PostgreSQL (shared state) and appends to the PostgreSQL
 * event store, both through a relay the test cuts. Every answer during the outage is a typed,
 * retryable SERVICE_UNAVAILABLE (not INTERNAL_SERVER_ERROR); afterwards the same server works.
 */
const typeDefs = `
  type Query { head: String }
  type Mutation { record(key: String): String }
`;
const actor: Actor = { userId: 'rosa-kari', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const RECORD = 'mutation($key: String) { record(key: $key) }';

describeWithPostgres('a database outage, answered over GraphQL', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let store: PostgresEventStore;
  let shared: SharedStatePostgres;
  let server: ApolloServer;
  const reported: unknown[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await TcpProxy.start(database.url);
    const url = proxy.url(database.url);
    const quiet = { onConnectionLost: () => undefined };
    store = await PostgresEventStore.connect(url, quiet);
    shared = await SharedStatePostgres.connect(url, quiet);
    const mutations = new IdempotentMutations(new PostgresIdempotencyStore(shared.pool), systemClock, DEFAULT_IDEMPOTENCY_TIMINGS);
    server = new ApolloServer({
      typeDefs,
      resolvers: {
        Query: { head: async () => String(await store.headPosition()) },
        Mutation: {
          record: (_: unknown, { key }: { key?: string }) =>
            mutations.run({ actor, operation: 'record', key, input: {} }, async () => {
              const id = randomUUID();
              await store.appendToStream(`record-${id}`, [{ id, type: 'Recorded', data: {}, metadata: { correlationId: id } }]);
              return id;
            }),
        },
      },
      formatError: createFormatError({ production: true, report: (error) => reported.push(error) }),
    });
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
    await shared?.close();
    await proxy?.close();
    await database?.drop();
  });

  async function send(query: string, variables: Record<string, unknown> = {}) {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  }

  it('answers SERVICE_UNAVAILABLE, STORE_UNAVAILABLE to a mutation with or without an idempotency key and to a query, then recovers', async () => {
    expect((await send(RECORD)).errors).toBeUndefined();

    await proxy.cut();
    reported.length = 0;
    const answers = [await send(RECORD), await send(RECORD, { key: `outage-${randomUUID()}` }), await send('{ head }')];
    await proxy.restore();

    for (const answer of answers) {
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/outcome of this request is unknown.*same idempotency key/),
          extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'STORE_UNAVAILABLE' },
        }),
      ]);
    }
    // Without a key the append failed; with one, the claim of the key already did.
    expect(reported.map((e) => (e as Error).constructor)).toEqual([EventStoreUnavailableError, SharedStateUnavailableError, EventStoreUnavailableError]);

    const after = await send(RECORD, { key: `after-${randomUUID()}` });
    expect(after.errors).toBeUndefined();
    expect(after.data?.record).toEqual(expect.any(String));
  });

  it('answers an HTTP route (a document download) that fails the same way with 503 SERVICE_UNAVAILABLE', async () => {
    await proxy.cut();
    const failure = await store.readAll().catch((error: unknown) => error);
    await proxy.restore();
    expect(failure).toBeInstanceOf(EventStoreUnavailableError);

    const sent: { status?: number; body?: unknown } = {};
    const reply = {
      status: (code: number) => ((sent.status = code), reply),
      header: () => reply,
      type: () => reply,
      send: (body: unknown) => ((sent.body = body), reply),
    };
    const log = { error: () => undefined };
    const host = { switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ raw: { log } }) }) } as unknown as ArgumentsHost;
    new HttpRefusalFilter().catch(failure, host);

    expect(sent).toEqual({ status: 503, body: { error: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', reason: 'STORE_UNAVAILABLE' }) } });
  });
});
