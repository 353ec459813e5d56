import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { runOperatorCli } from '../support/cli';
import { TestApp } from '../support/test-app';

const REGISTER = 'mutation($name: String!) { registerOrganization(input: { name: $name, kind: NGO }) { id name } }';
const ORGANIZATION = 'query($id: ID!) { organization(id: $id) { id name } }';

/** A log whose hash chain is broken is not written to: writes are refused with the position, reads go on. */
describe('a tampered event log', () => {
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('is found at start: writes refused with LOG_INTEGRITY_BROKEN and the position, /health names it, reads are served', async () => {
    t = await TestApp.start();
    const dataDir = t.config.dataDir;
    const health = async () => JSON.parse((await t!.app.inject({ method: 'GET', url: '/health' })).body) as { logIntegrity: Record<string, unknown> };
    expect((await health()).logIntegrity).toMatchObject({ status: 'verified' });
    const secretariat = await t.token('SECRETARIAT');
    const id = (await t.data(REGISTER, { name: 'Kirkens Bymisjon Bergen' }, secretariat)).registerOrganization.id as string;
    await t.stop({ keepData: true });

    // An edit behind the platform's back: one event's data, its stored hash left as it was.
    const db = new Database(join(dataDir, 'events.sqlite'));
    const { position } = db.prepare(`SELECT position FROM events WHERE stream_id = ?`).get(`organization-${id}`) as { position: number };
    db.prepare(`UPDATE events SET data = json_set(data, '$.name', 'Forged name') WHERE position = ?`).run(position);
    db.close();

    t = await TestApp.start({ dataDir });
    const store = t.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    expect((await health()).logIntegrity).toMatchObject({ status: 'broken', firstInvalidPosition: String(position), reason: expect.stringContaining('does not match its hash') });

    const token = await t.token('SECRETARIAT');
    const refused = await t.gql(REGISTER, { name: 'Built on forged history' }, token);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'LOG_INTEGRITY_BROKEN', position: String(position) });
    expect(await store.headPosition()).toBe(head); // nothing appended, not even a notary checkpoint

    // Reads go on (an auditor must be able to look), and kom verify agrees on the position.
    expect((await t.data(ORGANIZATION, { id }, token)).organization).toMatchObject({ id });
    const verify = await runOperatorCli(dataDir, ['verify']);
    expect(verify.code).toBe(1);
    expect(verify.err).toContain(`first invalid position ${position}`);
  });
});
