import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The real entry point, run as an operator would: a bad setting stops it before anything starts.
const main = join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.ts');
const tsx = require.resolve('tsx/cli');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [tsx, main], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    // tsx compiles the whole API before main runs: on a busy 2-core machine that alone took over 20 s.
    timeout: 80_000,
  });
}

describe('start-up configuration', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ KOM_EVENTSTORE_URL: 'mysql://db/kom' }, 'KOM_EVENTSTORE_URL'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
  ])('refuses %j with a message naming %s and exit code 1', (env, name) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain(name);
  }, 90_000);
});
