export * from './event-store.contract';
export { FakeKurrentDbClient } from '../kurrentdb/testing/fake-kurrentdb-client';
export { TEST_POSTGRES_URL, createTestDatabase, describeWithPostgres, postgresSkipReason, type TestDatabase } from '../postgres/testing/postgres-test-database';
export { runAppendWorkers, type AppendWorkerReport } from '../postgres/testing/run-append-workers';
