import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AuditNotary, loadOrCreateAuditKey } from '@kom/audit';
import { SqliteEventStore } from '@kom/event-store';
import { DomainError, type Actor } from '@kom/kernel';
import { GROUP_KINDS, ORGANIZATION_KINDS, groupDecider, groupStream, organizationDecider, organizationStream, type OrganizationKind } from '@kom/organizations';
import { EventSchemaRegistry, executeCommand, loadConfig, systemClock } from '@kom/platform';
import { ProjectionRunner, ReadModelDatabase } from '@kom/projections';
import { CONTEXTS } from '../../../api/src/contexts';
import { runCli } from '../run-cli';

// The audit commands end to end on a data directory written as the API writes it: commands through
// the command path, read models fed live by the projection runner, checkpoints by the notary.
describe('audit commands: replay, verify, export-audit, verify --bundle', () => {
  let dataDir: string;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { KOM_DATA_DIR: dataDir, KOM_AUDIT_CHECKPOINT_EVERY: '50' }, (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kom-cli-audit-'));
    const config = loadConfig({ KOM_DATA_DIR: dataDir });
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    const live = ReadModelDatabase.open(join(dataDir, 'read-models.sqlite'));
    const runner = new ProjectionRunner(store, live, CONTEXTS.flatMap((c) => c.projections));
    const notary = new AuditNotary(store, live.db, loadOrCreateAuditKey(config.audit.keyFile), { checkpointEvery: 50 });
    await runner.start();
    const deps = { store, clock: systemClock, schemas: new EventSchemaRegistry(CONTEXTS.flatMap((c) => c.eventSchemas)) };
    const actor: Actor = { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' };

    // A seeded pseudo-random scenario of 600 commands of the organisations context.
    let seed = 42; // mulberry32: deterministic, well mixed in every bit
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const kinds = new Map<string, OrganizationKind>();
    let refused = 0;
    for (let i = 0; i < 600; i++) {
      const meta = { actor, correlationId: `scenario-${i}` };
      const ids = [...kinds.keys()];
      const choice = ids.length < 5 ? 0 : random(4);
      try {
        if (choice === 0) {
          const id = `org-${i}`;
          const kind = ORGANIZATION_KINDS[random(ORGANIZATION_KINDS.length)]!;
          await executeCommand(deps, organizationDecider, organizationStream(id), { type: 'RegisterOrganization', organizationId: id, name: `Organisasjon ${i} æøå`, kind }, meta);
          kinds.set(id, kind);
        } else if (choice === 1) {
          const id = ids[random(ids.length)]!;
          await executeCommand(deps, organizationDecider, organizationStream(id), { type: 'RenameOrganization', organizationId: id, name: `Nytt navn ${i}` }, meta);
        } else {
          const id = ids[random(ids.length)]!;
          const groupKind = GROUP_KINDS[random(2)]!;
          const day = `2026-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
          const command =
            choice === 2
              ? { type: 'AdmitToGroup' as const, groupKind, organizationId: id, organizationKind: kinds.get(id)!, effectiveFrom: day }
              : { type: 'LeaveGroup' as const, groupKind, organizationId: id, effectiveFrom: day, reason: 'Avsluttet samarbeid' };
          await executeCommand(deps, groupDecider, groupStream(groupKind), command, meta);
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused += 1; // the domain said no: part of a realistic history
      }
      if (i % 25 === 0) {
        await runner.waitFor(await store.headPosition());
        await notary.checkpointIfDue();
      }
    }
    await runner.waitFor(await store.headPosition());
    await notary.checkpointIfDue();
    await runner.waitFor(await store.headPosition());
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(400);
    expect(notary.checkpoints().length).toBeGreaterThan(2);
    await runner.stop();
    live.close();
    await store.close();
  }, 120_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('replay: every read model rebuilt from the log equals the live one', async () => {
    const { code, out, err } = await run('replay');
    expect(err).toBe('');
    expect(out).toMatch(/all \d+ read-model tables equal the replay of the log/);
    expect(code).toBe(0);
  });

  it('verify: the whole log, chains and signed checkpoints, is intact', async () => {
    const { code, out } = await run('verify');
    const [, events, checkpoints] = /checked (\d+) events and (\d+) signed checkpoint\(s\).*: valid/.exec(out) ?? [];
    expect(Number(events)).toBeGreaterThan(300);
    expect(Number(checkpoints)).toBeGreaterThan(2);
    expect(code).toBe(0);

    // An auditor needs only the published key (here: the JSON of /.well-known/kom-audit-key).
    const config = loadConfig({ KOM_DATA_DIR: dataDir });
    const published = join(dataDir, 'kom-audit-key.json');
    writeFileSync(published, JSON.stringify(loadOrCreateAuditKey(config.audit.keyFile).published));
    expect((await run('verify', '--public-key', published)).code).toBe(0);
    // Another key: every checkpoint is refused, at the first one.
    const other = join(dataDir, 'other.pem');
    writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const refused = await run('verify', '--public-key', other);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/first invalid position \d+: checkpoint of tree size 50 is signed with another key/);
    expect((await run('verify', '--public-key', join(dataDir, 'missing.pem'))).code).toBe(2);
  });

  it('export-audit writes a bundle that verifies offline; a tampered one does not', async () => {
    const bundle = join(dataDir, 'evidence.jsonl');
    const exported = await run('export-audit', '--from', '2000-01-01', '--to', '2100-12-31', '--out', bundle);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    const lines = readFileSync(bundle, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; proof?: unknown });
    expect(lines[0]).toMatchObject({ kind: 'header', format: 'kom-audit-bundle/v2' });
    expect(lines.filter((l) => l.kind === 'event').length).toBeGreaterThan(300);
    expect(lines.filter((l) => l.kind === 'event').every((l) => l.proof)).toBe(true);
    expect(lines.filter((l) => l.kind === 'consistency').length).toBe(lines.filter((l) => l.kind === 'checkpoint').length - 1);
    expect(lines.at(-1)).toMatchObject({ kind: 'seal' });
    expect(lines.filter((l) => l.kind === 'consistency').length).toBeGreaterThan(2);

    const ok = await run('verify', '--bundle', bundle);
    expect(ok.out).toMatch(/valid/);
    expect(ok.code).toBe(0);
    const key = loadOrCreateAuditKey(loadConfig({ KOM_DATA_DIR: dataDir }).audit.keyFile).published.keyId;
    expect((await run('verify', '--bundle', bundle, '--key-id', key)).code).toBe(0);
    expect((await run('verify', '--bundle', bundle, '--key-id', 'f'.repeat(64))).code).toBe(1);

    // One byte of one event's data.
    const text = readFileSync(bundle, 'utf8');
    const tampered = join(dataDir, 'tampered.jsonl');
    writeFileSync(tampered, text.replace('Nytt navn', 'Nytt nava'));
    const bad = await run('verify', '--bundle', tampered);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/first invalid position \d+: line \d+: the content of organization-org-\d+@\d+ does not match its hash/);
    // A forged proof.
    const firstEvent = text.split('\n').findIndex((line) => line.includes('"kind":"event"'));
    const forged = text.split('\n').map((line, i) => (i === firstEvent + 3 ? line.replace(/"path":\["(.)/, (_, c: string) => `"path":["${c === '0' ? '1' : '0'}`) : line));
    writeFileSync(tampered, forged.join('\n'));
    const badProof = await run('verify', '--bundle', tampered);
    expect(badProof.code).toBe(1);
    expect(badProof.err).toMatch(/inclusion proof .* does not verify/);
    // A forged consistency proof (a rewritten history would need one).
    const rewritten = text.split('\n').map((line) => (line.includes('"kind":"consistency"') ? line.replace(/"path":\["(.)/, (_, c: string) => `"path":["${c === '0' ? '1' : '0'}`) : line));
    writeFileSync(tampered, rewritten.join('\n'));
    const badConsistency = await run('verify', '--bundle', tampered);
    expect(badConsistency.code).toBe(1);
    expect(badConsistency.err).toMatch(/does not extend the one of size 50: the history was rewritten/);
    // One event line removed; the consistency proofs removed.
    const rows = text.split('\n');
    writeFileSync(tampered, rows.filter((_, i) => i !== firstEvent + 100).join('\n'));
    const gap = await run('verify', '--bundle', tampered);
    expect(gap.code).toBe(1);
    expect(gap.err).toMatch(new RegExp(`line ${firstEvent + 101}: the event of leaf \\d+ is missing`));
    writeFileSync(tampered, rows.filter((line) => !line.includes('"kind":"consistency"')).join('\n'));
    const noConsistency = await run('verify', '--bundle', tampered);
    expect(noConsistency.code).toBe(1);
    expect(noConsistency.err).toMatch(/the consistency proof from tree size 50 to \d+ is missing/);
  });

  it('replay reports a read-model row altered behind the platform’s back', async () => {
    const db = new Database(join(dataDir, 'read-models.sqlite'));
    db.prepare("UPDATE organizations SET name = 'Endret i smug' WHERE rowid = (SELECT MIN(rowid) FROM organizations)").run();
    db.close();
    const { code, out, err } = await run('replay');
    expect(code).toBe(1);
    expect(out).toMatch(/DIFFERENT organizations/);
    expect(out).toMatch(/only live: .*Endret i smug/);
    expect(err).toMatch(/1 of \d+ read-model tables differ/);
  });

  it('verify exits non-zero at the exact position of a changed byte in the store', async () => {
    const db = new Database(join(dataDir, 'events.sqlite'));
    db.prepare("UPDATE events SET data = replace(data, 'Organisasjon', 'Organisasjom') WHERE position = 17").run();
    db.close();
    const { code, err } = await run('verify');
    expect(code).toBe(1);
    expect(err).toMatch(/first invalid position 17: /);
  });
});
