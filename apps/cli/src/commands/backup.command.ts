import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createEventStore, eventStoreKind, type EventStore } from '@kom/event-store';
import type { KomConfig } from '@kom/platform';
import { UsageError, type CliCommand } from '../cli-command';
import { DATABASES, FORMAT, KEY_FILES, MANIFEST, sha256File, type BackupManifest } from '../backup/backup-manifest';

/** The store is not the embedded one: its own tools back it up. */
export class BackupNotHere extends Error {
  override readonly name = 'BackupNotHere';
}

export function otherStoreAdvice(url: string): string {
  return eventStoreKind(url) === 'postgres'
    ? 'The event store is PostgreSQL: back it up with pg_dump (a consistent snapshot while the API runs) or continuous archiving with point-in-time recovery (PITR), ' +
        'and keep the audit key file with it; see docs/operations/backup-and-restore.md'
    : 'The event store is KurrentDB: back it up with its own backup procedure (file copy of a stopped node, or a snapshot), ' +
        'and keep the audit key file with it; see docs/operations/backup-and-restore.md';
}

/**
 * `kom backup DIR`: a consistent copy of the embedded store while the API serves. SQLite's online
 * backup API (better-sqlite3's db.backup) copies page by page and restarts when a writer changes a
 * page it already copied, so the copy is one moment of the log; appends go on meanwhile. The copy
 * is then hashed into a manifest that restore checks.
 */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'copy the embedded log, personal-data keys and signing keys to DIR while the API runs (PostgreSQL: pg_dump/PITR)',
  usage: 'backup <DIR>',
  async run(argv: string[], config: KomConfig, out: (line: string) => void): Promise<void> {
    if (argv.length !== 1 || argv[0]!.startsWith('-')) throw new UsageError('backup needs exactly one argument: the directory to write the backup to');
    if (config.eventStoreUrl) throw new BackupNotHere(otherStoreAdvice(config.eventStoreUrl));
    const target = resolve(argv[0]!);
    if (existsSync(target) && readdirSync(target).length > 0) throw new UsageError(`${target} is not empty: back up into a new or empty directory`);
    if (!existsSync(join(config.dataDir, 'events.sqlite'))) throw new UsageError(`no event log at ${join(config.dataDir, 'events.sqlite')}: is KOM_DATA_DIR right?`);
    mkdirSync(target, { recursive: true });

    for (const name of DATABASES) {
      const source = join(config.dataDir, name);
      if (!existsSync(source)) continue;
      const db = new Database(source, { fileMustExist: true });
      try {
        await db.backup(join(target, name));
      } finally {
        db.close();
      }
    }
    for (const name of KEY_FILES) {
      const source = name === 'audit-signing-key.pem' ? config.audit.keyFile : name === 'embedded-signing-key.json' ? config.auth.keyFile : join(config.dataDir, name);
      if (existsSync(source)) copyFileSync(source, join(target, name));
    }

    const store = await createEventStore({ dataDir: target });
    let headPosition: bigint;
    let events: number;
    try {
      headPosition = await store.headPosition();
      events = await countEvents(store);
    } finally {
      await store.close();
    }
    const files = Object.fromEntries(readdirSync(target).filter((f) => f !== MANIFEST && !f.endsWith('-wal') && !f.endsWith('-shm')).sort().map((f) => [f, sha256File(join(target, f))]));
    const manifest: BackupManifest = { format: FORMAT, createdAt: new Date().toISOString(), headPosition: String(headPosition), events, files };
    writeFileSync(join(target, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    out(`backed up ${events} events (log head ${headPosition}) and ${Object.keys(files).length} files to ${target}`);
  },
};

/** Page by page: a log of millions of events is never held in memory at once. */
export async function countEvents(store: EventStore): Promise<number> {
  let count = 0;
  let from: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 10_000 });
    count += page.length;
    if (page.length < 10_000) return count;
    from = page[page.length - 1]!.position;
  }
}
