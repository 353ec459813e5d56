import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** Held by the process that owns a data directory; released by release(), or by the OS when the process dies. */
export const LOCK_FILE = 'owner.lock';
/** Who holds the lock, for the message of a process that cannot get it. Never trusted for the lock itself. */
export const OWNER_FILE = 'owner.json';

export interface DataDirectoryOwner {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/** Another process owns the data directory: this one must not write there. */
export class DataDirectoryInUse extends Error {
  override readonly name = 'DataDirectoryInUse';
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirectoryOwner | undefined,
    refusal: Refusal,
  ) {
    super(`${refusal.what}: KOM_DATA_DIR ${dataDir} is in use by ${describeOwner(owner)}. ${refusal.advice}`);
  }
}

/** How a process that cannot own the directory says so: what it refuses, and what the operator can do. */
export interface Refusal {
  readonly what: string;
  readonly advice: string;
}

const REFUSE_TO_START: Refusal = {
  what: 'Refusing to start',
  advice: 'Stop that process first, or give this one its own KOM_DATA_DIR.',
};

export function describeOwner(owner: DataDirectoryOwner | undefined): string {
  return owner ? `process ${owner.pid} on ${owner.host} (started ${owner.startedAt})` : 'another process';
}

/**
 * Exclusive ownership of a data directory: one process at a time runs projections, reactors and
 * appends there. SQLite's own locking provides the lock — a dedicated database file kept in an
 * exclusive transaction — because it rests on POSIX advisory locks, which the OS drops when the
 * holder dies, so a kill -9 leaves no stale lock behind. Read-only tools never take it.
 */
export class DataDirectoryLock {
  private constructor(
    readonly dataDir: string,
    private readonly db: BetterSqlite3.Database,
    readonly owner: DataDirectoryOwner,
  ) {}

  /** Takes the lock or throws DataDirectoryInUse at once (never waits for it). */
  static acquire(dataDir: string, refusal: Refusal = REFUSE_TO_START): DataDirectoryLock {
    mkdirSync(dataDir, { recursive: true });
    const db = new BetterSqlite3(join(dataDir, LOCK_FILE), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if (isBusy(error)) throw new DataDirectoryInUse(dataDir, readOwner(dataDir), refusal);
      throw error;
    }
    const owner: DataDirectoryOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    writeFileSync(join(dataDir, OWNER_FILE), JSON.stringify(owner) + '\n');
    return new DataDirectoryLock(dataDir, db, owner);
  }

  get held(): boolean {
    return this.db.open;
  }

  release(): void {
    if (!this.db.open) return;
    if (readOwner(this.dataDir)?.pid === this.owner.pid) rmSync(join(this.dataDir, OWNER_FILE), { force: true });
    this.db.close();
  }
}

/** The holder as it recorded itself; undefined when unknown. */
export function readOwner(dataDir: string): DataDirectoryOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as Partial<DataDirectoryOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string' || typeof owner.startedAt !== 'string') return undefined;
    return { pid: owner.pid, host: owner.host, startedAt: owner.startedAt };
  } catch {
    return undefined;
  }
}

// Duck-typed: the native addon's SqliteError class differs between module instances (jest).
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
