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

  it('signs an audit checkpoint every 1000 events or every hour with the key in the data directory, unless told otherwise', () => {
    const { join, resolve } = require('node:path');
    expect(loadConfig({ KOM_DATA_DIR: '/srv/kom' }).audit).toEqual({ checkpointEvery: 1000, checkpointMinutes: 60, keyFile: join('/srv/kom', 'audit-signing-key.pem') });
    expect(loadConfig({ KOM_AUDIT_CHECKPOINT_EVERY: '50', KOM_AUDIT_CHECKPOINT_MINUTES: '0', KOM_AUDIT_KEY_FILE: 'shared/audit.pem' }).audit).toEqual({
      checkpointEvery: 50,
      checkpointMinutes: 0,
      keyFile: resolve('shared/audit.pem'),
    });
  });

  it('keeps the personal data keys in a table of their own in the data directory, or where told (a shared volume)', () => {
    const { join, resolve } = require('node:path');
    expect(loadConfig({ KOM_DATA_DIR: '/srv/kom' }).personalData).toEqual({ keysFile: join('/srv/kom', 'personal-data-keys.sqlite') });
    expect(loadConfig({ KOM_PERSONAL_DATA_KEYS_FILE: 'shared/keys.sqlite' }).personalData).toEqual({ keysFile: resolve('shared/keys.sqlite') });
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

  it('accepts PostgreSQL connection strings', () => {
    expect(loadConfig({ KOM_EVENTSTORE_URL: 'postgres://kom@db:5432/kom' }).eventStoreUrl).toBe('postgres://kom@db:5432/kom');
    expect(loadConfig({ KOM_EVENTSTORE_URL: 'postgresql://kom@db/kom?sslmode=require' }).eventStoreUrl).toMatch(/^postgresql:/);
  });

  it('keeps shared state in PostgreSQL when the event store is there, or where KOM_SHARED_STATE_URL says', () => {
    expect(loadConfig({}).sharedStateUrl).toBeUndefined();
    expect(loadConfig({ KOM_EVENTSTORE_URL: 'kurrentdb://a:2113' }).sharedStateUrl).toBeUndefined();
    expect(loadConfig({ KOM_EVENTSTORE_URL: 'postgres://kom@db/kom' }).sharedStateUrl).toBe('postgres://kom@db/kom');
    expect(loadConfig({ KOM_EVENTSTORE_URL: 'kurrentdb://a:2113', KOM_SHARED_STATE_URL: 'postgresql://kom@state/kom' }).sharedStateUrl).toBe(
      'postgresql://kom@state/kom',
    );
    expect(loadConfig({ KOM_EVENTSTORE_URL: 'postgres://kom@db/kom', KOM_SHARED_STATE_URL: 'postgres://kom@other/kom' }).sharedStateUrl).toBe(
      'postgres://kom@other/kom',
    );
    expect(loadConfig({ KOM_SHARED_STATE_URL: ' ' }).sharedStateUrl).toBeUndefined();
  });

  it.each([
    [{ KOM_SHARED_STATE_URL: 'kurrentdb://a:2113' }, 'KOM_SHARED_STATE_URL'],
    [{ KOM_SHARED_STATE_URL: 'sqlite:///srv/kom/state.sqlite' }, 'KOM_SHARED_STATE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ KOM_EVENTSTORE_URL: 'mysql://db' }, 'KOM_EVENTSTORE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ KOM_AUDIT_CHECKPOINT_EVERY: '0' }, 'KOM_AUDIT_CHECKPOINT_EVERY'],
    [{ KOM_AUDIT_CHECKPOINT_EVERY: 'often' }, 'KOM_AUDIT_CHECKPOINT_EVERY'],
    [{ KOM_AUDIT_CHECKPOINT_MINUTES: '-5' }, 'KOM_AUDIT_CHECKPOINT_MINUTES'],
    [{ KOM_AUDIT_CHECKPOINT_MINUTES: '1.5' }, 'KOM_AUDIT_CHECKPOINT_MINUTES'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toContain(name);
    }
  });
});

describe('loadConfig: identity and GraphQL limits', () => {
  const oidc = {
    KOM_AUTH_JWKS_URL: 'https://idp.example/jwks',
    KOM_AUTH_ISSUER: 'https://idp.example',
    KOM_AUTH_AUDIENCE: 'kom-api',
  };

  it('uses the embedded issuer when no OIDC setting is given (outside production)', () => {
    expect(loadConfig({}).auth.oidc).toBeUndefined();
  });

  it('refuses NODE_ENV=production without an OIDC provider, saying what to set', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', KOM_AUTH_ISSUER: 'https://idp.example' })).toThrow(/KOM_AUTH_JWKS_URL/);
    expect(loadConfig({ NODE_ENV: 'production', ...oidc }).auth.oidc?.jwksUrl).toBe('https://idp.example/jwks');
  });

  it('needs the issuer and audience pinned when OIDC is configured', () => {
    expect(() => loadConfig({ KOM_AUTH_JWKS_URL: oidc.KOM_AUTH_JWKS_URL, KOM_AUTH_AUDIENCE: 'kom-api' })).toThrow(/KOM_AUTH_ISSUER/);
    expect(() => loadConfig({ KOM_AUTH_JWKS_URL: oidc.KOM_AUTH_JWKS_URL, KOM_AUTH_ISSUER: 'https://idp.example' })).toThrow(/KOM_AUTH_AUDIENCE/);
  });

  it('reads the claim mapping, role map and organisation map', () => {
    const config = loadConfig({
      ...oidc,
      KOM_AUTH_ALGORITHMS: 'RS256, ES256',
      KOM_AUTH_CLAIM_USER: 'client_id',
      KOM_AUTH_CLAIM_ORG: 'authorization_details[0].reportees[0].ID',
      KOM_AUTH_CLAIM_ROLE: 'groups',
      KOM_AUTH_ROLE_MAP: 'kom-sekretariat=SECRETARIAT, 2f5d1c9e-0000-4000-8000-000000000001=AUDITOR',
      KOM_AUTH_ORG_MAP: '0192:974760746=org-pod;0192:974760673=org-udi',
    });
    expect(config.auth.oidc).toEqual({
      jwksUrl: oidc.KOM_AUTH_JWKS_URL,
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 30,
      maxTokenAgeSeconds: 86_400,
      claims: { user: 'client_id', organization: 'authorization_details[0].reportees[0].ID', role: 'groups' },
      roleMap: { 'kom-sekretariat': 'SECRETARIAT', '2f5d1c9e-0000-4000-8000-000000000001': 'AUDITOR' },
      organizationMap: { '0192:974760746': 'org-pod', '0192:974760673': 'org-udi' },
    });
  });

  it.each([
    [{ ...oidc, KOM_AUTH_ALGORITHMS: 'HS256' }, 'KOM_AUTH_ALGORITHMS'],
    [{ ...oidc, KOM_AUTH_ALGORITHMS: 'none' }, 'KOM_AUTH_ALGORITHMS'],
    [{ ...oidc, KOM_AUTH_ALGORITHMS: 'RS256,HS512' }, 'KOM_AUTH_ALGORITHMS'],
    [{ ...oidc, KOM_AUTH_JWKS_URL: 'ftp://idp/jwks' }, 'KOM_AUTH_JWKS_URL'],
    [{ ...oidc, KOM_AUTH_CLAIM_ORG: 'consumer..ID' }, 'KOM_AUTH_CLAIM_ORG'],
    [{ ...oidc, KOM_AUTH_ROLE_MAP: 'admins=ADMIN' }, 'KOM_AUTH_ROLE_MAP'],
    [{ ...oidc, KOM_AUTH_MAX_TOKEN_AGE_SECONDS: '0' }, 'KOM_AUTH_MAX_TOKEN_AGE_SECONDS'],
    [{ ...oidc, KOM_AUTH_MAX_TOKEN_AGE_SECONDS: 'one day' }, 'KOM_AUTH_MAX_TOKEN_AGE_SECONDS'],
    [{ ...oidc, KOM_AUTH_MAX_TOKEN_AGE_SECONDS: '99999999' }, 'KOM_AUTH_MAX_TOKEN_AGE_SECONDS'],
    [{ ...oidc, KOM_AUTH_CLOCK_TOLERANCE_SECONDS: '3600' }, 'KOM_AUTH_CLOCK_TOLERANCE_SECONDS'],
    [{ KOM_GRAPHQL_INTROSPECTION: 'yes' }, 'KOM_GRAPHQL_INTROSPECTION'],
    [{ KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '0' }, 'KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE'],
    [{ KOM_GRAPHQL_MAX_DEPTH: '1' }, 'KOM_GRAPHQL_MAX_DEPTH'],
  ])('refuses %j, naming %s', (env, name) => {
    try {
      loadConfig(env);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toContain(name);
    }
  });

  it('turns introspection off in production unless KOM_GRAPHQL_INTROSPECTION=true, and has hardening defaults', () => {
    expect(loadConfig({}).graphql.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...oidc }).graphql.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...oidc, KOM_GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
    expect(loadConfig({ KOM_GRAPHQL_INTROSPECTION: 'false' }).graphql.introspection).toBe(false);
    expect(loadConfig({}).graphql).toEqual({
      introspection: true,
      maxDepth: 10,
      maxAliases: 15,
      maxDirectives: 10,
      maxTokens: 2000,
      maxCost: 20000,
      maxListLength: 200,
    });
    expect(loadConfig({}).auth.mutationsPerMinute).toBe(120);
  });
});

