import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  KURRENTDB_URL_SCHEMES,
  describeAcceptedSchemes,
  isKurrentDbUrl,
  redactConnectionString,
  toClientConnectionString,
} from './connection-string';

describe('KurrentDB connection strings', () => {
  it.each([
    'kurrentdb://localhost:2113?tls=false',
    'kurrentdb+discover://admin:changeit@cluster.local:2113',
    'kurrent://localhost:2113',
    'kurrent+discover://a:2113,b:2113',
    'kdb://localhost',
    'kdb+discover://localhost',
    'esdb://localhost:2113?tls=false',
    'esdb+discover://a:2113,b:2113,c:2113',
    'KurrentDB://localhost:2113',
    '  esdb://localhost:2113  ',
  ])('accepts %s', (url) => {
    expect(isKurrentDbUrl(url)).toBe(true);
  });

  it.each(['', 'localhost:2113', 'http://localhost:2113', 'postgres://db', 'esdbx://h', 'file:///tmp/x', 'sqlite://x'])(
    'refuses %p',
    (url) => {
      expect(isKurrentDbUrl(url)).toBe(false);
    },
  );

  it('rewrites the deprecated esdb schemes to kurrentdb for the client, and lower-cases the scheme', () => {
    expect(toClientConnectionString('esdb://admin:changeit@localhost:2113?tls=false')).toBe(
      'kurrentdb://admin:changeit@localhost:2113?tls=false',
    );
    expect(toClientConnectionString('esdb+discover://a:2113,b:2113')).toBe('kurrentdb+discover://a:2113,b:2113');
    expect(toClientConnectionString('Kurrent://h:1')).toBe('kurrent://h:1');
    expect(toClientConnectionString(' kdb+discover://h ')).toBe('kdb+discover://h');
    expect(() => toClientConnectionString('http://h')).toThrow(/expected kurrentdb:\/\//);
  });

  it('hands the client only strings it parses (no network I/O happens on creation)', async () => {
    for (const scheme of KURRENTDB_URL_SCHEMES) {
      const client = KurrentDBClient.connectionString(toClientConnectionString(`${scheme}://admin:changeit@localhost:2113?tls=false`));
      await client.dispose();
    }
  });

  it('names every accepted scheme', () => {
    const text = describeAcceptedSchemes();
    for (const scheme of KURRENTDB_URL_SCHEMES) expect(text).toContain(`${scheme}://`);
  });

  it('redacts credentials, including passwords holding @ : / or ?', () => {
    expect(redactConnectionString('kurrentdb://admin:changeit@localhost:2113?tls=false')).toBe(
      'kurrentdb://***@localhost:2113?tls=false',
    );
    expect(redactConnectionString('esdb+discover://u:p%40ss@a:2113,b:2113')).toBe('esdb+discover://***@a:2113,b:2113');
    const tricky = redactConnectionString('kurrentdb://ops:s3cr/et?x@y:z@db.internal:2113?tls=true');
    expect(tricky).toBe('kurrentdb://***@db.internal:2113?tls=true');
    expect(tricky).not.toMatch(/s3cr|et\?x|y:z/);
    expect(redactConnectionString('postgres://user:pw@db:5432/kom')).toBe('postgres://***@db:5432/kom');
    expect(redactConnectionString('user:pw@db')).toBe('***@db');
    expect(redactConnectionString('kurrentdb://localhost:2113?tls=false')).toBe('kurrentdb://localhost:2113?tls=false');
  });
});
