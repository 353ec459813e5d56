export * from './event-store.contract';
export { FakeKurrentDbClient } from '../kurrentdb/testing/fake-kurrentdb-client';
/** The KurrentDB adapter itself, for suites that run it over the fake client (the main entry loads it only for a KurrentDB URL). */
export { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store';
export { TEST_POSTGRES_URL, createTestDatabase, describeWithPostgres, postgresSkipReason, suiteDatabase, type TestDatabase } from '../postgres/testing/postgres-test-database';
export { runAppendWorkers, type AppendWorkerReport } from '../postgres/testing/run-append-workers';
