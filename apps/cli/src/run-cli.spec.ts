import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedIssuer } from '@kom/auth';
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

  it.each([
    [['token', '--role', 'ADMIN', '--org', 'o', '--user', 'u'], /--role must be one of/],
    [['token', '--role', 'AUDITOR', '--user', 'u'], /--org/],
    [['token', '--role', 'AUDITOR', '--org', 'o'], /--user/],
    [['token', '--role', 'AUDITOR', '--org', 'o', '--user', 'u', '--ttl-hours', '-1'], /--ttl-hours/],
    [['token', '--colour', 'red'], /Unknown option/],
    [['frobnicate'], /Unknown command/],
  ])('refuses %j with usage and exit code 2', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });
});
