import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Upcasters } from '@kom/kernel';
import type { EventStore } from './event-store.port';
import { withUpcasting } from './upcasting-event-store';
import {
  describeAcceptedSchemes,
  isKurrentDbUrl,
  redactConnectionString,
} from './kurrentdb/connection-string';
import { isPostgresUrl } from './postgres/connection-string';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreConfig {
  /** A KurrentDB / EventStoreDB or PostgreSQL connection string; unset or blank selects the embedded SQLite store. */
  readonly eventStoreUrl?: string;
  /** Where the embedded store keeps events.sqlite (created when missing). */
  readonly dataDir: string;
  /**
   * Applied to every read, so the code folds events at their newest schema version whatever
   * version the log holds them at. Omit it only to move stored events as they are (migrate-store).
   */
  readonly upcasters?: Upcasters;
  /** The embedded store checkpoints its WAL from a worker thread (a long-running server). */
  readonly backgroundCheckpoints?: boolean;
}

function blankToUndefined(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The event store the configuration asks for: the embedded SQLite store when no URL is set, a
 * KurrentDB / EventStoreDB server for a kurrentdb://, kurrent://, kdb:// or esdb:// URL (each
 * also +discover), PostgreSQL for a postgres:// or postgresql:// URL (connected and migrated
 * before this resolves). Anything else is refused, naming the accepted schemes, without echoing
 * credentials.
 */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  const store = await openAdapter(config);
  return config.upcasters ? withUpcasting(store, config.upcasters) : store;
}

async function openAdapter(config: EventStoreConfig): Promise<EventStore> {
  const url = blankToUndefined(config.eventStoreUrl);
  if (url === undefined) {
    mkdirSync(config.dataDir, { recursive: true });
    return SqliteEventStore.open(path.join(config.dataDir, 'events.sqlite'), { backgroundCheckpoints: config.backgroundCheckpoints });
  }
  if (isKurrentDbUrl(url)) {
    // Loaded only for a KurrentDB URL: its gRPC client costs the other stores about 20 MB and 0.3 s at start.
    const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store');
    return KurrentDbEventStore.connect(url);
  }
  if (isPostgresUrl(url)) return PostgresEventStore.connect(url);
  throw new Error(
    `Unsupported event store URL ${redactConnectionString(url)}: expected ${describeAcceptedSchemes()}, ` +
      'postgres:// or postgresql://, or no URL for the embedded SQLite store',
  );
}

/** A description of the configured store that is safe to log: credentials become ***. */
export function describeEventStoreUrl(url?: string): string {
  const value = blankToUndefined(url);
  if (value === undefined) return 'embedded SQLite event store';
  const redacted = redactConnectionString(value);
  if (isKurrentDbUrl(value)) return `KurrentDB at ${redacted}`;
  if (isPostgresUrl(value)) return `PostgreSQL at ${redacted}`;
  return `unsupported event store URL ${redacted}`;
}

/** Which adapter a URL selects, for status reports. */
export function eventStoreKind(url?: string): 'sqlite' | 'kurrentdb' | 'postgres' | 'unsupported' {
  const value = blankToUndefined(url);
  if (value === undefined) return 'sqlite';
  if (isKurrentDbUrl(value)) return 'kurrentdb';
  return isPostgresUrl(value) ? 'postgres' : 'unsupported';
}
