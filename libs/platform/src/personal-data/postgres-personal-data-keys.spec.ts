import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { describePersonalDataKeysContract } from '../testing/personal-data-keys.contract';
import { SharedStateTestDatabase, describeWithPostgres } from '../testing/shared-state-test-database';
import { PostgresPersonalDataKeys } from './postgres-personal-data-keys';

/** Every page of the table as PostgreSQL holds it now (pageinspect), searched for the bytes. */
async function pagesContain(pool: Pool, bytes: Buffer): Promise<boolean> {
  const { rows } = await pool.query<{ found: boolean }>(
    `SELECT coalesce(bool_or(position($1::bytea IN get_raw_page('personal_data_keys', 'main', n::int)) > 0), false) AS found
     FROM generate_series(0, pg_relation_size('personal_data_keys') / current_setting('block_size')::int - 1) AS n`,
    [bytes],
  );
  return rows[0]!.found;
}

describeWithPostgres('PostgresPersonalDataKeys', () => {
  let database: SharedStateTestDatabase;
  beforeAll(async () => {
    database = await SharedStateTestDatabase.create();
  });
  afterAll(() => database.cleanUp());

  describePersonalDataKeysContract('PostgreSQL, two pools', async () => {
    const [a, b] = [await database.connect(), await database.connect()];
    return { keys: new PostgresPersonalDataKeys(a.pool), second: async () => new PostgresPersonalDataKeys(b.pool) };
  });

  it('deletes the row of a shredded key and rewrites the table: no tuple, live or dead, holds its bytes', async () => {
    const [a, b] = [await database.connect(), await database.connect()];
    const keys = new PostgresPersonalDataKeys(a.pool);
    await a.pool.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    // The shredded key is the last one written: after a plain VACUUM its bytes would remain in the
    // page's free space, below the live tuples, until something overwrote them.
    const kept = randomBytes(32);
    const shredded = randomBytes(32);
    await keys.create('rep-kept', kept);
    await keys.create('rep-gone', shredded);
    expect(await pagesContain(b.pool, shredded)).toBe(true);

    expect(await new PostgresPersonalDataKeys(b.pool).shred('rep-gone')).toBe(true);

    const rows = await b.pool.query("SELECT subject_id FROM personal_data_keys WHERE subject_id = 'rep-gone'");
    expect(rows.rowCount).toBe(0);
    expect(await pagesContain(b.pool, shredded)).toBe(false);
    expect(await pagesContain(b.pool, kept)).toBe(true);
    expect(await keys.get('rep-kept')).toEqual(kept);
  });
});
