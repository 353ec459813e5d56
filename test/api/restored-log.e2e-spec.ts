import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from '../support/test-app';

const REGISTER = 'mutation($name: String!) { registerOrganization(input: { name: $name, kind: NGO }) { id name } }';
const RENAME = 'mutation($id: ID!, $name: String!) { renameOrganization(input: { organizationId: $id, name: $name }) { id name } }';
const ORGANIZATION = 'query($id: ID!) { organization(id: $id) { id name } }';

/** An older events.sqlite restored beside newer read models: the read models follow the log, not the other way round. */
describe('an older event log restored beside newer read models', () => {
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('rebuilds the read models from the log at start: nothing the log lacks is served, and new writes are projected', async () => {
    t = await TestApp.start();
    const dataDir = t.config.dataDir;
    const secretariat = await t.token('SECRETARIAT');
    const kept = (await t.data(REGISTER, { name: 'Before the backup' }, secretariat)).registerOrganization.id as string;
    await t.stop({ keepData: true });
    const backup = join(dataDir, 'events.backup.sqlite');
    copyFileSync(join(dataDir, 'events.sqlite'), backup);

    t = await TestApp.start({ dataDir });
    const lost: string[] = [];
    for (const name of ['After the backup 1', 'After the backup 2', 'After the backup 3']) {
      lost.push((await t.data(REGISTER, { name }, await t.token('SECRETARIAT'))).registerOrganization.id as string);
    }
    await t.stop({ keepData: true });

    // Restore the log only; the read models stay as they were.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `events.sqlite${suffix}`), { force: true });
    copyFileSync(backup, join(dataDir, 'events.sqlite'));

    t = await TestApp.start({ dataDir });
    const token = await t.token('SECRETARIAT');
    expect((await t.data(ORGANIZATION, { id: kept }, token)).organization).toEqual({ id: kept, name: 'Before the backup' });
    for (const id of lost) expect((await t.data(ORGANIZATION, { id }, token)).organization).toBeNull();
    // What the log lacks is NOT_FOUND for writes too, consistently with what is served.
    const rename = await t.gql(RENAME, { id: lost[0], name: 'Renamed' }, token);
    expect(rename.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A new write lands where the lost ones were, and is projected and served.
    const fresh = await t.data(REGISTER, { name: 'After the restore' }, token);
    expect(fresh.registerOrganization.name).toBe('After the restore');
    expect((await t.data(ORGANIZATION, { id: fresh.registerOrganization.id }, token)).organization.name).toBe('After the restore');
    expect((await t.gql('{ __typename }')).status).toBe(200);
  });
});
