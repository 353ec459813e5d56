import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  SqliteEventStore,
  copyLog,
  createEventStore,
  describeEventStoreUrl,
  eventStoreKind,
  summarizeLog,
  supportsImport,
  type EventStore,
  type LogSummary,
} from '@kom/event-store';
import { DataDirectoryLock, type KomConfig } from '@kom/platform';
import { UsageError, type CliCommand } from '../cli-command';

/** After the copy, the two logs do not read the same: the target is left as it is, for a look. */
export class MigrationMismatch extends Error {
  override readonly name = 'MigrationMismatch';
}

/** Where a log is: a SQLite file (its path, the data directory holding events.sqlite, or sqlite:<path>) or a server URL. */
type Location = { kind: 'sqlite'; file: string } | { kind: 'server'; url: string };

export function parseLocation(value: string): Location {
  const kind = eventStoreKind(value);
  if (kind === 'postgres' || kind === 'kurrentdb') return { kind: 'server', url: value };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith('sqlite:') && !value.startsWith('file:')) {
    throw new UsageError(`${describeEventStoreUrl(value)}: expected a SQLite path, sqlite:<path>, postgres://… or kurrentdb://…`);
  }
  const path = resolve(value.replace(/^(sqlite|file):(\/\/)?/, ''));
  // A data directory (existing, or a new path without a file extension) holds events.sqlite.
  const isFile = existsSync(path) ? statSync(path).isFile() : /\.(sqlite3?|db)$/i.test(path);
  return { kind: 'sqlite', file: isFile ? path : join(path, 'events.sqlite') };
}

function describe(location: Location): string {
  return location.kind === 'sqlite' ? `SQLite at ${location.file}` : describeEventStoreUrl(location.url);
}

async function open(location: Location, role: 'source' | 'target'): Promise<EventStore> {
  if (location.kind === 'server') {
    // A server URL never touches the data directory.
    return createEventStore({ eventStoreUrl: location.url, dataDir: '' });
  }
  if (role === 'source') {
    if (!existsSync(location.file)) throw new UsageError(`no event log at ${location.file}`);
    return SqliteEventStore.openReadOnly(location.file);
  }
  return SqliteEventStore.open(location.file);
}

function printSummary(out: (line: string) => void, side: string, summary: LogSummary): void {
  const chains = summary.brokenChain ? `chain BROKEN at position ${summary.brokenChain.position}: ${summary.brokenChain.reason}` : 'every chain whole';
  out(`${side}: ${summary.events} events in ${summary.streams} streams, ${chains}, digest ${summary.digest}`);
}

/**
 * Copies one event log into another store (SQLite, PostgreSQL, KurrentDB) and proves the copy:
 * afterwards both logs are read whole, every stream's hash chain checked, and a digest of each
 * printed; they must be equal. Stop the API on both sides first (a SQLite target's data
 * directory is locked for the copy); point the API at the target once it reports equal digests.
 */
export const migrateStoreCommand: CliCommand = {
  name: 'migrate-store',
  summary: 'copy the whole event log from one store to another, then verify both by hash chains and digest',
  usage: 'migrate-store --from <path|sqlite:path|postgres://…|kurrentdb://…> --to <same> [--batch 500]',
  async run(argv: string[], _config: KomConfig, out: (line: string) => void): Promise<void> {
    const { values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string', default: '500' } },
      strict: true,
    });
    if (!values.from || !values.to) throw new UsageError('--from and --to are required');
    const batchSize = Number(values.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError('--batch must be a whole number from 1 to 10000');
    const from = parseLocation(values.from);
    const to = parseLocation(values.to);
    if ((from.kind === 'sqlite' && to.kind === 'sqlite' && from.file === to.file) || (from.kind === 'server' && to.kind === 'server' && from.url === to.url)) {
      throw new UsageError('--from and --to name the same log');
    }
    // A SQLite target is an API's data directory: no API may serve it while the log is copied in.
    const lock =
      to.kind === 'sqlite'
        ? DataDirectoryLock.acquire(dirname(to.file), {
            what: 'migrate-store writes the event log there and needs the data directory to itself',
            advice: 'Stop the API on the target first.',
          })
        : undefined;
    const stores: EventStore[] = [];
    try {
      const source = await open(from, 'source');
      stores.push(source);
      const target = await open(to, 'target');
      stores.push(target);
      out(`copying ${describe(from)} to ${describe(to)}`);
      const started = Date.now();
      let reported = 0;
      const report = await copyLog(source, target, {
        batchSize,
        progress: (copied) => {
          if (copied - reported >= 10_000) {
            reported = copied;
            out(`  ${copied} events copied`);
          }
        },
      });
      if (report.resumedAfter > 0) out(`the target held the source's first ${report.resumedAfter} events: resumed after them`);
      const seconds = (Date.now() - started) / 1000;
      out(`copied ${report.copied} events in ${seconds.toFixed(1)} s`);
      // Recorded times are compared only where the target could keep them.
      const withRecordedAt = supportsImport(target);
      const [a, b] = [await summarizeLog(source, { withRecordedAt }), await summarizeLog(target, { withRecordedAt })];
      printSummary(out, 'source', a);
      printSummary(out, 'target', b);
      if (!withRecordedAt) out('note: the target records its own times; the digests leave recorded times out');
      out(
        a.positionsDigest === b.positionsDigest
          ? 'positions: the same on both sides'
          : 'positions: numbered differently by the target; signed audit checkpoints name the source’s positions and will not verify there',
      );
      if (b.brokenChain) throw new MigrationMismatch(`the target's hash chain is broken at position ${b.brokenChain.position}`);
      if (a.digest !== b.digest || a.events !== b.events) {
        throw new MigrationMismatch('the target does not read the same as the source (digests differ); was the source written to during the copy?');
      }
      out('the logs are equal');
    } finally {
      for (const store of stores.reverse()) await store.close();
      lock?.release();
    }
  },
};
