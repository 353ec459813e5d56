import { ConfigError, loadConfig } from './kom-config';

describe('loadConfig', () => {
  it('defaults to the embedded store on port 3000 under ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.eventStoreUrl).toBeUndefined();
    expect(config.dataDir).toBe(require('node:path').resolve('./data'));
    expect(config.nodeEnv).toBe('development');
  });

  it('keeps the embedded signing key in the data directory unless told where to share it', () => {
    const { join, resolve } = require('node:path');
    expect(loadConfig({ KOM_DATA_DIR: '/srv/kom' }).auth.keyFile).toBe(join('/srv/kom', 'embedded-signing-key.json'));
    expect(loadConfig({ KOM_AUTH_KEY_FILE: 'shared/key.json' }).auth.keyFile).toBe(resolve('shared/key.json'));
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', KOM_EVENTSTORE_URL: ' ' }).eventStoreUrl).toBeUndefined();
  });

  it('accepts KurrentDB and EventStoreDB connection strings', () => {
    expect(loadConfig({ KOM_EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' }).eventStoreUrl).toBe(
      'esdb://localhost:2113?tls=false',
    );
    expect(loadConfig({ KOM_EVENTSTORE_URL: 'kurrentdb+discover://a:2113,b:2113' }).eventStoreUrl).toMatch(/^kurrentdb/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ KOM_EVENTSTORE_URL: 'postgres://db' }, 'KOM_EVENTSTORE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toContain(name);
    }
  });
});
