import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { runOperatorCli } from '../support/cli';
import { recordProjectGroupDecision } from '../support/record-decision';
import { TestApp } from '../support/test-app';

// The operator commands on a data directory written by the real application (every context wired,
// its seeders, the background notary): replay equals the live read models; verify passes.
describe('replay and verify after the application ran', () => {
  let app: TestApp;
  let dataDir: string;
  const cli = (...argv: string[]) => runOperatorCli(dataDir, argv);

  beforeAll(async () => {
    app = await TestApp.start({ env: { KOM_AUDIT_CHECKPOINT_EVERY: '20' } });
    dataDir = app.config.dataDir;
    const token = await app.token('SECRETARIAT', 'org-pod', 'sara');
    for (let i = 0; i < 15; i++) {
      const r = await app.gql<{ registerOrganization: { id: string } }>(
        'mutation($n: String!) { registerOrganization(input: { name: $n, kind: NGO }) { id } }',
        { n: `Organisasjon ${i}` },
        { token },
      );
      expect(r.errors).toBeUndefined();
      if (i % 3 === 0) {
        const renamed = await app.gql('mutation($id: ID!, $n: String!) { renameOrganization(input: { organizationId: $id, name: $n }) { id } }', { id: r.data!.registerOrganization.id, n: `Nytt navn ${i}` }, { token });
        expect(renamed.errors).toBeUndefined();
      }
    }
    for (let i = 0; i < 3; i++) await recordProjectGroupDecision(app, `Vedtak ${i}`);
    const created = await app.gql('mutation { createAuditCheckpoint { treeSize } }', {}, { token });
    expect(created.errors).toBeUndefined();
    await app.app.close(); // stops the projections; keeps the data directory
  }, 60_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('replay: every read model of every context equals a rebuild from the log', async () => {
    const { code, out, err } = await cli('replay');
    expect(err).toBe('');
    expect(out).toMatch(/all \d+ read-model tables equal the replay of the log/);
    expect(code).toBe(0);
  });

  it('verify: the log the application wrote, with its background checkpoints, is intact', async () => {
    const { code, out } = await cli('verify');
    expect(out).toMatch(/checked \d+ events and \d+ signed checkpoint\(s\).*: valid/);
    expect(code).toBe(0);
  });

  it('replay names the table of a read-model row altered afterwards', async () => {
    const db = new Database(join(dataDir, 'read-models.sqlite'));
    db.prepare("UPDATE audit_trail SET actor_user_id = 'mallory' WHERE seq = 3").run();
    db.close();
    const { code, out } = await cli('replay');
    expect(code).toBe(1);
    expect(out).toMatch(/DIFFERENT audit_trail/);
  });
});
