import { describeWithPostgres, suiteDatabase } from '@kom/event-store/testing';
import { SharedStatePostgres, SharedStateUnavailableError, sharedStateAvailable } from './shared-state-postgres';
import { TcpProxy } from './testing/tcp-proxy';

describe('sharedStateAvailable', () => {
  it('types a lost or refused connection, and leaves a refusal of the statement as it is', async () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const duplicate = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });

    for (const lost of [terminated, refused, new Error('Connection terminated unexpectedly')]) {
      const error = await sharedStateAvailable(() => Promise.reject(lost)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SharedStateUnavailableError);
      expect((error as Error).cause).toBe(lost);
    }
    await expect(sharedStateAvailable(() => Promise.reject(duplicate))).rejects.toBe(duplicate);
    await expect(sharedStateAvailable(async () => 'answer')).resolves.toBe('answer');
  });
});

describeWithPostgres('SharedStatePostgres when the database goes away', () => {
  const suite = suiteDatabase();
  const failures: unknown[] = [];
  const record = (error: unknown) => failures.push(error);

  beforeEach(() => {
    failures.length = 0;
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  });

  it('survives a checked-out connection terminated between two statements, and replaces it', async () => {
    const lost: Error[] = [];
    let arrived!: () => void;
    const reported = new Promise<void>((resolve) => (arrived = resolve));
    const shared = await SharedStatePostgres.connect(suite.database.url, {
      maxConnections: 1,
      onConnectionLost: (error) => (lost.push(error), arrived()),
    });
    try {
      const client = await shared.pool.connect();
      await client.query('BEGIN');
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');

      await suite.admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await reported;
      client.release(true);

      expect(lost[0]).toMatchObject({ code: '57P01' });
      await expect(shared.ping()).resolves.toBeUndefined();
      expect(failures).toEqual([]);
    } finally {
      await shared.close();
    }
  });

  it('answers SharedStateUnavailableError while the database cannot be reached, and works again once it can', async () => {
    const proxy = await TcpProxy.start(suite.database.url);
    const shared = await SharedStatePostgres.connect(proxy.url(suite.database.url), { maxConnections: 2, onConnectionLost: () => undefined });
    try {
      await expect(shared.ping()).resolves.toBeUndefined();

      await proxy.cut();
      await expect(shared.ping()).rejects.toBeInstanceOf(SharedStateUnavailableError);

      await proxy.restore();
      await expect(shared.ping()).resolves.toBeUndefined();
      expect(failures).toEqual([]);
    } finally {
      await shared.close();
      await proxy.close();
    }
  });
});
