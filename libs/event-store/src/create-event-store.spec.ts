import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createEventStore, describeEventStoreUrl, eventStoreKind } from './create-event-store';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

describe('createEventStore', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'kom-create-event-store-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([undefined, '', '   '])('opens the embedded SQLite store in dataDir when the URL is %p', async (eventStoreUrl) => {
    const dataDir = path.join(root, 'nested', 'data');
    const store = await createEventStore({ eventStoreUrl, dataDir });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(existsSync(path.join(dataDir, 'events.sqlite'))).toBe(true);
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it.each([
    'kurrentdb://admin:changeit@localhost:2113?tls=false',
    'kurrentdb+discover://admin:changeit@cluster.local:2113',
    'kurrent://localhost:2113?tls=false',
    'kdb://localhost:2113?tls=false',
    'esdb://localhost:2113?tls=false',
    'esdb+discover://a:2113,b:2113,c:2113',
  ])('connects to KurrentDB for %s (no network I/O until first use)', async (eventStoreUrl) => {
    const store = await createEventStore({ eventStoreUrl, dataDir: root });
    try {
      expect(store).toBeInstanceOf(KurrentDbEventStore);
    } finally {
      await store.close();
    }
    expect(existsSync(path.join(root, 'events.sqlite'))).toBe(false);
  });

  it.each(['mysql://kom:s3cret@db:3306/kom', 'http://localhost:2113', 'localhost:2113', 'sqlite:///data/events.sqlite'])(
    'refuses %s, naming the accepted schemes without echoing credentials',
    async (eventStoreUrl) => {
      const error = await createEventStore({ eventStoreUrl, dataDir: root }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      for (const scheme of ['kurrentdb://', 'kurrentdb+discover://', 'kurrent://', 'esdb://', 'esdb+discover://', 'postgres://', 'postgresql://']) {
        expect(message).toContain(scheme);
      }
      expect(message).not.toContain('s3cret');
    },
  );

  it('refuses a malformed KurrentDB string without echoing its password', async () => {
    const error = await createEventStore({
      eventStoreUrl: 'kurrentdb://admin:hunter2@localhost:2113?tls=maybe',
      dataDir: root,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Invalid KurrentDB connection string kurrentdb:\/\/\*\*\*@localhost:2113\?tls=maybe/);
    expect((error as Error).message).not.toContain('hunter2');
  });
});

describe('describeEventStoreUrl', () => {
  it('describes the embedded store when no URL is set', () => {
    expect(describeEventStoreUrl()).toBe('embedded SQLite event store');
    expect(describeEventStoreUrl('  ')).toBe('embedded SQLite event store');
  });

  it('replaces credentials by ***', () => {
    expect(describeEventStoreUrl('kurrentdb://admin:changeit@localhost:2113?tls=false')).toBe(
      'KurrentDB at kurrentdb://***@localhost:2113?tls=false',
    );
    expect(describeEventStoreUrl('esdb+discover://ops:p%40ss:w@rd@a:2113,b:2113')).toBe('KurrentDB at esdb+discover://***@a:2113,b:2113');
    expect(describeEventStoreUrl('postgres://kom:s3cret@db/kom')).toBe('PostgreSQL at postgres://***@db/kom');
    expect(describeEventStoreUrl('mysql://kom:s3cret@db/kom')).toBe('unsupported event store URL mysql://***@db/kom');
  });

  it('leaves a URL without credentials as it is', () => {
    expect(describeEventStoreUrl('kurrentdb://localhost:2113?tls=false')).toBe('KurrentDB at kurrentdb://localhost:2113?tls=false');
  });
});

describe('eventStoreKind', () => {
  it.each([
    [undefined, 'sqlite'],
    [' ', 'sqlite'],
    ['esdb://localhost:2113', 'kurrentdb'],
    ['postgres://db/kom', 'postgres'],
    ['PostgreSQL://db/kom', 'postgres'],
    ['mysql://db/kom', 'unsupported'],
  ])('names the adapter %p selects: %s', (url, kind) => {
    expect(eventStoreKind(url)).toBe(kind);
  });
});