describe('loadConfig: browser sign-in', () => {
  const bearer = { KOM_AUTH_JWKS_URL: 'https://idp.example/jwks', KOM_AUTH_ISSUER: 'https://idp.example', KOM_AUTH_AUDIENCE: 'kom' };
  const signIn = {
    KOM_OIDC_ISSUER_URL: 'https://idp.example',
    KOM_OIDC_CLIENT_ID: 'kom-web',
    KOM_OIDC_CLIENT_SECRET: 's3cret',
    KOM_PUBLIC_ORIGIN: 'https://kom.example.no',
  };
  const problems = (env: NodeJS.ProcessEnv): string => {
    try {
      loadConfig(env);
      return '';
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems.join('\n');
    }
  };

  it('is embedded by default, with 30 idle minutes, 10 hours at most and the sessions in the data directory', () => {
    const { join } = require('node:path');
    expect(loadConfig({ KOM_DATA_DIR: '/srv/kom' }).session).toMatchObject({
      mode: 'embedded',
      idleMinutes: 30,
      maxHours: 10,
      storeFile: join('/srv/kom', 'sessions.sqlite'),
      oidc: undefined,
    });
    expect(loadConfig({ KOM_SESSION_IDLE_MINUTES: '15', KOM_SESSION_MAX_HOURS: '8' }).session).toMatchObject({ idleMinutes: 15, maxHours: 8 });
  });

  it('signs in with the provider once KOM_OIDC_ISSUER_URL is set, with openid always among the scopes', () => {
    const session = loadConfig({ ...signIn, KOM_OIDC_SCOPES: 'profile kom' }).session;
    expect(session.mode).toBe('oidc');
    expect(session.publicOrigin).toBe('https://kom.example.no');
    expect(session.oidc).toEqual({
      issuerUrl: 'https://idp.example',
      clientId: 'kom-web',
      clientSecret: 's3cret',
      scopes: 'openid profile kom',
      postLogoutRedirectUri: 'https://kom.example.no/',
    });
  });

  it('maps the ID token with the Bearer path\'s claim settings', () => {
    const session = loadConfig({ ...signIn, KOM_AUTH_CLAIM_ORG: 'consumer.ID', KOM_AUTH_ORG_MAP: '0192:974760746=org-pod' }).session;
    expect(session.claims).toEqual({ user: 'sub', organization: 'consumer.ID', role: 'kom_role' });
    expect(session.organizationMap).toEqual({ '0192:974760746': 'org-pod' });
  });

  it.each(['KOM_OIDC_CLIENT_ID', 'KOM_OIDC_CLIENT_SECRET', 'KOM_PUBLIC_ORIGIN'] as const)('requires %s with KOM_OIDC_ISSUER_URL', (name) => {
    expect(problems({ ...signIn, [name]: '' })).toContain(`${name}: must be set when KOM_OIDC_ISSUER_URL is set`);
  });

  it('never offers embedded sign-in in production, and wants https there', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...bearer }).session).toMatchObject({ mode: 'oidc', oidc: undefined });
    expect(problems({ NODE_ENV: 'production', ...bearer, ...signIn, KOM_OIDC_ISSUER_URL: 'http://idp.example' })).toContain('KOM_OIDC_ISSUER_URL: must be https');
    expect(problems({ NODE_ENV: 'production', ...bearer, ...signIn, KOM_PUBLIC_ORIGIN: 'http://kom.example.no' })).toContain('KOM_PUBLIC_ORIGIN: must be https');
  });

  it.each(['https://kom.example.no/app', 'kom.example.no', 'ftp://kom.example.no'])('refuses KOM_PUBLIC_ORIGIN=%j (an origin only)', (origin) => {
    expect(problems({ KOM_PUBLIC_ORIGIN: origin })).toContain('KOM_PUBLIC_ORIGIN');
  });
});
