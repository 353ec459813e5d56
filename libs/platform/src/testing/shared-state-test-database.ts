import { createTestDatabase, type TestDatabase } from '@kom/event-store/testing';
import { SharedStatePostgres } from '../shared-state/shared-state-postgres';

export { describeWithPostgres } from '@kom/event-store/testing';

/**
 * A fresh database on the test server for one spec, and as many SharedStatePostgres on it as the
 * spec asks for, each with its own pool, as separate processes would have. `cleanUp()` closes them
 * and drops the database.
 */
export class SharedStateTestDatabase {
  private readonly opened: SharedStatePostgres[] = [];

  private constructor(readonly database: TestDatabase) {}

  static async create(): Promise<SharedStateTestDatabase> {
    return new SharedStateTestDatabase(await createTestDatabase());
  }

  /** A new process's view: its own pool, migrations run (a no-op after the first). */
  async connect(maxConnections = 3): Promise<SharedStatePostgres> {
    const shared = await SharedStatePostgres.connect(this.database.url, { maxConnections });
    this.opened.push(shared);
    return shared;
  }

  async cleanUp(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((s) => s.close()));
    await this.database.drop();
  }
}
