import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The real entry point, run as an operator would: a bad setting stops it before anything starts.
const main = join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.ts');
const register = join(__dirname, '..', 'support', 'ts-register.js');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', register, main], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    // main checks the settings before it loads the application; a busy machine still gets time.
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
