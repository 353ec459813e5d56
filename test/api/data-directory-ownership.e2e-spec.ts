import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOperatorCli } from '../support/cli';
import { startApiProcess, type ApiProcess } from '../support/api-process';

jest.setTimeout(180_000);

/** One process owns a data directory; a second is refused in one line, and a kill -9 leaves no stale lock. */
describe('data directory ownership (real processes)', () => {
  let root: string;
  let dataDir: string;
  const started: ApiProcess[] = [];
  const start = async (name: string) => {
    const api = await startApiProcess(dataDir, join(root, name));
    started.push(api);
    return api;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kom-owner-'));
    dataDir = join(root, 'data');
  });

  afterEach(async () => {
    for (const api of started.splice(0)) {
      api.process.kill('SIGKILL');
      await api.exited;
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a second API with one line naming the directory and the holder, keeps read-only tools working, and recovers after kill -9', async () => {
    const first = await start('first');
    expect(await first.serving()).toBe(true);

    const second = await start('second');
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    const lines = second.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dataDir);
    expect(lines[0]).toContain(`process ${first.process.pid}`);
    expect(lines[0]).toMatch(/^Refusing to start/);

    // Read-only operator commands work beside the running API.
    const verify = await runOperatorCli(dataDir, ['verify']);
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.out).toMatch(/valid/);
    const bundle = join(root, 'bundle.jsonl');
    const exported = await runOperatorCli(dataDir, ['export-audit', '--from', '2000-01-01', '--to', '2999-12-31', '--out', bundle]);
    expect(exported).toMatchObject({ code: 0 });
    expect((await runOperatorCli(dataDir, ['verify', '--bundle', bundle])).code).toBe(0);
    // One that writes where the API writes says why not, and who holds the directory.
    const rebuild = await runOperatorCli(dataDir, ['rebuild-read-models']);
    expect(rebuild.code).toBe(1);
    expect(rebuild.err).toContain('needs the data directory to itself');
    expect(rebuild.err).toContain(`process ${first.process.pid}`);

    // The API still serves and follows the log (export-audit appended a checkpoint to it).
    expect(await readyWithin(first, 15_000)).toBe(200);

    first.process.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const third = await start('third');
    expect(await third.serving()).toBe(true);
    third.process.kill('SIGTERM');
    await third.exited;
    const rebuilt = await runOperatorCli(dataDir, ['rebuild-read-models']);
    expect(rebuilt).toMatchObject({ code: 0 });
    expect(rebuilt.out).toMatch(/^rebuilt \d+ projections from \d+ events/);
  });

  it('of two APIs started together, exactly one serves and the other refuses', async () => {
    const [a, b] = await Promise.all([start('a'), start('b')]);
    const outcome = (api: ApiProcess) =>
      Promise.race([api.serving().then((ok) => (ok ? 'serving' : 'exited')), api.exited.then(() => 'exited')]);
    const results = await Promise.all([outcome(a), outcome(b)]);
    expect([...results].sort()).toEqual(['exited', 'serving']);
    const refused = results[0] === 'exited' ? a : b;
    const winner = refused === a ? b : a;
    expect((await refused.exited).code).toBe(1);
    expect(refused.stderr().trim()).toMatch(new RegExp(`^Refusing to start: KOM_DATA_DIR .* is in use by process ${winner.process.pid} `));
    expect(refused.stderr().trim().split('\n')).toHaveLength(1);
  });
});

async function readyWithin(api: ApiProcess, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  let status = 0;
  while (Date.now() < until) {
    status = (await fetch(api.url('/health/ready'))).status;
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return status;
}
