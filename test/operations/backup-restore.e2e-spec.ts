import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEventStore } from '@kom/event-store';
import { ReadModelDatabase, rebuildAll } from '@kom/projections';
import { CONTEXTS } from '../../apps/api/src/contexts';
import { digestTable } from '../../apps/cli/src/audit/read-model-digest';
import { sha256File } from '../../apps/cli/src/backup/backup-manifest';
import { runOperatorCli } from '../support/cli';
import { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const REGISTER = 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }';
const RENAME = 'mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { id } }';

/** Every table of a read-model file, digested without regard to row order. */
function digests(db: Database.Database): Record<string, string> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, `${digestTable(db, t).rows}:${digestTable(db, t).digest}`]));
}

describe('kom backup and kom restore', () => {
  let root: string;
  let backup: string;
  let source: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kom-backup-'));
    source = join(root, 'live');
    backup = join(root, 'backup');
    const t = await TestApp.start({ dataDir: source, env: { KOM_AUDIT_CHECKPOINT_EVERY: '5' } });
    const secretariat = await t.token('SECRETARIAT');
    // Writers keep going while the backup runs.
    let writing = true;
    let written = 0;
    const writer = async (n: number) => {
      while (writing) {
        const { registerOrganization } = await t.data(REGISTER, { input: { name: `Organisasjon ${n}-${written}`, kind: 'NGO' } }, secretariat);
        await t.data(RENAME, { input: { organizationId: registerOrganization.id, name: `Omdøpt ${n}-${written++}` } }, secretariat);
      }
    };
    const writers = [writer(1), writer(2), writer(3)];
    while (written < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const before = written;
    const result = await runOperatorCli(source, ['backup', backup]);
    const during = written - before;
    await new Promise((resolve) => setTimeout(resolve, 100));
    writing = false;
    await Promise.all(writers);
    await t.stop({ keepData: true });
    console.log(`backup: ${result.out} (${during} writes completed while it ran)`);
    expect(result).toMatchObject({ code: 0 });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('restores a backup taken under write load: the log verifies and the read models match the log at the backup\'s head', async () => {
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8')) as { headPosition: string; events: number };
    const live = await createEventStore({ dataDir: source });
    const liveHead = await live.headPosition();
    expect(BigInt(manifest.headPosition)).toBeLessThan(liveHead); // the writers went on after the snapshot

    const target = join(root, 'restored');
    const restored = await runOperatorCli(target, ['restore', backup]);
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.out).toMatch(/verified \d+ events and [1-9]\d* signed checkpoint/);

    // The same read models as the live log replayed to the backup's head.
    const expected = ReadModelDatabase.open(':memory:');
    await rebuildAll(live, expected, CONTEXTS.flatMap((c) => c.projections), { untilPosition: BigInt(manifest.headPosition) });
    await live.close();
    const actual = new Database(join(target, 'read-models.sqlite'), { readonly: true });
    const want = digests(expected.db);
    expect(Object.keys(want).length).toBeGreaterThan(5);
    expect(digests(actual)).toEqual(want);
    actual.close();
    expected.close();

    // And the restored directory serves: the API starts on it and verifies the log.
    expect((await runOperatorCli(target, ['verify'])).code).toBe(0);
    const t = await TestApp.start({ dataDir: target });
    const auditor = await t.token('AUDITOR', 'org-riksrevisjonen');
    expect((await t.data('{ verifyIntegrity { valid checkedEvents } }', {}, auditor)).verifyIntegrity).toEqual({ valid: true, checkedEvents: manifest.events });
    await t.stop();
  });

  it('refuses to restore into a directory that is not empty, and leaves it as it was', async () => {
    const target = join(root, 'occupied');
    await runOperatorCli(target, ['restore', backup]); // first restore fills it
    const files = readdirSync(target).sort();
    const again = await runOperatorCli(target, ['restore', backup]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('is not empty');
    expect(readdirSync(target).sort()).toEqual(files);
  });

  it('refuses a tampered backup (an event altered, the manifest made to match) and leaves the target empty', async () => {
    const tampered = join(root, 'tampered');
    rmSync(tampered, { recursive: true, force: true });
    require('node:fs').cpSync(backup, tampered, { recursive: true });
    const db = new Database(join(tampered, 'events.sqlite'));
    const changed = db.prepare("UPDATE events SET data = replace(data, 'Omdøpt', 'Forfalsket') WHERE data LIKE '%Omdøpt%'").run().changes;
    db.close();
    expect(changed).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(tampered, 'manifest.json'), 'utf8')) as { files: Record<string, string> };
    manifest.files['events.sqlite'] = sha256File(join(tampered, 'events.sqlite'));
    writeFileSync(join(tampered, 'manifest.json'), JSON.stringify(manifest));

    const target = join(root, 'from-tampered');
    const result = await runOperatorCli(target, ['restore', tampered]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not intact: first invalid position \d+/);
    expect(result.err).toContain('nothing was restored');
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
    expect(readdirSync(root).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('refuses a backup whose files do not match the manifest', async () => {
    const damaged = join(root, 'damaged');
    require('node:fs').cpSync(backup, damaged, { recursive: true });
    writeFileSync(join(damaged, 'audit-signing-key.pem'), 'not a key');
    const target = join(root, 'from-damaged');
    const result = await runOperatorCli(target, ['restore', damaged]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('audit-signing-key.pem does not match the manifest');
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
  });

  it('says to use pg_dump or PITR when the event store is PostgreSQL', async () => {
    const { runCli } = await import('../../apps/cli/src/run-cli');
    const err: string[] = [];
    const code = await runCli(['backup', join(root, 'pg')], { KOM_DATA_DIR: join(root, 'pgdata'), KOM_EVENTSTORE_URL: 'postgres://127.0.0.1/kom' }, () => undefined, (l) => err.push(l));
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/pg_dump.*PITR/);
  });
});
