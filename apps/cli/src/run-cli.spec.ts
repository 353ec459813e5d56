import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { EmbeddedIssuer } from '@kom/auth';
import { createEventStore } from '@kom/event-store';
import { runCli } from './run-cli';

describe('kom CLI', () => {
  let dataDir: string;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { KOM_DATA_DIR: dataDir }, (l) => out.push(l), (l) => err.push(l));
    return { code, out, err };
  };

  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'kom-cli-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a token, last line alone, that the embedded issuer verifies', async () => {
    const { code, out } = await run('token', '--role', 'NGO_REPRESENTATIVE', '--org', 'org-rosa', '--user', 'kari');
    expect(code).toBe(0);
    const token = out[out.length - 1];
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const issuer = await EmbeddedIssuer.open({ keyFile: join(dataDir, 'embedded-signing-key.json'), issuer: 'kom-platform-embedded', audience: 'kom-platform' });
    await expect(issuer.verify(token)).resolves.toEqual({ userId: 'kari', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' });
    expect(statSync(join(dataDir, 'embedded-signing-key.json')).mode & 0o777).toBe(0o600);
  });

  it('gives tokens only for organisations in the register: once the log has begun, a seeded name alone is not enough', async () => {
    const store = await createEventStore({ dataDir });
    await store.appendToStream('organization-org-ny', [
      {
        id: randomUUID(),
        type: 'OrganizationRegistered',
        data: { organizationId: 'org-ny', name: 'Ny organisasjon', shortName: null, kind: 'NGO' },
        metadata: { occurredAt: '2026-03-02T08:00:00.000Z' },
      },
    ]);
    await store.close();
    expect((await run('token', '--role', 'NGO_REPRESENTATIVE', '--org', 'org-ny', '--user', 'kari')).code).toBe(0);
    const refused = await run('token', '--role', 'NGO_REPRESENTATIVE', '--org', 'org-rosa', '--user', 'kari');
    expect(refused.code).toBe(2);
    expect(refused.err.join('\n')).toMatch(/org-rosa is not a registered organisation/);
  });

  it.each([
    [['token', '--role', 'ADMIN', '--org', 'o', '--user', 'u'], /--role must be one of/],
    [['token', '--role', 'AUDITOR', '--user', 'u'], /--org/],
    [['token', '--role', 'AUDITOR', '--org', 'o'], /--user/],
    [['token', '--role', 'AUDITOR', '--org', 'o', '--user', 'u', '--ttl-hours', '-1'], /--ttl-hours/],
    [['token', '--colour', 'red'], /Unknown option/],
    [['token', '--role', 'NGO_REPRESENTATIVE', '--org', 'org-nowhere', '--user', 'kari'], /org-nowhere is not a registered organisation/],
    [['frobnicate'], /Unknown command/],
  ])('refuses %j with usage and exit code 2', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });
});
